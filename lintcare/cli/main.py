"""The ``lintcare`` command: a thin layer over lintcare.api."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .. import __version__
from ..api import FileResult, cache_entry, lint_file, lint_loaded, problem_result
from ..config import Config, ConfigError, Resolver
from ..faults import RuleError
from ..findings import SEVERITIES, severity_counts
from ..paths import default_rules_path
from ..report import FORMATS as REPORT_FORMATS
from ..report import reaches, render, use_colour
from ..run.cache import ResultCache, StoredFindings, file_fingerprint, fingerprint
from ..run.parallel import default_jobs, run_all
from ..sources import FORMATS, Source, SourceError, decode, format_for, read_stdin
from .languagetool import languagetool_options, options_from_cli, run_languagetool
from .plan import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageFailure, error_line, plan_files
from .progress import track, wanted

# The rule machinery, baselines and suppressions are imported where they are used: a run
# whose files all come from the cache loads no rules at all (see lint_paths).
if TYPE_CHECKING:
    from ..baseline import Baseline, Outcome
    from ..rules.loader import RuleSet



def load_ruleset(extra: tuple[str, ...] = ()) -> RuleSet:
    from ..api import default_rules
    from ..rules.loader import load_rules

    try:
        base = default_rules()  # one cached load per process, shared with the resolver
        return load_rules([Path(p) for p in extra], base) if extra else base
    except RuleError as exc:
        raise UsageFailure(str(exc)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lintcare")
def main() -> None:
    """Lint patient-education text: typos, punctuation, drug terminology, contact and crisis
    information, supportive language, compliance and readability."""


def _read_stdin(fmt: str, encoding: str, name: str) -> Source:
    text, enc, bom = decode(read_stdin(), name, encoding)
    return Source(name, text, fmt, enc, bom)


def _prepare_rules(plan: list[tuple[str, str | None, Config | None]], todo: list[int],
                   rulesets: dict[int, RuleSet]) -> None:
    """Build each rule set's block filter here, before workers fork, when the files to
    lint hold enough text: the workers then share one copy instead of building their own."""
    if not rulesets:
        return  # every file came from the cache: the rule modules stay unimported
    from ..rules.loader import FILTER_AFTER

    sizes: dict[int, int] = {}
    distinct: dict[int, RuleSet] = {}
    for i in todo:
        ruleset = rulesets.get(i)
        if ruleset is None:
            continue
        try:
            size = os.path.getsize(plan[i][0])
        except OSError:
            continue
        distinct[id(ruleset)] = ruleset
        sizes[id(ruleset)] = sizes.get(id(ruleset), 0) + size
    for key, ruleset in distinct.items():
        if sizes[key] >= FILTER_AFTER:
            ruleset.index_for(ruleset.block_filter(sizes[key]))


def _from_cache(plan: list[tuple[str, str | None, Config | None]], files: list[int],
                cache: ResultCache | None, encoding: str
                ) -> tuple[dict[int, str], dict[int, Source], dict[int, FileResult]]:
    """Each readable file's cache key and source, and the results of those the cache holds."""
    keys: dict[int, str] = {}
    sources: dict[int, Source] = {}
    known: dict[int, FileResult] = {}
    if cache is None:
        return keys, sources, known
    for i in files:
        entry = cache_entry(plan[i][0], cache, encoding, plan[i][2])
        if entry is not None:
            keys[i], sources[i] = entry
    hits = cache.get_many([(key, plan[i][0]) for i, key in keys.items()])
    for i, key in keys.items():
        if key in hits:
            known[i] = FileResult(plan[i][0], hits[key], source=sources[i])
    return keys, sources, known


def lint_paths(paths: tuple[str, ...], resolver: Resolver, stdin_fmt: str, stdin_name: str,
               encoding: str, jobs: int = 1, cache: ResultCache | None = None,
               progress: bool = False) -> list[FileResult]:
    """Lint in input order; files run in parallel, each with its own config and rules."""
    plan = plan_files(paths, resolver, stdin_name)
    files = [i for i, (path, problem, _) in enumerate(plan) if not problem and path != "-"]
    # Unchanged files come from the cache here; only the rest go to the workers.
    keys, sources, known = _from_cache(plan, files, cache, encoding)
    todo = [i for i in files if i not in known]
    rulesets = _rulesets(resolver, plan, known)
    _prepare_rules(plan, todo, rulesets)

    def lint_one(i: int) -> FileResult:
        path, _, config = plan[i]
        result = lint_file(path, rulesets[i], encoding=encoding, config=config)
        if i in keys and result.error is None:
            # Encoded for the cache here, in parallel: the parent stores the bytes as they
            # are. The parent holds the source it read for the key.
            return replace(result, findings=StoredFindings.of(result.findings, path), source=None)
        return result

    linted: Iterable[FileResult] = run_all(todo, lint_one, jobs)
    if progress and wanted(len(todo), sys.stdout, sys.stderr):
        shown = track([plan[i][0] for i in todo], sys.stderr, label=str)
        linted = (r for _, r in zip(shown, linted, strict=True))
    fresh = {i: replace(r, source=sources[i]) if r.source is None and i in sources else r
             for i, r in zip(todo, linted, strict=True)}
    if cache is not None:  # one write for the run; a partial result is never reused
        cache.put_many([(keys[i], r.findings) for i, r in fresh.items() if i in keys and r.error is None])
    results: list[FileResult] = []
    for i, (path, problem, config) in enumerate(plan):
        if problem:
            results.append(problem_result(path, problem))
        elif path == "-":
            try:
                source = _read_stdin(stdin_fmt or format_for(stdin_name), encoding, stdin_name)
            except SourceError as exc:
                results.append(FileResult(stdin_name, error=str(exc)))
                continue
            results.append(lint_loaded(source, rulesets[i], config))
        else:
            results.append(known[i] if i in known else fresh[i])
    return results


def _rulesets(resolver: Resolver, plan: list[tuple[str, str | None, Config | None]],
              known: dict[int, FileResult]) -> dict[int, RuleSet]:
    """The rules of each file still to lint (standard input included), plan index -> rules.

    When every file came from the cache, no rules are loaded: the cache key covers every
    rule and config file, so those rules loaded without error when the entries were made.
    Otherwise the --rules files are checked first, as they always were.
    """
    lint = [i for i, (path, problem, _) in enumerate(plan) if not problem and i not in known]
    if known and not lint:
        return {}
    try:
        resolver.check_rules()  # a broken rule file stops the run before any output
        return {i: resolver.ruleset_for(plan[i][2]) for i in lint}  # type: ignore[arg-type]
    except (ConfigError, RuleError) as exc:
        raise UsageFailure(str(exc)) from None


def make_resolver(config_file: str | None, extra_rules: tuple[str, ...],
                  fail_on: str | None, load_rules_now: bool = True) -> Resolver:
    """The config and rules of each file. ``load_rules_now=False`` leaves the rule files to be
    loaded (and checked) by lint_paths, only when some file is not in the cache."""
    try:
        resolver = Resolver(config_file, extra_rules, fail_on)
        if load_rules_now:
            resolver.check_rules()  # a broken rule file stops the run before any output
    except (ConfigError, RuleError) as exc:
        raise UsageFailure(str(exc)) from None
    return resolver


def make_cache(enabled: bool, folder: str, extra_rules: tuple[str, ...], *options: object
               ) -> ResultCache | None:
    """The cache key covers every rule file's content and the options that shape results."""
    if not enabled:
        return None
    rule_files = [default_rules_path(), *(Path(p) for p in extra_rules)]
    return ResultCache(Path(folder), fingerprint(file_fingerprint(rule_files), *options))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "out_format", type=click.Choice(REPORT_FORMATS), default="text",
              show_default=True, help="Report format.")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False), default=None,
              help="Report and fail only on findings not recorded in this baseline file.")
@click.option("--fail-on", type=click.Choice([*SEVERITIES, "none"]), default=None,
              help="Lowest severity that makes the exit code 1 [default: the config's, else warning].")
@click.option("--rules", "extra_rules", multiple=True, type=click.Path(),
              help="Extra rule file in the rules.yaml format (repeatable).")
@click.option("--stdin-format", type=click.Choice(FORMATS), default=None,
              help="Format of standard input (default: from --stdin-filename, else text).")
@click.option("--stdin-filename", default="<stdin>", help="Name shown for standard input.")
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of input files.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="Use this config file instead of finding one next to each file.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Parallel processes (default: the number of CPUs).")
@click.option("--cache/--no-cache", default=True, show_default=True,
              help="Skip files whose content and settings are unchanged since the last run.")
@click.option("--cache-dir", default=".lintcare-cache", show_default=True, type=click.Path(),
              help="Folder for the cache.")
@click.option("--fix", "apply_fixes", is_flag=True,
              help="Apply safe fixes in place, then report what remains ('-': fixed text to stdout).")
@click.option("--unsafe-fixes", is_flag=True,
              help="With --fix or --diff: also apply wording fixes a person should review.")
@click.option("--diff", "show_diff", is_flag=True,
              help="Print a unified diff of the fixes instead of applying them; writes nothing.")
@languagetool_options
def check(paths: tuple[str, ...], out_format: str, baseline_file: str | None, fail_on: str | None,
          extra_rules: tuple[str, ...], stdin_format: str | None, stdin_filename: str,
          encoding: str, config_file: str | None, jobs: int | None, cache: bool, cache_dir: str,
          apply_fixes: bool, unsafe_fixes: bool, show_diff: bool, **languagetool: Any) -> None:
    """Lint files or folders (default: the current folder); '-' reads standard input."""
    if unsafe_fixes and not (apply_fixes or show_diff):
        raise UsageFailure("--unsafe-fixes needs --fix or --diff")
    fixing = apply_fixes or show_diff
    resolver = make_resolver(config_file, extra_rules, fail_on, load_rules_now=fixing)
    # Every rule, for the report's metadata: only SARIF lists them.
    ruleset = load_ruleset(extra_rules) if out_format == "sarif" else None
    if fixing:
        from .fix import FixOptions, run_fix

        # Each file is fixed with its own configuration and rules, exactly as check lints it.
        sys.exit(run_fix(paths, resolver, ruleset,
                         FixOptions(unsafe_fixes, show_diff, out_format, stdin_format or "",
                                    stdin_filename, encoding)))
    try:
        lt_options = options_from_cli(languagetool)
    except ValueError as exc:
        raise UsageFailure(str(exc)) from None
    known = read_baseline(baseline_file) if baseline_file else None
    result_cache = make_cache(cache, cache_dir, extra_rules, encoding)
    results = lint_paths(paths, resolver, stdin_format or "", stdin_filename, encoding,
                         jobs or default_jobs(), result_cache, progress=out_format == "text")
    lt_failed = run_languagetool(results, lt_options)
    outcome = None
    if known is not None:
        from ..baseline import compare

        results, outcome = compare(known, results)
    for r in results:
        if r.error:
            error_line(r.path, r.error)
        elif r.note:
            click.echo(f"lintcare: note: {r.path}: {r.note}", err=True)
    write_report(out_format, results, ruleset, outcome)
    if outcome is not None:
        from ..baseline import describe

        for line in describe(outcome):
            click.echo(f"lintcare: note: {line}", err=True)
    if lt_failed or any(r.error for r in results):
        sys.exit(EXIT_ERROR)
    failing = any(reaches(severity, resolver.fail_on_for(r.path))
                  for r in results for severity in severity_counts(r.findings))
    sys.exit(EXIT_FINDINGS if failing else EXIT_OK)


def write_report(out_format: str, results: list[FileResult], ruleset: RuleSet | None,
                 outcome: Outcome | None) -> None:
    if out_format == "json":  # JSON is UTF-8: written as bytes, the cached findings as stored
        from ..report.json import render_bytes

        sys.stdout.flush()
        sys.stdout.buffer.write(render_bytes(results, outcome) + b"\n")
        sys.stdout.buffer.flush()
        return
    report = render(out_format, results, ruleset, use_colour(sys.stdout), outcome)
    if report:
        click.echo(report)


def read_baseline(file: str) -> Baseline:
    from ..baseline import BaselineError, load

    try:
        return load(file)
    except BaselineError as exc:
        raise UsageFailure(str(exc)) from None


@main.command()
@click.argument("baseline_file", metavar="FILE", type=click.Path(dir_okay=False))
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--rules", "extra_rules", multiple=True, type=click.Path(),
              help="Extra rule file in the rules.yaml format (repeatable).")
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of input files.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
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


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "out_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Report format.")
@click.option("--rules", "extra_rules", multiple=True, type=click.Path(),
              help="Extra rule file; a grade-level rule there sets the target and familiar words.")
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of input files.")
def stats(paths: tuple[str, ...], out_format: str, extra_rules: tuple[str, ...], encoding: str) -> None:
    """Reading grade (SMOG, Flesch-Kincaid), words and sentences per file and per section."""
    from ..stats import Settings, gather, render_json, render_text

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
    width = max((len(r.id) for r in rs.rules), default=10)
    for r in rs.rules:
        click.echo(f"{r.id:<{width}}  {r.category:<19}  {r.severity:<10}  {r.message.splitlines()[0]}")


@rules.command("test")
@click.argument("rule_files", nargs=-1, type=click.Path())
def rules_test(rule_files: tuple[str, ...]) -> None:
    """Run every rule's examples; report each that does not behave as declared."""
    from ..rules.loader import RuleSet, load_rules
    from .ruletest import run_examples

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
    total = sum(len(r.fail) + len(r.passes) for r in rs.rules)
    click.echo(f"{total - len(failures)} passed, {len(failures)} failed")
    sys.exit(EXIT_ERROR if any(f.error for f in failures) else EXIT_FINDINGS if failures else EXIT_OK)


@main.command()
@click.argument("rule_id")
@click.option("--rules", "extra_rules", multiple=True, type=click.Path())
def explain(rule_id: str, extra_rules: tuple[str, ...]) -> None:
    """Show a rule's message, rationale, source and examples."""
    from ..suppress import META_CATEGORY, META_RULES, META_SEVERITY

    rs = load_ruleset(extra_rules)
    rule = rs.get(rule_id)
    if rule is None and rule_id in META_RULES:  # made by the suppression stage
        click.echo(f"{rule_id} ({META_CATEGORY}, {META_SEVERITY})\n\n{META_RULES[rule_id]}")
        return
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


@main.command()
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


if __name__ == "__main__":  # pragma: no cover
    main()
