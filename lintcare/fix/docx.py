"""Fixing Word documents: edits go into the runs they touch, every other byte stays.

The loop is the one every format shares (``apply.run_passes``), run on the document's
text form (sources/docx.py), with the XML re-read after every pass so positions always
come from the current document:

1. lint; choose fixes as for any file, with more ranges no edit may cross: a seam where
   the formatting changes (bold to plain, into a hyperlink or a tracked insertion), a tab,
   a line break, a field's result, a paragraph's end;
2. apply each edit to the text of the ``w:t`` elements it covers: the runs keep their
   properties, nothing is split or merged;
3. repeat until nothing applies; a fix held back only by a seam is reported as such.

Only the parts an edit touched are serialised again (their XML declaration kept as it
was); every other member of the archive is copied byte for byte (docx_zip.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..findings import Edit, Finding
from ..pipeline import lint
from ..sources.docx import DocxSource, Package, source_from
from ..sources.docx_xml import Para, set_text
from .apply import FixResult, choose, fixable, protected_ranges, run_passes
from .docx_zip import rewrite_zip, serialise
from .writing import FixWriteError

if TYPE_CHECKING:
    from ..config import Config
    from ..rules.loader import RuleSet


class DocxEditError(FixWriteError):
    """An edit could not be placed in the runs (a bug guard: choosing should prevent it)."""


@dataclass
class DocxFixResult(FixResult):
    fixed_source: DocxSource | None = None  # the fixed document's text form
    held_back: list[Finding] = field(default_factory=list)  # fixes a formatting seam stopped

    @property
    def note(self) -> str | None:
        if not self.held_back:
            return None
        where = ", ".join(f"{f.line}:{f.column} {f.rule}" for f in self.held_back[:5])
        more = f" and {len(self.held_back) - 5} more" if len(self.held_back) > 5 else ""
        n = len(self.held_back)
        return (f"{n} fix{'es' if n != 1 else ''} not applied: the edit spans text with different "
                f"formatting, a field or a tab ({where}{more}); fix by hand")


def _protected(source: DocxSource, comments: list, findings: list[Finding]
               ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(what any file protects, that plus the document's seams and paragraph ends). Only
    the lines some fix edits: every range costs a comparison per fix, and a long document
    may have tens of thousands of seams."""
    plain = protected_ranges(source, comments)
    lines = {source.position(e.start)[0] for f in findings if fixable(f, True)
             for e in f.fix.edits}  # type: ignore[union-attr]
    starts = source.line_starts()
    ends = [(starts[n] - 1, starts[n]) for n in lines if n < len(starts)]  # the line's own "\n"
    return plain, plain + source.protected(lines) + ends


def _lint(source: DocxSource, ruleset: RuleSet, config: Config | None
          ) -> tuple[list[Finding], list[tuple[int, int]], list[tuple[int, int]]]:
    linted = lint(source, ruleset, config)
    findings = linted.complete()
    plain, full = _protected(source, linted.prose.comments, findings)
    return findings, plain, full


def fix_docx(data: bytes, path: str, ruleset: RuleSet, unsafe: bool = False,
             config: Config | None = None) -> tuple[bytes, DocxFixResult, DocxSource]:
    """Fix a ``.docx`` file's bytes: (new bytes, the fix result, the original text form).

    Raises SourceError (not a Word document, or a rule could not run) or FixWriteError.
    """
    package = Package(data)
    original = source_from(package, path)
    result = DocxFixResult(original.text, original.text)
    edited: set[str] = set()
    last: dict[str, list[tuple[int, int]]] = {}  # the last pass's ranges, with and without seams

    def lint_pass(source: DocxSource) -> tuple[list[Finding], list[tuple[int, int]]]:
        findings, last["plain"], last["full"] = _lint(source, ruleset, config)
        return findings, last["full"]

    def advance(source: DocxSource, edits: list[Edit], text: str) -> DocxSource:
        edited.update(_apply_to_xml(package, source, edits))
        current = source_from(package, path)
        if current.text != text:
            raise DocxEditError("the edited document does not read back as the fixed text")
        return current

    current = run_passes(original, result, lint_pass, advance, unsafe)
    result.fixed_source = current
    result.held_back = [f for f in result.remaining if fixable(f, unsafe)
                        and choose([f], current.text, unsafe, last["plain"])
                        and not choose([f], current.text, unsafe, last["full"])]
    if not edited:
        return data, result, original
    parts = {name: serialise(package.zip.read(name), package.trees[name]) for name in sorted(edited)}
    return rewrite_zip(data, parts), result, original


def _apply_to_xml(package: Package, source: DocxSource, edits: list[Edit]) -> set[str]:
    """Put each edit into the runs; returns the names of the parts that changed."""
    paras = package.paragraphs()
    touched: set[str] = set()
    # From the end backwards: an edit never moves the pieces of an earlier one.
    for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        line, column = source.position(e.start)
        end_line, _ = source.position(e.end) if e.end > e.start else (line, column)
        if end_line != line:
            raise DocxEditError("an edit crosses a paragraph end")
        name, para = paras[line - 1]
        _edit(para, column - 1, column - 1 + e.end - e.start, e.replacement)
        touched.add(name)
    return touched


def _edit(para: Para, start: int, end: int, text: str) -> None:
    """Replace characters [start, end) of the paragraph, inside the ``w:t`` they are in."""
    editable = [p for p in para.pieces if p.node is not None]
    if start == end:
        # An insertion joins the text before it, else the text after it.
        covered = [p for p in editable if p.start < start <= p.end] or \
                  [p for p in editable if p.start <= start < p.end]
        covered = covered[:1]
    else:
        covered = [p for p in para.pieces if p.start < end and start < p.end]
    if not covered or any(p.node is None for p in covered) or len({p.key for p in covered}) > 1:
        raise DocxEditError("an edit spans runs with different formatting")
    first, last = covered[0], covered[-1]
    head = (first.node.text or "")[:start - first.start]
    tail = (last.node.text or "")[max(0, end - last.start):]
    if first is last:
        set_text(first.node, head + text + tail)
        return
    set_text(first.node, head + text)
    for p in covered[1:-1]:
        set_text(p.node, "")
    set_text(last.node, tail)
