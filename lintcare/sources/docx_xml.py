"""Walking WordprocessingML: the paragraphs of a Word part in reading order, each with the
pieces of text it is made of and the element each piece came from.

One walk serves reading (the text form a ``.docx`` is linted as), fixing (edits go into
the ``w:t`` element a piece names) and annotating (comments anchor on the runs), so line
numbers and columns agree everywhere.

What the text of a paragraph is, as Word shows it with tracked changes accepted:

- ``w:t`` in runs, also inside hyperlinks, inserted (``w:ins``, ``w:moveTo``) and content
  controls; deleted text (``w:del``, ``w:moveFrom``) and field codes (``w:instrText``) are
  left out, a field's result is read as its visible text;
- a tab is ``\\t``, a line break is a space that also ends the block (no sentence crosses
  it), a non-breaking hyphen is U+2011;
- a text box is read as its own paragraphs, right after the paragraph that anchors it
  (the ``mc:Fallback`` copy of the same box is skipped).

Only ``w:t`` text outside fields is editable. A piece's ``key`` is its formatting: the
run's properties and the element the run sits in, so text in a hyperlink or in a tracked
insertion never shares a key with the text around it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# Containers whose runs are read as they stand.
_INLINE = {f"{W}{t}" for t in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "dir", "bdo")}
_INLINE_SDT = f"{W}sdt"
# Inline content never read: deleted text, and the paragraph's own properties.
_SKIP = {f"{W}{t}" for t in ("del", "moveFrom", "pPr", "rPr")}
_FIELD_SIMPLE = f"{W}fldSimple"
_BREAKS = {f"{W}br", f"{W}cr"}


@dataclass(frozen=True, slots=True)
class Piece:
    """Characters [start, end) of a paragraph's text; ``node`` is the editable ``w:t``
    element they came from (None for a tab, a break or a field's result)."""

    start: int
    end: int
    node: Any
    key: tuple
    run: Any  # the w:r element
    child: Any  # the element in the run that holds the characters (w:t, w:tab, w:br …)


@dataclass(slots=True)
class Para:
    """One paragraph in reading order."""

    element: Any  # the w:p element
    part: str  # body, table, textbox, header, footer, footnote, endnote
    style: str | None = None
    listed: bool = False
    pieces: list[Piece] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)  # offsets of line-break spaces
    links: list[str] = field(default_factory=list)  # relationship ids of its hyperlinks
    _chars: list[str] = field(default_factory=list)
    length: int = 0  # of the text so far (a paragraph may hold thousands of runs)

    @property
    def text(self) -> str:
        return "".join(self._chars)

    def _add(self, text: str, child: Any, editable: bool, key: tuple, run: Any) -> None:
        if text:
            start = self.length
            self._chars.append(text)
            self.length += len(text)
            self.pieces.append(Piece(start, start + len(text), child if editable else None, key, run, child))


class _Fields:
    """Where a complex field is: its code (skipped) or its result (read, not editable)."""

    def __init__(self) -> None:
        self.stack: list[str] = []  # "code" or "result" per open field

    def char(self, kind: str | None) -> None:
        if kind == "begin":
            self.stack.append("code")
        elif kind == "separate" and self.stack:
            self.stack[-1] = "result"
        elif kind == "end" and self.stack:
            self.stack.pop()

    @property
    def in_code(self) -> bool:
        return "code" in self.stack

    @property
    def in_result(self) -> bool:
        return bool(self.stack)


def _rpr_key(run: Any) -> bytes:
    from lxml import etree

    rpr = run.find(f"{W}rPr")
    # rsid attributes only say when the text was typed; they do not format it.
    if rpr is None:
        return b""
    return etree.tostring(rpr, method="c14n")


def _run(para: Para, run: Any, fields: _Fields, locked: bool, boxes: list[Any]) -> None:
    key = (run.getparent(), _rpr_key(run))
    for child in run:
        tag = child.tag
        if tag == f"{W}fldChar":
            fields.char(child.get(f"{W}fldCharType"))
        elif fields.in_code or not isinstance(tag, str):
            continue
        elif tag == f"{W}t":
            editable = not (locked or fields.in_result)
            para._add(child.text or "", child, editable, key, run)
        elif tag == f"{W}tab":
            para._add("\t", child, False, key, run)
        elif tag in _BREAKS:
            para.breaks.append(para.length)
            para._add(" ", child, False, key, run)
        elif tag == f"{W}noBreakHyphen":
            para._add("\u2011", child, False, key, run)
        else:
            boxes.extend(_text_boxes(child))


def _text_boxes(element: Any) -> list[Any]:
    """``w:txbxContent`` elements inside a drawing, without the fallback copies."""
    found = []
    for box in element.iter(f"{W}txbxContent"):
        parent = box.getparent()
        while parent is not None and parent is not element:
            if parent.tag == f"{MC}Fallback":
                break
            parent = parent.getparent()
        else:
            found.append(box)
    return found


def _inline(para: Para, element: Any, fields: _Fields, locked: bool, boxes: list[Any]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == f"{W}r":
            _run(para, child, fields, locked, boxes)
        elif tag in _INLINE:
            if tag == f"{W}hyperlink" and child.get(R_ID):
                para.links.append(child.get(R_ID))
            _inline(para, child, fields, locked, boxes)
        elif tag == _INLINE_SDT:
            content = child.find(f"{W}sdtContent")
            if content is not None:
                _inline(para, content, fields, locked, boxes)
        elif tag == _FIELD_SIMPLE:
            _inline(para, child, fields, True, boxes)


def paragraph(p: Any, part: str) -> tuple[Para, list[Any]]:
    """A paragraph's text and pieces, and the text boxes anchored in it."""
    ppr = p.find(f"{W}pPr")
    style = listed = None
    if ppr is not None:
        ps = ppr.find(f"{W}pStyle")
        style = ps.get(f"{W}val") if ps is not None else None
        num = ppr.find(f"{W}numPr")
        if num is not None:
            num_id = num.find(f"{W}numId")
            listed = num_id is None or num_id.get(f"{W}val") != "0"  # numId 0 switches a list off
    para = Para(p, part, style, bool(listed))
    boxes: list[Any] = []
    _inline(para, p, _Fields(), False, boxes)
    return para, boxes


def paragraphs(container: Any, part: str) -> Iterator[Para]:
    """Every paragraph under a block container (body, cell, text box, header, note)."""
    for child in container:
        tag = child.tag
        if tag == f"{W}p":
            para, boxes = paragraph(child, part)
            yield para
            for box in boxes:
                yield from paragraphs(box, "textbox")
        elif tag == f"{W}tbl":
            for row in child.iter(f"{W}tr"):
                if _table_of(row) is not child:
                    continue  # a nested table's rows come with its cell
                for cell in row.iterchildren(f"{W}tc"):
                    yield from paragraphs(cell, "table")
        elif tag in (f"{W}sdt", f"{W}customXml"):
            content = child.find(f"{W}sdtContent") if tag == f"{W}sdt" else child
            if content is not None:
                yield from paragraphs(content, part)
        elif tag == f"{W}body":
            yield from paragraphs(child, part)


def _table_of(row: Any) -> Any:
    parent = row.getparent()
    while parent is not None and parent.tag != f"{W}tbl":
        parent = parent.getparent()
    return parent


def notes(root: Any, part: str) -> Iterator[Para]:
    """The paragraphs of footnotes or endnotes, leaving out the separator notes."""
    for note in root:
        if note.tag in (f"{W}footnote", f"{W}endnote") and note.get(f"{W}type") in (None, "normal"):
            yield from paragraphs(note, part)


def set_text(node: Any, text: str) -> None:
    """Set a ``w:t``'s text; Word drops edge spaces unless told to keep them."""
    node.text = text
    if text != text.strip():
        node.set(XML_SPACE, "preserve")
