"""Run each rule's own examples: ``fail`` texts must trigger it, ``pass`` texts must not."""

from __future__ import annotations

from dataclasses import dataclass

from ..api import lint_source
from ..faults import PartialLint
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

    def describe(self) -> str:
        if self.error:
            return f"{self.error} (on its {self.expected} example {self.example.text!r})"
        if self.expected == "fail":
            what = "did not trigger on"
        else:
            what = f"triggered ({', '.join(repr(t) for t in self.found)}) on"
        return f"{self.origin}: rule '{self.rule}' {what} its {self.expected} example: {self.example.text!r}"


def check_rule(rule: Rule, ruleset: RuleSet) -> list[ExampleFailure]:
    only = RuleSet([rule], ruleset.facts)
    out: list[ExampleFailure] = []
    for expected, examples in (("fail", rule.fail), ("pass", rule.passes)):
        for ex in examples:
            try:
                found = [f for f in lint_source(Source("<example>", ex.text, ex.fmt), only)
                         if f.rule == rule.id]
            except PartialLint as exc:
                out.append(ExampleFailure(rule.id, rule.origin, expected, ex, (), str(exc)))
                continue
            if bool(found) != (expected == "fail"):
                out.append(ExampleFailure(rule.id, rule.origin, expected, ex,
                                          tuple(f.text for f in found)))
    return out


def run_examples(ruleset: RuleSet) -> list[ExampleFailure]:
    failures: list[ExampleFailure] = []
    for rule in ruleset.rules:
        failures.extend(check_rule(rule, ruleset))
    return failures
