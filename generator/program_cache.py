"""What the generator derives from its own files, kept between builds.

Two things are the same for every build and cost time to make: compiled
templates and parsed program YAML (catalogs, mkdocs.yml). Both are kept in
memory for this process and on disk for the next command, in Jinja's per-user
cache folder in the temp directory (Jinja creates it private to the user and
refuses one owned by someone else). A key is a checksum of the source, so an
edited template or catalog is compiled or parsed again; a cache that cannot be
written or read only costs time.

Jinja folds a filter applied to a constant into the compiled code
(`{{ '85 คะแนน'|digits }}` becomes the literal with the site's digits), so the
bytecode is only the same for sites with the same style: the environment's
`FOLD_KEY` global (the Thai style) is part of every template key.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import marshal
import os
import pickle
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import CodeType
from typing import Any, BinaryIO

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache, FileSystemBytecodeCache, bc_magic

# Name of the Environment global whose value decides what constant filters fold to.
FOLD_KEY = "fold_key"


@cache
def _disk() -> FileSystemBytecodeCache | None:
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):  # no usable temp folder: keep the memory layer only
        return None


class _WholeFileBucket(Bucket):
    """Jinja's bucket, reading its cache file in one piece: marshal.load on a file object
    asks it for every few bytes, twelve times slower than marshal.loads on the bytes."""

    def load_bytecode(self, f: BinaryIO) -> None:
        data = f.read()
        if not data.startswith(bc_magic):
            self.reset()
            return
        stream = io.BytesIO(data)
        stream.seek(len(bc_magic))
        try:
            if pickle.load(stream) != self.checksum:  # Jinja's own header: its checksum, pickled
                self.reset()
                return
            self.code = marshal.loads(memoryview(data)[stream.tell() :])
        except (EOFError, ValueError, TypeError, pickle.UnpicklingError):
            self.reset()


class SharedBytecodeCache(BytecodeCache):
    """Compiled templates: in memory first (the code objects themselves, which are immutable
    and run afresh in each environment), then Jinja's file cache."""

    def __init__(self) -> None:
        self.memory: dict[str, tuple[str, CodeType]] = {}

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        fold = str(environment.globals.get(FOLD_KEY, ""))
        generator = environment.code_generator_class.__qualname__  # another generator, other code
        key = self.get_cache_key(f"{name}|{fold}|{generator}", filename)
        bucket = _WholeFileBucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        found = self.memory.get(bucket.key)
        if found and found[0] == bucket.checksum:
            bucket.code = found[1]
            return
        disk = _disk()
        if disk is not None:
            try:
                disk.load_bytecode(bucket)
            except (OSError, ValueError, EOFError):
                bucket.reset()
            if bucket.code is not None:
                self.memory[bucket.key] = (bucket.checksum, bucket.code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            self.memory[bucket.key] = (bucket.checksum, bucket.code)
        disk = _disk()
        if disk is not None:
            with contextlib.suppress(OSError):
                disk.dump_bytecode(bucket)


TEMPLATE_CACHE = SharedBytecodeCache()

# Bump when what a parser returns for the same bytes changes (another loader, other types).
PARSE_VERSION = "1"


def parsed_path(key: str) -> Path | None:
    """Where the parsed form of source `key` is kept on disk (None: no cache folder)."""
    disk = _disk()
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
