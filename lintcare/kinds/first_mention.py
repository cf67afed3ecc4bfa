"""``first-mention``: a brand's first (and most prominent) mention needs its established name."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..document import Document
from ..scan import Pattern
from .base import Hit, Kind


class FirstMentionKind(Kind):
    """``name`` finds the brand; a mention counts as paired when a ``paired`` match covers it.

    Two mentions are checked: the most prominent one, a mention in the page's title
    (the headings that open the page, or a top-level heading), and the first mention
    in the body. A title's mention is fine when the body's first mention is paired (a
    title cannot hold the pairing; the sentence below it does). A subheading is not the
    most prominent mention, unless the body never names the brand. One finding per page:
    the body's first mention when it is unpaired (the body's first sentence is where the
    pairing goes), else the title's.

    ``unless_page`` (a pattern) keeps the page quiet when it matches anywhere: a page that
    names the established name somewhere ("esketamine" further down, or in a subtitle)
    tells the reader what the brand is; editors ask for the pairing where a page never
    gives the generic at all.
    """

    name = "first-mention"
    fields = {"name": (str,), "paired": (str, list), "case_sensitive": (bool,), "unless_page": (str,)}
    required = ("name", "paired")

    def __init__(self, raw: dict[str, Any], ctx: Any) -> None:
        super().__init__(raw, ctx)
        cs = raw.get("case_sensitive", False)
        self.name_re = ctx.regex("name", raw["name"], cs)
        paired = raw["paired"] if isinstance(raw["paired"], list) else [raw["paired"]]
        self.paired = [ctx.regex("paired", p, cs) for p in paired]
        unless = raw.get("unless_page")
        self.unless_page = ctx.regex("unless_page", unless, cs) if unless else None

    def anchors(self) -> tuple[str, ...]:
        return self.name_re.anchors

    def _is_paired(self, doc: Document, start: int, end: int) -> bool:
        block = doc.block_at(start)
        lo, hi = (block.start, block.end) if block else (0, len(doc.text))
        for regex in self.paired:
            for m in regex.finditer(doc.text, lo, hi):
                if m.start() <= start and m.end() >= end:
                    return True
                if m.start() > end:
                    break
        return False

    @staticmethod
    def _in_title(doc: Document, offset: int) -> bool:
        block = doc.block_at(offset)
        if block is None:
            return False
        if block.level == 1:
            return True
        # Plain text has no levels: a heading in the run of headings that opens the
        # page is its title.
        for b in doc.prose.blocks:
            if b is block:
                return True
            if b.kind != block.kind:
                return False
        return False

    def declared_patterns(self) -> list[Pattern]:
        return [self.name_re]

    def find(self, doc: Document) -> Iterator[Hit]:
        first_body = first_heading = None
        for m in doc.scan.finditer_page(self.name_re):
            if doc.block_at(m.start()) is None:
                continue
            if doc.title_like(m.start()):  # a heading, or a title line a text page has
                first_heading = first_heading or m
            else:
                first_body = first_body or m
            if first_body and first_heading:
                break
        # A title cannot hold the pairing: it is fine when the first mention in the body
        # (the sentence below it) is paired.
        if first_heading is not None and first_body is not None and (
                not self._in_title(doc, first_heading.start())
                or self._is_paired(doc, first_body.start(), first_body.end())):
            first_heading = None
        if self.unless_page is not None and self.unless_page.search(doc.text):
            return
        for m in (first_body, first_heading):
            if m is not None and not self._is_paired(doc, m.start(), m.end()):
                yield Hit(m.start(), m.end())
                return
