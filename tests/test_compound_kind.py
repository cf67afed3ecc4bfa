"""The compound kind: open compound modifiers before a noun, by the head-noun test."""

from __future__ import annotations

import pytest

from lintcare.api import lint_text
from lintcare.kinds import KINDS, RuleError

COMPOUND_RULES = ("noun-compound-modifier", "adverb-participle-modifier", "phrase-compound-modifier")


def _flags(text: str) -> list[tuple[str, str, str]]:
    return [(f.rule, f.text, f.suggestions[0]) for f in lint_text(text) if f.rule in COMPOUND_RULES]


@pytest.mark.parametrize("text, flagged, fixed", [
    ("Try our sugar free snacks after the session.", "sugar free", "sugar-free"),
    ("We run a peer led support circle.", "peer led", "peer-led"),
    ("Ask for a symptom focused review.", "symptom focused", "symptom-focused"),
    ("Start with pain relieving exercises.", "pain relieving", "pain-relieving"),
    ("The program relies on well researched methods.", "well researched", "well-researched"),
    ("Bring up to date records.", "up to date", "up-to-date"),
    ("We offer one on one coaching.", "one on one", "one-on-one"),
])
def test_open_compound_before_a_noun_is_flagged(text: str, flagged: str, fixed: str) -> None:
    assert [(t, s) for _, t, s in _flags(text)] == [(flagged, fixed)]


@pytest.mark.parametrize("text", [
    "The snacks are sugar free.",                      # after a verb: stays open
    "Keep your records up to date.",
    "The method is well researched and safe.",         # coordination with no noun after
    "The FDA approved esketamine in 2019.",            # a clause: subject, verb, object
    "A nurse led the session with care.",
    "You should review specific risks with us.",       # "review" is the verb here
    "Many specific questions come up.",                # a quantifier, not a noun
    "Ketamine Assisted Therapy is our program name.",  # Title Case: a name
    "We meet one on one today.",                       # no noun after the phrase
    "Patients receiving infusions rest afterwards.",   # a plural noun heads a clause
])
def test_near_misses_stay_quiet(text: str) -> None:
    assert _flags(text) == []


def test_a_curated_rule_on_the_same_span_wins() -> None:
    # open-compound-modifier names "treatment resistant" itself; the kind gives way.
    rules = [f.rule for f in lint_text("It treats treatment resistant depression.")
             if f.category == "punctuation"]
    assert rules == ["open-compound-modifier"]


def test_an_and_joined_adjective_may_stand_before_the_noun() -> None:
    assert _flags("They use well tested and safe devices.") == [
        ("adverb-participle-modifier", "well tested", "well-tested")]


class _Ctx:
    rule_id = "x"

    def error(self, field: str, message: str) -> RuleError:
        return RuleError(f"{field}: {message}")


@pytest.mark.parametrize("raw, field", [
    ({"first": "verb", "second": ["free"]}, "first"),
    ({"first": "noun", "second": "adjective"}, "second"),
    ({"first": "noun"}, "first"),
    ({"phrases": ["up to date"], "first": "noun"}, "phrases"),
])
def test_bad_rule_fields_are_refused(raw: dict, field: str) -> None:
    with pytest.raises(RuleError, match=field):
        KINDS["compound"](raw, _Ctx())
