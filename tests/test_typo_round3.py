"""Recall round 3 (issue 16): wrong or renamed organisation names, wrong-form words, agreement
across a set phrase, and SPRAVATO REMS facts, checked on whole pages where page and paragraph
context decide. Texts are ours."""

from __future__ import annotations

import pytest

from lintcare import lint_text

_TAIL = "\n\nWe are open every day. Call us on 555-201-3344 to book.\n"


def texts_of(text: str, rule: str) -> list[str]:
    return [f.text for f in lint_text(text + _TAIL, "text") if f.rule == rule]


def test_renamed_body_is_flagged_with_its_current_name() -> None:
    findings = [f for f in lint_text("Find a service near you on NHS Choices." + _TAIL, "text")
                if f.rule == "outdated-organisation-name"]
    assert [f.text for f in findings] == ["NHS Choices"]
    assert findings[0].suggestions == ("the NHS website",)


@pytest.mark.parametrize(("text", "count"), [
    ("Figures came from NHS Digital last spring.", 1),
    ("Our pages follow the NHS digital service manual.", 0),       # the adjective
    ("The Royal Australian and New Zealand College of Psychiatrists backs rTMS.", 0),
    ("Guidance from the Australian and New Zealand College of Psychiatrists backs rTMS.", 1),
    ("The Canadian Network for Mood and Anxiety Treatments guideline lists rTMS.", 0),
])
def test_organisation_names(text: str, count: int) -> None:
    assert len(texts_of(text, "outdated-organisation-name")) == count


def test_hedged_setting_needs_an_esketamine_paragraph() -> None:
    esketamine = "SPRAVATO nasal spray is given with a nurse nearby, usually in a healthcare setting."
    tms = ("We also offer SPRAVATO.\n\nTMS sessions are usually in a doctor's office and last "
           "twenty minutes.")
    assert texts_of(esketamine, "spravato-setting-hedged") == ["usually in a healthcare setting"]
    assert texts_of(tms, "spravato-setting-hedged") == []


def test_rems_certification_is_the_settings_not_the_staffs() -> None:
    staff = "We offer SPRAVATO. Every one of our nurses is certified in the SPRAVATO REMS."
    setting = "We offer SPRAVATO. Our office is certified in the SPRAVATO REMS."
    no_esketamine = "Our nurses are certified in the REMS for another medicine."
    assert texts_of(staff, "rems-certifies-setting") == ["our nurses is certified"]
    assert texts_of(setting, "rems-certifies-setting") == []
    assert texts_of(no_esketamine, "rems-certifies-setting") == []


@pytest.mark.parametrize(("text", "rule", "flagged"), [
    ("The coil only effects the area under it.", "effects-for-affects-after-adverb", "effects"),
    ("Side effects are few, with mostly effects that fade.", "effects-for-affects-after-adverb", None),
    ("Sessions never cause a planned seize.", "seize-for-seizure", "seize"),
    ("Take a moment to seize the day.", "seize-for-seizure", None),
    ("The spray works fast as its helps the brain rewire.", "its-for-it-before-verb", "its helps"),
    ("The clinic and its helpers are kind.", "its-for-it-before-verb", None),
    ("We help your find the right time.", "help-your-for-you", "your"),
    ("Rest will help your recovery.", "help-your-for-you", None),
])
def test_wrong_form_words(text: str, rule: str, flagged: str | None) -> None:
    assert texts_of(text, rule) == ([flagged] if flagged else [])


@pytest.mark.parametrize(("text", "count"), [
    ("When a person in crisis are calling, we answer fast.", 1),
    ("Counsellors who talk with a person in crisis are trained for it.", 0),  # object, not subject
    ("The needs of each patient with depression are different.", 0),
])
def test_agreement_across_a_set_phrase(text: str, count: int) -> None:
    assert len(texts_of(text, "singular-subject-phrase-plural-verb")) == count
