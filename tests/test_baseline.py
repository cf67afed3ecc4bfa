"""``lintcare baseline`` and ``check --baseline``: only new findings fail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

PAGE = (
    "Esketamine nasal spray: your first visit\n"
    "\n"
    "Her brother committed suicide after years of depression.\n"
    "Our nurses will explain each step of the the visit.\n"
    "If you are in crisis, call or text 988. In immediate danger, call 911.\n"
    "Call us at (555) 123-4567 to book a consultation.\n"
)


@pytest.fixture
def site(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "visit.txt").write_text(PAGE, encoding="utf-8")
    return tmp_path


def record(run_cli, *paths: str) -> dict:
    code, out, _ = run_cli("baseline", "lintcare-baseline.json", *paths)
    assert code == 0, out
    return json.loads(Path("lintcare-baseline.json").read_text(encoding="utf-8"))


def check(run_json, *paths: str) -> tuple[int, dict]:
    return run_json("--baseline", "lintcare-baseline.json", *paths)


def edit(path: str, old: str, new: str) -> None:
    p = Path(path)
    text = p.read_text(encoding="utf-8")
    assert old in text
    p.write_text(text.replace(old, new, 1), encoding="utf-8")


def rules_of(data: dict) -> list[str]:
    return [f["rule"] for file in data["files"] for f in file["findings"]]


def test_baseline_file_is_versioned_sorted_and_stable(run_cli, site):
    data = record(run_cli, "content")
    assert data["version"] == 1
    entries = data["findings"]
    assert {e["rule"] for e in entries} >= {"suicide-stigma-terms", "repeated-word"}
    assert all(e["path"] == "content/visit.txt" and e["count"] == 1 for e in entries)
    assert entries == sorted(entries, key=lambda e: (e["path"], e["rule"], e["fingerprint"]))
    assert "line" not in entries[0]  # positions would churn with every edit
    first = Path("lintcare-baseline.json").read_bytes()
    record(run_cli, "content")
    assert Path("lintcare-baseline.json").read_bytes() == first


def recorded_count(baseline: dict) -> int:
    return sum(e["count"] for e in baseline["findings"])


def test_recorded_findings_pass(run_json, run_cli, site):
    recorded = recorded_count(record(run_cli, "content"))
    assert recorded >= 2
    code, data = check(run_json, "content")
    assert code == 0 and rules_of(data) == []
    assert data["baseline"]["known"] == recorded and data["baseline"]["stale"] == []
    code, data = run_json("content")  # without the baseline the page still fails
    assert code == 1 and "suicide-stigma-terms" in rules_of(data)


def test_inserting_lines_above_keeps_old_findings_old(run_json, run_cli, site):
    recorded = recorded_count(record(run_cli, "content"))
    edit("content/visit.txt", "Her brother",
         "Many people feel unsure before a first visit.\nThat is normal, and we can help.\n\nHer brother")
    edit("content/visit.txt", "Our nurses will", "Our nurses and doctors will")  # same line, far off
    code, data = check(run_json, "content")
    assert (code, rules_of(data)) == (0, [])
    assert data["baseline"]["known"] == recorded


def test_a_new_finding_fails_and_only_it_is_reported(run_json, run_cli, site):
    record(run_cli, "content")
    edit("content/visit.txt", "Call us at", "Ask whether Spravado is right for you. Call us at")
    code, data = check(run_json, "content")
    assert code == 1
    assert rules_of(data) == ["drug-name-misspelling"]
    (finding,) = data["files"][0]["findings"]
    assert (finding["line"], finding["text"]) == (6, "Spravado")
    assert data["summary"]["findings"] == 1


def test_the_same_finding_again_needs_its_own_entry(run_json, run_cli, site):
    record(run_cli, "content")
    edit("content/visit.txt", "Call us at",
         "Her brother committed suicide after years of depression.\nCall us at")
    code, data = check(run_json, "content")
    assert code == 1 and rules_of(data) == ["suicide-stigma-terms"]
    entries = record(run_cli, "content")["findings"]
    assert next(e for e in entries if e["rule"] == "suicide-stigma-terms")["count"] == 2
    assert check(run_json, "content")[0] == 0


def test_a_fixed_finding_is_listed_as_stale(run_json, run_cli, site):
    record(run_cli, "content")
    edit("content/visit.txt", "committed suicide", "died by suicide")
    code, data = check(run_json, "content")
    assert code == 0
    (stale,) = data["baseline"]["stale"]
    assert (stale["path"], stale["rule"], stale["text"]) == (
        "content/visit.txt", "suicide-stigma-terms", "committed suicide")
    code, out, err = run_cli("check", "--baseline", "lintcare-baseline.json", "content")
    assert code == 0 and out.strip().endswith("0 findings (0 error, 0 warning, 0 suggestion) in 1 file")
    assert "1 recorded finding no longer occur" in err
    assert "content/visit.txt: [suicide-stigma-terms] 'committed suicide'" in err


def test_files_not_linted_do_not_make_entries_stale(run_json, run_cli, site):
    (site / "content" / "other.txt").write_text("Ask about ketamin.\nCall (555) 123-4567.\n",
                                                encoding="utf-8")
    record(run_cli, "content")
    code, data = check(run_json, "content/visit.txt")  # as pre-commit passes only changed files
    assert code == 0 and data["baseline"]["stale"] == []


def test_paths_match_from_another_folder(run_json, run_cli, site, monkeypatch):
    record(run_cli, "content")
    monkeypatch.chdir(site / "content")
    code, data = run_json("--baseline", "../lintcare-baseline.json", "visit.txt")
    assert (code, rules_of(data)) == (0, [])
    code, data = run_json("--baseline", str(site / "lintcare-baseline.json"), str(site / "content"))
    assert (code, rules_of(data)) == (0, [])


def test_baseline_never_overwrites_a_page(run_cli, site):
    code, out, err = run_cli("baseline", "content/visit.txt")  # FILE forgotten
    assert code == 2 and out == "" and err.strip() == (
        "lintcare: error: content/visit.txt: exists and is not a lintcare baseline; not overwritten")
    assert Path("content/visit.txt").read_text(encoding="utf-8") == PAGE


@pytest.mark.parametrize(("content", "reason"), [
    (None, "no such baseline file"),
    ("{not json", "not valid JSON"),
    ('{"version": 99, "findings": []}', "not a lintcare baseline"),
    ('{"version": 1, "findings": [{"path": "a.md", "rule": "x", "count": 0}]}', "entry 1"),
])
def test_bad_baseline_file_is_a_one_line_error(run_cli, site, content, reason):
    if content is not None:
        Path("lintcare-baseline.json").write_text(content, encoding="utf-8")
    code, out, err = run_cli("check", "--baseline", "lintcare-baseline.json", "content")
    assert code == 2 and out == ""
    (line,) = err.strip().splitlines()
    assert line.startswith("lintcare: error: lintcare-baseline.json: ") and reason in line
