"""Token rules pay for spaCy only on pages where a pattern's literal tokens stand.

The prefilter (kinds/tokens.py) must never skip a page where the Matcher would find a
match: checked against the rules run with the prefilter switched off, on pages built
from the pieces that decide (the literals, sentence ends, quotes, block breaks).
"""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from lintcare.api import default_rules, lint_text
from lintcare.kinds.tokens import literal_run, prefilter
from lintcare.language.nlp import may_start_sentence

PIECES = ["its", "Its", "ITS", "than", "Than", "a", "an", "not", "important", "to", "visits",
          ".", "!", "?", "…", '"', "”", ")", "(", "Dr.", " ", " ", "  ", "\n", "\n\n", "-", "5",
          "T", "it's", "\u00a0"]


def test_the_literal_run_follows_tokens_and_optional_white_space():
    pattern = [{"LOWER": "its"}, {"IS_SPACE": True, "OP": "?"}, {"LOWER": {"IN": ["a", "An"]}},
               {"LOWER": "very", "OP": "?"}, {"LOWER": "good"}]
    assert literal_run(pattern) == [["its"], ["a", "an"]]  # stops at an optional word
    assert literal_run([{"IS_PUNCT": True}, {"LOWER": "its"}]) == []
    assert literal_run([{"LOWER": "x", "OP": "?"}, {"ORTH": "Than"}]) == [["than"]]


def test_the_prefilter_finds_the_run_with_white_space_between_and_not_inside_words():
    scan = prefilter([[{"LOWER": "its"}, {"IS_SPACE": True, "OP": "?"}, {"LOWER": {"IN": ["a", "not"]}}]])
    assert scan is not None
    found = lambda text: scan.search(text) is not None  # noqa: E731
    assert found("Its  a") and found("It is its\nnot") and found("ITS A")
    assert not found("its ability") and not found("visits a") and not found("its, a")
    assert prefilter([[{"LOWER": "its"}], [{"IS_ALPHA": True}]]) is None  # one without literals


def test_a_sentence_can_start_after_a_stop_at_a_block_or_at_the_start():
    text = 'Rest. Than a. "Ok." Than b. x than c. Dr. Than\n\nthan d'
    starts = [0, text.index("than d")]
    at = [i for i in range(len(text)) if text.lower().startswith("than", i)]
    verdicts = [may_start_sentence(text, starts, i, i + 4) for i in at]
    # After "Rest.", after a closing quote, not mid-sentence, after "Dr." (the
    # look-behinds are spaCy's business: may is enough), at a block's start.
    assert verdicts == [True, True, False, True, True]
    assert not may_start_sentence("x. than", [0], 3, 7)  # a lower-case letter starts none


@pytest.fixture(scope="module")
def token_rules():
    return [r for r in default_rules().rules if r.kind.name == "tokens"]


def _without_prefilter(token_rules, text: str, fmt: str):
    kept = [r.kind._prefilter for r in token_rules]
    try:
        for rule in token_rules:
            rule.kind._prefilter = None
        return lint_text(text, fmt)
    finally:
        for rule, scan in zip(token_rules, kept, strict=True):
            rule.kind._prefilter = scan


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_the_prefilter_never_skips_a_page_the_matcher_would_flag(token_rules, fmt):
    ids = {r.id for r in token_rules}
    rng = random.Random(11)
    flagged = 0
    for _ in range(400):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(3, 16)))
        expected = [f for f in _without_prefilter(token_rules, text, fmt) if f.rule in ids]
        assert [f for f in lint_text(text, fmt) if f.rule in ids] == expected, text
        flagged += bool(expected)
    assert flagged >= 10  # the pages do reach the Matcher's matches


def test_a_page_holding_its_and_than_as_words_never_imports_spacy():
    code = ("import sys; from lintcare.api import lint_text; "
            "lint_text('Its dose, more than one, was hard.', 'text'); "
            "lint_text('The team checks its results more than once.', 'text'); "
            "print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    flagged = lint_text("Rest for two hours. Than a friend drives you home.", "text")
    assert any(f.rule == "than-starts-sentence" for f in flagged)
