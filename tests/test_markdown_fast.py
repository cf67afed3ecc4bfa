"""Pages of only headings, paragraphs and bullet items skip markdown-it's block parser:
the prose, its blocks, its position map, links and comments must be what markdown-it
gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lintcare.sources import markdown
from lintcare.sources.markdown import extract_markdown
from lintcare.sources.markdown_fast import _parser, _simple_blocks

# Line starts and fragments chosen to sit on the edge of the fast path: characters
# that open blocks, inline markup, whitespace markdown-it trims and Python strips.
SAFE_STARTS = ["Call", "9", "12", "é", "C#", "!", "'", "&amp;", "\\*", "## ", "###### ", "#\t", "**b** ",
               "_i_ ", "+1 ", "-5 ", "|a| ", ":) ", "=5 ", "[a](b) ", "[a] ", "[a]x", "~5 ", "`c` ",
               "1.5 ", "#tag ", "####### ", "- ", "* ", "+ ", "- **b** ", "- -5 ", "- [x] "]
EDGE_STARTS = ["*b*", "1.", "2)", "2024.", "#", "- ", "+ ", "* ", "> ", "=", "---", "~~~", "```", "<b>",
               "[x]: y", "[a\\]: b", "[a", "| --- |", "-|-", ":-:", "***", "* * *", "___", "==", " ",
               "    ", "\t", "\u00a0", "\x1c", "\ufeff", "_", "- - ", "-  ", "- # ", "- > ", "- 1. ", "-\t",
               "+ + ", "- [a]: b"]
WORDS = ["word", "today.", "C#", "#", "##", "*b*", "_i_", "`c`", "[a](b)", "![x](y.png)", "<b>",
         "&amp;", "&nbsp;", "\\", "a_b", "care@example.org", "https://x.org/a", "www.x.org",
         "<!-- z -->", "|", "=", "-", "é", "[a]", "<https://x.org>", "\\#", "\\\n"]
EDGE_WORDS = [" ", "  ", "\t", "\u00a0", "\x85", "\f", "\x00"]
NEWLINES = ["\n", "\n", "\r\n", "\r", "\n\n", "\n \n", "\n\t\n"]


@st.composite
def page(draw) -> str:
    """Mostly pages the fast path takes, with an edge case now and then."""
    text = ""
    for _ in range(draw(st.integers(1, 8))):
        edge = draw(st.integers(0, 9)) == 0
        text += draw(st.sampled_from(EDGE_STARTS if edge else SAFE_STARTS))
        text += " ".join(draw(st.lists(st.sampled_from(WORDS), max_size=4)))
        if draw(st.integers(0, 9)) == 0:
            text += draw(st.sampled_from(EDGE_WORDS))
        text += draw(st.sampled_from(NEWLINES))
    if draw(st.booleans()):
        text = text.rstrip("\r\n")
    if draw(st.integers(0, 9)) == 0:
        text = "---\ntitle: Our clinic\n---\n" + text
    return text


def _prose(text: str) -> tuple:
    p = extract_markdown(text)
    return p.text, p.blocks, p.map._p, p.map._s, p.map._plen, p.map._slen, p.links, p.comments


def _by_markdown_it(text: str) -> tuple:
    with pytest.MonkeyPatch.context() as m:
        m.setattr(markdown, "_simple_blocks", lambda _text: None)
        return _prose(text)


@settings(max_examples=400, deadline=None)
@given(page())
def test_fast_path_gives_what_markdown_it_gives(text):
    assert _prose(text) == _by_markdown_it(text)


@pytest.mark.parametrize("text", [
    "# Costs\n\nCall us at (555) 123-4567 today.\nWe reply within a day.\n\n## Risks\nSome *feel* tired.\n",
    "Intro line\r\n## Heading C#x\r\nA [link](https://x.org \"t\") and ![alt](i.png) &amp; `code`.",
    "**Call us** at +1 555 0100.\n[Book a visit](https://x.org/book) today.\n#hashtag\n_Note:_ -5 degrees",
    "Bring:\n- your ID\n- a list of *medicines*\ncontinued lazily\n\n* another list\n+ and another\n\nAfter.",
])
def test_plain_pages_take_the_fast_path(text):
    assert _simple_blocks(text) is not None
    assert _prose(text) == _by_markdown_it(text)


@pytest.mark.parametrize("text", [
    "- - item\n", "-  item\n", "- # item\n", "- > item\n", "1. item\n",
    "> quote\n", "    code\n", "```\ncode\n```\n", "Title\n===\n", "a\n---\n",
    "| a |\n|---|\n", "[r]: https://x.org\n", "<div>x</div>\n", "# Closed #\n", "text  \n",
    " indented\n", "a\x00b\n",
])
def test_other_blocks_go_to_markdown_it(text):
    assert _simple_blocks(text) is None


def test_markdown_it_rules_are_the_ones_the_fast_path_assumes():
    """The fast path reads blocks as these rules do; a new rule must be considered there."""
    md = _parser()
    assert md.core.ruler.get_active_rules() == ["normalize", "block", "inline", "text_join"]
    assert md.block.ruler.get_active_rules() == [
        "table", "code", "fence", "blockquote", "hr", "list", "reference", "html_block", "heading",
        "lheading", "paragraph"]
    assert md.inline.ruler.get_active_rules() == [
        "text", "newline", "escape", "backticks", "emphasis", "link", "image", "autolink",
        "html_inline", "entity"]
