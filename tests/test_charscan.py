"""CharScan finds exactly the matches of re's finditer, only faster."""

from __future__ import annotations

import random
import re

import pytest

from lintcare.api import lint_text
from lintcare.scan.charscan import CharScan, best_scanner
from lintcare.scan.fastregex import MAX_SHARE, FastRegex, after_non_word, scan_form
from lintcare.scan.lowering import lower_literals, lower_text, lowers_exactly

_ATOMS = ["^", r"\A", "a", "b", "A", "k", "s", "ſ", "K", "’", "“", '"', "'", ".", "-", r"\b", r"\B", "^", "$",
          r"\d", r"\w", "[a-c]", "[^a]", "[“”]", "[A-Za-z]", "(?<=[A-Za-z])", "(?<![a-z])",
          "(?=[a-z])", "(?!b)", "\\]", "[-]", "[\\^]"]
_TEXT = "abAkKsſ’“”\"' .-\n1_]^"


def _pattern(rng: random.Random, depth: int = 0) -> str:
    out = []
    for _ in range(rng.randint(1, 4)):
        r = rng.random()
        if r < 0.15 and depth < 3:
            out.append("(?:" + "|".join(_pattern(rng, depth + 1) for _ in range(rng.randint(1, 3))) + ")")
        elif r < 0.25 and depth < 3:
            out.append("(" + _pattern(rng, depth + 1) + ")")
        else:
            out.append(rng.choice(_ATOMS))
        if depth == 0:  # quantifiers only outside groups: no catastrophic backtracking
            out[-1] += rng.choice(["", "", "", "", "*", "+", "?", "{0,2}"])
    return "".join(out)


def test_same_matches_as_finditer_on_random_patterns() -> None:
    rng = random.Random(7)
    scanned = 0
    for _ in range(1500):
        source = _pattern(rng)
        for flags in (0, re.IGNORECASE, re.MULTILINE):
            try:
                pattern = re.compile(source, flags)
            except re.error:
                continue
            scan = CharScan(pattern)
            scanned += scan._scan is not None
            for _ in range(4):
                text = "".join(rng.choice(_TEXT) for _ in range(rng.randint(0, 25)))
                pos = rng.randint(0, 2)
                assert [m.span() for m in scan.finditer(text)] == \
                    [m.span() for m in pattern.finditer(text)], (source, flags, text)
                assert [m.span() for m in scan.finditer(text, None, pos)] == \
                    [m.span() for m in pattern.finditer(text, pos)], (source, flags, text, pos)
    assert scanned > 1000  # most random patterns are scanned, not passed through


@pytest.mark.parametrize(("source", "flags", "scan"), [
    ("[“”]|(?<=[A-Za-z])’(?=[A-Za-z])", re.IGNORECASE, "[“”’]"),
    ("\"|(?<=[A-Za-z])'(?=[A-Za-z])", 0, "[\"']"),
    (r"\b(?:tms|rems)\b", 0, "[tr]"),
    (r'[”"]\s*—\s*[A-Z]|^\s*—\s*[A-Z]', 0, '[”"]'),  # the ^ branch is tried at 0 only
    ("^a|b", re.MULTILINE, "[ab]"),  # ^ after any newline: zero-width, like \b
    ("a*", 0, None),  # may match nothing: scanned as it is
    (r"(a?)\1b", 0, None),  # a back-reference is not analysed
    ("(?i:a)b", 0, None),  # scoped flags are not analysed
    (".b", 0, None),  # starts with any character
])
def test_scan_class(source: str, flags: int, scan: str | None) -> None:
    found = CharScan(re.compile(source, flags))._scan
    # The scan is the class of first characters, then a look-ahead for the pattern.
    assert (found.pattern.partition("(?<=")[0] if found is not None else None) == scan


def test_case_folding_follows_the_pattern() -> None:
    # Under IGNORECASE "s" also matches the long s and "k" the Kelvin sign.
    pattern = re.compile(r"(?<!x)sk", re.IGNORECASE)
    text = "SK ſK sK xsk"
    assert [m.span() for m in CharScan(pattern).finditer(text)] == \
        [m.span() for m in pattern.finditer(text)] == [(0, 2), (3, 5), (6, 8)]


@pytest.mark.parametrize(("source", "expected"), [
    (r"\b(spravato)\s*®", True),  # uncased marks are fine
    (r"[a-z]+—", True),
    (r"\u017fpravato", False),  # the long s, written as an escape
    ("µg", False),  # the micro sign folds onto Greek mu
    (r"(?<=é)a", True),  # "é" pairs only with "É"
    ("ketaminе", True),  # a Cyrillic "е": the same
    ("ΣΑ", False),  # capital sigma lowercases to "σ" or, ending a word, to "ς"
    ("[À-Ö]", False),  # non-ASCII ranges are not read
])
def test_lowers_exactly(source: str, expected: bool) -> None:
    assert lowers_exactly(source) is expected


@pytest.mark.parametrize(("source", "expected"), [
    (r"\bKetamine", r"\bketamine"),
    (r"É\w", r"é\w"),
    (r"\x41b", None),  # an escaped capital stays as written: not lowered
    (r"[\u00c0-\u00c5]", None),
])
def test_lower_literals(source: str, expected: str | None) -> None:
    assert lower_literals(source) == expected


def test_lowered_scans_find_what_ignoring_case_finds_with_non_ascii_letters() -> None:
    rng = random.Random(3)
    letters = "éÉеЕaAkKσςΣſsµμ"
    for _ in range(2000):
        source = "".join(rng.choice(letters + ".") for _ in range(rng.randint(1, 3)))
        pattern = re.compile(source, re.IGNORECASE)
        text = "".join(rng.choice(letters + " ") for _ in range(rng.randint(0, 12)))
        assert [m.span() for m in FastRegex(pattern).finditer(text, lower_text(text))] == \
            [m.span() for m in pattern.finditer(text)], (source, text)


def test_occurrence_finds_what_ignoring_case_finds() -> None:
    # "ſ" matches "s" when case is ignored but lowercases to itself: the page is then
    # scanned with the rule's own regex, not its lowercased copy.
    from dataclasses import replace

    from lintcare.api import default_rules
    from lintcare.rules.loader import RuleSet

    # (A last mention without the mark: a page that marks every mention is one house style.)
    page = "SPRAVATO® is a nasal spray. ſPRAVATO® is given here. SPRAVATO® again. SPRAVATO ends."
    rules = default_rules()
    # Every repeat the scan finds, not only the page's first (the rule's max_per_page).
    rule = replace(rules.get("spravato-mark-repeated"), max_per_page=0)
    found = lint_text(page, "text", ruleset=RuleSet([rule], rules.facts))
    assert [f.text for f in found] == ["ſPRAVATO®", "SPRAVATO®"]


def test_a_match_at_the_start_of_the_text_only() -> None:
    pattern = re.compile(r'[”"]\s*—\s*[A-Z]|^\s*—\s*[A-Z][a-z]+')
    text = ' — Maria said "hi" — Ana'
    assert [m.span() for m in CharScan(pattern).finditer(text)] == \
        [m.span() for m in pattern.finditer(text)] == [(0, 8), (17, 22)]


def test_best_scanner_keeps_fastregex_where_re_skips_ahead() -> None:
    assert isinstance(best_scanner(re.compile(r"\bspravato\b", re.IGNORECASE)), FastRegex)
    assert isinstance(best_scanner(re.compile(r"\b(?:tms|rems)\b", re.IGNORECASE)), FastRegex)
    # Leading conditions are dropped from the scan: it then starts with a literal.
    assert isinstance(best_scanner(re.compile(r"(?<![\d-])988(?![\d-])")), FastRegex)
    assert isinstance(best_scanner(re.compile(r"\besketamine\b|\bspravato\b")), FastRegex)
    # re skips to no class inside an alternative; CharScan does.
    assert isinstance(best_scanner(re.compile(r"\b[Ee]sketamine\b|\bspravato\b")), CharScan)
    assert isinstance(best_scanner(re.compile(r"(?<=\S)(?P<flag> {2,})(?=\S)")), CharScan)
    assert isinstance(best_scanner(re.compile(r"\w+@\w+")), FastRegex)  # starts anywhere
    # Most letters start a match: trying each word start is faster than stopping at each.
    assert isinstance(best_scanner(re.compile(r"\b(?=([a-z]+))\1\s+\1\b")), FastRegex)


def _builtin_patterns() -> list:
    from lintcare.api import default_rules

    rs = default_rules()
    return [r.regex for rule in rs.rules for r in getattr(rule.kind, "regexes", [])] + \
        [f.pattern.regex for f in rs.facts.values()]


def test_lowered_scans_find_what_ignoring_case_finds_with_long_s_and_dotless_i() -> None:
    """Every built-in pattern, on every rule example with its "s" and "i" written as the
    letters ignoring case pairs them with ("ſ", "ı"), finds the same matches through
    FastRegex's lowercased scan as through the regex itself."""
    from lintcare.api import default_rules

    texts = [ex.text.replace("s", "ſ").replace("i", "ı")
             for rule in default_rules().rules for ex in (*rule.fail, *rule.passes)]
    for pattern in _builtin_patterns():
        fast = FastRegex(pattern)
        for text in texts:
            expected = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in fast.finditer(text, lower_text(text))] == expected, \
                (pattern.pattern, text)


_COMMON_WORDS = r"\b(?:the|and|to|of|in|is|we|our|can|be|so|he|no|re|me)\s+x"


@pytest.mark.parametrize(("source", "scan"), [
    (r"\bnoose\b|\boverdos(?:ed|ing)", r"noose\b|overdos(?:ed|ing)"),
    (r"\b(?:not|non)[- ]?addictive|\bisn't addictive", r"(?:not|non)[- ]?addictive|isn't addictive"),
    (r"(?<![/.@\w-])spravato\b(?![.@/-]\w)", r"spravato\b(?![.@/-]\w)"),
    (r"(?<!\bthe )(?<!\bthat )\bthis\s+year", r"this\s+year"),
    (r"(?<!\w)(?:Ketamine|Esketamine)(?!\w)", r"(?:Ketamine|Esketamine)(?!\w)"),
    (r"\bnoose|\b\w+@", r"\bnoose|\b\w+@"),  # one alternative starts with a class: kept
    # Most letters start a match: each \b fails at once inside a word, so it stays.
    (_COMMON_WORDS, _COMMON_WORDS),
    (r"\b(a)|\b\1", r"\b(a)|\b\1"),  # an alternative that cannot stand alone: kept
    (r"(?<=(a))b", r"(?<=(a))b"),  # the look-behind holds a group
    (r"[|\b]a|\bb", r"[|\b]a|\bb"),  # "|" and "\b" inside a class are no alternatives
    (r"(?x)\ba|\bb", r"(?x)\ba|\bb"),  # verbose: not read
])
def test_scan_form_drops_leading_conditions_where_re_then_skips_ahead(source: str, scan: str) -> None:
    found, share = scan_form(source)
    assert found == scan
    assert found == source or (share is not None and share <= MAX_SHARE)


def test_scans_without_boundaries_find_the_same_matches() -> None:
    """FastRegex, CharScan and the scanner best_scanner picks all find what re finds."""
    rng = random.Random(11)
    words = ["ab", "a", "b", "ba"]
    for _ in range(300):
        source = "|".join(rng.choice([r"\b", "", r"(?<!a)", r"(?<=b )"]) + rng.choice(words)
                          + rng.choice([r"\b", ""]) for _ in range(rng.randint(1, 3)))
        pattern = re.compile(source)
        text = "".join(rng.choice("ab _") for _ in range(rng.randint(0, 20)))
        assert [m.span() for m in FastRegex(pattern).finditer(text, text)] == \
            [m.span() for m in CharScan(pattern).finditer(text, text)] == \
            [m.span() for m in best_scanner(pattern).finditer(text, text)] == \
            [m.span() for m in pattern.finditer(text)], (source, text)


def test_token_rules_find_their_words_as_the_lookaround_regex_does() -> None:
    """A token rule skips a page where none of its first words stands as a word."""
    from lintcare.kinds.tokens import prefilter

    rng = random.Random(5)
    for _ in range(300):
        words = tuple(rng.sample(["its", "it", "a-", "'s", "ts"], rng.randint(1, 3)))
        plain = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")
        text = "".join(rng.choice(["its", "it", "s", "a", "-", "'", " ", "é"]) for _ in range(8))
        scan = prefilter([[{"LOWER": w}] for w in words])
        assert (next(scan.scanner.finditer(text, text), None) is None) == (plain.search(text) is None), \
            (words, text)


@pytest.mark.parametrize(("source", "scan"), [
    (r"\b(?=([a-z]+))\1\s+\1\b", r"\W(?=([a-z]+))\1\s+\1\b"),
    (r"(?<!\w)(?:its|it)(?!\w)", r"\W(?:its|it)(?!\w)"),
    (r"\b[\w.+-]+@", None),  # "." and "+" are no word characters: \b means more there
    (r"\ba|\bb", None),  # one alternative each: scanned as they are
    (r"\b(?=[a-z])", None),  # an empty match
])
def test_a_match_starting_a_word_is_scanned_from_the_character_before(source: str, scan: str | None) -> None:
    assert after_non_word(source) == scan


def test_scans_from_the_character_before_find_the_same_matches() -> None:
    rng = random.Random(4)
    atoms = [r"\b", r"(?<!\w)", "a", "b", "ab", r"\s+", r"\1", "(a|b)", "(?=[a-z])", "é", "[ab]+", "."]
    scanned = 0
    for _ in range(3000):
        source = rng.choice([r"\b", r"(?<!\w)"]) + "".join(rng.choices(atoms, k=rng.randint(1, 4)))
        try:
            pattern = re.compile(source, rng.choice([0, re.IGNORECASE]))
        except re.error:
            continue
        fast = FastRegex(pattern)
        scanned += fast._before
        for _ in range(3):
            text = "".join(rng.choice("ab AB.é_1\n") for _ in range(rng.randint(0, 14)))
            pos = rng.randint(0, min(3, len(text)))
            end = rng.randint(pos, len(text))
            assert [m.span() for m in fast.finditer(text, lower_text(text), pos, end)] == \
                [m.span() for m in pattern.finditer(text, pos, end)], (source, text, pos, end)
    assert scanned > 200
