"""Site settings: address, digits, date style and the years to show first."""

from __future__ import annotations

from typing import Literal

from .fields import Url
from .richtext import Strict
from .thai import DateStyle, Digits, ThaiStyle


class SiteSettings(Strict):
    site_url: Url | None = None
    digits: Digits = "thai"
    date_style: DateStyle = "full"
    current_year: int | None = None
    ita_years: list[int] = []
    color: Literal["indigo", "blue", "teal", "green", "deep-purple", "brown", "blue-grey"] = "indigo"
    footer_note: str | None = None

    @property
    def thai(self) -> ThaiStyle:
        return ThaiStyle(self.digits, self.date_style)
