"""``clause``: where one clause ends and the next begins without the comma that marks it.

No tagger is loaded; the split is read off closed word classes and lemminflect's tables
(language/inflection.py), and a rule fires only where the reading is forced:

- ``paragraph-end``: a prose line whose last sentence (five words or more, with an
  auxiliary or a modal, starting with a capital) ends in a lowercase word with no stop,
  before another prose paragraph or line that starts with a capital. The line must sit
  among punctuated ones: its paragraph holds another stop, or the lines before and after
  it end with one. A lead-in to a list, a table or code (no prose next) stays quiet.
- ``introductory``: a sentence opens with a subordinator ("If", "When", "Because"...), its
  clause runs at least ``min_words`` words, and a new main clause starts with no comma: a
  subject pronoun and its verb ("If you miss a dose we can rebook") or "please" and a verb
  ("If you have questions please call"). The word before the split must end a noun phrase
  (a noun, an adjective, an adverb), not be a verb that takes a clause ("if you think we
  can help") nor a closed-class word ("so that we", "than they").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..document import Document
from ..language.inflection import CLOSED, readings
from ..language.lemmas import all_lemmas
from ..sources.prose import PARAGRAPH, Block
from .base import Hit, ShapedKind

_SHAPES = ("introductory", "paragraph-end")
# A paragraph of two sentences or more: a stop, a space and a capital inside it.
_INNER_STOP = re.compile(r"[a-z0-9)][.!?][\"”’)]?[ \t]+[A-Z]")
# The last sentence: five words or more, ending in a lowercase word or a closing bracket.
# Another line of the paragraph ends with its stop: the missing one is a slip.
_PUNCTUATED = re.compile(r"[.!?:][\"”’)]?[ \t]*$")
# A finite verb the last sentence must hold to be a sentence, not a headline or a label.
_FINITE = re.compile(r"\b(?:is|are|was|were|be|been|can|could|will|would|may|might|must|should|"
                     r"has|have|had|do|does|did)\b")
_LAST = re.compile(r"(?:^|[.!?:][\"”’)]?[ \t]+)"
                   r"(?P<s>[A-Z](?:[^.!?:;\n]|\.(?=\d))*?[ \t](?P<w>[a-z]{2,}\)?))[ \t]*$")
# "As" and "Since" also mean "in the role of" / "from the time": left out.
_SUBORDINATORS = frozenset({"if", "when", "whenever", "after", "before", "although", "though",
                            "because", "while", "whilst", "once", "until", "unless"})
_START = re.compile(r"(?:(?<=[.!?][ \t])|(?<=[.!?][\"”’)][ \t])|^(?:[ \t]*[-*•][ \t]+)?)"
                    r"(?P<s>[A-Z][a-z]+)\b", re.MULTILINE)
_CAPITAL_SUBORDINATOR = re.compile("|".join(sorted(w.capitalize() for w in _SUBORDINATORS)))
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_TOKEN = re.compile(r"[ \t]*(?:(?P<w>[A-Za-z]+(?:['’][a-z]+)?)|(?P<n>\d[\d.,%]*)|(?P<p>\S))")
# Pronouns that are only ever subjects; "you" and "it" also stand as objects.
_SUBJECTS = frozenset({"we", "they", "i", "he", "she"})
# "you", "it" and "there" start a clause only before a modal or an auxiliary.
_OBJECT_SUBJECTS = frozenset({"you", "it", "there"})
_MODALS = frozenset({"can", "could", "may", "might", "will", "would", "should", "must", "shall",
                     "cannot", "need", "do", "does", "did", "are", "is", "have", "has", "had"})
# Verbs whose object may be a clause ("if you think we can help"): the pronoun after them
# starts that clause, not the main one.
_CLAUSE_VERBS = frozenset({"think", "believe", "feel", "know", "hope", "say", "find", "see", "notice",
                           "decide", "agree", "ensure", "expect", "suppose", "mean", "realise",
                           "realize", "understand", "worry", "fear", "wish", "suspect", "show",
                           "suggest", "remember", "forget", "learn", "hear", "read", "tell",
                           "promise", "guess", "assume", "doubt", "prove", "confirm", "insist",
                           "require", "recommend", "determine", "discover", "ask", "wonder",
                           "imagine", "claim", "state", "report", "explain", "make", "let", "help",
                           "want", "need", "mind", "bet", "check", "sure", "aware", "glad", "afraid",
                           "argue", "reckon", "predict", "figure", "note", "indicate", "mention",
                           "estimate", "admit", "accept", "acknowledge", "warn", "remind", "assure",
                           "convince", "judge", "reveal", "demonstrate", "sense", "grant"})
# Besides CLOSED: words after which a pronoun starts an embedded clause or a comparison.
_OPENERS = frozenset({"how", "why", "whether", "whom", "whoever", "whatever", "wherever", "whenever",
                      "than", "till", "unless", "once", "lest", "where", "else", "what", "which"})

# A relative clause may front its object ("whose care you are in"); a second subordinator
# ("If once we start ... we notice") nests a clause whose end is not the main clause's start.
_RELATIVES = frozenset({"whose", "which", "whom", "who"})


def _may_end_in_word(text: str, a: int, b: int) -> bool:
    """Does ``text[a:b]`` end as ``_LAST`` needs: two lower-case letters, then perhaps a
    closing bracket?"""
    if text[b - 1] == ")":
        b -= 1
    return b - a >= 2 and text[b - 1] in _LOWER and text[b - 2] in _LOWER


def _openings(text: str) -> Iterator[re.Match[str]]:
    """``_START.finditer(text)`` on the lines where a capitalised subordinator stands: a
    match never crosses a line, so the other lines hold none worth reading."""
    done = -1
    for m in _CAPITAL_SUBORDINATOR.finditer(text):
        if m.start() < done:
            continue
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        done = len(text) if end < 0 else end
        yield from _START.finditer(text, start, done)


_LINE = re.compile(r"[^\n]+")


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The lines of ``text[start:end]``, white space trimmed at their ends."""
    spans = []
    for m in _LINE.finditer(text, start, end):
        body = m[0].rstrip()
        if body:
            spans.append((m.start(), m.start() + len(body)))
    return spans


def _ends_sentence(doc: Document, block: Block, last: bool = False) -> bool:
    """The block is prose and its last (or first) line ends with a stop."""
    lines = doc.text[block.start:block.end].strip().split("\n")
    return block.kind == PARAGRAPH and lines[-1 if last else 0].rstrip()[-1:] in (".", "!", "?")


def _clause_verb(word: str) -> bool:
    return word in _CLAUSE_VERBS or any(lemma in _CLAUSE_VERBS for lemma in all_lemmas(word).get("VERB", ()))


def _ends_phrase(word: str) -> bool:
    """A pronoun after ``word`` can only start a new clause: the tables know ``word``
    (a noun, an adjective, an adverb, a verb) and it is not a closed-class word or a
    verb that may take a clause as its object."""
    low = word.lower()
    if low in CLOSED or low in _OPENERS or low in _SUBJECTS or low in ("you", "it") or _clause_verb(low):
        return False
    # A verb other than a clause verb ends its phrase too: "once the form is signed we".
    return bool(readings(low)) or low.endswith("ly")


def _verb_after(word: str | None) -> bool:
    """The subject's verb: a modal or auxiliary, or a word the tables know as a verb
    that is not also a noun ("we recommend", "they offer" stay, "we team" does not)."""
    if word is None:
        return False
    low = word.lower()
    if low in _MODALS:
        return True
    r = readings(low)
    return "VERB" in r and not (r & {"NOUN", "ADJ"} and low.endswith("s"))


# After a later comma these start the main clause: the writer ended the introduction there
# and the pronoun before it opened a contact clause ("a letter you do not understand, Grace").
_MAIN_STARTS = frozenset({"we", "they", "you", "i", "he", "she", "it", "there", "the", "this", "our",
                          "your", "their", "please", "call", "ask", "talk", "speak", "contact"})
_LATER_COMMA = re.compile(r"[^.!?\n,;:]*,[ \t]+(?P<w>[A-Za-z]+)")


def _main_clause_later(text: str, pos: int) -> bool:
    """A comma later in the sentence is followed by a main clause's first word."""
    m = _LATER_COMMA.match(text, pos)
    if m is None:
        return False
    word = m["w"]
    return word.lower() in _MAIN_STARTS or (word[0].isupper() and word not in ("And", "But", "Or"))

_BE = frozenset({"is", "are", "was", "were", "be", "been", "seems", "seemed", "feel", "feels", "felt",
                 "become", "becomes", "became", "get", "gets", "got", "stays", "stayed", "remain",
                 "remains", "remained"})
_DETERMINERS = frozenset({"the", "this", "these", "those", "our", "your", "their", "its", "his", "her",
                          "my", "most", "many", "some", "each", "every"})
# After "is short" these make a time phrase ("worse the next morning"), not a new subject.
_TIME = frozenset({"next", "following", "same", "previous", "day", "morning", "afternoon", "evening",
                   "night", "week", "month", "year", "whole", "entire", "first", "last", "rest"})
_REST_OF_SENTENCE = re.compile(r"[^.!?\n]*")


def _starts_clause(words: list[tuple[str, int, int]], word: str, after: str | None, text: str,
                   end: int) -> bool:
    """``word`` opens the main clause: a subject pronoun and its verb, "please" and a
    verb, "you"/"it"/"there" and a modal, or a determiner after "is" and an adjective
    ("were short the benefits") with a finite verb later in the sentence."""
    low = word.lower()
    if low in _SUBJECTS or low == "please":
        return _verb_after(after)
    if low in _OBJECT_SUBJECTS:
        return after is not None and after.lower() in _MODALS
    if low not in _DETERMINERS or len(words) < 2 or words[-2][0].lower() not in _BE:
        return False
    adjective = words[-1][0].lower()
    if "ADJ" not in readings(adjective) or _clause_verb(adjective) or adjective in _OPENERS:
        return False
    if after is None or after.lower() in _TIME:
        return False
    return bool(_FINITE.search(_REST_OF_SENTENCE.match(text, end)[0]))


class ClauseKind(ShapedKind):
    """``shape``: one of the shapes above; ``min_words``: the shortest introductory clause
    (words after the subordinator) that needs its comma (default 4)."""

    name = "clause"
    fields = {"shape": (str,), "min_words": (int,)}
    shapes = _SHAPES

    def __init__(self, raw: dict[str, Any], ctx: Any) -> None:
        super().__init__(raw, ctx)
        self.min_words = int(raw.get("min_words", 4))

    def find(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        if self.shape == "paragraph-end":
            yield from self._paragraph_ends(doc)
            return
        for m in _openings(text):
            if m["s"].lower() in _SUBORDINATORS:
                hit = self._split(text, m.end())
                if hit is not None:
                    yield hit

    def _paragraph_ends(self, doc: Document) -> Iterator[Hit]:
        blocks = doc.prose.blocks
        for n, block in enumerate(blocks[:-1]):
            if block.kind != PARAGRAPH:
                continue
            lines = _line_spans(doc.text, block.start, block.end)
            following = blocks[n + 1]
            punctuated = None  # read only when a line asks
            for i, (a, b) in enumerate(lines):
                if not _may_end_in_word(doc.text, a, b):
                    continue  # what _LAST needs at the line's end: two lower-case letters
                last = _LAST.search(doc.text[a:b])
                word = last["w"].rstrip(")") if last is not None else ""
                if (last is None or len(last["s"].split()) < 5 or word in CLOSED or not readings(word)
                        or not _FINITE.search(last["s"])):
                    continue  # a cut word, a lead-in, or a label or headline with no finite verb
                nxt = lines[i + 1][0] if i + 1 < len(lines) else following.start
                if not doc.text[nxt].isupper() or (nxt == following.start and following.kind != PARAGRAPH):
                    continue  # a wrapped line, or a lead-in to a list, a table or code
                inner = _INNER_STOP.search(doc.text, a, a + last.start("s") + 1)
                if not inner and len(last["s"].split()) >= 8 and punctuated is None:
                    punctuated = self._punctuated(doc, n, lines)
                if inner or (punctuated and len(last["s"].split()) >= 8):
                    repl = last["w"] + "."
                    yield Hit(a + last.start("w"), a + last.end("w"), repl, (repl,))

    @staticmethod
    def _punctuated(doc: Document, n: int, lines: list[tuple[int, int]]) -> bool:
        """Another line of the paragraph, or both neighbouring paragraphs, end with a stop."""
        blocks = doc.prose.blocks
        return any(_PUNCTUATED.search(doc.text, a, b) for a, b in lines) or (
            n > 0 and _ends_sentence(doc, blocks[n - 1], last=True) and _ends_sentence(doc, blocks[n + 1]))

    def _split(self, text: str, pos: int) -> Hit | None:
        """The first point after ``pos`` where the main clause starts without a comma."""
        words: list[tuple[str, int, int]] = []
        while (t := _TOKEN.match(text, pos)) is not None and t.end() > t.start():
            pos = t.end()
            if t["p"] is not None:
                return None  # a comma, a stop, a bracket or a dash comes first
            if t["w"] is None:
                words.append(("0", t.start("n"), t.end("n")))
                continue
            word = t["w"]
            if word.lower() in _RELATIVES or (not words and word.lower() in _SUBORDINATORS):
                return None  # "an adult whose care you are in": the pronoun is inside
            if len(words) >= self.min_words and _ends_phrase(words[-1][0]):
                nxt = _TOKEN.match(text, t.end())
                after = nxt["w"] if nxt is not None else None
                if _starts_clause(words, word, after, text, t.end()):
                    if _main_clause_later(text, t.start()):
                        return None
                    prev = words[-1]
                    return Hit(prev[1], prev[2], prev[0] + ",", (prev[0] + ",",))
            words.append((word, t.start("w"), t.end("w")))
            if len(words) > 25:
                return None
        return None  # the line or the page ends first
