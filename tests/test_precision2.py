"""Real pages, part 1 (precision): locale, page kinds, precedence as data, page chrome, and
the false-alarm classes of the real-page corpus. Every text here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lintcare import lint_text
from lintcare.api import default_rules
from lintcare.config import Config, ConfigError, Override, load_config, starter_text
from lintcare.findings import Finding
from lintcare.kinds import RuleError
from lintcare.language.pagekind import guess_kind
from lintcare.merge import drop_superseded
from lintcare.rules.loader import load_rules
from lintcare.sources.meta import declared


def rules_of(text: str, fmt: str = "text", config: Config | None = None, only: set[str] | None = None
             ) -> list[str]:
    ruleset = default_rules().subset(only) if only else None
    return [f.rule for f in lint_text(text, fmt, ruleset=ruleset, config=config)]


def texts_of(text: str, rule: str, fmt: str = "text", config: Config | None = None) -> list[str]:
    return [f.text for f in lint_text(text, fmt, config=config) if f.rule == rule]


# -- locale ----------------------------------------------------------------------------------

MIXED = "Our centre has a calm colour scheme. We organise each visit around your behavior.\n"


def test_the_page_variety_decides_without_a_locale():
    assert texts_of(MIXED, "spelling-variety-mixed") == ["behavior"]


def test_a_configured_locale_overrides_the_pages_own_variety():
    us = Config(locale="en-US")
    assert sorted(texts_of(MIXED, "spelling-variety-mixed", config=us)) == ["centre", "colour", "organise"]
    assert texts_of(MIXED, "spelling-variety-mixed", config=Config(locale="en-AU")) == ["behavior"]


def test_front_matter_and_html_lang_name_the_locale_and_win_over_the_config():
    md = "---\ntitle: Visiting us\nlocale: en-US\n---\n" + MIXED
    assert len(texts_of(md, "spelling-variety-mixed", "markdown", Config(locale="en-GB"))) == 3
    md = "---\nlang: en-US\n---\n" + MIXED
    assert len(texts_of(md, "spelling-variety-mixed", "markdown")) == 3
    html = f'<html lang="en-US"><body><p>{MIXED}</p></body></html>'
    assert len(texts_of(html, "spelling-variety-mixed", "html")) == 3
    assert declared('<!doctype html><html class="x" lang="en-CA">', "html").locale == "en-CA"
    assert declared("no front matter\nlocale: en-GB\n", "markdown").locale is None


def test_the_dictionary_speller_accepts_the_locales_spellings():
    text = "We organise a programme at our centres. Call us to book.\n"
    assert "spelling" not in rules_of(text, config=Config(locale="en-GB"))


def test_locale_and_page_kind_come_from_the_config_file_and_its_overrides(tmp_path: Path):
    cfg = tmp_path / ".lintcare.yaml"
    cfg.write_text("locale: en-AU\npage-kind: article\nlint-page-chrome: true\n"
                   "overrides:\n  - files: ['news/**']\n    page-kind: news\n    locale: en-US\n")
    config = load_config(cfg)
    assert (config.locale, config.page_kind, config.lint_page_chrome) == ("en-AU", "article", True)
    assert config.page_settings(str(tmp_path / "a.md")) == ("en-AU", "article")
    assert config.page_settings(str(tmp_path / "news" / "b.md")) == ("en-US", "news")


@pytest.mark.parametrize("line, key", [("locale: en-NZ", "locale"), ("page-kind: blog", "page-kind"),
                                       ("lint-page-chrome: maybe", "lint-page-chrome")])
def test_bad_values_name_their_key(tmp_path: Path, line: str, key: str):
    cfg = tmp_path / ".lintcare.yaml"
    cfg.write_text(line + "\n")
    with pytest.raises(ConfigError, match=f"key '{key}'"):
        load_config(cfg)


def test_the_starter_shows_the_new_keys_and_stays_valid_when_uncommented(tmp_path: Path):
    text = starter_text()
    for key in ("# locale: en-GB", "# page-kind: provider", "# lint-page-chrome: true",
                "#     page-kind: news"):
        assert key in text
    lines = [ln[2:] if ln.startswith("# ") and not ln.startswith("# yaml-") and ":" in ln
             and not ln[2:3].isupper() else ln for ln in text.splitlines()]
    cfg = tmp_path / ".lintcare.yaml"
    cfg.write_text("\n".join(ln for ln in lines if not ln.startswith("#")) + "\n")
    raw = yaml.safe_load(cfg.read_text())
    assert raw["locale"] == "en-GB" and raw["page-kind"] == "provider"


# -- page kinds ------------------------------------------------------------------------------

CLINIC = "Ketamine therapy may help when other treatments have not. Book a consultation with our team.\n"
NEWS = ("By Dana Whitlock\n\nA new clinic will offer ketamine therapy for depression later this year, "
        "the health minister said.\n")


@pytest.mark.parametrize("text, kind", [
    (CLINIC, "provider"),
    (NEWS, "news"),
    ("(KXYZ) — Regulators approved a new spray for depression today.\n", "news"),
    ('“It works for some,” said Dr. Okafor. “Not for all,” she said.\n', "news"),
    ("Regulatory Decision Summary\n\nThe sponsor filed a submission for a nasal spray.\n", "government"),
    ("Clinics must be certified in the NASOLO® REMS to dispense NASOLO.\n", "manufacturer"),
    ("Information for Professionals\n\nRefer patients with depression to the service.\n", "professional"),
    ("Ketamine is a medicine. It has risks and benefits.\n", "provider"),  # unsure: provider
])
def test_the_page_kind_guess(text: str, kind: str):
    assert guess_kind(text) == kind


def test_provider_rules_do_not_run_on_news_pages():
    assert "contact-channel-missing" in rules_of("Ketamine therapy may help when others have not.\n")
    assert "contact-channel-missing" not in rules_of(NEWS)
    assert "relative-date" not in rules_of(NEWS)
    md = "---\npage-kind: news\n---\nKetamine therapy may help when other treatments have not.\n"
    assert "contact-channel-missing" not in rules_of(md, "markdown")


def test_the_config_page_kind_applies_and_front_matter_wins():
    text = "Ketamine therapy may help when other treatments have not.\n"
    assert "contact-channel-missing" not in rules_of(text, config=Config(page_kind="government"))
    md = "---\npage-kind: provider\n---\n" + text
    assert "contact-channel-missing" in rules_of(md, "markdown", Config(page_kind="government"))
    override = Config(overrides=(Override(("*.txt",), page_kind="news"),))
    assert "contact-channel-missing" not in [f.rule for f in lint_text(text, path="a.txt", config=override)]


def test_a_news_story_about_suicide_still_needs_a_crisis_line():
    text = "By Dana Whitlock\n\nThe clinic treats adults with suicidal thoughts, the doctor said.\n"
    assert "crisis-resource-missing" in rules_of(text)


def test_an_unknown_page_kind_in_a_rule_file_is_an_error(tmp_path: Path):
    rules = tmp_path / "team.yaml"
    rules.write_text("rules:\n  - id: team-rule\n    category: typo\n    severity: warning\n"
                     "    kind: pattern\n    message: m\n    source: s\n    pattern: 'zzz'\n"
                     "    page_kinds: [blog]\n    examples: {fail: ['zzz', 'zzz!'], pass: ['a', 'b']}\n")
    with pytest.raises(RuleError, match="page kind 'blog'"):
        load_rules([rules], default_rules())


# -- precedence as data ----------------------------------------------------------------------

def test_spravato_called_ketamine_is_one_finding():
    found = rules_of("We offer Spravato (ketamine) for depression.\n",
                     only={"spravato-called-ketamine", "spravato-first-mention"})
    assert found == ["spravato-called-ketamine"]


def test_an_outdated_crisis_number_replaces_no_crisis_line():
    text = "If you think about suicide, call the National Suicide Prevention Lifeline at 1-800-273-8255.\n"
    found = rules_of(text, only={"lifeline-outdated", "crisis-resource-missing"})
    assert set(found) == {"lifeline-outdated"}
    assert "crisis-resource-missing" in rules_of("If you think about suicide, talk to someone.\n",
                                                 only={"lifeline-outdated", "crisis-resource-missing"})


def test_an_approval_claim_replaces_the_page_level_off_label_finding():
    only = {"ketamine-approved-for-psychiatric", "offlabel-not-disclosed"}
    assert rules_of("We offer IV ketamine infusions. Ketamine is FDA-approved for depression.\n",
                    only=only) == ["ketamine-approved-for-psychiatric"]
    assert rules_of("We offer IV ketamine infusions for depression.\n",
                    only=only) == ["offlabel-not-disclosed"]


def _finding(rule: str, start: int, end: int, scope: str = "span") -> Finding:
    return Finding(rule=rule, category="typo", severity="warning", message="m", path="p", start=start,
                   end=end, line=1, column=start + 1, end_line=1, end_column=end + 1, text="x", scope=scope)


def test_drop_superseded_keeps_findings_elsewhere_and_other_rules():
    winner, near, far = _finding("a", 10, 20), _finding("b", 15, 25), _finding("b", 30, 40)
    other = _finding("c", 12, 14)
    assert drop_superseded([winner, near, far, other], {"a": frozenset({"b"})}) == [winner, far, other]
    page = _finding("b", 0, 5, scope="document")
    assert drop_superseded([winner, page], {"a": frozenset({"b"})}) == [winner]
    assert drop_superseded([winner, near], {}) == [winner, near]


def test_superseding_an_unknown_rule_is_an_error(tmp_path: Path):
    rules = tmp_path / "team.yaml"
    rules.write_text("rules:\n  - id: team-rule\n    category: typo\n    severity: warning\n"
                     "    kind: pattern\n    message: m\n    source: s\n    pattern: 'zzz'\n"
                     "    supersedes: [no-such-rule]\n"
                     "    examples: {fail: ['zzz', 'zzz!'], pass: ['a', 'b']}\n")
    with pytest.raises(RuleError, match="unknown rule 'no-such-rule'"):
        load_rules([rules], default_rules())


# -- page chrome -----------------------------------------------------------------------------

CHROME = ("<html><body><nav><a href='/'>Home</a> <a href='/x'>Recieve news</a></nav>"
          "<main><p>Ketamine therapy may help. Call us at (555) 201-3300.</p></main></body></html>")


def test_page_chrome_is_linted_only_when_the_config_asks():
    assert "recieve" not in [f.text.lower() for f in lint_text(CHROME, "html")]
    found = lint_text(CHROME, "html", config=Config(lint_page_chrome=True))
    assert "recieve" in [f.text.lower() for f in found]


# -- long sentences --------------------------------------------------------------------------

def _words(n: int) -> str:
    return " ".join(["word"] * (n - 1)) + " end."


def test_long_sentence_limit_is_more_than_30_words():
    assert texts_of(_words(30), "long-sentence") == []
    assert len(texts_of(_words(31), "long-sentence")) == 1


@pytest.mark.parametrize("text, fmt", [
    ("Why patients choose our clinic\n" + _words(25) + "\n", "text"),
    ("• Calm rooms with soft chairs and blankets for every visit and a nurse close by.\n"
     "• Free parking behind the building and a ride service for anyone who needs one.\n", "text"),
    ("We help adults with depression and anxiety in a quiet and friendly setting\n"
     "Our nurses check your blood pressure before and after every single session here.\n", "text"),
    ("Our nurses stay with you during the whole visit and check on you often.\nrTMS is a gentle "
     "treatment that uses magnets to wake up the parts of the brain linked to mood.\n", "text"),
    ("Our nurses stay with you during the whole visit and check on you often<br>"
     "Each visit takes about two hours from the time you arrive until you leave us.", "html"),
    ("Our nurses stay with you during the whole visit and check on you often\n"
     "Each visit takes about two hours from the time you arrive until you leave us.\n", "markdown"),
])
def test_sentences_end_at_line_structure(text: str, fmt: str):
    if fmt == "html":
        text = f"<p>{text}</p>"
    assert texts_of(text, "long-sentence", fmt) == []


def test_a_wrapped_line_stays_one_sentence():
    text = ("Our nurses stay with you during the whole visit and check on you often, and they\n"
            "call you the next day to ask how you feel and whether you slept well after it.\n")
    assert len(texts_of(text, "long-sentence", "markdown")) == 1


def test_mt_st_and_dr_do_not_end_a_sentence():
    text = ("Our second office opens next spring near Mt. Pleasant Road, beside the pharmacy and the bus "
            "stop, with free parking, a quiet waiting room and a nurse on site every weekday.\n")
    assert len(texts_of(text, "long-sentence")) == 1


# -- jargon and acronyms ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The nurse will administer the first dose. The spray is administered in our office.",
    "The spray was approved by the Food and Drug Administration last spring.",
    "Ketamine is given as an intravenous (IV) infusion in our office.",
    "Ketamine is given as an intravenous infusion in our office.",
    "Ketamine can be given intramuscularly (into a muscle) in our office.",
    "The most common side effects are dissociation, dizziness and sedation.",
    "Ketamine is a dissociative anesthetic.",
])
def test_jargon_that_is_explained_or_label_wording_is_fine(text: str):
    assert texts_of(text, "jargon-undefined") == []


def test_jargon_is_not_graded_on_regulator_and_professional_pages():
    text = "The sponsor reported remission rates and adverse events in two trials.\n"
    assert texts_of(text, "jargon-undefined") == ["remission", "adverse events"]
    assert texts_of(text, "jargon-undefined", config=Config(page_kind="government")) == []
    assert texts_of(text, "jargon-undefined", config=Config(page_kind="professional")) == []


@pytest.mark.parametrize("text", [
    "Ketamine is given by IV in our office.",
    "Some antidepressants are serotonin and noradrenaline reuptake inhibitors (SNRIs).",
    "Some antidepressants are serotonin selective reuptake inhibitors (SSRIs).",
    "A REMS is a safety program that the FDA asks for when a medicine has serious risks.",
    "TRANSCRANIAL MAGNETIC STIMULATION\n\nTMS is FDA-cleared for depression.\n",
    "What is TMS?\n\nTMS, or transcranial magnetic stimulation, uses magnets.\n",
])
def test_acronyms_defined_in_the_shapes_real_pages_use(text: str):
    assert texts_of(text, "acronym-undefined") == []


def test_an_acronym_never_spelled_out_is_still_flagged():
    assert texts_of("We offer TMS five days a week.", "acronym-undefined") == ["TMS"]
    assert texts_of("Some patients take SNRIs every day.", "acronym-undefined") == ["SNRIs"]


# -- other rules -----------------------------------------------------------------------------

def test_plain_words_are_not_suggested_on_regulator_or_maker_pages():
    text = "The sponsor filed its data prior to the review.\n"
    assert texts_of(text, "plain-word-substitution") == ["prior to"]
    for kind in ("government", "manufacturer", "professional"):
        assert texts_of(text, "plain-word-substitution", config=Config(page_kind=kind)) == []


def test_a_title_mention_is_paired_by_the_sentence_below():
    md = "# Spravato Treatment at Our Clinic\n\nSpravato (esketamine) is a nasal spray for adults.\n"
    assert texts_of(md, "spravato-first-mention", "markdown") == []
    text = "Why Spravato?\nSpravato (esketamine) is a nasal spray for adults.\n"
    assert texts_of(text, "spravato-first-mention") == []
    md = "# Spravato Treatment\n\nAsk whether Spravato suits you. SPRAVATO® (esketamine) is a spray.\n"
    assert texts_of(md, "spravato-first-mention", "markdown") == []  # the generic is on the page
    md = "# Spravato Treatment\n\nAsk whether Spravato suits you. It is a nasal spray.\n"
    assert texts_of(md, "spravato-first-mention", "markdown") == ["Spravato"]


def test_title_case_service_names_keep_their_capital():
    assert texts_of("Ask us about Ketamine-Assisted Therapy sessions.", "generic-name-capitalized") == []
    assert texts_of("Our team offers Ketamine-based care.", "generic-name-capitalized") == ["Ketamine"]


def test_the_best_treatment_needs_a_comparison_frame():
    assert texts_of("Before choosing the best treatment for depression, rule out other causes.",
                    "comparative-claim") == []
    assert texts_of("TMS is the best treatment for depression.",
                    "comparative-claim") == ["is the best treatment"]


def test_clinicians_terms_are_fine_on_pages_for_clinicians():
    text = "Refer patients with refractory depression to our service.\n"
    assert texts_of(text, "nonstandard-condition-name") == ["refractory depression"]
    assert texts_of(text, "nonstandard-condition-name", config=Config(page_kind="professional")) == []
