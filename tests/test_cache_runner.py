from __future__ import annotations

from pathlib import Path

import pytest

from lintcare.api import default_rules, lint_file
from lintcare.findings import severity_counts
from lintcare.run.cache import DB_FILE, ResultCache, StoredFindings, fingerprint
from lintcare.run.parallel import run_all

ROOT = Path(__file__).resolve().parent.parent
PAGE = "Ask about Spravado.\nShe committed suicide.\nIt works.  Call (555) 123-4567.\n"


def _pages(tmp_path, n=6):
    paths = []
    for i in range(n):
        p = tmp_path / f"p{i}.txt"
        p.write_text(PAGE + f"Page {i} has the the repeat.\n" * (i % 2), encoding="utf-8")
        paths.append(str(p))
    return paths


def _summary(result):
    return [(f.rule, f.start, f.end, f.message, f.fix) for f in result.findings]


def test_parallel_results_equal_serial_in_order(tmp_path):
    paths = _pages(tmp_path)
    rules = default_rules()
    serial = [_summary(lint_file(p, rules)) for p in paths]
    parallel = [_summary(r) for r in run_all(paths, lambda p: lint_file(p, rules), jobs=2)]
    assert parallel == serial
    assert any("repeated-word" in {x[0] for x in s} for s in serial)


def test_cache_hit_gives_identical_findings(tmp_path):
    (path,) = _pages(tmp_path, 1)
    cache = ResultCache(tmp_path / "cache", fingerprint("rules-v1"))
    cold = lint_file(path, cache=cache)
    warm = lint_file(path, cache=cache)
    assert (cache.misses, cache.hits) == (1, 1)
    assert warm.findings == cold.findings and warm.findings
    assert warm.source is not None and warm.source.text == PAGE


def test_cache_misses_when_content_or_settings_change(tmp_path):
    (path,) = _pages(tmp_path, 1)
    folder = tmp_path / "cache"
    lint_file(path, cache=ResultCache(folder, fingerprint("a")))
    other = ResultCache(folder, fingerprint("b"))
    lint_file(path, cache=other)
    assert other.misses == 1
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("Ask about ketamin.\n")
    again = ResultCache(folder, fingerprint("a"))
    result = lint_file(path, cache=again)
    assert again.misses == 1
    assert "ketamin" in {f.text for f in result.findings}


@pytest.mark.parametrize("damage", [
    "UPDATE findings SET rows = CAST('[not json' AS BLOB)",
    "UPDATE findings SET rows = CAST('[]' AS BLOB)",  # valid JSON, but not what the checksum covers
    "UPDATE findings SET head = '{not json'",
    "UPDATE findings SET head = '{\"format\": 3}'",
])
def test_corrupt_cache_entry_is_ignored_and_rewritten(tmp_path, damage):
    import sqlite3

    (path,) = _pages(tmp_path, 1)
    folder = tmp_path / "cache"
    cache = ResultCache(folder, fingerprint("a"))
    expected = list(lint_file(path, cache=cache).findings)
    with sqlite3.connect(folder / DB_FILE) as con:
        assert con.execute(damage).rowcount == 1
    cache2 = ResultCache(folder, fingerprint("a"))
    assert lint_file(path, cache=cache2).findings == expected
    assert cache2.misses == 1
    cache3 = ResultCache(folder, fingerprint("a"))
    assert lint_file(path, cache=cache3).findings == expected and cache3.hits == 1


@pytest.mark.parametrize("old_table", [
    "entries (key TEXT PRIMARY KEY, value TEXT NOT NULL)",  # format 2
    "results (key TEXT PRIMARY KEY, head TEXT NOT NULL, rows BLOB NOT NULL, report BLOB NOT NULL)",
])
def test_an_older_cache_format_is_dropped(tmp_path, old_table):
    import sqlite3

    (path,) = _pages(tmp_path, 1)
    folder = tmp_path / "cache"
    folder.mkdir()
    with sqlite3.connect(folder / DB_FILE) as con:
        con.execute(f"CREATE TABLE {old_table}")
    cache = ResultCache(folder, fingerprint("a"))
    expected = lint_file(path, cache=cache).findings
    assert expected and cache.misses == 1
    with sqlite3.connect(folder / DB_FILE) as con:
        tables = {name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"findings"}
    again = ResultCache(folder, fingerprint("a"))  # the new table takes writes
    assert lint_file(path, cache=again).findings == expected and again.hits == 1


def test_stored_findings_decode_only_when_read(tmp_path):
    import pickle

    (path,) = _pages(tmp_path, 1)
    findings = list(lint_file(path).findings)
    stored = StoredFindings.of(findings, path)
    copy = pickle.loads(pickle.dumps(stored))
    assert copy._items is None  # the bytes crossed, not the findings
    severities = {f.severity for f in findings}
    assert len(copy) == len(findings) and set(severity_counts(copy)) == severities
    assert copy._items is None  # counted without decoding
    assert copy == findings and list(copy) == findings and copy[0] == findings[0]
    assert not hasattr(copy, "report")  # findings only: no report format is stored


def test_a_cache_file_that_is_no_database_is_replaced(tmp_path):
    (path,) = _pages(tmp_path, 1)
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / DB_FILE).write_bytes(b"this is not a database" * 100)
    cache = ResultCache(folder, fingerprint("a"))
    expected = lint_file(path, cache=cache).findings
    assert cache.misses == 1
    again = ResultCache(folder, fingerprint("a"))
    assert lint_file(path, cache=again).findings == expected and again.hits == 1


def test_a_parallel_run_stores_every_result_once(run_json, tmp_path):
    import sqlite3

    paths = _pages(tmp_path, 6)
    cache = str(tmp_path / "cache")
    _, cold = run_json("--jobs", "2", "--cache-dir", cache, *paths)
    with sqlite3.connect(Path(cache) / DB_FILE) as con:
        assert con.execute("SELECT COUNT(*) FROM findings").fetchone()[0] == 6
    _, warm = run_json("--jobs", "2", "--cache-dir", cache, *paths)
    assert warm == cold


# -- a run whose files all come from the cache ---------------------------------------
TEAM_RULES = """rules:
  - id: no-page-word
    category: typo
    severity: warning
    message: 'page'
    source: 'test'
    kind: pattern
    pattern: '\\bpage\\b'
    examples:
      fail: ['a page', 'page b']
      pass: ['a bar', 'bar b']
"""


def test_a_warm_run_loads_no_rules_and_reports_the_same(run_cli, tmp_path, monkeypatch):
    from lintcare.config import Resolver

    cache = str(tmp_path / "cache")
    base = ("--jobs", "1", "--cache-dir", cache, *_pages(tmp_path, 3))
    cold = {fmt: run_cli("check", "--format", fmt, *base) for fmt in ("json", "text")}
    assert cold["json"][0] == 1 and "suicide" in cold["json"][1]

    def no_rules(*_args: object) -> None:
        raise AssertionError("rules loaded although every file is a cache hit")

    monkeypatch.setattr(Resolver, "check_rules", no_rules)
    monkeypatch.setattr(Resolver, "ruleset_for", no_rules)
    for fmt, expected in cold.items():
        assert run_cli("check", "--format", fmt, *base) == expected


def test_a_broken_rules_file_still_stops_a_warm_run(run_cli, tmp_path):
    rules = tmp_path / "team.yaml"
    rules.write_text(TEAM_RULES, encoding="utf-8")
    args = ("check", "--format", "json", "--jobs", "1", "--cache-dir", str(tmp_path / "cache"),
            "--rules", str(rules), *_pages(tmp_path, 2))
    code, out, _ = run_cli(*args)
    assert code == 1 and "no-page-word" in out
    assert run_cli(*args)[:2] == (code, out)  # from the cache
    rules.write_text(TEAM_RULES.replace("kind: pattern", "kind: magic"), encoding="utf-8")
    code, out, err = run_cli(*args)
    assert (code, out) == (2, "")
    assert err.startswith(f"lintcare: error: {rules}: rule 'no-page-word': field 'kind'")


def test_a_warm_run_does_not_even_import_the_rule_machinery(tmp_path):
    import subprocess
    import sys

    args = ["check", "--format", "json", "--cache-dir", str(tmp_path / "cache"), *_pages(tmp_path, 2)]
    script = ("import sys\nfrom lintcare.cli.main import main\n"
              "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
              "print(sorted(m for m in ('lintcare.kinds', 'lintcare.rules', 'yaml') if m in sys.modules),"
              " file=sys.stderr)\n")
    runs = [subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True,
                           cwd=ROOT, check=False) for _ in range(2)]
    # Linted: the rules loaded (yaml only if rules.yaml was not parsed and kept before).
    assert runs[0].stderr.strip().startswith("['lintcare.kinds', 'lintcare.rules'")
    assert runs[1].stderr.strip() == "[]" and runs[1].stdout == runs[0].stdout  # all from the cache


def test_the_json_report_in_bytes_is_the_text_report_in_utf8(tmp_path):
    from lintcare.api import FileResult
    from lintcare.report.json import render, render_bytes

    page = tmp_path / "p.md"
    page.write_text("Ask about Spravado — “now”.\nShe committed suicide. Café.\n", encoding="utf-8")
    fresh = lint_file(str(page))
    stored = FileResult(fresh.path, StoredFindings.of(fresh.findings, fresh.path))
    assert fresh.findings and render([stored]) == render([fresh])
    for result in (fresh, stored):
        assert render_bytes([result]) == render([fresh]).encode("utf-8")

