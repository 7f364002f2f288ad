"""Program YAML (catalogs, mkdocs.yml) is parsed once and read back from the per-user cache."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from jinja2 import DictLoader, Environment

from generator import program_cache
from generator.catalog import HERE, read_program_yaml


def cached_file(path: Path) -> Path:
    found = program_cache.parsed_path(program_cache.source_key(path.read_bytes(), "program-yaml"))
    assert found is not None
    return found


def test_catalog_reads_the_same_from_the_cache(cache_dir: Path) -> None:
    source = HERE / "datasets.yml"
    expected = yaml.safe_load(source.read_text(encoding="utf-8"))
    assert read_program_yaml(source) == expected
    assert cached_file(source).is_file()
    first, second = read_program_yaml(source), read_program_yaml(source)
    assert first == expected and first is not second
    first.clear()  # a caller that changes what it got does not change what the next one gets
    assert read_program_yaml(source) == expected


def test_an_edited_file_is_parsed_again(cache_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "labels.yml"
    path.write_text("title: หน้าแรก\n", encoding="utf-8")
    assert read_program_yaml(path) == {"title": "หน้าแรก"}
    path.write_text("title: หน้าหลัก\ncount: 3\n", encoding="utf-8")
    assert read_program_yaml(path) == {"title": "หน้าหลัก", "count": 3}


def test_a_damaged_cache_file_is_ignored(cache_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "labels.yml"
    path.write_text("items: [1, 2]\n", encoding="utf-8")
    read_program_yaml(path)
    cached_file(path).write_bytes(b"\x00not marshal")
    assert read_program_yaml(path) == {"items": [1, 2]}


def test_values_marshal_cannot_store_are_still_read(cache_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "dated.yml"
    path.write_text("day: 2024-01-02\n", encoding="utf-8")
    assert str(read_program_yaml(path)["day"]) == "2024-01-02"
    assert not cached_file(path).exists()


def template_env(source: str, digits: str = "thai") -> Environment:
    from generator.render import FILTERS
    from generator.thai import ThaiStyle

    env = Environment(loader=DictLoader({"page.md.j2": source}), bytecode_cache=program_cache.template_cache())
    env.filters.update(FILTERS)
    env.globals["thai"] = ThaiStyle(digits=digits)  # type: ignore[arg-type]
    return env


def test_a_compiled_template_is_read_back_from_disk_without_compiling(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = "# {{ title }}\n{% for n in items %}- {{ n }}\n{% endfor %}"
    expected = template_env(source).get_template("page.md.j2").render(title="หน้าแรก", items=[1, 2])
    assert list(cache_dir.iterdir()), "the compiled template is kept on disk"

    def no_compile(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again instead of read from the cache")

    monkeypatch.setattr(Environment, "compile", no_compile)
    assert template_env(source).get_template("page.md.j2").render(title="หน้าแรก", items=[1, 2]) == expected


def test_site_style_filters_of_constants_are_not_folded_into_the_cached_code(cache_dir: Path) -> None:
    """A site with Thai digits compiles first; an Arabic-digit site reads the same cached code."""
    source = "{{ 'ได้ 85 คะแนน'|digits }} {{ 2568|year }} {{ 1250|money }}"
    assert template_env(source, "thai").get_template("page.md.j2").render() == "ได้ ๘๕ คะแนน ๒๕๖๘ ๑,๒๕๐.๐๐"
    assert template_env(source, "arabic").get_template("page.md.j2").render() == "ได้ 85 คะแนน 2568 1,250.00"


def test_a_damaged_or_stale_compiled_template_is_compiled_again(cache_dir: Path) -> None:
    template_env("old {{ x }}").get_template("page.md.j2")
    for cached in cache_dir.iterdir():
        cached.write_bytes(cached.read_bytes()[:40])  # cut off in the middle of the header
    assert template_env("old {{ x }}").get_template("page.md.j2").render(x=1) == "old 1"
    assert template_env("new {{ x }}").get_template("page.md.j2").render(x=2) == "new 2"
