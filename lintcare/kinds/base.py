"""The contract between rule kinds and the engine."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

# Defined with the other faults, so the command line can catch it without loading kinds.
from ..faults import RuleError

if TYPE_CHECKING:
    from ..document import Document
    from ..scan import Pattern

__all__ = ["Hit", "Kind", "RuleError", "match_case"]


@dataclass(frozen=True, slots=True)
class Hit:
    """A raw match in prose offsets, before context filters turn it into a Finding."""

    start: int
    end: int
    replacement: str | None = None
    suggestions: tuple[str, ...] = ()
    scope: str = "span"
    # A kind may lower a finding's severity (a low-confidence estimate is a suggestion).
    severity: str | None = None
    # Values for the rule's message template ({grade}, {words}...), also shown in JSON.
    data: tuple[tuple[str, str | int | float], ...] = ()


class Kind:
    """A generic rule kind; rules.yaml instantiates it with its own fields."""

    name: ClassVar[str] = ""
    # field name -> accepted types (empty tuple: any type, the kind checks it)
    fields: ClassVar[dict[str, tuple[type, ...]]] = {}
    required: ClassVar[tuple[str, ...]] = ()
    # Document-level kinds are not subject to span filters (negation, quotes).
    document_level: ClassVar[bool] = False
    # A fallback kind (dictionary spelling) gives way to any other rule that flags the
    # same span in the same category: the specific rule's message is the better one.
    fallback: ClassVar[bool] = False

    def __init__(self, raw: dict[str, Any], ctx: Any) -> None:
        self.raw = raw

    def anchors(self) -> tuple[str, ...]:
        """Lowercase literals one of which must occur in a page for a match to be possible."""
        return ()

    def use_anchors(self, anchors: tuple[str, ...]) -> None:
        """The rule's own ``anchors``: literals one of which every match contains (or its
        block, for lookarounds). Kinds that scan blocks pass them to ``doc.scan``."""

    # Every hit is a match of one of ``declared_patterns()`` inside one block: the engine may skip
    # the rule on a page where the scan rules out all of them (SQLFluff's crawlers: the
    # kind declares, the engine prunes, and ``find`` never hears of it).
    prunable: ClassVar[bool] = False

    def declared_patterns(self) -> list[Pattern]:
        """The patterns this kind asks ``doc.scan`` about: the scanner indexes the
        literals their scans need."""
        return []

    def find(self, doc: Document) -> Iterator[Hit]:
        raise NotImplementedError


class ShapedKind(Kind):
    """A kind whose rules each pick one of its ``shapes`` (the ``shape`` field): one kind
    for a family of related checks, each rule one check."""

    shapes: ClassVar[tuple[str, ...]] = ()
    required = ("shape",)

    def __init__(self, raw: dict[str, Any], ctx: Any) -> None:
        super().__init__(raw, ctx)
        self.shape: str = raw["shape"]
        if self.shape not in self.shapes:
            raise ctx.error("shape", f"must be one of {', '.join(self.shapes)}")


def match_case(original: str, replacement: str) -> str:
    """Carry the flagged text's capitalisation over to its replacement."""
    if not replacement or not original:
        return replacement
    if original.isupper() and len(original) > 1 and not replacement.isupper():
        # "ESKETAMIN" -> "ESKETAMINE", but mixed brands like "SPRAVATO®" stay as given.
        return replacement.upper() if replacement.islower() else replacement
    if original[0].isupper() and replacement[0].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement
