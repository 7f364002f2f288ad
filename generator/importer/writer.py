"""Write imported documents as YAML staff can read: block style, Thai as written,
keys in the order of the example content. Existing files are never replaced
without --force, and a whole import writes nothing if any target exists."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    # The loader refuses YAML aliases, so the same object must be written out each time.
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def dump(data: Any, comment: str) -> str:
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
    lines = [f"# {line}" for line in comment.splitlines()]
    return "\n".join(lines) + "\n" + body


def page(title: str, markdown: str, comment: str) -> str:
    front = yaml.dump({"title": title}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
    note = "".join(f"<!-- {line} -->\n" for line in comment.splitlines())
    return f"---\n{front}---\n\n{note}\n{markdown}\n"


def csv_text(header: list[str], rows: list[list[str]]) -> str:
    """A dataset file: the catalog's Thai column names, then the rows as written.
    (A CSV has no room for a comment; the import's output names the source.)"""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def stamp() -> str:
    return dt.datetime.now().strftime("%Y-%m-%d %H:%M")
