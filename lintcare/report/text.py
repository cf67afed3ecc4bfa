"""``--format text``: findings grouped under their file, then one summary line.

Each group starts with the file's name and its counts; each finding keeps its full
``path:line:col: severity [rule] message`` line (terminals and editors open it, ``grep``
finds it), then the replacement to write (``fix:`` when ``--fix`` can apply it, ``try:``
when a person rewrites) and the source line, fitted to the terminal, with a caret under
the span.
"""

from __future__ import annotations

from collections.abc import Sequence

import click

from ..findings import SEVERITIES, Finding, severity_counts
from ..pipeline import FileResult
from .excerpt import fit
from .names import shown_path
from .summary import summary

_COLOURS = {"error": "red", "warning": "yellow", "suggestion": "cyan"}
INDENT = "    "
DEFAULT_WIDTH = 80


def _caret(f: Finding, result: FileResult, width: int) -> list[str]:
    if result.source is None or f.scope == "document":
        return []
    line = result.source.line_text(f.line)
    end = f.end_column - 1 if f.end_line == f.line else len(line)
    # One column short of the terminal: a line that fills it exactly wraps in some terminals.
    shown, carets = fit(line, f.column - 1, end, width - len(INDENT) - 1)
    return [INDENT + shown, INDENT + carets]


def _replacements(f: Finding) -> str:
    shown = " | ".join(f"{s!r}" if s.strip() != s or not s else s for s in f.suggestions)
    # "suggestion" is a severity: the line is named for what the writer does with it.
    return f"{INDENT}{'fix' if f.fix is not None else 'try'}: {shown}"


def render_finding(f: Finding, result: FileResult, colour: bool, width: int = DEFAULT_WIDTH) -> list[str]:
    sev = click.style(f.severity, fg=_COLOURS[f.severity], bold=True) if colour else f.severity
    rule = click.style(f"[{f.rule}]", dim=True) if colour else f"[{f.rule}]"
    fixable = "" if f.fix is None else " (fixable)" if f.fix.safe else " (fixable with --unsafe-fixes)"
    out = [f"{shown_path(f.path)}:{f.line}:{f.column}: {sev} {rule} {f.message}{fixable}"]
    if f.suggestions:
        out.append(_replacements(f))
    out.extend(_caret(f, result, width))
    return out


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _header(r: FileResult, colour: bool) -> str:
    counts = severity_counts(r.findings)
    by = ", ".join(f"{counts[s]} {s}" for s in SEVERITIES if counts.get(s))
    head = f"{shown_path(r.path)} ({_plural(len(r.findings), 'finding')}: {by})"
    return click.style(head, bold=True, underline=True) if colour else head


def summary_line(results: Sequence[FileResult]) -> str:
    s = summary(results)
    line = (f"{_plural(int(s['findings']), 'finding')} "  # type: ignore[call-overload]
            f"({s['error']} error, {s['warning']} warning, {s['suggestion']} suggestion) "
            f"in {_plural(int(s['files']), 'file')}")  # type: ignore[call-overload]
    if s["fixable"]:
        line += f" ({s['fixable']} fixable with --fix"
        line += f", {s['unsafe_fixable']} more with --unsafe-fixes)" if s["unsafe_fixable"] else ")"
    elif s["unsafe_fixable"]:
        line += f" ({s['unsafe_fixable']} fixable with --fix --unsafe-fixes)"
    return line


def render(results: Sequence[FileResult], colour: bool = False, width: int = DEFAULT_WIDTH,
           show_summary: bool = True) -> str:
    lines: list[str] = []
    for r in results:
        if not len(r.findings):
            continue
        if lines:
            lines.append("")
        lines.append(_header(r, colour))
        for f in r.findings:
            lines.extend(render_finding(f, r, colour, width))
    if show_summary:
        if lines:
            lines.append("")
        lines.append(summary_line(results))
    return "\n".join(lines)
