"""Invalid team rules, configs, baselines and cache folders (issue 23, item 7): each gives one
line on standard error and exit 2 (never 1, which means findings), or for the cache a note
and a run that goes on; never a traceback.

Run as subprocesses: a crash deep in a parser must show as what a user would see.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .test_hostile_rules import PAGE, TEAM

ROOT = Path(__file__).resolve().parent.parent
DEEP_JSON = {
    "lists": "[" * 100_000 + "]" * 100_000,
    "objects": '{"a": ' * 100_000 + "1" + "}" * 100_000,
    "in-findings": '{"version": 1, "findings": ' + "[" * 50_000 + "]" * 50_000 + "}",
}


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "lintcare", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120, check=False)


def _one_error_line(done: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert "Traceback" not in done.stderr
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("lintcare: error: ")
    assert len(done.stderr) < 400
    for needle in needles:
        assert needle in done.stderr


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # the config search stops here
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("kind", "replace", "needle"), [
    ("pattern", "\\9", "refers to group 9"),
    ("[pattern]", "phone", "field 'kind'"),
    ("{pattern: 1}", "phone", "field 'kind'"),
])
def test_an_invalid_team_rule_is_one_error_line(project, kind, replace, needle):
    team = TEAM.format(kind=kind, pattern="call", replace=replace)
    (project / "team.yaml").write_text(team, encoding="utf-8")
    for extra in ((), ("--jobs", "2", "--no-cache"), ("--fix",)):
        done = _run(project, "check", *extra, "--rules", "team.yaml", "page.txt")
        _one_error_line(done, "team.yaml", needle)


def test_a_rule_file_that_is_not_utf8(project):
    team = TEAM.format(kind="pattern", pattern="call", replace="t\xe9l")
    (project / "team.yaml").write_bytes(team.encode("latin-1"))
    _one_error_line(_run(project, "check", "--rules", "team.yaml", "page.txt"), "team.yaml")


@pytest.mark.parametrize("body", [
    "select: " + "[" * 20_000 + "]" * 20_000 + "\n",
    "select: " + "{a: " * 20_000 + "b" + "}" * 20_000 + "\n",
], ids=["lists", "mappings"])
def test_a_config_nested_thousands_deep(project, body):
    (project / ".lintcare.yaml").write_text(body, encoding="utf-8")
    _one_error_line(_run(project, "check", "page.txt"), ".lintcare.yaml", "nested too deeply")
    (project / "other.yaml").write_text(body, encoding="utf-8")
    _one_error_line(_run(project, "check", "--config", "other.yaml", "page.txt"), "other.yaml")


@pytest.mark.parametrize("body", DEEP_JSON.values(), ids=DEEP_JSON.keys())
def test_a_baseline_nested_thousands_deep(project, body):
    (project / "known.json").write_text(body, encoding="utf-8")
    _one_error_line(_run(project, "check", "--baseline", "known.json", "page.txt"), "known.json")
    # Writing a baseline over it is refused the same way, not with a crash.
    _one_error_line(_run(project, "baseline", "known.json", "page.txt"), "known.json", "not overwritten")


@pytest.mark.parametrize("where", ["a folder in the database's place", "a file in the folder's place"])
def test_a_cache_path_that_cannot_be_used_is_a_note_and_the_run_goes_on(project, where):
    if where.startswith("a folder"):
        (project / "cache" / "results.sqlite3").mkdir(parents=True)
    else:
        (project / "cache").write_text("not a folder", encoding="utf-8")
    for jobs in ("1", "2"):
        done = _run(project, "check", "--jobs", jobs, "--cache-dir", "cache", "page.txt")
        assert "Traceback" not in done.stderr
        assert done.returncode == 1 and "[repeated-word]" in done.stdout
        assert done.stderr.startswith("lintcare: note: result cache not used: cache")
        assert done.stderr.count("\n") == 1


@pytest.mark.parametrize(("name", "body"), [
    (".lintcare.yaml", "extends: |\n  block\n"),  # found by the settings fuzzer
    (".lintcare.yaml", 'rule-files: ["a\\nb.yaml"]\n'),
    (".lintcare.yaml", 'select: ["typo\\u0007\\r\\nX"]\n'),
    ("team.yaml", 'rules:\n  - id: "two\\nlines"\n    kind: pattern\n'),
])
def test_a_quoted_value_with_line_breaks_stays_on_one_line(project, name, body):
    (project / name).write_text(body, encoding="utf-8")
    args = ("--rules", "team.yaml") if name == "team.yaml" else ()
    done = _run(project, "check", *args, "page.txt")
    _one_error_line(done, name)
    if name != "team.yaml":  # (a rule id is shown with its whitespace squashed)
        assert "\\n" in done.stderr  # shown escaped


@pytest.mark.parametrize("body", ['extends: "base\\u0000.yaml"\n', 'rule-files: ["team\\u0000.yaml"]\n'],
                         ids=["extends", "rule-files"])
def test_a_file_name_with_a_nul_is_one_error_line(project, body):
    # Found by the settings fuzzer: the path library raised ValueError (a traceback).
    (project / ".lintcare.yaml").write_text(body, encoding="utf-8")
    _one_error_line(_run(project, "check", "--no-cache", "page.txt"), "cannot hold a NUL character")
