"""``spelling``: words missing from the dictionary and the domain lexicon.

What is not a word to check is skipped: URLs, e-mail addresses, handles, file names
and code (a word touching ``/ @ # _ :`` or a dot followed by a letter), numbers and
words with digits (``PHQ-9``, ``5mg``), short units after a number (``20 mg``),
ALL-CAPS acronyms, mixed-case product names (``NeuroStar``), non-ASCII words, and the
project vocabulary's accept list. Its reject list is always flagged. British, Canadian
and Australian spellings ("behaviour", "centres") are not misspellings: a page that mixes
them with US ones is the ``variety`` kind's business. Nor are pronunciation guides
("(es-KET-a-meen)").

Capitalised words are mostly names on real clinic pages (docs/spelling.md: all 25
capitalised unknown words on our test pages are people, places and clinics), so one that is
not at the start of a sentence is skipped unless its nearest correction is a domain
term (``Spravto``) or a day, a month or a very common word (``Goverment``:
``language/near_common.py``). At the start of a sentence it is checked, unless the page shows
it is a name: it also appears capitalised mid-sentence, or the next word is
capitalised too (``Priya Raghunathan``).

Each distinct word is judged once per document and each verdict is cached per process.
So is each whitespace-separated token whose words are all fine: a page's words are
looked for only in the tokens it does not share with the pages before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..document import Document
from ..language.name_signs import PLACE_NEXT, strong_names
from ..language.near_common import near_common_word, near_word_in_title
from ..language.speller import default_speller
from ..language.varieties import us_spelling
from ..language.vocabulary import Vocabulary
from ..language.wordshape import (
    adverb_of_word,
    after_number,
    blank_addresses,
    closed_compound,
    combining_form,
    foreign_lines,
    pronunciation_guides,
)
from .base import Hit, Kind, match_case

# A word: ASCII letters with inner apostrophes (don't, esketamine's). Hyphens split
# compounds into parts. The look-arounds drop words inside URLs, addresses, handles,
# file names, code and numbers.
_LETTERS_RE = r"[A-Za-z]+(?:['’][A-Za-z]+)*"
_LETTERS = re.compile(_LETTERS_RE)
_NOT_BEFORE = r"[\w'’/\\@#&+`<>=!{}$%~^]"
_BEFORE = rf"(?<!{_NOT_BEFORE})(?<!\d-)(?<!\.)"
_AFTER = r"(?![\w/\\@#&+`<>=!{}$%~^]|['’][A-Za-z]|['’-]\d|\.[A-Za-z0-9]|:/)"
_CODE = re.compile(r"`[^`\n]*`")
# A word where one starts: the maximal letter run, if it is a word to check.
_WORD_AT = re.compile(f"{_BEFORE}{_LETTERS_RE}{_AFTER}")
# Past this many places where a page's flagged words occur (inside others too: "org"
# in "organ"), the places are found by a scan in C.
_FEW_OCCURRENCES = 64
_CLITICS = ("s", "re", "ll", "ve", "d", "m", "t")
# Abbreviations after which a capital does not start a sentence.
_ABBREV = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "st", "jr", "sr", "vs", "no", "approx",
                     "dept", "ave", "blvd", "rd", "mt", "ft", "co", "inc", "ltd"})
_UNIT_MAX = 4
# The memo of fine tokens restarts past this size (its tokens are mostly words, with
# punctuation, numbers and the like: some tens of megabytes at most).
_FINE_TOKENS_MAX = 400_000
# Prefixes written before a hyphen ("pre-procedure", "Multi-Disciplinary"): a part of the
# compound, not a word of its own.
_PREFIXES = frozenset({"pre", "multi", "intra", "neuro", "inter", "peri", "semi", "mid"})
# A name goes on with a capitalised word, after a comma too ("Springfield, Ohio").
_CAPITALISED_NEXT = re.compile(r",?\s+[A-Z][a-z]")
# A personal title: the capitalised word after it is a first name ("Professor Mal Hopwood").
_AFTER_TITLE = re.compile(r"\b(?:Professor|Prof|Dr|Mr|Mrs|Ms|Mx|Sir|Dame)\.?[ \t]+$")


@dataclass(frozen=True, slots=True)
class _Verdict:
    length: int  # characters to flag from the word's start (the stem, without a clitic)
    suggestions: tuple[str, ...]
    capitalised: bool
    rejected: bool = False


class SpellingKind(Kind):
    """``accept``/``reject`` add words to the project vocabulary for this rule;
    ``min_length`` (default 3) is the shortest word checked."""

    name = "spelling"
    fallback = True
    fields = {"accept": (list,), "reject": (list,), "min_length": (int,)}

    def __init__(self, raw: dict[str, Any], ctx: Any) -> None:
        super().__init__(raw, ctx)
        for fld in ("accept", "reject"):
            if not all(isinstance(w, str) and w.strip() for w in raw.get(fld, [])):
                raise ctx.error(fld, "must be a list of words")
        self.vocabulary = Vocabulary.of(raw.get("accept", []), raw.get("reject", []))
        self.min_length = int(raw.get("min_length", 3))
        if self.min_length < 1:
            raise ctx.error("min_length", "must be at least 1")
        self._verdicts: dict[str, _Verdict | None] = {}
        self._fine: set[str] = set()  # forms known to be correct, whatever the vocabulary
        self._fine_tokens: set[str] = set()  # tokens (str.split) with only such forms

    # -- judging distinct words ----------------------------------------------------
    def _judge(self, word: str) -> _Verdict | None:
        """Verdict on a word form regardless of where it stands; None means it is fine."""
        if word in self._verdicts:
            return self._verdicts[word]
        verdict = self._judge_uncached(word)
        self._verdicts[word] = verdict
        return verdict

    def _judge_uncached(self, word: str) -> _Verdict | None:
        letters = word.replace("’", "'")
        low = letters.lower()
        if len(low) < self.min_length:
            return None
        if len(word) > 1 and word.isupper():
            return None  # an acronym: REMS, TMS, FDA
        if any(c.isupper() for c in word[1:]):
            return None  # a product or brand name in mixed case: NeuroStar, MyChart
        speller = default_speller()
        if speller.known(low) or us_spelling(low, speller.known) is not None:
            return None  # a word, or its British spelling ("behaviour")
        if closed_compound(low, speller.known) or adverb_of_word(low, speller.known):
            return None
        stem = low
        if "'" in low:
            base, clitic = low.rsplit("'", 1)
            if clitic in _CLITICS:
                if speller.known(base) or (clitic == "t" and base.endswith("n") and speller.known(base[:-1])):
                    return None
                stem = base
        return _Verdict(len(stem), speller.suggest(stem), word[0].isupper())

    # -- finding occurrences ---------------------------------------------------------
    def find(self, doc: Document) -> Iterator[Hit]:
        vocab = self.vocabulary | doc.vocabulary
        if vocab.reject:  # a rejected word may be one the dictionary knows: all are needed
            flagged = self._flagged(set(_LETTERS.findall(doc.text)), vocab)
        else:
            flagged = self._flagged_new(doc.text, vocab)
        if flagged:
            yield from self._hits(doc, flagged)
        compounds = [w for w in vocab.reject if "-" in w]
        if compounds:  # "cure-all": its parts are words, so the entry is matched whole
            yield from _rejected_compounds(doc.text, compounds)

    def _flagged_new(self, text: str, vocab: Vocabulary) -> dict[str, _Verdict]:
        """``_flagged`` on the page's letter runs less those only in tokens known to be fine.

        Every distinct letter run is judged (a superset of the words checked: the exact
        word pattern with its look-arounds runs only for the few unknown ones). A run
        never spans white space, so the runs of a page are those of its tokens; splitting
        the page and dropping the known tokens takes half as long as the letter pattern.
        """
        tokens = set(text.split())
        tokens -= self._fine_tokens
        runs = {token: _LETTERS.findall(token) for token in tokens}
        flagged = self._flagged({run for found in runs.values() for run in found}, vocab)
        fine = self._fine
        if len(self._fine_tokens) > _FINE_TOKENS_MAX:
            self._fine_tokens.clear()
        self._fine_tokens.update(token for token, found in runs.items() if fine.issuperset(found))
        return flagged

    def _flagged(self, forms: set[str], vocab: Vocabulary) -> dict[str, _Verdict]:
        flagged: dict[str, _Verdict] = {}
        for word in forms - self._fine:
            verdict = self._decide(word, vocab)
            if verdict is not None:
                flagged[word] = verdict
        if vocab.reject:  # a rejected word may be one the dictionary knows
            for word in forms & self._fine:
                if _norm(word) in vocab.reject:
                    flagged[word] = _Verdict(len(word), (), word[0].isupper(), rejected=True)
        return flagged

    def _decide(self, word: str, vocab: Vocabulary) -> _Verdict | None:
        low = _norm(word)
        if vocab.reject and low in vocab.reject:
            return _Verdict(len(word), (), word[0].isupper(), rejected=True)
        verdict = self._judge(word)
        if verdict is None:
            self._fine.add(word)
            return None
        if vocab.accept and (low in vocab.accept or low[:verdict.length] in vocab.accept):
            return None
        return verdict

    def _hits(self, doc: Document, flagged: dict[str, _Verdict]) -> Iterator[Hit]:
        text, found = _in_prose(doc.text, _occurrences(frozenset(flagged)))
        if found and "-" in text:
            guides = pronunciation_guides(text)
            found = [m for m in found if not any(s <= m.start() < e for s, e in guides)]
        if not found:
            return  # most often a part of an address ("org")
        speller = default_speller()
        near_domain = {w for w, v in flagged.items() if v.suggestions and (
            speller.is_domain(v.suggestions[0])
            or (v.capitalised and near_common_word(w, v.suggestions, speller)))}
        capitalised = [w for w, v in flagged.items() if v.capitalised and not v.rejected]
        strong = strong_names(text, [w for w in capitalised if w in near_domain])
        near_domain -= strong
        names = _names(doc, text, [w for w in capitalised if w not in near_domain]) | strong
        foreign = foreign_lines(text)
        title_slips = _title_slips(doc, found, flagged, near_domain)
        for m in found:
            word, start = m[0], m.start()
            verdict = flagged[word]
            if not verdict.rejected:
                if verdict.length <= _UNIT_MAX and after_number(text, start):
                    continue  # a unit or count word: "20 mcg", "3 hrs"
                if verdict.capitalised and word not in near_domain and (
                        word in names or not _sentence_start(doc, text, start)) and (
                        word not in title_slips or not doc.title_like(start)):
                    continue  # a name, not a near miss of a domain term
                if verdict.capitalised and _AFTER_TITLE.search(text, max(0, start - 12), start):
                    continue  # a first name after a title, even one close to a domain term
                if foreign and any(s <= start < e for s, e in foreign):
                    continue  # a short line in another language
            end = start + verdict.length
            if text[end:end + 1] in "-‐‑" and end < len(text) and (
                    word.lower() in _PREFIXES or combining_form(word.lower(), speller.known)):
                continue  # "pre-procedure", "cortico-striatal"
            sugg = tuple(match_case(text[start:end], s) for s in verdict.suggestions)
            yield Hit(start, end, sugg[0] if sugg else None, sugg)


def _title_slips(doc: Document, found: list[re.Match[str]], flagged: dict[str, _Verdict],
                 near_domain: set[str]) -> set[str]:
    """Capitalised words near a listed word that stand only in titles ("Your Frist Visit"),
    unless a street or institution word follows them ("Lakeside Private Hospital")."""
    speller = default_speller()
    slips = {w for w, v in flagged.items() if v.capitalised and not v.rejected and w not in near_domain
             and near_word_in_title(w, v.suggestions, speller)}
    if slips:
        slips -= {m[0] for m in found if m[0] in slips and (
            not doc.title_like(m.start()) or PLACE_NEXT.match(doc.text, m.end()))}
    return slips


def _rejected_compounds(text: str, entries: list[str]) -> Iterator[Hit]:
    """Each rejected hyphenated entry where it stands whole (any hyphen character, any
    case), outside code and addresses; never part of a longer compound."""
    text = blank_addresses(_CODE.sub(_blank, text)) if "`" in text else blank_addresses(text)
    longest_first = sorted(entries, key=len, reverse=True)
    parts = "|".join(r"[-‐‑]".join(map(re.escape, e.split("-"))) for e in longest_first)
    for m in re.finditer(rf"(?<![\w'’\-‐‑])(?:{parts})(?![\w\-‐‑]|['’][A-Za-z])", text, re.IGNORECASE):
        yield Hit(m.start(), m.end(), None, ())


def _norm(word: str) -> str:
    return word.replace("’", "'").lower()


def _in_prose(text: str, occurrences: _Occurrences) -> tuple[str, list[re.Match[str]]]:
    """The text with inline code and addresses blanked (they are not prose; blanking keeps
    the offsets), and the occurrences of the words in it.

    Without inline code the words are looked for first, and the text is blanked only if
    one is found, to drop those in an address. That is exact: an address is blanked with
    the whole run of non-space characters around it, and the word pattern looks no
    further than the space on either side of its own run, so outside an address it
    matches the same before as after. Next to a code span it need not (a backtick).
    """
    if "`" in text:
        text = blank_addresses(_CODE.sub(_blank, text))
        return text, list(occurrences.finditer(text))
    found = list(occurrences.finditer(text))
    if found:
        text = blank_addresses(text)
        found = [m for m in found if text[m.start()] != " "]
    return text, found


def _names(doc: Document, text: str, words: list[str]) -> set[str]:
    """Capitalised unknown words the page itself shows to be names: a possessive, or one
    occurrence stands mid-sentence or is followed by another capitalised word ("Priya
    Raghunathan")."""
    names: set[str] = set()
    for word in words:
        if word.endswith(("'s", "’s")):
            names.add(word)  # a possessive: people and organisations own things
            continue
        for start in _standing_alone(text, word):
            if not _sentence_start(doc, text, start) or _CAPITALISED_NEXT.match(text, start + len(word)):
                names.add(word)
                break
    return names


def _standing_alone(text: str, word: str) -> Iterator[int]:
    r"""Where ``(?<![\w'’])word\b`` matches a word of letters (and inner apostrophes), found
    by ``str.find``: re tried that look-behind at every character of the page. Matches
    cannot overlap: the character before one is no letter or apostrophe."""
    at, n = text.find(word), len(word)
    while at >= 0:
        before, after = text[at - 1:at] if at else " ", text[at + n:at + n + 1] or " "
        if not (before.isalnum() or before in "_'’" or after.isalnum() or after == "_"):
            yield at  # str.isalnum and "_" are re's \w
        at = text.find(word, at + 1)


class _Occurrences:
    """The word pattern restricted to some words: finds exactly their occurrences.

    The pattern is tried only where one of the words starts, and it matches there only
    the whole run of letters (its look-ahead forbids a letter after it), so one pattern
    for every word serves, the match being kept if it is one of them. Where the words
    start is found by ``str.find`` while they occur a few times (the usual case: on a
    bench page a regular expression scan takes three times as long), else by a scan in C.
    """

    __slots__ = ("_scan", "_words")

    def __init__(self, words: frozenset[str]) -> None:
        self._words = words
        self._scan: re.Pattern[str] | None = None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        starts = self._few_starts(text)
        if starts is None:
            yield from self._scanned(text)
            return
        end = 0
        for start in starts:
            if start >= end and (m := self._at(text, start)) is not None:
                yield m
                end = m.end()  # never before start: a word has letters

    def _at(self, text: str, start: int) -> re.Match[str] | None:
        m = _WORD_AT.match(text, start)
        return m if m is not None and m[0] in self._words else None

    def _few_starts(self, text: str) -> list[int] | None:
        """Where the words occur, in order, or None past ``_FEW_OCCURRENCES``."""
        starts: set[int] = set()
        for word in self._words:
            at = text.find(word)
            while at >= 0:
                if len(starts) == _FEW_OCCURRENCES:
                    return None
                starts.add(at)
                at = text.find(word, at + 1)
        return sorted(starts)

    def _scanned(self, text: str) -> Iterator[re.Match[str]]:
        if self._scan is None:
            # Each word's first look-behind, checked after its first letter: the scan still
            # skips ahead to first letters, and gives up at once inside a word (comparing a
            # long word at every letter of a long run took quadratic time).
            ordered = sorted(self._words, key=len, reverse=True)
            self._scan = re.compile("|".join(
                f"{re.escape(w[0])}(?<!{_NOT_BEFORE}{re.escape(w[0])}){re.escape(w[1:])}" for w in ordered))
        search, pos = self._scan.search, 0
        while (cand := search(text, pos)) is not None:
            m = self._at(text, cand.start())
            if m is None:
                pos = cand.start() + 1
                continue
            yield m
            pos = m.end()


@lru_cache(maxsize=256)
def _occurrences(words: frozenset[str]) -> _Occurrences:
    return _Occurrences(words)


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())



def _sentence_start(doc: Document, text: str, start: int) -> bool:
    """The word opens a block, a sentence, a bracket or quotation, or follows a colon."""
    i = start - 1
    while i >= 0 and text[i] in "\"'“‘([ \t\u00a0":
        i -= 1
    block = doc.block_at(start)
    if i < 0 or (block is not None and i < block.start) or text[i] in ":•":
        return True
    if text[i] not in ".!?":
        return False
    if text[i] == ".":
        j = i
        while j > 0 and text[j - 1].isalpha():
            j -= 1
        if text[j:i].lower() in _ABBREV or i - j == 1:
            return False  # "Dr. Obi", "J. Smith"
    return True
