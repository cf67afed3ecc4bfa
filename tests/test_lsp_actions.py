"""The language server's code actions on linted pages, without a client (lintcare.lsp.actions)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lintcare.lsp import actions
from lintcare.lsp.positions import LineIndex
from lintcare.lsp.workspace import Project
from tests.lsp_client import apply


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    return tmp_path


def _lint(site: Path, name: str, text: str, fmt: str):
    linted = Project().lint(1, str(site / name), text, fmt)
    return linted, LineIndex(text)


def _finding(linted, rule: str):
    return next(f for f in linted.findings if f.rule == rule)


def test_plain_text_suppression_is_a_line_of_its_own(site: Path) -> None:
    text = "Call 988 or 911 or (555) 010-2222.\n  Her brother committed suicide.\n"
    linted, index = _lint(site, "page.txt", text, "text")
    action = actions.suppression("file:///x", _finding(linted, "suicide-stigma-terms"), None, linted, index)
    fixed = apply(text, action.edit)
    assert fixed.splitlines()[1] == "  lintcare-disable-next-line suicide-stigma-terms -- " + actions.REASON
    again, _ = _lint(site, "page.txt", fixed, "text")
    assert [f.rule for f in again.findings if "suicide" in f.rule or "suppression" in f.rule] == []


def test_no_suppression_inside_front_matter(site: Path) -> None:
    text = "---\ntitle: Ask about Spravado\n---\n\nAsk about Spravado. Call 988 or 911 or (555) 010-2222.\n"
    linted, index = _lint(site, "page.md", text, "markdown")
    in_front, in_body = [f for f in linted.findings if f.rule == "drug-name-misspelling"]
    assert actions.suppression("file:///x", in_front, None, linted, index) is None
    assert actions.suppression("file:///x", in_body, None, linted, index) is not None


def test_fix_all_not_offered_when_nothing_safe_to_fix(site: Path) -> None:
    text = "Her brother committed suicide. Call 988 or 911 or (555) 010-2222.\n"
    linted, index = _lint(site, "page.txt", text, "text")
    assert _finding(linted, "suicide-stigma-terms").fix.safe is False
    assert actions.fix_all("file:///x", linted, index) is None
