"""Internal memos (บันทึกข้อความ): unit, reference number, date, subject,
salutation, body and the chain of signatures with comments."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..fields import Date
from ..richtext import RichText, Strict
from .signature import Signature

if TYPE_CHECKING:  # types only: these modules import the kinds at run time
    from ..content import FiscalYear
    from ..render import OutPage, RenderContext


class Memo(Strict):
    unit: str
    phone: str | None = None
    reference: str | None = None
    date: Date
    subject: str
    salutation: str
    body: RichText
    closing: str | None = None
    signatures: list[Signature] = []
    import_notes: RichText | None = None


def render(ctx: RenderContext, year: FiscalYear) -> list[OutPage]:
    return [
        ctx.page("memo.md.j2", f"{year.year}/memos/{slug}.md", doc.subject, doc=doc, year=year)
        for slug, doc in year.memos.items()
    ]
