"""The clause kind and the punctuation-round-2 rules: clause boundaries without their comma."""

from __future__ import annotations

import pytest

from lintcare.api import lint_text
from lintcare.faults import RuleError
from lintcare.kinds.clause import ClauseKind

RULES = ("introductory-clause-comma", "however-splice-paired", "however-comma-unpaired",
         "attribution-comma", "indirect-question-mark")


def _found(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(f.rule, f.text, tuple(f.suggestions)) for f in lint_text(text) if f.rule in RULES]


@pytest.mark.parametrize(("text", "rule", "flagged", "suggestion"), [
    ("When the kettle has boiled we pour the tea.", "introductory-clause-comma", "boiled", "boiled,"),
    ("Although the hike was steep they kept going.", "introductory-clause-comma", "steep", "steep,"),
    ("- If the parcel arrives damaged please keep the box.", "introductory-clause-comma",
     "damaged", "damaged,"),
    ("Because the lake was calm the rowers could train early.", "introductory-clause-comma",
     "calm", "calm,"),
    ("Once the paint on the fence dries it will look darker.", "introductory-clause-comma",
     "dries", "dries,"),
    ("The tour can run long, however, we will stop for lunch.", "however-splice-paired",
     ", however,", "; however,"),
    ("The museum is free however, the car park charges.", "however-splice-paired",
     " however,", "; however,"),
    ("The garden however, stays open late.", "however-comma-unpaired", " however,", ", however,"),
    ("Tides rise fastest in spring reports Coastal Weekly.", "attribution-comma", " reports", ", reports"),
    ("How we pack your order?", "indirect-question-mark", "?", None),
])
def test_shapes_flag_the_boundary(text: str, rule: str, flagged: str, suggestion: str | None) -> None:
    found = _found(text)
    assert [(r, t) for r, t, _ in found] == [(rule, flagged)]
    if suggestion is not None:
        assert found[0][2][0] == suggestion


@pytest.mark.parametrize("text", [
    "When the kettle has boiled, we pour the tea.",
    "If you believe we overcharged you, write to us.",  # a clause verb: "we" starts its object
    "When ready we pour.",  # too short to need the comma
    "If a guest whose room you cleaned calls, answer.",  # "you" is inside the relative clause
    "If the sea is rough the next day the boats stay in.",  # a time phrase, not a subject
    "If once we open the gate we see deer, we stop.",  # nested subordinator
    "Because the cook says that they may stay late, relax.",
    "If a shop sends a parcel we cannot open, Maria will help.",  # a contact clause
    "In most towns, however, the shops shut early.",  # one clause: no auxiliary before
    "It is, however, the oldest bridge.",
    "Tides rise fastest in spring, reports Coastal Weekly.",
    "The warden states that the path is shut.",
    "What can we pack for you?",
    "Here is what we pack?",
])
def test_shapes_leave_correct_text_alone(text: str) -> None:
    assert _found(text) == []


def test_unknown_shape_is_a_rule_error() -> None:
    class Ctx:
        def error(self, field: str, message: str) -> RuleError:
            return RuleError(f"{field}: {message}")

    with pytest.raises(RuleError, match="shape"):
        ClauseKind({"shape": "splice"}, Ctx())


def test_paragraph_end_wants_a_stop_among_punctuated_prose() -> None:
    text = ("Welcome aboard.\n\nThe ferry leaves at noon from the east pier. Tickets can be bought"
            " from the crew at the desk on board\n\nThe café opens at ten.")
    assert _paragraph_ends(text) == [("board", ("board.",))]
    # A lead-in to a list, a headline with no finite verb, and a lone line stay quiet.
    lead_in = ("Hello.\n\nPack these things before the long walk. You will need the items below in"
               " your bag\n\n- a coat\n- boots")
    assert _paragraph_ends(lead_in) == []
    assert _paragraph_ends(lead_in.replace("- a coat\n- boots", "A coat is best.")) == [("bag", ("bag.",))]
    headline = "Hello.\n\nStorms hit. Ferries cancelled across the northern isles all week\n\nMore soon."
    assert _paragraph_ends(headline) == []
    assert _paragraph_ends("Hello.\n\nTickets can be bought on board the ferry") == []


def _paragraph_ends(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.text, tuple(f.suggestions)) for f in lint_text(text) if f.rule == "paragraph-end-full-stop"]
