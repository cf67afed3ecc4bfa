"""Prose pieces with their source spans, shared by the Markdown and HTML extractors.

A piece is ``(text, source_start, source_len)``. A literal piece has ``len(text) ==
source_len`` and is the same characters as the source; anything else (an entity, an
escape, a line break read as a space, a placeholder) maps as one indivisible unit.
Pieces of one block are collected first and written to the ``ProseBuilder`` when the
block ends, so inline attributes (image alt text) can become blocks of their own.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from string import punctuation

from .prose import ProseBuilder

Piece = tuple[str, int, int]

# Stands for inline content that is not prose (inline code, an image, a URL), so the
# words around it keep their spacing: "Run `x` now" is "Run \ufffc now", never
# "Run  now" with a double space that is not in the file.
PLACEHOLDER = "\ufffc"

SPACE_OR_PLACEHOLDER = " \t\n\r\f" + PLACEHOLDER
_ASCII_PUNCT = frozenset(punctuation)
# Character references as CommonMark accepts them (the semicolon is required).
_MD_ENTITY = re.compile(r"&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
# Character references as HTML accepts them (some legacy names need no semicolon).
HTML_ENTITY = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
# A bare URL in running text; trailing sentence punctuation is not part of it.
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'`\ufffc]+")
_URL_TRAIL = re.compile(r"[.,;:!?'\")\]}]+$")
_WS_CHARS = " \t\n\r\f"
_LEAD_WS = re.compile(r"[ \t\n\r\f]*")
_IRREGULAR_WS = re.compile(r"[ \t\n\r\f]{2,}|[\t\n\r\f]")


def _match_at(content: str, src: str, p: int, end: int) -> tuple[list[Piece], int] | None:
    """Match all of ``content`` at ``src[p:]``, reading escapes and entities; None if it fails."""
    pieces: list[Piece] = []
    i, n = 0, len(content)
    lit = -1  # source start of the current literal run
    lit_i = 0
    while i < n:
        if p >= end:
            return None
        ch, c = src[p], content[i]
        special = None
        if ch == "\\" and p + 1 < end and src[p + 1] == c and c in _ASCII_PUNCT:
            special = (c, p, 2)
        elif ch == "&":
            m = _MD_ENTITY.match(src, p, end)
            if m:
                dec = html.unescape(m.group())
                if dec != m.group() and content.startswith(dec, i):
                    special = (dec, p, m.end() - p)
        elif ch == "\x00" and c == "\ufffd":  # the parser replaces NUL
            special = (c, p, 1)
        if special is not None:
            if lit >= 0:
                pieces.append((content[lit_i:i], lit, i - lit_i))
                lit = -1
            pieces.append(special)
            i += len(special[0])
            p += special[2]
            continue
        if ch != c:
            return None
        if lit < 0:
            lit, lit_i = p, i
        i += 1
        p += 1
    if lit >= 0:
        pieces.append((content[lit_i:], lit, n - lit_i))
    return pieces, p


def align(content: str, src: str, pos: int, end: int) -> tuple[list[Piece], int] | None:
    """Find ``content`` (parsed text) in ``src`` at or after ``pos``: its pieces and end.

    Everything skipped before the match is markup (emphasis markers, brackets, list
    bullets). The first position that matches wins; escapes (``\\*``) and entities
    (``&amp;``) are read as the one character they stand for.
    """
    if not content:
        return [], pos
    c0 = content[0]
    plain = "\\" not in content and "&" not in content
    p = pos
    while p < end:
        ch = src[p]
        if ch == c0 and plain and src.startswith(content, p) and p + len(content) <= end:
            return [(content, p, len(content))], p + len(content)
        if ch == c0 or ch in "\\&\x00":
            got = _match_at(content, src, p, end)
            if got is not None:
                return got
        p += 1
    return None


def entity_pieces(raw: str, start: int) -> list[Piece]:
    """Split raw HTML text (an attribute value) into literal runs and entity units."""
    pieces: list[Piece] = []
    pos = 0
    for m in HTML_ENTITY.finditer(raw):
        dec = html.unescape(m.group())
        if dec == m.group():
            continue
        if m.start() > pos:
            pieces.append((raw[pos:m.start()], start + pos, m.start() - pos))
        pieces.append((dec, start + m.start(), m.end() - m.start()))
        pos = m.end()
    if pos < len(raw):
        pieces.append((raw[pos:], start + pos, len(raw) - pos))
    return pieces


def _offsets(pieces: list[Piece]) -> list[int]:
    offs, acc = [], 0
    for text, _, _ in pieces:
        offs.append(acc)
        acc += len(text)
    return offs


def _clip(pieces: list[Piece], offs: list[int], a: int, b: int) -> list[Piece]:
    """The pieces of prose range [a, b); a unit is kept only when wholly inside."""
    out: list[Piece] = []
    # Start at the piece holding ``a``: a page with many URLs clips many small ranges.
    for i in range(max(0, bisect_right(offs, a) - 1), len(pieces)):
        (text, s, slen), o = pieces[i], offs[i]
        if o >= b:
            break
        e = o + len(text)
        if e <= a:
            continue
        if len(text) == slen:
            lo, hi = max(a, o), min(b, e)
            out.append((text[lo - o:hi - o], s + lo - o, hi - lo))
        elif a <= o and e <= b:
            out.append((text, s, slen))
    return out


def _source_span(pieces: list[Piece], offs: list[int], a: int, b: int) -> tuple[int, int]:
    """Source range covering prose range [a, b) (units that it touches included)."""
    i = bisect_right(offs, a) - 1
    j = bisect_right(offs, b - 1) - 1
    ti, si, li = pieces[i]
    tj, sj, lj = pieces[j]
    start = si + (a - offs[i]) if len(ti) == li else si
    end = sj + (b - offs[j]) if len(tj) == lj else sj + lj
    return start, end


def mask_urls(pieces: list[Piece], links: list[str]) -> list[Piece]:
    """Replace bare URLs with one placeholder each and record them as links.

    A URL is not prose (nothing in it is a typo or a sentence), but it must still
    count as a booking link or a contact channel.
    """
    text = "".join(p[0] for p in pieces)
    if "://" not in text and "www." not in text:
        return pieces
    offs = _offsets(pieces)
    out: list[Piece] = []
    pos = 0
    for m in _URL.finditer(text):
        url = _URL_TRAIL.sub("", m.group())
        if url.count("(") > url.count(")") and m.group()[len(url):].startswith(")"):
            url += ")"  # a URL ending in a balanced bracket, e.g. a wiki link
        if not url:
            continue
        a, b = m.start(), m.start() + len(url)
        links.append(url)
        out.extend(_clip(pieces, offs, pos, a))
        s, e = _source_span(pieces, offs, a, b)
        out.append((PLACEHOLDER, s, e - s))
        pos = b
    out.extend(_clip(pieces, offs, pos, len(text)))
    return out


def collapse_whitespace(pieces: list[Piece]) -> list[Piece]:
    """HTML rendering: a run of ASCII whitespace (across tags too) reads as one space.

    A lone space already reads as itself, so only other runs are rewritten: the text
    between them stays one piece (a per-word split made HTML the slowest format).
    """
    out: list[Piece] = []
    prev_ws = True  # drops leading whitespace as well
    for text, s, slen in pieces:
        if len(text) != slen:
            if text == " ":  # a line break (<br>) counts as whitespace
                if not prev_ws:
                    out.append((text, s, slen))
                prev_ws = True
            else:
                out.append((text, s, slen))
                prev_ws = False
            continue
        pos = _LEAD_WS.match(text).end() if prev_ws else 0
        # Most text has no such run: a few substring tests instead of a regex scan.
        if "\n" in text or "  " in text or "\t" in text or "\r" in text or "\f" in text:
            for m in _IRREGULAR_WS.finditer(text, pos):
                if m.start() > pos:
                    out.append((text[pos:m.start()], s + pos, m.start() - pos))
                out.append((" ", s + m.start(), m.end() - m.start()))
                pos = m.end()
        if pos < len(text):
            out.append((text[pos:], s + pos, len(text) - pos))
        if text:
            prev_ws = text[-1] in _WS_CHARS
    return out


def _trim(pieces: list[Piece]) -> list[Piece]:
    """Strip whitespace at both ends of a block."""
    pieces = list(pieces)
    while pieces:
        text, s, slen = pieces[0]
        stripped = text.lstrip()
        if stripped == text:
            break
        if not stripped or len(text) != slen:
            if stripped:
                break
            pieces.pop(0)
            continue
        cut = len(text) - len(stripped)
        pieces[0] = (stripped, s + cut, slen - cut)
        break
    while pieces:
        text, s, slen = pieces[-1]
        stripped = text.rstrip()
        if stripped == text:
            break
        if not stripped or len(text) != slen:
            if stripped:
                break
            pieces.pop()
            continue
        pieces[-1] = (stripped, s, len(stripped))
        break
    return pieces


def has_words(pieces: list[Piece]) -> bool:
    """Does any piece hold more than spaces and placeholders? (A loop: most blocks are
    one piece, and a generator in any() cost more than the test.)"""
    for text, _, _ in pieces:  # noqa: SIM110
        if text.strip(SPACE_OR_PLACEHOLDER):
            return True
    return False


def emit_block(builder: ProseBuilder, pieces: list[Piece], kind: str, level: int = 0) -> None:
    """Write one block; nothing if it holds no words (only placeholders or spaces)."""
    pieces = _trim(pieces)
    if not has_words(pieces):
        return
    builder.open_block()
    for text, s, slen in pieces:
        builder.add(text, s, slen)
    builder.close_block(kind, level)
