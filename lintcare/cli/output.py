"""The ``check`` options that choose what the report shows and where it goes, and the
writing of it: ``--select``/``--ignore`` (as ruff's), ``--min-severity`` (as Vale's
``--minAlertLevel``), ``--quiet``, ``--statistics``, ``--output-file`` and ``--color``."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..findings import SEVERITIES, SEVERITY_RANK
from ..report import COLOUR_MODES, render, use_colour
from ..report.excerpt import MIN_WIDTH
from .plan import UsageFailure

if TYPE_CHECKING:
    from ..api import FileResult
    from ..baseline import Outcome
    from ..rules.loader import RuleSet
    from .htmlrun import HtmlRun


def _names(values: tuple[str, ...]) -> tuple[str, ...]:
    """Rule ids or categories, repeated or comma-separated (``--select typo,contact``)."""
    return tuple(name.strip() for value in values for name in value.split(",") if name.strip())


def output_options(command: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--select", multiple=True, metavar="RULES",
                     help="Run only these rule ids or categories (comma-separated or repeated); "
                          "replaces the config's select."),
        click.option("--ignore", multiple=True, metavar="RULES",
                     help="Switch these rule ids or categories off (comma-separated or repeated), "
                          "on top of the config's ignore."),
        click.option("--min-severity", type=click.Choice(SEVERITIES), default=None,
                     help="Hide findings below this severity; hidden findings do not fail the run "
                          "[default: show all]."),
        click.option("--quiet", "-q", is_flag=True,
                     help="Print the findings only: no summary line, notes or progress bar."),
        click.option("--statistics", is_flag=True,
                     help="Print one line per rule with its count (and how many are fixable) "
                          "instead of the findings."),
        click.option("--output-file", "--output", "-o", "output_file",
                     type=click.Path(dir_okay=False, readable=False), default=None,
                     help="Write the report to this file instead of standard output."),
        click.option("--color", "colour", type=click.Choice(COLOUR_MODES), default="auto",
                     show_default=True,
                     help="Colour the text report: auto = at a terminal, unless NO_COLOR is set; "
                          "FORCE_COLOR turns it on."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@dataclass(frozen=True)
class Output:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    min_severity: str | None = None
    quiet: bool = False
    statistics: bool = False
    output_file: str | None = None
    colour: str = "auto"

    @classmethod
    def from_cli(cls, values: dict[str, Any]) -> Output:
        return cls(_names(values["select"]), _names(values["ignore"]), values["min_severity"],
                   values["quiet"], values["statistics"], values["output_file"], values["colour"])

    def check(self, out_format: str, fixing: bool) -> None:
        """Combinations that cannot work stop the run before anything is linted."""
        if self.statistics and out_format not in ("text", "json"):
            raise UsageFailure("--statistics prints text or json, not " + out_format)
        if fixing and (self.statistics or self.output_file or self.min_severity or self.quiet):
            raise UsageFailure("--statistics, --output-file, --min-severity and --quiet report on "
                               "'check' without --fix or --diff")

    def shown(self, results: list[FileResult]) -> list[FileResult]:
        """The results with the findings below --min-severity left out."""
        if self.min_severity is None:
            return results
        low = SEVERITY_RANK[self.min_severity]
        return [replace(r, findings=[f for f in r.findings if SEVERITY_RANK[f.severity] >= low])
                for r in results]


def terminal_width() -> int:
    """The terminal's columns (COLUMNS, then standard output's size, else 80), at least 40."""
    return max(MIN_WIDTH, shutil.get_terminal_size((80, 24)).columns)


def _report(out_format: str, results: Sequence[FileResult], ruleset: RuleSet | None,
            outcome: Outcome | None, output: Output, colour: bool) -> bytes | str:
    if output.statistics:
        from ..report.statistics import render_json, render_text
        from ..report.text import summary_line

        if out_format == "json":
            return render_json(results)
        return "\n".join([*render_text(results), *([] if output.quiet else [summary_line(results)])])
    if out_format == "json":  # JSON is UTF-8, written as bytes (a lone surrogate passes through)
        from ..report.json import render_bytes

        return render_bytes(results, outcome)
    return render(out_format, results, ruleset, colour, outcome, terminal_width(), not output.quiet)


def write_report(out_format: str, results: Sequence[FileResult], ruleset: RuleSet | None,
                 outcome: Outcome | None, output: Output, html: HtmlRun | None = None) -> None:
    if out_format == "html" and html is not None and not output.statistics:
        report: bytes | str = html.render(list(results), ruleset, outcome)
    else:
        report = ""
    if output.output_file:
        if not report:
            report = _report(out_format, results, ruleset, outcome, output, output.colour == "always")
        data = report if isinstance(report, bytes) else report.encode("utf-8", "surrogatepass")
        try:
            target = Path(output.output_file)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data + b"\n" if data else data)
        except OSError as exc:
            reason = exc.strerror or exc
            raise UsageFailure(f"{output.output_file}: cannot write the report ({reason})") from None
        return
    colour = use_colour(sys.stdout, output.colour)
    report = report or _report(out_format, results, ruleset, outcome, output, colour)
    if isinstance(report, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(report + b"\n")
        sys.stdout.buffer.flush()
    elif report:
        click.echo(report, color=colour)  # click strips colour from a pipe unless told
