"""Readability formulas: SMOG, Flesch-Kincaid and Flesch reading ease, over measured sentences.

A ``Sentence`` carries its counts (``prepare.py`` measures them); ``score`` adds up the
counted ones and ``Scores`` computes the formulas. ``hardest`` and
``frequent_long_words`` say what drives a grade.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, compress, repeat
from operator import itemgetter, lshift, or_
from typing import NamedTuple

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


def long_word_key(word: str) -> str:
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


def hardest(sentences: Sequence[Sentence], familiar: frozenset[str] = frozenset(),
            count: int = 3) -> list[Sentence]:
    """The counted sentences that raise the grade most: most long words, then most words."""
    if count <= 0:
        return []
    counted = list(compress(sentences, map(_COUNTED_OF, sentences)))
    # (long words, words) as one int, so the sort compares in C; a stable sort keeps
    # ties in page order, as heapq.nlargest with a key does.
    keys = list(map(or_, map(lshift, map(len, map(_LONG_OF, counted)), repeat(32)), map(_WORDS_OF, counted)))
    key = keys.__getitem__
    order = sorted(range(len(counted)), key=key, reverse=True)
    if familiar:
        # Familiar words only lower a key, so only the sentences whose key is still
        # above the count-th best exact key need counting again. That key is the
        # smallest in a heap of the ``count`` best: O(log count) per sentence (sorting
        # every exact key per sentence made a big page quadratic).
        exact: dict[int, int] = {}
        best: list[int] = []
        for i in order:
            if len(best) >= count and keys[i] < best[0]:
                break
            long_words = counted[i].long_words
            exact[i] = value = keys[i] - (len(long_words) - _poly(long_words, familiar) << 32)
            if len(best) < count:
                heapq.heappush(best, value)
            elif value > best[0]:
                heapq.heapreplace(best, value)
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
