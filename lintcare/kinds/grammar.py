"""``grammar``: word-order slips read off lemminflect's tables (language/inflection.py).

No tagger is loaded, so each shape asks the tables what a word can be and fires only
where every reading of the word is wrong in that frame:

- ``modal-inflected``: a modal before an inflected verb ("it can helps", "you may needed").
- ``perfect-base``: has/have/had before a verb's base or simple past where the participle
  differs ("has become" is right; "has provide", "have went" are not).
- ``be-base``: a form of "be" before a verb's base form where the participle differs ("is
  provide", "been give"); "all you do is choose" is a pseudo-cleft and stays.
- ``singular-subject``: a/an/each/every and a singular count noun before a plural verb
  ("each session have", "a person who need"); "Does a patient have" is a question.
- ``to-past``: "to" before a simple past ("to took"), or before an -ed verb that takes an
  object ("to helped them"); "access to trained staff" is an adjective and stays.
- ``more-comparative``: "more"/"most" before an inflected comparative or superlative that
  ends its phrase ("more easier than", "the most safest."); "more older adults" stays.
- ``couple-plural``: "a couple" before a plural noun ("a couple weeks": a couple of weeks).
- ``article-mass``: "a"/"an" before a noun of the rule's ``nouns`` list (uncountable) that
  ends its phrase ("an advice on", "a research."); "a research nurse" is a compound.
- ``bare-subject``: if/while/when... before a singular person noun (the rule's ``nouns``,
  or one ending in -ist or -ian) as the subject of a verb ("while patient rests": the
  article is missing).
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
    QUANTIFIERS,
    comparative_of,
    is_plural_noun,
    only_verb,
    plural_of,
    verb_form,
    verb_forms,
)
from ..language.lemmas import all_lemmas
from ..scan import Pattern, compile
from .base import Hit, ShapedKind, match_case

_SHAPES = ("modal-inflected", "perfect-base", "be-base", "singular-subject", "to-past",
           "more-comparative", "couple-plural", "article-mass", "bare-subject", "noun-for-adjective")
_NEEDS_NOUNS = ("article-mass", "noun-for-adjective", "bare-subject")
# One optional adverb may stand between the frame's word and the verb.
_ADV = r"(?:(?:not|also|only|still|often|usually|always|never|now|even|just|already|since|then|[a-z]+ly)\s+)?"
_MODALS = r"can|could|may|might|will|would|should|must|shall|cannot"
_MODAL = compile(rf"(?<![\w'’-])(?:{_MODALS})\s+{_ADV}(?P<w>[a-z]+)\b(?![-'’])", ignore_case=False)
_HAVE = compile(rf"(?<![\w'’-])(?:has|have|had|having)\s+{_ADV}(?P<w>[a-z]+)\b(?![-'’])", ignore_case=False)
_BE = compile(rf"(?<![\w'’-])(?:is|are|was|were|be|been|being)\s+{_ADV}(?P<w>[a-z]+)\b(?![-'’])",
               ignore_case=False)
_SINGULAR = compile(r"\b(?:[Aa]n?|[Ee]ach|[Ee]very)\s+(?P<n>[a-z]+)\s+"
                       r"(?:(?P<v>are|were|have|do)|who\s+(?P<b>[a-z]+))\b(?![-'’])", ignore_case=False)
# Adjective endings: the tables miss some adjectives ("complete" is only a verb there), and
# "is complete", "has complete control" are right.
_ADJECTIVE_ENDINGS = ("ate", "ete", "ute", "ure", "ent", "ant", "tive", "sive", "ous", "ful", "al", "ic",
                      "ble", "less")
# Person nouns by their ending, besides the rule's list: psychiatrist, clinician.
_PERSON_ENDINGS = ("ist", "ian")
_SINGULAR_VERB = {"are": "is", "were": "was", "have": "has", "do": "does"}
# Nouns of a group or an amount take a plural verb in British use ("a number are").
_GROUPS = frozenset({"team", "family", "group", "staff", "couple", "number", "majority", "minority",
                     "lot", "variety", "range", "total", "series", "pair", "handful", "dozen", "third",
                     "quarter", "half", "percentage", "proportion", "crowd", "panel", "committee", "board"})
# Before a/an these make a question ("does a patient have") or a rate ("twice a day are").
_AUXILIARIES = frozenset({"do", "does", "did", "can", "could", "will", "would", "should", "must", "may",
                          "might", "shall", "once", "twice", "thrice"})
_TO = compile(r"(?<![\w'’-])to\s+(?P<w>[a-z]+)\b(?![-'’])(?P<next>\s+[a-z]+)?", ignore_case=False)
_MORE = compile(r"\b(?:more|most)\s+(?P<w>[a-z]+)\b(?![-'’])")
_COUPLE = compile(r"\ba\s+couple\s+(?P<w>[a-z]+)\b(?![-'’])")
_ARTICLE = compile(r"\b(?P<a>an?)\s+(?P<w>[a-z]+)\b(?![-'’])")
_SUBORD = compile(r"\b(?:if|while|whilst|when|once|unless|until|because|before|after)\s+"
                     r"(?P<w>[a-z]+)\s+(?P<v>[a-z]+)\b(?![-'’])")
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
# The page scan each shape asks doc.scan for (noun-for-adjective looks at its head nouns).
_SCANNED = {"modal-inflected": _MODAL, "perfect-base": _HAVE, "be-base": _BE, "singular-subject": _SINGULAR,
            "to-past": _TO, "more-comparative": _MORE, "couple-plural": _COUPLE, "article-mass": _ARTICLE,
            "bare-subject": _SUBORD}


def _ends_phrase(text: str, pos: int) -> bool:
    """A stop, comma or closed-class word follows: the word before ends its phrase."""
    m = _NEXT.match(text, pos)
    if m is None:
        return False
    if m["w"] is None:
        return m["p"] is None or m["p"] in ".,;:!?)]"
    return m["w"].lower() in CLOSED


_LAST_WORD = re.compile(r"([A-Za-z]+)[ \t]*$")


def _previous_word(text: str, pos: int) -> str:
    m = _LAST_WORD.search(text, max(0, pos - 30), pos)
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


class GrammarKind(ShapedKind):
    """``shape``: one of the shapes above; ``nouns``: the uncountable nouns of article-mass."""

    name = "grammar"
    fields = {"shape": (str,), "nouns": (list,)}
    shapes = _SHAPES

    def __init__(self, raw: dict[str, Any], ctx: Any) -> None:
        super().__init__(raw, ctx)
        self.nouns = frozenset(str(n).lower() for n in raw.get("nouns", ()))
        if (self.shape in _NEEDS_NOUNS) != bool(self.nouns):
            raise ctx.error("nouns", f"is required by the {' and '.join(_NEEDS_NOUNS)} shapes only")
        heads = "|".join(sorted(map(re.escape, self.nouns)))
        self._before_head = re.compile(rf"\b(?P<w>[a-z]+)\s+(?:{heads})\b(?![-'’])")
        # A match starts one word before its head noun: only there is it tried.
        self._heads = tuple(sorted({n.split()[0] for n in self.nouns if n.strip()}))

    def anchors(self) -> tuple[str, ...]:
        if self.shape == "noun-for-adjective":
            return self._heads
        return {"couple-plural": ("couple",), "more-comparative": ("more", "most"),
                "to-past": ("to",)}.get(self.shape, ())

    def declared_patterns(self) -> list[Pattern]:
        found = _SCANNED.get(self.shape)
        return [found] if found is not None else []

    def find(self, doc: Document) -> Iterator[Hit]:
        finder: Callable[[Document], Iterator[Hit]] = {
            "modal-inflected": self._modal, "perfect-base": self._perfect, "be-base": self._be_base,
            "singular-subject": self._singular_subject, "to-past": self._to_past,
            "more-comparative": self._more, "couple-plural": self._couple,
            "article-mass": self._article_mass, "bare-subject": self._bare_subject,
            "noun-for-adjective": self._noun_for_adjective}[self.shape]
        yield from finder(doc)

    def _modal(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        for m in doc.scan.finditer_page(_MODAL):
            word = m["w"]
            base = _inflected(word)
            if base is None or word.endswith("ing"):
                continue
            before = _previous_word(text, m.start())
            if before in _NOT_MODAL:
                continue
            ambiguous = set(all_lemmas(word)) != {"VERB"}
            if ambiguous and (_question(text, m.start()) or before in _INVERSION):
                continue  # "How long will sessions last?": the subject after the modal
            yield _replace(text, m.start("w"), m.end("w"), base)

    def _perfect(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        for m in doc.scan.finditer_page(_HAVE):
            word = m["w"]
            lemmas = only_verb(word)
            if not lemmas or word == "except" or word.endswith("ing"):
                continue  # "except" is a preposition the tables know only as a verb
            if word == lemmas[0] and word.endswith(_ADJECTIVE_ENDINGS):
                continue
            past, participle, _, _ = verb_forms(lemmas[0])
            if not participle or participle == word or word not in (lemmas[0], past):
                continue
            if word == past != lemmas[0] or _takes_no_noun(text, m.end("w")):
                yield _replace(text, m.start("w"), m.end("w"), participle)

    def _be_base(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        for m in doc.scan.finditer_page(_BE):
            word = m["w"]
            lemmas = only_verb(word)
            if not lemmas or lemmas[0] != word or word.endswith(_ADJECTIVE_ENDINGS):
                continue
            if _previous_word(text, m.start()) in ("do", "does", "did"):
                continue  # "all you need to do is choose a time"
            participle = verb_forms(word)[1]
            if participle and participle != word and _takes_no_noun(text, m.end("w")):
                yield _replace(text, m.start("w"), m.end("w"), participle)

    def _singular_subject(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        for m in doc.scan.finditer_page(_SINGULAR):
            noun = m["n"]
            if noun in CLOSED or noun in _GROUPS or plural_of(noun) is None:
                continue
            if set(all_lemmas(noun)) - {"NOUN", "ADJ"}:
                continue
            before = _previous_word(text, m.start())
            if before in CLOSED or before in _AUXILIARIES or is_plural_noun(before):
                continue  # "does a patient have", "in a week are", "and a nurse are", "doses a day"
            if m["v"] is not None:
                yield _replace(text, m.start("v"), m.end("v"), _SINGULAR_VERB[m["v"]])
                continue
            verb = m["b"]
            lemmas = only_verb(verb)
            third = verb_forms(verb)[3] if lemmas and lemmas[0] == verb else ""
            if third and third != verb and verb not in CLOSED:
                yield _replace(text, m.start("b"), m.end("b"), third)

    def _to_past(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        for m in doc.scan.finditer_page(_TO):
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

    def _more(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        for m in doc.scan.finditer_page(_MORE):
            word = m["w"].lower()
            if comparative_of(word) is None or not _ends_phrase(text, m.end("w")):
                continue
            if any(word in lemmas for lemmas in all_lemmas(word).values()):
                continue  # "later", "further": a word of its own, not only an inflection
            repl = match_case(m[0], m["w"])
            yield Hit(m.start(), m.end(), repl, (repl,))

    def _couple(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        for m in doc.scan.finditer_page(_COUPLE):
            word = m["w"].lower()
            if word == "of" or not is_plural_noun(word) or verb_form(word):
                continue  # "a couple uses": the couple is the subject
            repl = text[m.start():m.start("w")].rstrip() + " of " + m["w"]
            yield Hit(m.start(), m.end(), repl, (repl,))

    def _article_mass(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        for m in doc.scan.finditer_page(_ARTICLE):
            if m["w"].lower() in self.nouns and _ends_phrase(text, m.end("w")):
                repl = match_case(m[0], m["w"])
                yield Hit(m.start(), m.end(), repl, (repl,))

    def _bare_subject(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        for m in doc.scan.finditer_page(_SUBORD):
            noun, verb = m["w"], m["v"].lower()
            if (noun not in self.nouns and not noun.endswith(_PERSON_ENDINGS)) or plural_of(noun) is None:
                continue  # a person: "when time allows", "if coverage is" are often bare
            if verb not in ("is", "was", "has", "does"):
                if _inflected(verb) is None or not verb.endswith("s"):
                    continue
                if set(all_lemmas(verb)) != {"VERB"} and not _object_follows(text, m.end("v")):
                    continue  # "while specialist teams are": a plural noun, not a verb
            repl = "the " + noun
            yield Hit(m.start("w"), m.end("w"), repl, (repl,))

    def _noun_for_adjective(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        for m in doc.scan.anchored_matches(self._before_head, [(self._heads, 1)]):
            adjective = _adjective_of(m["w"])
            if adjective is not None:
                yield _replace(text, m.start("w"), m.end("w"), adjective)


def _takes_no_noun(text: str, pos: int) -> bool:
    """No noun follows: a stop, an object ("the", "them") or a closed-class word. A verb's
    base form before a noun may be a modifier ("have write access", "are merge conflicts")."""
    m = _NEXT.match(text, pos)
    return m is not None and (m["w"] is None or m["w"].lower() in CLOSED | _OBJECTS
                              or m["w"].lower().endswith("ly"))


def _object_follows(text: str, pos: int) -> bool:
    """An object, an -ly adverb or a stop follows: the word before was a verb ("lies
    comfortably", "calls your name"), not a plural noun ("teams are")."""
    m = _NEXT.match(text, pos)
    if m is None:
        return False
    if m["w"] is None:
        return m["p"] is None or m["p"] in ".,;:!?"
    word = m["w"].lower()
    return word in _OBJECTS or word.endswith("ly")


def _adjective_of(noun: str) -> str | None:
    """The adjective the tables know for a noun that is never an adjective itself:
    emotion -> emotional, psychiatry -> psychiatric; None otherwise."""
    if noun in CLOSED or noun in QUANTIFIERS:
        return None  # "many symptoms": a quantifier, not "manic"
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
