"""Context shared by every rule: negation, quotation, meta-language and label text.

A rule says which of these apply to it (``skip_negated``, ``skip_quoted``,
``skip_inside``, ``skip_sections``); the checks live here once instead of inside each
rule's pattern. What counts as label text is data: facts in rules.yaml.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from .scan import compile

if TYPE_CHECKING:
    from .document import Document

# NegEx-style cues, looked for in a few tokens before the match.
NEGATION_CUES = frozenset(
    {"not", "no", "never", "n't", "without", "neither", "nor", "none", "nothing", "cannot",
     "isn't", "aren't", "wasn't", "doesn't", "don't", "won't", "nobody"}
)
NEGATION_BIGRAMS = frozenset({("rather", "than"), ("instead", "of"), ("free", "of")})
# Words that end a negation's reach ("not covered, but it is a cure").
NEGATION_STOPS = frozenset({"but", "however", "although", "though", "yet", "while", "whereas"})
NEGATION_WINDOW = 6

# Words that talk about wording rather than use it ("we say X instead of Y"), and
# sentences that report a claim in order to correct it ("Myth: ketamine is a cure",
# "some clinics claim...", "be wary of ads that promise...").
# Compiled on first use (a table lookup until then): most runs never need it whole.
# The scan finds its matches on a sentence's lowercased copy (re tries a case-ignoring
# alternation of words a few times slower).
META = compile(
    r"\b(?:instead of (?:saying|writing|using)|rather than (?:saying|writing)|"
    # "proud to say that we ..." states a fact in a speech frame; it quotes no word.
    r"(?:we|you|please|to) (?:say|write)(?! that (?:we|our|it|this|they|you)\b)|"
    r"(?:we|you|please|to) use (?:the )?(?:words?|terms?|phrases?)|"
    r"avoid (?:saying|writing|using|the (?:word|term|phrase)s?)|"
    r"(?:do not|don't|never) (?:say|write|use)|(?:words?|terms?|phrases?|language) (?:like|such as)|"
    r"the (?:word|term|phrase)s?|(?:old|older|outdated|former|previous) (?:name|term|word)s?)\b|"
    r"\b(?:myth|misconception)s?\s*(?:#\s*\d+\s*)?[:—–]|\bit(?:'s|’s| is) a myth\b|"
    r"\b(?:clinics?|websites?|sites|ads|adverts?|advertisements?|companies|sellers|providers|"
    r"marketing|headlines?|posts?)\s+(?:that\s+|which\s+|who\s+)?(?:may\s+)?"
    r"(?:claim|promise|advertise|boast|guarantee)s?\b|"
    r"\b(?:be wary of|beware of|watch out for|red flags?|warning signs? of (?:a |an )?(?:scam|misleading))\b|"
    # Reported words: what people "are told" or "were called" is quoted, not said.
    # ("X is called Y" names a thing, so only people being called or labelled count.)
    r"\b(?:is|are|was|were|be|been|being|get|gets|got)\s+(?:\w+\s+)?told\b|"
    r"\b(?:are|were|been|being|get|got)\s+(?:\w+\s+)?(?:called|labell?ed)\b",
    ignore_case=True,
)

_OPEN_CLOSE = (("“", "”"), ("‘", "’"), ("«", "»"))
# Marks that do not end a negation's reach ("not a 'cure'", "non-addictive").
_NEUTRAL_MARKS = frozenset({"-", "'", '"', "“", "”", "‘", "’"})
_STRAIGHT_DOUBLE = '"'


def is_negated(doc: Document, start: int, window: int = NEGATION_WINDOW) -> bool:
    """A negation cue stands in the same sentence within ``window`` words before ``start``."""
    prev = ""
    for seen, word in enumerate(doc.words_before(start), 1):
        if len(word) == 1 and not word.isalnum() and word not in _NEUTRAL_MARKS:
            break  # a comma or full stop ends the negation's reach
        word = word.replace("’", "'")
        if word in NEGATION_STOPS:
            break
        if word in NEGATION_CUES or word.endswith("n't") or (word, prev) in NEGATION_BIGRAMS:
            return True
        prev = word
        if seen >= window:
            break
    return False


def _inside_pair(text: str, pos: int, end: int) -> bool:
    for open_, close in _OPEN_CLOSE:
        o = text.rfind(open_, 0, pos)
        if o >= 0 and text.rfind(close, o, pos) < 0 and text.find(close, end) >= 0:
            return True
    if text.count(_STRAIGHT_DOUBLE, 0, pos) % 2 == 1 and _STRAIGHT_DOUBLE in text[end:]:
        return True
    # Straight single quotes: only a quote that opens after a space or bracket, so
    # apostrophes in "don't" are not taken for quotation marks.
    o = pos - 1
    while o >= 0:
        if text[o] == "'" and (o == 0 or text[o - 1] in " (\t\n[") :
            close = text.find("'", end)
            return close >= 0 and (close + 1 == len(text) or not text[close + 1].isalpha())
        o -= 1
    return False


def is_quoted(doc: Document, start: int, end: int) -> bool:
    """The match is quoted, or the sentence talks about wording (meta-language)."""
    s, e = doc.sentence_bounds(start, end)
    sentence = doc.text[s:e]
    if _inside_pair(sentence, start - s, end - s) or _quoted_in_paragraph(doc, start, end):
        return True
    return doc.scan.search(META, s, e) is not None


def _quoted_in_paragraph(doc: Document, start: int, end: int) -> bool:
    """Inside a quotation of several sentences (its marks are in the paragraph, not the
    sentence), or in a paragraph of a quotation that runs on."""
    spans = doc.quotation_spans
    i = bisect_right(spans, (start, len(doc.text))) - 1
    return any(s <= start and end <= e for s, e in spans[max(0, i - 1):i + 1])


# Double quotation marks paired within a paragraph.
_PAIRED = re.compile(r'“[^“”]*”|"[^"]*"')
_RUNS_ON = {"“": "”", _STRAIGHT_DOUBLE: _STRAIGHT_DOUBLE}


def paragraph_quotations(doc: Document) -> list[tuple[int, int]]:
    """Sorted spans quoted within each block: paired double marks, and a whole block that
    opens with a mark and never closes it (each paragraph of a long quotation opens, only
    the last one closes). Computed once per document: the check runs at every match."""
    text = doc.text
    spans: list[tuple[int, int]] = []
    for block in doc.prose.blocks:
        closer = _RUNS_ON.get(text[block.start:block.start + 1])
        if closer is not None and text.find(closer, block.start + 1, block.end) < 0:
            spans.append((block.start, block.end))
            continue
        spans.extend(m.span() for m in _PAIRED.finditer(text, block.start, block.end))
    return sorted(spans)


def covered_by(doc: Document, start: int, end: int, facts: tuple[str, ...]) -> bool:
    """[start, end) lies inside a match of one of ``facts`` (a label heading, say)."""
    for name in facts:
        spans = doc.fact_spans(name)
        i = bisect_right(spans, (start, len(doc.text))) - 1
        while i >= 0:
            s, e = spans[i]
            if s <= start and e >= end:
                return True
            if e <= start and s < start - 200:
                break
            i -= 1
    return False


def under_heading(doc: Document, offset: int, facts: tuple[str, ...]) -> bool:
    """The text at ``offset`` stands in a section whose heading matches one of ``facts``.

    Sections quoted from a drug label ("Important Safety Information", a boxed
    warning) use the label's own words; rules about a clinic's wording skip them.
    """
    for heading in doc.section_headings(offset):
        title = doc.text[heading.start:heading.end]
        if any(doc.fact_pattern(name).search(title) for name in facts):
            return True
    return False
