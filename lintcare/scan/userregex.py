"""Regular expressions from a team's own rule files: the ``regex`` module, with a timeout.

The built-in rules (rules.yaml) ship with the linter, are tested with it and compile
with the standard library, whose scans fastregex.py makes fast. A team's rule
file may hold a pattern that backtracks catastrophically: ``(a|aa)+$`` on a run of
sixty a's would run for longer than any CI job. Its patterns are compiled with
``regex`` and every call carries a timeout that grows with the length of the text it
scans, so a linear pattern on a 50 MB page still finishes. A timeout raises
``RegexTimeout`` naming the rule file and the rule; the engine skips that rule on that
page, keeps every other finding, and the file is reported as an error (exit code 2).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

# Seconds a call may take: a base, plus a share per million characters scanned
# (a linear pattern scans a million characters in well under a tenth of that).
BASE_TIMEOUT = 1.0
PER_MILLION_CHARS = 1.0
# Seconds all of a team's patterns may take on one file together: without it, a hundred
# blocks each just under the per-call limit would take minutes and report nothing.
FILE_BUDGET = 5.0


class _Budget:
    deadline: float | None = None  # monotonic time when this file's budget runs out
    seconds = 0.0


@contextmanager
def file_budget(text_length: int) -> Iterator[None]:
    """Every team pattern called inside shares one budget for this file: FILE_BUDGET
    seconds plus the per-million-characters share. Nested calls keep the outer budget."""
    if _Budget.deadline is not None:
        yield
        return
    _Budget.seconds = FILE_BUDGET + PER_MILLION_CHARS * text_length / 1_000_000
    _Budget.deadline = time.monotonic() + _Budget.seconds
    try:
        yield
    finally:
        _Budget.deadline = None


class RegexTimeout(Exception):
    """A team's regular expression ran out of time; the message is one line."""


class TimedPattern:
    """A compiled ``regex`` pattern that behaves like ``re.Pattern`` for the calls the
    linter makes (search, match, fullmatch, finditer), each with a timeout."""

    __slots__ = ("_compiled", "flags", "groupindex", "groups", "pattern", "where")

    def __init__(self, compiled: Any, where: str) -> None:
        self._compiled = compiled
        self.pattern: str = compiled.pattern
        self.flags: int = compiled.flags
        self.groupindex = compiled.groupindex
        self.groups: int = compiled.groups
        self.where = where  # "FILE: rule 'ID': field 'F'"

    def _limit(self, string: str, pos: int, endpos: int | None) -> float:
        end = len(string) if endpos is None else min(endpos, len(string))
        return BASE_TIMEOUT + PER_MILLION_CHARS * max(0, end - pos) / 1_000_000

    def _call(self, method: str, string: str, pos: int, endpos: int | None) -> Any:
        limit = self._limit(string, pos, endpos)
        if _Budget.deadline is not None:
            left = _Budget.deadline - time.monotonic()
            if left <= 0:
                raise RegexTimeout(f"{self.where}: the file's {_Budget.seconds:.0f}s for team patterns "
                                   "ran out (catastrophic backtracking?)")
            limit = min(limit, left)
        try:
            result = getattr(self._compiled, method)(string, pos, endpos, timeout=limit)
            # finditer's matches are collected at once: regex's timeout counts the whole
            # iteration, and the caller's work between matches must not count against it.
            return iter(list(result)) if method == "finditer" else result
        except TimeoutError:
            raise RegexTimeout(
                f"{self.where}: regular expression timed out after {limit:.1f}s "
                "(catastrophic backtracking?)"
            ) from None

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._call("search", string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._call("match", string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._call("fullmatch", string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Iterator[Any]:
        return self._call("finditer", string, pos, endpos)

    def __repr__(self) -> str:
        return f"TimedPattern({self.pattern!r})"


def compile_timed(pattern: str, ignore_case: bool, where: str) -> TimedPattern:
    """Compile with ``regex`` (version 0: the standard library's syntax); raises ``re.error``."""
    import regex  # only a run with a team's rule file pays for the import

    flags = regex.VERSION0 | (regex.IGNORECASE if ignore_case else 0)
    try:
        return TimedPattern(regex.compile(pattern, flags), where)
    except regex.error as exc:
        raise re.error(str(exc)) from None
