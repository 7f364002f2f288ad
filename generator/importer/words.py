"""The words documents are recognized by, from generator/catalog/import_words.yml."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ..catalog import HERE, read_program_yaml


@cache
def words() -> dict[str, Any]:
    return read_program_yaml(HERE / "import_words.yml")


def roles(name: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(role, tuple(found)) for role, found in words()[name].items()]


def any_of(key: str) -> str:
    """A regex alternation of the listed words, longest first."""
    found = words()[key]
    items = found if isinstance(found, list) else [found]
    return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))


def word(key: str) -> str:
    return str(words()[key])


# Month names, full and abbreviated, as one regex alternation (longest first).
MONTHS = any_of("months")
