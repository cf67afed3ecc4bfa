"""Markdown pages of only ATX headings, paragraphs and bullet items, read without
markdown-it's block parser.

Most pages are headings, paragraphs of running text and simple bullet lists. Their
block structure is read here, line by line, without markdown-it (its block parser
was most of the time spent on such a page, and importing it most of a worker's
Markdown warm-up); any line that could start another block sends the whole page to
markdown-it. Inline content with markup still goes through markdown-it's inline
parser, so the tokens are the ones markdown-it would give (tests/test_markdown_fast.py
compares them).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from .lines import line_breaks
from .prose import HEADING, LIST_ITEM, PARAGRAPH

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# Containers (quotes, list items) nested deeper than this are not parsed: markdown-it
# drops their content (its default, 20, is reached by ten nested lists), and parsing
# deeper would exhaust Python's recursion limit. Their lines are read as plain text.
MAX_NESTING = 100


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")



_ATX = re.compile(r"(#{1,6})(?:[ \t]|$)")
_ORDERED_ITEM = re.compile(r"[0-9]+[.)](?:[ \t]|$)")
# A line of only these may be a thematic break, a setext underline or a table's
# delimiter row (which makes the line above a table header).
_RULE_CHARS = frozenset("*-_+=|: \t")


def _opens_block(line: str) -> bool:
    """Could this line (not blank, not indented) open a block other than a paragraph,
    or end or change the paragraph above it?"""
    c = line[0]
    if c in "*+-" and (len(line) == 1 or line[1] in " \t"):  # a bullet
        return True
    if c in "*-_=|:" and set(line) <= _RULE_CHARS:
        return True
    if c in "><":  # a quote, an HTML block
        return True
    if c == "[":  # a link reference definition: "[label]:"
        label_end = line.find("]")
        return label_end < 0 or "\\" in line[:label_end] or line.startswith(":", label_end + 1)
    if c in "`~":  # a fence
        return line.startswith(("```", "~~~"))
    return c.isdigit() and _ORDERED_ITEM.match(line) is not None


# Characters that start an inline construct in CommonMark (escape, code span,
# emphasis, link or image, autolink or inline HTML, entity): text without them is one
# text token.
_INLINE_MARKUP = re.compile(r"[\\`*_\[<&]")


class _Plain(NamedTuple):
    """A text or softbreak token of markup-free inline content (what markdown-it gives)."""

    type: str
    content: str = ""


_SOFTBREAK = _Plain("softbreak")
# (kind, level, first line, line after the block, inline content lines)
_SimpleBlock = tuple[str, int, int, int, list[str]]


def _simple_blocks(text: str) -> list[_SimpleBlock] | None:
    """The headings, paragraphs and bullet items of a page made of nothing else; None
    otherwise.

    Accepted lines: blank (spaces and tabs only), ``#`` to ``######`` headings, bullet
    items (``-``, ``*`` or ``+`` and one space, on one line or continued by the lines
    below, as markdown-it reads lazy continuation lines), and paragraph lines that
    cannot open another block. Every non-blank line starts at column 0 and starts and
    ends with no whitespace, so neither markdown-it's trimming nor its line-break rule
    has anything to remove.
    """
    if "\x00" in text:  # markdown-it replaces NUL before parsing
        return None
    blocks: list[_SimpleBlock] = []
    lines: list[str] = []  # of the open paragraph or item
    kind, first = PARAGRAPH, 0
    for i, line in enumerate(line_breaks(text).split(text)):
        if not line.strip(" \t"):
            if lines:
                blocks.append((kind, 0, first, i, lines))
                lines = []
            continue
        if line[0].isspace() or line[-1].isspace():
            return None
        m = _ATX.match(line) if line[0] == "#" else None
        if m is not None:
            content = line[m.end():].lstrip(" \t")
            # A closing "#" sequence, or an empty heading: left to markdown-it.
            if not content or content[0].isspace() or line[-1] == "#":
                return None
            if lines:
                blocks.append((kind, 0, first, i, lines))
                lines = []
            blocks.append((HEADING, len(m.group(1)), i, i + 1, [content]))
            continue
        if line[0] in "*+-" and line[1:2] == " ":
            content = line[2:]
            # More spaces (an indented code block, past four), or a block in the item.
            if content[0].isspace() or _ATX.match(content) or _opens_block(content):
                return None
            if lines:
                blocks.append((kind, 0, first, i, lines))
            lines, kind, first = [content], LIST_ITEM, i
            continue
        if _opens_block(line):
            return None
        if not lines:
            kind, first = PARAGRAPH, i
        lines.append(line)
    if lines:
        blocks.append((kind, 0, first, first + len(lines), lines))
    return blocks


def _inline_children(lines: list[str]) -> list[_Plain] | list[Token]:
    """The inline tokens of a heading or paragraph given as its lines."""
    content = "\n".join(lines)
    if _INLINE_MARKUP.search(content) is None:
        children = [_Plain("text", lines[0])]
        for line in lines[1:]:
            children += (_SOFTBREAK, _Plain("text", line))
        return children
    return _parser().parseInline(content)[0].children or []
