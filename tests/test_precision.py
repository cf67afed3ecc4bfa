"""False-alarm classes seen on real clinic, hospital and government pages, each pinned by
a page written in our own words: correct copy must stay quiet, the real problem next to it
must still be found."""

from __future__ import annotations

from lintcare import lint_text
from lintcare.api import default_rules
from lintcare.language.speller import default_speller
from lintcare.language.varieties import GB, US, page_variety, parse_varieties, us_spelling
from lintcare.rules.loader import RuleSet

RULES = default_rules()


def _only(*ids: str) -> RuleSet:
    return RuleSet([r for r in RULES.rules if r.id in ids], RULES.facts)


def _rules(text: str, fmt: str = "text", ruleset: RuleSet | None = None) -> list[str]:
    return [f.rule for f in lint_text(text, fmt=fmt, ruleset=ruleset or RULES)]


def _flagged(text: str, rule: str, fmt: str = "text") -> list[str]:
    return [f.text for f in lint_text(text, fmt=fmt, ruleset=RULES) if f.rule == rule]


# -- 1. spelling of real words --------------------------------------------------------
SPELLING = _only("spelling", "spelling-variety-mixed")


def _spelling(text: str) -> list[str]:
    return [f.text for f in lint_text(text, ruleset=SPELLING)]


def test_everyday_and_pharmacology_words_are_words() -> None:
    text = ("Check your inbox for the reminder, and bring earbuds, a snack, etc. "
            "Overthinking before a visit is common. Some people tried microdosing or kratom first. "
            "SSRIs block serotonin reuptake; ketamine was repurposed for depression.")
    assert _spelling(text) == []


def test_a_typo_next_to_them_is_still_found() -> None:
    assert _spelling("Check your inbox for the remindr.") == ["remindr"]


def test_pronunciation_guides_are_not_misspellings() -> None:
    text = "Esketamine (es-KET-a-meen) and ketamine (KET-uh-meen) are related medicines."
    assert _spelling(text) == []
    assert _spelling("Esketamine (es-KET-a-meen) is a nasal sprey.") == ["sprey"]


def test_a_consistently_british_page_has_no_spelling_findings() -> None:
    text = ("Our centre offers counselling and specialised care. We recognise that behaviour "
            "changes take time, and the programme includes an anaesthetic review.")
    assert _spelling(text) == []


def test_mixing_varieties_flags_the_minority_spelling() -> None:
    text = ("Our centre is calm and our behaviour team is kind. The colour of the rooms is soft, "
            "though one hallway color is bright.")
    found = lint_text(text, ruleset=SPELLING)
    assert [(f.rule, f.text, f.suggestions) for f in found] == [
        ("spelling-variety-mixed", "color", ("colour",))]


def test_a_us_page_with_one_british_word_is_told_the_us_spelling() -> None:
    text = "Our center helps with behavior and color choices. Ask about the programme."
    found = lint_text(text, ruleset=SPELLING)
    assert [(f.rule, f.text, f.suggestions) for f in found] == [
        ("spelling-variety-mixed", "programme", ("program",))]


def test_variety_detection_and_forced_locale() -> None:
    known = default_speller().known
    assert us_spelling("recognises", known) == "recognizes"
    assert us_spelling("wise", known) is None  # a rule counts only when it yields a word
    assert page_variety(["colour", "centre", "color"], known) == GB
    assert page_variety(["colour", "color"], known) == US  # a tie reads as US
    assert page_variety(["hello"], known) is None
    assert page_variety(["colour"], known, "en_US") == US
    assert page_variety(["color"], known, "en-AU") == GB


def test_variety_data_format() -> None:
    data = parse_varieties("# c\npair grey gray\nrule our or\nrule *ae e\nbad line\n")
    assert data.gb_to_us == {"grey": "gray"} and data.us_to_gb == {"gray": "grey"}
    assert data.suffixes == (("our", "or"),) and data.infixes == (("ae", "e"),)


# -- 2. brand/generic pairing -----------------------------------------------------------
FIRST = _only("spravato-first-mention")


def test_every_clear_pairing_counts_as_the_first_mention() -> None:
    pairings = [
        "SPRAVATO® (esketamine) is a nasal spray we give on weekdays.",
        "Esketamine, sold under the brand name SPRAVATO, is a nasal spray.",
        "Esketamine (also called SPRAVATO) is given in our office.",
        "SPRAVATO is the brand name for esketamine nasal spray.",
        "Ask us whether esketamine (Spravato) could help you.",
        "Spravato® (intranasal esketamine) is given in a certified clinic.",
        "Our nurses give Spravato nasal spray (esketamine) twice a week.",
    ]
    for text in pairings:
        assert _rules(text, ruleset=FIRST) == [], text


def test_a_brand_without_its_generic_is_still_flagged() -> None:
    assert _rules("Ask whether Spravato suits you; it is a nasal spray.", ruleset=FIRST) == [
        "spravato-first-mention"]


# -- 3. regulatory vocabulary -------------------------------------------------------------
STIGMA = _only("abuse-for-misuse", "substance-stigma-terms", "substance-person-labels")


def test_abuse_in_the_label_sense_is_not_stigma() -> None:
    text = ("The nasal spray carries a risk of abuse and dependence, so it is given in our office. "
            "Tell us if you have a history of drug or alcohol abuse; it does not rule you out. "
            "Watching each dose lowers the risk of misuse or abuse of the medicine, "
            "and ketamine has some abuse potential.")
    assert _rules(text, ruleset=STIGMA) == []


def test_labels_for_people_are_still_stigma() -> None:
    text = "Tell us if you have a history of alcohol abuse. We never call anyone an addict or a drug abuser."
    assert sorted(_rules(text, ruleset=STIGMA)) == ["substance-person-labels", "substance-person-labels"]
    assert _rules("Ketamine abuse can harm the bladder.", ruleset=STIGMA) == ["abuse-for-misuse"]


# -- 8. a repeated trademark mark: one finding per page -----------------------------------
def test_a_repeated_mark_is_reported_once_per_page() -> None:
    text = " ".join(["SPRAVATO® (esketamine) is a nasal spray."]
                    + [f"Visit {n}: SPRAVATO® is given again." for n in range(1, 12)]
                    + ["A SPRAVATO visit takes two hours."])
    found = [f for f in lint_text(text, ruleset=_only("spravato-mark-repeated"))]
    assert [(f.rule, f.severity) for f in found] == [("spravato-mark-repeated", "suggestion")]
    assert found[0].line == 1 and text[found[0].start:found[0].end] == "SPRAVATO®"
    assert found[0].start == text.index("SPRAVATO®", 5)  # the first repeat, not a later one


def test_max_per_page_is_a_rule_option() -> None:
    rule = RULES.get("spravato-mark-repeated")
    assert rule is not None and rule.max_per_page == 1
    assert RULES.get("spelling").max_per_page == 0  # no limit unless a rule asks


# -- 6. messages ---------------------------------------------------------------------------
def test_no_blank_suggestions() -> None:
    text = "Please call the the clinic  today , and ask for Dana.\u00a0 She can help."
    found = lint_text(text, ruleset=_only("repeated-word", "double-space", "space-before-punctuation",
                                          "unicode-space-run"))
    assert sorted(f.rule for f in found) == ["double-space", "repeated-word", "space-before-punctuation",
                                              "unicode-space-run"]
    for f in found:
        assert f.suggestions and all(s.strip() for s in f.suggestions), f.rule
        assert f.fix is not None  # the fix still deletes or replaces the spaces


def test_long_words_listed_leave_out_numbers_acronyms_and_asked_for_words() -> None:
    text = " ".join([
        "If you have thoughts of suicide, call or text 988 for the crisis line.",
        "In an emergency, call 911 or go to the nearest emergency room.",
        "The NMDA receptor is one target. NMDA research continues.",
    ] + ["Individuals considering treatment should discuss alternatives with a clinician."] * 6)
    (finding,) = [f for f in lint_text(text, ruleset=_only("grade-level-high"))]
    listed = dict(finding.extra)["long_words"]
    assert "individuals" in listed and "alternatives" in listed
    for word in ("988", "911", "nmda", "emergency", "suicide"):
        assert word not in listed, word


def test_a_tms_safety_claim_is_answered_about_tms() -> None:
    found = lint_text("TMS is completely safe and needs no anesthesia.", ruleset=RULES)
    rules = {f.rule: f.message for f in found if f.category == "compliance"}
    assert "safety-absolute-claim" not in rules
    message = rules["tms-safety-absolute-claim"]
    assert "TMS" in message and "ketamine" not in message
    assert "safety-absolute-claim" in _rules("Ketamine infusions are completely safe.")


# -- 4. plain-text structure --------------------------------------------------------------
PLAIN_PAGE = """Why we ask about sleep
Sleep sleep and mood are linked, so we ask a few questions before the first visit.

How to reach us
Riverside Mood Clinic
120 Harbor Street, Suite 4
Phone: (555) 201-3300
Open Monday to Friday, 8 am to 5 pm, and on the first Saturday of each month from 9 am to noon

This paragraph is wrapped by hand at a fixed width so that
each line is long and the next word would not have fit on
the line before it.
"""


def test_a_short_line_over_a_paragraph_is_its_heading() -> None:
    from lintcare.sources.text import extract_text

    prose = extract_text(PLAIN_PAGE)
    blocks = [(b.kind, PLAIN_PAGE[b.start:b.end]) for b in prose.blocks]
    assert blocks[0] == ("heading", "Why we ask about sleep")
    assert blocks[2] == ("heading", "How to reach us")
    assert ("paragraph", "Phone: (555) 201-3300") in blocks
    assert blocks[-1][1].startswith("This paragraph is wrapped") and blocks[-1][1].endswith("before it.")


def test_no_sentence_or_repeated_word_across_a_heading() -> None:
    found = lint_text("Sleep\nSleep and mood are linked, so we ask about both at the first visit.\n",
                      ruleset=_only("repeated-word"))
    assert found == []
    # inside one sentence it is still found
    assert _flagged(PLAIN_PAGE, "repeated-word") == [" sleep"]


def test_address_and_hours_lines_are_not_one_long_sentence() -> None:
    assert lint_text(PLAIN_PAGE, ruleset=_only("long-sentence")) == []
    # A paragraph wrapped by hand is one sentence across its lines (31 words here).
    wrapped = PLAIN_PAGE.replace("the line before it.", "the line before it, so we keep it.")
    long = [f.text for f in lint_text(wrapped, ruleset=_only("long-sentence"))]
    assert long == [wrapped[wrapped.index("This paragraph"):wrapped.index("keep it.") + 8]]


def test_title_case_question_is_a_heading() -> None:
    from lintcare.sources.text import extract_text

    text = "What Should I Expect On The Day?\n\nYou will rest in a quiet room for two hours.\n"
    assert [b.kind for b in extract_text(text).blocks] == ["heading", "paragraph"]


def test_prefixes_before_a_hyphen_are_parts_of_a_word() -> None:
    assert _spelling("Book a Pre-Assessment call; pre-procedure fasting is two hours.") == []
    assert _spelling("Some light-headedness can follow the dose.") == []


def test_a_canadian_page_may_write_anesthetic() -> None:
    text = "Our centre has a behaviour clinic, and the anesthetic team is on site."
    assert _spelling(text) == []


# -- 5. HTML page chrome -------------------------------------------------------------------
CHROME_PAGE = """<html><head><title>Esketamine care</title></head><body>
<header><nav><ul class="main-menu"><li><a href="/">Home</a></li>
<li><a href="/ketamine">Ketamine Infusions</a></li><li>Clinic  Hours</li></ul></nav></header>
<div role="navigation"><a href="/a">Recieve updates</a></div>
<main><article><header><h1>SPRAVATO® (esketamine) at our clinic</h1></header>
<p>Our team gives SPRAVATO® (esketamine) nasal spray. You stay with us for at least two hours,
and side effects such as dizziness and sedation are watched.</p></article></main>
<aside><p>Popular  posts</p></aside>
<footer><p>Riverside Mood Clinic, 120 Harbor Street, Suite 4. Call (555) 201-3300
or write to care@riverside.example. &copy; 2024-2026</p></footer>
</body></html>
"""


def test_chrome_is_not_linted_by_default() -> None:
    from lintcare.sources.html import extract_html

    prose = extract_html(CHROME_PAGE)
    assert "Ketamine Infusions" not in prose.text and "Popular" not in prose.text
    assert "Riverside" not in prose.text and "Recieve" not in prose.text
    assert "SPRAVATO® (esketamine) at our clinic" in prose.text  # an article's own header stays
    found = _rules(CHROME_PAGE, fmt="html")
    assert "double-space" not in found and "spelling" not in found


def test_chrome_contact_facts_still_count() -> None:
    from lintcare.sources.html import extract_html

    links = extract_html(CHROME_PAGE).links
    assert "tel:5552013300" in links and "mailto:care@riverside.example" in links
    assert "120 Harbor Street, Suite 4" in links
    assert not any("2024" in link for link in links)  # a copyright year is no phone number
    found = _rules(CHROME_PAGE, fmt="html")
    assert "contact-channel-missing" not in found and "location-missing" not in found
    without_footer = CHROME_PAGE[:CHROME_PAGE.index("<footer>")] + "</body></html>"
    assert "contact-channel-missing" in _rules(without_footer, fmt="html")


def test_chrome_can_be_linted_on_request() -> None:
    from lintcare.sources.html import extract_html

    prose = extract_html(CHROME_PAGE, chrome=True)
    assert "Ketamine Infusions" in prose.text and "Riverside Mood Clinic" in prose.text


def test_lettered_list_items_and_byline_separators() -> None:
    from lintcare.sources.text import extract_text

    text = "Steps\n\na)   First visit: we talk.\nb)  Second visit: the first dose.\n"
    kinds = [(b.kind, text[b.start:b.end]) for b in extract_text(text).blocks]
    assert kinds[1:] == [("list_item", "First visit: we talk."),
                         ("list_item", "Second visit: the first dose.")]
    assert "double-space" not in _rules(text)
    assert "space-before-punctuation" not in _rules("Clinic news . 4 min read . May 2, 2026\n")
    assert "space-before-punctuation" in _rules("Treatment takes about two hours .\n")
