"""Number of English nouns, from lemminflect's lemma and inflection tables (``lemmas.py``).

lintcare loads no statistical model, so a word's part of speech is what the tables
allow it to be: ``getAllLemmas`` gives every reading (NOUN, VERB, ADJ...) with its lemma.
A word is a *singular count noun* here only when the tables know it as a noun that is
its own lemma and has a regular plural, and it is not a mass noun ("care", "nausea"),
which a plural quantifier or a plural list does not force into the plural.
"""

from __future__ import annotations

from functools import lru_cache

from .lemmas import all_lemmas, inflections, plurals


def _words(block: str) -> list[str]:
    return block.split()


# Words a noun phrase ends before: determiners, pronouns, prepositions, conjunctions,
# auxiliaries and modals. Closed classes, so a list is complete enough.
CLOSED = frozenset(_words("""
a an the this that these those my your his her its our their some any each every no
i you he she it we they me him us them who whom whose which what
is are was were be been being am has have had do does did can could may might will would
shall should must to of in on at by for from with without into onto about after before
during until than as like over under between among through per via and or but nor so
yet if when while because although though since unless whether where not also often
usually always never sometimes only just even then there here
"""))
# Quantifiers and determiner-like adjectives the tables also read as nouns ("many"):
# they count or pick out a noun, they never name one.
QUANTIFIERS = frozenset(_words("""
many much such other several own various certain few more most less same all both enough
next last first one none
"""))
# Nouns without a plural: the singular is right after any quantifier's meaning
# ("much advice"), so a plural suggestion would be wrong.
MASS = frozenset(_words("""
advice confusion dizziness equipment evidence fatigue feedback guidance health help
information insomnia knowledge nausea paperwork research safety sedation software staff
"""))
# Nouns used both ways ("other treatment", "other treatments"): the list and "other"
# shapes leave them alone.
COUNT_OR_MASS = frozenset(_words("""
anaesthesia anesthesia anxiety care counselling counseling depression education insurance
medicine pain psychotherapy sleep stress support surgery therapy training treatment weight work
"""))
_MASS_ENDINGS = ("ness", "ism", "ing", "ship", "hood", "ity", "ance", "ence", "tion", "sion", "ment", "ia")


@lru_cache(maxsize=4096)
def readings(word: str) -> frozenset[str]:
    """The parts of speech lemminflect knows ``word`` (lowercase) as; empty if unknown."""
    return frozenset(all_lemmas(word))


@lru_cache(maxsize=4096)
def plural_of(word: str) -> str | None:
    """The regular plural of a singular count noun (lowercase), else None."""
    if word in CLOSED or not word.isalpha():
        return None
    lemmas = all_lemmas(word).get("NOUN")
    if not lemmas or lemmas[0] != word:
        return None
    forms = plurals(word)
    plural = forms[0] if forms else None
    if plural is None or plural == word or not plural.endswith("s"):
        return None
    return plural


def is_mass_like(word: str) -> bool:
    """Often used without a plural: the listed mass nouns and their usual endings."""
    return word in MASS or word in COUNT_OR_MASS or word.endswith(_MASS_ENDINGS)


@lru_cache(maxsize=4096)
def is_plural_noun(word: str) -> bool:
    """A noun form that is not its own lemma: "rooms", "options", "children"."""
    lemmas = all_lemmas(word).get("NOUN")
    return bool(lemmas) and lemmas[0] != word


def nominal(word: str) -> bool:
    """Could be part of a noun phrase: a noun or adjective reading, or a word the tables
    do not know (a drug, an acronym), which is not a closed-class word."""
    if word in CLOSED:
        return False
    r = readings(word)
    return not r or bool(r & {"NOUN", "ADJ", "PROPN"})


@lru_cache(maxsize=4096)
def verb_form(word: str) -> bool:
    """Also an inflected verb ("as many thought", "few found"): not surely a noun."""
    return any(lemma != word for lemma in all_lemmas(word).get("VERB", ()))


@lru_cache(maxsize=4096)
def only_verb(word: str) -> tuple[str, ...]:
    """The verb lemmas of a word the tables know only as a verb ("helps", "seize"), else
    (): a word that may also be a noun or an adjective ("help", "trained") is not surely
    a verb without a tagger."""
    r = all_lemmas(word)
    return r.get("VERB", ()) if set(r) == {"VERB"} else ()


@lru_cache(maxsize=4096)
def verb_forms(lemma: str) -> tuple[str, str, str, str]:
    """(past, past participle, -ing, -s) of a verb lemma; "" where the tables have none.
    lemminflect leaves the participle blank when it equals the past ("helped")."""
    forms = inflections(lemma, "verb")
    if len(forms) < 4:
        return ("", "", "", "")
    past, participle, ing, third = forms[:4]
    return past, participle or past, ing, third


@lru_cache(maxsize=4096)
def comparative_of(word: str) -> str | None:
    """The adjective lemma of an inflected comparative or superlative ("easier" -> "easy"),
    when the word has no reading but an adjective's or adverb's; else None."""
    r = all_lemmas(word)
    if not r or set(r) - {"ADJ", "ADV"} or "ADJ" not in r:
        return None
    lemma = r["ADJ"][0]
    return lemma if lemma != word and word in inflections(lemma, "adj") else None
