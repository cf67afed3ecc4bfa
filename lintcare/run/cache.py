"""A result cache: a file whose bytes and lint settings are unchanged is not linted again.

The key covers the file's bytes, its format and encoding, a fingerprint of every
setting that can change a result (rule files, config, options), the lintcare version
and a digest of lintcare's own code and data, so the cache can only skip work, never
change a result. Each row carries a MAC made with the user's secret key (see trust.py):
a row that does not verify, or whose fields are not what this code writes, counts as a
miss and is rewritten.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import hmac
import json
import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import overload

from .. import __version__
from ..findings import SEVERITIES, Finding, severity_counts
from .rows import decode_rows, dumps, finding_to_json
from .trust import CacheKeyError, code_digest, mac, secret

CACHE_FORMAT = 5  # 5: rows and severity counts under a keyed MAC (4 had a CRC, 3 kept a JSON report)
DB_FILE = "results.sqlite3"
TABLE = "findings"
COLUMNS = ("key", "head", "rows")
# Tables of older formats (2: "entries", 3: "results", which also held report bytes),
# dropped on connecting; a findings table of other columns is made again: a table of
# another shape would make every write fail.
OLD_TABLES = ("entries", "results")
_BATCH = 500  # keys per lookup query (SQLite limits the parameters of one statement)


def fingerprint(*parts: object) -> str:
    """A stable digest of the settings that shape results."""
    h = hashlib.sha256(f"lintcare {__version__} cache {CACHE_FORMAT} code {code_digest()}".encode())
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
        return cls(dumps([finding_to_json(f) for f in items]), severity_counts(items), path, items)

    def _decoded(self) -> list[Finding]:
        if self._items is None:
            self._items = decode_rows(self.rows, self._path)
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
        self.problem: str | None = None  # why the cache could not be used this run, for a note
        # config_key per config object, for this run (the config is kept, so its id stays its own).
        self._config_keys: dict[int, tuple[object, str]] = {}
        self._con: sqlite3.Connection | None = None
        self._pid: int | None = None
        self._secret = b""

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
        try:
            self._secret = secret()
        except CacheKeyError as exc:
            self.problem = str(exc)
            return None  # no rows can be verified: every file is linted
        db = self.folder / DB_FILE
        for attempt in range(2):
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                _mark_cache_folder(self.folder)
                con = sqlite3.connect(db, timeout=10, isolation_level=None)
                # A lost write only costs speed: no waiting for the disk.
                con.execute("PRAGMA synchronous=OFF")
                _ensure_table(con)
                self.problem = None  # a corrupt file replaced: the cache works
                return con
            except sqlite3.DatabaseError as exc:  # not a database (a corrupt file): start afresh
                self.problem = f"{db}: {exc}"
                if attempt > 0 or not _remove(db):
                    break
            except OSError as exc:
                self.problem = f"{self.folder}: {exc.strerror or exc}"
                break
            except sqlite3.Error as exc:
                self.problem = f"{db}: {exc}"
                break
        return None  # no cache this run: every file is linted

    def get_many(self, wanted: list[tuple[str, str]]) -> dict[str, StoredFindings]:
        """Key -> findings for each (key, path) with a valid entry; the rest are misses."""
        rows: dict[str, tuple[object, object]] = {}
        con = self._db()
        keys = [key for key, _ in wanted]
        try:
            for i in range(0, len(keys) if con is not None else 0, _BATCH):
                chunk = keys[i:i + _BATCH]
                marks = ",".join("?" * len(chunk))
                for key, head, data in con.execute(  # type: ignore[union-attr]
                        f"SELECT key, head, rows FROM {TABLE} WHERE key IN ({marks})", chunk):
                    rows[key] = (head, data)
        except sqlite3.Error:
            rows = {}
        found: dict[str, StoredFindings] = {}
        for key, path in wanted:
            findings = _entry(self._secret, key, rows.get(key), path)
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
            counts = _counts_text(found.severities)
            head = json.dumps({"format": CACHE_FORMAT, "severities": found.severities,
                               "mac": mac(self._secret, key.encode(), counts, found.rows)})
            rows.append((key, head, found.rows))
        try:
            with con:
                con.execute("BEGIN")
                con.executemany(f"INSERT OR REPLACE INTO {TABLE} VALUES (?, ?, ?)", rows)
        except sqlite3.Error:
            pass  # a cache that cannot be written only costs speed

    def put(self, key: str, findings: Sequence[Finding]) -> None:
        self.put_many([(key, findings)])


def _ensure_table(con: sqlite3.Connection) -> None:
    """The findings table with this format's columns: older tables go, one of other columns
    is made again (its rows could never be read, and every write to it would fail)."""
    for old in OLD_TABLES:
        con.execute(f"DROP TABLE IF EXISTS {old}")
    columns = tuple(row[1] for row in con.execute(f"PRAGMA table_info({TABLE})"))
    if columns and columns != COLUMNS:
        con.execute(f"DROP TABLE {TABLE}")
    con.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} (key TEXT PRIMARY KEY, "
                "head TEXT NOT NULL, rows BLOB NOT NULL)")


def _counts_text(severities: dict[str, int]) -> bytes:
    """The severity counts in one spelling, for the MAC."""
    return json.dumps(severities, sort_keys=True).encode()


def _severities(value: object) -> dict[str, int]:
    """A head's severity counts, checked: known severities, counts of at least one."""
    if type(value) is not dict or not all(
            k in SEVERITIES and type(n) is int and n > 0 for k, n in value.items()):
        raise ValueError("severity counts of another shape")
    return value


def _entry(secret_key: bytes, key: str, value: tuple[object, object] | None,
           path: str) -> StoredFindings | None:
    """An entry's findings; None for a missing, forged, corrupt or old-format entry (a miss).

    The MAC covers the entry's key as well, so a row moved from another file's key does
    not verify. Only rows this user's lintcare wrote pass; they are decoded and checked
    here all the same, before anything uses them.
    """
    if value is None:
        return None
    head_text, rows = value
    try:
        if type(head_text) is not str or type(rows) is not bytes:
            return None
        head = json.loads(head_text)
        if type(head) is not dict or head.get("format") != CACHE_FORMAT or type(head.get("mac")) is not str:
            return None
        severities = _severities(head.get("severities"))
        expected = mac(secret_key, key.encode(), _counts_text(severities), rows)
        if not hmac.compare_digest(expected, head["mac"]):
            return None
        items = decode_rows(rows, path)
    except (ValueError, RecursionError):
        return None
    if severity_counts(items) != severities:
        return None
    return StoredFindings(rows, severities, path, items)
