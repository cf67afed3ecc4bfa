"""Regional spelling by the page's country, and common words capitalised mid-sentence."""

from __future__ import annotations

import pytest

from lintcare.api import lint_text
from lintcare.config.model import Config
from lintcare.kinds import KINDS, RuleError
from lintcare.language.country import locale_country, page_country

REGIONAL = ("au-ise-spelling", "commonwealth-ae-yse-spelling")


Hits = list[tuple[str, str, str | None]]


def _hits(text: str, rules: tuple[str, ...], config: Config | None = None) -> Hits:
    return [(f.rule, f.text, f.suggestions[0] if f.suggestions else None)
            for f in lint_text(text, config=config) if f.rule in rules]


@pytest.mark.parametrize(("text", "country"), [
    ("Book through our Hobart rooms; the PBS lists the spray.", "en-AU"),
    ("Ring 1800 555 010 or visit example.org.au for our Canberra rooms.", "en-AU"),
    ("Your NHS trust in Leeds can refer you.", "en-GB"),
    ("OHIP pays for sessions at our Ottawa clinic.", "en-CA"),
    # One cue against another: no clear lead.
    ("A trial in Australia was run with the NHS.", None),
    ("Our clinic is open on weekdays.", None),
])
def test_page_country_needs_two_kinds_of_cue_and_a_lead(text: str, country: str | None) -> None:
    assert page_country(text) == country


def test_one_cue_is_enough_only_with_commonwealth_spelling() -> None:
    text = "Our rooms in Adelaide are quiet."
    assert page_country(text) is None
    assert page_country(text, commonwealth_spelling=True) == "en-AU"
    assert locale_country("en_AU") == "en-AU"
    assert locale_country("en") is None


def test_ise_is_asked_of_australian_pages_only() -> None:
    au = "The TGA lists the coil, and our Perth team will optimize each plan."
    assert _hits(au, REGIONAL) == [("au-ise-spelling", "optimize", "optimise")]
    # Oxford -ize on a British page, Canadian -ize: both right.
    assert _hits("The NHS team in Leeds will optimize each plan.", REGIONAL) == []
    assert _hits("OHIP pays, and our Ottawa team will optimize each plan.", REGIONAL) == []


def test_ae_and_yse_on_british_and_australian_pages_but_not_canadian() -> None:
    gb = "The NHS team in Leeds will analyze your scan; no anesthesiologist is needed."
    assert _hits(gb, REGIONAL) == [
        ("commonwealth-ae-yse-spelling", "analyze", "analyse"),
        ("commonwealth-ae-yse-spelling", "anesthesiologist", "anaesthesiologist"),
    ]
    ca = "OHIP pays, and our Ottawa team will analyze your scan; no anesthetic is needed."
    assert _hits(ca, REGIONAL) == []


def test_a_us_page_and_names_and_size_words_stay_quiet() -> None:
    # The page's own spelling is US (center, color), whatever country it names.
    us = "Our Sydney center has a calm color scheme, and we minimize waiting times for the TGA."
    assert _hits(us, REGIONAL) == []
    names = "Our Brisbane team follows World Health Organization advice, and the TGA oversized form too."
    assert _hits(names, REGIONAL) == []


def test_the_configured_locale_decides_without_any_cue() -> None:
    text = "We will organize your visit."
    assert _hits(text, REGIONAL) == []
    assert _hits(text, REGIONAL, Config(locale="en-AU")) == [("au-ise-spelling", "organize", "organise")]
    assert _hits(text, REGIONAL, Config(locale="en-CA")) == []


def test_judgment_only_when_the_page_mixes() -> None:
    mixed = "Staff in our Leeds NHS service listen without judgment. It is a judgement-free space."
    assert _hits(mixed, REGIONAL) == [("commonwealth-ae-yse-spelling", "judgment", "judgement")]
    alone = "Staff in our Leeds NHS service use their judgment."
    assert _hits(alone, REGIONAL) == []


CAPS = ("common-word-capitalized",)


@pytest.mark.parametrize("text", [
    "Our dietitian plans meals with you. Later the Dietitian checks your progress.",
    "A Physiotherapist reviews your posture on the first day.",
    "After the scan, a Technician explains the pictures to you.",
])
def test_common_words_capitalised_mid_sentence_are_flagged(text: str) -> None:
    found = _hits(text, CAPS)
    assert len(found) == 1
    assert found[0][2] == found[0][1].lower()


@pytest.mark.parametrize("text", [
    # House style: the page always capitalises its defined name.
    "The Practice opens at nine. Call the Practice first, and the Practice will book you in.",
    # A name on this page: the word stands in a Title Case run elsewhere.
    "Ask about Harbour Practice. Our practice nurse and the Harbour team call weekly.",
    # A capitalised role used twice and never in lower case is the page's style.
    "A Physiotherapist reviews your posture. Your Physiotherapist also sets exercises.",
    # Line starts, after a colon, after two spaces (a removed link), in Title Case.
    "Bring:\nPhysiotherapist notes if you have them",
    "For more, see our page at  Physiotherapist visits are booked online.",
    "Meet the Physiotherapist Team at our open day.",
])
def test_names_house_style_and_line_starts_stay_quiet(text: str) -> None:
    assert _hits(text, CAPS) == []


def test_contact_verb_capitalised_after_a_modal_even_on_a_heading_like_line() -> None:
    found = [(f.rule, f.text) for f in lint_text("Your GP can Fax the letter to 02 5550 1234\n")
             if f.rule == "capital-verb-mid-sentence"]
    assert found == [("capital-verb-mid-sentence", "Fax")]
    title = lint_text("How to Contact the Clinic\n")
    assert [f for f in title if f.rule == "capital-verb-mid-sentence"] == []


def test_programme_on_british_pages_but_not_for_computers() -> None:
    gb = "Our NHS trust in Leeds runs a walking program for carers."
    assert _hits(gb, ("gb-programme-spelling",)) == [("gb-programme-spelling", "program", "programme")]
    software = "Our NHS trust in Leeds uses a software program for bookings."
    assert _hits(software, ("gb-programme-spelling",)) == []
    au = "Our Perth team runs a walking program, listed with the TGA."
    assert _hits(au, ("gb-programme-spelling",)) == []


class _Ctx:
    rule_id = "x"

    def error(self, field: str, message: str) -> RuleError:
        return RuleError(f"{field}: {message}")


@pytest.mark.parametrize(("raw", "field"), [
    ({"countries": ["en-XX"], "forms": ["ize"]}, "countries"),
    ({"countries": ["en-AU"], "forms": ["izy"]}, "forms"),
])
def test_bad_regional_fields_are_refused(raw: dict, field: str) -> None:
    with pytest.raises(RuleError, match=field):
        KINDS["regional-spelling"](raw, _Ctx())
