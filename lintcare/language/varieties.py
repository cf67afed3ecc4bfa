"""English varieties: US spelling against British, Canadian and Australian (here "GB").

A page written in British English is not full of typos: "behaviour", "centre" and
"recognises" are right there. What is worth a finding is a page that mixes the two
("color" and "colour"). The variety of a page is read from its own words: each word
that only one variety spells that way is a vote (``page_variety``); a forced locale (the
``locale`` configuration key, when it is wired) overrides the vote.

The knowledge is ``data/varieties.txt``: pairs of words and suffix rules (-our/-or,
-ise/-ize, -re/-er, -ae-/-e-, -ogue/-og, -lled/-led). A rule only counts when the US
word it yields is one the dictionary knows, so "wise" never becomes "wize". The other
way (is this word US-only?) trusts the pairs alone: a reversed rule cannot be checked, as
the dictionary holds US spellings, and -ize is also Oxford and Canadian usage, so it
votes for neither variety.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

VARIETIES_PATH = Path(__file__).resolve().parent.parent / "data" / "varieties.txt"
US = "en-US"
GB = "en-GB"
# Locales that spell the GB way (Canada mixes, but clinic pages there mostly use -our/-re).
_GB_LOCALES = frozenset({"en-gb", "en-ca", "en-au", "en-nz", "en-ie", "en-za", "gb", "uk", "ca", "au"})
_US_LOCALES = frozenset({"en-us", "us", "en"})

Known = Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class VarietyData:
    gb_to_us: dict[str, str]  # the pairs
    us_to_gb: dict[str, str]
    suffixes: tuple[tuple[str, str], ...]  # (GB ending, US ending), longest first
    infixes: tuple[tuple[str, str], ...]  # (GB letters, US letters) anywhere in a word


def parse_varieties(text: str) -> VarietyData:
    pairs: dict[str, str] = {}
    suffixes: list[tuple[str, str]] = []
    infixes: list[tuple[str, str]] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].split()
        if len(line) != 3 or line[0] not in ("pair", "rule"):
            continue
        what, gb, us = line
        if what == "pair":
            pairs[gb.lower()] = us.lower()
        elif gb.startswith("*"):
            infixes.append((gb[1:], us))
        else:
            suffixes.append((gb, us))
    suffixes.sort(key=lambda p: -len(p[0]))
    # Canada spells "anesthetic" and "pediatric" the US way: an -ae-/-oe- pair is accepted
    # on a GB page but does not mark the US word as the other variety.
    us_to_gb = {us: gb for gb, us in pairs.items() if "ae" not in gb and "oe" not in gb}
    return VarietyData(pairs, us_to_gb, tuple(suffixes), tuple(infixes))


@lru_cache(maxsize=1)
def default_data() -> VarietyData:
    return parse_varieties(VARIETIES_PATH.read_text(encoding="utf-8"))


def us_spelling(word: str, known: Known, data: VarietyData | None = None) -> str | None:
    """The US spelling of a GB-only word (lowercase in, lowercase out), or None.

    ``known`` is the dictionary: a rule's result must be a word it knows.
    """
    data = data or default_data()
    if word in data.gb_to_us:
        return data.gb_to_us[word]
    for gb, us in data.suffixes:
        if word.endswith(gb) and len(word) > len(gb) + 1:
            candidate = word[: -len(gb)] + us
            if known(candidate):
                return candidate
    for gb, us in data.infixes:
        if gb in word[1:]:
            candidate = word[0] + word[1:].replace(gb, us)
            if known(candidate):
                return candidate
    return None


def gb_spelling(word: str, data: VarietyData | None = None) -> str | None:
    """The GB spelling of a US-only word (lowercase), or None: the pairs only."""
    return (data or default_data()).us_to_gb.get(word)


def normalise_locale(locale: str | None) -> str | None:
    """``en_GB``, ``en-au``, ``uk`` -> ``en-GB``; ``en-US``, ``us`` -> ``en-US``; else None."""
    if not locale:
        return None
    low = locale.strip().lower().replace("_", "-")
    if low in _GB_LOCALES:
        return GB
    if low in _US_LOCALES:
        return US
    return None


def variety_votes(words: Iterable[str], known: Known) -> tuple[int, int]:
    """(GB-only, US-only) spellings among ``words`` (lowercase, each distinct word once)."""
    data = default_data()
    gb = us = 0
    for word in words:
        if word in data.gb_to_us or (not known(word) and us_spelling(word, known, data) is not None):
            gb += 1
        elif word in data.us_to_gb:
            us += 1
    return gb, us


def page_variety(words: Iterable[str], known: Known, locale: str | None = None) -> str | None:
    """The page's variety, ``en-GB`` or ``en-US``; None when it shows neither.

    A forced ``locale`` wins. Otherwise the majority of the page's variety-marked words
    decides, and a tie is read as US (the dictionary's own variety), so the GB words of a
    page that mixes both evenly are the ones reported.
    """
    forced = normalise_locale(locale)
    if forced is not None:
        return forced
    gb, us = variety_votes(words, known)
    if gb == us == 0:
        return None
    return GB if gb > us else US


__all__ = ["GB", "US", "VarietyData", "default_data", "gb_spelling", "normalise_locale",
           "page_variety", "parse_varieties", "us_spelling", "variety_votes"]
