"""What every command shares: exit codes, one-line errors, and the plan of files to lint.

``check`` and ``check --fix/--diff`` plan their files here, so both lint (and fix) the
same files, each with the configuration found for it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import click

from ..api import discover
from ..config import ConfigError
from ..report.names import shown_path

if TYPE_CHECKING:
    from ..config import Config, Resolver

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it; 1 would mean "findings"

# (path, problem or None, the file's config; None with a problem)
Plan = list[tuple[str, "str | None", "Config | None"]]


class UsageFailure(click.ClickException):
    """One-line error, exit 2."""

    exit_code = EXIT_ERROR

    def show(self, file=None) -> None:
        click.echo(f"lintcare: error: {self.message}", err=True)


def error_line(path: str, reason: str) -> None:
    click.echo(f"lintcare: error: {shown_path(path)}: {reason}", err=True)


def plan_files(paths: tuple[str, ...], resolver: Resolver, stdin_name: str) -> Plan:
    """Every path to lint, in input order, with its own config (include/exclude applied)."""
    named = set(paths)
    plan: Plan = []
    stdin_seen = False
    for path, problem in discover(paths or (".",)):
        if path == "-":
            # A second '-' would read the now-empty stream: with --fix an editor would get
            # back nothing in place of its buffer.
            problem = "standard input is named more than once" if stdin_seen else problem
            stdin_seen = True
        if problem:
            plan.append((path, problem, None))
            continue
        # Standard input takes the config of the folder its --stdin-filename names.
        try:
            config = resolver.config_for(os.path.abspath(stdin_name) if path == "-" else path)
        except ConfigError as exc:
            raise UsageFailure(str(exc)) from None
        if path == "-" or config.selected(path, path in named):
            plan.append((path, None, config))
    return plan
