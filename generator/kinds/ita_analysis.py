"""Analysis of last year's ITA result: total score, level, and each indicator's
score and weak points, grouped by tool (IIT, EIT, OIT)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from ..richtext import RichText, Strict
from .registry import DocumentKind

if TYPE_CHECKING:  # types only: these modules import the kinds at run time
    from ..content import FiscalYear
    from ..render import OutPage, RenderContext

Level = Literal["AA", "A", "B", "C", "D", "E", "F"]
Tool = Literal["IIT", "EIT", "OIT"]

# Lower bound of each level, highest first (NACC scale).
LEVELS: list[tuple[float, str]] = [(95, "AA"), (85, "A"), (75, "B"), (65, "C"), (55, "D"), (50, "E"), (0, "F")]
PASS_SCORE = 85.0


def level_of(score: float) -> str:
    return next(level for bound, level in LEVELS if score >= bound)


def score_text(value: float) -> str:
    """A score as the ITA publishes it, with two decimals (91.30, not 91.3), for messages."""
    return f"{value:.2f}"


def _check_score(value: float | None) -> float | None:
    if value is not None and not 0 <= value <= 100:
        raise PydanticCustomError("score_range", "score out of range", {"score": score_text(value)})
    return value


class Indicator(Strict):
    number: str | None = None
    name: str
    score: float | None = None
    issues: RichText | None = None
    suggestions: RichText | None = None

    _score = field_validator("score")(classmethod(lambda cls, v: _check_score(v)))

    @property
    def level(self) -> str | None:
        return None if self.score is None else level_of(self.score)


class ToolResult(Strict):
    tool: Tool
    title: str | None = None
    score: float | None = None
    indicators: list[Indicator] = []

    _score = field_validator("score")(classmethod(lambda cls, v: _check_score(v)))


class ItaAnalysis(Strict):
    title: str | None = None
    assessed_year: int
    total_score: float
    level: Level | None = None
    intro: RichText | None = None
    tools: list[ToolResult] = []
    summary: RichText | None = None
    import_notes: RichText | None = None

    _score = field_validator("total_score")(classmethod(lambda cls, v: _check_score(v)))

    @field_validator("level")
    @classmethod
    def _level_matches_score(cls, level: str | None, info: ValidationInfo) -> str | None:
        score = info.data.get("total_score")
        if level is not None and score is not None and level != level_of(score):
            raise PydanticCustomError(
                "level_mismatch",
                "level does not match score",
                {"level": level, "score": score_text(score), "expected": level_of(score)},
            )
        return level

    @property
    def computed_level(self) -> str:
        return level_of(self.total_score)

    @property
    def passed(self) -> bool:
        return self.total_score >= PASS_SCORE


def render(ctx: RenderContext, year: FiscalYear) -> list[OutPage]:
    analysis: ItaAnalysis | None = year.documents.get("ita_analysis")
    if analysis is None:
        return []
    title = analysis.title or ctx.label("documents", "ita_analysis")
    return [
        ctx.page(
            "ita_analysis.md.j2",
            f"{year.year}/ita-analysis.md",
            title,
            doc=analysis,
            year=year,
            tool_titles=ctx.labels["tools"],
        )
    ]


KIND = DocumentKind("ita_analysis", ItaAnalysis, ("years/*/ita_analysis.yml",), order=20, render=render)
