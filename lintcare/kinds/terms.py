"""``terms``: a list of words or phrases, each with its replacement.

Terms match whole words, case-insensitively unless the rule says otherwise, with any
run of white space (a line break too) between the words of a phrase. One regex per
rule, scanned only in blocks that hold one of the terms' first words; no tokenizer is
needed, so a page that needs no token patterns never loads spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..document import Document
from ..scan import Pattern, compile
from .base import Hit, Kind, match_case


class TermsKind(Kind):
    """``terms`` maps a phrase to its replacement, a list of candidates, or null (flag only)."""

    name = "terms"
    fields = {"terms": (dict,), "case_sensitive": (bool,), "preserve_case": (bool,), "once_per_term": (bool,)}
    required = ("terms",)
    prunable = True

    def __init__(self, raw: dict[str, Any], ctx: Any) -> None:
        super().__init__(raw, ctx)
        self.case_sensitive = raw.get("case_sensitive", False)
        # Carry "Ketamin" -> "Ketamine"; off when the case itself is the error.
        self.preserve_case = raw.get("preserve_case", True)
        # A style suggestion ("prior to" -> "before") made once per page, not at every use.
        self.once_per_term = raw.get("once_per_term", False)
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
            key = " ".join(phrase.split())
            self.terms[key if self.case_sensitive else key.lower()] = cands
        self._anchors: tuple[str, ...] | None = None
        self._regex = self._compile()

    def anchors(self) -> tuple[str, ...]:
        # Every match holds its term's first word: pages and blocks without one are skipped.
        if self._anchors is None:
            self._anchors = tuple(sorted({t.lower().split()[0] for t in self.terms}))
        return self._anchors

    def _compile(self) -> Pattern:
        # Longest first, so "successful suicide attempt" wins over "successful suicide".
        phrases = sorted(self.terms, key=len, reverse=True)
        body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)
        return compile(r"(?<!\w)(?:" + body + r")(?!\w)", ignore_case=not self.case_sensitive)

    def _key(self, matched: str) -> str:
        key = " ".join(matched.split())
        return key if self.case_sensitive else key.lower()

    def declared_patterns(self) -> list[Pattern]:
        return [self._regex]

    def find(self, doc: Document) -> Iterator[Hit]:
        seen: set[str] = set()
        for m in doc.scan.finditer(self._regex):
            key = self._key(m.group())
            cands = self.terms.get(key)
            if cands is None:  # pragma: no cover - the regex only holds the terms
                continue
            if self.once_per_term:
                if key in seen:
                    continue
                seen.add(key)
            if self.preserve_case:
                cands = tuple(match_case(m.group(), c) for c in cands)
            yield Hit(m.start(), m.end(), cands[0] if len(cands) == 1 else None, cands)
