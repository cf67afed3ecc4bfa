"""What could not be linted, said plainly: notes for what is skipped on purpose, and a
partial result when a rule could not run on a page."""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING

from .sources import SourceError

if TYPE_CHECKING:
    from .findings import Finding


MAX_MESSAGE = 1000  # characters of an error line; a value quoted in it is cut to fit


def one_line(message: str) -> str:
    """``message`` as one line of modest length: a value quoted from a file (a key, a
    pattern, a file name) may hold line breaks or control characters, shown escaped."""
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(message))
    return text if len(text) <= MAX_MESSAGE else text[:MAX_MESSAGE - 1] + "…"


class OneLineError(Exception):
    """An error for the user whose message is always one line (see ``one_line``)."""

    def __init__(self, message: object = "") -> None:
        super().__init__(one_line(str(message)))


class RuleError(OneLineError):
    """A rule file is invalid; the message names the file, the rule and the field."""


class Note(str):
    """A problem that is not an error (nothing to lint, a skipped special file): exit code unchanged."""


def special_file(path: str) -> Note | None:
    """A pipe, socket or device found in a folder is skipped: reading it could block forever.

    A broken or looping symbolic link is left to the reader, which reports it.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    return None if stat.S_ISREG(mode) else Note("not a regular file (a pipe, socket or device), skipped")


def link_out_of(path: str, roots: list[str]) -> Note | None:
    """For ``--fix``: a file found by walking a folder that resolves outside that folder.

    A symbolic link in the tree may point at any file on the machine; fixing the folder
    must not rewrite it. A file named on the command line is the user's own choice.
    """
    for root in roots:
        if not path.startswith(os.path.join(root, "")):
            continue
        base, real = os.path.realpath(root), os.path.realpath(path)
        if os.path.commonpath([base, real]) != base:
            return Note(f"a symbolic link to a file outside {root}; not fixed (name the file "
                        "itself to fix it)")
        return None
    return None


class PartialLint(SourceError):
    """Some rules could not run on this page (a team's pattern timed out).

    ``findings`` holds what every other rule found; the message names the rule(s).
    """

    def __init__(self, failures: list[str], findings: list[Finding]) -> None:
        more = f" (and {len(failures) - 1} more)" if len(failures) > 1 else ""
        super().__init__(f"{failures[0]}; rule skipped on this file{more}")
        self.failures = failures
        self.findings = findings
