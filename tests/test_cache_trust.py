"""The result cache trusts only rows this user's lintcare wrote (issue 23, item 6).

Anyone who can write to the project can write to ``.lintcare-cache``: a row they forge,
move or mangle is a miss (the file is linted again), never a traceback and never a finding
in the report. Rows are keyed on lintcare's own code and data, and a table of another
shape is made again.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from lintcare.api import lint_file
from lintcare.run import cache as cache_module
from lintcare.run import trust
from lintcare.run.cache import DB_FILE, ResultCache, fingerprint

ROOT = Path(__file__).resolve().parent.parent
PAGE = "Please call the the front desk.\n"
FORGED = ["forged-rule", "typo", "error", "You were fooled.", 0, 6, 1, 1, 1, 7, "Please",
          [], "span", None, []]


@pytest.fixture
def key_home(tmp_path, monkeypatch):
    """A user cache home of the test's own, with the process's key forgotten."""
    home = tmp_path / "home-cache"
    monkeypatch.setenv("LINTCARE_CACHE_DIR", str(home))
    trust.secret.cache_clear()
    yield home
    trust.secret.cache_clear()


def _page(tmp_path: Path, name: str = "page.txt", text: str = PAGE) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _rows(folder: Path) -> list[tuple[str, str, bytes]]:
    with sqlite3.connect(folder / DB_FILE) as con:
        return list(con.execute("SELECT key, head, rows FROM findings"))


def _store(folder: Path, *rows: tuple[str, object, object]) -> None:
    with sqlite3.connect(folder / DB_FILE) as con:
        con.executemany("INSERT OR REPLACE INTO findings VALUES (?, ?, ?)", rows)


def _warm(folder: Path, path: str) -> tuple[list, ResultCache]:
    cache = ResultCache(folder, fingerprint("a"))
    return list(lint_file(path, cache=cache).findings), cache


def _head(severities: dict[str, int], mac: str) -> str:
    return json.dumps({"format": cache_module.CACHE_FORMAT, "severities": severities, "mac": mac})


def test_a_forged_row_without_the_key_is_a_miss(tmp_path, key_home):
    path = _page(tmp_path)
    folder = tmp_path / "cache"
    expected, _ = _warm(folder, path)
    ((key, _, _),) = _rows(folder)
    rows = json.dumps([FORGED]).encode()
    # What a forger can compute: everything but the MAC, which needs the user's key.
    guessed = trust.mac(b"\0" * trust.KEY_BYTES, key.encode(), b'{"error": 1}', rows)
    _store(folder, (key, _head({"error": 1}, guessed), rows))
    findings, cache = _warm(folder, path)
    assert findings == expected and "forged-rule" not in {f.rule for f in findings}
    assert (cache.hits, cache.misses) == (0, 1)
    assert _warm(folder, path)[1].hits == 1  # the forged row was replaced by a real one


def test_a_row_moved_from_another_file_is_a_miss(tmp_path, key_home):
    one, two = _page(tmp_path, "one.txt"), _page(tmp_path, "two.txt", "A calm, clear page.\n")
    folder = tmp_path / "cache"
    _warm(folder, one)
    ((key_one, *row_one),) = _rows(folder)
    expected, _ = _warm(folder, two)
    (key_two,) = {key for key, _, _ in _rows(folder)} - {key_one}
    _store(folder, (key_two, *row_one))  # a valid row under another file's key
    findings, cache = _warm(folder, two)
    assert findings == expected and cache.misses == 1


@pytest.mark.parametrize("bogus", [
    ("x", b"[]"),  # head not JSON
    (json.dumps([1, 2]), b"[]"),  # head not a mapping
    (b"{}", b"[]"),  # head stored as bytes
    (7, b"[]"),  # head a number
    ("{}", "text rows"),  # rows stored as text
    (json.dumps({"format": True, "severities": {}, "mac": "0"}), b"[]"),
    (json.dumps({"format": 5, "severities": {"error": -1}, "mac": "0"}), b"[]"),
    (json.dumps({"format": 5, "severities": {"fatal": 1}, "mac": "0"}), b"[]"),
    (json.dumps({"format": 5, "severities": [], "mac": None}), b"[]"),
    (json.dumps({"format": 4, "severities": {}, "crc": 0}), b"[]"),  # the old checksum
], ids=lambda v: repr(v)[:40])
def test_bogus_rows_are_misses_not_tracebacks(tmp_path, key_home, bogus):
    path = _page(tmp_path)
    folder = tmp_path / "cache"
    expected, _ = _warm(folder, path)
    ((key, _, _),) = _rows(folder)
    _store(folder, (key, *bogus))
    findings, cache = _warm(folder, path)
    assert findings == expected and cache.misses == 1


@pytest.mark.parametrize("rows", [
    [FORGED[:-1]],  # a field short
    [[*FORGED[:4], "0", *FORGED[5:]]],  # an offset as text
    [[*FORGED[:13], [True, [[0, 1]]], []]],  # an edit without its replacement
    [[*FORGED[:13], None, [["k"]]]],  # an extra field without its value
    {"rule": "x"},  # not a list of rows
    [FORGED, FORGED],  # more rows than the counts say
], ids=["short", "text-offset", "edit-short", "extra-short", "not-a-list", "too-many"])
def test_rows_of_another_shape_are_misses_even_with_a_valid_mac(tmp_path, key_home, rows):
    # Only this user's lintcare can make a valid MAC; what it returns is still checked
    # field by field before anything uses it.
    path = _page(tmp_path)
    folder = tmp_path / "cache"
    expected, _ = _warm(folder, path)
    ((key, _, _),) = _rows(folder)
    data = json.dumps(rows).encode()
    counts = {"error": 1}
    good = trust.mac(trust.secret(), key.encode(), json.dumps(counts, sort_keys=True).encode(), data)
    _store(folder, (key, _head(counts, good), data))
    findings, cache = _warm(folder, path)
    assert findings == expected and cache.misses == 1


def test_the_key_is_private_and_outside_the_cache_folder(tmp_path, key_home):
    path = _page(tmp_path)
    _warm(tmp_path / "cache", path)
    key_file = key_home / trust.KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600 and key_file.stat().st_size == trust.KEY_BYTES
    assert not any(p.name == trust.KEY_FILE for p in (tmp_path / "cache").iterdir())


@pytest.mark.parametrize("damage", ["readable by others", "too short", "a link"])
def test_a_key_file_that_is_not_private_is_replaced(tmp_path, key_home, damage):
    key_home.mkdir(mode=0o700)
    key_file = key_home / trust.KEY_FILE
    if damage == "readable by others":
        key_file.write_bytes(b"k" * trust.KEY_BYTES)
        key_file.chmod(0o644)
    elif damage == "too short":
        key_file.write_bytes(b"k")
        key_file.chmod(0o600)
    else:
        (tmp_path / "elsewhere").write_bytes(b"k" * trust.KEY_BYTES)
        key_file.symlink_to(tmp_path / "elsewhere")
    key = trust.load_key(key_home)
    assert key != b"k" * trust.KEY_BYTES and len(key) == trust.KEY_BYTES
    assert not key_file.is_symlink() and stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert trust.load_key(key_home) == key  # kept from then on


def test_a_key_folder_others_can_write_is_refused_and_the_cache_is_skipped(tmp_path, key_home):
    key_home.mkdir()
    key_home.chmod(0o777)
    with pytest.raises(trust.CacheKeyError, match="writable by other users"):
        trust.load_key(key_home)
    path = _page(tmp_path)
    findings, cache = _warm(tmp_path / "cache", path)
    assert findings == list(lint_file(path).findings) and cache.hits == 0
    assert "writable by other users" in (cache.problem or "")


def test_a_cache_written_with_another_users_key_is_not_read(tmp_path, key_home, monkeypatch):
    path = _page(tmp_path)
    folder = tmp_path / "cache"
    _warm(folder, path)
    monkeypatch.setenv("LINTCARE_CACHE_DIR", str(tmp_path / "other-user"))
    trust.secret.cache_clear()
    assert _warm(folder, path)[1].misses == 1


def test_rows_are_keyed_on_lintcares_code_and_data(tmp_path, monkeypatch):
    package = tmp_path / "package"
    (package / "data").mkdir(parents=True)
    lexicon = package / "data" / "lexicon.txt"
    lexicon.write_text("ketamine\n", encoding="utf-8")
    (package / "mod.py").write_text("X = 1\n", encoding="utf-8")
    before = trust.tree_digest(package)
    lexicon.write_text("ketamine\nesketamine\n", encoding="utf-8")
    assert trust.tree_digest(package) != before
    after_data = trust.tree_digest(package)
    os.utime(package / "mod.py", ns=(1, 1))  # same size, another time: an edit
    assert trust.tree_digest(package) != after_data
    # The digest is part of every settings fingerprint, hence of every key.
    key = fingerprint("a")
    monkeypatch.setattr(cache_module, "code_digest", lambda: "another build")
    assert fingerprint("a") != key


def test_the_code_digest_is_cheap():
    import time

    start = time.perf_counter()
    trust.tree_digest(trust.PACKAGE)
    assert time.perf_counter() - start < 0.25  # about 2 ms on an idle machine


@pytest.mark.parametrize("table", [
    "findings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "findings (key TEXT PRIMARY KEY, head TEXT NOT NULL, rows BLOB NOT NULL, report BLOB)",
    "findings (k TEXT, h TEXT, r BLOB)",
])
def test_a_findings_table_of_another_schema_is_made_again(tmp_path, key_home, table):
    path = _page(tmp_path)
    folder = tmp_path / "cache"
    folder.mkdir()
    with sqlite3.connect(folder / DB_FILE) as con:
        con.execute(f"CREATE TABLE {table}")
    expected, cache = _warm(folder, path)
    assert cache.misses == 1
    again = _warm(folder, path)
    assert again == (expected, again[1]) and again[1].hits == 1  # the new table takes writes


def test_a_forged_project_cache_never_reaches_the_report(tmp_path, key_home):
    # End to end, as in CI: the project's .lintcare-cache arrives with forged rows.
    _page(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LINTCARE_CACHE_DIR": str(key_home)}

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "lintcare", "check", "--format", "json", "page.txt"],
                              cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
                              check=False)

    cold = run()
    folder = tmp_path / ".lintcare-cache"
    rows = json.dumps([FORGED]).encode()
    for key, _, _ in _rows(folder):
        _store(folder, (key, _head({"error": 1}, "0" * 64), rows))
    warm = run()
    assert (warm.returncode, warm.stdout, warm.stderr) == (cold.returncode, cold.stdout, cold.stderr)
    assert "forged-rule" not in warm.stdout and "Traceback" not in warm.stderr
