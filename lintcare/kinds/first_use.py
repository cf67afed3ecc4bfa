"""``first-use``: a term (jargon, an acronym) must be explained where it first appears.

Only the first use of each term on a page is judged. If it is explained there, the
term is defined and later uses are fine; if not, that first use is flagged once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..document import Document
from ..language.readability import Analysis, analysis_of
from ..scan.anchors import regex_anchors, start_literals
from ..scan.fastregex import FastRegex, lower_literals, lowers_exactly
from ..scan.prebuilt import compile_pattern
from ..sources.prose import HEADING
from .base import Hit, Kind

_SPACES = re.compile(r"[\s\-‐‑]+")


def _plain_regex(phrase: str) -> re.Pattern[str]:
    """The plain wording as a case-insensitive regex; spaces and hyphens are interchangeable."""
    parts = [re.escape(p) for p in _SPACES.split(phrase.strip()) if p]
    return compile_pattern(r"\b" + r"[\s\-‐‑]+".join(parts) + r"\b", re.IGNORECASE)


def _matches_at(regex: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``regex.finditer(text)`` when every match starts at one of ``starts`` (in order)
    and none is empty: a match is tried only there."""
    pos = 0
    for start in starts:
        if start >= pos and (m := regex.match(text, start)) is not None:
            yield m
            pos = m.end()


class FirstUseKind(Kind):
    """``terms`` maps a regex (one term and its variants) to its plain wording(s).

    The first use of a term counts as explained when, within its sentence, the text
    right after it matches an ``explained_after`` regex (a parenthesis, "which means"),
    the text before it matches an ``explained_before`` regex (end it with ``$``), the
    next sentence starts with an ``explained_next`` regex ("This means..."), or one of
    the term's plain wordings appears in the previous, same or next sentence
    (``plain_in: adjacent``, the default) or in the same sentence (``plain_in:
    sentence``, right for acronyms, whose long form must stand beside them). An
    unexplained use in a heading is skipped (a title cannot hold an explanation) unless
    ``in_headings`` is true; an explained one there defines the term.
    """

    name = "first-use"
    fields = {
        "terms": (dict,),
        "case_sensitive": (bool,),
        "explained_after": (str, list),
        "explained_before": (str, list),
        "explained_next": (str, list),
        "in_headings": (bool,),
        "plain_in": (str,),
    }
    required = ("terms",)

    def __init__(self, raw: dict[str, Any], ctx: Any) -> None:
        super().__init__(raw, ctx)
        cs = raw.get("case_sensitive", False)
        self.in_headings = raw.get("in_headings", False)
        self.plain_in = raw.get("plain_in", "adjacent")
        if self.plain_in not in ("adjacent", "sentence"):
            raise ctx.error("plain_in", "must be 'adjacent' or 'sentence'")
        self.keys: list[str] = []
        self.term_res: list[re.Pattern[str]] = []
        self.plain: list[tuple[str, ...]] = []
        self.plain_res: list[list[re.Pattern[str]]] = []
        for term, plain in raw["terms"].items():
            if not isinstance(term, str) or not term.strip():
                raise ctx.error("terms", f"term {term!r} must be a non-empty regex string")
            self.term_res.append(ctx.regex("terms", term, cs))
            words = [plain] if isinstance(plain, str) else plain
            if not isinstance(words, list) or not words or not all(
                    isinstance(w, str) and w.strip() for w in words):
                raise ctx.error("terms", f"plain wording for {term!r} must be text or a list of texts")
            self.keys.append(term)
            self.plain.append(tuple(words))
            self.plain_res.append([_plain_regex(w) for w in words])
        if not self.keys:
            raise ctx.error("terms", "needs at least one term")
        # One scan for all terms; an alternation without groups lets ``re`` skip ahead
        # fast, and a case-insensitive one runs on the page's lowercased copy.
        joined = r"\b(?:" + "|".join(f"(?:{k})" for k in self.keys) + r")\b"
        self.regex = ctx.regex("terms", joined, cs)
        lowered = None if cs or not lowers_exactly(joined) else lower_literals(joined)
        self._scan_lower = compile_pattern(lowered) if lowered is not None else None
        # Literals every match starts with: the page's anchor index finds where they
        # stand, and the scan is tried only there instead of at every word.
        self._starts = start_literals(lowered) if lowered is not None else ()
        # Case-sensitive terms (acronyms) start with capitals, which are rare: FastRegex
        # skips to them without the leading \b and confirms each candidate (same
        # matches). Lowercase first letters are too common for that to pay.
        self._fast = FastRegex(self.regex) if self._scan_lower is None else None
        self.after = self._regexes(ctx, raw, "explained_after")
        self.before = self._regexes(ctx, raw, "explained_before")
        self.next = self._regexes(ctx, raw, "explained_next")

    @staticmethod
    def _regexes(ctx: Any, raw: dict[str, Any], name: str) -> list[re.Pattern[str]]:
        value = raw.get(name, [])
        return [ctx.regex(name, p) for p in (value if isinstance(value, list) else [value])]

    def anchor_sets(self) -> list[tuple[str, ...]]:
        return [self.anchors(), self._starts]

    def anchors(self) -> tuple[str, ...]:
        found: set[str] = set()
        for key in self.keys:
            lits = regex_anchors(key)
            if not lits:
                return ()
            found.update(lits)
        return tuple(sorted(found))

    def _matches(self, doc: Document) -> Iterator[tuple[int, int, int]]:
        """(start, end, term index) of every term use, in order."""
        text = doc.text
        if self._scan_lower is not None and len(doc.lower) == len(text):
            starts = doc.literal_starts(self._starts)
            found = (self._scan_lower.finditer(doc.lower) if starts is None
                     else _matches_at(self._scan_lower, doc.lower, starts))
        elif self._fast is not None:
            found = self._fast.finditer(text, doc.lower)
        else:
            found = self.regex.finditer(text)
        for m in found:
            start, end = m.span()
            term = next((i for i, r in enumerate(self.term_res) if r.fullmatch(text, start, end)), None)
            if term is not None:
                yield start, end, term

    def find(self, doc: Document) -> Iterator[Hit]:
        analysis = analysis_of(doc)
        done: set[int] = set()
        for start, end, term in self._matches(doc):
            if term in done:
                continue
            i = analysis.index_at(start)
            if i is None:  # alt text and other prose outside the reading flow
                continue
            if self._explained(doc.text, analysis, i, start, end, term):
                done.add(term)
                continue
            if analysis.sentences[i].kind == HEADING and not self.in_headings:
                continue
            done.add(term)
            plain = self.plain[term]
            yield Hit(start, end, suggestions=plain, data=(("plain", plain[0]),))
            if len(done) == len(self.keys):
                return

    def _explained(self, text: str, analysis: Analysis, i: int, start: int, end: int,
                   term: int) -> bool:
        sentences = analysis.sentences
        sent = sentences[i]
        if any(p.match(text, end, sent.end) for p in self.after):
            return True
        if any(p.search(text, sent.start, start) for p in self.before):
            return True
        nxt = sentences[i + 1] if i + 1 < len(sentences) else None
        if nxt is not None and any(p.match(text, nxt.start, nxt.end) for p in self.next):
            return True
        lo, hi = sent.start, sent.end
        if self.plain_in == "adjacent":
            lo = sentences[i - 1].start if i > 0 else lo
            hi = nxt.end if nxt is not None else hi
        for regex in self.plain_res[term]:
            for found in regex.finditer(text, lo, hi):
                if found.end() <= start or found.start() >= end:
                    return True
        return False
