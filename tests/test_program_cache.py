"""Program YAML (catalogs, mkdocs.yml) is parsed once and read back from the per-user cache."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from jinja2 import DictLoader, Environment
from jinja2.bccache import FileSystemBytecodeCache

from generator import program_cache
from generator.catalog import HERE, read_program_yaml


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    folder.mkdir()
    monkeypatch.setattr(program_cache, "_disk", lambda: FileSystemBytecodeCache(str(folder)))
    return folder


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


def template_env(cache: program_cache.SharedBytecodeCache, source: str) -> Environment:
    return Environment(loader=DictLoader({"page.md.j2": source}), bytecode_cache=cache)


def test_a_compiled_template_is_read_back_from_disk_without_compiling(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = "# {{ title }}\n{% for n in items %}- {{ n }}\n{% endfor %}"
    first = template_env(program_cache.SharedBytecodeCache(), source).get_template("page.md.j2")
    expected = first.render(title="หน้าแรก", items=[1, 2])
    assert list(cache_dir.iterdir()), "the compiled template is kept on disk"

    def no_compile(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again instead of read from the cache")

    monkeypatch.setattr(Environment, "compile", no_compile)
    fresh = program_cache.SharedBytecodeCache()  # as in the next process: an empty memory layer
    assert template_env(fresh, source).get_template("page.md.j2").render(title="หน้าแรก", items=[1, 2]) == expected
    # the same process builds again (serve, build-all): the code comes from memory
    assert template_env(fresh, source).get_template("page.md.j2").render(title="หน้าแรก", items=[1, 2]) == expected


def test_a_damaged_or_stale_compiled_template_is_compiled_again(cache_dir: Path) -> None:
    template_env(program_cache.SharedBytecodeCache(), "old {{ x }}").get_template("page.md.j2")
    for cached in cache_dir.iterdir():
        cached.write_bytes(cached.read_bytes()[:40])  # cut off in the middle of the header
    fresh = program_cache.SharedBytecodeCache()
    assert template_env(fresh, "old {{ x }}").get_template("page.md.j2").render(x=1) == "old 1"
    assert template_env(fresh, "new {{ x }}").get_template("page.md.j2").render(x=2) == "new 2"
    # and in a later process, the edited source is not answered with the old code from disk
    later = program_cache.SharedBytecodeCache()
    assert template_env(later, "newer {{ x }}").get_template("page.md.j2").render(x=3) == "newer 3"
