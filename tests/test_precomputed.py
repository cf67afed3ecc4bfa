"""Data computed ahead for start-up time is current, and using it changes no result."""

from __future__ import annotations

import json
import pickle
import re

import pytest

from lintcare.api import lint_text
from lintcare.kinds import RuleError
from lintcare.paths import default_rules_path
from lintcare.rules.loader import load_rules
from lintcare.scan import anchors, charscan, fastregex, lowering, prebuilt
from lintcare.scan.prebuilt import LazyPattern, compile_pattern

ANALYSES = [getattr(module, name) for module in (anchors, charscan, fastregex, lowering)
            for name in dir(module) if hasattr(getattr(module, name), "__wrapped__")]

@pytest.fixture
def fresh_table(tmp_path, monkeypatch):
    """No table in memory, and a cache folder of this test's own."""
    monkeypatch.setenv("LINTCARE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(prebuilt._State, "table", None)
    return tmp_path / "cache"


# -- the regex table ---------------------------------------------------------------
def test_the_table_is_made_on_first_use_and_read_from_the_cache_after(fresh_table):
    assert not fresh_table.exists()
    made = prebuilt._table()
    path = prebuilt.table_path(prebuilt.table_key())
    assert path.parent == fresh_table and path.is_file()
    assert made["key"] == prebuilt.table_key() and made["calls"]["regex_anchors"]
    assert prebuilt._read_table() == json.loads(path.read_text(encoding="utf-8")) == made
    assert [p.name for p in fresh_table.iterdir()] == [path.name]  # no temporary file left


def test_the_cached_table_holds_what_the_analysis_computes(fresh_table):
    table = prebuilt._table()
    for name, found in table["calls"].items():
        fn = next(f for f in ANALYSES if f.__name__ == name).__wrapped__
        for pattern, result in list(found.items())[::7]:
            assert prebuilt._tuples(result) == fn(pattern), (name, pattern)


def test_a_stale_or_broken_table_is_ignored(fresh_table):
    key = prebuilt.table_key()
    path = prebuilt.table_path(key)
    path.parent.mkdir(parents=True)
    calls = {"regex_anchors": {r"\bketamine\b": ["wrong"]}}
    path.write_text(json.dumps({"key": "0" * 64, "calls": calls, "compiled": {}}), encoding="utf-8")
    assert prebuilt._read_table(key) == {}
    path.write_text('{"key": "' + key + '", "calls": {', encoding="utf-8")  # cut short
    assert prebuilt._read_table(key) == {}
    assert prebuilt._table()["key"] == key  # made afresh, and written over the bad file
    assert prebuilt._read_table(key)["key"] == key


def test_a_cache_that_cannot_be_written_costs_nothing_but_time(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("LINTCARE_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(prebuilt._State, "table", None)
    assert prebuilt._table()["calls"]  # made, used, and not written
    assert [f.text for f in lint_text("Ketamine is a miracle cure.")]


def test_the_cache_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("LINTCARE_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert prebuilt.cache_dir() == tmp_path / "lintcare"
    monkeypatch.setenv("LINTCARE_CACHE_DIR", str(tmp_path / "x"))
    assert prebuilt.cache_dir() == tmp_path / "x"


def test_an_edited_pattern_in_rules_yaml_takes_effect_with_no_other_step(fresh_table, tmp_path,
                                                                         monkeypatch):
    """Editing rules.yaml changes the table's key: the next load makes a new table, and
    the edited pattern finds what it now says (no rebuild by hand)."""
    old_key = prebuilt.table_key()
    prebuilt._table()  # a table for the rules as shipped
    text = default_rules_path().read_text(encoding="utf-8")
    old = "pattern: '\\b(?:miracle|breakthrough|"
    assert text.count(old) == 1, "the rule this test edits has changed: pick another"
    edited = tmp_path / "rules.yaml"
    edited.write_text(text.replace(old, "pattern: '\\b(?:marvel|breakthrough|"), encoding="utf-8")
    monkeypatch.setattr("lintcare.paths.default_rules_path", lambda: edited)
    monkeypatch.setattr("lintcare.rules.loader.default_rules_path", lambda: edited)
    monkeypatch.setattr(prebuilt._State, "table", None)
    assert prebuilt.table_key() != old_key
    rules = load_rules([edited])
    assert prebuilt._State.table["key"] == prebuilt.table_key()  # made for the edited file
    found = lint_text("Ketamine is a marvel for some. It is no miracle for all.", ruleset=rules)
    assert [f.text for f in found if f.rule == "hype-superlative"] == ["marvel"]


def test_builtin_patterns_compile_on_first_use():
    rule = load_rules().get("spravato-called-ketamine")  # a fresh load: nothing compiled yet
    assert rule is not None
    lazy = rule.kind.regexes[0].regex  # type: ignore[attr-defined]
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
    lazies = [r.regex for rule in rules.rules for r in getattr(rule.kind, "regexes", ())]
    assert lazies and all(isinstance(r, LazyPattern) for r in lazies)
    assert any("flag" in r.groupindex for r in lazies)
    for lazy in lazies:
        known = (lazy.flags, lazy.groups, dict(lazy.groupindex))
        real = lazy.compiled()
        assert known == (real.flags, real.groups, dict(real.groupindex)), lazy.pattern


def test_a_pattern_made_from_its_stored_program_is_the_one_re_compiles():
    # re.Pattern equality compares the flags and the compiled program word for word.
    rules = load_rules()
    lazies = [r.regex for rule in rules.rules for r in getattr(rule.kind, "regexes", ())]
    stored = [lazy for lazy in lazies if len(lazy._known) == 4 and lazy._known[3]]
    assert len(stored) == len(lazies)
    for lazy in stored[:80]:
        assert lazy.compiled() == re.compile(lazy.pattern, lazy._flags), lazy.pattern
    named = next(lazy for lazy in stored if "flag" in lazy.groupindex)
    text = " ".join(ex.text for rule in rules.rules for ex in rule.fail)
    real = re.compile(named.pattern, named._flags)
    assert [m.span("flag") for m in named.finditer(text)] == [m.span("flag") for m in real.finditer(text)]


def test_patterns_not_yet_compiled_still_count_as_built_in_ones():
    # A team's regex is scanned as written; a built-in one, compiled lazily, must not be.
    rules = load_rules()
    assert all(f.pattern.standard for f in rules.facts.values())
    regexes = [r for rule in rules.rules if rule.kind.name == "pattern" for r in rule.kind.regexes]
    assert regexes and all(r.standard for r in regexes)


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


def test_old_tables_are_pruned(tmp_path):
    import os

    from lintcare.scan import prebuilt as table

    for i in range(7):
        old = tmp_path / f"regex-table-old{i}.json"
        old.write_text("{}", encoding="utf-8")
        os.utime(old, (1000 + i, 1000 + i))
    table._write(tmp_path / "regex-table-new.json", "{}\n")
    left = sorted(p.name for p in tmp_path.glob("regex-table-*.json"))
    assert left == ["regex-table-new.json", *(f"regex-table-old{i}.json" for i in range(3, 7))]


def test_the_parsed_rule_file_is_kept_for_its_own_text_only(fresh_table):
    import yaml

    load_rules()  # makes the table
    text = default_rules_path().read_text(encoding="utf-8")
    parsed: list[str] = []

    def parse(text: str) -> object:
        parsed.append(text)
        return yaml.safe_load(text)

    stored = prebuilt.kept_rules(text, parse)
    assert stored == yaml.safe_load(text) and parsed == []
    assert stored is not prebuilt.kept_rules(text, parse)  # a fresh copy: a load may change its own
    edited = text + "\n# edited\n"
    assert prebuilt.kept_rules(edited, parse) == stored and parsed == [edited]
