"""The syntax of suppression comments: ``lintcare-disable RULE -- reason`` and its kin.

Its own module so that extraction (a plain-text directive line is not prose) and the
suppression stage read the same syntax without importing each other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

_DIRECTIVE = re.compile(r"\s*lintcare-(disable-next-line|disable|enable)(?![\w-])(.*)", re.DOTALL)
_REASON_SPLIT = re.compile(r"(?:^|\s)--(?:\s|$)")
# A plain-text line holding only a directive, with or without comment markers.
_TEXT_LINE = re.compile(r"[ \t]*(?:<!--)?[ \t]*(lintcare-(?:disable-next-line|disable|enable)(?![\w-]).*?)"
                        r"[ \t]*(?:-->)?[ \t]*")


def directive_line(text: str, start: int, end: int) -> str | None:
    """The directive on a plain-text line [start, end), or None if it is prose."""
    m = _TEXT_LINE.fullmatch(text, start, end)
    return m.group(1) if m else None


@dataclass
class Directive:
    action: str  # "disable", "enable" or "disable-next-line"
    keys: tuple[str, ...]  # rule ids, categories or "all"
    reason: str
    start: int  # source range of the whole comment
    end: int
    used: set[str] = field(default_factory=set)


def parse_directive(comment: str, start: int, end: int) -> Directive | None:
    m = _DIRECTIVE.match(comment)
    if not m:
        return None
    action, rest = m.group(1), m.group(2)
    parts = _REASON_SPLIT.split(rest, maxsplit=1)
    names = parts[0]
    reason = parts[1].strip() if len(parts) > 1 else ""
    keys = tuple(k for k in re.split(r"[\s,]+", names.strip()) if k) or ("all",)
    return Directive(action, keys, reason, start, end)


def directives(comments: Iterable[tuple[int, int, str]]) -> list[Directive]:
    """The suppression directives among a page's comments (source ranges and text)."""
    out = []
    for start, end, text in sorted(comments):
        d = parse_directive(text, start, end)
        if d is not None:
            out.append(d)
    return out
