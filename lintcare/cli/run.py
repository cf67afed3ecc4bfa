"""One lint run of the command line: files planned, taken from the cache or linted in parallel.

``check`` and ``baseline`` share it. The rule machinery is imported where it is used: a
run whose files all come from the cache loads no rules at all (see ``lint_paths``).
"""

from __future__ import annotations

import dataclasses
import sys
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..api import FileResult, cache_entry, lint_file, lint_loaded, problem_result
from ..config import Config, ConfigError, Resolver
from ..faults import RuleError
from ..paths import default_rules_path
from ..run.cache import ResultCache, StoredFindings, file_fingerprint, fingerprint
from ..run.parallel import run_all
from ..sources import Source, SourceError, format_for, read_source, read_stdin
from .plan import UsageFailure, plan_files
from .progress import LiveBar, SharedCounter, wanted

if TYPE_CHECKING:
    from ..rules.loader import RuleSet


def load_ruleset(extra: tuple[str, ...] = ()) -> RuleSet:
    from ..api import default_rules
    from ..rules.loader import load_rules

    try:
        base = default_rules()  # one cached load per process, shared with the resolver
        return load_rules([Path(p) for p in extra], base) if extra else base
    except RuleError as exc:
        raise UsageFailure(str(exc)) from None


def read_stdin_source(fmt: str, encoding: str, name: str) -> Source:
    # Through read_source: a Word document on standard input is read as one too.
    return read_source(name, fmt, encoding, data=read_stdin())


def _prepare_rules(rulesets: dict[int, RuleSet]) -> None:
    """Build each rule set's anchor index here, before workers fork: the workers then
    share one copy instead of building their own."""
    for ruleset in {id(r): r for r in rulesets.values()}.values():
        ruleset.scanner.warm()


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
    _prepare_rules(rulesets)

    bar = progress and wanted(len(todo), sys.stdout, sys.stderr)
    counter = SharedCounter() if bar else None  # made before the workers fork: they share it

    def lint_one(i: int) -> FileResult:
        path, _, config = plan[i]
        result = lint_file(path, rulesets[i], encoding=encoding, config=config)
        if counter is not None:
            counter.add()
        if i in keys and result.error is None:
            # Encoded for the cache here, in parallel: the parent stores the bytes as they
            # are. The parent holds the source it read for the key.
            return replace(result, findings=StoredFindings.of(result.findings, path), source=None)
        return result

    with LiveBar(len(todo), sys.stderr, counter) if counter is not None else nullcontext():
        fresh = {i: replace(r, source=sources[i]) if r.source is None and i in sources else r
                 for i, r in zip(todo, run_all(todo, lint_one, jobs), strict=True)}
    if cache is not None:  # one write for the run; a partial result is never reused
        cache.put_many([(keys[i], r.findings) for i, r in fresh.items() if i in keys and r.error is None])
    results: list[FileResult] = []
    for i, (path, problem, config) in enumerate(plan):
        if problem:
            results.append(problem_result(path, problem))
        elif path == "-":
            try:
                source = read_stdin_source(stdin_fmt or format_for(stdin_name), encoding, stdin_name)
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


class _CommandLineResolver(Resolver):
    """Each file's config with ``--select`` and ``--ignore`` laid over it: the command line
    wins, so a name it selects is taken out of the file's ignore list."""

    def __init__(self, config_file: str | None, extra_rules: tuple[str, ...], fail_on: str | None,
                 select: tuple[str, ...], ignore: tuple[str, ...]) -> None:
        super().__init__(config_file, extra_rules, fail_on)
        self._select, self._ignore = frozenset(select), frozenset(ignore)
        self._laid: dict[int, tuple[Config, Config]] = {}  # the file's config is kept: its id stays its own

    def config_for(self, path: str) -> Config:
        base = super().config_for(path)
        found = self._laid.get(id(base))
        if found is None or found[0] is not base:
            named = [("command line", "--select", n) for n in sorted(self._select)]
            named += [("command line", "--ignore", n) for n in sorted(self._ignore)]
            laid = dataclasses.replace(
                base, select=self._select or base.select,
                ignore=(base.ignore - self._select) | self._ignore, names=(*base.names, *named))
            found = self._laid[id(base)] = (base, laid)
        return found[1]


def make_resolver(config_file: str | None, extra_rules: tuple[str, ...],
                  fail_on: str | None, load_rules_now: bool = True,
                  select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()) -> Resolver:
    """The config and rules of each file. ``load_rules_now=False`` leaves the rule files to be
    loaded (and checked) by lint_paths, only when some file is not in the cache."""
    try:
        resolver = (_CommandLineResolver(config_file, extra_rules, fail_on, select, ignore)
                    if select or ignore else Resolver(config_file, extra_rules, fail_on))
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
