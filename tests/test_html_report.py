"""``--format html``: the marked text, escaping, the policy, and the same findings as JSON.

The browser tests (test_html_browser.py) check what a reviewer sees; these read the HTML.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from lintcare.report.html_marks import Span, marked_lines

from .conftest import ROOT

EXAMPLES = ROOT / "examples"
HOSTILE_TXT = (
    "Our clinic <script>window.pwned = 1</script> offers ketamin infusions.\n"
    'Ask us "><img src=x onerror="window.pwned = 2"> about Spravado today.\n'
    "Call <svg onload=window.pwned=3> for help; javascript:alert(1) is not a link.\n"
)
HOSTILE_HTML = ('<html><head><script>window.pwned = 4</script></head><body>'
                '<p>Ask about ketamin &lt;b&gt; here.</p><img src=x alt="x" onerror="window.pwned=5">'
                '</body></html>\n')
TEAM_RULE = """rules:
  - id: team-clinic
    category: compliance
    severity: error
    kind: pattern
    pattern: 'clinic'
    message: 'Say <b>practice</b> <img src=x onerror="window.pwned = 6">, not {text}.'
    source: '<script>window.pwned = 7</script> team style'
    examples:
      fail: ['Visit our clinic.', 'The clinic opens at nine.']
      pass: ['Visit our practice.', 'The practice opens at nine.']
"""


class Tree(HTMLParser):
    """The report's elements: each line's text, the marks in it, the rows, the scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.page: str | None = None
        self.line: int | None = None
        self.line_text: dict[tuple[str, int], str] = {}
        self.marks: list[dict[str, object]] = []  # each mark piece: fid, page, line, column
        self.rows: list[dict[str, str | None]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.csp = ""
        self.attrs_seen: list[tuple[str, str, str | None]] = []
        self.in_no = False
        self.count = 0  # lines of the current page so far

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.attrs_seen += [(tag, k, v) for k, v in attrs]
        if tag == "section" and "page" in (a.get("class") or ""):
            self.page, self.count = a.get("data-file"), 0
        if tag == "div" and a.get("class") == "ln":
            self.count += 1
            self.line = self.count
            self.line_text[(self.page or "", self.line)] = ""
        if tag == "span" and a.get("class") == "no":
            self.in_no = True
        if tag == "mark" and self.line is not None:
            column = len(self.line_text[(self.page or "", self.line)]) + 1
            self.marks.append({**a, "page": self.page, "line": self.line, "column": column})
        if tag == "tr" and a.get("class") == "row":
            self.rows.append({**a, "page": self.page})
        if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy":
            self.csp = a.get("content") or ""
        if tag not in ("meta", "br", "input", "img", "rect"):
            self.stack.append((tag, a))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break
        if tag == "div" and self.line is not None and not any(t == "div" and a.get("class") == "ln"
                                                               for t, a in self.stack):
            self.line = None
        if tag == "span":
            self.in_no = False

    def handle_data(self, data: str) -> None:
        tag = self.stack[-1][0] if self.stack else ""
        if tag == "script":
            self.scripts.append(data)
        elif tag == "style":
            self.styles.append(data)
        elif self.line is not None and not self.in_no:
            self.line_text[(self.page or "", self.line)] += data


def parse(html: str) -> Tree:
    tree = Tree()
    tree.feed(html)
    return tree


def report(run_cli, tmp_path: Path, *args: str) -> tuple[int, str]:
    out = tmp_path / "report.html"
    code, _, err = run_cli("check", "--no-cache", "--format", "html", "--output", str(out), *args)
    assert out.exists(), err
    return code, out.read_text(encoding="utf-8")


def test_overlapping_and_nested_spans_nest_as_html_and_keep_the_text() -> None:
    text = "alpha beta gamma\ndelta epsilon\n"
    starts = [0, 17]
    spans = [Span("a", 0, 10, "error", "typo", "a"),       # alpha beta
             Span("b", 6, 16, "warning", "typo", "b"),     # beta gamma: overlaps a
             Span("c", 6, 10, "suggestion", "typo", "c"),  # beta: inside both
             Span("d", 11, 23, "error", "typo", "d"),      # gamma..delta: crosses the line
             Span("e", 17, 17, "warning", "typo", "e")]    # empty, at the start of line 2
    lines = marked_lines(text, starts, spans)
    body = "".join(f'<div class="ln">{line}</div>' for line in lines)
    tree = parse(f'<section class="page" data-file="t">{body}</section>')
    assert [tree.line_text[("t", n)] for n in (1, 2)] == ["alpha beta gamma", "delta epsilon"]
    primary = {m["data-fid"]: (m["line"], m["column"]) for m in tree.marks if "tabindex" in m}
    assert primary == {"a": (1, 1), "b": (1, 7), "c": (1, 7), "d": (1, 12), "e": (2, 1)}
    pieces = [m["data-fid"] for m in tree.marks]
    assert pieces.count("d") == 2 and pieces.count("a") == 1  # d continues on line 2
    for line in lines:  # balanced: every mark closes on its own line
        assert line.count("<mark") == line.count("</mark>")


def test_every_json_finding_is_in_the_html_report_at_the_same_place(run_cli, run_json, tmp_path) -> None:
    _, data = run_json("--no-cache", str(EXAMPLES))
    _, html = report(run_cli, tmp_path, str(EXAMPLES))
    tree = parse(html)
    expected = sorted((f["path"], g["rule"], g["line"], g["column"], g["end_line"], g["end_column"])
                      for f in data["files"] for g in f["findings"])
    rows = sorted((r["page"], r["data-rule"], int(r["data-line"]), int(r["data-column"]),
                   int(r["data-end-line"]), int(r["data-end-column"])) for r in tree.rows)
    assert expected and rows == expected
    # Each finding on a span is marked in the text where JSON says it starts.
    at = {m["data-fid"]: (m["page"], m["line"], m["column"]) for m in tree.marks if "tabindex" in m}
    spans = [r for r in tree.rows if r["data-scope"] == "span"]
    assert spans and all(at[r["data-fid"]] == (r["page"], int(r["data-line"]), int(r["data-column"]))
                         for r in spans)
    for (page, line), shown in tree.line_text.items():  # the text is the file's, character for character
        assert shown == Path(page).read_text(encoding="utf-8").splitlines()[line - 1]


def test_page_text_and_team_messages_stay_text(run_cli, tmp_path) -> None:
    (tmp_path / "page.txt").write_text(HOSTILE_TXT, encoding="utf-8")
    (tmp_path / "page.html").write_text(HOSTILE_HTML, encoding="utf-8")
    (tmp_path / "team.yaml").write_text(TEAM_RULE, encoding="utf-8")
    _, html = report(run_cli, tmp_path, "--rules", str(tmp_path / "team.yaml"),
                     str(tmp_path / "page.txt"), str(tmp_path / "page.html"))
    tree = parse(html)
    assert len(tree.scripts) == 1 and "pwned" not in tree.scripts[0]  # only the report's own script
    assert not [(t, k) for t, k, _ in tree.attrs_seen if k.startswith("on")]  # no event handler at all
    assert not [t for t, _, _ in tree.attrs_seen if t in ("img", "iframe", "object", "embed", "base")]
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in html
    assert "Say &lt;b&gt;practice&lt;/b&gt;" in html  # the team's message, as text
    assert any(r["data-rule"] == "team-clinic" for r in tree.rows)


def test_policy_allows_only_the_reports_own_inline_code(run_cli, tmp_path) -> None:
    _, html = report(run_cli, tmp_path, str(EXAMPLES / "ketamine-clinic-page.txt"))
    tree = parse(html)

    def digest(code: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"

    policy = dict(part.strip().split(" ", 1) for part in tree.csp.split(";"))
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == digest(tree.scripts[0])
    assert policy["style-src"] == digest(tree.styles[0])
    # Nothing is fetched: no external address for a script, a style, an image or a font.
    assert not [v for _, k, v in tree.attrs_seen if k in ("src", "href") and v and not v.startswith("#")]
    assert not re.search(r"url\(|@import|https?://", tree.styles[0] + tree.scripts[0])


def test_overview_grades_and_configuration(run_cli, tmp_path) -> None:
    code, html = report(run_cli, tmp_path, "--fail-on", "error", str(EXAMPLES))
    assert code == 1
    assert re.search(r"SMOG \d+\.\d", html) and "the target 8" in html
    assert "lintcare 0.1.0" in html and "Fail on</dt><dd>error" in html
    ranked = re.findall(r'<th scope="row"><a href="#(p\d)">', html)
    assert sorted(ranked) == ["p1", "p2"]


def test_baseline_says_what_changed(run_cli, tmp_path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("We offer ketamin. Call 988 or (555) 123-4567.\n", encoding="utf-8")
    run_cli("baseline", str(tmp_path / "base.json"), str(page))
    page.write_text("We offer Spravado. Call 988 or (555) 123-4567.\n", encoding="utf-8")
    _, html = report(run_cli, tmp_path, "--baseline", str(tmp_path / "base.json"), str(page))
    section = html[html.index('class="baseline"'):html.index("</section>", html.index('class="baseline"'))]
    assert "no longer found" in section and "ketamin" in section


def test_html_on_standard_output_and_output_for_other_formats(run_cli, tmp_path) -> None:
    page = str(EXAMPLES / "ketamine-clinic-page.txt")
    _, out, _ = run_cli("check", "--no-cache", "--format", "html", page)
    assert out.startswith("<!doctype html>")
    target = tmp_path / "r.json"
    _, out, _ = run_cli("check", "--no-cache", "--format", "json", "--output", str(target), page)
    assert out == "" and json.loads(target.read_text(encoding="utf-8"))["summary"]["findings"] > 0
    code, _, err = run_cli("check", "--fix", "--output", str(target), page)
    assert code == 2 and "--output" in err


def test_an_unwritable_output_is_one_error_line(run_cli, tmp_path) -> None:
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    code, _, err = run_cli("check", "--no-cache", "--format", "html", "--output",
                           str(tmp_path / "a-file" / "r.html"), str(EXAMPLES / "ketamine-clinic-page.txt"))
    assert code == 2 and err.startswith("lintcare: error:") and "cannot write the report" in err


@pytest.mark.parametrize("name", ["report.html.j2", "grade.html.j2", "report.css", "report.js"])
def test_templates_ship_in_the_package(name: str) -> None:
    from importlib import resources

    assert resources.files("lintcare.report").joinpath("templates", name).is_file()


def _contrast(a: str, b: str) -> float:
    def luminance(colour: str) -> float:
        rgb = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_colours_meet_wcag_aa() -> None:
    from importlib import resources

    css = resources.files("lintcare.report").joinpath("templates", "report.css").read_text(encoding="utf-8")
    colour = dict(re.findall(r"--([a-z-]+): (#[0-9a-f]{6})", css))
    text_on = [("ink", "paper"), ("muted", "paper"), ("muted", "soft"), ("accent", "paper"), ("ok", "paper")]
    for sev in ("error", "warning", "suggestion"):
        text_on += [("paper", sev), ("ink", f"{sev}-bg"), (sev, "paper")]  # badges, marks, grades
    low = [(fg, bg, round(_contrast(colour[fg], colour[bg]), 2)) for fg, bg in text_on
           if _contrast(colour[fg], colour[bg]) < 4.5]
    assert low == []
