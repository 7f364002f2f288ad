"""Hostile text for the XSS proof: a copy of a content folder with injection
strings in every text field of every YAML file and in the free Markdown pages.

Fields that must stay valid (dates, numbers, ids, links, file references,
choices) are found by validation, not by a list of names: every string leaf is
replaced, and the leaves the validator refuses get their original value back.
So content kinds added later are covered without changing this file.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.content import load_site
from generator.errors import ContentErrors, format_path
from generator.kinds.registry import declared_files
from generator.pipeline import render_site
from generator.yamlio import read_yaml


@dataclass(frozen=True)
class Payload:
    text: str
    # False where the text legitimately means something and so is not shown verbatim:
    # `markdown` in a free Markdown page body, `tag` where a Word-style tag (<b>, <p>) is kept.
    markdown_plain: bool = True
    verbatim: bool = True


# Very long lines. Thai is broken into lines by dictionary lookup, so 10,000 Thai letters
# without a space cost Chromium seconds of layout per field; the Thai one has spaces, as
# real text does.
LONG = "A" * 9_975 + "<script>alert(1)</script>"
LONG_THAI = "ข้อความยาวมาก " * 715

PAYLOADS = [
    Payload("<script>alert(1)</script>"),
    Payload("<SCRIPT SRC=//evil.example/x.js></SCRIPT>"),
    Payload("<img src=x onerror=alert(1)>"),
    Payload('<img src="x" alt="" onerror="alert(String.fromCharCode(88,83,83))">'),
    Payload("<svg onload=alert(1)>"),
    Payload("<svg><script>alert(1)</script></svg>"),
    Payload('<svg><a xlink:href="javascript:alert(1)"><text x="0" y="20">คลิก</text></a></svg>'),
    Payload("<svg><animate onbegin=alert(1) attributeName=x dur=1s>"),
    Payload('<iframe src="javascript:alert(1)"></iframe>'),
    Payload('<a href="javascript:alert(1)">คลิกที่นี่</a>'),
    Payload('<a href=" javascript:alert(1)">ช่องว่างนำหน้า</a>'),
    Payload('<a href="jav&#x09;ascript:alert(1)">แท็บในชื่อ</a>', markdown_plain=False),
    Payload('<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">ข้อมูล</a>'),
    Payload("javascript:alert(1)"),
    Payload("data:text/html,<script>alert(1)</script>"),
    Payload('"><script>alert(1)</script>'),
    Payload("'><img src=x onerror=alert(1)>"),
    Payload('" onmouseover="alert(1)'),
    Payload("' onfocus='alert(1)' autofocus='"),
    Payload("<body onload=alert(1)>"),
    Payload("<details open ontoggle=alert(1)>"),
    Payload("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"),
    Payload("<style>body{display:none}</style>"),
    Payload('<meta http-equiv="refresh" content="0;url=https://evil.example/">'),
    Payload('<base href="https://evil.example/">'),
    Payload('<object data="javascript:alert(1)"></object>'),
    Payload('<embed src="data:image/svg+xml,<svg onload=alert(1)>">'),
    Payload('<form action="javascript:alert(1)"><button>ส่ง</button></form>'),
    Payload("<input onfocus=alert(1) autofocus>"),
    Payload('<video><source onerror="alert(1)"></video>'),
    Payload("</textarea><script>alert(1)</script>"),
    Payload("</title><script>alert(1)</script>"),
    Payload("<x onclick=alert(1)>แท็กแปลก</x>"),
    Payload("<!-- ซ่อน --><script>alert(1)</script>"),
    Payload("<![CDATA[<script>alert(1)</script>]]>"),
    Payload("[คลิก](javascript:alert(1))", markdown_plain=False),
    Payload("[x](data:text/html,<script>alert(1)</script>)", markdown_plain=False),
    Payload("![ภาพ](javascript:alert(1))", markdown_plain=False),
    Payload('![x](https://evil.example/x.png "onerror=alert(1)")', markdown_plain=False),
    Payload("[ลิงก์][r] [r]: javascript:alert(1)", markdown_plain=False),
    Payload("<javascript:alert(1)>"),
    Payload("<https://evil.example/>", markdown_plain=False),
    Payload("{{ config.site_name }}"),
    Payload("{{ 7*7 }} {{ ''.__class__.__mro__ }}", markdown_plain=False),
    Payload("{% for x in range(3) %}วน{% endfor %}"),
    Payload("{# ความเห็น #} ${7*7} <%= 7*7 %>", markdown_plain=False),
    Payload('{: onclick="alert(1)" } ข้อความ {#id .class onclick=alert(1)}'),
    Payload("`<script>alert(1)</script>`", markdown_plain=False),
    Payload("&lt;script&gt;alert(1)&lt;/script&gt;", markdown_plain=False),
    Payload("&#60;script&#62;alert(1)&#60;/script&#62;", markdown_plain=False),
    Payload("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e", markdown_plain=False),
    Payload("%3Cscript%3Ealert(1)%3C/script%3E"),
    Payload("**ตัวหนา** _เอียง_ ~~ขีด~~ \\*ไม่หนา\\*", markdown_plain=False),
    Payload("# หัวข้อปลอม", markdown_plain=False),
    Payload("| ก | ข |", markdown_plain=False),
    Payload("> อ้างอิง", markdown_plain=False),
    Payload("1. ข้อหนึ่ง", markdown_plain=False),
    Payload("ขวา\u202eซ้าย กว้าง\u200bศูนย์"),
    Payload("<p onclick=alert(1)>ย่อหน้า</p>", verbatim=False),
    Payload('<b style="color:red" onmouseover=alert(1)>ตัวหนา</b>', verbatim=False),
    Payload(LONG),
    Payload(LONG_THAI),
]


# Added after every field's own payload, so that every field, wherever a template prints it
# (text, attribute, link, heading, navigation, page title), meets quotes, tags, a script URL,
# a template expression and a Markdown link at once.
POLYGLOT = "\"'><svg onload=alert(1)>{{7*7}}{% raw %}[x](javascript:alert(1))&amp;"
PAYLOADS.append(Payload(POLYGLOT, markdown_plain=False))


def text_leaves(value: Any, loc: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], str]]:
    if isinstance(value, str):
        return [(loc, value)]
    if isinstance(value, dict):
        return [leaf for key, child in value.items() for leaf in text_leaves(child, (*loc, key))]
    if isinstance(value, list):
        return [leaf for i, child in enumerate(value) for leaf in text_leaves(child, (*loc, i))]
    return []


def set_leaf(data: Any, loc: tuple[Any, ...], value: str) -> None:
    for part in loc[:-1]:
        data = data[part]
    data[loc[-1]] = value


@dataclass
class _File:
    path: Path
    data: Any
    original: dict[tuple[Any, ...], Any]
    injected: dict[tuple[Any, ...], str]

    def write(self) -> None:
        text = yaml.safe_dump(self.data, allow_unicode=True, sort_keys=False, width=float("inf"))
        self.path.write_text(text, encoding="utf-8")


# Rows of each spreadsheet (years/<BE>/data/*.csv, *.xlsx) that get payloads: every column
# is reached in the first rows; the other rows keep their values so the tables stay readable.
SHEET_ROWS = 3


def sheet_rows(path: Path) -> tuple[list[Any], list[dict[Any, Any]]]:
    """(header, rows as mappings by header) of a dataset spreadsheet."""
    from generator.kinds.datasets.tables import raw_rows

    header, *rows = raw_rows(path)
    return header, [dict(zip(header, row, strict=False)) for row in rows]


@dataclass
class _Sheet(_File):
    """A dataset spreadsheet shaped like YAML leaves: loc is (row index, header)."""

    header: list[Any] | None = None

    def write(self) -> None:
        rows = [[row.get(h) for h in self.header] for row in self.data]
        if self.path.suffix == ".csv":
            import csv

            with open(self.path, "w", encoding="utf-8-sig", newline="") as handle:
                csv.writer(handle).writerows([self.header, *rows])
            return
        from openpyxl import Workbook

        book = Workbook()
        for row in [self.header, *rows]:
            book.active.append(row)
        book.save(self.path)


def make_hostile(source: Path, target: Path) -> list[Payload]:
    """Copy `source` to `target` with payloads in every text field; return the payloads used.

    Every payload goes into the YAML fields (cycled over all string leaves) and into
    every free Markdown page (title, description and body)."""
    shutil.copytree(source, target)
    files: list[_File] = []
    turn = 0
    declared = declared_files(target)  # every kind's files, as the registry of kinds declares them
    # YAML files of every kind, rows of YAML datasets too (their cells are text fields)
    for path in sorted({path for _, path in declared if path.suffix == ".yml"}):
        data = read_yaml(path).data
        leaves = text_leaves(data)
        hostile = _File(path, data, dict(leaves), {})
        for loc, _ in leaves:
            payload = f"{PAYLOADS[turn % len(PAYLOADS)].text} {POLYGLOT}"
            turn += 1
            set_leaf(data, loc, payload)
            hostile.injected[loc] = payload
        hostile.write()
        files.append(hostile)
    for path in sorted({path for kind, path in declared if kind.load is not None}):  # tables a kind reads itself
        if path.suffix not in (".csv", ".xlsx"):
            continue
        header, rows = sheet_rows(path)
        sheet = _Sheet(path, rows, {}, {}, header)
        for i, row in enumerate(rows[:SHEET_ROWS]):
            for column in header:
                payload = f"{PAYLOADS[turn % len(PAYLOADS)].text} {POLYGLOT}"
                turn += 1
                sheet.original[(i, column)] = row.get(column)
                row[column] = sheet.injected[(i, column)] = payload
        sheet.write()
        files.append(sheet)
    assert turn >= len(PAYLOADS), "the content has fewer text fields than payloads"
    for path in sorted({path for _, path in declared if path.suffix == ".md"}):
        _hostile_page(path)
    _restore_refused(target, files)
    return PAYLOADS


def _hostile_page(path: Path) -> None:
    original = path.read_text(encoding="utf-8")
    _, front_text, body = original.split("---\n", 2)
    front = yaml.safe_load(front_text)
    front["title"] = "หน้า " + PAYLOADS[0].text  # the nav order (front["order"]) stays as it was
    front["description"] = PAYLOADS[2].text
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True, width=float("inf")) + "---\n"
    path.write_text(text + body + "\n\n" + "\n\n".join(p.text for p in PAYLOADS) + "\n", encoding="utf-8")


def _restore_refused(target: Path, files: list[_File]) -> None:
    """Give back the original value of every leaf the validator refuses (ids, dates, links...)."""
    by_path = {f.path.resolve(): f for f in files}
    for _ in range(20):
        try:
            # Rendering too: some checks (links between documents) run only when pages are made.
            render_site(load_site(target))
            return
        except ContentErrors as exc:
            errors = exc.errors
        changed = False
        for err in errors:
            hostile = by_path.get(Path(err.path).resolve())
            assert hostile is not None, f"unexpected error: {err.format()}"
            # Dataset cells are named "Thai header / key": give the column back in every row.
            column = set(err.field.split(" / ")) if " / " in err.field else set()
            for loc in list(hostile.injected):
                shown = format_path(loc)
                if (
                    not err.field
                    or shown == err.field
                    or shown.startswith((err.field + ".", err.field + "["))
                    or loc[-1] in column
                ):
                    set_leaf(hostile.data, loc, hostile.original[loc])
                    del hostile.injected[loc]
                    changed = True
            hostile.write()
        assert changed, "cannot make the hostile content valid:\n" + "\n".join(e.format() for e in errors)
    raise AssertionError("hostile content did not settle")


def injected_fields(target: Path) -> int:
    """How many text fields of `target` hold a payload (for the report)."""
    count = 0
    for path in target.rglob("*.y*ml"):
        count += sum(value.endswith(POLYGLOT) for _, value in text_leaves(read_yaml(path).data))
    return count
