"""Plain text: paragraphs are separated by blank lines; bullets and headings are guessed."""

from __future__ import annotations

import re

from .lines import line_breaks
from .pieces import _URL, _URL_TRAIL, PLACEHOLDER
from .prose import HEADING, LIST_ITEM, PARAGRAPH, Block, OffsetMap, Prose

# A list line: indentation, a bullet or a number, then the item text.
_BULLET = re.compile(r"[ \t\u00a0]*(?:[•◦▪·‣\-*+–]|\d{1,3}[.)])[ \t\u00a0]+")
_SENTENCE_END = (".", "!", "?", ":", ";", ",", "…", '"', "”")
_HEADING_MAX_WORDS = 12


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end without the line break) of each line."""
    lines = []
    pos = 0
    for m in line_breaks(text).finditer(text):
        lines.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        lines.append((pos, len(text)))
    return lines


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
    from ..directives import directive_line

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
        if start == end or text[start:end].isspace():  # what r"\s*" matches
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
    chars = list(text) if comments or "://" in text or "www." in text else None
    for start, end, _ in comments:  # page facts must not see a rule id as words
        chars[start:end] = " " * (end - start)  # type: ignore[index]
    links = _mask_urls(text, chars) if chars is not None else []
    prose_text = "".join(chars) if chars is not None else text
    return Prose(prose_text, blocks, OffsetMap.identity(len(text)), links=links, comments=comments)


def _mask_urls(text: str, chars: list[str]) -> list[str]:
    """A bare URL is not prose: it reads as placeholders of the same length (positions
    stay exact) and counts as a link, as in Markdown and HTML."""
    links = []
    for m in _URL.finditer(text):
        url = _URL_TRAIL.sub("", m.group())
        if url:
            links.append(url)
            chars[m.start():m.start() + len(url)] = PLACEHOLDER * len(url)
    return links
