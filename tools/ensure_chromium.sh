#!/bin/sh
# Make sure a Chromium is there for the browser tests: PRONGSAI_CHROMIUM, or chromium / chromium-browser
# on the PATH. Missing and run as root on Debian: installed from Debian's packages. Otherwise: the command.
set -eu
if [ -n "${PRONGSAI_CHROMIUM:-}" ]; then
  if [ -x "$PRONGSAI_CHROMIUM" ]; then exit 0; fi
  echo "PRONGSAI_CHROMIUM=$PRONGSAI_CHROMIUM ไม่ใช่โปรแกรมที่รันได้ / is not an executable file" >&2
  exit 1
fi
# Ubuntu's chromium / chromium-browser is a snap: its confinement keeps it from the test
# profile folders under /tmp, and the tests then hang or fail to start it. Say so, with the way out.
snap_warning() {
  echo "คำเตือน: $1 เป็น Chromium แบบ snap ซึ่งมักเปิดจากการทดสอบไม่ได้ ให้ติดตั้ง Chromium หรือ Google Chrome แบบ .deb แล้วกำหนด PRONGSAI_CHROMIUM=/path/to/chrome" >&2
  echo "Warning: $1 is the snap Chromium, which the tests often cannot start (snap confinement). Install a .deb Chromium or Google Chrome and set PRONGSAI_CHROMIUM=/path/to/chrome" >&2
}
for name in chromium chromium-browser; do
  if found=$(command -v "$name" 2>/dev/null); then
    real=$(readlink -f "$found")
    case "$real" in
      /snap/*|*/snap) snap_warning "$found" ;;
      *) if grep -qs "snap" "$real" 2>/dev/null && [ "$(head -c 2 "$real")" = "#!" ]; then snap_warning "$found"; fi ;;
    esac
    exit 0
  fi
done
release=${PRONGSAI_OS_RELEASE:-/etc/os-release}  # a stand-in file in the tests
if [ -r "$release" ] && . "$release" && [ "${ID:-}" = "ubuntu" ]; then
  echo "Ubuntu ไม่มีแพ็กเกจ Chromium แบบ .deb (มีแต่ snap ที่ใช้กับการทดสอบไม่ได้): ติดตั้ง Google Chrome (.deb จาก google.com/chrome) แล้วกำหนด PRONGSAI_CHROMIUM=/usr/bin/google-chrome หรือรันใน Debian/Docker (ดู Dockerfile)" >&2
  echo "Ubuntu has no .deb Chromium (only the snap, which the tests cannot use): install Google Chrome's .deb and set PRONGSAI_CHROMIUM=/usr/bin/google-chrome, or run in Debian/Docker (see the Dockerfile)" >&2
  exit 1
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ติดตั้ง Chromium จากแพ็กเกจของ Debian (สำหรับการทดสอบในเบราว์เซอร์) / installing Chromium from Debian's packages for the browser tests"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "การทดสอบในเบราว์เซอร์ต้องใช้ Chromium: ติดตั้งด้วย  sudo apt-get install chromium  (หรือกำหนด PRONGSAI_CHROMIUM=/path/to/chromium)" >&2
echo "The browser tests need Chromium. Install it: sudo apt-get install chromium  (or set PRONGSAI_CHROMIUM=/path/to/chromium)" >&2
exit 1
