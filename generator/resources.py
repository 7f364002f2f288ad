"""Where the program's own files are: the base mkdocs.yml and the theme (theme_overrides/).

In a source checkout they sit beside the `generator` package; an installed package (pip install .)
carries a copy of both in generator/_program/, which pyproject.toml maps to the checkout's root.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
_INSTALLED = PACKAGE / "_program"

# The folder holding mkdocs.yml and theme_overrides/.
PROGRAM_DIR = _INSTALLED if (_INSTALLED / "mkdocs.yml").is_file() else PACKAGE.parent
BASE_MKDOCS = PROGRAM_DIR / "mkdocs.yml"
THEME_DIR = PROGRAM_DIR / "theme_overrides"
