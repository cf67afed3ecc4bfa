"""``compound``: an open compound modifier standing before the noun it modifies.

"an evidence based program", "a well designed study", "up to date advice": before a noun
such a compound takes hyphens (Chicago 7.89, AP "compound modifiers"); after a verb or
without a noun ("the program is evidence based", "in the long term") it stays open.

A rule gives the compound's parts as data:

- ``first``: ``noun`` (a singular noun, an acronym or a capitalised name, read off
  lemminflect's tables in language/inflection.py) or a list of words ("well", "ill");
- ``second``: a list of words ("based", "free"), or ``participle`` (any past participle
  the tables know: "designed", "known");
- or ``phrases``: whole open compounds ("up to date", "face to face"), or ``page``: the
  open form of a two-word compound the page itself hyphenates elsewhere.

The kind adds the one test every shape needs, the *head-noun test*: the word after the
compound must be able to head a noun phrase (a noun or adjective reading, an acronym, an
-ing word before one, or "and/or" with an adjective before one). A second part that is
also a verb form ("approved", "reducing") could be the verb of a clause ("the FDA approved
esketamine"), so with ``first: noun`` it needs one of ``licensed_by`` (a determiner, a
preposition) just before the first part, and the first part must not name an agent
(``agents`` and the agent endings -er, -or, -ist, -ian).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from typing import Any

from ..document import Document
from ..language.inflection import CLOSED, QUANTIFIERS, is_plural_noun, readings, verb_form
from ..language.lemmas import all_lemmas
from .base import Hit, Kind

_WORD = r"[A-Za-z]+(?:['’][A-Za-z]+)?"
_NEXT = re.compile(rf"[ \t]+(?P<w>{_WORD})(?P<h>(?:-[A-Za-z]+)+)?(?![-/'’]?\w)(?![-/])")
_HYPHENATED = re.compile(r"(?<![\w-])([A-Za-z]{2,})-([A-Za-z]{2,})(?![\w-])")
_ASCII_LETTERS = frozenset(string.ascii_letters)
# Two words as a regex of page pairs reads them: [A-Za-z] ignoring case also matches these
# four letters, each as the ASCII letter it folds to.
_PAIR = re.compile(r"(?<![\w-])(?P<flag>(?P<a>[A-Za-z]+)[ \t]+(?P<b>[A-Za-z]+))(?![\w-])", re.IGNORECASE)
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "K": "k"})
_PARTICLES = frozenset({"up", "in", "out", "on", "off", "down", "over", "back", "away", "by"})
_PHRASE_END = re.compile(r"[.,;:!?)]")
_BEFORE = re.compile(rf"(?P<w>{_WORD})[ \t]+$")
_ACRONYM = re.compile(r"[A-Z]{2,6}|[a-z][A-Z]{2,5}")
_AGENT_ENDINGS = ("er", "or", "ist", "ian")
# Words that can head nothing: time adverbs the tables also know as nouns.
_NOT_HEADS = frozenset({"today", "tomorrow", "tonight", "yesterday", "now", "here", "there",
                        "home", "daily", "weekly", "monthly", "yearly", "overnight", "ago",
                        "alone", "together", "instead", "anyway", "please", "etc"})
_PARTICIPLE_ENDINGS = ("ed", "en", "wn")
# Before a noun that is also a verb, these make it the verb ("to review specific risks").
_VERB_CUES = frozenset({"to", "i", "we", "you", "they", "can", "could", "will", "would", "may",
                        "might", "must", "should", "shall", "please", "also", "not", "who",
                        "and", "or", "helps", "help"})


def _page_pairs(text: str) -> list[str]:
    """The open forms of the two-word compounds the page hyphenates; a verb and its
    particle ("follow-up", "check-in") are left out: open, they are the verb."""
    return sorted({f"{m[1]} {m[2]}".lower() for m in _hyphenated(text)
                   if m[2].lower() not in _PARTICLES and m[1].lower() not in CLOSED})


def _folded(word: str) -> str:
    return word.translate(_FOLD).lower()


def _hyphenated(text: str) -> Iterator[re.Match[str]]:
    """``_HYPHENATED.finditer(text)``, tried only at the letters before each hyphen: a
    match is the whole run of letters before its one hyphen (a letter before it would
    be a word character), so no two runs overlap and none is missed."""
    dash = text.find("-")
    while dash >= 0:
        start = dash
        while start > 0 and text[start - 1] in _ASCII_LETTERS:
            start -= 1
        if dash - start >= 2 and (m := _HYPHENATED.match(text, start)) is not None:
            yield m
        dash = text.find("-", dash + 1)


def _next_word(text: str, pos: int) -> re.Match[str] | None:
    return _NEXT.match(text, pos)


def _word_before(text: str, pos: int) -> re.Match[str] | None:
    """The word just before ``pos`` on the same line (white space between)."""
    return _BEFORE.search(text[max(0, pos - 40):pos])


def _can_head(word: str) -> bool:
    """``word`` may start the noun phrase a compound modifies."""
    low = word.lower()
    if low in CLOSED or low in _NOT_HEADS or low.endswith("ly"):
        return False
    if _ACRONYM.fullmatch(word):
        return True
    r = readings(low)
    if not r:
        return word[0].isupper() or low.isalpha()  # a drug, a brand, a device
    return bool(r & {"NOUN", "ADJ", "PROPN"})


def _head_follows(text: str, pos: int, depth: int = 0) -> bool:
    """A noun phrase starts after ``pos`` (the end of the compound)."""
    m = _next_word(text, pos)
    if m is None:
        return False
    word = m["w"]
    low = word.lower()
    if m["h"]:
        return _can_head(word)  # "up to date evidence-based care": a hyphenated modifier
    if low in ("and", "or") and depth == 0:
        # "well validated and effective protocols": an adjective, then the head.
        adj = _next_word(text, m.end())
        return (adj is not None and "ADJ" in readings(adj["w"].lower())
                and _head_follows(text, adj.end(), 1))
    if low.endswith("ing") and "VERB" in readings(low) and not readings(low) & {"NOUN", "ADJ"}:
        # "recommended talking therapies": a gerund compound, then its noun; or the
        # gerund is the noun itself, ending the phrase ("one on one coaching.").
        if _PHRASE_END.match(text, m.end()):
            return True
        after = _next_word(text, m.end())
        return after is not None and _can_head(after["w"]) and "NOUN" in readings(after["w"].lower())
    return _can_head(word)


def _singular_noun(word: str) -> bool:
    """A singular noun, an acronym, or a capitalised name the tables do not know."""
    low = word.lower()
    if low in QUANTIFIERS or low in CLOSED or low.endswith("ly") or is_plural_noun(low):
        return False
    if low.endswith(_PARTICIPLE_ENDINGS) and low not in all_lemmas(low).get("VERB", (low,)):
        return False  # "you have given specific consent": a verb's participle, not a noun
    return bool(_ACRONYM.fullmatch(word) or "NOUN" in readings(low)
                or (not readings(low) and word[0].isupper()))


def _participle(word: str) -> bool:
    """A past participle the tables know ("designed", "known"), by its ending."""
    return word.endswith(_PARTICIPLE_ENDINGS) and verb_form(word)


class CompoundKind(Kind):
    """See the module: ``first`` + ``second``, or ``phrases``; ``licensed_by`` and
    ``agents`` guard verb-form second parts; ``not_after`` are words the compound may not
    follow ("as well known")."""

    name = "compound"
    fields = {"first": (str, list), "second": (str, list), "phrases": (str, list),
              "licensed_by": (list,), "agents": (list,), "not_after": (list,)}
    # Curated rules (open-compound-modifier) name the same spans with a better message.
    fallback = True

    def __init__(self, raw: dict[str, Any], ctx: Any) -> None:
        super().__init__(raw, ctx)
        phrases = raw.get("phrases", [])
        if isinstance(phrases, str) and phrases != "page":
            raise ctx.error("phrases", "must be 'page' or a list of phrases")
        # "page": the compounds this page itself hyphenates ("cognitive-behavioural").
        self.from_page = phrases == "page"
        self.phrases = [] if self.from_page else [str(p).lower() for p in phrases]
        first, second = raw.get("first"), raw.get("second")
        if self.phrases or self.from_page:
            if first is not None or second is not None:
                raise ctx.error("phrases", "give either phrases or first and second, not both")
        elif first is None or second is None:
            raise ctx.error("first", "a compound needs first and second, or phrases")
        if isinstance(first, str) and first != "noun":
            raise ctx.error("first", "must be 'noun' or a list of words")
        if isinstance(second, str) and second != "participle":
            raise ctx.error("second", "must be 'participle' or a list of words")
        self.first = first if first == "noun" else {str(w).lower() for w in first or ()}
        self.second = second if second == "participle" else {str(w).lower() for w in second or ()}
        self.licensed_by = frozenset(str(w).lower() for w in raw.get("licensed_by", []))
        self.agents = frozenset(str(w).lower() for w in raw.get("agents", []))
        self.not_after = frozenset(str(w).lower() for w in raw.get("not_after", []))
        self._regex = None if self.from_page else self._compile(self.phrases)
        self._anchored = self._places(self.phrases)

    def _compile(self, phrases: list[str]) -> re.Pattern[str]:
        if phrases:
            alts = sorted((r"[ \t]+".join(map(re.escape, p.split())) for p in phrases),
                          key=len, reverse=True)
            return re.compile(rf"(?<![\w-])(?P<flag>{'|'.join(alts)})(?![\w-])", re.IGNORECASE)
        second = (rf"{_WORD}" if self.second == "participle"
                  else "|".join(map(re.escape, sorted(self.second))))  # type: ignore[arg-type]
        first = (_WORD if self.first == "noun"
                 else "|".join(map(re.escape, sorted(self.first))))  # type: ignore[arg-type]
        return re.compile(rf"(?<![\w/-])(?P<flag>(?P<a>{first})[ \t]+(?P<b>{second}))(?![\w-])",
                          re.IGNORECASE)

    def anchors(self) -> tuple[str, ...]:
        if self.from_page:
            return ("-",)
        return tuple(sorted({w for literals, _ in self._anchored for w in literals}))

    def _places(self, phrases: list[str]) -> list[tuple[tuple[str, ...], int]]:
        """Where a match can start (scan/anchored.py): at a literal word, or some words before
        one; none: anywhere. A phrase is found by its longest word, the rarest."""
        if phrases:
            by_index: dict[int, set[str]] = {}
            for words in (p.split() for p in phrases):
                at = max(range(len(words)), key=lambda i: len(words[i]))
                by_index.setdefault(at, set()).add(words[at])
            return [(tuple(sorted(w)), at) for at, w in sorted(by_index.items())]
        if isinstance(self.first, set):
            return [(tuple(sorted({w.split()[0] for w in self.first})), 0)]
        if isinstance(self.second, set):
            return [(tuple(sorted({w.split()[0] for w in self.second})), 1)]
        return []

    def _matches(self, doc: Document) -> Iterator[re.Match[str]]:
        if not self.from_page:
            regex, places = self._regex, self._anchored
        elif pairs := _page_pairs(doc.text):
            # Any two words, kept when they are one of the pairs: the same matches as a
            # regex of the pairs, which would be compiled anew for every page.
            wanted = frozenset(pairs)
            return doc.scan.anchored_matches(_PAIR, [(tuple(sorted({p.split()[0] for p in pairs})), 0)],
                                    lambda m: f"{_folded(m['a'])} {_folded(m['b'])}" in wanted)
        else:
            return iter(())
        if not places:
            return regex.finditer(doc.text)  # type: ignore[union-attr]
        return doc.scan.anchored_matches(regex, places)  # type: ignore[arg-type]

    def find(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        for m in self._matches(doc):
            if not self._fits(text, m) or not _head_follows(text, m.end()):
                continue
            before = _word_before(text, m.start())
            if before is not None and before["w"].lower() in self.not_after:
                continue
            words = m["flag"].split()
            repl = "-".join(words)
            yield Hit(m.start(), m.end(), repl, (repl,))

    def _fits(self, text: str, m: re.Match[str]) -> bool:
        if self.phrases or self.from_page:
            return True
        b = m["b"].lower()
        if self.second == "participle" and not _participle(b):
            return False
        if self.first != "noun":
            return True
        return self._noun_first(text, m, b)

    def _noun_first(self, text: str, m: re.Match[str], second: str) -> bool:
        """The first part is a singular noun, an acronym or a name, and a verb-form
        second part is licensed by the word before it."""
        word = m["a"]
        low = word.lower()
        if word[0].isupper() and m["b"][0].isupper() and not _ACRONYM.fullmatch(word):
            return False  # Title Case: a programme's or a heading's name
        if not _singular_noun(word) or low in self.second:  # type: ignore[operator]
            return False
        r = readings(low)
        before = _word_before(text, m.start())
        prev = before["w"].lower() if before is not None else ""
        if "VERB" in r and prev in _VERB_CUES:
            return False
        if not verb_form(second):
            return True
        if low in self.agents or (len(low) > 5 and low.endswith(_AGENT_ENDINGS)):
            return False
        # After a word that is only a verb ("teach", "recommend") the noun is its object.
        return prev in self.licensed_by or readings(prev) == {"VERB"}
