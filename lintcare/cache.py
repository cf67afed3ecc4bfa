"""A result cache: a file whose bytes and lint settings are unchanged is not linted again.

The key covers the file's bytes, its format and encoding, a fingerprint of every
setting that can change a result (rule files, config, options) and the lintcare
version, so the cache can only skip work, never change a result. An unreadable or
corrupt entry counts as a miss and is rewritten.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import tempfile
from pathlib import Path

from . import __version__
from .findings import Edit, Finding, Fix

CACHE_FORMAT = 2  # 2: findings stored as rows in field order


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
    # A row in field order (without the path, which is the file's): a warm run reads
    # thousands of these, and a list decodes and unpacks faster than a mapping.
    fix = None if f.fix is None else [f.fix.safe, [[e.start, e.end, e.replacement] for e in f.fix.edits]]
    return [f.rule, f.category, f.severity, f.message, f.start, f.end, f.line, f.column,
            f.end_line, f.end_column, f.text, f.suggestions, f.scope, fix, f.extra]


def _finding_from_json(row: list, path: str) -> Finding:
    (rule, category, severity, message, start, end, line, column, end_line, end_column, text,
     suggestions, scope, fix, extra) = row
    return Finding(rule, category, severity, message, path, start, end, line, column, end_line,
                   end_column, text, tuple(suggestions), scope,
                   None if fix is None else Fix(tuple(Edit(*e) for e in fix[1]), fix[0]),
                   tuple((k, v) for k, v in extra))


class ResultCache:
    def __init__(self, folder: Path, settings: str) -> None:
        self.folder = Path(folder)
        self.settings = settings
        self.hits = 0
        self.misses = 0
        # config_key per config object, for this run (the config is kept, so its id stays its own).
        self._config_keys: dict[int, tuple[object, str]] = {}

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

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str, path: str) -> list[Finding] | None:
        try:
            raw = json.loads(self._path(key).read_text(encoding="utf-8"))
            if raw.get("format") != CACHE_FORMAT:
                raise ValueError("old cache format")
            findings = [_finding_from_json(d, path) for d in raw["findings"]]
        except (OSError, ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return findings

    def put(self, key: str, findings: list[Finding]) -> None:
        target = self._path(key)
        payload = json.dumps({"format": CACHE_FORMAT,
                              "findings": [_finding_to_json(f) for f in findings]})
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            # Write then rename: a reader never sees half an entry.
            fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(payload)
            os.replace(tmp, target)
        except OSError:
            pass  # a cache that cannot be written only costs speed
