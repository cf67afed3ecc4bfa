"""``names``: known proper names written with the wrong capitals or one word off.

A name the project knows (``data/proper-names.txt``, plus the rule's own ``names``) has one
right form, so a deviation is a slip, not a style choice: "the royal college of
psychiatrists", "the Spravato rems", "RCPSych" (``check: case``), and, for names of three
words or more, one word that is a near miss of the name's own word ("Nation Institute for
Health and Care Excellence", ``check: near-miss``). Being data-driven it stays precise:
only these names are read, and a form another entry spells that way is right.

Allowed case variants: all capitals (a heading, emphasis), a title that capitalises a
word the name writes in lower case ("Products"), and any case for the small words
(of, for, and).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ..document import Document
from ..language.names import FUNCTION_WORDS, default_names, near_miss, plain_phrase_names
from ..scan import Pattern, compile
from .base import Hit, Kind

_BEFORE = r"(?<![\w.@/#&-])"
_AFTER = r"(?![\w@/&-]|\.[A-Za-z])"
_CHECKS = ("case", "near-miss")
_SPACE = r"\s+"


def _word_ok(found: str, canon: str) -> bool:
    """A written word is an acceptable form of the name's word (same letters)."""
    if found == canon or canon.lower() in FUNCTION_WORDS:
        return True
    if len(found) > 1 and found.isupper():
        return True  # all capitals: a heading or emphasis
    return canon.islower() and found == canon.capitalize()


def _case_ok(found: list[str], names: list[list[str]]) -> bool:
    return any(all(map(_word_ok, found, canon)) for canon in names)


def _plain_ok(found: list[str], names: list[list[str]], plain: frozenset[str]) -> bool:
    """A name whose words are also an ordinary phrase may write those words in lower case
    ("an NHS talking therapies service"): only a wholly lower-case word is let off."""
    return any(" ".join(canon) in plain
               and all(f in (c, c.lower()) for f, c in zip(found, canon, strict=True))
               for canon in names)


class NamesKind(Kind):
    """``check`` (case or near-miss) says what is flagged; ``names`` adds names to the data file's."""

    name = "names"
    fields = {"check": (str,), "names": (list,)}
    required = ("check",)

    def __init__(self, raw: dict[str, Any], ctx: Any) -> None:
        super().__init__(raw, ctx)
        self.check = raw["check"]
        if self.check not in _CHECKS:
            raise ctx.error("check", f"must be one of {', '.join(_CHECKS)}")
        extra = raw.get("names", [])
        if not all(isinstance(n, str) and n.strip() for n in extra):
            raise ctx.error("names", "must be a list of names")
        names = list(dict.fromkeys([*default_names(), *(n.strip() for n in extra)]))
        self.plain = plain_phrase_names()
        self.by_lower: dict[tuple[str, ...], list[list[str]]] = {}
        for n in names:
            words = n.split()
            self.by_lower.setdefault(tuple(w.lower() for w in words), []).append(words)
        longest_first = sorted(names, key=len, reverse=True)
        body = "|".join(_SPACE.join(map(re.escape, n.split())) for n in longest_first)
        self.regex = compile(f"{_BEFORE}(?:{body}){_AFTER}", ignore_case=True)
        # Near misses: names of three words or more, each with its content words.
        self.long_names = [(words, [w.lower() for w in words if w.lower() not in FUNCTION_WORDS])
                           for words in (n.split() for n in names) if len(words) >= 3]

    def anchors(self) -> tuple[str, ...]:
        if self.check == "near-miss":
            return ()
        return tuple(sorted({n[0].lower() for n in self.by_lower}))

    def declared_patterns(self) -> list[Pattern]:
        return [self.regex] if self.check == "case" else []

    def find(self, doc: Document) -> Iterator[Hit]:
        if self.check == "case":
            yield from self._case(doc)
        else:
            yield from self._near_misses(doc)

    def _case(self, doc: Document) -> Iterator[Hit]:
        for start, end in doc.scan.spans(self.regex):
            found = doc.text[start:end].split()
            names = self.by_lower[tuple(w.lower() for w in found)]
            if not _case_ok(found, names) and not _plain_ok(found, names, self.plain):
                yield Hit(start, end, " ".join(names[0]), (" ".join(names[0]),))

    def _near_misses(self, doc: Document) -> Iterator[Hit]:
        lower = doc.text.lower()
        for words, content in self.long_names:
            # All but one of the content words must be on the page for a near miss.
            if sum(w in lower for w in content) < len(content) - 1 or len(content) < 2:
                continue
            if words[0].lower() not in lower and words[1].lower() not in lower:
                continue  # the first or the second word is the name's own (one word is off)
            yield from self._near_misses_of(doc, words)

    def _near_misses_of(self, doc: Document, words: list[str]) -> Iterator[Hit]:
        # A match starts at the name's first word or one word before its second.
        own = (words[0].lower(), words[1].lower())
        for m in doc.scan.zero_width_matches(_near_miss_regex(tuple(words)), own, words_before=1):
            found = m[1].split()
            if tuple(w.lower() for w in found) in self.by_lower:
                continue  # another name, spelt right
            off = [(f, c) for f, c in zip(found, words, strict=True) if f.lower() != c.lower()]
            if len(off) == 1 and near_miss(off[0][0].lower(), off[0][1].lower()):
                name = " ".join(words)
                yield Hit(m.start(1), m.end(1), name, (name,))


@lru_cache(maxsize=256)
def _near_miss_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    """Every place where the name's words stand with any letters in its content slots.

    Only one word may be off, so the first or the second word is the name's own: the two
    alternatives say so, which lets the regex give up at most word starts at once instead of
    reading on through four or five words of every sentence (the same places are found).
    """
    own = [re.escape(w) for w in words]
    loose = [o if w.lower() in FUNCTION_WORDS else rf"(?:{o}|[A-Za-z]+)"
             for w, o in zip(words, own, strict=True)]
    first_own = _SPACE.join([own[0], *loose[1:]])
    second_own = _SPACE.join([loose[0], own[1], *loose[2:]])
    return re.compile(f"(?=({_BEFORE}(?:{first_own}|{second_own}){_AFTER}))", re.IGNORECASE)
