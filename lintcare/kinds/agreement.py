"""``agreement``: a noun's number against the words that fix it.

Shapes (the rule's ``shape``), read off word sequences with lemminflect's tables
(language/inflection.py), as no tagger is loaded:

- ``quantifier``: a plural quantifier and a singular count noun that ends the noun phrase
  ("many patient feel", "several session."); "many patient rooms" is a compound and stays.
- ``one-of``: "one of the ... NOUN" whose head noun is singular ("one of the most common
  side effect is").
- ``other``: "and/or/like/to other ... NOUN" whose head noun is a singular count noun
  ("anxiety and other mood disorder.", "similar to other dental or surgical procedure").
- ``list``: a singular drug-class word between two plural nouns of a list
  ("stimulants, sedative, hypnotics").

Each hit suggests the plural. Mass nouns ("care", "nausea") are never flagged in the
``other`` and ``list`` shapes, where the singular can be right.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document
from ..language.inflection import (
    CLOSED,
    MASS,
    is_mass_like,
    is_plural_noun,
    nominal,
    plural_of,
    readings,
    verb_form,
)
from ..scan import Pattern, compile
from .base import Hit, ShapedKind, match_case

_SHAPES = ("quantifier", "one-of", "other", "list")
# A word as the shapes read it: letters with inner hyphens or apostrophes.
_WORD = r"[A-Za-z]+(?:[-'’][A-Za-z]+)*"
_QUANT = compile(r"\b(?:many|several|few|fewer|various|numerous|multiple|both|two|three|four|"
                 r"five|six|seven|eight|nine|ten)\s+(?P<n>[a-z]+)\b")
_ONE_OF = compile(r"\bone\s+of\s+(?:the|our|these|those|its|their|your|my|his|her)\s+")
# "other" after a list's conjunction or a comparing preposition, not after a determiner
# ("any other procedure", "the other session" are singular).
_OTHER = compile(r"\b(?:and|or|like|unlike|to|than|among|from)\s+other\s+")
# In a look-ahead, so that lists of four and more are read item by item.
_LIST = re.compile(r"\b(?=(?P<a>[a-z]+s),\s+(?P<n>[a-z]+),?\s+(?:(?:and|or)\s+)?(?P<b>[a-z]+s)\b(?!['’]))")
_WORD_RE = re.compile(_WORD)
_SPACES = re.compile(r"[ \t]+")
_STOPS = ".,;:!?)]"
# Words that start an object: a word before one of them is a verb, not a noun.
_OBJECTS = frozenset({"the", "a", "an", "this", "these", "those", "their", "your", "our", "my",
                      "his", "her", "its", "it", "them", "him", "us", "me"})
_ADJ_PAIR = re.compile(rf"[ \t]+(?:and|or)[ \t]+(?P<w>{_WORD})")
_RATE = re.compile(r"\s+(?:a|an|per)\b", re.IGNORECASE)
# A coordinated noun may follow ("both doctor and nurse", "several doctor and nurse visits").
_COORDINATION = re.compile(r"\s+(?:and|or|nor|&)\b", re.IGNORECASE)
_NEXT = re.compile(rf"\s*(?:(?P<w>{_WORD})|(?P<p>[^\sA-Za-z])|$)")
# Collective nouns take "one of the": "one of the team".
_COLLECTIVE = frozenset({"team", "family", "group", "staff", "crew", "public", "community", "best",
                         "first", "last", "few", "most", "many", "only", "following", "above", "same"})
# Substantivised adjectives and agent nouns: the shapes of drug classes and professions.
_LIST_ENDINGS = ("ant", "ent", "ive", "ic", "oid", "ist", "ian")
_MAX_PHRASE = 4
# Number words stay singular after a quantifier: "several hundred", "two dozen".
_NUMERALS = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen"})
# A subject pronoun just before "both": the quantifier floats and a verb follows.
_PRONOUN_BEFORE = re.compile(r"\b(?:we|you|they)[ \t]+$", re.IGNORECASE)


def _ends_phrase(text: str, pos: int) -> bool:
    """What follows ``pos`` cannot continue a noun phrase: a stop, comma or bracket, a
    line's end, a closed-class word or a word that is only a verb. A number, a hyphen or
    an apostrophe may continue it ("three digit 988", "two week's")."""
    m = _NEXT.match(text, pos)
    if m is None:
        return False
    if m["w"] is None:
        return m["p"] is None or m["p"] in _STOPS
    word = m["w"].lower()
    if word in _OBJECTS:
        return False  # "offices both use the system": the word before was a verb
    if word in CLOSED:
        return True
    r = readings(word)
    return bool(r) and not r & {"NOUN", "ADJ", "PROPN"}


def _adjective_pair(text: str, pos: int, word: str) -> int | None:
    """Where the next adjective starts when ``word`` and it are joined by and/or
    ("dental or surgical procedure"); None otherwise."""
    m = _ADJ_PAIR.match(text, pos)
    if m is None or "ADJ" not in readings(word) or "ADJ" not in readings(m["w"].lower()):
        return None
    return m.start("w")


def _head(text: str, pos: int) -> tuple[int, int] | None:
    """Span of the last word of the noun phrase starting at ``pos``, if it ends cleanly."""
    for _ in range(_MAX_PHRASE):
        m = _WORD_RE.match(text, pos)
        if m is None or not nominal(m[0].lower()):
            return None
        pair = _adjective_pair(text, m.end(), m[0].lower())
        if pair is not None:
            pos = pair
            continue
        if _ends_phrase(text, m.end()):
            return m.span()
        space = _SPACES.match(text, m.end())
        if space is None:
            return None
        pos = space.end()
    return None


class AgreementKind(ShapedKind):
    """``shape``: quantifier, one-of, other or list (see the module)."""

    name = "agreement"
    fields = {"shape": (str,)}
    shapes = _SHAPES

    def anchors(self) -> tuple[str, ...]:
        return {"one-of": ("one of",), "other": ("other",), "list": (",",)}.get(self.shape, ())

    def declared_patterns(self) -> list[Pattern]:
        return {"quantifier": [_QUANT], "one-of": [_ONE_OF], "other": [_OTHER]}.get(self.shape, [])

    def find(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        spans = {"quantifier": self._quantifier, "one-of": self._after_phrase,
                 "other": self._after_phrase, "list": self._list}[self.shape](doc)
        # A span ends with the noun; the quantifier shape flags "many patient" whole.
        for start, end in spans:
            head, _, word = text[start:end].rpartition(" ")
            plural = plural_of(word.lower())
            if plural is not None:
                repl = (head + " " if head else "") + match_case(word, plural)
                yield Hit(start, end, repl, (repl,))

    def _quantifier(self, doc: Document) -> Iterator[tuple[int, int]]:
        text = doc.text
        for m in doc.scan.finditer_page(_QUANT):
            word = m["n"].lower()
            if word in MASS or word in _NUMERALS or _COORDINATION.match(text, m.end("n")) or verb_form(word):
                continue  # "several hundred dollars", "two thousand steps": a number word
            if m[0][:4].lower() == "both" and _PRONOUN_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "we both need to agree": "both" floats after its subject
            if _RATE.match(text, m.end("n")):
                continue  # "seven day a week": a rate, written open
            if _ends_phrase(text, m.end("n")) and plural_of(word):
                yield m.start(), m.end("n")

    def _after_phrase(self, doc: Document) -> Iterator[tuple[int, int]]:
        text = doc.text
        lead = _ONE_OF if self.shape == "one-of" else _OTHER
        for m in doc.scan.finditer_page(lead):
            head = _head(text, m.end())
            if head is None:
                continue
            word = text[head[0]:head[1]].lower()
            if word in _COLLECTIVE or (self.shape == "other" and is_mass_like(word)):
                continue
            yield head

    def _list(self, doc: Document) -> Iterator[tuple[int, int]]:
        text = doc.text
        for m in _LIST.finditer(text):
            word = m["n"]
            if not (is_plural_noun(m["a"]) and is_plural_noun(m["b"])) or is_mass_like(word):
                continue
            if word.endswith(_LIST_ENDINGS) and plural_of(word) == word + "s":
                yield m.span("n")
