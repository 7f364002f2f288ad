"""Reproducible builds: the only clock MkDocs reads (sitemap lastmod, the
gzip header of sitemap.xml.gz) is set from the content itself.

A file's mtime or git date differs between clones and copies; the newest date
written in the data does not, so the same content always gives the same bytes.
"""

from __future__ import annotations

import calendar
import contextlib
import dataclasses
import datetime as dt
import os
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .thai import fiscal_year_range

# Used only when the content holds no date and no fiscal year at all.
FALLBACK_DATE = dt.date(2000, 1, 1)


def _dates(value: Any, seen: set[int]) -> Iterator[dt.date]:
    if isinstance(value, dt.date):
        yield value.date() if isinstance(value, dt.datetime) else value
        return
    if isinstance(value, (str, bytes, int, float)) or value is None or id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, BaseModel):
        children: Any = [getattr(value, name) for name in type(value).model_fields]
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        children = [getattr(value, f.name) for f in dataclasses.fields(value)]
    elif isinstance(value, dict):
        children = value.values()
    elif isinstance(value, (list, tuple)):
        children = value
    else:
        return
    for child in children:
        yield from _dates(child, seen)


def content_date(site: Any) -> dt.date:
    """The newest date written anywhere in the content (or the newest fiscal year's first day)."""
    memo = getattr(site, "__dict__", {})
    if "_content_date" not in memo:  # a build asks twice (undated datasets, the epoch); the walk is long
        parts = [site.settings, site.organization, site.years, site.pages]
        newest = max(_dates(parts, set()), default=None)
        if newest is None:
            newest = fiscal_year_range(max(site.years))[0] if site.years else FALLBACK_DATE
        memo["_content_date"] = newest
    return memo["_content_date"]


def content_epoch(site: Any) -> int:
    """SOURCE_DATE_EPOCH for this content: midnight UTC of its newest date."""
    return calendar.timegm(content_date(site).timetuple())


@contextlib.contextmanager
def source_date_epoch(epoch: int | None) -> Iterator[None]:
    """Set SOURCE_DATE_EPOCH for the duration of one MkDocs build, then restore it."""
    if epoch is None:
        yield
        return
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
