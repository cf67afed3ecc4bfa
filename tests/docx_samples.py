"""Word documents for the .docx tests: made with python-docx (every structure the reader
knows) and converted from the project's example pages by LibreOffice (another program's
XML). Written in our own words."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def need_soffice() -> str:
    found = soffice()
    if found is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    return found


def convert(src: Path, fmt: str, out_dir: Path) -> Path:
    """``soffice --headless --convert-to fmt``; a private profile so parallel runs do not lock."""
    profile = out_dir / ".lo-profile"
    cmd = [need_soffice(), f"-env:UserInstallation=file://{profile}", "--headless",
           "--convert-to", fmt, "--outdir", str(out_dir), str(src)]
    env = {**os.environ, "HOME": str(out_dir)}
    subprocess.run(cmd, check=True, capture_output=True, timeout=180, env=env)
    out = out_dir / (src.stem + "." + fmt.split(":")[0])
    assert out.exists(), f"LibreOffice did not write {out}"
    return out


def _xml(text: str):
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    return parse_xml(text.replace("NS", nsdecls("w", "r")))


def tracked_change(paragraph) -> None:
    """Reviewed wording: 'every day' deleted, 'twice a week' inserted."""
    paragraph.add_run("Most people come in ")
    paragraph._p.append(_xml('<w:del NS w:id="91" w:author="Reviewer" w:date="2025-01-02T00:00:00Z">'
                             "<w:r><w:delText>every day</w:delText></w:r></w:del>"))
    paragraph._p.append(_xml('<w:ins NS w:id="92" w:author="Reviewer" w:date="2025-01-02T00:00:00Z">'
                             "<w:r><w:t>twice a week</w:t></w:r></w:ins>"))
    paragraph.add_run(" at first.")


def hyperlink(paragraph, url: str, text: str) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    rid = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    paragraph._p.append(_xml(f'<w:hyperlink NS r:id="{rid}"><w:r><w:rPr><w:u w:val="single"/></w:rPr>'
                             f"<w:t>{text}</w:t></w:r></w:hyperlink>"))


def date_field(paragraph, shown: str) -> None:
    """A complex field: its code is not text, its result is."""
    for part in ('<w:r NS><w:fldChar w:fldCharType="begin"/></w:r>',
                 '<w:r NS><w:instrText xml:space="preserve"> DATE \\@ "MMMM yyyy" </w:instrText></w:r>',
                 '<w:r NS><w:fldChar w:fldCharType="separate"/></w:r>',
                 f"<w:r NS><w:t>{shown}</w:t></w:r>",
                 '<w:r NS><w:fldChar w:fldCharType="end"/></w:r>'):
        paragraph._p.append(_xml(part))


# The text form of ``clinic_docx``, line by line (one line per paragraph).
CLINIC_LINES = [
    "Ketamine care at Riverbend",
    "Our nurses stay with you. Ketamine is a  miracle for many people.,",
    "Bring someone to drive you home",
    "Eat nothing for two hours before",
    "Visit",
    "Length",
    "First infusion",
    "About two hours",
    "Most people come in twice a week at first.",
    "Book a visit on our booking page today.",
    "Updated May 2025",
    "A friend of our founder committed suicide before these treatments existed.",
    "Riverbend Clinic patient guide",
]


def clinic_docx(path: Path) -> Path:
    """A page with a heading, mixed formatting inside a sentence, a list, a table, a tracked
    change, a hyperlink, a field, and a header."""
    import docx

    d = docx.Document()
    d.add_heading("Ketamine care at Riverbend", level=1)
    p = d.add_paragraph("Our ")
    p.add_run("nurses").bold = True
    p.add_run(" stay with you. Ketamine is a  miracle for many people.,")
    d.add_paragraph("Bring someone to drive you home", style="List Bullet")
    d.add_paragraph("Eat nothing for two hours before", style="List Bullet")
    table = d.add_table(rows=2, cols=2)
    cells = ("Visit", "Length", "First infusion", "About two hours")
    for cell, text in zip(table._cells, cells, strict=True):
        cell.text = text
    tracked_change(d.add_paragraph())
    p = d.add_paragraph("Book a visit on ")
    hyperlink(p, "https://riverbend.example/book", "our booking page")
    p.add_run(" today.")
    p = d.add_paragraph("Updated ")
    date_field(p, "May 2025")
    p = d.add_paragraph("A friend of our founder ")
    p.add_run("committed").italic = True
    p.add_run(" suicide before these treatments existed.")
    d.sections[0].header.paragraphs[0].text = "Riverbend Clinic patient guide"
    d.save(path)
    return path


def text_box_docx(path: Path) -> Path:
    """A paragraph anchoring a text box (DrawingML, with the VML fallback copy)."""
    import docx

    d = docx.Document()
    p = d.add_paragraph("Before the box.")
    box = ('<w:r NS xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
           'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
           'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
           "<mc:Choice Requires=\"wps\"><w:drawing><wps:txbx><w:txbxContent>"
           "<w:p><w:r><w:t>Call us before your visit.</w:t></w:r></w:p>"
           "</w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
           "<mc:Fallback><w:pict><v:textbox><w:txbxContent>"
           "<w:p><w:r><w:t>Call us before your visit.</w:t></w:r></w:p>"
           "</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>")
    p._p.append(_xml(box))
    d.add_paragraph("After the box.")
    d.save(path)
    return path
