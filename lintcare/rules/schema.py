"""A rule file checked against ``lintcare/schemas/rules.schema.json``, errors in the rule form.

The schema holds what each field may contain (the common fields and each kind's own);
the loader keeps what a schema cannot say: valid regexes, known facts, unique ids.
"""

from __future__ import annotations

from typing import Any

from ..faults import RuleError
from ..schema import Problem, cut, first_problem, render_path


def validate_rules(origin: str, data: Any) -> None:
    """Raise ``RuleError`` (``FILE: rule 'ID': field 'FIELD': reason``) for the first problem."""
    if not isinstance(data, dict):
        raise RuleError(f"{origin}: a rule file is a mapping with 'rules' (and optional 'facts')")
    # A rule's id and kind come first: the kind decides which other fields exist.
    problem = first_problem("rules", data, first_fields=("id", "kind"))
    if problem is not None:
        raise RuleError(f"{origin}: {_message(data, problem)}")


def _message(data: dict[str, Any], problem: Problem) -> str:
    if len(problem.path) == 1:
        (key,) = problem.path
        if problem.unknown:
            return f"unknown top-level key '{cut(key)}'"
        return f"'{key}' {problem.reason}"
    top, entry, *rest = problem.path
    field = render_path(tuple(rest))
    if top == "facts":  # a fact is named like a rule: its errors read the same way
        reason = "unknown field for a fact" if problem.unknown and len(rest) == 1 else _reason(problem)
        return f"rule 'facts.{cut(entry)}': field '{field or 'pattern'}': {reason}"
    rule = data["rules"][entry]
    if not rest:
        return "every entry under 'rules' must be a mapping"
    if problem.unknown and len(rest) == 1:
        reason = f"unknown field for kind '{cut(rule.get('kind'))}'"
    else:
        reason = _reason(problem)
    return f"rule '{cut(rule.get('id'))}': field '{field}': {reason}"


def _reason(problem: Problem) -> str:
    if problem.unknown:
        known = f" (known: {', '.join(problem.known)})" if problem.known else ""
        return f"unknown key{known}"
    return problem.reason
