"""Dictionary spelling with the domain lexicon, and the acceptance figures of issue 9."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lintcare import lint_text
from lintcare.api import default_rules, lint_file
from lintcare.config import Config
from lintcare.kinds import spelling as spelling_kind
from lintcare.language import speller as speller_module
from lintcare.language.speller import LEXICON_PATH, Speller, default_speller, load_lexicon
from lintcare.language.vocabulary import Vocabulary
from lintcare.language.wordshape import blank_addresses
from lintcare.rules.loader import RuleSet, load_rules

from .conftest import ROOT, SAMPLE

DATA = Path(__file__).resolve().parent / "data"
RULES = default_rules()
SPELLING = RuleSet([r for r in RULES.rules if r.id == "spelling"], RULES.facts)


def _rows(name: str) -> list[tuple[str, str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            a, b = line.split("\t")
            rows.append((a, b))
    return rows


def _spelling(text: str, accept: tuple[str, ...] = (), reject: tuple[str, ...] = ()) -> list:
    config = Config(vocabulary=Vocabulary.of(accept, reject)) if accept or reject else None
    return lint_text(text, ruleset=SPELLING, config=config)


# -- the lexicon -------------------------------------------------------------------
def test_lexicon_is_large_packaged_and_domain_complete():
    terms = load_lexicon()
    assert len(terms) >= 500
    # Shipped inside the package directory, so the wheel (packages = ["lintcare"]) has it.
    assert LEXICON_PATH.parent.parent == ROOT / "lintcare"
    for term in ("ketamine", "esketamine", "SPRAVATO", "transcranial", "dissociation", "TRD", "MDD",
                 "REMS", "TMS", "PHQ", "bupropion", "copay", "deductible", "NeuroStar"):
        assert terms[term.lower()] == term


def test_domain_terms_win_ties():
    speller = default_speller()
    assert speller.suggest("ketamin")[0] == "ketamine"  # a stock list says "vitamin"
    assert speller.suggest("spravto")[0] == "SPRAVATO"
    assert speller.suggest("ansthetic")[0] == "anesthetic"
    assert speller.suggest("dissocation")[0] == "dissociation"
    # The same ties without the lexicon go to the more frequent general words.
    plain = Speller(lexicon={})
    assert plain.suggest("ansthetic")[0] == "aesthetic"
    assert plain.suggest("dissocation")[0] == "dislocation"


def test_distance_two_reaches_domain_terms_only():
    speller = default_speller()
    assert speller.suggest("trancranail")[0] == "transcranial"  # two edits
    assert speller.suggest("xqzvtw") == ()


# -- the word list, read without building a SpellChecker ----------------------------------
def test_word_list_is_the_one_spellchecker_builds():
    from spellchecker import SpellChecker

    engine = SpellChecker(language="en", distance=1)
    words = speller_module._read_english()
    assert words is not None  # the package data is where the pinned version keeps it
    assert words == engine.word_frequency.dictionary
    edits = speller_module._EditsOne(words)
    longest = engine.word_frequency.longest_word_length
    for word in ("ketamin", "spravto", "dont", "esketamine's", "naive", "a", "!", "'", "1.5", "nan",
                 "inf", "e" * (longest + 3), "e" * (longest + 4), ""):
        assert edits(word) == engine.edit_distance_1(word), word
    assert set(edits._letters) == engine.word_frequency.letters


def test_edits_use_exactly_the_letters_of_the_list():
    words = {"a-b": 1, "été": 2, "x'y": 3, "q9": 4}
    edits = speller_module._EditsOne(words)
    # "z" replaced by each letter: the list's characters, and no others
    assert {e for e in edits("z") if len(e) == 1} == set().union(*words)


def test_a_list_read_as_is_only_when_lowercasing_changes_nothing():
    import gzip

    parse = speller_module._parse_english
    assert parse(gzip.compress('{"naïve": 3, "don\'t": 2}'.encode())) == {"naïve": 3, "don't": 2}
    for text in ('{"Paris": 1}', '{"ÉCOLE": 1}', '{"\\u0041b": 1}', '["a"]', '{"a": '):
        assert parse(gzip.compress(text.encode())) is None, text
    assert parse(b"not gzip") is None


def test_without_the_package_data_the_speller_builds_a_spellchecker(monkeypatch):
    rows = _rows("misspellings.tsv")
    fast = Speller()
    monkeypatch.setattr(speller_module, "_read_english", lambda: None)
    slow = Speller()
    assert slow._freq == fast._freq
    for typo, _ in [*rows, ("xqzvtw", ""), ("trancranail", "")]:
        assert slow.suggest(typo) == fast.suggest(typo), typo


# -- acceptance: misspellings --------------------------------------------------------
def test_misspellings_first_suggestion():
    rows = _rows("misspellings.tsv")
    assert len(rows) >= 60
    speller = default_speller()
    right = [typo for typo, word in rows if speller.suggest(typo)[:1] == (word,)]
    wrong = sorted(set(t for t, _ in rows) - set(right))
    share = len(right) / len(rows)
    print(f"first suggestion right: {len(right)}/{len(rows)} = {share:.1%}; wrong: {wrong}")
    assert share >= 0.90, wrong


def test_every_misspelling_is_flagged_in_a_sentence():
    for typo, _ in _rows("misspellings.tsv"):
        text = f"Our nurses explained the {typo} to every new patient."
        at = text.index(typo)
        found = [f for f in lint_text(text) if f.category == "typo" and f.start == at]
        assert found, typo
        assert found[0].text == typo


# -- acceptance: real-word errors ----------------------------------------------------
def _changed(wrong: str, right: str) -> tuple[int, int]:
    i = 0
    while wrong[i] == right[i]:
        i += 1
    j = 0
    while wrong[-1 - j] == right[-1 - j]:
        j += 1
    return i, max(len(wrong) - j, i + 1)


def test_real_word_errors_found_and_corrections_clean():
    rows = _rows("realword.tsv")
    assert len(rows) >= 40
    missed, flagged_correct = [], []
    for wrong, right in rows:
        lo, hi = _changed(wrong, right)
        hits = [f for f in lint_text(wrong) if f.category == "typo" and f.start < hi and f.end > lo - 1]
        if not hits:
            missed.append(wrong)
        bad = [f"{f.rule}: {f.text!r}" for f in lint_text(right) if f.category == "typo"]
        if bad:
            flagged_correct.append((right, bad))
    found = len(rows) - len(missed)
    print(f"real-word errors found: {found}/{len(rows)} = {found / len(rows):.1%}; missed: {missed}")
    assert found / len(rows) >= 0.80, missed
    assert flagged_correct == []


# -- acceptance: false alarms on clean pages -----------------------------------------
def test_false_spelling_findings_on_clean_pages():
    files = sorted((DATA / "pages").glob("*"))
    if SAMPLE.exists():
        files.append(SAMPLE)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in files)
    own = sum(len(p.read_text(encoding="utf-8").split()) for p in files if p != SAMPLE)
    assert own >= 3000
    found = [(p.name, f.line, f.text) for p in files for f in lint_file(str(p), SPELLING).findings]
    rate = len(found) * 2000 / words
    print(f"{len(found)} false spelling findings in {words:,} words = {rate:.2f} per 2,000 words: {found}")
    assert rate <= 1.0


# -- what is not a word to check -----------------------------------------------------
def test_skips_addresses_numbers_units_acronyms_and_code():
    text = ("Visit https://www.examplclinic.org/ketamin-infoo or www.spravto-info.com, write to "
            "drz@lumin-helth.org, call (208) 555-0147 or 1-800-555-0199, text 988. Doses of 0.5 mg/kg "
            "and 56 mg; a 20 mcg patch; 3 hrs. PHQ-9, GAD-7, COVID-19, 2nd visit, 24/7 line, TRDX and "
            "MADRS scores; the NeuroStar and MyChart apps; run `lintcare chek` or #mentalhealth @luminhlth.")
    assert _spelling(text) == []


def test_names_mid_sentence_are_skipped_but_near_misses_of_domain_terms_are_not():
    text = ("Dr. Okonkwo and Priya Raghunathan see patients in Asheville.\n\n"
            "Okonkwo trained at Dartmouth. We now offer Spravto in both offices.")
    found = {f.text: f for f in _spelling(text)}
    assert set(found) == {"Spravto"}
    assert found["Spravto"].suggestions[0] == "SPRAVATO"


def test_sentence_start_words_are_checked():
    found = _spelling("Somtimes the dizziness lasts an hour.")
    assert [(f.text, f.suggestions[0]) for f in found] == [("Somtimes", "Sometimes")]
    found = _spelling("What to bring:\n\n- Comfortble clothes\n- A list of your medicines\n")
    assert [(f.text, f.suggestions[0]) for f in found] == [("Comfortble", "Comfortable")]


def test_a_wrapped_line_does_not_start_a_sentence():
    text = ("Your nurse for the first visit is usually\nTamsin, who has worked in our clinic\n"
            "since it opened.\n")
    assert _spelling(text) == []


def test_contractions_possessives_and_compounds():
    assert _spelling("Esketamine's label says it isn't for home use; patients' rides don't count.") == []
    found = _spelling("The treatment-resistent form and ketamin's effects.")
    assert [(f.text, f.suggestions[0]) for f in found] == [("resistent", "resistant"),
                                                          ("ketamin", "ketamine")]


def test_positions_in_a_multiline_file(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("About us\n\nWe offer infusions.\nOur nurses are\nvery experienced and kind, with\n"
                    "a calm aproach.\n", encoding="utf-8")
    (f,) = lint_file(str(page), SPELLING).findings
    assert (f.line, f.column, f.end_column, f.text) == (6, 8, 15, "aproach")
    assert f.fix is not None and f.fix.edits[0].replacement == "approach"


# -- vocabulary ----------------------------------------------------------------------
def test_project_vocabulary_accept_and_reject():
    text = "Our telepsych visits use Lumivue, and staff utilize the portal."
    assert [f.text for f in _spelling(text)] == ["telepsych"]
    vocabulary = {"accept": ("telepsych",), "reject": ("utilize", "Lumivue")}
    assert [f.text for f in _spelling(text, **vocabulary)] == ["Lumivue", "utilize"]
    # The vocabulary belongs to that configuration only: the next file without it is unchanged.
    assert [f.text for f in _spelling(text)] == ["telepsych"]


def test_rule_fields_accept_and_reject(tmp_path):
    rules = tmp_path / "team.yaml"
    rules.write_text(
        "rules:\n"
        "  - id: team-spelling\n"
        "    category: typo\n"
        "    severity: warning\n"
        "    kind: spelling\n"
        "    message: 'Check \"{text}\".'\n"
        "    source: team style guide\n"
        "    accept: [telepsych]\n"
        "    reject: [utilise]\n"
        "    examples:\n"
        "      fail: ['We utilise the portal.', 'Book a telepsyc visit.']\n"
        "      pass: ['Book a telepsych visit.', 'We use the portal.']\n", encoding="utf-8")
    rs = load_rules([rules], RuleSet([], RULES.facts))
    text = "We utilise telepsych visits."
    assert [f.text for f in lint_text(text, ruleset=rs)] == ["utilise"]


def test_bad_vocabulary_field_is_a_rule_error(tmp_path):
    from lintcare.kinds import RuleError

    rules = tmp_path / "bad.yaml"
    rules.write_text(
        "rules:\n  - id: x\n    category: typo\n    severity: warning\n    kind: spelling\n"
        "    message: m\n    source: s\n    accept: [1, 2]\n"
        "    examples: {fail: [a, b], pass: [c, d]}\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"rule 'x': field 'accept\[0\]': must be a string, not a number"):
        load_rules([rules])


# -- one finding per span; one look-up per word ----------------------------------------
def test_curated_rules_report_their_words_once():
    findings = lint_text("We offer ketamin infusions. You will recieve a reminder.")
    assert [(f.rule, f.text) for f in findings if f.category == "typo"] == [
        ("drug-name-misspelling", "ketamin"), ("common-misspelling", "recieve")]


def test_each_distinct_word_is_judged_once(monkeypatch):
    rule = RULES.get("spelling")
    calls: list[str] = []
    original = rule.kind._judge_uncached

    def counting(word):
        calls.append(word)
        return original(word)

    monkeypatch.setattr(rule.kind, "_judge_uncached", counting)
    text = " ".join(["Patients say the zorblax session helped."] * 200)
    found = _spelling(text)
    assert len(found) == 200
    assert calls.count("zorblax") <= 1  # judged once, then cached for the process


def test_tokens_known_to_be_fine_change_no_finding(monkeypatch):
    kind = RULES.get("spelling").kind
    text = "Ask about ketamine (esketamine, SPRAVATO) or the zorblax plan; zorblax-free days."
    first = _spelling(text)
    assert [f.text for f in first] == ["zorblax", "zorblax"]
    assert {"(esketamine,", "ketamine"} <= kind._fine_tokens
    assert not {"zorblax", "zorblax-free"} & kind._fine_tokens  # a token with a flagged word
    assert _spelling(text) == first
    # A word the dictionary knows is still flagged once rejected, however often it was fine.
    assert [f.text for f in _spelling(text, reject=("esketamine",))] == ["esketamine", "zorblax", "zorblax"]
    # The memo restarts when full; the findings stay the same.
    monkeypatch.setattr(spelling_kind, "_FINE_TOKENS_MAX", 2)
    assert _spelling(text) == first
    assert _spelling(text + " Call today.") == first
    assert len(kind._fine_tokens) <= 15


def test_words_looked_for_before_blanking_are_those_found_after():
    occurrences = spelling_kind._occurrences(frozenset({"ketamin", "org", "info", "Lumivue"}))
    texts = ("See example.org/ketamin-info or ketamin.", "ketamin www.ketamin.org ketamin",
             "Mail info@ketamin.org, (ketamin) https://x.org/ketamin?a=ketamin ketamin's info",
             "org\u00a0https://org.org\u2003org. Lumivue:www.org Lumivue", "only example.org here",
             "`org` ketamin`x` org `https://a.org` ketamin")
    for text in texts:
        blanked = blank_addresses(spelling_kind._CODE.sub(spelling_kind._blank, text))
        expected = [(m.start(), m[0]) for m in occurrences.finditer(blanked)]
        got, found = spelling_kind._in_prose(text, occurrences)
        assert [(m.start(), m[0]) for m in found] == expected, text
        assert got == blanked or not found, text


@pytest.mark.parametrize("few", [64, 0])  # starts found by str.find, or by the scan
def test_occurrences_are_those_of_the_word_pattern(monkeypatch, few):
    monkeypatch.setattr(spelling_kind, "_FEW_OCCURRENCES", few)
    texts = ("Our org's organ donors (org) visit example.org; org.\norg-2 and org's", "org" * 50,
             "Ketamin’s ketamin, ketamin's ketamins ketamin2 ketamin-3 ketamin-free #ketamin",
             "5th-ketamin x.ketamin ketamin.x ketamin:/ ketamin: Org ORG rg ketamin'")
    for words in ({"org"}, {"ketamin", "ketamin's", "Ketamin’s", "org"}, {"rg", "th", "orgorg"}):
        alternation = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
        pattern = re.compile(f"{spelling_kind._BEFORE}(?:{alternation}){spelling_kind._AFTER}")
        occurrences = spelling_kind._Occurrences(frozenset(words))
        for text in texts:
            expected = [(m.start(), m[0]) for m in pattern.finditer(text)]
            assert [(m.start(), m[0]) for m in occurrences.finditer(text)] == expected, (words, text)


def test_json_report_carries_suggestions(run_cli, tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("Call us about your apointments.\n", encoding="utf-8")
    _, out, _ = run_cli("check", "--format", "json", str(page))
    (f,) = [f for f in json.loads(out)["files"][0]["findings"] if f["rule"] == "spelling"]
    assert f["text"] == "apointments" and f["suggestions"][0] == "appointments"


def test_a_name_stands_alone_where_the_look_behind_pattern_says() -> None:
    """The hand-made search finds a word exactly where (?<![\\w'’])word\\b matches."""
    import random

    rng = random.Random(11)
    for _ in range(20_000):
        text = "".join(rng.choice(["Ola", "ola", "O", "'", "’", "_", "7", "é", "٣", " ", ".", "-"])
                       for _ in range(rng.randint(0, 8)))
        word = rng.choice(["Ola", "O", "Ol'a", "la"])
        expected = [m.start() for m in re.finditer(rf"(?<![\w'’]){re.escape(word)}\b", text)]
        assert list(spelling_kind._standing_alone(text, word)) == expected, (text, word)
