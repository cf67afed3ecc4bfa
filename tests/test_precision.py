"""False-alarm classes seen on real clinic, hospital and government pages, each pinned by
a page written in our own words: correct copy must stay quiet, the real problem next to it
must still be found."""

from __future__ import annotations

from lintcare import lint_text
from lintcare.api import default_rules
from lintcare.language.speller import default_speller
from lintcare.language.varieties import GB, US, page_variety, parse_varieties, us_spelling
from lintcare.rules.loader import RuleSet

RULES = default_rules()


def _only(*ids: str) -> RuleSet:
    return RuleSet([r for r in RULES.rules if r.id in ids], RULES.facts)


def _rules(text: str, fmt: str = "text", ruleset: RuleSet | None = None) -> list[str]:
    return [f.rule for f in lint_text(text, fmt=fmt, ruleset=ruleset or RULES)]


def _flagged(text: str, rule: str, fmt: str = "text") -> list[str]:
    return [f.text for f in lint_text(text, fmt=fmt, ruleset=RULES) if f.rule == rule]


# -- 1. spelling of real words --------------------------------------------------------
SPELLING = _only("spelling", "spelling-variety-mixed")


def _spelling(text: str) -> list[str]:
    return [f.text for f in lint_text(text, ruleset=SPELLING)]


def test_everyday_and_pharmacology_words_are_words() -> None:
    text = ("Check your inbox for the reminder, and bring earbuds, a snack, etc. "
            "Overthinking before a visit is common. Some people tried microdosing or kratom first. "
            "SSRIs block serotonin reuptake; ketamine was repurposed for depression.")
    assert _spelling(text) == []


def test_a_typo_next_to_them_is_still_found() -> None:
    assert _spelling("Check your inbox for the remindr.") == ["remindr"]


def test_pronunciation_guides_are_not_misspellings() -> None:
    text = "Esketamine (es-KET-a-meen) and ketamine (KET-uh-meen) are related medicines."
    assert _spelling(text) == []
    assert _spelling("Esketamine (es-KET-a-meen) is a nasal sprey.") == ["sprey"]


def test_a_consistently_british_page_has_no_spelling_findings() -> None:
    text = ("Our centre offers counselling and specialised care. We recognise that behaviour "
            "changes take time, and the programme includes an anaesthetic review.")
    assert _spelling(text) == []


def test_mixing_varieties_flags_the_minority_spelling() -> None:
    text = ("Our centre is calm and our behaviour team is kind. The colour of the rooms is soft, "
            "though one hallway color is bright.")
    found = lint_text(text, ruleset=SPELLING)
    assert [(f.rule, f.text, f.suggestions) for f in found] == [
        ("spelling-variety-mixed", "color", ("colour",))]


def test_a_us_page_with_one_british_word_is_told_the_us_spelling() -> None:
    text = "Our center helps with behavior and color choices. Ask about the programme."
    found = lint_text(text, ruleset=SPELLING)
    assert [(f.rule, f.text, f.suggestions) for f in found] == [
        ("spelling-variety-mixed", "programme", ("program",))]


def test_variety_detection_and_forced_locale() -> None:
    known = default_speller().known
    assert us_spelling("recognises", known) == "recognizes"
    assert us_spelling("wise", known) is None  # a rule counts only when it yields a word
    assert page_variety(["colour", "centre", "color"], known) == GB
    assert page_variety(["colour", "color"], known) == US  # a tie reads as US
    assert page_variety(["hello"], known) is None
    assert page_variety(["colour"], known, "en_US") == US
    assert page_variety(["color"], known, "en-AU") == GB


def test_variety_data_format() -> None:
    data = parse_varieties("# c\npair grey gray\nrule our or\nrule *ae e\nbad line\n")
    assert data.gb_to_us == {"grey": "gray"} and data.us_to_gb == {"gray": "grey"}
    assert data.suffixes == (("our", "or"),) and data.infixes == (("ae", "e"),)
