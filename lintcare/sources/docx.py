"""Word documents (``.docx``): read as a text form, one line per paragraph.

The text a ``.docx`` is linted as (``Source.text``) holds one line per paragraph, in
reading order: the body (tables cell by cell, row by row; a text box right after the
paragraph that anchors it), then footnotes, endnotes, headers and footers. A finding's
line is that paragraph number (empty paragraphs count), its column is in characters of
the paragraph's text. The JSON report adds the part the paragraph is in (``body``,
``table``, ``textbox``, ``footnote``, ``endnote``, ``header``, ``footer``).

Headings (from paragraph styles), list paragraphs and table cells become blocks of those
kinds, so the rules see the structure: a heading is not a sentence.

The source keeps plain data only (it crosses process boundaries): for each line its part,
kind, where a break ends a block, which characters are not editable and where the
formatting changes. ``Package`` holds the parsed XML for the fixer and the annotator.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from .base import Source, SourceError
from .docx_xml import Para, W, notes, paragraphs
from .prose import HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL, Prose, ProseBuilder

if TYPE_CHECKING:
    from ..findings import Finding

DOCUMENT = "word/document.xml"
MAX_PART_BYTES = 64 * 1024 * 1024  # an XML part past this is a zip bomb, not a draft
_HEADING_NAME = re.compile(r"heading\s*([1-9])$", re.IGNORECASE)
_PART_ORDER = (("footnote", "word/footnotes.xml"), ("endnote", "word/endnotes.xml"))
_NUMBERED = re.compile(r"(\d+)")


@dataclass(frozen=True, slots=True)
class Line:
    """What the rules and the fixer need to know about one paragraph, as plain data."""

    part: str
    kind: str = PARAGRAPH
    level: int = 0
    breaks: tuple[int, ...] = ()
    locked: tuple[tuple[int, int], ...] = ()  # characters no fix may touch (tabs, fields)
    seams: tuple[int, ...] = ()  # offsets where the formatting changes


@dataclass(slots=True)
class DocxSource(Source):
    """A Word document's text form (see the module docstring) and its lines."""

    lines: tuple[Line, ...] = field(default=())
    links: tuple[str, ...] = ()  # hyperlink targets (a tel: or mailto: link is contact information)

    def with_text(self, text: str) -> DocxSource:
        return replace(self, text=text, _line_starts=[])

    def part_at(self, line: int) -> str:
        return self.lines[line - 1].part if 0 < line <= len(self.lines) else "body"

    def protected(self, lines: set[int]) -> list[tuple[int, int]]:
        """Source ranges no fix may cross on these lines (1-based): locked characters, and
        formatting seams (empty ranges: an edit may end or start at a seam, not span it)."""
        out: list[tuple[int, int]] = []
        starts = self.line_starts()
        for number in sorted(n for n in lines if 0 < n <= len(self.lines)):
            start, line = starts[number - 1], self.lines[number - 1]
            out += [(start + a, start + b) for a, b in line.locked]
            out += [(start + s, start + s) for s in line.seams]
        return out


# ---------------------------------------------------------------- the package


def _parser() -> Any:
    from lxml import etree

    # No entities, no network, no huge trees: the file may come from anyone.
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)


class Package:
    """The zip archive and the parsed parts that hold paragraphs."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            names = set(self.zip.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            raise SourceError("not a valid .docx file (not a zip archive)") from None
        if DOCUMENT not in names:
            raise SourceError(f"not a valid .docx file (no {DOCUMENT})")
        self.trees: dict[str, Any] = {}
        self.order: list[tuple[str, str]] = [("body", DOCUMENT)]
        self.order += [(kind, name) for kind, name in _PART_ORDER if name in names]
        for kind in ("header", "footer"):
            found = [n for n in names if re.fullmatch(rf"word/{kind}\d*\.xml", n)]
            self.order += [(kind, n) for n in sorted(found, key=_natural)]
        for _, name in self.order:
            self.trees[name] = self.parse(name)
        self.rels = {name: self._targets(name, names) for _, name in self.order}
        self.styles = _styles(self.parse("word/styles.xml") if "word/styles.xml" in names else None)

    def parse(self, name: str) -> Any:
        from lxml import etree

        info = self.zip.getinfo(name)
        if info.file_size > MAX_PART_BYTES:
            raise SourceError(f"not a valid .docx file ({name} is too large)")
        try:
            return etree.fromstring(self.zip.read(name), _parser())
        except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, ValueError) as exc:
            raise SourceError(f"not a valid .docx file ({name}: {str(exc).splitlines()[0]})") from None

    def _targets(self, name: str, names: set[str]) -> dict[str, str]:
        """Relationship id → external target, for the part's hyperlinks."""
        folder, _, base = name.rpartition("/")
        rels = f"{folder}/_rels/{base}.rels"
        if rels not in names:
            return {}
        return {r.get("Id", ""): r.get("Target", "") for r in self.parse(rels)
                if r.get("TargetMode") == "External"}

    def paragraphs(self) -> list[tuple[str, Para]]:
        """Every paragraph in reading order, with the name of the part it is in."""
        out: list[tuple[str, Para]] = []
        for kind, name in self.order:
            root = self.trees[name]
            walk = notes(root, kind) if kind in ("footnote", "endnote") else paragraphs(root, kind)
            out += [(name, p) for p in walk]
        return out


def _natural(name: str) -> list[object]:
    return [int(t) if t.isdigit() else t for t in _NUMBERED.split(name)]


def _styles(root: Any) -> dict[str, tuple[int, bool]]:
    """Paragraph style id → (heading level or 0, is a list style), following ``basedOn``."""
    if root is None:
        return {}
    raw: dict[str, tuple[str | None, int, bool]] = {}
    for style in root.iterchildren(f"{W}style"):
        if style.get(f"{W}type") != "paragraph":
            continue
        name_el, based, ppr = style.find(f"{W}name"), style.find(f"{W}basedOn"), style.find(f"{W}pPr")
        name = (name_el.get(f"{W}val") or "") if name_el is not None else ""
        level = _heading_level(name, ppr)
        listed = ppr is not None and ppr.find(f"{W}numPr") is not None
        raw[style.get(f"{W}styleId") or ""] = (based.get(f"{W}val") if based is not None else None, level,
                                              listed)
    out: dict[str, tuple[int, bool]] = {}
    for sid in raw:
        level, listed, seen, cur = 0, False, set(), sid
        while cur in raw and cur not in seen:  # a basedOn loop ends the chain
            seen.add(cur)
            parent, lvl, lst = raw[cur]
            level, listed = level or lvl, listed or lst
            cur = parent
        out[sid] = (level, listed)
    return out


def _heading_level(name: str, ppr: Any) -> int:
    m = _HEADING_NAME.match(name.strip())
    if m:
        return int(m[1])
    if name.strip().lower() in ("title", "subtitle"):
        return 1 if name.strip().lower() == "title" else 2
    outline = ppr.find(f"{W}outlineLvl") if ppr is not None else None
    if outline is not None and (outline.get(f"{W}val") or "").isdigit() and int(outline.get(f"{W}val")) < 9:
        return int(outline.get(f"{W}val")) + 1
    return 0


# ---------------------------------------------------------------- the text form


def line_of(para: Para, styles: dict[str, tuple[int, bool]]) -> Line:
    level, style_listed = styles.get(para.style or "", (0, False))
    if level:
        kind = HEADING
    elif para.listed or style_listed:
        kind = LIST_ITEM
    elif para.part == "table":
        kind = TABLE_CELL
    else:
        kind = PARAGRAPH
    locked = tuple((p.start, p.end) for p in para.pieces if p.node is None and p.start not in para.breaks)
    seams = tuple(b.start for a, b in zip(para.pieces, para.pieces[1:], strict=False)
                  if a.key != b.key and a.node is not None and b.node is not None)
    return Line(para.part, kind, level, tuple(para.breaks), locked, seams)


def one_line(text: str) -> str:
    # A paragraph is one line of the text form; a stray line break character in a w:t
    # (rare, not valid in Word's own files) reads as a space.
    return text.replace("\r", " ").replace("\n", " ")


def source_from(package: Package, path: str) -> DocxSource:
    paras = package.paragraphs()
    text = "".join(one_line(p.text) + "\n" for _, p in paras)
    lines = tuple(line_of(p, package.styles) for _, p in paras)
    links = tuple(package.rels[name][rid] for name, p in paras for rid in p.links
                  if rid in package.rels[name])
    return DocxSource(path, text, "docx", "utf-8", False, lines=lines, links=links)


def read_docx(path: str, data: bytes) -> DocxSource:
    """A ``.docx`` file's text form; SourceError when it is not a Word document."""
    return source_from(Package(data), path)


def extract_docx(source: Source) -> Prose:
    """One block per paragraph (split at line breaks), of the paragraph's kind. A paragraph
    that holds only a suppression (``lintcare-disable-next-line RULE -- reason``) is one,
    as a line in a plain-text file is, and is not prose."""
    from ..directives import directive_line

    lines = source.lines if isinstance(source, DocxSource) else ()
    b = ProseBuilder()
    b.links += source.links if isinstance(source, DocxSource) else ()
    starts = source.line_starts()
    for i, start in enumerate(starts):
        end = starts[i + 1] - 1 if i + 1 < len(starts) else len(source.text)
        if end <= start:
            continue
        line = lines[i] if i < len(lines) else Line("body")
        if source.text.find("lintcare-", start, end) >= 0:
            directive = directive_line(source.text, start, end)
            if directive is not None:
                b.comments.append((start, end, directive))
                continue
        cuts = [0, *(c for brk in line.breaks for c in (brk, brk + 1)), end - start]
        for a, z in zip(cuts[::2], cuts[1::2], strict=False):
            _block(b, source.text, start + a, start + z, line)
    return b.build()


def _block(b: ProseBuilder, text: str, start: int, end: int, line: Line) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        b.open_block()
        b.add(text[start:end], start)
        b.close_block(line.kind, line.level)


def with_parts(source: Source, findings: list[Finding]) -> list[Finding]:
    """Findings of a Word document name the part they are in (``part`` in JSON)."""
    if not isinstance(source, DocxSource):
        return findings
    return [replace(f, extra=(*f.extra, ("part", source.part_at(f.line)))) for f in findings]
