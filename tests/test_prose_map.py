from __future__ import annotations

import itertools

import pytest

from lintcare.language.nlp import SENTENCE_END, sentence_end_for
from lintcare.sources import Source
from lintcare.sources.prose import OffsetMap, ProseBuilder
from lintcare.sources.text import extract_text


def test_builder_maps_entities_as_units():
    src = "Tom &amp; Jerry"
    b = ProseBuilder()
    b.open_block()
    b.add("Tom ", 0)
    b.add("&", 4, 5)
    b.add(" Jerry", 9)
    b.close_block()
    prose = b.build()
    assert prose.text == "Tom & Jerry"
    m = prose.map
    assert src[m.source_start(6):m.source_end(11)] == "Jerry"
    assert src[m.source_start(4):m.source_end(5)] == "&amp;"
    assert m.is_verbatim(6, 11) and not m.is_verbatim(2, 7)


def test_gap_is_not_verbatim():
    m = OffsetMap()
    m.add(0, 0, 3, 3)
    m.add(5, 10, 3, 3)  # two prose chars with no source between
    assert m.is_verbatim(0, 3) and not m.is_verbatim(0, 6)


def test_line_positions_for_crlf_and_lone_cr():
    s = Source("x", "ab\r\ncd\ref\ngh")
    assert s.position(0) == (1, 1)
    assert s.position(4) == (2, 1)
    assert s.position(7) == (3, 1)
    assert s.position(10) == (4, 1)
    assert s.line_text(2) == "cd"


def test_plain_text_blocks_headings_and_bullets():
    text = "A Heading Here\n\nFirst line of a\nparagraph.\n\n  • one item\n  • two item\n"
    prose = extract_text(text)
    kinds = [(b.kind, text[b.start:b.end]) for b in prose.blocks]
    assert kinds == [
        ("heading", "A Heading Here"),
        ("paragraph", "First line of a\nparagraph."),
        ("list_item", "one item"),
        ("list_item", "two item"),
    ]


def test_chunks_cover_text_and_stay_small_even_for_one_huge_line():
    from lintcare.language.nlp import CHUNK_CHARS, _chunk_bounds

    text = "\n\n".join(["word " * 30, ("word " * 90_000).strip(), "tail words here"])
    bounds = _chunk_bounds(extract_text(text))
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))
    assert all(e - s <= CHUNK_CHARS for s, e in bounds) and len(bounds) >= 3


@pytest.mark.parametrize("text", [
    "Dr. Lee sees you. Then rest! Why? Because… It helps.\n“Quoted.” (Aside.) 2 doses.",
    "One stop only. Another one. e.g. This",
    "Ask us? Yes!! Wait… Then",
    "No stops at all",
])
def test_sentence_ends_narrowed_to_the_stops_a_page_holds_are_the_same(text):
    narrowed = sentence_end_for(text)
    found = [m.span() for m in narrowed.finditer(text)] if narrowed else []
    assert found == [m.span() for m in SENTENCE_END.finditer(text)]
