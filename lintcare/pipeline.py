"""The one per-file pipeline that every entry point runs.

read → extract (prose with an exact position map) → document → rule kinds (engine) →
suppressions → the file's configuration → findings.

``check``, ``--fix``/``--diff`` (on every pass), ``baseline``, ``stats``, the Python API
and the report all call ``lint`` here with the file's own resolved rules and
configuration, so a fix can only ever come from a finding that ``check`` would show
with the same settings, and a suppressed finding is never fixed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .faults import PartialLint
from .findings import Finding
from .sources import Source, extract

if TYPE_CHECKING:
    from .config import Config
    from .document import Document
    from .rules.loader import RuleSet
    from .sources.prose import Prose


@dataclass
class FileResult:
    path: str
    findings: Sequence[Finding] = field(default_factory=list)  # a list, or StoredFindings
    error: str | None = None
    note: str | None = None  # a skipped file (binary): not an error
    source: Source | None = field(default=None, repr=False)
    fixed: int | None = None  # fixes applied (only when fixing)


@dataclass(frozen=True)
class Linted:
    """One run of the pipeline over one source."""

    source: Source
    prose: Prose
    findings: list[Finding]
    failures: tuple[str, ...] = ()  # rules skipped on this page (a team's pattern timed out)

    def complete(self) -> list[Finding]:
        """The findings; ``PartialLint`` (carrying them) when a rule could not run."""
        if self.failures:
            raise PartialLint(list(self.failures), self.findings)
        return self.findings


def document_for(source: Source, prose: Prose, ruleset: RuleSet, config: Config | None) -> Document:
    """The document the rule kinds read: the page, its facts and the file's settings."""
    # Imported here: a run whose files all come from the cache never needs them.
    from .document import Document
    from .language.vocabulary import EMPTY
    from .sources.meta import declared

    vocabulary = config.vocabulary if config is not None else EMPTY
    locale, kind = config.page_settings(source.path) if config is not None else (None, None)
    # The page's own front matter or <html lang> is more specific than its configuration.
    own = declared(source.text, source.fmt)
    scan = ruleset.scanner.page(prose.text, prose.blocks)
    return Document(source, prose, ruleset.facts, scan, vocabulary,
                    locale=own.locale or locale, page_kind=own.page_kind or kind)


def lint(source: Source, ruleset: RuleSet, config: Config | None = None) -> Linted:
    """Every stage, in order, for one source."""
    from .engine import lint_document
    from .scan import file_budget
    from .suppress import apply_suppressions

    prose = extract(source, chrome=config is not None and config.lint_page_chrome)
    doc = document_for(source, prose, ruleset, config)
    failures: list[str] = []
    with file_budget(len(prose.text)):  # a team's patterns share one time budget per file
        findings = lint_document(doc, ruleset, failures)
    findings = apply_suppressions(findings, source, prose, [r.id for r in ruleset.rules],
                                  getattr(ruleset, "known", None))
    if config is not None:
        findings = config.apply(findings, source.path)
    if source.fmt == "docx":  # a Word document's findings name their part (body, table, …)
        from .sources.docx import with_parts

        findings = with_parts(source, findings)
    return Linted(source, prose, findings, tuple(failures))


def lint_loaded(source: Source, ruleset: RuleSet, config: Config | None = None) -> FileResult:
    """Lint a read source; a rule that could not run makes an error beside the other findings."""
    try:
        return FileResult(source.path, lint(source, ruleset, config).complete(), source=source)
    except PartialLint as exc:
        return FileResult(source.path, exc.findings, error=str(exc), source=source)
