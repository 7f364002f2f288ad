"""One process at a time: an advisory lock on an open file, on every system Python runs on.

POSIX has flock, Windows has msvcrt.locking; both are released by the system when the
process ends, however it ends, so a killed build never leaves a lock behind (a lock file
with a process number would need stale detection, and a reused number fools it)."""

from __future__ import annotations

import os
from types import ModuleType


def _system_lock() -> tuple[str, ModuleType]:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        return "msvcrt", msvcrt
    return "fcntl", fcntl


KIND, _LOCKS = _system_lock()


def try_lock(fd: int, kind: str = KIND, locks: ModuleType = _LOCKS) -> bool:
    """Take the lock on open file `fd` without waiting; False when another process holds it."""
    if kind == "fcntl":
        try:
            locks.flock(fd, locks.LOCK_EX | locks.LOCK_NB)
        except BlockingIOError:
            return False
        return True
    os.lseek(fd, 0, os.SEEK_SET)  # msvcrt locks bytes from the current position: always the first
    try:
        locks.locking(fd, locks.LK_NBLCK, 1)
    except OSError:  # held by another process (EACCES / EDEADLOCK)
        return False
    return True
