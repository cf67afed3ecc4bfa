"""``lintcare check``: lint, compare with a baseline, report, and exit by severity."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from ..findings import SEVERITIES, severity_counts
from ..report import FORMATS as REPORT_FORMATS
from ..report import reaches
from ..report.names import shown_path
from ..run.parallel import default_jobs
from ..sources import FORMATS
from .annotate import annotation
from .htmlrun import HtmlRun
from .languagetool import languagetool_options, options_from_cli, run_languagetool
from .output import Output, output_options, write_report
from .plan import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageFailure, error_line
from .run import lint_paths, load_ruleset, make_cache, make_resolver

if TYPE_CHECKING:
    from ..baseline import Baseline


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(readable=False))
@click.option("--format", "out_format", type=click.Choice(REPORT_FORMATS), default="text",
              show_default=True, help="Report format.")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False, readable=False), default=None,
              help="Report and fail only on findings not recorded in this baseline file.")
@click.option("--fail-on", type=click.Choice([*SEVERITIES, "none"]), default=None,
              help="Lowest severity that makes the exit code 1 [default: the config's, else warning].")
@click.option("--rules", "extra_rules", multiple=True, type=click.Path(readable=False),
              help="Extra rule file in the rules.yaml format (repeatable).")
@click.option("--stdin-format", type=click.Choice(FORMATS), default=None,
              help="Format of standard input (default: from --stdin-filename, else text).")
@click.option("--stdin-filename", default="<stdin>", help="Name shown for standard input.")
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of input files.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, readable=False), default=None,
              help="Use this config file instead of finding one next to each file.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Parallel processes (default: the number of CPUs).")
@click.option("--cache/--no-cache", default=True, show_default=True,
              help="Skip files whose content and settings are unchanged since the last run.")
@click.option("--cache-dir", default=".lintcare-cache", show_default=True, type=click.Path(readable=False),
              help="Folder for the cache.")
@click.option("--fix", "apply_fixes", is_flag=True,
              help="Apply safe fixes in place, then report what remains ('-': fixed text to stdout).")
@click.option("--unsafe-fixes", is_flag=True,
              help="With --fix or --diff: also apply wording fixes a person should review.")
@click.option("--diff", "show_diff", is_flag=True,
              help="Print a unified diff of the fixes instead of applying them; writes nothing.")
@click.option("--annotate", "annotate_out", type=click.Path(dir_okay=False, readable=False), default=None,
              metavar="OUT.docx", help="Also write a copy of the one .docx linted with each finding as a "
              "Word comment.")
@output_options
@languagetool_options
def check(paths: tuple[str, ...], out_format: str, baseline_file: str | None,
          fail_on: str | None, extra_rules: tuple[str, ...], stdin_format: str | None, stdin_filename: str,
          encoding: str, config_file: str | None, jobs: int | None, cache: bool, cache_dir: str,
          apply_fixes: bool, unsafe_fixes: bool, show_diff: bool, **more: Any) -> None:
    """Lint files or folders (default: the current folder); '-' reads standard input."""
    if unsafe_fixes and not (apply_fixes or show_diff):
        raise UsageFailure("--unsafe-fixes needs --fix or --diff")
    fixing = apply_fixes or show_diff
    annotate = annotation(paths, more.pop("annotate_out"), fixing)  # --annotate OUT.docx: checked here
    output = Output.from_cli(more)
    output.check(out_format, fixing)
    resolver = make_resolver(config_file, extra_rules, fail_on, load_rules_now=fixing,
                             select=output.select, ignore=output.ignore)
    # Every rule, for the report's metadata: SARIF lists them, the HTML report explains them.
    ruleset = load_ruleset(extra_rules) if out_format in ("sarif", "html") else None
    if fixing:
        from .fix import FixOptions, run_fix

        # Each file is fixed with its own configuration and rules, exactly as check lints it.
        sys.exit(run_fix(paths, resolver, ruleset,
                         FixOptions(unsafe_fixes, show_diff, out_format, stdin_format or "",
                                    stdin_filename, encoding, output.colour)))
    try:
        lt_options = options_from_cli(more)
    except ValueError as exc:
        raise UsageFailure(str(exc)) from None
    known = read_baseline(baseline_file) if baseline_file else None
    result_cache = make_cache(cache, cache_dir, extra_rules, encoding)
    results = lint_paths(paths, resolver, stdin_format or "", stdin_filename, encoding,
                         jobs or default_jobs(), result_cache,
                         progress=out_format == "text" and not output.quiet)
    lt_failed = run_languagetool(results, lt_options, lambda path: resolver.config_for(path).languagetool,
                                 more.get("languagetool_run_timeout") or 300.0)
    outcome = None
    if known is not None:
        from ..baseline import compare

        results, outcome = compare(known, results)
    results = output.shown(results)
    if annotate is not None:
        annotate(results)
    for r in results:
        if r.error:
            error_line(r.path, r.error)
        elif r.note and not output.quiet:
            click.echo(f"lintcare: note: {shown_path(r.path)}: {r.note}", err=True)
    if result_cache is not None and result_cache.problem and not output.quiet:
        click.echo(f"lintcare: note: result cache not used: {result_cache.problem}", err=True)
    html = HtmlRun(paths, resolver, config_file, extra_rules, fail_on, baseline_file)
    write_report(out_format, results, ruleset, outcome, output, html)
    if outcome is not None and not output.quiet:
        from ..baseline import describe

        for line in describe(outcome):
            click.echo(f"lintcare: note: {line}", err=True)
    if lt_failed or any(r.error for r in results):
        sys.exit(EXIT_ERROR)
    failing = any(reaches(severity, resolver.fail_on_for(r.path))
                  for r in results for severity in severity_counts(r.findings))
    sys.exit(EXIT_FINDINGS if failing else EXIT_OK)


def read_baseline(file: str) -> Baseline:
    from ..baseline import BaselineError, load

    try:
        return load(file)
    except BaselineError as exc:
        raise UsageFailure(str(exc)) from None
