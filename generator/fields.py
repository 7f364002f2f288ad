"""Field types shared by content models: dates, links, file references, ids."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, PlainSerializer, PlainValidator, ValidationInfo, WithJsonSchema
from pydantic_core import PydanticCustomError

from .datehints import DateProblem, check_date, month_of, without_by
from .thai import FIRST_DATE, LAST_DATE

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
URL = re.compile(r"^(https?://[^\s<>\"']+|mailto:[^\s<>\"']+|tel:[0-9+\-() ]+)$", re.I)


def _date(value: Any) -> dt.date:
    try:
        return check_date(value)
    except DateProblem as problem:
        raise PydanticCustomError(problem.key, "cannot read date {got}", problem.params) from None
    except (ValueError, TypeError):
        raise PydanticCustomError("bad_date", "cannot read date {got}", {"got": str(value)}) from None


@dataclass(frozen=True, order=True)
class Month:
    """A month without a day ("ภายในเดือนเมษายน ๒๕๖๙"): year in the Common Era, month 1-12."""

    year: int
    month: int

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def _deadline(value: Any) -> dt.date | Month:
    """A day, or a month when the paper gives only the month; "ภายใน" before it is allowed."""
    if isinstance(value, Month):
        return value
    found = month_of(value) if isinstance(value, str) else None
    if found is not None:
        if not FIRST_DATE.year <= found[0] <= LAST_DATE.year:
            return _date(f"1 {value}")  # out of range: the date message says which years are allowed
        return Month(*found)
    try:
        return check_date(without_by(value))
    except DateProblem as problem:
        raise PydanticCustomError(problem.key, "cannot read date {got}", problem.params) from None
    except (ValueError, TypeError):
        raise PydanticCustomError("bad_deadline", "cannot read deadline {got}", {"got": str(value)}) from None


def _url(value: str) -> str:
    value = value.strip()
    if not URL.match(value):
        raise PydanticCustomError("bad_url", "bad url {url}", {"url": value})
    return value


def _asset(value: str, info: ValidationInfo) -> str:
    ref = value.strip().replace("\\", "/")
    path = PurePosixPath(ref)
    if not ref or ref.startswith("/") or ".." in path.parts or ":" in ref:
        raise PydanticCustomError("unsafe_ref", "unsafe ref {ref}", {"ref": value})
    context = info.context or {}
    content_dir = context.get("content_dir")
    if content_dir is not None and not (content_dir / "assets" / path).is_file():
        folder = f"{context.get('content_label') or content_dir.name}/assets/"  # as given to --content
        raise PydanticCustomError("missing_file", "missing {ref}", {"ref": value, "folder": folder})
    return str(path)


def _slug(value: str) -> str:
    if not SLUG.match(value):
        raise PydanticCustomError("bad_slug", "bad slug {name}", {"name": value})
    return value


Date = Annotated[dt.date, BeforeValidator(_date)]
# A deadline: a date, or a month alone ("เมษายน ๒๕๖๙"), printed as the paper prints it.
Deadline = Annotated[
    dt.date | Month, PlainValidator(_deadline), PlainSerializer(str), WithJsonSchema({"type": "string"})
]
Url = Annotated[str, AfterValidator(_url)]
AssetRef = Annotated[str, AfterValidator(_asset)]
Slug = Annotated[str, AfterValidator(_slug)]


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, (str, int, float)) else value


# A value staff may write once or as a list (several phone numbers, position lines).
TextList = Annotated[list[str], BeforeValidator(_one_or_many)]
