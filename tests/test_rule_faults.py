"""Faults in rule files and configuration: one clear line, exit 2, never a hang.

A team's rule file is compiled with the ``regex`` module and every call has a timeout;
a pattern that backtracks catastrophically is stopped, named, and skipped on that
file while every other rule and file is still linted.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lintcare.api import PartialLint, default_rules, lint_text
from lintcare.rules.loader import load_rules
from lintcare.scan import userregex
from lintcare.scan.fastregex import FastRegex
from lintcare.scan.userregex import TimedPattern

TEAM_RULE = """\
rules:
  - id: clinic-name
    category: terminology
    severity: warning
    message: 'Write the clinic name as "Riverbend Clinic".'
    source: 'Riverbend style guide'
    kind: pattern
    pattern: '\\briverbend [Cc]linic\\b'
    case_sensitive: true
    examples:
      fail: ['Visit the riverbend clinic today.', 'At riverbend Clinic we care.']
      pass: ['Visit Riverbend Clinic today.', 'Riverbend is a river.']
"""
# A pattern whose backtracking is exponential: on a run of a's followed by a "b" every way
# of splitting the run is tried before the match fails.
RUNAWAY_RULE = """\
  - id: runaway-letters
    category: typo
    severity: warning
    message: 'Stretched word.'
    source: 'team style guide'
    kind: pattern
    pattern: '(?:a|aa)+$'
    examples:
      fail: ['aaa', 'a']
      pass: ['b', 'c']
"""
# An ordinary page of patient-education text with one built-in finding.
PAGE = "We offer Ketamin infusions at Riverbend Clinic.\n"
RUNAWAY_TEXT = "We offer Ketamin infusions.\n\n" + "a" * 80 + "b\n"


def run_check(run_cli, *args: str):
    code, out, err = run_cli("check", "--no-cache", "--jobs", "1", "--format", "json", *args)
    return code, (json.loads(out) if out.strip() else None), err.strip().splitlines()


@pytest.fixture
def quick_timeout(monkeypatch):
    """A small time budget so the runaway pattern is stopped quickly (not a test time limit)."""
    monkeypatch.setattr(userregex, "BASE_TIMEOUT", 0.05)


def _team(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "team-rules.yaml"
    path.write_text(body, encoding="utf-8")
    return path


# -- the rule and config matrix --------------------------------------------------------
@pytest.mark.parametrize(("body", "expected"), [
    (TEAM_RULE.replace("    kind: pattern\n", "    kind: [pattern\n"),
     r"YAML syntax error at line 8: expected ',' or '\]', but got ':'"),  # the line after [pattern
    (TEAM_RULE.replace("    source:", "    colour: red\n    source:"),
     r"rule 'clinic-name': field 'colour': unknown field for kind 'pattern'"),
    (TEAM_RULE.replace("case_sensitive: true", "case_sensitive: 'no'"),
     r"rule 'clinic-name': field 'case_sensitive': must be true or false, not a string"),
    (TEAM_RULE.replace("examples:\n", "examples: 7\n      # no examples\n").split("      fail")[0],
     r"rule 'clinic-name': field 'examples': must be a mapping, not a number"),
    (TEAM_RULE.replace("\\briverbend [Cc]linic\\b", "\\briverbend ([Cc]linic\\b"),
     r"rule 'clinic-name': field 'pattern': invalid regular expression: .+"),
    ("rules:\n  - just a string\n", r"every entry under 'rules' must be a mapping"),
    ("rulez: []\n", r"unknown top-level key 'rulez'"),
    ("rules: !!python/object/apply:os.system ['touch pwned']\n", r"YAML syntax error at line 1: .+"),
], ids=["yaml-syntax", "unknown-key", "wrong-type", "wrong-type-examples", "invalid-regex",
        "not-a-mapping", "unknown-top-level", "python-tag"])
def test_rule_file_faults(run_cli, tmp_path, monkeypatch, body, expected):
    monkeypatch.chdir(tmp_path)
    rules = _team(tmp_path, body)
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    code, data, err = run_check(run_cli, "--rules", str(rules), str(page))
    assert code == 2 and data is None  # the run stops before any report
    assert len(err) == 1
    assert re.fullmatch(f"lintcare: error: {re.escape(str(rules))}: {expected}", err[0]), err[0]
    assert not (tmp_path / "pwned").exists()  # YAML tags never construct objects


@pytest.mark.parametrize(("config", "expected"), [
    ("ignore: [double-space\nfail-on: error\n", r"YAML syntax error at line 2: expected ',' or '\]', .+"),
    ("ignroe: [double-space]\n", r"key 'ignroe': .+"),
    ("fail-on: [error]\n", r"key 'fail-on': .+"),
    ("include: 5\n", r"key 'include': .+"),
    ("!!python/object/apply:os.system ['touch pwned']\n", r"YAML syntax error.*"),
], ids=["yaml-syntax", "unknown-key", "wrong-type", "wrong-type-glob", "python-tag"])
def test_config_faults(run_cli, tmp_path, monkeypatch, config, expected):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    cfg = tmp_path / ".lintcare.yaml"
    cfg.write_text(config, encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    code, data, err = run_check(run_cli, str(page))
    assert code == 2 and data is None
    assert len(err) == 1
    assert re.fullmatch(f"lintcare: error: {re.escape(str(cfg))}: {expected}", err[0]), err[0]
    assert not (tmp_path / "pwned").exists()


# -- which engine runs which pattern ---------------------------------------------------
def test_team_patterns_use_the_timed_engine_and_built_ins_the_fast_one(tmp_path):
    builtin = default_rules().get("drug-name-misspelling")
    assert builtin is not None
    team = load_rules([_team(tmp_path, TEAM_RULE)]).get("clinic-name")
    assert team is not None
    # Built-ins use the standard library's engine (compiled on first use: prebuilt.py).
    assert all(isinstance(r.regex.compiled(), re.Pattern) for r in getattr(builtin.kind, "regexes", []))
    (pattern,) = team.kind.regexes  # type: ignore[attr-defined]
    timed = pattern.regex
    assert isinstance(timed, TimedPattern) and not pattern.standard
    assert FastRegex(timed).full is timed  # scanned as it is, never recompiled without timeout
    found = lint_text(PAGE.replace("Riverbend Clinic", "riverbend clinic"), ruleset=load_rules(
        [_team(tmp_path, TEAM_RULE)], default_rules()))
    assert [f.text for f in found if f.rule == "clinic-name"] == ["riverbend clinic"]


def test_team_patterns_accept_the_standard_library_syntax(tmp_path):
    body = TEAM_RULE.replace("'\\briverbend [Cc]linic\\b'",
                             "'(?<![\\w-])(?P<flag>riverbend)\\s+clinic(?!\\w)'")
    found = lint_text("Visit the riverbend clinic.", ruleset=load_rules([_team(tmp_path, body)]))
    assert [f.text for f in found] == ["riverbend"]


# -- a catastrophic pattern ------------------------------------------------------------
def test_catastrophic_regex_is_stopped_and_named(run_cli, tmp_path, quick_timeout):
    rules = _team(tmp_path, TEAM_RULE + RUNAWAY_RULE)
    page = tmp_path / "stretched.txt"
    page.write_text(RUNAWAY_TEXT, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("Visit the riverbend clinic today.\n", encoding="utf-8")
    code, data, err = run_check(run_cli, "--rules", str(rules), str(page), str(other))
    assert code == 2
    assert err == [f"lintcare: error: {page}: {rules}: rule 'runaway-letters': field 'pattern': "
                   "regular expression timed out after 0.1s (catastrophic backtracking?); "
                   "rule skipped on this file"]
    by_path = {f["path"]: f for f in data["files"]}
    # Nothing else is lost: the page's other findings and the other file are reported.
    assert "drug-name-misspelling" in [x["rule"] for x in by_path[str(page)]["findings"]]
    assert by_path[str(page)]["error"] == err[0].split(f"{page}: ", 1)[1]
    assert "clinic-name" in [x["rule"] for x in by_path[str(other)]["findings"]]


def test_catastrophic_regex_in_the_api(tmp_path, quick_timeout):
    rs = load_rules([_team(tmp_path, RUNAWAY_RULE.replace("  - id", "rules:\n  - id", 1))], default_rules())
    with pytest.raises(PartialLint) as exc:
        lint_text(RUNAWAY_TEXT, ruleset=rs)
    assert "rule 'runaway-letters'" in str(exc.value) and "timed out" in str(exc.value)
    assert [f.text for f in exc.value.findings if f.rule == "drug-name-misspelling"] == ["Ketamin"]


def test_catastrophic_regex_leaves_a_file_unchanged_under_fix(run_cli, tmp_path, quick_timeout):
    rules = _team(tmp_path, TEAM_RULE + RUNAWAY_RULE)
    page = tmp_path / "stretched.txt"
    page.write_text(RUNAWAY_TEXT, encoding="utf-8")
    code, _, err = run_cli("check", "--no-cache", "--fix", "--rules", str(rules), str(page))
    assert code == 2
    assert err.splitlines()[0].startswith(f"lintcare: error: {page}: {rules}: rule 'runaway-letters'")
    assert page.read_text(encoding="utf-8") == RUNAWAY_TEXT  # no partial fix


def test_catastrophic_regex_in_rule_examples(run_cli, tmp_path, quick_timeout):
    body = "rules:\n" + RUNAWAY_RULE.replace("pass: ['b', 'c']", "pass: ['" + "a" * 60 + "b', 'c']")
    rules = _team(tmp_path, body)
    code, out, err = run_cli("rules", "test", str(rules))
    assert code == 2
    assert err.strip().startswith(f"lintcare: error: {rules}: rule 'runaway-letters': field 'pattern': "
                                  "regular expression timed out")
    assert out.strip().endswith("3 passed, 1 failed")


def test_time_budget_grows_with_the_text_scanned(tmp_path):
    rs = load_rules([_team(tmp_path, TEAM_RULE)])
    timed = rs.rules[0].kind.regexes[0].regex  # type: ignore[attr-defined]
    short = timed._limit("x" * 10, 0, None)
    long = timed._limit("x" * 5_000_000, 0, None)
    assert short == pytest.approx(userregex.BASE_TIMEOUT, abs=0.001)
    assert long == pytest.approx(userregex.BASE_TIMEOUT + 5 * userregex.PER_MILLION_CHARS)
    assert timed._limit("x" * 5_000_000, 4_000_000, 4_500_000) == pytest.approx(
        userregex.BASE_TIMEOUT + 0.5 * userregex.PER_MILLION_CHARS)


def test_team_rule_examples_pass_on_the_timed_engine(tmp_path):
    from lintcare.cli.ruletest import run_examples

    assert run_examples(load_rules([_team(tmp_path, TEAM_RULE)])) == []
