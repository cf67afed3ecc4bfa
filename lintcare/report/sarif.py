"""``--format sarif``: SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers).

One run; the driver lists every rule of the rule set with its metadata, each result points at
its region (1-based lines and columns counted in Unicode code points, end column exclusive as
in lintcare) and carries its fix, if any, as a SARIF fix with the exact replacement.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..baseline import Outcome, fingerprint
from ..findings import Edit, Finding, Fix
from ..pipeline import FileResult
from ..rules.loader import Rule, RuleSet
from ..sources import Source
from .names import path_bytes

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "suggestion": "note"}
# Characters kept as they are in a relative URI path; ':' is left out because "a:b.md"
# would read as a URI scheme.
_URI_SAFE = "/!$&'()*+,;=@"


def artifact_location(path: str) -> dict[str, str]:
    """A file URI for an absolute path, else a relative reference from the source root."""
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}  # pathlib quotes os.fsencode(path) itself
    # Quoted from the name's bytes: a name that is not UTF-8 keeps its own bytes, %-encoded.
    return {"uri": quote(path_bytes(Path(os.path.normpath(path)).as_posix()), safe=_URI_SAFE),
            "uriBaseId": "%SRCROOT%"}


def _general(message: str) -> str:
    """A rule's message template without its per-finding placeholders."""
    return message.replace("{text}", "…").replace("{replacement}", "…")


def rule_descriptor(rule: Rule) -> dict[str, object]:
    full = _general(rule.message)
    if rule.description:
        full = f"{full} {rule.description}"
    help_text = f"{full}\n\nSource: {rule.source}\nFix: {rule.fix}"
    flags = "".join(f"\n- {ex.text}" for ex in rule.fail)
    passes = "".join(f"\n- {ex.text}" for ex in rule.passes)
    help_md = (f"{full}\n\n**Source:** {rule.source}\n\n**Flags:**\n{flags}\n\n"
               f"**Does not flag:**\n{passes}")
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),
        "shortDescription": {"text": rule.id.replace("-", " ").capitalize()},
        "fullDescription": {"text": full},
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"category": rule.category, "tags": [rule.category], "source": rule.source},
    }


def _region(source: Source | None, start: int, end: int) -> dict[str, int]:
    """An edit's region; line and column come from the same offsets as the finding's."""
    region = {"charOffset": start, "charLength": end - start}
    if source is not None:
        line, col = source.position(start)
        end_line, end_col = source.position(end)
        region = {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col,
                  **region}
    return region


def _fix(fix: Fix, flagged: str, location: dict[str, str], source: Source | None) -> dict[str, object]:
    def replacement(e: Edit) -> dict[str, object]:
        return {"deletedRegion": _region(source, e.start, e.end), "insertedContent": {"text": e.replacement}}

    shown = " | ".join(repr(e.replacement) for e in fix.edits)
    return {
        "description": {"text": f"Replace {flagged!r} with {shown}"
                                + ("" if fix.safe else " (review before applying)")},
        "artifactChanges": [{"artifactLocation": location,
                             "replacements": [replacement(e) for e in fix.edits]}],
        "properties": {"safe": fix.safe},
    }


def _result(f: Finding, r: FileResult, index: dict[str, int], baseline: bool) -> dict[str, object]:
    location = artifact_location(r.path)
    region: dict[str, object] = {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line,
                                 "endColumn": f.end_column, "charOffset": f.start,
                                 "charLength": f.end - f.start}
    if f.scope == "span":
        region["snippet"] = {"text": f.text}
    out: dict[str, object] = {
        "ruleId": f.rule,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
        "partialFingerprints": {"lintcare/v1": fingerprint(f, r.source)},
        "properties": {"category": f.category, "scope": f.scope, "suggestions": list(f.suggestions)},
    }
    if f.rule in index:
        out["ruleIndex"] = index[f.rule]
    if f.fix is not None:
        out["fixes"] = [_fix(f.fix, f.text, location, r.source)]
    if baseline:
        out["baselineState"] = "new"
    return out


def _notifications(results: Sequence[FileResult]) -> list[dict[str, object]]:
    return [
        {"level": "error" if r.error else "note", "message": {"text": r.error or r.note},
         "locations": [{"physicalLocation": {"artifactLocation": artifact_location(r.path)}}]}
        for r in results if r.error or r.note
    ]


def render(results: Sequence[FileResult], ruleset: RuleSet, baseline: Outcome | None = None) -> str:
    index = {rule.id: i for i, rule in enumerate(ruleset.rules)}
    run: dict[str, object] = {
        "tool": {"driver": {
            "name": "lintcare",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": [rule_descriptor(rule) for rule in ruleset.rules],
        }},
        "invocations": [{"executionSuccessful": not any(r.error for r in results),
                         "toolExecutionNotifications": _notifications(results)}],
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, r, index, baseline is not None) for r in results for f in r.findings],
    }
    return json.dumps({"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]},
                      ensure_ascii=False, indent=2)
