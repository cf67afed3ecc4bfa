"""Stage 7: reports. Each format renders a list of FileResults."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..findings import SEVERITY_RANK
from ..pipeline import FileResult
from .summary import summary as summary  # re-exported: reports end with it

if TYPE_CHECKING:
    from ..baseline import Outcome
    from ..rules.loader import RuleSet

FORMATS = ("text", "json", "sarif", "github", "html")


def use_colour(stream: object) -> bool:
    """Colour only on a terminal, and never with NO_COLOR set."""
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def reaches(severity: str, threshold: str) -> bool:
    """Does a finding of ``severity`` reach the --fail-on threshold?"""
    if threshold == "none":
        return False
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold]


def render(fmt: str, results: Sequence[FileResult], ruleset: RuleSet | None, colour: bool = False,
           baseline: Outcome | None = None) -> str:
    """The report in one of FORMATS; each module is imported only when used.

    Only SARIF lists the rules, so only it needs ``ruleset``; the HTML report explains
    them when it has it."""
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

    return render_text(results, colour)
