"""``check --annotate OUT.docx IN.docx``: the findings as Word comments on a copy.

Each finding becomes one comment by the author "lintcare", anchored on exactly the text it
is about: runs are split at the finding's edges (a split run keeps its properties), then
python-docx places the comment range around them. The comment says the severity and
message, the fix or suggestions, and the rule id.

Word keeps comments in the document body only: a finding in a header, footer or note is
anchored on the document's first run, and its comment says where it is.
"""

from __future__ import annotations

import contextlib
import copy
import os
import tempfile
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..sources.docx_xml import Para, W, paragraph, paragraphs, set_text

if TYPE_CHECKING:
    from ..findings import Finding

AUTHOR = "lintcare"


class AnnotateError(Exception):
    """The annotated copy cannot be written; the message is one line for the user."""


def comment_lines(f: Finding, where: str = "") -> list[str]:
    """The comment's paragraphs: message, what to do, rule id."""
    lines = [f"{where}{f.severity}: {f.message}"]
    if f.fix is not None and f.fix.edits:
        lines.append("Fix: " + " … ".join(e.replacement or "(remove)" for e in f.fix.edits))
    elif f.suggestions:
        lines.append("Suggestion: " + " | ".join(f.suggestions))
    lines.append(f"Rule: {f.rule}")
    return lines


def _split(run: Any, child: Any, at: int) -> None:
    """Split ``run`` before character ``at`` of ``child``: a copy of the run (same
    properties) takes the rest of the child and everything after it."""
    rest = copy.deepcopy(run)
    for c in list(rest):
        if c.tag != f"{W}rPr":
            rest.remove(c)
    after = list(child.itersiblings())
    if at > 0:
        tail = copy.deepcopy(child)
        set_text(tail, (child.text or "")[at:])
        set_text(child, (child.text or "")[:at])
        rest.append(tail)
    else:
        rest.append(child)
    for c in after:
        rest.append(c)
    run.addnext(rest)


def _cut(para: Para, offset: int) -> bool:
    """Make a run boundary at ``offset``; False when that would cut a field's text."""
    for p in para.pieces:
        if p.start < offset < p.end:
            if p.node is None:
                return False  # a field's result: the comment takes its whole run
            _split(p.run, p.child, offset - p.start)
            return True
        if p.start == offset and p.run.index(p.child) > (1 if p.run.find(f"{W}rPr") is not None else 0):
            _split(p.run, p.child, 0)
            return True
    return True


def anchor_runs(p: Any, part: str, start: int, end: int) -> list[Any]:
    """The ``w:r`` elements that hold characters [start, end) of paragraph ``p``, after
    splitting runs at both edges (the end first: the start's offsets stay valid)."""
    for offset in sorted({start, end}, reverse=True):
        para, _ = paragraph(p, part)
        _cut(para, offset)
    para, _ = paragraph(p, part)
    hit = [x.run for x in para.pieces if x.start < max(end, start + 1) and start < x.end] or \
          [x.run for x in para.pieces[-1:]]
    return list(dict.fromkeys(hit))


def annotate(data: bytes, findings: Iterable[Finding]) -> tuple[Any, int]:
    """A python-docx Document of ``data`` with one comment per finding, and the count."""
    import io

    import docx
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    document = docx.Document(io.BytesIO(data))
    body = list(paragraphs(document.part.element, "body"))
    first = next((x for x in body if x.pieces), None)
    count = 0
    for f in sorted(findings, key=lambda f: (f.line, f.column, f.rule)):
        if 0 < f.line <= len(body) and body[f.line - 1].pieces:
            para = body[f.line - 1]
            length = len(para.text)
            start = min(f.column - 1, length)
            end = min(f.end_column - 1, length) if f.end_line == f.line else length
            runs, where = anchor_runs(para.element, para.part, start, max(end, start)), ""
        elif first is not None:
            runs = [first.pieces[0].run]
            where = f"(line {f.line}, column {f.column}, outside the body) "
        else:
            raise AnnotateError("the document has no text to anchor comments on")
        holder = Paragraph(runs[0].getparent(), document._body)
        # One paragraph of the comment per line of its text.
        document.add_comment([Run(r, holder) for r in (runs[0], runs[-1])],
                             text="\n".join(comment_lines(f, where)), author=AUTHOR, initials="lc")
        count += 1
    return document, count


def write_annotated(data: bytes, out_path: str, findings: Iterable[Finding]) -> int:
    """Write the annotated copy atomically; returns the number of comments."""
    document, count = annotate(data, findings)
    folder = os.path.dirname(os.path.abspath(out_path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".lintcare-", suffix=".docx", dir=folder)
    except OSError as exc:
        raise AnnotateError(f"cannot write {out_path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            document.save(fh)
        os.replace(tmp, out_path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise AnnotateError(f"cannot write {out_path}: {exc.strerror or exc}") from None
    return count
