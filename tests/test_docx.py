"""Word documents as a source: the text form, structure, positions, parts, and files that
cannot be linted."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from lintcare.api import lint_file
from lintcare.sources import read_source
from lintcare.sources.prose import HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL

from .docx_samples import CLINIC_LINES, ROOT, clinic_docx, convert, text_box_docx

PAGES = [ROOT / "examples" / "ketamine-clinic-page.txt", ROOT / "tests" / "pages" / "ketamine-faq.html",
         ROOT / "tests" / "pages" / "hospital-esketamine.html"]


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> list[Path]:
    """The example pages as LibreOffice saves them in Word format."""
    out = tmp_path_factory.mktemp("lo")
    return [convert(page, "docx:MS Word 2007 XML", out) for page in PAGES]


@pytest.fixture
def clinic(tmp_path) -> Path:
    return clinic_docx(tmp_path / "clinic.docx")


def _kinds(path: Path) -> dict[str, str]:
    from lintcare.sources import extract

    prose = extract(read_source(str(path)))
    return {prose.text[b.start:b.end]: b.kind for b in prose.blocks}


def test_text_form_is_one_line_per_paragraph_in_reading_order(clinic):
    source = read_source(str(clinic))
    assert source.fmt == "docx"
    # The deleted words are gone, the inserted ones read; a hyperlink and a field read
    # as the text they show; the header comes after the body.
    assert source.text.splitlines() == CLINIC_LINES
    assert source.part_at(5) == "table" and source.part_at(13) == "header" and source.part_at(1) == "body"


def test_headings_lists_and_tables_are_structure(clinic):
    kinds = _kinds(clinic)
    assert kinds["Ketamine care at Riverbend"] == HEADING
    assert kinds["Bring someone to drive you home"] == LIST_ITEM
    assert kinds["First infusion"] == TABLE_CELL
    assert kinds["Most people come in twice a week at first."] == PARAGRAPH


def test_text_box_is_read_once_after_its_paragraph(tmp_path):
    source = read_source(str(text_box_docx(tmp_path / "box.docx")))
    assert source.text.splitlines() == ["Before the box.", "Call us before your visit.", "After the box."]
    assert source.part_at(2) == "textbox"


def _assert_positions(path: Path, paragraph_text) -> int:
    result = lint_file(str(path))
    assert result.error is None
    for f in result.findings:
        if f.line == f.end_line:
            assert paragraph_text(f.line)[f.column - 1:f.end_column - 1] == f.text, f
    return len(result.findings)


def test_every_finding_is_at_its_text_in_python_docx_documents(clinic):
    assert _assert_positions(clinic, lambda n: CLINIC_LINES[n - 1]) >= 4


def test_every_finding_is_at_its_text_in_libreoffice_documents(converted):
    import docx

    total = 0
    for path in converted:
        # python-docx's own reading of the paragraphs (these pages have no tables).
        texts = [p.text for p in docx.Document(str(path)).paragraphs]
        total += _assert_positions(path, lambda n, texts=texts: texts[n - 1])
    assert total >= 10


def test_libreoffice_headings_come_from_styles(converted):
    kinds = _kinds(converted[1])
    assert kinds["Ketamine for Depression: Questions and Answers"] == HEADING
    assert kinds["Is ketamine a cure?"] == HEADING


def test_docx_finds_what_the_page_itself_finds(converted):
    """The same words in Word give the same findings as the plain-text page."""
    txt = lint_file(str(PAGES[0]))
    word = lint_file(str(converted[0]))
    assert [(f.rule, f.line, f.column, f.text) for f in word.findings] == \
           [(f.rule, f.line, f.column, f.text) for f in txt.findings]


def test_json_names_the_part(run_cli, clinic, tmp_path):
    code, out, _ = run_cli("check", "--no-cache", "--format", "json", str(clinic))
    findings = json.loads(out)["files"][0]["findings"]
    assert code == 1 and findings
    assert {f["part"] for f in findings} <= {"body", "table", "header"}
    assert all(f["part"] == ("table" if 5 <= f["line"] <= 8 else "body") for f in findings)


def test_json_part_survives_the_cache_and_parallel_workers(run_cli, clinic, tmp_path):
    cache = str(tmp_path / "cache")
    other = clinic_docx(tmp_path / "other.docx")
    runs = [run_cli("check", "--cache-dir", cache, "-j", "2", "--format", "json", str(clinic), str(other))
            for _ in range(2)]
    runs.append(run_cli("check", "--no-cache", "-j", "2", "--format", "json", str(clinic), str(other)))
    reports = [json.loads(out)["files"] for _, out, _ in runs]
    assert reports[0] == reports[1] == reports[2]
    assert all("part" in f for f in reports[0][0]["findings"])


def test_a_folder_walk_finds_docx(run_cli, tmp_path):
    clinic_docx(tmp_path / "draft.docx")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.7\n")  # found by walking: skipped, as before
    code, out, err = run_cli("check", "--no-cache", str(tmp_path))
    assert code == 1 and "draft.docx:2:40" in out and err == ""


@pytest.mark.parametrize(("name", "kind"), [
    ("old.doc", "a Word 97-2003 document"), ("page.pdf", "a PDF document"), ("notes.rtf", "an RTF document"),
    ("scan.png", "an image")])
def test_a_named_file_lintcare_cannot_read_is_an_error(run_cli, tmp_path, name, kind):
    bad = tmp_path / name
    bad.write_bytes(b"%PDF-1.7\n\x00\x01")
    good = tmp_path / "page.txt"
    good.write_text("Ketamine is a miracle.\n", encoding="utf-8")
    code, out, err = run_cli("check", "--no-cache", str(bad), str(good))
    assert code == 2
    assert err.splitlines() == [f"lintcare: error: {bad}: cannot lint {kind} ({bad.suffix}); "
                                "save it as .docx, .html, .md or .txt and lint that"]
    assert f"{good}:1:15" in out  # the other file is still linted
    code, _, err = run_cli("check", "--diff", str(bad), str(good))
    assert code == 2 and err.startswith(f"lintcare: error: {bad}: cannot lint {kind}")


def test_a_broken_docx_is_a_one_line_error(run_cli, tmp_path):
    bad = tmp_path / "draft.docx"
    bad.write_bytes(b"this is not a zip archive")
    code, _, err = run_cli("check", "--no-cache", str(bad))
    assert code == 2 and err == f"lintcare: error: {bad}: not a valid .docx file (not a zip archive)\n"
    empty = tmp_path / "empty.docx"
    with zipfile.ZipFile(empty, "w") as z:
        z.writestr("hello.txt", "hi")
    code, _, err = run_cli("check", "--no-cache", str(empty))
    assert code == 2 and err == f"lintcare: error: {empty}: not a valid .docx file (no word/document.xml)\n"


def test_a_tel_hyperlink_is_contact_information(tmp_path):
    import docx

    from .docx_samples import hyperlink

    def rules(target: str) -> set[str]:
        d = docx.Document()
        d.add_heading("Ketamine infusions at Riverbend", level=1)
        p = d.add_paragraph("Questions about your visit? ")
        hyperlink(p, target, "Call our nurses")
        d.add_paragraph("We see adults at our Main Street office, 12 Main Street, Riverbend.")
        d.save(tmp_path / "page.docx")
        return {f.rule for f in lint_file(str(tmp_path / "page.docx")).findings}

    assert "contact-channel-missing" in rules("https://riverbend.example/about")
    assert "contact-channel-missing" not in rules("tel:+15555550123")


def test_footnotes_are_read_after_the_body(tmp_path):
    page = clinic_docx(tmp_path / "notes.docx")
    notes = ('<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:id="1"><w:p><w:r><w:t>Ketamine is a miracle, one reader said.</w:t></w:r></w:p>'
             "</w:footnote></w:footnotes>")
    with zipfile.ZipFile(page, "a") as z:
        z.writestr("word/footnotes.xml", notes)
    source = read_source(str(page))
    lines = source.text.splitlines()
    assert lines[len(CLINIC_LINES) - 1] == "Ketamine is a miracle, one reader said."  # before the header
    assert source.part_at(len(CLINIC_LINES)) == "footnote"
    hype = [f for f in lint_file(str(page)).findings if f.rule == "hype-superlative"]
    note = len(CLINIC_LINES)
    assert [(f.line, f.column, f.text) for f in hype] == [(2, 42, "miracle"), (note, 15, "miracle")]


def test_a_paragraph_can_suppress_the_next_one(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("Ketamine is a miracle for some.")
    d.add_paragraph("lintcare-disable-next-line hype-superlative -- a patient's own words")
    d.add_paragraph("One patient said: it was a miracle.")
    d.save(tmp_path / "quote.docx")
    hype = [f.line for f in lint_file(str(tmp_path / "quote.docx")).findings if f.rule == "hype-superlative"]
    assert hype == [1]
