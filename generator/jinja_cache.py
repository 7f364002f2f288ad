"""Compiled templates shared between builds.

Compiling the Jinja templates is most of the generator's own time; every site
(each organization of build-all, each live-preview regeneration) makes its own
Environment because its filters follow the site's settings. The bytecode is the
same for all of them, so it is kept in memory for this process and on disk
(Jinja's per-user cache folder in the temp directory, keyed by a checksum of the
template source, so an edited template is recompiled) for the next command.

Jinja folds a filter applied to a constant into the compiled code
(`{{ '85 คะแนน'|digits }}` becomes the literal with the site's digits), so the
bytecode is only the same for sites with the same style: the environment's
`FOLD_KEY` global (the Thai style) is part of every cache key.
"""

from __future__ import annotations

import contextlib

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache, FileSystemBytecodeCache

# Name of the Environment global whose value decides what constant filters fold to.
FOLD_KEY = "fold_key"


class SharedBytecodeCache(BytecodeCache):
    """In-memory first, then Jinja's file cache; a cache that cannot be written only costs time."""

    def __init__(self) -> None:
        self.memory: dict[str, tuple[str, bytes]] = {}
        try:
            self.disk: FileSystemBytecodeCache | None = FileSystemBytecodeCache()
        except (OSError, RuntimeError):  # no usable temp folder: keep the memory layer only
            self.disk = None

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        fold = str(environment.globals.get(FOLD_KEY, ""))
        bucket = Bucket(environment, self.get_cache_key(f"{name}|{fold}", filename), self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        found = self.memory.get(bucket.key)
        if found and found[0] == bucket.checksum:
            bucket.bytecode_from_string(found[1])
            return
        if self.disk is not None:
            try:
                self.disk.load_bytecode(bucket)
            except (OSError, ValueError, EOFError):
                bucket.reset()
            if bucket.code is not None:
                self.memory[bucket.key] = (bucket.checksum, bucket.bytecode_to_string())

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.memory[bucket.key] = (bucket.checksum, bucket.bytecode_to_string())
        if self.disk is not None:
            with contextlib.suppress(OSError):
                self.disk.dump_bytecode(bucket)


TEMPLATE_CACHE = SharedBytecodeCache()
