"""Each open file's settings and findings, from the same per-file pipeline as ``check``.

A file's configuration is found as ``check`` finds it (walking up from its folder) and
loaded through ``lintcare.config.Resolver``; it is kept while the configuration file is
unchanged (same path, size and modification time) and dropped when the editor reports a
change to any configuration or rule file, so an edit is picked up without a restart.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from threading import Lock

from ..config import Config, ConfigError, Resolver, find_config
from ..faults import PartialLint, RuleError
from ..findings import Finding
from ..fix import choose, fix_source, protected_ranges
from ..pipeline import lint
from ..sources import SUFFIX_FORMATS, Source, format_for

# LSP language ids lintcare reads, and the format of each.
LANGUAGE_FORMATS = {"markdown": "markdown", "html": "html", "plaintext": "text", "text": "text"}


def document_format(path: str | None, language_id: str | None) -> str | None:
    """The lintcare format of an open document; None for one lintcare does not read."""
    if path is not None and os.path.splitext(path)[1].lower() in SUFFIX_FORMATS:
        return format_for(path)
    return LANGUAGE_FORMATS.get(language_id or "")


@dataclass(frozen=True)
class Settings:
    """What one file is linted with, or why it cannot be."""

    config: Config | None = None
    ruleset: object | None = None  # a ConfiguredRuleSet
    error: str | None = None  # a configuration or rule file that cannot be used
    config_path: Path | None = None


@dataclass
class Linted:
    """One version of one document, linted."""

    version: int
    source: Source
    findings: list[Finding] = field(default_factory=list)
    protected: list[tuple[int, int]] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)
    skipped: bool = False  # excluded by the configuration
    error: str | None = None  # configuration error, or a rule that could not run
    _fix_all: str | None = field(default=None, repr=False)

    def fixable(self, finding: Finding) -> bool:
        """Would ``check --fix`` (with --unsafe-fixes for an unsafe fix) apply this fix here?"""
        return bool(choose([finding], self.source.text, unsafe=True, protected=self.protected))

    def fixed_safe(self) -> str:
        """The text ``lintcare check --fix`` makes of this version (computed once)."""
        if self._fix_all is None:
            try:
                self._fix_all = fix_source(self.source, self.settings.ruleset,  # type: ignore[arg-type]
                                           unsafe=False, config=self.settings.config).text
            except PartialLint:  # a rule could not run: check --fix leaves the file alone
                self._fix_all = self.source.text
        return self._fix_all


def _stamp(path: Path | None) -> tuple[object, ...]:
    """What says a configuration file is unchanged."""
    if path is None:
        return (None,)
    try:
        st = path.stat()
    except OSError:
        return (path, None)
    return (path, st.st_mtime_ns, st.st_size)


class Project:
    """Resolves and caches each folder's settings; thread-safe (lint runs off the main loop)."""

    def __init__(self) -> None:
        self._lock = Lock()
        self._by_stamp: dict[tuple[object, ...], Settings] = {}

    def forget(self) -> None:
        """A configuration or rule file changed: resolve everything again."""
        with self._lock:
            self._by_stamp.clear()

    def settings_for(self, path: str | None) -> Settings:
        # An unsaved buffer has no folder: lintcare's defaults, as for standard input.
        folder = os.path.dirname(path) if path else None
        found = find_config(folder) if folder and os.path.isdir(folder) else None
        key = _stamp(found)
        with self._lock:
            settings = self._by_stamp.get(key)
            if settings is None:
                settings = self._by_stamp[key] = self._load(path if found else None, found)
            return settings

    def _load(self, path: str | None, found: Path | None) -> Settings:
        resolver = Resolver()  # a fresh read of the files, never a stale cache
        try:
            config = resolver.config_for(path) if path else Config()
            return Settings(config, resolver.ruleset_for(config), config_path=found)
        except (ConfigError, RuleError) as exc:
            return Settings(error=str(exc), config_path=found)

    def lint(self, version: int, path: str | None, text: str, fmt: str) -> Linted:
        source = Source(path or "<unsaved>", text, fmt)
        settings = self.settings_for(path)
        if settings.error is not None:
            return Linted(version, source, settings=settings, error=settings.error)
        config = settings.config
        # Files in the editor count as found in their folder: include and exclude both apply.
        if path and config is not None and not config.selected(path, explicit=False):
            return Linted(version, source, settings=settings, skipped=True)
        linted = lint(source, settings.ruleset, config)  # type: ignore[arg-type]
        error = None
        if linted.failures:
            error = "rules skipped on this page (a pattern took too long): " + ", ".join(linted.failures)
        return Linted(version, source, linted.findings, protected_ranges(source, linted.prose.comments),
                      settings, error=error)

    def failed(self, version: int, path: str | None, text: str, fmt: str, exc: Exception) -> Linted:
        """The result of a run that raised: one error on the page, reported to the writer."""
        return Linted(version, Source(path or "<unsaved>", text, fmt),
                      error=f"internal error while linting ({type(exc).__name__}: {exc})")
