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
                    "non", "sub")
_CLOSED_REST = 4
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
        if low.startswith(prefix) and len(rest) >= _CLOSED_REST and (
                known(rest) or us_spelling(rest, known) is not None):
            return True
    return False


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


__all__ = ["closed_compound", "foreign_lines"]


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
