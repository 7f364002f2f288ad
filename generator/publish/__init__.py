"""Publish a built site to shared hosting (SFTP, FTP, FTPS), sending only what changed.

The server keeps a manifest (.prongsai-manifest.json: each file's SHA-256) beside the site, so any
machine that publishes knows what is there. A file is uploaded under a temporary name that carries
its hash and renamed into place when complete: a reader never sees half a page, and a transfer
cut off midway goes on from the bytes already on the server the next time (same name, same hash,
so the same content). Files that left the site are deleted, but only those the manifest lists:
what someone else put on the server stays.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import posixpath
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Protocol

MANIFEST = ".prongsai-manifest.json"
PART_SUFFIX = ".prongsai-part"
CHUNK = 64 * 1024
SAVE_EVERY = 25  # files; the manifest is also saved at least every few seconds and at the end
SAVE_SECONDS = 5.0


class Transport(Protocol):
    """What publishing needs of a server connection; paths are relative to the site's folder."""

    def read(self, path: str) -> bytes | None: ...
    def size(self, path: str) -> int | None: ...
    def makedirs(self, path: str) -> None: ...
    def append(self, path: str, source: BinaryIO, offset: int, progress: Callable[[int], None]) -> None: ...
    def rename(self, source: str, target: str) -> None: ...
    def delete(self, path: str) -> None: ...
    def close(self) -> None: ...


@dataclass
class LocalFile:
    path: Path
    sha256: str
    size: int


@dataclass
class Outcome:
    sent: list[str] = field(default_factory=list)
    unchanged: int = 0
    deleted: list[str] = field(default_factory=list)
    resumed_bytes: int = 0  # bytes already on the server from an interrupted run
    sent_bytes: int = 0


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def scan(site: Path) -> dict[str, LocalFile]:
    """Every regular file of the built site by its POSIX path (symlinks are not followed)."""
    files = {}
    for path in sorted(site.rglob("*")):
        if path.is_file() and not path.is_symlink():
            rel = path.relative_to(site).as_posix()
            files[rel] = LocalFile(path, _digest(path), path.stat().st_size)
    return files


def upload_order(names: list[str]) -> list[str]:
    """Assets before pages, and the home page last, so no page on the server points at a file
    that is not there yet."""

    def key(name: str) -> tuple[int, str]:
        if name == "index.html":
            return 2, name
        return (1 if name.endswith(".html") else 0), name

    return sorted(names, key=key)


def part_name(rel: str, sha256: str) -> str:
    folder, name = posixpath.split(rel)
    return posixpath.join(folder, f".{name}.{sha256[:16]}{PART_SUFFIX}")


def read_manifest(remote: Transport) -> dict[str, str]:
    data = remote.read(MANIFEST)
    if not data:
        return {}
    try:
        files = json.loads(data.decode("utf-8")).get("files", {})
    except (ValueError, AttributeError):
        return {}  # unreadable: everything is sent again, nothing is deleted
    return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}


def write_manifest(remote: Transport, files: dict[str, str]) -> None:
    data = json.dumps({"version": 1, "files": dict(sorted(files.items()))}, indent=0).encode("utf-8")
    part = MANIFEST + PART_SUFFIX
    remote.delete(part)
    remote.append(part, _Bytes(data), 0, lambda n: None)
    remote.rename(part, MANIFEST)


class _Bytes:
    def __init__(self, data: bytes) -> None:
        self._data, self._pos = data, 0

    def read(self, n: int = -1) -> bytes:
        end = len(self._data) if n < 0 else self._pos + n
        chunk, self._pos = self._data[self._pos:end], min(end, len(self._data))
        return chunk


def _folders(names: list[str]) -> Iterator[str]:
    seen: set[str] = set()
    for name in names:
        folder = posixpath.dirname(name)
        if folder and folder not in seen:
            seen.add(folder)
            yield folder


def publish(
    site: Path, remote: Transport, *, dry_run: bool = False, progress: Callable[[int], None] | None = None,
    report: Callable[[str, str], None] | None = None,
) -> Outcome:
    """Bring the server's copy of `site` up to date. `progress(n)` is told of every chunk of n bytes
    sent (an exception from it stops the run like a dropped connection); `report(action, name)` of
    every file sent ("send") or deleted ("delete")."""
    local = scan(site)
    on_server = read_manifest(remote)
    changed = upload_order([n for n, f in local.items() if on_server.get(n) != f.sha256])
    gone = sorted(n for n in on_server if n not in local)
    outcome = Outcome(unchanged=len(local) - len(changed))
    if dry_run:
        outcome.sent, outcome.deleted = changed, gone
        return outcome
    tell = progress or (lambda n: None)
    done = dict(on_server)
    try:
        _send(remote, local, changed, done, outcome, tell, report)
    except BaseException:
        # Stopped (Ctrl-C, a dropped connection): record what did arrive, if the server still listens,
        # so the next run sends only the rest.
        with contextlib.suppress(Exception):
            write_manifest(remote, done)
        raise
    for name in gone:
        remote.delete(name)
        done.pop(name, None)
        outcome.deleted.append(name)
        if report:
            report("delete", name)
    if changed or gone or not on_server:
        write_manifest(remote, done)
    return outcome


def _send(
    remote: Transport, local: dict[str, LocalFile], changed: list[str], done: dict[str, str],
    outcome: Outcome, tell: Callable[[int], None], report: Callable[[str, str], None] | None,
) -> None:
    last_save, unsaved = time.monotonic(), 0
    for folder in _folders(changed):
        remote.makedirs(folder)
    for name in changed:
        item = local[name]
        part = part_name(name, item.sha256)
        offset = remote.size(part) or 0
        if offset > item.size:  # not ours after all: start over
            remote.delete(part)
            offset = 0
        outcome.resumed_bytes += offset
        if offset < item.size or item.size == 0:
            with open(item.path, "rb") as handle:
                handle.seek(offset)

                def counted(n: int) -> None:
                    outcome.sent_bytes += n
                    tell(n)

                remote.append(part, handle, offset, counted)
        if remote.size(part) != item.size:
            raise OSError(f"{name}: the server holds {remote.size(part)} bytes, expected {item.size}")
        remote.rename(part, name)
        done[name] = item.sha256
        outcome.sent.append(name)
        if report:
            report("send", name)
        unsaved += 1
        if unsaved >= SAVE_EVERY or time.monotonic() - last_save > SAVE_SECONDS:
            write_manifest(remote, done)
            last_save, unsaved = time.monotonic(), 0
