from __future__ import annotations

from lintcare.api import default_rules, lint_file
from lintcare.cache import ResultCache, fingerprint
from lintcare.runner import run_all

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


def test_corrupt_cache_entry_is_ignored_and_rewritten(tmp_path):
    (path,) = _pages(tmp_path, 1)
    folder = tmp_path / "cache"
    cache = ResultCache(folder, fingerprint("a"))
    expected = lint_file(path, cache=cache).findings
    for entry in folder.rglob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    cache2 = ResultCache(folder, fingerprint("a"))
    assert lint_file(path, cache=cache2).findings == expected
    assert cache2.misses == 1
    cache3 = ResultCache(folder, fingerprint("a"))
    assert lint_file(path, cache=cache3).findings == expected and cache3.hits == 1
