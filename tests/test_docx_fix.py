"""``--fix`` and ``--diff`` on Word documents: edits inside the runs, every other byte kept."""

from __future__ import annotations

import io
import zipfile
from itertools import pairwise
from pathlib import Path

from lxml import etree

from .docx_samples import ROOT, clinic_docx, convert

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def lo_text(path: Path, tmp: Path) -> str:
    """The document as LibreOffice reads it, saved as plain text."""
    out = tmp / f"txt-{len(list(tmp.iterdir()))}"
    out.mkdir()
    return convert(path, "txt:Text (encoded):UTF8", out).read_text(encoding="utf-8-sig")


def stored(data: bytes) -> dict[str, bytes]:
    """Each member's stored bytes (local header and compressed data), as in the archive."""
    z = zipfile.ZipFile(io.BytesIO(data))
    starts = sorted([i.header_offset for i in z.infolist()] + [z.start_dir])
    ends = dict(pairwise(starts))
    return {i.filename: data[i.header_offset:ends[i.header_offset]] for i in z.infolist()}


def runs(data: bytes) -> list[tuple[bytes, str]]:
    """(canonical run properties, text) of every run of the body."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    out = []
    for r in root.iter(f"{W}r"):
        rpr = r.find(f"{W}rPr")
        props = etree.tostring(rpr, method="c14n") if rpr is not None else b""
        out.append((props.replace(b"<w:rPr></w:rPr>", b""), "".join(t.text or "" for t in r.iter(f"{W}t"))))
    return out


def test_fix_edits_inside_runs_and_keeps_every_other_byte(run_cli, tmp_path):
    page = clinic_docx(tmp_path / "clinic.docx")
    before = page.read_bytes()
    code, out, err = run_cli("check", "--no-cache", "--fix", str(page))
    after = page.read_bytes()
    assert "applied 2 fixes to 1 file" in err
    # Every member but the body is the same stored bytes; the body changed only in its text.
    old, new = stored(before), stored(after)
    assert list(old) == list(new)
    assert [n for n in old if old[n] != new[n]] == ["word/document.xml"]
    old_runs, new_runs = runs(before), runs(after)
    assert [p for p, _ in old_runs] == [p for p, _ in new_runs]  # every run keeps its formatting
    changed = [(a[1], b[1]) for a, b in zip(old_runs, new_runs, strict=True) if a != b]
    assert changed == [(" stay with you. Ketamine is a  miracle for many people.,",
                        " stay with you. Ketamine is a miracle for many people.")]
    assert "clinic.docx:2:" in out and "[hype-superlative]" in out  # what remains, fixed positions
    # A second --fix has nothing to do.
    code2, _, err2 = run_cli("check", "--no-cache", "--fix", str(page))
    assert page.read_bytes() == after and "applied" not in err2 and code2 == code


def test_fixed_document_opens_in_libreoffice_with_the_fixed_text(run_cli, tmp_path):
    page = clinic_docx(tmp_path / "clinic.docx")
    original = lo_text(page, tmp_path)
    run_cli("check", "--no-cache", "--fix", str(page))
    expected = original.replace("a  miracle for many people.,", "a miracle for many people.")
    assert expected != original
    assert lo_text(page, tmp_path) == expected


def test_an_edit_across_formatting_is_held_back_and_reported(run_cli, tmp_path):
    page = clinic_docx(tmp_path / "clinic.docx")
    code, _, err = run_cli("check", "--no-cache", "--fix", "--unsafe-fixes", str(page))
    # "committed" is italic, " suicide" is not: replacing the phrase would lose one of them.
    assert (f"lintcare: note: {page}: 1 fix not applied: the edit spans text with different formatting, "
            "a field or a tab (12:25 suicide-stigma-terms); fix by hand") in err
    texts = [t for _, t in runs(page.read_bytes())]
    assert "committed" in texts and " suicide before these treatments existed." in texts
    assert code == 1


def test_diff_shows_the_paragraphs_and_writes_nothing(run_cli, tmp_path):
    page = clinic_docx(tmp_path / "clinic.docx")
    before = page.read_bytes()
    code, out, _ = run_cli("check", "--no-cache", "--diff", str(page))
    assert code == 1 and page.read_bytes() == before
    assert out.splitlines()[:6] == [
        f"--- a/{page}", f"+++ b/{page}", "@@ -1,5 +1,5 @@", " Ketamine care at Riverbend",
        "-Our nurses stay with you. Ketamine is a  miracle for many people.,",
        "+Our nurses stay with you. Ketamine is a miracle for many people."]


def test_libreoffice_document_is_fixed_and_stays_fixed(run_cli, tmp_path):
    page = convert(ROOT / "examples" / "ketamine-clinic-page.txt", "docx:MS Word 2007 XML", tmp_path)
    original, before = lo_text(page, tmp_path), page.read_bytes()
    _, _, err = run_cli("check", "--no-cache", "--fix", "--unsafe-fixes", str(page))
    assert "applied 3 fixes to 1 file" in err
    old, new = stored(before), stored(page.read_bytes())
    assert [n for n in old if old[n] != new[n]] == ["word/document.xml"]
    assert [p for p, _ in runs(before)] == [p for p, _ in runs(page.read_bytes())]
    expected = (original.replace("committed suicide", "died by suicide")
                .replace("a  miracle for many people.,", "a miracle for many people."))
    assert lo_text(page, tmp_path) == expected
    fixed = page.read_bytes()
    run_cli("check", "--no-cache", "--fix", "--unsafe-fixes", str(page))
    assert page.read_bytes() == fixed


def test_fix_refuses_a_read_only_docx(run_cli, tmp_path):
    page = clinic_docx(tmp_path / "clinic.docx")
    page.chmod(0o444)
    try:
        code, _, err = run_cli("check", "--no-cache", "--fix", str(page))
    finally:
        page.chmod(0o644)
    assert code == 2 and "read-only file, not changed" in err
