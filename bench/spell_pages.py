"""Spelling findings on clean clinic pages, and how capitalised unknown words stand.

    python bench/spell_pages.py [FILES...]

Defaults to tests/data/pages/* and the shared sample. Every spelling finding on these
pages is a false alarm (the pages are proofread). Capitalised words the dictionary
does not know are listed by position (mid-sentence or sentence start) so that the
policy for names can be judged on real text.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lintcare.api import default_rules, lint_file  # noqa: E402
from lintcare.document import Document  # noqa: E402
from lintcare.kinds.spelling import _LETTERS, _sentence_start  # noqa: E402
from lintcare.language.speller import default_speller  # noqa: E402
from lintcare.rules.loader import RuleSet  # noqa: E402
from lintcare.sources import extract, read_source  # noqa: E402

DEFAULT = [*sorted((ROOT / "tests" / "data" / "pages").glob("*")),
           ROOT.parent / "shared" / "samples" / "why-patients-stop-ketamine-early.txt"]


def main() -> None:
    files = [Path(p) for p in sys.argv[1:]] or [p for p in DEFAULT if p.exists()]
    rules = default_rules()
    only = RuleSet([r for r in rules.rules if r.id == "spelling"], rules.facts)
    speller = default_speller()
    words = findings = 0
    mid: dict[str, int] = {}
    start: dict[str, int] = {}
    for path in files:
        source = read_source(str(path))
        doc = Document(source, extract(source), rules.facts)
        text = doc.text
        words += len(text.split())
        for f in lint_file(str(path), only).findings:
            findings += 1
            print(f"{path.name}:{f.line}:{f.column}: {f.text!r} -> {list(f.suggestions[:3])}")
        for m in _LETTERS.finditer(text):
            w = m.group()
            if w[0].isupper() and not w.isupper() and not speller.known(w.lower().split("'")[0]) \
                    and not any(c.isupper() for c in w[1:]):
                where = start if _sentence_start(doc, text, m.start()) else mid
                where[w] = where.get(w, 0) + 1
    print(f"\n{len(files)} files, {words:,} words, {findings} spelling findings "
          f"({findings * 2000 / max(words, 1):.2f} per 2,000 words)")
    print(f"capitalised unknown words mid-sentence ({len(mid)}): {' '.join(sorted(mid))}")
    print(f"capitalised unknown words at a sentence start ({len(start)}): {' '.join(sorted(start))}")
    print("(letter runs inside URLs and e-mail addresses are listed too; the rule skips them)")


if __name__ == "__main__":
    main()
