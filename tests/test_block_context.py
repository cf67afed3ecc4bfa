"""``block_when`` / ``block_unless``: a rule's match is judged by the paragraph it stands in."""

from __future__ import annotations

import textwrap

import pytest

from lintcare.api import lint_text
from lintcare.faults import RuleError
from lintcare.rules.loader import RuleSet, load_rules

RULE = """\
version: 1
rules:
  - id: approved-device
    category: terminology
    severity: warning
    message: 'devices are cleared'
    source: 'test'
    kind: pattern
    pattern: '\\bapproved\\b'
{options}
    examples:
      fail: ['The coil hums. It is approved.', 'The coil is approved.']
      pass: ['The pill is approved.', 'The coil hums.']
"""


def _rules(tmp_path, options: str) -> RuleSet:
    path = tmp_path / "rules.yaml"
    path.write_text(RULE.format(options=textwrap.indent(options, "    ")), encoding="utf-8")
    return load_rules([path])


def _flagged(text: str, rs: RuleSet) -> list[str]:
    return [f.text for f in lint_text(text, path="t.txt", ruleset=rs)]


def test_block_when_reads_the_whole_paragraph_not_only_the_sentence(tmp_path):
    rs = _rules(tmp_path, "block_when: '\\bcoil\\b'\n")
    # The subject stands in the sentence before; the paragraph carries it.
    assert _flagged("The coil hums. It is approved.", rs) == ["approved"]
    # Another paragraph about the coil does not lend its topic.
    assert _flagged("The coil hums.\n\nThe pill is approved.", rs) == []


def test_block_unless_exempts_the_paragraph(tmp_path):
    rs = _rules(tmp_path, "block_unless: '\\bpill\\b'\n")
    assert _flagged("The pill works. It is approved.", rs) == []
    assert _flagged("The pill works.\n\nThe coil is approved.", rs) == ["approved"]


def test_block_options_must_be_valid_regexes(tmp_path):
    with pytest.raises(RuleError, match="block_when"):
        _rules(tmp_path, "block_when: '(unclosed'\n")


def test_tms_rules_read_word_orders_of_one_claim():
    """The default rules: a regulator's approval given to a TMS device, in several orders."""
    texts = {
        "Deep TMS uses a helmet coil. It is FDA-approved, and gentle.": "FDA-approved",
        "Our TMS suite is new. In 2008 the FDA approved a new technique for low mood.": "approved",
        "While the FDA has newly approved it for teens, TMS is older.": "approved",
    }
    for text, flagged in texts.items():
        found = [(f.rule, f.text) for f in lint_text(text, path="t.txt") if f.category == "terminology"]
        assert len(found) == 1 and found[0][1] == flagged, (text, found)
    quiet = "Our TMS suite is new. The FDA approved esketamine nasal spray in 2019."
    assert not [f for f in lint_text(quiet, path="t.txt") if f.rule.startswith("tms-")]
