"""Character offsets ↔ LSP positions in each encoding (lintcare.lsp.positions)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lsprotocol import types

from lintcare.lsp.positions import UTF8, UTF16, UTF32, LineIndex, encoding_name

TEXT = "Line one\r\nCafé 🙂 Spravado\rlast 𝄞 line\n"


def test_astral_characters_count_two_utf16_units() -> None:
    index = LineIndex(TEXT, UTF16)
    at = TEXT.index("Spravado")
    # "Café 🙂 " is 7 characters; 🙂 takes two UTF-16 units.
    assert index.position(at) == types.Position(1, 8)
    assert index.offset(types.Position(1, 8)) == at


def test_utf8_counts_bytes_and_utf32_counts_characters() -> None:
    at = TEXT.index("Spravado")
    assert LineIndex(TEXT, UTF8).position(at) == types.Position(1, len("Café 🙂 ".encode()))
    assert LineIndex(TEXT, UTF32).position(at) == types.Position(1, 7)


def test_every_line_ending_counts_once() -> None:
    index = LineIndex(TEXT, UTF16)
    assert index.position(TEXT.index("last")) == types.Position(2, 0)  # after a lone \r
    assert index.position(len(TEXT)) == types.Position(3, 0)
    assert index.first_line() == types.Range(types.Position(0, 0), types.Position(0, 8))


def test_positions_past_a_line_clamp_to_its_end() -> None:
    index = LineIndex(TEXT, UTF16)
    assert index.offset(types.Position(0, 99)) == TEXT.index("\r\n")
    assert index.offset(types.Position(9, 0)) == len(TEXT)


def test_negotiated_encoding_names() -> None:
    assert encoding_name(types.PositionEncodingKind.Utf8) == UTF8
    assert encoding_name("utf-32") == UTF32
    assert encoding_name(None) == UTF16


@given(st.text(alphabet=st.sampled_from(["a", "é", "🙂", "𝄞", "\n", "\r", " "]), max_size=40),
       st.sampled_from([UTF8, UTF16, UTF32]))
def test_offsets_round_trip(text: str, encoding: str) -> None:
    index = LineIndex(text, encoding)
    for at in range(len(text) + 1):
        if at and text[at - 1] == "\r" and text[at:at + 1] == "\n":
            continue  # inside a \r\n: not a place a client can name
        assert index.offset(index.position(at)) == at
