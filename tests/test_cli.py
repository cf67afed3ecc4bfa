from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT

CLEAN = ("Call us at (555) 123-4567 to ask about transcranial magnetic stimulation (TMS). "
         "A nurse will explain each step.\n")


def test_missing_file_exits_2_with_one_line(run_cli, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("She committed suicide.\n", encoding="utf-8")
    code, out, err = run_cli("check", "nosuchfile", str(good))
    assert code == 2
    assert err.strip().splitlines() == ["lintcare: error: nosuchfile: no such file or directory"]
    assert "suicide-stigma-terms" in out  # the other file was still linted


def test_clean_file_exits_0(run_cli, tmp_path):
    page = tmp_path / "clean.txt"
    page.write_text(CLEAN, encoding="utf-8")
    code, out, _ = run_cli("check", str(page))
    assert code == 0, out
    assert out.strip().endswith("0 findings (0 error, 0 warning, 0 suggestion) in 1 file")


def test_fail_on_threshold(run_cli, tmp_path):
    page = tmp_path / "p.txt"
    page.write_text(CLEAN + "It works for many.  The team will explain.\n", encoding="utf-8")
    assert run_cli("check", str(page))[0] == 0  # a suggestion only
    assert run_cli("check", "--fail-on", "suggestion", str(page))[0] == 1
    assert run_cli("check", "--fail-on", "none", str(page))[0] == 0


def test_text_format_line_col_and_caret(run_cli, tmp_path):
    page = tmp_path / "p.txt"
    page.write_text(CLEAN + "Ask us about Spravado today.\n", encoding="utf-8")
    code, out, _ = run_cli("check", str(page))
    lines = out.splitlines()
    head = f"{page}:2:14: error [drug-name-misspelling]"
    i = next(i for i, line in enumerate(lines) if line.startswith(head))
    assert lines[i + 1] == "    fix: SPRAVATO"  # not "suggestion", which is a severity
    assert lines[i + 2] == "    Ask us about Spravado today."
    assert lines[i + 3] == "    " + " " * 13 + "^" * 8
    assert code == 1
    assert "\x1b[" not in out  # no colour when not a terminal


def test_json_contract(run_json, tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("Ketamine therapy can help.\nShe committed suicide.\n", encoding="utf-8")
    code, data = run_json(str(page))
    assert code == 1
    assert data["version"] == 1
    (file,) = data["files"]
    assert file["path"] == str(page) and file["error"] is None
    f = next(f for f in file["findings"] if f["rule"] == "suicide-stigma-terms")
    assert {k: f[k] for k in ("line", "column", "end_line", "end_column", "text")} == {
        "line": 2, "column": 5, "end_line": 2, "end_column": 22, "text": "committed suicide"}
    assert f["category"] == "supportive-language" and f["suggestions"] == ["died by suicide"]
    doc = next(f for f in file["findings"] if f["rule"] == "contact-channel-missing")
    assert doc["scope"] == "document" and doc["line"] == 1 and doc["column"] == 1
    assert data["summary"]["findings"] == len(file["findings"])


def test_stdin(run_cli):
    code, out, _ = run_cli("check", "-", input="Ask about ketamin.\n")
    assert "<stdin>:1:11: error [drug-name-misspelling]" in out
    assert code == 1


def test_rules_list_and_explain(run_cli):
    code, out, _ = run_cli("rules")
    assert code == 0 and "suicide-stigma-terms" in out
    code, out, _ = run_cli("explain", "suicide-stigma-terms")
    assert code == 0 and "Source:" in out and "committed suicide" in out
    assert ("  - Her brother committed suicide last year.\n"
            "    fixed: Her brother died by suicide last year.\n") in out  # an example's fixed text
    code, _, err = run_cli("explain", "no-such-rule")
    assert code == 2 and err.startswith("lintcare: error: unknown rule")


def test_folder_walk_skips_hidden_and_vendor(run_json, tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("x\n", encoding="utf-8")
    (tmp_path / "docs" / "b.txt").write_text("x\n", encoding="utf-8")
    (tmp_path / "docs" / "c.py").write_text("x\n", encoding="utf-8")
    for skipped in (".git", "node_modules", "vendor"):
        (tmp_path / skipped).mkdir()
        (tmp_path / skipped / "d.md").write_text("x\n", encoding="utf-8")
    _, data = run_json(str(tmp_path))
    names = sorted(f["path"][len(str(tmp_path)) + 1:] for f in data["files"])
    assert names == ["docs/a.md", "docs/b.txt"]


def test_python_dash_m_entry_point():
    proc = subprocess.run([sys.executable, "-m", "lintcare", "--version"], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and "lintcare" in proc.stdout
