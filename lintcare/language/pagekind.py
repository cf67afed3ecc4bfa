"""What kind of page this is, when no setting says: a provider's, a news story, a regulator's...

Some page-level rules only make sense on some pages: "no phone number" is a finding on a
clinic's page, not on a news story or a regulator's decision summary. A rule names the
kinds it applies to (``page_kinds``); the kind comes from the configuration (``page-kind``,
per path in ``overrides``), from the page's own front matter (``page-kind:``), or from this
guess. The guess is conservative: a page that shows no clear sign of being something else
is a ``provider`` page, which is how every page was read before page kinds existed.

The signs, in the order they are tried:

- ``professional``: a heading written for clinicians ("For Professionals", "For referring
  physicians").
- ``news``: a byline ("By Jane Smith" on its own line), a dateline ("(WXYZ) —",
  "LONDON —" at the start of a paragraph), a "This was published ..." notice, or a first
  line that files the page under news ("News and Events", "Press release").
- ``provider``: the page offers care itself (book an appointment or a consultation, "our
  clinic", "call us", "contact us").
- ``news`` again: quotations attributed the way reporters do ("..." she said; told the
  Age; "the agency says", "Smith said the spray ..."), at least twice.
- ``government``: a regulator's own wording ("Regulatory Decision Summary", "Health
  Canada's decision", "accepted for use within NHSScotland", "is not recommended, within its
  marketing authorisation", a .gov address in the text).
- ``manufacturer``: a drug maker's programme wording ("must be certified in the ... REMS",
  "see the full Prescribing Information").
- ``article``: a page that cites its sources the way papers do ("(Rivera et al., 2016)",
  "(Health Quality Ontario, 2017)") at least twice and never speaks as "we" or "our"
  outside quotations: a referenced information article, not a provider's offer of care.
- ``news`` last: a page of 150 words or more that never speaks as "we" or "our" outside
  quotations (a provider's page does) and reports one source ("... she said", "told the
  Age", "according to the Health Service", "she explains: "...""): a reporter writing about
  a clinic. A quotation that runs over paragraphs (opened on each, closed once) is quoted to
  its line's end; an inclusive "we" ("some of us", "as we heard") is not the owner's voice;
  a question in the reader's voice ("Is it right for me?") keeps the page a provider's.

A page that talks to the reader as "you" again and again is written for patients, not
reported: the byline/filing and attribution signs do not make it news (an organisation's
own "News and Events" notice about a crisis number).
"""

from __future__ import annotations

import re

PROVIDER = "provider"
NEWS = "news"
PAGE_KINDS = ("provider", "article", "news", "government", "manufacturer", "nonprofit", "professional")

_PROFESSIONAL = re.compile(
    r"^[^\n]{0,60}\bfor\s+(?:health\s*care\s+|healthcare\s+|medical\s+)?(?:professionals|clinicians|"
    r"referring\s+(?:physicians|doctors|clinicians|providers)|prescribers|HCPs)\b[^\n]{0,40}$",
    re.IGNORECASE | re.MULTILINE)
_NEWS = re.compile(
    r"^\s*By\s+[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][\w'’-]+\s*$"  # a byline on its own line
    r"|^\s*(?:\([A-Z]{2,6}\)|[A-Z]{3,}(?:\s+[A-Z]{3,})?(?:,\s+[A-Z][\w.]*)?)\s+[—–]\s"  # a dateline
    r"|^\s*This\s+was\s+published\s+\d+\s+\w+\s+ago\b"
    r"|\A\s*[^\n]{0,40}\b(?:News|Press\s+Releases?|Media\s+Releases?|News\s+Releases?)\b[^\n]{0,40}$",
    re.MULTILINE)
_PROVIDER = re.compile(
    r"\b(?:book|schedule|request)\s+(?:an?\s+|your\s+)?(?:free\s+)?(?:appointment|consultation|consult|visit)\b"
    r"|\bour\s+(?:clinic|practice|office|centre|center|team|providers?)\b|\b(?:call|contact)\s+us\b",
    re.IGNORECASE)
_ATTRIBUTION = re.compile(
    r"[”\"],?\s+(?:he|she|they|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\s+(?:said|says|told|explained|added)\b"
    r"|[”\"],?\s+(?:said|says|explains|explained|added)\s+(?:Dr\.?\s+)?[A-Z]"
    r"|\b(?:said|told)\s+(?:the\s+)?[A-Z][a-z]+|\baccording\s+to\s+(?:Dr\.?\s+)?[A-Z]"
    # Reported speech without quotation marks: "the agency says it ...", "... he said."
    r"|\b(?:FDA|TGA|agency|regulator|department|ministry|company|spokes(?:person|woman|man))\s+says\b"
    r"|\b(?:he|she)\s+said\s*[.,]|\b[A-Z][a-z]+\s+said\s+(?:that\s+)?(?:the|it|a|an|there)\s")
_GOVERNMENT = re.compile(
    r"\bRegulatory\s+Decision\s+Summary\b|\bHealth\s+Canada[’']s\s+decision\b|\bGovernment\s+of\s+Canada\b"
    r"|\bAustralian\s+Government\s+Department\b"
    # A medicines body's decision: "is accepted for use within NHSScotland", "Indication under review".
    r"|\baccepted\s+for\s+(?:restricted\s+)?use\s+within\s+NHS\s?Scotland\b|\bIndication\s+under\s+review\s*:"
    # A health-technology appraisal's numbered recommendation: "1.1 X is not recommended, within
    # its marketing authorisation" (a page quoting it has no clause number).
    r"|(?m:^[ \t]*\d+\.\d+[ \t]+[^\n]{0,200}?\b(?:is|are)\s+(?:not\s+)?recommended,?\s+"
    r"(?:as\s+an\s+option,?\s+)?within\s+its\s+marketing\s+authori[sz]ation\b)")
# A .gov address. One attempt per run of address characters: a retry inside a long run
# is quadratic.
_GOV_ADDRESS = re.compile(r"(?<![\w@.-])[\w-]+(?:\.[\w-]+)*\.gov(?:\.[a-z]{2})?\b")
# Every match of _GOVERNMENT (of _ATTRIBUTION) holds one of these words; both are
# case-sensitive. A page without them is not searched: re would try every position.
_GOVERNMENT_WORDS = ("Regulatory", "Canada", "Government", "NHS", "Indication", "recommended")
_ATTRIBUTION_WORDS = ("\"", "”", "said", "says", "told", "according")
# First person plural outside quotations: the page owner speaking ("we offer", "our team").
# "US" in capitals is the country, not the page owner.
_OWN_VOICE = re.compile(r"\b(?:[Ww]e|[Oo]urs?|us|[Ww]e[’']re|[Ww]e[’']ll|[Ww]e[’']ve)\b")
# A quotation that runs over several paragraphs opens each one and closes only at its end:
# an opening mark with no closing one on its line quotes the rest of that line.
_QUOTATION = re.compile(r"[“\"][^”\"\n]*(?:[”\"]|$)", re.MULTILINE)
# The last, weakest news sign needs a story's length: a snippet or a rule example that
# reports one source is not a news page.
_STORY_WORDS = 150
# "We" that is everyone, not the page owner: "as we heard", "some of us", "most of us".
_INCLUSIVE_WE = re.compile(r"\b[Aa]s\s+we\s+\w+|\b(?i:some|many|most|all|few)\s+of\s+us\b")
_REPORTED = re.compile(
    r"\b(?:said|says|told)\b"
    # "explains" reports speech only beside a quotation: "..." explains Dr Y; she explains: "..."
    r"|[”\"],?\s+explain(?:s|ed)\b|\bexplain(?:s|ed)\b[^\n“\"]{0,20}:\s*[“\"]"
    r"|\baccording\s+to\s+(?:the\s+)?[A-Z]")
# A question in the reader's own voice ("Is it right for me?", "Can I drive after?") is a
# provider's FAQ heading; a reporter does not ask it.
_READER = re.compile(r"\b[Yy]ou(?:rs?|[’']re|[’']ll)?\b")
_READER_AT_LEAST = 5
_READER_QUESTION = re.compile(r"\bfor\s+me\?|\b(?:Can|Am|Will|Should|Do)\s+I\b[^\n?]{0,80}\?")
# An author-year citation in brackets: "(Lam et al., 2016)", "(Institute of Health Economics, 2014)".
_CITATION = re.compile(r"\([A-Z][\w&.'’ -]{1,60}?(?:\s+et\s+al\.?)?,?\s+\d{4}[a-z]?\)")
_CITATIONS_AT_LEAST = 2
_MANUFACTURER = re.compile(
    r"\bmust\s+be\s+(?:certified|enrolled)\s+in\s+the\s+\w+\s*®?\s+REMS\b"
    r"|\b(?:see|read)\s+(?:the\s+)?full\s+Prescribing\s+Information\b", re.IGNORECASE)


def normalise_kind(kind: str | None) -> str | None:
    """A page kind as the rules name it ("News" -> "news"); None when it is none we know."""
    if not kind:
        return None
    low = kind.strip().lower()
    return low if low in PAGE_KINDS else None


def guess_kind(text: str) -> str:
    """The page's kind from its own words (see the module text); ``provider`` when unsure."""
    if _PROFESSIONAL.search(text):
        return "professional"
    if _NEWS.search(text) and not _talks_to_reader(text):
        return NEWS
    if _PROVIDER.search(text):
        return PROVIDER
    if _holds_any(text, _ATTRIBUTION_WORDS) and len(_ATTRIBUTION.findall(text)) >= 2 \
            and not _talks_to_reader(text):
        return NEWS
    if _is_government(text):
        return "government"
    if _MANUFACTURER.search(text):
        return "manufacturer"
    if len(_CITATION.findall(text)) >= _CITATIONS_AT_LEAST and not _own_voice(text):
        return "article"
    if _reads_as_story(text):
        return NEWS
    return PROVIDER


def _holds_any(text: str, words: tuple[str, ...]) -> bool:
    return any(w in text for w in words)


def _is_government(text: str) -> bool:
    """A regulator's wording or a .gov address."""
    if _holds_any(text, _GOVERNMENT_WORDS) and _GOVERNMENT.search(text):
        return True
    return ".gov" in text and _GOV_ADDRESS.search(text) is not None


def _talks_to_reader(text: str) -> bool:
    """An organisation's own notice talks to the reader ("you can call"); a reporter rarely does,
    so a page filed under "News" that says "you" again and again is written for patients."""
    return len(_READER.findall(_QUOTATION.sub(" ", text))) >= _READER_AT_LEAST


def _reads_as_story(text: str) -> bool:
    """The weakest news sign: a story's length, a reported source, no owner's voice, no reader FAQ."""
    if len(text.split()) < _STORY_WORDS or not _REPORTED.search(text) or _READER_QUESTION.search(text):
        return False
    return not _own_voice(text)


def _own_voice(text: str) -> bool:
    """The page owner speaks as "we" or "our" outside quotations (not an inclusive "we")."""
    return bool(_OWN_VOICE.search(_INCLUSIVE_WE.sub(" ", _QUOTATION.sub(" ", text))))


__all__ = ["NEWS", "PAGE_KINDS", "PROVIDER", "guess_kind", "normalise_kind"]
