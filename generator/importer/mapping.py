"""Map recognized documents to content dictionaries in the schema's field order.

Text that fits no field goes into the document's import_notes (shown on the
page) and is reported; nothing read from the source is dropped.
"""

from __future__ import annotations

from .document import Doc, Issue
from .free_page import oit_page
from .ita import map_ita
from .letters import map_announcement, map_memo
from .tables import map_measures

__all__ = [
    "Doc",
    "Issue",
    "map_announcement",
    "map_ita",
    "map_measures",
    "map_memo",
    "oit_page",
]
