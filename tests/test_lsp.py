"""End to end: a real LSP client (pytest-lsp) talks to ``lintcare lsp`` over stdio."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lsprotocol import types

from tests.lsp_client import ENV, actions, apply, change, diagnostics, open_page, start, stop

pytestmark = pytest.mark.asyncio(loop_scope="function")

PAGE = (
    "# Ketamine care\n"
    "\n"
    "🙂 Ask about Spravado,, today. Her brother committed suicide.\n"
    "\n"
    "Call us at (555) 010-2222 or dial 988.\n"
)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # the configuration search stops here
    return tmp_path


def by_rule(found: list[types.Diagnostic]) -> dict[str, types.Diagnostic]:
    return {str(d.code): d for d in found}


async def test_diagnostics_on_open_and_after_an_edit(site: Path) -> None:
    client = await start(site)
    try:
        uri = open_page(client, site / "page.md", PAGE)
        found = by_rule(await diagnostics(client, uri, 1))
        assert {"drug-name-misspelling", "doubled-punctuation", "suicide-stigma-terms",
                "emergency-911-missing"} <= set(found)
        misspelt = found["drug-name-misspelling"]
        assert misspelt.severity == types.DiagnosticSeverity.Error
        assert misspelt.source == "lintcare"
        assert misspelt.code_description.href.endswith("rules.md#drug-name-misspelling")
        # The page-level finding sits on the first line.
        assert found["emergency-911-missing"].range.start == types.Position(0, 0)
        assert found["emergency-911-missing"].severity == types.DiagnosticSeverity.Information

        change(client, uri, 2, PAGE.replace("Spravado,,", "SPRAVATO,"))
        after = by_rule(await diagnostics(client, uri, 2))
        assert "drug-name-misspelling" not in after and "doubled-punctuation" not in after
        assert "suicide-stigma-terms" in after
    finally:
        await stop(client)


async def test_a_newer_change_replaces_an_older_run(site: Path) -> None:
    client = await start(site, debounce_ms=500)  # wide enough for a busy machine
    try:
        uri = open_page(client, site / "page.md", PAGE)
        await diagnostics(client, uri, 1)
        published: list[int] = []
        for version in range(2, 7):  # typed faster than the debounce
            change(client, uri, version, PAGE.replace("today", "today" + "!" * version))
        while True:
            params = await asyncio.wait_for(
                client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 60)
            published.append(params.version)
            if params.version == 6:
                break
        assert published == [6]
    finally:
        await stop(client)


async def test_utf16_positions_on_a_line_with_emoji(site: Path) -> None:
    # 🙂 and 🧠 are outside the Basic Multilingual Plane: two UTF-16 units each.
    text = "🙂🧠 Ask about Spravado today, call 988 or 911 or (555) 010-2222.\n"
    client = await start(site)
    try:
        uri = open_page(client, site / "emoji.txt", text, "plaintext")
        found = by_rule(await diagnostics(client, uri, 1))
        at = text.index("Spravado")  # 13 characters, 15 UTF-16 units
        assert found["drug-name-misspelling"].range == types.Range(
            types.Position(0, at + 2), types.Position(0, at + 2 + len("Spravado")))

        hover = await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, at + 3)))
        assert "drug-name-misspelling" in hover.contents.value
        assert "Source:" in hover.contents.value
    finally:
        await stop(client)


async def test_utf8_positions_when_the_client_offers_them(site: Path) -> None:
    text = "Café 🙂 Ask about Spravado today, call 988 or 911 or (555) 010-2222.\n"
    client = await start(site, encodings=["utf-8"])
    try:
        uri = open_page(client, site / "bytes.txt", text, "plaintext")
        found = by_rule(await diagnostics(client, uri, 1))
        at = len(text[:text.index("Spravado")].encode("utf-8"))
        assert found["drug-name-misspelling"].range.start == types.Position(0, at)
    finally:
        await stop(client)


async def test_fix_all_equals_check_fix(site: Path) -> None:
    path = site / "page.md"
    path.write_text(PAGE, encoding="utf-8")
    client = await start(site)
    try:
        uri = open_page(client, path, PAGE)
        found = await diagnostics(client, uri, 1)
        whole = types.Range(types.Position(0, 0), types.Position(0, 0))
        offered = await actions(client, uri, whole, found, only=[types.CodeActionKind.SourceFixAll])
        assert [a.title for a in offered] == ["Fix all safe problems in this file (lintcare)"]
        fixed_in_editor = apply(PAGE, offered[0].edit)
    finally:
        await stop(client)
    copy = site / "copy"
    copy.mkdir()
    shutil.copy(path, copy / "page.md")
    subprocess.run([sys.executable, "-m", "lintcare", "check", "--fix", "--no-cache", str(copy / "page.md")],
                   env=ENV, capture_output=True, check=False)
    fixed_by_check = (copy / "page.md").read_text(encoding="utf-8")
    assert fixed_by_check != PAGE
    assert fixed_in_editor == fixed_by_check


async def test_quick_fixes_safe_preferred_unsafe_for_review(site: Path) -> None:
    client = await start(site)
    try:
        uri = open_page(client, site / "page.md", PAGE)
        found = by_rule(await diagnostics(client, uri, 1))
        misspelt, stigma = found["drug-name-misspelling"], found["suicide-stigma-terms"]
        safe = await actions(client, uri, misspelt.range, [misspelt], only=[types.CodeActionKind.QuickFix])
        fix = next(a for a in safe if a.title.startswith("Replace"))
        assert fix.title == 'Replace "Spravado" with "SPRAVATO"' and fix.is_preferred
        assert "Ask about SPRAVATO,," in apply(PAGE, fix.edit)
        unsafe = await actions(client, uri, stigma.range, [stigma], only=[types.CodeActionKind.QuickFix])
        review = next(a for a in unsafe if a.title.startswith("Replace"))
        assert review.title.endswith("(review)") and not review.is_preferred
    finally:
        await stop(client)


async def test_suppression_action_silences_the_finding(site: Path) -> None:
    client = await start(site)
    try:
        uri = open_page(client, site / "page.md", PAGE)
        stigma = by_rule(await diagnostics(client, uri, 1))["suicide-stigma-terms"]
        offered = await actions(client, uri, stigma.range, [stigma])
        suppress = next(a for a in offered if a.title.startswith("Suppress suicide-stigma-terms"))
        text = apply(PAGE, suppress.edit)
        assert "<!-- lintcare-disable-next-line suicide-stigma-terms -- " in text
        change(client, uri, 2, text)
        after = by_rule(await diagnostics(client, uri, 2))
        assert "suicide-stigma-terms" not in after
        assert "suppression-unused" not in after and "suppression-missing-reason" not in after
        assert "drug-name-misspelling" in after  # the rest of the line is still linted

        # A page-level finding: a disable anywhere in the file silences it.
        page_level = after["emergency-911-missing"]
        offered = await actions(client, uri, page_level.range, [page_level])
        suppress = next(a for a in offered if a.title.startswith("Suppress emergency-911-missing"))
        change(client, uri, 3, apply(text, suppress.edit))
        assert "emergency-911-missing" not in by_rule(await diagnostics(client, uri, 3))
    finally:
        await stop(client)


async def test_configuration_change_without_restart(site: Path) -> None:
    config = site / ".lintcare.yaml"
    config.write_text("ignore: [doubled-punctuation]\n", encoding="utf-8")
    client = await start(site)
    try:
        uri = open_page(client, site / "page.md", PAGE)
        first = by_rule(await diagnostics(client, uri, 1))
        assert "**/.lintcare.yaml" in client.watchers  # the editor was asked to watch it
        assert "doubled-punctuation" not in first and "drug-name-misspelling" in first

        config.write_text("ignore: [typo]\n", encoding="utf-8")
        client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]))
        second = by_rule(await diagnostics(client, uri, 1))
        assert "doubled-punctuation" in second and "drug-name-misspelling" not in second
    finally:
        await stop(client)


async def test_malformed_configuration_is_one_diagnostic(site: Path) -> None:
    config = site / ".lintcare.yaml"
    config.write_text("select: [typo\nignore: 3\n", encoding="utf-8")
    client = await start(site)
    try:
        uri = open_page(client, site / "page.md", PAGE)
        found = await diagnostics(client, uri, 1)
        assert len(found) == 1
        assert found[0].code == "configuration-error" and ".lintcare.yaml" in found[0].message

        # Still serving: a repaired file is picked up on save of the page.
        config.write_text("select: [typo]\n", encoding="utf-8")
        client.text_document_did_save(types.DidSaveTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=uri)))
        repaired = by_rule(await diagnostics(client, uri, 1))
        assert set(repaired) == {"drug-name-misspelling"}
    finally:
        await stop(client)


async def test_excluded_file_gets_no_diagnostics(site: Path) -> None:
    (site / ".lintcare.yaml").write_text('exclude: ["drafts/**"]\n', encoding="utf-8")
    (site / "drafts").mkdir()
    client = await start(site)
    try:
        uri = open_page(client, site / "drafts" / "page.md", PAGE)
        assert list(await diagnostics(client, uri, 1)) == []
    finally:
        await stop(client)
