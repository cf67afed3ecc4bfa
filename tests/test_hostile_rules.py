"""Team rule files and cache folders that would have ended in a traceback: one error line
(or a silent fallback, for the cache, which can only skip work), never a crash."""

from __future__ import annotations

from click.testing import CliRunner

from lintcare.cli.main import main
from lintcare.kinds.pattern import template_problem

TEAM = """rules:
  - id: team-call
    category: typo
    severity: warning
    kind: pattern
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
    rules.write_text(TEAM.format(pattern="call", replace="\\9"), encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    code, _, err = run(tmp_path, "check", "--no-cache", "--rules", str(rules), str(page))
    assert code == 2
    assert err == (f"lintcare: error: {rules}: rule 'team-call': field 'replace': refers to group 9, "
                   "but the pattern has 0 group(s)\n")


def test_a_replacement_with_its_groups_works(tmp_path):
    rules = tmp_path / "team.yaml"
    rules.write_text(TEAM.format(pattern="(?P<verb>call)", replace="phone (not \\g<verb>)"), encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    code, out, _ = run(tmp_path, "check", "--no-cache", "--rules", str(rules), str(page))
    assert code == 1 and "suggestion: phone (not call)" in out


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
    for cache_dir in ("taken", "a-file"):
        code, out, err = run(tmp_path, "check", "--cache-dir", cache_dir, "page.txt")
        assert (code, err) == (1, "")
        assert "[repeated-word]" in out
