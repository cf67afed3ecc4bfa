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
from ..scan import Pattern, compile
from ..sources.prose import HEADING
from .base import Hit, Kind

_SPACES = re.compile(r"[\s\-‐‑]+")


def _plain_regex(phrase: str) -> Pattern:
    """The plain wording as a case-insensitive regex; spaces and hyphens are interchangeable."""
    parts = [re.escape(p) for p in _SPACES.split(phrase.strip()) if p]
    return compile(r"\b" + r"[\s\-‐‑]+".join(parts) + r"\b", ignore_case=True)


class FirstUseKind(Kind):
    """``terms`` maps a regex (one term and its variants) to its plain wording(s).

    The first use of a term counts as explained when, within its sentence, the text
    right after it matches an ``explained_after`` regex (a parenthesis, "which means"),
    the text before it matches an ``explained_before`` regex (end it with ``$``), the
    next sentence starts with an ``explained_next`` regex ("This means..."), or one of
    the term's plain wordings appears in the previous, same or next sentence
    (``plain_in: adjacent``, the default) or in the same sentence (``plain_in:
    sentence``, right for acronyms, whose long form must stand beside them) or in a
    heading the term stands under ("TRANSCRANIAL MAGNETIC STIMULATION" over "TMS is...").
    An acronym in brackets after words whose initials spell it, in any order of small
    words ("serotonin and noradrenaline reuptake inhibitors (SNRIs)"), is defined. An
    unexplained use in a heading, or in a short question or title standing alone on its
    line ("What is TMS?"), is skipped (a title cannot hold an explanation) unless
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
        self.term_res: list[Pattern] = []
        self.plain: list[tuple[str, ...]] = []
        self.plain_res: list[list[Pattern]] = []
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
        # One scan for all terms: an alternation without groups lets the scan skip
        # ahead fast (doc.scan.spans).
        joined = r"\b(?:" + "|".join(f"(?:{k})" for k in self.keys) + r")\b"
        self.regex = ctx.regex("terms", joined, cs)
        self.after = self._regexes(ctx, raw, "explained_after")
        self.before = self._regexes(ctx, raw, "explained_before")
        self.next = self._regexes(ctx, raw, "explained_next")

    @staticmethod
    def _regexes(ctx: Any, raw: dict[str, Any], name: str) -> list[Pattern]:
        value = raw.get(name, [])
        return [ctx.regex(name, p) for p in (value if isinstance(value, list) else [value])]

    def declared_patterns(self) -> list[Pattern]:
        return [self.regex]

    def anchors(self) -> tuple[str, ...]:
        found: set[str] = set()
        for term in self.term_res:
            lits = term.anchors
            if not lits:
                return ()
            found.update(lits)
        return tuple(sorted(found))

    def _matches(self, doc: Document) -> Iterator[tuple[int, int, int]]:
        """(start, end, term index) of every term use, in order."""
        text = doc.text
        for start, end in doc.scan.spans(self.regex):
            term = next((i for i, r in enumerate(self.term_res) if r.fullmatch(text, start, end)), None)
            if term is not None:
                yield start, end, term

    def find(self, doc: Document) -> Iterator[Hit]:
        analysis = analysis_of(doc)
        done: set[int] = set()
        on_page: dict[int, bool] = {}
        for start, end, term in self._matches(doc):
            if term in done:
                continue
            i = analysis.index_at(start)
            if i is None:  # alt text and other prose outside the reading flow
                continue
            if self._explained(doc.text, analysis, i, start, end, term) or _spelled_before(
                    doc.text, start, end) or self._in_heading_above(doc, start, term):
                done.add(term)
                continue
            # A title or FAQ question cannot hold the explanation; the text below it does.
            # A title line inside a block (the answer follows after one line break) waits
            # only on a page that explains the term: else it is where the term first appears.
            title = None if self.in_headings else _title_like(doc, analysis, i)
            if title == "line" and term not in on_page:  # one page search per term
                on_page[term] = self._explained_on_page(doc, term)
            if title and (title == "block" or on_page[term]):
                continue
            done.add(term)
            plain = self.plain[term]
            yield Hit(start, end, suggestions=plain, data=(("plain", plain[0]),))
            if len(done) == len(self.keys):
                return

    def _explained_on_page(self, doc: Document, term: int) -> bool:
        """One of the term's plain wordings appears somewhere on the page."""
        return any(regex.search(doc.text) for regex in self.plain_res[term])

    def _in_heading_above(self, doc: Document, start: int, term: int) -> bool:
        """One of the term's plain wordings is in a heading the term stands under."""
        return any(regex.search(doc.text, h.start, h.end)
                   for h in doc.section_headings(start) for regex in self.plain_res[term])

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


_SMALL_WORDS = frozenset({"and", "of", "the", "for", "to", "in", "a", "an", "or"})


def _title_like(doc: Document, analysis: Analysis, i: int) -> str | None:
    """"block": a heading, or a short question or title alone in its block (an FAQ
    question); "line": such a title on its own line at the top of a block; else None."""
    sent = analysis.sentences[i]
    if sent.kind == HEADING:
        return "block"
    block = doc.block_at(sent.start)
    alone = block is not None and (block.start, block.end) == (sent.start, sent.end)
    if not doc.title_like(sent.start):
        return None
    if alone:
        return "block"
    return "line" if _own_line(doc.text, sent.start, sent.end) else None


def _own_line(text: str, start: int, end: int) -> bool:
    """The sentence is a whole line of its block: a plain-text title or FAQ question set
    over its answer with a single line break ("What is TMS?" then the answer)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and end <= line_end and not text[end:line_end].strip()


def _spelled_before(text: str, start: int, end: int) -> bool:
    """An acronym in brackets after the words whose initials spell it, small words aside."""
    acronym = text[start:end]
    letters = acronym[:-1] if acronym.endswith("s") and acronym[:-1].isupper() else acronym
    if not (letters.isupper() and 2 <= len(letters) <= 6) or not text[:start].rstrip().endswith("("):
        return False
    words = re.findall(r"[A-Za-z][\w-]*", text[max(0, start - 120):start])[-(len(letters) + 3):]
    initials = [w[0].lower() for w in words if w.lower() not in _SMALL_WORDS]
    # Each hyphenated part may carry a letter ("serotonin-norepinephrine").
    return "".join(initials[-len(letters):]) == letters.lower() or _fits_hyphenated(words, letters)


def _fits_hyphenated(words: list[str], letters: str) -> bool:
    parts = [p for w in words if w.lower() not in _SMALL_WORDS for p in w.split("-") if p]
    return "".join(p[0].lower() for p in parts[-len(letters):]) == letters.lower()
