"""The contract between rule kinds and the engine."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

# Defined with the other faults, so the command line can catch it without loading kinds.
from ..faults import RuleError

if TYPE_CHECKING:
    from ..document import Document

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

    def anchor_sets(self) -> list[tuple[str, ...]]:
        """Every anchor tuple this kind asks a page about (to index them in one pass)."""
        return [self.anchors()]

    def use_anchors(self, anchors: tuple[str, ...]) -> None:
        """The rule's own ``anchors``: literals one of which every match contains (or its
        block, for lookarounds). Kinds that scan blocks use them where they derive none."""

    # The block filter's slots for filter_patterns(), and the filter they belong to.
    _slot_cache: tuple[Any, tuple[int, ...] | None] = (None, None)

    def can_match(self, doc: Document) -> bool:
        """False when the block filter rules out every regex of the kind on this page
        (a cheap check before ``find``)."""
        hits = doc.filter_hits
        if hits is None:
            return True
        slots = self._filter_slots(doc.block_filter)
        return slots is None or any(slot in hits for slot in slots)

    def filtered(self, doc: Document) -> bool:
        """True when ``can_match`` answers from the block filter: the kind's own anchors
        then need no asking."""
        return doc.filter_hits is not None and self._filter_slots(doc.block_filter) is not None

    def _filter_slots(self, block_filter: Any) -> tuple[int, ...] | None:
        """The filter slots of this kind's regexes (None if one is not in the filter)."""
        if self._slot_cache[0] is not block_filter:
            self._slot_cache = (block_filter, block_filter.slots(self.filter_patterns()))
        return self._slot_cache[1]

    def filter_patterns(self) -> list[str] | None:
        """Patterns of the regexes this kind scans blocks with, for the block filter;
        None when the filter cannot answer for all of them."""
        return None

    def find(self, doc: Document) -> Iterator[Hit]:
        raise NotImplementedError


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
