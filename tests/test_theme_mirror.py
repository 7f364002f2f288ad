"""MkDocs lists the theme through a mirror that leaves out its icon folder, and still finds
every template and icon; a damaged or outdated mirror is made again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader
from mkdocs.utils import get_theme_dir

from generator import program_cache
from generator.theme_mirror import mirror_theme, mirrored


@pytest.fixture
def theme(tmp_path: Path) -> Path:
    folder = tmp_path / "theme"
    for name, text in {
        "main.html": '{% include "partials/icon.html" %}',
        "partials/icon.html": '<i>{% include ".icons/set/star.svg" %}</i>',
        "assets/stylesheets/main.css": "body{}",
        ".icons/set/star.svg": "<svg>star</svg>",
        ".icons/set/moon.svg": "<svg>moon</svg>",
    }.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_the_mirror_lists_no_icons_and_renders_the_same(theme: Path, cache_dir: Path) -> None:
    mirror = mirrored(str(theme))
    assert mirror != str(theme) and Path(mirror).is_relative_to(cache_dir)
    listed = FileSystemLoader([mirror]).list_templates()
    assert listed == ["assets/stylesheets/main.css", "main.html", "partials/icon.html"]
    assert ".icons/set/star.svg" in FileSystemLoader([str(theme)]).list_templates()  # what it leaves out
    env = Environment(loader=FileSystemLoader([mirror]))
    assert env.get_template("main.html").render() == "<i><svg>star</svg></i>"
    assert env.get_template(".icons/set/moon.svg").render() == "<svg>moon</svg>"


def test_the_mirror_is_made_once_and_follows_edits(theme: Path, cache_dir: Path) -> None:
    mirror = mirrored(str(theme))
    link = Path(mirror) / "partials" / "icon.html"
    assert link.is_symlink()
    made = os.lstat(link).st_ino
    assert mirrored(str(theme)) == mirror and os.lstat(link).st_ino == made  # the same link, not made again
    (theme / "partials" / "icon.html").write_text("edited", encoding="utf-8")
    assert link.read_text(encoding="utf-8") == "edited"  # a link, not a copy


def test_a_damaged_mirror_is_made_again(theme: Path, cache_dir: Path) -> None:
    mirror = Path(mirrored(str(theme)))
    (mirror / "partials" / "icon.html").unlink()  # as a cleaner of temp folders might
    (mirror / ".icons").unlink()
    assert mirrored(str(theme)) == str(mirror)
    assert (mirror / "partials" / "icon.html").read_text(encoding="utf-8") == '<i>{% include ".icons/set/star.svg" %}</i>'
    assert (mirror / ".icons" / "set" / "star.svg").is_file()


def test_a_theme_with_another_file_gets_its_own_mirror(theme: Path, cache_dir: Path) -> None:
    first = mirrored(str(theme))
    (theme / "partials" / "new.html").write_text("new", encoding="utf-8")
    second = mirrored(str(theme))
    assert second != first and (Path(second) / "partials" / "new.html").is_file()


def test_folders_without_a_dot_folder_or_a_cache_are_used_as_they_are(
    theme: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = tmp_path / "plain"
    (plain / "partials").mkdir(parents=True)
    monkeypatch.setattr(program_cache, "template_cache", lambda: program_cache.TemplateCache(str(tmp_path)))
    assert mirrored(str(plain)) == str(plain)
    monkeypatch.setattr(program_cache, "template_cache", lambda: None)
    assert mirrored(str(theme)) == str(theme)


def test_where_links_cannot_be_made_the_theme_itself_is_used(
    theme: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("no links on this disk")

    monkeypatch.setattr(os, "symlink", refuse)
    assert mirrored(str(theme)) == str(theme)
    assert not [p for p in cache_dir.iterdir() if p.name.startswith("prongsai-theme")]


def test_materials_folder_is_mirrored_and_keeps_its_order(cache_dir: Path, tmp_path: Path) -> None:
    material = get_theme_dir("material")
    dirs = mirror_theme([str(tmp_path), material])
    assert dirs[0] == str(tmp_path) and dirs[1] != material
    env = Environment(loader=FileSystemLoader(dirs))
    assert "<svg" in env.get_template(".icons/material/weather-night.svg").render()
    assert not [n for n in env.list_templates() if n.startswith(".icons/")]
    assert "base.html" in env.list_templates()


def test_a_mirror_holding_more_than_its_theme_is_not_used(theme: Path, cache_dir: Path) -> None:
    mirror = Path(mirrored(str(theme)))
    (mirror / "partials" / "stray.html").write_text("not the theme's", encoding="utf-8")
    assert mirrored(str(theme)) == str(theme)
