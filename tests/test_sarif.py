"""``--format sarif``: schema-valid SARIF 2.1.0 with rule metadata, regions and fixes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lintcare.rules.loader import load_rules

from .conftest import ROOT

SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"

PAGE_TXT = (
    "Ketamine and depression: what to expect\n"
    "\n"
    "Many people ask about Spravado at their first visit.\n"
    "Her brother committed suicide after years of depression.\n"
    "If you are in crisis, call or text 988. In immediate danger, call 911.\n"
    "Call us at (555) 123-4567 to book a consultation.\n"
)
PAGE_MD = (
    "# TMS at our clinic\n"
    "\n"
    "TMS uses magnetic pulses.  Sessions take about 20 minutes, and you can drive home.\n"
)
CLEAN_HTML = ("<p>Call us at (555) 123-4567 to ask about transcranial magnetic stimulation (TMS). "
              "A nurse will explain each step.</p>\n")


@pytest.fixture(scope="module")
def validator():
    if not SCHEMA.exists():
        pytest.skip(f"SARIF schema not found at {SCHEMA}")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


@pytest.fixture
def pages(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "ketamine.txt").write_text(PAGE_TXT, encoding="utf-8")
    (tmp_path / "content" / "tms page, v2.md").write_text(PAGE_MD, encoding="utf-8")
    (tmp_path / "content" / "contact.html").write_text(CLEAN_HTML, encoding="utf-8")
    return tmp_path


def run_sarif(run_cli, *args: str) -> tuple[int, dict]:
    code, out, _ = run_cli("check", "--format", "sarif", *args)
    return code, json.loads(out)


def results_for(log: dict, uri: str) -> list[dict]:
    return [r for r in log["runs"][0]["results"]
            if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri]


def test_multi_file_run_validates_against_the_schema(run_cli, pages, validator):
    code, log = run_sarif(run_cli, "content", "missing.md")
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    assert code == 2  # the missing file
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert uris == {"content/ketamine.txt", "content/tms%20page,%20v2.md"}
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and note["message"]["text"] == "no such file or directory"


def test_driver_lists_every_rule_with_its_metadata(run_cli, pages):
    _, log = run_sarif(run_cli, "content/contact.html")
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    expected = load_rules().rules
    assert [r["id"] for r in rules] == [r.id for r in expected]
    by_id = {r["id"]: r for r in rules}
    stigma = by_id["suicide-stigma-terms"]
    assert stigma["shortDescription"]["text"] == "Suicide stigma terms"
    assert "carries blame" in stigma["fullDescription"]["text"]
    assert "{text}" not in stigma["fullDescription"]["text"]
    assert "Source: Recommendations for Reporting on Suicide" in stigma["help"]["text"]
    assert stigma["properties"]["category"] == "supportive-language"
    levels = {r.id: by_id[r.id]["defaultConfiguration"]["level"] for r in expected}
    assert {(r.severity, levels[r.id]) for r in expected} == {
        ("error", "error"), ("warning", "warning"), ("suggestion", "note")}
    assert log["runs"][0]["results"] == []  # a clean page


def test_result_region_level_and_rule_index(run_cli, pages):
    _, log = run_sarif(run_cli, "content")
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    found = results_for(log, "content/ketamine.txt")
    stigma = next(r for r in found if r["ruleId"] == "suicide-stigma-terms")
    region = stigma["locations"][0]["physicalLocation"]["region"]
    # "Her brother committed suicide": line 4, columns 13 to 30 (end exclusive, as in SARIF).
    assert {k: region[k] for k in ("startLine", "startColumn", "endLine", "endColumn")} == {
        "startLine": 4, "startColumn": 13, "endLine": 4, "endColumn": 30}
    assert PAGE_TXT[region["charOffset"]:region["charOffset"] + region["charLength"]] == "committed suicide"
    assert region["snippet"]["text"] == "committed suicide"
    assert stigma["level"] == "error"
    assert rules[stigma["ruleIndex"]]["id"] == "suicide-stigma-terms"
    double = next(r for r in results_for(log, "content/tms%20page,%20v2.md") if r["ruleId"] == "double-space")
    assert double["level"] == "note"  # a suggestion


def test_each_fix_is_a_sarif_fix_that_applies_cleanly(run_cli, pages):
    _, log = run_sarif(run_cli, "content/ketamine.txt")
    fixed = PAGE_TXT
    edits = []
    for result in log["runs"][0]["results"]:
        for fix in result.get("fixes", []):
            (change,) = fix["artifactChanges"]
            assert change["artifactLocation"]["uri"] == "content/ketamine.txt"
            for rep in change["replacements"]:
                region = rep["deletedRegion"]
                edits.append((region["charOffset"], region["charLength"], rep["insertedContent"]["text"],
                              region["startLine"], region["startColumn"]))
    assert edits, "the page has fixable findings"
    lines = PAGE_TXT.splitlines(keepends=True)
    for offset, length, text, line, col in sorted(edits, reverse=True):
        # Line and column name the same place as the character offset.
        assert sum(len(x) for x in lines[:line - 1]) + col - 1 == offset
        fixed = fixed[:offset] + text + fixed[offset + length:]
    assert "Many people ask about SPRAVATO at their first visit." in fixed
    assert "Her brother died by suicide" in fixed
    spravado = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "drug-name-misspelling")
    assert spravado["fixes"][0]["properties"]["safe"] is True


def test_document_scope_finding_has_a_region(run_cli, tmp_path, validator):
    page = tmp_path / "about.txt"
    page.write_text("About our team\n\nOur nurses explain each TMS session before it starts.\n",
                    encoding="utf-8")
    _, log = run_sarif(run_cli, str(page))
    assert not list(validator.iter_errors(log))
    result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "contact-channel-missing")
    assert result["properties"]["scope"] == "document"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"]) == (1, 1, 1)
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"] == page.as_uri()  # an absolute path becomes a file URI
    assert "fixes" not in result


def test_baseline_marks_results_new(run_cli, pages, validator):
    assert run_cli("baseline", "base.json", "content/ketamine.txt")[0] == 0
    path = pages / "content" / "ketamine.txt"
    path.write_text(PAGE_TXT + "Ask about ketamin infusions.\n", encoding="utf-8")
    code, log = run_sarif(run_cli, "--baseline", "base.json", "content/ketamine.txt")
    assert not list(validator.iter_errors(log))
    (result,) = log["runs"][0]["results"]
    assert result["ruleId"] == "drug-name-misspelling" and result["baselineState"] == "new"
    assert code == 1
