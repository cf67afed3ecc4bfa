"""Syllable counts for readability formulas: an English spelling heuristic plus exceptions.

Readability formulas need the syllables of every word (Flesch-Kincaid) and whether a
word has three or more (SMOG's "polysyllables"). The SMOG guidance says to count words
as they are pronounced: abbreviations as the words they stand for, numerals as they are
read aloud, hyphenated words as one word. Results are cached per token, so a page
costs one dictionary look-up per word once its vocabulary has been seen.
"""

from __future__ import annotations

import re
import unicodedata

# Words the spelling rules get wrong, and the vocabulary of this domain (drug, device
# and condition names), with their syllables as pronounced. Keys are lowercase letters
# only; inflected forms ("ketamine's", "doses") reach these entries after suffixes are
# stripped.
EXCEPTIONS: dict[str, int] = {
    # domain vocabulary
    "ketamine": 3, "esketamine": 4, "arketamine": 4, "spravato": 3, "ketalar": 3,
    "neurostar": 3, "brainsways": 2, "brainsway": 2, "transcranial": 3, "glutamate": 3,
    "serotonin": 4, "norepinephrine": 5, "antidepressant": 4, "psychotherapy": 5,
    "dissociative": 4, "dissociation": 5, "anesthesia": 4, "anaesthesia": 4,
    "anesthetic": 4, "psychiatrist": 4, "psychiatric": 4, "psychiatry": 4, "psychosis": 3,
    "psychedelic": 4, "ideation": 4, "suicidal": 4, "suicide": 3, "nausea": 3,
    "insomnia": 4, "anhedonia": 5, "telehealth": 3, "naltrexone": 3, "lithium": 3,
    "bupropion": 4, "esketamines": 4, "rems": 1, "hipaa": 2, "covid": 2, "medicaid": 3,
    "medicare": 3, "tricare": 2, "zoloft": 2, "prozac": 2, "lexapro": 3,
    # spelling rules miss these
    "area": 3, "idea": 3, "create": 2, "created": 3, "creating": 3, "creation": 3,
    "react": 2, "reaction": 3, "reality": 4, "real": 1, "cooperate": 4, "coordinate": 4,
    "coexist": 3, "being": 2, "every": 2, "everyone": 3, "everything": 3, "everywhere": 3,
    "business": 2, "different": 3, "evening": 2, "interest": 3, "interesting": 4,
    "several": 3, "separate": 3, "temperature": 4, "vegetable": 4, "comfortable": 3,
    "chocolate": 2, "family": 3, "favorite": 3, "general": 3, "generally": 4,
    "camera": 3, "average": 3, "natural": 3, "naturally": 4, "memory": 3,
    "hundred": 2, "sacred": 2, "naked": 2, "wicked": 2, "learned": 1, "aged": 1,
    "recipe": 3, "maybe": 2, "acne": 2, "simile": 3, "people": 2, "whole": 1,
    "science": 2, "conscience": 2, "friend": 1, "friends": 1, "quiet": 2, "diet": 2,
    "poem": 2, "poet": 2, "fluid": 2, "ruin": 2, "cruel": 2, "fuel": 2, "lion": 2,
    "video": 3, "radio": 3, "stereo": 3, "rodeo": 3, "theory": 3, "theater": 3,
    "period": 3, "serious": 3, "various": 3, "previous": 3, "obvious": 3, "curious": 3,
    "opinion": 3, "million": 2, "billion": 2, "union": 2, "onion": 2, "companion": 3,
    "question": 2, "questions": 2, "suggestion": 3, "digestion": 3,
    "business's": 3, "wednesday": 2, "february": 4, "january": 4, "christian": 2,
    "courage": 2, "heaven": 2, "eleven": 3, "seven": 2, "every's": 2,
    "element": 3, "elements": 3, "scientist": 3, "scientists": 3, "scientific": 4,
    "creative": 3, "creativity": 5, "genuine": 3, "society": 4, "theatre": 3,
    "soldier": 2, "cashier": 2, "frontier": 2, "premier": 2, "glacier": 2, "fire": 2,
    "queue": 1, "eye": 1, "eyes": 1, "goodbye": 2, "bye": 1, "dye": 1, "rye": 1,
    "hour": 1, "hours": 1, "our": 1, "ours": 1, "flour": 1, "sour": 1,
    "orange": 2, "mayo": 2, "toward": 1, "towards": 1, "colonel": 2, "choir": 1,
    "etc": 4, "mg": 3, "ml": 3, "dr": 2, "mr": 2, "mrs": 2, "vs": 2, "st": 1,
    "doesnt": 2, "isnt": 2, "wasnt": 2, "didnt": 2, "couldnt": 2, "wouldnt": 2,
    "shouldnt": 2, "hasnt": 2, "havent": 2, "arent": 1, "werent": 1, "cant": 1,
    "wont": 1, "dont": 1, "youre": 1, "theyre": 1, "were": 1, "there": 1, "where": 1,
    "here": 1, "more": 1, "before": 2, "are": 1, "fire's": 1, "one": 1, "once": 1,
    "some": 1, "come": 1, "done": 1, "gone": 1, "none": 1, "give": 1, "live": 1,
    "have": 1, "love": 1, "move": 1, "above": 2, "prove": 1, "lose": 1, "whose": 1,
    "sometimes": 2, "someone": 2, "something": 2, "somewhere": 2, "anyone": 3,
    "everybody": 4, "therefore": 2, "whatever": 3, "however": 3, "forever": 3,
    "likewise": 2, "otherwise": 3, "meanwhile": 2, "homework": 2, "lifetime": 2,
    "anytime": 3, "timeline": 2, "sideline": 2, "guideline": 2, "guidelines": 2,
    "healthcare": 2, "lifestyle": 2, "themselves": 2, "yourself": 2, "yourselves": 2,
    "ourselves": 2, "whenever": 3, "wherever": 3, "moreover": 3, "nevertheless": 4,
}

# Dotted abbreviations read as the words they stand for.
ABBREVIATIONS: dict[str, int] = {
    "e.g.": 4, "i.e.": 2, "a.m.": 2, "p.m.": 2, "u.s.": 2, "u.s.a.": 3, "d.c.": 2,
}

# Common initialisms that are said as words rather than letter by letter.
SPOKEN_ACRONYMS: dict[str, int] = {"REMS": 1, "HIPAA": 2, "COVID": 2, "NASA": 2, "AIDS": 1}

_LETTER_SYLLABLES = {"W": 3}  # "double-u"; every other letter name is one syllable

# Vowel groups; y is a consonant before a vowel ("you", "beyond").
_VOWELS = re.compile(r"(?:[aeiou]|y(?![aeiou]))+")
# Each match marks a vowel group that is really two syllables (hiatus).
_HIATUS = re.compile(
    r"(?<![ctsgl])ia(?!ge)|(?<=l)ia(?![nr])|[ctsg]iat"  # media, reliable, associate
    # (but special, Asia, Italian, familiar, marriage)
    r"|(?<![ctsxgnlhv])io|(?<=v)io(?!r)"  # period, radio, obvious (but nation, anxious,
    # religion, million, fashion, behavior)
    r"|(?<!g)iu"  # medium, calcium (but Belgium)
    r"|(?<![qg])ua"  # usual, evaluate (but quality, language)
    r"|(?<![qg])ue(?!s?$)"  # fluent, influence (but question, guess, true, issues)
    r"|uou"  # continuous, ambiguous
    r"|(?<![pgct])eo"  # video, theory, spontaneous (but people, surgeon, righteous)
    r"|(?<![ct])ie(?:n[tc]|t)"  # client, audience, anxiety (but patient, efficient)
    r"|[aeiouy][^aeiouy]+ie(?:r|st)$"  # easier, happiest
    r"|[aeiouy][^aeiouy]+ea$"  # area, idea (but sea, tea)
    r"|(?<!c)eum$|[aeiouy][^aeiouyc]+ean$"  # museum, European (but clean, ocean)
    r"|[^aeiou]ire$"  # tire, desire, entire
    r"|^(?:re|pre|de)[iou]"  # reimburse, reuse, preoperative
    r"|[^aeiou]ism$"  # autism
)
_CONSONANT_LE = re.compile(r"[^aeiouy]le$")  # table, simple: the e is not silent
_SILENT_E = re.compile(r"[^aeiouy]e$|[gq]ue$")  # make, dose, tongue, technique
_SILENT_INNER_E = re.compile(r"[aeiou][^aeiouy]ety$")  # safety, ninety
_SYLLABIC_L = re.compile(r"[^aeiouyl]l$")  # handl-ed, schedul-ed: the -ed is a syllable
# Suffixes that add exactly one syllable to their base (counted on the base).
_PLUS_ONE = ("ment", "ness", "less", "ful", "some", "ly", "ing")
# First parts of compounds whose final e is silent (someone, lifetime, caregiver).
_COMPOUND_HEADS = ("some", "where", "there", "home", "base", "life", "care", "house", "time",
                   "side", "safe", "whole", "fire", "ware", "fare")


def _core(word: str) -> int:
    """Syllables of a lowercase word once its suffixes are stripped."""
    known = EXCEPTIONS.get(word)
    if known is not None:
        return known
    count = len(_VOWELS.findall(word)) + len(_HIATUS.findall(word))
    if _SILENT_E.search(word) and not _CONSONANT_LE.search(word):
        count -= 1
    if _SILENT_INNER_E.search(word):
        count -= 1
    return max(count, 1)


def _has_vowel(stem: str) -> bool:
    return _VOWELS.search(stem) is not None


# Per word as given: inflected forms share stems, and words repeat across pages.
_WORD_CACHE: dict[str, int] = {}


def word_syllables(word: str) -> int:
    """Syllables of a word made of letters, any case; inflections count on their base."""
    known = _WORD_CACHE.get(word)
    if known is None:
        known = _word_syllables(word)
        if len(_WORD_CACHE) < _CACHE_MAX:
            _WORD_CACHE[word] = known
    return known


def _word_syllables(word: str) -> int:
    w = word.lower()
    if not w.isascii():
        w = unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode()
    w = w.replace("'", "").replace("’", "")
    if not w:
        return 0
    known = EXCEPTIONS.get(w)
    if known is not None:
        return known
    return _spelled_syllables(w)


def _spelled_syllables(w: str) -> int:
    """``word_syllables`` of a lowercase ASCII word that is no exception."""
    # One C call rules out most words before the per-head and per-suffix loops.
    if w.startswith(_COMPOUND_HEADS):
        for head in _COMPOUND_HEADS:
            rest = w[len(head):]
            if w.startswith(head) and len(rest) >= 3 and _has_vowel(rest):
                return _core(head) + word_syllables(rest)
    if w.endswith(_PLUS_ONE):
        for suffix in _PLUS_ONE:
            stem = w[: -len(suffix)]
            if w.endswith(suffix) and len(stem) >= 2 and _has_vowel(stem):
                return word_syllables(stem) + 1
    if w.endswith("ed") and len(w) > 3 and not w.endswith("eed") and _has_vowel(w[:-2]):
        stem = w[:-2]
        # wanted, needed, handled: the -ed is heard; hoped, tried, called: it is not
        heard = stem[-1] in "td" or _SYLLABIC_L.search(stem) or stem.endswith("ir")
        return _core(stem) + (1 if heard else 0)
    if w.endswith("ies") and len(w) > 4:
        return word_syllables(w[:-3] + "y")
    if w.endswith("es") and len(w) > 3 and (w[-3] in "sxz" or w[-4:-2] in ("ch", "sh")):
        return word_syllables(w[:-2]) + 1  # doses, boxes, touches
    if w.endswith(("ces", "ges")) and len(w) > 3:
        return word_syllables(w[:-1]) + 1  # places, ages
    if w.endswith("s") and len(w) > 3 and not w.endswith(("ss", "us", "is", "ous")):
        return word_syllables(w[:-1])
    return _core(w)


# -- numerals ------------------------------------------------------------------
_UNITS = (2, 1, 1, 1, 1, 1, 1, 2, 1, 1)  # zero, one ... seven (2), eight, nine
_TEENS = (1, 3, 1, 2, 2, 2, 2, 3, 2, 2)  # ten, eleven (3), twelve ... seventeen (3) ...
_TENS = (0, 0, 2, 2, 2, 2, 2, 3, 2, 2)  # twenty ... seventy (3) ... ninety


def _below_100(n: int) -> list[int]:
    if n < 10:
        return [_UNITS[n]]
    if n < 20:
        return [_TEENS[n - 10]]
    tens, units = divmod(n, 10)
    return [_TENS[tens] + (_UNITS[units] if units else 0)]  # "twenty-five" is one word


def _below_10000(n: int) -> list[int]:
    out: list[int] = []
    thousands, rest = divmod(n, 1000)
    if thousands:
        out += [*_below_100(thousands), 2]  # "thousand"
    hundreds, rest = divmod(rest, 100)
    if hundreds:
        out += [*_below_100(hundreds), 2]  # "hundred"
    if rest or not out:
        out += _below_100(rest)
    return out


def numeral_words(digits: str) -> list[int]:
    """Syllables of each spoken word of a numeral ("2.5" is "two point five").

    Quantities are read as cardinals, years in pairs ("twenty twenty-five"); codes and
    service numbers (988, zip codes) digit by digit.
    """
    whole, _, decimals = digits.replace(",", "").partition(".")
    out: list[int]
    if not whole:
        out = []
    elif len(whole) <= 2 or (len(whole) <= 4 and whole[0] != "0" and int(whole) % 10 == 0):
        out = _below_10000(int(whole))
    elif len(whole) == 4 and whole[0] != "0" and 1100 <= int(whole) <= 2099 and int(whole) % 100:
        out = _below_100(int(whole[:2])) + _below_100(int(whole[2:]))
    elif "," in digits and len(whole) <= 4:
        out = _below_10000(int(whole))
    else:
        out = [_UNITS[int(d)] for d in whole]
    if decimals:
        # "point" and each digit; a version like "1.2.3" says "point" again (found by fuzzing)
        out += [1] + [1 if d == "." else _UNITS[int(d)] for d in decimals]
    return out


# -- tokens ------------------------------------------------------------------
_RUNS = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)$", re.IGNORECASE)
_HYPHENS = re.compile(r"[-‐‑–]")
_CACHE: dict[str, tuple[int, bool]] = {}
_CACHE_MAX = 200_000  # a pathological file cannot grow it without bound

# Initialisms that contain a vowel, so the "no vowel" test cannot tell them from words.
KNOWN_INITIALISMS = frozenset(re.findall(
    r"\w+", "SSRI SNRI MDSI NMDA ADHD MAOI EMDR OCD FDA ICU USA CDC NIH NIMH AFSP IOP PHP"))
# Short all-caps words that are words, not initialisms ("Do NOT drive").
_CAPS_WORDS = frozenset(re.findall(r"\w+",
    "A I AN AM AS AT BE BY DO GO HE IF IN IS IT ME MY NO OF ON OR SO TO UP US WE "
    "ALL AND ANY ARE BUT CAN DAY DID FOR GET HAS HER HIM HIS HOW ITS LET MAY NEW NOT NOW "
    "OFF OLD ONE OUR OUT OWN SAY SEE SHE THE TOO TWO USE WAS WAY WHO WHY YES YET YOU"))


def _initialism(run: str) -> int:
    """An all-caps word: initialisms are said letter by letter (TMS = 3), words as words."""
    if run in SPOKEN_ACRONYMS:
        return SPOKEN_ACRONYMS[run]
    known = EXCEPTIONS.get(run.lower())
    if known is not None:
        return known
    spelt = (
        run in KNOWN_INITIALISMS
        or (len(run) <= 3 and run not in _CAPS_WORDS)
        or (len(run) <= 5 and not re.search("[AEIOUY]", run))
    )
    if spelt:
        return sum(_LETTER_SYLLABLES.get(ch, 1) for ch in run)
    return word_syllables(run)


def _part(part: str) -> tuple[int, int, bool]:
    """(syllables, syllables of its longest spoken numeral word, has letters) of a token part."""
    total = longest = 0
    letters = False
    for run in _RUNS.findall(_ORDINAL.sub("", part)):
        if run[0].isdecimal():  # "²" is a digit to isdigit() but not a numeral
            spoken = numeral_words(run)
            total += sum(spoken)
            longest = max([longest, *spoken])
            continue
        letters = True
        total += _letters(run)
    return total, longest, letters


def _letters(run: str) -> int:
    """Syllables of a run of letters: an initialism, an initialism's plural or a word."""
    if len(run) > 1 and run.isupper():
        return _initialism(run)
    if len(run) > 2 and run[-1] == "s" and run[:-1].isupper():  # SSRIs
        return _initialism(run[:-1])
    return word_syllables(run)


def token_syllables(token: str) -> tuple[int, bool]:
    """(syllables, polysyllabic) of a word token as the text writes it.

    A hyphenated word is one word ("treatment-resistant": 5 syllables, polysyllabic).
    A bare numeral is polysyllabic only when one of its spoken words is ("eleven",
    "seventy"): "250" is "two hundred fifty", three short words.
    """
    hit = _CACHE.get(token)
    if hit is not None:
        return hit
    if token.isalpha():  # most tokens: one run of letters, no hyphen, digit or dot
        total = _letters(token)
        result = (max(total, 1), total >= 3)
    elif (abbreviation := ABBREVIATIONS.get(token.lower())) is not None:
        result = (abbreviation, abbreviation >= 3)
    else:
        total = longest = 0
        letters = False
        for part in _HYPHENS.split(token):
            if part:
                syl, long_numeral, has_letters = _part(part)
                total += syl
                longest = max(longest, long_numeral)
                letters = letters or has_letters
        result = (max(total, 1), total >= 3 if letters else longest >= 3)
    if len(_CACHE) < _CACHE_MAX:
        _CACHE[token] = result
    return result
