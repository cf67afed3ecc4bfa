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

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, compress, repeat
from operator import attrgetter, itemgetter, lshift, or_
from typing import TYPE_CHECKING, NamedTuple
from weakref import WeakKeyDictionary

from ..sources.prose import ATTRIBUTE, HEADING, LIST_ITEM, TABLE_CELL, Prose

# The sentence rule every other part of lintcare uses (nlp.py's sentence component), so
# readability sentences and rule sentences agree.
from .nlp import SENTENCE_END
from .syllables import token_syllables

if TYPE_CHECKING:
    from ..document import Document

# A word: a dotted abbreviation (e.g., a.m.), or letters and digits joined by
# apostrophes or hyphens, with decimal points and thousands commas between digits.
WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:(?:['’\-‐‑]|(?<=\d)[.,](?=\d))[^\W_]+)*")
# Not words: URLs, email addresses and phone numbers are not read as prose. URLs have a
# cheap gate so most blocks skip their scan.
_URLS = (
    ("//", re.compile(r"\bhttps?://\S+")),
    ("www.", re.compile(r"\bwww\.\S+")),
)
# Email addresses and phone numbers: (pattern, a part every match holds, the characters
# a match is made of). Their look-arounds read one character on either side.
_RUNS_OF = (
    (re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), re.compile("@"), r"[\w.+@-]"),
    (re.compile(r"(?<![\w-])(?:\+?1[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}(?![\w-])"),
     # \d\d\d, not \d{3}: a pattern that starts with a character set lets re skip
     # ahead to the next digit instead of trying a match at every position.
     re.compile(r"\d\d\d[ .-]\d{4}"), r"[\d+ .()\-]"),
)
_RUNS_OF_COMPILED = tuple((regex, part, re.compile(chars), re.compile(chars + "*"))
                          for regex, part, chars in _RUNS_OF)
_MATCH_END = re.Match.end
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


# Field getters of Sentence, for loops that run in C.
_WORDS_OF, _SYLLABLES_OF, _LONG_OF, _COUNTED_OF = (itemgetter(i) for i in (2, 3, 4, 5))


def _poly(long_words: Sequence[str], familiar: frozenset[str]) -> int:
    """How many of ``long_words`` are not ``familiar``."""
    if familiar and long_words:
        return len(long_words) - sum(map(familiar.__contains__, long_words))
    return len(long_words)


def counted_long_words(sentences: Iterable[Sentence]) -> list[str]:
    """The long words of the counted sentences, in order."""
    sentences = list(sentences)
    return list(chain.from_iterable(map(_LONG_OF, compress(sentences, map(_COUNTED_OF, sentences)))))


def score(sentences: Iterable[Sentence], familiar: frozenset[str] = frozenset()) -> Scores:
    """Scores of the counted sentences; ``familiar`` words (lowercase) are not long words."""
    sentences = list(sentences)
    counted = list(compress(sentences, map(_COUNTED_OF, sentences)))
    return Scores(sum(map(_WORDS_OF, counted)), len(counted), sum(map(_SYLLABLES_OF, counted)),
                  _poly(counted_long_words(counted), familiar))


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


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _strip_not_words(text: str) -> str:
    """The text with URLs, emails and phone numbers blanked out (offsets unchanged)."""
    for gate, regex in _URLS:
        if gate in text:
            text = regex.sub(_blank, text)
    for regex, part, char, chars in _RUNS_OF_COMPILED:
        text = _blank_runs(text, regex, part, char, chars)
    return text


def _blank_runs(text: str, regex: re.Pattern[str], part: re.Pattern[str],
                char: re.Pattern[str], chars: re.Pattern[str]) -> str:
    """``regex.sub(_blank, text)``, scanning only the runs of ``char`` that hold ``part``.

    A match is made of such characters and holds ``part``, and its look-arounds read one
    character on either side; so a scan of each run with one character around it finds
    the same matches as a scan of the whole text, where re would try every position.
    """
    found = part.search(text)
    if found is None:
        return text
    spans: list[tuple[int, int]] = []
    while found is not None:
        lo = found.start()
        while lo > 0 and char.match(text, lo - 1):
            lo -= 1
        hi = chars.match(text, found.end()).end()  # type: ignore[union-attr]
        spans.extend(m.span() for m in regex.finditer(text, max(lo - 1, 0), hi + 1))
        found = part.search(text, hi)
    if not spans:
        return text
    out: list[str] = []
    done = 0
    for start, end in spans:
        out += (text[done:start], " " * (end - start))
        done = end
    out.append(text[done:])
    return "".join(out)


# Per whitespace-separated chunk ("pressure,", "(TMS)", "well—almost"), computed once:
# its words, long words and syllables packed in one int, so one sum (in C) adds them up
# for a sentence; and the keys of its long words. Each field holds a sentence's sum
# without carrying into the next while the block is shorter than _PACKED_CHARS: words
# and long words are at most one per character, syllables a few dozen per character
# (NFKD turns one character into at most 18). Bit _HINT_SHIFT marks a chunk that may
# hold a URL, an email address or a phone number (see _NOT_WORDS_HINT).
_FIGURES: dict[str, int] = {}
_LONG: dict[str, tuple[str, ...]] = {}
_LONG_SHIFT, _SYLLABLES_SHIFT, _HINT_SHIFT = 16, 32, 62
_FIELD_MASK = (1 << _LONG_SHIFT) - 1
_SYLLABLES_MASK = (1 << (_HINT_SHIFT - _SYLLABLES_SHIFT)) - 1
_HINT = 1 << _HINT_SHIFT
_PACKED_CHARS = 1 << _LONG_SHIFT
_CACHE_MAX = 200_000  # a pathological input cannot grow the caches without bound
# Every URL, email address or phone number _strip_not_words blanks has a chunk with one
# of these: "//" or "www." (URLs hold no whitespace), "@", and the last four digits of
# a phone number, after three digits and "." or "-", or after a space (so they start a
# chunk). A block without such a chunk has nothing to blank.
_NOT_WORDS_HINT = re.compile(r"@|//|www\.|\d{3}[.-]\d{4}|^\d{4}")


def _chunk_figures(chunk: str) -> tuple[int, int, tuple[str, ...]]:
    """(words, syllables, long word keys) of a whitespace-free chunk of text."""
    # Most chunks are one word without punctuation: WORD would find just the chunk.
    words = [chunk] if chunk.isalpha() else WORD.findall(chunk)
    figures = [token_syllables(w) for w in words]
    long_words = tuple(_long_word_key(w) for w, (_, poly) in zip(words, figures, strict=True) if poly)
    return len(words), sum(syl for syl, _ in figures), long_words


def _learn(chunks: Iterable[str]) -> None:
    if len(_FIGURES) > _CACHE_MAX:
        _FIGURES.clear()
        _LONG.clear()
    for chunk in chunks:
        if chunk in _FIGURES:
            continue
        words, syllables, long_words = _chunk_figures(chunk)
        hint = not chunk.isalpha() and _NOT_WORDS_HINT.search(chunk) is not None
        _FIGURES[chunk] = (words | len(long_words) << _LONG_SHIFT | syllables << _SYLLABLES_SHIFT
                           | hint << _HINT_SHIFT)
        if long_words:
            _LONG[chunk] = long_words


def _sentence_ends(text: str, start: int, end: int) -> list[int]:
    """Offsets where sentences end inside [start, end): lintcare's sentence rule.

    A match needs a character after its spaces, so none ends at ``end``.
    """
    return list(map(_MATCH_END, SENTENCE_END.finditer(text, start, end)))


def _pieces(text: str, start: int, end: int, ends: list[int]) -> list[tuple[int, int, str]]:
    """(start, end, text) of each sentence or fragment of a block, spaces trimmed."""
    out = []
    s = start
    for e in (*ends, end):
        raw = text[s:e]
        piece = raw.strip()
        if piece:
            # The first non-space character: the first of its kind in ``raw``.
            lo = s if raw[0] == piece[0] else s + raw.index(piece[0])
            out.append((lo, lo + len(piece), piece))
        s = e
    return out


def _figures_of(chunks: list[str]) -> int:
    """The packed figures of some chunks added up."""
    try:
        return sum(map(_FIGURES.__getitem__, chunks))
    except KeyError:
        _learn(chunks)
        return sum(map(_FIGURES.__getitem__, chunks))


def _ends_sentence(piece: str) -> bool:
    """Does the piece end in . ! ? or an ellipsis (closing marks may follow)?"""
    # Only the trailing punctuation matters; a short window keeps the search O(1).
    return piece[-1] in ".!?…" or _TERMINAL.search(piece, max(0, len(piece) - 12)) is not None


_new_tuple = tuple.__new__  # builds a Sentence without the Python-level __new__ of NamedTuple


def _heading_sentences(text: str, start: int, end: int, ends: list[int]) -> list[Sentence]:
    """The sentences of a heading: not measured, not counted."""
    return [_new_tuple(Sentence, (lo, hi, 0, 0, (), False, HEADING))
            for lo, hi, _ in _pieces(text, start, end, ends)]


def _block_sentences(text: str, start: int, end: int, kind: str, ends: list[int],
                     totals: list[int], counted_long: list[str]) -> list[Sentence]:
    """The sentences and fragments of a body block, measured.

    The counted ones are added to ``totals`` (words, sentences, syllables) and their
    long words to ``counted_long``, in the same pass.
    """
    if end - start >= _PACKED_CHARS:  # so much text could overflow the packed fields
        sentences = _sentences_one_by_one(text, start, end, kind, _pieces(text, start, end, ends))
        counted = list(compress(sentences, map(_COUNTED_OF, sentences)))
        totals[0] += sum(map(_WORDS_OF, counted))
        totals[1] += len(counted)
        totals[2] += sum(map(_SYLLABLES_OF, counted))
        counted_long += counted_long_words(counted)
        return sentences
    found = _measured(text, start, end, kind, ends, None, totals, counted_long)
    if found is None:
        found = _measured(text, start, end, kind, ends, _strip_not_words(text[start:end]), totals,
                          counted_long)
    return found  # type: ignore[return-value]


def _measured(text: str, start: int, end: int, kind: str, ends: list[int], clean: str | None,
              totals: list[int], counted_long: list[str]) -> list[Sentence] | None:
    """``_block_sentences`` in one pass over the block's pieces.

    ``clean`` is the block with URLs, email addresses and phone numbers blanked, or None:
    then the pieces are read as they are until a chunk may hold one (see
    _NOT_WORDS_HINT); the block is blanked then, and the rest read from it. Should the
    blanking change text already read, nothing is added and None is returned.
    """
    figures_of = _FIGURES.__getitem__
    long_of, has_long = _LONG.__getitem__, _LONG.__contains__
    short_counts = kind not in (LIST_ITEM, TABLE_CELL)
    terminal = _TERMINAL.search
    mark = len(counted_long)
    blanked = clean is not None
    out: list[Sentence] = []
    n_counted = words_counted = syllables_counted = 0
    s = start
    for e in (*ends, end):  # as _pieces, inline: this loop runs for every sentence
        raw = text[s:e]
        piece_start, s = s, e
        piece = raw.strip()
        if not piece:
            continue
        lo = piece_start if raw[0] == piece[0] else piece_start + raw.index(piece[0])
        hi = lo + len(piece)
        # Words never cross whitespace, so the piece is split on it (in C) and each
        # chunk's figures are looked up; chunks not seen before are learnt first.
        chunks = (piece if clean is None else clean[lo - start:hi - start]).split()
        try:
            figures = sum(map(figures_of, chunks))
        except KeyError:
            _learn(chunks)
            figures = sum(map(figures_of, chunks))
        if figures >= _HINT and not blanked:
            blanked = True
            block = text[start:end]
            clean = _strip_not_words(block)
            if clean == block:
                clean = None
            elif clean[:piece_start - start] != block[:piece_start - start]:
                del counted_long[mark:]
                return None
            else:
                chunks = clean[lo - start:hi - start].split()
                figures = _figures_of(chunks)
        words = figures & _FIELD_MASK
        syllables = figures >> _SYLLABLES_SHIFT & _SYLLABLES_MASK
        n_long = figures >> _LONG_SHIFT & _FIELD_MASK
        if not n_long:
            long_words: tuple[str, ...] = ()
        elif n_long == 1:  # one chunk holds it: stop at that chunk
            long_words = long_of(next(filter(has_long, chunks)))
        else:
            long_words = tuple(chain.from_iterable(map(long_of, filter(has_long, chunks))))
        # The test of _ends_sentence, inline.
        if words and (short_counts or words >= _FULL_SENTENCE_WORDS) and (
                piece[-1] in ".!?…" or terminal(piece, max(0, len(piece) - 12)) is not None):
            out.append(_new_tuple(Sentence, (lo, hi, words, syllables, long_words, True, kind)))
            n_counted += 1
            words_counted += words
            syllables_counted += syllables
            counted_long += long_words
        else:
            out.append(_new_tuple(Sentence, (lo, hi, words, syllables, long_words, False, kind)))
    totals[0] += words_counted
    totals[1] += n_counted
    totals[2] += syllables_counted
    return out


def _sentences_one_by_one(text: str, start: int, end: int, kind: str,
                          pieces: list[tuple[int, int, str]]) -> list[Sentence]:
    """``_block_sentences`` of a block too long for packed sums, chunk by chunk."""
    clean = _strip_not_words(text[start:end])
    out: list[Sentence] = []
    for lo, hi, piece in pieces:
        words = syllables = 0
        long_words: list[str] = []
        for chunk in clean[lo - start:hi - start].split():
            w, syl, lw = _chunk_figures(chunk)
            words, syllables = words + w, syllables + syl
            long_words += lw
        counted = (words > 0 and (kind not in (LIST_ITEM, TABLE_CELL) or words >= _FULL_SENTENCE_WORDS)
                   and _ends_sentence(piece))
        out.append(Sentence(lo, hi, words, syllables, tuple(long_words), counted, kind))
    return out


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


def hardest(sentences: Sequence[Sentence], familiar: frozenset[str] = frozenset(),
            count: int = 3) -> list[Sentence]:
    """The counted sentences that raise the grade most: most long words, then most words."""
    counted = list(compress(sentences, map(_COUNTED_OF, sentences)))
    # (long words, words) as one int, so the sort compares in C; a stable sort keeps
    # ties in page order, as heapq.nlargest with a key does.
    keys = list(map(or_, map(lshift, map(len, map(_LONG_OF, counted)), repeat(32)), map(_WORDS_OF, counted)))
    key = keys.__getitem__
    order = sorted(range(len(counted)), key=key, reverse=True)
    if familiar:
        # Familiar words only lower a key, so only the sentences whose key is still
        # above the count-th best exact key need counting again.
        exact: dict[int, int] = {}
        for i in order:
            if len(exact) >= count and keys[i] < sorted(exact.values(), reverse=True)[count - 1]:
                break
            long_words = counted[i].long_words
            exact[i] = keys[i] - (len(long_words) - _poly(long_words, familiar) << 32)
        key = exact.__getitem__
        order = sorted(sorted(exact), key=key, reverse=True)  # ties: page order
    return [counted[i] for i in order[:count] if key(i)]


_COUNT_OF = itemgetter(1)


def frequent_long_words(long_words: Iterable[str], familiar: frozenset[str] = frozenset(),
                        count: int = 5) -> list[tuple[str, int]]:
    """The long words (of counted sentences) that drive a SMOG score, most frequent first."""
    counter = Counter(long_words)
    for word in familiar:
        counter.pop(word, None)
    # counter.most_common(count), sorted in C: a stable sort keeps ties in first-seen
    # order, as most_common's heap does.
    return sorted(counter.items(), key=_COUNT_OF, reverse=True)[:count]
