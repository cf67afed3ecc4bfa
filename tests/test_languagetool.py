"""LanguageTool as an optional engine, against a stand-in server on 127.0.0.1.

The real language_tool_python client talks to the server, so its request and parsing
code runs as it would against LanguageTool.
"""

from __future__ import annotations

import json
import socket

import pytest

from lintcare.api import lint_source
from lintcare.language.languagetool import (
    LanguageToolChecker,
    LanguageToolOptions,
    LanguageToolUnavailable,
)
from lintcare.sources import Source, extract
from lintcare.sources.prose import ProseBuilder

from .lt_server import FakeLanguageTool, FakeRule

RULES = [
    FakeRule("people who has", "HAVE_PART_AGREEMENT", "GRAMMAR", "grammar",
             "The verb 'has' does not agree with 'people'.", ("people who have",)),
    FakeRule("so as to", "IN_ORDER_TO", "STYLE", "style",
             "Consider shortening 'so as to'.", ("to",)),
    FakeRule("ketamin", "KETAMIN_SPELLING", "TYPOS", "misspelling",
             "Possible spelling mistake found.", ("ketamine",)),
    FakeRule("Spravado nasal", "SPRAVADO_PHRASE", "TYPOS", "misspelling",
             "Possible spelling mistake found.", ("SPRAVATO nasal",)),
    FakeRule("smile 🙂 people", "EMOJI_RULE", "TYPOGRAPHY", "typographical",
             "Check the symbol.", (), within=6),
]

PAGE = (
    "Ketamine therapy at our clinic\n"
    "\n"
    "Many people who has tried two antidepressants ask us about ketamine.\n"
    "Each visit starts with a short check of your blood pressure, and a nurse\n"
    "stays with you so as to help if you feel unwell.\n"
    "\n"
    "Call 555-201-3344 or write to care@example.org. If you are thinking about\n"
    "suicide, call or text 988. In an emergency, call 911.\n"
)


@pytest.fixture
def lt():
    with FakeLanguageTool(RULES) as server:
        yield server


def _closed_port_url() -> str:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}"


def _prose_sent(source: Source) -> str:
    """The prose of a short page, from its first block to its last."""
    prose = extract(source)
    return prose.text[prose.blocks[0].start:prose.blocks[-1].end]


def _lt_findings(data: dict) -> list[dict]:
    return [f for f in data["files"][0]["findings"] if f["rule"].startswith("languagetool/")]


def test_matches_become_findings_mapped_through_plain_text(run_cli, lt, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    code, out, err = run_cli("check", "--format", "json", "--languagetool", lt.url, str(page))
    assert (code, err) == (1, "")
    found = {f["rule"]: f for f in _lt_findings(json.loads(out))}
    assert set(found) == {"languagetool/HAVE_PART_AGREEMENT", "languagetool/IN_ORDER_TO"}

    grammar = found["languagetool/HAVE_PART_AGREEMENT"]
    assert (grammar["line"], grammar["column"], grammar["end_column"]) == (3, 6, 20)
    assert grammar["text"] == "people who has"
    assert (grammar["category"], grammar["severity"]) == ("typo", "warning")
    assert grammar["suggestions"] == ["people who have"]
    assert grammar["engine"] == "languagetool"

    style = found["languagetool/IN_ORDER_TO"]  # on the third line of its paragraph
    assert (style["line"], style["column"], style["end_line"], style["end_column"]) == (5, 16, 5, 24)
    assert (style["category"], style["severity"]) == ("readability", "suggestion")

    # What was sent is the prose, with lintcare's spelling rules' job left to lintcare.
    sent = lt.requests[0]
    assert sent["text"] == _prose_sent(page_source(page))
    assert sent["language"] == "en-US"
    assert "MORFOLOGIK_RULE_EN_US" in sent["disabledRules"].split(",")


def page_source(path) -> Source:
    return Source(str(path), path.read_text(encoding="utf-8"), "text")


def test_markdown_positions_map_back_to_the_source(lt):
    # Valid with the plain-text Markdown reader on this branch and with the real one:
    # LanguageTool receives lintcare's prose, and positions come back through its map.
    text = ("# Ketamine *infusions*\n\n"
            "Some **people who has** tried other treatments feel better within days.\n\n"
            "- Rest at home so as to recover.\n")
    source = Source("page.md", text, "markdown")
    checker = LanguageToolChecker(LanguageToolOptions(lt.url))
    try:
        found = checker.check(source, lint_source(source))
    finally:
        checker.close()
    assert lt.requests[0]["text"] == _prose_sent(source)
    by_rule = {f.rule: f for f in found}
    grammar = by_rule["languagetool/HAVE_PART_AGREEMENT"]
    assert text[grammar.start:grammar.end] == "people who has"
    assert (grammar.line, grammar.column) == (3, 8)
    style = by_rule["languagetool/IN_ORDER_TO"]
    assert text[style.start:style.end] == "so as to"
    assert (style.line, style.column) == (5, 16)


def test_positions_map_through_an_offset_map_with_entities(lt):
    # Prose that differs from its source (as HTML gives): "&amp;" is one prose character.
    source_text = "<p>Rest &amp; people who has questions call us.</p>"
    builder = ProseBuilder()
    builder.open_block()
    builder.add("Rest ", 3)
    builder.add("&", 8, 5)
    builder.add(" people who has questions call us.", 13)
    builder.close_block()
    prose = builder.build()
    source = Source("page.html", source_text, "html")
    checker = LanguageToolChecker(LanguageToolOptions(lt.url))
    try:
        found = checker.check(source, [], prose=prose)
    finally:
        checker.close()
    assert lt.requests[0]["text"] == "Rest & people who has questions call us."
    (grammar,) = [f for f in found if f.rule.endswith("HAVE_PART_AGREEMENT")]
    assert source_text[grammar.start:grammar.end] == "people who has"
    assert grammar.column == 15
    assert grammar.fix is not None and grammar.fix.edits[0].replacement == "people who have"


def test_astral_characters_do_not_shift_positions(lt):
    text = "We hope this helps 😊. Please smile 🙂 people who has questions can call.\n"
    source = Source("p.txt", text, "text")
    checker = LanguageToolChecker(LanguageToolOptions(lt.url))
    try:
        found = {f.rule: f for f in checker.check(source, [])}
    finally:
        checker.close()
    assert text[found["languagetool/HAVE_PART_AGREEMENT"].start:
                found["languagetool/HAVE_PART_AGREEMENT"].end] == "people who has"
    # A span containing an emoji (LanguageTool counts it as two units) ends where it should.
    emoji = found["languagetool/EMOJI_RULE"]
    assert text[emoji.start:emoji.end] == "🙂 people"


def test_duplicates_of_lintcare_findings_are_dropped(run_json, lt, tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("We give ketamin infusions and Spravado nasal spray in our office.\n",
                    encoding="utf-8")
    _, data = run_json("--languagetool", lt.url, str(page))
    findings = data["files"][0]["findings"]
    # lintcare flags both names; LanguageTool's same-span and overlapping typo matches go.
    assert {f["text"] for f in findings if f["rule"] == "drug-name-misspelling"} == {"ketamin", "Spravado"}
    assert _lt_findings(data) == []
    assert len(lt.requests) == 1  # it was asked


def test_only_new_matches_are_kept_next_to_lintcare_findings(lt):
    source = Source("p.txt", "Many people who has used ketamin say so.\n", "text")
    existing = lint_source(source)
    checker = LanguageToolChecker(LanguageToolOptions(lt.url))
    try:
        found = checker.check(source, existing)
    finally:
        checker.close()
    assert [f.rule for f in found] == ["languagetool/HAVE_PART_AGREEMENT"]


def test_disabled_rules_and_categories_are_sent(run_cli, lt, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    _, out, _ = run_cli("check", "--format", "json", "--languagetool", lt.url,
                        "--languagetool-disable-rule", "IN_ORDER_TO",
                        "--languagetool-disable-category", "STYLE", str(page))
    assert [f["rule"] for f in _lt_findings(json.loads(out))] == ["languagetool/HAVE_PART_AGREEMENT"]
    sent = lt.requests[0]
    assert "IN_ORDER_TO" in sent["disabledRules"].split(",")
    assert sent["disabledCategories"] == "STYLE"


def test_server_down_warns_once_and_the_lint_still_runs(run_cli, tmp_path):
    pages = []
    for name in ("a.txt", "b.txt"):
        page = tmp_path / name
        page.write_text("Please call the the clinic.\n" + PAGE, encoding="utf-8")
        pages.append(str(page))
    url = _closed_port_url()
    code, out, err = run_cli("check", "--format", "json", "--languagetool", url, *pages)
    data = json.loads(out)
    assert code == 1  # lintcare's own findings still decide the exit code
    assert all(any(f["rule"] == "repeated-word" for f in fr["findings"]) for fr in data["files"])
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0] == (f"lintcare: warning: LanguageTool at {url}: cannot connect to 127.0.0.1 "
                        "(connection refused); grammar checks skipped")


def test_required_turns_a_failure_into_exit_2(run_cli, tmp_path):
    page = tmp_path / "p.txt"
    page.write_text(PAGE, encoding="utf-8")
    url = _closed_port_url()
    code, out, err = run_cli("check", "--languagetool", url, "--languagetool-required", str(page))
    assert code == 2
    assert err.startswith(f"lintcare: error: LanguageTool at {url}: cannot connect")
    assert "page" not in err and out  # the report is still printed


def test_timeout(run_cli, lt, tmp_path):
    lt.mode = "slow"
    page = tmp_path / "p.txt"
    page.write_text(PAGE, encoding="utf-8")
    code, out, err = run_cli("check", "--format", "json", "--languagetool", lt.url,
                             "--languagetool-timeout", "0.3", str(page))
    assert code == 1  # warned, not failed
    assert err.strip() == (f"lintcare: warning: LanguageTool at {lt.url}: no answer within 0.3 s; "
                           "grammar checks skipped")
    assert json.loads(out)["files"][0]["error"] is None


def test_http_500(run_cli, lt, tmp_path):
    lt.mode = "error500"
    page = tmp_path / "p.txt"
    page.write_text(PAGE, encoding="utf-8")
    code, _, err = run_cli("check", "--languagetool", lt.url, "--languagetool-required", str(page))
    assert code == 2
    assert err.strip() == (f"lintcare: error: LanguageTool at {lt.url}: the server's answer is not "
                           "LanguageTool JSON (Error: Internal Error: java.lang.OutOfMemoryError: "
                           "Java heap space)")


@pytest.mark.parametrize(("mode", "reason"), [
    ("malformed", "the server's answer is not LanguageTool JSON"),
    ("no-matches-key", "malformed answer from the server (no 'matches' field)"),
])
def test_malformed_answers(run_cli, lt, tmp_path, mode, reason):
    lt.mode = mode
    page = tmp_path / "p.txt"
    page.write_text(PAGE, encoding="utf-8")
    code, out, err = run_cli("check", "--format", "json", "--languagetool", lt.url, str(page))
    assert code == 1
    assert err.startswith(f"lintcare: warning: LanguageTool at {lt.url}: {reason}")
    assert err.count("\n") == 1
    assert json.loads(out)["summary"]["files"] == 1


def test_checker_raises_one_line_reason(lt):
    lt.mode = "malformed"
    checker = LanguageToolChecker(LanguageToolOptions(lt.url))
    with pytest.raises(LanguageToolUnavailable) as info:
        checker.check(Source("p.txt", PAGE, "text"), [])
    assert "\n" not in str(info.value)


def test_bad_option_values_are_usage_errors(run_cli, tmp_path):
    page = tmp_path / "p.txt"
    page.write_text(PAGE, encoding="utf-8")
    code, _, err = run_cli("check", "--languagetool", "localhost:8081", str(page))
    assert code == 2
    assert err.strip() == ("lintcare: error: --languagetool: expected an http(s) URL or 'local', "
                           "not 'localhost:8081'")
    code, _, err = run_cli("check", "--languagetool-required", str(page))
    assert code == 2
    assert err.strip() == "lintcare: error: --languagetool-required needs --languagetool URL|local"


def test_off_by_default_and_not_imported(run_cli, tmp_path):
    import subprocess
    import sys

    page = tmp_path / "p.txt"
    page.write_text(PAGE, encoding="utf-8")
    probe = ("import sys; from lintcare.cli.main import main\n"
             "try:\n    main(['check', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
             "print('language_tool_python' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe, str(page)], capture_output=True, text=True,
                         cwd=str(__import__("pathlib").Path(__file__).resolve().parent.parent))
    assert out.stdout.strip().splitlines()[-1] == "False"


def test_options_from_config():
    assert LanguageToolOptions.from_config(None) is None
    assert LanguageToolOptions.from_config("http://lt:8081") == LanguageToolOptions("http://lt:8081")
    opts = LanguageToolOptions.from_config({"server": "local", "required": True, "timeout": 5,
                                            "disabled_categories": ["STYLE"]})
    assert opts is not None and (opts.server, opts.required, opts.timeout) == ("local", True, 5.0)
    assert opts.disabled_categories == ("STYLE",) and "MORFOLOGIK_RULE_EN_US" in opts.disabled_rules
    with pytest.raises(ValueError, match="unknown key 'servr'"):
        LanguageToolOptions.from_config({"servr": "x"})
    with pytest.raises(ValueError, match="timeout"):
        LanguageToolOptions.from_config({"server": "local", "timeout": -1})
