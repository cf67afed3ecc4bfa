"""Round 3 on the real-page corpus: false-alarm classes removed and missed classes added
after adjudicating the second batch. Every text here is our own, in the shapes seen."""

from __future__ import annotations

from lintcare import lint_text
from lintcare.language.pagekind import guess_kind


def texts_of(text: str, rule: str, fmt: str = "text") -> list[str]:
    return [f.text for f in lint_text(text, fmt) if f.rule == rule]


# -- precision --------------------------------------------------------------------------------

def test_route_and_label_words_are_not_jargon():
    text = ("Ketamine is given intravenously in our clinic. The spray is intranasal. "
            "Sedation and dissociation can follow each dose.\n")
    assert texts_of(text, "jargon-undefined") == []


def test_other_jargon_is_still_flagged():
    assert texts_of("Your dose is titrated over four weeks. Most people go home soon.\n",
                    "jargon-undefined") == ["titrated"]


def test_rems_and_nmda_antagonist_need_no_expansion():
    text = "You sign a form for the SPRAVATO REMS. Ketamine is an NMDA antagonist.\n"
    assert texts_of(text, "acronym-undefined") == []
    # "NMDA receptors" names the receptor the label names (precision round 4); other uses
    # of the short form still need it spelt out.
    assert texts_of("It acts on NMDA receptors in the brain.\n", "acronym-undefined") == []
    assert texts_of("It blocks NMDA signalling in the brain.\n", "acronym-undefined") == ["NMDA"]


def test_trademark_symbol_is_reported_once_per_page():
    text = ("We give SPRAVATO™ in our office. Ask us whether SPRAVATO™ suits you. "
            "SPRAVATO™ needs a driver home.\n")
    assert texts_of(text, "spravato-trademark-symbol") == ["SPRAVATO™"]


def test_combination_statement_is_accurate_outside_the_us():
    text = ("The TGA listed esketamine for adults. The spray must be taken with an oral "
            "antidepressant.\n")
    assert texts_of(text, "spravato-combination-only") == []
    us = "Esketamine is a nasal spray. The spray must be taken with an oral antidepressant.\n"
    assert texts_of(us, "spravato-combination-only") != []


def test_safety_attributed_to_a_guideline_is_not_a_bare_claim():
    sourced = "Brain stimulation is safe and effective according to the national mood guidelines.\n"
    assert texts_of(sourced, "safety-claim-unqualified") == []
    bare = "Brain stimulation is one of the safest options according to our founder.\n"
    assert texts_of(bare, "safety-claim-unqualified") != []


def test_a_non_response_figure_is_not_an_efficacy_claim():
    assert texts_of("About 30% of people with depression do not get better on one medicine.\n",
                    "efficacy-statistic-unsourced") == []
    assert texts_of("About 70% of people get better after six sessions.\n",
                    "efficacy-statistic-unsourced") != []


def test_a_page_that_never_pairs_the_brand_gets_one_finding_at_the_body():
    text = "What is the SPRAVATO™ REMS?\n\nBecause of the risks of SPRAVATO, you sign a form.\n"
    found = [f for f in lint_text(text) if f.rule == "spravato-first-mention"]
    assert [(f.line, f.text) for f in found] == [(3, "SPRAVATO")]
    paired_later = ("What is the SPRAVATO REMS?\n\nBecause of the risks of SPRAVATO, you sign a form. "
                    "SPRAVATO (esketamine) is a spray.\n")
    assert texts_of(paired_later, "spravato-first-mention") == []


def test_new_crisis_and_pharmacology_words_are_known():
    text = ("Crisis texters get a reply within minutes. We stop catastrophising after trialling "
            "a new plan. MDMA (methylenedioxymethamphetamine) is not a psychopharmacological "
            "first choice.\n")
    assert texts_of(text, "spelling") == []


# -- recall -----------------------------------------------------------------------------------

def test_tms_called_approved_in_other_word_orders():
    assert texts_of("In 2008 rTMS was approved by the Food and Drug Administration.\n",
                    "tms-approved-by-regulator") == ["approved"]
    assert texts_of("The FDA has also approved TMS for migraine.\n",
                    "tms-approved-by-regulator") == ["approved"]
    assert texts_of("rTMS is a Health Canada approved option for adults.\n",
                    "tms-approved-by-regulator") == ["approved"]
    assert texts_of("TMS was first approved for depression in 2008.\n",
                    "tms-approved-by-regulator") == ["approved"]


def test_tms_approval_near_misses_pass():
    for text in ("Your TMS course was approved by your insurance plan.\n",
                 "TMS was cleared by the FDA in 2008.\n",
                 "Esketamine was approved by the FDA in 2019, and TMS is a device.\n"):
        assert texts_of(text, "tms-approved-by-regulator") == [], text


def test_fda_approved_tms_is_reported_once():
    found = [f.rule for f in lint_text("We offer FDA-approved TMS, and TMS was approved by the FDA.\n")
             if f.category == "terminology"]
    assert found.count("tms-fda-approved") == 1
    assert found.count("tms-approved-by-regulator") == 1


def test_outdated_organisation_names():
    assert texts_of("Guidance from the National Institute for Health and Clinical Excellence "
                    "backs this.\n", "outdated-organisation-name") == ["Health and Clinical Excellence"]
    assert texts_of("The National Suicide Prevention Lifeline answers every day.\n",
                    "outdated-organisation-name") == ["National Suicide Prevention Lifeline"]
    assert texts_of("The 988 line (formerly the National Suicide Prevention Lifeline) is free.\n",
                    "outdated-organisation-name") == []


def test_condition_names_capitalised_mid_sentence():
    assert texts_of("Ask whether TMS suits someone with Bipolar Disorder before you book.\n",
                    "condition-name-capitalized") == ["Bipolar Disorder"]
    for text in ("Bipolar Disorder is treated differently.\n",
                 "It is licensed for Major Depressive Disorder in adults.\n",
                 "The Depression and Anxiety Support Line is open late.\n",
                 "We treat Treatment Resistant Depression (TRD) with care.\n"):
        assert texts_of(text, "condition-name-capitalized") == [], text


def test_stray_capitals_and_split_terms():
    assert texts_of("A volunteer wIll call you back.\n", "stray-capital-in-word") == ["wIll"]
    assert texts_of("Book your rTMS visit through our eHealth page.\n", "stray-capital-in-word") == []
    assert texts_of("Soft music plays While you wait on the line.\n",
                    "capital-verb-mid-sentence") == ["While"]
    assert texts_of("Unlike electro-convulsive therapy, TMS needs no anaesthetic.\n",
                    "domain-term-misspelling") == ["electro-convulsive"]
    assert texts_of("Coverage starts once following criteria are met.\n",
                    "following-without-the") == ["once following"]


def test_pity_framing_without_from_and_with_hyphenated_modifiers():
    assert texts_of("Adults suffering severe depression may ask about TMS.\n", "pity-framing") != []
    assert texts_of("People suffering from treatment-resistant depression may qualify.\n",
                    "pity-framing") != []
    assert texts_of("Your scalp may suffer mild redness after a session.\n", "pity-framing") == []


def test_generic_capitalised_after_a_route_word():
    assert texts_of("Our team finds IV Ketamine has a quick onset.\n",
                    "generic-name-capitalized") == ["Ketamine"]
    assert texts_of("Ask about our IV Ketamine Program today.\n", "generic-name-capitalized") == []


def test_compliance_shapes_from_the_second_batch():
    assert texts_of("Response rates with brain stimulation are up to 70%.\n",
                    "efficacy-statistic-unsourced") != []
    assert texts_of("Remission rates are around 30% of people treated.\n",
                    "efficacy-statistic-unsourced") == []
    assert texts_of("Some people feel a lift in mood in as little as 1-2 hours after a dose.\n",
                    "onset-timeframe-promise") != []
    assert texts_of("Infusions are currently the only rapid acting treatment for low mood.\n",
                    "comparative-claim") != []
    assert texts_of("SPRAVATO is the only esketamine medicine approved by the FDA.\n",
                    "comparative-claim") == []
    assert texts_of("Today TMS is covered by all private insurance plans.\n",
                    "insurance-coverage-promise") != []
    assert texts_of("It is a safe, gentle and effective choice.\n", "safety-claim-unqualified") != []


def test_reported_speech_without_quotes_makes_a_news_page():
    story = ("Regulators warned about home ketamine kits. The agency says it has not approved them.\n"
             "A psychiatrist, Lee, said the risks are real, and the agency says more data are needed.\n")
    assert guess_kind(story) == "news"
    assert texts_of(story, "contact-channel-missing") == []
    clinic = "Ketamine therapy may help. Our team said the first visit is calm, she said.\n"
    assert guess_kind(clinic) == "provider"


def test_a_medicines_body_decision_is_a_government_page():
    text = ("Advice\n\nesketamine is accepted for use within NHSScotland.\n\n"
            "Indication under review: adults.\n")
    assert guess_kind(text) == "government"


def test_a_first_name_after_a_title_is_a_name():
    text = "We spoke with Professor Mal Hopwood about brain stimulation.\n"
    assert texts_of(text, "spelling") == []
