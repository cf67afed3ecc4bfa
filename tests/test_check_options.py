"""check's report options, the summary, explain and rules, the languagetool key and
rejected hyphenated words: each as a writer would use it."""

from __future__ import annotations

import json
import re

import pytest

from lintcare.cli.explain import source_titles
from lintcare.report import use_colour

from .conftest import ROOT

PAGE = ("Call us at (555) 123-4567 about transcranial magnetic stimulation (TMS).\n"
        "Ask us about Spravado today.  We can help.\n"
        "Her brother committed suicide.\n")


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


def rules_of(out: str) -> set[str]:
    return {line.split("[", 1)[1].split("]", 1)[0] for line in out.splitlines() if ": error [" in line
            or ": warning [" in line or ": suggestion [" in line}


def test_select_and_ignore_on_the_command_line(run_cli, page, tmp_path):
    _, out, _ = run_cli("check", "--no-cache", "--select", "typo,punctuation", str(page))
    assert rules_of(out) == {"drug-name-misspelling", "double-space"}
    _, out, _ = run_cli("check", "--no-cache", "--select", "typo", "--select", "double-space", str(page))
    assert rules_of(out) == {"drug-name-misspelling", "double-space"}
    _, out, _ = run_cli("check", "--no-cache", "--ignore", "double-space", "--ignore", "supportive-language",
                        str(page))
    assert "double-space" not in rules_of(out) and "suicide-stigma-terms" not in rules_of(out)
    # The command line wins over the file: a rule the config ignores can be selected.
    (tmp_path / ".lintcare.yaml").write_text("ignore: [double-space]\n", encoding="utf-8")
    _, out, _ = run_cli("check", "--no-cache", "--select", "double-space", str(page))
    assert rules_of(out) == {"double-space"}
    code, _, err = run_cli("check", "--no-cache", "--select", "typos", str(page))
    assert code == 2 and "unknown rule or category 'typos'" in err


def test_min_severity_hides_findings_and_they_do_not_fail(run_cli, page, run_json):
    code, out, _ = run_cli("check", "--no-cache", "--min-severity", "error", str(page))
    assert code == 1 and "suggestion [" not in out and "warning [" not in out
    assert "error [drug-name-misspelling]" in out
    clean = page.parent / "clean.txt"
    clean.write_text("Call us at (555) 123-4567 about TMS.  A nurse explains each step.\n", encoding="utf-8")
    assert run_cli("check", "--no-cache", "--fail-on", "suggestion", str(clean))[0] == 1
    hidden = run_cli("check", "--no-cache", "--fail-on", "suggestion", "--min-severity", "warning",
                     str(clean))
    assert hidden[0] == 0
    _, data = run_json("--no-cache", "--min-severity", "warning", str(page))
    assert {f["severity"] for f in data["files"][0]["findings"]} <= {"error", "warning"}


def test_quiet_prints_findings_only(run_cli, page):
    _, out, _ = run_cli("check", "--no-cache", "--quiet", str(page))
    assert "[drug-name-misspelling]" in out and "findings (" not in out


def test_statistics_count_rules(run_cli, page):
    _, out, _ = run_cli("check", "--no-cache", "--statistics", str(page))
    lines = out.splitlines()
    row = next(line for line in lines if "drug-name-misspelling" in line)
    assert row.split() == ["1", "drug-name-misspelling", "error", "fixable"]
    assert "fixable with --unsafe-fixes" in next(line for line in lines if "suicide-stigma-terms" in line)
    assert lines[-1].startswith("4 findings") and not any(line.startswith("    ") for line in lines)
    _, out, _ = run_cli("check", "--no-cache", "--statistics", "--format", "json", str(page))
    rows = {row["rule"]: row for row in json.loads(out)}
    assert rows["double-space"] == {"rule": "double-space", "category": "punctuation",
                                    "severity": "suggestion", "count": 1, "fixable": 1, "unsafe_fixable": 0}
    code, _, err = run_cli("check", "--statistics", "--format", "sarif", str(page))
    assert code == 2 and "--statistics" in err


def test_output_file(run_cli, page, tmp_path):
    target = tmp_path / "reports" / "lint.json"
    code, out, _ = run_cli("check", "--no-cache", "--format", "json", "-o", str(target), str(page))
    assert code == 1 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["findings"] == 4
    text = tmp_path / "lint.txt"
    run_cli("check", "--no-cache", "--output-file", str(text), "--color", "always", str(page))
    assert "\x1b[" in text.read_text(encoding="utf-8")
    code, _, err = run_cli("check", "--fix", "-o", str(text), str(page))
    assert code == 2 and "--output-file" in err


def test_colour_modes(run_cli, page):
    class Tty:
        def isatty(self) -> bool:
            return True

    assert use_colour(Tty(), environ={}) and not use_colour(object(), environ={})
    assert not use_colour(Tty(), environ={"NO_COLOR": "1"})
    assert use_colour(object(), environ={"FORCE_COLOR": "1"})
    assert not use_colour(Tty(), environ={"NO_COLOR": "1", "FORCE_COLOR": "1"})  # NO_COLOR first
    assert use_colour(object(), "always", {"NO_COLOR": "1"}) and not use_colour(Tty(), "never", {})
    _, out, _ = run_cli("check", "--no-cache", "--color", "always", str(page))  # through a pipe
    assert "\x1b[31m" in out
    assert "\x1b[" not in run_cli("check", "--no-cache", str(page))[1]


def test_text_report_groups_labels_and_counts_fixes(run_cli, page):
    _, out, _ = run_cli("check", "--no-cache", str(page))
    lines = out.splitlines()
    assert lines[0] == f"{page} (4 findings: 3 error, 1 suggestion)"
    assert not any(line.startswith("    suggestion:") for line in lines)
    i = next(i for i, line in enumerate(lines) if "[suicide-stigma-terms]" in line)
    assert lines[i + 1] == "    fix: died by suicide"
    i = next(i for i, line in enumerate(lines) if "[crisis-resource-missing]" in line)
    assert lines[i + 1].startswith("    try: ")  # no fix: a person writes it
    assert lines[-2] == "" and lines[-1] == ("4 findings (3 error, 0 warning, 1 suggestion) in 1 file "
                         "(2 fixable with --fix, 1 more with --unsafe-fixes)")


def test_try_labels_a_replacement_without_a_fix(run_cli, tmp_path):
    path = tmp_path / "p.txt"
    path.write_text("She committed suicide.\n", encoding="utf-8")
    _, out, _ = run_cli("check", "--no-cache", str(path))
    assert any(line.startswith("    try: ") for line in out.splitlines())


def test_json_summary_adds_clearer_fields(run_json, page, tmp_path):
    _, data = run_json("--no-cache", str(page), str(tmp_path / "missing.txt"))
    s = data["summary"]
    assert s["errors"] == s["files_with_errors"] == 1
    assert s["by_severity"] == {"error": s["error"], "warning": s["warning"], "suggestion": s["suggestion"]}
    assert (s["fixable"], s["unsafe_fixable"]) == (2, 1)


def test_explain_renders_the_message_sources_and_fix(run_cli):
    code, out, _ = run_cli("explain", "suicide-stigma-terms")
    assert code == 0 and "{text}" not in out and "{replacement}" not in out
    assert 'Message: "committed suicide" carries blame' in out
    assert "Fix: unsafe" in out and "--unsafe-fixes" in out
    assert "[S33c] \"Systematic comparison of recommendations" in out  # the code written out
    assert "Fix: safe" in run_cli("explain", "double-space")[1]
    assert "Fix: none" in run_cli("explain", "crisis-resource-missing")[1]
    assert "Fix: none" in run_cli("explain", "suppression-unused")[1]
    code, _, err = run_cli("explain", "suicide-stigma")
    assert code == 2 and "did you mean 'suicide-stigma-terms'" in err
    code, _, err = run_cli("explain", "zzzz")
    assert code == 2 and "did you mean" not in err


def test_every_cited_source_is_written_out():
    rules = (ROOT / "rules.yaml").read_text(encoding="utf-8")
    cited = set(re.findall(r"\[(S\d+[a-z]*)\]", rules))
    assert cited and cited <= set(source_titles())


def test_rules_lists_the_suppression_rules(run_cli):
    _, out, _ = run_cli("rules")
    ids = [line.split()[0] for line in out.splitlines()]
    assert "suppression-unused" in ids and "suppression-missing-reason" in ids
    assert "{text}" not in out


def test_languagetool_key_is_accepted_and_used(run_cli, page, tmp_path):
    (tmp_path / ".lintcare.yaml").write_text("languagetool:\n  server: http://127.0.0.1:9\n  timeout: 2\n",
                                             encoding="utf-8")
    code, _, err = run_cli("check", "--no-cache", str(page))
    assert code == 1 and "LanguageTool at http://127.0.0.1:9" in err and "grammar checks skipped" in err
    (tmp_path / ".lintcare.yaml").write_text("languagetool: ftp://example.org\n", encoding="utf-8")
    code, _, err = run_cli("check", "--no-cache", str(page))
    assert code == 2 and "key 'languagetool'" in err
    (tmp_path / ".lintcare.yaml").write_text("languagetool: {server: local, colour: red}\n", encoding="utf-8")
    assert run_cli("check", "--no-cache", str(page))[0] == 2


def test_a_rejected_hyphenated_word_is_found_whole(run_json, tmp_path):
    (tmp_path / ".lintcare.yaml").write_text("vocabulary:\n  reject: [cure-all]\n", encoding="utf-8")
    path = tmp_path / "p.txt"
    path.write_text("Ketamine is no cure-all. Nor a Cure\u2011All. Not super-cure-all or cure-alls.\n",
                    encoding="utf-8")
    _, data = run_json("--no-cache", str(path))
    found = [f["text"] for f in data["files"][0]["findings"] if f["rule"] == "spelling"]
    assert found == ["cure-all", "Cure\u2011All"]
