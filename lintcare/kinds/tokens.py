"""``tokens``: token patterns on spaCy's Matcher (text, lemma, shape, neighbours)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..document import Document
from .base import Hit, Kind, match_case

_LITERAL_KEYS = ("LOWER", "ORTH", "TEXT", "NORM")


class TokensKind(Kind):
    """``patterns`` are spaCy Matcher patterns; ``flag: [i, j]`` flags tokens i..j-1 of a match.

    ``replace`` is a template: ``{text}`` is the flagged text, ``{0}``, ``{1}``... the
    match's tokens.
    """

    name = "tokens"
    fields = {"patterns": (list,), "flag": (list,), "replace": (str,)}
    required = ("patterns",)

    def __init__(self, raw: dict[str, Any], ctx: Any) -> None:
        super().__init__(raw, ctx)
        self.patterns = raw["patterns"]
        if not self.patterns or not all(isinstance(p, list) and p for p in self.patterns):
            raise ctx.error("patterns", "must be a list of non-empty token pattern lists")
        flag = raw.get("flag")
        if flag is not None and not (len(flag) == 2 and all(isinstance(i, int) for i in flag)):
            raise ctx.error("flag", "must be [first, end] token indexes")
        self.flag = tuple(flag) if flag else None
        self.replace: str | None = raw.get("replace")
        self._rule_id = ctx.rule_id
        self._matcher = None
        self._anchor_ids: tuple[int, ...] = ()
        try:
            self._build()  # validate the patterns now, not at first use
        except ValueError as exc:
            raise ctx.error("patterns", str(exc).splitlines()[0]) from None

    def anchors(self) -> tuple[str, ...]:
        out: set[str] = set()
        for pattern in self.patterns:
            lits = self._first_literals(pattern)
            if not lits:
                return ()  # one pattern with no literal: cannot prefilter
            out.update(lits)
        return tuple(out)

    @staticmethod
    def _first_literals(pattern: list[dict[str, Any]]) -> list[str]:
        for spec in pattern:
            if spec.get("OP") in ("?", "*", "!"):
                continue
            for key in _LITERAL_KEYS:
                value = spec.get(key)
                if isinstance(value, str):
                    return [value.lower()]
                if isinstance(value, dict) and isinstance(value.get("IN"), list):
                    return [str(v).lower() for v in value["IN"]]
            return []
        return []

    def _build(self):
        from spacy.matcher import Matcher

        from ..nlp import pipeline

        vocab = pipeline().vocab
        matcher = Matcher(vocab)
        matcher.add(self._rule_id, self.patterns, greedy="LONGEST")
        self._matcher = matcher
        # Token-level anchoring compares with each token's LOWER; a NORM literal may differ.
        by_norm = any("NORM" in spec for p in self.patterns for spec in p)
        self._anchor_ids = () if by_norm else tuple(vocab.strings[a] for a in self.anchors())
        return matcher

    def _may_match(self, doc) -> bool:
        """A chunk without any first-token literal as a token cannot match.

        The set of the chunk's lowercase token ids (built once per chunk, shared by
        all token rules) makes this exact and cheap, where the page-level substring
        test lets "its" through on a page with "visits".
        """
        if not self._anchor_ids:
            return True
        lower_ids = doc.user_data.get("lower_ids")
        if lower_ids is None:
            from spacy.attrs import LOWER

            lower_ids = doc.user_data["lower_ids"] = frozenset(doc.to_array(LOWER).tolist())
        return any(a in lower_ids for a in self._anchor_ids)

    def find(self, doc: Document) -> Iterator[Hit]:
        matcher = self._matcher or self._build()
        for chunk in doc.chunks:
            if not self._may_match(chunk.doc):
                continue
            for _, s, e in matcher(chunk.doc):
                match = chunk.doc[s:e]
                span = match[self.flag[0]:self.flag[1]] if self.flag else match
                if not len(span):
                    continue
                start = chunk.offset + span.start_char
                end = chunk.offset + span.end_char
                repl = None
                if self.replace is not None:
                    repl = self.replace.format(*[t.text for t in match], text=span.text)
                    repl = match_case(span.text, repl)
                yield Hit(start, end, repl, (repl,) if repl is not None else ())
