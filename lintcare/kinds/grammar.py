"""``grammar``: word-order slips read off lemminflect's tables (language/inflection.py).

No tagger is loaded, so each shape asks the tables what a word can be and fires only
where every reading of the word is wrong in that frame:

- ``modal-inflected``: a modal before an inflected verb ("it can helps", "you may needed").
- ``perfect-base``: has/have/had before a verb's base or simple past where the participle
  differs ("has become" is right; "has provide", "have went" are not).
- ``to-past``: "to" before a simple past ("to took"), or before an -ed verb that takes an
  object ("to helped them"); "access to trained staff" is an adjective and stays.
- ``more-comparative``: "more"/"most" before an inflected comparative or superlative that
  ends its phrase ("more easier than", "the most safest."); "more older adults" stays.
- ``couple-plural``: "a couple" before a plural noun ("a couple weeks": a couple of weeks).
- ``article-mass``: "a"/"an" before a noun of the rule's ``nouns`` list (uncountable) that
  ends its phrase ("an advice on", "a research."); "a research nurse" is a compound.
- ``bare-subject``: if/while/when... before a singular count noun as the subject of a verb
  ("while patient rests": the article is missing).
- ``noun-for-adjective``: a noun whose own adjective the tables know (neurology/neurologic,
  emotion/emotional) before a head noun of the rule's ``nouns`` ("emotion distress").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from ..document import Document
from ..language.inflection import (
    CLOSED,
    comparative_of,
    is_mass_like,
    is_plural_noun,
    only_verb,
    plural_of,
    verb_form,
    verb_forms,
)
from ..language.lemmas import all_lemmas
from .base import Hit, Kind, match_case

_SHAPES = ("modal-inflected", "perfect-base", "to-past", "more-comparative", "couple-plural",
           "article-mass", "bare-subject", "noun-for-adjective")
_NEEDS_NOUNS = ("article-mass", "noun-for-adjective")
# One optional adverb may stand between the frame's word and the verb.
_ADV = r"(?:(?:not|also|only|still|often|usually|always|never|now|even|just|already|since|then|[a-z]+ly)\s+)?"
_MODALS = r"can|could|may|might|will|would|should|must|shall|cannot"
_MODAL = re.compile(rf"(?<![\w'’-])(?:{_MODALS})\s+{_ADV}(?P<w>[a-z]+)\b(?![-'’])")
_HAVE = re.compile(rf"(?<![\w'’-])(?:has|have|had|having)\s+{_ADV}(?P<w>[a-z]+)\b(?![-'’])")
_TO = re.compile(r"(?<![\w'’-])to\s+(?P<w>[a-z]+)\b(?![-'’])(?P<next>\s+[a-z]+)?")
_MORE = re.compile(r"\b(?:more|most)\s+(?P<w>[a-z]+)\b(?![-'’])", re.IGNORECASE)
_COUPLE = re.compile(r"\ba\s+couple\s+(?P<w>[a-z]+)\b(?![-'’])", re.IGNORECASE)
_ARTICLE = re.compile(r"\b(?P<a>an?)\s+(?P<w>[a-z]+)\b(?![-'’])", re.IGNORECASE)
_SUBORD = re.compile(r"\b(?:if|while|whilst|when|once|unless|until|because|before|after)\s+"
                     r"(?P<w>[a-z]+)\s+(?P<v>[a-z]+)\b(?![-'’])", re.IGNORECASE)
_NEXT = re.compile(r"[ \t]*(?:(?P<w>[A-Za-z]+)|(?P<p>[^\sA-Za-z])|$)")
# An object after the verb: "to helped them", "to used the".
_OBJECTS = frozenset({"the", "a", "an", "this", "these", "those", "your", "their", "our", "my", "his",
                      "her", "its", "them", "you", "us", "him", "me", "it"})
# Before these a modal or "will"/"can" is a noun or the clause is inverted ("the can",
# "only then will patients"), so the next word need not be a verb.
_NOT_MODAL = frozenset({"a", "an", "the", "this", "that", "its", "his", "her", "their", "your", "our",
                        "my", "what", "how", "when", "where", "why", "who", "which", "whether"})
# After these the clause may be inverted ("only then will patients notice"): a word that
# may also be a noun is the subject, not a verb.
_INVERSION = frozenset({"only", "then", "nor", "neither", "so", "rarely", "seldom", "never", "not"})
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


def _ends_phrase(text: str, pos: int) -> bool:
    """A stop, comma or closed-class word follows: the word before ends its phrase."""
    m = _NEXT.match(text, pos)
    if m is None:
        return False
    if m["w"] is None:
        return m["p"] is None or m["p"] in ".,;:!?)]"
    return m["w"].lower() in CLOSED


def _previous_word(text: str, pos: int) -> str:
    m = re.search(r"([A-Za-z]+)[ \t]*$", text[max(0, pos - 30):pos])
    return m[1].lower() if m else ""


def _question(text: str, pos: int) -> bool:
    end = _SENTENCE_END.search(text, pos)
    return end is not None and text[end.start()] == "?"


def _inflected(word: str) -> str | None:
    """The base form when ``word`` is a verb's past, participle or -s form and a verb
    is all it can be after a modal; None otherwise."""
    for lemma in all_lemmas(word).get("VERB", ()):
        if lemma == word:
            return None
        past, participle, _, third = verb_forms(lemma)
        if word in (past, participle, third):
            return lemma
    return None


class GrammarKind(Kind):
    """``shape``: one of the shapes above; ``nouns``: the uncountable nouns of article-mass."""

    name = "grammar"
    fields = {"shape": (str,), "nouns": (list,)}
    required = ("shape",)

    def __init__(self, raw: dict[str, Any], ctx: Any) -> None:
        super().__init__(raw, ctx)
        self.shape = raw["shape"]
        if self.shape not in _SHAPES:
            raise ctx.error("shape", f"must be one of {', '.join(_SHAPES)}")
        self.nouns = frozenset(str(n).lower() for n in raw.get("nouns", ()))
        if (self.shape in _NEEDS_NOUNS) != bool(self.nouns):
            raise ctx.error("nouns", f"is required by the {' and '.join(_NEEDS_NOUNS)} shapes only")
        heads = "|".join(sorted(map(re.escape, self.nouns)))
        self._before_head = re.compile(rf"\b(?P<w>[a-z]+)\s+(?:{heads})\b(?![-'’])")

    def anchors(self) -> tuple[str, ...]:
        return {"couple-plural": ("couple",), "more-comparative": ("more", "most"),
                "to-past": ("to",)}.get(self.shape, ())

    def find(self, doc: Document) -> Iterator[Hit]:
        finder: Callable[[str], Iterator[Hit]] = {
            "modal-inflected": self._modal, "perfect-base": self._perfect, "to-past": self._to_past,
            "more-comparative": self._more, "couple-plural": self._couple,
            "article-mass": self._article_mass, "bare-subject": self._bare_subject,
            "noun-for-adjective": self._noun_for_adjective}[self.shape]
        yield from finder(doc.text)

    def _modal(self, text: str) -> Iterator[Hit]:
        for m in _MODAL.finditer(text):
            word = m["w"]
            base = _inflected(word)
            if base is None or word.endswith("ing") or _previous_word(text, m.start()) in _NOT_MODAL:
                continue
            ambiguous = set(all_lemmas(word)) != {"VERB"}
            if ambiguous and (_question(text, m.start()) or _previous_word(text, m.start()) in _INVERSION):
                continue  # "How long will sessions last?": the subject after the modal
            yield _replace(text, m.start("w"), m.end("w"), base)

    def _perfect(self, text: str) -> Iterator[Hit]:
        for m in _HAVE.finditer(text):
            word = m["w"]
            lemmas = only_verb(word)
            if not lemmas or word.endswith("ing"):
                continue
            past, participle, _, _ = verb_forms(lemmas[0])
            if participle and participle != word and word in (lemmas[0], past):
                yield _replace(text, m.start("w"), m.end("w"), participle)

    def _to_past(self, text: str) -> Iterator[Hit]:
        for m in _TO.finditer(text):
            word = m["w"]
            lemmas = only_verb(word)
            if not lemmas or lemmas[0] == word:
                continue
            past, participle, _, _ = verb_forms(lemmas[0])
            if word != past:
                continue
            after = (m["next"] or "").strip().lower()
            if past != participle or after in _OBJECTS:
                yield _replace(text, m.start("w"), m.end("w"), lemmas[0])

    def _more(self, text: str) -> Iterator[Hit]:
        for m in _MORE.finditer(text):
            word = m["w"].lower()
            if comparative_of(word) is None or not _ends_phrase(text, m.end("w")):
                continue
            if any(word in lemmas for lemmas in all_lemmas(word).values()):
                continue  # "later", "further": a word of its own, not only an inflection
            repl = match_case(m[0], m["w"])
            yield Hit(m.start(), m.end(), repl, (repl,))

    def _couple(self, text: str) -> Iterator[Hit]:
        for m in _COUPLE.finditer(text):
            word = m["w"].lower()
            if word == "of" or not is_plural_noun(word) or verb_form(word):
                continue  # "a couple uses": the couple is the subject
            repl = text[m.start():m.start("w")].rstrip() + " of " + m["w"]
            yield Hit(m.start(), m.end(), repl, (repl,))

    def _article_mass(self, text: str) -> Iterator[Hit]:
        for m in _ARTICLE.finditer(text):
            if m["w"].lower() in self.nouns and _ends_phrase(text, m.end("w")):
                repl = match_case(m[0], m["w"])
                yield Hit(m.start(), m.end(), repl, (repl,))

    def _bare_subject(self, text: str) -> Iterator[Hit]:
        for m in _SUBORD.finditer(text):
            noun, verb = m["w"], m["v"].lower()
            if noun in CLOSED or is_mass_like(noun) or plural_of(noun) is None:
                continue
            if set(all_lemmas(noun)) - {"NOUN", "ADJ"}:
                continue  # "when time allows", "if need be": also a verb, often bare
            if verb not in ("is", "was", "has", "does") and _inflected(verb) is None:
                continue
            if verb not in ("is", "was", "has", "does") and not verb.endswith("s"):
                continue
            repl = "the " + noun
            yield Hit(m.start("w"), m.end("w"), repl, (repl,))

    def _noun_for_adjective(self, text: str) -> Iterator[Hit]:
        for m in self._before_head.finditer(text):
            adjective = _adjective_of(m["w"])
            if adjective is not None:
                yield _replace(text, m.start("w"), m.end("w"), adjective)


def _adjective_of(noun: str) -> str | None:
    """The adjective the tables know for a noun that is never an adjective itself:
    emotion -> emotional, psychiatry -> psychiatric; None otherwise."""
    if noun in CLOSED:
        return None
    readings = all_lemmas(noun)
    if "NOUN" not in readings or "ADJ" in readings:
        return None
    stems = [noun + "al"] + ([noun[:-1] + "ic", noun[:-1] + "ical"] if noun.endswith("y") else [])
    for stem in stems:
        if all_lemmas(stem).get("ADJ", ())[:1] == (stem,):
            return stem
    return None


def _replace(text: str, start: int, end: int, word: str) -> Hit:
    repl = match_case(text[start:end], word)
    return Hit(start, end, repl, (repl,))
