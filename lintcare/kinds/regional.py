"""``regional-spelling``: US spellings that only some Commonwealth varieties reject.

``variety`` (variety.py) leaves out -ize and the -ae-/-oe- pairs on purpose: -ize is
Oxford and Canadian usage, and Canada writes "anesthetic". They are still slips on a
page written for a country whose style guides reject them: Australian style spells
-ise, -yse and "anaesthetic"; British English spells -yse and "anaesthetic" even where it
keeps -ize. So the rule runs only on pages for one of its ``countries``: the file's
locale when it names one (``en-AU``), else the country the page names
(language/country.py), and never on a page whose own spelling votes US.

``forms`` picks what is flagged:
  ``ize``       -ize, -ization, -izer (organize -> organise)
  ``yze``       -yze (analyze -> analyse)
  ``ae``        the US side of data/varieties.txt's -ae-/-oe- pairs and words built on
                them (anesthesiologist -> anaesthesiologist); ``keep`` lists exceptions
  ``judgment``  judgment, only on a page that also writes judgement (both are used in
                Commonwealth English, legal writing keeps judgment; mixing them is not)
  ``programme`` program(s) in lower case: British English keeps "program" for computers
                only (the rule's context keeps those sentences quiet); "programmed" and
                "programming" are British too
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ..document import Document
from ..language.country import cue_kinds, locale_country, page_country
from ..language.speller import default_speller
from ..language.varieties import default_data, variety_votes
from .base import Hit, Kind, match_case

_BEFORE = r"(?<![\w'’@/.-])"
_AFTER = r"(?![\w'’@/]|\.[A-Za-z])"
_WORD = re.compile(f"{_BEFORE}[A-Za-z]+{_AFTER}")
# Lowercase only: a capitalised form is a name's ("World Health Organization") or a
# label's ("Uncategorized") more often than a sentence's first word.
_ENDS = "e|es|ed|ing|ation|ations|er|ers|able"
_IZE = re.compile(f"{_BEFORE}(?P<stem>[a-z]{{3,}})(?P<i>[iy])z(?P<end>{_ENDS}){_AFTER}")
_JUDGMENT = re.compile(f"{_BEFORE}[Jj]udgments?{_AFTER}")
_JUDGEMENT = re.compile(f"{_BEFORE}[Jj]udgements?{_AFTER}")
_PROGRAM = re.compile(f"{_BEFORE}program(?P<s>s?){_AFTER}")
_FORMS = ("ize", "yze", "ae", "judgment", "programme")


class RegionalSpellingKind(Kind):
    """``countries`` (en-AU, en-GB, en-CA) and ``forms``; ``keep``: words never flagged."""

    name = "regional-spelling"
    fields = {"countries": (list,), "forms": (list,), "keep": (list,)}
    required = ("countries", "forms")

    def __init__(self, raw: dict[str, Any], ctx: Any) -> None:
        super().__init__(raw, ctx)
        self.countries = frozenset(locale_country(c) for c in raw["countries"])
        if None in self.countries:
            raise ctx.error("countries", "must be locales such as en-AU, en-GB or en-CA")
        self.forms = tuple(raw["forms"])
        unknown = [f for f in self.forms if f not in _FORMS]
        if unknown:
            raise ctx.error("forms", f"unknown form '{unknown[0]}' (one of {', '.join(_FORMS)})")
        self.keep = frozenset(str(w).lower() for w in raw.get("keep", ()))

    def find(self, doc: Document) -> Iterator[Hit]:
        # The page's cues first (cheap, and shared by the regional rules): most pages name
        # no country of the rule's, and then neither the candidates nor the page's
        # spelling need be read.
        if not _may_be_for(doc.text, doc.locale, self.countries):
            return
        hits = [h for h in self._candidates(doc.text) if doc.text[h.start:h.end].lower() not in self.keep]
        if hits and _page_country(doc.text, doc.locale) in self.countries:
            yield from sorted(hits, key=lambda h: h.start)

    def _candidates(self, text: str) -> Iterator[Hit]:
        if "ize" in self.forms or "yze" in self.forms:
            yield from self._ize(text)
        if "ae" in self.forms:
            yield from self._ae(text)
        if "judgment" in self.forms and _JUDGEMENT.search(text):
            yield from (_hit(m, "judgement" + m[0][8:]) for m in _JUDGMENT.finditer(text))
        if "programme" in self.forms:
            yield from (_hit(m, f"programme{m['s']}") for m in _PROGRAM.finditer(text))

    def _ize(self, text: str) -> Iterator[Hit]:
        known = default_speller().known
        for m in _IZE.finditer(text):
            wanted = "ize" if m["i"] == "i" else "yze"
            if wanted not in self.forms or not known(m[0]) or _size_word(m["stem"], m["i"], known):
                continue
            yield _hit(m, f"{m['stem']}{m['i']}s{m['end']}")

    def _ae(self, text: str) -> Iterator[Hit]:
        for m in _ae_regex().finditer(text):
            gb = _ae_spelling(m[0].lower())
            if gb is not None:
                yield _hit(m, gb)


@lru_cache(maxsize=8)
def _page_country(text: str, locale: str | None) -> str | None:
    """The country a page is written for, or None; None too when its own spelling is US.
    Cached: the regional rules of one page all ask."""
    known = default_speller().known
    gb, us = variety_votes({m[0].lower() for m in _WORD.finditer(text)}, known)
    if us > gb:
        return None  # the page's own spelling is US: nothing here is a slip
    return locale_country(locale) or page_country(text, gb > us)


def _may_be_for(text: str, locale: str | None, countries: frozenset[str | None]) -> bool:
    """Can ``_page_country`` give one of ``countries``? Read without the page's spelling:
    it gives the locale's country, or the one the page's cues give when its spelling is
    Commonwealth (``page_country`` gives that country or none without it), and a page
    with no cue for a country is never for it."""
    country = locale_country(locale)
    if country is not None:
        return country in countries
    return any(cue_kinds(text, c) for c in countries if c) and page_country(text, True) in countries


def _size_word(stem: str, i: str, known: Any) -> bool:
    """``downsize``, ``oversized``, ``capsize``: built on "size", spelt -ize everywhere."""
    return i == "i" and stem.endswith("s") and (stem[:-1] in ("re", "up") or known(stem[:-1]))


@lru_cache(maxsize=1)
def _ae_stems() -> tuple[tuple[str, int, str], ...]:
    """(US stem, where the GB letter goes, the letter) for each -ae-/-oe- pair: "anesthet"
    with an "a" after "an" covers anesthetic, anesthetics and anesthetist."""
    out = []
    for gb, us in default_data().gb_to_us.items():
        if ("ae" in gb or "oe" in gb) and len(gb) == len(us) + 1:
            at = next(i for i in range(len(us)) if gb[i] != us[i])
            out.append((us[: max(at + 3, len(us) - 2)], at, gb[at]))
    return tuple(sorted(out, key=lambda s: -len(s[0])))


@lru_cache(maxsize=1)
def _ae_regex() -> re.Pattern[str]:
    """Words that start with one of the stems: one scan of the page, not a loop per word."""
    body = "|".join(re.escape(stem) for stem, _, _ in _ae_stems())
    return re.compile(f"{_BEFORE}(?i:{body})[A-Za-z]*{_AFTER}")


def _ae_spelling(word: str) -> str | None:
    for stem, at, letter in _ae_stems():
        if word.startswith(stem):
            return word[:at] + letter + word[at:]
    return None


def _hit(m: re.Match[str], replacement: str) -> Hit:
    repl = match_case(m[0], replacement)
    return Hit(m.start(), m.end(), repl, (repl,))


__all__ = ["RegionalSpellingKind"]
