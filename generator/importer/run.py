"""The import command: read files, recognize documents, map them, write the content tree."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..catalog import message
from . import classify, data_tables, fields, layout, mapping, origin, reader, writer
from .mapping import Doc, Issue
from .words import word

KINDS = [
    "measures",
    "progress_report",
    "results_report",
    "ita_analysis",
    "oit_criteria",
    "memo",
    "announcement",
    "dataset",
    "page",
]
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
    every_line: list[str] = []
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
        repaired = [x for x in lines if x.repaired]
        if repaired:
            outcome.say(
                "import_repaired",
                file=path,
                count=sum(x.repaired for x in repaired),
                lines=", ".join(str(x.number) for x in repaired[:10]),
            )
            outcome.warnings += 1
        all_text = [x.text for x in lines if not x.blank]
        if not all_text:
            outcome.say("import_empty", file=path)
            outcome.failed = True
            continue
        joined = " ".join(all_text)
        thai_digits += len(_THAI_DIGIT.findall(joined))
        arabic_digits += len(_ARABIC_DIGIT.findall(joined))
        file_year = year or origin.fiscal_in(all_text[:15])
        blocks = layout.segment(lines, skipped)
        heading_lines.extend(all_text[:12])
        every_line.extend(all_text)
        for part in classify.split_documents(blocks):
            # --kind names the file's document; a memo attached to it stays a memo.
            pieces = [part] if kind else classify.split_by_table_kind(part)
            for piece in pieces:
                detected = classify.kind_of(piece)
                found = detected if kind and detected == "memo" and kind != "memo" else (kind or detected)
                doc = _map(found, piece, file_year or 0, placeholder)
                doc_year = file_year or _year_of(doc) or _guess_year(doc, path, all_text)
                if doc.kind == "ita_analysis" and "assessed_year" in doc.data and doc.data["assessed_year"] >= doc_year:
                    doc.data["assessed_year"] = doc_year - 1
                fields.check_refs(doc, doc_year)
                if doc.missing_date:
                    # A date inside the document's own fiscal year, so that the year's pages build.
                    doc.data["date"] = doc.placeholder(doc.first, "date", origin.placeholder_date(doc_year))
                doc.finish()
                docs.append((path, doc_year, doc))
    if outcome.failed:
        return outcome
    for item in skipped:
        key = {"header": "import_skipped_header", "blank": "import_skipped_blank"}.get(item.why, "import_skipped")
        outcome.say(key, where=item.line.where, text=item.line.text[:80])
    targets = _targets(docs, into, outcome)
    if outcome.failed:
        return outcome
    org_file, site_file = into / "organization.yml", into / "site.yml"
    extra: dict[Path, str] = {}
    years = sorted({y for _p, y, _d in docs})
    # The profile and settings are the staff's own once they exist: kept even with --force.
    if not org_file.exists():
        org, issues = _organization(heading_lines, every_line, docs, placeholder, org_file)
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
        if doc.kind in ("oit_criteria", "page"):
            _write(target, writer.page(doc.data["title"], doc.data["markdown"], _comment([source])))
        elif doc.kind == "dataset":
            _write(target, writer.csv_text(doc.data["header"], doc.data["rows"]))
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
    if kind in ("oit_criteria", "page"):
        return mapping.oit_page(piece, placeholder, kind)
    if kind == "dataset" and any(isinstance(b, layout.Table) and b.kind == "dataset" for b in piece):
        return data_tables.map_dataset(piece, placeholder)
    return mapping.map_announcement(piece, placeholder)


def _year_of(doc: Doc) -> int | None:
    from ..thai import fiscal_year, parse_date

    if doc.missing_date:
        return None
    try:
        return fiscal_year(parse_date(doc.data.get("date")))
    except (ValueError, TypeError):
        return None


def _guess_year(doc: Doc, path: Path, text: list[str]) -> int:
    """The fiscal year when the heading names none and the document has no date of its own."""
    named = origin.fiscal_in(text)
    if named:
        return named
    from_name = origin.name_year(path)
    if from_name:
        doc.issues.append(Issue(doc.first, "import_year_from_name", {"year": from_name}))
        return from_name
    from_dates = origin.dates_year(text) or origin.era_year_in(text)
    if from_dates:
        doc.issues.append(Issue(doc.first, "import_year_from_dates", {"year": from_dates}))
        return from_dates
    return int(doc.placeholder(doc.first, "year", origin.current_fiscal_year()))


def _targets(docs: list[tuple[Path, int, Doc]], into: Path, outcome: Outcome) -> dict[Path, tuple[Path, Doc]]:
    targets: dict[Path, tuple[Path, Doc]] = {}
    for source, year, doc in docs:
        folder = into / "years" / str(year)
        single = {"dataset": folder / "data" / f"{doc.data.get('name')}.csv"}
        single.update({k: folder / f"{k}.yml" for k in (*MEASURE_KINDS, "ita_analysis")})
        target = single.get(doc.kind)
        if target is not None and target in targets:
            earlier = targets[target][1]
            if doc.kind == "dataset" and earlier.data["header"] == doc.data["header"]:
                earlier.data["rows"].extend(doc.data["rows"])  # two months of one summary: one file
                earlier.issues.extend(doc.issues)
                continue
            outcome.say("import_duplicate", kind=doc.kind, year=year, file=source)
            outcome.failed = True
            continue
        if target is None:
            base = {"memo": folder / "memos", "announcement": folder / "announcements"}.get(doc.kind, into / "pages")
            name = slug(source.stem)
            suffix = ".md" if doc.kind in ("oit_criteria", "page") else ".yml"
            target = base / f"import-{name}{suffix}"
            counter = 2
            while target in targets or target.exists():
                target = target.with_name(f"import-{name}-{counter}{suffix}")
                counter += 1
        targets[target] = (source, doc)
    return targets


def _organization(
    heading: list[str], everything: list[str], docs: list[tuple[Path, int, Doc]], placeholder: str, target: Path
) -> tuple[dict[str, Any], list[Issue]]:
    found = origin.organization_from(heading, everything)
    issues: list[Issue] = []
    first = docs[0][2].first if docs else reader.Line(target, 1, [""])
    org: dict[str, Any] = {}
    if found.non_local:
        found.name, found.kind = found.non_local, None
    for key in ("name", "kind", "district", "province"):
        value = getattr(found, key)
        if value is None:
            value = word("default_org_kind") if key == "kind" else placeholder
            if key == "kind" and found.non_local:
                issues.append(Issue(first, "import_org_not_local", {"name": found.non_local, "kind": value}))
            else:
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
