"""Which blocks of a page can hold a match of each rule regex, found in one pass per block.

Most rule regexes match nowhere on a page, yet finding that out costs one scan per
regex. RE2's ``Set`` matches all of them at once, in linear time, and says which ones
match somewhere in a block. Each regex enters the set in a looser RE2 form that
matches wherever the original does (lookarounds, word boundaries and anchors dropped,
back references replaced by their group, classes widened, case ignored, long repeats
unbounded), so a block the set rules out holds no match of the original. The exact
matches still come from Python's ``re`` in the blocks that are left. Without the
optional ``re2`` module (google-re2) every block is scanned: the findings are the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from .anchors import sre_parse
from .prose import Block

try:  # Python 3.11+
    import re._constants as C  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C  # type: ignore[no-redef]

# Python's \s, \w and \d are Unicode-aware; RE2's are ASCII-only. These classes hold
# at least every character Python's do.
_SPACE = (r"\t\n\x{b}\f\r\x{1c}-\x{1f} \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}"
          r"\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}")
_CATEGORIES = {C.CATEGORY_DIGIT: r"\p{N}", C.CATEGORY_SPACE: _SPACE, C.CATEGORY_WORD: r"\p{L}\p{N}\p{M}_"}
_ANY = "(?s:.)"
_MAX_COUNT = 8  # counted repeats above this become open-ended: a smaller automaton
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT))


class _Unsupported(Exception):
    pass


def _char(code: int) -> str:
    return f"\\x{{{code:x}}}"


def _class(items: list[tuple[Any, Any]]) -> str:
    """A character class; any character when its exact RE2 form could be narrower."""
    out: list[str] = []
    for op, av in items:
        if op is C.NEGATE:
            return _ANY  # [^...] over widened classes would exclude too much
        if op is C.LITERAL:
            out.append(_char(av))
        elif op is C.RANGE:
            out.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is C.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        elif op is C.CATEGORY:
            return _ANY  # \W, \S, \D inside a class
        else:
            raise _Unsupported(op)
    return "[" + "".join(out) + "]"


def _repeat(lo: int, hi: int, body: str) -> str:
    lo = min(lo, _MAX_COUNT)
    if hi is C.MAXREPEAT or hi > _MAX_COUNT:
        return f"(?:{body}){{{lo},}}"
    return f"(?:{body}){{{lo},{hi}}}"


def _emit(seq: Iterable[tuple[Any, Any]], groups: dict[int, str]) -> str:
    parts: list[str] = []
    for op, av in seq:
        if op in _ZERO_WIDTH:
            continue  # dropping a condition only lets more text match
        if op is C.LITERAL:
            parts.append(_char(av))
        elif op in (C.NOT_LITERAL, C.ANY):
            parts.append(_ANY)
        elif op is C.IN:
            parts.append(_class(av))
        elif op is C.BRANCH:
            parts.append("(?:" + "|".join(_emit(alt, groups) for alt in av[1]) + ")")
        elif op is C.SUBPATTERN:
            body = _emit(av[-1], groups)
            if av[0] is not None:
                groups[av[0]] = body
            parts.append(f"(?:{body})")
        elif op in _REPEATS:
            parts.append(_repeat(av[0], av[1], _emit(av[2], groups)))
        elif op is C.GROUPREF:
            # The referenced text matched the group, and case is ignored throughout.
            parts.append(f"(?:{groups[av]})" if av in groups else f"{_ANY}*")
        elif op is C.GROUPREF_EXISTS:
            no = _emit(av[2], groups) if av[2] else ""
            parts.append(f"(?:{_emit(av[1], groups)}|{no})")
        elif op is getattr(C, "ATOMIC_GROUP", None):
            parts.append(f"(?:{_emit(av, groups)})")
        else:
            raise _Unsupported(op)
    return "".join(parts)


def superset_pattern(pattern: str) -> str | None:
    """An RE2 pattern matching wherever ``pattern`` matches; None if it cannot be made."""
    try:
        return "(?i)" + _emit(sre_parse.parse(pattern), {})
    except (_Unsupported, re.error, KeyError, RecursionError):
        return None


class BlockFilter:
    """One RE2 set over many Python regexes; ``hits`` says where each may match."""

    MAX_MEM = 64 << 20  # the set's automaton cache; ample for a few hundred rules

    def __init__(self, patterns: Iterable[str]) -> None:
        self._slots: dict[str, int] = {}
        self._set: Any = None
        try:
            import re2
        except ImportError:  # pragma: no cover - optional speed-up
            return
        options = re2.Options()
        options.max_mem = self.MAX_MEM
        options.log_errors = False
        rset = re2.Set.SearchSet(options)
        for pattern in dict.fromkeys(patterns):
            loose = superset_pattern(pattern)
            if loose is None:
                continue
            try:
                self._slots[pattern] = rset.Add(loose)
            except re2.error:
                continue  # scanned everywhere, as without the filter
        if self._slots:
            rset.Compile()
            self._set = rset

    @property
    def available(self) -> bool:
        return self._set is not None

    def slot(self, pattern: str) -> int | None:
        return self._slots.get(pattern)

    def slots(self, patterns: list[str] | None) -> tuple[int, ...] | None:
        """The slots of all these patterns; None if one of them is not in the set."""
        if not patterns:
            return None
        found = tuple(self._slots.get(p, -1) for p in patterns)
        return None if -1 in found else found

    def hits(self, text: str, blocks: Sequence[Block]) -> dict[int, list[int]] | None:
        """Slot -> indices of the blocks where it may match; None when the page can't be read."""
        found: dict[int, list[int]] = {}
        match = self._set.Match
        try:
            for i, block in enumerate(blocks):
                for slot in match(text[block.start:block.end]) or ():
                    found.setdefault(slot, []).append(i)
        except UnicodeEncodeError:  # a lone surrogate: RE2 reads UTF-8 only
            return None
        return found


__all__ = ["BlockFilter", "superset_pattern"]
