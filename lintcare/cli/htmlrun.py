"""What the HTML report shows beyond the findings: page grades and the settings of the run."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..baseline import Outcome
    from ..config import Resolver
    from ..pipeline import FileResult
    from ..rules.loader import RuleSet


@dataclass(frozen=True)
class HtmlRun:
    """What the HTML report shows beyond the findings: grades and the settings of the run."""

    paths: tuple[str, ...]
    resolver: Resolver
    config_file: str | None
    extra_rules: tuple[str, ...]
    fail_on: str | None
    baseline_file: str | None

    def settings(self, results: list[FileResult]) -> list[tuple[str, str]]:
        configs = sorted({str(c.path) for r in results if r.error is None and r.note is None
                          for c in [self.resolver.config_for(r.path)] if c.path is not None})
        return [("Checked", " ".join(self.paths) or "."),
                ("Configuration", self.config_file or ", ".join(configs) or "defaults (no config file)"),
                ("Extra rule files", ", ".join(self.extra_rules) or "none"),
                ("Fail on", self.fail_on or "each file's config, else warning"),
                ("Baseline", self.baseline_file or "none")]

    def render(self, results: list[FileResult], ruleset: RuleSet | None, outcome: Outcome | None) -> str:
        from ..report.html import render as render_html
        from ..stats import page_grades

        grades = page_grades(results, ruleset) if ruleset is not None else None
        return render_html(results, ruleset, outcome, grades, self.settings(results))
