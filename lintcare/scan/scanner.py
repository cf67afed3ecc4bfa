"""``Scanner``: what a rule set's scans share across pages.

Built from what the rules and facts declare (their patterns and anchor literals), it
owns the anchor index (anchorindex.py), the RE2 block filter (blockfilter.py) and the
choice of which rules can match a page, and makes each page's ``PageScan``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .anchorindex import AnchorIndex
from .page import PageScan

if TYPE_CHECKING:
    from ..sources.prose import Block
    from .blockfilter import BlockFilter
    from .pattern import Pattern

# Characters of text a process reads before it builds the block filter.
FILTER_AFTER = 100_000


class Scanner:
    """``rules`` need ``anchors`` (their own literals), ``kind_anchors`` and a ``kind``
    with ``declared_patterns()`` and ``prunable`` (kinds/base.py); ``facts`` a ``pattern``."""

    def __init__(self, rules: Sequence[Any], facts: Iterable[Any]) -> None:
        self.rules = list(rules)
        self._fact_patterns: list[Pattern] = [f.pattern for f in facts]
        self._filter: BlockFilter | None = None
        self._text_seen = 0
        self._filtered_index: AnchorIndex | None = None
        # Per block filter: the rules it cannot rule out, and slot -> the rules whose
        # kinds scan with that slot's regex (indices into ``rules``).
        self._dispatch: tuple[Any, frozenset[int], dict[int, tuple[int, ...]]] | None = None
        self._slots: dict[int, tuple[Any, tuple[int, ...] | None]] = {}

    def page(self, text: str, blocks: Sequence[Block]) -> PageScan:
        """The scan of one page; counts its text toward building the block filter."""
        block_filter = self.block_filter(len(text))
        return PageScan(text, blocks, self, self.index_for(block_filter), block_filter)

    def analyse_all(self, extra: Iterable[Pattern] = ()) -> None:
        """Run every analysis pages can ask of these rules and facts (and of ``extra``
        patterns): what the analysis table records (prebuilt.py)."""
        from .loose import superset_pattern

        self.anchor_index  # noqa: B018 - derives every anchor set the rules ask for
        for pattern in self.filter_patterns():  # the loose form of every regex, re2 or not
            superset_pattern(pattern)
        declared = [p for rule in self.rules for p in rule.kind.declared_patterns()]
        for pattern in (*declared, *self._fact_patterns, *extra):
            if pattern.standard:
                pattern.scanner  # noqa: B018 - the scan form a page's first question makes

    def warm(self, size: int) -> None:
        """Build what pages of ``size`` characters in all will use (before workers fork,
        so they share one copy)."""
        self.index_for(self.block_filter(size))

    # -- the block filter ----------------------------------------------------------------
    def block_filter(self, size: int) -> BlockFilter | None:
        """The RE2 block filter, once the run has read enough text to repay building it.

        Building it takes a tenth of a second: a pre-commit run over one page is done
        sooner without it. The filter only skips work, so pages lint the same either way.
        """
        if self._filter is None:
            self._text_seen += size
            if self._text_seen < FILTER_AFTER:
                return None
            from .blockfilter import BlockFilter

            self._filter = BlockFilter(self.filter_patterns())
        return self._filter

    def filter_patterns(self) -> list[str]:
        """Every regex the block filter can answer for: the rules' and the facts'."""
        patterns = [p for rule in self.rules for p in _prunable(rule.kind) or ()]
        return patterns + [p.pattern for p in self._fact_patterns if p.standard]

    def slots_of(self, rule: Any, block_filter: BlockFilter | None) -> tuple[int, ...] | None:
        """The filter slots of the rule's regexes (None if one is not in the filter)."""
        found = self._slots.get(id(rule))
        if found is None or found[0] is not block_filter:
            slots = block_filter.slots(_prunable(rule.kind)) if block_filter is not None else None
            found = self._slots[id(rule)] = (block_filter, slots)
        return found[1]

    def rules_for(self, page: PageScan) -> list[Any]:
        """The rules whose kinds may match on ``page``, in rule order: the block filter's
        hits pick the kinds they name (asking each kind costs more than the few rules
        that are left). All rules for a page another scanner made."""
        rules = self.rules
        hits, block_filter = page.filter_hits, page.block_filter
        if hits is None or block_filter is None or page.scanner is not self:
            return rules
        always, by_slot = self._dispatch_for(block_filter)
        chosen = set(always)
        for slot in hits:
            found = by_slot.get(slot)
            if found is not None:
                chosen.update(found)
        return [rules[i] for i in sorted(chosen)]

    def _dispatch_for(self, block_filter: BlockFilter) -> tuple[frozenset[int], dict[int, tuple[int, ...]]]:
        if self._dispatch is None or self._dispatch[0] is not block_filter:
            always: set[int] = set()
            by_slot: dict[int, list[int]] = {}
            for i, rule in enumerate(self.rules):
                slots = self.slots_of(rule, block_filter)
                if slots is None:
                    always.add(i)
                for slot in slots or ():
                    by_slot.setdefault(slot, []).append(i)
            self._dispatch = (block_filter, frozenset(always),
                              {slot: tuple(found) for slot, found in by_slot.items()})
        return self._dispatch[1], self._dispatch[2]

    # -- the anchor index ----------------------------------------------------------------
    @cached_property
    def anchor_index(self) -> AnchorIndex:
        """Every anchor the rules and facts ask pages about, found in one pass per page."""
        facts = (a for p in self._fact_patterns for group in p.anchor_groups for a in group)
        return AnchorIndex({*self._rule_anchors(lambda kind: True), *facts})

    def index_for(self, block_filter: BlockFilter | None) -> AnchorIndex:
        """The anchor index a page needs: with the block filter, only the anchors the
        filter cannot stand in for (a rule's own anchors, kinds outside the filter)."""
        if block_filter is None or not block_filter.available:
            return self.anchor_index
        if self._filtered_index is None:
            outside = self._rule_anchors(lambda kind: block_filter.slots(_prunable(kind)) is None)
            self._filtered_index = AnchorIndex(outside)
        return self._filtered_index

    def _rule_anchors(self, asks: Callable[[Any], bool]) -> set[str]:
        """Rules' own anchors, and those of the kinds for which ``asks`` holds."""
        anchors: set[str] = set()
        for rule in self.rules:
            anchors.update(rule.anchors)
            if asks(rule.kind):
                anchors.update(rule.kind_anchors)
                for pattern in rule.kind.declared_patterns():
                    if rule.kind.prunable:  # scanned in blocks: PageScan.finditer asks these
                        for group in pattern.anchor_groups:
                            anchors.update(group)
                    else:  # scanned over the page: PageScan.spans asks these
                        anchors.update(pattern.starts)
        return anchors


def _prunable(kind: Any) -> list[str] | None:
    """The regexes every match of a prunable kind comes from; None when the block filter
    cannot answer for all of them (a team's regex, a kind that is not prunable)."""
    patterns = kind.declared_patterns() if kind.prunable else []
    if not patterns or not all(p.standard for p in patterns):
        return None
    return [p.pattern for p in patterns]
