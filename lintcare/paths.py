"""Where lintcare's own rule file is, known without loading the rule machinery.

The result cache's key covers this file's content, and a run whose every file is a
cache hit never loads the rules (cli.py), so finding it must not import them.
"""

from __future__ import annotations

from pathlib import Path


def default_rules_path() -> Path:
    """rules.yaml inside the installed wheel, else at the repository root."""
    here = Path(__file__).resolve().parent
    packaged = here / "rules.yaml"
    return packaged if packaged.exists() else here.parent / "rules.yaml"
