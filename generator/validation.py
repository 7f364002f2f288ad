"""Turn pydantic's findings into staff-readable errors with file, line and field."""

from __future__ import annotations

import difflib
import re
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .catalog import message, type_names
from .errors import ContentError, error, format_path
from .richtext import GroupRow, HeadingBlock, ListBlock, ListItem, TableBlock
from .yamlio import Located

_TAGGED = {"~list": ListBlock, "~table": TableBlock, "~heading": HeadingBlock, "~item": ListItem, "~group": GroupRow}
_TYPE_OF_ERROR = {
    "string_type": "string",
    "int_type": "int",
    "int_parsing": "int",
    "int_from_float": "int",
    "float_type": "float",
    "float_parsing": "float",
    "bool_type": "bool",
    "bool_parsing": "bool",
    "list_type": "list",
    "dict_type": "dict",
    "model_type": "dict",
    "model_attributes_type": "dict",
    "date_type": "date",
    "date_parsing": "date",
    "date_from_datetime_parsing": "date",
}
_CUSTOM = {"bad_date", "bad_deadline", "date_out_of_range", "date_day_too_big", "date_month_only",
           "bad_url", "unsafe_ref", "missing_file", "bad_slug", "level_mismatch", "score_range"}


def _yaml_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop pydantic's own loc parts (union tags, dict key markers)."""
    return tuple(p for p in loc if not (isinstance(p, str) and (p.startswith("~") or p == "[key]")))


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    origin = typing.get_origin(annotation)
    if origin is None and not isinstance(annotation, types.UnionType):
        return []
    found: list[type[BaseModel]] = []
    for arg in typing.get_args(annotation):
        if isinstance(arg, typing.ForwardRef):
            continue
        found.extend(_models_in(arg))
    return found


def models_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[type[BaseModel]]:
    """The model classes that could hold the mapping at `loc`."""
    current = [model]
    for part in loc:
        if isinstance(part, int) or part == "[key]":
            continue
        if part in _TAGGED:
            current = [_TAGGED[part]]
            continue
        if part.startswith("~"):
            continue
        nxt: list[type[BaseModel]] = []
        for candidate in current:
            info = candidate.model_fields.get(part)
            if info is not None:
                nxt.extend(_models_in(info.annotation))
        current = nxt or current
    return list(dict.fromkeys(current))


def _unknown_key(path: Any, line: int | None, field: str, key: str, allowed: list[str]) -> ContentError:
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.5)
    if close:
        hint = message("unknown_hint", suggestion=close[0])
    else:
        hint = message("unknown_allowed", allowed=", ".join(allowed))
    return error(path, line, field, "unknown_key", key=key, hint_th=" " + hint["th"], hint_en=" " + hint["en"])


_FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _quoted_line(located: Located, line: int | None, key: str) -> str | None:
    """The line fixed, when an "unknown field" is really text with a colon in it (`- ข้อ ๑: …`
    makes YAML read a key): no field name has spaces or Thai letters. None: a real typo."""
    if _FIELD_NAME.match(key) or not line:
        return None
    try:
        text = Path(located.path).read_text(encoding="utf-8-sig").splitlines()[line - 1]
    except (OSError, UnicodeDecodeError, IndexError):
        return None
    match = re.match(r"^(\s*(?:-\s+)*)(.*?)\s*$", text)
    if match is None or ": " not in match.group(2) or match.group(2)[:1] in "\"'":
        return None
    body = match.group(2).replace("\\", "\\\\").replace('"', '\\"')
    return f'{match.group(1)}"{body}"'.strip()


def errors_from_validation(exc: ValidationError, located: Located, model: type[BaseModel]) -> list[ContentError]:
    out: list[ContentError] = []
    seen: set[tuple[Any, ...]] = set()
    for item in exc.errors():
        raw_loc = tuple(item["loc"])
        loc = _yaml_loc(raw_loc)
        kind = item["type"]
        if loc in seen:
            continue
        seen.add(loc)
        line = located.line_of(loc)
        field = format_path(loc)
        got = item.get("input")
        ctx = item.get("ctx") or {}
        if kind == "missing":
            out.append(error(located.path, line, field, "missing", field=loc[-1] if loc else ""))
        elif kind == "extra_forbidden" and (fixed := _quoted_line(located, line, str(loc[-1]))):
            out.append(error(located.path, line, field, "colon_in_text", key=loc[-1], fixed=fixed))
        elif kind == "extra_forbidden":
            allowed = sorted({name for m in models_at(model, raw_loc[:-1]) for name in m.model_fields})
            out.append(_unknown_key(located.path, line, field, str(loc[-1]), allowed))
        elif kind in _TYPE_OF_ERROR:
            name = _TYPE_OF_ERROR[kind]
            shown = type(got).__name__ if isinstance(got, (dict, list)) else repr(got)
            out.append(
                error(
                    located.path,
                    line,
                    field,
                    "wrong_type",
                    expected_th=type_names("th")[name],
                    expected_en=type_names("en")[name],
                    got=shown,
                )
            )
        elif kind in ("literal_error", "enum"):
            out.append(error(located.path, line, field, "bad_choice", got=got, allowed=ctx.get("expected", "")))
        elif kind in _CUSTOM:
            out.append(error(located.path, line, field, kind, **ctx))
        else:
            out.append(error(located.path, line, field, "bad_value", detail_th=item["msg"], detail_en=item["msg"]))
    return out


def check_duplicate_ids(located: Located) -> list[ContentError]:
    """Every `id` in one file must be unique (ids become page anchors)."""
    first: dict[str, tuple[Any, ...]] = {}
    out: list[ContentError] = []

    def walk(value: Any, loc: tuple[Any, ...]) -> None:
        if isinstance(value, dict):
            ident = value.get("id")
            if isinstance(ident, (str, int)):
                key = str(ident)
                if key in first:
                    out.append(
                        error(
                            located.path,
                            located.line_of((*loc, "id")),
                            format_path((*loc, "id")),
                            "duplicate_id",
                            id=key,
                            first_line=located.line_of(first[key]),
                        )
                    )
                else:
                    first[key] = (*loc, "id")
            for k, v in value.items():
                if isinstance(v, (dict, list)):  # only containers can hold ids
                    walk(v, (*loc, k))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                if isinstance(v, (dict, list)):
                    walk(v, (*loc, i))

    walk(located.data, ())
    return out
