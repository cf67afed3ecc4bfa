"""Jargon and acronyms explained at first use; plainer words for bureaucratic ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from lintcare import lint_text
from lintcare.api import default_rules
from lintcare.kinds import RuleError
from lintcare.rules.loader import load_rules


def flagged(text: str, rule: str) -> list[str]:
    return [f.text for f in lint_text(text, ruleset=default_rules().subset({rule}))]


# -- jargon ----------------------------------------------------------------------------


# Route words (intramuscular, intravenous) and the label's side-effect words (sedation,
# dissociation) are not on the list (bench/real adjudication); the mechanics are shown
# with terms that are.
@pytest.mark.parametrize("text", [
    "Your dose is titrated (changed a little at a time).",
    "Your dose is titrated — we change it a little at a time.",
    "Your dose is titrated, or changed a little at a time.",
    "Your dose is titrated, which means we change it a little at a time.",
    "Your dose is titrated. This means we change it a little at a time.",
    "We adjust the dose step by step. Doctors write this as titration.",
    "We change the dose (titrate) over the first weeks.",
    "This is called titration, and it takes a few weeks.",
    "Remission is when symptoms are mostly gone for a while.",
])
def test_jargon_explained_in_context_passes(text):
    assert flagged(text, "jargon-undefined") == []


def test_jargon_flagged_once_at_its_first_use():
    text = ("Tell us if you have hypertension. We check you before each dose. "
            "Hypertension is common in adults. We watch for hypertension closely.")
    assert flagged(text, "jargon-undefined") == ["hypertension"]


def test_jargon_defined_once_is_not_flagged_again():
    text = ("Some patients feel anhedonia (loss of interest in things they enjoyed). "
            "Most people say the anhedonia eases. Tell us if anhedonia worries you.")
    assert flagged(text, "jargon-undefined") == []


def test_jargon_explained_too_late_is_still_flagged():
    text = ("Tell us if you have hypertension. We check you before each dose. "
            "We also ask about your sleep. Hypertension means high blood pressure.")
    assert flagged(text, "jargon-undefined") == ["hypertension"]


def test_jargon_in_a_heading_waits_for_the_body():
    text = ("Remission and relapse\n\n"
            "For some people symptoms go away. Remission can last for months.\n")
    assert flagged(text, "jargon-undefined") == []  # the first body use is explained
    text = "Remission and relapse\n\nKeep your follow-up visits. Remission can last for months.\n"
    found = lint_text(text, ruleset=default_rules().subset({"jargon-undefined"}))
    assert [(f.text, f.line) for f in found] == [("Remission", 3)]
    assert 'e.g. "symptoms are mostly gone"' in found[0].message
    assert found[0].suggestions[0] == "symptoms are mostly gone"


def test_each_term_is_judged_on_its_own():
    text = "Tell us about hypertension. Your dose is titrated."
    assert flagged(text, "jargon-undefined") == ["hypertension", "titrated"]


def test_route_and_label_words_are_not_jargon():
    text = "Ketamine can be given intramuscularly. Sedation and dissociation pass within hours."
    assert flagged(text, "jargon-undefined") == []


# -- acronyms --------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "We offer transcranial magnetic stimulation (TMS) five days a week.",
    "We offer TMS (transcranial magnetic stimulation) five days a week.",
    "We offer TMS, or transcranial magnetic stimulation, five days a week.",
    "SPRAVATO is given under a Risk Evaluation and Mitigation Strategy (REMS).",
    "Ketamine can be given by IV, through a vein in your arm.",
    "SSRIs, or selective serotonin reuptake inhibitors, are common antidepressants.",
    "Your doctor may treat treatment resistant depression (TRD) with SPRAVATO.",
    "Ketamine is a Schedule III drug; some sleeping pills are Schedule IV drugs.",
])
def test_acronym_spelt_out_passes(text):
    assert flagged(text, "acronym-undefined") == []


def test_acronym_spelt_out_only_in_the_next_sentence_is_flagged():
    text = "We offer TMS five days a week. Transcranial magnetic stimulation is FDA-cleared."
    assert flagged(text, "acronym-undefined") == ["TMS"]


def test_acronym_defined_in_a_heading_is_defined():
    text = ("Transcranial magnetic stimulation (TMS)\n\n"
            "Each session lasts about twenty minutes. You can drive after a TMS session.\n")
    assert flagged(text, "acronym-undefined") == []


def test_acronyms_are_case_sensitive_and_judged_once():
    text = ("Ketamine can be given by IM or IV injection. Many IM clinics also offer TMS. "
            "IM stands for intramuscular.")
    found = lint_text(text, ruleset=default_rules().subset({"acronym-undefined"}))
    assert [f.text for f in found] == ["IM", "TMS"]  # IV, like MRI, needs no spelling out
    assert found[0].message == 'Spell out "IM" at its first use, e.g. "intramuscular (IM)".'
    assert flagged("Call us if you feel ill. Tms is not an acronym here.", "acronym-undefined") == []


# -- plain words -----------------------------------------------------------------------


def test_plain_word_substitution_offers_a_fix_that_keeps_capitals():
    found = lint_text("In order to prepare, arrive prior to 9 a.m. and utilize the side door.",
                      ruleset=default_rules().subset({"plain-word-substitution"}))
    assert [(f.text, f.suggestions[0]) for f in found] == [
        ("In order to", "To"), ("prior to", "before"), ("utilize", "use")]
    assert all(f.fix is not None and not f.fix.safe for f in found)
    assert all(f.severity == "suggestion" and f.category == "readability" for f in found)


def test_plain_words_are_not_flagged_in_quotes():
    text = 'Avoid words like "utilize" when you write for patients.'
    assert flagged(text, "plain-word-substitution") == []


# -- the kind's fields -----------------------------------------------------------------

RULE = """rules:
  - id: team-terms
    category: readability
    severity: suggestion
    kind: first-use
    message: 'Explain {{text}}.'
    source: 'team style guide'
{fields}    examples:
      fail: ['x', 'y']
      pass: ['x', 'y']
"""


@pytest.mark.parametrize(("fields", "field", "reason"), [
    ("    terms: {'(unclosed': x}\n", "terms", "invalid regular expression"),
    ("    terms: {EEG: []}\n", "terms.EEG", "needs at least one entry"),
    ("    terms: {EEG: electroencephalogram}\n    plain_in: page\n", "plain_in", "adjacent"),
    ("    terms: {EEG: electroencephalogram}\n    explained_after: '(x'\n", "explained_after",
     "invalid regular expression"),
])
def test_first_use_fields_are_validated(tmp_path, fields, field, reason):
    path = tmp_path / "rules.yaml"
    path.write_text(RULE.format(fields=fields), encoding="utf-8")
    with pytest.raises(RuleError, match=f"rule 'team-terms': field '{field}': .*{reason}"):
        load_rules([path])


def test_first_use_works_for_a_team_term_list(tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text(RULE.format(fields="    case_sensitive: true\n    plain_in: sentence\n"
                                       "    terms: {EEG: [electroencephalogram, brain wave test]}\n"),
                    encoding="utf-8")
    rs = load_rules([path])
    assert [f.text for f in lint_text("We may order an EEG first.", ruleset=rs)] == ["EEG"]
    assert lint_text("We may order a brain wave test (EEG) first.", ruleset=rs) == []


# -- where the scan is tried --------------------------------------------------------------


def _doc(text: str, fmt: str = "text", prose=None):
    from lintcare.document import Document
    from lintcare.scan import PageScan
    from lintcare.sources import Source, extract

    rs = default_rules()
    source = Source("<t>", text, fmt)
    prose = prose or extract(source)
    scan = PageScan(prose.text, prose.blocks, rs.scanner, rs.scanner.anchor_index)
    return Document(source, prose, rs.facts, scan)


PAGES = sorted(p for p in (Path(__file__).parent / "pages").iterdir() if p.suffix in (".txt", ".md", ".html"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_terms_tried_where_their_literals_stand_are_the_scans_matches(page):
    """The jargon scan runs only where the anchor index finds one of the literals its
    matches start with; it finds what scanning the whole page finds."""
    from lintcare.sources import format_for

    kind = default_rules().get("jargon-undefined").kind
    doc = _doc(page.read_text(encoding="utf-8"), format_for(str(page)))
    assert kind.regex.starts and doc.scan.literal_starts(kind.regex.starts) is not None
    assert [m.span() for m in kind.regex.finditer(doc.text)] == list(doc.scan.spans(kind.regex))
    expected = [m.span() for m in kind.regex.finditer(doc.text)
                if any(r.fullmatch(doc.text, *m.span()) for r in kind.term_res)]
    assert [(start, end) for start, end, _ in kind._matches(doc)] == expected


def test_literal_starts_are_not_used_when_text_stands_outside_the_blocks():
    from lintcare.sources.prose import Block, OffsetMap, Prose

    text = "sedation here\n\nand sedation"
    prose = Prose(text, [Block(15, len(text))], OffsetMap.identity(len(text)))
    assert _doc(text, prose=prose).scan.literal_starts(("sedation",)) is None
    joined = Prose(text, [Block(0, 13), Block(13, len(text))], OffsetMap.identity(len(text)))
    assert _doc(text, prose=joined).scan.literal_starts(("sedation",)) is None  # no gap between blocks
    apart = Prose(text, [Block(0, 13), Block(15, len(text))], OffsetMap.identity(len(text)))
    assert _doc(text, prose=apart).scan.literal_starts(("sedation",)) == [0, 19]
