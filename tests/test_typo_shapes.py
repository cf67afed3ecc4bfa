"""Typo shapes editors mark on real pages that the first rules missed: capitalised slips of
common words, Title Case medical terms mid-sentence, tense against a past year, "the number
of ... were", a/an before acronyms by sound, closed compounds written open. Texts are ours."""

from __future__ import annotations

import pytest

from lintcare import lint_text
from lintcare.language.near_common import near_common_word
from lintcare.language.speller import default_speller

_TAIL = "\n\nWe are open every day. Call us to book.\n"


def texts_of(text: str, rule: str) -> list[str]:
    return [f.text for f in lint_text(text, "text") if f.rule == rule]


# -- capitalised slips of common words ------------------------------------------------------

@pytest.mark.parametrize(("word", "near"), [
    ("Govenment", True),   # one letter dropped from a very common word
    ("Questoins", True),   # two letters swapped
    ("Privte", True),
    ("Frist", True),
    ("Wednsday", True),    # a day name, however rare in the corpus
    ("Hickie", False),     # a surname: its nearest word starts with another letter
    ("Ashu", False),       # short
    ("Lumin", False),      # its nearest word ("lumen") is rare
])
def test_near_common_word(word: str, near: bool) -> None:
    speller = default_speller()
    assert near_common_word(word, speller.suggest(word), speller) is near


@pytest.mark.parametrize("text", [
    "The Federal Govenment pays for the visits.",
    "We answer your Questoins every day of the week.",
    "We take Medicare and Privte Insurance for visits.",
    "Your Frist Visit With Us",
])
def test_capitalised_slip_is_flagged_anywhere(text: str) -> None:
    assert len(texts_of(text + _TAIL, "spelling")) == 1


@pytest.mark.parametrize("text", [
    "Call Lumin Health or Dr Hickie today.",
    "Ask Ashu Davey about the ride home.",
    "Our Ketamine Wellness Centre opens in Riverbend next month.",
])
def test_names_stay_quiet(text: str) -> None:
    assert texts_of(text + _TAIL, "spelling") == []


@pytest.mark.parametrize(("title", "flagged"), [
    ("# Driving Directons to Our Office", ["Directons"]),  # near "directions", a listed word
    ("# Frequntly Asked Questions", ["Frequntly"]),
    ("# Welcome to Lumin Health", []),                    # near only a rare word: a name
    ("# Our Kampers Clinic", []),                         # its nearest word starts otherwise
])
def test_slip_in_a_title(title: str, flagged: list[str]) -> None:
    found = [f.text for f in lint_text(title + _TAIL, "markdown") if f.rule == "spelling"]
    assert found == flagged


def test_title_word_used_in_running_text_is_a_name() -> None:
    text = "# Directons Group\n\nOur partner Directons runs the group on Mondays.\n"
    assert [f.text for f in lint_text(text, "markdown") if f.rule == "spelling"] == []


# -- Title Case medical terms ----------------------------------------------------------------

def test_title_case_terms_in_running_text() -> None:
    text = "We treat Major Depressive Disorder with care; a few need Electroconvulsive Therapy later.\n"
    assert texts_of(text, "condition-name-capitalized") == [
        "Major Depressive Disorder", "Electroconvulsive Therapy"]


@pytest.mark.parametrize("text", [
    "Transcranial Magnetic Stimulation (TMS) uses magnetic pulses.\n",
    "Visit our Ketamine Therapy Center in town.\n",
    "A Guide to Electroconvulsive Therapy for Families\n",
    "What is Ketamine Therapy used for?\n",
    "It is licensed for Major Depressive Disorder in adults.\n",
])
def test_title_case_terms_quiet_in_names_titles_and_definitions(text: str) -> None:
    assert texts_of(text, "condition-name-capitalized") == []


# -- grammar-shaped typos --------------------------------------------------------------------

def test_tense_against_a_past_year() -> None:
    assert texts_of("The spray is approved by the FDA in 2019 for adults.\n",
                    "present-tense-past-year") == ["is approved"]
    assert texts_of("The line has been launched in July 2022.\n",
                    "present-tense-past-year") == ["has been launched"]
    assert texts_of("The spray has been approved since 2019.\n", "present-tense-past-year") == []


def test_number_of_takes_a_singular_verb() -> None:
    assert texts_of("The number of TMS sessions are set by your doctor.\n",
                    "number-of-plural-verb") == ["are"]
    assert texts_of("A number of sessions are set by your doctor.\n", "number-of-plural-verb") == []


def test_article_by_sound_before_acronyms() -> None:
    assert texts_of("Ask for a NHS referral.\n", "a-before-vowel-sound") == ["a"]
    assert texts_of("You need an UK address.\n", "an-before-consonant-sound") == ["an"]
    assert texts_of("Ask for an NHS referral and a UK address.\n", "a-before-vowel-sound") == []


def test_closed_compounds_written_open() -> None:
    assert texts_of("Care is on going, through out the year.\n", "closed-compound-split") == [
        "on going", "through out"]
    assert texts_of("Keep on going; we bill through out-of-network plans.\n",
                    "closed-compound-split") == []
