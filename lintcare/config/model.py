"""A resolved configuration: which rules run, at which severity, on which files."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..faults import OneLineError
from ..findings import SEVERITIES, Finding
from ..language.vocabulary import EMPTY as EMPTY_VOCABULARY
from ..language.vocabulary import Vocabulary

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

    from ..language.languagetool import LanguageToolOptions

CONFIG_FILES = (".lintcare.yaml", ".lintcare.yml")
PYPROJECT = "pyproject.toml"
FAIL_ON = (*SEVERITIES, "none")
DEFAULT_FAIL_ON = "warning"


class ConfigError(OneLineError):
    """A configuration that cannot be used; the message is one line naming file and key."""


def path_spec(globs: tuple[str, ...]) -> GitIgnoreSpec:
    """Gitignore-style globs over '/'-separated paths relative to the config's folder.

    As in a .gitignore: a glob without '/' (but at its end) matches a name at any depth, a
    glob that matches a folder matches everything in it, and ``!glob`` takes files back.
    """
    import pathspec  # imported when a config has globs, not for every run

    lines = []
    for glob in globs:
        glob = glob.strip()
        # "./docs" means this folder's docs, which a .gitignore writes "/docs".
        lines.append("/" + glob[2:] if glob.startswith("./") else glob)
    return pathspec.GitIgnoreSpec.from_lines(lines)


@dataclass(frozen=True)
class Override:
    files: tuple[str, ...]  # globs, as written (the cache key is made of them)
    ignore: frozenset[str] = frozenset()
    severity: tuple[tuple[str, str], ...] = ()
    locale: str | None = None
    page_kind: str | None = None

    @cached_property
    def _spec(self) -> GitIgnoreSpec:
        return path_spec(self.files)

    def matches(self, rel: str) -> bool:
        return self._spec.match_file(rel)


@dataclass(frozen=True, eq=False)
class Config:
    path: Path | None = None  # the discovered (or given) file; None for the defaults
    root: Path = field(default_factory=Path.cwd)  # folder the globs are relative to
    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    severity: tuple[tuple[str, str], ...] = ()
    overrides: tuple[Override, ...] = ()
    include: tuple[str, ...] = ()  # globs, as written
    exclude: tuple[str, ...] = ()
    fail_on: str | None = None
    vocabulary: Vocabulary = EMPTY_VOCABULARY
    locale: str | None = None  # en-US, en-GB, en-CA, en-AU; None: read from each page
    page_kind: str | None = None  # None: each page's kind is guessed (language/pagekind.py)
    lint_page_chrome: bool = False  # HTML navigation, header and footer linted too
    rule_files: tuple[Path, ...] = ()
    languagetool: LanguageToolOptions | None = None  # the `languagetool` key; --languagetool wins
    # (file, key, name) of every rule or category named, checked once rules are loaded
    names: tuple[tuple[str, str, str], ...] = ()

    # -- rules -----------------------------------------------------------------
    def rule_enabled(self, rule_id: str, category: str) -> bool:
        """The most specific mention wins: a rule id over its category."""
        if rule_id in self.ignore:
            return False
        if self.select is not None and rule_id in self.select:
            return True
        if category in self.ignore:
            return False
        return self.select is None or category in self.select

    # -- files -----------------------------------------------------------------
    def relative(self, path: str) -> str:
        try:
            rel = os.path.relpath(os.path.abspath(path), self.root)
        except ValueError:  # another drive
            rel = path
        return rel.replace(os.sep, "/")

    @cached_property
    def _include(self) -> GitIgnoreSpec:
        return path_spec(self.include)

    @cached_property
    def _exclude(self) -> GitIgnoreSpec:
        return path_spec(self.exclude)

    def selected(self, path: str, explicit: bool) -> bool:
        """Is this file linted? include applies to files found in folders, exclude to all."""
        if not self.exclude and (explicit or not self.include):
            return True  # no pattern to match: the relative path (slow to make) is not needed
        rel = self.relative(path)
        if self.exclude and self._exclude.match_file(rel):
            return False
        return explicit or not self.include or self._include.match_file(rel)

    def page_settings(self, path: str) -> tuple[str | None, str | None]:
        """(locale, page kind) for one file: the top-level keys, then matching overrides."""
        locale, kind = self.locale, self.page_kind
        if any(o.locale or o.page_kind for o in self.overrides):
            rel = self.relative(path)
            for o in self.overrides:  # later entries win
                if (o.locale or o.page_kind) and o.matches(rel):
                    locale, kind = o.locale or locale, o.page_kind or kind
        return locale, kind

    def apply(self, findings: list[Finding], path: str) -> list[Finding]:
        """Per-rule, per-category and per-path filters and severities, after suppressions."""
        rel = self.relative(path) if self.overrides else ""
        overrides = [o for o in self.overrides if o.matches(rel)]
        ignored = frozenset().union(*(o.ignore for o in overrides))
        tables = [dict(t) for t in (self.severity, *(o.severity for o in overrides)) if t]
        out: list[Finding] = []
        for f in findings:
            if not self.rule_enabled(f.rule, f.category):
                continue
            if f.rule in ignored or f.category in ignored:
                continue
            severity = f.severity
            for mapping in tables:  # later tables (per path) win; a rule id beats its category
                severity = mapping.get(f.rule, mapping.get(f.category, severity))
            out.append(f if severity == f.severity else dataclasses.replace(f, severity=severity))
        return out
