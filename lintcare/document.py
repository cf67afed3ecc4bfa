"""A document under lint: source, prose, the spaCy parse and page facts, each computed once."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from .language.pagekind import guess_kind, normalise_kind
from .language.vocabulary import EMPTY as EMPTY_VOCABULARY
from .language.vocabulary import Vocabulary
from .scan import PageScan, Pattern, Scanner
from .sources import Source
from .sources.prose import HEADING, Block, Prose

if TYPE_CHECKING:
    from .language.nlp import Chunk


# Words (with inner apostrophes: "isn't" stays one word) and single marks.
_WORD = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


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
    pattern: Pattern
    links: bool = True  # also look in link targets (tel:, mailto:, booking URLs)
    where: str = "any"  # "any", "heading" (a title names it) or "body" (running text)
    min_count: int = 1  # how many matches make the fact true (a topic, not a passing word)
    skip_negated: bool = False  # "no side effects" does not state a side effect


_TITLE_WORDS = 12
_NOT_TITLE_ENDS = (".", "!", ",", ";", ":")
MAX_SENTENCE = 1000  # characters of context on either side of a match, at most


class Document:
    """The page (source, prose, text), its facts and settings, and ``scan``: how the
    rule kinds find their patterns' matches in it (scan/page.py)."""

    def __init__(self, source: Source, prose: Prose, facts: dict[str, Fact],
                 scan: PageScan | None = None, vocabulary: Vocabulary = EMPTY_VOCABULARY,
                 locale: str | None = None, page_kind: str | None = None) -> None:
        self.source = source
        # The file's own settings (its configuration's, or the page's own declaration):
        # the project vocabulary and locale, read by spelling rules, and the page kind.
        self.vocabulary = vocabulary
        self.locale = locale
        self._page_kind = normalise_kind(page_kind)
        self.prose = prose
        self.text = prose.text
        self._facts = facts
        # Without a rule set's scanner (a test, a one-off page): no shared index or filter.
        self.scan = scan if scan is not None else Scanner((), ()).page(prose.text, prose.blocks)
        self._fact_hits: dict[str, int | bool | None] = {}
        self._fact_spans: dict[str, list[tuple[int, int]]] = {}
        self._block_starts = [b.start for b in prose.blocks]

    @property
    def path(self) -> str:
        return self.source.path

    @cached_property
    def page_kind(self) -> str:
        """provider, news, government...: the setting, or a guess from the page's words."""
        return self._page_kind or guess_kind(self.text)

    @cached_property
    def chunks(self) -> list[Chunk]:
        from .language.nlp import parse

        return parse(self.prose)

    # -- page context -------------------------------------------------------
    def _fact_matches(self, fact: Fact) -> Iterator[tuple[int, int]]:
        """Matches of a fact that stand where it allows, lazily, in page order."""
        for m in self.scan.finditer(fact.pattern):
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

    def fact_pattern(self, name: str) -> Pattern:
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

    def title_like(self, offset: int) -> bool:
        """A heading, or a short line standing alone as a title or an FAQ question
        ("What is TMS?", "KETAMINE CLINIC"): at most 12 words, no sentence stop or comma
        at its end, on a line of its own. It cannot hold an explanation or a pairing; the
        text below it does."""
        block = self.block_at(offset)
        if block is None:
            return False
        if block.kind == HEADING:
            return True
        # The line around ``offset``: a block of plain text may hold a title line over
        # its first sentence ("Why SPRAVATO?" then the answer).
        text = self.text
        lo = max(block.start, text.rfind("\n", block.start, offset) + 1)
        hi = text.find("\n", offset, block.end)
        line = text[lo:block.end if hi < 0 else hi]
        # At most one split past the limit: a page on one long line asks this at every
        # finding, and splitting the whole line each time was quadratic.
        if len(line.split(None, _TITLE_WORDS)) > _TITLE_WORDS:
            return False
        return not line.rstrip().endswith(_NOT_TITLE_ENDS)

    @cached_property
    def quotation_spans(self) -> list[tuple[int, int]]:
        """Spans quoted across sentences within a paragraph (context.paragraph_quotations)."""
        from .context import paragraph_quotations

        return paragraph_quotations(self)

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Prose offsets where sentences start: block starts, then the sentence rule.

        The same rule as the spaCy sentence component (nlp.py), run on the prose so
        that rules needing only sentences never load the tokenizer.
        """
        from .language.nlp import sentence_end_for, sentence_ends

        text = self.text
        sentence_end = sentence_end_for(text)
        if sentence_end is None and "\n" not in text:
            return [b.start for b in self.prose.blocks]
        starts: list[int] = []
        for block in self.prose.blocks:
            starts.append(block.start)
            # A match needs a character after its spaces, so every one ends inside the block.
            starts.extend(sentence_ends(text, block.start, block.end, sentence_end))
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
        if self.scan.aligned:
            words = _WORD.findall(self.scan.lower, sent_start, offset)
        else:  # lowercasing moved offsets: lowercase just this part
            words = _WORD.findall(self.text[sent_start:offset].lower())
        words.reverse()
        return words
