"""The grammar kind: word-order slips read off lemminflect's tables, with no tagger."""

from __future__ import annotations

import pytest

from lintcare.api import lint_text
from lintcare.faults import RuleError
from lintcare.kinds.grammar import GrammarKind
from lintcare.language.inflection import comparative_of, only_verb, verb_forms

GRAMMAR = ("modal-inflected-verb", "perfect-base-verb", "be-base-verb", "singular-subject-plural-verb",
           "to-past-verb", "double-comparative",
           "couple-without-of", "article-uncountable-noun", "bare-singular-subject")


def _found(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(f.rule, f.text, tuple(f.suggestions)) for f in lint_text(text) if f.rule in GRAMMAR]


def test_verb_tables_give_forms_and_refuse_words_that_may_be_nouns() -> None:
    assert verb_forms("take") == ("took", "taken", "taking", "takes")
    assert verb_forms("help")[1] == "helped"  # the blank participle is the past
    assert only_verb("wrote") == ("write",)
    assert only_verb("help") == ()  # also a noun
    assert comparative_of("easier") == "easy"
    assert comparative_of("easy") is None


@pytest.mark.parametrize(("text", "rule", "flagged", "suggestion"), [
    ("The cream can soothes the skin.", "modal-inflected-verb", "soothes", "soothe"),
    ("Our porter has carry the bags upstairs.", "perfect-base-verb", "carry", "carried"),
    ("They have went home already.", "perfect-base-verb", "went", "gone"),
    ("Try to drank a glass of water.", "to-past-verb", "drank", "drink"),
    ("Towels are provide on request.", "be-base-verb", "provide", "provided"),
    ("Each locker have a code.", "singular-subject-plural-verb", "have", "has"),
    ("The path is more shorter than it looks.", "double-comparative", "more shorter", "shorter"),
    ("Plan for a couple nights away.", "couple-without-of", "a couple nights", "a couple of nights"),
    ("Ask the desk for an advice.", "article-uncountable-noun", "an advice", "advice"),
    ("Wait here until therapist returns.", "bare-singular-subject", "therapist", "the therapist"),
])
def test_each_shape_flags_its_slip_with_the_fix(text: str, rule: str, flagged: str, suggestion: str) -> None:
    assert _found(text) == [(rule, flagged, (suggestion,))]


@pytest.mark.parametrize("text", [
    "What can volunteers bring?",  # a question: the subject follows the modal
    "Only then will volunteers leave.",  # inversion
    "The will helps the family plan ahead.",  # a noun after a determiner
    "The hall has become busy.",  # the participle equals the base
    "We have support on weekends.",  # "support" may be a noun
    "Walk to trained marshals at the gate.",  # an adjective before a noun
    "More older readers write to us.",  # a quantity, not a double comparative
    "A couple uses the garden on Sundays.",  # the couple is the subject
    "Read the advice leaflet.",  # no article
    "An advice line is open all night.",  # a compound
    "When time permits, we reply.",  # "time" is also a verb
    "If your therapist returns late, wait here.",
    "While specialist teams are busy, wait here.",  # "teams" is a plural noun here
    "When time allows, we reply.",  # not a person
    "Only staff have write access.",  # a verb's base form as a modifier
    "If there are merge conflicts, ask us.",
    "Check that the form is complete.",  # an adjective the tables miss
    "Two walks a day are enough.",  # a rate
    "Does a locker have a code?",  # a question
])
def test_shapes_stay_quiet_on_near_misses(text: str) -> None:
    assert _found(text) == []


def test_nouns_are_required_by_article_mass_and_refused_elsewhere() -> None:
    class Ctx:
        @staticmethod
        def error(field: str, message: str) -> RuleError:
            return RuleError(f"{field}: {message}")

    with pytest.raises(RuleError, match="nouns"):
        GrammarKind({"shape": "article-mass"}, Ctx())
    with pytest.raises(RuleError, match="nouns"):
        GrammarKind({"shape": "couple-plural", "nouns": ["advice"]}, Ctx())
    with pytest.raises(RuleError, match="nouns"):
        GrammarKind({"shape": "noun-for-adjective"}, Ctx())
    with pytest.raises(RuleError, match="nouns"):
        GrammarKind({"shape": "bare-subject"}, Ctx())
    with pytest.raises(RuleError, match="shape"):
        GrammarKind({"shape": "passive"}, Ctx())


def test_noun_for_adjective_needs_the_adjective_in_the_tables() -> None:
    found = [(f.rule, f.text, tuple(f.suggestions)) for f in lint_text(
        "Ask about emotion distress. Share your family history. Note any mood symptoms.")
        if f.rule == "noun-for-adjective"]
    assert found == [("noun-for-adjective", "emotion", ("emotional",))]
