"""A bad rule gives one clear error naming the file, the rule id and the field."""

from __future__ import annotations

import textwrap

import pytest

from lintcare.kinds import RuleError
from lintcare.rules.loader import load_rules

GOOD = """
  - id: no-foo
    category: typo
    severity: warning
    message: 'foo'
    source: 'test'
    kind: pattern
    pattern: '\\bfoo\\b'
    examples:
      fail: ['a foo', 'foo b']
      pass: ['a bar', 'bar b']
"""


def _write(tmp_path, body: str):
    path = tmp_path / "team.yaml"
    path.write_text("rules:\n" + textwrap.dedent(body), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (("category: typo", "category: spelling"), "category"),
        (("severity: warning", "severity: fatal"), "severity"),
        (("kind: pattern", "kind: magic"), "kind"),
        (("pattern: '\\bfoo\\b'", "pattern: '(foo'"), "pattern"),
        (("    source: 'test'\n", ""), "source"),
        (("fail: ['a foo', 'foo b']", "fail: ['a foo']"), "examples.fail"),
        (("message: 'foo'", "message: 'foo'\n    colour: red"), "colour"),
        (("skip_quoted", "skip_quoted"), None),
    ],
)
def test_bad_rule_names_file_rule_and_field(tmp_path, change, field):
    path = _write(tmp_path, GOOD.replace(*change))
    if field is None:
        assert load_rules([path]).rules[0].id == "no-foo"
        return
    with pytest.raises(RuleError) as exc:
        load_rules([path])
    msg = str(exc.value)
    assert msg.startswith(f"{path}: rule 'no-foo': field '{field}'"), msg
    assert "\n" not in msg


def test_bad_id(tmp_path):
    path = _write(tmp_path, GOOD.replace("id: no-foo", "id: No_Foo"))
    with pytest.raises(RuleError, match="field 'id': must be kebab-case"):
        load_rules([path])


def test_yaml_syntax_error_gives_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("rules:\n  - id: x\n    kind: [unclosed\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"YAML syntax error at line \d+"):
        load_rules([path])


def test_yaml_tags_are_not_constructed(tmp_path):
    path = tmp_path / "evil.yaml"
    path.write_text("rules: !!python/object/apply:os.system ['echo hi']\n", encoding="utf-8")
    with pytest.raises(RuleError, match="YAML syntax error"):
        load_rules([path])


def test_cli_reports_bad_rule_file_exit_2(run_cli, tmp_path):
    path = _write(tmp_path, GOOD.replace("severity: warning", "severity: fatal"))
    page = tmp_path / "p.txt"
    page.write_text("a foo\n", encoding="utf-8")
    code, _, err = run_cli("check", "--rules", str(path), str(page))
    assert code == 2
    assert err.strip() == (f"lintcare: error: {path}: rule 'no-foo': field 'severity': "
                           "must be one of error, warning, suggestion")


def test_team_rule_file_runs(run_json, tmp_path):
    path = _write(tmp_path, GOOD)
    page = tmp_path / "p.txt"
    page.write_text("a foo here\n", encoding="utf-8")
    _, data = run_json("--rules", str(path), str(page))
    assert [f["text"] for f in data["files"][0]["findings"] if f["rule"] == "no-foo"] == ["foo"]


TOKENS_RULE = """
  - id: its-test
    category: typo
    severity: warning
    message: 'x'
    source: 'test'
    kind: tokens
    patterns: [[{"LOWER": "its"}, {POS: "VERB"}]]
    examples:
      fail: ['its is', 'its was']
      pass: ['it is', 'it was']
"""


def test_token_pattern_needing_a_model_is_refused_at_load(tmp_path):
    path = _write(tmp_path, TOKENS_RULE)
    with pytest.raises(RuleError, match="field 'patterns': attribute POS needs a statistical model"):
        load_rules([path])
    path = _write(tmp_path, TOKENS_RULE.replace('{POS: "VERB"}', '{"LOWER": {"INN": ["a"]}}'))
    with pytest.raises(RuleError, match="unknown predicate 'INN' for LOWER"):
        load_rules([path])


def test_page_without_token_rule_words_does_not_load_spacy():
    import subprocess
    import sys

    code = ("import sys; from lintcare import lint_text; "
            "lint_text('Ketamine may help. Call (555) 123-4567 today.'); "
            "print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=str(__import__("pathlib").Path(__file__).resolve().parent.parent))
    assert out.stdout.strip() == "False"
