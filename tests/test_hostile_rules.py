"""Team rule files and cache folders that would have ended in a traceback: one error line
(or a silent fallback, for the cache, which can only skip work), never a crash."""

from __future__ import annotations

import re

from click.testing import CliRunner

from lintcare.cli.main import main
from lintcare.kinds.pattern import template_problem

TEAM = """rules:
  - id: team-call
    category: typo
    severity: warning
    kind: {kind}
    pattern: '{pattern}'
    replace: '{replace}'
    message: 'Write it the team way.'
    source: 'team style'
    examples:
      fail: ['Please call us.', 'We call back.']
      pass: ['Please phone us.', 'We ring back.']
"""
PAGE = "Please call the the front desk.\n"


def run(tmp_path, *args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_a_replacement_naming_a_missing_group_is_a_rule_error(tmp_path):
    rules = tmp_path / "team.yaml"
    rules.write_text(TEAM.format(kind="pattern", pattern="call", replace="\\9"), encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    code, _, err = run(tmp_path, "check", "--no-cache", "--rules", str(rules), str(page))
    assert code == 2
    assert err == (f"lintcare: error: {rules}: rule 'team-call': field 'replace': refers to group 9, "
                   "but the pattern has 0 group(s)\n")


def test_a_replacement_with_its_groups_works(tmp_path):
    rules = tmp_path / "team.yaml"
    team = TEAM.format(kind="pattern", pattern="(?P<verb>call)", replace="phone (not \\g<verb>)")
    rules.write_text(team, encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    code, out, _ = run(tmp_path, "check", "--no-cache", "--rules", str(rules), str(page))
    assert code == 1 and "fix: phone (not call)" in out


def test_template_problems():
    assert template_problem(r"\1-\g<name>", 1, {"name": 1}) is None
    assert template_problem(r"a literal \\9", 0, {}) is None  # an escaped backslash, then 9
    assert template_problem(r"\2", 1, {}) == "refers to group 2, but the pattern has 1 group(s)"
    assert template_problem(r"\g<who>", 0, {}) == ("refers to a group named 'who' that the pattern "
                                                   "does not have")


def test_a_cache_path_taken_by_a_folder_or_a_file_only_costs_the_cache(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "taken" / "results.sqlite3").mkdir(parents=True)  # a folder where the database goes
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    for cache_dir, why in (("taken", "taken/results.sqlite3: unable to open database file"),
                           ("a-file", "a-file: File exists")):
        code, out, err = run(tmp_path, "check", "--cache-dir", cache_dir, "page.txt")
        assert (code, err) == (1, f"lintcare: note: result cache not used: {why}\n")  # the run goes on
        assert "[repeated-word]" in out


TOKENS = """rules:
  - id: team-tokens
    category: typo
    severity: warning
    kind: tokens
    patterns:
      - [{TEXT: {REGEX: '^(a|aa)+$'}}, {LOWER: 'b'}]
    message: 'A run of a before b.'
    source: 'team style'
    examples:
      fail: ['aaaa b', 'aa b']
      pass: ['hi there', 'hello there']
"""


def test_a_team_token_regex_runs_with_a_time_limit(tmp_path):
    """spaCy runs REGEX predicates with re, which has no time limit; a team's become timed
    token attributes."""
    rules = tmp_path / "team.yaml"
    rules.write_text(TOKENS, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("aaaa b is fine here.\n", encoding="utf-8")
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(("a" * 40 + "c b. Please call the the desk.\n\n") * 1000, encoding="utf-8")  # ~45 KB
    code, out, err = run(tmp_path, "check", "--no-cache", "--jobs", "1", "--rules", str(rules),
                         str(good), str(hostile))
    assert code == 2
    assert f"{good}:1:1: warning [team-tokens]" in out
    assert "[repeated-word]" in out  # the other rules still ran on the hostile file
    (line,) = err.splitlines()
    assert line.startswith(f"lintcare: error: {hostile}: {rules}: rule 'team-tokens': field 'patterns': ")
    assert "timed out" in line


def test_a_files_team_patterns_share_one_budget(monkeypatch):
    import pytest

    from lintcare.scan import RegexTimeout, compile, file_budget, userregex

    pattern = compile("call", timed=True, origin="team.yaml: rule 'r': field 'pattern'")
    assert pattern.search("please call") is not None
    monkeypatch.setattr(userregex, "FILE_BUDGET", -1.0)  # a budget already spent
    expected = "team.yaml: rule 'r': field 'pattern': the file's -1s for team patterns ran out"
    with file_budget(100), pytest.raises(RegexTimeout, match=re.escape(expected)):
        pattern.search("please call")
    assert pattern.search("please call") is not None  # outside a file's lint: the per-call limit only
