"""``check --fix / --unsafe-fixes / --diff`` on real files: bytes, encodings, safety."""

from __future__ import annotations

import codecs
import json
import os
import shutil
import stat
import subprocess

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lintcare.cli.fix
from lintcare.api import default_rules
from lintcare.cli.main import main
from lintcare.fix.writing import FixWriteError, ReadFile, fix_data, write_atomic

RULES = default_rules()

PAGE = (
    "Ketamine Infusions at Our Clinic\n"
    "\n"
    "Please call the the clinic before your first visit,, we will help.\n"
    "Ask us whether Spravado is right for you.  Her brother committed suicide last year.\n"
    "Call us at (555) 123-4567. If you are in crisis, call or text 988 or call 911.\n"
)
PAGE_SAFE = (
    PAGE.replace("the the", "the").replace(",,", ",").replace("Spravado", "SPRAVATO")
    .replace("you.  Her", "you. Her")
)
PAGE_ALL = PAGE_SAFE.replace("committed suicide", "died by suicide")
STIGMA_COL = PAGE_SAFE.splitlines()[3].index("committed") + 1  # in the fixed file


def cli(*args: str, input: bytes | None = None):
    """Run the CLI; returns (exit code, stdout bytes, stderr text)."""
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout_bytes, result.stderr


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------- --fix


def test_fix_applies_safe_fixes_and_reports_what_remains(tmp_path):
    path = write(tmp_path, "page.txt", PAGE.encode())
    code, out, err = cli("check", "--fix", str(path))
    assert path.read_bytes() == PAGE_SAFE.encode()
    report = out.decode()
    # The unsafe rewrite is left for a person, and the report says how to apply it.
    assert (f"{path}:4:{STIGMA_COL}: error [suicide-stigma-terms] \"committed suicide\" carries blame"
            in report)
    assert "(fixable with --unsafe-fixes)" in report
    assert "drug-name-misspelling" not in report and "repeated-word" not in report
    assert "lintcare: applied 4 fixes to 1 file" in err
    assert code == 1  # an error-severity finding remains
    assert sorted(os.listdir(tmp_path)) == ["page.txt"]  # no temporary file left behind


def test_unsafe_fixes_apply_wording_changes(tmp_path):
    path = write(tmp_path, "page.txt", PAGE.encode())
    _, out, err = cli("check", "--fix", "--unsafe-fixes", str(path))
    assert path.read_bytes() == PAGE_ALL.encode()
    assert "suicide-stigma-terms" not in out.decode()
    assert "lintcare: applied 5 fixes to 1 file" in err


def test_fix_is_idempotent_on_disk(tmp_path):
    path = write(tmp_path, "page.txt", PAGE.encode())
    cli("check", "--fix", "--unsafe-fixes", str(path))
    first = path.read_bytes()
    mtime = path.stat().st_mtime_ns
    _, _, err = cli("check", "--fix", "--unsafe-fixes", str(path))
    assert path.read_bytes() == first
    assert path.stat().st_mtime_ns == mtime  # nothing to change: the file is not rewritten
    assert "applied" not in err


def test_fix_json_reports_remaining_findings_and_the_count(tmp_path):
    path = write(tmp_path, "page.txt", PAGE.encode())
    code, out, _ = cli("check", "--fix", "--format", "json", str(path))
    assert code == 1
    data = json.loads(out)
    entry = data["files"][0]
    assert entry["fixed"] == 4
    remaining = [f["rule"] for f in entry["findings"]]
    assert "suicide-stigma-terms" in remaining and "repeated-word" not in remaining
    stigma = next(f for f in entry["findings"] if f["rule"] == "suicide-stigma-terms")
    # Positions are in the fixed file, and the remaining fix is still offered.
    assert (stigma["line"], stigma["column"]) == (4, STIGMA_COL)
    assert stigma["fix"]["safe"] is False
    assert stigma["fix"]["edits"][0]["replacement"] == "died by suicide"


def test_unsafe_fixes_alone_is_a_usage_error(tmp_path):
    path = write(tmp_path, "page.txt", PAGE.encode())
    code, _, err = cli("check", "--unsafe-fixes", str(path))
    assert code == 2 and "lintcare: error: --unsafe-fixes needs --fix or --diff" in err
    assert path.read_bytes() == PAGE.encode()


# ---------------------------------------------------------------- --diff


def test_diff_prints_a_patch_and_writes_nothing(tmp_path):
    path = write(tmp_path, "page.txt", PAGE.encode())
    before = path.stat()
    code, out, err = cli("check", "--diff", str(path))
    assert path.read_bytes() == PAGE.encode()
    assert path.stat().st_mtime_ns == before.st_mtime_ns
    assert sorted(os.listdir(tmp_path)) == ["page.txt"]
    diff = out.decode()
    assert diff.startswith(f"--- a/{path}\n+++ b/{path}\n@@ -1,5 +1,5 @@\n")
    assert "-Please call the the clinic before your first visit,, we will help.\n" in diff
    assert "+Please call the clinic before your first visit, we will help.\n" in diff
    assert "committed suicide" in diff and "died by suicide" not in diff
    assert "4 fixes would change 1 file" in err
    assert code == 1  # something would change


def test_diff_with_nothing_to_fix_is_empty(tmp_path):
    path = write(tmp_path, "clean.txt", PAGE_ALL.encode())
    code, out, _ = cli("check", "--diff", "--unsafe-fixes", str(path))
    assert (code, out) == (0, b"")


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_diff_applies_with_git_to_the_same_bytes_as_fix(tmp_path, newline):
    data = PAGE.replace("\n", newline).rstrip("\r\n").encode("utf-8-sig")  # BOM, no final newline
    work = tmp_path / "work"
    work.mkdir()
    write(work, "page.txt", data)
    fixed = write(tmp_path, "page.txt", data)
    cli("check", "--fix", "--unsafe-fixes", str(fixed))
    old = os.getcwd()
    os.chdir(work)
    try:
        _, out, _ = cli("check", "--diff", "--unsafe-fixes", "page.txt")
    finally:
        os.chdir(old)
    (tmp_path / "fix.patch").write_bytes(out)
    subprocess.run(["git", "apply", "--unsafe-paths", str(tmp_path / "fix.patch")], cwd=work,
                   check=True, capture_output=True)
    assert (work / "page.txt").read_bytes() == fixed.read_bytes() != data


# ---------------------------------------------------------------- bytes and encodings

SAFE_LINES = ["Please call the the clinic,, we will help.", "Ask us whether Spravado is right for you."]
FIXED_LINES = ["Please call the clinic, we will help.", "Ask us whether SPRAVATO is right for you."]


@pytest.mark.parametrize(
    ("newline", "encoding", "bom"),
    [
        ("\r\n", "utf-8", b""),
        ("\r", "utf-8", b""),
        ("\n", "utf-8", codecs.BOM_UTF8),
        ("\r\n", "utf-8", codecs.BOM_UTF8),
        ("\r\n", "utf-16-le", codecs.BOM_UTF16_LE),
        ("\n", "utf-16-be", codecs.BOM_UTF16_BE),
    ],
)
def test_line_endings_encoding_and_bom_are_kept_exactly(tmp_path, newline, encoding, bom):
    text = newline.join(SAFE_LINES) + newline
    path = write(tmp_path, "page.txt", bom + text.encode(encoding))
    code, _, err = cli("check", "--fix", str(path))
    assert code != 2, err
    expected = bom + (newline.join(FIXED_LINES) + newline).encode(encoding)
    assert path.read_bytes() == expected, err


def test_non_ascii_bytes_outside_the_edits_stay_identical(tmp_path):
    text = ("Café Lumière — naïve questions welcome 😊.\n"
            "Le patient reçoit ketamin  à 10 h.\u00a0Ask the the nurse.\n")
    data = text.encode("utf-8")
    path = write(tmp_path, "page.txt", data)
    cli("check", "--fix", str(path))
    new = path.read_bytes()
    assert new == text.replace("ketamin  à", "ketamine à").replace("the the", "the").encode("utf-8")
    # Everything before the first edit is the very same bytes.
    first = data.index(b"ketamin")
    assert new[:first] == data[:first]


def test_latin1_file_is_written_back_in_latin1(tmp_path):
    text = "Café: we offer ketamin infusions,, call us.\n"
    path = write(tmp_path, "page.txt", text.encode("latin-1"))
    code, _, err = cli("check", "--fix", "--encoding", "latin-1", str(path))
    assert code != 2, err
    assert path.read_bytes() == "Café: we offer ketamine infusions, call us.\n".encode("latin-1"), err


def test_a_fix_the_encoding_cannot_hold_is_refused(tmp_path):
    data = b"SPRAVATO(R) (esketamine) is a nasal spray. Call the the clinic.\n"
    path = write(tmp_path, "page.txt", data)
    code, _, err = cli("check", "--fix", "--encoding", "ascii", str(path))
    assert code == 2
    assert err.startswith(f"lintcare: error: {path}: a fix needs characters that ascii cannot encode")
    assert path.read_bytes() == data


TEXTS = st.lists(st.sampled_from(SAFE_LINES + FIXED_LINES + [
    "Your visit takes two hours.Then a friend drives you home.",
    "Café hours are 9–5 ; ask the the nurse about spravato ™.",
    "Call us today , we can help.",
]), min_size=1, max_size=5)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.sampled_from(["\n", "\r\n", "\r"]),
       st.sampled_from([("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE)]),
       st.booleans())
def test_written_bytes_are_the_fixed_text_in_the_original_form(lines, newline, enc_bom, final_newline):
    encoding, bom = enc_bom
    text = newline.join(lines) + (newline if final_newline else "")
    data = bom + text.encode(encoding)
    new, result, _ = fix_data(data, "page.txt", "text", RULES)
    assert new == bom + result.text.encode(encoding)
    # No line ending of another style appears.
    decoded = result.text
    assert decoded.count(newline) == text.count(newline)
    if newline == "\r\n":
        assert "\r" not in decoded.replace("\r\n", "") and "\n" not in decoded.replace("\r\n", "")
    elif newline == "\r":
        assert "\n" not in decoded


# ---------------------------------------------------------------- refusing to write


def test_read_only_file_is_refused_and_untouched(tmp_path):
    path = write(tmp_path, "page.txt", PAGE.encode())
    path.chmod(0o444)
    try:
        code, _, err = cli("check", "--fix", str(path))
        assert code == 2
        assert err.splitlines()[0] == f"lintcare: error: {path}: read-only file, not changed"
        assert path.read_bytes() == PAGE.encode()
        assert stat.S_IMODE(path.stat().st_mode) == 0o444
        assert sorted(os.listdir(tmp_path)) == ["page.txt"]
    finally:
        path.chmod(0o644)


def test_other_files_are_still_fixed_when_one_is_read_only(tmp_path):
    locked = write(tmp_path, "a.txt", PAGE.encode())
    free = write(tmp_path, "b.txt", PAGE.encode())
    locked.chmod(0o444)
    try:
        code, _, err = cli("check", "--fix", str(locked), str(free))
    finally:
        locked.chmod(0o644)
    assert code == 2 and "a.txt: read-only file, not changed" in err
    assert locked.read_bytes() == PAGE.encode()
    assert free.read_bytes() == PAGE_SAFE.encode()


def test_file_changed_on_disk_while_fixing_is_not_overwritten(tmp_path, monkeypatch):
    path = write(tmp_path, "page.txt", PAGE.encode())
    edited = b"Someone else saved this version meanwhile.\n"
    real_fix_data = lintcare.cli.fix.fix_data

    def fix_while_someone_edits(*args, **kwargs):
        out = real_fix_data(*args, **kwargs)
        path.write_bytes(edited)  # an editor saves between our read and our write
        return out

    monkeypatch.setattr(lintcare.cli.fix, "fix_data", fix_while_someone_edits)
    code, _, err = cli("check", "--fix", str(path))
    assert code == 2
    assert f"lintcare: error: {path}: changed on disk since it was read; not overwritten" in err
    assert path.read_bytes() == edited
    assert sorted(os.listdir(tmp_path)) == ["page.txt"]


def test_write_atomic_refuses_a_changed_file(tmp_path):
    path = write(tmp_path, "page.txt", b"one\n")
    read = ReadFile(str(path), b"one\n")
    path.write_bytes(b"two\n")
    with pytest.raises(FixWriteError, match="changed on disk"):
        write_atomic(read, b"three\n")
    assert path.read_bytes() == b"two\n"


def test_permissions_are_kept(tmp_path):
    path = write(tmp_path, "page.txt", PAGE.encode())
    path.chmod(0o640)
    cli("check", "--fix", str(path))
    assert path.read_bytes() == PAGE_SAFE.encode()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_fixing_through_a_symlink_keeps_the_link(tmp_path):
    target = write(tmp_path, "real.txt", PAGE.encode())
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    cli("check", "--fix", str(link))
    assert link.is_symlink()
    assert target.read_bytes() == PAGE_SAFE.encode()


# ---------------------------------------------------------------- standard input


def test_stdin_fix_writes_fixed_bytes_to_stdout_and_the_report_to_stderr():
    data = PAGE.replace("\n", "\r\n").encode("utf-8-sig")
    code, out, err = cli("check", "--fix", "-", input=data)
    assert out == PAGE_SAFE.replace("\n", "\r\n").encode("utf-8-sig")
    assert f"<stdin>:4:{STIGMA_COL}: error [suicide-stigma-terms]" in err
    assert "lintcare: applied 4 fixes to 1 file" in err
    assert code == 1


def test_stdin_fix_json_report_goes_to_stderr():
    code, out, err = cli("check", "--fix", "--format", "json", "--stdin-filename", "page.md", "-",
                         input=PAGE.encode())
    assert code == 1
    assert out == PAGE_SAFE.encode()
    report = json.loads(err[:err.rindex("}") + 1])
    assert report["files"][0]["path"] == "page.md" and report["files"][0]["fixed"] == 4


def test_stdin_that_cannot_be_decoded_is_echoed_unchanged():
    data = b"Call the the clinic \xff today.\n"
    code, out, err = cli("check", "--fix", "-", input=data)
    assert code == 2 and out == data
    assert "lintcare: error: <stdin>: not valid utf-8 at byte 20" in err


def test_stdin_diff():
    code, out, _ = cli("check", "--diff", "-", input=b"Call the the clinic.\n")
    assert out.decode() == ("--- a/<stdin>\n+++ b/<stdin>\n@@ -1 +1 @@\n"
                            "-Call the the clinic.\n+Call the clinic.\n")
    assert code == 1
