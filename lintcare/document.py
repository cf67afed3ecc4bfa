"""A document under lint: source, prose, the spaCy parse and page facts, each computed once."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from .prose import HEADING, Block, Prose
from .sources import Source

if TYPE_CHECKING:
    from .nlp import Chunk


@dataclass(frozen=True, slots=True)
class Fact:
    """A named page-level pattern from rules.yaml's ``facts`` (a topic, a phone number...)."""

    name: str
    pattern: re.Pattern[str]
    links: bool = True  # also look in link targets (tel:, mailto:, booking URLs)
    where: str = "any"  # "any", "heading" (a title names it) or "body" (running text)
    min_count: int = 1  # how many matches make the fact true (a topic, not a passing word)
    skip_negated: bool = False  # "no side effects" does not state a side effect


MAX_SENTENCE = 1000  # characters of context on either side of a match, at most


class Document:
    def __init__(self, source: Source, prose: Prose, facts: dict[str, Fact]) -> None:
        self.source = source
        self.prose = prose
        self.text = prose.text
        self._facts = facts
        self._fact_hits: dict[str, int | bool | None] = {}
        self._fact_spans: dict[str, list[tuple[int, int]]] = {}
        self._block_starts = [b.start for b in prose.blocks]

    @property
    def path(self) -> str:
        return self.source.path

    @cached_property
    def lower(self) -> str:
        return self.text.lower()

    @cached_property
    def chunks(self) -> list[Chunk]:
        from .nlp import parse

        return parse(self.prose)

    def anchor_ranges(self, anchors: tuple[str, ...]) -> list[tuple[int, int]]:
        """Merged block ranges holding at least one anchor; the whole text if unknown.

        Every match of a pattern contains one of its anchors and stays inside one
        block, so scanning only these blocks finds the same matches.
        """
        text, lower = self.text, self.lower
        if not anchors or len(lower) != len(text) or not self.prose.blocks:
            return [(0, len(text))]
        blocks = self.prose.blocks
        hit: set[int] = set()
        for anchor in anchors:
            pos = lower.find(anchor)
            while pos >= 0:
                i = bisect_right(self._block_starts, pos) - 1
                if i >= 0 and pos < blocks[i].end:
                    hit.add(i)
                    pos = lower.find(anchor, blocks[i].end)
                else:
                    pos = lower.find(anchor, pos + 1)
        ranges: list[tuple[int, int]] = []
        for i in sorted(hit):
            b = blocks[i]
            if ranges and ranges[-1][1] >= b.start - 2:
                ranges[-1] = (ranges[-1][0], b.end)
            else:
                ranges.append((b.start, b.end))
        return ranges

    # -- page context -------------------------------------------------------
    def _fact_matches(self, fact: Fact) -> Iterator[tuple[int, int]]:
        """Matches of a fact that stand where it allows, lazily, in page order."""
        for m in fact.pattern.finditer(self.text):
            if m.end() <= m.start():
                continue
            if fact.where != "any":
                block = self.block_at(m.start())
                if block is None or (block.kind == HEADING) != (fact.where == "heading"):
                    continue
            if fact.skip_negated and self._negated(m.start()):
                continue
            yield m.span()

    def fact_spans(self, name: str) -> list[tuple[int, int]]:
        """Prose ranges of every match of a fact that stands where the fact allows."""
        spans = self._fact_spans.get(name)
        if spans is None:
            spans = self._fact_spans[name] = list(self._fact_matches(self._facts[name]))
        return spans

    def fact_offset(self, name: str) -> int | None:
        """Prose offset of the fact's first match, -1 if only a link has it, None if absent.

        A fact with ``min_count`` is present only with that many matches (links count
        as one); with ``where`` only matches in headings (or in body text) count, and
        with ``skip_negated`` only mentions that are not negated.
        """
        if name not in self._fact_hits:
            fact = self._facts[name]
            first: int | None = None
            count = 0
            # Stop at the first qualifying matches: most facts need one.
            for start, _ in self._fact_matches(fact):
                first = start if first is None else first
                count += 1
                if count >= fact.min_count:
                    break
            if count < fact.min_count and fact.links and fact.where == "any":
                count += sum(1 for link in self.prose.links if fact.pattern.search(link))
            if count < fact.min_count:
                self._fact_hits[name] = None
            else:
                self._fact_hits[name] = first if first is not None else -1
        return self._fact_hits[name]  # type: ignore[return-value]

    def _negated(self, offset: int) -> bool:
        from .context import is_negated  # context builds on Document

        return is_negated(self, offset)

    def fact_pattern(self, name: str) -> re.Pattern[str]:
        return self._facts[name].pattern

    def has(self, name: str) -> bool:
        return self.fact_offset(name) is not None

    # -- structure ----------------------------------------------------------
    def block_at(self, offset: int) -> Block | None:
        i = bisect_right(self._block_starts, offset) - 1
        if i >= 0:
            block = self.prose.blocks[i]
            if block.start <= offset < block.end:
                return block
        return None

    def section_headings(self, offset: int) -> list[Block]:
        """The headings the text at ``offset`` stands under, nearest first.

        With heading levels (Markdown, HTML) these are the nearest heading and its
        ancestors; without levels (plain text) only the nearest heading.
        """
        out: list[Block] = []
        i = bisect_right(self._block_starts, offset) - 1
        level = None
        while i >= 0:
            block = self.prose.blocks[i]
            i -= 1
            if block.kind != HEADING or block.start > offset:
                continue
            if level is None or 0 < block.level < level:
                out.append(block)
                level = block.level
                if level <= 1:
                    break
        return out

    def in_heading(self, offset: int) -> bool:
        block = self.block_at(offset)
        return block is not None and block.kind == HEADING

    @cached_property
    def _chunk_ends(self) -> list[int]:
        return [c.end for c in self.chunks]

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Prose offsets where sentences start (block starts included)."""
        from spacy.attrs import IDX, SENT_START

        starts: set[int] = {b.start for b in self.prose.blocks}
        for chunk in self.chunks:
            if len(chunk.doc):
                arr = chunk.doc.to_array([IDX, SENT_START])
                starts.update(int(i) + chunk.offset for i, s in arr if s == 1)
        return sorted(starts)

    def sentence_bounds(self, start: int, end: int) -> tuple[int, int]:
        """Prose bounds of the sentence around [start, end), clipped to its block.

        A "sentence" of thousands of characters is a list or a block without stops; every
        context check on it would read all of it, for every match in it (quadratic time).
        Context then comes from MAX_SENTENCE characters on either side of the match.
        """
        block = self.block_at(start)
        lo, hi = (block.start, block.end) if block else (0, len(self.text))
        lo, hi = max(lo, start - MAX_SENTENCE), min(hi, end + MAX_SENTENCE)
        starts = self.sentence_starts
        i = bisect_right(starts, start) - 1
        s = max(starts[i], lo) if i >= 0 else lo
        e = starts[i + 1] if i + 1 < len(starts) else hi
        e = max(min(e, hi), end)
        while e > s and self.text[e - 1].isspace():
            e -= 1
        return s, max(e, min(end, hi))

    def tokens_before(self, offset: int):
        """spaCy tokens ending at or before ``offset``, nearest first, within the sentence."""
        sent_start, _ = self.sentence_bounds(offset, offset)
        # The first chunk that reaches ``offset``, by bisection: a 50 MB page has hundreds.
        first = bisect_left(self._chunk_ends, offset)
        for chunk in self.chunks[first:first + 1]:
            doc = chunk.doc
            if not chunk.offset <= offset <= chunk.end:
                continue
            rel = offset - chunk.offset
            span = doc.char_span(rel, min(rel + 1, chunk.end - chunk.offset), alignment_mode="expand")
            i = span.start if span is not None and len(span) else len(doc)
            while i > 0:
                i -= 1
                tok = doc[i]
                if tok.idx + chunk.offset < sent_start:
                    return
                if tok.idx + len(tok) + chunk.offset <= offset:
                    yield tok
            return
