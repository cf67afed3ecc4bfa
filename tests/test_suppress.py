"""Inline suppressions: each form, a missing reason, an unused suppression."""

from __future__ import annotations

from lintcare.api import lint_text
from lintcare.directives import parse_directive
from lintcare.findings import CATEGORIES
from lintcare.suppress import MISSING_REASON, UNUSED

CONTACT = "Call us at (555) 123-4567. If you are in crisis, call or text 988 or 911.\n"


def rules_at(findings, rule):
    return [(f.line, f.text) for f in findings if f.rule == rule]


def test_parse_directive_forms():
    d = parse_directive(" lintcare-disable a-rule, typo -- quoted label text ", 0, 10)
    assert (d.action, d.keys, d.reason) == ("disable", ("a-rule", "typo"), "quoted label text")
    d = parse_directive("lintcare-disable-next-line x --", 0, 1)
    assert (d.action, d.keys, d.reason) == ("disable-next-line", ("x",), "")
    assert parse_directive("lintcare-enable", 0, 1).keys == ("all",)
    assert parse_directive("lintcare-disabled x -- no", 0, 1) is None  # not a directive
    assert parse_directive("a note about lintcare-disable", 0, 1) is None


def test_markdown_disable_next_line():
    page = ("# Our SPRAVATO program\n\n"
            "<!-- lintcare-disable-next-line spravato-first-mention -- quoted label text -->\n"
            "SPRAVATO can help. Ask about SPRAVATO® nasal spray.\n\n"
            "Ask about ketamin.\n\n" + CONTACT)
    findings = lint_text(page, fmt="markdown")
    # The page's one first-mention finding is the body's, on the next line: suppressed.
    assert rules_at(findings, "spravato-first-mention") == []
    comment = "<!-- lintcare-disable-next-line spravato-first-mention -- quoted label text -->\n"
    unsuppressed = page.replace(comment, "")
    assert rules_at(lint_text(unsuppressed, fmt="markdown"), "spravato-first-mention") == [(3, "SPRAVATO")]
    page2 = page.replace("# Our SPRAVATO program", "# Our program")
    findings = lint_text(page2, fmt="markdown")
    assert rules_at(findings, "spravato-first-mention") == []
    assert rules_at(findings, "drug-name-misspelling") == [(6, "ketamin")]  # only the next line
    assert not rules_at(findings, MISSING_REASON) and not rules_at(findings, UNUSED)


def test_markdown_disable_enable_region():
    page = ("Ask about ketamin.\n\n"
            "<!-- lintcare-disable drug-name-misspelling -- quoting a patient's message -->\n\n"
            "> I asked about ketamin and spravado.\n\n"
            "<!-- lintcare-enable drug-name-misspelling -->\n\n"
            "Ask about spravado.\n\n" + CONTACT)
    findings = lint_text(page, fmt="markdown")
    assert rules_at(findings, "drug-name-misspelling") == [(1, "ketamin"), (9, "spravado")]
    assert not rules_at(findings, UNUSED) and not rules_at(findings, MISSING_REASON)


def test_disable_all_and_category_keys():
    page = ("<!-- lintcare-disable all -- verbatim quotation from a 1990s leaflet -->\n\n"
            "Ask about ketamin. Her brother committed suicide.\n\n"
            "<!-- lintcare-enable all -->\n\n"
            "<!-- lintcare-disable typo -- product names in a patient quote -->\n\n"
            "Ask about spravado. She committed suicide.\n\n" + CONTACT)
    findings = lint_text(page, fmt="markdown")
    assert rules_at(findings, "drug-name-misspelling") == []
    assert rules_at(findings, "suicide-stigma-terms") == [(9, "committed suicide")]


def test_html_comment_forms():
    page = ("<p>Ask about ketamin.</p>\n"
            "<!-- lintcare-disable-next-line drug-name-misspelling -- brand spelling in a quote -->\n"
            "<p>Ask about spravado.</p>\n"
            "<p>She committed suicide.</p>\n<p>" + CONTACT + "</p>")
    findings = lint_text(page, fmt="html")
    assert rules_at(findings, "drug-name-misspelling") == [(1, "ketamin")]
    assert rules_at(findings, "suicide-stigma-terms") == [(4, "committed suicide")]


def test_plain_text_line_form():
    page = ("Ask about ketamin.\n\n"
            "lintcare-disable-next-line drug-name-misspelling, spravato-lowercase -- patient's spelling\n"
            "The patient wrote: spravado and spravato helped.\n\n"
            "lintcare-disable suicide-stigma-terms -- historical quotation\n"
            "He committed suicide in 1950.\n"
            "lintcare-enable suicide-stigma-terms\n\n" + CONTACT)
    findings = lint_text(page)
    assert rules_at(findings, "drug-name-misspelling") == [(1, "ketamin")]
    assert not rules_at(findings, "suicide-stigma-terms")
    # The directive lines are not prose: the rule ids in them are not words to lint
    # and do not make this a page about suicide (no crisis-line requirement from them).
    assert not rules_at(findings, "spravato-lowercase")
    assert not rules_at(findings, UNUSED) and not rules_at(findings, MISSING_REASON)
    bare = "lintcare-disable suicide-stigma-terms -- quoting\nA calm page about TMS. Call (555) 123-4567.\n"
    assert "crisis-resource-missing" not in {f.rule for f in lint_text(bare)}


def test_missing_reason_is_reported_and_still_suppresses():
    page = ("<!-- lintcare-disable-next-line drug-name-misspelling -->\n"
            "Ask about ketamin.\n\n" + CONTACT)
    findings = lint_text(page, fmt="markdown", path="page.md")
    assert not rules_at(findings, "drug-name-misspelling")
    (meta,) = [f for f in findings if f.rule == MISSING_REASON]
    assert (meta.line, meta.column, meta.end_line) == (1, 1, 1)
    assert meta.text == "<!-- lintcare-disable-next-line drug-name-misspelling -->"
    assert page[meta.start:meta.end] == meta.text
    assert meta.category in CATEGORIES and meta.severity == "warning"
    text_form = "lintcare-disable drug-name-misspelling\nAsk about ketamin.\n\n" + CONTACT
    assert rules_at(lint_text(text_form), MISSING_REASON) == [(1, "lintcare-disable drug-name-misspelling")]


def test_unused_suppression_is_reported():
    page = ("<!-- lintcare-disable-next-line drug-name-misspelling -- brand in a quote -->\n"
            "Ask about ketamine.\n\n" + CONTACT)
    findings = lint_text(page, fmt="markdown")
    (meta,) = [f for f in findings if f.rule == UNUSED]
    assert meta.line == 1 and "drug-name-misspelling" in meta.message
    region = ("<!-- lintcare-disable all -- a quote -->\n\nAll is well here.\n\n"
              "<!-- lintcare-enable all -->\n\n" + CONTACT)
    unused = rules_at(lint_text(region, fmt="markdown"), UNUSED)
    assert unused == [(1, "<!-- lintcare-disable all -- a quote -->")]


def test_unknown_rule_and_stray_enable_are_reported():
    page = ("<!-- lintcare-disable-next-line drug-name-mispeling -- typo in the rule id -->\n"
            "Ask about ketamin.\n\n<!-- lintcare-enable typo -->\n\n" + CONTACT)
    findings = lint_text(page, fmt="markdown")
    unused = [f for f in findings if f.rule == UNUSED]
    assert [f.line for f in unused] == [1, 4]
    assert "drug-name-mispeling" in unused[0].message and "no known rule" in unused[0].message
    assert rules_at(findings, "drug-name-misspelling") == [(2, "ketamin")]


def test_document_level_finding_silenced_by_disable_anywhere():
    page = ("# TMS at our clinic\n\nTMS is a gentle treatment given in our office.\n\n"
            "<!-- lintcare-disable contact-channel-missing -- contact details are in the site footer -->\n")
    findings = lint_text(page, fmt="markdown")
    assert not rules_at(findings, "contact-channel-missing") and not rules_at(findings, UNUSED)
    assert "contact-channel-missing" in {f.rule for f in lint_text(page.split("<!--")[0], fmt="markdown")}


def test_comment_inside_code_is_not_a_directive():
    page = ("```\n<!-- lintcare-disable all -- example -->\n```\n\n"
            "Ask about ketamin.\n\n" + CONTACT)
    findings = lint_text(page, fmt="markdown")
    assert rules_at(findings, "drug-name-misspelling") == [(5, "ketamin")]
    assert not rules_at(findings, UNUSED)


def test_meta_findings_keep_the_json_contract(run_json, tmp_path):
    page = tmp_path / "p.md"
    page.write_text("<!-- lintcare-disable-next-line drug-name-misspelling -->\nAsk about ketamin.\n\n"
                    + CONTACT, encoding="utf-8")
    code, data = run_json(str(page))
    (f,) = data["files"][0]["findings"]
    assert f["rule"] == MISSING_REASON and f["category"] == "compliance"
    assert set(f) == {"rule", "category", "severity", "line", "column", "end_line", "end_column",
                      "message", "text", "suggestions", "scope"}
    assert code == 1 and data["summary"]["warning"] == 1
