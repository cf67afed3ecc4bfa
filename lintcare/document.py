"""A document under lint: source, prose, the spaCy parse and page facts, each computed once."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from .language.vocabulary import EMPTY as EMPTY_VOCABULARY
from .language.vocabulary import Vocabulary
from .scan.anchors import regex_anchors
from .scan.charscan import CharScan, best_scanner
from .scan.fastregex import FastRegex, lower_text
from .scan.prebuilt import is_standard
from .sources import Source
from .sources.prose import HEADING, Block, Prose

if TYPE_CHECKING:
    from .language.nlp import Chunk
    from .scan.anchorindex import AnchorIndex
    from .scan.blockfilter import BlockFilter


# Words (with inner apostrophes: "isn't" stays one word) and single marks.
_WORD = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_MATCH_END = re.Match.end


def _emails_in(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_EMAIL.finditer(text)``, found from each "@" instead.

    Scanning tries the greedy name part at every letter of the page; every match
    holds one "@" and starts where the run of name characters before it starts.
    """
    pos = 0
    while (at := text.find("@", pos)) >= 0:
        start = at
        while start > pos and (text[start - 1].isalnum() or text[start - 1] in "_.+-"):
            start -= 1
        m = _EMAIL.match(text, start) if start < at else None
        if m is None:
            pos = at + 1
            continue
        yield m
        pos = m.end()


@dataclass(frozen=True, slots=True)
class Fact:
    """A named page-level pattern from rules.yaml's ``facts`` (a topic, a phone number...)."""

    name: str
    pattern: re.Pattern[str]
    links: bool = True  # also look in link targets (tel:, mailto:, booking URLs)
    where: str = "any"  # "any", "heading" (a title names it) or "body" (running text)
    min_count: int = 1  # how many matches make the fact true (a topic, not a passing word)
    skip_negated: bool = False  # "no side effects" does not state a side effect
    # Derived once: literals every match has, and (on first use, as choosing it costs
    # regex parsing a one-page run need not pay) a faster scanner with the same matches.
    anchors: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _fast: FastRegex | CharScan | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "anchors", regex_anchors(self.pattern.pattern))

    @property
    def fast(self) -> FastRegex | CharScan:
        if self._fast is None:
            object.__setattr__(self, "_fast", best_scanner(self.pattern))
        return self._fast  # type: ignore[return-value]


MAX_SENTENCE = 1000  # characters of context on either side of a match, at most


class Document:
    def __init__(self, source: Source, prose: Prose, facts: dict[str, Fact],
                 index: AnchorIndex | None = None, block_filter: BlockFilter | None = None,
                 vocabulary: Vocabulary = EMPTY_VOCABULARY) -> None:
        self.source = source
        # The file's own project vocabulary (its configuration's), read by spelling rules.
        self.vocabulary = vocabulary
        self.prose = prose
        self.text = prose.text
        self._facts = facts
        self._index = index if index is not None and index.available else None
        self._fact_hits: dict[str, int | bool | None] = {}
        self._fact_spans: dict[str, list[tuple[int, int]]] = {}
        self._block_starts = [b.start for b in prose.blocks]
        self._contains: dict[str, bool] = {}
        self._filter = block_filter if block_filter is not None and block_filter.available else None

    @property
    def path(self) -> str:
        return self.source.path

    @cached_property
    def lower(self) -> str:
        return lower_text(self.text)

    @cached_property
    def chunks(self) -> list[Chunk]:
        from .language.nlp import parse

        return parse(self.prose)

    @cached_property
    def _anchor_hits(self) -> dict[str, list[tuple[int, int]]]:
        """(start, block) of every indexed anchor occurrence, from one pass over the page."""
        if not self._use_index:
            return {}
        ends = [b.end for b in self.prose.blocks]
        return self._index.positions(self.lower, self._block_starts, ends)  # type: ignore[union-attr]

    def anchor_positions(self, anchor: str) -> list[int]:
        """Prose offsets where ``anchor`` (lowercase) starts inside a block, in order."""
        if self._indexed(anchor):
            return [start for start, _ in self._anchor_hits.get(anchor, ())]
        return [pos for pos, _ in self._find(anchor)]

    @cached_property
    def _use_index(self) -> bool:
        # Positions in the lowercased copy must be positions in the text.
        return self._index is not None and len(self.lower) == len(self.text)

    def _indexed(self, anchor: str) -> bool:
        return self._use_index and anchor in self._index.anchors  # type: ignore[union-attr]

    def literal_starts(self, literals: tuple[str, ...]) -> list[int] | None:
        """Every prose offset where one of ``literals`` (lowercase, without white space)
        starts in the lowercased copy, in order; None when the anchor positions may miss
        one (text outside the blocks, a copy whose offsets moved)."""
        if not literals or len(self.lower) != len(self.text) or not self._words_in_blocks:
            return None
        return sorted({p for a in literals for p in self.anchor_positions(a)})

    @cached_property
    def _words_in_blocks(self) -> bool:
        """Is all text outside the blocks white space, with some between any two blocks?
        (Extraction puts "\\n\\n" there.) Then a literal without white space stands
        inside one block wherever it occurs, where anchor positions find it."""
        text, prev = self.text, -1
        for block in self.prose.blocks:
            gap = text[max(prev, 0):block.start]
            if (prev >= 0 and not gap) or (gap and not gap.isspace()):
                return False
            prev = block.end
        tail = text[max(prev, 0):]
        return not tail or tail.isspace()

    def contains_any(self, anchors: tuple[str, ...]) -> bool:
        """Does a block of the page hold one of these literals? Memoised: rules share anchors."""
        seen = self._contains
        for a in anchors:
            hit = seen.get(a)
            if hit is None:
                if self._indexed(a):
                    hit = a in self._anchor_hits
                else:
                    hit = bool(self._find_blocks(a))
                seen[a] = hit
            if hit:
                return True
        return False

    def _find(self, anchor: str) -> list[tuple[int, int]]:
        """(start, block) of each occurrence inside a block, by substring search."""
        blocks, lower, out = self.prose.blocks, self.lower, []
        if len(lower) != len(self.text):
            # Lowercasing lengthened the page ("İ" becomes two characters): offsets in
            # the copy are not offsets in the text, so search the text ignoring case.
            found = re.compile(re.escape(anchor), re.IGNORECASE).finditer(self.text)
            spans = [(m.start(), m.end()) for m in found]
        else:
            spans = []
            pos = lower.find(anchor)
            while pos >= 0:
                spans.append((pos, pos + len(anchor)))
                pos = lower.find(anchor, pos + 1)
        for start, end in spans:
            i = bisect_right(self._block_starts, start) - 1
            if i >= 0 and end <= blocks[i].end:
                out.append((start, i))
        return out

    def _find_blocks(self, anchor: str) -> list[int]:
        return [i for _, i in self._find(anchor)]

    def _blocks_with_any(self, anchors: tuple[str, ...]) -> set[int]:
        hit: set[int] = set()
        indexed = self._anchor_hits
        for anchor in anchors:
            if self._indexed(anchor):
                hit.update(i for _, i in indexed.get(anchor, ()))
            else:
                hit.update(self._find_blocks(anchor))
        return hit

    def group_ranges(self, groups: tuple[tuple[str, ...], ...]) -> list[tuple[int, int]]:
        """Ranges of the blocks holding an anchor of every group (every block if none).

        Every match of a pattern holds one literal of each of its groups and stays in one
        block, so scanning only these blocks finds the same matches. Each block is scanned
        on its own: a match never runs from one block into the next, and what follows a
        block's end cannot decide a match inside it.
        """
        blocks = self.prose.blocks
        hit = self._group_blocks(groups)
        if hit is None:
            return [(b.start, b.end) for b in blocks]
        return [(blocks[i].start, blocks[i].end) for i in sorted(hit)]

    def _group_blocks(self, groups: tuple[tuple[str, ...], ...]) -> set[int] | None:
        """Indices of the blocks holding an anchor of every group; None: all blocks."""
        if not groups or len(self.lower) != len(self.text):
            return None
        hit = self._blocks_with_any(groups[0])
        for group in groups[1:]:
            if not hit:
                break
            hit &= self._blocks_with_any(group)
        return hit

    @property
    def block_filter(self) -> BlockFilter | None:
        return self._filter

    @cached_property
    def filter_hits(self) -> dict[int, list[int]] | None:
        """Block filter slot -> blocks where its regex may match; None without a filter."""
        if self._filter is None:
            return None
        return self._filter.hits(self.text, self.prose.blocks)

    def _filtered_blocks(self, pattern: re.Pattern[str]) -> list[int] | None:
        """Blocks where the block filter says ``pattern`` may match; None if it can't say."""
        hits = self.filter_hits
        if hits is None or not is_standard(pattern):  # a team's regex: not in the set
            return None
        slot = self._filter.slot(pattern.pattern)  # type: ignore[union-attr]
        return None if slot is None else hits.get(slot, [])

    def filtered_ranges(self, pattern: re.Pattern[str]) -> list[tuple[int, int]] | None:
        """Ranges of the blocks where the block filter says ``pattern`` may match; None
        when there is no filter or the pattern is not in it."""
        filtered = self._filtered_blocks(pattern)
        if filtered is None:
            return None
        blocks = self.prose.blocks
        return [(blocks[i].start, blocks[i].end) for i in filtered]

    def regex_ranges(self, pattern: re.Pattern[str], groups: tuple[tuple[str, ...], ...],
                     declared: tuple[str, ...] = ()) -> list[tuple[int, int]]:
        """Ranges of the blocks to scan for ``pattern``.

        ``groups`` are literals derived from the pattern (every match holds one of each
        group); ``declared`` are a rule's own anchors, one of which its block holds. With
        the block filter the derived groups add nothing: every match lies in a block the
        filter names.
        """
        filtered = self._filtered_blocks(pattern)
        if filtered is None:
            return self.group_ranges((*groups, declared) if declared else groups)
        blocks = self.prose.blocks
        if filtered and declared:
            anchored = self._group_blocks((declared,))
            if anchored is not None:
                filtered = [i for i in filtered if i in anchored]
        return [(blocks[i].start, blocks[i].end) for i in filtered]

    # -- page context -------------------------------------------------------
    def _fact_matches(self, fact: Fact) -> Iterator[tuple[int, int]]:
        """Matches of a fact that stand where it allows, lazily, in page order."""
        for m in self._scan(fact):
            if m.end() <= m.start():
                continue
            if fact.where != "any":
                block = self.block_at(m.start())
                if block is None or (block.kind == HEADING) != (fact.where == "heading"):
                    continue
            if fact.skip_negated and self._negated(m.start()):
                continue
            yield m.span()

    def _scan(self, fact: Fact) -> Iterator[re.Match[str]]:
        for lo, hi in self.regex_ranges(fact.pattern, (fact.anchors,) if fact.anchors else ()):
            yield from fact.fast.finditer(self.text, self.lower, lo, hi)

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

    @cached_property
    def _emails(self) -> tuple[list[int], list[int]]:
        starts, ends = [], []
        for m in _emails_in(self.text):
            starts.append(m.start())
            ends.append(m.end())
        return starts, ends

    def in_email(self, start: int, end: int) -> bool:
        """Is [start, end) inside an email address? (Its letters are no prose.)"""
        starts, ends = self._emails
        i = bisect_right(starts, start) - 1
        return i >= 0 and end <= ends[i]

    def in_heading(self, offset: int) -> bool:
        block = self.block_at(offset)
        return block is not None and block.kind == HEADING

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Prose offsets where sentences start: block starts, then the sentence rule.

        The same rule as the spaCy sentence component (nlp.py), run on the prose so
        that rules needing only sentences never load the tokenizer.
        """
        from .language.nlp import sentence_end_for

        text = self.text
        sentence_end = sentence_end_for(text)
        if sentence_end is None:
            return [b.start for b in self.prose.blocks]
        starts: list[int] = []
        for block in self.prose.blocks:
            starts.append(block.start)
            # A match needs a character after its spaces, so every one ends inside the block.
            starts.extend(map(_MATCH_END, sentence_end.finditer(text, block.start, block.end)))
        return starts

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

    def words_before(self, offset: int) -> list[str]:
        """Lowercased words and marks of the sentence before ``offset``, nearest first."""
        sent_start, _ = self.sentence_bounds(offset, offset)
        if len(self.lower) == len(self.text):
            words = _WORD.findall(self.lower, sent_start, offset)
        else:  # lowercasing moved offsets: lowercase just this part
            words = _WORD.findall(self.text[sent_start:offset].lower())
        words.reverse()
        return words
