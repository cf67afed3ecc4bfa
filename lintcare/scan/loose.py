"""Loose RE2 forms of Python regexes: each matches wherever the original does.

A block the loose form rules out holds no match of the original, so the block filter
(blockfilter.py) scans only the blocks the loose forms of a page's regexes name. Inner
lookarounds and anchors are dropped, those at the match's edges kept as the text around
it, back references replaced by their group, classes widened, case ignored, long
repeats unbounded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .anchors import C, sre_parse
from .prebuilt import precomputed

# Python's \s, \w and \d are Unicode-aware; RE2's are ASCII-only. These classes hold
# at least every character Python's do: their ASCII ones and every other character.
# (Unicode's exact classes, such as \p{L}, are hundreds of byte ranges in UTF-8: they
# made the automaton slow to compile and to build.)
# The ASCII characters of each class are also what a look-around that excludes the
# class surely excludes (see _ascii_members).
_WORD_ASCII = "0-9A-Za-z_"
_ASCII_CATEGORIES = {C.CATEGORY_WORD: _WORD_ASCII, C.CATEGORY_DIGIT: "0-9",
                     C.CATEGORY_SPACE: r"\t\n\x{b}\f\r\x{1c}-\x{1f} "}
_NOT_ASCII = r"\x{80}-\x{10ffff}"
_CATEGORIES = {category: ascii + _NOT_ASCII for category, ascii in _ASCII_CATEGORIES.items()}
_ANY = "(?s:.)"
_MAX_COUNT = 8  # counted repeats above this become open-ended: a smaller automaton
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT))


class _Unsupported(Exception):
    pass


def _char(code: int) -> str:
    return f"\\x{{{code:x}}}"


# Python's ignore-case matches "i" and "I" also to "İ" (whose lowercase is "i") and to
# "ı" (whose uppercase is "I"); RE2's case folding does not: they are added by hand.
_DOTTED_I = {ord("i"), ord("I")}
_DOTTED_I_TWINS = _char(0x130) + _char(0x131)


def _literal(code: int) -> str:
    return f"[{_char(code)}{_DOTTED_I_TWINS}]" if code in _DOTTED_I else _char(code)


def _class(items: list[tuple[Any, Any]]) -> str:
    """A character class; any character when its exact RE2 form could be narrower."""
    out: list[str] = []
    for op, av in items:
        if op is C.NEGATE:
            return _ANY  # [^...] over widened classes would exclude too much
        if op is C.LITERAL:
            out.append(_char(av))
            covers = av in _DOTTED_I
        elif op is C.RANGE:
            out.append(f"{_char(av[0])}-{_char(av[1])}")
            covers = any(av[0] <= c <= av[1] for c in _DOTTED_I)
        elif op is C.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
            covers = False
        elif op is C.CATEGORY:
            return _ANY  # \W, \S, \D inside a class
        else:
            raise _Unsupported(op)
        if covers:
            out.append(_DOTTED_I_TWINS)
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
            parts.append(_literal(av))
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


def _behind(assertion: Any, groups: dict[int, str]) -> str:
    """A leading lookbehind as text the block holds before the match, unless the match
    starts so near the block's start that the lookbehind reads what lies before it."""
    width = assertion.getwidth()[1]
    if not 0 < width <= _MAX_COUNT:
        return ""
    near_start = f"^{_ANY}{{0,{width - 1}}}" if width > 1 else "^"
    return f"(?:{_emit(assertion, groups)}|{near_start})"


_ASCII_WORD_RANGES = ((ord("a"), ord("z")), (ord("A"), ord("Z")), (ord("0"), ord("9")))


def _word_item(op: Any, av: Any) -> bool:
    if op is C.LITERAL:
        return chr(av).isalnum() or av == ord("_")
    if op is C.RANGE:
        return any(lo <= av[0] and av[1] <= hi for lo, hi in _ASCII_WORD_RANGES)
    return op is C.CATEGORY and av in (C.CATEGORY_WORD, C.CATEGORY_DIGIT)


def _is_word_char(op: Any, av: Any) -> bool:
    """Does this item match only characters Python's \\w matches?"""
    if op is C.IN:
        return bool(av) and all(_word_item(o, a) for o, a in av)
    return op is C.LITERAL and _word_item(op, av)


def _word_at_edge(items: list[Any], first: bool) -> bool:
    """Does every match of ``items`` start (``first``) or end with a word character?"""
    order = items if first else items[::-1]
    for k, (op, av) in enumerate(order):
        if op in _ZERO_WIDTH:
            continue
        if op is C.SUBPATTERN:
            return _word_at_edge(list(av[-1]), first)
        if op is C.BRANCH:
            return all(_word_at_edge(list(alt), first) for alt in av[1])
        if op in _REPEATS:
            inner = _word_at_edge(list(av[2]), first)
            if av[0] >= 1 or not inner:
                return inner
            rest = order[k + 1:]
            return _word_at_edge(rest if first else rest[::-1], first)
        return _is_word_char(op, av)
    return False


def _any_word_char(seq: Any) -> bool:
    """Is ``seq`` one character class holding every word character (``(?<![\\w-])``)?
    Not preceded (or followed) by one means: by no word character, or by nothing."""
    items = list(seq)
    return (len(items) == 1 and items[0][0] is C.IN
            and (C.CATEGORY, C.CATEGORY_WORD) in items[0][1] and (C.NEGATE, None) not in items[0][1])




def _ascii_members(seq: Any) -> str | None:
    """The ASCII characters of a one-character class (``(?![\\w.@-])``), as RE2 class
    text: a character none of them is may stand beyond a match; None if not such a class.

    Only ASCII ones are named, each surely in the Python class: whatever else the class
    holds (letters of other scripts for \\w) is let through, which only lets more
    blocks in.
    """
    items = list(seq)
    if len(items) != 1:
        return None
    op, av = items[0]
    members = [(op, av)] if op is C.LITERAL else av if op is C.IN else None
    if not members:
        return None
    out: list[str] = []
    for op, av in members:
        if op is C.LITERAL:
            out.extend(_char(c) for c in (av,) if _unfolded(c))
        elif op is C.RANGE:
            out.extend(_char(c) for c in range(av[0], min(av[1], 127) + 1) if _unfolded(c))
        elif op is C.CATEGORY and av in _ASCII_CATEGORIES:
            out.append(_ASCII_CATEGORIES[av])
        elif op is C.NEGATE:
            return None
        # other members (letters, non-ASCII, \W...) are left out: fewer are excluded
    return "".join(out) or None


def _unfolded(code: int) -> bool:
    """An ASCII character that no case folding pairs with another: the loose pattern
    ignores case, so a letter it excludes would exclude its other cases too ("k" the
    Kelvin sign), which a case-sensitive class does not hold. (\\w holds them all.)"""
    return code < 128 and not chr(code).isalpha()


def _is_gap(op: Any, av: Any) -> bool:
    """Does this item repeat any character without bound (once loosened)?"""
    return op in _REPEATS and (av[1] is C.MAXREPEAT or av[1] > _MAX_COUNT) and _emit(av[2], {}) == _ANY


def _narrowest(seq: Any, core: list[Any]) -> tuple[list[Any], bool, bool]:
    """The part of ``core`` between gaps of any characters that is longest at least, and
    whether it starts and ends ``core``. (A gap that starts it is no gap: a search tries
    every start anyway.)"""
    bounds = _between_gaps(core, 0, len(core))
    if len(bounds) == 1:
        return core, True, True
    lo, hi = max(bounds, key=lambda b: sre_parse.SubPattern(seq.state, core[b[0]:b[1]]).getwidth()[0])
    return core[lo:hi], lo == 0, hi == len(core)


def _between_gaps(items: list[Any], first: int, last: int) -> list[tuple[int, int]]:
    """[start, end) of the runs of ``items`` between the gaps of any characters that
    stand after ``first`` and before ``last`` (the whole list when there is none)."""
    cuts = [k for k in range(first + 1, last) if _is_gap(*items[k])]
    return list(zip([0, *(k + 1 for k in cuts)], [*cuts, len(items)], strict=True))


def _emit_match(seq: Any, groups: dict[int, str]) -> tuple[str, bool, bool]:
    """The loose form of a whole match, keeping the lookarounds at its two ends; and
    whether it starts and ends where the match does.

    Scans stop at the block's end, so what a final lookahead requires follows the match
    inside the block; a leading lookbehind's text precedes it there, or the match starts
    within the lookbehind's width of the block's start. A match with gaps of any
    characters ("drive[^.]{0,60}?24 hours") keeps only its longest part between them
    ("24 hours"), which every match holds: such a gap, which can hold any other
    pattern's text, multiplied the automaton's states (50 ms of each process's start
    for the worst one).
    """
    items = list(seq)
    lead = trail = ""
    i, j = 0, len(items)
    boundary_before = boundary_after = no_word_before = no_word_after = False
    not_before = not_after = None  # ASCII characters that cannot stand beyond a match
    while i < j and items[i][0] in _ZERO_WIDTH:
        op, av = items[i]
        if op is C.ASSERT and av[0] == -1 and not lead:
            lead = _behind(av[1], groups)
        boundary_before |= op is C.AT and av is C.AT_BOUNDARY
        no_word_before |= op is C.ASSERT_NOT and av[0] == -1 and _any_word_char(av[1])
        if op is C.ASSERT_NOT and av[0] == -1 and not_before is None:
            not_before = _ascii_members(av[1])
        i += 1
    while j > i and items[j - 1][0] in _ZERO_WIDTH:
        op, av = items[j - 1]
        if op is C.ASSERT and av[0] == 1 and not trail:
            trail = _emit(av[1], groups)
        boundary_after |= op is C.AT and av is C.AT_BOUNDARY
        no_word_after |= op is C.ASSERT_NOT and av[0] == 1 and _any_word_char(av[1])
        if op is C.ASSERT_NOT and av[0] == 1 and not_after is None:
            not_after = _ascii_members(av[1])
        j -= 1
    core, starts, ends = _narrowest(seq, items[i:j])
    if not starts:  # the part kept starts inside the match: nothing is known before it
        lead, boundary_before, no_word_before, not_before = "", False, False, None
    if not ends:
        trail, boundary_after, no_word_after, not_after = "", False, False, None
    # Characters none of which may stand just beyond the match: every condition holds.
    if not lead:
        word_before = no_word_before or (boundary_before and _word_at_edge(core, True))
        excluded = (_WORD_ASCII if word_before else "") + (not_before or "")
        lead = f"(?:^|[^{excluded}])" if excluded else ""
    if not trail:
        word_after = no_word_after or (boundary_after and _word_at_edge(core, False))
        excluded = (_WORD_ASCII if word_after else "") + (not_after or "")
        trail = f"(?:$|[^{excluded}])" if excluded else ""
    if len(core) == 1 and core[0][0] is C.BRANCH:
        alternatives = [_emit_match(alt, groups) for alt in core[0][1][1]]
        body = "(?:" + "|".join(form for form, _, _ in alternatives) + ")"
        starts &= all(alt_starts for _, alt_starts, _ in alternatives)
        ends &= all(alt_ends for _, _, alt_ends in alternatives)
    elif len(core) == 1 and core[0][0] is C.SUBPATTERN:
        body, inner_starts, inner_ends = _emit_match(core[0][1][-1], groups)
        if core[0][1][0] is not None:
            groups[core[0][1][0]] = body
        body = f"(?:{body})"
        starts &= inner_starts
        ends &= inner_ends
    else:
        body = _emit(core, groups)
    return (lead if starts else "") + body + (trail if ends else ""), starts, ends


def _parts(seq: Any) -> list[Any]:
    """The pattern as parts every match holds in order, split at its top-level gaps of
    any characters; each part keeps the zero-width conditions at its edges."""
    items = list(seq)
    i, j = 0, len(items)
    while i < j and items[i][0] in _ZERO_WIDTH:
        i += 1
    while j > i and items[j - 1][0] in _ZERO_WIDTH:
        j -= 1
    bounds = _between_gaps(items, i, j)
    if len(bounds) == 1:
        return [seq]
    return [sre_parse.SubPattern(seq.state, items[lo:hi]) for lo, hi in bounds]


@precomputed
def superset_pattern(pattern: str) -> tuple[str, ...] | None:
    """RE2 patterns that all match wherever ``pattern`` matches; None if none can be made.

    A pattern with gaps of any characters ("drive[^.]{0,60}?24 hours") gives one pattern
    for each part between them: a gap, which can hold any other pattern's text, would
    multiply the automaton's states (50 ms of each process's start for the worst one).
    """
    try:
        groups: dict[int, str] = {}
        return tuple("(?i)" + _emit_match(part, groups)[0] for part in _parts(sre_parse.parse(pattern)))
    except (_Unsupported, re.error, KeyError, RecursionError):
        return None
