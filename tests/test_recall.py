"""Recall rules for the classes real clinic pages get wrong (issue "Real pages, part 2").

Each case is a made-up sentence in the shape seen on real pages: the rule must flag the
given text, or stay quiet on the near miss (a cited figure, a hedged onset, a risk named
in the next sentence, a Title Case programme name).
"""

from __future__ import annotations

import pytest

from lintcare.api import default_rules, lint_text

NEW_RULES = (
    "efficacy-statistic-unsourced", "onset-timeframe-promise", "safety-claim-unqualified",
    "outcome-overpromise", "spravato-indication-mdd-added", "spravato-approval-year",
    "intension-for-intention", "theses-for-these", "partitioner-for-practitioner",
    "repress-for-depress", "buy-for-but", "tms-acronym-typo", "ext-for-ect",
    "lowercase-acronym", "capital-verb-mid-sentence", "capitalised-misspelling",
    "worlds-for-worlds-possessive", "hours-abbreviation", "out-of-missing-of",
    "following-without-the", "passive-missing-been", "consider-to-infinitive",
    "time-span-missing-the", "between-to-for-and", "by-appointments-only",
    "who-verb-agreement", "session-verb-agreement", "quantifier-singular-noun",
    "number-unit-modifier", "ly-adverb-hyphen", "decade-apostrophe",
    "introductory-comma-missing", "credential-stray-period", "range-stray-space",
    "plural-for-possessive",
)


def flagged(rule: str, text: str) -> list[str]:
    return [f.text for f in lint_text(text) if f.rule == rule]


def test_new_rules_are_complete() -> None:
    rules = {r.id: r for r in default_rules().rules}
    for rid in NEW_RULES:
        rule = rules[rid]
        assert rule.source.strip(), rid
        assert len(rule.fail) >= 3 and len(rule.passes) >= 3, rid


HITS = [
    # compliance: figures without a source
    ("efficacy-statistic-unsourced", "Our infusions are 75-85% effective for most people.",
     "75-85% effective"),
    ("efficacy-statistic-unsourced", "Roughly 3 out of 4 clients improve within a month.",
     "3 out of 4 clients improve"),
    ("efficacy-statistic-unsourced", "Research has shown that only 35% of people respond to pills.",
     "35% of people respond"),
    ("efficacy-statistic-unsourced",
     "In several studies, more than half show a significant drop in symptoms.",
     "more than half show a significant drop"),
    # compliance: onset
    ("onset-timeframe-promise", "Most guests notice a lighter mood within hours.", "within hours"),
    ("onset-timeframe-promise", "Improvement can start as early as two hours after the spray.",
     "as early as two hours"),
    ("onset-overclaim", "Ketamine can show immediate efficacy after one dose.", "immediate efficacy"),
    ("onset-overclaim", "It works by immediately easing the weight of depression.", "immediately easing"),
    # compliance: safety, outcomes, hype
    ("safety-claim-unqualified", "Ketamine therapy is considered safe and evidence-based.",
     "safe and evidence-based"),
    ("safety-claim-unqualified", "We give the best and safest infusions in town.", "the best and safest"),
    ("safety-absolute-claim", "Every session runs without any complications.", "without any complications"),
    ("outcome-overpromise", "Ketamine could potentially save the lives of people in despair.",
     "save the lives"),
    ("outcome-overpromise", "Our protocol rewires the brain for lasting calm.", "rewires the brain"),
    ("hype-superlative", "It can be highly effective for stubborn depression.", "highly effective"),
    ("hype-superlative", "A groundbreaking option for people who tried everything.", "groundbreaking"),
    # terminology
    ("spravato-indication-mdd-added", "SPRAVATO treats treatment-resistant depression (TRD) as well as major "
     "depressive disorder (MDD) in adults.", "major depressive disorder"),
    ("spravato-approval-year", "SPRAVATO was approved by the FDA in 2018.", "2018"),
    ("spravato-called-ketamine", "Esketamine, sold as SPRAVATO, is the nasal form of ketamine.",
     "Esketamine, sold as SPRAVATO, is the nasal form of ketamine"),
    ("spravato-monitoring-time", "After esketamine you stay in a quiet room for about 2 hours.",
     "about 2 hours"),
    ("tms-fda-approved", "Deep TMS is a safe, FDA approved option.", "FDA approved"),
    ("tms-fda-approved", "Our FDA approved rTMS program is covered by most plans.", "FDA approved"),
    ("unapproved-form-called-approved", "Esketamine is approved in an IV infusion form.",
     "Esketamine is approved in an IV"),
    # typo
    ("trail-for-trial", "A small controlled trail³ found the spray helped.", "trail"),
    ("theses-for-these", "Theses side effects fade within the visit.", "Theses"),
    ("partitioner-for-practitioner", "Book with a mental health partitioner today.", "partitioner"),
    ("intension-for-intention", "Setting an intension helps many people.", "intension"),
    ("capital-verb-mid-sentence", "Unlike pills, TMS Is given in the office.", "Is"),
    ("capitalised-misspelling", "Saterday hours are 9 to 1.", "Saterday"),
    ("lowercase-acronym", "Our iv infusions take 40 minutes.", "iv"),
    ("out-of-missing-of", "Nearly 3 out 5 people finish the course.", "3 out"),
    ("following-without-the", "To qualify you must meet following requirements.", "meet following"),
    ("passive-missing-been", "The spray has shown to lower symptoms in trials.", "has shown"),
    ("time-span-missing-the", "We have treated adults for past ten years.", "for past"),
    ("between-to-for-and", "Each visit runs between 60 to 90 minutes.", "to"),
    ("who-verb-agreement", "Call us if you know someone who need help.", "someone who need"),
    ("session-verb-agreement", "Each TMS session take about 20 minutes.", "take"),
    ("quantifier-singular-noun", "Several patient said the room felt calm.", "Several patient"),
    ("plural-for-possessive", "The plan fits a clients needs.", "clients"),
    ("hours-abbreviation", "Fast for 6hrs before the infusion.", "6hrs"),
    ("a-before-vowel-sound", "Most plans cover a rTMS course.", "a"),
    # punctuation
    ("number-unit-modifier", "Call our 24 hour line for help.", "24 hour"),
    ("number-unit-modifier", "The six week course starts on Monday.", "six week"),
    ("open-compound-modifier", "Ketamine may help obsessive compulsive disorder.", "obsessive compulsive"),
    ("open-compound-modifier", "It is a prescription only medicine.", "prescription only"),
    ("open-compound-modifier", "We use state-of-the art coils.", "state-of-the art"),
    ("ly-adverb-hyphen", "Start with a newly-prescribed antidepressant.", "newly-prescribed"),
    ("decade-apostrophe", "Doctors first used it in the 1960's.", "1960's"),
    ("introductory-comma-missing", "However the treatment is not for everyone.", "However"),
    ("credential-stray-period", "Reviewed by Ana Silva. MD on our team.", "."),
    ("range-stray-space", "Most people need 4- 6 infusions.", "4- 6"),
]


@pytest.mark.parametrize(("rule", "text", "expected"), HITS, ids=[f"{r}:{t[:30]}" for r, t, _ in HITS])
def test_rule_flags_the_shape(rule: str, text: str, expected: str) -> None:
    assert expected in flagged(rule, text)


QUIET = [
    # a source next to the figure
    ("efficacy-statistic-unsourced", "In a 2021 trial, 70% of adults improved (Lee et al., 2021)."),
    ("efficacy-statistic-unsourced", "According to the review, about half of people respond."),
    ("efficacy-statistic-unsourced", "Response improved in 60% of patients.[2]"),
    ("efficacy-statistic-unsourced", "Nausea affects about 20% of patients after a dose."),
    ("efficacy-statistic-unsourced", "Our program is 100% effective."),  # guarantee-claim's
    # hedged or non-mood onset
    ("onset-timeframe-promise", "Some people notice changes within a day."),
    ("onset-timeframe-promise", "Dizziness usually wears off within hours."),
    ("onset-timeframe-promise", "We call you back within hours about your results."),
    # risks named in the same or the next sentence, safety checked rather than promised
    ("safety-claim-unqualified", "TMS is considered safe. Side effects include headache and scalp pain."),
    ("safety-claim-unqualified", "We check whether ketamine is safe for you."),
    ("safety-claim-unqualified", "Ketamine is a safe, effective anesthetic."),
    # reported or disputed outcome words; crisis lines
    ("outcome-overpromise", "Some call it a lifesaver, but it has not been shown to prevent suicide."),
    ("outcome-overpromise", "Calling 988 can save lives."),
    ("hype-superlative", "Some call it a miracle drug, but the evidence is mixed."),
    # correct facts
    ("spravato-indication-mdd-added",
     "SPRAVATO treats TRD and MDD with acute suicidal ideation or behavior."),
    ("spravato-approval-year", "Health Canada approved SPRAVATO in 2020."),
    ("spravato-called-ketamine", "Unlike other ketamine treatments, SPRAVATO is a nasal spray."),
    ("tms-fda-approved", "rTMS is FDA-cleared; SPRAVATO is FDA-approved."),
    # words in their right place
    ("theses-for-these", "Both theses were about sleep."),
    ("capital-verb-mid-sentence", "How TMS Is Done"),
    ("lowercase-acronym", "See step (iv) of the form."),
    ("quantifier-singular-noun", "Many patient rooms face the garden."),
    ("session-verb-agreement", "Sessions last about 20 minutes."),
    ("passive-missing-been", "Nurses have reported to the doctor that you are ready."),
    # punctuation near misses
    ("number-unit-modifier", "Do not eat for 2 hours; stop drinking 1 hour before."),
    ("number-unit-modifier", "The visit lasts 1 hour 30 minutes."),
    ("open-compound-modifier", "Our Ketamine Assisted Psychotherapy (KAP) program is small."),
    ("ly-adverb-hyphen", "We are a family-run practice with early-onset care."),
    ("introductory-comma-missing", "However you feel afterwards, rest at home."),
    ("introductory-comma-missing", "In addition to TMS, we offer therapy."),
    ("range-stray-space", "Plan on 4 - 6 infusions."),
]


@pytest.mark.parametrize(("rule", "text"), QUIET, ids=[f"{r}:{t[:30]}" for r, t in QUIET])
def test_near_miss_stays_quiet(rule: str, text: str) -> None:
    assert flagged(rule, text) == []


def test_statistic_far_from_outcome_flags_the_figure_only() -> None:
    text = ("Trials found that 65% of adults with long-standing treatment-resistant depression "
            "later responded.")
    assert flagged("efficacy-statistic-unsourced", text) == ["65%"]


def test_safety_claim_heading_and_body_context() -> None:
    # The risk in the next sentence qualifies the claim; without it the claim stands.
    assert flagged("safety-claim-unqualified", "Esketamine is safe. Come see us.") == ["is safe"]
    assert flagged("safety-claim-unqualified", "Esketamine is safe. Risks include sedation.") == []


def test_tms_typo_needs_a_tms_page() -> None:
    assert flagged("tms-acronym-typo", "TSM reported earnings today.") == []
    assert flagged("tms-acronym-typo", "Each TSM session is short. TMS uses magnets.") == ["TSM"]
