"""Shared context for domain rules: fact options, label text, sections, new kinds, meta-language."""

from __future__ import annotations

import textwrap

import pytest

from lintcare.api import default_rules, lint_source, lint_text
from lintcare.document import Document
from lintcare.kinds import RuleError
from lintcare.rules.loader import RuleSet, load_rules
from lintcare.sources import Source
from lintcare.sources.prose import HEADING, PARAGRAPH, ProseBuilder

RULE = """
  - id: {id}
    category: supportive-language
    severity: suggestion
    message: 'x'
    source: 'test'
    kind: {kind}
{body}
    examples:
      fail: ['{fail1}', '{fail2}']
      pass: ['{pass1}', '{pass2}']
"""


def _rules(tmp_path, facts: str, rules: str) -> RuleSet:
    path = tmp_path / "rules.yaml"
    path.write_text("facts:\n" + textwrap.indent(textwrap.dedent(facts), "  ") + "\nrules:\n" + rules,
                    encoding="utf-8")
    return load_rules([path])


def _doc(text: str, rs: RuleSet) -> Document:
    from lintcare.sources import extract

    source = Source("t.txt", text)
    return Document(source, extract(source), rs.facts)


# -- fact options ---------------------------------------------------------------
FACTS = r"""
brand-title:
  pattern: '\bspravato\b'
  where: heading
brand-body:
  pattern: '\bspravato\b'
  where: body
topic:
  pattern: '\bketamine\b'
  min_count: 3
risk:
  pattern: '\bside effects\b'
  skip_negated: true
"""


def test_fact_where_min_count_and_negation(tmp_path):
    rs = _rules(tmp_path, FACTS, "")
    doc = _doc("About SPRAVATO\n\nKetamine is old. We give ketamine infusions.", rs)
    assert doc.has("brand-title") and not doc.has("brand-body")
    assert not doc.has("topic")  # two mentions: a passing word, not the topic
    assert _doc("Ketamine, ketamine and more ketamine.", rs).has("topic")
    assert not _doc("Ketamine has no side effects, they say.", rs).has("risk")
    assert _doc("Ketamine has side effects such as nausea.", rs).has("risk")


@pytest.mark.parametrize(("spec", "field"), [
    ("where: title", "where"), ("min_count: 0", "min_count"), ("colour: red", "colour")])
def test_bad_fact_option_names_the_field(tmp_path, spec, field):
    with pytest.raises(RuleError, match=f"field '{field}'"):
        _rules(tmp_path, f"bad:\n  pattern: 'x'\n  {spec}\n", "")


# -- label text and label sections ---------------------------------------------
LABEL_FACTS = r"""
label-text: '\babuse\s+and\s+misuse\b|\bdrug\s+abuse\s+and\s+dependence\b'
label-section: '\bimportant\s+safety\s+information\b'
"""
ABUSE_RULE = RULE.format(
    id="abuse", kind="pattern", body="    pattern: '\\b(?:drug\\s+)?abuse\\b'\n"
    "    skip_inside: [label-text]\n    skip_sections: [label-section]",
    fail1="Ketamine abuse is real.", fail2="Drug abuse hurts.",
    pass1="Abuse and Misuse", pass2="It warns about abuse and misuse.")


def test_label_headings_and_sections_are_exempt(tmp_path):
    rs = _rules(tmp_path, LABEL_FACTS, ABUSE_RULE)
    text = ("Abuse and Misuse\n\nKetamine abuse harms the bladder.\n\n"
            "Drug Abuse and Dependence\n\nImportant Safety Information\n\n"
            "Tell us about any drug abuse in the past.\n\nAbout Our Clinic\n\n"
            "We screen for drug abuse.")
    found = [(f.line, f.text) for f in lint_source(Source("t.txt", text), rs)]
    # Flagged in running text; not in the label heading, the label's section title,
    # or the section quoted under "Important Safety Information".
    assert found == [(3, "abuse"), (13, "drug abuse")]


def test_section_headings_follow_levels():
    b = ProseBuilder()
    for text, kind, level in [("Safety", HEADING, 1), ("Abuse and Misuse", HEADING, 3),
                              ("Body text.", PARAGRAPH, 0), ("Dosing", HEADING, 2),
                              ("More text.", PARAGRAPH, 0)]:
        b.open_block()
        b.add(text, 0)
        b.close_block(kind, level)
    prose = b.build()
    doc = Document(Source("t", prose.text), prose, {})

    def titles(snippet: str) -> list[str]:
        return [doc.text[h.start:h.end] for h in doc.section_headings(prose.text.index(snippet))]

    assert titles("Body text.") == ["Abuse and Misuse", "Safety"]
    assert titles("More text.") == ["Dosing", "Safety"]


# -- kinds: occurrence and consistency -------------------------------------------
def test_occurrence_flags_repeats_after_the_allowed_ones():
    from dataclasses import replace

    from lintcare.rules.loader import RuleSet

    rs = default_rules().subset({"spravato-mark-repeated"})
    text = ("SPRAVATO® (esketamine)\n\nSPRAVATO® (esketamine) is a nasal spray. SPRAVATO® is given "
            "here. Ask about SPRAVATO® today. A SPRAVATO visit takes two hours.")
    # The rule reports the first repeat only (max_per_page: 1); the kind finds every one.
    assert [f.start for f in lint_text(text, ruleset=rs)] == [text.index("SPRAVATO® is given")]
    # A page that marks every mention keeps one house style: nothing to report.
    consistent = text.replace(" A SPRAVATO visit takes two hours.", "")
    assert lint_text(consistent, ruleset=rs) == []
    rs = RuleSet([replace(rs.rules[0], max_per_page=0)], rs.facts)
    found = lint_text(text, ruleset=rs)
    assert [f.text for f in found] == ["SPRAVATO®", "SPRAVATO®"]
    assert [f.fix.edits[0].replacement for f in found] == ["SPRAVATO", "SPRAVATO"]
    assert found[0].start == text.index("SPRAVATO® is given")


def test_consistency_flags_the_minority_style():
    rs = default_rules().subset({"mixed-quote-styles"})
    text = "We don’t rush. It’s calm. Patients say “thank you”. Don't drive."
    assert [f.text for f in lint_text(text, ruleset=rs)] == ["'"]
    assert lint_text("We don't rush. It's calm.", ruleset=rs) == []


def test_consistency_needs_two_variants(tmp_path):
    rule = RULE.format(id="one", kind="consistency", body="    variants: {a: 'x'}",
                       fail1="a", fail2="b", pass1="c", pass2="d")
    with pytest.raises(RuleError, match="field 'variants': needs at least two"):
        _rules(tmp_path, "", rule)


# -- first and most prominent mention ------------------------------------------
def test_subheading_after_a_paired_mention_is_fine_but_a_title_is_checked():
    rs = default_rules().subset({"spravato-first-mention"})
    body = "SPRAVATO® (esketamine) is given in our office.\n\nWhy SPRAVATO\n\nIt can help."
    assert lint_text(body, ruleset=rs) == []
    # A title is fine when the body's first mention (the sentence below it) is paired...
    assert lint_text("About SPRAVATO\n\n" + body, ruleset=rs) == []
    # ...and on a page that never names the generic, the body's first mention (where the
    # pairing goes) is reported, once.
    titled = "About SPRAVATO\n\nAsk whether SPRAVATO suits you.\n\nWhy SPRAVATO\n\nIt can help."
    found = lint_text(titled, ruleset=rs)
    assert [(f.line, f.text) for f in found] == [(3, "SPRAVATO")]


# -- meta-language and reported claims -------------------------------------------
@pytest.mark.parametrize("text", [
    "Myth: ketamine cures depression. Fact: it can ease symptoms.",
    "Some clinics claim ketamine cures depression.",
    "Be wary of ads that promise ketamine cures depression.",
    "People with depression are often told to just relax.",
    "Manic depression is the old name for bipolar disorder.",
])
def test_reported_and_debunked_claims_are_not_flagged(text):
    rules = {"absolute-cure-claim", "minimizing-instruction", "nonstandard-condition-name"}
    assert lint_text(text, ruleset=default_rules().subset(rules)) == []


@pytest.mark.parametrize(("text", "rule"), [
    ("Ketamine cures depression.", "absolute-cure-claim"),
    ("When you feel low, just relax.", "minimizing-instruction"),
    ("We use the same approach as for manic depression.", "nonstandard-condition-name"),
])
def test_the_same_words_asserted_are_flagged(text, rule):
    assert [f.rule for f in lint_text(text, ruleset=default_rules().subset({rule}))] == [rule]


@pytest.mark.parametrize(("text", "flagged"), [
    ("Treatment takes just two sprays.", []),
    ("You just need to bring a photo ID.", []),
    ("You just need to cheer up.", ["just need to cheer up"]),
])
def test_just_meaning_only_is_not_minimizing(text, flagged):
    rs = default_rules().subset({"minimizing-instruction", "condescending-filler"})
    assert [f.text for f in lint_text(text, ruleset=rs)] == flagged
