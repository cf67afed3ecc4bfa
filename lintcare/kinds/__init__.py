"""Stage 4: the generic rule kinds that rules.yaml instantiates."""

from __future__ import annotations

from .agreement import AgreementKind
from .balance import BalanceKind
from .base import Hit, Kind, RuleError
from .capitals import CaseMixKind
from .clause import ClauseKind
from .compound import CompoundKind
from .consistency import ConsistencyKind
from .first_mention import FirstMentionKind
from .first_use import FirstUseKind
from .grammar import GrammarKind
from .names import NamesKind
from .occurrence import OccurrenceKind
from .pattern import PatternKind
from .readability import GradeLevelKind, LongSentenceKind
from .regional import RegionalSpellingKind
from .requires import RequiresKind
from .spelling import SpellingKind
from .terms import TermsKind
from .tokens import TokensKind
from .variety import VarietyKind, VarietyUsageKind

KINDS: dict[str, type[Kind]] = {
    k.name: k
    for k in (PatternKind, TermsKind, TokensKind, RequiresKind, FirstMentionKind, BalanceKind,
              OccurrenceKind, ConsistencyKind, SpellingKind, GradeLevelKind,
              LongSentenceKind, FirstUseKind, VarietyKind, NamesKind, AgreementKind,
              VarietyUsageKind, CompoundKind,
              GrammarKind, RegionalSpellingKind, CaseMixKind, ClauseKind)
}

__all__ = ["KINDS", "Hit", "Kind", "RuleError"]
