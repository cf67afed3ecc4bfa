"""The Python API; the command line is a thin layer over it.

    >>> from lintcare import lint_text
    >>> [f.rule for f in lint_text("She committed suicide.")]  # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .faults import Note, PartialLint, special_file
from .findings import Finding
from .pipeline import FileResult, lint
from .pipeline import lint_loaded as pipeline_lint_loaded
from .run.cache import ResultCache
from .sources import (
    FORMATS,
    SUFFIX_FORMATS,
    Source,
    SourceError,
    format_for,
    os_reason,
    read_bytes,
    read_source,
    unreadable,
)

if TYPE_CHECKING:
    from .config import Config
    from .rules.loader import RuleSet

SKIP_DIRS = frozenset(
    {"node_modules", "vendor", "third_party", "venv", "site-packages", "__pycache__", "_build",
     "build", "dist"}
)


def default_rules() -> RuleSet:
    """lintcare's own rules, loaded once per process."""
    from .rules.loader import default_rules as load_default

    return load_default()


def lint_source(
    source: Source, ruleset: RuleSet | None = None, config: Config | None = None
) -> list[Finding]:
    """The per-file pipeline (pipeline.py) over a read source.

    Raises ``PartialLint`` (with ``.findings``) when a team's pattern timed out.
    """
    return lint(source, ruleset or default_rules(), config).complete()


def lint_loaded(source: Source, ruleset: RuleSet | None = None, config: Config | None = None
                ) -> FileResult:
    """Lint a read source; a rule that could not run makes an error beside the other findings."""
    return pipeline_lint_loaded(source, ruleset or default_rules(), config)


def lint_text(
    text: str, fmt: str = "text", path: str = "<text>", ruleset: RuleSet | None = None,
    config: Config | None = None,
) -> list[Finding]:
    """Lint a string of plain text, Markdown or HTML.

    Raises ``PartialLint`` (with ``.findings``) when a team's pattern timed out.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    return lint_source(Source(path, text, fmt), ruleset, config)


def _read(path: str, fmt: str, encoding: str) -> tuple[bytes, Source] | FileResult:
    try:
        data = read_bytes(path)
        return data, read_source(path, fmt, encoding, data)
    except SourceError as exc:
        msg = str(exc)
        if msg.startswith("binary file"):
            return FileResult(path, note=msg)
        return FileResult(path, error=msg)


def _cache_key(cache: ResultCache, data: bytes, path: str, fmt: str, encoding: str,
               config: Config | None) -> str:
    # The config shapes results (select, severities, vocabulary), so it is part of the key.
    return cache.key(data, f"{fmt}\0{path}\0{cache.config_key(config)}", encoding)


def cache_entry(path: str, cache: ResultCache, encoding: str = "utf-8",
                config: Config | None = None) -> tuple[str, Source] | None:
    """A file's cache key and its source; None when it cannot be read (linting reports it)."""
    fmt = format_for(path)
    read = _read(path, fmt, encoding)
    if isinstance(read, FileResult):
        return None
    data, source = read
    return _cache_key(cache, data, path, fmt, encoding, config), source


def lint_file(
    path: str,
    ruleset: RuleSet | None = None,
    fmt: str | None = None,
    encoding: str = "utf-8",
    config: Config | None = None,
    cache: ResultCache | None = None,
) -> FileResult:
    fmt = fmt or format_for(path)
    read = _read(path, fmt, encoding)
    if isinstance(read, FileResult):
        return read
    data, source = read
    if cache is None:
        return lint_loaded(source, ruleset, config)
    key = _cache_key(cache, data, path, fmt, encoding, config)
    findings = cache.get(key, path)
    if findings is None:
        result = lint_loaded(source, ruleset, config)
        if result.error is None:  # a partial result is never reused
            cache.put(key, result.findings)
        return result
    return FileResult(path, findings, source=source)


def problem_result(path: str, problem: str) -> FileResult:
    """The result for a path that ``discover`` could not hand over for linting."""
    return FileResult(path, note=problem) if isinstance(problem, Note) else FileResult(path, error=problem)


def discover(paths: Iterable[str]) -> Iterator[tuple[str, str | None]]:
    """Yield (path, problem) for each file to lint; folders are walked for known suffixes.

    A problem is an error message, or a ``Note`` for what is skipped on purpose.
    """
    for raw in paths:
        if raw == "-":
            yield raw, None
        elif os.path.isdir(raw):
            found = list(_walk(Path(raw)))
            if not found:
                yield raw, Note("nothing to lint (no " + ", ".join(SUFFIX_FORMATS) + " files)")
            yield from found
        elif os.path.lexists(raw):  # a file, or a link to check later (broken, a loop)
            yield raw, unreadable(raw)  # a named PDF or image is an error, never a silent pass
        else:
            yield raw, "no such file or directory"


def _walk(root: Path) -> Iterator[tuple[str, str | None]]:
    found: list[tuple[str, str | None]] = []

    def unreadable(exc: OSError) -> None:  # a folder that cannot be listed is an error, not silence
        found.append((exc.filename or str(root), os_reason(exc)))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        # Hidden and vendored folders hold no content of the team's own.
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in SKIP_DIRS)
        for name in sorted(filenames):
            if not name.startswith(".") and Path(name).suffix.lower() in SUFFIX_FORMATS:
                path = os.path.join(dirpath, name)
                found.append((path, special_file(path)))
    yield from found


__all__ = ["FileResult", "PartialLint", "default_rules", "discover", "lint_file", "lint_loaded",
           "lint_source", "lint_text"]
