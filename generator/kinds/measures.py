"""Integrity measures and the two reports on them.

One row model serves three documents, as on paper: the measures announced
for the year, the six-month progress report and the annual results report.
Each document shows the columns it has data for, in its own order.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import TYPE_CHECKING, Literal

from ..fields import AssetRef, Date, Deadline, Slug
from ..oit.codes import item_of
from ..richtext import RichText, Strict, is_empty
from .registry import DocumentKind
from .signature import Signature

if TYPE_CHECKING:  # types only: these modules import the kinds at run time
    from ..content import FiscalYear
    from ..render import OutPage, RenderContext

RefKind = Literal["indicator", "sub_indicator", "oit", "eit", "iit"]
Column = Literal[
    "order",
    "issue",
    "title",
    "steps",
    "responsible",
    "monitoring",
    "period",
    "actions",
    "output",
    "outcome",
    "notes",
]
DocKind = Literal["measures", "progress_report", "results_report"]

# Default column order of each document, as the paper forms print them.
DEFAULT_COLUMNS: dict[str, list[str]] = {
    "measures": ["issue", "title", "steps", "responsible", "period", "monitoring"],
    "progress_report": ["issue", "responsible", "steps", "monitoring", "period", "actions"],
    "results_report": ["order", "title", "steps", "period", "responsible", "output", "outcome"],
}
CANONICAL: list[str] = list(Column.__args__)  # type: ignore[attr-defined]


class Ref(Strict):
    """What a row answers to: an ITA indicator, an OIT item or an EIT/IIT question."""

    kind: RefKind
    code: str
    title: str | None = None


class Action(Strict):
    """Something done, and when; its number as the report writes it ("๑.", "๓." after a gap)."""

    number: str | None = None
    date: Date | None = None
    text: RichText


class RowImage(Strict):
    """A picture in a report row: a QR code to the evidence, a chart of the results."""

    file: AssetRef
    alt: str  # what the picture shows, read out to those who cannot see it
    column: Column | None = None  # the column it stands in; the row's last column when not given


class Measure(Strict):
    id: Slug | None = None
    group: str | None = None
    order: str | None = None
    refs: list[Ref] = []
    issue: RichText | None = None
    title: str | None = None
    steps: RichText | None = None
    responsible: RichText | None = None
    monitoring: RichText | None = None
    period: str | None = None
    start: Date | None = None
    end: Date | None = None
    deadline: Deadline | None = None  # a date, or a month alone ("เมษายน ๒๕๖๙")
    actions: list[Action] = []
    output: RichText | None = None
    outcome: RichText | None = None
    notes: RichText | None = None
    images: list[RowImage] = []

    @property
    def whole_months(self) -> bool:
        """The period runs from the first of a month to the last day of a month: the page
        writes it as a month range ("ตุลาคม ๒๕๖๘ – มีนาคม ๒๕๖๙"), as the paper does."""
        return bool(self.start and self.end and self.start <= self.end and self.start.day == 1
                    and (self.end + dt.timedelta(days=1)).day == 1)

    def has(self, column: str) -> bool:
        if any(i.column == column for i in self.images):
            return True
        if column == "issue":
            return bool(self.refs) or not is_empty(self.issue)
        if column == "period":
            return any(not is_empty(v) for v in (self.period, self.start, self.end, self.deadline))
        if column == "order":
            return True
        return not is_empty(getattr(self, column))


class MeasureTotal(Strict):
    """A total row as the paper prints it under the table (รวม, รวมทั้งสิ้น, รวมงบประมาณ)."""

    label: str
    values: dict[Column, RichText] = {}


class MeasureDocument(Strict):
    title: str | None = None
    subtitle: str | None = None
    # The round a report covers, as the paper writes it ("รอบ ๖ เดือน (ตุลาคม ๒๕๖๗ – มีนาคม ๒๕๖๘)").
    period: str | None = None
    date: Date | None = None
    intro: RichText | None = None
    columns: list[Column] | None = None
    headers: dict[Column, str] = {}
    measures: list[Measure] = []
    totals: list[MeasureTotal] = []
    closing: RichText | None = None
    signers: list[Signature] = []
    import_notes: RichText | None = None

    def shown_columns(self, kind: str) -> list[str]:
        """The document's columns, plus any column a row has data for (nothing is hidden)."""
        chosen = list(self.columns or DEFAULT_COLUMNS[kind])
        for column in CANONICAL:
            if column in chosen or column == "order":
                continue
            if self._filled(column):
                chosen.append(column)
        return [c for c in chosen if c == "order" or c in (self.columns or []) or self._filled(c)]

    def _filled(self, column: str) -> bool:
        return any(m.has(column) for m in self.measures) or any(column in t.values for t in self.totals)


PATHS = {"measures": "measures.md", "progress_report": "progress-report.md", "results_report": "results-report.md"}


def render(ctx: RenderContext, year: FiscalYear) -> list[OutPage]:
    """One page per measures document of the year, laid out as its paper table."""
    out = []
    for kind, filename in PATHS.items():
        doc: MeasureDocument | None = year.documents.get(kind)
        if doc is None:
            continue
        columns = doc.shown_columns(kind)
        headers = {c: doc.headers.get(c) or ctx.label("columns", c) for c in columns}
        title = doc.title or ctx.label("documents", kind)
        out.append(
            ctx.page(
                "measures.md.j2",
                f"{year.year}/{filename}",
                title,
                doc=doc,
                year=year,
                columns=columns,
                headers=headers,
                ref_labels=ctx.labels["refs"],
                # an OIT code means what the list of the document's ITA year (= its fiscal year) says
                oit_item=partial(item_of, ctx.site, year.year),
            )
        )
    return out


KIND = DocumentKind("measures", MeasureDocument, tuple(f"years/*/{k}.yml" for k in PATHS), order=30, render=render)
