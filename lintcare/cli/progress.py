"""A one-line progress bar on standard error, for long runs watched at a terminal.

It is shown only when both standard output and standard error are terminals, more than
``MIN_FILES`` files are linted, the report is text and no CI variable is set: a bar in a
log file, a pipe or a machine-read report would only be noise.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import IO, Any, TypeVar

T = TypeVar("T")
MIN_FILES = 20
_WIDTH = 24


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


def under_ci(environ: Mapping[str, str]) -> bool:
    return environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def wanted(n_files: int, stdout: Any, stderr: Any, environ: Mapping[str, str] | None = None) -> bool:
    env = os.environ if environ is None else environ
    return n_files > MIN_FILES and _isatty(stdout) and _isatty(stderr) and not under_ci(env)


def track(items: Sequence[T], stream: IO[str], label: Callable[[T], str]) -> Iterator[T]:
    """Yield the items, redrawing the bar before each; the line is cleared at the end."""
    total = len(items)
    columns = shutil.get_terminal_size((80, 24)).columns - 1
    try:
        for done, item in enumerate(items):
            filled = _WIDTH * done // total
            line = f"lintcare [{'#' * filled}{'.' * (_WIDTH - filled)}] {done}/{total} {label(item)}"
            stream.write("\r" + line[:columns].ljust(columns))
            stream.flush()
            yield item
    finally:
        stream.write("\r" + " " * columns + "\r")
        stream.flush()
