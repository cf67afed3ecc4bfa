"""``--format text``: ``path:line:col: severity [rule] message``, the suggestion and a caret line."""

from __future__ import annotations

from collections.abc import Sequence

import click

from ..findings import Finding
from ..pipeline import FileResult
from .summary import summary

_COLOURS = {"error": "red", "warning": "yellow", "suggestion": "cyan"}


def _caret(f: Finding, result: FileResult) -> list[str]:
    if result.source is None or f.scope == "document":
        return []
    line = result.source.line_text(f.line)
    # Show control and odd spaces visibly so a caret under "  " is not a mystery.
    shown = line.replace("\t", " ")
    width = (f.end_column - f.column) if f.end_line == f.line else len(line) - f.column + 1
    if len(shown) > 160:  # long lines: show a window around the span
        lo = max(0, f.column - 60)
        shown = ("…" if lo else "") + shown[lo:lo + 140] + "…"
        pad = f.column - 1 - lo + (1 if lo else 0)
    else:
        pad = f.column - 1
    width = min(width, len(shown) - pad)  # a long span (a whole sentence) stops at the window
    return ["    " + shown, "    " + " " * pad + "^" * max(1, width)]


def render_finding(f: Finding, result: FileResult, colour: bool) -> list[str]:
    sev = click.style(f.severity, fg=_COLOURS[f.severity], bold=True) if colour else f.severity
    rule = click.style(f"[{f.rule}]", dim=True) if colour else f"[{f.rule}]"
    fixable = "" if f.fix is None else " (fixable)" if f.fix.safe else " (fixable with --unsafe-fixes)"
    out = [f"{f.path}:{f.line}:{f.column}: {sev} {rule} {f.message}{fixable}"]
    if f.suggestions:
        out.append("    suggestion: " + " | ".join(f"{s!r}" if s.strip() != s or not s else s
                                                  for s in f.suggestions))
    out.extend(_caret(f, result))
    return out


def render(results: Sequence[FileResult], colour: bool = False) -> str:
    lines: list[str] = []
    for r in results:
        for f in r.findings:
            lines.extend(render_finding(f, r, colour))
    s = summary(results)
    lines.append(
        f"{s['findings']} finding{'s' if s['findings'] != 1 else ''} "
        f"({s['error']} error, {s['warning']} warning, {s['suggestion']} suggestion) "
        f"in {s['files']} file{'s' if s['files'] != 1 else ''}"
    )
    return "\n".join(lines)
