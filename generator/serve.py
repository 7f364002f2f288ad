"""Live preview: regenerate the Markdown when anything under content/ changes;
`mkdocs serve` then rebuilds and reloads the browser."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from .errors import ContentErrors, shown_root
from .pipeline import generate

DEBOUNCE_SECONDS = 0.15


def regenerate(content: Path, build_dir: Path) -> bool:
    """Write fresh Markdown; on bad content print the errors and keep the last good pages."""
    try:
        generate(content, build_dir, build_dir / "preview-site")
    except ContentErrors as exc:
        print(exc.format(*shown_root(content)), file=sys.stderr, flush=True)
        return False
    return True


class _Debounced(FileSystemEventHandler):
    """Editors save in bursts (temp file, rename, chmod); regenerate once per burst."""

    def __init__(self, action: Callable[[], object]) -> None:
        self.action = action
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
            self.timer = threading.Timer(DEBOUNCE_SECONDS, self.action)
            self.timer.daemon = True
            self.timer.start()


def serve(content: Path, build_dir: Path, dev_addr: str) -> int:
    if not regenerate(content, build_dir):
        return 2
    observer = Observer()
    observer.schedule(_Debounced(lambda: regenerate(content, build_dir)), str(content), recursive=True)
    observer.start()
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-f", str(build_dir / "mkdocs.yml"), "-a", dev_addr]
    server = subprocess.Popen(cmd)
    try:
        while server.poll() is None:
            time.sleep(0.5)
    except KeyboardInterrupt:
        server.terminate()
    finally:
        observer.stop()
        observer.join()
    return server.wait()
