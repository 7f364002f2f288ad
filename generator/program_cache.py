"""What the generator derives from its own files, kept between builds.

Two things are the same for every build and cost time to make: compiled
templates and parsed program YAML (catalogs, mkdocs.yml). Both are kept on disk
for the next command, in Jinja's per-user cache folder in the temp directory
(Jinja creates it private to the user and refuses one owned by someone else):
templates by Jinja's own FileSystemBytecodeCache, parsed YAML beside them. A key
is a checksum of the source, so an edited template or catalog is compiled or
parsed again; a cache that cannot be written or read only costs time.

Filters that write in a site's style are marked @pass_context (see render.py),
so Jinja never folds them into the compiled code, which is therefore the same for
every site.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import pickle
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from jinja2.bccache import Bucket, FileSystemBytecodeCache


class TemplateCache(FileSystemBytecodeCache):
    """Jinja's file cache, for which a damaged file or a full disk only costs a compile."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (EOFError, ValueError, TypeError, pickle.UnpicklingError):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):  # a full or read-only disk: compiled again next time
            super().dump_bytecode(bucket)


@cache
def template_cache() -> FileSystemBytecodeCache | None:
    """Jinja's own file cache of compiled templates (None: no usable temp folder)."""
    try:
        return TemplateCache()
    except (OSError, RuntimeError):
        return None


# Bump when what a parser returns for the same bytes changes (another loader, other types).
PARSE_VERSION = "1"


def parsed_path(key: str) -> Path | None:
    """Where the parsed form of source `key` is kept on disk (None: no cache folder)."""
    disk = template_cache()
    return Path(disk.directory) / f"prongsai-parsed-{key}.marshal" if disk is not None else None


def source_key(source: bytes, kind: str) -> str:
    return hashlib.sha256(f"{kind}|{PARSE_VERSION}|".encode() + source).hexdigest()


def cached_parse(source: bytes, kind: str, parse: Callable[[bytes], Any]) -> Any:
    """`parse(source)`, remembered on disk by checksum; each call returns a fresh copy, which
    the caller may change. The value must be plain data (dicts, lists, text, numbers,
    booleans, None): marshal stores it, and unlike pickle it cannot run code."""
    path = parsed_path(source_key(source, kind))
    if path is not None:
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
            return marshal.loads(path.read_bytes())
    value = parse(source)
    if path is not None:
        with contextlib.suppress(OSError, ValueError):
            blob = marshal.dumps(value)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(blob)
            os.replace(tmp, path)  # another process reading it sees the whole file or none
    return value
