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
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from .thai import fiscal_year_range

# Used only when the content holds no date and no fiscal year at all.
FALLBACK_DATE = dt.date(2000, 1, 1)


_LEAVES = (str, bytes, int, float, Decimal, type(None))


def _newest_date(root: Any) -> dt.date | None:
    """The newest date anywhere under `root` (models, dataclasses, dicts, lists).

    A loop over a stack rather than recursion: content nests deeply and is walked often."""
    newest: dt.date | None = None
    stack, seen = [root], set()
    while stack:
        value = stack.pop()
        if isinstance(value, _LEAVES):
            continue
        if isinstance(value, dt.date):
            day = value.date() if isinstance(value, dt.datetime) else value
            newest = day if newest is None or day > newest else newest
            continue
        if id(value) in seen:
            continue
        seen.add(id(value))
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, (list, tuple)):
            stack.extend(value)
        elif isinstance(value, BaseModel):  # before hasattr, which costs a model a raised AttributeError
            stack.extend(value.__dict__.values())  # a model's fields are its instance attributes
        elif hasattr(value, "newest_date"):  # a dataset table knows its dates; its cells are thousands
            stack.append(value.newest_date())
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            stack.extend(getattr(value, f.name) for f in dataclasses.fields(value))
    return newest


def content_date(site: Any) -> dt.date:
    """The newest date written anywhere in the content (or the newest fiscal year's first day)."""
    memo = getattr(site, "__dict__", {})
    if "_content_date" not in memo:  # a build asks twice (undated datasets, the epoch); the walk is long
        parts = [site.settings, site.organization, site.years, site.documents]
        newest = _newest_date(parts)
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
