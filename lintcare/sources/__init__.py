"""Stage 1: read a source file and extract its prose with an exact position map."""

from __future__ import annotations

import codecs
import errno
import os
import stat
import sys

from .base import Source as Source  # re-exported: the package's own names
from .base import SourceError as SourceError
from .lines import line_breaks as line_breaks  # re-exported for callers of the package
from .prose import Prose

FORMATS = ("text", "markdown", "html")
SUFFIX_FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",  # read from its XML (sources/docx.py), not decoded as text
}
# Formats a file named on the command line may have that lintcare cannot read: an error
# that names the format, not a silent skip (a CI gate would pass the draft unlinted).
UNREADABLE = {
    ".doc": "a Word 97-2003 document", ".pdf": "a PDF document", ".rtf": "an RTF document",
    ".pages": "an Apple Pages document", ".odt": "an OpenDocument text", ".png": "an image",
    ".jpg": "an image", ".jpeg": "an image", ".gif": "an image", ".webp": "an image",
    ".tif": "an image", ".tiff": "an image", ".bmp": "an image", ".heic": "an image",
}


def unreadable(path: str) -> str | None:
    """The one-line error for a file whose format lintcare cannot read, else None."""
    suffix = _suffix(path)
    if suffix not in UNREADABLE:
        return None
    return (f"cannot lint {UNREADABLE[suffix]} ({suffix}); save it as .docx, .html, .md or .txt "
            "and lint that")


def format_for(path: str, default: str = "text") -> str:
    return SUFFIX_FORMATS.get(_suffix(path), default)


def _suffix(path: str) -> str:
    """``Path(path).suffix.lower()`` without building a Path (called per file of a run)."""
    name = os.path.basename(os.path.normpath(path))
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""


BINARY = "binary file (NUL bytes), skipped"


def decode(data: bytes, path: str, encoding: str = "utf-8") -> tuple[str, str, bool]:
    """Decode bytes; returns (text, encoding, had_bom). Raises SourceError.

    A file with a NUL character anywhere is binary: the first 8 KB are looked at before
    decoding (a quick answer for most binary files), the decoded text after.
    """
    size = len(data)
    if data.startswith(codecs.BOM_UTF8):
        encoding, data, bom = "utf-8", data[len(codecs.BOM_UTF8):], True
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        # Before UTF-16: the UTF-32 little-endian BOM begins with UTF-16's (FF FE).
        encoding = "utf-32-le" if data.startswith(codecs.BOM_UTF32_LE) else "utf-32-be"
        data, bom = data[4:], True
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Name the byte order: writing fixes back must encode without a new BOM.
        encoding = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
        data, bom = data[2:], True
    else:
        bom = False
    # NUL is a character only in the wide encodings (UTF-16/32, their BOM-less files).
    if b"\x00" in data[:8192] and not encoding.lower().replace("-", "").replace("_", "").startswith(
            ("utf16", "utf32", "ucs")):
        raise SourceError(BINARY)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"not valid {encoding} at byte {exc.start + size - len(data)} (use --encoding to choose another)"
        ) from None
    except LookupError:
        raise SourceError(f"unknown encoding {encoding!r}") from None
    if "\x00" in text:  # past the first 8 KB, or U+0000 in a wide encoding
        raise SourceError(BINARY)
    return text, encoding, bom


NOT_REGULAR = "not a regular file (a pipe, socket or device); use '-' for standard input"


def read_bytes(path: str) -> bytes:
    """A regular file's bytes. The one place files are read: a pipe with no writer or a
    device such as /dev/zero is refused here (opened without blocking, then checked on
    the open descriptor), whether it was named or found in a folder."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb", closefd=True) as fh:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise SourceError(NOT_REGULAR)
            # Back to blocking reads: a regular file never waits, and a partial read must not pass.
            if hasattr(os, "set_blocking"):
                os.set_blocking(fd, True)
            return fh.read()
    except FileNotFoundError:
        raise SourceError("no such file or directory") from None
    except IsADirectoryError:
        raise SourceError("is a directory") from None
    except PermissionError:
        raise SourceError("permission denied") from None
    except OSError as exc:
        raise SourceError(os_reason(exc)) from None


def os_reason(exc: OSError) -> str:
    """A short lowercase reason for an operating-system error."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (too many levels of symbolic links)"
    reason = exc.strerror or str(exc)
    return reason[:1].lower() + reason[1:]


def read_stdin() -> bytes:
    """All of standard input; a closed or unreadable stream is a SourceError, not a crash."""
    stream = getattr(sys.stdin, "buffer", sys.stdin)
    if stream is None or getattr(stream, "closed", False):
        raise SourceError("standard input is closed")
    try:
        data = stream.read()
    except (OSError, ValueError) as exc:  # EBADF, EIO, or a stream closed under us
        raise SourceError(f"cannot read standard input: {os_reason(exc) if isinstance(exc, OSError) else exc}"
                          ) from None
    return data if isinstance(data, bytes) else data.encode()


def read_source(path: str, fmt: str | None = None, encoding: str = "utf-8",
                data: bytes | None = None) -> Source:
    if data is None:
        data = read_bytes(path)
    if (fmt or format_for(path)) == "docx":
        from .docx import read_docx

        return read_docx(path, data)
    text, enc, bom = decode(data, path, encoding)
    return Source(path, text, fmt or format_for(path), enc, bom)


def extract(source: Source, chrome: bool = False) -> Prose:
    """Turn a source into prose, choosing the extractor by format.

    ``chrome``: also an HTML page's navigation, header and footer (the config's
    ``lint-page-chrome``); by default only its content.
    """
    if source.fmt == "markdown":
        from .markdown import extract_markdown

        return extract_markdown(source.text)
    if source.fmt == "docx":
        from .docx import extract_docx

        return extract_docx(source)
    if source.fmt == "html":
        from .html import extract_html

        return extract_html(source.text, chrome=chrome)
    from .text import extract_text

    return extract_text(source.text)
