"""``consistency``: one page, one style; flag the style used less often."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..document import Document
from ..scan import Pattern
from .base import Hit, Kind


class ConsistencyKind(Kind):
    """``variants`` maps a style name to a pattern (curly vs straight quotes, say).

    When a page uses more than one variant, every match of the variants it uses less
    often is flagged (on a tie, the variant that appears later); a page that keeps to
    one style is fine. ``replace`` may give a replacement per variant name.
    """

    name = "consistency"
    fields = {"variants": (dict,), "case_sensitive": (bool,), "replace": (dict,)}
    required = ("variants",)

    def __init__(self, raw: dict[str, Any], ctx: Any) -> None:
        super().__init__(raw, ctx)
        variants = raw["variants"]
        if len(variants) < 2:
            raise ctx.error("variants", "needs at least two named variants")
        cs = raw.get("case_sensitive", False)
        self.variants = {str(k): ctx.regex("variants", v, cs) for k, v in variants.items()}
        self.replace = {str(k): str(v) for k, v in (raw.get("replace") or {}).items()}
        unknown = set(self.replace) - set(self.variants)
        if unknown:
            raise ctx.error("replace", f"unknown variant '{sorted(unknown)[0]}'")

    def declared_patterns(self) -> list[Pattern]:
        return list(self.variants.values())

    def find(self, doc: Document) -> Iterator[Hit]:
        found: dict[str, list[tuple[int, int]]] = {}
        for name, regex in self.variants.items():
            spans = [m.span() for m in doc.scan.finditer_page(regex)
                     if m.end() > m.start() and doc.block_at(m.start()) is not None]
            if spans:
                found[name] = spans
        if len(found) < 2:
            return
        # The majority style wins; on a tie, the style the page starts with.
        keep = max(found, key=lambda n: (len(found[n]), -found[n][0][0]))
        for name, spans in found.items():
            if name == keep:
                continue
            repl = self.replace.get(name)
            for start, end in spans:
                yield Hit(start, end, repl, (repl,) if repl is not None else ())
