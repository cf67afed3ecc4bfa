"""The RE2 block filter only skips work: every block it rules out holds no match.

The filter's looser patterns must match wherever the rule regexes match (checked on
every rule example, the test pages and generated text), and linting with the filter
must give exactly the findings linting without it gives.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lintcare.api import default_rules, lint_source
from lintcare.document import _EMAIL, _emails_in
from lintcare.rules.loader import RuleSet
from lintcare.scan.blockfilter import BlockFilter, superset_pattern
from lintcare.sources import Source, extract, format_for

pytest.importorskip("re2")

PAGES = sorted(p for p in (Path(__file__).parent / "pages").iterdir() if p.suffix in (".txt", ".md", ".html"))


def _patterns(rs: RuleSet) -> list[re.Pattern[str]]:
    out = [r.regex for rule in rs.rules for r in getattr(rule.kind, "regexes", [])]
    return out + [f.pattern.regex for f in rs.facts.values()]


@pytest.fixture(scope="module")
def rules_and_filter() -> tuple[list[re.Pattern[str]], BlockFilter]:
    rs = default_rules()
    patterns = _patterns(rs)
    return patterns, BlockFilter(p.pattern for p in patterns)


def _missed(patterns: list[re.Pattern[str]], bf: BlockFilter, source: Source) -> list[str]:
    """Patterns matching inside a block the filter ruled out."""
    prose = extract(source)
    hits = bf.hits(prose.text, prose.blocks)
    assert hits is not None
    missed = []
    for pattern in patterns:
        slot = bf.slot(pattern.pattern)
        if slot is None:
            continue
        allowed = set(hits.get(slot, ()))
        for i, block in enumerate(prose.blocks):
            if i not in allowed and pattern.search(prose.text, block.start, block.end):
                missed.append(f"{pattern.pattern[:60]!r} in {prose.text[block.start:block.end][:60]!r}")
    return missed


def test_nearly_every_rule_regex_enters_the_set(rules_and_filter):
    patterns, bf = rules_and_filter
    assert bf.available
    outside = [p.pattern for p in patterns if bf.slot(p.pattern) is None]
    assert len(outside) <= len(patterns) // 20, outside


def test_no_example_match_is_ruled_out(rules_and_filter):
    patterns, bf = rules_and_filter
    missed = []
    for rule in default_rules().rules:
        for ex in (*rule.fail, *rule.passes):
            missed += _missed(patterns, bf, Source("<example>", ex.text, ex.fmt))
    assert missed == []


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_no_page_match_is_ruled_out(rules_and_filter, page: Path):
    patterns, bf = rules_and_filter
    source = Source(str(page), page.read_text(encoding="utf-8"), format_for(str(page)))
    assert _missed(patterns, bf, source) == []


# Letters with and without accents, digits of other scripts, every kind of space,
# quotes, dashes and the words the rules look for.
PIECES = st.sampled_from([
    "a", "é", "ß", "K", "\u212a", "ſ", "٣", "5", "0", " ", "\u00a0", "\u2009", "\u3000", "\n", "\t",
    ".", ",", ";", "'", "’", "\"", "“", "-", "–", "(", ")", "@", "/", "®", "%",
    "ketamine", "Spravato", "esketamine", "FDA", "approved", "suicide", "committed", "the", "a",
    "patients", "failed", "who", "treatment", "call", "988", "555-123-4567", "TMS", "its", "it's",
    "100%", "safe", "cure", "Insurance", "side effects", "www", "care@example.org", "hours",
    "psycho", "psychotherapy", "crazy", "your", "you", "their", "A", " a ", "an", "Th", "is", "TMS's",
    "www.", "e.g.", "9888", "(555)", "  ", " .", "..", "_", "\u212aetamine", "ſpravato", "İ", "ı",
    "ketamıne",
])


def test_case_twins_beyond_ascii_are_not_ruled_out(rules_and_filter):
    """Python's ignore-case matches "k" to the Kelvin sign, "s" to the long s and "i" to
    both "ı" and "İ", letters beyond ASCII (RE2 folds neither "i" twin by itself)."""
    patterns, bf = rules_and_filter
    missed = []
    for rule in default_rules().rules:
        for ex in (*rule.fail, *rule.passes):
            for twin in (ex.text.replace("k", "\u212a").replace("s", "ſ"),
                         ex.text.replace("i", "ı"), ex.text.replace("i", "İ").replace("I", "ı")):
                missed += _missed(patterns, bf, Source("<twin>", twin, ex.fmt))
    assert missed == []


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=40))
def test_generated_text_matches_are_never_ruled_out(rules_and_filter, pieces: list[str]):
    patterns, bf = rules_and_filter
    text = "".join(pieces)
    assert _missed(patterns, bf, Source("<gen>", text, "text")) == []


GAPPED = [r"\bdrive\b[^.]{0,60}?\b24 hours\b", r"(?<=x)a.*?b(?=c)", r"(?:a.*bbb|c)d", r"(a)\W*\1x"]


@pytest.mark.parametrize("pattern", [r"(?<=a)b\b", r"(\w+)\s+\1", r"x{2,500}", r"[^\W\d]+", r"(?x) a b",
                                     *GAPPED])
def test_loose_patterns_match_what_the_original_matches(pattern: str):
    import re2

    loose = [re2.compile(part) for part in superset_pattern(pattern)]
    texts = ("ab", "word word", "x" * 600, "naïve", "a b", "ab cd", "drive home within 24 hours",
             "xa then bc", "a bbbd", "cd", "a, ax")
    for text in texts:
        if re.search(pattern, text):
            assert all(part.search(text) for part in loose), (pattern, text)


def test_a_gap_of_any_text_splits_the_pattern_into_parts_that_must_all_match():
    parts = superset_pattern(GAPPED[0])
    assert len(parts) == 2
    bf = BlockFilter([GAPPED[0]])
    slot = bf.slot(GAPPED[0])
    text = "Do not drive today.\n\nWait 24 hours.\n\nNo driving for 24 hours, drive later.\n"
    prose = extract(Source("<g>", text, "text"))
    # Only the third block holds both parts; the first two each hold one.
    assert bf.hits(prose.text, prose.blocks) == {slot: [2]}


@pytest.mark.parametrize("pattern", [
    r"(?<![\w.+-])ab(?![\w.@-])", r"(?<![\d-])98(?![\d-])", r"\bab\b(?![-.])", r"x(?![a-c1.])",
    r"(?<![K_ ])ab", r"(?i)(?<![k.])ab(?![s\s])",
])
def test_edge_classes_let_through_every_block_the_pattern_matches(pattern: str):
    """A look-around that excludes a class at a match's edge becomes the ASCII
    non-letters it excludes (letters only through \\w, which holds their case twins)."""
    import random

    import re2

    loose = [re2.compile(part) for part in superset_pattern(pattern)]
    rng = random.Random(pattern)
    for _ in range(3000):
        text = "".join(rng.choices("abkKAsSx19._-+@ \u212aſé\n", k=rng.randint(0, 6)))
        if re.search(pattern, text):
            assert all(part.search(text) for part in loose), (pattern, superset_pattern(pattern), text)


def test_a_page_with_a_lone_surrogate_is_scanned_in_full(rules_and_filter):
    _, bf = rules_and_filter
    prose = extract(Source("<s>", "Spravado \ud800 text", "text"))
    assert bf.hits(prose.text, prose.blocks) is None


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_findings_are_the_same_with_and_without_the_filter(page: Path):
    base = default_rules()
    source = Source(str(page), page.read_text(encoding="utf-8"), format_for(str(page)))
    plain, filtered = RuleSet(base.rules, base.facts), RuleSet(base.rules, base.facts)
    filtered.scanner.block_filter(10**9)  # built now, whatever the page's size
    assert plain.scanner.block_filter(0) is None
    assert lint_source(source, filtered) == lint_source(source, plain)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab.+-_@ x9é\n", max_size=40))
def test_emails_found_from_each_at_sign_are_the_regex_matches(text: str):
    assert [m.span() for m in _emails_in(text)] == [m.span() for m in _EMAIL.finditer(text)]


@pytest.mark.parametrize("use_filter", [False, True])
def test_a_page_that_lowercasing_lengthens_is_still_linted(use_filter: bool):
    """"İ" lowercases to two characters, so the page's lowercased copy no longer lines
    up with it; anchors are then searched in the text itself (found by the fuzz run)."""
    from lintcare.document import Document
    from lintcare.engine import lint_document

    base = default_rules()
    rs = RuleSet(base.rules, base.facts)
    if use_filter:
        rs.scanner.block_filter(10**12)
    source = Source("<i>", "İ" * 40 + " You may feel tired for awhile after the infusion.", "text")
    prose = extract(source)
    scan = rs.scanner.page(prose.text, prose.blocks)
    assert (scan.block_filter is not None) == use_filter
    assert not scan.aligned
    found = lint_document(Document(source, prose, rs.facts, scan), rs)
    assert "awhile" in {f.text for f in found}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_the_rules_a_page_runs_are_every_rule_whose_kind_can_match(page: Path):
    """The engine picks rules from the filter's hits on a page instead of asking each kind."""
    from lintcare.document import Document
    from lintcare.engine import run_rule

    base = default_rules()
    rs = RuleSet(base.rules, base.facts)
    block_filter = rs.scanner.block_filter(10**9)
    source = Source(str(page), page.read_text(encoding="utf-8"), format_for(str(page)))
    prose = extract(source)
    doc = Document(source, prose, rs.facts, rs.scanner.page(prose.text, prose.blocks))
    hits = doc.scan.filter_hits
    assert hits is not None
    chosen = rs.scanner.rules_for(doc.scan)
    asked = [r for r in rs.rules if (slots := rs.scanner.slots_of(r, block_filter)) is None
             or any(slot in hits for slot in slots)]
    assert [r.id for r in chosen] == [r.id for r in asked]
    assert len(chosen) < len(rs.rules)  # the filter does rule some out
    # Every rule left out finds nothing on the page when run anyway.
    plain = Document(source, prose, rs.facts)
    left_out = [r for r in rs.rules if r not in chosen]
    assert [r.id for r in left_out if list(run_rule(r, plain))] == []
    # A page another scanner made (no shared filter) runs every rule.
    assert rs.scanner.rules_for(plain.scan) == rs.rules
