"""Thai text the generator shows: messages, page labels and field documentation.

It lives in YAML beside this file so that wording is edited as data, not code.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..program_cache import cached_parse

HERE = Path(__file__).parent


def read_program_yaml(path: Path) -> Any:
    """A YAML file that ships with the program (catalogs, mkdocs.yml): trusted, so no line
    tracking; parsed once and then read from the program cache (a catalog takes
    milliseconds to parse even with LibYAML, and microseconds to read back)."""
    return cached_parse(path.read_bytes(), "program-yaml", _parse_yaml)


def _parse_yaml(source: bytes) -> Any:
    return yaml.load(source, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def _load(name: str) -> dict[str, Any]:
    return read_program_yaml(HERE / f"{name}.yml")


def message(key: str, /, **params: object) -> dict[str, str]:
    """Thai and English text of message `key`, with `params` filled in."""
    entry = _load("messages")[key]
    return {lang: entry[lang].format(**params).strip() for lang in ("th", "en")}


def message_text(key: str, /, **params: object) -> str:
    """Message `key` as shown to people: the Thai line first, then the English one."""
    text = message(key, **params)
    return f"{text['th']}\n{text['en']}"


def type_names(lang: str) -> dict[str, str]:
    """Names of value types in messages ("ข้อความ", "text")."""
    return _load("messages")["types"][lang]


def labels() -> dict[str, Any]:
    """Labels used by page templates (headings, column headers, nav titles)."""
    return _load("labels")


def field_docs() -> dict[str, dict[str, Any]]:
    """Thai description and example of every field of every content model."""
    return _load("fields")
