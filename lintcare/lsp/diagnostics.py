"""Findings as LSP diagnostics, and a rule's explanation for hover.

A finding's character offsets become a range in the negotiated encoding; a finding about
the whole page (scope "document") is shown on the first line. The rule id is the
diagnostic code, linked to its entry in the rule reference (docs/rules.md).
"""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from ..findings import Finding
from ..suppress import META_CATEGORY, META_RULES, META_SEVERITY
from .positions import LineIndex
from .workspace import Linted

SOURCE = "lintcare"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    # Information, not Hint: several editors draw hints so faintly that writers miss them.
    "suggestion": types.DiagnosticSeverity.Information,
}
# The rule reference; every rule has a heading of its id there, so an anchor of its own.
_LOCAL_REFERENCE = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
PUBLISHED_REFERENCE = "https://github.com/OWNER/lintcare/blob/main/docs/rules.md"
CONFIG_ERROR = "configuration-error"
LINT_ERROR = "lint-error"


def reference_url(configured: str | None = None) -> str:
    """The rule reference: the client's ``rulesUrl``, the checkout's own file, else the published page."""
    if configured:
        return configured
    return _LOCAL_REFERENCE.as_uri() if _LOCAL_REFERENCE.is_file() else PUBLISHED_REFERENCE


def finding_range(finding: Finding, index: LineIndex) -> types.Range:
    if finding.scope == "document":
        return index.first_line()
    return index.range(finding.start, finding.end)


def _message(finding: Finding) -> str:
    if finding.suggestions:
        return f"{finding.message} Suggested: {' | '.join(finding.suggestions)}"
    return finding.message


def to_diagnostic(finding: Finding, number: int, index: LineIndex, linted: Linted,
                  reference: str) -> types.Diagnostic:
    return types.Diagnostic(
        range=finding_range(finding, index),
        message=_message(finding),
        severity=SEVERITY.get(finding.severity, types.DiagnosticSeverity.Warning),
        code=finding.rule,
        code_description=types.CodeDescription(href=f"{reference}#{finding.rule}"),
        source=SOURCE,
        # Which finding of which version: code actions and hover find it again by this.
        data={"version": linted.version, "finding": number},
    )


def _problem(message: str, code: str, index: LineIndex) -> types.Diagnostic:
    """One diagnostic on the first line for what kept the page from being linted fully."""
    return types.Diagnostic(range=index.first_line(), message=f"lintcare: {message}",
                            severity=types.DiagnosticSeverity.Error, code=code, source=SOURCE)


def diagnostics(linted: Linted, index: LineIndex, reference: str) -> list[types.Diagnostic]:
    out = [to_diagnostic(f, n, index, linted, reference) for n, f in enumerate(linted.findings)]
    if linted.error is not None:
        code = CONFIG_ERROR if linted.settings.error is not None else LINT_ERROR
        out.insert(0, _problem(linted.error, code, index))
    return out


def explanation(rule_id: str, linted: Linted, reference: str) -> str | None:
    """Markdown for hover: the rule's message, why it matters, its fix and its source."""
    if rule_id in META_RULES:  # made by the suppression stage, not by a rule file
        return f"**{rule_id}** ({META_CATEGORY}, {META_SEVERITY})\n\n{META_RULES[rule_id]}"
    ruleset = linted.settings.ruleset
    rule = ruleset.get(rule_id) if ruleset is not None else None  # type: ignore[attr-defined]
    if rule is None:
        return None
    parts = [f"**{rule.id}** ({rule.category}, {rule.severity})", rule.message]
    if rule.description:
        parts.append(f"Why: {rule.description}")
    if rule.suggest:
        parts.append("Suggested: " + " | ".join(rule.suggest))
    parts.append(f"Source: {rule.source}")
    parts.append(f"[Rule reference]({reference}#{rule.id})")
    return "\n\n".join(parts)
