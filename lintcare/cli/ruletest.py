"""Run each rule's own examples: ``fail`` texts must trigger it, ``pass`` texts must not,
and an example that gives its ``fixed`` text must be fixed to exactly that text."""

from __future__ import annotations

from dataclasses import dataclass

from ..api import lint_source
from ..faults import PartialLint
from ..fix import fix_text
from ..rules.loader import Example, Rule, RuleSet
from ..sources import Source


@dataclass(frozen=True)
class ExampleFailure:
    rule: str
    origin: str
    expected: str  # "fail" (should have triggered) or "pass" (should not have)
    example: Example
    found: tuple[str, ...]  # what the rule flagged, for the report
    error: str = ""  # the rule could not run on the example (a team's pattern timed out)
    fixed: str | None = None  # set when the fix gave this text instead of ``example.fixed``

    def describe(self) -> str:
        if self.error:
            return f"{self.error} (on its {self.expected} example {self.example.text!r})"
        where = f"{self.origin}: rule '{self.rule}'"
        if self.fixed is not None:
            return (f"{where} fixed its {self.expected} example {self.example.text!r} to "
                    f"{self.fixed!r}, expected {self.example.fixed!r}")
        if self.expected == "fail":
            what = "did not trigger on"
        else:
            what = f"triggered ({', '.join(repr(t) for t in self.found)}) on"
        return f"{where} {what} its {self.expected} example: {self.example.text!r}"


def check_rule(rule: Rule, ruleset: RuleSet) -> list[ExampleFailure]:
    # The rule, and the rules that supersede it: a pass example may show a place where
    # another rule's finding replaces this one's ("SPRAVATO (ketamine)").
    only = RuleSet([rule, *(r for r in ruleset.rules if rule.id in r.supersedes)], ruleset.facts)
    out: list[ExampleFailure] = []
    for expected, examples in (("fail", rule.fail), ("pass", rule.passes)):
        for ex in examples:
            try:
                found = [f for f in lint_source(Source("<example>", ex.text, ex.fmt), only)
                         if f.rule == rule.id]
                # Through the real fix path (safe and unsafe fixes, re-linted until stable),
                # with only this rule, so the text shows what this rule's fix does.
                fixed = fix_text(ex.text, only, ex.fmt, unsafe=True).text if ex.fixed is not None else None
            except PartialLint as exc:
                out.append(ExampleFailure(rule.id, rule.origin, expected, ex, (), str(exc)))
                continue
            if bool(found) != (expected == "fail"):
                out.append(ExampleFailure(rule.id, rule.origin, expected, ex,
                                          tuple(f.text for f in found)))
            if fixed is not None and fixed != ex.fixed:
                out.append(ExampleFailure(rule.id, rule.origin, expected, ex,
                                          tuple(f.text for f in found), fixed=fixed))
    return out


def checks_of(rule: Rule) -> int:
    """How many checks a rule's examples make: one per example, one more per ``fixed``."""
    examples = (*rule.fail, *rule.passes)
    return len(examples) + sum(ex.fixed is not None for ex in examples)


def run_examples(ruleset: RuleSet) -> list[ExampleFailure]:
    failures: list[ExampleFailure] = []
    for rule in ruleset.rules:
        failures.extend(check_rule(rule, ruleset))
    return failures
