"""Data computed ahead for start-up time is current, and using it changes no result."""

from __future__ import annotations

import pickle
import re

import pytest

from lintcare.kinds import RuleError
from lintcare.rules.loader import load_rules
from lintcare.scan import prebuilt
from lintcare.scan.prebuilt import LazyPattern, compile_pattern

STALE = ("is stale (rules.yaml, anchors.py, blockfilter.py or fastregex.py changed): "
         "run `python -m lintcare.scan.prebuilt`")


# -- the regex table ---------------------------------------------------------------
def test_regex_table_is_current():
    if prebuilt._read_table().get("python", prebuilt.python_version()) != prebuilt.python_version():
        pytest.skip("the table is made by another Python version (and so not used by this one)")
    expected = prebuilt.render_table(prebuilt.build_table())
    current = prebuilt.TABLE_PATH.read_text(encoding="utf-8")
    assert current == expected, f"lintcare/data/regex-table.json {STALE}"


def test_builtin_patterns_compile_on_first_use():
    rule = load_rules().get("spravato-called-ketamine")  # a fresh load: nothing compiled yet
    assert rule is not None
    lazy = rule.kind.regexes[0]  # type: ignore[attr-defined]
    assert isinstance(lazy, LazyPattern)
    real = re.compile(lazy.pattern, re.IGNORECASE)
    assert "search" not in vars(lazy)  # not compiled yet
    text = " ".join(ex.text for ex in (*rule.fail, *rule.passes))
    assert lazy.search(text) is not None
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert isinstance(lazy.compiled(), re.Pattern)
    assert pickle.loads(pickle.dumps(lazy)).search(text).span() == real.search(text).span()


def test_what_is_known_before_compiling_is_what_compiling_gives():
    rules = load_rules()
    lazies = [r for rule in rules.rules for r in getattr(rule.kind, "regexes", ())]
    assert lazies and all(isinstance(r, LazyPattern) for r in lazies)
    assert any("flag" in r.groupindex for r in lazies)
    for lazy in lazies:
        known = (lazy.flags, lazy.groups, dict(lazy.groupindex))
        real = lazy.compiled()
        assert known == (real.flags, real.groups, dict(real.groupindex)), lazy.pattern


def test_patterns_not_yet_compiled_still_count_as_built_in_ones():
    # A team's regex is kept out of the block filter; a built-in one must not be.
    rules = load_rules()
    assert all(prebuilt.is_standard(f.pattern) for f in rules.facts.values())
    for rule in rules.rules:
        if rule.kind.name == "pattern":
            assert rule.kind.filter_patterns() is not None, rule.id


def test_a_pattern_not_in_the_table_compiles_at_once():
    assert isinstance(compile_pattern(r"\bnot-a-built-in-pattern\b", re.IGNORECASE), re.Pattern)
    with pytest.raises(re.error):
        compile_pattern(r"(unclosed", 0)


def test_an_edited_builtin_file_with_a_bad_pattern_still_stops_loading(tmp_path, monkeypatch):
    edited = tmp_path / "rules.yaml"
    edited.write_text(
        "rules:\n  - id: no-foo\n    category: typo\n    severity: warning\n    message: m\n"
        "    source: s\n    kind: pattern\n    pattern: '(foo'\n"
        "    examples: {fail: ['foo', 'foo'], pass: ['a', 'b']}\n", encoding="utf-8")
    monkeypatch.setattr("lintcare.rules.loader.default_rules_path", lambda: edited)
    with pytest.raises(RuleError, match="rule 'no-foo': field 'pattern': invalid regular expression"):
        load_rules([edited])
