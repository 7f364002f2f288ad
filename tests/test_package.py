"""`pip install .` gives a working `prongsai` command: installed into a fresh venv (offline: the
dependencies come from this test run's own environment through a .pth file, the build backend
from requirements-dev.txt) and run from a folder that is not the checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SMALL = REPO / "tests" / "fixtures" / "small_org"
SUBCOMMANDS = ("build", "serve", "validate", "check", "import", "schema", "new", "templates", "publish", "build-all", "portal")


def _copy_checkout(target: Path) -> None:
    """What a clean clone holds of the package (no venv, caches or build output)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("generator", "theme_overrides"):
        shutil.copytree(REPO / name, target / name, ignore=ignore)
    for name in ("pyproject.toml", "requirements.txt", "README.md", "mkdocs.yml"):
        shutil.copy2(REPO / name, target / name)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/ folder of a fresh venv with the package installed by pip from a copy of the checkout."""
    work = tmp_path_factory.mktemp("pkg")
    _copy_checkout(work / "src")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    purelib = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    deps = next(p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir())
    (Path(purelib) / "prongsai-test-deps.pth").write_text(deps + "\n", encoding="utf-8")
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--no-build-isolation", str(work / "src")],
        check=True, cwd=work, env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    shutil.rmtree(work / "src")  # the installed package must not lean on the checkout
    return venv / "bin"


def _run(bin_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(bin_dir / "prongsai"), *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_prongsai_builds_a_site_from_another_folder(installed: Path, tmp_path: Path) -> None:
    office = tmp_path / "office"
    shutil.copytree(SMALL, office / "content")
    done = _run(installed, "build", cwd=office)
    assert done.returncode == 0, done.stderr
    home = (office / "site" / "index.html").read_text(encoding="utf-8")
    assert "องค์การบริหารส่วนตำบลบึงตะวัน" in home
    # The theme came from the installed copy: its stylesheet and Thai font are in the site.
    assert (office / "site" / "assets" / "stylesheets" / "prongsai.css").is_file()
    assert list((office / "site" / "assets" / "fonts").glob("sarabun-thai-*.woff2"))
    where = subprocess.run(
        [str(installed / "python"), "-c", "import generator; print(generator.__file__)"],
        cwd=office, capture_output=True, text=True, check=True,
    ).stdout
    assert str(installed.parent) in where


def test_prongsai_has_every_subcommand(installed: Path, tmp_path: Path) -> None:
    done = _run(installed, "--help", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    for name in SUBCOMMANDS:
        assert name in done.stdout
        sub = _run(installed, name, "--help", cwd=tmp_path)
        assert sub.returncode == 0, (name, sub.stderr)


def test_every_python_package_is_listed_in_pyproject() -> None:
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(REPO).parts)
        for init in (REPO / "generator").rglob("__init__.py")
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"


def test_installed_new_then_build(installed: Path, tmp_path: Path) -> None:
    made = _run(installed, "new", "office", "--name", "เทศบาลตำบลทดลองติดตั้ง", "--kind", "เทศบาลตำบล", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "office" / "templates" / "contracts.xlsx").is_file()
    built = _run(installed, "build", cwd=tmp_path / "office")
    assert built.returncode == 0, built.stderr
    assert "เทศบาลตำบลทดลองติดตั้ง" in (tmp_path / "office" / "site" / "index.html").read_text(encoding="utf-8")
