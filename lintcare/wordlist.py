"""pyspellchecker's English word list, loaded in a quarter of the time.

pyspellchecker reads its list from a gzipped JSON file and then walks it twice more
(lowercasing, letters, totals): about 0.09 s, a third of a one-file run. The speller
needs only what that produces: each word's count, the letters used and the longest
word's length. ``data/words-en.bin`` holds exactly that in a form Python splits in a
few milliseconds:

    {"source": SHA-256 of pyspellchecker's en.json.gz, "words": N, "letters": ..., "longest": L}\\n
    the words, joined by \\n, in UTF-8
    \\0
    N counts, unsigned 32-bit little-endian, in the order of the words

It is used only when the installed pyspellchecker's file has that digest, so the
speller always knows exactly the words pyspellchecker knows; otherwise the list is
loaded through pyspellchecker as before. A test fails when the file is out of date.
Regenerate it with

    python -m lintcare.wordlist
"""

from __future__ import annotations

import hashlib
import json
import string
import sys
from array import array
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

WORDS_PATH = Path(__file__).resolve().parent / "data" / "words-en.bin"
SOURCE = "resources/en.json.gz"


@dataclass(frozen=True)
class WordList:
    freq: dict[str, int]
    letters: frozenset[str]
    longest: int

    def edits1(self, word: str) -> set[str]:
        """pyspellchecker's ``edit_distance_1``: every string one edit from ``word``, using
        the list's letters (``word`` itself for what it would not check)."""
        word = word.lower()
        if not _should_check(word, self.longest):
            return {word}
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        deletes = [a + b[1:] for a, b in splits if b]
        transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
        replaces = [a + c + b[1:] for a, b in splits if b for c in self.letters]
        inserts = [a + c + b for a, b in splits for c in self.letters]
        return set(deletes + transposes + replaces + inserts)


def _should_check(word: str, longest: int) -> bool:
    # As pyspellchecker decides: not a lone mark, not too long, not a number.
    if len(word) == 1 and word in string.punctuation:
        return False
    if len(word) > longest + 3:
        return False
    if word in ("nan", "inf", "infinity"):
        return True
    try:
        float(word)
    except ValueError:
        return True
    return False


def _source_bytes() -> bytes:
    """pyspellchecker's English list as installed (found without importing the package)."""
    spec = find_spec("spellchecker")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / SOURCE
        if path.is_file():
            return path.read_bytes()
    import pkgutil

    return pkgutil.get_data("spellchecker", SOURCE) or b""


def from_pyspellchecker() -> WordList:
    """The list as pyspellchecker itself loads it: the reference, and the fallback."""
    from spellchecker import SpellChecker

    wf = SpellChecker(language="en", distance=1).word_frequency
    return WordList(dict(wf.dictionary), frozenset(wf.letters), wf.longest_word_length)


def _read(path: Path, digest: str) -> WordList | None:
    """The list in ``path`` if it was made from the file with this digest, else None."""
    try:
        head, _, body = path.read_bytes().partition(b"\n")
        meta = json.loads(head)
        if not isinstance(meta, dict) or meta.get("source") != digest:
            return None
        text, _, raw_counts = body.partition(b"\0")
        words = text.decode("utf-8").split("\n")
        counts = array("I")
        if counts.itemsize != 4:  # pragma: no cover - no such platform in use
            return None
        counts.frombytes(raw_counts)
        if sys.byteorder == "big":  # pragma: no cover
            counts.byteswap()
        if not len(words) == len(counts) == meta["words"]:
            return None
        return WordList(dict(zip(words, counts, strict=True)), frozenset(meta["letters"]),
                        int(meta["longest"]))
    except (OSError, ValueError, KeyError, TypeError):  # unreadable or damaged: not used
        return None


def load_words() -> WordList:
    source = _source_bytes()
    fast = _read(WORDS_PATH, hashlib.sha256(source).hexdigest())
    return fast if fast is not None else from_pyspellchecker()


def render(words: WordList, source: bytes) -> bytes:
    if any("\n" in w or "\0" in w for w in words.freq):  # pragma: no cover
        raise ValueError("a word holds a separator")
    meta = {"source": hashlib.sha256(source).hexdigest(), "words": len(words.freq),
            "letters": "".join(sorted(words.letters)), "longest": words.longest}
    counts = array("I", words.freq.values())
    if sys.byteorder == "big":  # pragma: no cover
        counts.byteswap()
    return (json.dumps(meta, ensure_ascii=False).encode() + b"\n"
            + "\n".join(words.freq).encode("utf-8") + b"\0" + counts.tobytes())


def main() -> None:
    WORDS_PATH.write_bytes(render(from_pyspellchecker(), _source_bytes()))
    print(f"wrote {WORDS_PATH}")


if __name__ == "__main__":  # pragma: no cover
    main()
