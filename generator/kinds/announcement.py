"""Announcements (ประกาศ): heading, subject, numbered sections of guidelines
and tables, then place, date and signer, laid out like the paper original."""

from __future__ import annotations

from ..fields import Date
from ..richtext import RichText, Strict
from .registry import DocumentKind
from .signature import Signature


class Section(Strict):
    number: str | None = None
    heading: str
    description: str | None = None
    body: RichText | None = None


class Announcement(Strict):
    title: str | None = None
    subject: str
    preamble: RichText | None = None
    sections: list[Section] = []
    closing: RichText | None = None
    place: str | None = None
    date: Date
    signers: list[Signature] = []
    import_notes: RichText | None = None


KIND = DocumentKind(
    "announcement",
    Announcement,
    ("years/*/announcements/*.yml",),
    order=40,
    template="announcement.md.j2",
    page="{year}/announcements/{slug}.md",
    title=lambda doc: doc.subject,
    nav="announcements",
)
