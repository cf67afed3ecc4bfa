"""Text preparation for readability: prose blocks into measured sentences.

Text is prepared as the readability literature asks (see ``readability.py``): a list
item or table cell counts only when it is a full sentence; a run of words that does not
end in . ! or ? is a fragment; URLs, email addresses and phone numbers are not words.
Each whitespace-separated chunk is measured once (words, syllables, long words) and
sentences add up their chunks' packed figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import chain, compress

from ..sources.prose import HEADING, LIST_ITEM, TABLE_CELL
from .formulas import (
    _COUNTED_OF,
    _SYLLABLES_OF,
    _WORDS_OF,
    Sentence,
    counted_long_words,
    long_word_key,
)

# The sentence rule every other part of lintcare uses (nlp.py's sentence component), so
# readability sentences and rule sentences agree.
from .nlp import sentence_ends
from .syllables import token_syllables

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
_TERMINAL = re.compile(r"[.!?…][^\w\s]*$")  # closing quotes, brackets, a stray comma
_FULL_SENTENCE_WORDS = 3  # a list item needs this many words to count as a sentence


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
    long_words = tuple(long_word_key(w) for w, (_, poly) in zip(words, figures, strict=True) if poly)
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
    return sentence_ends(text, start, end)


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
