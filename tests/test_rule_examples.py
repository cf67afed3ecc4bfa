"""Every rule's own examples run as tests: fail texts trigger it, pass texts do not."""

from __future__ import annotations

import pytest

from lintcare.api import default_rules
from lintcare.cli.ruletest import check_rule

RULES = default_rules()


@pytest.mark.parametrize("rule", RULES.rules, ids=[r.id for r in RULES.rules])
def test_rule_examples(rule):
    failures = check_rule(rule, RULES)
    assert not failures, "\n".join(f.describe() for f in failures)


def test_every_rule_has_source_and_examples():
    for rule in RULES.rules:
        assert rule.source.strip(), rule.id
        assert len(rule.fail) >= 3 and len(rule.passes) >= 3, rule.id


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
