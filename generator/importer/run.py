"""The import command: read files, recognize documents, map them, write the content tree."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..catalog import message
from . import layout, mapping, reader, writer
from .mapping import Doc, Issue
from .words import word

KINDS = ["measures", "progress_report", "results_report", "ita_analysis", "oit_criteria", "memo", "announcement"]
MEASURE_KINDS = {"measures", "progress_report", "results_report"}
_THAI_DIGIT = re.compile(r"[๐-๙]")
_ARABIC_DIGIT = re.compile(r"[0-9]")


@dataclass
class Outcome:
    written: list[tuple[Path, str]] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    warnings: int = 0
    failed: bool = False

    def say(self, key: str, **params: Any) -> None:
        text = message(key, **params)
        self.messages.append(f"{text['th']}\n{text['en']}")


def _text(key: str) -> tuple[str, str]:
    found = message(key)
    return found["th"], found["en"]


def slug(text: str) -> str:
    value = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")
    return value or "document"


def import_files(
    files: list[Path], into: Path, kind: str | None = None, year: int | None = None, force: bool = False
) -> Outcome:
    outcome = Outcome()
    placeholder = _text("import_placeholder_value")[0]
    docs: list[tuple[Path, int, Doc]] = []
    heading_lines: list[str] = []
    thai_digits = arabic_digits = 0
    skipped: list[layout.Skipped] = []
    for path in files:
        if not path.is_file():
            outcome.say("import_missing_file", file=path)
            outcome.failed = True
            continue
        try:
            lines = reader.read(path)
        except reader.UnknownFormat as exc:
            outcome.say("import_unknown_format", file=path, suffix=str(exc))
            outcome.failed = True
            continue
        except reader.Unreadable as exc:
            outcome.say("import_unreadable", file=path)
            outcome.say(exc.key, **exc.params)
            outcome.failed = True
            continue
        all_text = [x.text for x in lines if not x.blank]
        if not all_text:
            outcome.say("import_empty", file=path)
            outcome.failed = True
            continue
        joined = " ".join(all_text)
        thai_digits += len(_THAI_DIGIT.findall(joined))
        arabic_digits += len(_ARABIC_DIGIT.findall(joined))
        file_year = year or mapping.find_fiscal_year(all_text[:15])
        blocks = layout.segment(lines, skipped)
        heading_lines.extend(all_text[:12])
        for part in layout.split_documents(blocks):
            # --kind names the file's document; a memo attached to it stays a memo.
            pieces = [part] if kind else layout.split_by_table_kind(part)
            for piece in pieces:
                detected = layout.kind_of(piece)
                found = detected if kind and detected == "memo" and kind != "memo" else (kind or detected)
                doc = _map(found, piece, file_year or 0, placeholder)
                doc_year = (
                    file_year or _year_of(doc) or mapping.find_fiscal_year(all_text) or mapping.find_year(all_text)
                )
                if doc_year is None:
                    doc.issues.append(Issue(doc.first, "import_placeholder", {"what": "year", "value": 2500}))
                    doc_year = 2500
                if doc.kind == "ita_analysis" and "assessed_year" in doc.data and doc.data["assessed_year"] >= doc_year:
                    doc.data["assessed_year"] = doc_year - 1
                doc.finish()
                docs.append((path, doc_year, doc))
    if outcome.failed:
        return outcome
    for item in skipped:
        outcome.say("import_skipped", where=item.line.where, text=item.line.text)
    targets = _targets(docs, into, outcome)
    if outcome.failed:
        return outcome
    org_file, site_file = into / "organization.yml", into / "site.yml"
    extra: dict[Path, str] = {}
    years = sorted({y for _p, y, _d in docs})
    # The profile and settings are the staff's own once they exist: kept even with --force.
    if not org_file.exists():
        org, issues = _organization(heading_lines, docs, placeholder, org_file)
        extra[org_file] = writer.dump(org, _comment(files))
        for issue in issues:
            _report(outcome, issue, org_file)
    else:
        outcome.kept.append(org_file)
    if not site_file.exists():
        site: dict[str, Any] = {"digits": "thai" if thai_digits >= arabic_digits else "arabic"}
        if years:
            site["current_year"] = years[-1]
        extra[site_file] = writer.dump(site, _comment(files))
    else:
        outcome.kept.append(site_file)
    for path in [*extra, *targets]:
        if path.exists() and not force:
            outcome.say("import_exists", file=path)
            outcome.failed = True
    if outcome.failed:
        return outcome
    for path, text in extra.items():
        _write(path, text)
        outcome.written.append((path, path.name))
    for target, (source, doc) in targets.items():
        if doc.kind == "oit_criteria":
            _write(target, writer.page(doc.data["title"], doc.data["markdown"], _comment([source])))
        else:
            _write(target, writer.dump(doc.data, _comment([source])))
        outcome.written.append((target, doc.kind))
        for issue in doc.issues:
            _report(outcome, issue, target)
    for path in outcome.kept:
        outcome.say("import_kept", file=path)
    for path, what in outcome.written:
        outcome.say("import_wrote", file=path, what=what)
    outcome.say("import_done", count=len(outcome.written), warnings=outcome.warnings, into=into)
    return outcome


def _map(kind: str, piece: list[layout.Block], year: int, placeholder: str) -> Doc:
    if kind in MEASURE_KINDS:
        return mapping.map_measures(kind, piece)
    if kind == "ita_analysis":
        return mapping.map_ita(piece, year or 2600)
    if kind == "memo":
        return mapping.map_memo(piece, placeholder)
    if kind == "oit_criteria":
        return mapping.oit_page(piece, placeholder)
    return mapping.map_announcement(piece, placeholder)


def _year_of(doc: Doc) -> int | None:
    from ..thai import fiscal_year, parse_date

    try:
        return fiscal_year(parse_date(doc.data.get("date")))
    except (ValueError, TypeError):
        return None


def _targets(docs: list[tuple[Path, int, Doc]], into: Path, outcome: Outcome) -> dict[Path, tuple[Path, Doc]]:
    targets: dict[Path, tuple[Path, Doc]] = {}
    for source, year, doc in docs:
        folder = into / "years" / str(year)
        if doc.kind in MEASURE_KINDS or doc.kind == "ita_analysis":
            target = folder / f"{doc.kind}.yml"
            if target in targets:
                outcome.say("import_duplicate", kind=doc.kind, year=year, file=source)
                outcome.failed = True
                continue
        else:
            base = {"memo": folder / "memos", "announcement": folder / "announcements"}.get(doc.kind, into / "pages")
            name = slug(source.stem)
            target = base / ("import-" + name + (".md" if doc.kind == "oit_criteria" else ".yml"))
            counter = 2
            while target in targets or target.exists():
                target = target.with_name(f"import-{name}-{counter}{target.suffix}")
                counter += 1
        targets[target] = (source, doc)
    return targets


def _organization(
    lines: list[str], docs: list[tuple[Path, int, Doc]], placeholder: str, target: Path
) -> tuple[dict[str, Any], list[Issue]]:
    found = mapping.organization_from(lines)
    issues: list[Issue] = []
    first = docs[0][2].first if docs else reader.Line(target, 1, [""])
    org: dict[str, Any] = {}
    for key in ("name", "kind", "district", "province"):
        value = found[key]
        if value is None:
            value = word("default_org_kind") if key == "kind" else placeholder
            issues.append(Issue(first, "import_placeholder", {"what": key, "value": value}))
        org[key] = value
    org["address"] = placeholder
    issues.append(Issue(first, "import_placeholder", {"what": "address", "value": placeholder}))
    phone = next((d.data["phone"] for _s, _y, d in docs if d.kind == "memo" and d.data.get("phone")), None)
    if phone is None:
        phone = placeholder
        issues.append(Issue(first, "import_placeholder", {"what": "phone", "value": placeholder}))
    org["phone"] = phone
    return org, issues


def _report(outcome: Outcome, issue: Issue, target: Path) -> None:
    params = dict(issue.params)
    if issue.key == "import_placeholder":
        what = str(params.pop("what"))
        params["what"], params["what_en"] = _text(f"import_field_{what}")
    outcome.say(issue.key, where=issue.line.where, file=target, **params)
    outcome.warnings += 1


def _comment(files: list[Path]) -> str:
    names = ", ".join(p.name for p in files)
    return word("source_comment").format(names=names, when=writer.stamp())


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
