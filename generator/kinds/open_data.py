"""Open datasets as a kind: the tables of `years/<BE>/data/` (kinds/datasets reads and checks
them against catalog/datasets.yml). Each makes a page of its fiscal year, grouped there, with
CSV and JSON downloads; all of them make the data catalog page and data.json, after the other
site-wide parts of the navigation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..nav import NavEntry
from .datasets import load_folder
from .datasets.guide import dataset_guide
from .datasets.page import render_catalog, render_dataset
from .registry import DocumentKind, Section

if TYPE_CHECKING:  # types only: render imports the kinds at run time
    from ..content import FiscalYear
    from ..render import RenderContext


def year_section(ctx: RenderContext, year: FiscalYear) -> Section:
    pages, downloads = [], {}
    for ds in year.datasets.values():
        page, files = render_dataset(ctx, ds)
        pages.append(page)
        downloads.update(files)
    group = NavEntry(ctx.label("datasets", "group"), children=[NavEntry(p.title, p.path) for p in pages])
    return Section(pages, group if pages else None, downloads)


def section(ctx: RenderContext) -> Section:
    every = [ds for year in ctx.site.years.values() for ds in year.datasets.values()]
    if not every:
        return Section([])
    page, data_json = render_catalog(ctx, every)
    return Section([page], NavEntry(page.title, page.path), {"data.json": data_json})


def guide(docs: dict[str, Any]) -> list[str]:
    words = docs["guide"]
    return dataset_guide(words["datasets"], words["required"], words["optional"])


KIND = DocumentKind("datasets", None, ("years/*/data/*",), order=95, year_section=year_section, section=section,
                    load=load_folder, guide=guide)
