"""Internal memos (บันทึกข้อความ): unit, reference number, date, subject,
salutation, body and the chain of signatures with comments."""

from __future__ import annotations

from ..fields import Date
from ..richtext import RichText, Strict
from .registry import DocumentKind
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


KIND = DocumentKind(
    "memo",
    Memo,
    ("years/*/memos/*.yml",),
    order=45,
    template="memo.md.j2",
    page="{year}/memos/{slug}.md",
    title=lambda doc: doc.subject,
    nav="memos",
)
