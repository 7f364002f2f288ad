"""Read a source file into lines: a line is one paragraph, or one table row of cells.

Extracted text keeps table rows as tab-separated cells. A Word file gives its
paragraphs and table rows in document order; a cell merged down from the row
above comes back empty, so it reads like a continuation row in extracted text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..guard import archive_problem
from .thaitext import UnknownEncoding, decode, repair

TEXT_SUFFIXES = {".txt", ".tsv", ".text"}
DOCX_SUFFIXES = {".docx"}


class UnknownFormat(Exception):
    """The file is neither extracted text nor a Word (.docx) file."""


class Unreadable(Exception):
    """The file cannot be read safely: a message key of the catalog and its values."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key, self.params = key, params


MAX_COLUMNS = 63  # what Word allows in a table
MAX_ROWS = 20_000  # rows of one table; a year's contract list is a few thousand
MAX_TEXT_BYTES = 10 * 1024 * 1024  # extracted text of a document; a year's reports are a few hundred KB


@dataclass
class Line:
    source: Path
    number: int
    cells: list[str]
    # Word paragraphs numbered by the list feature lose their number in the text.
    numbered: bool = False
    repaired: int = 0  # places of PDF-damaged Thai repaired on this line (thaitext.repair)
    turned: bool = False  # the first line after a page break (a page number or page-turn marker)

    @property
    def text(self) -> str:
        return " ".join(c.strip() for c in self.cells if c.strip())

    @property
    def is_row(self) -> bool:
        return len(self.cells) > 1

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def where(self) -> str:
        return f"{self.source.name}:{self.number}"


def read(path: Path) -> list[Line]:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return read_text(path)
    if suffix in DOCX_SUFFIXES:
        if problem := archive_problem(path):
            raise Unreadable(problem[0], **problem[1])
        try:
            return read_docx(path)
        except Unreadable:
            raise
        except Exception as exc:  # python-docx on a damaged package: KeyError, XML errors, …
            raise Unreadable("archive_damaged", name=path.name, suffix=suffix, problem=type(exc).__name__) from exc
    raise UnknownFormat(suffix or path.name)


def read_text(path: Path) -> list[Line]:
    if (size := path.stat().st_size) > MAX_TEXT_BYTES:
        raise Unreadable("file_too_large", size=size, limit=MAX_TEXT_BYTES)
    raw = path.read_bytes()
    try:
        text = decode(raw)
    except UnknownEncoding as exc:
        if exc.encoding:
            raise Unreadable("import_encoding_broken", name=path.name, encoding=exc.encoding) from None
        raise Unreadable("import_encoding_unknown", name=path.name) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = []
    for number, line in enumerate(text.split("\n"), start=1):
        line, repaired = repair(line)
        # pdftotext ends each page with a form feed: the line it starts is the first of a new page.
        turned = "\f" in line
        line = line.replace("\f", "")
        cells = [c.strip() for c in line.split("\t")]
        lines.append(Line(path, number, cells if len(cells) > 1 else [line.strip()], repaired=repaired, turned=turned))
    return lines


def read_docx(path: Path) -> list[Line]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    lines: list[Line] = []
    number = 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            number += 1
            para = Paragraph(child, document)
            numbered = _numbered(para)
            lines.append(Line(path, number, [para.text.strip()], numbered=numbered))
        elif tag == "tbl":
            table = Table(child, document)
            if len(table._tbl.tr_lst) > MAX_ROWS:
                raise Unreadable("import_table_too_large", name=path.name, line=number + 1,
                                 columns=MAX_COLUMNS, rows=MAX_ROWS)
            grid = [_grid_row(tr, table, path, number + 1 + i) for i, tr in enumerate(table._tbl.tr_lst)]
            index = 0
            while index < len(grid):
                number += 1
                cells = [text for text, _merge, _spanned in grid[index]]
                if index + 1 < len(grid) and _header_pair(grid[index], grid[index + 1]):
                    # A two-row header (a heading spanning sub-headings, the others merged down): one header.
                    below = grid[index + 1]
                    cells = [
                        " ".join(t for t in (top, low if merge != "continue" else "") if t)
                        for top, (low, merge, _s) in zip(cells, below, strict=True)
                    ]
                    index += 1
                else:
                    # A cell merged from the row above reads as empty (a continuation).
                    cells = ["" if merge == "continue" or spanned else text for text, merge, spanned in grid[index]]
                lines.append(Line(path, number, cells if len(cells) > 1 else [*cells, ""]))
                index += 1
            lines.append(Line(path, number, [""]))
    return lines


def _grid_row(tr: Any, table: Any, path: Path, line: int) -> list[tuple[str, str | None, bool]]:
    """One row by grid column: (text, vertical merge, covered by a cell spanning from the left).
    A cell spanning columns gives its text to each column it covers, marked as spanned."""
    from docx.table import _Cell

    out: list[tuple[str, str | None, bool]] = []
    for tc in tr.tc_lst:
        if not 1 <= tc.grid_span <= MAX_COLUMNS:  # Word allows 63 columns; more is a broken (or hostile) file
            raise Unreadable("import_table_too_large", name=path.name, line=line, columns=MAX_COLUMNS, rows=MAX_ROWS)
        paragraphs = [p.text.strip() for p in _Cell(tc, table).paragraphs if p.text.strip()]
        text = _cell_text(paragraphs)
        out.append((text, tc.vMerge, False))
        out.extend((text, tc.vMerge, True) for _ in range(tc.grid_span - 1))
    return out


def _header_pair(top: list[tuple[str, str | None, bool]], below: list[tuple[str, str | None, bool]]) -> bool:
    """Two rows that make one header: the top one spans columns, and below it every cell is
    either merged down from the top or a sub-heading under a spanning cell."""
    if len(top) != len(below) or not any(spanned for _t, _m, spanned in top):
        return False
    for index, (low, merge, _s) in enumerate(below):
        spanning = top[index][2] or (index + 1 < len(top) and top[index + 1][2])
        if merge != "continue" and not (spanning and low):
            return False
    return True


def _cell_text(paragraphs: list[str]) -> str:
    if len(paragraphs) <= 1:
        return paragraphs[0] if paragraphs else ""
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def _numbered(para: Any) -> bool:
    """Numbered by Word: on the paragraph itself or through its style (List Number)."""
    if para._p.pPr is not None and para._p.pPr.numPr is not None:
        return True
    style = para.style
    while style is not None:
        ppr = style.element.pPr
        if ppr is not None and ppr.numPr is not None:
            return True
        style = style.base_style
    return False
