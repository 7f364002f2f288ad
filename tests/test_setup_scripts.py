"""What `make` says on a machine that lacks something: tools/make_venv.sh and tools/ensure_chromium.sh
run with a PATH of stand-ins (a Python without its venv module, a non-root `id`, no Chromium)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REAL_PYTHON = Path(sys.base_prefix) / "bin" / f"python{sys.version_info[0]}.{sys.version_info[1]}"
VERSION = f"{sys.version_info[0]}.{sys.version_info[1]}"


def _stand_ins(tmp_path: Path, *, venv_module: bool) -> dict[str, str]:
    """A PATH holding only sh's tools, `id` saying uid 1000, and python3.X (without venv when asked)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "id").write_text("#!/bin/sh\necho 1000\n")
    env = ""
    if not venv_module:  # shadow the standard library's ensurepip, as Debian does without python3.X-venv
        shadow = tmp_path / "shadow" / "ensurepip"
        shadow.mkdir(parents=True)
        (shadow / "__init__.py").write_text("raise ImportError('ensurepip is not available')\n")
        env = f"PYTHONPATH={shadow.parent} "
    (bin_dir / f"python{VERSION}").write_text(f'#!/bin/sh\n{env}exec {REAL_PYTHON} "$@"\n')
    for tool in bin_dir.iterdir():
        tool.chmod(0o755)
    return {"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(tmp_path)}


def _run(script: str, args: list[str], env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    path = env["PATH"].split(":")
    # /usr/bin has Debian's own python3.x and maybe chromium: hide them behind an empty folder set.
    clean = [p for p in path if p not in ("/usr/bin", "/bin")]
    tools = tmp_path / "tools"
    tools.mkdir(exist_ok=True)
    for name in ("sh", "rm", "cat", "echo", "mkdir", "dirname", "sort", "head", "readlink", "grep"):
        target = tools / name
        if not target.exists():
            target.symlink_to(f"/bin/{name}" if Path(f"/bin/{name}").exists() else f"/usr/bin/{name}")
    env = {**env, "PATH": ":".join([*clean, str(tools)])}
    return subprocess.run(["/bin/sh", str(REPO / "tools" / script), *args], env=env, capture_output=True,
                          text=True, timeout=120, cwd=tmp_path)


def test_a_python_without_venv_names_the_package(tmp_path: Path) -> None:
    env = _stand_ins(tmp_path, venv_module=False)
    done = _run("make_venv.sh", [str(tmp_path / ".venv")], env, tmp_path)
    assert done.returncode == 1
    assert f"sudo apt-get install python{VERSION}-venv" in done.stderr
    assert "ไม่มีโมดูล venv" in done.stderr and "has no venv module" in done.stderr
    assert not (tmp_path / ".venv").exists()


def test_no_supported_python_says_what_to_install(tmp_path: Path) -> None:
    env = _stand_ins(tmp_path, venv_module=True)
    (tmp_path / "bin" / f"python{VERSION}").unlink()
    done = _run("make_venv.sh", [str(tmp_path / ".venv")], env, tmp_path)
    assert done.returncode == 1
    assert "ไม่พบ Python 3.11 ถึง 3.13" in done.stderr and "No Python 3.11 to 3.13" in done.stderr


def test_a_python_with_venv_makes_the_venv(tmp_path: Path) -> None:
    env = _stand_ins(tmp_path, venv_module=True)
    done = _run("make_venv.sh", [str(tmp_path / ".venv")], env, tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / ".venv" / "bin" / "pip").exists()


def test_missing_chromium_gives_the_command(tmp_path: Path) -> None:
    env = _stand_ins(tmp_path, venv_module=True)
    done = _run("ensure_chromium.sh", [], env, tmp_path)
    assert done.returncode == 1
    assert "sudo apt-get install chromium" in done.stderr and "PRONGSAI_CHROMIUM" in done.stderr


def test_chromium_from_the_environment_variable(tmp_path: Path) -> None:
    env = _stand_ins(tmp_path, venv_module=True)
    fake = tmp_path / "my-chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    assert _run("ensure_chromium.sh", [], {**env, "PRONGSAI_CHROMIUM": str(fake)}, tmp_path).returncode == 0
    bad = _run("ensure_chromium.sh", [], {**env, "PRONGSAI_CHROMIUM": str(tmp_path / "nothing")}, tmp_path)
    assert bad.returncode == 1 and "PRONGSAI_CHROMIUM" in bad.stderr


def test_playwrights_driver_without_libatomic_gives_the_command(tmp_path: Path) -> None:
    """A minimal Debian lacks libatomic.so.1, which Playwright's Node.js driver needs (seen in a debootstrap
    bookworm root): every browser test then failed with "Connection closed while reading from the driver"."""
    env = _stand_ins(tmp_path, venv_module=True)
    fake = tmp_path / "my-chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    python = tmp_path / "venv-python"
    python.write_text("#!/bin/sh\necho '.../playwright/driver/node: error while loading shared libraries: "
                      "libatomic.so.1: cannot open shared object file: No such file or directory' >&2\nexit 127\n")
    python.chmod(0o755)
    done = _run("ensure_chromium.sh", [str(python)], {**env, "PRONGSAI_CHROMIUM": str(fake)}, tmp_path)
    assert done.returncode == 1
    assert "sudo apt-get install libatomic1" in done.stderr
    assert done.stderr.index("ติดตั้งด้วย") < done.stderr.index("Install it")
    working = tmp_path / "working-python"
    working.write_text("#!/bin/sh\necho 'Version 1.65.2'\n")
    working.chmod(0o755)
    assert _run("ensure_chromium.sh", [str(working)], {**env, "PRONGSAI_CHROMIUM": str(fake)},
                tmp_path).returncode == 0


def test_ubuntus_snap_chromium_is_named_with_the_way_out(tmp_path: Path) -> None:
    env = _stand_ins(tmp_path, venv_module=True)
    snap = Path(env["PATH"].split(":")[0]) / "chromium-browser"
    snap.write_text('#!/bin/sh\nexec /usr/bin/snap run chromium "$@"\n')  # what Ubuntu's package installs
    snap.chmod(0o755)
    done = _run("ensure_chromium.sh", [], env, tmp_path)
    assert done.returncode == 0  # a warning, not a stop: some snap setups do work
    assert "snap" in done.stderr and "PRONGSAI_CHROMIUM" in done.stderr
    assert done.stderr.index("คำเตือน") < done.stderr.index("Warning")


def test_ubuntu_without_chromium_is_told_what_to_install(tmp_path: Path) -> None:
    env = _stand_ins(tmp_path, venv_module=True)
    release = tmp_path / "os-release"
    release.write_text('NAME="Ubuntu"\nID=ubuntu\nVERSION_ID="24.04"\n')
    done = _run("ensure_chromium.sh", [], {**env, "PRONGSAI_OS_RELEASE": str(release)}, tmp_path)
    assert done.returncode == 1
    assert "Google Chrome" in done.stderr and "PRONGSAI_CHROMIUM" in done.stderr and "apt-get install chromium" not in done.stderr


def test_the_python_finder_in_generator(tmp_path: Path, monkeypatch) -> None:
    from generator.chromium import find_chromium

    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("PRONGSAI_CHROMIUM", raising=False)
    assert find_chromium() == str(fake)
    monkeypatch.setenv("PATH", str(tmp_path / "none"))
    assert find_chromium() is None
    monkeypatch.setenv("PRONGSAI_CHROMIUM", str(fake))
    assert find_chromium() == str(fake)
