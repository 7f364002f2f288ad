"""Read a source file into lines: a line is one paragraph, or one table row of cells.

Extracted text keeps table rows as tab-separated cells. A Word file gives its
paragraphs and table rows in document order; a cell merged down from the row
above comes back empty, so it reads like a continuation row in extracted text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .thaitext import decode, repair

TEXT_SUFFIXES = {".txt", ".tsv", ".text"}
DOCX_SUFFIXES = {".docx"}


class UnknownFormat(Exception):
    """The file is neither extracted text nor a Word (.docx) file."""


@dataclass
class Line:
    source: Path
    number: int
    cells: list[str]
    # Word paragraphs numbered by the list feature lose their number in the text.
    numbered: bool = False
    repaired: int = 0  # places of PDF-damaged Thai repaired on this line (thaitext.repair)

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
        return read_docx(path)
    raise UnknownFormat(suffix or path.name)


def read_text(path: Path) -> list[Line]:
    raw = path.read_bytes()
    text = decode(raw).replace("\r\n", "\n").replace("\r", "\n")
    lines = []
    for number, line in enumerate(text.split("\n"), start=1):
        line, repaired = repair(line)
        cells = [c.strip() for c in line.split("\t")]
        lines.append(Line(path, number, cells if len(cells) > 1 else [line.strip()], repaired=repaired))
    return lines


def read_docx(path: Path) -> list[Line]:
    import docx
    from docx.table import Table, _Cell
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
            for tr in table._tbl.tr_lst:
                number += 1
                cells: list[str] = []
                for tc in tr.tc_lst:
                    # A cell merged from the row above reads as empty (a continuation).
                    merged_down = tc.vMerge == "continue"
                    paragraphs = [p.text.strip() for p in _Cell(tc, table).paragraphs if p.text.strip()]
                    text = "" if merged_down else _cell_text(paragraphs)
                    cells.append(text)
                    # A cell spanning columns keeps its text in the first column.
                    cells.extend([""] * (tc.grid_span - 1))
                lines.append(Line(path, number, cells if len(cells) > 1 else [*cells, ""]))
            lines.append(Line(path, number, [""]))
    return lines


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
