"""The site's navigation: a tree of titles and page paths, as MkDocs' `nav` writes it."""

from __future__ import annotations

from dataclasses import dataclass, field

from .safetext import theme_label


@dataclass
class NavEntry:
    title: str
    path: str | None = None
    children: list[NavEntry] = field(default_factory=list)

    def as_mkdocs(self) -> str | dict[str, object]:
        title = theme_label(self.title)
        if self.children:
            return {title: [c.as_mkdocs() for c in self.children]}
        return {title: self.path}
