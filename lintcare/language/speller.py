"""Dictionary spelling: pyspellchecker's English word list plus lintcare's domain lexicon.

Why pyspellchecker (docs/spelling.md has the measured comparison with symspellpy): it
loads in about 0.13 s where symspellpy needs about 2.2 s, its list is twice as large
(contractions and possessives included, so fewer false alarms), and with the lexicon
both rank the same share of our typos right. Its one slow path, the distance-2 search
over the whole dictionary (0.3-1.5 s a word), is never taken: distance 1 is searched
in the whole dictionary, distance 2 only among the domain terms, through a small
index of deletions built on first use.

Results are cached per process, so a word is looked up once however many files
contain it.

The word list is read straight from pyspellchecker's package data (see ``_read_english``):
building its ``SpellChecker`` spends as long again as the reading on passes over the 160k
words that change nothing for a list already in lowercase.
"""

from __future__ import annotations

import importlib.util
import json
import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

LEXICON_PATH = Path(__file__).resolve().parent.parent / "data" / "lexicon.txt"
MAX_SUGGESTIONS = 5


def load_lexicon(path: Path = LEXICON_PATH) -> dict[str, str]:
    """Lowercase term -> the spelling to suggest (``spravato`` -> ``SPRAVATO``).

    The first spelling listed wins, so a brand's preferred form comes first in the file.
    """
    terms: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        term = line.split("#", 1)[0].strip()
        if term:
            terms.setdefault(term.lower(), term)
    return terms


def _norm(word: str) -> str:
    return word.strip().replace("’", "'").lower()


# -- the speller -------------------------------------------------------------------
def _deletes(word: str, depth: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


def osa_distance(a: str, b: str, limit: int = 2) -> int:
    """Edit distance with adjacent transpositions (optimal string alignment), capped."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


# -- pyspellchecker's English list ----------------------------------------------------
_ENGLISH = ("resources", "en.json.gz")  # where pyspellchecker 0.9 keeps it in its package
_ASCII = bytes(range(128))
_COMMON = "abcdefghijklmnopqrstuvwxyz'"
_COMMON_BYTES = _COMMON.encode()
_PUNCTUATION = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""  # string.punctuation, as SpellChecker tests it


def _read_english() -> dict[str, int] | None:
    """The dictionary ``SpellChecker(language="en")`` builds, or None where the package data is
    not where pyspellchecker 0.9 keeps it (``_load_english`` then builds a SpellChecker).

    The package is located, not imported: the list is all it is needed for.
    """
    spec = importlib.util.find_spec("spellchecker")
    get_data = getattr(spec.loader, "get_data", None) if spec is not None else None
    if spec is None or spec.origin is None or get_data is None:
        return None
    try:
        raw = get_data(os.path.join(os.path.dirname(spec.origin), *_ENGLISH))
    except OSError:
        return None
    return _parse_english(raw)


def _parse_english(raw: bytes) -> dict[str, int] | None:
    """The gzipped JSON word list as SpellChecker reads it, or None if that could differ.

    SpellChecker lowercases every word, summing the counts of words that differ only in
    case: on a list with no capital that yields the list as read. The checks run in C:
    no escape (one could spell a capital), no ASCII capital, and no capital among the
    non-ASCII characters (what is left of the UTF-8 once every ASCII byte is deleted).
    """
    import gzip  # here: a run without spelling rules never needs them
    import zlib

    try:
        data = gzip.decompress(raw)
        if b"\\" in data or not data.islower():
            return None
        rest = data.translate(None, _ASCII).decode("utf-8")
        words = json.loads(data.decode("utf-8"))
    except (OSError, EOFError, zlib.error, ValueError):  # a bad gzip stream, UTF-8 or JSON
        return None
    if rest.lower() != rest or not isinstance(words, dict):
        return None
    return words


class _EditsOne:
    """``SpellChecker.edit_distance_1`` over a word list: every string one edit away, the
    inserted and replacing characters being those the list's words use.

    Those letters and the longest word's length take a pass over the whole list, made
    on the first call only, when a first unknown word needs suggestions.
    """

    __slots__ = ("_freq", "_letters", "_longest")

    def __init__(self, freq: dict[str, int]) -> None:
        self._freq = freq
        self._letters: tuple[str, ...] | None = None
        self._longest = 0

    def _learn(self) -> None:
        # set().union(*words) in C: the common letters are looked for one by one, the
        # others are what is left once they are deleted (a few bytes).
        joined = "".join(self._freq).encode("utf-8")
        rest = joined.translate(None, _COMMON_BYTES).decode("utf-8")
        letters = {c for c in _COMMON if c.encode() in joined} | set(rest)
        self._letters = tuple(sorted(letters))
        self._longest = max(map(len, self._freq), default=0)

    def __call__(self, word: str) -> set[str]:
        if self._letters is None:
            self._learn()
        word = word.lower()
        if not self._worth_editing(word):
            return {word}
        letters = self._letters or ()
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        out = {a + b[1:] for a, b in splits if b}
        out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
        out.update(a + c + b[1:] for a, b in splits if b for c in letters)
        out.update(a + c + b for a, b in splits for c in letters)
        return out

    def _worth_editing(self, word: str) -> bool:
        """SpellChecker's test of the same name (``_check_if_should_check``)."""
        if (len(word) == 1 and word in _PUNCTUATION) or len(word) > self._longest + 3:
            return False
        if word in ("nan", "inf", "infinity"):
            return True
        try:
            float(word)
        except ValueError:
            return True
        return False


def _load_english() -> tuple[dict[str, int], Callable[[str], set[str]]]:
    """Word -> frequency, and the distance-1 edits of a word."""
    words = _read_english()
    if words is not None:
        return words, _EditsOne(words)
    from spellchecker import SpellChecker

    engine = SpellChecker(language="en", distance=1)
    return engine.word_frequency.dictionary, engine.edit_distance_1


class Speller:
    def __init__(self, lexicon: dict[str, str] | None = None) -> None:
        self._freq, self._edits_1 = _load_english()
        self.domain = load_lexicon() if lexicon is None else lexicon
        self._domain_index: dict[str, set[str]] | None = None
        self._suggestions: dict[str, tuple[str, ...]] = {}

    def known(self, word: str) -> bool:
        """``word`` is lowercase. A plural in -s of a known word is known ("podcasts")."""
        if word in self._freq or word in self.domain:
            return True
        return len(word) > 3 and word[-1] == "s" and word[-2] not in "s'" and (
            word[:-1] in self._freq or word[:-1] in self.domain)

    def _known_among(self, words: set[str]) -> set[str]:
        """``{w for w in words if self.known(w)}``, the dictionary look-ups run in C: an
        unknown word has about a thousand edits to check."""
        freq, domain = self._freq, self.domain
        found = set(filter(freq.__contains__, words))
        found.update(filter(domain.__contains__, words))
        found.update(w for w in words if w[-1:] == "s" and len(w) > 3 and w[-2] not in "s'"
                     and (w[:-1] in freq or w[:-1] in domain))
        return found

    def frequency(self, word: str) -> int:
        """How often ``word`` (lowercase) occurs in the word list's corpus; 0 if it is not listed."""
        return self._freq.get(word, 0)

    def is_domain(self, word: str) -> bool:
        return word.lower() in self.domain

    def suggest(self, word: str) -> tuple[str, ...]:
        """Best corrections first: nearest, then domain terms, then the most frequent words."""
        low = word.lower()
        cached = self._suggestions.get(low)
        if cached is None:
            cached = self._suggestions[low] = self._rank(low)
        return cached

    def _rank(self, word: str) -> tuple[str, ...]:
        near = self._known_among(self._edits_1(word))
        if not near:
            near = self._domain_within_2(word)
        ranked = sorted(near, key=lambda w: (w not in self.domain, -self._freq.get(w, 0), w))
        return tuple(self.domain.get(w, w) for w in ranked[:MAX_SUGGESTIONS])

    def _domain_within_2(self, word: str) -> set[str]:
        # Two edits change the length by two at most: no term is that near a longer word,
        # whose deletions (quadratic in its length: seconds for a run of 80k letters)
        # need not be made.
        if len(word) > max(map(len, self.domain), default=0) + 2:
            return set()
        if self._domain_index is None:
            index: dict[str, set[str]] = {}
            for term in self.domain:
                for d in _deletes(term, 2):
                    index.setdefault(d, set()).add(term)
            self._domain_index = index
        found: set[str] = set()
        for d in _deletes(word, 2):
            found |= self._domain_index.get(d, set())
        return {t for t in found if osa_distance(word, t) <= 2}


@lru_cache(maxsize=1)
def default_speller() -> Speller:
    """One speller per process, loaded on first use (about 0.05 s)."""
    return Speller()


__all__ = ["Speller", "default_speller", "load_lexicon"]
