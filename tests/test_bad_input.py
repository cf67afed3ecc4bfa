"""The matrix of bad input: each row is a test.

An error row gives exactly one line ``lintcare: error: PATH: reason`` on standard error,
exit code 2, and every other file is still linted. A skipped file or an empty folder is
a note and leaves the exit code to the findings. Nothing here raises a traceback.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lintcare.api import lint_file
from lintcare.sources import Source

from .conftest import ROOT

# A page of patient-education text with one known finding, linted beside each bad input.
OTHER = "Ask us about Spravado today.\n"
OTHER_RULE = "drug-name-misspelling"
# A page that reads well; only the misspelling on its third line is flagged.
PAGE_LINES = ["Esketamine treatment at our clinic", "Call us at (555) 123-4567 about TMS.",
              "We offer Ketamin infusions.", ""]


def check(run_cli, *args: str, input: str | bytes | None = None):
    """Run ``check`` with JSON output; returns (exit code, {path: [rules]}, stderr lines)."""
    code, out, err = run_cli("check", "--no-cache", "--jobs", "1", "--format", "json", *args,
                             input=input)
    data = json.loads(out)
    found = {f["path"]: [x["rule"] for x in f["findings"]] for f in data["files"]}
    return code, found, err.strip().splitlines(), data


@pytest.fixture
def other(tmp_path: Path) -> str:
    path = tmp_path / "other.txt"
    path.write_text(OTHER, encoding="utf-8")
    return str(path)


def assert_one_error(code: int, err: list[str], path: str, reason: str) -> None:
    assert code == 2
    assert err == [f"lintcare: error: {path}: {reason}"]


# -- paths ---------------------------------------------------------------------------
def test_missing_path(run_cli, tmp_path, other):
    missing = str(tmp_path / "no-such-page.md")
    code, found, err, _ = check(run_cli, missing, other)
    assert_one_error(code, err, missing, "no such file or directory")
    assert found[other] == [OTHER_RULE]


def test_folder_with_nothing_to_lint_is_a_note(run_cli, tmp_path, other):
    empty = tmp_path / "assets"
    empty.mkdir()
    (empty / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (empty / "notes.py").write_text("print('not prose')\n", encoding="utf-8")
    code, _, err, data = check(run_cli, str(empty))
    assert code == 0
    assert err == [f"lintcare: note: {empty}: nothing to lint (no .md, .markdown, .txt, .text, "
                   ".html, .htm, .docx files)"]
    assert data["summary"]["files"] == 0
    code, found, _, _ = check(run_cli, str(empty), other)
    assert code == 1 and found[other] == [OTHER_RULE]  # findings decide, not the note


def test_binary_file_is_skipped_with_a_note(run_cli, tmp_path, other):
    image = tmp_path / "scan.txt"  # a PDF saved under a text name
    image.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 4 >>\nstream\n\x00\x01\x02\x03")
    for extra in ((), ("--encoding", "latin-1")):
        code, found, err, _ = check(run_cli, *extra, str(image), other)
        assert code == 1  # not an error: the other file's finding decides
        assert err == [f"lintcare: note: {image}: binary file (NUL bytes), skipped"]
        assert found[str(image)] == [] and found[other] == [OTHER_RULE]


def test_invalid_utf8_names_the_byte_offset(run_cli, tmp_path, other):
    page = tmp_path / "cafe.txt"
    page.write_bytes("Our café serves tea. Ask us about Spravado today.\n".encode("cp1252"))
    code, found, err, _ = check(run_cli, str(page), other)
    offset = len(b"Our caf")
    assert_one_error(code, err, str(page), f"not valid utf-8 at byte {offset} "
                                           "(use --encoding to choose another)")
    assert found[other] == [OTHER_RULE]
    # The right encoding reads it, with columns counted in characters.
    code, _, err, data = check(run_cli, "--encoding", "cp1252", str(page))
    assert code == 1 and err == []
    (finding,) = data["files"][0]["findings"]
    assert (finding["rule"], finding["line"], finding["column"], finding["text"]) == \
        (OTHER_RULE, 1, 35, "Spravado")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(run_cli, tmp_path, codec):
    page = tmp_path / "page.txt"
    bom = codecs.BOM_UTF16_LE if codec == "utf-16-le" else codecs.BOM_UTF16_BE
    page.write_bytes(bom + "\n".join(PAGE_LINES).encode(codec))
    code, _, err, data = check(run_cli, str(page))
    assert err == [] and code == 1
    (finding,) = [f for f in data["files"][0]["findings"] if f["rule"] == OTHER_RULE]
    assert (finding["line"], finding["column"], finding["text"]) == (3, 10, "Ketamin")


@pytest.mark.parametrize("newline", ["\r\n", "\r", "mixed"])
def test_crlf_and_lone_cr_line_endings_keep_positions(run_cli, tmp_path, newline):
    page = tmp_path / "page.txt"
    if newline == "mixed":
        text = PAGE_LINES[0] + "\r" + PAGE_LINES[1] + "\r\n" + PAGE_LINES[2] + "\n"
    else:
        text = newline.join(PAGE_LINES)
    page.write_bytes(text.encode())
    code, _, err, data = check(run_cli, str(page))
    assert (code, err) == (1, [])
    (finding,) = [f for f in data["files"][0]["findings"] if f["rule"] == OTHER_RULE]
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (3, 10, 3, 17)
    # The offsets slice the decoded text to the finding, and a fix keeps the line endings.
    result = lint_file(str(page))
    (f,) = [f for f in result.findings if f.rule == OTHER_RULE]
    assert text[f.start:f.end] == "Ketamin"
    run_cli("check", "--no-cache", "--fix", str(page))
    fixed = page.read_bytes().decode()
    assert "etamine infusions" in fixed
    assert re.findall(r"\r\n|\r|\n", fixed) == re.findall(r"\r\n|\r|\n", text)


@pytest.mark.parametrize("data", [b"", codecs.BOM_UTF8, b"  \n\n\t\n", b"\r\n\r\n", codecs.BOM_UTF16_LE],
                         ids=["empty", "bom-only", "whitespace", "crlf-only", "utf16-bom-only"])
def test_empty_file_is_clean(run_cli, tmp_path, data):
    for name in ("empty.txt", "empty.md", "empty.html"):
        page = tmp_path / name
        page.write_bytes(data)
        code, found, err, _ = check(run_cli, str(page))
        assert (code, found[str(page)], err) == (0, [], [])


# -- size ----------------------------------------------------------------------------
def test_single_long_line_positions(run_cli, tmp_path):
    """A 400 kB line (the 10 MB case is test_scaling.py plus the measured run in the report)."""
    sentence = "Our nurses check your blood pressure before and after each session. "
    line = sentence * (400_000 // len(sentence))
    page = tmp_path / "one-line.txt"
    page.write_text(line + "We offer Ketamin infusions.", encoding="utf-8")
    code, _, err, data = check(run_cli, str(page))
    assert (code, err) == (1, [])
    (finding,) = [f for f in data["files"][0]["findings"] if f["rule"] == OTHER_RULE]
    assert (finding["line"], finding["column"]) == (1, len(line) + 10)


# -- markup --------------------------------------------------------------------------
def test_deeply_nested_html(run_cli, tmp_path):
    page = tmp_path / "deep.html"
    depth = 20_000
    page.write_text("<body>\n" + "<div>" * depth + "We offer Ketamin infusions." + "</div>" * depth,
                    encoding="utf-8")
    code, _, err, data = check(run_cli, str(page))
    assert (code, err) == (1, [])
    (finding,) = [f for f in data["files"][0]["findings"] if f["rule"] == OTHER_RULE]
    assert (finding["line"], finding["column"]) == (2, 5 * depth + 10)


def test_unclosed_html(run_cli, tmp_path):
    page = tmp_path / "broken.html"
    text = ("<html><body><p>We offer Ketamin infusions.<p>Ask about <b>Spravado<i> today"
            "<ul><li>Plan a ride home<li>Bring your medicines"
            "<!-- draft: Esketamin dosing, not shown <p>Ketamin again")
    page.write_text(text, encoding="utf-8")
    code, _, err, data = check(run_cli, str(page))
    assert (code, err) == (1, [])
    flagged = [(f["rule"], f["text"], f["column"]) for f in data["files"][0]["findings"]]
    # Text before the unclosed comment is linted; the comment runs to the end, as in a browser.
    assert (OTHER_RULE, "Ketamin", text.index("Ketamin") + 1) in flagged
    assert (OTHER_RULE, "Spravado", text.index("Spravado") + 1) in flagged
    assert not any(t in ("Esketamin",) or c > text.index("<!--") for _, t, c in flagged)


def test_unclosed_tag_at_the_end_of_an_html_file(run_cli, tmp_path):
    page = tmp_path / "cut.html"
    text = "<p>We offer Ketamin infusions.</p><a href=\"https://example.org/book"
    page.write_text(text, encoding="utf-8")
    code, _, err, data = check(run_cli, str(page))
    flagged = [(f["rule"], f["column"]) for f in data["files"][0]["findings"]]
    assert (OTHER_RULE, text.index("Ketamin") + 1) in flagged
    assert err == [] and code == 1


def test_markdown_nested_deeper_than_the_parser_goes_is_still_linted(run_cli, tmp_path):
    page = tmp_path / "deep.md"
    depth = 150
    page.write_text("# Visits\n\n" + "> " * depth + "We offer Ketamin infusions.\n", encoding="utf-8")
    code, _, err, data = check(run_cli, str(page))
    assert (code, err) == (1, [])
    (finding,) = [f for f in data["files"][0]["findings"] if f["rule"] == OTHER_RULE]
    assert (finding["line"], finding["column"]) == (3, 2 * depth + 10)


@pytest.mark.parametrize("front", [
    "---\ntitle: [Spravado visits\ntags: {unclosed\n---\n",   # not valid YAML
    '---\ntitle: "Spravado visits\n---\n',                     # a quote never closed
    "---\n\ttitle:\tSpravado visits\n---\n",                   # tabs
    "---\r\ntitle: Spravado visits\r\n---\r\n",                # CRLF fences
    "---\ntitle: Spravado visits\n",                           # never closed: not front matter
    "---\n---\n",                                             # empty
], ids=["bad-yaml", "open-quote", "tabs", "crlf", "unclosed", "empty"])
def test_malformed_front_matter_lints_the_body(run_cli, tmp_path, front):
    page = tmp_path / "page.md"
    page.write_text(front + "\nWe offer Ketamin infusions.\n", encoding="utf-8", newline="")
    code, _, err, data = check(run_cli, str(page))
    assert (code, err) == (1, [])
    findings = data["files"][0]["findings"]
    body_line = front.count("\n") + 2
    assert any(f["rule"] == OTHER_RULE and (f["line"], f["column"], f["text"]) == (body_line, 10, "Ketamin")
               for f in findings), findings


# -- the file system -----------------------------------------------------------------
def test_unreadable_file(run_cli, tmp_path, other, monkeypatch):
    """Tests run as root here, where permission bits do not stop reading: the read fails
    as it does for any other user (test_unreadable_file_by_permission runs it for real)."""
    page = tmp_path / "private.md"
    page.write_text("We offer Ketamin infusions.\n", encoding="utf-8")
    real = os.open

    def fake_open(file: object, *args: object, **kwargs: object) -> object:
        if str(file).endswith("private.md"):
            raise PermissionError(13, "Permission denied", str(file))
        return real(file, *args, **kwargs)

    # The file reader's open: reading a page goes through lintcare.sources.read_bytes.
    monkeypatch.setattr(os, "open", fake_open)
    code, found, err, _ = check(run_cli, str(page), other)
    assert_one_error(code, err, str(page), "permission denied")
    assert found[other] == [OTHER_RULE]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="permission bits do not stop root from reading")
def test_unreadable_file_by_permission(run_cli, tmp_path, other):
    page = tmp_path / "private.md"
    page.write_text("We offer Ketamin infusions.\n", encoding="utf-8")
    page.chmod(0)
    try:
        code, found, err, _ = check(run_cli, str(page), other)
    finally:
        page.chmod(0o644)
    assert_one_error(code, err, str(page), "permission denied")
    assert found[other] == [OTHER_RULE]


def test_folder_that_cannot_be_listed(run_cli, tmp_path, monkeypatch):
    """As root, permission bits do not stop listing either: the listing fails as it would."""
    site = tmp_path / "site"
    (site / "private").mkdir(parents=True)
    (site / "private" / "notes.md").write_text("We offer Ketamin infusions.\n", encoding="utf-8")
    (site / "visit.txt").write_text(OTHER, encoding="utf-8")
    real = os.scandir

    def scandir(path="."):
        if Path(path).name == "private":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, found, err, _ = check(run_cli, str(site))
    assert_one_error(code, err, str(site / "private"), "permission denied")
    assert found[str(site / "visit.txt")] == [OTHER_RULE]


def test_symlink_loop(run_cli, tmp_path, other):
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.symlink_to(b)
    b.symlink_to(a)
    code, found, err, _ = check(run_cli, str(a), other)
    assert_one_error(code, err, str(a), "symbolic link loop (too many levels of symbolic links)")
    assert found[other] == [OTHER_RULE]


def test_symlink_loops_inside_a_folder(run_cli, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "visit.txt").write_text(OTHER, encoding="utf-8")
    (site / "self.md").symlink_to(site / "self.md")  # a file that points at itself
    (site / "up").symlink_to(tmp_path)  # a folder that leads back up: not followed
    code, found, err, _ = check(run_cli, str(site))
    looped = str(site / "self.md")
    assert_one_error(code, err, looped, "symbolic link loop (too many levels of symbolic links)")
    assert found == {looped: [], str(site / "visit.txt"): [OTHER_RULE]}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_pipe_in_a_folder_is_skipped_not_read(run_cli, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    os.mkfifo(site / "feed.md")  # reading it would wait for a writer forever
    (site / "visit.txt").write_text(OTHER, encoding="utf-8")
    code, found, err, _ = check(run_cli, str(site))
    assert code == 1 and found[str(site / "visit.txt")] == [OTHER_RULE]
    assert err == [f"lintcare: note: {site / 'feed.md'}: not a regular file (a pipe, socket or device), "
                   "skipped"]


# -- standard input ------------------------------------------------------------------
def _run_without_stdin(*args: str) -> subprocess.CompletedProcess[str]:
    """The command with file descriptor 0 closed, as ``lintcare check - <&-`` runs it."""
    return subprocess.run([sys.executable, "-m", "lintcare", *args], cwd=ROOT, capture_output=True,
                          text=True, preexec_fn=lambda: os.close(0), check=False)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file descriptors")
def test_standard_input_closed(tmp_path):
    page = tmp_path / "other.txt"
    page.write_text(OTHER, encoding="utf-8")
    done = _run_without_stdin("check", "--no-cache", "-", str(page))
    assert done.returncode == 2
    assert done.stderr.splitlines() == ["lintcare: error: <stdin>: standard input is closed"]
    assert f"{page}:1:14: error [{OTHER_RULE}]" in done.stdout  # the file was still linted
    fixed = _run_without_stdin("check", "--no-cache", "--fix", "-")
    assert fixed.returncode == 2 and fixed.stdout == ""  # no fixed text: there was no input
    # (with standard input the report itself goes to standard error, after the error)
    assert fixed.stderr.splitlines()[0] == "lintcare: error: <stdin>: standard input is closed"
    assert "Traceback" not in fixed.stderr


def test_standard_input_cut_inside_a_character(run_cli, other):
    data = "We offer Ketamin infusions at our café".encode()[:-1]  # the writer stopped mid-"é"
    code, found, err, _ = check(run_cli, "-", other, input=data)
    assert_one_error(code, err, "<stdin>", f"not valid utf-8 at byte {len(data) - 1} "
                                           "(use --encoding to choose another)")
    assert found[other] == [OTHER_RULE]


def test_standard_input_read_error(run_cli, other, monkeypatch):
    class Broken:
        closed = False

        def read(self) -> bytes:
            raise OSError(5, "Input/output error")

    import lintcare.sources as sources

    monkeypatch.setattr(sources, "sys", type("S", (), {"stdin": Broken()}))
    code, found, err, _ = check(run_cli, "-", other)
    assert_one_error(code, err, "<stdin>", "cannot read standard input: input/output error")
    assert found[other] == [OTHER_RULE]


def test_source_positions_count_every_line_ending_once():
    """Line starts treat CRLF as one break and a lone CR as a break, as editors do."""
    s = Source("p.txt", "a\r\nb\rc\nd")
    assert [s.position(i) for i in (0, 3, 5, 7)] == [(1, 1), (2, 1), (3, 1), (4, 1)]
