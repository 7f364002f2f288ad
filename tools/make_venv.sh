#!/bin/sh
# Create the virtual environment VENV with a Python from 3.11 to 3.13.
# Usage: tools/make_venv.sh VENV [PYTHON]
# Without PYTHON: the first of python3.13, python3.12, python3.11, python3 that runs and is 3.11-3.13.
# When the venv module or ensurepip is missing (Debian/Ubuntu ship them as pythonX.Y-venv),
# root installs the package with apt-get; anybody else is told the command.
set -eu
venv=$1
python=${2:-}

supported() {
  "$1" -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' >/dev/null 2>&1
}

if [ -n "$python" ]; then
  if ! supported "$python"; then
    echo "ต้องใช้ Python 3.11 ถึง 3.13 แต่ PYTHON=$python ใช้ไม่ได้หรือเป็นรุ่นอื่น" >&2
    echo "Python 3.11 to 3.13 is needed; PYTHON=$python does not run or is another version." >&2
    exit 1
  fi
else
  for candidate in python3.13 python3.12 python3.11 python3; do
    if supported "$candidate"; then python=$candidate; break; fi
  done
  if [ -z "$python" ]; then
    echo "ไม่พบ Python 3.11 ถึง 3.13 ในเครื่อง: ติดตั้งด้วย  sudo apt-get install python3 python3-venv  (Debian 12 ขึ้นไป, Ubuntu 24.04 ขึ้นไป)" >&2
    echo "No Python 3.11 to 3.13 found on the PATH. Install it: sudo apt-get install python3 python3-venv (Debian 12+, Ubuntu 24.04+), or run make PYTHON=/path/to/python3.X" >&2
    exit 1
  fi
fi

version=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
# A venv made by this same Python is kept: a changed requirements file only reinstalls into it.
full() { "$1" -c 'import sys; print(sys.version)' 2>/dev/null || true; }
if [ -x "$venv/bin/python" ] && [ "$(full "$venv/bin/python")" = "$(full "$python")" ]; then exit 0; fi
if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  package="python$version-venv"
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "ติดตั้ง $package (โมดูล venv ของ Python) / installing $package (Python's venv module)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null \
      || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
  else
    echo "Python $version ของเครื่องนี้ไม่มีโมดูล venv: ติดตั้งด้วย  sudo apt-get install $package  แล้วสั่ง make อีกครั้ง" >&2
    echo "This Python $version has no venv module (ensurepip). Install it: sudo apt-get install $package  then run make again." >&2
    exit 1
  fi
fi

echo "สร้าง $venv ด้วย / creating $venv with $("$python" -c 'import sys; print(sys.executable, sys.version.split()[0])')"
rm -rf "$venv"
"$python" -m venv "$venv"
