"""lintcare's language server: findings in the editor as the writer types.

``lintcare lsp`` speaks the Language Server Protocol over standard input and output
(built on pygls). Modules: ``server`` (the protocol's features), ``runner`` (lint runs
off the event loop), ``workspace`` (each file's settings and findings, from the same
per-file pipeline as ``check``), ``diagnostics`` (findings as diagnostics, hover text),
``actions`` (quick fixes, fix all, suppressions), ``positions`` (offsets in the
negotiated encoding). See docs/lsp.md.
"""

from __future__ import annotations

import logging
import sys


def serve() -> None:
    """Run the server on standard input and output until the client exits."""
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="lintcare lsp: %(message)s")
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    # The protocol owns standard output: a stray print anywhere must not corrupt it.
    sys.stdout = sys.stderr
    from .server import server

    server.start_io(stdin, stdout)


__all__ = ["serve"]
