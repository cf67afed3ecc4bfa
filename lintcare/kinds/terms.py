"""``terms``: a list of words or phrases, each with its replacement, on spaCy's PhraseMatcher."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..document import Document
from .base import Hit, Kind, match_case


class TermsKind(Kind):
    """``terms`` maps a phrase to its replacement, a list of candidates, or null (flag only)."""

    name = "terms"
    fields = {"terms": (dict,), "case_sensitive": (bool,), "preserve_case": (bool,)}
    required = ("terms",)

    def __init__(self, raw: dict[str, Any], ctx: Any) -> None:
        super().__init__(raw, ctx)
        self.case_sensitive = raw.get("case_sensitive", False)
        # Carry "Ketamin" -> "Ketamine"; off when the case itself is the error.
        self.preserve_case = raw.get("preserve_case", True)
        self.terms: dict[str, tuple[str, ...]] = {}
        for phrase, repl in raw["terms"].items():
            if not isinstance(phrase, str) or not phrase.strip():
                raise ctx.error("terms", f"term {phrase!r} must be a non-empty string")
            if repl is None:
                cands: tuple[str, ...] = ()
            elif isinstance(repl, str):
                cands = (repl,)
            elif isinstance(repl, list) and all(isinstance(r, str) for r in repl):
                cands = tuple(repl)
            else:
                raise ctx.error("terms", f"replacement for {phrase!r} must be text, a list or null")
            key = phrase if self.case_sensitive else phrase.lower()
            self.terms[key] = cands
        self._matcher = None

    def anchors(self) -> tuple[str, ...]:
        # The first word of each term is enough to tell that a page cannot match.
        return tuple({t.lower().split()[0].strip(".,;:!?'\"()") for t in self.terms} - {""})

    def _build(self):
        from spacy.matcher import PhraseMatcher

        from ..nlp import pipeline

        nlp = pipeline()
        matcher = PhraseMatcher(nlp.vocab, attr="ORTH" if self.case_sensitive else "LOWER")
        for key in self.terms:
            matcher.add(key, [nlp.make_doc(key)])
        return matcher

    def find(self, doc: Document) -> Iterator[Hit]:
        if self._matcher is None:
            self._matcher = self._build()
        strings = self._matcher.vocab.strings
        for chunk in doc.chunks:
            for match_id, s, e in self._matcher(chunk.doc):
                span = chunk.doc[s:e]
                start = chunk.offset + span.start_char
                end = chunk.offset + span.end_char
                cands = self.terms[strings[match_id]]
                if self.preserve_case:
                    cands = tuple(match_case(span.text, c) for c in cands)
                yield Hit(start, end, cands[0] if len(cands) == 1 else None, cands)
