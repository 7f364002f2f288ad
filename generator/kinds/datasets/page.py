"""Dataset pages, downloads (CSV with BOM, JSON), the catalog page and data.json."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from ...oit.bindings import chosen_datasets, declared_codes
from ...oit.catalog import choose
from ...safetext import md_text
from ...thai import identifier
from . import Dataset, catalog, page_path
from .charts import chart_for
from .complaints import none_received

if TYPE_CHECKING:  # types only: render imports the kinds at run time
    from ...render import OutPage, RenderContext

SORTABLE_FROM = 10  # rows; shorter tables are read at a glance


NUMBER_TYPES = ("money", "int")
THAI_LETTER = re.compile("[ก-ฮ]")


def column_cells(column_type: str, values: list[Any], thai: Any) -> tuple[list[str], list[str], list[Any]]:
    """Each cell of one column three ways: the text shown on the page and in the CSV, the
    sort key of the sortable table, and the JSON value. Column by column, because a contract
    list has thousands of cells and one function call per cell costs more than the work."""
    if column_type in NUMBER_TYPES:
        decimals = 2 if column_type == "money" else None
        shown = ["" if v is None else thai.number(v, decimals) for v in values]
        keys = ["" if v is None else str(v) for v in values]  # the sorting script compares numbers
        data = [v if v is None or isinstance(v, int) else json_number(v) for v in values]
    elif column_type == "date":
        shown = ["" if v is None else thai.date(v) for v in values]
        data = [None if v is None else v.isoformat() for v in values]
        keys = [v or "" for v in data]
    elif column_type == "id13":  # typed into e-GP and the Revenue Department's systems as shown
        shown = keys = ["" if v is None else identifier(v) for v in values]
        data = values
    elif column_type == "text":
        # Numbers in Thai text follow the site's digits (one style per page); a bare code (an
        # e-GP project number, copied into other systems) and the downloads keep them as written.
        shown = keys = ["" if v is None else thai.text_digits(v) if THAI_LETTER.search(v) else v for v in values]
        data = values
    else:  # url cells are already the text as written
        shown = keys = ["" if v is None else v for v in values]
        data = values
    return shown, keys, data


def cell_display(value: Any, column_type: str, thai: Any) -> str:
    """How one cell is shown on the page and written to the downloads."""
    return column_cells(column_type, [value], thai)[0][0]


def machine_cells(column_type: str, data: list[Any]) -> list[str]:
    """One column's cells for the CSV, which spreadsheets read: plain numbers in Arabic digits
    (no thousands separators, two decimals for money) and ISO dates, whatever the site's digit
    setting; `data` is the column's JSON values (dates already ISO text)."""
    if column_type == "money":
        return ["" if v is None else f"{v:.2f}" for v in data]
    return ["" if v is None else str(v) for v in data]


def json_number(value: Decimal) -> int | float:
    return float(value) if value != value.to_integral_value() else int(value)


def table_rows(columns: list[Any], shown: list[list[str]], keys: list[list[str]], sortable: bool = True) -> Markup:
    """The <tr> rows of a dataset table from its columns' shown texts and sort keys. Built
    here rather than in the template: a template loop over thousands of cells costs more than
    the rest of the page. Cells and keys are neutralised for Markdown like any printed value
    (md_text), except those of numbers and dates, which are made here of digits, ",", ".",
    "-", spaces and Thai month names.

    A cell carries data-sort only where its key differs from its text (numbers, dates, ID
    numbers) and the table is long enough to be sorted: the sorting script reads the text
    itself otherwise. A text key repeated in every cell made a long table a third larger."""
    html_columns = []
    for index, (c, texts, raw_keys) in enumerate(zip(columns, shown, keys, strict=True)):
        if c.type in (*NUMBER_TYPES, "date"):
            safe, sort = texts, raw_keys
        else:
            safe = [md_text(t) for t in texts]
            sort = None if raw_keys is texts else [md_text(k) for k in raw_keys]
        attrs = [f' data-sort="{k}"' for k in sort] if sortable and sort is not None else [""] * len(safe)
        if index == 0:
            cells = [f'<th scope="row"{a}>{m}</th>' for a, m in zip(attrs, safe, strict=True)]
        elif c.type == "url":
            cells = [f'<td{a}><a href="{escape(t)}">{m}</a></td>' if t else f"<td{a}></td>"
                     for a, m, t in zip(attrs, safe, texts, strict=True)]
        else:
            number = ' class="pr-num"' if c.type in NUMBER_TYPES else ""
            cells = [f"<td{a}{number}>{m}</td>" for a, m in zip(attrs, safe, strict=True)]
        html_columns.append(cells)
    return Markup("\n".join(f"<tr>{''.join(row)}</tr>" for row in zip(*html_columns, strict=True)))


class _Lines(list):
    """Where csv.writer puts its lines: appending to a list costs half of writing to a StringIO."""

    write = list.append


# A cell a spreadsheet would evaluate gets a leading apostrophe, as OWASP advises against CSV
# injection: one that starts with =, +, -, @, tab, CR, LF or NUL, also behind spaces or quotes
# (Google Sheets and LibreOffice trim them on import) and in full width (Excel in East Asian
# locales reads ＝ as =). A plain number (-1,250.00) stays a number.
_FORMULA_START = frozenset("=+-@\t\r\n\0＝＋－＠")
_LEAD = " \u00a0\u3000\"'"  # spaces and quotes a spreadsheet may drop before reading the cell
_PLAIN_NUMBER = re.compile(r"^[-+]?[0-9๐-๙][0-9๐-๙,]*(\.[0-9๐-๙]+)?$")


def spreadsheet_safe(cell: Any) -> Any:
    if type(cell) is not str or not cell:
        return cell
    first = cell.lstrip(_LEAD)[:1] or cell[:1]
    if (first in _FORMULA_START or cell[0] in _FORMULA_START) and not _PLAIN_NUMBER.match(cell.strip()):
        return "'" + cell
    return cell


def _safe_row(row: Sequence[str]) -> list[str]:
    return [spreadsheet_safe(c) for c in row]


def csv_bytes(headers: list[str], rows: Iterable[Sequence[str]]) -> bytes:
    lines = _Lines(["\ufeff"])  # the BOM: spreadsheet programs then read the file as UTF-8
    writer = csv.writer(lines, lineterminator="\r\n")
    writer.writerow(_safe_row(headers))
    writer.writerows(map(_safe_row, rows))
    return "".join(lines).encode("utf-8")


def oit_items(site: Any, ds: Dataset) -> list[tuple[int, str]]:
    """(ITA year, code) of each OIT item this dataset answers on the site's ITA pages: data of
    a fiscal year counts for that year's ITA, and for the next one where an item takes the year
    before. The code is the one the catalog of that ITA year gives (the index links the same)."""
    years = [y for y in site.settings.ita_years if y in (ds.year, ds.year + 1)] or [ds.year]
    out = []
    for ita in years:
        chosen = choose(site, ita)
        if chosen is None:
            continue
        bound = declared_codes(getattr(site, "oit", None), chosen.catalog)
        out += [(ita, code) for code, d in chosen_datasets(site, chosen.catalog, bound).items() if d is ds]
    return out


def render_dataset(ctx: RenderContext, ds: Dataset) -> tuple[OutPage, dict[str, bytes]]:
    thai = ctx.thai
    columns = ds.table.columns
    headers = [c.th for c in columns]
    rows = ds.table.rows
    # Catalog datasets always have columns: (shown, keys, data) lists, one of each per column.
    shown_columns, key_columns, data_columns = zip(
        *(column_cells(c.type, [r[c.key] for r in rows], thai) for c in columns), strict=True
    )
    shown = list(zip(*shown_columns, strict=True))  # rows of shown cells
    stem = page_path(ds)[: -len(".md")]
    keys = [c.key for c in columns]
    records = [dict(zip(keys, values, strict=True)) for values in zip(*data_columns, strict=True)]
    items = oit_items(ctx.site, ds)
    item = items[0] if items else None
    meta = {
        "title": ds.spec["title"],
        "fiscal_year": ds.year,
        "oit": item[1] if item else None,
        "oit_ita_year": item[0] if item else None,
        "oit_items": [{"ita_year": y, "code": c} for y, c in items],
        "columns": [{"key": c.key, "th": c.th, "type": c.type} for c in columns],
        "rows": records,
    }
    downloads = {
        f"{stem}.csv": csv_bytes(headers, zip(*(machine_cells(c.type, v) for c, v in zip(columns, data_columns,
                                                                                         strict=True)), strict=True)),
        f"{stem}.json": json.dumps(meta, ensure_ascii=False).encode("utf-8"),  # compact: C encoder, smaller file
    }
    chart = chart_for(ds.spec.get("chart", {}), ds.table.rows, {c.key: c.th for c in columns}, thai)
    total_key = (ds.spec.get("total") or {}).get("of")
    empty = bool(ds.spec.get("empty_text")) and total_key and none_received(ds.table.rows, ds.spec["total"])
    title = f"{ds.spec['title']} {ctx.label('datasets', 'fiscal_year')} {thai.year(ds.year)}"
    sortable = len(shown) >= SORTABLE_FROM
    sums = {c.key: sum(r[c.key] or 0 for r in ds.table.rows) for c in columns if c.type in NUMBER_TYPES}
    page = ctx.page(
        "dataset.md.j2",
        page_path(ds),
        title,
        ds=ds,
        oit=items,
        columns=columns,
        rows=shown,
        body_rows=table_rows(columns, list(shown_columns), list(key_columns), sortable),
        row_numbers=ds.table.row_numbers,
        chart=Markup(chart) if chart else None,
        empty=empty,
        sums=sums,
        sortable=sortable,
        csv_name=f"{stem.rsplit('/', 1)[1]}.csv",
        json_name=f"{stem.rsplit('/', 1)[1]}.json",
    )
    return page, downloads


def catalog_entries(site: Any, datasets: list[Dataset]) -> list[dict[str, Any]]:
    base = (site.settings.site_url or "").rstrip("/")
    out = []
    for ds in datasets:
        stem = page_path(ds)[: -len(".md")]
        items = oit_items(site, ds)
        item = items[0] if items else None
        out.append({
            "id": f"{ds.year}-{ds.name}",
            "title": ds.spec["title"],
            "family": ds.spec["family"],
            "fiscal_year": ds.year,
            "oit": item[1] if item else None,
            "oit_ita_year": item[0] if item else None,
            "oit_items": [{"ita_year": y, "code": c} for y, c in items],
            "formats": ["text/html", "text/csv", "application/json"],
            "last_update": ds.updated.isoformat(),
            "rows": len(ds.table.rows),
            "url": f"{base}/{stem}/",
            "downloads": {"csv": f"{base}/{stem}.csv", "json": f"{base}/{stem}.json"},
        })
    return out


def render_catalog(ctx: RenderContext, datasets: list[Dataset]) -> tuple[OutPage, bytes]:
    entries = catalog_entries(ctx.site, datasets)
    page = ctx.page("data_catalog.md.j2", "data/index.md", ctx.label("datasets", "catalog"),
                    datasets=[(d, page_path(d), oit_items(ctx.site, d)) for d in datasets])
    body = {"publisher": ctx.site.organization.name if hasattr(ctx.site.organization, "name") else "",
            "datasets": entries, "known_datasets": sorted(catalog())}
    return page, json.dumps(body, ensure_ascii=False, indent=2).encode("utf-8")
