"""The scan: regex compilation and every way of finding a pattern's matches in a page.

The only module other packages import from this folder. A rule kind compiles its
patterns (``compile``), declares them (``Kind.declared_patterns``), and asks a page's
``PageScan`` for their matches (``doc.scan.finditer``); which blocks are read and how
(literal anchors, the anchor index, lowered copies, character skips, the analysis
table) stays in here. A rule set's ``Scanner`` makes each page's
``PageScan``.

    compile(pattern, ignore_case=..., timed=..., origin=...) -> Pattern
    Scanner(rules, facts).page(text, blocks) -> PageScan
"""

from .page import PageScan
from .pattern import Pattern, compile
from .prebuilt import kept_rules, use_table_builder
from .scanner import Scanner
from .userregex import RegexTimeout, file_budget

__all__ = ["PageScan", "Pattern", "RegexTimeout", "Scanner", "compile", "file_budget",
           "kept_rules", "use_table_builder"]
