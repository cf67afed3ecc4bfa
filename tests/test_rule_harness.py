"""`lintcare rules test` checks rule files, and docs/rules.md matches rules.yaml."""

from __future__ import annotations

import dataclasses
import textwrap
from pathlib import Path

import pytest
import yaml

from lintcare.cli.reference import render_markdown
from lintcare.cli.ruletest import check_rule
from lintcare.rules.loader import Example, RuleError, RuleSet, default_rules_path, load_rules

from .conftest import ROOT

TEAM_RULES = """
rules:
  - id: no-miracle
    category: compliance
    severity: warning
    message: 'Overstatement.'
    source: 'team style guide'
    kind: pattern
    skip_negated: true
    pattern: '\\bmiracle\\b'
    examples:
      fail:
        - 'Ketamine is a miracle.'
        - 'A miracle cure for low mood.'
        - 'Our miracle spray.'
      pass:
        - 'Ketamine is not a miracle.'
        - 'Treatment can help.'
        - 'Miraculous is a different word.'
"""


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "team-rules.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def test_rules_test_passes_on_the_default_rules(run_cli):
    code, out, _ = run_cli("rules", "test")
    assert code == 0, out
    assert out.strip().endswith(" passed, 0 failed")


def test_rules_test_passes_on_a_good_team_file(run_cli, tmp_path):
    code, out, _ = run_cli("rules", "test", str(_write(tmp_path, TEAM_RULES)))
    assert code == 0, out
    assert out.strip() == "6 passed, 0 failed"


def test_rules_test_reports_each_broken_example(run_cli, tmp_path):
    # One fail example that cannot trigger, one pass example that does.
    broken = TEAM_RULES.replace("'Our miracle spray.'", "'Our wonderful spray.'").replace(
        "'Treatment can help.'", "'Call it a miracle.'")
    path = _write(tmp_path, broken)
    code, out, _ = run_cli("rules", "test", str(path))
    assert code == 1
    lines = out.strip().splitlines()
    assert lines[-1] == "4 passed, 2 failed"
    assert f"{path}: rule 'no-miracle' did not trigger on its fail example: 'Our wonderful spray.'" in lines
    assert any(line.startswith(f"{path}: rule 'no-miracle' triggered ('miracle') on its pass example")
               for line in lines)


FIX_RULES = """
rules:
  - id: wright-for-write
    category: typo
    severity: warning
    message: 'Misspelt verb.'
    source: 'team style guide'
    kind: pattern
    fix: safe
    preserve_case: true
    pattern: '\\b(?P<flag>wright)\\s+(?=to\\b|down\\b)'
    replace: 'write'
    examples:
      fail:
        - text: 'Please wright down your questions.'
          fixed: 'Please write down your questions.'
        - text: 'Wright to us with any questions.'
          fixed: 'Write to us with any questions.'
        - text: "Please wright down *every* question."
          format: markdown
          fixed: "Please write down *every* question."
      pass:
        - 'Please write down your questions.'
        - text: 'Dr Wright will see you.'
          fixed: 'Dr Wright will see you.'
        - 'The Wright brothers flew.'
"""


def test_rules_test_checks_the_fixed_text_of_examples(run_cli, tmp_path):
    code, out, _ = run_cli("rules", "test", str(_write(tmp_path, FIX_RULES)))
    assert code == 0, out
    assert out.strip() == "10 passed, 0 failed"  # six examples, four fixed texts


def test_rules_test_reports_a_fix_that_gives_other_text(run_cli, tmp_path):
    path = _write(tmp_path, FIX_RULES.replace("fixed: 'Write to us", "fixed: 'write to us"))
    code, out, _ = run_cli("rules", "test", str(path))
    assert code == 1
    lines = out.strip().splitlines()
    assert lines[-1] == "9 passed, 1 failed"
    assert (f"{path}: rule 'wright-for-write' fixed its fail example 'Wright to us with any questions.'"
            " to 'Write to us with any questions.', expected 'write to us with any questions.'") in lines


def test_a_fixed_text_goes_through_the_real_fixer_with_the_rule_alone():
    """The fix runs through lintcare.fix (re-linted until stable), with no other rule: the
    doubled space another rule would fix stays, and a rule with no edit leaves the text."""
    path_rules = load_rules([default_rules_path()])
    rule = path_rules.get("repeated-word")
    ok = Example("Call  the the clinic.", fixed="Call  the clinic.")
    wrong = Example("Call  the the clinic.", fixed="Call the clinic.")
    for example, failures in ((ok, 0), (wrong, 1)):
        rule_with = dataclasses.replace(rule, fail=(example,), passes=())
        found = check_rule(rule_with, path_rules)
        assert len(found) == failures, [f.describe() for f in found]
    (failure,) = check_rule(dataclasses.replace(rule, fail=(wrong,), passes=()), path_rules)
    assert failure.fixed == "Call  the clinic." and failure.example.fixed == "Call the clinic."


def test_fixed_must_be_text(tmp_path):
    body = FIX_RULES.replace("fixed: 'Please write down your questions.'", "fixed: [1, 2]")
    with pytest.raises(RuleError, match=r"field 'examples.fail\[0\]': each example is a text or a mapping"):
        load_rules([_write(tmp_path, body)])


def test_rules_test_on_a_broken_rule_file_is_a_usage_error(run_cli, tmp_path):
    path = _write(tmp_path, TEAM_RULES.replace("kind: pattern", "kind: magic"))
    code, _, err = run_cli("rules", "test", str(path))
    assert code == 2
    assert err.startswith(f"lintcare: error: {path}: rule 'no-miracle': field 'kind'")


def test_team_rules_may_use_the_default_page_facts(run_cli, tmp_path):
    body = TEAM_RULES.replace("    skip_negated: true\n",
                              "    skip_negated: true\n    when: [ketamine-family]\n")
    body = body.replace("'A miracle cure for low mood.'", "'Ketamine: a miracle cure for low mood.'").replace(
        "'Our miracle spray.'", "'Our miracle ketamine spray.'")
    body = body.replace("'Miraculous is a different word.'", "'A miracle, said the sailor.'")
    code, out, _ = run_cli("rules", "test", str(_write(tmp_path, body)))
    assert code == 0, out


def test_disabled_rules_keep_working_examples(tmp_path):
    """A rule left out with `enabled: false` still has examples that hold if enabled."""
    data = yaml.safe_load(default_rules_path().read_text(encoding="utf-8"))
    disabled = [r for r in data["rules"] if r.get("enabled") is False]
    assert disabled, "rules.yaml documents left-out candidates as disabled rules"
    base = load_rules()
    for raw in disabled:
        assert raw.get("note"), raw["id"]
        enabled = {k: v for k, v in raw.items() if k not in ("enabled", "note")}
        path = tmp_path / f"{raw['id']}.yaml"
        path.write_text(yaml.safe_dump({"rules": [enabled]}, allow_unicode=True), encoding="utf-8")
        rs = load_rules([path], RuleSet([], base.facts))
        failures = check_rule(rs.rules[0], rs)
        assert not failures, "\n".join(f.describe() for f in failures)


def test_docs_rules_md_is_up_to_date():
    expected = render_markdown(load_rules())
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == expected, (
        "docs/rules.md is stale: run `python -m lintcare rules --markdown > docs/rules.md`")


def test_docs_name_every_rule_with_category_fix_and_source():
    rs = load_rules()
    doc = render_markdown(rs)
    for rule in rs.rules:
        at = doc.index(f"### {rule.id}\n")
        section = doc[at:doc.find("\n### ", at + 1)]
        assert f"**Category:** {rule.category}; **severity:** {rule.severity}" in section
        assert "- **Fix:** " in section and "- **Catches:** " in section
        assert " ".join(rule.source.split()) in section.replace("\\|", "|")


def test_rules_markdown_command_prints_the_reference(run_cli):
    code, out, _ = run_cli("rules", "--markdown")
    assert code == 0
    assert out == render_markdown(load_rules())
