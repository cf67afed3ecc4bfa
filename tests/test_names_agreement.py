"""The names and agreement kinds: data-driven proper names and noun number."""

from __future__ import annotations

from lintcare.api import lint_text
from lintcare.language.inflection import is_mass_like, plural_of
from lintcare.language.names import default_names, near_miss


def _rules(text: str, *ids: str) -> list[tuple[str, str]]:
    return [(f.rule, f.text) for f in lint_text(text) if f.rule in ids]


def test_near_miss_accepts_slips_and_clipped_words_only() -> None:
    assert near_miss("nation", "national")
    assert near_miss("collage", "college")
    assert not near_miss("nursing", "psychiatrists")
    assert not near_miss("medications", "medicines")  # a different word, not a slip


def test_names_data_has_variants_and_acronyms() -> None:
    names = default_names()
    assert "World Health Organization" in names and "World Health Organisation" in names
    assert "RCPsych" in names


def test_case_flags_lowercase_name_but_not_address_or_capitals() -> None:
    ids = ("proper-name-case",)
    assert _rules("We follow the royal college of psychiatrists on this.", *ids) == [
        ("proper-name-case", "royal college of psychiatrists")]
    assert _rules("Visit samhsa.gov today.", *ids) == []
    assert _rules("THE ROYAL COLLEGE OF PSYCHIATRISTS", *ids) == []


def test_near_miss_flags_one_word_off_of_a_long_name() -> None:
    found = _rules("The Nation Institute for Health and Care Excellence agreed.", "proper-name-near-miss")
    assert found == [("proper-name-near-miss", "Nation Institute for Health and Care Excellence")]


def test_plural_and_mass_readings() -> None:
    assert plural_of("procedure") == "procedures"
    assert plural_of("patients") is None
    assert is_mass_like("nausea") and is_mass_like("treatment")
    assert not is_mass_like("disorder")


def test_agreement_shapes_flag_the_head_noun() -> None:
    ids = ("quantifier-singular-noun", "one-of-singular-noun", "other-singular-noun",
           "list-singular-among-plurals")
    text = ("Many patient are calm at first. Nausea is one of the most common side effect. "
            "It eases anxiety and other mood disorder. Avoid stimulants, sedative and hypnotics.")
    assert sorted(t for _, t in _rules(text, *ids)) == ["Many patient", "disorder", "effect", "sedative"]


def test_agreement_leaves_compounds_pairs_and_mass_nouns() -> None:
    ids = ("quantifier-singular-noun", "one-of-singular-noun", "other-singular-noun",
           "list-singular-among-plurals")
    text = ("Many patient rooms face the garden. Both doctor and nurse stay. "
            "She is one of the team. Ask about TMS and other treatment. "
            "Side effects include headaches, nausea and cramps. Call seven day a week.")
    assert _rules(text, *ids) == []
