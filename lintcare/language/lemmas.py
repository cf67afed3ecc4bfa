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
from functools import cache
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
def _lemma_table() -> dict[str, Readings]:
    """word form -> {UPOS: lemmas}, as lemminflect's ``getAllLemmas`` sees it."""
    table: dict[str, Readings] = {}
    with gzip.open(_resources() / "lemma_lu.csv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            word, category, forms = line.rstrip("\n").split(",")
            upos = "AUX" if category == "modal" else category.upper()
            table.setdefault(word, {})[upos] = tuple(forms.split("/"))
    for word, extra in _overrides("lemma_overrides.csv").items():
        table.setdefault(word, {}).update(extra)
    return table


@cache
def _plural_table() -> dict[str, tuple[str, ...]]:
    """noun lemma -> its plural spellings (the NNS column of the inflection table)."""
    table: dict[str, tuple[str, ...]] = {}
    with gzip.open(_resources() / "infl_lu.csv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            if ",noun," in line:
                word, _, forms = line.rstrip("\n").split(",", 2)
                spellings = tuple(s for s in forms.split(",")[0].split("/") if s)
                if spellings:
                    table[word] = spellings
    for word, extra in _overrides("infl_overrides.csv").items():
        if "NNS" in extra:
            table[word] = extra["NNS"]
    return table


def all_lemmas(word: str) -> Readings:
    """Every part of speech the tables know the lower-case ``word`` as, with its lemmas."""
    return _lemma_table().get(word, {})


def plurals(noun: str) -> tuple[str, ...]:
    """The plural spellings of a noun lemma; empty when the tables give none."""
    return _plural_table().get(noun, ())
