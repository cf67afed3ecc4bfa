"""The commands besides ``check``: baseline, stats, rules (and rules test), explain, init."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..config import Config, ConfigError
from ..faults import RuleError
from ..paths import default_rules_path
from ..run.parallel import default_jobs
from ..sources import FORMATS, format_for
from .plan import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageFailure, error_line, plan_files
from .run import lint_paths, load_ruleset, make_resolver, read_stdin_source


@click.command()
@click.argument("baseline_file", metavar="FILE", type=click.Path(dir_okay=False, readable=False))
@click.argument("paths", nargs=-1, type=click.Path(readable=False))
@click.option("--rules", "extra_rules", multiple=True, type=click.Path(readable=False),
              help="Extra rule file in the rules.yaml format (repeatable).")
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of input files.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, readable=False), default=None,
              help="Use this config file instead of finding one next to each file.")
def baseline(baseline_file: str, paths: tuple[str, ...], extra_rules: tuple[str, ...],
             encoding: str, config_file: str | None) -> None:
    """Record today's findings in FILE, so that 'check --baseline FILE' fails only on new ones."""
    from ..baseline import BaselineError, ensure_replaceable, write

    resolver = make_resolver(config_file, extra_rules, None)
    try:
        ensure_replaceable(baseline_file)
        results = lint_paths(paths, resolver, "", "<stdin>", encoding, default_jobs(), progress=True)
        for r in results:
            if r.error:
                error_line(r.path, r.error)
        recorded = write(baseline_file, results)
    except BaselineError as exc:
        raise UsageFailure(str(exc)) from None
    found = sum(e.count for e in recorded)
    click.echo(f"lintcare: wrote {baseline_file}: {found} finding{'s' if found != 1 else ''} "
               f"({len(recorded)} entries) in {len(results)} file{'s' if len(results) != 1 else ''}")
    sys.exit(EXIT_ERROR if any(r.error for r in results) else EXIT_OK)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(readable=False))
@click.option("--format", "out_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Report format.")
@click.option("--rules", "extra_rules", multiple=True, type=click.Path(readable=False),
              help="Extra rule file; a grade-level rule there sets the target and familiar words.")
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of input files.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, readable=False), default=None,
              help="Use this config file instead of finding one next to each file.")
@click.option("--stdin-format", type=click.Choice(FORMATS), default=None,
              help="Format of standard input (default: from --stdin-filename, else text).")
@click.option("--stdin-filename", default="<stdin>", help="Name shown for standard input.")
def stats(paths: tuple[str, ...], out_format: str, extra_rules: tuple[str, ...], encoding: str,
          config_file: str | None, stdin_format: str | None, stdin_filename: str) -> None:
    """Reading grade (SMOG, Flesch-Kincaid), words and sentences per file and per section."""
    from ..stats import Settings, gather, render_json, render_text

    # The same files and settings as check: each file's own config and rule files.
    resolver = make_resolver(config_file, extra_rules, None)
    plan = plan_files(paths, resolver, stdin_filename)

    def settings_for(config: Config) -> Settings:
        try:
            return Settings.from_rules(resolver.ruleset_for(config))
        except (ConfigError, RuleError) as exc:
            raise UsageFailure(str(exc)) from None

    fmt = stdin_format or format_for(stdin_filename)
    results = gather(plan, settings_for, encoding,
                     lambda: read_stdin_source(fmt, encoding, stdin_filename))
    for r in results:
        if r.error:
            error_line(r.path, r.error)
        elif r.note:
            click.echo(f"lintcare: note: {r.path}: {r.note}", err=True)
    settings = Settings.from_rules(load_ruleset(extra_rules))  # the headline target: the defaults'
    render = render_json if out_format == "json" else render_text
    click.echo(render([r for r in results if not r.note], settings))
    sys.exit(EXIT_ERROR if any(r.error for r in results) else EXIT_OK)


@click.group(invoke_without_command=True)
@click.option("--rules", "extra_rules", multiple=True, type=click.Path(readable=False),
              help="Extra rule file to list as well.")
@click.option("--markdown", is_flag=True, help="Print the rule reference (docs/rules.md) instead.")
@click.pass_context
def rules(ctx: click.Context, extra_rules: tuple[str, ...], markdown: bool) -> None:
    """List every rule: id, category, severity and what it catches."""
    if ctx.invoked_subcommand is not None:
        return
    rs = load_ruleset(extra_rules)
    if markdown:
        from .reference import render_markdown

        click.echo(render_markdown(rs, [default_rules_path(), *map(Path, extra_rules)]), nl=False)
        return
    from ..suppress import META_CATEGORY, META_RULES, META_SEVERITY

    # The suppression stage's own rules are listed too: they can be selected and ignored.
    rows = [(r.id, r.category, r.severity, _template(r.message.splitlines()[0])) for r in rs.rules]
    rows += [(rule_id, META_CATEGORY, META_SEVERITY, text.split(";")[0])
             for rule_id, text in META_RULES.items()]
    width = max(len(row[0]) for row in rows)
    for rule_id, category, severity, text in rows:
        click.echo(f"{rule_id:<{width}}  {category:<19}  {severity:<10}  {text}")


def _template(message: str) -> str:
    """A message template with its placeholders shown as such."""
    return message.replace("{text}", "…").replace("{replacement}", "(the replacement)")


@rules.command("test")
@click.argument("rule_files", nargs=-1, type=click.Path(readable=False))
def rules_test(rule_files: tuple[str, ...]) -> None:
    """Run every rule's examples; report each that does not behave as declared."""
    from ..rules.loader import RuleSet, load_rules
    from .ruletest import checks_of, run_examples

    try:
        base = load_rules()
        # A team's rule file may use the default facts (phone, email, topics...).
        rs = load_rules([Path(p) for p in rule_files], RuleSet([], base.facts)) if rule_files else base
    except RuleError as exc:
        raise UsageFailure(str(exc)) from None
    failures = run_examples(rs)
    for failure in failures:
        if failure.error:  # a rule that could not run is an error, not a failed example
            click.echo(f"lintcare: error: {failure.describe()}", err=True)
        else:
            click.echo(failure.describe())
    total = sum(map(checks_of, rs.rules))
    click.echo(f"{total - len(failures)} passed, {len(failures)} failed")
    sys.exit(EXIT_ERROR if any(f.error for f in failures) else EXIT_FINDINGS if failures else EXIT_OK)


@click.command()
@click.argument("directory", default=".", type=click.Path(file_okay=False))
@click.option("--force", is_flag=True, help="Overwrite an existing .lintcare.yaml.")
def init(directory: str, force: bool) -> None:
    """Write a commented starter .lintcare.yaml (in DIRECTORY, default the current folder)."""
    from ..config import write_starter

    try:
        target = write_starter(directory, force)
    except ConfigError as exc:
        raise UsageFailure(str(exc)) from None
    except OSError as exc:
        raise UsageFailure(f"{directory}: {exc.strerror or exc}") from None
    click.echo(f"wrote {target}")
