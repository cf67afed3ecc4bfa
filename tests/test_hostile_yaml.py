"""A repository's config and a team's rule file are untrusted: a YAML bomb, thousands of
nested brackets or a huge file give one error line and exit 2, quickly, never a crash."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from lintcare.untrusted import MAX_VALUES, UntrustedYAMLError, load_yaml

ROOT = Path(__file__).resolve().parent.parent

LAUGHS = "\n".join(
    [f'l0: &l0 [{", ".join(["lol"] * 9)}]']
    + [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 9)]
    + ["select: *l8", ""]
)
DEEP = "select: " + "[" * 30_000 + "]" * 30_000 + "\n"
# An alias inside the value it names: the graph has a cycle (found by the settings fuzzer,
# which filled 23 GB of memory counting it).
RECURSIVE = "select: &a [typo, *a]\n"


def test_an_alias_bomb_is_refused_before_it_expands():
    with pytest.raises(UntrustedYAMLError, match="aliases expand to more than"):
        load_yaml(LAUGHS)


def test_shared_aliases_within_the_budget_load():
    text = "base: &b [typo, punctuation]\nselect: *b\nignore: []\n"
    assert load_yaml(text) == {"base": ["typo", "punctuation"], "select": ["typo", "punctuation"],
                               "ignore": []}
    small = "\n".join(["a: &a [x, y]"] + [f"k{i}: *a" for i in range(MAX_VALUES // 10)]) + "\n"
    assert len(load_yaml(small)) == MAX_VALUES // 10 + 1  # many aliases, few values each


@pytest.mark.parametrize("text", [RECURSIVE, "overrides: &o {files: [x], select: [*o]}\n",
                                  "a: &x [1, [2, [3, *x]]]\n"])
def test_a_recursive_alias_is_refused(text):
    with pytest.raises(UntrustedYAMLError, match="an alias refers to the value that holds it"):
        load_yaml(text)


def test_deep_nesting_is_an_error_not_a_crash():
    with pytest.raises(UntrustedYAMLError, match="nested too deeply"):
        load_yaml(DEEP)


def test_syntax_errors_keep_their_line():
    with pytest.raises(UntrustedYAMLError, match=r"YAML syntax error at line 3: expected .,. or .\]."):
        load_yaml("select: [typo]\nignore: [a, b\n")  # the list runs to the end of the text


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # A subprocess: a crash of the YAML library would take the test run down with it.
    return subprocess.run([sys.executable, "-m", "lintcare", *args], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120, check=False)


@pytest.mark.parametrize("body", [LAUGHS, DEEP, RECURSIVE], ids=["bomb", "deep", "recursive"])
def test_a_hostile_config_stops_the_run_with_one_line(tmp_path, body):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".lintcare.yaml").write_text(body, encoding="utf-8")
    (tmp_path / "page.txt").write_text("Please call the the desk.\n", encoding="utf-8")
    done = _run(tmp_path, "check", "--no-cache", "page.txt")
    assert done.returncode == 2
    assert len(done.stderr) < 300 and done.stderr.count("\n") == 1
    assert done.stderr.startswith(f"lintcare: error: {tmp_path / '.lintcare.yaml'}: ")


@pytest.mark.parametrize("body", [LAUGHS.replace("select:", "rules:"), DEEP.replace("select:", "rules:")],
                         ids=["bomb", "deep"])
def test_a_hostile_rule_file_stops_the_run_with_one_line(tmp_path, body):
    (tmp_path / "team.yaml").write_text(body, encoding="utf-8")
    (tmp_path / "page.txt").write_text("Please call the the desk.\n", encoding="utf-8")
    done = _run(tmp_path, "check", "--no-cache", "--rules", "team.yaml", "page.txt")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "team.yaml: " in done.stderr
    assert "Traceback" not in done.stderr


def test_a_rule_file_that_is_not_utf8_is_one_error_line(tmp_path):
    (tmp_path / "team.yaml").write_bytes(b"rules:\n  - id: caf\xe9\n")
    (tmp_path / "page.txt").write_text("Hello.\n", encoding="utf-8")
    done = _run(tmp_path, "check", "--no-cache", "--rules", "team.yaml", "page.txt")
    assert done.returncode == 2 and "cannot read rule file" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_control_character_is_a_syntax_error_not_a_crash():
    # Found by the settings fuzzer: the YAML reader refused it before parsing began.
    with pytest.raises(UntrustedYAMLError, match="unacceptable character #x001f"):
        load_yaml("extends: \x1f\n")


def test_a_key_given_twice_is_refused_with_its_line():
    # YAML would keep the later value without a word: the first page_kinds here vanished.
    text = "rules:\n  - id: x\n    page_kinds: [provider, news]\n    message: m\n    page_kinds: [news]\n"
    with pytest.raises(UntrustedYAMLError, match="line 5: key 'page_kinds' is given twice"):
        load_yaml(text)
    assert load_yaml("a: 1\nb: {a: 2}\n") == {"a": 1, "b": {"a": 2}}  # same key, other mapping


def test_lintcare_own_rules_file_gives_every_key_once():
    # The built-in file is read by the fast C loader, which keeps silent about repeats.
    load_yaml((ROOT / "rules.yaml").read_text(encoding="utf-8"))
