"""Readability metrics, text preparation, the grade-level and long-sentence rules, and stats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lintcare import lint_text
from lintcare.api import default_rules
from lintcare.kinds import RuleError
from lintcare.language.formulas import counted_long_words, frequent_long_words, hardest, score
from lintcare.language.nlp import SENTENCE_END, sentence_ends
from lintcare.language.prepare import (
    _PACKED_CHARS,
    _block_sentences,
    _pieces,
    _sentence_ends,
    _sentences_one_by_one,
)
from lintcare.language.readability import analyse
from lintcare.rules.loader import load_rules
from lintcare.sources.prose import LIST_ITEM, PARAGRAPH
from lintcare.sources.text import extract_text

from .conftest import SAMPLE

DATA = Path(__file__).parent / "data"
GRADE6 = DATA / "grade6-treatment-day.txt"
GRADE12 = DATA / "grade12-clinical-considerations.txt"


def scores_of(text: str):
    return analyse(extract_text(text)).scores()


def only(*ids: str):
    return default_rules().subset(set(ids))


# -- formulas, checked against hand computation -----------------------------------


def test_formulas_on_one_syllable_text():
    # "The cat sat on the mat." 6 words, 6 syllables. "It was a sunny day." 5 words,
    # 6 syllables (sun-ny). Total: 11 words, 2 sentences, 12 syllables, no polysyllable.
    s = scores_of("The cat sat on the mat. It was a sunny day.\n")
    assert (s.words, s.sentences, s.syllables, s.polysyllables) == (11, 2, 12, 0)
    # FK = 0.39 * 11/2 + 11.8 * 12/11 - 15.59 = 2.145 + 12.872727 - 15.59 = -0.572273
    assert s.flesch_kincaid == pytest.approx(-0.572273, abs=1e-5)
    # FRE = 206.835 - 1.015 * 5.5 - 84.6 * 12/11 = 206.835 - 5.5825 - 92.290909 = 108.961591
    assert s.flesch_reading_ease == pytest.approx(108.961591, abs=1e-5)
    # SMOG = 1.043 * sqrt(0 * 30 / 2) + 3.1291 = 3.1291
    assert s.smog == pytest.approx(3.1291)


def test_formulas_on_polysyllabic_text():
    # "Medication can help." me-di-ca-tion (4) + 1 + 1: 3 words, 6 syllables, 1 long word.
    # "Depression is treatable." de-pres-sion (3) + 1 + treat-a-ble (3): 3 words,
    # 7 syllables, 2 long words. Total: 6 words, 2 sentences, 13 syllables, 3 long words.
    s = scores_of("Medication can help. Depression is treatable.\n")
    assert (s.words, s.sentences, s.syllables, s.polysyllables) == (6, 2, 13, 3)
    # SMOG = 1.043 * sqrt(3 * 30 / 2) + 3.1291 = 1.043 * 6.708204 + 3.1291 = 10.125757
    assert s.smog == pytest.approx(10.125757, abs=1e-5)
    # FK = 0.39 * 3 + 11.8 * 13/6 - 15.59 = 1.17 + 25.566667 - 15.59 = 11.146667
    assert s.flesch_kincaid == pytest.approx(11.146667, abs=1e-5)
    # FRE = 206.835 - 1.015 * 3 - 84.6 * 13/6 = 206.835 - 3.045 - 183.3 = 20.49
    assert s.flesch_reading_ease == pytest.approx(20.49, abs=1e-5)


def test_no_sentences_gives_no_grade():
    s = scores_of("Our Clinic\n")  # a heading only
    assert s.sentences == 0
    assert s.smog is None and s.flesch_kincaid is None and s.flesch_reading_ease is None


# -- text preparation ----------------------------------------------------------------

PREPARED = """What to expect

Dr. Lee gives 2.5 mg of the spray at 9 a.m. on the first day. You rest for two hours.

- Blood pressure checks
- Bring a friend who can drive you home.
"""


def test_headings_fragments_abbreviations_and_decimals():
    analysis = analyse(extract_text(PREPARED))
    counted = [PREPARED[s.start:s.end] for s in analysis.sentences if s.counted]
    # The heading and the list fragment are not sentences; "Dr.", "2.5" and "a.m." do
    # not end one; a list item that is a full sentence counts.
    assert counted == [
        "Dr. Lee gives 2.5 mg of the spray at 9 a.m. on the first day.",
        "You rest for two hours.",
        "Bring a friend who can drive you home.",
    ]
    s = analysis.scores()
    # Sentence 1: Dr (doctor, 2) Lee 1 gives 1 2.5 ("two point five", 3) mg (milligrams,
    # 3) of 1 the 1 spray 1 at 1 9 1 a.m. 2 on 1 the 1 first 1 day 1: 15 words,
    # 21 syllables, one long word (mg). Sentence 2: 5 words, 5 syllables (hours: 1).
    # Sentence 3: 8 one-syllable words. Total: 28 words, 3 sentences, 34 syllables.
    assert (s.words, s.sentences, s.syllables, s.polysyllables) == (28, 3, 34, 1)
    # SMOG = 1.043 * sqrt(1 * 30 / 3) + 3.1291 = 1.043 * 3.162278 + 3.1291 = 6.427356
    assert s.smog == pytest.approx(6.427356, abs=1e-5)
    # FK = 0.39 * 28/3 + 11.8 * 34/28 - 15.59 = 3.64 + 14.328571 - 15.59 = 2.378571
    assert s.flesch_kincaid == pytest.approx(2.378571, abs=1e-5)


def test_urls_emails_and_phone_numbers_are_not_words():
    s = scores_of("Call 555-123-4567 or visit www.example.org/book today. "
                  "Write to care@example.org with questions.\n")
    # Call, or, visit, today / Write, to, with, questions
    assert (s.words, s.sentences) == (8, 2)
    assert s.syllables == 1 + 1 + 2 + 2 + 1 + 1 + 1 + 2


def test_lead_in_ending_with_colon_is_not_a_sentence():
    analysis = analyse(extract_text("Side effects can include:\n\n- feeling sleepy\n- nausea\n"))
    assert analysis.scores().sentences == 0


def test_sentence_ends_match_the_shared_sentence_rule():
    text = SAMPLE.read_text(encoding="utf-8") if SAMPLE.exists() else PREPARED
    text += " Visit the U.S. Food and Drug Administration site. See e.g. the label. It ends here!"
    assert list(_sentence_ends(text, 0, len(text))) == sentence_ends(text, 0, len(text))
    # The stops, and the line breaks the stops miss (after a stop before a lowercase word,
    # or before a capitalised line).
    assert {m.end() for m in SENTENCE_END.finditer(text)} <= set(sentence_ends(text, 0, len(text)))


def test_each_heading_starts_a_section():
    text = ("Welcome to our clinic. We treat depression.\n\nWhat to expect\n\n"
            "A nurse checks your blood pressure. You rest after the spray.\n\n"
            "Costs\n\nInsurance often pays.\n")
    sections = analyse(extract_text(text)).sections
    assert [(s.heading, s.scores().sentences) for s in sections] == [
        (None, 2), ("What to expect", 2), ("Costs", 1)]


def test_familiar_words_do_not_count_as_long_words():
    analysis = analyse(extract_text("Esketamine helps depression. It is a nasal spray.\n"))
    assert analysis.scores().polysyllables == 2
    assert analysis.scores(frozenset({"esketamine"})).polysyllables == 1


# -- the pages: about 6th and about 12th grade -----------------------------------------


def test_sixth_and_twelfth_grade_pages_come_out_in_order():
    easy = analyse(extract_text(GRADE6.read_text(encoding="utf-8"))).scores()
    hard = analyse(extract_text(GRADE12.read_text(encoding="utf-8"))).scores()
    assert easy.sentences >= 30 and hard.sentences >= 30  # enough text to trust SMOG
    assert 5 <= easy.smog <= 8 and 4 <= easy.flesch_kincaid <= 7
    assert 11 <= hard.smog <= 15 and 10 <= hard.flesch_kincaid <= 14
    assert hard.smog - easy.smog >= 4


def _grade_findings(path: Path):
    text = path.read_text(encoding="utf-8")
    return text, [f for f in lint_text(text, path=str(path)) if f.rule == "grade-level-high"]


def test_findings_point_at_each_hard_section():
    text, found = _grade_findings(GRADE12)
    headings = ["How esketamine works", "Monitoring during treatment", "Insurance and approval"]
    assert len(found) == 3
    for heading, f in zip(headings, found, strict=True):
        assert f.severity == "warning" and f.scope == "section"
        assert f'The section "{heading}" reads at SMOG grade' in f.message
        assert "above the target of 8" in f.message and "low confidence" not in f.message
        # The finding sits on a sentence of its own section, the hardest one.
        starts = [text.index(f"\n{h}\n") for h in headings]
        here = starts[headings.index(heading)]
        following = [s for s in starts if s > here]
        assert here < f.start < (following[0] if following else len(text))
        first_named = dict(f.extra)["hardest"].split(";")[0]
        assert first_named.startswith(f'{f.line}:{f.column} "{" ".join(f.text.split()[:8])}')
        assert dict(f.extra)["grade"] > 8


def test_sixth_grade_page_has_no_grade_finding():
    _, found = _grade_findings(GRADE6)
    assert found == []


def test_mixed_page_flags_only_the_hard_section():
    easy = GRADE6.read_text(encoding="utf-8")
    hard = GRADE12.read_text(encoding="utf-8")
    insurance = hard[hard.index("Insurance and approval"):]
    page = easy + "\n" + insurance
    found = [f for f in lint_text(page) if f.rule == "grade-level-high"]
    assert len(found) == 1
    f = found[0]
    assert 'The section "Insurance and approval"' in f.message
    assert f.start > page.index("Insurance and approval")
    # The hardest sentence of that section: seven long words in sixteen.
    assert f.text.startswith("Approval decisions often require additional information")
    hardest = dict(f.extra)["hardest"]
    assert hardest.count(":") >= 3  # each named with line:column


def test_short_page_above_target_gets_one_low_confidence_suggestion():
    rule = default_rules().get("grade-level-high")
    hard = rule.fail[0].text  # ten hard sentences
    found = [f for f in lint_text(hard, ruleset=only("grade-level-high"))]
    assert len(found) == 1
    assert found[0].severity == "suggestion" and found[0].scope == "document"
    assert "low confidence: 10 sentences; readability formulas need 30" in found[0].message


def test_too_short_to_estimate_gets_nothing():
    nine = " ".join(["Comprehensive psychiatric evaluation determines eligibility."] * 9)
    assert lint_text(nine, ruleset=only("grade-level-high")) == []
    ten = nine + " Comprehensive psychiatric evaluation determines eligibility."
    assert len(lint_text(ten, ruleset=only("grade-level-high"))) == 1


def _rules_file(tmp_path, body: str):
    path = tmp_path / "rules.yaml"
    path.write_text("rules:\n" + body, encoding="utf-8")
    return path


GRADE_RULE = """  - id: team-grade
    category: readability
    severity: warning
    kind: grade-level
    message: '{{where}} reads at {{metric}} grade {{grade}}{{confidence}}.'
    source: 'team style guide'
{fields}    examples:
      fail: ['{fail}', '{fail}']
      pass: ['Short.', 'Also short.']
"""


def test_short_text_skip_and_target_fields(tmp_path):
    hard = " ".join(["Comprehensive psychiatric evaluation determines eligibility."] * 12)
    skip = load_rules([_rules_file(tmp_path, GRADE_RULE.format(
        fields="    short_text: skip\n", fail=hard))])
    assert lint_text(hard, ruleset=skip) == []
    lenient = load_rules([_rules_file(tmp_path, GRADE_RULE.format(
        fields="    target: 30\n", fail=hard))])
    assert lint_text(hard, ruleset=lenient) == []
    fk = load_rules([_rules_file(tmp_path, GRADE_RULE.format(
        fields="    metric: flesch-kincaid\n    target: 5\n", fail=hard))])
    (f,) = lint_text(hard, ruleset=fk)
    assert f.message.startswith("This page reads at Flesch-Kincaid grade")


@pytest.mark.parametrize(("fields", "field"), [
    ("    metric: fog\n", "metric"),
    ("    target: 0\n", "target"),
    ("    min_sentences: 0\n", "min_sentences"),
    ("    min_sentences: 20\n    reliable_sentences: 10\n", "reliable_sentences"),
    ("    short_text: note\n", "short_text"),
    ("    familiar: [ok, 3]\n", "familiar\\[1\\]"),
])
def test_grade_rule_fields_are_validated(tmp_path, fields, field):
    path = _rules_file(tmp_path, GRADE_RULE.format(fields=fields, fail="x"))
    with pytest.raises(RuleError, match=f"rule 'team-grade': field '{field}'"):
        load_rules([path])


# -- long sentences ------------------------------------------------------------------


def test_long_sentence_counts_words_and_spans_the_sentence():
    long = ("If you have ever had high blood pressure, a stroke, a heart problem, a problem with "
            "your blood vessels or a bad reaction to an anesthetic, please tell us before your "
            "first visit.")
    text = f"Welcome.\n\n{long} Thank you.\n"
    (f,) = lint_text(text, ruleset=only("long-sentence"))
    assert f.text == long
    assert "This sentence has 33 words" in f.message and "30 or fewer" in f.message
    assert dict(f.extra)["words"] == 33


def test_long_sentence_boundary_and_list_items():
    words = "Please bring your list of medicines, your insurance card and a friend who can drive"
    base = words.split()  # 15 words
    rest = ["you", "home", "after", "the", "visit", "on", "the", "first", "treatment", "day",
            "and", "on", "every", "later", "day"]
    at_limit = " ".join([*base, *rest]) + "."  # 30 words
    over = at_limit[:-1] + " too."  # 31 words
    assert lint_text(at_limit, ruleset=only("long-sentence")) == []
    (f,) = lint_text(f"- {over}\n", ruleset=only("long-sentence"))  # a list item
    assert dict(f.extra)["words"] == 31


def test_long_sentence_limit_is_a_field(tmp_path):
    path = _rules_file(tmp_path, """  - id: short-sentences
    category: readability
    severity: suggestion
    kind: long-sentence
    max_words: 10
    message: '{words} words'
    source: 'team style guide'
    examples:
      fail: ['One two three four five six seven eight nine ten eleven.', 'A b c d e f g h i j k.']
      pass: ['Short one.', 'Another short one.']
""")
    rs = load_rules([path])
    (f,) = lint_text("One two three four five six seven eight nine ten eleven.", ruleset=rs)
    assert f.message == "11 words"


# -- lintcare stats --------------------------------------------------------------------


def test_stats_text_shows_pages_and_sections(run_cli):
    code, out, _ = run_cli("stats", str(GRADE6), str(GRADE12))
    assert code == 0
    assert f"{GRADE6}: SMOG 6.5" in out and "within the target SMOG 8" in out
    assert f"{GRADE12}: SMOG 13.0" in out and "above the target SMOG 8" in out
    assert "Insurance and approval" in out and "At the clinic" in out


def test_stats_json_contract(run_cli, tmp_path):
    code, out, err = run_cli("stats", "--format", "json", str(GRADE12), str(tmp_path / "missing.txt"))
    assert code == 2
    assert "missing.txt: no such file or directory" in err
    payload = json.loads(out)
    page, missing = payload["files"]
    assert missing["error"] == "no such file or directory"
    assert set(page) >= {"path", "smog", "flesch_kincaid", "words", "sentences", "sections"}
    assert page["path"] == str(GRADE12) and page["sentences"] == 31
    assert [s["heading"] for s in page["sections"]] == [
        "Esketamine Nasal Spray: What Patients Should Consider", "How esketamine works",
        "Monitoring during treatment", "Insurance and approval"]
    for s in page["sections"]:
        assert set(s) >= {"heading", "smog", "flesch_kincaid", "words", "sentences"}
    # Sections add up to the page.
    assert sum(s["words"] for s in page["sections"]) == page["words"]
    assert sum(s["sentences"] for s in page["sections"]) == page["sentences"]
    # The same grade the rule reports.
    (f, *_) = _grade_findings(GRADE12)[1]
    section = next(s for s in page["sections"] if s["heading"] == "How esketamine works")
    assert dict(f.extra)["smog"] == section["smog"]


def test_stats_marks_low_confidence(run_cli, tmp_path):
    page = tmp_path / "short.txt"
    page.write_text("Ketamine can help. Ask your doctor.\n", encoding="utf-8")
    code, out, _ = run_cli("stats", str(page))
    assert code == 0
    assert "SMOG 3.1*" in out and "low confidence" in out


def test_text_report_caret_stays_within_the_shown_window(run_cli, tmp_path):
    filler = "We care about you. " * 10
    long = ("If you have ever had high blood pressure, a stroke, a heart problem, a problem with "
            "your blood vessels or a bad reaction to an anesthetic, please tell us before your "
            "first visit and we will plan your care with you.")
    page = tmp_path / "p.txt"
    page.write_text(filler + long + " " + filler + "\n", encoding="utf-8")
    _, out, _ = run_cli("check", "--fail-on", "none", str(page))
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if "[long-sentence]" in line)
    shown, caret = lines[at + 2], lines[at + 3]
    assert caret.strip(" ^") == "" and len(caret) <= len(shown)


def test_stats_reads_stdin_and_skips_binary_files(run_cli, tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"GIF89a\x00\x01")
    code, out, err = run_cli("stats", "-", str(binary), input="Ketamine can help.\n")
    assert code == 0
    assert out.startswith("<stdin>: SMOG 3.1*") and "3 words, 1 sentence;" in out
    assert "binary file" in err and str(binary) not in out


def test_readability_findings_are_never_errors():
    rules = [r for r in default_rules().rules if r.category == "readability"]
    assert len(rules) >= 5
    assert all(r.severity in ("warning", "suggestion") for r in rules)


def test_sections_come_from_block_kinds_of_any_extractor():
    """A markup extractor gives heading blocks and a position map; sections follow them."""
    from lintcare.document import Document
    from lintcare.engine import lint_document
    from lintcare.sources import Source
    from lintcare.sources.prose import HEADING, LIST_ITEM, ProseBuilder

    source_text = "## Costs\n\n* Fees vary.\n\nInsurance often pays. Ask our office about IM fees.\n"
    b = ProseBuilder()
    b.open_block()
    b.add("Costs", 3)
    b.close_block(HEADING, 2)
    b.open_block()
    b.add("Fees vary.", 12)
    b.close_block(LIST_ITEM)
    b.open_block()
    start = source_text.index("Insurance")
    b.add(source_text[start:-1], start)
    b.close_block()
    prose = b.build()
    (section,) = analyse(prose).sections
    assert section.heading == "Costs"
    assert [prose.text[s.start:s.end] for s in section.sentences if s.counted] == [
        "Insurance often pays.", "Ask our office about IM fees."]  # "Fees vary." is a fragment
    rules = default_rules()
    doc = Document(Source("page.md", source_text, "markdown"), prose, rules.facts)
    (f,) = lint_document(doc, rules.subset({"acronym-undefined"}))
    assert (f.line, f.column, f.text) == (5, 44, "IM")


# -- the packed per-chunk figures ------------------------------------------------------

MIXED = (
    "Call 555-123-4567 or (555) 123 4567 today. Visit https://example.org/a.b or "
    "www.example.org. Write to care@example.org, then rest. In 2024 we saw 1,200 people; "
    "call +1 555.123.4567! Treatment-resistant depression isn't rare: it's well—almost "
    "common. Esketamine's label (REMS) says e.g. 2.5 mg at 9 a.m. Ask Dr. Lee."
)


@pytest.mark.parametrize("kind", [PARAGRAPH, LIST_ITEM])
@pytest.mark.parametrize("text", [
    MIXED,
    "No links here. Just words, 12 numbers and 3,400 more. Ends without a stop",
    "care@example.org",
    "Call 555 123 4567 now.",
    "See www.example.org/book now. Or https://example.org today.",
    "5551234567 and 555 1234 are no phone numbers. 555-1234 neither.",
])
def test_packed_figures_match_chunk_by_chunk(text, kind):
    """The packed sums (and the hint that skips blanking) give what measuring each
    chunk of the blanked text one by one gives."""
    ends = _sentence_ends(text, 0, len(text))
    totals: list[int] = [0, 0, 0]
    long_words: list[str] = []
    packed = _block_sentences(text, 0, len(text), kind, ends, totals, long_words)
    one_by_one = _sentences_one_by_one(text, 0, len(text), kind, _pieces(text, 0, len(text), ends))
    assert packed == one_by_one
    scores = score(one_by_one)
    assert totals == [scores.words, scores.sentences, scores.syllables]
    assert len(long_words) == scores.polysyllables


def test_a_block_too_long_for_packed_sums_is_measured_chunk_by_chunk():
    sentence = "Comprehensive evaluation determines eligibility for treatment. "
    repeats = _PACKED_CHARS // len(sentence) + 1
    text = sentence * repeats + "X" * 70_000 + "."
    *sentences, last = analyse(extract_text(text)).sentences
    (alone,) = analyse(extract_text(sentence)).sentences  # short: the packed sums
    assert len(sentences) == repeats
    assert {s[2:] for s in sentences} == {alone[2:]}
    assert (last.words, last.counted) == (1, True)


def test_sentence_starts_of_the_document_give_the_same_analysis():
    from lintcare.document import Document
    from lintcare.sources import Source

    text = SAMPLE.read_text(encoding="utf-8") if SAMPLE.exists() else PREPARED
    prose = extract_text(text + "\n\n" + MIXED + "\n")
    doc = Document(Source("page.txt", prose.text), prose, default_rules().facts)
    assert analyse(prose, doc.sentence_starts) == analyse(prose)


PAGES = sorted(p for p in (DATA.parent / "pages").iterdir() if p.suffix in (".txt", ".md", ".html"))


@pytest.mark.parametrize("path", [GRADE6, GRADE12, *PAGES], ids=lambda p: p.name)
def test_section_totals_are_the_scores_of_their_sentences(path):
    """Sections add up their counted sentences as they are measured; the scores and the
    long words must be what scoring the sentences again gives."""
    from lintcare.sources import Source, extract, format_for

    analysis = analyse(extract(Source(str(path), path.read_text(encoding="utf-8"), format_for(str(path)))))
    familiar = frozenset({"ketamine", "esketamine", "depression", "treatment"})
    for section in analysis.sections:
        assert section.long_words == tuple(counted_long_words(section.sentences))
        for words in (frozenset(), familiar):
            assert section.scores(words) == score(section.sentences, words)


def test_hardest_sentences_most_long_words_then_most_words_first():
    analysis = analyse(extract_text(GRADE12.read_text(encoding="utf-8")))
    familiar = frozenset({"esketamine", "ketamine", "treatment"})

    def weight(s):
        return len([w for w in s.long_words if w not in familiar]), s.words

    counted = [s for s in analysis.sentences if s.counted]
    # A stable sort keeps sentences of the same weight in page order.
    expected = sorted(counted, key=weight, reverse=True)[:4]
    assert hardest(analysis.sentences, familiar, 4) == expected
    assert hardest(analysis.sentences, familiar, 4) != hardest(analysis.sentences, frozenset(), 4)
    assert hardest([s for s in analysis.sentences if not s.counted]) == []


def test_frequent_long_words_are_counter_most_common_ties_in_page_order():
    from collections import Counter

    analysis = analyse(extract_text(GRADE12.read_text(encoding="utf-8")))
    words = analysis.long_words()
    assert words == counted_long_words(analysis.sentences)
    for familiar in (frozenset(), frozenset({"esketamine", "treatment"})):
        expected = Counter(w for w in words if w not in familiar)
        for count in (1, 5, 50):
            assert frequent_long_words(words, familiar, count) == expected.most_common(count)


def test_blanking_that_reaches_back_measures_the_block_again(monkeypatch):
    """Pieces read before a chunk hinted at a URL, email or phone number are measured
    again if blanking changed them (it does not with today's patterns)."""
    import lintcare.language.prepare as prepare

    def blank_first_word(block: str) -> str:
        first = block.split()[0]
        return " " * len(first) + block[len(first):]

    monkeypatch.setattr(prepare, "_strip_not_words", blank_first_word)
    text = "Medication helps many people. Call 555-123-4567 today. Ask us."
    ends = _sentence_ends(text, 0, len(text))
    totals: list[int] = [0, 0, 0]
    long_words: list[str] = []
    packed = _block_sentences(text, 0, len(text), PARAGRAPH, ends, totals, long_words)
    assert packed == _sentences_one_by_one(text, 0, len(text), PARAGRAPH, _pieces(text, 0, len(text), ends))
    assert packed[0].words == 3 and packed[0].long_words == ()  # "Medication" blanked
    assert totals[1] == 3 and long_words == []


def test_whole_word_forms_are_those_of_the_look_behind_pattern() -> None:
    """An acronym's forms, found without a look-behind, are re's findall of the full pattern
    (case folds such as the long s and the Kelvin sign included)."""
    import random
    import re

    from lintcare.kinds.readability import _whole_word_forms

    rng = random.Random(12)
    for _ in range(20_000):
        text = "".join(rng.choice(["ms", "MS", "ſ", "K", "k", "-", "_", "٣", " ", "é", "m"])
                       for _ in range(rng.randint(0, 8)))
        word = rng.choice(["ms", "k", "m-s", "sk"])
        expected = re.findall(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.IGNORECASE)
        assert list(_whole_word_forms(text, word)) == expected, (text, word)
