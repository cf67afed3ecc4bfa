"""Stage 7: reports. Each format renders a list of FileResults."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..findings import SEVERITY_RANK
from ..pipeline import FileResult
from .summary import summary as summary  # re-exported: reports end with it

if TYPE_CHECKING:
    from ..baseline import Outcome
    from ..rules.loader import RuleSet

FORMATS = ("text", "json", "sarif", "github", "html")


COLOUR_MODES = ("auto", "always", "never")


def use_colour(stream: object, mode: str = "auto", environ: Mapping[str, str] | None = None) -> bool:
    """``--color``: always, never, or auto. Auto follows CPython's order: NO_COLOR (set and
    not empty) turns colour off, then FORCE_COLOR turns it on (for ``| less -R`` and CI
    logs), else colour only on a terminal."""
    if mode != "auto":
        return mode == "always"
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    try:
        return bool(getattr(stream, "isatty", lambda: False)())
    except ValueError:  # a closed stream
        return False


def reaches(severity: str, threshold: str) -> bool:
    """Does a finding of ``severity`` reach the --fail-on threshold?"""
    if threshold == "none":
        return False
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold]


def render(fmt: str, results: Sequence[FileResult], ruleset: RuleSet | None, colour: bool = False,
           baseline: Outcome | None = None, width: int = 80, show_summary: bool = True) -> str:
    """The report in one of FORMATS; each module is imported only when used.

    Only SARIF lists the rules, so only it needs ``ruleset`` (the HTML report explains them
    when it has it); ``width`` (the terminal's columns) and ``show_summary`` shape the text
    report."""
    if fmt == "json":
        from .json import render as render_json

        return render_json(results, baseline)
    if fmt == "sarif":
        from .sarif import render as render_sarif

        if ruleset is None:
            raise ValueError("the SARIF report lists the rules: pass the rule set")
        return render_sarif(results, ruleset, baseline)
    if fmt == "html":  # grades and settings: see lintcare.report.html.render
        from .html import render as render_html

        return render_html(results, ruleset, baseline)
    if fmt == "github":
        from .github import render as render_github

        return render_github(results)
    from .text import render as render_text

    return render_text(results, colour, width, show_summary)
