"""The news feeds: Atom (RFC 4287) and RSS 2.0, written with the standard library's XML
writer, which escapes every text and attribute. Links are absolute when site.yml gives
site_url, else relative to the feed's own folder (news/), which readers resolve against
the feed's address. Dates are ISO (Atom) and RFC 822 (RSS), at midnight, Thai time."""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET
from email.utils import format_datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # types only
    from ..content import Site
    from .news import NewsPost
    from .pages import Page

ATOM = "http://www.w3.org/2005/Atom"
THAI_TIME = dt.timezone(dt.timedelta(hours=7))
ENTRIES = 20  # the newest posts a feed carries


def _url(site: Site, path: str) -> str:
    """The URL of a docs path (news/x.md → news/x/), absolute with site_url, else from news/."""
    url = path[: -len("index.md")] if path.endswith("index.md") else path.removesuffix(".md") + "/"
    if path.endswith(".xml"):
        url = path
    base = site.settings.site_url
    if base:
        return base.rstrip("/") + "/" + url
    return url.removeprefix("news/") or "./"


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=THAI_TIME)


def _id(site: Site, path: str) -> str:
    """A permanent id: the absolute URL, or without one a UUID made from the office and path."""
    if site.settings.site_url:
        return _url(site, path)
    return uuid.uuid5(uuid.NAMESPACE_URL, f"prongsai:{site.organization.name}:{path}").urn


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, tag, attrs)
    node.text = text
    return node


def atom(site: Site, posts: list[tuple[str, NewsPost]], feed: str, title: str) -> bytes:
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "th"})
    a = f"{{{ATOM}}}"
    _text(root, a + "title", f"{title} {site.organization.name}")
    _text(root, a + "id", _id(site, feed))
    updated = max((p.date for _, p in posts), default=dt.date(2000, 1, 1))
    _text(root, a + "updated", _moment(updated).isoformat())
    ET.SubElement(root, a + "link", rel="self", type="application/atom+xml", href=_url(site, feed))
    ET.SubElement(root, a + "link", rel="alternate", type="text/html", href=_url(site, "news/index.md"))
    author = ET.SubElement(root, a + "author")
    _text(author, a + "name", site.organization.name)
    for path, post in posts:
        entry = ET.SubElement(root, a + "entry")
        _text(entry, a + "title", post.title, type="text")
        _text(entry, a + "id", _id(site, path))
        ET.SubElement(entry, a + "link", rel="alternate", type="text/html", href=_url(site, path))
        _text(entry, a + "published", _moment(post.date).isoformat())
        _text(entry, a + "updated", _moment(post.date).isoformat())
        if post.description:
            _text(entry, a + "summary", post.description, type="text")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def rss(site: Site, posts: list[tuple[str, NewsPost]], title: str) -> bytes:
    root = ET.Element("rss", version="2.0")
    channel = ET.SubElement(root, "channel")
    _text(channel, "title", f"{title} {site.organization.name}")
    _text(channel, "link", _url(site, "news/index.md"))
    _text(channel, "description", f"{title} {site.organization.name}")
    _text(channel, "language", "th")
    for path, post in posts:
        item = ET.SubElement(channel, "item")
        _text(item, "title", post.title)
        _text(item, "link", _url(site, path))
        _text(item, "guid", _id(site, path), isPermaLink="true" if site.settings.site_url else "false")
        _text(item, "pubDate", format_datetime(_moment(post.date)))
        if post.description:
            _text(item, "description", post.description)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def feeds(site: Site, posts: list[Page[NewsPost]], feed: str, rss_path: str, title: str) -> dict[str, bytes]:
    """{docs path: bytes} of both feeds, with the newest ENTRIES posts."""
    newest = [(f"news/{p.slug}.md", p.meta) for p in posts[:ENTRIES]]
    return {feed: atom(site, newest, feed, title), rss_path: rss(site, newest, title)}
