"""A baseline: today's findings, recorded so that a CI gate fails only on new ones.

An entry is (file, rule, fingerprint) with a count. The fingerprint hashes the flagged text and
up to ``CONTEXT`` characters either side of it on the same line(s), whitespace-normalised; it
never includes a line number, so edits that shift lines do not make old findings new, while
the same wording in another sentence is a different finding. The count makes two identical
findings in one file need two recorded occurrences.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .faults import OneLineError
from .findings import Finding
from .pipeline import FileResult
from .sources import Source

VERSION = 1
CONTEXT = 24  # characters of context on each side, within the finding's lines
_TEXT_SHOWN = 120


class BaselineError(OneLineError):
    """A baseline file that cannot be used; the message is one line for the user."""


@dataclass(frozen=True, slots=True, order=True)
class Entry:
    path: str  # relative to the baseline file's folder, with '/' separators
    rule: str
    fingerprint: str
    count: int = 1
    text: str = ""  # the flagged text, for people reading the file; not used for matching

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.path, self.rule, self.fingerprint)

    def to_dict(self) -> dict[str, object]:
        return {"path": self.path, "rule": self.rule, "fingerprint": self.fingerprint,
                "count": self.count, "text": self.text}


@dataclass(frozen=True, slots=True)
class Baseline:
    file: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What comparing a run with a baseline found."""

    file: str
    known: int  # findings present in the baseline, not reported
    stale: tuple[Entry, ...]  # baseline entries (or surplus counts) that no longer occur

    def to_dict(self) -> dict[str, object]:
        return {"file": self.file, "known": self.known, "stale": [e.to_dict() for e in self.stale]}


def _squash(text: str) -> str:
    return " ".join(text.split())


def fingerprint(finding: Finding, source: Source | None) -> str:
    """A hash of the flagged text and its nearby context; stable when lines move."""
    if finding.scope == "document" or source is None:
        # A page-level finding is about the page, not about its first line.
        material = ""
    else:
        text = source.text
        line_start = source.line_starts()[finding.line - 1]
        end_line_start = source.line_starts()[finding.end_line - 1]
        line_end = end_line_start + len(source.line_text(finding.end_line))
        before = text[max(line_start, finding.start - CONTEXT):finding.start]
        after = text[finding.end:min(line_end, finding.end + CONTEXT)]
        flagged = finding.text.replace("\r\n", "\n").replace("\r", "\n")
        material = f"{_squash(before)}\x1f{flagged}\x1f{_squash(after)}"
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:16]


def path_key(path: str, base: Path) -> str:
    """A file's path relative to the baseline's folder, so runs from elsewhere still match."""
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute, base)
    except ValueError:  # another drive on Windows
        rel = absolute
    return Path(rel).as_posix()


def _occurrences(result: FileResult, base: Path) -> list[tuple[tuple[str, str, str], Finding]]:
    key = path_key(result.path, base)
    return [((key, f.rule, fingerprint(f, result.source)), f) for f in result.findings]


def entries(results: Sequence[FileResult], base: Path) -> list[Entry]:
    """Today's findings as sorted baseline entries."""
    counts: Counter[tuple[str, str, str]] = Counter()
    texts: dict[tuple[str, str, str], str] = {}
    for r in results:
        for key, f in _occurrences(r, base):
            counts[key] += 1
            texts.setdefault(key, "" if f.scope == "document" else f.text[:_TEXT_SHOWN])
    return sorted(Entry(*key, count=n, text=texts[key]) for key, n in counts.items())


def ensure_replaceable(file: str) -> None:
    """Refuse to overwrite anything but a baseline: "lintcare baseline page.md" forgot FILE."""
    if Path(file).exists():
        try:
            load(file)
        except BaselineError:
            raise BaselineError(f"{file}: exists and is not a lintcare baseline; not overwritten") from None


def write(file: str, results: Sequence[FileResult]) -> list[Entry]:
    base = Path(os.path.abspath(file)).parent
    recorded = entries(results, base)
    payload = {
        "version": VERSION,
        "tool": "lintcare",
        "findings": [e.to_dict() for e in recorded],
    }
    try:
        Path(file).write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise BaselineError(f"{file}: cannot write: {exc.strerror or exc}") from None
    return recorded


def load(file: str) -> Baseline:
    try:
        data = json.loads(Path(file).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{file}: no such baseline file (create it with 'lintcare baseline')") from None
    except OSError as exc:
        raise BaselineError(f"{file}: cannot read: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{file}: not valid JSON: {exc}") from None
    except RecursionError:  # thousands of nested brackets: the decoder recurses per level
        raise BaselineError(f"{file}: not a lintcare baseline: nested too deeply") from None
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise BaselineError(f"{file}: not a lintcare baseline of version {VERSION}")
    items = data.get("findings")
    if not isinstance(items, list):
        raise BaselineError(f"{file}: 'findings' must be a list")
    out: list[Entry] = []
    for i, item in enumerate(items):
        ok = isinstance(item, dict) and all(isinstance(item.get(k), str) for k in
                                            ("path", "rule", "fingerprint"))
        count = item.get("count", 1) if isinstance(item, dict) else None
        if not ok or not isinstance(count, int) or isinstance(count, bool) or count < 1:
            raise BaselineError(f"{file}: entry {i + 1}: needs path, rule, fingerprint and a count >= 1")
        out.append(Entry(item["path"], item["rule"], item["fingerprint"], count, str(item.get("text", ""))))
    return Baseline(file, tuple(out))


def compare(baseline: Baseline, results: Sequence[FileResult]) -> tuple[list[FileResult], Outcome]:
    """Drop the findings the baseline knows; list the entries that no longer occur.

    Only files linted in this run can make entries stale: a run over the changed files
    says nothing about the others.
    """
    base = Path(os.path.abspath(baseline.file)).parent
    budget: Counter[tuple[str, str, str]] = Counter()
    texts: dict[tuple[str, str, str], str] = {}
    for e in baseline.entries:
        budget[e.key] += e.count
        texts.setdefault(e.key, e.text)
    linted: set[str] = set()
    known = 0
    kept: list[FileResult] = []
    for r in results:
        if r.error or r.note:
            kept.append(r)
            continue
        linted.add(path_key(r.path, base))
        fresh: list[Finding] = []
        for key, f in _occurrences(r, base):
            if budget[key] > 0:  # earlier occurrences use the recorded count first
                budget[key] -= 1
                known += 1
            else:
                fresh.append(f)
        kept.append(replace(r, findings=fresh))
    stale = tuple(sorted(Entry(*key, count=n, text=texts[key])
                         for key, n in budget.items() if n > 0 and key[0] in linted))
    return kept, Outcome(baseline.file, known, stale)


def describe(outcome: Outcome) -> list[str]:
    """Notes for standard error: what the baseline hid, and which entries can go."""
    notes = [f"baseline {outcome.file}: {outcome.known} known finding{'s' if outcome.known != 1 else ''} "
             "not reported"]
    if outcome.stale:
        gone = sum(e.count for e in outcome.stale)
        notes.append(f"baseline {outcome.file}: {gone} recorded finding{'s' if gone != 1 else ''} no "
                     "longer occur; run 'lintcare baseline' again to tighten it:")
        notes.extend(f"  {e.path}: [{e.rule}] {e.text!r}" + (f" x{e.count}" if e.count > 1 else "")
                     for e in outcome.stale)
    return notes
