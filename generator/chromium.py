"""Where the Chromium for browser tests and the search benchmark is: Debian's package, found, not assumed."""

from __future__ import annotations

import os
import shutil

ENV_VAR = "PRONGSAI_CHROMIUM"
NAMES = ("chromium", "chromium-browser")

# Flags for a headless Chromium in a container or CI: no sandbox (root), no GPU, and nothing that
# reaches the internet on its own.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chromium() -> str | None:
    """The Chromium to run: $PRONGSAI_CHROMIUM when set, else `chromium` or `chromium-browser` on the PATH."""
    chosen = os.environ.get(ENV_VAR)
    if chosen:
        return chosen if os.access(chosen, os.X_OK) else None
    for name in NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


MISSING = (
    "ต้องติดตั้ง Chromium: sudo apt-get install chromium (หรือกำหนด PRONGSAI_CHROMIUM=/path/to/chromium)"
    " / Chromium is required: sudo apt-get install chromium (or set PRONGSAI_CHROMIUM)"
)
