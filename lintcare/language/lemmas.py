"""lemminflect's lemma and inflection tables, read without importing lemminflect.

Importing the ``lemminflect`` package imports spaCy to hook into it (about a second per
process), and lintcare wants only the two lookup tables it ships: which lemma a word form
has for each part of speech, and a noun's plural. So the tables are read here, from the
installed package's resource folder, once per process and only when a rule needs them.
Words missing from the tables have no reading and no plural (lemminflect would guess one
from its out-of-vocabulary model; for a linter an unknown word is better left alone).
"""

from __future__ import annotations

import gzip
import importlib.util
from bisect import bisect_left
from functools import cache, lru_cache
from pathlib import Path

Readings = dict[str, tuple[str, ...]]


def _resources() -> Path:
    spec = importlib.util.find_spec("lemminflect")  # finds the package, runs nothing of it
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("lemminflect is not installed (pip install lemminflect)")
    return Path(next(iter(spec.submodule_search_locations)), "resources")


def _overrides(name: str) -> dict[str, Readings]:
    table: dict[str, Readings] = {}
    for line in (_resources() / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, tag, out = line.split(",")
            table.setdefault(word, {})[tag] = (out,)
    return table


@cache
def _lines(name: str) -> list[str]:
    """A table's rows (``word,category,forms``), sorted by word as the package ships them:
    a word's rows are found by bisection, so no table is ever turned into a dict (that
    took about 0.15 s a process, for the few words a page asks about)."""
    with gzip.open(_resources() / name, "rt", encoding="utf-8") as fh:
        return fh.read().splitlines()


def _word_of(row: str) -> str:
    return row.split(",", 1)[0]


def _rows(name: str, word: str) -> list[list[str]]:
    lines = _lines(name)
    i = bisect_left(lines, word, key=_word_of)
    rows = []
    while i < len(lines) and _word_of(lines[i]) == word:
        rows.append(lines[i].split(","))
        i += 1
    return rows


@cache
def _lemma_overrides() -> dict[str, Readings]:
    return _overrides("lemma_overrides.csv")


@cache
def _plural_overrides() -> dict[str, Readings]:
    return _overrides("infl_overrides.csv")


@lru_cache(maxsize=16384)
def all_lemmas(word: str) -> Readings:
    """Every part of speech the tables know the lower-case ``word`` as, with its lemmas
    (what lemminflect's ``getAllLemmas`` gives). Cached, as the rule kinds ask about the
    same words on every page: callers must not change the mapping."""
    readings: Readings = {}
    for _, category, forms in _rows("lemma_lu.csv.gz", word):
        readings["AUX" if category == "modal" else category.upper()] = tuple(forms.split("/"))
    readings.update(_lemma_overrides().get(word, {}))
    return readings


def plurals(noun: str) -> tuple[str, ...]:
    """The plural spellings of a noun lemma (the inflection table's NNS column); empty
    when the tables give none."""
    if "NNS" in (extra := _plural_overrides().get(noun, {})):
        return extra["NNS"]
    for row in _rows("infl_lu.csv.gz", noun):
        if row[1] == "noun" and len(row) > 2:
            return tuple(s for s in row[2].split("/") if s)
    return ()


def inflections(lemma: str, category: str) -> tuple[str, ...]:
    """The inflection table's forms of a lemma in one category ("verb": past, past
    participle, -ing, -s; "adj": comparative, superlative); empty when it has none. An
    empty cell (lemminflect leaves a participle that equals the past blank) stays ""."""
    for row in _rows("infl_lu.csv.gz", lemma):
        if row[1] == category:
            return tuple(cell.split("/")[0] for cell in row[2:])
    return ()
