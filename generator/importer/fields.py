"""Fields, not text, in the rows of measures and reports.

- "ข้อ ๐๑๑", "o11", "e๖", "ตัวชี้วัดย่อยที่ ๙.๓", "ตัวชี้วัดที่ ๒" at the start of a
  paragraph become references (refs), the rest of that paragraph their title; OIT
  items, indicators and sub-indicators are checked against the OIT catalog of the
  document's year (a code it lacks is a warning).
- "๑. ดำเนินการเมื่อวันที่ ๗ เมษายน ๒๕๖๖" becomes an action with its number as
  written (gaps kept: ๑, ๓) and its date.
"""

from __future__ import annotations

import re
from typing import Any

from ..thai import parse_date
from . import cells as rc
from .document import Doc, Issue
from .lists import digits
from .words import MONTHS as _MONTHS
from .words import words

_D = "[0-9๐-๙]"
_WORDS = {k: "|".join(map(re.escape, v)) for k, v in words()["ref_words"].items()}
_REFS = [
    ("sub_indicator", re.compile(rf"^(?:{_WORDS['sub_indicator']})\s*{_D}{{1,2}}\.{_D}{{1,2}}")),
    ("indicator", re.compile(rf"^(?:{_WORDS['indicator']})\s*{_D}{{1,2}}(?![.0-9๐-๙])")),
    ("oit", re.compile(rf"^(?:(?:{_WORDS['oit']})\s*)?[oO๐0]\s?{_D}{{1,2}}(?!{_D})")),
    ("oit", re.compile(rf"^(?:{_WORDS['oit']})\s*{_D}{{1,2}}(?![.0-9๐-๙])")),
    ("eit", re.compile(rf"^[eE]\s?{_D}{{1,2}}(?!{_D})")),
    ("iit", re.compile(rf"^[iI]\s?{_D}{{1,2}}(?!{_D})")),
]
_PREFIX = {"oit": "o", "eit": "e", "iit": "i", "indicator": "", "sub_indicator": ""}
_DONE = words()["action_done"]
_DATE = rf"{_D}{{1,2}}\s*(?:เดือน\s*)?(?:{_MONTHS})\s*(?:พ\.\s?ศ\.\s?)?{_D}{{4}}"
_ACTION = re.compile(rf"^(?:{'|'.join(map(re.escape, _DONE))})\s*(?P<date>{_DATE})\s*(?P<rest>.*)$")
# Where a run of dated actions is cut: a marker just before "ดำเนินการเมื่อวันที่" (any number: gaps are kept).
_ACTION_CUT = re.compile(rf"(?:(?<=\s)|^)(\(?{_D}{{1,2}}\s?[.)]?)\s*(?=(?:{'|'.join(map(re.escape, _DONE))}))")


def ref_of(text: str) -> tuple[dict[str, str], str] | None:
    """A reference at the start of a paragraph, and the text after its code."""
    for kind, pattern in _REFS:
        match = pattern.match(text)
        if match:
            # The code as written ("๐๑๑", "o11", "e๖", "๙.๓"); the page prints the label word itself.
            code = re.sub(rf"^(?:{_WORDS.get(kind, '(?!)')})\s*", "", match.group(0)).replace(" ", "")
            return {"kind": kind, "code": code}, text[match.end() :].strip(" :-")
    return None


def normal_code(kind: str, code: str) -> str:
    """A code as the catalog writes it: Arabic digits, no leading zeros, o/e/i in front."""
    number = digits(code).lstrip("oOeEiI")
    if kind in ("oit", "eit", "iit"):
        return _PREFIX[kind] + str(int(number))
    return ".".join(str(int(p)) for p in number.split("."))


def split_refs(value: Any) -> tuple[list[dict[str, str]], Any]:
    """The references an issue cell's paragraphs start with, and what is left of the cell.

    Leading reference paragraphs become references with their titles; a reference further
    down keeps the rest of its paragraph in place, so the cell still reads in its order."""
    refs: list[dict[str, str]] = []
    left: list[Any] = []
    for block in value if isinstance(value, list) else [value]:
        found = ref_of(block) if isinstance(block, str) else None
        if found is None:
            left.append(block)
            continue
        ref, title = found
        if title and not left:
            ref["title"] = title
        elif title:
            left.append(title)
        refs.append(ref)
    return refs, (None if not left else left[0] if len(left) == 1 else left)


def actions_of(value: Any) -> list[dict[str, Any]]:
    """A cell of what was done: dated actions with their numbers as written, else one action."""
    pieces: list[tuple[str | None, str]] = []
    for block in value if isinstance(value, list) else [value]:
        if isinstance(block, dict) and "list" in block:
            for item in block["list"]:
                number = item.get("number") if isinstance(item, dict) else None
                text = item.get("text", "") if isinstance(item, dict) else str(item)
                if isinstance(item, dict) and item.get("items"):
                    text = " ".join([text, rc.flat({"list": item["items"]})])
                pieces.extend(_cut(number, text))
        elif isinstance(block, str):
            pieces.extend(_cut(None, block))
        else:
            pieces.append((None, rc.flat(block)))
    if not any(_ACTION.match(text) for _n, text in pieces):
        return [{"text": value}]
    out: list[dict[str, Any]] = []
    for number, text in pieces:
        match = _ACTION.match(text)
        action: dict[str, Any] = {}
        if number:
            action["number"] = number
        if match:
            try:
                parse_date(match.group("date"))
                action["date"] = match.group("date")
                text = match.group("rest").strip()
            except (ValueError, TypeError):
                pass
        action["text"] = text
        out.append(action)
    return out


def _cut(number: str | None, text: str) -> list[tuple[str | None, str]]:
    cuts = list(_ACTION_CUT.finditer(text))
    if not cuts:
        return [(number, text)]
    out: list[tuple[str | None, str]] = []
    if cuts[0].start() > 0:
        out.append((number, text[: cuts[0].start()].strip()))
        number = None
    for index, match in enumerate(cuts):
        stop = cuts[index + 1].start() if index + 1 < len(cuts) else len(text)
        written = match.group(1).strip()
        out.append((written if written else number, text[match.end() : stop].strip()))
    return out


def check_refs(doc: Doc, year: int) -> None:
    """Warn about each OIT item, indicator or sub-indicator the catalog of `year` does not have."""
    from ..oit.catalog import load_catalog

    measures = doc.data.get("measures") or []
    refs = [r for m in measures for r in m.get("refs", []) if r["kind"] in ("oit", "indicator", "sub_indicator")]
    if not refs:
        return
    try:
        catalog = load_catalog(year)
    except FileNotFoundError:
        doc.issues.append(Issue(doc.first, "import_ref_no_catalog", {"year": year}))
        return
    known = {
        "oit": {i.code for i in catalog.items},
        "indicator": {i.number for i in catalog.indicators},
        "sub_indicator": {s.number for i in catalog.indicators for s in i.sub_indicators},
    }
    # The catalog lists the OIT indicators only; those of the surveys (IIT, EIT) are not checked.
    for ref in refs:
        code = normal_code(ref["kind"], ref["code"])
        if ref["kind"] != "oit" and code.split(".")[0] not in known["indicator"]:
            continue
        if code not in known[ref["kind"]]:
            doc.issues.append(Issue(doc.first, "import_ref_unknown", {"code": ref["code"], "year": year}))
