"""Temporary files that an interrupted ``--fix`` left behind (kill -9 between writing the
new bytes and the rename), removed by the next ``--fix`` in that folder.

``write_atomic`` names them ``.<file name>.<8 random characters>.lintcare-tmp`` beside the
file it replaces: hidden, with a suffix no format claims, so a folder walk never lints
them. Only one older than ``STALE_AFTER`` goes: a younger one may belong to another
``--fix`` running in the same folder right now.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
from collections.abc import Iterable

STALE_AFTER = 60.0  # seconds; writing a file's temporary copy takes milliseconds
# tempfile.mkstemp's random part: 8 of [a-z0-9_].
TEMP_NAME = re.compile(r"\..+\.[a-z0-9_]{8}\.lintcare-tmp")


def fixed_folder(path: str) -> str:
    """Where ``write_atomic`` puts a file's temporary copy: beside the real file."""
    return os.path.dirname(os.path.realpath(path)) or "."


def remove_stale(folders: Iterable[str], now: float | None = None) -> list[str]:
    """Remove stale temporary files of lintcare's naming in each folder; the paths removed."""
    now = time.time() if now is None else now
    removed: list[str] = []
    for folder in sorted(set(folders)):
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue  # a folder that cannot be listed: the fix reports what matters
        for entry in entries:
            if TEMP_NAME.fullmatch(entry.name) and _stale(entry, now):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed.append(entry.path)
    return removed


def _stale(entry: os.DirEntry[str], now: float) -> bool:
    try:
        st = entry.stat(follow_symlinks=False)
    except OSError:
        return False
    return stat.S_ISREG(st.st_mode) and now - st.st_mtime > STALE_AFTER
