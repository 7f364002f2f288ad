"""Where a browser would break a line of Thai: ICU's line breaker, from the system's libicu.

Chromium, Safari and the Android WebView break Thai with ICU's line break iterator and its
Thai dictionary. The build asks the same library (Debian's libicu72, which Debian's chromium
and libxml2 depend on) through its public C API (ubrk_*), so no compiled binding is needed.
Where the library cannot be found, `line_breaks` is None and the build marks every run.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import re
from collections.abc import Callable
from functools import cache

UBRK_LINE = 2
UBRK_DONE = -1
_SUFFIXES = range(50, 100)  # ICU names its C functions ubrk_open_72 unless built without renaming


class _Icu:
    def __init__(self, lib: ctypes.CDLL, suffix: str) -> None:
        def fn(name: str, restype: type | None, *argtypes: type) -> Callable:
            function = getattr(lib, name + suffix)
            function.restype, function.argtypes = restype, list(argtypes)
            return function

        status = ctypes.c_int(0)
        self.open = fn("ubrk_open", ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_void_p,
                       ctypes.c_int32, ctypes.POINTER(ctypes.c_int))
        self.set_text = fn("ubrk_setText", None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int32,
                           ctypes.POINTER(ctypes.c_int))
        self.next = fn("ubrk_next", ctypes.c_int32, ctypes.c_void_p)
        get_version = fn("u_getVersion", None, ctypes.c_char * 4)
        version = (ctypes.c_char * 4)()
        get_version(version)
        self.version = ".".join(str(b) for b in version.raw[:2])
        self.iterator = self.open(UBRK_LINE, b"th", None, 0, ctypes.byref(status))
        if status.value > 0 or not self.iterator:
            raise OSError(f"ubrk_open: {status.value}")

    def breaks(self, text: str) -> tuple[int, ...]:
        """Offsets inside `text` (BMP characters only) where ICU allows a line break."""
        raw = text.encode("utf-16-le")
        self.text = data = ctypes.create_string_buffer(raw, len(raw))  # alive while ICU reads it
        status = ctypes.c_int(0)
        self.set_text(self.iterator, data, len(raw) // 2, ctypes.byref(status))
        if status.value > 0:
            raise OSError(f"ubrk_setText: {status.value}")
        out = []
        while (at := self.next(self.iterator)) not in (UBRK_DONE, len(text)):
            out.append(at)
        return tuple(out)


@cache
def _icu() -> _Icu | None:
    name = ctypes.util.find_library("icuuc")
    if name is None:
        return None
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return None
    found = re.search(r"\.(\d+)(?:\.|$)", name)
    suffixes = ["", *([f"_{found.group(1)}"] if found else []), *(f"_{n}" for n in _SUFFIXES)]
    for suffix in suffixes:
        if hasattr(lib, "ubrk_open" + suffix):
            try:
                return _Icu(lib, suffix)
            except (AttributeError, OSError):
                return None
    return None


def icu_version() -> str | None:
    """The ICU the build asks ("72.1"), or None when there is none."""
    icu = _icu()
    return None if icu is None else icu.version


def line_breaks(text: str) -> tuple[int, ...] | None:
    """Where ICU would let a line of `text` break (offsets inside it), None without ICU."""
    icu = _icu()
    return None if icu is None else icu.breaks(text)
