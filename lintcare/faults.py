"""What could not be linted, said plainly: notes for what is skipped on purpose, and a
partial result when a rule could not run on a page."""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING

from .sources import SourceError

if TYPE_CHECKING:
    from .findings import Finding


class RuleError(Exception):
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


class PartialLint(SourceError):
    """Some rules could not run on this page (a team's pattern timed out).

    ``findings`` holds what every other rule found; the message names the rule(s).
    """

    def __init__(self, failures: list[str], findings: list[Finding]) -> None:
        more = f" (and {len(failures) - 1} more)" if len(failures) > 1 else ""
        super().__init__(f"{failures[0]}; rule skipped on this file{more}")
        self.failures = failures
        self.findings = findings
