"""File names as reports print them.

A POSIX file name is bytes; Python decodes the bytes that are not UTF-8 to lone
surrogates (U+DC80..U+DCFF, "surrogateescape"), which no UTF-8 output can hold. Reports
show each such byte as ``\\xNN`` (``caf\\xe9.md``): valid UTF-8 everywhere (text, JSON,
GitHub annotations, HTML, standard error), readable, and the same in every format.
SARIF URIs instead percent-encode the real bytes (``caf%E9.md``), which is what the
URI of that file is. A name that is valid UTF-8 is printed unchanged.
"""

from __future__ import annotations

import os


def shown_path(path: str) -> str:
    """``path`` as valid Unicode: an undecodable byte as ``\\xNN``."""
    if path.isascii():  # the common case, and never a surrogate
        return path
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        pass
    try:
        raw = path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that is not an escaped byte
        return path.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def path_bytes(path: str) -> bytes:
    """The file name's own bytes (for a URI), whatever Python decoded them to."""
    try:
        return os.fsencode(path)
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogatepass")


__all__ = ["path_bytes", "shown_path"]
