"""The organization profile: who the office is, how to reach it, who runs it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from ..fields import AssetRef, Slug, TextList, Url
from ..nav import NavEntry
from ..richtext import RichText, Strict
from .registry import DocumentKind, HomeBlock, Section

if TYPE_CHECKING:  # types only: these modules import the kinds at run time
    from ..render import RenderContext

OrgKind = Literal[
    "เทศบาลนคร",
    "เทศบาลเมือง",
    "เทศบาลตำบล",
    "องค์การบริหารส่วนตำบล",
    "องค์การบริหารส่วนจังหวัด",
]


class MapLocation(Strict):
    latitude: float
    longitude: float
    url: Url | None = None
    description: str | None = None


class SocialLink(Strict):
    name: str
    url: Url


class Executive(Strict):
    id: Slug | None = None
    name: str
    position: str
    photo: AssetRef | None = None
    phone: str | None = None
    email: str | None = None
    group: str | None = None


class Unit(Strict):
    id: Slug | None = None
    name: str
    head: str | None = None
    phone: str | None = None
    duties: RichText | None = None
    units: list[Unit] = []


class Organization(Strict):
    name: str
    short_name: str | None = None
    kind: OrgKind
    subdistrict: str | None = None
    district: str
    province: str
    address: str
    postal_code: str | None = None
    phone: TextList
    fax: TextList = []
    email: TextList = []
    website: Url | None = None
    map: MapLocation | None = None
    office_hours: str | None = None
    social: list[SocialLink] = []
    complaint_url: Url | None = None
    e_service_url: Url | None = None
    eit_survey_url: Url | None = None
    qa: Url | None = None  # a two-way question-and-answer channel (web board, chat, LINE)
    logo: AssetRef | None = None
    emblem: AssetRef | None = None
    structure_chart: AssetRef | None = None  # the structure drawn as a chart (image file in assets/)
    about: RichText | None = None
    executives: list[Executive] = []
    units: list[Unit] = []


Unit.model_rebuild()


def section(ctx: RenderContext) -> Section:
    """The organization's pages (profile and contact, executives, structure), first in the
    navigation; on the home page its contact card after the head and the list of its pages."""
    org: Organization = ctx.site.organization
    pages = [ctx.page("organization/profile.md.j2", "about/index.md", ctx.label("nav", "profile"))]
    if org.executives:
        pages.append(ctx.page("organization/executives.md.j2", "about/executives.md", ctx.label("nav", "executives")))
    if org.units:
        pages.append(ctx.page("organization/structure.md.j2", "about/structure.md", ctx.label("nav", "structure")))
    title = ctx.label("nav", "about")
    home = [HomeBlock("organization/home.md.j2", {"profile": pages[0]}, "lead"),
            HomeBlock("home_links.md.j2", {"title": title, "pages": pages}, "lists")]
    return Section(pages, NavEntry(title, children=[NavEntry(p.title, p.path) for p in pages]), home=home)


KIND = DocumentKind("organization", Organization, ("organization.yml",), order=10, section=section)
