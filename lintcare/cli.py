"""The ``lintcare`` command: a thin layer over lintcare.api."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .api import FileResult, discover, lint_file, lint_source
from .findings import SEVERITIES
from .kinds import RuleError
from .rules import RuleSet, load_rules
from .sources import FORMATS, Source, SourceError, decode, format_for

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageFailure(click.ClickException):
    """One-line error, exit 2."""

    exit_code = EXIT_ERROR

    def show(self, file=None) -> None:
        click.echo(f"lintcare: error: {self.message}", err=True)


def error_line(path: str, reason: str) -> None:
    click.echo(f"lintcare: error: {path}: {reason}", err=True)


def use_colour(stream) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def load_ruleset(extra: tuple[str, ...] = ()) -> RuleSet:
    try:
        base = load_rules()
        return load_rules([Path(p) for p in extra], base) if extra else base
    except RuleError as exc:
        raise UsageFailure(str(exc)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lintcare")
def main() -> None:
    """Lint patient-education text: typos, punctuation, drug terminology, contact and crisis
    information, supportive language, compliance and readability."""


def _read_stdin(fmt: str, encoding: str, name: str) -> Source:
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    text, enc, bom = decode(data, name, encoding)
    return Source(name, text, fmt, enc, bom)


def lint_paths(paths: tuple[str, ...], ruleset: RuleSet, stdin_fmt: str, stdin_name: str,
               encoding: str) -> list[FileResult]:
    results: list[FileResult] = []
    for path, problem in discover(paths or (".",)):
        if problem:
            results.append(FileResult(path, error=problem))
        elif path == "-":
            try:
                source = _read_stdin(stdin_fmt or format_for(stdin_name), encoding, stdin_name)
            except SourceError as exc:
                results.append(FileResult(stdin_name, error=str(exc)))
                continue
            results.append(FileResult(stdin_name, lint_source(source, ruleset), source=source))
        else:
            results.append(lint_file(path, ruleset, encoding=encoding))
    return results


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "out_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Report format.")
@click.option("--fail-on", type=click.Choice([*SEVERITIES, "none"]), default="warning",
              show_default=True, help="Lowest severity that makes the exit code 1.")
@click.option("--rules", "extra_rules", multiple=True, type=click.Path(),
              help="Extra rule file in the rules.yaml format (repeatable).")
@click.option("--stdin-format", type=click.Choice(FORMATS), default=None,
              help="Format of standard input (default: from --stdin-filename, else text).")
@click.option("--stdin-filename", default="<stdin>", help="Name shown for standard input.")
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of input files.")
def check(paths: tuple[str, ...], out_format: str, fail_on: str, extra_rules: tuple[str, ...],
          stdin_format: str | None, stdin_filename: str, encoding: str) -> None:
    """Lint files or folders (default: the current folder); '-' reads standard input."""
    from .report import reaches

    ruleset = load_ruleset(extra_rules)
    results = lint_paths(paths, ruleset, stdin_format or "", stdin_filename, encoding)
    for r in results:
        if r.error:
            error_line(r.path, r.error)
        elif r.note:
            click.echo(f"lintcare: note: {r.path}: {r.note}", err=True)
    if out_format == "json":
        from .report.json import render as render_json

        click.echo(render_json(results))
    else:
        from .report.text import render as render_text

        click.echo(render_text(results, use_colour(sys.stdout)))
    if any(r.error for r in results):
        sys.exit(EXIT_ERROR)
    failing = any(reaches(f.severity, fail_on) for r in results for f in r.findings)
    sys.exit(EXIT_FINDINGS if failing else EXIT_OK)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "out_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Report format.")
@click.option("--rules", "extra_rules", multiple=True, type=click.Path(),
              help="Extra rule file; a grade-level rule there sets the target and familiar words.")
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of input files.")
def stats(paths: tuple[str, ...], out_format: str, extra_rules: tuple[str, ...], encoding: str) -> None:
    """Reading grade (SMOG, Flesch-Kincaid), words and sentences per file and per section."""
    from .stats import Settings, gather, render_json, render_text

    settings = Settings.from_rules(load_ruleset(extra_rules))
    results = gather(paths or (".",), settings, encoding, lambda: _read_stdin("", encoding, "<stdin>"))
    for r in results:
        if r.error:
            error_line(r.path, r.error)
        elif r.note:
            click.echo(f"lintcare: note: {r.path}: {r.note}", err=True)
    render = render_json if out_format == "json" else render_text
    click.echo(render([r for r in results if not r.note], settings))
    sys.exit(EXIT_ERROR if any(r.error for r in results) else EXIT_OK)


@main.group(invoke_without_command=True)
@click.option("--rules", "extra_rules", multiple=True, type=click.Path(),
              help="Extra rule file to list as well.")
@click.pass_context
def rules(ctx: click.Context, extra_rules: tuple[str, ...]) -> None:
    """List every rule: id, category, severity and what it catches."""
    if ctx.invoked_subcommand is not None:
        return
    rs = load_ruleset(extra_rules)
    width = max((len(r.id) for r in rs.rules), default=10)
    for r in rs.rules:
        click.echo(f"{r.id:<{width}}  {r.category:<19}  {r.severity:<10}  {r.message.splitlines()[0]}")


@rules.command("test")
@click.argument("rule_files", nargs=-1, type=click.Path())
def rules_test(rule_files: tuple[str, ...]) -> None:
    """Run every rule's examples; report each that does not behave as declared."""
    from .ruletest import run_examples

    try:
        base = load_rules()
        # A team's rule file may use the default facts (phone, email, topics...).
        rs = load_rules([Path(p) for p in rule_files], RuleSet([], base.facts)) if rule_files else base
    except RuleError as exc:
        raise UsageFailure(str(exc)) from None
    failures = run_examples(rs)
    for failure in failures:
        click.echo(failure.describe())
    total = sum(len(r.fail) + len(r.passes) for r in rs.rules)
    click.echo(f"{total - len(failures)} passed, {len(failures)} failed")
    sys.exit(EXIT_FINDINGS if failures else EXIT_OK)


@main.command()
@click.argument("rule_id")
@click.option("--rules", "extra_rules", multiple=True, type=click.Path())
def explain(rule_id: str, extra_rules: tuple[str, ...]) -> None:
    """Show a rule's message, rationale, source and examples."""
    rs = load_ruleset(extra_rules)
    rule = rs.get(rule_id)
    if rule is None:
        raise UsageFailure(f"unknown rule '{rule_id}' (see 'lintcare rules')")
    click.echo(f"{rule.id} ({rule.category}, {rule.severity}, kind {rule.kind_name})")
    click.echo(f"\n{rule.message}")
    if rule.description:
        click.echo(f"\nWhy: {rule.description}")
    if rule.suggest:
        click.echo("\nSuggested: " + " | ".join(rule.suggest))
    click.echo(f"\nSource: {rule.source}")
    click.echo("\nFlags:")
    for ex in rule.fail:
        click.echo(f"  - {ex.text}")
    click.echo("Does not flag:")
    for ex in rule.passes:
        click.echo(f"  - {ex.text}")


if __name__ == "__main__":  # pragma: no cover
    main()
