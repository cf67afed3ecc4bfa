"""YAML front matter of a Markdown file: only ``title`` and ``description`` are prose.

The values are read from the source lines themselves (plain, quoted, or block
scalars) so every character keeps its place; the rest of the front matter (dates,
slugs, tags, layout) is never linted.
"""

from __future__ import annotations

import re

from .pieces import Piece

PROSE_KEYS = ("title", "description")
_OPEN = re.compile(r"---[ \t]*(?:\r\n|\r|\n)")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?=\r?\n|\r|\Z)", re.MULTILINE)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_KEY = re.compile(r"(title|description)[ \t]*:(?:[ \t]+|$)")
_BLOCK_SCALAR = re.compile(r"[|>][-+0-9]*[ \t]*(?:#.*)?$")
_COMMENT = re.compile(r"[ \t]+#")
_DQ_ESCAPES = {"\\": "\\", '"': '"', "/": "/", "n": "\n", "t": "\t", " ": " ", "0": "\0",
               "a": "\a", "b": "\b", "r": "\r", "e": "\x1b", "N": "\x85", "_": "\xa0"}


def _lines(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """(start, end without newline, end with newline) of each line in [start, end)."""
    out = []
    pos = start
    while pos < end:
        m = _LINE.match(text, pos, end)
        if not m or m.end() == pos:
            break
        body = m.group().rstrip("\r\n")
        out.append((pos, pos + len(body), m.end()))
        pos = m.end()
    return out


def _indent(text: str, a: int, b: int) -> int:
    i = a
    while i < b and text[i] in " \t":
        i += 1
    return i - a


def _break(pieces: list[Piece], line_end: int, next_start: int) -> None:
    """A line break inside a value reads as one space."""
    if pieces:
        pieces.append((" ", line_end, next_start - line_end))


def _quoted(text: str, a: int, lines: list[tuple[int, int, int]], li: int) -> list[Piece]:
    quote = text[a]
    pieces: list[Piece] = []
    p = a + 1
    while li < len(lines):
        _, end, _ = lines[li]
        lit = p
        while p < end:
            ch = text[p]
            if ch == quote:
                if quote == "'" and text.startswith("''", p):
                    if p > lit:
                        pieces.append((text[lit:p], lit, p - lit))
                    pieces.append(("'", p, 2))
                    p += 2
                    lit = p
                    continue
                if p > lit:
                    pieces.append((text[lit:p], lit, p - lit))
                return pieces
            if quote == '"' and ch == "\\" and p + 1 < end:
                if p > lit:
                    pieces.append((text[lit:p], lit, p - lit))
                esc = text[p + 1]
                m = re.match(r"x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}", text[p + 1:p + 10])
                if m:
                    pieces.append((chr(int(m.group()[1:], 16)), p, 1 + len(m.group())))
                    p += 1 + len(m.group())
                else:
                    pieces.append((_DQ_ESCAPES.get(esc, esc), p, 2))
                    p += 2
                lit = p
                continue
            p += 1
        if end > lit:
            pieces.append((text[lit:end].rstrip(" \t"), lit, len(text[lit:end].rstrip(" \t"))))
        li += 1
        if li < len(lines):
            nxt = lines[li][0] + _indent(text, lines[li][0], lines[li][1])
            _break(pieces, end, nxt)
            p = nxt
    return []  # never closed: not a value we can read


def _continued(text: str, first: tuple[int, int], lines: list[tuple[int, int, int]], li: int,
               block: bool) -> list[Piece]:
    """A plain scalar (``first`` is its text on the key's line) or a block scalar."""
    pieces: list[Piece] = []
    if first[1] > first[0]:
        pieces.append((text[first[0]:first[1]], first[0], first[1] - first[0]))
    prev_end = first[1]
    while li < len(lines):
        a, b, _ = lines[li]
        ind = _indent(text, a, b)
        if a + ind == b:  # a blank line inside the value
            li += 1
            continue
        if ind == 0:
            break
        body_start, body_end = a + ind, b
        if not block:
            c = _COMMENT.search(text, body_start, body_end)
            body_end = c.start() if c else body_end
        body_end = len(text[:body_end].rstrip(" \t"))
        _break(pieces, prev_end, body_start)
        pieces.append((text[body_start:body_end], body_start, body_end - body_start))
        prev_end = body_end
        li += 1
    return pieces


def front_matter(text: str) -> tuple[int, list[list[Piece]]]:
    """End offset of the front matter (0 if none) and the pieces of its prose values."""
    m = _OPEN.match(text)
    if not m:
        return 0, []
    close = _CLOSE.search(text, m.end())
    if not close:
        return 0, []
    end = close.end()
    nl = re.match(r"\r\n|\r|\n", text[end:end + 2])
    if nl:
        end += nl.end()
    lines = _lines(text, m.end(), close.start())
    values: list[list[Piece]] = []
    for li, (a, b, _) in enumerate(lines):
        key = _KEY.match(text, a, b)
        if not key:
            continue
        v = key.end()
        if v < b and text[v] in "\"'":
            pieces = _quoted(text, v, lines, li)
        elif _BLOCK_SCALAR.match(text, v, b):
            pieces = _continued(text, (v, v), lines, li + 1, block=True)
        else:
            c = _COMMENT.search(text, v, b)
            stop = len(text[:c.start() if c else b].rstrip(" \t"))
            pieces = _continued(text, (v, max(v, stop)), lines, li + 1, block=False)
        if pieces:
            values.append(pieces)
    return end, values
