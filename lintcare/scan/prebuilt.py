"""The built-in rules' regex analysis, made once and cached on disk, not at every start.

Loading rules.yaml compiles about 700 regular expressions and parses each a few more
times to find its anchors and its fast scan forms (anchors.py, fastregex.py,
lowering.py); that was most of a small run's
start-up. Two things make it cheap:

* A table holds the results of those parse-based analyses for every pattern the
  built-in rules use, keyed by the pattern text, so they are looked up instead of
  computed. A pattern not in the table (a team's rule file) is analysed at run time.
* A pattern the table lists as compiling is handed out as a ``LazyPattern``, compiled
  on first use: a run compiles only the rules its pages can trigger. Any other pattern
  is compiled at once, so an invalid one still stops the run while rules load.
* The table also holds each pattern's compiled program (what ``re`` makes of it), so a
  first use only hands that to ``_sre`` instead of parsing and compiling the pattern:
  compiling cost a one-page run about 0.2 s.

The table is made on first use and cached in ``$LINTCARE_CACHE_DIR`` (else
``$XDG_CACHE_HOME/lintcare``, else ``~/.cache/lintcare``), in a file named by a digest of
rules.yaml, the analysis code and the Python version: editing any of them makes a new
table on the next run, with no manual step. A file that cannot be written only costs
the next run the same half second; one that cannot be read, or was made from other
inputs, is ignored.
"""

from __future__ import annotations

import _sre
import array
import base64
import hashlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

HERE = Path(__file__).resolve().parent  # the scan package
# The code whose results the table holds; the regex parser is the Python version's.
ANALYSIS_SOURCES = ("anchors.py", "charscan.py", "fastregex.py", "lowering.py", "pattern.py", "prebuilt.py")
TABLE_FORMAT = 2

F = TypeVar("F", bound=Callable[[str], Any])
# What the table knows of a compiled pattern: flags, number of groups, group names, and
# its program (base64 of re's code words; "" when it cannot be stored).
Compiled = tuple[int, int, dict[str, int], str]
_MISSING = object()


class _State:
    table: dict[str, Any] | None = None
    # While the table is being made: every call made and every pattern compiled.
    recording: dict[str, Any] | None = None
    builder: Callable[[], Any] | None = None  # see use_table_builder


def python_version() -> str:
    return f"{sys.version_info[0]}.{sys.version_info[1]}"


def table_key() -> str:
    """What the table's results depend on: the built-in rules, the analysis code and
    the Python version (its regex parser)."""
    from ..paths import default_rules_path

    h = hashlib.sha256(f"python {python_version()} sre {_sre.MAGIC} table {TABLE_FORMAT}".encode())
    for path in (default_rules_path(), *(HERE / name for name in ANALYSIS_SOURCES)):
        try:
            h.update(b"\0" + path.read_bytes())
        except OSError:
            h.update(b"\0missing")
    return h.hexdigest()


def cache_dir() -> Path:
    from ..run.trust import user_cache_dir  # one place decides where the user's cache lives

    return user_cache_dir()


def table_path(key: str) -> Path:
    return cache_dir() / f"regex-table-{key[:24]}.json"


def _table() -> dict[str, Any]:
    if _State.table is None:
        _State.table = {}  # while the table is being made, everything is computed
        _State.table = _read_table() or _make_table()
    return _State.table


def _read_table(key: str | None = None) -> dict[str, Any]:
    """The cached table for these inputs; {} when there is none, or it is unreadable or
    was made from others (a stale file is never used)."""
    key = key or table_key()
    try:
        data = json.loads(table_path(key).read_text(encoding="utf-8"))
        if data.get("key") == key and isinstance(data.get("calls"), dict) \
                and isinstance(data.get("compiled"), dict):
            return data
    except (OSError, ValueError, AttributeError):
        pass
    return {}


def _make_table() -> dict[str, Any]:
    """Make the table and cache it; {} (everything computed at run time) if it fails."""
    key = table_key()
    try:
        table = build_table()
    except Exception:  # a broken rules.yaml: the real load reports it
        return {}
    table["key"] = key
    text = render_table(table)
    _write(table_path(key), text)
    return json.loads(text)  # this run uses what later runs will read


def _write(path: Path, text: str) -> None:
    """Write atomically (a reader sees the old file or the whole new one); silent on
    failure: a cache that cannot be written only costs speed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".regex-table-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(tmp, path)
        except OSError:
            os.unlink(tmp)
            return
        _prune(path)
    except OSError:
        pass


KEEP_TABLES = 4  # tables of other inputs kept (checkouts side by side, a switch of branch)


def _prune(current: Path) -> None:
    """Remove all but the newest few tables: each edit of rules.yaml makes a new one."""
    tables = sorted((p for p in current.parent.glob("regex-table-*.json") if p != current),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    for old in tables[KEEP_TABLES:]:
        old.unlink(missing_ok=True)


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
        self.flags, self.groups, names = known[:3]
        self.groupindex = MappingProxyType(names)

    def compiled(self) -> re.Pattern[str]:
        compiled = _from_program(self.pattern, self._known) or re.compile(self.pattern, self._flags)
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


# re's code words are unsigned ints of _sre.CODESIZE bytes.
_CODE_TYPE = next((t for t in "IL" if array.array(t).itemsize == _sre.CODESIZE), "")


def _program(pattern: str, flags: int) -> str:
    """``re.compile``'s program for the pattern, as stored in the table."""
    from re import _compiler, _parser

    if not _CODE_TYPE:
        return ""
    code = _compiler._code(_parser.parse(pattern, flags), flags)
    return base64.b64encode(array.array(_CODE_TYPE, code).tobytes()).decode("ascii")


def _from_program(pattern: str, known: Compiled) -> re.Pattern[str] | None:
    """What ``re.compile`` gives, made from the stored program (as ``re._compiler.compile``
    makes it); None when there is none or this Python will not take it."""
    flags, groups, names, program = (*known, "")[:4]
    if not program or not _CODE_TYPE:
        return None
    index: list[str | None] = [None] * (groups + 1)
    for name, i in names.items():
        index[i] = name
    try:
        code = array.array(_CODE_TYPE, base64.b64decode(program)).tolist()
        return _sre.compile(pattern, flags, code, groups, dict(names), tuple(index))
    except (TypeError, ValueError, RuntimeError):  # pragma: no cover - another Python's internals
        return None


def is_standard(pattern: object) -> bool:
    """A standard-library regex, compiled or still to be: not a team's (userregex.py)."""
    return isinstance(pattern, (re.Pattern, LazyPattern))


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile``, deferred for a pattern the table knows compiles."""
    key = f"{flags}\0{pattern}"
    if _State.recording is not None:
        compiled = re.compile(pattern, flags)
        _State.recording["compiled"][key] = [compiled.flags, compiled.groups, dict(compiled.groupindex),
                                             _program(pattern, flags)]
        return compiled
    known = _table().get("compiled", {}).get(key)
    if known is None:
        return re.compile(pattern, flags)
    return LazyPattern(pattern, flags, tuple(known))  # type: ignore[return-value,arg-type]


def kept_rules(text: str, parse: Callable[[str], Any]) -> Any:
    """``parse(text)`` for the built-in rule file, kept in the table when it is made (the
    YAML parse and the yaml import cost a run's start-up about 0.1 s): a fresh copy of
    what the table holds for this very text, else parsed now."""
    stored = _table().get("rules")
    if isinstance(stored, list) and stored[:1] == [_digest(text)]:
        return json.loads(stored[1])
    data = parse(text)
    if _State.recording is not None:
        kept = json.dumps(data, ensure_ascii=False)
        if json.loads(kept) == data:  # JSON holds it as it is
            _State.recording["rules"] = [_digest(text), kept]
    return data


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# -- building ------------------------------------------------------------------------
def use_table_builder(builder: Callable[[], Any]) -> None:
    """Register what makes the table: a function that loads the built-in rules and runs,
    through ``Scanner.analyse_all``, every analysis they will ask for. The rule loader
    registers it (scan does not import the layers above it)."""
    _State.builder = builder
    if _State.table == {} and _State.recording is None:
        _State.table = None  # asked before a builder existed: try again


def build_table() -> dict[str, Any]:
    """The table for the built-in rules, computed afresh while the builder runs."""
    if _State.builder is None:
        raise LookupError("no table builder registered")
    _State.recording = {"calls": {}, "compiled": {}}
    try:
        _State.builder()
        made = _State.recording
    finally:
        _State.recording = None
    calls = {name: dict(sorted(found.items())) for name, found in sorted(made["calls"].items())}
    return {"python": python_version(), "compiled": dict(sorted(made["compiled"].items())),
            "calls": calls, **({"rules": made["rules"]} if "rules" in made else {})}


def render_table(table: dict[str, Any]) -> str:
    return json.dumps(table, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
