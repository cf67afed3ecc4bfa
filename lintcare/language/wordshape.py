"""Word shapes a dictionary lists badly: prefixes closed up with a word, lines in another language.

Both keep real words and other languages from reading as English misspellings; both are
narrow on purpose, so a slip ("antidepression", "preaproval") is still one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .varieties import us_spelling

# Prefixes closed up with a word ("preapproval", "posttraumatic", "neuropsychiatrist"): the
# word after one, of at least _CLOSED_REST letters, decides. Dictionaries list few such forms.
# Not "anti" ("antidepression" is a slip for "antidepressant"), "intra" ("intravenus" is a
# slip, not intra + Venus) or "tele" ("telepsych" is a clipped word): dictionaries list
# their real compounds.
_CLOSED_PREFIXES = ("neuro", "psycho", "multi", "inter", "micro", "semi", "peri", "post", "pre",
                    "non", "sub", "re")
_CLOSED_REST = 4
# "re" is short and starts many words: only a long word after it counts ("rebalancing",
# "retreatment"), so a slip such as "recieve" or "refered" is still one.
_CLOSED_REST_AFTER = {"re": 6}
# A combining form before a hyphen ("cortico-striatal", "thalamo-cortical"): its stem with
# one of these endings is a word ("cortical", "thalamus").
_COMBINING_ENDINGS = ("al", "ic", "ar", "um", "us", "ia", "e", "y")
_COMBINING_STEM = 4
# An adverb in -ly of an adjective of at least this many letters with an adjective ending
# ("invasively"); not of any word ("compleatly" is a slip, though "compleat" is listed).
_ADVERB_STEM = 5
_ADJECTIVE_ENDINGS = ("ive", "al", "ent", "ant", "ous", "ful", "ic", "less", "ish", "ing", "ed")
# A short line with an accented Latin letter ("Preguntas más frecuentes", a language switch)
# is another language: its words are not English misspellings.
# One accented letter is the sign (a pattern that also took the letters around it would
# backtrack over every run of plain letters: quadratic on one long word).
_ACCENTED_WORD = re.compile(r"[À-ÖØ-öø-ÿ]")
_FOREIGN_LINE_WORDS = 8


def closed_compound(low: str, known: Callable[[str], bool]) -> bool:
    """A prefix closed up with a known word (lowercase in): "preapproval", "neurocare"."""
    for prefix in _CLOSED_PREFIXES:
        rest = low[len(prefix):]
        if low.startswith(prefix) and len(rest) >= _CLOSED_REST_AFTER.get(prefix, _CLOSED_REST) and (
                known(rest) or us_spelling(rest, known) is not None):
            return True
    return False


def combining_form(low: str, known: Callable[[str], bool]) -> bool:
    """A Greek or Latin combining form in -o, written before a hyphen: "cortico", "striato"."""
    stem = low[:-1]
    return low.endswith("o") and len(stem) >= _COMBINING_STEM and any(
        known(stem + ending) for ending in _COMBINING_ENDINGS)


def adverb_of_word(low: str, known: Callable[[str], bool]) -> bool:
    """An adverb in -ly of a known word ("invasively"): general lists lack many such forms."""
    stem = low[:-2]
    return (low.endswith("ly") and len(stem) >= _ADVERB_STEM and stem.endswith(_ADJECTIVE_ENDINGS)
            and known(stem))


def foreign_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each short line that holds a word with an accented letter, in order.

    Each line is looked at once, from its first accented word: linear in the page.
    """
    spans: list[tuple[int, int]] = []
    done = 0
    for m in _ACCENTED_WORD.finditer(text):
        if m.start() < done:
            continue
        begin = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        done = end = len(text) if end < 0 else end
        if len(text[begin:end].split()) <= _FOREIGN_LINE_WORDS:
            spans.append((begin, end))
    return spans


__all__ = ["adverb_of_word", "blank_addresses", "closed_compound", "combining_form", "foreign_lines"]


# A pronunciation guide: hyphenated syllables in brackets, one stressed in capitals
# ("(es-KET-a-meen)", "(KET-uh-meen)").
_PRONUNCIATION = re.compile(r"\((?=[^()\n]*\b[A-Z]{2,}\b)(?=[^()\n]*\b[a-z]+\b)[A-Za-z]+(?:-[A-Za-z]+)+\)")


def pronunciation_guides(text: str) -> list[tuple[int, int]]:
    """Where the text gives a word's pronunciation: its words are not misspellings."""
    return [g.span() for g in _PRONUNCIATION.finditer(text)]


def after_number(text: str, start: int) -> bool:
    """The word at ``start`` follows a number and a space: a unit or count word ("20 mcg")."""
    i = start - 1
    while i >= 0 and text[i] in " \u00a0":
        i -= 1
    return i < start - 1 and i >= 0 and text[i].isdigit()


# Marks of an address (URL, e-mail, handle): the whole run of non-space characters
# around one is blanked, so no part of it is checked ("example.org/ketamin-info").
_ADDRESS_MARKS = ("://", "www.", "@")
_NON_SPACE = re.compile(r"\S*")


def blank_addresses(text: str) -> str:
    spans: list[tuple[int, int]] = []
    for mark in _ADDRESS_MARKS:
        pos = text.find(mark)
        while pos >= 0:
            start = pos
            while start > 0 and not text[start - 1].isspace():
                start -= 1
            end = _NON_SPACE.match(text, pos + len(mark)).end()  # type: ignore[union-attr]
            spans.append((start, end))
            pos = text.find(mark, end)
    if not spans:
        return text
    out: list[str] = []
    done = 0
    for start, end in sorted(spans):
        if end > done:  # the spans of two marks in one address overlap
            start = max(start, done)
            out += (text[done:start], " " * (end - start))
            done = end
    out.append(text[done:])
    return "".join(out)
