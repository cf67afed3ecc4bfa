"""``lintcare check --fix / --unsafe-fixes / --diff``: fix files, or show what would change.

- ``--fix`` writes each changed file (atomically, byte-exact outside the edits), then
  reports the findings that remain, positioned in the fixed file.
- ``--diff`` prints a unified diff to standard output and writes nothing; exit code 1
  when something would change, 0 when nothing would.
- Standard input with ``--fix``: the fixed text (same encoding, BOM and line endings)
  goes to standard output, and the report goes to standard error, so the output can
  replace an editor buffer. On an error the input is echoed unchanged.
"""

from __future__ import annotations

import difflib
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..api import FileResult, problem_result
from ..config import ConfigError
from ..faults import RuleError, link_out_of
from ..fix.apply import FixResult
from ..fix.stale import fixed_folder, remove_stale
from ..fix.writing import FixWriteError, ReadFile, fix_data, read_bytes, write_atomic
from ..report import reaches
from ..report.names import shown_path
from ..scan import RegexTimeout
from ..sources import Source, SourceError, format_for, read_stdin
from .plan import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageFailure, plan_files

if TYPE_CHECKING:
    from ..config import Config, Resolver
    from ..findings import Finding
    from ..rules.loader import RuleSet


# Lines as patch tools see them: a line ends at "\n" (a CRLF line keeps its "\r").
_DIFF_LINE = re.compile(r"[^\n]*\n|[^\n]+")


@dataclass(frozen=True)
class FixOptions:
    unsafe: bool = False
    diff: bool = False
    out_format: str = "text"
    stdin_fmt: str = ""
    stdin_name: str = "<stdin>"
    encoding: str = "utf-8"
    colour: str = "auto"  # --color


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff that ``patch -p1`` and ``git apply`` accept, CRLF lines included."""
    out: list[str] = []
    a, b = _DIFF_LINE.findall(before), _DIFF_LINE.findall(after)
    for line in difflib.unified_diff(a, b, f"a/{path}", f"b/{path}"):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _read(path: str, is_stdin: bool) -> ReadFile:
    if is_stdin:
        return ReadFile(path, read_stdin())
    return read_bytes(path)


class _Run:
    def __init__(self, resolver: Resolver, opts: FixOptions) -> None:
        self.resolver = resolver
        self.opts = opts
        self.results: list[FileResult] = []
        self.diffs: list[str] = []
        self.stdin_out: bytes | None = None
        self.applied = 0
        self.changed_files = 0
        self.unsettled: list[str] = []

    def one(self, path: str, config: Config) -> None:
        is_stdin = path == "-"
        name = self.opts.stdin_name if is_stdin else path
        fmt = (self.opts.stdin_fmt or format_for(name)) if is_stdin else format_for(path)
        read: ReadFile | None = None
        try:
            read = _read(name, is_stdin)
            try:
                ruleset = self.resolver.ruleset_for(config)
            except (ConfigError, RuleError) as exc:
                raise UsageFailure(str(exc)) from None
            if fmt == "docx":  # edits go into the document's runs, not into decoded text
                from ..fix.docx import fix_docx

                new, outcome, source = fix_docx(read.data, name, ruleset, self.opts.unsafe, config)
            else:
                new, outcome, source = fix_data(read.data, name, fmt, ruleset, self.opts.unsafe,
                                                self.opts.encoding, config)
            self._deliver(read, new, outcome, source, is_stdin)
        # PartialLint (a rule could not run) is a SourceError: the file is left as it was.
        except (SourceError, FixWriteError, RegexTimeout) as exc:
            self._failed(name, str(exc), read, is_stdin, getattr(exc, "original", None))
            return
        # A Word document brings its own fixed text form and a note on fixes it held back.
        fixed = getattr(outcome, "fixed_source", None) or Source(name, outcome.text, fmt, source.encoding,
                                                                  source.bom)
        self.results.append(FileResult(name, outcome.remaining, source=fixed, fixed=len(outcome.applied),
                                       note=getattr(outcome, "note", None)))

    def _deliver(self, read: ReadFile, new: bytes, outcome: FixResult, source: Source,
                 is_stdin: bool) -> None:
        if not self.opts.diff and not is_stdin and new != read.data:
            try:
                write_atomic(read, new)
            except FixWriteError as exc:  # not written: reported with its findings, not as fixed
                raise FixWriteError(str(exc), (source, outcome.first)) from None
        if outcome.changed:
            self.applied += len(outcome.applied)
            self.changed_files += 1
        if not outcome.settled:
            self.unsettled.append(read.path)
        if self.opts.diff:
            if outcome.changed:
                bom = "\ufeff" if read.data.startswith(b"\xef\xbb\xbf") else ""
                self.diffs.append(unified_diff(read.path, bom + outcome.original, bom + outcome.text))
        elif is_stdin:
            self.stdin_out = new

    def _failed(self, name: str, reason: str, read: ReadFile | None, is_stdin: bool,
                original: tuple[Source, list[Finding]] | None = None) -> None:
        if is_stdin and not self.opts.diff and read is not None:
            self.stdin_out = read.data  # an editor replacing its buffer must get the input back
        if reason.startswith("binary file"):
            self.results.append(FileResult(name, note=reason))
        elif original is not None:  # left as it was: its findings still stand
            source, findings = original
            self.results.append(FileResult(name, sorted(findings, key=lambda f: f.sort_key),
                                           error=reason, source=source, fixed=0))
        else:
            self.results.append(FileResult(name, error=reason))


def run_fix(paths: tuple[str, ...], resolver: Resolver, report_rules: RuleSet | None,
            opts: FixOptions) -> int:
    """Fix or diff every path, each with its own configuration and rules (the files and
    settings ``check`` would use); returns the exit code. ``report_rules`` are the rules a
    SARIF report lists."""
    run = _Run(resolver, opts)
    uses_stdin = False
    # Folders walked: what --fix may write is inside them (a link out is skipped).
    roots = [str(Path(p)) for p in paths or (".",) if p != "-" and os.path.isdir(p)]
    plan = plan_files(paths, resolver, opts.stdin_name)
    if not opts.diff:  # --diff writes nothing, so it leaves the folders alone too
        _remove_stale([path for path, problem, _ in plan if not problem and path != "-"])
    for path, problem, config in plan:
        if not problem and path not in paths and not opts.diff:
            problem = link_out_of(path, roots)
        if problem or config is None:
            run.results.append(problem_result(path, problem or "not linted"))
            continue
        uses_stdin = uses_stdin or path == "-"
        run.one(path, config)
    for r in run.results:
        if r.error:
            click.echo(f"lintcare: error: {shown_path(r.path)}: {r.error}", err=True)
        elif r.note:
            click.echo(f"lintcare: note: {shown_path(r.path)}: {r.note}", err=True)
    for path in run.unsettled:
        click.echo(f"lintcare: note: {shown_path(path)}: fixes did not settle; run again or fix the "
                   "rest by hand", err=True)
    failed = any(r.error for r in run.results)
    if opts.diff:
        return _finish_diff(run, failed)
    return _finish_fix(run, opts, failed, uses_stdin, report_rules)


def _remove_stale(paths: list[str]) -> None:
    """Temporary files an interrupted --fix left in these files' folders go (see fix/stale.py)."""
    for path in remove_stale(fixed_folder(p) for p in paths):
        click.echo(f"lintcare: note: {path}: left by an interrupted --fix, removed", err=True)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 'es' if word.endswith('x') else 's'}"


def _finish_diff(run: _Run, failed: bool) -> int:
    click.echo("".join(run.diffs), nl=False)
    if run.changed_files:
        click.echo(f"lintcare: {_plural(run.applied, 'fix')} would change "
                   f"{_plural(run.changed_files, 'file')} (use --fix to apply)", err=True)
    if failed:
        return EXIT_ERROR
    return EXIT_FINDINGS if run.changed_files else EXIT_OK


def _finish_fix(run: _Run, opts: FixOptions, failed: bool, uses_stdin: bool,
                ruleset: RuleSet | None) -> int:
    if run.stdin_out is not None:
        # The byte stream under stdout (click's test runner gives one too).
        out = getattr(sys.stdout, "buffer", None) or click.get_binary_stream("stdout")
        out.write(run.stdin_out)
        out.flush()
    # With standard input the fixed text owns standard output; the report moves to stderr.
    to_err = uses_stdin
    from ..report import render, use_colour

    stream = sys.stderr if to_err else sys.stdout
    colour = use_colour(stream, opts.colour)
    report = render(opts.out_format, run.results, ruleset, colour)
    if report:
        click.echo(report, err=to_err, color=colour)
    if run.applied:
        click.echo(f"lintcare: applied {_plural(run.applied, 'fix')} to "
                   f"{_plural(run.changed_files, 'file')}", err=True)
    if failed:
        return EXIT_ERROR
    resolver = run.resolver
    failing = any(reaches(f.severity, resolver.fail_on_for(r.path)) for r in run.results for f in r.findings)
    return EXIT_FINDINGS if failing else EXIT_OK
