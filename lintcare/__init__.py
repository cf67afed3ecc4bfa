"""lintcare: a content QA and compliance linter for patient-education text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .api import FileResult, lint_file, lint_text
    from .findings import Edit, Finding, Fix

_EXPORTS = {"FileResult": "api", "lint_file": "api", "lint_text": "api",
            "Edit": "findings", "Finding": "findings", "Fix": "findings"}


def __getattr__(name: str) -> Any:
    # Imported on first use: ``python -m lintcare.X`` and the command line load only
    # the modules they need.
    if name in _EXPORTS:
        from importlib import import_module

        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Edit", "FileResult", "Finding", "Fix", "__version__", "lint_file", "lint_text"]
