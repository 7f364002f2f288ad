"""Announcements (ประกาศ): heading, subject, numbered sections of guidelines
and tables, then place, date and signer, laid out like the paper original."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..fields import Date
from ..richtext import RichText, Strict
from .signature import Signature

if TYPE_CHECKING:  # types only: these modules import the kinds at run time
    from ..content import FiscalYear
    from ..render import OutPage, RenderContext


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


def render(ctx: RenderContext, year: FiscalYear) -> list[OutPage]:
    out = []
    for slug, doc in year.announcements.items():
        out.append(
            ctx.page("announcement.md.j2", f"{year.year}/announcements/{slug}.md", doc.subject, doc=doc, year=year)
        )
    return out
