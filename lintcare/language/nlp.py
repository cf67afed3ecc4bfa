"""Stage 3: the spaCy pipeline (blank English, rule-based components, no model)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..sources.prose import Prose

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Large files are tokenised in chunks of whole blocks so memory stays bounded and
# spaCy's max_length never trips; no match crosses a block, so none crosses a chunk.
CHUNK_CHARS = 200_000


# A sentence ends at . ! ? (closing quotes and brackets may follow) before a space and
# a capital, digit or opening quote. Abbreviations that usually precede a name or a
# number do not end one ("Dr. Lee", "approx. 2 hours", "e.g. TMS").
_SENTENCE_PUNCT = ".!?…"
# The punctuation comes first so the scan can skip ahead to it; the abbreviation
# checks look back over it ("Mt. Sinai", "St. Joseph's", "Dr. Lee" are no ends). A word
# that starts lowercase but holds a capital ("rTMS", "eGFR") starts a sentence too.
_AFTER_PUNCT = (
    r"(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bMrs\.)(?<!\bSt\.)(?<!\bMt\.)(?<!\bvs\.)(?<!\bNo\.)"
    r"(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bapprox\.)(?<!\b[A-Z]\.)[.!?…]*[\"'”’)\]]*\s+"
    r"(?=[\"“‘(\[]?(?:[A-Z0-9]|[a-z]{1,3}[A-Z]))"
)
SENTENCE_END = re.compile(f"[{_SENTENCE_PUNCT}]{_AFTER_PUNCT}")

# A line break inside a block ends a sentence when the line before it ends with end
# punctuation (whatever the next line starts with), or ends without punctuation and the
# next line starts with a capital, a digit, a quote or a bullet: a heading, a list line,
# a table row or a button caption run into the next sentence otherwise. A line that ends
# with a comma or a small joining word ("given by / Dr. Lee") was wrapped, not ended.
# Matched from the last character of a line: a run of blank space is read once.
_LINE_BREAK = re.compile(r"(?<=\S)[ \t\r]*\n\s*(?=\S)")
_ENDED = re.compile(r"(?:[.!?…][\"'”’)\]]*|[\w®™%)\]])$")
_STOPS_ON = re.compile(r"[.!?…][\"'”’)\]]*$")
_JOINING = frozenset(["a", "an", "the", "and", "or", "nor", "but", "of", "to", "by", "with", "for",
                      "in", "on", "at", "from", "as", "via", "per", "than"])
_NEXT_STARTS = re.compile(r"[\"“‘(\[•◦▪‣*–-]?\s*[A-Z0-9]")
_ABBREVIATED = re.compile(r"\b(?:Dr|Mr|Ms|Mrs|St|Mt|vs|No|approx|e\.g|i\.e)\.$")


def _line_ends(text: str, start: int, end: int) -> list[int]:
    """Offsets where a sentence starts after a line break inside [start, end)."""
    out = []
    for m in _LINE_BREAK.finditer(text, start, end):
        before = text[max(start, m.start() - 40):m.start()].rstrip()
        if not _ENDED.search(before) or _ABBREVIATED.search(before):
            continue
        if not _STOPS_ON.search(before):
            last = before.rsplit(None, 1)[-1].lower()
            if last in _JOINING or not _NEXT_STARTS.match(text, m.end(), end):
                continue
        out.append(m.end())
    return out


def sentence_ends(text: str, start: int, end: int, punct: re.Pattern[str] | None = SENTENCE_END) -> list[int]:
    """Offsets in [start, end) where a sentence starts after another: stops and line breaks.

    ``punct`` is the stop pattern (``sentence_end_for`` narrows it to a page's stops).
    """
    ends = [m.end() for m in punct.finditer(text, start, end)] if punct is not None else []
    if "\n" in text[start:end]:
        lines = _line_ends(text, start, end)
        if lines:
            return sorted(set(ends).union(lines))
    return ends


@lru_cache(maxsize=16)
def _sentence_end_from(first: str) -> re.Pattern[str]:
    return re.compile(f"{re.escape(first)}{_AFTER_PUNCT}" if len(first) == 1 else f"[{first}]{_AFTER_PUNCT}")


def sentence_end_for(text: str) -> re.Pattern[str] | None:
    """SENTENCE_END with only the first characters ``text`` holds; None if it holds none.

    A match starts at one of them, so the matches are the same; with one kind of stop
    (most pages hold no "!", "?" or "…") the scan looks for one character, not a set
    of four, and takes 40% less time.
    """
    first = "".join(c for c in _SENTENCE_PUNCT if c in text)
    return _sentence_end_from(first) if first else None


def _sentences(doc: Doc) -> Doc:
    """Rule-based sentence starts: punctuation rules plus block starts.

    Built on arrays, not a Python loop over tokens: this runs on every document.
    """
    import numpy as np
    from spacy.attrs import IDX, SENT_START

    n = len(doc)
    if not n:
        return doc
    idx = doc.to_array(IDX).astype(np.int64)
    flags = np.full(n, -1, dtype=np.int64)
    flags[0] = 1
    text = doc.user_data.get("text") or doc.text  # Doc.text is rebuilt from tokens: costly
    ends = np.fromiter(sentence_ends(text, 0, len(text)), dtype=np.int64)
    if len(ends):
        pos = np.searchsorted(idx, ends)
        keep = pos < n
        pos, ends = pos[keep], ends[keep]
        flags[pos[idx[pos] == ends]] = 1
    for i in doc.user_data.get("block_starts", ()):
        flags[i] = 1
    doc.from_array([SENT_START], flags.astype(np.uint64).reshape(-1, 1))
    return doc


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """One Language per process, built on first use."""
    import spacy
    from spacy.language import Language

    if "lintcare_sentences" not in Language.factories:
        Language.component("lintcare_sentences", func=_sentences)
    nlp = spacy.blank("en")
    nlp.max_length = CHUNK_CHARS * 4
    nlp.add_pipe("lintcare_sentences")
    return nlp


@dataclass(frozen=True, slots=True)
class Chunk:
    offset: int  # prose offset of the chunk's first character
    end: int  # prose offset after its last character (Doc.text is costly to rebuild)
    doc: Doc


def _chunk_bounds(prose: Prose) -> list[tuple[int, int]]:
    """Chunks of whole blocks up to CHUNK_CHARS; a longer block is cut at whitespace."""
    text = prose.text
    cuts = [b.start for b in prose.blocks]
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > CHUNK_CHARS:
        # Close the chunk at the last block start that fits, else cut inside the block
        # (found by bisection: a 50 MB page has hundreds of thousands of blocks).
        i = bisect_right(cuts, start + CHUNK_CHARS) - 1
        end = cuts[i] if i >= 0 and cuts[i] > start else _whitespace_cut(text, start + CHUNK_CHARS, start)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def _whitespace_cut(text: str, limit: int, floor: int) -> int:
    """A cut point at whitespace before ``limit`` (a 10 MB line still tokenises in pieces)."""
    for i in range(limit, max(floor + 1, limit - 2000), -1):
        if text[i - 1].isspace():
            return i
    return limit


# spaCy splits a token's prefixes and suffixes one at a time, each with a scan of the
# rest: a run of thousands of characters without a space ("[[[[...", a base64 blob)
# takes quadratic time. Such a run holds no sentence, so a space stands in for one of
# its characters at least every MAX_RUN (a punctuation mark where there is one, so the
# words between stay whole); the text keeps its length and every token its offset.
MAX_RUN = 200
_LONG_RUN = re.compile(r"(?<!\S)\S{%d,}" % (MAX_RUN + 1))  # noqa: UP031
_LAST_MARK = re.compile(r".*[^\w\s]", re.DOTALL)


def has_long_runs(text: str) -> bool:
    """Does the tokenizer see ``text`` with some characters made spaces (_break_long_runs)?"""
    return _LONG_RUN.search(text) is not None


# What SENTENCE_END asks of the text after a sentence's end, and of the text before
# the next sentence's first character (its look-behinds only rule out more).
_SENTENCE_FIRST = re.compile(r"[\"“‘(\[]?[A-Z0-9]")
_CLOSERS = "\"'”’)]"


def may_start_sentence(text: str, block_starts: list[int], start: int, end: int) -> bool:
    """Can the token at ``start`` (within ``start:end``) of the prose ``text`` have
    IS_SENT_START once parsed?

    Never false where the pipeline marks one: the first token, a token that holds a
    block's start or follows white space that does, or a token SENTENCE_END stops
    before. True for any page of more than one chunk (a chunk's first token starts a
    sentence).
    """
    if len(text) > CHUNK_CHARS:
        return True
    pos = start
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    i = bisect_left(block_starts, pos)
    if pos == 0 or (i < len(block_starts) and block_starts[i] < end):
        return True
    if pos == start or not _SENTENCE_FIRST.match(text, start):
        return False
    while pos > 0 and text[pos - 1] in _CLOSERS:
        pos -= 1
    return pos > 0 and text[pos - 1] in _SENTENCE_PUNCT


def _break_long_runs(text: str) -> str:
    if not _LONG_RUN.search(text):
        return text
    chars = list(text)
    for m in _LONG_RUN.finditer(text):
        pos, end = m.start(), m.end()
        while end - pos > MAX_RUN:
            mark = _LAST_MARK.match(text, pos + MAX_RUN // 2, pos + MAX_RUN)
            cut = mark.end() - 1 if mark else pos + MAX_RUN
            chars[cut] = " "
            pos = cut + 1
    return "".join(chars)


def parse(prose: Prose) -> list[Chunk]:
    nlp = pipeline()
    chunks: list[Chunk] = []
    block_starts = [b.start for b in prose.blocks]
    for start, end in _chunk_bounds(prose):
        text = _break_long_runs(prose.text[start:end])
        doc = nlp.make_doc(text)
        token_starts: list[int] = []
        for b in block_starts:
            if start < b < end:
                span = doc.char_span(b - start, b - start + 1, alignment_mode="expand")
                if span is not None and span.start > 0:
                    token_starts.append(span.start)
        doc.user_data["block_starts"] = token_starts
        doc.user_data["offset"] = start
        doc.user_data["text"] = text
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        del doc.user_data["text"]
        chunks.append(Chunk(start, end, doc))
    return chunks
