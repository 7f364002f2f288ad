"""Dataset pages, downloads (CSV with BOM, JSON), the catalog page and data.json."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import Any

from markupsafe import Markup, escape

from ...oit.bindings import dataset_code
from ...richtext import md_text
from . import Dataset, catalog
from .charts import chart_for
from .complaints import none_received

SORTABLE_FROM = 10  # rows; shorter tables are read at a glance


def cell_display(value: Any, column_type: str, thai: Any) -> str:
    """How a cell is shown on the page and written to the downloads: the same text."""
    if value is None:
        return ""
    if column_type in ("money",):
        return thai.number(value, 2)
    if column_type == "int":
        return thai.number(value)
    if column_type == "date":
        return thai.date(value)
    if column_type == "id13":
        return thai.digits_of(value)
    return str(value)


def sort_key(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal | int):
        return f"{value:020.2f}"
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def table_rows(columns: list[Any], rows: list[dict[str, Any]], shown: list[list[str]]) -> Markup:
    """The <tr> rows of a dataset table. Built here rather than in the template: a contract
    list has thousands of cells, and a template loop costs more than the rest of the page.
    Cells are neutralised for Markdown like any printed value (md_text); so are sort keys,
    except those of numbers and dates, which are only digits, "-" and ".", made here."""
    safe = md_text
    made_here = [c.type in ("money", "int", "date") for c in columns]
    lines = []
    for record, cells in zip(rows, shown, strict=True):
        parts = ["<tr>"]
        for i, (c, text) in enumerate(zip(columns, cells, strict=True)):
            raw = sort_key(record[c.key])
            shown_text = safe(text)
            key = raw if made_here[i] else shown_text if raw == text else safe(raw)
            if i == 0:
                parts.append(f'<th scope="row" data-sort="{key}">{shown_text}</th>')
                continue
            body = f'<a href="{escape(text)}">{shown_text}</a>' if c.type == "url" and text else shown_text
            number = ' class="pr-num"' if c.type in ("money", "int") else ""
            parts.append(f'<td data-sort="{key}"{number}>{body}</td>')
        parts.append("</tr>")
        lines.append("".join(parts))
    return Markup("\n".join(lines))


def csv_bytes(headers: list[str], rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def page_path(ds: Dataset) -> str:
    return f"{ds.year}/data/{ds.name.replace('_', '-')}.md"


def oit_item(site: Any, ds: Dataset) -> tuple[int, str] | None:
    """(ITA year, code) of the OIT item this dataset answers: the ITA year of its fiscal
    year, or the next one when only that is assessed (data of the year before counts);
    the code in that year's list, since ITA 2568 renumbered the items. None: no such item."""
    assessed = set(site.settings.ita_years)
    ita = ds.year + 1 if ds.year not in assessed and ds.year + 1 in assessed else ds.year
    code = dataset_code(ds.spec.get("oit"), ita)
    return (ita, code) if code else None


def render_dataset(ctx: Any, ds: Dataset) -> tuple[Any, dict[str, bytes]]:
    thai = ctx.thai
    columns = ds.table.columns
    headers = [c.th for c in columns]
    shown = [[cell_display(r[c.key], c.type, thai) for c in columns] for r in ds.table.rows]
    stem = page_path(ds)[: -len(".md")]
    records = [{c.key: json_value(r[c.key]) for c in columns} for r in ds.table.rows]
    item = oit_item(ctx.site, ds)
    meta = {
        "title": ds.spec["title"],
        "fiscal_year": ds.year,
        "oit": item[1] if item else None,
        "oit_ita_year": item[0] if item else None,
        "columns": [{"key": c.key, "th": c.th, "type": c.type} for c in columns],
        "rows": records,
    }
    downloads = {
        f"{stem}.csv": csv_bytes(headers, shown),
        f"{stem}.json": json.dumps(meta, ensure_ascii=False).encode("utf-8"),  # compact: C encoder, smaller file
    }
    chart = chart_for(ds.spec.get("chart", {}), ds.table.rows, {c.key: c.th for c in columns}, thai)
    total_key = (ds.spec.get("total") or {}).get("of")
    empty = bool(ds.spec.get("empty_text")) and total_key and none_received(ds.table.rows, ds.spec["total"])
    title = f"{ds.spec['title']} {ctx.label('datasets', 'fiscal_year')} {thai.year(ds.year)}"
    sums = {c.key: thai.number(sum(r[c.key] or 0 for r in ds.table.rows), 2 if c.type == "money" else 0)
            for c in columns if c.type in ("money", "int")}
    page = ctx.page(
        "dataset.md.j2",
        page_path(ds),
        title,
        ds=ds,
        oit=item,
        columns=columns,
        rows=shown,
        body_rows=table_rows(columns, ds.table.rows, shown),
        row_numbers=ds.table.row_numbers,
        chart=Markup(chart) if chart else None,
        empty=empty,
        sums=sums,
        sortable=len(shown) >= SORTABLE_FROM,
        csv_name=f"{stem.rsplit('/', 1)[1]}.csv",
        json_name=f"{stem.rsplit('/', 1)[1]}.json",
    )
    return page, downloads


def catalog_entries(site: Any, datasets: list[Dataset]) -> list[dict[str, Any]]:
    base = (site.settings.site_url or "").rstrip("/")
    out = []
    for ds in datasets:
        stem = page_path(ds)[: -len(".md")]
        item = oit_item(site, ds)
        out.append({
            "id": f"{ds.year}-{ds.name}",
            "title": ds.spec["title"],
            "family": ds.spec["family"],
            "fiscal_year": ds.year,
            "oit": item[1] if item else None,
            "oit_ita_year": item[0] if item else None,
            "formats": ["text/html", "text/csv", "application/json"],
            "last_update": ds.updated.isoformat(),
            "rows": len(ds.table.rows),
            "url": f"{base}/{stem}/",
            "downloads": {"csv": f"{base}/{stem}.csv", "json": f"{base}/{stem}.json"},
        })
    return out


def render_catalog(ctx: Any, datasets: list[Dataset]) -> tuple[Any, bytes]:
    entries = catalog_entries(ctx.site, datasets)
    page = ctx.page("data_catalog.md.j2", "data/index.md", ctx.label("datasets", "catalog"),
                    datasets=[(d, page_path(d), oit_item(ctx.site, d)) for d in datasets])
    body = {"publisher": ctx.site.organization.name if hasattr(ctx.site.organization, "name") else "",
            "datasets": entries, "known_datasets": sorted(catalog())}
    return page, json.dumps(body, ensure_ascii=False, indent=2).encode("utf-8")
