"""Inline suppressions: a pipeline stage applied to the findings after the engine.

Markdown and HTML use comments; plain text uses a line of its own (the same words,
with or without the comment markers)::

    <!-- lintcare-disable RULE[,RULE...] -- reason -->      (until enabled again)
    <!-- lintcare-enable RULE[,RULE...] -->
    <!-- lintcare-disable-next-line RULE[,RULE...] -- reason -->
    lintcare-disable-next-line RULE -- reason               (plain text)

A RULE is a rule id, a category, or ``all`` (no rule at all also means ``all``).
``disable-next-line`` covers the next line that is not blank. A page-level finding
(no contact information, say) is silenced by a ``disable`` of its rule anywhere in
the file. Every suppression needs a reason after ``--``; one without is reported
(``suppression-missing-reason``), and so is one that silenced nothing
(``suppression-unused``). These two findings have the category ``compliance``: a
suppression is a reviewed exception to the content rules, and its reason is the
audit trail.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .directives import Directive, directives
from .findings import CATEGORIES, Finding
from .sources import Source
from .sources.prose import Prose

MISSING_REASON = "suppression-missing-reason"
UNUSED = "suppression-unused"
META_CATEGORY = "compliance"
META_SEVERITY = "warning"
# Rules made by this stage, not by rules.yaml: id -> what they mean.
META_RULES = {
    MISSING_REASON: "A suppression comment gives no reason after '--'; every exception needs one "
                    "so a reviewer can tell why the rule does not apply.",
    UNUSED: "A suppression comment silenced nothing (or names no known rule); remove it so it "
            "does not hide a future finding.",
}

@dataclass
class _Region:
    key: str
    start: int
    end: int
    directive: Directive


def _matches(key: str, f: Finding) -> bool:
    return key == "all" or key == f.rule or key == f.category


def _regions(items: list[Directive], text_len: int) -> tuple[list[_Region], list[Directive]]:
    """Disable regions, and the enable directives that closed nothing."""
    open_: dict[str, list[_Region]] = {}
    regions: list[_Region] = []
    stray: list[Directive] = []
    for d in items:
        if d.action == "disable":
            for key in d.keys:
                region = _Region(key, d.end, text_len, d)
                regions.append(region)
                open_.setdefault(key, []).append(region)
        elif d.action == "enable":
            closed = False
            for key in d.keys:
                names = list(open_) if key == "all" else [key]
                for name in names:
                    for region in open_.pop(name, []):
                        region.end = d.start
                        closed = True
            if not closed:
                stray.append(d)
    return regions, stray


def _next_line(source: Source, d: Directive) -> int:
    line, _ = source.position(max(d.start, d.end - 1))
    last = len(source.line_starts())
    line += 1
    while line < last and not source.line_text(line).strip():
        line += 1
    return line


def _meta(source: Source, d: Directive, rule: str, message: str) -> Finding:
    line, col = source.position(d.start)
    end_line, end_col = source.position(d.end)
    return Finding(
        rule=rule, category=META_CATEGORY, severity=META_SEVERITY, message=message,
        path=source.path, start=d.start, end=d.end, line=line, column=col, end_line=end_line,
        end_column=end_col, text=source.text[d.start:d.end],
    )


def _silenced(f: Finding, regions: list[_Region], next_lines: list[tuple[int, Directive]]) -> bool:
    hit = False
    for r in regions:
        if _matches(r.key, f) and (f.scope == "document" or r.start <= f.start < r.end):
            r.directive.used.add(r.key)
            hit = True
    for line, d in next_lines:
        if f.line == line:
            for key in d.keys:
                if _matches(key, f):
                    d.used.add(key)
                    hit = True
    return hit


def apply_suppressions(
    findings: list[Finding],
    source: Source,
    prose: Prose,
    active: Iterable[str] | None = None,
    known: Iterable[str] | None = None,
) -> list[Finding]:
    """Drop suppressed findings; report suppressions without a reason or without effect.

    ``active`` are the rules that ran (a suppression of a rule switched off by the
    configuration is not reported as unused); ``known`` are all rule ids there are.
    """
    items = directives(prose.comments)
    if not items:
        return findings
    active_set = set(active) if active is not None else {f.rule for f in findings}
    known_set = set(known) if known is not None else set(active_set)
    known_set |= set(CATEGORIES) | set(META_RULES) | {"all"}
    regions, stray = _regions([d for d in items if d.action != "disable-next-line"], len(source.text))
    next_lines = [(_next_line(source, d), d) for d in items if d.action == "disable-next-line"]
    kept = [f for f in findings if not _silenced(f, regions, next_lines)]
    meta: list[Finding] = []
    for d in items:
        if d.action != "enable" and not d.reason:
            meta.append(_meta(source, d, MISSING_REASON,
                              f'Suppression without a reason: add one after "--", e.g. '
                              f'"lintcare-{d.action} {",".join(d.keys)} -- why the rule does not apply".'))
        if d.action == "enable":
            if d in stray:
                meta.append(_meta(source, d, UNUSED,
                                  f'"lintcare-enable {",".join(d.keys)}" ends no suppression: remove it.'))
            continue
        unknown = [k for k in d.keys if k not in known_set]
        # A rule the configuration switched off could not have fired: not reported.
        idle = [k for k in d.keys if k not in d.used
                and (k == "all" or k in CATEGORIES or k in active_set or k in META_RULES)]
        if unknown:
            meta.append(_meta(source, d, UNUSED,
                              f"This suppression names no known rule or category: {', '.join(unknown)}."))
        elif idle:
            meta.append(_meta(source, d, UNUSED,
                              f"This suppression silenced nothing ({', '.join(idle)} found nothing here): "
                              "remove it."))
    return sorted(kept + meta, key=lambda f: f.sort_key)
