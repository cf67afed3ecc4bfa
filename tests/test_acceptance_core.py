"""Acceptance of the core linter on the shared sample and on a page of our own."""

from __future__ import annotations

import pytest

from lintcare import lint_file, lint_text

from .conftest import SAMPLE

needs_sample = pytest.mark.skipif(not SAMPLE.exists(), reason="shared sample not present")


def _by_rule(findings):
    out: dict[str, list] = {}
    for f in findings:
        out.setdefault(f.rule, []).append(f)
    return out


@needs_sample
def test_sample_findings_and_traps():
    result = lint_file(str(SAMPLE))
    assert result.error is None
    text = SAMPLE.read_text(encoding="utf-8")
    rules = _by_rule(result.findings)

    stray = rules["mixed-punctuation"]
    assert [(f.line, f.text) for f in stray] == [(5, ".,")]
    # The range slices exactly to the flagged text.
    assert text[stray[0].start:stray[0].end] == ".,"

    gaps = rules["unicode-space-run"]
    assert len(gaps) >= 4 and all(f.text == "\u00a0 " for f in gaps)

    inter = rules["names-interchangeable"]
    assert len(inter) == 1 and inter[0].text.endswith("interchangeably")
    assert inter[0].category == "terminology"

    assert not [f for f in result.findings if f.category == "contact"]  # an email is there

    def flagged_inside(snippet: str) -> list:
        at = text.index(snippet)
        return [f for f in result.findings
                if f.scope == "span" and f.start < at + len(snippet) and at < f.end]

    for trap in ("These decisions are not failures", "is not a sign of defeat",
                 "esketamine (Spravato)"):
        assert flagged_inside(trap) == [], trap
    bullets = [f for f in result.findings if f.column <= 3 and f.line in range(19, 23)]
    assert bullets == []


OWN_PAGE = """Spravato at Northside Clinic

Spravato (ketamine) is a nasal spray. We also give FDA-approved ketamine infusions for depression.
Our program helps patients who failed two antidepressants.
Her cousin committed suicide before help was available.
"""


def test_own_page_each_problem_found_with_category(run_cli, tmp_path):
    found = {(f.rule, f.category) for f in lint_text(OWN_PAGE)}
    assert ("spravato-called-ketamine", "terminology") in found
    assert ("ketamine-approved-for-psychiatric", "terminology") in found
    assert ("patient-failed-treatment", "supportive-language") in found
    assert ("suicide-stigma-terms", "supportive-language") in found
    assert ("contact-channel-missing", "contact") in found
    assert ("crisis-resource-missing", "contact") in found
    page = tmp_path / "page.txt"
    page.write_text(OWN_PAGE, encoding="utf-8")
    code, _, _ = run_cli("check", str(page))
    assert code == 1
