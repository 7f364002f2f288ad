"""Live preview: when anything under content/ changes, the Markdown is regenerated and the
site rebuilt by MkDocs in this same process, and the browsers showing it reload. A mistake
in the content is shown on every preview page (Thai, then English, with file and line)
until it is fixed.

The preview is served by this module rather than `mkdocs serve`, which noticed the new
Markdown only at its next look at the disk (every half second) and then waited a tenth
more: on a one-line edit that was a third of the wait."""

from __future__ import annotations

import http.server
import json
import signal
import sys
import threading
import urllib.parse
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from .errors import ContentErrors, message_text, shown_root
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
    main.html); the next build puts them on every page."""
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


class Preview:
    """The preview site: rebuilt in this process after each change, one build at a time;
    browsers waiting on /__prongsai/reload learn the new build's number and reload."""

    def __init__(self, content: Path, build_dir: Path) -> None:
        self.content, self.build_dir = content, build_dir
        self.site_dir = build_dir / "preview-site"
        self.built = 0
        self.changed = threading.Condition()
        self.building = threading.RLock()

    def rebuild(self) -> bool:
        """Regenerate and build (with the errors on the pages if the content has any)."""
        with self.building:
            regenerate(self.content, self.build_dir)
            return self.build()

    def build(self) -> bool:
        """Build the Markdown as it is; False when there is nothing to show."""
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        from mkdocs.exceptions import MkDocsException

        with self.building:
            config_path = self.build_dir / "mkdocs.yml"
            if not config_path.is_file():
                return False
            config = load_config(str(config_path), site_dir=str(self.site_dir))
            config.extra.setdefault("prongsai", {})["preview"] = True  # the search index follows the pages
            try:
                build(config)
            except MkDocsException as exc:
                print(exc, file=sys.stderr, flush=True)
                return False
            with self.changed:
                self.built += 1
                self.changed.notify_all()
            print(message_text("preview_reloaded"), flush=True)
            return True

    def wait_after(self, seen: int, seconds: float) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.built > seen, timeout=seconds)
            return self.built


# Injected into each served page (the preview only): ask for the next build, reload on it.
RELOAD_SCRIPT = (
    "<script>(function(n){function w(){fetch('/__prongsai/reload?after='+n).then(function(r){return r.text()})"
    ".then(function(t){if(+t>n){location.reload()}else{w()}},function(){setTimeout(w,1000)})}w()})(%d)</script>"
)
RELOAD_WAIT_SECONDS = 25


def handler_for(preview: Preview) -> type[http.server.SimpleHTTPRequestHandler]:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(preview.site_dir), **kwargs)  # type: ignore[arg-type]

        def log_message(self, format: str, *args: object) -> None:  # one line per request is noise
            pass

        def do_GET(self) -> None:
            url = urllib.parse.urlsplit(self.path)
            if url.path == "/__prongsai/reload":
                seen = urllib.parse.parse_qs(url.query).get("after", ["0"])[0]
                built = preview.wait_after(int(seen) if seen.isdigit() else 0, RELOAD_WAIT_SECONDS)
                return self._send(200, "text/plain", str(built).encode())
            target = Path(self.translate_path(url.path))
            if target.is_dir():
                if not url.path.endswith("/"):
                    return super().do_GET()  # the redirect to the folder's address
                target = target / "index.html"
            if target.suffix == ".html" and target.is_file():
                return self._page(200, target)
            if not target.exists() and (preview.site_dir / "404.html").is_file():
                return self._page(404, preview.site_dir / "404.html")
            return super().do_GET()

        def _page(self, status: int, path: Path) -> None:
            body = path.read_bytes()
            script = (RELOAD_SCRIPT % preview.built).encode()
            at = body.rfind(b"</body>")
            body = body[:at] + script + body[at:] if at >= 0 else body + script
            self._send(status, "text/html; charset=utf-8", body)

        def _send(self, status: int, kind: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

    return Handler


def serve(content: Path, build_dir: Path, dev_addr: str) -> int:
    preview = Preview(content, build_dir)
    if not regenerate(content, build_dir) or not preview.build():
        return 2
    host, _, port = dev_addr.rpartition(":")
    server = http.server.ThreadingHTTPServer((host or "127.0.0.1", int(port)), handler_for(preview))
    server.daemon_threads = True
    observer = Observer()
    observer.schedule(_Debounced(preview.rebuild), str(content), recursive=True)
    observer.start()
    if threading.current_thread() is threading.main_thread():  # a stopped preview stops its server too
        signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    print(message_text("preview_serving", url=f"http://{host or '127.0.0.1'}:{port}/"), flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        observer.join()
        server.server_close()
    return 0
