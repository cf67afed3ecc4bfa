"""Fuzzing: generated documents through extraction, the rules and the fixer.

Properties, for plain text, Markdown and HTML alike:

- nothing raises;
- the prose maps inside the file, and equal-length runs are the file's own characters;
- every finding lies within the file, its range slices to its text
  (``source.text[f.start:f.end] == f.text``) and its line/column agree with its offsets;
- every fix edit lies within the file and edits of one fix do not overlap;
- fixing is idempotent: fixing the fixed text changes nothing;
- the anchor index only skips work: the same findings with and without it.

and, in ``fuzz_settings.py``, for configs, team rule files, baselines and cache rows: one
error line or a cache miss, never anything else.

The default test suite runs a small budget (tests/test_fuzz.py). A long run is its
own command, from the repository root::

    python -m tests.fuzz --minutes 10

It prints how many examples it tried and exits 1 with the falsifying example if a
property fails.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lintcare.api import default_rules, lint_source
from lintcare.document import Document
from lintcare.engine import lint_document
from lintcare.fix.apply import fix_text
from lintcare.scan import PageScan
from lintcare.sources import Source, extract

RULES = default_rules()

# Realistic sentences: the rules' own examples and clean patient-education text.
SENTENCES = [
    *sorted({ex.text for rule in RULES.rules for ex in (*rule.fail, *rule.passes)}),
    "Ketamine therapy may help when other treatments have not.",
    "SPRAVATO® (esketamine) nasal spray is given in our certified office.",
    "Plan a ride home; do not drive until the next day.",
    "If you are thinking about suicide, call or text 988. In immediate danger, call 911.",
    "Call us at (555) 123-4567 or write to hello@example.org.",
    "TMS sessions take about 20 minutes, five days a week.",
]
MARKUP = [
    # Markdown
    "# ", "## ", "- ", "* ", "1. ", "> ", ">> ", "*", "**", "_", "__", "`", "```\n", "~~~\n",
    "    ", "[", "]", "](", "](https://example.org/book)", ")", "![", "<https://x.org>", "\\",
    "---\n", "***\n", "| a | b |\n|---|---|\n", "|", "[ref]: https://x.org\n", "[^1]",
    # HTML
    "<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<br>", "<h2>", "</h2>", "<li>", "<ul>", "</ul>",
    "<td>", "<tr>", "<table>", "<div>", "</div>", "<blockquote>", "<a href='tel:5551234567'>",
    "<a href=\"https://x.org/book\">", "</a>", "<code>", "</code>", "<pre>", "</pre>",
    "<script>", "</script>", "<style>", "</style>", "<head>", "</head>", "<title>", "</title>",
    "<meta name='description' content='Ketamin care'>", "<img alt='Spravado spray' src=x>",
    "<!--", "-->", "<!-- lintcare-disable-next-line -->", "<!DOCTYPE html>", "<?xml ?>",
    "<![CDATA[", "]]>", "<svg>", "</svg>", "<", ">", "</", "<a",
    # entities and references
    "&amp;", "&nbsp;", "&#8217;", "&#x2014;", "&eacute;", "&amp", "&#", "&bogus;",
    # suppression comments in plain text
    "lintcare-disable-next-line drug-name-misspelling\n", "lintcare-disable\n", "lintcare-enable\n",
]
SPACES = [" ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\r\n\r\n", "\u00a0", "\u2028", "\x0c", "\x0b",
          "\x85", "\u3000"]
ODD = ["\x00", "\ufeff", "\u200b", "\u200d", "é", "e\u0301", "ﬁ", "İ", "ß", "ǅ", "K", "😀",
       "\u202e", "\ufffc", "\ufffd", "’", "“", "”", "—", "…", "®", "™", "\\", "@", "@@", ".."]
FRONT_MATTER = ["", "---\ntitle: Ketamin infusions\n---\n", "---\ntitle: 'Spravado and you'\n---\n",
                "---\ndescription: >\n  Esketamin care\n---\n", "---\ntitle: [unclosed\n---\n",
                "---\ntitle: \"no end\n---\n", "---\r\ntitle: x\r\n---\r\n", "---\ntitle: x\n"]

pieces = st.one_of(
    st.sampled_from(SENTENCES),
    st.sampled_from(MARKUP),
    st.sampled_from(SPACES),
    st.sampled_from(ODD),
    st.text(max_size=8),
)


@st.composite
def repeated(draw) -> str:
    """A piece many times over: deep nesting, long runs, many unclosed tags."""
    return draw(st.sampled_from(MARKUP + ODD)) * draw(st.integers(2, 120))


@st.composite
def documents(draw) -> str:
    """A document of realistic sentences, markup, whitespace and odd characters."""
    body = "".join(draw(st.lists(st.one_of(pieces, repeated()), max_size=60)))
    return draw(st.sampled_from(FRONT_MATTER)) + body


FORMATS = st.sampled_from(["text", "markdown", "html"])


@dataclass
class Stats:
    examples: Counter[str] = field(default_factory=Counter)
    findings: int = 0


STATS = Stats()


def check_extraction(text: str, fmt: str) -> None:
    source = Source("fuzz", text, fmt)
    prose = extract(source)
    n = len(text)
    pmap = prose.map
    for b in prose.blocks:
        assert 0 <= b.start <= b.end <= len(prose.text), b
        s, e = pmap.source_start(b.start), pmap.source_end(b.end)
        assert 0 <= s <= e <= n, (b, s, e)
    for p, s, plen, slen in zip(pmap._p, pmap._s, pmap._plen, pmap._slen, strict=True):
        assert p >= 0 and p + plen <= len(prose.text), (p, plen)
        assert s >= 0 and s + slen <= n, (s, slen, n)
    for b in prose.blocks:  # inside blocks, verbatim characters are the file's own
        for i in range(b.start, b.end):
            if pmap.is_verbatim(i, i + 1):
                a, c = prose.text[i], text[pmap.source_start(i)]
                # (a line break may read as a space, Markdown reads NUL as U+FFFD, and
                # a placeholder stands for code, an image or a URL)
                assert a == c or (a == " " and c.isspace()) or a == "\ufffc" or (
                    a == "\ufffd" and c == "\x00"), (i, a, c)
    STATS.examples["extract"] += 1


def check_findings(text: str, fmt: str) -> None:
    source = Source("fuzz", text, fmt)
    findings = lint_source(source, RULES)
    n = len(text)
    for f in findings:
        assert 0 <= f.start <= f.end <= n, f
        assert text[f.start:f.end] == f.text, (f.rule, f.start, f.end, f.text)
        assert (f.line, f.column) == source.position(f.start), f
        assert (f.end_line, f.end_column) == source.position(f.end), f
        if f.fix is not None:
            edits = sorted(f.fix.edits, key=lambda e: (e.start, e.end))
            for e in edits:
                assert 0 <= e.start <= e.end <= n, (f.rule, e)
            for a, b in itertools.pairwise(edits):
                assert a.end <= b.start, (f.rule, a, b)
    STATS.findings += len(findings)
    STATS.examples["lint"] += 1


def check_index(text: str, fmt: str) -> None:
    """The anchor index only skips work: the rules find the same with and without it
    (without, each anchor is looked for by substring search)."""
    source = Source("fuzz", text, fmt)
    prose = extract(source)
    scanner = RULES.scanner
    plain = Document(source, prose, RULES.facts, PageScan(prose.text, prose.blocks, scanner))
    indexed = Document(source, prose, RULES.facts, scanner.page(prose.text, prose.blocks))
    assert lint_document(indexed, RULES) == lint_document(plain, RULES)
    STATS.examples["index"] += 1


def check_fix(text: str, fmt: str, unsafe: bool) -> None:
    once = fix_text(text, RULES, fmt=fmt, unsafe=unsafe)
    if once.settled:  # fixes that undo each other stop unsettled, by design
        again = fix_text(once.text, RULES, fmt=fmt, unsafe=unsafe)
        assert again.text == once.text, (text, once.text, again.text)
    STATS.examples["fix"] += 1


def check_all(text: str, fmt: str, unsafe: bool) -> None:
    check_extraction(text, fmt)
    check_findings(text, fmt)
    check_index(text, fmt)
    check_fix(text, fmt, unsafe)


def fuzz_test(max_examples: int):
    """The property as a hypothesis test with this budget (no per-example deadline)."""

    @settings(max_examples=max_examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(documents(), FORMATS, st.booleans())
    def run(text: str, fmt: str, unsafe: bool) -> None:
        check_all(text, fmt, unsafe)

    return run


def main(argv: list[str] | None = None) -> int:
    from .fuzz_settings import EXAMPLES, settings_test

    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="how long to run (default 10)")
    parser.add_argument("--batch", type=int, default=200, help="examples per hypothesis run")
    args = parser.parse_args(argv)
    deadline = time.monotonic() + args.minutes * 60
    runs = 0
    start = time.monotonic()
    while time.monotonic() < deadline:
        try:
            fuzz_test(args.batch)()
            settings_test(max(1, args.batch // 4))()  # configs, rule files, baselines, cache rows
        except Exception as exc:
            traceback.print_exc()  # with hypothesis's note naming the falsifying example
            tried = dict(STATS.examples) | dict(EXAMPLES)
            print(f"FAILED after {tried} examples: {type(exc).__name__}: {exc}",
                  file=sys.stderr)
            return 1
        runs += 1
        tried = dict(STATS.examples) | dict(EXAMPLES)
        print(f"{time.monotonic() - start:7.0f}s  runs {runs}  examples {tried}  "
              f"findings checked {STATS.findings}", flush=True)
    settled = sum(EXAMPLES.values())
    print(f"done: {STATS.examples['lint']} documents linted and fixed "
          f"({sum(STATS.examples.values())} property checks), {STATS.findings} findings checked, "
          f"{settled} configs, rule files, baselines and cache rows; no failure")
    return 0


if __name__ == "__main__":
    sys.exit(main())
