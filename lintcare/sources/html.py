"""HTML: lint text nodes and ``alt``/``title`` attributes, with exact source positions.

The standard library's parser reports where each chunk starts; with
``convert_charrefs=False`` every entity arrives on its own, so ``&amp;`` maps back to
its five characters. Skipped: script, style, template, pre and code (and other code
elements), comments (recorded for suppressions), and the head except ``<title>`` and
the meta description. ``href`` targets are kept as links: ``tel:`` and ``mailto:``
count as contact information.

Page chrome is not linted unless asked for (``chrome=True``): writers of a page cannot
edit the site's navigation, banner, footer and sidebars (``nav``, ``aside``, a ``header``
or ``footer`` outside an article or section, ``role="navigation"``, ``"banner"`` or
``"contentinfo"``, and elements whose class or id names a menu). Its contact facts still
count: a phone number, e-mail address, street address or crisis line in the footer
reaches the reader, so each is kept as a link (``tel:``, ``mailto:``, the address as
written), as are the chrome's own ``href``s. Only those: the rest of the chrome's words
(a menu entry "Ketamine Infusions") must not make the page look like it is about them.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from .chrome import SECTIONING, chrome_links, is_chrome
from .pieces import (
    PLACEHOLDER,
    Piece,
    collapse_whitespace,
    emit_block,
    entity_pieces,
    has_words,
    mask_urls,
)
from .prose import ATTRIBUTE, HEADING, LIST_ITEM, PARAGRAPH, QUOTE, TABLE_CELL, Prose, ProseBuilder

# Elements that end a block of prose when they open or close.
BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "button", "caption", "dd", "details",
     "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
     "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "legend", "li", "main",
     "menu", "nav", "ol", "option", "p", "pre", "section", "select", "summary", "table", "tbody",
     "td", "tfoot", "th", "thead", "title", "tr", "ul"}
)
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
     "track", "wbr"}
)
# Content that is never prose; nothing stands in for it.
SKIP_TAGS = frozenset({"script", "style", "template", "pre", "head", "select"})
# Inline code-like content: a placeholder keeps the words around it apart.
OPAQUE_TAGS = frozenset({"code", "kbd", "samp", "var", "svg", "math", "textarea"})
ATTR_TEXT = ("alt", "title")
# Opening one of these closes an open element of the listed names (HTML's implied ends),
# searching no further out than the boundary elements.
_IMPLIED = {
    "li": ({"li"}, {"ul", "ol", "menu"}),
    "dt": ({"dt", "dd"}, {"dl"}),
    "dd": ({"dt", "dd"}, {"dl"}),
    "tr": ({"tr", "td", "th"}, {"table", "thead", "tbody", "tfoot"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "option": ({"option"}, {"select"}),
}
_KIND_OF = {"td": TABLE_CELL, "th": TABLE_CELL, "li": LIST_ITEM, "dd": LIST_ITEM, "dt": LIST_ITEM,
            "blockquote": QUOTE}
# Block kind and level of the elements that give their text one (headings h1 to h6 too).
_KINDS = {**{tag: (kind, 0) for tag, kind in _KIND_OF.items()},
          **{f"h{n}": (HEADING, n) for n in range(1, 7)}}
_ATTR = re.compile(r"""([^\s/>"'=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")
_TAG_HEAD = re.compile(r"<[A-Za-z][^\s/>]*")
# What opens a tag, an end tag, a comment, a declaration or a processing instruction.
_CONSTRUCT = re.compile(r"<[A-Za-z/!?]")
def tag_attributes(raw: str, start: int) -> dict[str, tuple[str, int]]:
    """Attribute name -> (raw value, source offset of the value) of a start tag."""
    head = _TAG_HEAD.match(raw)
    pos = head.end() if head else 0
    out: dict[str, tuple[str, int]] = {}
    for m in _ATTR.finditer(raw, pos):
        name = m.group(1).lower()
        for g in (2, 3, 4):
            if m.group(g) is not None:
                out.setdefault(name, (m.group(g), start + m.start(g)))
                break
        else:
            out.setdefault(name, ("", start + m.end()))
    return out


def _attribute_blocks(tag: str, attrs: dict[str, tuple[str, int]], links: list[str]) -> list[list[Piece]]:
    href = attrs.get("href")
    if href and tag in ("a", "area"):
        links.append(html.unescape(href[0]).strip())
    blocks = []
    for name in ATTR_TEXT:
        if name in attrs and (name != "alt" or tag in ("img", "area", "input")):
            raw, at = attrs[name]
            if raw.strip():
                blocks.append(entity_pieces(raw, at))
    return blocks


def inline_tag(content: str, start: int, links: list[str]) -> tuple[bool, list[list[Piece]]]:
    """Inline HTML inside Markdown: (is a line break, alt/title pieces); records href."""
    m = _TAG_HEAD.match(content)
    if not m:
        return False, []
    tag = m.group()[1:].lower()
    return tag == "br", _attribute_blocks(tag, tag_attributes(content, start), links)


class _Extractor(HTMLParser):
    def __init__(self, builder: ProseBuilder, text: str, base: int, chrome: bool = False) -> None:
        super().__init__(convert_charrefs=False)
        self.builder = builder
        self.lint_chrome = chrome
        self.chrome: list[int] = []  # stack indexes of the open chrome elements
        self.chrome_text: list[str] = []
        self.text = text
        self.base = base
        self.stack: list[str] = []
        # Where each open tag name, block element and block-kind element sits in the
        # stack: every lookup stays constant-time however deep unclosed tags pile up.
        self.where: dict[str, list[int]] = {}
        self.blocks: list[int] = []
        self.kinds: list[int] = []
        self.skip = 0  # open elements whose content is never prose
        self.opaque: tuple[str, int, int] | None = None  # (tag, depth, source start)
        self.pieces: list[Piece] = []
        self.pending: list[list[Piece]] = []  # attribute blocks, written after the block
        self.title: list[Piece] | None = None
        self.in_head = False

    # -- positions -------------------------------------------------------------
    def reset(self) -> None:
        self.at = 0  # offset in ``text`` of what the parser reports now
        super().reset()

    def updatepos(self, i: int, j: int) -> int:
        # The parser calls this once for each piece of its input, in order, so the
        # lengths add up to the offset. Its own line/column bookkeeping (counting the
        # newlines of every piece, for us to turn line and column back into an
        # offset) was a tenth of the time spent on a page.
        if i < j:
            self.at += j - i
        return j

    # -- blocks ----------------------------------------------------------------
    def _kind(self) -> tuple[str, int]:
        """The kind of the innermost open heading, list item, cell or quote."""
        if not self.kinds:
            return PARAGRAPH, 0
        return _KINDS[self.stack[self.kinds[-1]]]

    def _push(self, tag: str) -> None:
        i = len(self.stack)
        self.stack.append(tag)
        self.where.setdefault(tag, []).append(i)
        if tag in BLOCK_TAGS:
            self.blocks.append(i)
        if tag in _KINDS:
            self.kinds.append(i)
        self.skip += tag in SKIP_TAGS

    def _last(self, tag: str) -> int:
        """Stack index of the innermost open ``tag``; -1 if none."""
        found = self.where.get(tag)
        return found[-1] if found else -1

    def flush(self) -> None:
        if self.pieces and not has_words(self.pieces):
            # Only the whitespace between two blocks (every block start or end tag
            # flushes): no words to write and no URL to record.
            self.pieces = []
        if self.pieces:
            kind, level = self._kind()
            pieces = mask_urls(collapse_whitespace(self.pieces), self.builder.links)
            emit_block(self.builder, pieces, kind, level)
            self.pieces = []
        for attr in self.pending:
            emit_block(self.builder, collapse_whitespace(attr), ATTRIBUTE)
        self.pending = []

    def _pop_to(self, index: int) -> None:
        for tag in self.stack[index:]:
            if tag in SKIP_TAGS:
                self.skip -= 1
            self.where[tag].pop()
        del self.stack[index:]
        while self.blocks and self.blocks[-1] >= index:
            self.blocks.pop()
        while self.kinds and self.kinds[-1] >= index:
            self.kinds.pop()
        if self.chrome and self.chrome[-1] >= index:
            while self.chrome and self.chrome[-1] >= index:
                self.chrome.pop()
            if not self.chrome:
                self._chrome_facts()

    def _close_at(self, i: int) -> None:
        self.flush()
        self._pop_to(i)

    def _implied_close(self, tag: str) -> None:
        if tag in _IMPLIED:
            names, boundary = _IMPLIED[tag]
            # The innermost of the names closes, unless a boundary element is inside it.
            i = max(self._last(n) for n in names)
            if i >= 0 and i > max(self._last(b) for b in boundary):
                self._close_at(i)
        # A block start ends an open paragraph that is the innermost open block.
        if tag in BLOCK_TAGS and self.blocks and self.stack[self.blocks[-1]] == "p":
            self._close_at(self.blocks[-1])

    # -- parser callbacks ------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self.at
        raw = self.get_starttag_text() or ""
        if self.opaque is not None:
            if tag == self.opaque[0] and tag not in VOID_TAGS:
                self.opaque = (tag, self.opaque[1] + 1, self.opaque[2])
            return
        if tag == "meta":
            self._meta(raw, start)
        if self.skip and tag != "title":
            if tag not in VOID_TAGS:
                self._push(tag)
            return
        if tag in BLOCK_TAGS:
            self._implied_close(tag)
            self.flush()
        if tag == "title":
            self.title = []
        found = tag_attributes(raw, self.base + start) if len(raw) > len(tag) + 2 else {}
        if found:  # not a bare "<p>"
            blocks = _attribute_blocks(tag, found, self.builder.links)
            if not self.chrome:
                self.pending.extend(blocks)
        if (not self.lint_chrome and not self.chrome and tag not in VOID_TAGS and tag not in OPAQUE_TAGS
                and self._is_chrome(tag, found)):
            self.flush()
            self.chrome.append(len(self.stack))  # the index _push gives it
        if tag == "br" and not self.chrome:
            self.pieces.append((" ", self.base + start, len(raw)))
        elif tag == "img" and not self.chrome:
            self.pieces.append((PLACEHOLDER, self.base + start, len(raw)))
        if tag in OPAQUE_TAGS:
            self.opaque = (tag, 1, self.base + start)
            return
        if tag not in VOID_TAGS:
            self._push(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS and self.stack and self.stack[-1] == tag:
            self._pop_to(len(self.stack) - 1)

    def handle_endtag(self, tag: str) -> None:
        start = self.at
        if self.opaque is not None:
            name, depth, at = self.opaque
            if tag == name and depth > 1:
                self.opaque = (name, depth - 1, at)
                return
            if tag != name and self._last(tag) < 0:
                return
            # The code element ends here, or an enclosing element ends it unclosed.
            self.opaque = None
            close = self.text.find(">", start)
            end = close + 1 if close >= 0 else len(self.text)
            stop = self.base + (end if tag == name else start)
            if not self.skip and not self.chrome:
                self.pieces.append((PLACEHOLDER, at, stop - at))
            if tag == name:
                return
        if tag == "title" and self.title is not None:
            self.pending.append(self.title)
            self.title = None
            self.flush()
        at = self._last(tag)
        if at < 0:
            return
        if tag in BLOCK_TAGS and not self.skip:
            self.flush()
        self._pop_to(at)

    def _meta(self, raw: str, start: int) -> None:
        found = tag_attributes(raw, self.base + start)
        name = found.get("name", ("", 0))[0].strip().lower()
        content = found.get("content")
        if name == "description" and content and content[0].strip():
            self.pending.append(entity_pieces(*content))

    def _add(self, piece: Piece) -> None:
        if self.title is not None:
            self.title.append(piece)
        elif self.chrome:
            self.chrome_text.append(piece[0])
        elif not self.skip and self.opaque is None:
            self.pieces.append(piece)

    def handle_data(self, data: str) -> None:
        self._add((data, self.base + self.at, len(data)))

    # -- page chrome -----------------------------------------------------------
    def _is_chrome(self, tag: str, attrs: dict[str, tuple[str, int]]) -> bool:
        return is_chrome(tag, attrs, inside_section=any(self._last(s) >= 0 for s in SECTIONING))

    def _chrome_facts(self) -> None:
        """The contact facts of the chrome just closed, kept as links for the page facts."""
        self.builder.links.extend(chrome_links(html.unescape(" ".join(self.chrome_text))))
        self.chrome_text = []

    def _ref(self, prefix: str, name: str) -> None:
        start = self.at
        raw = prefix + name
        if self.text.startswith(raw + ";", start):
            raw += ";"
        decoded = html.unescape(raw)
        self._add((decoded, self.base + start, len(raw)))

    def handle_entityref(self, name: str) -> None:
        self._ref("&", name)

    def handle_charref(self, name: str) -> None:
        self._ref("&#", name)

    def handle_comment(self, data: str) -> None:
        start = self.at
        close = self.text.find("-->", start + 4)
        end = close + 3 if close >= 0 else len(self.text)
        self.builder.comments.append((self.base + start, self.base + end, data))

    def finish(self) -> None:
        self.close()
        if self.title is not None:
            self.pending.append(self.title)
            self.title = None
        self.flush()
        if self.chrome_text:  # chrome left unclosed at the end of the file
            self._chrome_facts()


def _unclosed_tail(text: str) -> int:
    """Where a construct that never closes starts (``len(text)`` if none).

    A comment without ``-->`` runs to the end of the file, and a tag, declaration or
    comment without a later ``>`` is never shown, as in a browser. The parser would
    instead read each ``<`` there as text, searching to the end for every one of them:
    quadratic time on a tail of thousands of ``<!--`` or ``<a``.
    """
    close = text.rfind("-->")
    cut = text.find("<!--", close + 3 if close >= 0 else 0)
    gt = text.rfind(">")
    tail = _CONSTRUCT.search(text, gt + 1)
    if tail is not None and (cut < 0 or tail.start() < cut):
        cut = tail.start()
    return len(text) if cut < 0 else cut


def feed_html(builder: ProseBuilder, text: str, base: int = 0, chrome: bool = False) -> None:
    """Extract the prose of ``text`` (found at ``base`` in the file) into ``builder``;
    ``chrome`` lints the page's navigation, banner and footer too."""
    parser = _Extractor(builder, text, base, chrome)
    cut = _unclosed_tail(text)
    parser.feed(text[:cut])
    parser.finish()
    if text.startswith("<!--", cut):  # a comment to the end of the file
        builder.comments.append((base + cut, base + len(text), text[cut + 4:]))


def extract_html(text: str, chrome: bool = False) -> Prose:
    builder = ProseBuilder()
    feed_html(builder, text, chrome=chrome)
    return builder.build()
