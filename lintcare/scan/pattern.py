"""``Pattern``: one compiled regex and what the scan derives from it.

A kind holds Patterns and calls them like ``re.Pattern`` (``search``, ``match``,
``fullmatch``, ``finditer``) for its own context checks; the page-wide scans go through
``PageScan`` (page.py), which picks the blocks to scan and the fastest scanner with
the same matches. How that is done (literal anchors, lowered copies, character skips)
is this package's business, never the kind's.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any

from .anchors import regex_anchor_groups, regex_anchors, start_literals
from .charscan import CharScan, best_scanner
from .fastregex import FastRegex
from .lowering import lower_literals, lowers_exactly
from .prebuilt import compile_pattern, is_standard
from .userregex import compile_timed

# The calls a kind makes on a pattern; bound to the compiled regex on first use, so
# later calls cost what calls on an ``re.Pattern`` cost.
_CALLS = frozenset({"search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"})


class Pattern:
    """A compiled regex (``regex``) with its derived analysis, each made on first use."""

    def __init__(self, regex: Any) -> None:
        self.regex = regex  # re.Pattern, a LazyPattern (prebuilt.py) or a TimedPattern
        self.pattern: str = regex.pattern

    # -- the re.Pattern calls -------------------------------------------------------
    def __getattr__(self, name: str) -> Any:
        # Reached only for what the instance does not hold yet.
        if name in _CALLS or name in ("flags", "groups", "groupindex"):
            found = getattr(self.regex, name)  # a call compiles a LazyPattern
            setattr(self, name, found)  # kinds ask for groupindex on every page
            return found
        raise AttributeError(name)

    def __repr__(self) -> str:
        return f"Pattern({self.pattern!r})"

    # -- derived, for the scan --------------------------------------------------------
    @property
    def standard(self) -> bool:
        """Compiled by ``re`` (a built-in rule), not a team's timed regex: the lowered
        scans may stand in for it."""
        return is_standard(self.regex)

    @cached_property
    def anchors(self) -> tuple[str, ...]:
        """Lowercase literals one of which every match holds; () if none can be told."""
        return regex_anchors(self.pattern)

    @cached_property
    def anchor_groups(self) -> tuple[tuple[str, ...], ...]:
        """Every such group, best first: a match holds one literal of each."""
        return regex_anchor_groups(self.pattern)

    @cached_property
    def scanner(self) -> FastRegex | CharScan:
        """The fastest scanner with the regex's matches."""
        return best_scanner(self.regex)

    @cached_property
    def lowered(self) -> re.Pattern[str] | None:
        """A case-sensitive form that finds every match's span in the page's lowercased
        copy (``lower_text``); None when there is no such form."""
        if not self.standard or not self.regex.flags & re.IGNORECASE or not lowers_exactly(self.pattern):
            return None
        low = lower_literals(self.pattern)
        return compile_pattern(low) if low is not None else None

    @cached_property
    def starts(self) -> tuple[str, ...]:
        """Literals (of the lowered form) one of which every match starts with."""
        return start_literals(self.lowered.pattern) if self.lowered is not None else ()


def compile(pattern: str, *, ignore_case: bool = True, timed: bool = False,
            origin: str = "") -> Pattern:
    """A Pattern for ``pattern``; raises ``re.error`` when it does not compile.

    ``timed`` (a team's rule file) compiles with the ``regex`` module and gives every
    call a timeout (userregex.py); ``origin`` names the file, rule and field for its
    message. Built-in patterns compile on first use when the analysis table knows they
    compile (prebuilt.py).
    """
    if timed:
        return Pattern(compile_timed(pattern, ignore_case, origin))
    return Pattern(compile_pattern(pattern, re.IGNORECASE if ignore_case else 0))
