"""Hostile inputs, round 2: servers, file names and ``--fix`` targets that fight back.

Each test reproduces one defect of issue 23 (items 5, 8 and 10) and checks the fix:
a failure is one line on standard error, the other files are still linted, and nothing
is lost or written where it should not be.
"""

from __future__ import annotations

import codecs
import json
import os
import random
import re
import subprocess
import sys
import time

import pytest

from lintcare.language import formulas
from lintcare.language.formulas import Sentence, hardest
from lintcare.language.lt_http import Budget, RequestFailed, fetch
from lintcare.report.names import shown_path

from .conftest import ROOT
from .lt_server import FakeLanguageTool
from .test_bad_input import check
from .test_languagetool import PAGE, RULES

# --- item 5: LanguageTool requests have a deadline and a size cap -------------------------


@pytest.fixture
def lt():
    with FakeLanguageTool(RULES) as server:
        yield server


def _two_pages(tmp_path):
    pages = []
    for name in ("a.txt", "b.txt"):
        page = tmp_path / name
        page.write_text("Please call the the clinic.\n" + PAGE, encoding="utf-8")
        pages.append(str(page))
    return pages


def _lt_run(run_cli, lt, tmp_path, *extra: str):
    start = time.monotonic()
    code, out, err = run_cli("check", "--no-cache", "--format", "json", "--languagetool", lt.url,
                             *extra, *_two_pages(tmp_path))
    return code, json.loads(out), err, time.monotonic() - start


@pytest.mark.parametrize("mode", ["trickle", "trickle-headers"])
def test_a_trickling_server_is_cut_off_at_the_deadline(run_cli, lt, tmp_path, mode):
    # Before: the timeout bounded each read, and a byte every 0.1 s kept every read alive.
    lt.mode = mode
    code, data, err, took = _lt_run(run_cli, lt, tmp_path, "--languagetool-timeout", "1")
    assert took < 10  # generous: the deadline is 1 s
    assert err.strip() == (f"lintcare: warning: LanguageTool at {lt.url}: no answer within 1 s; "
                           "grammar checks skipped")
    assert code == 1  # both files still linted and reported
    assert [len(f["findings"]) > 0 for f in data["files"]] == [True, True]


def test_a_hanging_server_costs_one_timeout_and_says_so(run_cli, lt, tmp_path):
    # Before: the client retried, so "no answer within 1 s" had taken 2 s.
    lt.mode = "slow"
    code, data, err, took = _lt_run(run_cli, lt, tmp_path, "--languagetool-timeout", "1",
                                    "--languagetool-required")
    assert err.strip() == f"lintcare: error: LanguageTool at {lt.url}: no answer within 1 s"
    assert code == 2
    assert len(lt.requests) == 1  # one attempt, not asked again for the second file
    assert 1 <= took < 10
    assert data["summary"]["files"] == 2


@pytest.mark.parametrize("mode", ["huge", "huge-declared"])
def test_a_huge_answer_is_refused(run_cli, lt, tmp_path, mode):
    lt.mode = mode
    code, data, err, _ = _lt_run(run_cli, lt, tmp_path)
    assert err.strip() == (f"lintcare: warning: LanguageTool at {lt.url}: the server's answer is "
                           "larger than 8 MB; refused; grammar checks skipped")
    assert code == 1 and data["summary"]["files"] == 2


def test_the_run_deadline_caps_the_time_of_all_requests(run_cli, lt, tmp_path):
    lt.mode = "slow"
    code, _, err, took = _lt_run(run_cli, lt, tmp_path, "--languagetool-timeout", "30",
                                 "--languagetool-run-timeout", "1")
    assert took < 10 and code == 1
    # The wait is what is left of the run's budget when the request starts: 1 s on an idle
    # machine, a little less on a loaded one (start-up and the first pages come first).
    wait = r"(?:1|0\.\d+)"
    assert re.fullmatch(rf"lintcare: warning: LanguageTool at {re.escape(lt.url)}: no answer within "
                        rf"{wait} s \(the rest of the run's 1 s\); grammar checks skipped", err.strip())


def test_a_used_up_run_budget_refuses_at_once():
    budget = Budget(0.1)
    time.sleep(0.2)
    with pytest.raises(RequestFailed, match=r"the run's LanguageTool time \(0.1 s\) is used up"):
        budget.window(5)


def test_fetch_caps_a_body_read_in_pieces(lt):
    lt.mode = "huge"
    with pytest.raises(RequestFailed, match="larger than 1 MB"):
        fetch(lt.url + "/v2/check", {"text": "x"}, "post", 5, max_bytes=1024 * 1024)


# --- item 8: a file name that is not UTF-8 -------------------------------------------------


@pytest.fixture
def latin1_name(tmp_path, monkeypatch):
    """A folder holding b"caf\\xe9.md" (Latin-1, not UTF-8) and a normal page; cwd is it."""
    name = os.fsencode(tmp_path) + b"/caf\xe9.md"
    with open(name, "w", encoding="utf-8") as handle:
        handle.write("We offer Ketamin infusions.\n")
    (tmp_path / "ok.md").write_text("We offer Ketamin infusions.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _cli_bytes(*args: str) -> tuple[int, bytes, bytes]:
    run = subprocess.run([sys.executable, "-m", "lintcare", *args], capture_output=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    return run.returncode, run.stdout, run.stderr


def test_json_report_of_a_non_utf8_name_is_valid_utf8(latin1_name):
    code, out, err = _cli_bytes("check", "--no-cache", "--format", "json", ".")
    data = json.loads(out.decode("utf-8"))  # strict: before, the name came out as \xed\xb3\xa9
    assert code == 1 and err == b""
    assert sorted(f["path"] for f in data["files"]) == ["./caf\\xe9.md", "./ok.md"]
    assert all(f["findings"] for f in data["files"])


def test_sarif_report_of_a_non_utf8_name_percent_encodes_its_bytes(latin1_name):
    code, out, err = _cli_bytes("check", "--no-cache", "--format", "sarif", ".")
    assert code == 1 and b"Traceback" not in err  # before: UnicodeEncodeError
    results = json.loads(out.decode("utf-8"))["runs"][0]["results"]
    uris = sorted(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results)
    assert uris == ["caf%E9.md", "ok.md"]


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_text_and_github_show_the_byte_escaped(latin1_name, fmt):
    code, out, err = _cli_bytes("check", "--no-cache", "--format", fmt, ".")
    text = out.decode("utf-8")
    assert code == 1 and err == b""
    assert "caf\\xe9.md" in text and "ok.md" in text


def test_a_name_that_is_valid_utf8_is_unchanged():
    assert shown_path("café/über.md") == "café/über.md"
    assert shown_path(os.fsdecode(b"caf\xe9.md")) == "caf\\xe9.md"


# --- item 10a: a file --fix could not write is not counted as fixed ------------------------

FIXABLE = "We offer Ketamin infusions. Call 555-201-3344.\n"


def _fix_json(run_cli, *paths: str):
    code, out, err = run_cli("check", "--no-cache", "--fix", "--format", "json", *paths)
    return code, {f["path"]: f for f in json.loads(out)["files"]}, err


def test_a_read_only_file_is_reported_with_its_findings_not_as_fixed(run_cli, tmp_path):
    locked, free = tmp_path / "locked.md", tmp_path / "free.md"
    for page in (locked, free):
        page.write_text(FIXABLE, encoding="utf-8")
    locked.chmod(0o444)
    code, files, err = _fix_json(run_cli, str(locked), str(free))
    assert code == 2
    assert locked.read_text(encoding="utf-8") == FIXABLE
    refused = files[str(locked)]
    assert refused["error"] == "read-only file, not changed" and refused["fixed"] == 0
    assert [f["text"] for f in refused["findings"] if f["rule"] == "drug-name-misspelling"] == ["Ketamin"]
    fixed = files[str(free)]["fixed"]
    assert fixed >= 1 and files[str(free)]["error"] is None
    # Before: the refused file's fixes were counted too ("... to 2 files").
    assert f"applied {fixed} fix{'es' if fixed > 1 else ''} to 1 file\n" in err


def _refuse_writes(monkeypatch, how: str, page) -> None:
    import lintcare.cli.fix as cli_fix
    import lintcare.fix.writing as writing

    if how == "changed":  # someone saves the file between lintcare's read and its write
        real_read = cli_fix.read_bytes

        def read_then_edit(path: str):
            read = real_read(path)
            page.write_text(FIXABLE + "Edited meanwhile.\n", encoding="utf-8")
            return read

        monkeypatch.setattr(cli_fix, "read_bytes", read_then_edit)
    else:  # the disk is full when the temporary file is made
        def full(*args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(writing.tempfile, "mkstemp", full)


@pytest.mark.parametrize(("how", "reason"), [
    ("changed", "changed on disk since it was read; not overwritten"),
    ("full", "cannot write beside it: No space left on device; not changed"),
])
def test_a_refused_write_keeps_the_findings_and_exits_2(run_cli, tmp_path, monkeypatch, how, reason):
    page = tmp_path / "page.md"
    page.write_text(FIXABLE, encoding="utf-8")
    _refuse_writes(monkeypatch, how, page)
    code, files, err = _fix_json(run_cli, str(page))
    assert code == 2
    assert files[str(page)]["error"] == reason and files[str(page)]["fixed"] == 0
    assert "drug-name-misspelling" in [f["rule"] for f in files[str(page)]["findings"]]
    assert "applied" not in err


# --- item 10b, 10c: links -------------------------------------------------------------------


def test_fix_in_a_folder_does_not_write_through_a_link_out_of_it(run_cli, tmp_path):
    outside = tmp_path / "elsewhere.md"
    outside.write_text(FIXABLE, encoding="utf-8")
    tree = tmp_path / "site"
    tree.mkdir()
    (tree / "inside.md").write_text(FIXABLE, encoding="utf-8")
    (tree / "inside-link.md").symlink_to(tree / "inside.md")
    (tree / "away.md").symlink_to(outside)
    code, out, err = run_cli("check", "--no-cache", "--fix", "--format", "json", str(tree))
    files = {f["path"]: f for f in json.loads(out)["files"]}
    assert outside.read_text(encoding="utf-8") == FIXABLE  # before: rewritten
    assert files[str(tree / "away.md")]["note"] == (f"a symbolic link to a file outside {tree}; not "
                                                    "fixed (name the file itself to fix it)")
    assert f"lintcare: note: {tree / 'away.md'}: a symbolic link" in err
    assert (tree / "inside.md").read_text(encoding="utf-8") != FIXABLE  # links inside: fixed
    assert code in (0, 1)  # a note, not an error
    # Named on the command line, the link is the user's choice and is followed.
    run_cli("check", "--no-cache", "--fix", str(tree / "away.md"))
    assert outside.read_text(encoding="utf-8") != FIXABLE


def test_a_hard_linked_file_is_not_split(run_cli, tmp_path):
    page, twin = tmp_path / "page.md", tmp_path / "twin.md"
    page.write_text(FIXABLE, encoding="utf-8")
    os.link(page, twin)
    code, files, err = _fix_json(run_cli, str(page))
    assert code == 2
    assert files[str(page)]["error"] == ("the file has 2 hard links, which replacing it would split; "
                                         "not changed (--diff shows the fixes)")
    assert files[str(page)]["findings"]
    assert os.stat(page).st_ino == os.stat(twin).st_ino  # still one file under two names
    assert err.startswith(f"lintcare: error: {page}: the file has 2 hard links")
    assert page.read_text(encoding="utf-8") == FIXABLE


# --- item 10d, 10e, 10f: encodings and NUL ----------------------------------------------------


def test_latin1_fix_into_a_utf8_page_is_refused(run_cli, tmp_path):
    page = tmp_path / "page.md"
    original = "Ask about Spravato (R) nasal spray at our café. Call 555-201-3344.\n".encode()
    page.write_bytes(original)
    code, files, err = _fix_json(run_cli, "--encoding", "latin-1", str(page))
    assert page.read_bytes() == original  # before: "®" went in as the lone byte AE
    assert code == 2
    assert err.startswith(f"lintcare: error: {page}: the file reads as UTF-8, not latin-1, and a "
                          "fix adds '®'")
    assert files[str(page)]["findings"]


def test_latin1_fix_into_a_latin1_page_is_written(run_cli, tmp_path):
    page = tmp_path / "page.md"
    page.write_bytes("Ask about Spravato (R) nasal spray at our café. Call 555-201-3344.\n"
                     .encode("latin-1"))
    code, _, err = _fix_json(run_cli, "--encoding", "latin-1", str(page))
    assert "error" not in err and code in (0, 1)
    assert "Spravato®".encode("latin-1") in page.read_bytes()
    assert page.read_bytes().decode("latin-1").endswith("café. Call 555-201-3344.\n")


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_with_a_bom_is_read_and_fixed_as_utf32(run_cli, tmp_path, codec):
    page = tmp_path / "page.txt"
    bom = codecs.BOM_UTF32_LE if codec.endswith("le") else codecs.BOM_UTF32_BE
    page.write_bytes(bom + FIXABLE.encode(codec))
    # Before: read as UTF-16, which gave garbage.
    code, found, err_lines, _ = check(run_cli, str(page))
    assert code == 1 and err_lines == [] and "drug-name-misspelling" in found[str(page)]
    twin = tmp_path / "twin.txt"  # the same page in UTF-8, fixed the same way
    twin.write_text(FIXABLE, encoding="utf-8")
    _fix_json(run_cli, str(page), str(twin))
    data = page.read_bytes()
    assert data.startswith(bom) and data[4:].decode(codec) == twin.read_text(encoding="utf-8")
    assert twin.read_text(encoding="utf-8") != FIXABLE


def test_a_nul_after_the_first_8_kb_is_binary_too(run_cli, tmp_path):
    late, early = tmp_path / "late.txt", tmp_path / "early.txt"
    late.write_text("We offer care at the clinic.\n" * 400 + "a\x00b\n", encoding="utf-8")
    early.write_text("a\x00b\n", encoding="utf-8")
    assert late.stat().st_size > 8192
    code, found, err_lines, _ = check(run_cli, str(late), str(early))
    assert found == {str(late): [], str(early): []}
    # Before: the late NUL was linted and printed raw. Now both are the same note.
    assert err_lines == [f"lintcare: note: {p}: binary file (NUL bytes), skipped" for p in (late, early)]
    assert code == 0


# --- item 10g: the "hardest sentences" ranking scales ---------------------------------------


def _sentences(n: int, seed: int) -> list[Sentence]:
    rng = random.Random(seed)
    pool = ["medication", "anesthesia", "depression", "esketamine", "evaluation"]
    out = []
    for i in range(n):
        long_words = tuple(rng.choice(pool) for _ in range(rng.randrange(4)))
        out.append(Sentence(i * 10, i * 10 + 9, rng.randrange(1, 30), 0, long_words,
                            rng.random() > 0.1, "paragraph"))
    return out


def _reference(sentences: list[Sentence], familiar: frozenset[str], count: int) -> list[Sentence]:
    """The definition, computed the slow way: exact key per sentence, stable sort."""
    counted = [s for s in sentences if s.counted]

    def exact(s: Sentence) -> tuple[int, int]:
        return (sum(w not in familiar for w in s.long_words), s.words)

    ranked = sorted(counted, key=exact, reverse=True)[:count]
    return [s for s in ranked if exact(s) != (0, 0)]


@pytest.mark.parametrize("seed", range(20))
def test_hardest_matches_its_definition(seed):
    sentences = _sentences(300, seed)
    for familiar in (frozenset(), frozenset({"medication", "depression"}), frozenset({"anesthesia"})):
        for count in (1, 3, 7):
            assert hardest(sentences, familiar, count) == _reference(sentences, familiar, count)


def test_hardest_does_linear_work_when_every_long_word_is_familiar(monkeypatch):
    # The worst case: familiar words lower every key, so every sentence is re-scored.
    # Before, each one sorted all exact keys so far (n * n / 2 elements for n sentences).
    sorted_elements = []

    def counting_sorted(items, **kwargs):
        items = list(items)
        sorted_elements.append(len(items))
        return sorted(items, **kwargs)

    monkeypatch.setattr(formulas, "sorted", counting_sorted, raising=False)
    n = 5000
    sentences = [Sentence(i, i + 1, 12, 0, ("medication",), True, "paragraph") for i in range(n)]
    worst = hardest(sentences, frozenset({"medication"}), 3)
    assert worst == sentences[:3]  # ties keep page order
    assert sum(sorted_elements) <= 3 * n  # n log n comparisons at most, not n * n
