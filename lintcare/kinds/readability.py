"""``grade-level`` and ``long-sentence``: reading level per section, and sentence length.

Both read the document's readability analysis (``lintcare/language/readability.py``), computed
once per document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from ..document import Document
from ..language.readability import (
    Scores,
    Sentence,
    analysis_of,
    frequent_long_words,
    hardest,
)
from ..sources.prose import HEADING
from .base import Hit, Kind

METRICS = {"smog": "SMOG", "flesch-kincaid": "Flesch-Kincaid"}
SHORT_TEXT = ("suggestion", "skip")
_EXCERPT_WORDS = 8
# Words lintcare's own rules ask a page to use (a crisis line, emergency care, the
# Medication Guide): the message does not tell a writer to cut them.
_ASKED_FOR = frozenset({"emergency", "lifeline", "medication", "prevention", "intravenous",
                        "intramuscular", "monitoring", "off-label", "suicide", "suicidal"})
_LISTED = 5


def _positive_int(ctx: Any, raw: dict[str, Any], name: str, default: int) -> int:
    value = raw.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ctx.error(name, "must be a whole number of at least 1")
    return value


class GradeLevelKind(Kind):
    """Reading grade of each section above ``target``: one finding per section.

    A section is scored when it has at least ``min_sentences`` counted sentences. A page
    with fewer than ``reliable_sentences`` (SMOG is calibrated on 30) gets at most one
    low-confidence finding of severity ``suggestion`` for the whole page
    (``short_text: suggestion``) or none (``short_text: skip``); a page below
    ``min_sentences`` is too short to estimate and gets none. ``familiar`` lists words
    readers of the page are assumed to know (drug and condition names the page
    defines); they do not count as long words.
    """

    name = "grade-level"
    fields = {
        "metric": (str,),
        "target": (int, float),
        "min_sentences": (int,),
        "reliable_sentences": (int,),
        "short_text": (str,),
        "familiar": (list,),
        "hardest": (int,),
    }
    document_level = True

    def __init__(self, raw: dict[str, Any], ctx: Any) -> None:
        super().__init__(raw, ctx)
        self.metric = raw.get("metric", "smog")
        if self.metric not in METRICS:
            raise ctx.error("metric", f"must be one of {', '.join(METRICS)}")
        target = raw.get("target", 8)
        if isinstance(target, bool) or target <= 0:
            raise ctx.error("target", "must be a positive grade")
        self.target = float(target)
        self.min_sentences = _positive_int(ctx, raw, "min_sentences", 10)
        self.reliable_sentences = _positive_int(ctx, raw, "reliable_sentences", 30)
        if self.reliable_sentences < self.min_sentences:
            raise ctx.error("reliable_sentences", "must be at least min_sentences")
        self.short_text = raw.get("short_text", "suggestion")
        if self.short_text not in SHORT_TEXT:
            raise ctx.error("short_text", f"must be one of {', '.join(SHORT_TEXT)}")
        familiar = raw.get("familiar", [])
        if not all(isinstance(w, str) and w.strip() for w in familiar):
            raise ctx.error("familiar", "must be a list of words")
        self.familiar = frozenset(w.strip().lower() for w in familiar)
        self.hardest = _positive_int(ctx, raw, "hardest", 3)

    def find(self, doc: Document) -> Iterator[Hit]:
        analysis = analysis_of(doc)
        page = analysis.scores(self.familiar)
        if page.sentences < self.min_sentences:
            return
        if page.sentences < self.reliable_sentences:
            if self.short_text == "skip" or not self._above(page):
                return
            yield self._hit(doc, "This page", analysis.sentences, analysis.long_words(), page, "document",
                            low=True)
            return
        flagged = False
        titled = any(s.heading for s in analysis.sections)
        for section in analysis.sections:
            if section.totals[1] < self.min_sentences:  # too few sentences to grade
                continue
            scores = section.scores(self.familiar)
            if not self._above(scores):
                continue
            if section.heading:
                where = f'The section "{section.heading}"'
            else:
                where = "The text before the first heading" if titled else "This page"
            flagged = True
            yield self._hit(doc, where, section.sentences, section.long_words, scores, "section")
        if not flagged and self._above(page):
            yield self._hit(doc, "This page", analysis.sentences, analysis.long_words(), page, "document")

    def _above(self, scores: Scores) -> bool:
        grade = scores.grade(self.metric)
        return grade is not None and grade > self.target

    def _hit(self, doc: Document, where: str, sentences: Sequence[Sentence], long_words: Iterable[str],
             scores: Scores, scope: str, low: bool = False) -> Hit:
        worst = hardest(sentences, self.familiar, self.hardest)
        smog, fk = scores.smog, scores.flesch_kincaid
        grade = scores.grade(self.metric)
        other = f"Flesch-Kincaid {fk:.1f}" if self.metric == "smog" and fk is not None else (
            f"SMOG {smog:.1f}" if smog is not None else "")
        confidence = (f" (low confidence: {scores.sentences} sentences; readability formulas "
                      f"need {self.reliable_sentences})") if low else ""
        frequent = ", ".join(f"{w} ({n})" if n > 1 else w
                             for w, n in _worth_listing(doc, long_words, self.familiar))
        data: tuple[tuple[str, str | int | float], ...] = (
            ("where", where),
            ("metric", METRICS[self.metric]),
            ("grade", round(grade or 0.0, 1)),
            ("other", other),
            ("smog", round(smog or 0.0, 1)),
            ("flesch_kincaid", round(fk or 0.0, 1)),
            ("target", f"{self.target:g}"),
            ("sentences", scores.sentences),
            ("words", scores.words),
            ("confidence", confidence),
            ("low_confidence", low),
            ("hardest", "; ".join(_describe(doc, s, self.familiar) for s in worst) or "none"),
            ("long_words", frequent or "none"),
        )
        at = worst[0] if worst else next((s for s in sentences if s.counted), sentences[0])
        return Hit(at.start, at.end, scope=scope, severity="suggestion" if low else None,
                   data=data)


def _worth_listing(doc: Document, long_words: Iterable[str],
                   familiar: frozenset[str]) -> list[tuple[str, int]]:
    """The most frequent long words a writer could replace: not numbers ("988"), not
    acronyms (the page writes them in capitals only), not words lintcare asks for."""
    out: list[tuple[str, int]] = []
    for word, n in frequent_long_words(long_words, familiar, count=1_000_000):
        if any(c.isdigit() for c in word) or word in _ASKED_FOR or _acronym(doc.text, word):
            continue
        out.append((word, n))
        if len(out) == _LISTED:
            break
    return out


def _acronym(text: str, word: str) -> bool:
    upper = word.upper()
    if upper == word or upper not in text:
        return False
    forms = list(_whole_word_forms(text, word))
    return bool(forms) and all(f.isupper() for f in forms)


def _whole_word_forms(text: str, word: str) -> Iterator[str]:
    r"""``re.findall(r"(?<![\w-])word(?![\w-])", text, re.IGNORECASE)``, with the look-behind
    checked by hand: without it re skips ahead to the word's first letter instead of
    trying every position."""
    search, pos = _word_ahead(word).search, 0
    while (m := search(text, pos)) is not None:
        start = m.start()
        before = text[start - 1] if start else ""
        if before and (before.isalnum() or before in "_-"):
            pos = start + 1
            continue
        yield m.group()
        pos = m.end()


@lru_cache(maxsize=1024)
def _word_ahead(word: str) -> re.Pattern[str]:
    """The word in any case, no word character or hyphen after it: compiled once, as the
    same long words recur across pages."""
    return re.compile(rf"{re.escape(word)}(?![\w-])", re.IGNORECASE)


def _describe(doc: Document, sentence: Sentence, familiar: frozenset[str]) -> str:
    """'12:5 "Esketamine is given as a nasal spray in…" (4 long words, 21 words)'."""
    line, column = doc.source.position(doc.prose.map.source_start(sentence.start))
    words = doc.text[sentence.start:sentence.end].split()
    excerpt = " ".join(words[:_EXCERPT_WORDS]) + ("…" if len(words) > _EXCERPT_WORDS else "")
    n = sum(1 for w in sentence.long_words if w not in familiar)
    return f'{line}:{column} "{excerpt}" ({n} long word{"s" if n != 1 else ""}, {sentence.words} words)'


# A stop run into the next sentence ("the clinic.She has", 'help."I was'): the writer meant
# two sentences; the missing space is the missing-space rule's finding.
_RUN_ON_STOP = re.compile(r"(?<=[a-z]{2}[.!?])(?=[\"“”]?[A-Z](?:[a-z]|\s))")


class LongSentenceKind(Kind):
    """A sentence (or list item) with more than ``max_words`` words; not one made by a
    missing space after a stop whose parts are short enough."""

    name = "long-sentence"
    fields = {"max_words": (int,)}

    def __init__(self, raw: dict[str, Any], ctx: Any) -> None:
        super().__init__(raw, ctx)
        self.max_words = _positive_int(ctx, raw, "max_words", 30)

    def find(self, doc: Document) -> Iterator[Hit]:
        for s in analysis_of(doc).sentences:
            if s.words > self.max_words and s.kind != HEADING and not self._run_on(doc.text[s.start:s.end]):
                yield Hit(s.start, s.end, data=(("words", s.words), ("limit", self.max_words)))

    def _run_on(self, text: str) -> bool:
        """Sentences joined only by a missing space, each short enough on its own."""
        parts = _RUN_ON_STOP.split(text)
        # Words by spaces: close to the analysis's count, which reads numerals aloud.
        return len(parts) > 1 and all(len(p.split()) <= self.max_words for p in parts)
