"""``requires``: the page must state at least one of some facts (a phone, 988...)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..document import Document
from .base import Hit, Kind


class RequiresKind(Kind):
    """Document level. ``require_any`` lists facts; the rule's ``when`` says which pages it is for.

    The finding points at the document's first line, or with ``point_at`` at the first
    mention of that fact (the word "suicide", say), so the writer sees why it applies.
    """

    name = "requires"
    fields = {"require_any": (list, str), "point_at": (str,)}
    required = ("require_any",)
    document_level = True

    def __init__(self, raw: dict[str, Any], ctx: Any) -> None:
        super().__init__(raw, ctx)
        req = raw["require_any"]
        self.require_any = tuple(req if isinstance(req, list) else [req])
        for name in (*self.require_any, *([raw["point_at"]] if "point_at" in raw else [])):
            if name not in ctx.facts:
                raise ctx.error("require_any", f"unknown fact '{name}' (define it under 'facts')")
        self.point_at: str | None = raw.get("point_at")

    def find(self, doc: Document) -> Iterator[Hit]:
        if any(doc.has(name) for name in self.require_any):
            return
        if self.point_at:
            at = doc.fact_offset(self.point_at)
            if at is not None and at >= 0:
                m = doc._facts[self.point_at].pattern.match(doc.text, at)
                end = m.end() if m and m.end() > at else at + 1
                yield Hit(at, end, scope="document")
                return
        yield Hit(0, 0, scope="document")
