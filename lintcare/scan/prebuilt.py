"""The built-in rules' parsing and regex work, done once at build time, not at every start.

Loading rules.yaml parses 180 kB of YAML, compiles about 700 regular expressions and
parses each a few more times to find its anchors, its fast scan form and its loose
form for the block filter (anchors.py, fastregex.py, blockfilter.py); that was most of
a small run's start-up. Two things make it cheap:

* ``data/regex-table.json`` holds the results of those parse-based analyses for every
  pattern the built-in rules use, keyed by the pattern text, so they are looked up
  instead of computed. A pattern not in the table (a team's rule file, an edited
  rules.yaml) is analysed at run time as before.
* A pattern the table lists as compiling is handed out as a ``LazyPattern``, compiled
  on first use: a run compiles only the rules its pages can trigger. Any other pattern
  is compiled at once, so an invalid one still stops the run while rules load.

The table is used only when it was made by this Python version from the current
analysis code (a digest of those three files), so none of them can change a result; a
test fails when the table is out of date (after any edit of rules.yaml or of them).
Regenerate it with

    python -m lintcare.scan.prebuilt
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

HERE = Path(__file__).resolve().parent.parent  # the package folder (data/ lives there)
TABLE_PATH = HERE / "data" / "regex-table.json"
# The code whose results the table holds; the regex parser is the Python version's.
ANALYSIS_SOURCES = ("anchors.py", "blockfilter.py", "fastregex.py")

F = TypeVar("F", bound=Callable[[str], Any])
# What the table knows of a compiled pattern: flags, number of groups, group names.
Compiled = tuple[int, int, dict[str, int]]
_MISSING = object()


class _State:
    table: dict[str, Any] | None = None
    # While the table is being made: every call made and every pattern compiled.
    recording: dict[str, Any] | None = None


def python_version() -> str:
    return f"{sys.version_info[0]}.{sys.version_info[1]}"


def analysis_digest() -> str:
    h = hashlib.sha256(f"python {python_version()}".encode())
    for name in ANALYSIS_SOURCES:
        h.update(b"\0" + (HERE / "scan" / name).read_bytes())
    return h.hexdigest()


def _table() -> dict[str, Any]:
    if _State.table is None:
        _State.table = _read_table()
    return _State.table


def _read_table() -> dict[str, Any]:
    try:
        data = json.loads(TABLE_PATH.read_text(encoding="utf-8"))
        if data.get("analysis") == analysis_digest():
            return data
    except (OSError, ValueError, AttributeError):
        pass
    return {}  # missing or made by other code: everything is computed at run time


def _tuples(value: Any) -> Any:
    """JSON lists back to the tuples the analysis functions return."""
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def precomputed(fn: F) -> F:
    """Look ``fn(pattern)`` up in the table; ``fn`` must depend on the pattern text only."""
    name = fn.__name__

    @wraps(fn)
    def lookup(pattern: str) -> Any:
        if _State.recording is not None:
            result = fn(pattern)
            _State.recording["calls"].setdefault(name, {})[pattern] = result
            return result
        found = _table().get("calls", {}).get(name, {}).get(pattern, _MISSING)
        return fn(pattern) if found is _MISSING else _tuples(found)

    return lookup  # type: ignore[return-value]


class LazyPattern:
    """A pattern known to compile, compiled on its first use, then the real thing.

    ``pattern``, ``flags``, ``groups`` and ``groupindex`` (as ``re.compile`` sets them) are
    known at once: asking whether a pattern has a named group compiles nothing. After
    the first use, the compiled pattern's methods sit on the instance, so calls cost
    what calls on a ``re.Pattern`` cost.
    """

    def __init__(self, pattern: str, flags: int, known: Compiled) -> None:
        self.pattern = pattern
        self._flags = flags
        self._known = known
        self.flags, self.groups, names = known
        self.groupindex = MappingProxyType(names)

    def compiled(self) -> re.Pattern[str]:
        compiled = re.compile(self.pattern, self._flags)
        for name in ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split",
                     "scanner"):
            setattr(self, name, getattr(compiled, name))
        self.compiled = lambda: compiled  # type: ignore[method-assign]
        return compiled

    def __getattr__(self, name: str) -> Any:
        # Only reached for what the instance does not hold yet.
        if name.startswith("__") or name in ("pattern", "_flags", "_known"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __reduce__(self) -> tuple[Any, ...]:
        return LazyPattern, (self.pattern, self._flags, self._known)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self._flags})"


def is_standard(pattern: object) -> bool:
    """A standard-library regex, compiled or still to be: not a team's (userregex.py)."""
    return isinstance(pattern, (re.Pattern, LazyPattern))


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile``, deferred for a pattern the table knows compiles."""
    key = f"{flags}\0{pattern}"
    if _State.recording is not None:
        compiled = re.compile(pattern, flags)
        _State.recording["compiled"][key] = [compiled.flags, compiled.groups, dict(compiled.groupindex)]
        return compiled
    known = _table().get("compiled", {}).get(key)
    if known is None:
        return re.compile(pattern, flags)
    return LazyPattern(pattern, flags, tuple(known))  # type: ignore[return-value,arg-type]


# -- building ------------------------------------------------------------------------
def build_table() -> dict[str, Any]:
    """The table for the built-in rules, computed afresh by loading them."""
    from ..rules.loader import load_rules

    _State.recording = {"calls": {}, "compiled": {}}
    try:
        rules = load_rules()
        scanner = rules.scanner
        scanner.anchor_index  # noqa: B018 - derives every anchor set the rules ask for
        from .loose import superset_pattern

        for pattern in scanner.filter_patterns():  # the loose form of every regex, re2 or not
            superset_pattern(pattern)
        from .fastregex import FastRegex

        for fact in rules.facts.values():  # their scan forms, made on a page's first question
            FastRegex(fact.pattern.regex)
        from ..context import META

        # The meta-language pattern of context.py and its scan, made when it is imported.
        FastRegex(compile_pattern(META.pattern, re.IGNORECASE))
        made = _State.recording
    finally:
        _State.recording = None
    calls = {name: dict(sorted(found.items())) for name, found in sorted(made["calls"].items())}
    return {"python": python_version(), "analysis": analysis_digest(),
            "compiled": dict(sorted(made["compiled"].items())), "calls": calls}


def render_table(table: dict[str, Any]) -> str:
    return json.dumps(table, indent=0, ensure_ascii=False) + "\n"


def main() -> None:
    TABLE_PATH.write_text(render_table(build_table()), encoding="utf-8")
    _State.table = None
    print(f"wrote {TABLE_PATH}")


if __name__ == "__main__":  # pragma: no cover
    # The rule modules record into the imported module, not into this __main__ copy.
    from lintcare.scan.prebuilt import main as _main

    _main()
