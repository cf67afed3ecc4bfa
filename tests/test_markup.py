"""Markdown and HTML: only prose is linted, and every finding maps back exactly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lintcare.api import default_rules, lint_file, lint_text
from lintcare.document import Document
from lintcare.sources import Source, extract
from lintcare.sources.prose import ATTRIBUTE, HEADING, LIST_ITEM, PARAGRAPH, QUOTE, TABLE_CELL

FIXTURES = Path(__file__).parent / "fixtures" / "markup"
MD = FIXTURES / "spravato-visit.md"
HTML = FIXTURES / "spravato-visit.html"

# Where nothing may be flagged: code, URLs and link targets, comments, non-prose
# front matter. Found here with plain regexes, independently of the extractors.
FORBIDDEN = {
    MD: [
        r"^(?:slug|tags|date):[^\n]*$",  # front matter other than title/description
        r"^```\n.*?^```$",  # fenced code
        r"^    indented code:[^\n]*$",
        r"`[^`\n]+`",  # inline code
        r"<!--.*?-->",
        r"\]\([^)\s]+",  # inline link and image destinations
        r"<https?://[^>]+>",  # autolink
        r"^\[ins\]:[^\n]*$",  # reference definition (its title too)
        r"https?://\S+",  # bare URL
        r"<code>.*?</code>",
    ],
    HTML: [
        r"<style>.*?</style>",
        r"<script>.*?</script>",
        r"<pre>.*?</pre>",
        r"<code>.*?</code>",
        r"<kbd>.*?</kbd>",
        r"<!--.*?-->",
        r'(?:href|src)="[^"]*"',
    ],
}

# A sample of what must be found, with the exact place (line, column) in the file.
EXPECTED = {
    MD: [
        ("drug-name-misspelling", "Spravado", 2, 38),  # front-matter title
        ("repeated-word", " the", 4, 45),  # folded front-matter description
        ("patient-failed-treatment", "patients who failed** two antidepressants", 14, 15),
        ("drug-name-misspelling", "ketamin", 17, 13),  # between escaped asterisks
        ("drug-name-misspelling", "ketamin", 17, 56),  # link text
        ("drug-name-misspelling", "Spravado", 17, 112),  # link title
        ("suicide-stigma-terms", "committed  \nsuicide", 21, 52),  # across a hard break
        ("repeated-word", "\\\nis", 22, 81),  # across a backslash hard break
        ("repeated-word", " the", 26, 44),  # nested list item after &amp;
        ("mixed-punctuation", ",.", 29, 30),  # ordered list inside a bullet list
        ("patient-failed-treatment", "Patients who failed treatment", 31, 3),  # block quote
        ("unbalanced-delimiters", '"', 32, 12),
        ("doubled-punctuation", "..", 36, 44),  # table cell
        ("common-misspelling", "pateint", 39, 23),  # image alt
        ("common-misspelling", "recieve", 39, 90),  # image title
        ("drug-name-misspelling", "ketamin", 52, 32),  # HTML block inside Markdown
    ],
    HTML: [
        ("drug-name-misspelling", "ketamin", 6, 63),  # meta description, after &amp;
        ("patient-failed-treatment", "patients who failed two antidepressants", 13, 4),
        ("common-misspelling", "recieve", 15, 56),  # title attribute
        ("suicide-stigma-terms", "committed<br>suicide", 17, 16),
        ("repeated-word", " the", 20, 46),
        ("drug-name-misspelling", "ketamin", 22, 21),  # nested list
        ("patient-failed-treatment", "Patients who failed treatment", 24, 16),  # block quote
        ("doubled-punctuation", "..", 27, 58),  # table cell
        ("common-misspelling", "pateint", 29, 58),  # alt text
    ],
}


def _forbidden_ranges(path: Path, text: str) -> list[tuple[int, int]]:
    flags = re.MULTILINE | re.DOTALL
    return [m.span() for p in FORBIDDEN[path] for m in re.finditer(p, text, flags)]


@pytest.mark.parametrize("path", [MD, HTML], ids=["markdown", "html"])
def test_every_finding_maps_back_exactly(path):
    result = lint_file(str(path))
    source = result.source
    assert result.findings
    for f in result.findings:
        assert source.text[f.start:f.end] == f.text, f
        assert source.position(f.start) == (f.line, f.column), f
        assert source.position(f.end) == (f.end_line, f.end_column), f


@pytest.mark.parametrize("path", [MD, HTML], ids=["markdown", "html"])
def test_expected_findings_at_exact_places(path):
    found = {(f.rule, f.text, f.line, f.column) for f in lint_file(str(path)).findings}
    missing = [e for e in EXPECTED[path] if e not in found]
    assert not missing


@pytest.mark.parametrize("path", [MD, HTML], ids=["markdown", "html"])
def test_nothing_lands_in_code_urls_comments_or_front_matter(path):
    result = lint_file(str(path))
    text = result.source.text
    ranges = _forbidden_ranges(path, text)
    assert len(ranges) >= 7
    for f in result.findings:
        for a, b in ranges:
            if not (f.start < b and a < f.end):
                continue
            # Only a whole-sentence readability span may enclose a link target; no
            # finding starts or ends inside one, and none lies within it.
            assert f.category == "readability", (f.rule, f.text, text[a:b])
            assert f.start <= a and b <= f.end, (f.rule, f.text, text[a:b])
    # The forbidden places do hold errors: linted as plain text they would be flagged.
    trapped = {f.rule for a, b in ranges for f in lint_text(text[a:b] + "\n")}
    assert {"drug-name-misspelling", "suicide-stigma-terms"} <= trapped


def test_markdown_block_structure():
    prose = extract(Source("m.md", MD.read_text(encoding="utf-8"), "markdown"))
    kinds = {}
    for b in prose.blocks:
        kinds.setdefault(b.kind, []).append(prose.text[b.start:b.end])
    assert kinds[ATTRIBUTE][:2] == [
        "What to expect at your first Spravado visit",
        "A plain guide to esketamine treatment, the the monitoring time and costs.",
    ]
    assert kinds[HEADING] == ["SPRAVATO® visits at Riverbend Clinic"]
    assert "Eat a light meal & skip alcohol the the night before." in kinds[LIST_ITEM]
    assert kinds[QUOTE] == ['Patients who failed treatment deserve hope, writes one nurse. '
                            'She said "I feel lighter today.']
    assert "You stay for at least 2 hours | a nurse watches." in kinds[TABLE_CELL]
    assert "A nurse sits with a pateint during monitoring" in kinds[ATTRIBUTE]
    # Inline code stands as one placeholder; code blocks and comments are gone.
    assert "Run \ufffc script? No: \ufffc is code here." in kinds[PARAGRAPH]
    assert "fenced code" not in prose.text and "indented code" not in prose.text
    assert "A comment" not in prose.text
    assert "tel:+15551234567" in prose.links and "mailto:hello@example.org" in prose.links
    assert "https://example.org/book-ketamin" in prose.links


def test_markdown_links_count_as_contact_channels():
    page = "# TMS at our clinic\n\nTMS is a gentle treatment. [Call us](tel:+15551234567) to book.\n"
    assert "contact-channel-missing" not in {f.rule for f in lint_text(page, fmt="markdown")}
    bare = "# TMS at our clinic\n\nTMS is a gentle treatment. Ask us about it.\n"
    assert "contact-channel-missing" in {f.rule for f in lint_text(bare, fmt="markdown")}


def test_html_mailto_counts_as_contact_channel():
    page = '<h1>TMS</h1><p>TMS is a gentle treatment. <a href="mailto:hi@example.org">Write to us</a>.</p>'
    assert "contact-channel-missing" not in {f.rule for f in lint_text(page, fmt="html")}
    bare = "<h1>TMS</h1><p>TMS is a gentle treatment. Write to us.</p>"
    assert "contact-channel-missing" in {f.rule for f in lint_text(bare, fmt="html")}


def _sentence(text: str, fmt: str, word: str) -> str:
    source = Source("p", text, fmt)
    doc = Document(source, extract(source), default_rules().facts)
    at = doc.text.index(word)
    s, e = doc.sentence_bounds(at, at + len(word))
    return doc.text[s:e]


@pytest.mark.parametrize("brk", ["  \n", "\\\n", "\n"], ids=["two-spaces", "backslash", "soft"])
def test_sentence_split_by_line_break_is_one_sentence(brk):
    page = f"Our nurse explains why her brother committed{brk}suicide years ago. Call 988 any time.\n"
    assert _sentence(page, "markdown", "suicide years") == (
        "Our nurse explains why her brother committed suicide years ago.")
    stigma = [f for f in lint_text(page, fmt="markdown") if f.rule == "suicide-stigma-terms"]
    assert [f.text for f in stigma] == [f"committed{brk}suicide"]
    assert (stigma[0].line, stigma[0].column, stigma[0].end_line) == (1, 36, 2)


def test_html_br_does_not_split_a_sentence():
    page = "<p>Her brother committed<br/>\nsuicide years ago. Call 988 any time.</p>"
    assert _sentence(page, "html", "suicide years") == "Her brother committed suicide years ago."


def test_heading_and_paragraph_are_separate():
    page = "## Costs and insurance\n\nInsurance may cover part of the cost. Call 988 any time.\n"
    assert _sentence(page, "markdown", "Insurance may") == "Insurance may cover part of the cost."
    assert "repeated-word" not in {f.rule for f in lint_text(page, fmt="markdown")}
    # The same words inside one paragraph (a soft line break) are a repeated word.
    joined = "Costs and insurance\nInsurance may cover part of the cost.\n"
    assert "repeated-word" in {f.rule for f in lint_text(joined, fmt="markdown")}
    html = "<h2>Costs and insurance</h2><p>Insurance may cover part of the cost.</p>"
    assert "repeated-word" not in {f.rule for f in lint_text(html, fmt="html")}


def test_first_mention_knows_a_markdown_heading():
    page = ("Why choose SPRAVATO\n===================\n\n"
            "Ask us whether our nasal spray suits you. It is given here.\n")
    first = [f for f in lint_text(page, fmt="markdown") if f.rule == "spravato-first-mention"]
    assert [(f.line, f.column) for f in first] == [(1, 12)]
    prose = extract(Source("p.md", page, "markdown"))
    assert prose.blocks[0].kind == HEADING and prose.blocks[0].level == 1


def test_inline_code_and_html_tags_add_no_double_space():
    page = "Run `spravado` now. Ask <span>us</span> <!-- note --> today.\n"
    rules = {f.rule for f in lint_text(page, fmt="markdown")}
    assert not rules & {"double-space", "drug-name-misspelling"}
    page = "<p>Run <code>spravado</code> now. Ask <b>us</b>\n   today.</p>"
    rules = {f.rule for f in lint_text(page, fmt="html")}
    assert not rules & {"double-space", "drug-name-misspelling"}


def test_html_entities_map_to_their_own_span():
    page = "<p>Ask&nbsp;&nbsp;your doctor about ketamin&#8217;s effects.</p>"
    findings = lint_text(page, fmt="html")
    spaces = next(f for f in findings if f.rule == "unicode-space-run")
    assert spaces.text == "&nbsp;&nbsp;" and spaces.column == 7
    assert spaces.fix is None  # an entity is not verbatim text: no automatic edit
    typo = next(f for f in findings if f.rule == "drug-name-misspelling")
    assert (typo.text, typo.column) == ("ketamin", 37)


def test_markdown_fix_applies_to_verbatim_text_only():
    page = "Ask about ketamin today.\n\nAsk about *ketamin* today, or \\*ketamin\\*.\n"
    fixes = [f.fix for f in lint_text(page, fmt="markdown") if f.rule == "drug-name-misspelling"]
    assert len(fixes) == 3 and all(fix is not None for fix in fixes)
    fixed = page
    for fix in sorted(fixes, key=lambda x: -x.edits[0].start):
        e = fix.edits[0]
        fixed = fixed[:e.start] + e.replacement + fixed[e.end:]
    assert fixed == "Ask about ketamine today.\n\nAsk about *ketamine* today, or \\*ketamine\\*.\n"


def test_crlf_markdown_positions():
    page = ("---\r\ntitle: About ketamin\r\nslug: ketamin\r\n---\r\n"
            "# Visit\r\n\r\nAsk about\r\nketamin today.\r\n")
    typos = [f for f in lint_text(page, fmt="markdown") if f.rule == "drug-name-misspelling"]
    assert [(f.line, f.column, f.text) for f in typos] == [(2, 14, "ketamin"), (8, 1, "ketamin")]
    assert all(page[f.start:f.end] == "ketamin" for f in typos)


def test_front_matter_values_and_other_keys():
    page = ("---\ntitle: 'Ketamin''s uses'\ndescription: \"Ask about \\\"spravado\\\"\"\n"
            "author: Dr. Ketamin\nsummary: committed suicide\n---\n\nBody text here.\n")
    findings = [f for f in lint_text(page, fmt="markdown") if f.rule == "drug-name-misspelling"]
    assert [(f.line, f.text) for f in findings] == [(2, "Ketamin"), (3, "spravado")]
    assert all(page[f.start:f.end] == f.text for f in findings)


def test_text_format_unchanged_by_markup_work():
    page = "Ask about ketamin.\n"
    (f,) = [f for f in lint_text(page) if f.rule == "drug-name-misspelling"]
    assert (f.line, f.column) == (1, 11)


def test_message_quotes_the_words_as_read():
    page = "Our team helped **many patients who failed** two antidepressants.\n"
    (f,) = [f for f in lint_text(page, fmt="markdown") if f.rule == "patient-failed-treatment"]
    assert f.text == "patients who failed** two antidepressants"  # the exact source range
    assert '"patients who failed two antidepressants"' in f.message  # the words, no markup
    (g,) = [f for f in lint_text("She committed\\\nsuicide.\n", fmt="markdown")
            if f.rule == "suicide-stigma-terms"]
    assert "\n" not in g.message and '"committed suicide"' in g.message
