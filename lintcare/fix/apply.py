"""Stage 6: apply fixes to a source text until nothing more changes.

The fixer works on the decoded text only (files and bytes are ``fixio``'s job):

1. lint the text; keep the findings whose fix is allowed (safe, or safe and unsafe);
2. drop fixes that could damage the file (a line break in a replacement, an edit that
   splits a CRLF pair, an edit inside code, a comment, a URL, an email address or a
   Markdown link target);
3. resolve overlaps deterministically: by start, then severity, then rule id; a fix
   overlapping one already taken waits for the next pass;
4. apply the fixes, re-lint and repeat until no fix applies (at most ``MAX_PASSES``).

A ``Patch`` keeps the fixed text as pieces of the original and new text, so the
changed regions of the original are known exactly (``Patch.changes``), and the
writer can copy every other byte unchanged.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, TypeVar

from ..findings import SEVERITY_RANK, Edit, Finding
from ..pipeline import lint
from ..sources import Source

if TYPE_CHECKING:
    from ..config import Config
    from ..rules.loader import RuleSet

MAX_PASSES = 10


@dataclass(frozen=True, slots=True)
class Change:
    """Original characters [start, end) became ``text`` in the fixed text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class AppliedFix:
    """A fix that was applied; ``start``/``end`` are its range in the ORIGINAL text.

    ``finding`` is the finding as reported in the pass that applied it (its own
    offsets are in that pass's text, which is the original text for pass 1).
    """

    finding: Finding
    start: int
    end: int
    pass_number: int


@dataclass
class FixResult:
    original: str
    text: str  # the fixed text
    applied: list[AppliedFix] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)  # findings on the fixed text
    first: list[Finding] = field(default_factory=list)  # on the original (reported if not written)
    changes: list[Change] = field(default_factory=list)
    passes: int = 0
    settled: bool = True  # False when the pass cap or a cycle stopped the loop

    @property
    def changed(self) -> bool:
        return self.text != self.original


# ---------------------------------------------------------------- choosing fixes


def fixable(finding: Finding, unsafe: bool) -> bool:
    return finding.fix is not None and bool(finding.fix.edits) and (finding.fix.safe or unsafe)


def _splits_crlf(text: str, pos: int) -> bool:
    return 0 < pos < len(text) and text[pos - 1] == "\r" and text[pos] == "\n"


def _edit_ok(text: str, edit: Edit, protected: Sequence[tuple[int, int]]) -> bool:
    """Only edits that cannot damage the file: in range, no new line breaks, no CRLF split,
    nothing inside code, URLs or comments the extractor kept out of the prose."""
    if not 0 <= edit.start <= edit.end <= len(text):
        return False
    if "\n" in edit.replacement or "\r" in edit.replacement:
        return False  # a line ending of the wrong style could slip in
    if _splits_crlf(text, edit.start) or _splits_crlf(text, edit.end):
        return False
    return not any((s < edit.end and edit.start < e) or s < edit.start < e for s, e in protected)


def _fix_key(f: Finding) -> tuple:
    edits = f.fix.edits if f.fix else ()
    start = min(e.start for e in edits)
    end = max(e.end for e in edits)
    return (start, -SEVERITY_RANK[f.severity], f.rule, end,
            tuple((e.start, e.end, e.replacement) for e in edits))


class _Taken:
    """Disjoint edit ranges already chosen, sorted by start."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def conflicts(self, edit: Edit) -> bool:
        i = bisect_left(self.starts, edit.start)
        if i < len(self.starts) and (self.starts[i] == edit.start or self.starts[i] < edit.end):
            return True  # same start (two insertions, or insert vs replace), or overlap ahead
        # The range before ends after our start: overlap (touching is fine).
        return i > 0 and self.ends[i - 1] > edit.start

    def add(self, edit: Edit) -> None:
        i = bisect_left(self.starts, edit.start)
        self.starts.insert(i, edit.start)
        self.ends.insert(i, edit.end)


def _self_overlapping(edits: Sequence[Edit]) -> bool:
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    return any(b.start < a.end or b.start == a.start for a, b in pairwise(ordered))


def choose(findings: Iterable[Finding], text: str, unsafe: bool = False,
           protected: Sequence[tuple[int, int]] = ()) -> list[Finding]:
    """The findings whose fixes apply together this pass, in a deterministic order."""
    candidates = [
        f for f in findings
        if fixable(f, unsafe)
        and all(_edit_ok(text, e, protected) for e in f.fix.edits)  # type: ignore[union-attr]
        and not _self_overlapping(f.fix.edits)  # type: ignore[union-attr]
    ]
    candidates.sort(key=_fix_key)
    taken = _Taken()
    chosen: list[Finding] = []
    for f in candidates:
        edits = f.fix.edits  # type: ignore[union-attr]
        if any(taken.conflicts(e) for e in edits):
            continue  # the next pass sees the text with the winner applied
        for e in edits:
            taken.add(e)
        chosen.append(f)
    return chosen


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply disjoint edits (as chosen by ``choose``) to ``text``."""
    out: list[str] = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        out.append(text[pos:e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


# ---------------------------------------------------------------- tracking changes


class Patch:
    """The current text as pieces: ``(orig_start, orig_end)`` ranges of the original text,
    or new strings. Every character that is not new is known to be original."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.pieces: list[tuple[int, int] | str] = [(0, len(original))] if original else []
        self._starts: list[int] | None = None

    def _lengths(self) -> list[int]:
        """Where each piece starts in the current text; kept until the next ``apply``, as
        every finding of a pass asks (recounting them each time was quadratic)."""
        if self._starts is None:
            starts = [0]
            for p in self.pieces:
                starts.append(starts[-1] + (len(p) if isinstance(p, str) else p[1] - p[0]))
            self._starts = starts
        return self._starts

    def _slice(self, starts: list[int], a: int, b: int) -> list[tuple[int, int] | str]:
        """Pieces covering current [a, b)."""
        out: list[tuple[int, int] | str] = []
        if b <= a:
            return out
        i = bisect_right(starts, a) - 1
        while i < len(self.pieces) and starts[i] < b:
            p = self.pieces[i]
            lo, hi = max(a, starts[i]) - starts[i], min(b, starts[i + 1]) - starts[i]
            if hi > lo:
                out.append(p[lo:hi] if isinstance(p, str) else (p[0] + lo, p[0] + hi))
            i += 1
        return out

    def apply(self, edits: Sequence[Edit]) -> None:
        """Apply disjoint edits given in CURRENT coordinates."""
        starts = self._lengths()
        new: list[tuple[int, int] | str] = []
        pos = 0
        for e in sorted(edits, key=lambda e: (e.start, e.end)):
            new.extend(self._slice(starts, pos, e.start))
            if e.replacement:
                new.append(e.replacement)
            pos = e.end
        new.extend(self._slice(starts, pos, starts[-1]))
        self.pieces = self._merge(new)
        self._starts = None

    @staticmethod
    def _merge(pieces: list[tuple[int, int] | str]) -> list[tuple[int, int] | str]:
        out: list[tuple[int, int] | str] = []
        for p in pieces:
            if out and isinstance(p, str) and isinstance(out[-1], str):
                out[-1] = out[-1] + p
            elif out and not isinstance(p, str) and not isinstance(out[-1], str) and out[-1][1] == p[0]:
                out[-1] = (out[-1][0], p[1])
            else:
                out.append(p)
        return out

    def text(self) -> str:
        return "".join(p if isinstance(p, str) else self.original[p[0]:p[1]] for p in self.pieces)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original range that current [start, end) came from; new text maps to the
        whole gap it replaced."""
        starts = self._lengths()
        return self._orig_pos(starts, start, True), self._orig_pos(starts, end, False)

    def _orig_pos(self, starts: list[int], pos: int, is_start: bool) -> int:
        i = bisect_right(starts, pos) - 1 if is_start else bisect_left(starts, pos) - 1
        i = max(0, min(i, len(self.pieces) - 1)) if self.pieces else 0
        if not self.pieces:
            return 0 if is_start else len(self.original)
        p = self.pieces[i]
        if not isinstance(p, str):
            return p[0] + (pos - starts[i])
        if is_start:  # start of the gap this new text fills
            prev = next((q for q in reversed(self.pieces[:i]) if not isinstance(q, str)), None)
            return prev[1] if prev else 0
        nxt = next((q for q in self.pieces[i + 1:] if not isinstance(q, str)), None)
        return nxt[0] if nxt else len(self.original)

    def changes(self) -> list[Change]:
        """The changed regions of the original, each trimmed to what really differs."""
        raw: list[Change] = []
        pos, pending = 0, ""
        for p in self.pieces:
            if isinstance(p, str):
                pending += p
                continue
            if p[0] > pos or pending:
                raw.append(Change(pos, p[0], pending))
            pos, pending = p[1], ""
        if pos < len(self.original) or pending:
            raw.append(Change(pos, len(self.original), pending))
        return [c for c in (_trim(self.original, c) for c in raw) if c is not None]


def _trim(original: str, c: Change) -> Change | None:
    old, new = original[c.start:c.end], c.text
    if old == new:
        return None
    lead = 0
    while lead < min(len(old), len(new)) and old[lead] == new[lead]:
        lead += 1
    tail = 0
    while tail < min(len(old), len(new)) - lead and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return Change(c.start + lead, c.end - tail, new[lead:len(new) - tail])


# ---------------------------------------------------------------- the loop


# Never edited, whatever a rule says: URLs, email addresses and Markdown link targets
# (a tokenizer may split "Spravado](https://x.org/spravado" and let a term match inside).
_NO_TOUCH = re.compile(
    r"\]\([^)\s]*\)"
    r"|<[a-z][a-z0-9+.-]*:[^>\s]*>"
    r"|\b(?:https?://|www\.|mailto:|tel:)[^\s<>()\[\]\"']+"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # from where a run starts: linear
    re.IGNORECASE,
)


def protected_ranges(source: Source, prose_comments: Iterable[tuple]) -> list[tuple[int, int]]:
    """Source ranges no fix may touch: code and comments the extractor set aside, and links."""
    ranges = [(c[0], c[1]) for c in prose_comments]
    ranges += [m.span() for m in _NO_TOUCH.finditer(source.text)]
    return ranges


def _lint(source: Source, ruleset: RuleSet, config: Config | None
          ) -> tuple[list[Finding], list[tuple[int, int]]]:
    """The findings ``check`` reports for this text (suppressions and the file's
    configuration applied: a suppressed finding is never fixed), and the protected ranges.

    Raises ``PartialLint`` when a rule could not run: the file is then left alone.
    """
    linted = lint(source, ruleset, config)
    return linted.complete(), protected_ranges(source, linted.prose.comments)


def fix_source(source: Source, ruleset: RuleSet, unsafe: bool = False,
               max_passes: int = MAX_PASSES, config: Config | None = None) -> FixResult:
    """Fix ``source.text`` until nothing more changes; report what remains.

    ``config`` is the file's own resolved configuration, as ``check`` uses it.
    """
    result = FixResult(source.text, source.text)
    run_passes(source, result, lambda s: _lint(s, ruleset, config),
               lambda s, edits, text: _with_text(s, text), unsafe, max_passes)
    return result


S = TypeVar("S", bound=Source)


def run_passes(source: S, result: FixResult,
               lint_pass: Callable[[S], tuple[list[Finding], Sequence[tuple[int, int]]]],
               advance: Callable[[S, list[Edit], str], S], unsafe: bool,
               max_passes: int = MAX_PASSES) -> S:
    """The fixing loop every format shares: lint, choose, apply, repeat until nothing
    applies (or ``max_passes``, or two fixes undo each other). ``lint_pass`` gives a
    state's findings and protected ranges; ``advance`` makes the next state from the edits
    and the text they give (a Word document applies them to its runs and reads itself
    back). Fills ``result``; returns the last state."""
    patch = Patch(source.text)
    seen = {source.text}
    current = source
    findings, protected = lint_pass(current)
    result.first = findings
    for number in range(1, max_passes + 1):
        chosen = choose(findings, current.text, unsafe, protected)
        if not chosen:
            break
        edits = [e for f in chosen for e in f.fix.edits]  # type: ignore[union-attr]
        new_text = apply_edits(current.text, edits)
        if new_text in seen:  # two fixes undo each other: stop rather than loop
            result.settled = False
            break
        seen.add(new_text)
        for f in chosen:
            lo = min(e.start for e in f.fix.edits)  # type: ignore[union-attr]
            hi = max(e.end for e in f.fix.edits)  # type: ignore[union-attr]
            result.applied.append(AppliedFix(f, *patch.to_original(lo, hi), number))
        patch.apply(edits)
        current = advance(current, edits, new_text)
        result.passes = number
        findings, protected = lint_pass(current)
    else:
        # The cap was reached; settled only if the last lint has nothing left to apply.
        result.settled = not choose(findings, current.text, unsafe, protected)
    result.text = current.text
    result.remaining = findings
    result.changes = patch.changes()
    return current


def _with_text(source: Source, text: str) -> Source:
    return Source(source.path, text, source.fmt, source.encoding, source.bom)


def fix_text(text: str, ruleset: RuleSet, fmt: str = "text", unsafe: bool = False,
             path: str = "<text>", config: Config | None = None) -> FixResult:
    """Fix a string of plain text, Markdown or HTML (the API counterpart of ``lint_text``)."""
    return fix_source(Source(path, text, fmt), ruleset, unsafe, config=config)
