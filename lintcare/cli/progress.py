"""A one-line progress bar on standard error, for long runs watched at a terminal.

It is shown only when both standard output and standard error are terminals, more than
``MIN_FILES`` files are linted, the report is text and no CI variable is set: a bar in a
log file, a pipe or a machine-read report would only be noise.

The bar counts files as the workers finish them, through a counter in shared memory that
a thread reads: the parent receives results a task (a share of the files) at a time, so
a bar drawn from them stood at ``0/640`` until a worker's first task was done.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable, Mapping
from typing import IO, Any

MIN_FILES = 20
_WIDTH = 24
INTERVAL = 0.1  # seconds between redraws


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


def bar_line(done: int, total: int, columns: int) -> str:
    filled = _WIDTH * done // total if total else _WIDTH
    line = f"lintcare [{'#' * filled}{'.' * (_WIDTH - filled)}] {done}/{total} files"
    return line[:columns].ljust(columns)


class SharedCounter:
    """Files finished, counted by every worker process (forked after it is made)."""

    def __init__(self) -> None:
        import multiprocessing as mp

        self._value = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else None).Value("i", 0)

    def add(self) -> None:
        with self._value.get_lock():
            self._value.value += 1

    def __call__(self) -> int:
        return int(self._value.value)


class LiveBar:
    """Redraws ``done()`` of ``total`` every ``interval`` seconds until closed; the line is
    cleared at the end."""

    def __init__(self, total: int, stream: IO[str], done: Callable[[], int],
                 interval: float = INTERVAL) -> None:
        self.total, self.stream, self.done, self.interval = total, stream, done, interval
        self.columns = shutil.get_terminal_size((80, 24)).columns - 1
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="lintcare-progress", daemon=True)

    def _draw(self) -> None:
        self.stream.write("\r" + bar_line(min(self.done(), self.total), self.total, self.columns))
        self.stream.flush()

    def _run(self) -> None:
        self._draw()
        while not self._stop.wait(self.interval):
            self._draw()

    def __enter__(self) -> LiveBar:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.stream.write("\r" + " " * self.columns + "\r")
        self.stream.flush()
