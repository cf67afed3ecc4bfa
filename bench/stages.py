"""CPU time per stage of one lintcare process over some files (run by bench.py).

    python bench/stages.py FILE...      # JSON: stage -> CPU seconds, findings, rules

Stages: start-up (imports, rule set), extraction (reading, markup to prose),
scanning/rules (the document, every kind not named below, context filters,
suppressions), spelling, readability (grade level, long sentences), token rules
(spaCy: its import, the pipeline, the Matcher), report (JSON). Each kind's ``find``
is wrapped on its rule's own instance: the code under test is not changed.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

STAGE_OF_KIND = {"spelling": "spelling", "grade-level": "readability",
                 "long-sentence": "readability", "tokens": "token rules (spaCy)"}
KIND_STAGES = ("spelling", "readability", "token rules (spaCy)")
STAGES = ("start-up", "extraction", "scanning/rules", "spelling", "readability",
          "token rules (spaCy)", "report")


def _timed_find(find: Callable[..., Iterator[Any]], spent: dict[str, float], stage: str
                ) -> Callable[..., Iterator[Any]]:
    def wrapper(doc: Any) -> Iterator[Any]:
        t0 = time.process_time()
        hits = list(find(doc))  # the kind's own work, not that of whoever reads the hits
        spent[stage] += time.process_time() - t0
        return iter(hits)

    return wrapper


def main(paths: list[str]) -> tuple[dict[str, float], int, int]:
    """CPU seconds per stage, the number of findings and of the rules they come from."""
    spent = dict.fromkeys(STAGES, 0.0)
    spent["start-up"] = time.process_time()  # the interpreter's own start, then imports
    t0 = time.process_time()
    from lintcare.api import _read, default_rules
    from lintcare.pipeline import FileResult, document_for
    from lintcare.report import render
    from lintcare.sources import extract, format_for

    ruleset = default_rules()
    for rule in ruleset.rules:
        stage = STAGE_OF_KIND.get(rule.kind.name)
        if stage is not None:
            rule.kind.find = _timed_find(rule.kind.find, spent, stage)
    spent["start-up"] += time.process_time() - t0
    from lintcare.engine import lint_document
    from lintcare.suppress import apply_suppressions

    results = []
    for path in paths:
        t0 = time.process_time()
        read = _read(path, format_for(path), "utf-8")
        if isinstance(read, FileResult):
            continue
        source = read[1]
        prose = extract(source)
        t1 = time.process_time()
        spent["extraction"] += t1 - t0
        inner = sum(spent[s] for s in KIND_STAGES)
        doc = document_for(source, prose, ruleset, None)
        findings = apply_suppressions(lint_document(doc, ruleset), source, prose,
                                      [r.id for r in ruleset.rules], getattr(ruleset, "known", None))
        inner = sum(spent[s] for s in KIND_STAGES) - inner
        spent["scanning/rules"] += time.process_time() - t1 - inner
        results.append(FileResult(path, findings, source=source))
    t0 = time.process_time()
    render("json", results, ruleset)
    spent["report"] += time.process_time() - t0
    rules = {f.rule for r in results for f in r.findings}
    return spent, sum(len(r.findings) for r in results), len(rules)


if __name__ == "__main__":
    spent, findings, rules = main(sys.argv[1:])
    print(json.dumps({"spent": spent, "findings": findings, "rules": rules}))
