"""A cache row: a file's findings as compact JSON lists, and back, checked field by field.

A row is a list in field order (without the path, which is the file's): a list decodes
and unpacks faster than a mapping.
"""

from __future__ import annotations

import json

from ..findings import Edit, Finding, Fix


def finding_to_json(f: Finding) -> list[object]:
    # A row in field order (without the path, which is the file's): a list decodes and
    # unpacks faster than a mapping.
    fix = None if f.fix is None else [f.fix.safe, [[e.start, e.end, e.replacement] for e in f.fix.edits]]
    return [f.rule, f.category, f.severity, f.message, f.start, f.end, f.line, f.column,
            f.end_line, f.end_column, f.text, f.suggestions, f.scope, fix, f.extra]


# The types of a row's first 13 fields, as ``finding_to_json`` writes them.
_FIELD_TYPES = (str, str, str, str, int, int, int, int, int, int, str, list, str)


def _finding_from_json(row: object, path: str) -> Finding:
    """A stored row as a Finding; ValueError when any field is not what ``finding_to_json`` writes.

    (One comparison of the fields' types: a warm run checks some 25,000 rows.)"""
    if type(row) is not list or len(row) != 15 or tuple(map(type, row[:13])) != _FIELD_TYPES:
        raise ValueError("a cache row of another shape")
    (rule, category, severity, message, start, end, line, column, end_line, end_column, text,
     suggestions, scope, fix, extra) = row
    if suggestions and not all(type(s) is str for s in suggestions):
        raise ValueError("a cache row with a suggestion that is not text")
    if type(extra) is not list or (extra and not all(type(e) is list and len(e) == 2 and type(e[0]) is str
                                                     for e in extra)):
        raise ValueError("a cache row with extra fields of another shape")
    return Finding(rule, category, severity, message, path, start, end, line, column, end_line,
                   end_column, text, tuple(suggestions), scope, None if fix is None else _fix(fix),
                   tuple(map(tuple, extra)) if extra else ())


def _all(kind: type, *values: object) -> bool:
    return all(type(v) is kind for v in values)


def _fix(fix: object) -> Fix | None:
    if fix is None:
        return None
    if not (type(fix) is list and len(fix) == 2 and type(fix[0]) is bool and type(fix[1]) is list
            and all(type(e) is list and len(e) == 3 and _all(int, e[0], e[1]) and type(e[2]) is str
                    for e in fix[1])):
        raise ValueError("a cache row with a fix of another shape")
    return Fix(tuple(Edit(*e) for e in fix[1]), fix[0])


def decode_rows(rows: bytes, path: str) -> list[Finding]:
    """Every stored row of a file as Findings; ValueError for anything else."""
    items = json.loads(rows)
    if type(items) is not list:
        raise ValueError("cache rows that are not a list")
    return [_finding_from_json(row, path) for row in items]


def dumps(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, check_circular=False).encode("utf-8", "surrogatepass")
