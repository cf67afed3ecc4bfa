"""``check --annotate OUT.docx IN.docx``: the CLI side of report/docx_comments.py."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import click

from ..sources import SourceError, format_for, read_bytes
from .plan import UsageFailure

if TYPE_CHECKING:
    from ..pipeline import FileResult


def annotation(paths: Sequence[str], out: str | None, fixing: bool
               ) -> Callable[[Sequence[FileResult]], None] | None:
    """None without --annotate; else what writes the copy once the file is linted.
    Usage errors are raised here, before anything is linted."""
    if out is None:
        return None
    if fixing:
        raise UsageFailure("--annotate cannot be combined with --fix or --diff")
    if len(paths) != 1 or format_for(paths[0]) != "docx" or os.path.isdir(paths[0]):
        raise UsageFailure("--annotate needs exactly one .docx file to lint")
    if format_for(out) != "docx":
        raise UsageFailure(f"--annotate writes a Word document: name it .docx, not {out!r}")
    if os.path.exists(out) and os.path.exists(paths[0]) and os.path.samefile(out, paths[0]):
        raise UsageFailure("--annotate must not overwrite the document it annotates")
    return lambda results: annotate_copy(paths[0], out, results)


def annotate_copy(path: str, out: str, results: Sequence[FileResult]) -> None:
    """Write the annotated copy of the Word document linted."""
    from ..report.docx_comments import AnnotateError, write_annotated

    result = next((r for r in results if r.path == path), None)
    if result is None or result.error:
        return  # the error is reported with the others
    try:
        count = write_annotated(read_bytes(path), out, result.findings)
    except (AnnotateError, SourceError) as exc:
        raise UsageFailure(f"{out}: {exc}") from None
    click.echo(f"lintcare: wrote {out} with {count} comment{'s' if count != 1 else ''}", err=True)
