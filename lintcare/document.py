"""A document under lint: source, prose, the spaCy parse and page facts, each computed once."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from .prose import HEADING, Block, Prose
from .sources import Source

if TYPE_CHECKING:
    from spacy.tokens import Span

    from .nlp import Chunk


@dataclass(frozen=True, slots=True)
class Fact:
    """A named page-level pattern from rules.yaml's ``facts`` (a topic, a phone number...)."""

    name: str
    pattern: re.Pattern[str]
    links: bool = True  # also look in link targets (tel:, mailto:, booking URLs)


class Document:
    def __init__(self, source: Source, prose: Prose, facts: dict[str, Fact]) -> None:
        self.source = source
        self.prose = prose
        self.text = prose.text
        self._facts = facts
        self._fact_hits: dict[str, int | bool | None] = {}
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

    # -- page context -------------------------------------------------------
    def fact_offset(self, name: str) -> int | None:
        """Prose offset of the fact's first match, -1 if only a link has it, None if absent."""
        if name not in self._fact_hits:
            fact = self._facts[name]
            m = fact.pattern.search(self.text)
            if m:
                self._fact_hits[name] = m.start()
            elif fact.links and any(fact.pattern.search(link) for link in self.prose.links):
                self._fact_hits[name] = -1
            else:
                self._fact_hits[name] = None
        return self._fact_hits[name]  # type: ignore[return-value]

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

    def in_heading(self, offset: int) -> bool:
        block = self.block_at(offset)
        return block is not None and block.kind == HEADING

    def sentence(self, start: int, end: int) -> Span | None:
        """The spaCy sentence holding prose range [start, end), or None."""
        for chunk in self.chunks:
            if chunk.offset <= start < chunk.offset + len(chunk.doc.text):
                span = chunk.doc.char_span(
                    start - chunk.offset, max(end, start + 1) - chunk.offset,
                    alignment_mode="expand",
                )
                if span is None or not len(span):
                    return None
                return span[0].sent
        return None

    def sentence_bounds(self, start: int, end: int) -> tuple[int, int]:
        """Prose bounds of the sentence around [start, end); the block if unknown."""
        sent = self.sentence(start, end)
        if sent is not None:
            base = sent.doc.user_data.get("offset", 0)
            return base + sent.start_char, base + sent.end_char
        block = self.block_at(start)
        if block is not None:
            return block.start, block.end
        return start, end
