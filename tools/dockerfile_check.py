"""The Dockerfile checked without a Docker engine, for a maintainer (prints figures; too slow for make test).

    sudo python3 tools/dockerfile_check.py [--tests tests/browser/test_smoke.py ...]

This is NOT a Docker build. No engine runs on the machines this was written on, so the tool
carries out the Dockerfile's steps itself in a Debian root like the image's base (FROM
debian:<suite>-slim: debootstrap minbase plus the slim image's dpkg excludes), in order: ENV, WORKDIR,
COPY from a clean clone (honouring .dockerignore), RUN through /bin/sh in a chroot. Then it runs the
ENTRYPOINT with `build` in a copy of content/ mounted at /work, as `docker run --rm -v "$PWD:/work"
prongsai build` does (as root and as an ordinary uid), and the test stage's CMD on a few test files.
What it cannot check: the image's layers, the engine's own mounts and networking, Docker Desktop's
file sharing on Windows and macOS.

It uses the Debian roots of tools/fresh_check.py (--roots) and needs what that needs.
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from fresh_check import PATH, Root, arguments, clean_clone, roots_folder, run, say

# What debian:*-slim leaves out (debuerreotype's slimification): documentation, manuals, translations.
SLIM_EXCLUDES = """path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/locale/*
"""


def parse_dockerfile(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order; continuation lines joined, comments dropped."""
    steps, pending = [], ""
    for line in text.splitlines():
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        word, _, rest = (pending + line).strip().partition(" ")
        steps.append((word.upper(), rest.strip()))
        pending = ""
    return steps


def expand(value: str, known: dict[str, str]) -> str:
    """$NAME and ${NAME} in an ENV value, from the variables set so far (unset: empty, as Docker does)."""
    return re.sub(r"\$\{?(\w+)\}?", lambda m: known.get(m.group(1), ""), value)


def ignored(relative: str, patterns: list[str]) -> bool:
    """Whether .dockerignore leaves `relative` (or a folder holding it) out of the build context."""
    parts = relative.split("/")
    result = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        rule = re.escape(pattern.lstrip("!").strip("/")).replace(r"\*\*/", "(.*/)?").replace(r"\*\*", ".*")
        rule = rule.replace(r"\*", "[^/]*").replace(r"\?", "[^/]")
        if any(re.fullmatch(rule, "/".join(parts[:n])) for n in range(1, len(parts) + 1)):
            result = not negate
    return result


def copy_into(context: Path, sources: list[str], dest: Path, slash: bool, patterns: list[str]) -> None:
    """COPY: a folder's contents merge into dest; files go into dest/ (or become dest)."""
    into_dir = len(sources) > 1 or slash or dest.is_dir()
    for source in sources:
        src = (context / source).resolve()
        if src.is_dir():
            for path in sorted(src.rglob("*")):
                relative = path.relative_to(context).as_posix()
                if ignored(relative, patterns) or path.is_dir():
                    continue
                target = dest / path.relative_to(src)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
        elif not ignored(source, patterns):
            target = dest / src.name if into_dir else dest
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target)


def check_dockerfile(args: argparse.Namespace) -> int:
    scratch = Path(tempfile.mkdtemp(prefix="prongsai-docker-"))
    context = clean_clone(scratch / "context")
    steps = parse_dockerfile((context / "Dockerfile").read_text())
    patterns = [p.strip() for p in (context / ".dockerignore").read_text().splitlines()
                if p.strip() and not p.startswith("#")] if (context / ".dockerignore").exists() else []
    patterns.append(".git")  # a clone's own history; the user's download of the folder may have it too
    first = steps[0][1].split()[0]
    found = re.fullmatch(r"debian:(\w+)-slim", first)
    if steps[0][0] != "FROM" or not found:
        sys.exit(f"FROM {first}: only debian:<suite>-slim can be rebuilt faithfully here (debootstrap)")
    figures: list[str] = []
    stages: dict[str, tuple[str, list[str], list[str], dict[str, str]]] = {}
    env: dict[str, str] = {}
    with Root(args.roots, found.group(1), "docker", args.ca) as root:
        (root.path / "etc/dpkg/dpkg.cfg.d/docker").write_text(SLIM_EXCLUDES)
        root.env = {"PATH": PATH, "HOME": "/root"}  # an image's environment is only its ENV lines
        if args.ca:
            root.env["PIP_CERT"] = "/opt-ca.crt"
        workdir, stage = "/", "base"
        entrypoint: list[str] = []
        cmd: list[str] = []
        for word, rest in steps:
            if word == "FROM":
                if stages:
                    figures.append(f"root after stage {stage}: {megabytes(root.path)} MB")
                stage = rest.split()[-1] if " AS " in rest.upper() else rest
                parent = rest.split()[0]
                if parent in stages:
                    workdir, entrypoint, cmd, env = stages[parent]
                    env = dict(env)
            elif word == "ENV":
                for item in shlex.split(rest):
                    key, _, value = item.partition("=")
                    env[key] = expand(value, {**root.env, **env})
            elif word == "WORKDIR":
                workdir = rest
                (root.path / workdir.lstrip("/")).mkdir(parents=True, exist_ok=True)
            elif word == "COPY":
                *sources, dest = shlex.split(rest)
                target = root.path / (dest if dest.startswith("/") else f"{workdir}/{dest}").lstrip("/")
                copy_into(context, sources, target, dest.endswith("/"), patterns)
            elif word == "RUN":
                command = shlex.join(json.loads(rest)) if rest.startswith("[") else rest
                code, took = root.sh(command, cwd=workdir, env=env)
                figures.append(f"[{stage}] RUN {command[:60]}...: exit {code}, {took:.0f} s")
                if code:
                    return report(figures, 1)
            elif word in ("ENTRYPOINT", "CMD"):
                value = json.loads(rest)
                entrypoint, cmd = (value, cmd) if word == "ENTRYPOINT" else (entrypoint, value)
            else:
                sys.exit(f"{word}: not modelled by this check; extend tools/dockerfile_check.py")
            stages[stage] = (workdir, entrypoint, cmd, env)
        figures.append(f"root after stage {stage}: {megabytes(root.path)} MB")
        workdir, entrypoint, cmd, env = stages[args.image_stage]
        code, took = root.sh(shlex.join([*entrypoint, *cmd]), cwd=workdir, env=env)
        figures.append(f"docker run --rm prongsai (CMD {shlex.join(cmd)}): exit {code}, {took:.0f} s")
        failed = code != 0
        for user in ("", "1000:1000"):  # as Docker Desktop runs it, and as `--user "$(id -u):$(id -g)"` on Linux
            work = scratch / f"work{user.split(':')[0]}"
            shutil.copytree(context / "content", work / "content")
            if user:
                run(["chown", "-R", user, str(work)])
            root.bind(work, "/work")
            line = shlex.join([*entrypoint, "build"])
            code, took = root.sh(line, cwd="/work", env={**env, **({"HOME": "/"} if user else {})},
                                 user=user or None)
            page = work / "site" / "index.html"
            good = code == 0 and page.exists() and 'lang="th"' in page.read_text(encoding="utf-8")
            figures.append(f"docker run --rm -v \"$PWD:/work\" {'--user ' + user + ' ' if user else ''}prongsai "
                           f"build: exit {code}, {took:.0f} s, site/index.html {'in Thai' if good else 'MISSING'}")
            subprocess.run(["umount", str(root.path / "work")], check=True)
            root.mounts.remove(root.path / "work")
            failed = failed or not good
        workdir, entrypoint, cmd, env = stages["test"]
        code, took = root.sh(shlex.join([*entrypoint, *cmd, *args.tests]), cwd=workdir, env=env)
        figures.append(f"docker run --rm prongsai-test {shlex.join(cmd)} {' '.join(args.tests)}: exit {code}, "
                       f"{took:.0f} s")
    shutil.rmtree(scratch)
    return report(figures, 1 if failed else code)


def megabytes(path: Path) -> str:
    return subprocess.run(["du", "-sm", "-x", str(path)], capture_output=True, text=True).stdout.split()[0]


def report(figures: list[str], code: int) -> int:
    say("Dockerfile carried out without an engine (tools/dockerfile_check.py):")
    for line in figures:
        print("   ", line)
    return code


def main() -> int:
    parser = arguments(argparse.ArgumentParser(description=__doc__,
                                               formatter_class=argparse.RawDescriptionHelpFormatter))
    parser.add_argument("--image-stage", default="base")
    parser.add_argument("--tests", nargs="*", default=["tests/test_setup_scripts.py", "tests/browser/test_smoke.py",
                                                       "tests/browser/test_print.py"])
    args = parser.parse_args()
    roots_folder(args)
    return check_dockerfile(args)


if __name__ == "__main__":
    sys.exit(main())
