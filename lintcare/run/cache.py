"""A result cache: a file whose bytes and lint settings are unchanged is not linted again.

The key covers the file's bytes, its format and encoding, a fingerprint of every
setting that can change a result (rule files, config, options) and the lintcare
version, so the cache can only skip work, never change a result. An unreadable or
corrupt entry counts as a miss and is rewritten.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import re
import sqlite3
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import overload

from .. import __version__
from ..findings import Edit, Finding, Fix, severity_counts

CACHE_FORMAT = 4  # 4: rows and severity counts, with a checksum (3 also kept a JSON report)
DB_FILE = "results.sqlite3"
TABLE = "findings"
# Tables of older formats (2: "entries", 3: "results", which also held report bytes),
# dropped on connecting: a table of another shape would make every write fail.
OLD_TABLES = ("entries", "results")
_BATCH = 500  # keys per lookup query (SQLite limits the parameters of one statement)


def fingerprint(*parts: object) -> str:
    """A stable digest of the settings that shape results."""
    h = hashlib.sha256(f"lintcare {__version__} cache {CACHE_FORMAT}".encode())
    for part in parts:
        h.update(b"\0")
        h.update(repr(part).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def file_fingerprint(paths: list[Path]) -> str:
    """Digest of rule or config files' contents (missing files count as empty)."""
    h = hashlib.sha256()
    for p in paths:
        h.update(str(p).encode())
        try:
            h.update(Path(p).read_bytes())
        except OSError:
            h.update(b"<missing>")
    return h.hexdigest()


def _canonical(value: object) -> object:
    """A stable form of a config value: sets sorted, patterns by their text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__,
                tuple((f.name, _canonical(getattr(value, f.name))) for f in dataclasses.fields(value)))
    if isinstance(value, (set, frozenset)):
        return tuple(sorted((_canonical(v) for v in value), key=repr))
    if isinstance(value, (list, tuple)):
        return tuple(_canonical(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((str(k), _canonical(v)) for k, v in value.items()))
    if isinstance(value, re.Pattern):
        return ("re", value.pattern, value.flags)
    if isinstance(value, Path):
        return str(value)
    return value


def config_key(config: object | None) -> str:
    """Digest of a resolved config and the rule files it names (hash-seed independent)."""
    if config is None:
        return ""
    rule_files = list(getattr(config, "rule_files", ()))
    return fingerprint(_canonical(config), file_fingerprint(rule_files))


def _finding_to_json(f: Finding) -> list[object]:
    # A row in field order (without the path, which is the file's): a list decodes and
    # unpacks faster than a mapping.
    fix = None if f.fix is None else [f.fix.safe, [[e.start, e.end, e.replacement] for e in f.fix.edits]]
    return [f.rule, f.category, f.severity, f.message, f.start, f.end, f.line, f.column,
            f.end_line, f.end_column, f.text, f.suggestions, f.scope, fix, f.extra]


def _finding_from_json(row: list, path: str) -> Finding:
    (rule, category, severity, message, start, end, line, column, end_line, end_column, text,
     suggestions, scope, fix, extra) = row
    return Finding(rule, category, severity, message, path, start, end, line, column, end_line,
                   end_column, text, tuple(suggestions), scope,
                   None if fix is None else Fix(tuple(Edit(*e) for e in fix[1]), fix[0]),
                   tuple(map(tuple, extra)) if extra else ())


def _dumps(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, check_circular=False).encode("utf-8", "surrogatepass")


class StoredFindings(Sequence[Finding]):
    """A file's findings in their stored form, decoded only when read.

    ``rows`` decode to the Finding values; ``severities`` counts them. The cache holds
    findings only, never a report's text: every report renders from the findings. A
    run that only needs counts (the summary, the exit code) decodes none of them, and a
    worker sends these bytes to the parent instead of pickled findings.
    """

    __slots__ = ("_items", "_path", "rows", "severities")

    def __init__(self, rows: bytes, severities: dict[str, int], path: str,
                 items: list[Finding] | None = None) -> None:
        self.rows, self.severities = rows, severities
        self._path, self._items = path, items

    @classmethod
    def of(cls, findings: Sequence[Finding], path: str) -> StoredFindings:
        items = list(findings)
        return cls(_dumps([_finding_to_json(f) for f in items]), severity_counts(items), path, items)

    def _decoded(self) -> list[Finding]:
        if self._items is None:
            path = self._path
            self._items = [_finding_from_json(row, path) for row in json.loads(self.rows)]
        return self._items

    def __len__(self) -> int:
        return sum(self.severities.values())

    @overload
    def __getitem__(self, index: int) -> Finding: ...
    @overload
    def __getitem__(self, index: slice) -> list[Finding]: ...
    def __getitem__(self, index: int | slice) -> Finding | list[Finding]:
        return self._decoded()[index]

    def __iter__(self) -> Iterator[Finding]:
        return iter(self._decoded())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, (str, bytes)):
            return self._decoded() == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to a list, which has no hash

    def __repr__(self) -> str:
        return f"StoredFindings({self._decoded()!r})"

    # Pickled as the stored bytes: decoded findings would cross between processes twice.
    def __getstate__(self) -> tuple[bytes, dict[str, int], str]:
        return self.rows, self.severities, self._path

    def __setstate__(self, state: tuple[bytes, dict[str, int], str]) -> None:
        self.rows, self.severities, self._path = state
        self._items = None


def stored(findings: Sequence[Finding], path: str) -> StoredFindings:
    """``findings`` in their stored form (as they are when they already are)."""
    return findings if isinstance(findings, StoredFindings) else StoredFindings.of(findings, path)


# What ruff, pytest and mypy leave in their cache folders: git ignores the folder's
# contents, and backup tools that honour the tag (https://bford.info/cachedir/) skip it.
_CACHE_MARKERS = {
    ".gitignore": "# Created by lintcare automatically.\n*\n",
    "CACHEDIR.TAG": "Signature: 8a477f597d28d172789f06886806bc55\n"
                    "# This file is a cache directory tag created by lintcare.\n",
}


def _remove(db: Path) -> bool:
    """Remove a cache file that is no database; False when it cannot go (a folder there)."""
    try:
        db.unlink(missing_ok=True)
    except OSError:
        return False
    return True


def _mark_cache_folder(folder: Path) -> None:
    """Write the markers once; a folder that cannot take them still caches."""
    for name, text in _CACHE_MARKERS.items():
        marker = folder / name
        if not marker.exists():
            with contextlib.suppress(OSError):
                marker.write_text(text, encoding="utf-8")


class ResultCache:
    def __init__(self, folder: Path, settings: str) -> None:
        self.folder = Path(folder)
        self.settings = settings
        self.hits = 0
        self.misses = 0
        # config_key per config object, for this run (the config is kept, so its id stays its own).
        self._config_keys: dict[int, tuple[object, str]] = {}
        self._con: sqlite3.Connection | None = None
        self._pid: int | None = None

    def config_key(self, config: object | None) -> str:
        """``config_key(config)``, computed once per config in a run rather than once per file."""
        found = self._config_keys.get(id(config))
        if found is None or found[0] is not config:
            found = self._config_keys[id(config)] = (config, config_key(config))
        return found[1]

    def key(self, data: bytes, fmt: str, encoding: str) -> str:
        h = hashlib.sha256(data)
        h.update(f"\0{fmt}\0{encoding}\0{self.settings}".encode())
        return h.hexdigest()

    # -- storage: one SQLite file. A file per entry cost more in file-system time than
    # linting the page (about 0.5 ms each on a fresh folder); one database and one
    # transaction per run cost a few milliseconds for a thousand entries.
    def _db(self) -> sqlite3.Connection | None:
        """This process's connection (a connection must never cross a fork)."""
        if self._pid != os.getpid():
            self._con, self._pid = self._connect(), os.getpid()
        return self._con

    def _connect(self) -> sqlite3.Connection | None:
        db = self.folder / DB_FILE
        for attempt in range(2):
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                _mark_cache_folder(self.folder)
                con = sqlite3.connect(db, timeout=10, isolation_level=None)
                # A lost write only costs speed: no waiting for the disk.
                con.execute("PRAGMA synchronous=OFF")
                con.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} (key TEXT PRIMARY KEY, "
                            "head TEXT NOT NULL, rows BLOB NOT NULL)")
                for old in OLD_TABLES:
                    con.execute(f"DROP TABLE IF EXISTS {old}")
                return con
            except sqlite3.DatabaseError:  # not a database (a corrupt file): start afresh
                if attempt > 0 or not _remove(db):
                    break
            except (OSError, sqlite3.Error):
                break
        return None  # no cache this run: every file is linted

    def get_many(self, wanted: list[tuple[str, str]]) -> dict[str, StoredFindings]:
        """Key -> findings for each (key, path) with a valid entry; the rest are misses."""
        rows: dict[str, tuple[str, bytes]] = {}
        con = self._db()
        keys = [key for key, _ in wanted]
        try:
            for i in range(0, len(keys) if con is not None else 0, _BATCH):
                chunk = keys[i:i + _BATCH]
                marks = ",".join("?" * len(chunk))
                for key, *value in con.execute(  # type: ignore[union-attr]
                        f"SELECT key, head, rows FROM {TABLE} WHERE key IN ({marks})", chunk):
                    rows[key] = value  # type: ignore[assignment]
        except sqlite3.Error:
            rows = {}
        found: dict[str, StoredFindings] = {}
        for key, path in wanted:
            findings = _entry(rows.get(key), path)
            if findings is not None:
                found[key] = findings
        self.hits += len(found)
        self.misses += len(wanted) - len(found)
        return found

    def get(self, key: str, path: str) -> StoredFindings | None:
        return self.get_many([(key, path)]).get(key)

    def put_many(self, entries: list[tuple[str, Sequence[Finding]]]) -> None:
        """Store entries in one transaction (a corrupt or old entry is replaced)."""
        con = self._db()
        if con is None or not entries:
            return
        rows = []
        for key, findings in entries:
            found = stored(findings, "")
            head = json.dumps({"format": CACHE_FORMAT, "severities": found.severities,
                               "crc": zlib.crc32(found.rows)})
            rows.append((key, head, found.rows))
        try:
            with con:
                con.execute("BEGIN")
                con.executemany(f"INSERT OR REPLACE INTO {TABLE} VALUES (?, ?, ?)", rows)
        except sqlite3.Error:
            pass  # a cache that cannot be written only costs speed

    def put(self, key: str, findings: Sequence[Finding]) -> None:
        self.put_many([(key, findings)])


def _entry(value: tuple[str, bytes] | None, path: str) -> StoredFindings | None:
    """An entry's findings; None for a missing, corrupt or old-format entry (a miss).

    The findings are decoded only when read, so the checksum stands for that check now."""
    if value is None:
        return None
    try:
        head_text, rows = value
        head = json.loads(head_text)
        if head["format"] != CACHE_FORMAT or head["crc"] != zlib.crc32(rows):
            return None
        severities = {str(k): int(v) for k, v in head["severities"].items()}
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    return StoredFindings(rows, severities, path)
