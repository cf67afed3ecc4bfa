"""``case-mix``: a common word capitalised mid-sentence on a page that writes it in lower case.

"A Psychiatrist will see you", "you can Fax us", "to the Insurance provider": a capital
in running text on a word the same page otherwise writes in lower case is a slip, not a
name. The page is its own dictionary, so no list of common nouns is needed, and house
style stays quiet: a page that always writes "the Clinic" as its defined name (or mostly
does) has no lower-case majority to measure against.

Only where a capital cannot be a sentence's, a heading's or a name's:
  - after a lower-case word on the same line, or after a sentence's opening "The", "A",
    "An", "Our" or "Your" (so never at a line start, after a bullet or a colon);
  - before a lower-case word that does not lead on into a capitalised one ("Centre for
    Mental Health"), so Title Case runs and names stay whole;
  - never a word the page uses elsewhere inside a capitalised run ("Hope Clinic" makes
    "Hope" a name on that page), nor inside a known proper name (data/proper-names.txt).
``keep`` lists words whose lower-case form is another word ("May", "Will").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ..document import Document
from ..language.names import default_names
from ..language.speller import default_speller
from ..scan import Pattern, compile
from .base import Hit, Kind

# A capitalised word that can be mid-sentence (see _mid_sentence): after a space or a tab
# after a lower-case letter, an apostrophe or a determiner's last letter. Opening on the
# white space lets re skip ahead to it (most capitals follow a stop or a line start).
_CAP_AFTER_WORD = re.compile(r"[ \t](?<=[a-z'’A][ \t])(?P<w>[A-Z][a-z]{2,})(?![\w'’@/&-])")
# A lower-case word just before, on the same line; or a sentence's opening determiner.
# One space only: two spaces mark a removed link or a lost sentence break.
_PREV = re.compile(r"(?:\b[a-z][a-z'’]*|(?:^|[.!?][ \t]+)(?:The|A|An|Our|Your))[ \t]\Z", re.M)
_NEXT = re.compile(r"[ \t]+[a-z][a-z'’]*\b")
# Small words a name carries on with ("Centre for Mental Health", "Hope in Mind").
_CONNECT = re.compile(
    r"[ \t]+(?:of|for|and|&|on|in|at|to|the|a|an|de|la|du|des|y)(?:[ \t]+(?:the|of))?[ \t]+[A-Z]")
_LOOK_BACK = 40
_NAME_RUN = compile(r"(?<=[a-z,;] )([A-Z][a-z]+(?:[ \t]+[A-Z][\w’']*)+)", ignore_case=False)
_NAME_JOINED = compile(r"([A-Z][a-z]+)[ \t]+(?:of|for|and|&)[ \t]+[A-Z]", ignore_case=False)
# A capitalised small word after a lower-case one is a sentence that lost its full stop
# ("chat at  You will be connected", a run-in label "Rapid onset Some patients"): another
# kind of slip, and not a capitalised noun.
_CLOSED_WORDS = (
    "the a an you your we our they their them it its he she his her there here this that these "
    "those some many most all any each every both no not please also then once if when while how "
    "what why where who and but or for with without from in on at to by as during after before until")
_CLOSED = frozenset(_CLOSED_WORDS.split(" "))
# Agent nouns of people at work: "a Psychiatrist will see you" reads as a slip even once.
_ROLE_ENDINGS = ("ist", "ists", "ician", "icians")
_ROLE_MIN = 7


class CaseMixKind(Kind):
    """``keep``: capitalised words never flagged (months, names that are also words);
    ``roles``: nouns for people at work, flagged once on a page even with no lower-case
    use (as are -ist and -ician words the dictionary knows)."""

    name = "case-mix"
    fields = {"keep": (list,), "roles": (list,)}

    def __init__(self, raw: dict[str, Any], ctx: Any) -> None:
        super().__init__(raw, ctx)
        self.keep = frozenset(str(w).lower() for w in raw.get("keep", ())) | _CLOSED
        self.roles = frozenset(str(w).lower() for w in raw.get("roles", ()))

    def declared_patterns(self) -> list[Pattern]:
        return [_NAME_RUN, _NAME_JOINED]

    def _role(self, low: str) -> bool:
        if low in self.roles:
            return True
        return len(low) >= _ROLE_MIN and low.endswith(_ROLE_ENDINGS) and default_speller().known(low)

    def find(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        spots = [(start, end, text[start:end]) for start, end in _capitals(text)
                 if text[start:end].lower() not in self.keep and _mid_sentence(text, start, end)]
        if not spots:
            return
        capped = Counter(word for _, _, word in spots)
        named = _named_words(doc) | _known_name_words()
        lower: dict[str, int] = {}  # how often the page writes a word in lower case
        for start, end, word in spots:
            low = word.lower()
            if word in named:
                continue
            if low not in lower:
                lower[low] = _lower_uses(text, low)
            # The page mostly writes it in lower case; or a role noun capitalised only
            # once (house style capitalises a word every time, not once).
            if (lower[low] >= 1 and lower[low] >= capped[word]) or (capped[word] == 1 and self._role(low)):
                yield Hit(start, end, low, (low,))


def _lower_uses(text: str, low: str) -> int:
    """How often ``low`` stands in ``text`` as a whole lower-case word."""
    if low not in text:
        return 0
    return sum(1 for _ in re.finditer(rf"(?<![\w'’-]){low}(?![\w'’-])", text))


def _capitals(text: str) -> Iterator[tuple[int, int]]:
    """The spans of the capitalised words ``_mid_sentence`` may accept."""
    return (m.span("w") for m in _CAP_AFTER_WORD.finditer(text))


def _mid_sentence(text: str, start: int, end: int) -> bool:
    """Running text on both sides: a lower-case word (or an opening determiner) before,
    a lower-case word after that does not lead into a Title Case name."""
    if not _NEXT.match(text, end) or _CONNECT.match(text, end):
        return False  # the cheaper look first: Title Case runs end here
    return bool(_PREV.search(text[max(0, start - _LOOK_BACK):start]))


def _named_words(doc: Document) -> set[str]:
    """Capitalised words the page uses beside another capitalised word mid-line: parts of
    its names ("Hope Clinic", "the Medicare Benefits Schedule")."""
    out: set[str] = set()
    for m in doc.scan.finditer_page(_NAME_RUN):
        out.update(w for w in m[1].split() if w[:1].isupper())
    for m in doc.scan.finditer_page(_NAME_JOINED):
        out.add(m[1])
    return out


@lru_cache(maxsize=1)
def _known_name_words() -> frozenset[str]:
    """Capitalised words of the project's known names (data/proper-names.txt)."""
    return frozenset(w for n in default_names() for w in n.split() if w[:1].isupper())


__all__ = ["CaseMixKind"]
