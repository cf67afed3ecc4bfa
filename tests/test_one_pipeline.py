"""check, --fix and --diff run one per-file pipeline: what --fix changes is always the fix of a
finding that check reports for that file with the same settings (suppressions, the file's own
configuration and vocabulary)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lintcare.cli.main import main
from lintcare.config import Resolver
from lintcare.fix import fix_source
from lintcare.pipeline import lint
from lintcare.sources import Source, format_for

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    old = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def check_json(*args: str, cwd: Path | None = None) -> dict:
    _, out, _ = cli("check", "--no-cache", "--format", "json", "--fail-on", "none", *args, cwd=cwd)
    return json.loads(out)


# ---------------------------------------------------------------- the three defects


def test_diff_and_fix_leave_a_suppressed_line_alone(tmp_path):
    page = tmp_path / "page.md"
    shutil.copy(ROOT / "examples" / "ketamine-clinic-page.md", page)
    before = page.read_text(encoding="utf-8")
    protected = next(line for line in before.splitlines() if "The Spravado sheet" in line)

    code, diff, _ = cli("check", "--no-cache", "--diff", str(page))
    assert code == 1 and "Spravado" not in diff  # other fixes are offered, not this one
    cli("check", "--no-cache", "--fix", str(page))
    after = page.read_text(encoding="utf-8")
    assert protected in after.splitlines()
    assert "ketamine infusions" in after  # the unsuppressed "ketamin" was fixed
    rules = {f["rule"] for f in check_json(str(page))["files"][0]["findings"]}
    assert "suppression-unused" not in rules  # the suppression still does its work


def test_an_accepted_word_is_never_rewritten(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".lintcare.yaml").write_text("vocabulary: {accept: [infusionist]}\n", encoding="utf-8")
    page = tmp_path / "team.txt"
    text = "Our infusionist stays with you during every visit.\n"
    page.write_text(text, encoding="utf-8")

    assert check_json(str(page))["files"][0]["findings"] == []
    code, diff, _ = cli("check", "--no-cache", "--diff", "--unsafe-fixes", str(page))
    assert (code, diff) == (0, "")
    cli("check", "--no-cache", "--fix", "--unsafe-fixes", str(page))
    assert page.read_text(encoding="utf-8") == text


def test_fix_uses_each_files_own_configuration(tmp_path):
    (tmp_path / ".git").mkdir()
    strict, relaxed = tmp_path / "strict", tmp_path / "relaxed"
    strict.mkdir()
    relaxed.mkdir()
    (relaxed / ".lintcare.yaml").write_text("ignore: [repeated-word]\n", encoding="utf-8")
    text = "Please call the the front desk first.\n"
    for folder in (strict, relaxed):
        (folder / "page.txt").write_text(text, encoding="utf-8")

    # Run from the top folder, whose configuration (none) is neither file's.
    cli("check", "--no-cache", "--fix", "strict/page.txt", "relaxed/page.txt", cwd=tmp_path)
    assert (strict / "page.txt").read_text(encoding="utf-8") == "Please call the front desk first.\n"
    assert (relaxed / "page.txt").read_text(encoding="utf-8") == text


def test_fix_skips_files_the_configuration_excludes(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".lintcare.yaml").write_text('exclude: ["drafts/**"]\n', encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    draft = tmp_path / "drafts" / "page.txt"
    text = "Please call the the front desk first.\n"
    draft.write_text(text, encoding="utf-8")
    cli("check", "--no-cache", "--fix", ".", cwd=tmp_path)
    assert draft.read_text(encoding="utf-8") == text


# ---------------------------------------------------------------- the property

_SENTENCES = [
    "Please call the the clinic first.",
    "Ask whether Spravado is right for you.",
    "Our infusionist will meet you.",
    "Ketamine is a  miracle for many people.,",
    "Her brother committed suicide last year.",
    "We offer FDA-approved ketamine infusions.",
    "You will recieve a reminder before each visit.",
    "Call us at (555) 123-4567 or text 988 in a crisis.",
    "Patients who failed treatment are welcome.",
    "TMS is FDA-approved for depression.",
]
_DIRECTIVES = [
    "lintcare-disable-next-line drug-name-misspelling -- quoted as written",
    "lintcare-disable-next-line repeated-word -- a quotation",
    "lintcare-disable-next-line all -- a patient's own words",
    "lintcare-disable typo -- a quoted message",
    "lintcare-enable typo",
]
_CONFIGS = [
    "",
    "vocabulary: {accept: [infusionist, recieve]}\n",
    "ignore: [repeated-word, punctuation]\n",
    "select: [typo, supportive-language]\n",
    "severity: {typo: suggestion}\nvocabulary: {reject: [miracle]}\n",
]


def _as_format(lines: list[str], fmt: str) -> str:
    if fmt == "md":
        return "".join(f"<!-- {x[4:]} -->\n\n" if x.startswith("#!! ") else f"{x}\n\n" for x in lines)
    if fmt == "html":
        body = "".join(f"<!-- {x[4:]} -->\n" if x.startswith("#!! ") else f"<p>{x}</p>\n" for x in lines)
        return f"<html><body>\n{body}</body></html>\n"
    return "".join(f"{x[4:]}\n" if x.startswith("#!! ") else f"{x}\n\n" for x in lines)


_LINE = st.one_of(st.sampled_from(_SENTENCES), st.sampled_from(_DIRECTIVES).map(lambda d: "#!! " + d))


def _key(rule: str, start: int, end: int, edits) -> tuple:
    return (rule, start, end, tuple((e[0], e[1], e[2]) for e in edits))


def _lint_keys(text: str, path: Path, fmt: str, resolver: Resolver, unsafe: bool) -> set[tuple]:
    """Fixable findings of the pipeline on ``text`` with the file's own settings."""
    config = resolver.config_for(str(path))
    linted = lint(Source(str(path), text, fmt), resolver.ruleset_for(config), config)
    return {_key(f.rule, f.start, f.end, [(e.start, e.end, e.replacement) for e in f.fix.edits])
            for f in linted.findings if f.fix is not None and (unsafe or f.fix.safe)}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    pages=st.lists(st.tuples(st.lists(_LINE, min_size=1, max_size=6), st.sampled_from(["txt", "md", "html"]),
                             st.sampled_from(["top", "nested"])), min_size=1, max_size=3),
    top=st.sampled_from(_CONFIGS),
    nested=st.sampled_from(_CONFIGS),
    unsafe=st.booleans(),
)
def test_every_applied_edit_is_the_fix_of_a_finding_check_reports(tmp_path_factory, pages, top, nested,
                                                                  unsafe):
    root = tmp_path_factory.mktemp("site")
    (root / ".git").mkdir()
    (root / "nested").mkdir()
    (root / ".lintcare.yaml").write_text(top or "fail-on: warning\n", encoding="utf-8")
    if nested:
        (root / "nested" / ".lintcare.yaml").write_text(nested, encoding="utf-8")
    names, originals = [], {}
    for i, (lines, fmt, where) in enumerate(pages):
        name = f"{'nested/' if where == 'nested' else ''}page{i}.{fmt}"
        originals[name] = _as_format(lines, fmt)
        (root / name).write_text(originals[name], encoding="utf-8")
        names.append(name)

    reported = {f["path"]: f["findings"] for f in check_json(*names, cwd=root)["files"]}
    flags = ["--unsafe-fixes"] if unsafe else []
    cli("check", "--no-cache", "--fix", *flags, *names, cwd=root)
    resolver = Resolver()
    for name in names:
        path = root / name
        fmt = format_for(name)
        offered = {_key(f["rule"], *_offsets(originals[name], f),
                        [(e["start"], e["end"], e["replacement"]) for e in f["fix"]["edits"]])
                   for f in reported[name] if f.get("fix") and (unsafe or f["fix"]["safe"])}
        # The command line fixed the file exactly as the pipeline does with the file's own config.
        config = resolver.config_for(str(path))
        result = fix_source(Source(str(path), originals[name], fmt), resolver.ruleset_for(config), unsafe,
                            config=config)
        assert path.read_text(encoding="utf-8") == result.text
        # Pass by pass, every applied fix is one that check reports on that pass's text.
        text = originals[name]
        for number in range(1, result.passes + 1):
            applied = {_key(a.finding.rule, a.finding.start, a.finding.end,
                            [(e.start, e.end, e.replacement) for e in a.finding.fix.edits])
                       for a in result.applied if a.pass_number == number}
            allowed = offered if number == 1 else _lint_keys(text, path, fmt, resolver, unsafe)
            assert applied <= allowed, (name, number)
            text = fix_source(Source(str(path), originals[name], fmt), resolver.ruleset_for(config), unsafe,
                              max_passes=number, config=config).text
        if not offered:
            assert result.text == originals[name]


def _offsets(text: str, finding: dict) -> tuple[int, int]:
    """Source offsets of a JSON finding (1-based line and column, end exclusive)."""
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    return (starts[finding["line"] - 1] + finding["column"] - 1,
            starts[finding["end_line"] - 1] + finding["end_column"] - 1)


# ---------------------------------------------------------------- stats plans files as check does


def test_stats_reads_the_same_files_as_check(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".lintcare.yaml").write_text('exclude: ["drafts/**"]\n', encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "old.txt").write_text("An old draft. It is short.\n", encoding="utf-8")
    (tmp_path / "page.txt").write_text("Our clinic is open. We are glad to help.\n", encoding="utf-8")
    code, out, _ = cli("stats", "--format", "json", ".", cwd=tmp_path)
    assert code == 0
    assert [f["path"] for f in json.loads(out)["files"]] == ["./page.txt"]


def test_stats_reads_markdown_on_standard_input_when_named():
    page = "# What to expect\n\nYour visit takes two hours. A nurse stays with you.\n"
    result = CliRunner().invoke(main, ["stats", "--format", "json", "--stdin-filename", "visit.md", "-"],
                                input=page, catch_exceptions=False)
    (found,) = json.loads(result.stdout)["files"]
    assert found["path"] == "visit.md"
    assert [s["heading"] for s in found["sections"]] == ["What to expect"]
    assert found["words"] == 10  # the heading is not counted as a sentence's words


def test_the_cache_folder_stays_out_of_git_status(tmp_path):
    import subprocess

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "page.txt").write_text("Please call the the front desk first.\n", encoding="utf-8")
    cli("check", "page.txt", cwd=tmp_path)
    assert (tmp_path / ".lintcare-cache" / "CACHEDIR.TAG").read_text().startswith(
        "Signature: 8a477f597d28d172789f06886806bc55")
    status = subprocess.run(["git", "status", "--porcelain"], cwd=tmp_path, capture_output=True, text=True,
                            check=True).stdout
    assert status.splitlines() == ["?? page.txt"]
