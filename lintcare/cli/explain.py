"""``lintcare explain RULE``: what a rule catches, why, whether ``--fix`` fixes it, its
sources in full, and its examples; a near-miss id gets "did you mean"."""

from __future__ import annotations

import difflib
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .plan import UsageFailure
from .run import load_ruleset

if TYPE_CHECKING:
    from ..findings import Finding
    from ..rules.loader import Rule, RuleSet

SOURCES = Path(__file__).resolve().parent.parent / "data" / "sources.txt"
_CODE = re.compile(r"\[(S\d+[a-z]*)\]")
FIX_TEXT = {
    "safe": "safe: 'lintcare check --fix' applies it (the meaning does not change)",
    "unsafe": "unsafe: a rewrite to review; 'lintcare check --fix --unsafe-fixes' applies it",
    "none": "none: no automatic fix; a person rewrites the passage",
}


@cache
def source_titles() -> dict[str, str]:
    """[S..] code -> the full reference (title and where it is stored)."""
    titles: dict[str, str] = {}
    for line in SOURCES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, _, title = line.partition("\t")
            titles[code] = title.strip()
    return titles


def source_lines(source: str) -> list[str]:
    """The rule's source, then each [S..] code it cites written out."""
    titles = source_titles()
    out = [f"Source: {source}"]
    out += [f"  [{code}] {titles[code]}" for code in dict.fromkeys(_CODE.findall(source)) if code in titles]
    return out


def _sample(rule: Rule, ruleset: RuleSet) -> Finding | None:
    """The rule's finding on its first failing example: a message with real words in it."""
    from ..api import lint_source
    from ..faults import PartialLint
    from ..rules.loader import RuleSet as Rules
    from ..sources import Source

    only = Rules([rule], ruleset.facts)
    for ex in rule.fail:
        try:
            found = [f for f in lint_source(Source("<example>", ex.text, ex.fmt), only) if f.rule == rule.id]
        except PartialLint:
            continue
        if found:
            return found[0]
    return None


def fix_kind(rule: Rule, sample: Finding | None) -> str:
    """safe, unsafe or none: what the sample's fix shows, else what the rule declares."""
    if sample is not None and sample.fix is not None:
        return "safe" if sample.fix.safe else "unsafe"
    rewrites = "replace" in rule.raw or rule.kind_name == "terms"
    return rule.fix if rewrites and sample is None else "none"


def _unknown(rule_id: str, known: list[str]) -> UsageFailure:
    near = difflib.get_close_matches(rule_id, known, n=3, cutoff=0.6)
    hint = f"; did you mean {' or '.join(repr(n) for n in near)}?" if near else ""
    return UsageFailure(f"unknown rule '{rule_id}'{hint} (see 'lintcare rules')")


def explain_lines(rule: Rule, ruleset: RuleSet) -> list[str]:
    sample = _sample(rule, ruleset)
    message = sample.message if sample is not None else rule.message.replace("{text}", "…")
    out = [f"{rule.id} ({rule.category}, {rule.severity}, kind {rule.kind_name})", "",
           f"Message: {message}"]
    if sample is not None:
        out.append(f"  (as reported for {sample.text!r} in the first example)")
    if rule.description:
        out += ["", f"Why: {rule.description}"]
    if rule.suggest:
        out += ["", "Suggested: " + " | ".join(rule.suggest)]
    out += ["", f"Fix: {FIX_TEXT[fix_kind(rule, sample)]}", "", *source_lines(rule.source), "", "Flags:"]
    for ex in rule.fail:
        out.append(f"  - {ex.text}")
        if ex.fixed is not None:
            out.append(f"    fixed: {ex.fixed}")
    out.append("Does not flag:")
    out += [f"  - {ex.text}" for ex in rule.passes]
    return out


@click.command()
@click.argument("rule_id")
@click.option("--rules", "extra_rules", multiple=True, type=click.Path(readable=False),
              help="Extra rule file whose rules can be explained too.")
def explain(rule_id: str, extra_rules: tuple[str, ...]) -> None:
    """Show a rule's message, rationale, fix, sources and examples."""
    from ..suppress import META_CATEGORY, META_RULES, META_SEVERITY

    rs = load_ruleset(extra_rules)
    rule = rs.get(rule_id)
    if rule is None and rule_id in META_RULES:  # made by the suppression stage
        click.echo(f"{rule_id} ({META_CATEGORY}, {META_SEVERITY})\n\n{META_RULES[rule_id]}\n\n"
                   f"Fix: {FIX_TEXT['none']}")
        return
    if rule is None:
        raise _unknown(rule_id, [r.id for r in rs.rules] + list(META_RULES))
    click.echo("\n".join(explain_lines(rule, rs)))
