"""Code actions: a finding's own fix, every safe fix of the file, and a suppression.

A finding's fix is offered only where ``check --fix`` would apply it (not inside code,
a comment or a link); a safe fix is the preferred action, an unsafe one is labelled
"(review)". "Fix all safe problems" is ``fix_source`` itself, so the text it makes is
the text ``lintcare check --fix`` writes.
"""

from __future__ import annotations

import re

from lsprotocol import types

from ..findings import Finding
from ..sources.frontmatter import front_matter
from .positions import LineIndex
from .workspace import Linted

FIX_ALL = "Fix all safe problems in this file (lintcare)"
REASON = "why the rule does not apply here"
_INDENT = re.compile(r"[ \t]*")


def _edit(uri: str, version: int, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    # A versioned edit: a client applies it only to the text it was computed for.
    doc = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
    return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=doc, edits=edits)])


def _title(finding: Finding) -> str:
    edits = finding.fix.edits  # type: ignore[union-attr]
    if len(edits) == 1:
        old, new = finding.text, edits[0].replacement
        title = f'Replace "{old}" with "{new}"' if new else f'Remove "{old}"'
        if len(title) > 80:
            title = f"Apply the fix of {finding.rule}"
    else:
        title = f"Apply the fix of {finding.rule}"
    return title if finding.fix.safe else f"{title} (review)"  # type: ignore[union-attr]


def quick_fix(uri: str, finding: Finding, diagnostic: types.Diagnostic | None, linted: Linted,
              index: LineIndex) -> types.CodeAction | None:
    if finding.fix is None or not linted.fixable(finding):
        return None
    edits = [types.TextEdit(index.range(e.start, e.end), e.replacement) for e in finding.fix.edits]
    return types.CodeAction(
        title=_title(finding), kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic] if diagnostic else None,
        is_preferred=finding.fix.safe, edit=_edit(uri, linted.version, edits))


def fix_all(uri: str, linted: Linted, index: LineIndex) -> types.CodeAction | None:
    """Every safe fix, applied until the text settles, as one edit of the changed regions."""
    if linted.error is not None or not any(f.fix is not None and f.fix.safe for f in linted.findings):
        return None  # check --fix leaves a page alone when a rule could not run
    fixed = linted.fixed_safe()
    if fixed == linted.source.text:
        return None
    # One edit of the region between the common prefix and suffix: small, and exact.
    old = linted.source.text
    head = 0
    limit = min(len(old), len(fixed))
    while head < limit and old[head] == fixed[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[-1 - tail] == fixed[-1 - tail]:
        tail += 1
    edit = types.TextEdit(index.range(head, len(old) - tail), fixed[head:len(fixed) - tail])
    return types.CodeAction(title=FIX_ALL, kind=types.CodeActionKind.SourceFixAll,
                            edit=_edit(uri, linted.version, [edit]))


def _directive(action: str, finding: Finding, fmt: str) -> str:
    words = f"lintcare-{action} {finding.rule} -- {REASON}"
    return words if fmt == "text" else f"<!-- {words} -->"


def _placeable(text: str, fmt: str, line_start: int, finding: Finding) -> bool:
    """Can a comment line go above this finding? Not inside Markdown front matter (it
    would break the YAML, and comments there are not read) nor between table rows."""
    if fmt != "markdown":
        return True
    if finding.start < front_matter(text)[0]:
        return False
    return not text[line_start:line_start + 200].lstrip(" \t").startswith("|")


def suppression(uri: str, finding: Finding, diagnostic: types.Diagnostic | None, linted: Linted,
                index: LineIndex) -> types.CodeAction | None:
    """``disable-next-line`` on its own line above the finding, indented like it; a finding
    about the whole page is silenced by a ``disable`` anywhere, so that goes at the end
    (never before front matter or a doctype)."""
    text, fmt = linted.source.text, linted.source.fmt
    if finding.scope == "document":
        newline, at = _newline(text), len(text)
        before = "" if not text or text.endswith(("\n", "\r")) else newline
        insert = before + _directive("disable", finding, fmt) + newline
    else:
        start = index.starts[index.position(finding.start).line]
        if not _placeable(text, fmt, start, finding):
            return None
        indent = _INDENT.match(text, start).group()  # type: ignore[union-attr]
        at = start
        insert = indent + _directive("disable-next-line", finding, fmt) + _newline(text)
    edit = types.TextEdit(index.range(at, at), insert)
    return types.CodeAction(
        title=f"Suppress {finding.rule} here (lintcare)", kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic] if diagnostic else None, edit=_edit(uri, linted.version, [edit]))


def _newline(text: str) -> str:
    """The file's own line ending."""
    m = re.search(r"\r\n|\r|\n", text)
    return m.group() if m else "\n"
