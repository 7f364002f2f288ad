"""Internal memos (บันทึกข้อความ): unit, reference number, date, subject,
salutation, body and the chain of signatures with comments."""

from __future__ import annotations

from typing import Any

from ..fields import Date
from ..richtext import RichText, Strict
from .signature import Signature


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


def render(ctx: Any, year: Any) -> list[Any]:
    return [
        ctx.page("memo.md.j2", f"{year.year}/memos/{slug}.md", doc.subject, doc=doc, year=year)
        for slug, doc in year.memos.items()
    ]
