"""The ``check`` options that switch LanguageTool on, kept out of cli.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:  # imported when LanguageTool is asked for, not on every run
    from ..language.languagetool import LanguageToolOptions

OPTION_NAMES = ("languagetool", "languagetool_required", "languagetool_language",
                "languagetool_timeout", "languagetool_run_timeout", "languagetool_disable_rule",
                "languagetool_disable_category")


def languagetool_options(command: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--languagetool", "languagetool", metavar="URL|local", default=None,
                     help="Also check grammar with LanguageTool: the URL of a server you run, "
                          "or 'local' to let language-tool-python start one (downloads it)."),
        click.option("--languagetool-required", is_flag=True,
                     help="Exit with code 2 when LanguageTool cannot be used (default: warn)."),
        click.option("--languagetool-language", default="en-US", show_default=True,
                     help="Language code sent to LanguageTool."),
        click.option("--languagetool-timeout", type=click.FloatRange(min=0.1), default=30.0,
                     show_default=True,
                     help="Seconds each LanguageTool request may take in all (one attempt)."),
        click.option("--languagetool-run-timeout", type=click.FloatRange(min=0.1), default=300.0,
                     show_default=True, help="Seconds LanguageTool may take over the whole run."),
        click.option("--languagetool-disable-rule", multiple=True, metavar="ID",
                     help="LanguageTool rule to switch off (repeatable; its spelling rules are "
                          "off already)."),
        click.option("--languagetool-disable-category", multiple=True, metavar="ID",
                     help="LanguageTool category to switch off, e.g. STYLE (repeatable)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def options_from_cli(values: dict[str, Any]) -> LanguageToolOptions | None:
    """LanguageToolOptions from the ``check`` options; ValueError for a bad combination."""
    server = values.get("languagetool")
    if not server:
        if values.get("languagetool_required"):
            raise ValueError("--languagetool-required needs --languagetool URL|local")
        return None
    if server != "local" and not server.startswith(("http://", "https://")):
        raise ValueError(f"--languagetool: expected an http(s) URL or 'local', not {server!r}")
    from ..language.languagetool import DEFAULT_DISABLED_RULES, LanguageToolOptions

    return LanguageToolOptions(
        server=server,
        language=values.get("languagetool_language") or "en-US",
        required=bool(values.get("languagetool_required")),
        timeout=float(values.get("languagetool_timeout") or 30.0),
        disabled_rules=(*DEFAULT_DISABLED_RULES, *values.get("languagetool_disable_rule", ())),
        disabled_categories=tuple(values.get("languagetool_disable_category", ())),
    )


def run_languagetool(results: list[Any], options: LanguageToolOptions | None,
                     from_config: Callable[[str], LanguageToolOptions | None] | None = None,
                     run_seconds: float = 300.0) -> bool:
    """Merge LanguageTool's findings; True when it failed and was required.

    The command line's options serve every file; without them each file uses its config's
    ``languagetool`` key (``from_config(path)``), files with the same settings together.
    A failure prints one line on standard error: a warning, or an error when required.
    All groups share one deadline of ``run_seconds``.
    """
    groups: dict[LanguageToolOptions, list[Any]] = {}
    for r in results:
        chosen = options or (from_config(r.path) if from_config is not None and not r.error else None)
        if chosen is not None:
            groups.setdefault(chosen, []).append(r)
    if not groups:
        return False
    from ..language.lt_http import Budget

    budget = Budget(run_seconds)
    failed = False
    for chosen, group in groups.items():
        failed = _run(group, chosen, budget) or failed
    return failed


def _run(results: list[Any], options: LanguageToolOptions, budget: Any) -> bool:
    from ..language.languagetool import LanguageToolChecker, apply

    failure = apply(results, LanguageToolChecker(options, budget=budget))
    if failure is None:
        return False
    if options.required:
        click.echo(f"lintcare: error: {failure}", err=True)
        return True
    click.echo(f"lintcare: warning: {failure}; grammar checks skipped", err=True)
    return False
