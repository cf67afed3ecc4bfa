"""The syllable counter: spelling rules, exceptions, numerals, initialisms, hyphenated words.

Expected counts are dictionary pronunciations (checked against the CMU Pronouncing
Dictionary when the table was written). The counter is a heuristic, so the table
covers each rule with words a patient page uses, not every English word.
"""

from __future__ import annotations

import pytest

from lintcare.language.syllables import numeral_words, token_syllables, word_syllables

WORDS = {
    # vowel groups, silent final e, consonant + le
    "the": 1, "you": 1, "cat": 1, "make": 1, "dose": 1, "whole": 1, "table": 2, "simple": 2,
    "nurse": 1, "clinic": 2, "visit": 2, "insurance": 3, "appointment": 3,
    # inflections counted on their base
    "doses": 2, "uses": 2, "places": 2, "ages": 2, "makes": 1, "wanted": 2, "needed": 2,
    "hoped": 1, "tried": 1, "called": 1, "handled": 2, "studied": 2, "agreed": 2,
    "taking": 2, "going": 2, "during": 2, "morning": 2, "only": 2, "likely": 2, "really": 2,
    "totally": 3, "management": 3, "awareness": 3, "helpful": 2, "hopeless": 2,
    # two vowels, two syllables (hiatus) and their look-alikes
    "client": 2, "patient": 2, "science": 2, "anxiety": 4, "diet": 2, "medium": 3,
    "usual": 3, "continuous": 4, "video": 3, "period": 3, "serious": 3, "obvious": 3,
    "nation": 2, "religion": 3, "million": 2, "behavior": 3, "special": 2, "initial": 3,
    "media": 3, "reliable": 4, "associate": 4, "dissociation": 5, "medication": 4,
    "depression": 3, "easier": 3, "area": 3, "idea": 3, "sea": 1, "tea": 1, "evaluate": 4,
    "spontaneous": 4, "experience": 4, "reimburse": 3, "question": 2, "true": 1,
    "continue": 3, "tongue": 1, "technique": 2, "issue": 2,
    # silent e inside compounds and before -ty
    "someone": 2, "sometimes": 2, "lifetime": 2, "caregiver": 3, "safety": 2, "ninety": 2,
    # y as a consonant before a vowel
    "beyond": 2, "yoga": 2, "psychology": 4,
    # -ire
    "tire": 2, "desire": 3,
    # domain words from the exceptions table
    "ketamine": 3, "esketamine": 4, "SPRAVATO": 3, "glutamate": 3, "nausea": 3,
    "sedation": 3, "anesthesia": 4, "serotonin": 4,
}


@pytest.mark.parametrize(("word", "expected"), sorted(WORDS.items()))
def test_word_syllables(word, expected):
    assert word_syllables(word) == expected


def test_case_apostrophes_and_accents_do_not_change_counts():
    assert word_syllables("Ketamine’s") == word_syllables("ketamine") == 3
    assert word_syllables("DOESN'T") == 2
    assert word_syllables("über") == 2  # an accented vowel is still a vowel


@pytest.mark.parametrize(("digits", "spoken"), [
    ("7", [2]),  # seven
    ("11", [3]),  # eleven
    ("25", [3]),  # twenty-five: one hyphenated word
    ("70", [3]),  # seventy
    ("250", [1, 2, 2]),  # two hundred fifty
    ("1,000", [1, 2]),  # one thousand
    ("2025", [2, 3]),  # twenty twenty-five
    ("988", [1, 1, 1]),  # nine eight eight: a service number, read digit by digit
    ("2.5", [1, 1, 1]),  # two point five
    ("0.25", [2, 1, 1, 1]),  # zero point two five
])
def test_numerals_are_counted_as_read_aloud(digits, spoken):
    assert numeral_words(digits) == spoken


@pytest.mark.parametrize(("token", "expected"), [
    # a numeral is polysyllabic only when one of its spoken words is
    ("988", (3, False)),
    ("250", (5, False)),
    ("11", (3, True)),
    ("2.5", (3, False)),
    # hyphenated words are one word (SMOG guidance)
    ("treatment-resistant", (5, True)),
    ("long-term", (2, False)),
    ("24-hour", (4, True)),
    # initialisms are said letter by letter; some acronyms are said as words
    ("TMS", (3, True)),
    ("IV", (2, False)),
    ("SSRIs", (4, True)),
    ("FDA", (3, True)),
    ("REMS", (1, False)),
    # capitals for emphasis are still words
    ("NOT", (1, False)),
    ("IMPORTANT", (3, True)),
    # dotted abbreviations read as what they stand for
    ("e.g.", (4, True)),
    ("a.m.", (2, False)),
    ("mg", (3, True)),  # milligrams
    # ordinals
    ("2nd", (1, False)),
])
def test_tokens(token, expected):
    assert token_syllables(token) == expected


def test_superscript_digits_are_not_numerals():
    # Found by fuzzing: "²" is a digit to str.isdigit() but int() cannot read it.
    from lintcare.language.syllables import token_syllables

    syllables, _ = token_syllables("²All")
    assert syllables >= 1
    assert token_syllables("²")[0] >= 1


def test_dotted_version_numbers_read_point_by_point():
    from lintcare.language.syllables import numeral_words

    zero = numeral_words("0")
    # "zero point zero point zero": each "point" is one syllable
    assert numeral_words("0.0.0") == [*zero, 1, *zero, 1, *zero]


def test_caches_never_change_counts():
    """Counts are cached per word and per token; a warm cache gives what a cold one does,
    whatever order the words come in (inflected forms reach their stems through it)."""
    import lintcare.language.syllables as syllables

    words = [*WORDS, *(w.upper() for w in WORDS), *(w.capitalize() + "'s" for w in WORDS)]
    syllables._WORD_CACHE.clear()
    syllables._CACHE.clear()
    cold = {w: token_syllables(w) for w in words}
    warm = {w: token_syllables(w) for w in reversed(words)}
    syllables._CACHE.clear()  # the token cache gone, the word cache warm
    assert cold == warm == {w: token_syllables(w) for w in words}
