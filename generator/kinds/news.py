"""News (ข่าวประชาสัมพันธ์): dated posts, one Markdown file each under content/news/.

The posts make a news index, newest first, in pages of PER_PAGE; each post its own page;
the newest LATEST on the home page; an Atom and an RSS feed. The news index answers the
OIT item whose catalog entry names this kind (`kinds: [news]`, o4 of ITA 2568-2569).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

from ..fields import AssetRef, Date
from ..nav import NavEntry
from ..richtext import Strict
from ..thai import fiscal_year
from .news_feed import feeds
from .pages import Page, body_html, caption_tables
from .registry import Answer, DocumentKind, HomeBlock, Section

if TYPE_CHECKING:  # types only: render imports the kinds at run time
    from ..content import Site
    from ..render import OutPage, RenderContext

PER_PAGE = 10  # posts on one page of the news index
LATEST = 4  # posts on the home page
INDEX = "news/index.md"
FEED, RSS = "news/feed.xml", "news/rss.xml"


class NewsImage(Strict):
    file: AssetRef
    caption: str | None = None


class NewsAttachment(Strict):
    file: AssetRef
    title: str


class NewsPost(Strict):
    title: str
    date: Date
    description: str | None = None
    images: list[NewsImage] = []
    attachments: list[NewsAttachment] = []


def posts(site: Site) -> list[Page[NewsPost]]:
    """The site's posts, newest first (a day's posts by file name)."""
    found: list[Page[NewsPost]] = [p for p in site.documents.get("news", []) if isinstance(p.meta, NewsPost)]
    found.sort(key=lambda p: p.slug)
    return sorted(found, key=lambda p: p.meta.date, reverse=True)


def post_path(post: Page[NewsPost]) -> str:
    return f"news/{post.slug}.md"


def index_path(number: int) -> str:
    """Page `number` of the index: the first is the news page itself, the others news/page/<n>."""
    return INDEX if number == 1 else f"news/page/{number}.md"


def _body(post: Page[NewsPost]) -> Markup:
    # A post's URL is news/<slug>/: files of the content's assets are two folders up.
    html = body_html(post.body).replace('src="assets/', 'src="../../assets/')
    html = html.replace('href="assets/', 'href="../../assets/')
    return Markup(caption_tables(html, post.meta.title))


def section(ctx: RenderContext) -> Section:
    all_posts = posts(ctx.site)
    if not all_posts:
        return Section([])
    label = ctx.labels["news"]
    chunks = [all_posts[i : i + PER_PAGE] for i in range(0, len(all_posts), PER_PAGE)]
    index_pages = []
    for number, chunk in enumerate(chunks, start=1):
        title = label["title"] if number == 1 else str(label["page_title"]).format(page=ctx.thai.year(number))
        index_pages.append(ctx.page(
            "news.md.j2", index_path(number), title, post=None, posts=[(post_path(p), p.meta) for p in chunk],
            number=number, count=len(chunks), previous=index_path(number - 1) if number > 1 else None,
            next=index_path(number + 1) if number < len(chunks) else None, feed=FEED, rss=RSS))
    post_pages = [
        ctx.page("news.md.j2", post_path(p), p.meta.title, post=p.meta, body=_body(p), index=INDEX)
        for p in all_posts
    ]
    by_year: dict[int, list[OutPage]] = {}
    for p, page in zip(all_posts, post_pages, strict=True):
        by_year.setdefault(fiscal_year(p.meta.date), []).append(page)
    nav = NavEntry(label["title"], children=[
        *(NavEntry(page.title, page.path) for page in index_pages),
        *(NavEntry(str(label["year"]).format(year=ctx.thai.year(year)), children=[NavEntry(page.title, page.path)
                                                                                  for page in made])
          for year, made in by_year.items()),
    ])
    latest = [(post_path(p), p.meta) for p in all_posts[:LATEST]]
    home = HomeBlock("news_home.md.j2", {"posts": latest, "index": INDEX, "feed": FEED})
    # The feeds are linked from the news index only: Material reads every <link rel="alternate">
    # in a page's head as another language of the site and fetches a sitemap.xml beside it.
    return Section([*index_pages, *post_pages], nav, feeds(ctx.site, all_posts, FEED, RSS, label["title"]), [home])


def answers(site: Site) -> Answer | None:
    found = posts(site)
    return Answer(INDEX, frozenset(fiscal_year(p.meta.date) for p in found)) if found else None


KIND = DocumentKind("news", NewsPost, ("news/*.md",), order=30, section=section, answers=answers)
