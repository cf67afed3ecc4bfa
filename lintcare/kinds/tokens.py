"""``tokens``: token patterns on spaCy's Matcher (text, lemma, shape, neighbours)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..document import Document
from ..scan import Pattern, compile
from .base import Hit, Kind, match_case

# Token attributes a blank English pipeline sets. Tags, lemmas, dependencies and
# entities need a statistical model, which lintcare never loads: a pattern using them
# could never match, so it is refused when the rule file is read.
_ATTRS = frozenset({
    "ORTH", "TEXT", "LOWER", "NORM", "LENGTH", "SHAPE", "PREFIX", "SUFFIX", "SPACY",
    "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT",
    "IS_SPACE", "IS_STOP", "IS_SENT_START", "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT",
    "IS_RIGHT_PUNCT", "IS_CURRENCY", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL", "OP",
})
_MODEL_ATTRS = frozenset({"POS", "TAG", "MORPH", "DEP", "LEMMA", "ENT_TYPE", "ENT_IOB",
                          "ENT_ID", "ENT_KB_ID"})
_PREDICATES = frozenset({"IN", "NOT_IN", "IS_SUBSET", "IS_SUPERSET", "INTERSECTS", "REGEX",
                         "FUZZY", "==", "!=", ">=", "<=", ">", "<"})
_OPS = frozenset({"!", "?", "+", "*"})
_WORD_CHAR = re.compile(r"\w")


def _check_spec(spec: Any) -> str | None:
    """Why a token spec is invalid, or None. spaCy itself is loaded only when a page
    needs the rule, so the rule file is checked here when it is read."""
    if not isinstance(spec, dict):
        return "each token is a mapping of attributes"
    for key, value in spec.items():
        if key in _MODEL_ATTRS:
            return f"attribute {key} needs a statistical model, which lintcare does not load"
        if key not in _ATTRS:
            return f"unknown token attribute {key!r}"
        if key == "OP":
            if not (value in _OPS or (isinstance(value, str) and value.startswith("{"))):
                return f"OP must be one of ! ? + * or {{n,m}}, not {value!r}"
        elif isinstance(value, dict):
            unknown = set(value) - _PREDICATES
            if unknown:
                return f"unknown predicate {sorted(unknown)[0]!r} for {key}"
            if "REGEX" in value:
                try:
                    re.compile(value["REGEX"])
                except (re.error, TypeError) as exc:
                    return f"invalid REGEX for {key}: {exc}"
        elif not isinstance(value, (str, int, bool)):
            return f"value of {key} must be text, a number, true/false or a predicate mapping"
    return None


# What a REGEX predicate reads of a token, by the attribute it is given for.
_TOKEN_TEXT = {"TEXT": "text", "ORTH": "orth_", "LOWER": "lower_", "NORM": "norm_", "SHAPE": "shape_",
               "PREFIX": "prefix_", "SUFFIX": "suffix_"}


def _register_timed(timed: list[tuple[str, str, Pattern]]) -> None:
    """Token attributes backed by a team's timed patterns (see TokensKind._timed_spec)."""
    if not timed:
        return
    from spacy.tokens import Token

    for name, key, pattern in timed:
        attr = _TOKEN_TEXT.get(key, "text")
        Token.set_extension(name, force=True,
                            getter=lambda token, p=pattern, a=attr: p.search(getattr(token, a)) is not None)


def _literal(spec: dict[str, Any]) -> list[str] | None:
    """The lowercase texts a token matching ``spec`` may have; None if any text may do."""
    for key in ("LOWER", "ORTH", "TEXT"):
        value = spec.get(key)
        if isinstance(value, str):
            return [value.lower()]
        if isinstance(value, dict) and isinstance(value.get("IN"), list):
            return [str(v).lower() for v in value["IN"]]
    return None


def _is_space(spec: dict[str, Any]) -> bool:
    return spec.get("IS_SPACE") is True and set(spec) <= {"IS_SPACE", "OP"}


def literal_run(pattern: list[dict[str, Any]]) -> list[list[str]]:
    """The texts of the longest run of literal tokens every match holds one after the
    other (optional white-space tokens between them), from the first required one.

    A spaCy Doc's text is its tokens and the white space after each, so the text of
    that run is those literals with only white space between them.
    """
    run: list[list[str]] = []
    for spec in pattern:
        op = spec.get("OP")
        if op in ("?", "*") and (not run or _is_space(spec)):
            continue  # before the run: the run still follows; inside it: white space
        texts = _literal(spec) if op is None else None
        if texts is None or "NORM" in spec:
            break
        run.append(texts)
    return run


def _run_regex(run: list[list[str]]) -> str:
    """The run as a regex over lowercase text (white space of any length between)."""
    parts = ["(?:" + "|".join(map(re.escape, sorted(set(texts)))) + ")" for texts in run]
    body = r"\s*".join(parts)
    first = [t for t in run[0]]
    last = [t for t in run[-1]]
    before = r"\b" if all(_WORD_CHAR.match(t[0]) for t in first) else r"(?<!\w)"
    after = r"\b" if all(_WORD_CHAR.match(t[-1]) for t in last) else r"(?!\w)"
    return before + body + after


def prefilter(patterns: list[list[dict[str, Any]]]) -> Pattern | None:
    """A regex every match of one of ``patterns`` lies on, in the page's text; None if
    one pattern has no literal token to find.

    Words stand with \\b on either side, as they do as tokens; the scan drops the \\b
    to skip ahead to the literal ("its" is found by a substring search, not tried at
    every character of the page).
    """
    runs = [literal_run(p) for p in patterns]
    if not all(runs):
        return None
    return compile("|".join(_run_regex(run) for run in runs), ignore_case=True)


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
        for pattern in self.patterns:
            for spec in pattern:
                problem = _check_spec(spec)
                if problem:
                    raise ctx.error("patterns", problem)
        # A team's REGEX predicates run on timed patterns (spaCy's own would use re, with
        # no time limit): each becomes a token attribute that asks the timed pattern.
        self._timed: list[tuple[str, str, Pattern]] = []
        if getattr(ctx, "timed", False):
            self.patterns = [[self._timed_spec(spec, ctx) for spec in p] for p in self.patterns]
        # Before building a spaCy doc: do the literal tokens of a pattern stand on the
        # page one after the other (and, for a sentence's first token, where a sentence
        # may start)? Most pages hold "its" or "than"; few hold "its a" or "Than" after
        # a full stop, so few pay for spaCy.
        by_norm = any("NORM" in spec for p in self.patterns for spec in p)
        self._prefilter = None if by_norm else prefilter(self.patterns)
        self._sentence_first = all(
            next((s for s in p if s.get("OP") is None), {}).get("IS_SENT_START") is True
            for p in self.patterns)

    def _timed_spec(self, spec: dict[str, Any], ctx: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in spec.items():
            if isinstance(value, dict) and "REGEX" in value:
                name = f"lintcare_{self._rule_id.replace('-', '_')}_{len(self._timed)}"
                self._timed.append((name, key, ctx.regex("patterns", value["REGEX"], case_sensitive=True)))
                rest = {k: v for k, v in value.items() if k != "REGEX"}
                if rest:
                    out[key] = rest
                out.setdefault("_", {})[name] = True
            else:
                out[key] = value
        return out

    def declared_patterns(self) -> list[Pattern]:
        return [self._prefilter] if self._prefilter is not None else []

    def anchors(self) -> tuple[str, ...]:
        """The texts the first required literal token of each pattern may have (none when a
        pattern has no such token)."""
        out: set[str] = set()
        for pattern in self.patterns:
            run = literal_run(pattern)
            if not run:
                return ()  # one pattern with no literal: cannot prefilter
            out.update(run[0])
        return tuple(out)

    def _build(self):
        from spacy.matcher import Matcher

        from ..language.nlp import pipeline

        vocab = pipeline().vocab
        _register_timed(self._timed)
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

    def _candidates(self, doc: Document) -> bool:
        """Can a pattern match on this page? A page whose long runs without a space
        the tokenizer breaks (nlp.py) is always parsed: the breaks make new tokens."""
        from ..language.nlp import has_long_runs, may_start_sentence

        found = doc.scan.finditer_page(self._prefilter)  # type: ignore[arg-type]
        if self._sentence_first:
            text, starts = doc.text, [b.start for b in doc.prose.blocks]
            hit = any(may_start_sentence(text, starts, m.start(), m.end()) for m in found)
        else:
            hit = next(found, None) is not None
        return hit or has_long_runs(doc.text)

    def find(self, doc: Document) -> Iterator[Hit]:
        if self._prefilter is not None and not self._candidates(doc):
            return
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
