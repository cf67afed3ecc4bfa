"""Plain text: paragraphs are separated by blank lines; bullets and headings are guessed.

A line the writer ended on purpose is its own block: a short line without end punctuation
whose next word would have fit on it (so it was not wrapped there). The first such line
of a paragraph is its heading ("How to reach us" over the text); the others are address,
phone and opening-hours lines, which are not sentences and are not joined into one.
"""

from __future__ import annotations

import re

from .lines import line_breaks
from .pieces import _URL, _URL_TRAIL, PLACEHOLDER
from .prose import HEADING, LIST_ITEM, PARAGRAPH, Block, OffsetMap, Prose

# A list line: indentation, a bullet, a number or a letter ("b)"), then the item text.
_BULLET = re.compile(r"[ \t\u00a0]*(?:[•◦▪·‣\-*+–]|\d{1,3}[.)]|[a-z]\))[ \t\u00a0]+")
_SENTENCE_END = (".", "!", "?", ":", ";", ",", "…", '"', "”")
_HEADING_MAX_WORDS = 12
# The page's first paragraph, one line with no end punctuation, is its headline; a news
# headline runs longer than a section heading.
_HEADLINE_MAX_WORDS = 20
_INNER_STOP = re.compile(r"[.!?]\s")


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
    if "\n" in body or "\r" in body:
        return False
    words = body.split()
    if not 0 < len(words) <= _HEADING_MAX_WORDS:
        return False
    return not body.endswith(_SENTENCE_END) or (body.endswith("?") and _title_case(words))


def _title_case(words: list[str]) -> bool:
    """Every word of four letters or more capitalised, and at least two of them."""
    long = [w for w in words if sum(c.isalpha() for c in w) >= 4]
    return len(long) >= 2 and all(w[0].isupper() for w in long)


def _ended_on_purpose(text: str, lines: list[tuple[int, int]], i: int, width: int) -> bool:
    """Line ``i`` of a paragraph (not its last) ends where the writer broke it: it is short,
    has no end punctuation, and the next line's first word would have fit after it."""
    start, end = _trim(text, *lines[i])
    line = text[start:end]
    if not line or line.endswith(_SENTENCE_END) or len(line.split()) > _HEADING_MAX_WORDS:
        return False
    nxt_start, nxt_end = _trim(text, *lines[i + 1])
    first = text[nxt_start:nxt_end].split(maxsplit=1)
    return bool(first) and (end - start) + 1 + len(first[0]) <= width


def _paragraph_blocks(text: str, lines: list[tuple[int, int]]) -> list[Block]:
    """The blocks of a paragraph's lines: one per line ended on purpose, then the rest."""
    width = max(e - s for s, e in (_trim(text, s, e) for s, e in lines))
    blocks: list[Block] = []
    run = 0  # first line of the current run
    for i in range(len(lines) - 1):
        if _ended_on_purpose(text, lines, i, width):
            if run < i:
                blocks.append(_block(text, lines[run][0], lines[i - 1][1], PARAGRAPH))
            kind = HEADING if i == 0 and _looks_like_heading(text, *_trim(text, *lines[i])) else PARAGRAPH
            blocks.append(_block(text, *lines[i], kind))
            run = i + 1
    last = _block(text, lines[run][0], lines[-1][1], PARAGRAPH)
    if run == 0:  # no line ended on purpose: one paragraph, or a heading
        kind = HEADING if _looks_like_heading(text, last.start, last.end) else PARAGRAPH
        return [Block(last.start, last.end, kind)]
    return [*blocks, last]


def _block(text: str, start: int, end: int, kind: str) -> Block:
    start, end = _trim(text, start, end)
    return Block(start, end, kind)


def extract_text(text: str) -> Prose:
    from ..directives import directive_line

    blocks: list[Block] = []
    comments: list[tuple[int, int, str]] = []
    cur: list[int] | None = None  # [start, end, is_list]
    para: list[tuple[int, int]] = []  # the lines of the current paragraph

    def flush() -> None:
        nonlocal cur
        if cur is None:
            return
        start, end = _trim(text, cur[0], cur[1])
        if end > start:
            if cur[2]:
                blocks.append(Block(start, end, LIST_ITEM))
            else:
                blocks.extend(_paragraph_blocks(text, para))
        cur = None
        para.clear()

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
            para.append((start, end))
        else:
            cur[1] = end
            if not cur[2]:
                para.append((start, end))
    flush()
    _mark_headline(text, blocks)
    chars = list(text) if comments or "://" in text or "www." in text else None
    for start, end, _ in comments:  # page facts must not see a rule id as words
        chars[start:end] = " " * (end - start)  # type: ignore[index]
    links = _mask_urls(text, chars) if chars is not None else []
    prose_text = "".join(chars) if chars is not None else text
    return Prose(prose_text, blocks, OffsetMap.identity(len(text)), links=links, comments=comments)


def _mark_headline(text: str, blocks: list[Block]) -> None:
    """The first block, when it is a longer unpunctuated single line, is the page's headline."""
    if not blocks or blocks[0].kind != PARAGRAPH:
        return
    first = blocks[0]
    body = text[first.start:first.end]
    if "\n" in body or body.endswith(_SENTENCE_END) or _INNER_STOP.search(body):
        return  # a sentence, or a caption of several ("... depression. Picture: ...")
    if len(body.split()) <= _HEADLINE_MAX_WORDS:
        blocks[0] = Block(first.start, first.end, HEADING)


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
