"""Spacing and bracket rules added for the punctuation category (issue 16)."""

from __future__ import annotations

from lintcare.api import lint_text


def _found(text: str, category: str = "punctuation") -> list[tuple[str, str]]:
    return [(f.rule, f.text) for f in lint_text(text) if f.category == category]


def test_a_slash_spaced_on_one_side_is_one_finding_from_one_rule() -> None:
    # range-stray-space owns "and /or"; slash-stray-space must not repeat it.
    assert _found("Ask about medication and /or therapy.") == [("range-stray-space", "and /or")]
    assert _found("Bring your card/ letter.") == [("slash-stray-space", "card/ letter")]


def test_quote_glued_to_words_gets_its_space_on_the_right_side() -> None:
    closing = [f for f in lint_text('It was calm."We rested.') if f.rule == "quote-missing-space"]
    opening = [f for f in lint_text('She said"Rest well" twice.') if f.rule == "quote-missing-space"]
    assert [f.suggestions[0] for f in closing] == ['" W']
    assert [f.suggestions[0] for f in opening] == ['d "']


def test_bracket_padding_on_both_sides_is_a_layout_choice() -> None:
    assert _found("Clinic hours ( weekdays ) are posted.") == []
    assert _found("Clinic hours ( weekdays) are posted.") == [("space-inside-brackets", " ")]


def test_comma_splice_needs_a_whole_clause_before_the_comma() -> None:
    assert _found("The room is quiet, it has soft chairs.") == [("pronoun-comma-splice", ",")]
    assert _found("When the room is quiet, it has a calm feel.") == []
    assert _found("The room is quiet, it is warm, and it is bright.") == []


def test_full_stop_inside_a_bracket_only_mid_sentence() -> None:
    assert _found("We offer TMS (five days a week.) Call us.") == [("full-stop-inside-bracket", ".")]
    assert _found("We offer TMS. (Five days a week.) Call us.") == []
