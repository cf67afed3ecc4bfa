"""The scan package is one boundary: other packages use only its public names."""

from __future__ import annotations

import ast
from pathlib import Path

import lintcare
from lintcare import scan

PACKAGE = Path(lintcare.__file__).parent


def _scan_imports(path: Path) -> list[str]:
    """Modules under lintcare.scan that ``path`` imports, written as absolute names."""
    depth = len(path.relative_to(PACKAGE).parts) - 1
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            name = node.module or ""
            if node.level:
                parts = ["lintcare", *path.relative_to(PACKAGE).parts[:depth]]
                parts = parts[:len(parts) - node.level + 1]
                name = ".".join([*parts, name] if name else parts)
            found.append(name)
        elif isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
    return [n for n in found if n.startswith("lintcare.scan.")]


def test_only_the_scan_package_imports_its_modules():
    outside = [p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).parts[0] != "scan"]
    assert len(outside) > 40
    leaks = {str(p.relative_to(PACKAGE)): _scan_imports(p) for p in outside}
    assert {k: v for k, v in leaks.items() if v} == {}


def test_the_import_check_sees_a_submodule_import(tmp_path):
    kinds = PACKAGE / "kinds" / "pattern.py"
    assert _scan_imports(kinds) == []
    # A module written where cli/ stands, naming a scanner the way a kind once did.
    leaky = PACKAGE / "cli" / "_leaky_probe.py"
    leaky.write_text("from ..scan.userregex import RegexTimeout\nimport lintcare.scan.charscan\n")
    try:
        assert _scan_imports(leaky) == ["lintcare.scan.userregex", "lintcare.scan.charscan"]
    finally:
        leaky.unlink()


def test_the_public_names_are_few():
    assert sorted(scan.__all__) == ["PageScan", "Pattern", "RegexTimeout", "Scanner", "compile",
                                    "file_budget", "kept_rules", "use_table_builder"]
    pattern = scan.compile(r"\bketamine\b", ignore_case=True)
    page = scan.Scanner((), ()).page("Ketamine helps.\n\nNo ketamine here.", [])
    assert [m.group() for m in pattern.finditer(page.text)] == ["Ketamine", "ketamine"]
    assert list(page.finditer(pattern)) == []  # no blocks: nothing is prose
