"""What Prongsai adds to an MkDocs build, through MkDocs' public `hooks:` setting.

MkDocs loads this file by its path (the generated mkdocs.yml names it), for `make site`,
`build-all` and the live preview alike, so all three publish the same site. Imports are
absolute: MkDocs runs the file as a module of its own, outside the `generator` package.

- The search index is made from each page's HTML as MkDocs renders it, into Prongsai's
  index in pieces (generator/search_material.py). Material's search plugin is not used:
  it parsed every page a second time with Python's HTML parser, for an index that was
  then thrown away. Its engine's files (lunr, its worker, source maps) are not copied.
- The theme's templates are compiled once and kept, with Jinja's own bytecode cache.
- MkDocs lists the theme's files through a mirror that leaves out Material's icon folder
  (generator/theme_mirror.py).
- The generator's own HTML blocks pass through Markdown unparsed (generator/markdown_blocks.py).
- Each written page gets its Thai line-break marks (generator/wordbreak.py), after the
  search sections were cut, so the index holds the text without them.
"""

from __future__ import annotations

import threading
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from generator.markdown_blocks import StashBlocksExtension
from generator.program_cache import template_cache
from generator.search_index import Section
from generator.search_material import page_sections, unused, write_search
from generator.theme_mirror import mirror_theme
from generator.wordbreak import page_breaks

# The sections of the pages built so far in this build, in build order. MkDocs keeps one
# copy of this module per process (build-all builds many sites in one), so each build
# starts it afresh.
_sections: list[Section] = []
# In the live preview (extra.prongsai.preview, set by generator/serve.py) the index is
# written just after the pages, so an edit shows as soon as its pages are built; the next
# build waits for it.
_writer: threading.Thread | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.markdown_extensions.append(StashBlocksExtension())  # type: ignore[arg-type]  # an instance
    config.theme.dirs = mirror_theme(config.theme.dirs)
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    if _writer is not None:
        _writer.join()
    _sections.clear()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in [f for f in files if unused(f.src_uri)]:  # not copied, rather than deleted after
        files.remove(file)
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    if env.bytecode_cache is None:  # set before MkDocs loads the first template
        env.bytecode_cache = template_cache()
    return env


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    _sections.extend(page_sections(html, page.url, str(page.meta.get("title") or page.title or "")))
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return page_breaks(output)


def on_post_build(config: MkDocsConfig) -> None:
    global _writer
    args = (Path(config.site_dir), list(_sections), config.theme.get("language") or "th")
    if (config.extra.get("prongsai") or {}).get("preview"):
        _writer = threading.Thread(target=write_search, args=args, daemon=True)
        _writer.start()
    else:
        write_search(*args)
