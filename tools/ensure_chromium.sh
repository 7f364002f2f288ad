#!/bin/sh
# Make sure the browser tests can run: a Chromium (PRONGSAI_CHROMIUM, or chromium / chromium-browser on
# the PATH) and, given the venv's PYTHON, Playwright's driver able to start. Missing and run as root on
# Debian: installed from Debian's packages. Otherwise: the command that installs it.
# Usage: tools/ensure_chromium.sh [PYTHON]
set -eu
python=${1:-}

# Install Debian packages as root, or say the command (Thai, then English; then $hint_th / $hint_en) and stop.
hint_th=""; hint_en=""
apt_install() {
  what=$1; shift
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "ติดตั้ง $* จากแพ็กเกจของ Debian ($what) / installing $* from Debian's packages ($what)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
    return 0
  fi
  echo "การทดสอบในเบราว์เซอร์ต้องใช้ $*: ติดตั้งด้วย  sudo apt-get install $*  แล้วสั่ง make test อีกครั้ง$hint_th" >&2
  echo "The browser tests need $* ($what). Install it: sudo apt-get install $*  then run make test again.$hint_en" >&2
  exit 1
}

# Ubuntu's chromium / chromium-browser is a snap: its confinement keeps it from the test
# profile folders under /tmp, and the tests then hang or fail to start it. Say so, with the way out.
snap_warning() {
  echo "คำเตือน: $1 เป็น Chromium แบบ snap ซึ่งมักเปิดจากการทดสอบไม่ได้ ให้ติดตั้ง Chromium หรือ Google Chrome แบบ .deb แล้วกำหนด PRONGSAI_CHROMIUM=/path/to/chrome" >&2
  echo "Warning: $1 is the snap Chromium, which the tests often cannot start (snap confinement). Install a .deb Chromium or Google Chrome and set PRONGSAI_CHROMIUM=/path/to/chrome" >&2
}

find_chromium() {
  for name in chromium chromium-browser; do
    if found=$(command -v "$name" 2>/dev/null); then
      real=$(readlink -f "$found")
      case "$real" in
        /snap/*|*/snap) snap_warning "$found" ;;
        *) if grep -qs "snap" "$real" 2>/dev/null && [ "$(head -c 2 "$real")" = "#!" ]; then snap_warning "$found"; fi ;;
      esac
      return 0
    fi
  done
  return 1
}

if [ -n "${PRONGSAI_CHROMIUM:-}" ]; then
  if [ ! -x "$PRONGSAI_CHROMIUM" ]; then
    echo "PRONGSAI_CHROMIUM=$PRONGSAI_CHROMIUM ไม่ใช่โปรแกรมที่รันได้ / is not an executable file" >&2
    exit 1
  fi
elif ! find_chromium; then
  release=${PRONGSAI_OS_RELEASE:-/etc/os-release}  # a stand-in file in the tests
  if [ -r "$release" ] && . "$release" && [ "${ID:-}" = "ubuntu" ]; then
    echo "Ubuntu ไม่มีแพ็กเกจ Chromium แบบ .deb (มีแต่ snap ที่ใช้กับการทดสอบไม่ได้): ติดตั้ง Google Chrome (.deb จาก google.com/chrome) แล้วกำหนด PRONGSAI_CHROMIUM=/usr/bin/google-chrome หรือรันใน Debian/Docker (ดู Dockerfile)" >&2
    echo "Ubuntu has no .deb Chromium (only the snap, which the tests cannot use): install Google Chrome's .deb and set PRONGSAI_CHROMIUM=/usr/bin/google-chrome, or run in Debian/Docker (see the Dockerfile)" >&2
    exit 1
  fi
  hint_th=" (หรือกำหนด PRONGSAI_CHROMIUM=/path/to/chromium)"; hint_en=" (Or set PRONGSAI_CHROMIUM=/path/to/chromium.)"
  apt_install "Chromium, for the browser tests" chromium
  hint_th=""; hint_en=""
fi

# Playwright drives the browser through its own Node.js program, which needs libatomic.so.1
# (Debian's libatomic1): a minimal Debian or a slim image lacks it, and every browser test then
# fails with "Connection closed while reading from the driver".
if [ -n "$python" ] && ! "$python" -m playwright --version >/dev/null 2>&1; then
  if "$python" -m playwright --version 2>&1 | grep -q "libatomic"; then
    apt_install "libatomic.so.1, for Playwright's driver" libatomic1
  fi
  if ! problem=$("$python" -m playwright --version 2>&1); then
    echo "Playwright เริ่มทำงานไม่ได้ / Playwright's driver does not start:" >&2
    echo "$problem" >&2
    exit 1
  fi
fi
