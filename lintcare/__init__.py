"""lintcare: a content QA and compliance linter for patient-education text."""

from __future__ import annotations

__version__ = "0.1.0"

from .api import FileResult, lint_file, lint_text
from .findings import Edit, Finding, Fix

__all__ = ["Edit", "FileResult", "Finding", "Fix", "__version__", "lint_file", "lint_text"]
