"""Rule reference in Markdown, generated from the rule files (docs/rules.md).

    python -m lintcare rules --markdown > docs/rules.md

A test compares docs/rules.md with this output, so the reference never drifts from
rules.yaml.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..findings import CATEGORIES
from ..rules.loader import Rule, RuleSet, default_rules_path, parse_yaml

_FIX_TEXT = {
    "safe": "automatic, safe fix (the meaning does not change)",
    "unsafe": "suggested rewrite; a person should review it before it is applied",
    "none": "no automatic fix; a person rewrites the passage",
}

_CATEGORY_TEXT = {
    "typo": "Misspelt drug names, label terms and repeated words.",
    "punctuation": "Stray, doubled or unbalanced marks, dashes, quotes and hyphenation.",
    "terminology": "Drug names and facts: SPRAVATO, esketamine, ketamine, TMS.",
    "contact": "Phone, email, address and crisis resources a page must give.",
    "supportive-language": "Wording that stigmatises, blames or dismisses the reader.",
    "compliance": "Claims that promise too much or leave out risks.",
    "readability": "Plain language: words, sentences, links and dates readers can use.",
}


def _cell(text: str) -> str:
    """One line of Markdown-safe text (table cells and list items)."""
    return " ".join(text.split()).replace("|", "\\|")


def _code(text: str) -> str:
    shown = _cell(text.replace("\n", "\\n"))
    fence = "``" if "`" in shown else "`"
    pad = " " if fence == "``" else ""
    return f"{fence}{pad}{shown}{pad}{fence}"


def _message(rule: Rule) -> str:
    """The finding's message with its placeholders shown as such."""
    return rule.message.replace("{text}", "…").replace("{replacement}", "(the replacement)")


def _rule_section(rule: Rule) -> list[str]:
    out = [f"### {rule.id}", ""]
    out.append(f"- **Category:** {rule.category}; **severity:** {rule.severity}; "
               f"**kind:** {rule.kind_name}")
    out.append(f"- **Catches:** {_cell(_message(rule))}")
    if rule.description:
        out.append(f"- **Why:** {_cell(rule.description)}")
    rewrites = "replace" in rule.raw or rule.kind_name == "terms"
    fix = _FIX_TEXT[rule.fix if rewrites else "none"]
    if rule.suggest:
        fix = "write " + "; or ".join(f"“{_cell(s)}”" for s in rule.suggest) + f" ({fix})"
    out.append(f"- **Fix:** {fix}")
    out.append(f"- **Source:** {_cell(rule.source)}")
    out.append("- **Flags:** " + "; ".join(_code(e.text) for e in rule.fail))
    out.append("- **Does not flag:** " + "; ".join(_code(e.text) for e in rule.passes))
    return [*out, ""]


def _disabled(paths: list[Path]) -> list[dict[str, Any]]:
    """Rules a file declares with ``enabled: false`` (left out, with a note)."""
    found = []
    for path in paths:
        data = parse_yaml(path)
        for raw in (data or {}).get("rules") or []:
            if isinstance(raw, dict) and raw.get("enabled") is False:
                found.append(raw)
    return found


def render_markdown(ruleset: RuleSet, paths: list[Path] | None = None) -> str:
    files = paths if paths is not None else [default_rules_path()]
    lines = [
        "# lintcare rules",
        "",
        "Generated from rules.yaml by `python -m lintcare rules --markdown`; do not edit by hand.",
        "",
        f"{len(ruleset.rules)} rules. Severity: error = factually wrong, safety-relevant or a high-risk "
        "claim; warning = likely problem; suggestion = style.",
        "",
        "| Category | Rules | What it covers |",
        "|---|---|---|",
    ]
    by_cat = {c: [r for r in ruleset.rules if r.category == c] for c in CATEGORIES}
    for cat, rules in by_cat.items():
        lines.append(f"| [{cat}](#{cat}) | {len(rules)} | {_CATEGORY_TEXT.get(cat, '')} |")
    lines.append("")
    for cat, rules in by_cat.items():
        if not rules:
            continue
        lines += [f"## {cat}", ""]
        for rule in sorted(rules, key=lambda r: r.id):
            lines += _rule_section(rule)
    disabled = _disabled([Path(p) for p in files])
    if disabled:
        lines += ["## Left out", "", "Rules written but not enabled, and why.", ""]
        for raw in disabled:
            lines.append(f"- **{raw.get('id')}** ({raw.get('category')}): "
                         f"{_cell(str(raw.get('note', 'no note')))}")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
