import os
from pathlib import Path

from generator.write import swap_in, sync_tree, write_if_changed


def test_unchanged_files_keep_their_mtime(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b.md"
    assert write_if_changed(path, b"x")
    os.utime(path, (1, 1))
    assert not write_if_changed(path, b"x")
    assert path.stat().st_mtime == 1
    assert write_if_changed(path, b"y") and path.read_bytes() == b"y"
    # same size, other bytes; a longer file that begins with the same bytes; an empty file
    for data in (b"z", b"zz", b"", b"z" * 70_000):
        assert write_if_changed(path, data) and path.read_bytes() == data
        assert not write_if_changed(path, data)


def test_sync_writes_every_byte_of_new_files_and_rewrites_changed_ones(tmp_path: Path) -> None:
    big = "ข้อมูล,๑๒๓\r\n".encode() * 50_000  # a large download (1.3 MB)
    assert sync_tree(tmp_path, {"2568/data/a.csv": big, "index.md": b""}) == 2
    assert (tmp_path / "2568/data/a.csv").read_bytes() == big and (tmp_path / "index.md").read_bytes() == b""
    assert sync_tree(tmp_path, {"2568/data/a.csv": big, "index.md": b""}) == 0
    assert sync_tree(tmp_path, {"2568/data/a.csv": big[:-1] + b"!", "index.md": b""}) == 1
    assert (tmp_path / "2568/data/a.csv").read_bytes().endswith(b"!")


def test_sync_removes_stale_files_and_empty_folders(tmp_path: Path) -> None:
    sync_tree(tmp_path, {"a.md": b"1", "old/b.md": b"2"})
    changed = sync_tree(tmp_path, {"a.md": b"1", "new/c.md": b"3"})
    assert changed == 2
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == ["a.md", "new", "new/c.md"]


def test_sync_into_a_new_folder_then_drop_a_nested_branch(tmp_path: Path) -> None:
    root = tmp_path / "docs"  # does not exist yet
    assert sync_tree(root, {"2568/data/a.csv": b"1", "2568/index.md": b"2", "index.md": b"3"}) == 3
    (root / "2568" / "data" / ".a.csv.tmp").write_bytes(b"left by a crash")
    assert sync_tree(root, {"index.md": b"3"}) == 3
    assert [p.relative_to(root).as_posix() for p in root.rglob("*")] == ["index.md"]


def test_swap_replaces_the_site_in_one_step(tmp_path: Path) -> None:
    site, staging = tmp_path / "site", tmp_path / ".site.new"
    (site / "old").mkdir(parents=True)
    (staging / "fresh").mkdir(parents=True)
    swap_in(staging, site)
    assert (site / "fresh").is_dir() and not (site / "old").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_generated_config_reads_back_through_mkdocs_own_yaml_loader(tmp_path: Path) -> None:
    # The generated mkdocs.yml is written as JSON, a kind of YAML: MkDocs must read exactly the config.
    from mkdocs.utils.yaml import yaml_load

    from generator.content import load_site
    from generator.pipeline import render_site
    from generator.write import mkdocs_config, write_docs
    from tests.conftest import EXAMPLE

    site = load_site(EXAMPLE)
    rendered = render_site(site)
    path = write_docs(rendered, site, tmp_path / "build", tmp_path / "site")
    expected = mkdocs_config(rendered, site, tmp_path / "build", tmp_path / "site")
    assert path.name == "mkdocs.yml" and yaml_load(path.read_text(encoding="utf-8")) == expected
    assert expected["nav"] and expected["site_name"] in path.read_text(encoding="utf-8")  # Thai as text, not \u escapes
