"""``lintcare stats``: reading grade, words and sentences per file and per section.

The figures are the ones the ``grade-level`` rule judges: the same text preparation,
the same familiar words and thresholds, taken from the rule set's first
``grade-level`` rule (built-in defaults when there is none).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .faults import Note
from .language.readability import Scores, analyse
from .rules.loader import RuleSet
from .sources import Source, SourceError, extract, read_source

if TYPE_CHECKING:
    from .config import Config
    from .pipeline import FileResult
    from .report.html import Grade


@dataclass(frozen=True)
class Settings:
    metric: str = "smog"
    target: float = 8.0
    min_sentences: int = 10  # a section needs this many for a grade to mean much
    reliable_sentences: int = 30  # a page needs this many
    familiar: frozenset[str] = frozenset()

    @classmethod
    def from_rules(cls, ruleset: RuleSet) -> Settings:
        for rule in ruleset.rules:
            if rule.kind_name == "grade-level":
                k: Any = rule.kind
                return cls(k.metric, k.target, k.min_sentences, k.reliable_sentences, k.familiar)
        return cls()


@dataclass
class FileStats:
    path: str
    error: str | None = None
    note: str | None = None  # a skipped file (binary), as `check` reports it
    page: dict[str, Any] = field(default_factory=dict)
    sections: list[dict[str, Any]] = field(default_factory=list)


def _figures(scores: Scores, low_below: int) -> dict[str, Any]:
    def r(x: float | None) -> float | None:
        return None if x is None else round(x, 1)

    return {
        "smog": r(scores.smog),
        "flesch_kincaid": r(scores.flesch_kincaid),
        "flesch_reading_ease": r(scores.flesch_reading_ease),
        "words": scores.words,
        "sentences": scores.sentences,
        "polysyllables": scores.polysyllables,
        "low_confidence": scores.sentences < low_below,
    }


def file_stats(source: Source, settings: Settings, chrome: bool = False) -> FileStats:
    prose = extract(source, chrome=chrome)
    analysis = analyse(prose)
    out = FileStats(source.path, page=_figures(analysis.scores(settings.familiar),
                                               settings.reliable_sentences))
    for section in analysis.sections:
        line = source.position(prose.map.source_start(section.start))[0] if prose.text else 1
        out.sections.append({"heading": section.heading, "line": line,
                             **_figures(section.scores(settings.familiar), settings.min_sentences)})
    return out


def gather(plan: Iterable[tuple[str, str | None, Config | None]], settings_for: Callable[[Config], Settings],
           encoding: str = "utf-8", read_stdin: Callable[[], Source] | None = None) -> list[FileStats]:
    """Figures for each planned file, with the settings of its own configuration ('-' is
    standard input, read by ``read_stdin``)."""
    results: list[FileStats] = []
    for path, problem, config in plan:
        name = "<stdin>" if path == "-" else path
        try:
            if problem or config is None:
                raise SourceError(problem or "not linted")
            if path == "-" and read_stdin is not None:
                source = read_stdin()
                name = source.path
            else:
                source = read_source(path, None, encoding)
        except SourceError as exc:
            if isinstance(problem, Note) or str(exc).startswith("binary file"):
                results.append(FileStats(name, note=str(exc)))
            else:
                results.append(FileStats(name, error=str(exc)))
            continue
        results.append(file_stats(source, settings_for(config), config.lint_page_chrome))
    return results


def render_json(results: Sequence[FileStats], settings: Settings) -> str:
    files: list[dict[str, Any]] = []
    for r in results:
        if r.error:
            files.append({"path": r.path, "error": r.error})
        else:
            files.append({"path": r.path, **r.page, "sections": r.sections})
    payload = {"version": 1, "metric": settings.metric, "target": settings.target, "files": files}
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _grade(value: float | None, low: bool) -> str:
    if value is None:
        return "-"
    return f"{value:.1f}" + ("*" if low else "")


def render_text(results: Sequence[FileStats], settings: Settings) -> str:
    metric = "SMOG" if settings.metric == "smog" else "Flesch-Kincaid"
    lines: list[str] = []
    any_low = False
    for r in results:
        if r.error:
            continue
        p = r.page
        grade = p["smog"] if settings.metric == "smog" else p["flesch_kincaid"]
        verdict = ""
        if grade is not None:
            verdict = f"; above the target {metric} {settings.target:g}" if grade > settings.target \
                else f"; within the target {metric} {settings.target:g}"
        any_low = any_low or (p["low_confidence"] and p["sentences"] > 0)
        lines.append(
            f"{r.path}: SMOG {_grade(p['smog'], p['low_confidence'])}, Flesch-Kincaid "
            f"{_grade(p['flesch_kincaid'], p['low_confidence'])}, reading ease "
            f"{_grade(p['flesch_reading_ease'], False)}; {_count(p['words'], 'word')}, "
            f"{_count(p['sentences'], 'sentence')}{verdict}"
        )
        if r.sections:
            width = min(48, max(len(s["heading"] or "(before the first heading)") for s in r.sections))
            lines.append(f"  {'line':>5}  {'section':<{width}}  {'SMOG':>6}  {'FK':>6}  "
                         f"{'words':>6}  sentences")
            for s in r.sections:
                title = s["heading"] or "(before the first heading)"
                if len(title) > width:
                    title = title[:width - 1] + "…"
                low = s["low_confidence"] and s["sentences"] > 0
                any_low = any_low or low
                lines.append(f"  {s['line']:>5}  {title:<{width}}  {_grade(s['smog'], low):>6}  "
                             f"{_grade(s['flesch_kincaid'], low):>6}  {s['words']:>6}  {s['sentences']:>9}")
    if any_low:
        lines.append(f"* low confidence: fewer than {settings.reliable_sentences} sentences on a page or "
                     f"{settings.min_sentences} in a section; read the grade as a rough estimate")
    return "\n".join(lines)


def page_grades(results: Iterable[FileResult], ruleset: RuleSet) -> dict[str, Grade]:
    """Each linted page's reading grade against the target, for the HTML report.

    The figures of ``lintcare stats`` with the headline settings (``ruleset``'s grade-level rule)."""
    from .report.html import Grade

    settings = Settings.from_rules(ruleset)
    key = "smog" if settings.metric == "smog" else "flesch_kincaid"
    grades: dict[str, Grade] = {}
    for r in results:
        if r.source is None or r.error:
            continue
        page = file_stats(r.source, settings).page
        grades[r.path] = Grade(settings.metric, page[key], settings.target,
                               page["low_confidence"], page["words"], page["sentences"])
    return grades
