"""Stage 5: run rule kinds over a document, apply shared context filters, emit findings."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .context import covered_by, is_negated, is_quoted, under_heading
from .document import Document
from .findings import Edit, Finding, Fix
from .kinds import Hit
from .merge import drop_same_span, drop_superseded
from .rules.loader import CONTEXT_WINDOW, Rule, RuleSet
from .scan import RegexTimeout


def _page_allows(rule: Rule, doc: Document) -> bool:
    if rule.page_kinds and doc.page_kind not in rule.page_kinds:
        return False  # a rule for other kinds of page ("no phone number" on a news story)
    if not doc.scan.may_match(rule):  # the scan rules out every match (filter, anchors)
        return False
    if not all(doc.has(f) for f in rule.when):
        return False
    return not any(doc.has(f) for f in rule.unless)


def _span_allowed(rule: Rule, doc: Document, hit: Hit) -> bool:
    """Shared context filters; the cheap ones first."""
    text = doc.text
    block = doc.block_at(hit.start)
    if block is None or hit.end > block.end:
        return False  # outside prose, or across two blocks
    # Letters inside an email address are not prose; only contact rules judge them.
    if rule.category != "contact" and doc.in_email(hit.start, hit.end):
        return False
    flagged = text[hit.start:hit.end]
    if any(p.fullmatch(flagged) for p in rule.exceptions):
        return False
    if rule.skip_headings and block.kind == "heading":
        return False
    if rule.skip_inside and covered_by(doc, hit.start, hit.end, rule.skip_inside):
        return False
    if rule.skip_sections and under_heading(doc, hit.start, rule.skip_sections):
        return False
    before = rule.unless_before
    if before is not None and before.search(text[max(block.start, hit.start - CONTEXT_WINDOW):hit.start]):
        return False
    after = rule.unless_after
    if after is not None and after.search(text[hit.end:min(block.end, hit.end + CONTEXT_WINDOW)]):
        return False
    if rule.sentence_when is not None or rule.sentence_unless is not None:
        s, e = doc.sentence_bounds(hit.start, hit.end)
        sentence = text[s:e]
        if rule.sentence_when is not None and not rule.sentence_when.search(sentence):
            return False
        if rule.sentence_unless is not None and rule.sentence_unless.search(sentence):
            return False
    if (rule.block_when is not None or rule.block_unless is not None) and \
            not _block_allows(rule, text[block.start:block.end]):
        return False  # the slice only when asked: a page in one block pays it at every hit
    if rule.skip_negated and is_negated(doc, hit.start, rule.skip_negated):
        return False
    return not (rule.skip_quoted and is_quoted(doc, hit.start, hit.end))


def _block_allows(rule: Rule, paragraph: str) -> bool:
    """The paragraph's topic: a sentence may lean on its neighbours ("It is FDA-approved")."""
    if rule.block_when is not None and not rule.block_when.search(paragraph):
        return False
    return rule.block_unless is None or not rule.block_unless.search(paragraph)


def _format_message(rule: Rule, flagged: str, replacement: str | None,
                    data: tuple[tuple[str, object], ...] = ()) -> str:
    if "{" not in rule.message:
        return rule.message
    try:
        return rule.message.format(**{**dict(data), "text": flagged, "replacement": replacement or ""})
    except (KeyError, IndexError, ValueError):
        return rule.message


def _as_read(doc: Document, hit: Hit, flagged: str) -> str:
    if hit.scope == "document" or hit.end <= hit.start:
        return flagged
    return re.sub(r"\s+", " ", doc.text[hit.start:hit.end])


def make_finding(rule: Rule, doc: Document, hit: Hit) -> Finding:
    source = doc.source
    pmap = doc.prose.map
    if hit.scope == "document" and hit.end <= hit.start:
        # A finding about the whole page points at its first line.
        start = 0
        first_line_end = source.line_starts()[1] if len(source.line_starts()) > 1 else len(source.text)
        end = len(source.text[:first_line_end].rstrip("\r\n"))
    else:
        start = pmap.source_start(hit.start)
        end = pmap.source_end(hit.end)
    line, col = source.position(start)
    end_line, end_col = source.position(end)
    flagged = source.text[start:end]
    fix = None
    if (
        hit.replacement is not None
        and rule.fix != "none"
        and hit.scope == "span"
        and pmap.is_verbatim(hit.start, hit.end)
        and hit.replacement != flagged
    ):
        # A choice between several candidates is never mechanical.
        safe = rule.fix == "safe" and len(set(hit.suggestions)) <= 1
        fix = Fix((Edit(start, end, hit.replacement),), safe)
    # A blank replacement (a deletion) is no suggestion to show: the rule's words say it.
    suggestions = tuple(s for s in hit.suggestions if s.strip()) or rule.suggest
    return Finding(
        rule=rule.id,
        category=rule.category,
        severity=hit.severity or rule.severity,
        # The message quotes the words as read (no markup, a line break as a space);
        # ``text`` stays the exact source slice.
        message=_format_message(rule, _as_read(doc, hit, flagged), hit.replacement, hit.data),
        path=doc.path,
        start=start,
        end=end,
        line=line,
        column=col,
        end_line=end_line,
        end_column=end_col,
        text=flagged,
        suggestions=tuple(suggestions),
        scope=hit.scope,
        fix=fix,
        extra=hit.data,
    )


def run_rule(rule: Rule, doc: Document) -> Iterable[Finding]:
    if not _page_allows(rule, doc):
        return
    # One finding per place: a rule's alternative patterns may match overlapping text.
    last_end, left = -1, rule.max_per_page or -1  # max_per_page: the first N findings only
    for hit in sorted(rule.kind.find(doc), key=lambda h: (h.start, -h.end)):
        if hit.start < last_end:
            continue
        if hit.scope == "span" and not _span_allowed(rule, doc, hit):
            continue
        last_end = max(hit.end, hit.start + 1)
        yield make_finding(rule, doc, hit)
        left -= 1
        if left == 0:
            return


def lint_document(doc: Document, ruleset: RuleSet, failures: list[str] | None = None) -> list[Finding]:
    """Every rule's findings in page order.

    A team's pattern that times out (userregex.py) skips its rule on this page: with a
    ``failures`` list the reason is added to it and the other rules still run.
    """
    findings: list[Finding] = []
    fallback: list[Finding] = []
    for rule in ruleset.rules:
        try:
            found = list(run_rule(rule, doc))
        except RegexTimeout as exc:
            if failures is None:
                raise
            failures.append(str(exc))
            continue
        (fallback if rule.kind.fallback else findings).extend(found)
    findings = drop_same_span(findings, fallback)
    findings = drop_superseded(findings, ruleset.supersedes)
    findings.sort(key=lambda f: f.sort_key)
    return findings
