"""A page's text as HTML lines with each finding's span marked, for the HTML report.

Spans may overlap, nest and cross lines; HTML elements may only nest. So each line is cut
at every span boundary, and a span that cannot stay open (another one closes inside it, or
the line ends) is closed and reopened as a continuation piece. Only a finding's first piece
is focusable (``tabindex``); every piece carries the finding's id, so the filters reach them
all. Every piece of text goes through ``escape``: the page is untrusted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

_LABEL_CHARS = 60  # how much of the flagged text a screen reader hears in a mark's name


@dataclass(frozen=True, slots=True)
class Span:
    """A finding's place in the source text (offsets, end exclusive) and what its mark shows."""

    fid: str
    start: int
    end: int
    severity: str
    category: str
    label: str  # the mark's accessible name


def accessible_name(severity: str, category: str, line: int, text: str) -> str:
    flagged = " ".join(text.split())
    if len(flagged) > _LABEL_CHARS:
        flagged = flagged[:_LABEL_CHARS - 1] + "…"
    where = f"{severity}, {category}, line {line}"
    return f"{where}: {flagged}" if flagged else where


def _open(span: Span, primary: bool, empty: bool) -> str:
    cls = f"m s-{span.severity}" + (" empty" if empty else "")
    attrs = f' class="{cls}" data-fid="{span.fid}"'
    if primary:
        attrs += (f' data-cat="{escape(span.category)}" tabindex="0" role="button"'
                  f' aria-label="{escape(span.label)}" aria-controls="detail"')
    else:
        attrs = attrs.replace('class="m ', 'class="m cont ', 1)
    return f"<mark{attrs}>"


class _Line:
    """One line's HTML, built piece by piece with a stack of open marks."""

    def __init__(self, spans: list[Span], lo: int, hi: int, started: set[str]) -> None:
        self.spans, self.lo, self.hi = spans, lo, hi
        self.started = started  # findings whose first piece is already out
        self.out: list[str] = []
        self.stack: list[Span] = []

    def clip(self, s: Span) -> tuple[int, int]:
        """The part of the span on this line's visible text (a line break is not shown)."""
        a = min(max(s.start, self.lo), self.hi)
        return a, max(min(s.end, self.hi), a)

    def push(self, s: Span, empty: bool = False) -> None:
        self.out.append(_open(s, s.fid not in self.started, empty))
        self.started.add(s.fid)
        self.stack.append(s)

    def settle(self, active: list[Span]) -> None:
        """Close marks that are not active, then open the active ones not yet open."""
        keep = set(map(id, active))
        while self.stack and not all(id(s) in keep for s in self.stack):
            self.stack.pop()
            self.out.append("</mark>")
        open_now = set(map(id, self.stack))
        # Outer (longer) spans first, so the shorter ones nest inside them.
        opening = (s for s in active if id(s) not in open_now)
        for s in sorted(opening, key=lambda s: (-self.clip(s)[1], s.fid)):
            self.push(s)

    def empties_at(self, pos: int) -> None:
        for s in self.spans:
            a, b = self.clip(s)
            if a == b == pos and s.fid not in self.started:
                self.push(s, empty=True)
                self.stack.pop()
                self.out.append("</mark>")

    def render(self, text: str) -> str:
        points = sorted({self.lo, self.hi, *(p for s in self.spans for p in self.clip(s))})
        clipped = [(s, *self.clip(s)) for s in self.spans]
        for a, b in pairwise(points):
            self.settle([s for s, lo, hi in clipped if lo <= a and hi >= b and lo < hi])
            self.empties_at(a)
            self.out.append(str(escape(text[a:b])))
        self.settle([])
        self.empties_at(self.hi)
        return "".join(self.out)


def marked_lines(text: str, starts: Sequence[int], spans: Sequence[Span]) -> list[Markup]:
    """Each line of ``text`` (``starts``: the offsets where lines begin) as HTML with its marks."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end, s.fid))
    started: set[str] = set()
    lines: list[Markup] = []
    carry: list[Span] = []  # spans that began on an earlier line (or this one) and are still open
    nxt = 0
    for i, lo in enumerate(starts):
        following = starts[i + 1] if i + 1 < len(starts) else len(text) + 1
        hi = lo + len(text[lo:following].rstrip("\r\n"))  # the line break is not shown
        while nxt < len(ordered) and ordered[nxt].start < following:
            carry.append(ordered[nxt])
            nxt += 1
        here = [s for s in carry if s.start >= lo or s.end > lo]
        lines.append(Markup(_Line(here, lo, hi, started).render(text)))
        carry = [s for s in here if s.end > following]
    if text and starts and starts[-1] == len(text) and not lines[-1]:
        lines.pop()  # the empty "line" after a final line break, unless a mark stands there
    return lines
