"""Compare pyspellchecker and symspellpy as lintcare's spelling engine (not part of the tests).

The third line, "lintcare", is the speller as shipped (lintcare/speller.py).

    python bench/spell_compare.py

Each engine runs in a fresh process (so start-up is measured cold) with lintcare's
domain lexicon added. Reported: import + dictionary load time, lookups per second,
time per suggestion (typos, and unknown names with no close word), and how often
the first suggestion is the intended word on tests/data/misspellings.tsv, ranked
by the engine alone and with lintcare's rule that domain terms win ties.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEXICON = ROOT / "lintcare" / "data" / "lexicon.txt"
TYPOS = ROOT / "tests" / "data" / "misspellings.tsv"
PAGES = ROOT / "tests" / "data" / "pages"
# Unknown words with nothing close in the dictionary: the slow case for some engines.
NAMES = ["okonkwo", "raghunathan", "wisniewski", "adaeze", "nwachukwu", "thibodeaux"]


def _lexicon() -> list[str]:
    lines = LEXICON.read_text(encoding="utf-8").splitlines()
    return [t.strip() for t in lines if t.strip() and not t.startswith("#")]


def _typos() -> list[tuple[str, str]]:
    rows = []
    for line in TYPOS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            typo, right = line.split("\t")
            rows.append((typo, right))
    return rows


def _words() -> list[str]:
    import re

    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(PAGES.glob("*")))
    return [w.lower() for w in re.findall(r"[A-Za-z]+(?:'[a-z]+)?", text)]


class PySpell:
    def __init__(self, domain: dict[str, str]) -> None:
        from spellchecker import SpellChecker

        self.sc = SpellChecker(distance=2)
        self.sc.word_frequency.load_words(list(domain))
        self.freq = self.sc.word_frequency.dictionary

    def known(self, word: str) -> bool:
        return word in self.freq

    def candidates(self, word: str) -> list[tuple[int, str, int]]:
        e1 = self.sc.known(self.sc.edit_distance_1(word))
        if e1:
            return [(1, w, self.freq[w]) for w in e1]
        return [(2, w, self.freq[w]) for w in self.sc.known(self.sc.edit_distance_2(word))]


class SymSpell:
    def __init__(self, domain: dict[str, str]) -> None:
        from importlib.resources import files

        from symspellpy import SymSpell as Engine

        self.ss = Engine(max_dictionary_edit_distance=2)
        self.ss.load_dictionary(str(files("symspellpy") / "frequency_dictionary_en_82_765.txt"), 0, 1)
        for word in domain:
            self.ss.create_dictionary_entry(word, 1)
        self.freq = self.ss.words

    def known(self, word: str) -> bool:
        return word in self.freq

    def candidates(self, word: str) -> list[tuple[int, str, int]]:
        from symspellpy import Verbosity

        return [(s.distance, s.term, s.count) for s in self.ss.lookup(word, Verbosity.CLOSEST, 2)]


class Lintcare:
    """What lintcare ships: pyspellchecker's list, distance 2 only among domain terms."""

    def __init__(self, domain: dict[str, str]) -> None:
        sys.path.insert(0, str(ROOT))
        from lintcare.language.speller import Speller

        self.speller = Speller(domain)

    def known(self, word: str) -> bool:
        return self.speller.known(word)

    def candidates(self, word: str) -> list[tuple[int, str, int]]:
        # Already ranked (domain terms first among the nearest); keep that order.
        ranked = self.speller.suggest(word)
        return [(0, w.lower(), len(ranked) - i) for i, w in enumerate(ranked)]


ENGINES = {"pyspellchecker": PySpell, "symspellpy": SymSpell, "lintcare": Lintcare}


def run_engine(name: str) -> dict[str, object]:
    t0 = time.perf_counter()
    domain = {t.lower(): t for t in _lexicon()}
    engine = ENGINES[name](domain)
    load = time.perf_counter() - t0

    words = _words()
    t0 = time.perf_counter()
    for _ in range(20):
        for w in words:
            engine.known(w)
    check_rate = 20 * len(words) / (time.perf_counter() - t0)
    unknown_pages = sorted({w for w in words if not engine.known(w)})

    plain = tied = 0
    times = []
    misses = []
    for typo, right in _typos():
        t0 = time.perf_counter()
        cands = engine.candidates(typo)
        times.append(time.perf_counter() - t0)
        by_engine = sorted(cands, key=lambda c: (c[0], -c[2], c[1]))
        by_domain = sorted(cands, key=lambda c: (c[0], c[1] not in domain, -c[2], c[1]))
        plain += bool(by_engine) and by_engine[0][1] == right.lower()
        ok = bool(by_domain) and by_domain[0][1] == right.lower()
        tied += ok
        if not ok:
            misses.append(f"{typo}->{by_domain[0][1] if by_domain else None}")
    name_times = []
    for word in NAMES:
        t0 = time.perf_counter()
        engine.candidates(word)
        name_times.append(time.perf_counter() - t0)
    n = len(times)
    return {
        "engine": name,
        "load_s": round(load, 3),
        "checks_per_s": round(check_rate),
        "suggest_ms_mean": round(1000 * statistics.mean(times), 2),
        "suggest_ms_max": round(1000 * max(times), 1),
        "no_candidate_ms_mean": round(1000 * statistics.mean(name_times), 1),
        "top1_engine_order": f"{plain}/{n}",
        "top1_domain_wins_ties": f"{tied}/{n}",
        "misses": misses,
        "unknown_words_on_pages": unknown_pages,
    }


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--engine":
        print(json.dumps(run_engine(sys.argv[2])))
        return
    for name in ENGINES:
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, __file__, "--engine", name], capture_output=True,
                             text=True, check=True).stdout
        wall = time.perf_counter() - t0
        result = json.loads(out)
        result["process_wall_s"] = round(wall, 2)
        unknown = result.pop("unknown_words_on_pages")
        print(json.dumps(result, indent=1))
        print(f"  unknown words on the clinic pages: {len(unknown)}: {' '.join(unknown[:60])}")


if __name__ == "__main__":
    main()
