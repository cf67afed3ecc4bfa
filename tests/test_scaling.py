"""No quadratic blow-up: linting four times the text takes about four times the work.

A 50 MB page or a 10 MB line is too big for a unit test, so each shape of input is
linted at two sizes, N and 4N, in one test, and the ratio of the CPU times is checked:
linear work gives about 4, quadratic work about 16. There is no absolute time limit.
The shapes are the ones that were quadratic before: long runs without a space (a
base64 blob, "a.a.a", "[[[["), unclosed or unmatched HTML, many URLs, many
suppression lines; plus ordinary prose on many lines and on one line.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest

from lintcare.api import default_rules, lint_text
from lintcare.fix.apply import fix_text
from lintcare.sources import Source

SENTENCE = "Our nurses check your blood pressure before and after each Spravado session. "
# name: (format, repeated unit, N in characters)
SHAPES: dict[str, tuple[str, str, int]] = {
    "prose on many lines": ("text", SENTENCE + "\n\n", 20_000),
    "prose on one line": ("text", SENTENCE, 20_000),
    "markdown list": ("markdown", "- Ask about *Spravado* and [TMS](https://example.org/tms).\n", 20_000),
    "html paragraphs": ("html", "<p>Ask about <b>Spravado</b> and <a href='tel:5551234567'>call</a>.</p>\n",
                        20_000),
    "crlf lines": ("text", "Spravado\r\n", 20_000),
    "one sentence, many findings": ("text", "he committed suicide and ", 5_000),
    "base64 run": ("text", "QUJDRGVm+/9xKetamin", 20_000),  # one token to spaCy
    "dotted run": ("text", "a.", 20_000),
    "hyphenated run": ("text", "555-", 20_000),
    "one long word": ("text", "a", 20_000),
    "suppression lines": ("text", "lintcare-disable-next-line drug-name-misspelling\nSpravado dosing.\n",
                          20_000),
    "open brackets": ("markdown", "[Ketamin", 10_000),
    "emphasis marks": ("markdown", "*_Ketamin", 20_000),
    "punctuation run": ("text", "*_", 5_000),  # one token of prefixes to spaCy
    "entities": ("markdown", "&amp;", 20_000),
    "unmatched end tags": ("html", "<b>x</i>", 20_000),
    "unclosed comments": ("html", "<!--", 20_000),
    "unclosed tags": ("html", "<a", 20_000),
    "bare urls": ("html", "see http://x.example/a ", 20_000),
}
RATIO_LIMIT = 9.0  # linear: about 4; quadratic: about 16


def _cpu(work: Callable[[str], object], page: str) -> float:
    """The smallest CPU time of two runs: a pause elsewhere only ever adds time.

    Each run gets a page of its own (a digit glued to the end), so that no cache of an
    earlier run (spaCy keeps one per token) makes the work look cheaper than it is.
    """
    best = float("inf")
    for run in range(2):
        varied = page + str(run)
        # The collector's passes cost in proportion to everything the test process
        # holds (other tests' objects), not to this page: measure without them.
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            work(varied)
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    # One-time set-up (the rules, the anchor index) is not work that grows with a page.
    default_rules().scanner.warm()
    for fmt in ("text", "markdown", "html"):
        lint_text("Ketamine spray visit.", fmt)


@pytest.mark.parametrize("shape", SHAPES)
def test_four_times_the_text_is_about_four_times_the_work(shape):
    fmt, unit, size = SHAPES[shape]
    # A misspelt drug name first makes the page need spaCy's tokens.
    small = "Ketamin. " + unit * (size // len(unit))
    large = "Ketamin. " + unit * (4 * size // len(unit))
    t_small = _cpu(lambda page: lint_text(page, fmt), small)
    t_large = _cpu(lambda page: lint_text(page, fmt), large)
    assert t_large / max(t_small, 1e-4) < RATIO_LIMIT, (shape, t_small, t_large)


@pytest.mark.parametrize(("page", "times"), [
    ("We offer Ketamin infusions and Spravado visits. ", 200),
    ("a.", 10_000),  # the fixer's own never-edit patterns (emails, URLs) scan it too
], ids=["prose", "dotted run"])
def test_fixing_is_linear(page, times):
    small, large = "Ketamin. " + page * times, "Ketamin. " + page * (4 * times)
    t_small = _cpu(lambda text: fix_text(text, default_rules()), small)
    t_large = _cpu(lambda text: fix_text(text, default_rules()), large)
    assert t_large / max(t_small, 1e-4) < RATIO_LIMIT, (t_small, t_large)


def test_line_positions_are_linear():
    """Line starts of a file with many LF lines and no CR (the search for the next CR from
    every line was quadratic: a 50 MB page spent minutes there)."""
    page = "Ask about Spravado visits.\n" * 20_000
    t_small = _cpu(lambda text: Source("p.txt", text).position(len(text) - 1), page)
    t_large = _cpu(lambda text: Source("p.txt", text).position(len(text) - 1), page * 4)
    assert t_large / max(t_small, 1e-4) < RATIO_LIMIT, (t_small, t_large)
