"""Plain text: paragraphs are separated by blank lines; bullets and headings are guessed."""

from __future__ import annotations

import re

from ..prose import HEADING, LIST_ITEM, PARAGRAPH, Block, OffsetMap, Prose

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_BLANK = re.compile(r"\s*")
# A list line: indentation, a bullet or a number, then the item text.
_BULLET = re.compile(r"[ \t\u00a0]*(?:[•◦▪·‣\-*+–]|\d{1,3}[.)])[ \t\u00a0]+")
_SENTENCE_END = (".", "!", "?", ":", ";", ",", "…", '"', "”")
_HEADING_MAX_WORDS = 12


def _lines(text: str):
    """Yield (start, end_without_newline) of each line."""
    pos = 0
    n = len(text)
    while pos < n:
        m = _LINE.match(text, pos)
        line = m.group().rstrip("\r\n")
        yield pos, pos + len(line)
        if m.end() == pos:  # pragma: no cover - defensive, the pattern always advances
            break
        pos = m.end()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _looks_like_heading(text: str, start: int, end: int) -> bool:
    body = text[start:end]
    if "\n" in body or "\r" in body or body.endswith(_SENTENCE_END):
        return False
    return 0 < len(body.split()) <= _HEADING_MAX_WORDS


def extract_text(text: str) -> Prose:
    from ..suppress import directive_line

    blocks: list[Block] = []
    comments: list[tuple[int, int, str]] = []
    cur: list[int] | None = None  # [start, end, is_list]

    def flush() -> None:
        nonlocal cur
        if cur is None:
            return
        start, end = _trim(text, cur[0], cur[1])
        if end > start:
            if cur[2]:
                kind = LIST_ITEM
            elif _looks_like_heading(text, start, end):
                kind = HEADING
            else:
                kind = PARAGRAPH
            blocks.append(Block(start, end, kind))
        cur = None

    for start, end in _lines(text):
        if _BLANK.fullmatch(text, start, end):
            flush()
            continue
        directive = (
            directive_line(text, start, end) if text.find("lintcare-", start, end) >= 0 else None
        )
        if directive is not None:  # a suppression line is not prose
            flush()
            comments.append((start, end, directive))
            continue
        bullet = _BULLET.match(text, start, end)
        if bullet:
            flush()
            cur = [bullet.end(), end, True]
        elif cur is None:
            cur = [start, end, False]
        else:
            cur[1] = end
    flush()
    prose_text = text
    if comments:  # page facts must not see a rule id as words
        parts, pos = [], 0
        for start, end, _ in comments:  # in one pass: a page may hold thousands
            parts += [text[pos:start], " " * (end - start)]
            pos = end
        prose_text = "".join([*parts, text[pos:]])
    return Prose(prose_text, blocks, OffsetMap.identity(len(text)), comments=comments)
