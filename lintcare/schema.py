"""The JSON Schemas shipped in ``lintcare/schemas/``, and their errors as one short line.

Editors with a YAML language server complete and check ``.lintcare.yaml`` and rule files
against these schemas; lintcare validates the same files with them, so both agree. The
validators are built on first use, once per process: a run whose pages all come from the
cache never imports jsonschema.

Two extensions that VS Code's JSON support also reads shorten messages: a schema node's
``errorMessage`` replaces the reason for an error at that node (or for a value that fits
none of its alternatives), and ``patternErrorMessage`` the reason for a ``pattern`` error.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

SCHEMAS = Path(__file__).resolve().parent / "schemas"
CUT = 60  # characters of a value shown in a message

_TYPES = {"string": "a string", "array": "a list", "object": "a mapping", "boolean": "true or false",
          "integer": "a whole number", "number": "a number", "null": "empty"}


@dataclass(frozen=True)
class Problem:
    """Where a document breaks its schema (down to the offending key) and why."""

    path: tuple[str | int, ...]
    reason: str
    unknown: bool = False  # an unknown key: the last path element names it
    known: tuple[str, ...] = field(default=())  # the keys allowed there, when the schema lists them


def schema_path(name: str) -> Path:
    """The shipped schema file: ``config`` or ``rules``."""
    return SCHEMAS / f"{name}.schema.json"


@cache
def load_schema(name: str) -> dict[str, Any]:
    return json.loads(schema_path(name).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@cache
def _validator(name: str) -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_schema(name))


def first_problem(name: str, data: Any, first_fields: tuple[str, ...] = ()) -> Problem | None:
    """The most useful error of ``data`` against schema ``name``, or None when it is valid.

    Errors come in document order (the first list entry that is wrong); within one entry
    an error about one of ``first_fields`` (a rule's ``id`` or ``kind``, which decide how
    the rest is read) comes first, then any but an unevaluated key, then a missing key,
    then jsonschema's own ranking.
    """
    from jsonschema.exceptions import best_match, relevance

    def rank(error: Any) -> tuple[Any, ...]:
        path = list(error.absolute_path)
        index = next((p for p in path if isinstance(p, int)), -1)
        focus = any(p in first_fields for p in path[2:3]) or (
            error.validator == "required" and any(f not in error.instance for f in first_fields))
        # A kind's fields count as unknown when one of them is wrong (jsonschema does not
        # count them as evaluated then): the wrong one is the error to report.
        real = error.validator != "unevaluatedProperties"
        items = tuple(-p for p in path[1:] if isinstance(p, int))  # the first wrong item of a list
        return (-index, focus, real, error.validator == "required", items, *relevance(error))

    error = best_match(_validator(name).iter_errors(data), key=rank)
    return None if error is None else _problem(error)


def _problem(error: Any) -> Problem:
    path = tuple(error.absolute_path)
    custom = _custom(error)
    if custom is not None:
        return custom
    kind, expected, value = error.validator, error.validator_value, error.instance
    if kind == "required":
        missing = next(k for k in expected if k not in value)
        return Problem((*path, missing), "is required")
    if kind in ("additionalProperties", "unevaluatedProperties"):
        # The first unexpected key in the document's order (jsonschema names each one).
        extra = next((k for k in value if repr(k) in error.message), next(iter(value), ""))
        known = tuple(error.schema.get("properties", ()))
        return Problem((*path, extra), "unknown key", unknown=True, known=known)
    return Problem(path, _reason(kind, expected, value, error))


def _custom(error: Any) -> Problem | None:
    """The schema's own wording for this error, if it has one."""
    if error.validator == "pattern" and "patternErrorMessage" in error.schema:
        return Problem(tuple(error.absolute_path), error.schema["patternErrorMessage"])
    node = error
    while node is not None:
        if "errorMessage" in node.schema:
            return Problem(tuple(node.absolute_path), node.schema["errorMessage"])
        if error.validator != "type":
            return None  # a specific error inside a value of the right shape: say it as it is
        node = node.parent
    return None


def _reason(kind: str, expected: Any, value: Any, error: Any) -> str:
    simple: dict[str, Callable[[], str]] = {
        "type": lambda: f"must be {_expected_types(expected)}, not {type_name(value)}",
        "enum": lambda: f"must be one of {', '.join(map(str, expected))}",
        "const": lambda: f"must be {cut(expected)}",
        "minItems": lambda: f"needs at least {_count(expected, 'entry', 'entries')}",
        "maxItems": lambda: f"takes at most {expected} entries",
        "minProperties": lambda: f"needs at least {_count(expected, 'entry', 'entries')}",
        "minLength": lambda: "must not be empty" if expected == 1 else f"needs {expected}+ characters",
        "maxLength": lambda: f"takes at most {expected} characters",
        "minimum": lambda: f"must be at least {expected}",
        "exclusiveMinimum": lambda: f"must be more than {expected}",
        "pattern": lambda: f"must match {cut(expected)}",
    }
    if kind in simple:
        return simple[kind]()
    return cut(error.message, 2 * CUT)


def _count(n: int, one: str, many: str) -> str:
    words = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    return f"{words[n] if n < len(words) else n} {one if n == 1 else many}"


def _expected_types(expected: str | list[str]) -> str:
    names = [_TYPES.get(t, t) for t in ([expected] if isinstance(expected, str) else expected)]
    return " or ".join(names)


def type_name(value: Any) -> str:
    """A YAML value's type in words."""
    if isinstance(value, bool):
        return "true/false"
    return {str: "a string", list: "a list", dict: "a mapping", int: "a number", float: "a number",
            type(None): "empty"}.get(type(value), type(value).__name__)


def cut(value: Any, limit: int = CUT) -> str:
    """A value as the user wrote it, cut short: a message stays one readable line."""
    text = value if isinstance(value, str) else repr(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def render_path(path: tuple[str | int, ...]) -> str:
    """``('overrides', 0, 'files')`` -> ``overrides[0].files``."""
    out = ""
    for part in path:
        name = cut(str(part))
        out += f"[{part}]" if isinstance(part, int) else (f".{name}" if out else name)
    return out
