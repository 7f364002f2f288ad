"""Fresh-machine checks for a maintainer (a tool that prints figures, not a test; too slow for make test).

    sudo python3 tools/fresh_check.py bookworm            # make site, make test in a bare Debian 12
    sudo python3 tools/fresh_check.py trixie --pytest-args '-m "not browser"'

The Dockerfile has its own check on the same roots: tools/dockerfile_check.py.

A bare Debian root (debootstrap --variant=minbase, made once under --roots, copied for each
run), in it only what README's "Needs" line names (NEEDS below), a git clone of this checkout's HEAD
(and the seeds, --seeds, beside it as ../shared/seeds), then the README's two commands, timed.

Needs root, debootstrap, git and Debian's mirror. Behind a proxy that re-signs TLS, --ca names the
proxy's CA bundle for pip (default: $PIP_CERT); nothing else of this machine goes into the root.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NEEDS = ["make", "python3"]  # what README's "Needs" line says a fresh Debian machine needs
PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"  # Docker's and Debian's default


def say(text: str) -> None:
    print(f"== {text}", flush=True)


class Root:
    """A Debian root for one run: a fresh copy of a debootstrap base, /proc, /sys and /dev mounted."""

    def __init__(self, roots: Path, suite: str, name: str, ca: str | None) -> None:
        self.base = roots / f"{suite}.base"
        self.path = roots / f"{name}.run"
        self.mounts: list[Path] = []
        if not self.base.exists():
            started = time.monotonic()
            run(["debootstrap", "--variant=minbase", suite, str(self.base), "http://deb.debian.org/debian"])
            say(f"debootstrap {suite}: {time.monotonic() - started:.0f} s")
        if self.path.exists():
            self._refuse_if_mounted()
            shutil.rmtree(self.path)
        run(["cp", "-a", str(self.base), str(self.path)])
        shutil.copy("/etc/resolv.conf", self.path / "etc" / "resolv.conf")
        # debootstrap writes only the release itself; an installed Debian and the debian:*-slim images also
        # take the updates and security suites (without them Chromium is the release's, versions behind).
        (self.path / "etc/apt/sources.list").write_text(
            f"deb http://deb.debian.org/debian {suite} main\n"
            f"deb http://deb.debian.org/debian {suite}-updates main\n"
            f"deb http://deb.debian.org/debian-security {suite}-security main\n")
        self.env = {"PATH": PATH, "HOME": "/root", "TERM": "dumb"}  # no LANG: a bare console has none
        if ca:
            shutil.copy(ca, self.path / "opt-ca.crt")
            self.env["PIP_CERT"] = "/opt-ca.crt"

    def _refuse_if_mounted(self) -> None:
        inside = [line.split()[1] for line in Path("/proc/mounts").read_text().splitlines()
                  if line.split()[1].startswith(str(self.path) + "/")]
        if inside:  # removing a root with /dev bound into it would remove the machine's /dev
            sys.exit(f"still mounted under {self.path}: {inside}; unmount them first")

    def __enter__(self) -> Root:
        # A stopped check (kill PID) still unmounts: SIGTERM becomes SystemExit, which runs __exit__.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        for kind, target in (("proc", "proc"), ("sysfs", "sys")):
            run(["mount", "-t", kind, kind, str(self.path / target)])
            self.mounts.append(self.path / target)
        run(["mount", "--rbind", "/dev", str(self.path / "dev")])
        run(["mount", "--make-rslave", str(self.path / "dev")])
        self.mounts.append(self.path / "dev")
        return self

    def bind(self, source: Path, target: str) -> None:
        inside = self.path / target.lstrip("/")
        inside.mkdir(parents=True, exist_ok=True)
        run(["mount", "--bind", str(source), str(inside)])
        self.mounts.append(inside)

    def __exit__(self, *exc: object) -> None:
        for target in reversed(self.mounts):
            subprocess.run(["umount", "-R", str(target)], check=False)
        self.mounts.clear()

    def sh(self, command: str, *, cwd: str = "/", env: dict[str, str] | None = None, user: str | None = None,
           log: Path | None = None) -> tuple[int, float]:
        """Run `command` with /bin/sh in the root; returns (exit code, seconds). Output goes to stdout and `log`."""
        full = {**self.env, **(env or {})}
        argv = ["chroot", *(["--userspec", user] if user else []), str(self.path), "/usr/bin/env", "-i",
                *(f"{k}={v}" for k, v in full.items()), "/bin/sh", "-c", f"cd {shlex.quote(cwd)} && {command}"]
        started = time.monotonic()
        with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              errors="replace") as proc, (open(log, "w") if log else open(os.devnull, "w")) as out:
            assert proc.stdout is not None
            for line in proc.stdout:
                sys.stdout.write(line)
                out.write(line)
        return proc.returncode, time.monotonic() - started


def run(argv: list[str]) -> None:
    subprocess.run(argv, check=True)


def clean_clone(into: Path) -> Path:
    """This checkout's HEAD as a user's clone has it (uncommitted changes are not in it: said, not hidden)."""
    if subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
                      capture_output=True, text=True, check=True).stdout.strip():
        say("note: the checkout has uncommitted changes; the check uses its last commit")
    run(["git", "clone", "-q", str(REPO), str(into)])
    return into


def check_machine(args: argparse.Namespace) -> int:
    figures: list[str] = []
    with Root(args.roots, args.suite, args.suite, args.ca) as root:
        code, took = root.sh(f"apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "
                             f"{' '.join(NEEDS)} >/dev/null && python3 --version")
        figures.append(f"apt-get install {' '.join(NEEDS)}: exit {code}, {took:.0f} s")
        clean_clone(root.path / "opt/x/main")
        if args.seeds.is_dir():  # where conftest looks: ../shared/seeds beside the clone
            shutil.copytree(args.seeds, root.path / "opt/x/shared/seeds")
        else:
            say(f"note: no seeds at {args.seeds}; the seed tests will skip")
        steps = [("make site", "make site && test -s site/index.html")]
        if not args.no_test:
            steps.append(("make test", f"make test PYTEST_ARGS={shlex.quote(args.pytest_args)}"
                          if args.pytest_args else "make test"))
        for name, command in steps:
            log = args.roots / f"{args.suite}-{name.replace(' ', '-')}.log"
            code, took = root.sh(command, cwd="/opt/x/main", log=log)
            figures.append(f"{name}: exit {code}, {took:.0f} s (log {log})")
            if code:
                break
    say(f"fresh {args.suite} minbase root, only {' '.join(NEEDS)} installed:")
    for line in figures:
        print("   ", line)
    return 0 if all(" exit 0," in line for line in figures) else 1


def arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options both checks share."""
    parser.add_argument("--roots", type=Path, default=Path("/var/tmp/prongsai-fresh"),
                        help="where the Debian roots live (keep it outside the checkout)")
    parser.add_argument("--ca", default=os.environ.get("PIP_CERT"), help="CA bundle for pip behind a TLS proxy")
    return parser


def roots_folder(args: argparse.Namespace) -> Path:
    if REPO in args.roots.resolve().parents or args.roots.resolve() == REPO:
        sys.exit("--roots must be outside the checkout")
    args.roots.mkdir(parents=True, exist_ok=True)
    return args.roots


def main() -> int:
    parser = arguments(argparse.ArgumentParser(description=__doc__,
                                               formatter_class=argparse.RawDescriptionHelpFormatter))
    parser.add_argument("suite", help="Debian suite: bookworm (Python 3.11.2), trixie (3.13)")
    parser.add_argument("--pytest-args", default="", help='e.g. \'-m "not browser"\'')
    parser.add_argument("--no-test", action="store_true", help="make site only")
    seeds = os.environ.get("PRONGSAI_SEEDS") or REPO.parent / "shared" / "seeds"
    parser.add_argument("--seeds", type=Path, default=Path(seeds),
                        help="the real documents, copied beside the clone (default: $PRONGSAI_SEEDS, ../shared/seeds)")
    args = parser.parse_args()
    roots_folder(args)
    return check_machine(args)


if __name__ == "__main__":
    sys.exit(main())
