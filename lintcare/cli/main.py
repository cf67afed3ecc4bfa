"""The ``lintcare`` command: a thin layer over lintcare.api.

The group lives here (the console script's entry point); ``check`` is in ``check.py``,
the other commands in ``commands.py``, the lint run they share in ``run.py``.
"""

from __future__ import annotations

import click

from .. import __version__
from .check import check
from .commands import baseline, init, rules, stats
from .explain import explain
from .plan import EXIT_INTERRUPTED


class _Main(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("lintcare: interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lintcare")
def main() -> None:
    """Lint patient-education text: typos, punctuation, drug terminology, contact and crisis
    information, supportive language, compliance and readability."""


@click.command()
@click.option("--stdio", is_flag=True,
              help="Talk over standard input and output (the default and only transport).")
def lsp(stdio: bool) -> None:
    """Run the language server for editors (Language Server Protocol; see docs/lsp.md)."""
    from ..lsp import serve

    serve()


for _command in (check, baseline, stats, rules, explain, init, lsp):
    main.add_command(_command)


if __name__ == "__main__":  # pragma: no cover
    main()
