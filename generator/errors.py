"""Content errors that point at a file, a line and a field, in Thai then English."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from .catalog import message, message_text

MAX_QUOTED = 200  # characters of a value or field path quoted in a message
_QUOTED = {"got", "value", "key", "name", "ref", "url", "slug", "id", "problem"}  # staff's values, not lists of ours


@dataclass(frozen=True)
class ContentError:
    """One problem in one content file."""

    path: Path | str
    line: int | None
    field: str
    th: str
    en: str

    def format(self, root: Path | None = None, label: Path | None = None) -> str:
        """`root`: the content folder, shown as `label` (the folder as given to --content)
        or by its own name."""
        shown = Path(self.path)
        if root is not None:
            with contextlib.suppress(ValueError):
                shown = (label or Path(root.name)) / shown.relative_to(root)
        where = f"{shown}:{self.line}" if self.line else str(shown)
        head = f"{where}: {self.field}" if self.field else where
        return f"{head}\n  {self.th}\n  {self.en}"


@dataclass
class ContentErrors(Exception):
    """Every error found in one pass, so staff can fix them all at once."""

    errors: list[ContentError] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(e.format() for e in self.errors)

    def format(self, root: Path | None = None, label: Path | None = None) -> str:
        body = "\n\n".join(e.format(root, label) for e in self.errors)
        return f"{body}\n\n{message_text('summary', count=len(self.errors))}"


def error(path: Path | str, line: int | None, field_path: str, key: str, /, **params: object) -> ContentError:
    """Build an error from the message catalog entry `key`."""
    # A value quoted in a message is cut short: a 5 MB paste must not become a 5 MB message.
    shown = {k: f"{v[:MAX_QUOTED]}…" if k in _QUOTED and isinstance(v, str) and len(v) > MAX_QUOTED else v
             for k, v in params.items()}
    text = message(key, **shown)
    if len(field_path) > MAX_QUOTED:
        field_path = f"{field_path[:MAX_QUOTED]}…"
    return ContentError(path, line, field_path, text["th"], text["en"])


def format_path(loc: tuple[object, ...]) -> str:
    """('measures', 3, 'responsible') -> 'measures[3].responsible' (1-based as staff count)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def shown_root(content: Path) -> tuple[Path, Path | None]:
    """The content folder the errors' paths are under, and the name to show it by: the name
    given to --content (a link keeps its own name), never a traceback for a link loop."""
    try:
        root = content.resolve()
    except (OSError, RuntimeError):  # a symlink loop: RuntimeError up to 3.12, OSError after
        return content.absolute(), None
    return root, Path(content.name) if content.name not in ("", ".", "..") else None
