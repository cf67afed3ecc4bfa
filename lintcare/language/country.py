"""Which country a page is written for, read from what it names.

A variety vote (language/varieties.py) tells US spelling from the rest, but not
Australian from British or Canadian English, and those differ: Australian style guides
spell -ise where Oxford and Canadian usage keep -ize, and Canada writes "anesthetic"
where Britain and Australia write "anaesthetic". A page names its country in passing:
its regulators and payers (TGA, PBS, NHS, OHIP), its places, its web domain, its phone
numbers. Each kind of cue counts once, so a page that says "Australia" ten times is no
surer than one that says it once; a country needs two kinds of cue and a clear lead.
"""

from __future__ import annotations

import re
from functools import lru_cache

AU, GB, CA, US = "en-AU", "en-GB", "en-CA", "en-US"

# One regex per kind of cue; case-sensitive, as the bodies and places are names.
_CUES: dict[str, tuple[str, ...]] = {
    AU: (
        r"\bAustralian?s?\b",
        r"\b(?:TGA|PBS|MBS|RANZCP|AHPRA|Therapeutic Goods Administration|"
        r"Pharmaceutical Benefits Scheme|Medicare Benefits Schedule|Medicare rebates?|bulk[- ]bill\w*)\b",
        r"(?i:\.(?:com|org|net|gov|edu|asn)\.au)\b",
        r"(?:\+61|\b1[38]00[ -]?\d{3}[ -]?\d{3}\b|\b13 ?\d{2} ?\d{2}\b|\(0[2378]\)\s?\d{4}\s?\d{4})",
        # Not "Victoria" (also a Canadian city) or "Darwin" (a surname).
        r"\b(?:New South Wales|NSW|Queensland|QLD|Qld|Tasmania|Canberra|Sydney|"
        r"Melbourne|Brisbane|Adelaide|Hobart|Gold Coast|Cairns|Perth)\b",
    ),
    GB: (
        r"\b(?:UK|United Kingdom|Britain|British|England|Scotland|Wales|Northern Ireland)\b",
        r"\b(?:NHS|NICE|MHRA|Royal College of Psychiatrists|Samaritans)\b",
        r"(?i:\.(?:co|org|nhs|gov|ac)\.uk)\b",
        r"(?:\+44|\b0(?:800|808|300)\s?\d{3}\s?\d{3,4}\b|\b116 ?123\b)",
        r"\b(?:London|Manchester|Birmingham|Edinburgh|Glasgow|Cardiff|Belfast|Leeds|Bristol)\b",
    ),
    CA: (
        r"\bCanad(?:a|ian)s?\b",
        r"\b(?:Health Canada|OHIP|CAMH|CANMAT|MSP|AHS)\b",
        r"(?i:\.ca)\b",
        r"\b9-8-8\b",
        r"\b(?:Ontario|Quebec|Québec|Alberta|British Columbia|Manitoba|Saskatchewan|Nova Scotia|"
        r"Toronto|Vancouver|Montreal|Montréal|Ottawa|Calgary|Edmonton|Winnipeg)\b",
    ),
    US: (
        r"\b(?:United States|U\.S\.|USA)\b",
        r"\b(?:Medicaid|SAMHSA|Tricare|TRICARE|Veterans Affairs)\b",
        r"\b988 (?:Suicide|Lifeline)\b",
        r"(?i:\.gov)\b(?!\.)",
        r"\b(?:California|Texas|Florida|New York|Illinois|Ohio|Georgia|Arizona|Colorado|"
        r"Massachusetts|Pennsylvania|Washington, D\.C\.)\b",
    ),
}


Cue = tuple[re.Pattern[str], re.Pattern[str]]


@lru_cache(maxsize=1)
def _compiled() -> dict[str, tuple[Cue, ...]]:
    """Each cue's regex, and the same without its word boundaries: ``re`` skips ahead to
    a pattern's first characters, but not past a \\b, which it tries at every character."""
    return {c: tuple((re.compile(p), re.compile(p.replace(r"\b", ""))) for p in pats)
            for c, pats in _CUES.items()}


def _holds(text: str, cue: Cue) -> bool:
    """``cue``'s regex matches somewhere in ``text``. Each of its matches is a match of the
    loose form at the same place, so it is tried only where the loose form matches."""
    full, loose = cue
    pos = 0
    while (m := loose.search(text, pos)) is not None:
        if full.match(text, m.start()) is not None:
            return True
        pos = m.start() + 1
    return False


@lru_cache(maxsize=32)
def cue_kinds(text: str, country: str) -> int:
    """How many kinds of cue for ``country`` the text holds (0-5). Cached for the last
    few pages: each regional rule asks about the same page."""
    return sum(1 for cue in _compiled()[country] if _holds(text, cue))


def country_scores(text: str) -> dict[str, int]:
    """How many kinds of cue for each country the text holds (0-5 each)."""
    return {c: cue_kinds(text, c) for c in _CUES}


def page_country(text: str, commonwealth_spelling: bool = False) -> str | None:
    """``en-AU``, ``en-GB``, ``en-CA`` or ``en-US``; None when no country leads clearly.

    A country needs two kinds of cue and at least two more than any other (an Australian
    page that cites the FDA or a study in Canada keeps its country), or a single kind of
    cue with no rival when the page's own spelling is already British/Commonwealth
    (``commonwealth_spelling``): short pages name their country once. Either way the
    country has one kind of cue or more (``cue_kinds``).
    """
    scores = country_scores(text)
    best = max(scores, key=lambda c: scores[c])
    rest = max(v for c, v in scores.items() if c != best)
    if scores[best] >= 2 and scores[best] >= rest + 2:
        return best
    if commonwealth_spelling and best != US and scores[best] == 1 and rest == 0:
        return best
    return None


_LOCALES = {"en-au": AU, "au": AU, "en-gb": GB, "gb": GB, "uk": GB, "en-ca": CA, "ca": CA,
            "en-us": US, "us": US}


def locale_country(locale: str | None) -> str | None:
    """A configured locale's country (``en_AU`` -> ``en-AU``); None for bare ``en`` or none."""
    return _LOCALES.get((locale or "").strip().lower().replace("_", "-"))


__all__ = ["AU", "CA", "GB", "US", "country_scores", "cue_kinds", "locale_country", "page_country"]
