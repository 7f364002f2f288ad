"""Move example content forward by whole years (run once per new cycle, then review the diff).

    .venv/bin/python tools/shift_years.py N FILE...

Rewrites in place every Buddhist Era year (๒๕๖๘, 2568, 2568-04-09), ISO date of
the common era (2025-04-09), short year after a Thai month abbreviation
(ม.ค. ๖๘), and measure id (m68-) by N years. Review the result: a number that
only looks like a year is changed too.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
MONTHS = r"(?:ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|ส\.ค\.|ก\.ย\.|ต\.ค\.|พ\.ย\.|ธ\.ค\.)"
BE = re.compile(r"(?<![0-9๐-๙,.])([2๒][5๕][5-7๕-๗][0-9๐-๙])(?![0-9๐-๙,])")
CE = re.compile(r"(?<![0-9])(20[12][0-9])(-[01][0-9]-[0-3][0-9])")
SHORT = re.compile(rf"({MONTHS}\s?(?:[–-]\s?{MONTHS}\s?)?)([5-7๕-๗][0-9๐-๙])(?![0-9๐-๙])")
MEASURE_ID = re.compile(r"\bm([5-7][0-9])-")


def _same_digits(like: str, value: int) -> str:
    text = str(value)
    return text.translate(THAI) if like[0] in "๐๑๒๓๔๕๖๗๘๙" else text


def shift(text: str, years: int) -> str:
    text = BE.sub(lambda m: _same_digits(m[1], int(m[1].translate(ARABIC)) + years), text)
    text = CE.sub(lambda m: f"{int(m[1]) + years}{m[2]}", text)
    text = SHORT.sub(lambda m: m[1] + _same_digits(m[2], int(m[2].translate(ARABIC)) + years), text)
    return MEASURE_ID.sub(lambda m: f"m{int(m[1]) + years}-", text)


def main(years: int, files: list[Path]) -> None:
    for path in files:
        path.write_text(shift(path.read_text(encoding="utf-8"), years), encoding="utf-8")


if __name__ == "__main__":
    main(int(sys.argv[1]), [Path(p) for p in sys.argv[2:]])
