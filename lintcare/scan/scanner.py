"""``Scanner``: what a rule set's scans share across pages.

Built from what the rules and facts declare (their patterns and anchor literals), it
owns the anchor index (anchorindex.py) and makes each page's ``PageScan``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .anchorindex import AnchorIndex
from .page import PageScan

if TYPE_CHECKING:
    from ..sources.prose import Block
    from .pattern import Pattern


class Scanner:
    """``rules`` need ``anchors`` (their own literals), ``kind_anchors`` and a ``kind``
    with ``declared_patterns()`` and ``prunable`` (kinds/base.py); ``facts`` a ``pattern``."""

    def __init__(self, rules: Sequence[Any], facts: Iterable[Any]) -> None:
        self.rules = list(rules)
        self._fact_patterns: list[Pattern] = [f.pattern for f in facts]

    def page(self, text: str, blocks: Sequence[Block]) -> PageScan:
        """The scan of one page."""
        return PageScan(text, blocks, self, self.anchor_index)

    def analyse_all(self, extra: Iterable[Pattern] = ()) -> None:
        """Run every analysis pages can ask of these rules and facts (and of ``extra``
        patterns): what the analysis table records (prebuilt.py)."""
        self.anchor_index  # noqa: B018 - derives every anchor set the rules ask for
        declared = [p for rule in self.rules for p in rule.kind.declared_patterns()]
        for pattern in (*declared, *self._fact_patterns, *extra):
            if pattern.standard:
                pattern.scanner  # noqa: B018 - the scan form a page's first question makes

    def warm(self) -> None:
        """Build what every page uses (before workers fork, so they share one copy)."""
        self.anchor_index  # noqa: B018

    @cached_property
    def anchor_index(self) -> AnchorIndex:
        """Every anchor the rules and facts ask pages about, found in one pass per page."""
        anchors: set[str] = {a for p in self._fact_patterns for group in p.anchor_groups for a in group}
        for rule in self.rules:
            anchors.update(rule.anchors, rule.kind_anchors)
            for pattern in rule.kind.declared_patterns():
                anchors.update(pattern.starts)  # PageScan tries matches where these stand
                if rule.kind.prunable:  # scanned in blocks: PageScan.finditer asks these too
                    for group in pattern.anchor_groups:
                        anchors.update(group)
        return AnchorIndex(anchors)
