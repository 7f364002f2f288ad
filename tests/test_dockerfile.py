"""The Dockerfile, read without an engine: what tools/fresh_check.py can carry out, and what `docker build`
would refuse at once (a COPY of a file that is not in the build context). The build itself is checked by
`sudo python3 tools/dockerfile_check.py` (too slow for the suite; README: "Docker")."""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tools"))  # scripts in tools/, imported as the maintainer runs them
try:
    import dockerfile_check
    import fresh_check
finally:
    sys.path.remove(str(REPO / "tools"))

STEPS = dockerfile_check.parse_dockerfile((REPO / "Dockerfile").read_text())
IGNORE = [line.strip() for line in (REPO / ".dockerignore").read_text().splitlines() if line.strip()]


def test_the_image_is_debian_slim_with_chromium_only_in_the_test_stage() -> None:
    froms = [rest for word, rest in STEPS if word == "FROM"]
    assert re.fullmatch(r"debian:\w+-slim AS base", froms[0]) and froms[1] == "base AS test"
    base = STEPS[: STEPS.index(("FROM", froms[1]))]
    assert not any("chromium" in rest for _, rest in base)
    assert {word for word, _ in STEPS} <= {"FROM", "ENV", "WORKDIR", "COPY", "RUN", "ENTRYPOINT", "CMD"}


def test_every_copy_source_is_in_the_build_context() -> None:
    for word, rest in STEPS:
        if word == "COPY":
            *sources, _ = rest.split()
            for source in sources:
                assert (REPO / source).exists(), f"COPY {source}: not in the checkout"
                assert source == "." or not dockerfile_check.ignored(source, IGNORE), f"COPY {source}: .dockerignore drops it"


def test_dockerignore_keeps_local_state_out_and_the_program_in() -> None:
    for local in (".venv", ".venv-3.13/bin/python", "site/index.html", "generator/__pycache__/x.pyc",
                  "publish.secret", "prongsai.egg-info/PKG-INFO"):
        assert dockerfile_check.ignored(local, IGNORE), local
    for kept in ("generator/__main__.py", "content/site.yml", "theme_overrides/main.html", "tests/test_dockerfile.py"):
        assert not dockerfile_check.ignored(kept, IGNORE), kept


def test_the_fresh_machine_check_installs_what_readme_says_a_fresh_machine_needs() -> None:
    readme = (REPO / "README.md").read_text()
    needs = readme[readme.index("\nNeeds "): readme.index("\n\n", readme.index("\nNeeds "))]
    for package in fresh_check.NEEDS:
        assert f"`{package}`" in needs, package
