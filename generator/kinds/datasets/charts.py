"""Static SVG bar charts drawn at build time: Thai labels, a <title>, role="img"
and an aria-label, numbers in the site's digits. No script, no external request."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from markupsafe import escape

COLORS = ("#1f6f8b", "#e07a1f", "#5b8c2a")
ROW = 24
LABEL_H = 22
WIDTH = 440  # narrow on purpose: on a phone the chart shrinks less and its text stays readable
VALUE_W = 120


def bar_chart(title: str, labels: list[str], series: list[tuple[str, list[Decimal | int]]], thai: Any) -> str:
    """Horizontal grouped bars, each group under its own label line (long Thai labels need the room)."""
    top = 30 + (20 if len(series) > 1 else 0)
    group_h = LABEL_H + ROW * len(series) + 8
    height = top + group_h * len(labels) + 6
    bar_w = WIDTH - VALUE_W
    peak = max((float(v) for _, values in series for v in values), default=0) or 1
    summary = "; ".join(
        f"{label}: " + ", ".join(f"{name} {thai.number(values[i])}" for name, values in series)
        for i, label in enumerate(labels)
    )
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="pr-chart" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" aria-label="{escape(title)}: {escape(summary)}" '
        'font-family="Sarabun, sans-serif" font-size="15">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="18" font-weight="bold">{escape(title)}</text>',
    ]
    if len(series) > 1:
        x = 0
        for index, (name, _) in enumerate(series):
            out.append(f'<rect x="{x}" y="30" width="12" height="12" fill="{COLORS[index % 3]}"/>')
            out.append(f'<text x="{x + 16}" y="41">{escape(name)}</text>')
            x += 24 + 9 * len(name)
    for i, label in enumerate(labels):
        y = top + i * group_h
        out.append(f'<text x="0" y="{y + LABEL_H - 6}">{escape(label)}</text>')
        for index, (_, values) in enumerate(series):
            value = float(values[i])
            w = max(bar_w * value / peak, 0)
            by = y + LABEL_H + index * ROW
            color = COLORS[index % 3]
            out.append(f'<rect x="0" y="{by + 2}" width="{w:.1f}" height="{ROW - 5}" fill="{color}"/>')
            shown = escape(thai.number(values[i]))
            out.append(f'<text x="{w + 6:.1f}" y="{by + ROW / 2 + 5}">{shown}</text>')
    out.append("</svg>")
    return "".join(out)


def chart_for(spec: dict[str, Any], rows: list[dict[str, Any]], column_th: dict[str, str], thai: Any) -> str | None:
    """The chart a dataset's catalog entry asks for, or None when there is nothing to draw."""
    if not spec or not rows:
        return None
    if spec["kind"] == "sum_by":
        totals: dict[str, Decimal] = {}
        for row in rows:
            totals[row[spec["group"]]] = totals.get(row[spec["group"]], Decimal(0)) + (row[spec["value"]] or 0)
        ordered = sorted(totals.items(), key=lambda kv: -kv[1])
        return bar_chart(spec["title"], [k for k, _ in ordered],
                         [(column_th[spec["value"]], [v for _, v in ordered])], thai)
    labels = [str(row[spec["label"]]) for row in rows]
    series = [(column_th[key], [row[key] or 0 for row in rows]) for key in spec["values"]]
    return bar_chart(spec["title"], labels, series, thai)
