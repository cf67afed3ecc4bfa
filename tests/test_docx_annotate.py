"""``check --annotate OUT.docx IN.docx``: one Word comment per finding, on its text."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import docx
from lxml import etree

from .docx_samples import ROOT, clinic_docx, convert

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def findings(run_cli, page: Path) -> list[dict]:
    _, out, _ = run_cli("check", "--no-cache", "--format", "json", str(page))
    return json.loads(out)["files"][0]["findings"]


def word_comments(path: Path) -> list[tuple[str, str, str]]:
    """(anchored text, author, comment text) of each comment, read from the Word XML."""
    z = zipfile.ZipFile(path)
    body = etree.fromstring(z.read("word/document.xml"))
    notes = {c.get(f"{W}id"): (c.get(f"{W}author"), "\n".join("".join(p.itertext()) for p in c.iter(f"{W}p")))
             for c in etree.fromstring(z.read("word/comments.xml"))}
    anchored: dict[str, list[str]] = {}
    open_ids: set[str] = set()
    for el in body.iter():
        if el.tag == f"{W}commentRangeStart":
            open_ids.add(el.get(f"{W}id"))
            anchored[el.get(f"{W}id")] = []
        elif el.tag == f"{W}commentRangeEnd":
            open_ids.discard(el.get(f"{W}id"))
        elif el.tag == f"{W}t":
            for i in open_ids:
                anchored[i].append(el.text or "")
    return [("".join(anchored[i]), *notes[i]) for i in anchored]


def libreoffice_comments(odt: Path) -> list[tuple[str, str]]:
    """(anchored text, comment text) of each annotation, as LibreOffice saved them."""
    root = etree.fromstring(zipfile.ZipFile(odt).read("content.xml"))
    texts: dict[str, list[str]] = {}
    notes: dict[str, str] = {}
    done: list[tuple[str, str]] = []

    def add(s: str | None) -> None:
        for parts in texts.values():
            parts.append(s or "")

    def walk(el) -> None:
        for child in el:
            if child.tag == f"{OFFICE}annotation":
                name = child.get(f"{OFFICE}name")
                note = "\n".join("".join(p.itertext()) for p in child.iter(f"{TEXT}p"))
                if name is None:  # a comment on a point, not a range
                    done.append(("", note))
                else:
                    texts[name], notes[name] = [], note
            elif child.tag == f"{OFFICE}annotation-end":
                name = child.get(f"{OFFICE}name")
                done.append(("".join(texts.pop(name)), notes.pop(name)))
            elif child.tag == f"{TEXT}s":
                add(" " * int(child.get(f"{TEXT}c", "1")))
            elif child.tag == f"{TEXT}tab":
                add("\t")
            else:
                add(child.text)
                walk(child)
            add(child.tail)

    walk(root.find(f"{OFFICE}body"))
    return done


def _rule(note: str) -> str:
    return re.search(r"^Rule: (\S+)$", note, re.MULTILINE)[1]


def test_one_comment_per_finding_on_its_text(run_cli, tmp_path):
    page = clinic_docx(tmp_path / "clinic.docx")
    before = page.read_bytes()
    expected = findings(run_cli, page)
    out = tmp_path / "reviewed.docx"
    code, _, err = run_cli("check", "--no-cache", "--annotate", str(out), str(page))
    assert code == 1 and f"lintcare: wrote {out} with {len(expected)} comments" in err
    assert page.read_bytes() == before  # the draft itself is untouched
    comments = word_comments(out)
    assert sorted((text, _rule(note)) for text, _, note in comments) == \
           sorted((f["text"], f["rule"]) for f in expected)
    assert {author for _, author, _ in comments} == {"lintcare"}
    miracle = next(note for text, _, note in comments if text == "miracle")
    assert miracle.splitlines()[0].startswith('warning: "miracle" overstates')
    assert miracle.splitlines()[-1] == "Rule: hype-superlative"
    double = next(note for text, _, note in comments if text == "  ")
    assert "Fix:  " in double  # the fix's replacement (one space)
    # Splitting runs for the anchors kept their formatting: "nurses" is still bold.
    bold = [r.text for p in docx.Document(str(out)).paragraphs for r in p.runs if r.bold]
    assert bold == ["nurses"]


def test_libreoffice_opens_the_annotated_copy_with_every_comment(run_cli, tmp_path):
    page = convert(ROOT / "examples" / "ketamine-clinic-page.txt", "docx:MS Word 2007 XML", tmp_path)
    expected = findings(run_cli, page)
    out = tmp_path / "reviewed.docx"
    run_cli("check", "--no-cache", "--annotate", str(out), str(page))
    (tmp_path / "odt").mkdir()
    seen = libreoffice_comments(convert(out, "odt", tmp_path / "odt"))
    assert len(seen) == len(expected) >= 2
    want = sorted((f["text"], f["rule"]) for f in expected)
    assert sorted((text, _rule(note)) for text, note in seen) == want


def test_a_header_finding_is_anchored_on_the_first_run_and_says_where(run_cli, tmp_path):
    d = docx.Document()
    d.add_paragraph("Our team is here to help.")
    d.sections[0].header.paragraphs[0].text = "Ketamine is a miracle cure."
    page = tmp_path / "header.docx"
    d.save(page)
    out = tmp_path / "reviewed.docx"
    run_cli("check", "--no-cache", "--annotate", str(out), str(page))
    notes = [(text, note) for text, _, note in word_comments(out) if "miracle" in note]
    assert notes and all(text == "Our team is here to help." for text, _ in notes)
    assert all(note.startswith("(line 2, column ") and "outside the body" in note for _, note in notes)


def test_annotate_usage_errors(run_cli, tmp_path):
    page = clinic_docx(tmp_path / "clinic.docx")
    txt = tmp_path / "page.txt"
    txt.write_text("Ketamine is a miracle.\n", encoding="utf-8")
    out = str(tmp_path / "out.docx")
    cases = {
        ("--annotate", out, str(page), str(page)): "--annotate needs exactly one .docx file to lint",
        ("--annotate", out, str(txt)): "--annotate needs exactly one .docx file to lint",
        ("--annotate", str(tmp_path / "out.txt"), str(page)): "--annotate writes a Word document",
        ("--annotate", out, "--fix", str(page)): "--annotate cannot be combined with --fix or --diff",
        ("--annotate", str(page), str(page)): "--annotate must not overwrite the document it annotates",
    }
    for args, message in cases.items():
        code, _, err = run_cli("check", "--no-cache", *args)
        assert code == 2 and err.startswith(f"lintcare: error: {message}"), (args, err)


def test_annotate_from_cached_findings(run_cli, tmp_path):
    page = clinic_docx(tmp_path / "clinic.docx")
    cache = str(tmp_path / "cache")
    counts = []
    for name in ("first.docx", "second.docx"):  # the second run's findings come from the cache
        code, _, err = run_cli("check", "--cache-dir", cache, "--annotate", str(tmp_path / name), str(page))
        counts.append((code, len(word_comments(tmp_path / name)), err.splitlines()[-1]))
    assert counts[0][:2] == counts[1][:2] and counts[0][1] == len(findings(run_cli, page))
