"""Open datasets (budget, procurement, complaints, services, HR): one file per
dataset per fiscal year in `years/<BE>/data/`, described by catalog/datasets.yml."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ...catalog import HERE, read_program_yaml
from ...errors import ContentError, error
from ...guard import MAX_DATASET_BYTES, archive_problem
from ...yamlio import YamlError, read_yaml
from .checks import Note, check_table, check_year
from .tables import Column, Table, raw_rows, read_table

SUFFIXES = (".csv", ".xlsx", ".xls", ".ods", ".yml", ".yaml")


@cache
def catalog() -> dict[str, dict[str, Any]]:
    return read_program_yaml(HERE / "datasets.yml")


def columns_of(name: str) -> list[Column]:
    return [Column(c["key"], c["th"], c["type"], bool(c.get("required"))) for c in catalog()[name]["columns"]]


@dataclass
class Dataset:
    name: str
    year: int
    source: Path
    table: Table
    updated: dt.date | None  # None until load_site dates it from the whole content
    notes: list[Note] = field(default_factory=list)

    @property
    def spec(self) -> dict[str, Any]:
        return catalog()[self.name]


def _last_updated(table: Table, spec: dict[str, Any]) -> dt.date | None:
    """The newest date the rows record (signing, not end, dates of contracts), never the
    file's mtime: every clone of the same content must build the same site."""
    return table.newest_date(spec.get("in_year"))


def _yaml_rows(path: Path, columns: list[Column]) -> tuple[list[list[Any]], list[int], list[ContentError]]:
    """YAML datasets are `rows:` of mappings (Thai or English keys); shaped like a sheet whose
    header is the `rows:` line and whose rows start on their own lines."""
    try:
        located = read_yaml(path)
    except YamlError as exc:
        return [], [], [exc.content_error]
    data = located.data
    rows = data.get("rows") if isinstance(data, dict) else None
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        return [], [], [error(path, located.line_of(()), "rows", "not_a_mapping")]
    header: list[str] = []
    for row in rows:
        header += [str(k) for k in row if str(k) not in header]
    table = [header] + [[row.get(k) for k in header] for row in rows]
    lines = [located.line_of(("rows",)) or 1] + [located.line_of(("rows", i)) or 1 for i in range(len(rows))]
    # A cell is one value: a list or mapping would print as Python, and YAML reads yes/no/on/off
    # as true/false, so the page would not show what staff typed.
    wrong = [error(path, located.line_of(("rows", i, k)), f"rows[{i + 1}].{k}",
                   "dataset_cell_bool" if isinstance(v, bool) else "dataset_cell_structure", column=k)
             for i, row in enumerate(rows) for k, v in row.items() if isinstance(v, (bool, list, dict))]
    return table, lines, wrong


def dataset_file_problem(path: Path) -> ContentError | None:
    """A spreadsheet file too large to read, or an .xlsx that is no safe workbook."""
    size = path.stat().st_size
    if size > MAX_DATASET_BYTES:
        return error(path, None, "", "file_too_large", size=size, limit=MAX_DATASET_BYTES)
    found = archive_problem(path) if path.suffix in (".xlsx", ".ods") else None
    return error(path, None, "", found[0], **found[1]) if found else None


def load_folder(folder: Path, year: int, shown_root: Path) -> tuple[dict[str, Dataset], list[ContentError]]:
    """Every dataset file of one fiscal year; unknown files are errors."""
    datasets: dict[str, Dataset] = {}
    shown_paths: dict[str, str] = {}
    seen: set[str] = set()
    errors: list[ContentError] = []
    allowed = ", ".join(f"{n}.csv/.xlsx/.xls/.ods/.yml" for n in catalog())
    for path in sorted(p for p in folder.iterdir() if not p.name.startswith(".")):
        if not (path.is_file() and path.suffix in SUFFIXES and path.stem in catalog()):
            errors.append(error(path, None, "", "dataset_unknown", name=path.name, allowed=allowed))
            continue
        if path.stem in seen:
            errors.append(error(path, None, "", "dataset_duplicate", name=path.stem))
            continue
        seen.add(path.stem)
        columns = columns_of(path.stem)
        numbers: list[int] | None = None  # spreadsheet rows 1, 2, 3, …
        if path.suffix in (".yml", ".yaml"):
            rows, numbers, problems = _yaml_rows(path, columns)
            if problems:
                errors += problems
                continue
        else:
            if problem := dataset_file_problem(path):
                errors.append(problem)
                continue
            try:
                rows = raw_rows(path)
            except UnicodeDecodeError as exc:
                errors.append(error(path, None, "", "file_encoding", problem=str(exc)))
                continue
            except Exception as exc:  # a broken workbook: say so, never crash
                errors.append(error(path, None, "", "archive_damaged", name=path.name, suffix=path.suffix,
                                    problem=type(exc).__name__))
                continue
        table, problems = read_table(path, columns, rows, numbers)
        if problems:
            errors += problems
            continue
        try:
            shown = path.relative_to(shown_root.parent).as_posix()
        except ValueError:
            shown = str(path)
        dataset = Dataset(path.stem, year, path, table, _last_updated(table, catalog()[path.stem]))
        dataset.notes = check_table(table, dataset.spec, year, shown)
        datasets[path.stem] = dataset
        shown_paths[path.stem] = shown
    check_year(datasets, shown_paths)
    # Pages, navigation and the catalog follow the catalog's order (budget, procurement, …), not file names.
    order = list(catalog())
    return dict(sorted(datasets.items(), key=lambda kv: order.index(kv[0]))), errors
