"""Markdown: lint only the prose, with every character mapped back to the file.

markdown-it-py gives block tokens with line ranges but inline text without
positions, so each inline text is aligned to the source from a moving cursor (escapes
and entities read as the one character they stand for). Pages of only headings,
paragraphs and simple bullet items get the same tokens from a line scan instead of
markdown-it's block parser (``markdown_fast.py``). Never prose: fenced and
indented code, inline code, URLs and link targets, HTML comments, and front matter
other than its ``title`` and ``description``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .frontmatter import front_matter
from .html import feed_html, inline_tag
from .lines import line_starts
from .markdown_fast import MAX_NESTING, _inline_children, _parser, _Plain, _simple_blocks
from .pieces import PLACEHOLDER, Piece, align, emit_block, mask_urls
from .prose import ATTRIBUTE, HEADING, LIST_ITEM, PARAGRAPH, QUOTE, TABLE_CELL, Prose, ProseBuilder

if TYPE_CHECKING:
    from markdown_it.token import Token

_NEWLINE = re.compile(r"\r\n|\r|\n")
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")
# Inline HTML whose content is code, not prose.
_OPAQUE_TAGS = frozenset({"code", "kbd", "samp", "var", "script", "style", "pre"})

# What starts a line inside nested containers: indentation, quote markers, bullets.
_CONTAINER_MARKS = re.compile(r"(?:[ \t]*(?:>|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*")


def _skip_link_tail(src: str, pos: int, end: int) -> tuple[int, tuple[int, int] | None]:
    """Skip ``](destination "title")`` or ``][ref]`` after a link's text.

    Returns the offset after the tail and the source span of the title's content.
    """
    j = pos
    while j < end and src[j] != "]":
        j += 2 if src[j] == "\\" else 1
    if j >= end:
        return pos, None
    j += 1
    if j < end and src[j] == "[":
        k = src.find("]", j)
        return (k + 1 if 0 <= k < end else j), None
    if j >= end or src[j] != "(":
        return j, None
    k = j + 1
    while k < end and src[k] in " \t\r\n":
        k += 1
    if k < end and src[k] == "<":
        close = src.find(">", k)
        k = close + 1 if 0 <= close < end else k + 1
    else:
        depth = 0
        while k < end:
            ch = src[k]
            if ch == "\\":
                k += 2
                continue
            if ch in " \t\r\n" or (ch == ")" and depth == 0):
                break
            depth += (ch == "(") - (ch == ")")
            k += 1
    while k < end and src[k] in " \t\r\n":
        k += 1
    title = None
    if k < end and src[k] in "\"'(":
        closer = ")" if src[k] == "(" else src[k]
        t = k + 1
        while t < end and src[t] != closer:
            t += 2 if src[t] == "\\" else 1
        title = (k + 1, min(t, end))
        k = t + 1
        while k < end and src[k] in " \t\r\n":
            k += 1
    if k < end and src[k] == ")":
        k += 1
    return k, title


class _Inline:
    """Aligns one inline token's children to the source and collects their pieces."""

    def __init__(self, ext: _Extractor, start: int, end: int) -> None:
        self.ext = ext
        self.src = ext.src
        self.cur = start
        self.end = end
        self.pieces: list[Piece] = []
        self.attributes: list[list[Piece]] = []  # alt and title text: blocks of their own
        self.opaque_from = -1  # source start of inline HTML code, when inside it
        # After inline HTML, spaces on both sides of a tag or comment read as one (as
        # the rendered page shows them), so removing the tag adds no double space.
        self.after_html = False

    # -- helpers -------------------------------------------------------------
    def _text(self, content: str, into: list[Piece]) -> None:
        got = align(content, self.src, self.cur, self.end)
        if got is None:  # never guess a position: leave the text unlinted
            return
        pieces, self.cur = got
        if self.after_html and into is self.pieces and self._ends_in_space():
            while pieces and pieces[0][0][:1].isspace() and len(pieces[0][0]) == pieces[0][2]:
                text, s, _ = pieces[0]
                kept = text.lstrip()
                cut = len(text) - len(kept)
                pieces[0:1] = [(kept, s + cut, len(kept))] if kept else []
        self.after_html = False
        if self.opaque_from < 0:
            into.extend(pieces)

    def _ends_in_space(self) -> bool:
        return not self.pieces or self.pieces[-1][0][-1:].isspace()

    def _newline(self) -> tuple[int, int] | None:
        m = _NEWLINE.search(self.src, self.cur, self.end)
        return (m.start(), m.end()) if m else None

    def _title(self, span: tuple[int, int] | None, content: str | None) -> None:
        if span is None or not content:
            return
        got = align(content, self.src, span[0], span[1])
        if got is not None:
            self.attributes.append(got[0])

    # -- token handlers ------------------------------------------------------
    def run(self, children: list[Token]) -> None:
        i = 0
        while i < len(children):
            i = self._token(children, i)

    def _token(self, children: list[Token], i: int) -> int:
        tok = children[i]
        t = tok.type
        if t == "text":
            self._text(tok.content, self.pieces)
        elif t == "softbreak":
            nl = self._newline()
            if nl is not None:
                if self.opaque_from < 0:
                    self.pieces.append((" ", nl[0], nl[1] - nl[0]))
                self.cur = nl[1]
        elif t == "hardbreak":
            nl = self._newline()
            if nl is not None:
                s = nl[0]
                while s > self.cur and self.src[s - 1] == " ":
                    s -= 1
                if s == nl[0] and s > self.cur and self.src[s - 1] == "\\":
                    s -= 1
                if self.opaque_from < 0:
                    self.pieces.append((" ", s, nl[1] - s))
                self.cur = nl[1]
        elif t == "code_inline":
            self._code(tok)
        elif t == "link_open":
            return self._link(children, i)
        elif t == "image":
            self._image(tok)
        elif t == "html_inline":
            self._html(tok.content)
            return i + 1
        self.after_html = False
        return i + 1

    def _code(self, tok: Token) -> None:
        fence = tok.markup or "`"
        src = self.src
        a = src.find(fence, self.cur, self.end)
        while a >= 0 and (src.startswith("`", a + len(fence)) or (a > 0 and src[a - 1] == "`")):
            a = src.find(fence, a + 1, self.end)
        if a < 0:
            return
        b = src.find(fence, a + len(fence), self.end)
        while b >= 0 and src.startswith("`", b + len(fence)):
            b = src.find(fence, b + 1, self.end)
        if b < 0:
            return
        stop = b + len(fence)
        if self.opaque_from < 0:
            self.pieces.append((PLACEHOLDER, a, stop - a))
        self.cur = stop

    def _link(self, children: list[Token], i: int) -> int:
        tok = children[i]
        href = str(tok.attrs.get("href", ""))
        if href:
            self.ext.builder.links.append(href)
        close = i + 1
        depth = 1
        while close < len(children):
            ctype = children[close].type
            depth += (ctype == "link_open") - (ctype == "link_close")
            if depth == 0:
                break
            close += 1
        if tok.markup == "autolink":
            a = self.src.find("<", self.cur, self.end)
            b = self.src.find(">", a, self.end) if a >= 0 else -1
            if a >= 0 and b >= 0:
                if href.startswith("mailto:"):  # an email address is contact text
                    inner = _Inline(self.ext, a + 1, b)
                    inner.run(children[i + 1:close])
                    self.pieces.extend(inner.pieces)
                elif self.opaque_from < 0:
                    self.pieces.append((PLACEHOLDER, a, b + 1 - a))
                self.cur = b + 1
            return close + 1
        for j in range(i + 1, close):
            self._token(children, j)
        self.cur, title = _skip_link_tail(self.src, self.cur, self.end)
        self._title(title, str(tok.attrs.get("title") or ""))
        return close + 1

    def _image(self, tok: Token) -> None:
        src = self.src
        a = src.find("![", self.cur, self.end)
        if a < 0:
            return
        alt = _Inline(self.ext, a + 2, self.end)
        for child in tok.children or []:
            alt._token([child], 0)
        stop, title = _skip_link_tail(src, alt.cur, self.end)
        if alt.pieces:
            self.attributes.append(alt.pieces)
        self.attributes.extend(alt.attributes)
        self.cur = stop
        self._title(title, str(tok.attrs.get("title") or ""))
        if self.opaque_from < 0:
            self.pieces.append((PLACEHOLDER, a, stop - a))

    def _html(self, content: str) -> None:
        a = self.src.find(content, self.cur, self.end)
        if a < 0:
            return
        b = a + len(content)
        self.cur = b
        if content.startswith("<!--"):
            inner = content[4:-3] if content.endswith("-->") else content[4:]
            self.ext.builder.comments.append((a, b, inner))
            self.after_html = True
            return
        m = _TAG_NAME.match(content)
        name = m.group(1).lower() if m else ""
        closing = content.startswith("</")
        if name in _OPAQUE_TAGS:
            if not closing and self.opaque_from < 0:
                self.opaque_from = a
            elif closing and self.opaque_from >= 0:
                self.pieces.append((PLACEHOLDER, self.opaque_from, b - self.opaque_from))
                self.opaque_from = -1
            return
        if closing or self.opaque_from >= 0:
            return
        brk, attrs = inline_tag(content, a, self.ext.builder.links)
        self.attributes.extend(attrs)
        if brk and not self._ends_in_space():
            self.pieces.append((" ", a, b - a))
        self.after_html = True


class _Extractor:
    def __init__(self, text: str) -> None:
        self.src = text
        self.builder = ProseBuilder()
        self.starts = line_starts(text)

    def line_offset(self, line: int) -> int:
        return self.starts[line] if line < len(self.starts) else len(self.src)

    def run(self) -> Prose:
        fm_end, fm_blocks = front_matter(self.src)
        for pieces in fm_blocks:
            emit_block(self.builder, pieces, ATTRIBUTE)
        parsed = self.src
        if fm_end:  # blank the front matter out, keeping offsets and line numbers
            head = re.sub(r"[^\r\n]", " ", self.src[:fm_end])
            parsed = head + self.src[fm_end:]
        simple = _simple_blocks(parsed)
        if simple is not None:
            cursor = 0
            for kind, level, first, stop, lines in simple:
                cursor = max(cursor, self.line_offset(first))
                cursor = self._inline(_inline_children(lines), kind, level, cursor, self.line_offset(stop))
            return self.builder.build()
        containers: list[str] = []
        kind, level = PARAGRAPH, 0
        cursor = 0
        for tok in _parser().parse(parsed):
            t = tok.type
            if t in ("blockquote_open", "list_item_open"):
                containers.append(QUOTE if t == "blockquote_open" else LIST_ITEM)
                if tok.level >= MAX_NESTING - 1 and tok.map:  # its content was not parsed
                    cursor = max(cursor, self._too_deep(tok.map[0], tok.map[1]))
            elif t in ("blockquote_close", "list_item_close"):
                if containers:
                    containers.pop()
            elif t == "heading_open":
                kind, level = HEADING, int(tok.tag[1:])
            elif t in ("th_open", "td_open"):
                kind, level = TABLE_CELL, 0
            elif t == "paragraph_open":
                kind, level = (containers[-1] if containers else PARAGRAPH), 0
            elif t == "inline" and tok.map:
                cursor = max(cursor, self.line_offset(tok.map[0]))
                cursor = self._inline(tok.children or [], kind, level, cursor, self.line_offset(tok.map[1]))
            elif t == "html_block" and tok.map:
                a, b = self.line_offset(tok.map[0]), self.line_offset(tok.map[1])
                feed_html(self.builder, self.src[a:b], a)
                cursor = max(cursor, b)
        return self.builder.build()

    def _too_deep(self, first: int, stop: int) -> int:
        """Lines markdown-it left unparsed, each read as plain text after its markers."""
        for line in range(first, stop):
            a, b = self.line_offset(line), self.line_offset(line + 1)
            body = self.src[a:b].rstrip("\r\n")
            m = _CONTAINER_MARKS.match(body)
            text_start = a + (m.end() if m else 0)
            text = self.src[text_start:a + len(body)].rstrip()
            if text:
                pieces = mask_urls([(text, text_start, len(text))], self.builder.links)
                emit_block(self.builder, pieces, PARAGRAPH)
        return self.line_offset(stop)

    def _inline(self, children: list[Token] | list[_Plain], kind: str, level: int, start: int, end: int
                ) -> int:
        inline = _Inline(self, start, end)
        inline.run(children)
        pieces = mask_urls(inline.pieces, self.builder.links)
        emit_block(self.builder, pieces, kind, level)
        for attr in inline.attributes:
            emit_block(self.builder, mask_urls(attr, self.builder.links), ATTRIBUTE)
        return inline.cur


def extract_markdown(text: str) -> Prose:
    return _Extractor(text).run()
