"""Live preview: regenerate the Markdown when anything under content/ changes;
`mkdocs serve` then rebuilds and reloads the browser. A mistake in the content is shown on
every preview page (Thai, then English, with file and line) until it is fixed."""

from __future__ import annotations

import json
import signal
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
from .write import write_if_changed

DEBOUNCE_SECONDS = 0.15


def regenerate(content: Path, build_dir: Path) -> bool:
    """Write fresh Markdown; on bad content print the errors and put them on the last good
    pages (a fresh build writes mkdocs.yml without them, so a fix clears them)."""
    try:
        generate(content, build_dir, build_dir / "preview-site")
    except ContentErrors as exc:
        print(exc.format(*shown_root(content)), file=sys.stderr, flush=True)
        show_errors(exc, content, build_dir / "mkdocs.yml")
        return False
    return True


def show_errors(exc: ContentErrors, content: Path, config_path: Path) -> None:
    """Put the errors into the preview's config (extra.prongsai.preview_errors, shown by
    main.html); `mkdocs serve` watches that file and rebuilds every page with them."""
    if not config_path.is_file():
        return
    config = json.loads(config_path.read_text(encoding="utf-8"))
    root, label = shown_root(content)
    shown = [{"where": err.format(root, label).split("\n", 1)[0], "th": err.th, "en": err.en} for err in exc.errors]
    config.setdefault("extra", {}).setdefault("prongsai", {})["preview_errors"] = shown
    text = json.dumps(config, ensure_ascii=False, indent=2) + "\n"
    write_if_changed(config_path, text.encode("utf-8"))


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
    if threading.current_thread() is threading.main_thread():  # a stopped preview stops its server too
        signal.signal(signal.SIGTERM, lambda *_: server.terminate())
    try:
        while server.poll() is None:
            time.sleep(0.5)
    except KeyboardInterrupt:
        server.terminate()
    finally:
        observer.stop()
        observer.join()
    return server.wait()
