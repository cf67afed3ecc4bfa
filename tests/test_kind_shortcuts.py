"""The rule kinds' shortcuts find exactly what the plain scans they replace find.

Each shortcut (matches tried only at literal words, capitals found from the white space
before them, country cues scanned without their word boundaries, hyphenated pairs found
from each hyphen) is compared with the plain regex scan on hand-picked awkward texts and
on seeded random ones built from the words and marks that decide the edge cases.
"""

from __future__ import annotations

import random
import re

import pytest

from lintcare.api import default_rules
from lintcare.document import Document
from lintcare.kinds import compound
from lintcare.kinds.capitals import _capitals
from lintcare.language import country
from lintcare.pipeline import document_for
from lintcare.sources import Source, extract

RULES = default_rules()
_WORDS = ["drug", "free", "based", "well", "known", "self", "care", "ſelf", "SELF", "Self", "in",
          "person", "İn", "Kare", "led", "called", "Hope", "Clinic", "The", "A", "nurse", "Nurse",
          "UK", "NHS", "NICE", "UKULELE", "Australia", "988", "Suicide", "9-8-8", "0800"]
_MARKS = [" ", " ", "  ", "\t", "\n", "\n\n", "-", ". ", ", ", "’", "'", "_", "1", "é", "/"]


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_WORDS) + rng.choice(_MARKS) for _ in range(rng.randint(1, 20)))
            for _ in range(count)]


AWKWARD = [
    "drug free based care",  # two overlapping candidates: finditer keeps the first
    "a drug  free program, well known\tfree",
    "called based care; led-free, self care and self-care",
    "ſelf care and SELF care after self-care",
    "İn person, in person and in-person visits",  # İ lowercases to two characters
    "",
]


def _doc(text: str) -> Document:
    source = Source("t", text, "text")
    return document_for(source, extract(source), RULES, None)


@pytest.mark.parametrize("text", AWKWARD + _texts(1, 300))
def test_anchored_matches_are_finditers(text: str) -> None:
    doc = _doc(text)
    before = re.compile(r"(?<![\w/-])(?P<a>[A-Za-z]+(?:['’][A-Za-z]+)?)[ \t]+(?:based|free|led)(?![\w-])",
                        re.IGNORECASE)
    at = re.compile(r"(?<![\w-])(?:self[ \t]+care|in[ \t]+person)(?![\w-])", re.IGNORECASE)
    for regex, places in [(before, [(("based", "free", "led"), 1)]),
                          (at, [(("self",), 0), (("person",), 1)])]:
        assert [m.span() for m in doc.scan.anchored_matches(regex, places)] == \
            [m.span() for m in regex.finditer(doc.text)]


@pytest.mark.parametrize("text", AWKWARD + _texts(2, 300))
def test_page_pairs_match_as_a_regex_of_the_pairs(text: str) -> None:
    kind = next(r.kind for r in RULES.rules if r.id == "compound-hyphenated-elsewhere")
    pairs = compound._page_pairs(text)
    plain = kind._compile(pairs).finditer(text) if pairs else iter(())
    assert [m.span() for m in kind._matches(_doc(text))] == [m.span() for m in plain]
    assert [m.span() for m in compound._hyphenated(text)] == \
        [m.span() for m in compound._HYPHENATED.finditer(text)]


@pytest.mark.parametrize("text", [*_texts(3, 300), "a Nurse will call. The Clinic is\tOpen now"])
def test_capitals_are_those_after_a_word_and_one_space(text: str) -> None:
    every = re.finditer(r"(?<![\w'’@/.&#-])[A-Z][a-z]{2,}(?![\w'’@/&-])", text)
    after_word = [m.span() for m in every if m.start() >= 2 and text[m.start() - 1] in " \t"
                  and re.match(r"[a-z'’A]", text[m.start() - 2])]
    assert list(_capitals(text)) == after_word


@pytest.mark.parametrize("text", [*_texts(4, 300), "UKULELE UK", "call 0800 123 4567 or 116 123"])
def test_country_cues_hold_where_their_regex_matches(text: str) -> None:
    for cues in country._compiled().values():
        for cue in cues:
            assert country._holds(text, cue) == bool(cue[0].search(text)), cue[0].pattern
