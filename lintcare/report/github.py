"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

    ::error file=docs/a.md,line=3,col=5,endLine=3,endColumn=22,title=…::message

Values are escaped as the Actions runner unescapes them: in the message ``%``, CR and LF;
in properties also ``:`` and ``,`` (which would otherwise end the value).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..findings import Finding
from ..pipeline import FileResult
from .names import shown_path

COMMANDS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **props: object) -> str:
    shown = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    return f"::{name} {shown}::{escape_data(message)}"


def annotation(f: Finding) -> str:
    message = f.message
    if f.suggestions:
        message += "\nSuggestion: " + " | ".join(f.suggestions)
    return command(COMMANDS[f.severity], message, file=shown_path(f.path), line=f.line, col=f.column,
                   endLine=f.end_line, endColumn=f.end_column, title=f"lintcare: {f.rule} ({f.category})")


def render(results: Sequence[FileResult]) -> str:
    lines: list[str] = []
    for r in results:
        if r.error:
            lines.append(command("error", r.error, file=shown_path(r.path),
                                 title="lintcare: file not linted"))
        lines.extend(annotation(f) for f in r.findings)
    return "\n".join(lines)
