"""Generated Markdown and HTML: every prose word is kept once, nothing else, at its own place."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from lintcare.sources import Source, extract
from lintcare.sources.pieces import align

WORDS = ["nurse", "visit", "spray", "clinic", "calm", "dose", "room", "hope", "care", "rest"]
# Words that must never reach the prose: code, URLs, comments.
HIDDEN = "zz"

word = st.sampled_from(WORDS)


@st.composite
def inline(draw):
    """(markdown, prose words) of one inline element."""
    w = draw(word)
    w2 = draw(word)
    choice = draw(st.integers(0, 13))
    return [
        (w, [w]),
        (f"*{w}*", [w]),
        (f"**{w} {w2}**", [w, w2]),
        (f"_{w}_", [w]),
        (f"`{HIDDEN}code {w}`", []),
        (f'[{w} {w2}](https://{HIDDEN}url.example/{w} "{w2}")', [w, w2, w2]),
        (f"![{w}]({HIDDEN}img.png)", [w]),
        (f"\\*{w}\\*", [w]),
        (f"{w}&amp;{w2}", [w, w2]),
        (f"caf&eacute; {w}", ["café", w]),
        (f"<https://{HIDDEN}auto.example/{w}>", []),
        # (a comment starting a line would begin an HTML block, which is not Markdown)
        (f"{w2} <!-- {HIDDEN}comment {w} -->", [w2]),
        (f"<span>{w}</span>", [w]),
        (f"https://{HIDDEN}bare.example/{w} {w2}", [w2]),
    ][choice]


@st.composite
def line(draw):
    items = draw(st.lists(inline(), min_size=1, max_size=5))
    return " ".join(m for m, _ in items), [w for _, ws in items for w in ws]


@st.composite
def paragraph(draw):
    lines = draw(st.lists(line(), min_size=1, max_size=3))
    breaks = [draw(st.sampled_from(["\n", "  \n", "\\\n"])) for _ in lines[1:]]
    text = lines[0][0]
    for (m, _), brk in zip(lines[1:], breaks, strict=True):
        text += brk + m
    return text, [w for _, ws in lines for w in ws]


@st.composite
def block(draw):
    text, words = draw(paragraph())
    kind = draw(st.integers(0, 7))
    one, one_words = draw(line())
    if kind == 1:
        return f"{'#' * draw(st.integers(1, 6))} {one}", one_words
    if kind == 2:
        nested, nested_words = draw(line())
        return f"- {one}\n  - {nested}\n- {text.replace(chr(10), chr(10) + '  ')}", \
            one_words + nested_words + words
    if kind == 3:
        return "> " + text.replace("\n", "\n> "), words
    if kind == 4:
        other, other_words = draw(line())
        return f"| {one} | {other} |\n|---|---|\n| {other} | {one} |", one_words + other_words * 2 + one_words
    if kind == 5:
        return f"```\n{HIDDEN}fence {one}\n```", []
    if kind == 6:  # a paragraph first, so a list above cannot take the code in
        w = draw(word)
        return f"{w}\n\n    {HIDDEN}indented {one}", [w]
    if kind == 7:
        return f"<!-- {HIDDEN}block {draw(word)} -->", []
    return text, words


def _words(text: str) -> Counter[str]:
    return Counter(re.findall(r"[^\W\d_]+", text))


def _check_runs(prose, source_text: str) -> None:
    """Equal-length runs are the file's own characters (a line break may read as a space)."""
    m = prose.map
    for p, s, plen, slen in zip(m._p, m._s, m._plen, m._slen, strict=True):
        if plen != slen:
            continue
        for a, b in zip(prose.text[p:p + plen], source_text[s:s + slen], strict=True):
            assert a == b or (a == " " and b.isspace()) or a == "\ufffc", (a, b)


@settings(max_examples=150, deadline=None)
@given(st.lists(block(), min_size=1, max_size=6), st.sampled_from(["\n", "\r\n"]))
def test_generated_markdown_keeps_every_prose_word(blocks, newline):
    text = "\n\n".join(b for b, _ in blocks) + "\n"
    text = text.replace("\n", newline)
    expected = Counter(w for _, ws in blocks for w in ws)
    prose = extract(Source("g.md", text, "markdown"))
    assert _words(prose.text) == expected
    assert HIDDEN not in prose.text
    _check_runs(prose, text)
    for b in prose.blocks:  # every block maps back inside the file
        s, e = prose.map.source_start(b.start), prose.map.source_end(b.end)
        assert 0 <= s < e <= len(text)


@st.composite
def html_block(draw):
    items = draw(st.lists(st.tuples(word, st.integers(0, 7)), min_size=1, max_size=5))
    parts, words = [], []
    for w, k in items:
        parts.append([w, f"<em>{w}</em>", f"<code>{HIDDEN} {w}</code>", f'<a href="tel:{HIDDEN}">{w}</a>',
                      f"{w}&amp;{w}", f'<img src="{HIDDEN}.png" alt="{w}">', f"<!-- {HIDDEN} -->{w}",
                      f"{w}<br>\n"][k])
        words += [[w], [w], [], [w], [w, w], [w], [w], [w]][k]
    tag = draw(st.sampled_from(["p", "h2", "li", "td", "blockquote", "div"]))
    return f"<{tag}>{' '.join(parts)}</{tag}>", words


@settings(max_examples=100, deadline=None)
@given(st.lists(html_block(), min_size=1, max_size=6))
def test_generated_html_keeps_every_prose_word(blocks):
    text = "<html><body>\n" + "\n".join(b for b, _ in blocks) + "\n<script>zz()</script></body></html>"
    prose = extract(Source("g.html", text, "html"))
    assert _words(prose.text) == Counter(w for _, ws in blocks for w in ws)
    assert HIDDEN not in prose.text
    _check_runs(prose, text)


def test_aligner_reads_escapes_and_entities():
    src = r"a \\\* b &amp; c &#x2014; d"
    pieces, end = align("a \\* b & c — d", src, 0, len(src))
    assert end == len(src)
    assert [(t, src[s:s + n]) for t, s, n in pieces] == [
        ("a ", "a "), ("\\", "\\\\"), ("*", "\\*"), (" b ", " b "), ("&", "&amp;"), (" c ", " c "),
        ("—", "&#x2014;"), (" d", " d")]
    assert align("missing", "nothing here", 0, 12) is None
