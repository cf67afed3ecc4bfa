"""Readability of a document: SMOG, Flesch-Kincaid and Flesch reading ease, per section.

Text is prepared as the readability literature asks (NCI/CDC guidance on SMOG, Wang et
al. 2013): headings are not sentences; a list item or table cell counts only when it is
a full sentence (ends in . ! or ? and has at least three words); a run of words that
does not end in . ! or ? (a label, an address line, a lead-in ending in ":") is a
fragment, not a sentence; periods of abbreviations and decimals do not end a sentence
(the same sentence rule as the rest of lintcare); URLs, email addresses and phone
numbers are not words. Numerals are counted as they are read aloud, hyphenated words
as one word (see ``syllables.py``).

Each heading starts a section; text before the first heading is a section without a
heading. The analysis is computed once per document and shared by the rule kinds and
``lintcare stats``. Blocks become measured sentences in ``prepare.py``; the formulas
over them live in ``formulas.py``; this module splits a document into sections.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from ..sources.prose import ATTRIBUTE, HEADING, Prose
from .formulas import (
    SMOG_SENTENCES,
    Scores,
    Sentence,
    _poly,
    counted_long_words,
    frequent_long_words,
    hardest,
    score,
)
from .prepare import _block_sentences, _heading_sentences, _sentence_ends

if TYPE_CHECKING:
    from ..document import Document


@dataclass(frozen=True, slots=True)
class Section:
    heading: str | None  # None for text before the first heading
    start: int  # prose offset of the heading, or of the section's first block
    end: int
    sentences: tuple[Sentence, ...]  # body sentences, fragments included
    # What ``score`` reads of the counted sentences, added up as they were measured:
    # (words, sentences, syllables), and their long words in order.
    totals: tuple[int, int, int]
    long_words: tuple[str, ...]

    def scores(self, familiar: frozenset[str] = frozenset()) -> Scores:
        """``score(self.sentences, familiar)``."""
        words, sentences, syllables = self.totals
        return Scores(words, sentences, syllables, _poly(self.long_words, familiar))


_TOTALS_OF, _SECTION_LONG_OF = attrgetter("totals"), attrgetter("long_words")


@dataclass(frozen=True)
class Analysis:
    sections: tuple[Section, ...]
    sentences: tuple[Sentence, ...]  # every sentence in order, headings included

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [s.start for s in self.sentences])

    def scores(self, familiar: frozenset[str] = frozenset()) -> Scores:
        """Scores of the whole document: the sections' scores added up."""
        words, sentences, syllables = map(sum, zip((0, 0, 0), *map(_TOTALS_OF, self.sections), strict=True))
        return Scores(words, sentences, syllables, _poly(self.long_words(), familiar))

    def long_words(self) -> list[str]:
        """The long words of the counted sentences, in order."""
        return list(chain.from_iterable(map(_SECTION_LONG_OF, self.sections)))

    def index_at(self, offset: int) -> int | None:
        """Index of the sentence holding prose ``offset``."""
        i = bisect_right(self._starts, offset) - 1  # type: ignore[attr-defined]
        if i >= 0 and offset < self.sentences[i].end:
            return i
        return None

def heading_text(prose: Prose, start: int, end: int) -> str:
    # Plain-text reading of Markdown keeps the "#" marks; they are not the title.
    return " ".join(prose.text[start:end].lstrip("#").split())


def analyse(prose: Prose, sentence_starts: list[int] | None = None) -> Analysis:
    """Split prose into sections and sentences and count words and syllables.

    ``sentence_starts`` is ``Document.sentence_starts`` when the document has them: the
    same sentence rule run on every block, so they hold each block's sentence ends.
    """
    text = prose.text
    sections: list[Section] = []
    current: list[Sentence] = []
    totals = [0, 0, 0]
    counted_long: list[str] = []
    heading: str | None = None
    sec_start = prose.blocks[0].start if prose.blocks else 0
    everything: list[Sentence] = []

    def close(end: int) -> None:
        if current or heading is not None:
            words, sentences, syllables = totals
            sections.append(Section(heading, sec_start, end, tuple(current), (words, sentences, syllables),
                                    tuple(counted_long)))

    at = 0
    for block in prose.blocks:
        if block.kind == ATTRIBUTE:  # alt text and titles are not read in the flow
            continue
        if sentence_starts is None:
            ends = _sentence_ends(text, block.start, block.end)
        else:  # the block's start, then its sentence ends (sorted, as blocks do not overlap)
            at = bisect_right(sentence_starts, block.start, at)
            end_at = bisect_left(sentence_starts, block.end, at)
            ends, at = sentence_starts[at:end_at], end_at
        if block.kind == HEADING:
            everything += _heading_sentences(text, block.start, block.end, ends)
            close(block.start)
            heading = heading_text(prose, block.start, block.end)
            sec_start, current, totals, counted_long = block.start, [], [0, 0, 0], []
        else:
            sentences = _block_sentences(text, block.start, block.end, block.kind, ends, totals, counted_long)
            everything += sentences
            current += sentences
    close(len(text))
    return Analysis(tuple(sections), tuple(everything))


_CACHE: WeakKeyDictionary[Document, Analysis] = WeakKeyDictionary()


def analysis_of(doc: Document) -> Analysis:
    """The document's analysis, computed once however many rules ask for it."""
    found = _CACHE.get(doc)
    if found is None:
        found = _CACHE[doc] = analyse(doc.prose, doc.sentence_starts)
    return found


__all__ = ["SMOG_SENTENCES", "Analysis", "Scores", "Section", "Sentence", "analyse", "analysis_of",
           "counted_long_words", "frequent_long_words", "hardest", "heading_text", "score"]
