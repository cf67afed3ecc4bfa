"""Every rule's own examples run as tests: fail texts trigger it, pass texts do not."""

from __future__ import annotations

import pytest

from lintcare.api import default_rules, lint_source
from lintcare.cli.ruletest import check_rule
from lintcare.rules.loader import RuleSet
from lintcare.sources import Source

RULES = default_rules()


@pytest.mark.parametrize("rule", RULES.rules, ids=[r.id for r in RULES.rules])
def test_rule_examples(rule):
    failures = check_rule(rule, RULES)
    assert not failures, "\n".join(f.describe() for f in failures)


def test_every_rule_has_source_and_examples():
    for rule in RULES.rules:
        assert rule.source.strip(), rule.id
        assert len(rule.fail) >= 3 and len(rule.passes) >= 3, rule.id


def _edits_text(rule, ruleset) -> bool:
    """Does the rule's fix edit any of its fail examples? A rule whose fix is ``none``
    never does; one whose kind offers no replacement never does either."""
    if rule.fix == "none":
        return False
    only = RuleSet([rule], ruleset.facts)
    return any(f.rule == rule.id and f.fix is not None and f.fix.edits
               for ex in rule.fail for f in lint_source(Source("<example>", ex.text, ex.fmt), only))


@pytest.mark.parametrize("rule", RULES.rules, ids=[r.id for r in RULES.rules])
def test_every_fixable_rule_pins_a_fixed_example(rule):
    pinned = [ex for ex in rule.fail if ex.fixed is not None]
    if _edits_text(rule, RULES):
        assert pinned, f"rule '{rule.id}' fixes text: give one fail example its 'fixed:' text"
    else:  # a fixed text that equals the example would pin nothing
        assert all(ex.fixed != ex.text for ex in pinned), rule.id


def test_fixable_rules_are_found_and_pinned():
    """The exemption above is real: most kinds with a replacement are here, and fix: none
    rules are not."""
    fixable = [r for r in RULES.rules if _edits_text(r, RULES)]
    assert {"pattern", "terms", "tokens", "spelling", "occurrence"} <= {r.kind_name for r in fixable}
    assert len(fixable) >= 80 and not any(r.fix == "none" for r in fixable)
    assert all(ex.fixed != ex.text for r in fixable for ex in r.fail if ex.fixed is not None)


def test_starter_set_covers_every_mission_area():
    cats = {r.category for r in RULES.rules}
    assert {"typo", "punctuation", "terminology", "contact", "supportive-language",
            "compliance"} <= cats
    assert len(RULES.rules) >= 40


def test_repeated_word_pattern_matches_what_its_plain_form_matches():
    """Its look-ahead only saves backtracking: spans and groups are the plain form's."""
    import random
    import re

    (pattern,) = RULES.get("repeated-word").kind.regexes
    plain = re.compile(r"\b([A-Za-z]+)(?P<flag>\s+\1)\b", re.IGNORECASE)
    rng = random.Random(2)
    for _ in range(3000):
        text = "".join(rng.choice("aAbB  \n.é_1ſK") for _ in range(rng.randint(0, 14)))
        assert [(m.span(), m.span("flag"), m.group(1)) for m in pattern.finditer(text)] == \
            [(m.span(), m.span("flag"), m.group(1)) for m in plain.finditer(text)], text
