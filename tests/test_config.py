"""Project configuration: discovery, precedence, per-path overrides, rule files, errors, init."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from lintcare.api import lint_text
from lintcare.config import find_config, load_config

CONTACT = "Call us at (555) 123-4567 with questions about TMS.\n"
# One suggestion (double space) and one error (stigmatising wording).
PAGE = CONTACT + "\nEach visit takes about an hour.  A nurse stays with you.\n"
STIGMA = CONTACT + "\nHer brother committed suicide before TMS existed. Call or text 988, or 911.\n"


def project(root: Path, files: dict[str, str]) -> Path:
    """A project folder: a .git marker ends config discovery at its root."""
    (root / ".git").mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def rules_in(data, path: Path | None = None) -> list[str]:
    files = data["files"] if path is None else [f for f in data["files"] if f["path"] == str(path)]
    return [f["rule"] for file in files for f in file["findings"]]


# -- discovery ----------------------------------------------------------------------
def test_discovery_walks_up_from_the_file(run_json, tmp_path):
    root = project(tmp_path / "site", {".lintcare.yaml": "ignore: [double-space]\n",
                                       "docs/deep/page.md": PAGE})
    other = project(tmp_path / "other", {"page.md": PAGE})
    _, data = run_json(str(root / "docs" / "deep" / "page.md"), str(other / "page.md"))
    assert "double-space" not in rules_in(data, root / "docs" / "deep" / "page.md")
    assert "double-space" in rules_in(data, other / "page.md")
    assert find_config(root / "docs" / "deep" / "page.md") == root / ".lintcare.yaml"


def test_pyproject_table_is_found_and_yaml_wins_in_one_folder(run_json, tmp_path):
    root = project(tmp_path / "py", {
        "pyproject.toml": '[project]\nname = "site"\n\n[tool.lintcare]\nignore = ["double-space"]\n',
        "page.md": PAGE,
    })
    _, data = run_json(str(root / "page.md"))
    assert "double-space" not in rules_in(data)
    (root / ".lintcare.yaml").write_text("ignore: [supportive-language]\n", encoding="utf-8")
    assert find_config(root / "page.md") == root / ".lintcare.yaml"
    _, data = run_json(str(root / "page.md"))
    assert "double-space" in rules_in(data)


def test_pyproject_without_table_is_skipped_and_nearest_config_wins(tmp_path):
    root = project(tmp_path / "p", {".lintcare.yaml": "ignore: [typo]\n",
                                    "a/pyproject.toml": '[project]\nname = "x"\n',
                                    "a/b/.lintcare.yaml": "ignore: [punctuation]\n",
                                    "a/b/c/page.md": PAGE, "a/page.md": PAGE})
    assert find_config(root / "a" / "page.md") == root / ".lintcare.yaml"
    assert find_config(root / "a" / "b" / "c" / "page.md") == root / "a" / "b" / ".lintcare.yaml"


def test_discovery_stops_at_the_project_root(run_json, tmp_path):
    (tmp_path / ".lintcare.yaml").write_text("ignore: [double-space]\n", encoding="utf-8")
    root = project(tmp_path / "repo", {"page.md": PAGE})
    assert find_config(root / "page.md") is None
    _, data = run_json(str(root / "page.md"))
    assert "double-space" in rules_in(data)


def test_config_option_overrides_discovery(run_json, tmp_path):
    root = project(tmp_path / "s", {".lintcare.yaml": "ignore: [double-space]\n",
                                    "strict.yaml": "severity: {double-space: error}\n",
                                    "page.md": PAGE})
    code, data = run_json("--config", str(root / "strict.yaml"), str(root / "page.md"))
    (f,) = [f for f in data["files"][0]["findings"] if f["rule"] == "double-space"]
    assert f["severity"] == "error" and code == 1


# -- precedence and selection ---------------------------------------------------------
def test_fail_on_precedence_cli_over_file_over_default(run_cli, tmp_path):
    plain = project(tmp_path / "plain", {"page.md": PAGE})
    assert run_cli("check", str(plain / "page.md"))[0] == 0  # default warning: a suggestion passes
    strict = project(tmp_path / "strict", {".lintcare.yaml": "fail-on: suggestion\n", "page.md": PAGE})
    assert run_cli("check", str(strict / "page.md"))[0] == 1  # the file
    assert run_cli("check", "--fail-on", "warning", str(strict / "page.md"))[0] == 0  # the command line


def test_severity_overrides_rule_beats_category(run_json, tmp_path):
    root = project(tmp_path / "sev", {
        ".lintcare.yaml": "severity:\n  punctuation: error\n  double-space: warning\n"
                          "  supportive-language: suggestion\n",
        "page.md": PAGE + STIGMA,
    })
    code, data = run_json(str(root / "page.md"))
    sev = {f["rule"]: f["severity"] for f in data["files"][0]["findings"]}
    assert sev["double-space"] == "warning"
    assert sev["suicide-stigma-terms"] == "suggestion"
    assert code == 1


def test_select_categories_and_ignore_rule_inside_one(run_json, tmp_path):
    root = project(tmp_path / "sel", {
        ".lintcare.yaml": "select: [punctuation, supportive-language]\nignore: [double-space]\n",
        "page.md": "Ask about ketamin,. Her brother committed suicide.  Call 988.\n",
    })
    _, data = run_json(str(root / "page.md"))
    assert sorted(set(rules_in(data))) == ["mixed-punctuation", "suicide-stigma-terms"]


# -- per-path overrides, include / exclude ----------------------------------------------------
def test_per_path_overrides(run_json, tmp_path):
    root = project(tmp_path / "pp", {
        ".lintcare.yaml": """\
            overrides:
              - files: ["history/**"]
                ignore: [supportive-language]
              - files: "*.html"
                severity: {suicide-stigma-terms: suggestion}
            """,
        "history/1950s.md": STIGMA, "blog/post.md": STIGMA, "blog/post.html": f"<p>{STIGMA}</p>",
    })
    _, data = run_json(str(root))
    assert "suicide-stigma-terms" not in rules_in(data, root / "history" / "1950s.md")
    sev = {f["path"]: [x["severity"] for x in f["findings"] if x["rule"] == "suicide-stigma-terms"]
           for f in data["files"]}
    assert sev[str(root / "blog" / "post.md")] == ["error"]
    assert sev[str(root / "blog" / "post.html")] == ["suggestion"]


def test_include_and_exclude(run_json, tmp_path):
    root = project(tmp_path / "ie", {
        ".lintcare.yaml": 'include: ["content/**"]\nexclude: [drafts, "content/old-*.md"]\n',
        "content/a.md": PAGE, "content/old-b.md": PAGE, "content/drafts/c.md": PAGE,
        "notes/d.md": PAGE,
    })
    _, data = run_json(str(root))
    assert [f["path"] for f in data["files"]] == [str(root / "content" / "a.md")]
    # A file named on the command line is linted even outside include, never when excluded.
    _, data = run_json(str(root / "notes" / "d.md"), str(root / "content" / "old-b.md"))
    assert [f["path"] for f in data["files"]] == [str(root / "notes" / "d.md")]


# -- rule files, extends, vocabulary ----------------------------------------------------
TEAM_RULES = """\
version: 1
rules:
  - id: riverbend-name
    category: terminology
    severity: warning
    kind: pattern
    message: 'Our clinic is "Riverbend", one word.'
    source: 'Riverbend style guide'
    pattern: '\\bRiver[ -]bend\\b'
    replace: 'Riverbend'
    examples:
      fail: ['Welcome to River Bend Clinic.', 'The River-bend team will call.']
      pass: ['Welcome to Riverbend Clinic.', 'A bend in the river.']
"""


def test_user_rule_file(run_json, tmp_path):
    root = project(tmp_path / "team", {
        ".lintcare.yaml": "rule-files: [style/team-rules.yaml]\nseverity: {riverbend-name: error}\n",
        "style/team-rules.yaml": TEAM_RULES,
        "page.md": CONTACT + "\nWelcome to River Bend Clinic.\n",
    })
    code, data = run_json(str(root / "page.md"))
    (f,) = [f for f in data["files"][0]["findings"] if f["rule"] == "riverbend-name"]
    assert (f["line"], f["column"], f["text"], f["severity"]) == (3, 12, "River Bend", "error")
    assert code == 1


def test_extends_merges_with_the_extending_file_winning(tmp_path):
    root = project(tmp_path / "ext", {
        "shared/base.yaml": """\
            ignore: [double-space]
            fail-on: error
            severity: {punctuation: suggestion, typo: error}
            vocabulary: {accept: [Riverbend, NeuroStar]}
            """,
        ".lintcare.yaml": """\
            extends: shared/base.yaml
            fail-on: suggestion
            severity: {punctuation: warning}
            vocabulary: {accept: [Lumin], reject: [cure-all]}
            """,
    })
    cfg = load_config(root / ".lintcare.yaml")
    assert cfg.ignore == {"double-space"} and cfg.fail_on == "suggestion"
    assert dict(cfg.severity) == {"punctuation": "warning", "typo": "error"}
    assert cfg.vocabulary.accept == {"riverbend", "neurostar", "lumin"}  # compared without case
    assert cfg.vocabulary.reject == {"cure-all"}
    findings = lint_text("Ask about ketamin,.  Call (555) 123-4567.", path=str(root / "p.txt"), config=cfg)
    assert {f.rule: f.severity for f in findings} == {"drug-name-misspelling": "error",
                                                      "mixed-punctuation": "warning"}


# -- errors -------------------------------------------------------------------------
@pytest.mark.parametrize(("config", "key"), [
    ("selct: [typo]\n", "selct"),
    ("ignore: double-space\n", "ignore"),
    ("severity: {double-space: loud}\n", "severity.double-space"),
    ("fail-on: sometimes\n", "fail-on"),
    ("ignore: [no-such-rule]\n", "ignore"),
    ("overrides: [{files: 'x/**', ignor: [typo]}]\n", "overrides[0].ignor"),
    ("overrides: [{ignore: [typo]}]\n", "overrides[0].files"),
    ("vocabulary: {accept: Riverbend}\n", "vocabulary.accept"),
    ("extends: missing.yaml\n", "extends"),
    ("rule-files: [nope.yaml]\n", "rule-files"),
])
def test_broken_config_exit_2_naming_file_and_key(run_cli, tmp_path, config, key):
    root = project(tmp_path / "bad", {".lintcare.yaml": config, "page.md": PAGE})
    code, out, err = run_cli("check", str(root / "page.md"))
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"lintcare: error: {root / '.lintcare.yaml'}: key '{key}': ")


def test_broken_pyproject_and_yaml_syntax(run_cli, tmp_path):
    root = project(tmp_path / "t", {"pyproject.toml": "[tool.lintcare]\nfail-on = 3\n", "page.md": PAGE})
    code, _, err = run_cli("check", str(root / "page.md"))
    assert code == 2 and err.startswith(f"lintcare: error: {root / 'pyproject.toml'}: key 'fail-on': ")
    root = project(tmp_path / "y", {".lintcare.yaml": "ignore: [a\n", "page.md": PAGE})
    code, _, err = run_cli("check", str(root / "page.md"))
    assert code == 2 and err.startswith(f"lintcare: error: {root / '.lintcare.yaml'}: YAML syntax error")
    code, _, err = run_cli("check", "--config", str(tmp_path / "none.yaml"), str(root / "page.md"))
    assert code == 2 and "none.yaml: no such configuration file" in err


def test_broken_user_rule_names_the_rule_file(run_cli, tmp_path):
    root = project(tmp_path / "r", {".lintcare.yaml": "rule-files: [team.yaml]\n",
                                    "team.yaml": TEAM_RULES.replace("severity: warning", "severity: loud"),
                                    "page.md": PAGE})
    code, _, err = run_cli("check", str(root / "page.md"))
    assert code == 2
    assert "team.yaml: rule 'riverbend-name': field 'severity'" in err


# -- init ---------------------------------------------------------------------------
def test_init_writes_a_working_commented_config(run_cli, tmp_path):
    code, out, _ = run_cli("init", str(tmp_path))
    target = tmp_path / ".lintcare.yaml"
    assert code == 0 and out.strip() == f"wrote {target}"
    text = target.read_text(encoding="utf-8")
    assert text.count("\n#") > 10  # explained, not bare
    cfg = load_config(target)
    assert cfg.fail_on == "warning" and cfg.select is None and not cfg.ignore
    code, _, err = run_cli("init", str(tmp_path))
    assert code == 2 and "already exists" in err
    target.write_text("ignore: [typo]\n", encoding="utf-8")
    assert run_cli("init", "--force", str(tmp_path))[0] == 0
    assert target.read_text(encoding="utf-8") == text
    (tmp_path / ".git").mkdir()
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    assert run_cli("check", str(tmp_path / "page.md"))[0] == 0


def test_vocabulary_accept_and_reject_reach_the_spelling_rule(tmp_path, run_json):
    (tmp_path / ".lintcare.yaml").write_text(
        "vocabulary: {accept: [Brightwell, zentrix], reject: [okay]}\n", encoding="utf-8")
    page = tmp_path / "p.txt"
    page.write_text("Our zentrix program is okay for most people. Call (555) 123-4567.\n",
                    encoding="utf-8")
    _, data = run_json("--no-cache", str(page))
    spelled = [f["text"] for f in data["files"][0]["findings"] if f["rule"] == "spelling"]
    assert spelled == ["okay"]
    (tmp_path / ".lintcare.yaml").write_text("vocabulary: {accept: [], reject: []}\n", encoding="utf-8")
    _, data = run_json("--no-cache", str(page))
    spelled = [f["text"] for f in data["files"][0]["findings"] if f["rule"] == "spelling"]
    assert spelled == ["zentrix"]
