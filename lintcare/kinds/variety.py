"""``variety``: a page that mixes US and British/Canadian/Australian spelling.

Either variety is right on its own ("behaviour" on a Canadian page, "behavior" on a US
one); what reads as careless is both on one page. The page's variety is the majority of
its variety-marked words (language/varieties.py), unless a locale forces one: the rule's
``locale``, else the file's (the ``locale`` configuration key, the page's front matter or
``<html lang>``); the words of the other variety are flagged, with their spelling in the page's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ..document import Document
from ..language.names import default_names
from ..language.speller import default_speller
from ..language.varieties import (
    GB,
    US,
    default_data,
    gb_spelling,
    normalise_locale,
    page_variety,
    us_spelling,
)
from .base import Hit, Kind, match_case
from .pattern import PatternKind

_BEFORE = r"(?<![\w'’@/.-])"
_AFTER = r"(?![\w'’@/]|\.[A-Za-z])"
_WORD = re.compile(f"{_BEFORE}[A-Za-z]+{_AFTER}")


class VarietyKind(Kind):
    """``locale`` (en-US, en-GB, en-CA, en-AU...) forces the page's variety."""

    name = "variety"
    fields = {"locale": (str,)}

    def __init__(self, raw: dict[str, Any], ctx: Any) -> None:
        super().__init__(raw, ctx)
        self.locale: str | None = raw.get("locale")

    def find(self, doc: Document) -> Iterator[Hit]:
        known = default_speller().known
        data = default_data()
        forms, lows = _page_words(doc.text)
        if data.us_to_gb.keys().isdisjoint(lows) and all(map(known, lows)):
            return  # every word is a dictionary word and none is US-only: nothing to mix
        variety = _page_variety(doc.text, self.locale or doc.locale)
        if variety is None:
            return
        other = {}
        for form in forms:
            low = form.lower()
            if variety == GB and low in data.us_to_gb:
                other[form] = gb_spelling(low, data)
            elif variety == US and (low in data.gb_to_us or not known(low)):
                us = us_spelling(low, known, data)
                if us is not None:
                    other[form] = us
        if not other:
            return
        pattern = re.compile(_BEFORE + "(?:" + "|".join(map(re.escape, other)) + ")" + _AFTER)
        names = _name_spans(doc.text)
        for m in pattern.finditer(doc.text):
            if any(s <= m.start() and m.end() <= e for s, e in names):
                continue  # a body's own name ("Centre for ...") is not the page's spelling choice
            repl = match_case(m[0], other[m[0]])
            yield Hit(m.start(), m.end(), repl, (repl,), data=(("variety", _LABEL[variety]),))


_LABEL = {US: "US", GB: "British/Commonwealth"}


# Both kinds read the same page's words and variety: each is worked out once per page.
@lru_cache(maxsize=2)
def _page_words(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The page's words as written, and lowercased."""
    forms = frozenset(_WORD.findall(text))
    return forms, frozenset(f.lower() for f in forms)


@lru_cache(maxsize=4)
def _page_variety(text: str, locale: str | None) -> str | None:
    return page_variety(_page_words(text)[1], default_speller().known, locale)


@lru_cache(maxsize=1)
def _names_regex() -> re.Pattern[str]:
    names = sorted(default_names(), key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, n.split())) for n in names)
    return re.compile(f"{_BEFORE}(?:{body}){_AFTER}")


def _name_spans(text: str) -> list[tuple[int, int]]:
    """Where the known proper names (data/proper-names.txt) stand, as written."""
    return [m.span() for m in _names_regex().finditer(text)]


class VarietyUsageKind(PatternKind):
    """A pattern that is wrong only in one variety: ``variety`` (en-GB or en-US) is the
    page's variety (its locale, else the majority of its variety-marked words) the rule
    runs on. British, Canadian and Australian English keep noun and verb apart where US
    English does not ("a licence", "to license"; "a practice", "to practise")."""

    name = "variety-usage"
    fields = {**PatternKind.fields, "variety": (str,), "hint": (str,)}
    required = ("pattern", "variety")

    def __init__(self, raw: dict[str, Any], ctx: Any) -> None:
        super().__init__(raw, ctx)
        self.variety = normalise_locale(raw["variety"])
        if self.variety is None:
            raise ctx.error("variety", "must be a locale such as en-GB or en-US")
        # A page with no variety-marked word at all may still name its country's bodies
        # (NHS, TGA, Health Canada): ``hint`` is that regex, read only then.
        self.hint = re.compile(raw["hint"]) if "hint" in raw else None

    def find(self, doc: Document) -> Iterator[Hit]:
        variety = _page_variety(doc.text, doc.locale)
        if variety is None and self.hint is not None and self.hint.search(doc.text):
            variety = self.variety
        if variety == self.variety:
            yield from super().find(doc)
