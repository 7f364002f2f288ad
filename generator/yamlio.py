"""Read YAML the way staff write it, keeping the line of every value.

Aliases are refused (no staff file needs them, and they make alias bombs
possible); duplicate keys are refused (YAML would silently keep the last).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError, error, format_path

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_constructor = yaml.constructor.SafeConstructor()
# Plain scalars are built straight from their resolved tag, as construct_object would but
# without its bookkeeping; anything else (a `!tag` staff typed) takes the long way.
_STR = "tag:yaml.org,2002:str"
_SCALARS = {
    f"tag:yaml.org,2002:{name}": yaml.constructor.SafeConstructor.yaml_constructors[f"tag:yaml.org,2002:{name}"]
    for name in ("null", "bool", "int", "float", "timestamp")
}

MAX_FILE_BYTES = 2 * 1024 * 1024

Loc = tuple[Any, ...]


@dataclass
class Located:
    """Data read from one file, with the 1-based line of each path in it."""

    path: Path
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int | None:
        """Line of the deepest known prefix of `loc` (an error on a missing key points at its parent)."""
        loc = tuple(loc)
        while True:
            if loc in self.lines:
                return self.lines[loc]
            if not loc:
                return None
            loc = loc[:-1]


class _Refused(Exception):
    def __init__(self, line: int, loc: Loc, message_key: str, **params: object) -> None:
        super().__init__(message_key)
        self.line, self.loc, self.message_key, self.params = line, loc, message_key, params


def _convert(node: yaml.Node, loc: Loc, lines: dict[Loc, int], seen: set[int]) -> Any:
    if id(node) in seen:
        raise _Refused(node.start_mark.line + 1, loc, "yaml_alias")
    seen.add(id(node))
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _Refused(key_node.start_mark.line + 1, loc, "yaml_alias")
            if key_node.tag == _STR and id(key_node) not in seen:  # a plain key, as nearly all are
                seen.add(id(key_node))
                key = key_node.value
            else:
                key = _convert(key_node, (*loc, "<key>"), {}, seen)
            if not isinstance(key, (str, int)):
                raise _Refused(key_node.start_mark.line + 1, loc, "yaml_key_type")
            key = str(key)
            if key in out:
                raise _Refused(key_node.start_mark.line + 1, (*loc, key), "yaml_duplicate_key", key=key)
            out[key] = _convert(value_node, (*loc, key), lines, seen)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(child, (*loc, i), lines, seen) for i, child in enumerate(node.value)]
    if node.tag == _STR:  # most values: the text as written
        return node.value
    try:
        scalar = _SCALARS.get(node.tag)
        value = scalar(_constructor, node) if scalar else _constructor.construct_object(node, deep=True)
    except ValueError:
        # A Buddhist Era date such as 2567-02-29 is no valid Common Era date; keep the
        # text, which the date fields read correctly.
        return node.value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and str(value) != node.value:
        # YAML 1.1 reads 053123456 as octal and 8:30 as base 60; keep what staff typed.
        return node.value
    return value


def parse_yaml(text: str, path: Path) -> Located:
    """Parse YAML text; raise ContentError-carrying ValueError on any problem."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise YamlError(error(path, line, "", "yaml_syntax", problem=str(exc.problem or exc))) from None
    except yaml.YAMLError as exc:
        raise YamlError(error(path, None, "", "yaml_syntax", problem=str(exc))) from None
    lines: dict[Loc, int] = {}
    if node is None:
        return Located(path, None, {(): 1})
    try:
        data = _convert(node, (), lines, set())
    except _Refused as refused:
        where, line = format_path(refused.loc), refused.line
        if refused.message_key == "yaml_alias":
            # The composed graph only knows where the anchor is; staff need the line that uses it.
            line = _first_alias_line(text) or line
        raise YamlError(error(path, line, where, refused.message_key, **refused.params)) from None
    except (yaml.YAMLError, ValueError) as exc:
        raise YamlError(error(path, None, "", "yaml_syntax", problem=str(exc))) from None
    return Located(path, data, lines)


def _first_alias_line(text: str) -> int | None:
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark.line + 1
    return None


def read_yaml(path: Path) -> Located:
    """Read and parse one YAML file from disk."""
    return parse_yaml(read_text(path), path)


def read_text(path: Path) -> str:
    """Read a UTF-8 text file, refusing huge files and other encodings with a clear error."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise YamlError(error(path, None, "", "file_too_large", size=size, limit=MAX_FILE_BYTES))
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise YamlError(error(path, None, "", "file_encoding", problem=str(exc))) from None


class YamlError(Exception):
    """A file that cannot be read as data at all."""

    def __init__(self, content_error: ContentError) -> None:
        super().__init__(content_error.en)
        self.content_error = content_error
