"""``check --annotate OUT.docx IN.docx``: the CLI side of report/docx_comments.py."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

from ..sources import SourceError, format_for, read_bytes
from .plan import UsageFailure

if TYPE_CHECKING:
    from ..pipeline import FileResult


def annotate_copy(paths: Sequence[str], out: str, results: Sequence[FileResult], fixing: bool) -> None:
    """Write the annotated copy of the one Word document linted; UsageFailure otherwise."""
    from ..report.docx_comments import AnnotateError, write_annotated

    if fixing:
        raise UsageFailure("--annotate cannot be combined with --fix or --diff")
    if len(paths) != 1 or format_for(paths[0]) != "docx" or os.path.isdir(paths[0]):
        raise UsageFailure("--annotate needs exactly one .docx file to lint")
    if format_for(out) != "docx":
        raise UsageFailure(f"--annotate writes a Word document: name it .docx, not {out!r}")
    if os.path.exists(out) and os.path.samefile(out, paths[0]):
        raise UsageFailure("--annotate must not overwrite the document it annotates")
    result = next((r for r in results if r.path == paths[0]), None)
    if result is None or result.error:
        return  # the error is reported with the others
    try:
        count = write_annotated(read_bytes(paths[0]), out, result.findings)
    except (AnnotateError, SourceError) as exc:
        raise UsageFailure(f"{out}: {exc}") from None
    click.echo(f"lintcare: wrote {out} with {count} comment{'s' if count != 1 else ''}", err=True)
