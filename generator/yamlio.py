"""Read YAML the way staff write it, keeping the line of every value.

Aliases are refused (no staff file needs them, and they make alias bombs
possible); duplicate keys are refused (YAML would silently keep the last).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError, error, format_path

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """The safe loader, answering at once for text that no implicit type can start with (Thai
    prose, quoted text): the parser asks for the type of every value it reads."""

    _STARTS = frozenset(_BaseLoader.yaml_implicit_resolvers)

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> Any:
        if kind is yaml.ScalarNode and (not implicit[0] or (value and value[0] not in self._STARTS)):
            return _STR
        return super().resolve(kind, value, implicit)


if None in _BaseLoader.yaml_implicit_resolvers or _BaseLoader.yaml_path_resolvers:
    # Another PyYAML with a resolver for any start or by path: its own answer, the long way.
    _Loader = _BaseLoader  # type: ignore[misc]
_constructor = yaml.constructor.SafeConstructor()
# Plain scalars are built straight from their resolved tag, as construct_object would but
# without its bookkeeping; anything else (a `!tag` staff typed) takes the long way.
_SCALARS = {
    f"tag:yaml.org,2002:{name}": yaml.constructor.SafeConstructor.yaml_constructors[f"tag:yaml.org,2002:{name}"]
    for name in ("null", "bool", "int", "float", "timestamp")
}

MAX_FILE_BYTES = 2 * 1024 * 1024

Loc = tuple[Any, ...]


@dataclass
class Located:
    """Data read from one file, with the composed YAML tree it came from: the line of any
    path in the data is looked up there, only when a message needs it."""

    path: Path
    data: Any
    root: yaml.Node | None = field(default=None, repr=False)

    def line_of(self, loc: Loc) -> int:
        """1-based line of the deepest known prefix of `loc` (an error on a missing key points
        at its parent)."""
        node = self.root
        if node is None:  # an empty file
            return 1
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            node = child
        return node.start_mark.line + 1


def _child(node: yaml.Node, part: Any) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):  # keys are unique: the document was accepted
        return next((value for key, value in node.value if _key(key) == part), None)
    if isinstance(node, yaml.SequenceNode) and type(part) is int and 0 <= part < len(node.value):
        return node.value[part]
    return None


class _Refused(Exception):
    def __init__(self, line: int, loc: Loc, message_key: str, **params: object) -> None:
        super().__init__(message_key)
        self.line, self.loc, self.message_key, self.params = line, loc, message_key, params


def _key(node: yaml.Node) -> Any:
    """A mapping key as the data has it: text, or a number as text (None: not a plain key)."""
    if node.tag == _STR:
        return node.value
    if isinstance(node, yaml.ScalarNode):
        value = _scalar(node)
        return str(value) if isinstance(value, (str, int)) else None
    return None


def _scalar(node: yaml.ScalarNode) -> Any:
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


MAX_DEPTH = 40  # lists and mappings inside each other; official documents nest five or six deep


def _convert(node: yaml.Node, loc: Loc | None, seen: set[int] | None, depth: int = 0) -> Any:
    """The data of a composed tree, refusing aliases, merge keys, duplicate and non-text keys.

    `seen` (ids of the nodes met so far) finds aliases, which compose to a node met before; a
    document without both "&" and "*" has no anchor or no alias, and needs none. `loc` is where `node` is,
    for the message; None while nothing has gone wrong (a refusal converts again with it)."""
    if seen is not None:
        if id(node) in seen:
            raise _Refused(node.start_mark.line + 1, loc or (), "yaml_alias")
        seen.add(id(node))
    if depth > MAX_DEPTH and isinstance(node, yaml.CollectionNode):
        raise _Refused(node.start_mark.line + 1, loc or (), "yaml_too_deep", limit=MAX_DEPTH)
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if seen is not None:
                if id(key_node) in seen:
                    raise _Refused(key_node.start_mark.line + 1, loc or (), "yaml_alias")
                seen.add(id(key_node))
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _Refused(key_node.start_mark.line + 1, loc or (), "yaml_alias")
            key = key_node.value if key_node.tag == _STR else _key(key_node)  # plain text, as nearly all are
            if key is None:
                raise _Refused(key_node.start_mark.line + 1, loc or (), "yaml_key_type")
            if key in out:
                raise _Refused(key_node.start_mark.line + 1, (*(loc or ()), key), "yaml_duplicate_key", key=key)
            out[key] = _convert(value_node, None if loc is None else (*loc, key), seen, depth + 1)
        return out
    if isinstance(node, yaml.SequenceNode):
        if loc is None:
            return [_convert(child, None, seen, depth + 1) for child in node.value]
        return [_convert(child, (*loc, i), seen, depth + 1) for i, child in enumerate(node.value)]
    return _scalar(node)


def _deep_flow_line(text: str) -> int | None:
    """The line where flow collections ([ or {) nest deeper than MAX_DEPTH, if they do.

    LibYAML's composer recurses in C and crashes the process on some 30,000 nested `[`; its
    event parser does not recurse, so the depth is counted there first. Only for text with
    thousands of brackets (block nesting is bounded by the file size limit to a safe depth)."""
    if text.count("[") + text.count("{") <= 2000:
        return None
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return event.start_mark.line + 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def parse_yaml(text: str, path: Path) -> Located:
    """Parse YAML text; raise ContentError-carrying ValueError on any problem."""
    try:
        if (deep := _deep_flow_line(text)) is not None:
            raise YamlError(error(path, deep, "", "yaml_too_deep", limit=MAX_DEPTH))
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise YamlError(error(path, line, "", "yaml_syntax", problem=str(exc.problem or exc))) from None
    except yaml.YAMLError as exc:
        raise YamlError(error(path, None, "", "yaml_syntax", problem=str(exc))) from None
    if node is None:
        return Located(path, None)
    try:
        try:
            data = _convert(node, None, set() if "&" in text and "*" in text else None)
        except _Refused:  # again, keeping track of where, to say so
            _convert(node, (), set())
            raise
    except _Refused as refused:
        where, line = format_path(refused.loc), refused.line
        if refused.message_key == "yaml_too_deep":
            where = format_path(refused.loc[:2]) + "…"
        if refused.message_key == "yaml_alias":
            # The composed graph only knows where the anchor is; staff need the line that uses it.
            line = _first_alias_line(text) or line
        raise YamlError(error(path, line, where, refused.message_key, **refused.params)) from None
    except (yaml.YAMLError, ValueError) as exc:
        raise YamlError(error(path, None, "", "yaml_syntax", problem=str(exc))) from None
    return Located(path, data, node)


def _first_alias_line(text: str) -> int | None:
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark.line + 1
    return None


def read_yaml(path: Path) -> Located:
    """Read and parse one YAML file from disk."""
    return parse_yaml(read_text(path), path)


def read_text(path: Path) -> str:
    """Read a UTF-8 (or UTF-16 with its byte-order mark) text file, refusing huge files and
    other encodings with a clear error that names Windows' Thai encoding when it is that."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise YamlError(error(path, None, "", "file_too_large", size=size, limit=MAX_FILE_BYTES))
    raw = path.read_bytes()
    try:
        return decode_text(raw, thai_windows=False)
    except UnicodeDecodeError as exc:
        if looks_thai_windows(raw):
            raise YamlError(error(path, None, "", "file_encoding_thai")) from None
        raise YamlError(error(path, None, "", "file_encoding", problem=str(exc))) from None


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # what Notepad and Excel write as "Unicode"


def looks_thai_windows(raw: bytes) -> bool:
    """Whether bytes that are not UTF-8 read as Thai in Windows' Thai code page (cp874, a
    superset of TIS-620): they decode, and most of the non-ASCII letters are Thai."""
    try:
        text = raw.decode("cp874")
    except UnicodeDecodeError:
        return False
    other = [c for c in text if ord(c) > 127]
    if not other or sum("\u0e01" <= c <= "\u0e5b" for c in other) < 0.9 * len(other):
        return False
    # Thai vowel and tone marks sit on Thai letters; on a Latin letter they are Latin-1
    # accents read wrongly ("café" in cp874 is "caf" and a tone mark).
    return _STRAY_MARK.search(text) is None


_STRAY_MARK = re.compile("(?<![\u0e01-\u0e4f])[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def decode_text(raw: bytes, thai_windows: bool) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, and with `thai_windows` cp874 (what Excel
    on Thai Windows saves as "CSV"). Raises UnicodeDecodeError."""
    if raw.startswith(_UTF16_BOMS):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        if thai_windows and looks_thai_windows(raw):
            return raw.decode("cp874")
        raise


class YamlError(Exception):
    """A file that cannot be read as data at all."""

    def __init__(self, content_error: ContentError) -> None:
        super().__init__(content_error.en)
        self.content_error = content_error
