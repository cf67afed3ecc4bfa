"""Writing a changed ``.docx``: new bytes for the edited parts, the rest copied raw.

Every member that was not edited is copied as its stored bytes (local header, compressed
data, data descriptor), so not one byte of it changes, not even its compression. The new
archive is read back and compared member by member before anyone writes it.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from itertools import pairwise
from typing import Any

from .writing import FixWriteError

# The XML declaration and anything before the root element, kept as the file had them.
_PROLOGUE = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>)?\s*")


def serialise(original: bytes, root: Any) -> bytes:
    """The part's new bytes: its original prologue, then the edited tree in UTF-8."""
    from lxml import etree

    prologue = _PROLOGUE.match(original)
    head = prologue[0] if prologue else b""
    return head + etree.tostring(root, encoding="UTF-8", xml_declaration=False)


def rewrite_zip(data: bytes, replaced: dict[str, bytes]) -> bytes:
    """The archive with ``replaced`` members given new content, in the same order."""
    try:
        src = zipfile.ZipFile(io.BytesIO(data))
        infos = src.infolist()
        ends = _entry_ends(infos, src.start_dir)  # type: ignore[attr-defined]
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as dst:
            for info in infos:
                if info.filename in replaced:
                    dst.writestr(_fresh(info), replaced[info.filename])
                else:
                    _copy_raw(dst, out, info, data[info.header_offset:ends[info.header_offset]])
        new = out.getvalue()
    except (zipfile.BadZipFile, OSError, ValueError, KeyError) as exc:
        raise FixWriteError(f"cannot rewrite the .docx archive ({exc}); not changed") from None
    _verify(data, new, replaced)
    return new


def _entry_ends(infos: list[zipfile.ZipInfo], central: int) -> dict[int, int]:
    """Where each member's stored bytes end: at the next member, or the central directory."""
    starts = sorted({i.header_offset for i in infos} | {central})
    return dict(pairwise(starts))


def _fresh(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    new = zipfile.ZipInfo(info.filename, info.date_time)
    new.compress_type = info.compress_type
    new.external_attr, new.create_system, new.comment = info.external_attr, info.create_system, info.comment
    return new


def _copy_raw(dst: zipfile.ZipFile, out: io.BytesIO, info: zipfile.ZipInfo, stored: bytes) -> None:
    # zipfile has no public "add a stored member": write its bytes where the next member
    # would go, then list it so the central directory names it.
    kept = copy.copy(info)
    kept.header_offset = out.tell()
    out.write(stored)
    dst.filelist.append(kept)
    dst.NameToInfo[kept.filename] = kept
    dst.start_dir = out.tell()  # type: ignore[attr-defined]
    dst._didModify = True  # type: ignore[attr-defined]


def _verify(old: bytes, new: bytes, replaced: dict[str, bytes]) -> None:
    """Every member reads back: the edited ones as written, the others as they were."""
    try:
        a, b = zipfile.ZipFile(io.BytesIO(old)), zipfile.ZipFile(io.BytesIO(new))
        same_names = a.namelist() == b.namelist()
        ok = same_names and b.testzip() is None and all(
            b.read(n) == replaced.get(n) if n in replaced else b.read(n) == a.read(n)
            for n in a.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        ok = False
    if not ok:
        raise FixWriteError("internal check failed: the rewritten .docx does not read back; not changed")
