"""The signature blocks at the foot of a letter: an optional comment label and comment (an
approver's "ทราบ", "เห็นควรอนุมัติ"), then the signer's (name) and position lines."""

from __future__ import annotations

from typing import Any

from .document import _NAME, _SIGNED_BY, Doc, one
from .reader import Line
from .words import word, words


def starts_signature(text: str) -> bool:
    return bool(_SIGNED_BY.match(text) or _NAME.match(text) or text.startswith(word("comment")))


def signatures(lines: list[Line], doc: Doc) -> list[dict[str, Any]]:
    """Signature blocks: optional comment label and comment, then (name) and position lines."""
    out: list[dict[str, Any]] = []
    label: str | None = None
    comment: list[str] = []
    current: dict[str, Any] | None = None
    for index, line in enumerate(lines):
        text = line.text
        if text.startswith(word("comment")):
            current, label, comment = None, text, []
        elif current is not None and current["position"] and _approver_comment(text, lines[index + 1 :]):
            # An approver's comment without a label: it belongs to the next signer, not this position.
            current, comment = None, [text]
        elif _SIGNED_BY.match(text):
            current = None
        elif _NAME.match(text) and not (current and current["position"] == [] and current.get("name")):
            current = {}
            if label:
                current["comment_label"] = label
            if comment:
                current["comment"] = one(comment)
            current["name"], current["position"] = _NAME.match(text).group(1).strip(), []  # type: ignore[union-attr]
            out.append(current)
            label, comment = None, []
        elif current is not None:
            current["position"].append(text)
        elif label is not None or comment:
            comment.append(text)
        else:
            doc.unplaced(line, text)
    if label or comment:
        doc.unplaced(lines[-1], [x for x in [label, *comment] if x])
    return out


def _approver_comment(text: str, after: list[Line]) -> bool:
    """A line under a signer's position that opens the next signer's comment ("ทราบ",
    "เห็นควรอนุมัติ", "- อนุมัติ"): a comment word, and a "(name)" still to come."""
    opens = any(text.lstrip("- ").startswith(w) for w in words()["comment_starts"])
    return opens and any(_NAME.match(x.text) for x in after)
