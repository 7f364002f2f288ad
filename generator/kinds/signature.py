"""The signature block that closes announcements, memos and reports."""

from __future__ import annotations

from ..fields import TextList
from ..richtext import RichText, Strict


class Signature(Strict):
    """One signer: optional comment above (memos pass up a chain), then name and position lines."""

    comment_label: str | None = None
    comment: RichText | None = None
    signed: bool = True
    name: str
    position: TextList
