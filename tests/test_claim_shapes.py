"""Claim and stigma shapes from the real-page corpus (issue 16): each new rule meets the
older rule beside it without a second finding on the same words, and the shared context
treats a speech frame ("proud to say that we ...") as a statement, not as talk about words.
Every text here is our own."""

from __future__ import annotations

from lintcare import lint_text

CLAIM_RULES = {
    "evidence-claim-unsourced", "proven-claim-unsourced", "pity-framing", "pity-framing-person",
    "patient-failed-treatment", "failure-framing-patient", "efficacy-figure-of-patients",
    "efficacy-statistic-unsourced", "safety-negation-claim", "safety-paired-claim",
    "safety-claim-unqualified", "safety-absolute-claim", "tms-safety-absolute-claim",
    "hype-promotional", "hype-superlative", "condition-person-label", "trd-person-label",
}


def found(text: str, fmt: str = "text") -> list[tuple[str, str]]:
    return [(f.rule, f.text) for f in lint_text(text, fmt) if f.rule in CLAIM_RULES]


def test_a_speech_frame_about_the_clinic_is_a_claim_not_meta_language():
    text = "Since 2019 we are glad to say that we have never had an adverse outcome here.\n"
    assert found(text) == [("safety-negation-claim", "never had an adverse outcome")]


def test_talk_about_a_word_stays_meta_language():
    text = 'We say that someone "has depression", never that depression patients are a group.\n'
    assert found(text) == []


def test_general_evidence_replaces_the_narrower_study_finding():
    text = "Clinical studies have shown that the spray lifts mood in adults.\n"
    assert found(text) == [
        ("evidence-claim-unsourced", "Clinical studies have shown that the spray lifts mood in")]


def test_evidence_for_a_risk_is_balance_not_a_claim():
    text = "Several studies have shown side effects such as nausea and dizziness.\n"
    assert "evidence-claim-unsourced" not in {rule for rule, _ in found(text)}


def test_a_named_condition_after_suffering_keeps_the_older_finding():
    assert found("Adults suffering from depression can call us.\n") == [("pity-framing", "suffering from")]
    assert found("The ruling matters to those suffering with the illness.\n") == [
        ("pity-framing-person", "suffering with")]


def test_a_failed_treatment_phrase_is_reported_once():
    assert found("TMS can help patients who failed two antidepressants.\n") == [
        ("patient-failed-treatment", "patients who failed two antidepressants")]
    assert found("Some patients fail to respond to their first medicine.\n") == [
        ("failure-framing-patient", "patients fail to respond")]


def test_an_eligibility_bullet_without_a_subject_is_the_reader():
    page = "You may be eligible if you:\n\n- Have failed to achieve remission with two medicines\n"
    assert found(page, "markdown") == [("failure-framing-patient", "Have failed to achieve")]
    assert found("Two medicines have failed to help, so we tried TMS.\n") == []


def test_a_benefit_share_is_flagged_but_a_side_effect_share_is_not():
    assert found("Infusions bring relief to over 60 percent of the adults we see.\n") == [
        ("efficacy-figure-of-patients", "over 60 percent")]
    assert found("Headaches and other side effects occur in 30% of patients.\n") == []


def test_safe_paired_with_effective_is_left_to_the_older_rule():
    rules = {rule for rule, _ in found("It is a safe, gentle and effective choice for adults.\n")}
    assert rules == {"safety-claim-unqualified"}
