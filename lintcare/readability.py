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
``lintcare stats``.
"""

from __future__ import annotations

import heapq
import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, pairwise
from typing import TYPE_CHECKING, NamedTuple
from weakref import WeakKeyDictionary

# The sentence rule every other part of lintcare uses (nlp.py's sentence component), so
# readability sentences and rule sentences agree.
from .nlp import SENTENCE_END
from .prose import ATTRIBUTE, HEADING, LIST_ITEM, TABLE_CELL, Prose
from .syllables import token_syllables

if TYPE_CHECKING:
    from .document import Document

# A word: a dotted abbreviation (e.g., a.m.), or letters and digits joined by
# apostrophes or hyphens, with decimal points and thousands commas between digits.
WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:(?:['’\-‐‑]|(?<=\d)[.,](?=\d))[^\W_]+)*")
# Not words: URLs, email addresses and phone numbers are not read as prose. Each has a
# cheap gate so most blocks skip its scan.
_NOT_WORDS = (
    ("//", re.compile(r"\bhttps?://\S+")),
    ("www.", re.compile(r"\bwww\.\S+")),
    ("@", re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("", re.compile(r"(?<![\w-])(?:\+?1[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}(?![\w-])")),
)
_PHONE_TAIL = re.compile(r"\d{3}[ .-]\d{4}")  # every phone number ends like this
# Where a sentence may end: the sentence rule's punctuation, quickly found; each
# candidate is then confirmed by the full rule (abbreviations, the next character).
_END_CANDIDATE = re.compile(r"[.!?…]+[\"'”’)\]]*\s+")
_TERMINAL = re.compile(r"[.!?…][^\w\s]*$")  # closing quotes, brackets, a stray comma
_FULL_SENTENCE_WORDS = 3  # a list item needs this many words to count as a sentence
SMOG_SENTENCES = 30  # SMOG's calibration sample


class Sentence(NamedTuple):
    """One sentence (or fragment) of prose, in prose offsets (a tuple: cheap to make)."""

    start: int
    end: int
    words: int
    syllables: int
    long_words: tuple[str, ...]  # words of three or more syllables, lowercase, no "'s"
    counted: bool  # False for headings and fragments: not used by the formulas
    kind: str  # the kind of block it stands in

    @property
    def polysyllables(self) -> int:
        return len(self.long_words)


@dataclass(frozen=True, slots=True)
class Scores:
    """Counts over some sentences and the formulas computed from them."""

    words: int
    sentences: int
    syllables: int
    polysyllables: int

    @property
    def smog(self) -> float | None:
        """SMOG grade: 1.043 * sqrt(polysyllables * 30 / sentences) + 3.1291."""
        if not self.sentences:
            return None
        return 1.043 * math.sqrt(self.polysyllables * SMOG_SENTENCES / self.sentences) + 3.1291

    @property
    def flesch_kincaid(self) -> float | None:
        """Flesch-Kincaid grade: 0.39 * words/sentence + 11.8 * syllables/word - 15.59."""
        if not self.sentences or not self.words:
            return None
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59

    @property
    def flesch_reading_ease(self) -> float | None:
        """Flesch reading ease: 206.835 - 1.015 * words/sentence - 84.6 * syllables/word."""
        if not self.sentences or not self.words:
            return None
        return 206.835 - 1.015 * self.words / self.sentences - 84.6 * self.syllables / self.words

    def grade(self, metric: str) -> float | None:
        return self.smog if metric == "smog" else self.flesch_kincaid


def _long_word_key(word: str) -> str:
    """How a long word is compared with the familiar list: lowercase, no possessive."""
    w = word.lower()
    return w[:-2] if w.endswith(("'s", "’s")) else w


def score(sentences: Iterable[Sentence], familiar: frozenset[str] = frozenset()) -> Scores:
    """Scores of the counted sentences; ``familiar`` words (lowercase) are not long words."""
    words = n = syllables = poly = 0
    for s in sentences:
        if s.counted:
            n += 1
            words += s.words
            syllables += s.syllables
            poly += len(s.long_words)
            if familiar:
                poly -= sum(map(familiar.__contains__, s.long_words))
    return Scores(words, n, syllables, poly)


@dataclass(frozen=True, slots=True)
class Section:
    heading: str | None  # None for text before the first heading
    start: int  # prose offset of the heading, or of the section's first block
    end: int
    sentences: tuple[Sentence, ...]  # body sentences, fragments included

    def scores(self, familiar: frozenset[str] = frozenset()) -> Scores:
        return score(self.sentences, familiar)


@dataclass(frozen=True)
class Analysis:
    sections: tuple[Section, ...]
    sentences: tuple[Sentence, ...]  # every sentence in order, headings included

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [s.start for s in self.sentences])

    def scores(self, familiar: frozenset[str] = frozenset()) -> Scores:
        """Scores of the whole document: the sections' scores added up."""
        parts = [sec.scores(familiar) for sec in self.sections]
        return Scores(*(sum(getattr(p, f) for p in parts)
                        for f in ("words", "sentences", "syllables", "polysyllables")))

    def index_at(self, offset: int) -> int | None:
        """Index of the sentence holding prose ``offset``."""
        i = bisect_right(self._starts, offset) - 1  # type: ignore[attr-defined]
        if i >= 0 and offset < self.sentences[i].end:
            return i
        return None


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _strip_not_words(text: str) -> str:
    """The text with URLs, emails and phone numbers blanked out (offsets unchanged)."""
    for gate, regex in _NOT_WORDS:
        if gate in text if gate else _PHONE_TAIL.search(text):
            text = regex.sub(_blank, text)
    return text


def _measure(text: str) -> tuple[int, int, tuple[str, ...]]:
    """Words, syllables and long words of one sentence's text (non-words blanked out).

    Words never cross whitespace, so the text is split on it (fast, in C) and each
    whitespace-separated chunk is looked up in a cache of its words' figures.
    """
    chunks = text.split()
    try:  # the common case: every chunk seen before; the loops run in C
        words = sum(map(_WORDS.__getitem__, chunks))
    except KeyError:
        _learn(chunks)
        words = sum(map(_WORDS.__getitem__, chunks))
    syllables = sum(map(_SYLLABLES.__getitem__, chunks))
    long_words = tuple(chain.from_iterable(filter(None, map(_LONG.get, chunks))))
    return words, syllables, long_words


# Per whitespace-separated chunk ("pressure,", "(TMS)", "well—almost"), computed once:
# how many words it holds, their syllables, and the keys of its long words.
_WORDS: dict[str, int] = {}
_SYLLABLES: dict[str, int] = {}
_LONG: dict[str, tuple[str, ...]] = {}
_CACHE_MAX = 200_000  # a pathological input cannot grow the caches without bound


def _learn(chunks: Iterable[str]) -> None:
    if len(_WORDS) > _CACHE_MAX:
        _WORDS.clear()
        _SYLLABLES.clear()
        _LONG.clear()
    for chunk in chunks:
        if chunk in _WORDS:
            continue
        words = WORD.findall(chunk)
        figures = [token_syllables(w) for w in words]
        _WORDS[chunk] = len(words)
        _SYLLABLES[chunk] = sum(syl for syl, _ in figures)
        long_words = tuple(_long_word_key(w) for w, (_, poly) in zip(words, figures, strict=True) if poly)
        if long_words:
            _LONG[chunk] = long_words


def _sentence_ends(text: str, start: int, end: int) -> Iterator[int]:
    """Offsets where sentences end inside [start, end): the same as lintcare's sentence rule."""
    for cand in _END_CANDIDATE.finditer(text, start, end):
        # The rule's lookahead needs at most two characters past the spaces.
        m = SENTENCE_END.search(text, cand.start(), min(end, cand.end() + 2))
        if m is not None and m.start() < cand.end():
            yield m.end()


def _block_sentences(text: str, start: int, end: int, kind: str) -> list[Sentence]:
    """The sentences and fragments of one block, measured (headings are not)."""
    bounds = [start, *_sentence_ends(text, start, end), end]
    clean = _strip_not_words(text[start:end]) if kind != HEADING else ""
    out: list[Sentence] = []
    for s, e in pairwise(bounds):
        raw = text[s:e]
        piece = raw.strip()
        if not piece:
            continue
        s += len(raw) - len(raw.lstrip())
        e = s + len(piece)
        if kind == HEADING:
            out.append(Sentence(s, e, 0, 0, (), False, kind))
            continue
        words, syllables, long_words = _measure(clean[s - start:e - start])
        # Only the trailing punctuation matters; a short window keeps the search O(1).
        counted = words > 0 and _TERMINAL.search(piece, max(0, len(piece) - 12)) is not None
        if kind in (LIST_ITEM, TABLE_CELL) and words < _FULL_SENTENCE_WORDS:
            counted = False
        out.append(Sentence(s, e, words, syllables, long_words, counted, kind))
    return out


def heading_text(prose: Prose, start: int, end: int) -> str:
    # Plain-text reading of Markdown keeps the "#" marks; they are not the title.
    return " ".join(prose.text[start:end].lstrip("#").split())


def analyse(prose: Prose) -> Analysis:
    """Split prose into sections and sentences and count words and syllables."""
    text = prose.text
    sections: list[Section] = []
    current: list[Sentence] = []
    heading: str | None = None
    sec_start = prose.blocks[0].start if prose.blocks else 0
    everything: list[Sentence] = []

    def close(end: int) -> None:
        if current or heading is not None:
            sections.append(Section(heading, sec_start, end, tuple(current)))

    for block in prose.blocks:
        if block.kind == ATTRIBUTE:  # alt text and titles are not read in the flow
            continue
        sentences = _block_sentences(text, block.start, block.end, block.kind)
        everything.extend(sentences)
        if block.kind == HEADING:
            close(block.start)
            heading = heading_text(prose, block.start, block.end)
            sec_start, current = block.start, []
        else:
            current.extend(sentences)
    close(len(text))
    return Analysis(tuple(sections), tuple(everything))


_CACHE: WeakKeyDictionary[Document, Analysis] = WeakKeyDictionary()


def analysis_of(doc: Document) -> Analysis:
    """The document's analysis, computed once however many rules ask for it."""
    found = _CACHE.get(doc)
    if found is None:
        found = _CACHE[doc] = analyse(doc.prose)
    return found


def hardest(sentences: Sequence[Sentence], familiar: frozenset[str] = frozenset(),
            count: int = 3) -> list[Sentence]:
    """The counted sentences that raise the grade most: most long words, then most words."""
    def weight(s: Sentence) -> tuple[int, int]:
        long_words = len(s.long_words) - sum(map(familiar.__contains__, s.long_words))
        return long_words, s.words

    ranked = heapq.nlargest(count, (s for s in sentences if s.counted), key=weight)
    return [s for s in ranked if weight(s) > (0, 0)]


def frequent_long_words(sentences: Iterable[Sentence], familiar: frozenset[str] = frozenset(),
                        count: int = 5) -> list[tuple[str, int]]:
    """The long words that drive a SMOG score, most frequent first (case folded)."""
    counter = Counter(chain.from_iterable(s.long_words for s in sentences if s.counted))
    for word in familiar:
        counter.pop(word, None)
    return counter.most_common(count)
