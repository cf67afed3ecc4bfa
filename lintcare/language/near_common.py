"""Capitalised slips of common words: "Goverment", "Wedensday", "Insurence".

The spelling kind skips capitalised unknown words as names (people, places, clinics), unless
they are near a domain term. A name, though, is seldom one keystroke from a very common
word with the same first letter, and never from a day or month name: such a word is a slip
wherever it stands, in a heading, at a sentence start or mid-sentence ("the Federal
Goverment"). Names one edit from a common word mostly differ in the first letter ("Hickie",
"dickie") or are short ("Ashu", "ash"), so both are left to the name rule.
"""

from __future__ import annotations

from ..language.speller import Speller, osa_distance

# How often the nearest word must occur in the dictionary's corpus: "government" (131k),
# "insurance" (48k) and "treatment" (29k) pass; "ash" (6k), "gently" (10k) and "user" (4k),
# the nearest words of the names on our pages, would not, and differ in the first letter.
COMMON_FREQUENCY = 20_000
MIN_LENGTH = 5
# Always capitalised, so a page writes them with a capital anywhere in a sentence.
CALENDAR = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december",
})


def near_common_word(word: str, suggestions: tuple[str, ...], speller: Speller) -> bool:
    """``word`` (capitalised, unknown) is one edit from a day or month name, or from a very
    common word with the same first letter; ``suggestions`` are the speller's, best first."""
    if not suggestions or len(word) < MIN_LENGTH:
        return False
    low, best = word.lower(), suggestions[0].lower()
    if osa_distance(low, best, 1) > 1:
        return False
    if best in CALENDAR:
        return True
    return best[0] == low[0] and speller.frequency(best) >= COMMON_FREQUENCY





# A title's words are all capitalised, so the spelling kind's sign of a name (the next word
# is capitalised too) says nothing there. A word in a title that is one edit from a listed
# word with its first letter, and never stands in running text, is checked: a name of the
# page (a clinic, a town) shows up in its running text too.
TITLE_FREQUENCY = 1_000


def near_word_in_title(word: str, suggestions: tuple[str, ...], speller: Speller) -> bool:
    """``word`` (capitalised, unknown, seen in a title) is one edit from a listed word that
    starts with the same letter and occurs often enough not to be a name itself."""
    if not suggestions or len(word) < MIN_LENGTH:
        return False
    low, best = word.lower(), suggestions[0].lower()
    return (best[0] == low[0] and osa_distance(low, best, 1) <= 1
            and speller.frequency(best) >= TITLE_FREQUENCY)

__all__ = ["COMMON_FREQUENCY", "TITLE_FREQUENCY", "near_common_word", "near_word_in_title"]
