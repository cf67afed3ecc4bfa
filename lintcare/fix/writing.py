"""Writing fixed text back: byte-exact outside the edits, atomic, never over a changed file.

The original bytes are kept from the moment the file is read. Only the changed regions
are encoded; every other byte is copied from the original, so the encoding, a BOM and
line endings (LF, CRLF, lone CR) stay exactly as they were. The result is checked by
decoding it again before anything is written.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import stat
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..sources import Source, SourceError, decode
from ..sources import read_bytes as read_source_bytes
from .apply import Change, FixResult, fix_source

if TYPE_CHECKING:
    from ..config import Config
    from ..findings import Finding
    from ..rules.loader import RuleSet

_BOMS = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
         "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}


class FixWriteError(Exception):
    """A fixed file cannot be written; the message is one line for the user.

    ``original``, when known, is the file as read and its findings before any fix: a file
    left unchanged is reported with those, not as fixed.
    """

    def __init__(self, message: str, original: tuple[Source, list[Finding]] | None = None) -> None:
        super().__init__(message)
        self.original = original


@dataclass(frozen=True, slots=True)
class ReadFile:
    """A file's bytes exactly as read: the reference for "changed on disk since"."""

    path: str
    data: bytes


def read_bytes(path: str) -> ReadFile:
    try:
        return ReadFile(path, read_source_bytes(path))
    except SourceError as exc:  # the same one-line reasons as when linting
        raise FixWriteError(str(exc)) from None


def _prefix(source: Source, data: bytes) -> bytes:
    """The bytes before the text (a BOM), after checking the text re-encodes to the rest.

    Only then are byte offsets computed by encoding slices exact.
    """
    try:
        body = source.text.encode(source.encoding)
    except (UnicodeEncodeError, LookupError):
        raise FixWriteError(f"cannot re-encode the text as {source.encoding}; not changed") from None
    prefix = data[:len(data) - len(body)] if data.endswith(body) else None
    expected = _BOMS.get(source.encoding.lower(), b"") if source.bom else b""
    if prefix is None or prefix != expected:
        raise FixWriteError(f"the file does not round-trip through {source.encoding}; not changed")
    return prefix


def _is_unicode(encoding: str) -> bool:
    return codecs.lookup(encoding).name.startswith(("utf-", "utf_"))


def _check_single_byte(source: Source, data: bytes, changes: Sequence[Change]) -> None:
    """A fix adding a non-ASCII character to a file read as a legacy encoding (latin-1,
    cp1252...) whose bytes are also valid UTF-8 beyond ASCII: the file is almost certainly
    UTF-8 read with the wrong ``--encoding``, and the new bytes (``®`` as AE) would break it."""
    added = next((c.text for c in changes if not c.text.isascii()), None)
    if added is None or _is_unicode(source.encoding) or data.isascii():
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return  # not UTF-8: the encoding given is the file's own
    raise FixWriteError(f"the file reads as UTF-8, not {source.encoding}, and a fix adds {added!r}, "
                        f"which {source.encoding} would write as bytes that break it; not changed "
                        "(check --encoding)")


def encode_changes(source: Source, data: bytes, changes: Sequence[Change]) -> bytes:
    """New file bytes: the original bytes with only the changed regions re-encoded."""
    if not changes:
        return data
    _check_single_byte(source, data, changes)
    prefix = _prefix(source, data)
    text, enc = source.text, source.encoding
    out = [prefix]
    char_pos, byte_pos = 0, len(prefix)
    for c in sorted(changes, key=lambda c: c.start):
        # Walk to the change: the bytes of the unchanged text are copied, not re-encoded.
        keep = len(text[char_pos:c.start].encode(enc))
        out.append(data[byte_pos:byte_pos + keep])
        byte_pos += keep
        old = len(text[c.start:c.end].encode(enc))
        try:
            out.append(c.text.encode(enc))
        except UnicodeEncodeError:
            raise FixWriteError(f"a fix needs characters that {enc} cannot encode ({c.text!r}); "
                                "not changed") from None
        byte_pos += old
        char_pos = c.end
    out.append(data[byte_pos:])
    return b"".join(out)


def check_encoded(source: Source, new: bytes, fixed_text: str) -> None:
    """The written bytes must decode to exactly the fixed text."""
    prefix = _BOMS.get(source.encoding.lower(), b"") if source.bom else b""
    if not new.startswith(prefix) or new[len(prefix):].decode(source.encoding, "replace") != fixed_text:
        raise FixWriteError("internal check failed: the fixed bytes do not decode to the fixed text; "
                            "not changed")


def fix_data(data: bytes, path: str, fmt: str, ruleset: RuleSet, unsafe: bool = False,
             encoding: str = "utf-8", config: Config | None = None) -> tuple[bytes, FixResult, Source]:
    """Fix a file's bytes: (new bytes, the fix result, the decoded original).

    Raises SourceError (cannot decode) or FixWriteError (cannot encode the result).
    """
    text, enc, bom = decode(data, path, encoding)
    source = Source(path, text, fmt, enc, bom)
    result = fix_source(source, ruleset, unsafe, config=config)
    try:
        new = encode_changes(source, data, result.changes)
        check_encoded(source, new, result.text)
    except FixWriteError as exc:
        raise FixWriteError(str(exc), (source, result.first)) from None
    return new, result, source


def _writable(st: os.stat_result) -> bool:
    # The write bits, not os.access: an administrator may write anything, but a file
    # someone made read-only is a decision lintcare respects.
    return bool(stat.S_IMODE(st.st_mode) & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def write_atomic(read: ReadFile, new: bytes) -> None:
    """Replace the file with ``new``: temporary file beside it, then ``os.replace``.

    Refuses a read-only file, a file whose bytes changed since ``read``, and a file with
    more than one hard link: the rename would give only this name the fixed text, and
    writing in place is not atomic (a full disk midway would leave half a page).
    """
    real = os.path.realpath(read.path)  # write through a symlink, keep the link
    try:
        st = os.stat(real)
    except OSError as exc:
        raise FixWriteError(exc.strerror or str(exc)) from None
    if not _writable(st) or not os.access(real, os.W_OK):
        raise FixWriteError("read-only file, not changed")
    if st.st_nlink > 1:
        raise FixWriteError(f"the file has {st.st_nlink} hard links, which replacing it would split; "
                            "not changed (--diff shows the fixes)")
    _check_unchanged(real, read)
    folder, name = os.path.split(real)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".lintcare-tmp", dir=folder or ".")
    except OSError as exc:
        raise FixWriteError(f"cannot write beside it: {exc.strerror or exc}; not changed") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(new)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        if hasattr(os, "chown") and (st.st_uid, st.st_gid) != _owner(tmp):
            with contextlib.suppress(OSError):  # only an administrator may give files away
                os.chown(tmp, st.st_uid, st.st_gid)
        _check_unchanged(real, read)  # once more, right before the swap
        os.replace(tmp, real)
        _sync_folder(folder or ".")
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise FixWriteError(f"cannot write: {exc.strerror or exc}; not changed") from None
        raise


def _sync_folder(folder: str) -> None:
    """Make the rename durable; best effort (not every system can open a folder)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _owner(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_uid, st.st_gid


def _check_unchanged(real: str, read: ReadFile) -> None:
    try:
        st = os.stat(real)
        same = st.st_size == len(read.data) and Path(real).read_bytes() == read.data
    except OSError:
        same = False
    if not same:
        raise FixWriteError("changed on disk since it was read; not overwritten")
