#!/bin/sh
# Make sure a Chromium is there for the browser tests: PRONGSAI_CHROMIUM, or chromium / chromium-browser
# on the PATH. Missing and run as root on Debian: installed from Debian's packages. Otherwise: the command.
set -eu
if [ -n "${PRONGSAI_CHROMIUM:-}" ]; then
  if [ -x "$PRONGSAI_CHROMIUM" ]; then exit 0; fi
  echo "PRONGSAI_CHROMIUM=$PRONGSAI_CHROMIUM ไม่ใช่โปรแกรมที่รันได้ / is not an executable file" >&2
  exit 1
fi
for name in chromium chromium-browser; do
  if command -v "$name" >/dev/null 2>&1; then exit 0; fi
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ติดตั้ง Chromium จากแพ็กเกจของ Debian (สำหรับการทดสอบในเบราว์เซอร์) / installing Chromium from Debian's packages for the browser tests"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "การทดสอบในเบราว์เซอร์ต้องใช้ Chromium: ติดตั้งด้วย  sudo apt-get install chromium  (หรือกำหนด PRONGSAI_CHROMIUM=/path/to/chromium)" >&2
echo "The browser tests need Chromium. Install it: sudo apt-get install chromium  (or set PRONGSAI_CHROMIUM=/path/to/chromium)" >&2
exit 1
