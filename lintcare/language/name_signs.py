"""Signs in the text around a capitalised word that it is a name, strong enough to outweigh
its nearness to a common word ("Pearce" is one edit from "peace", "Sturt" from "start").

The spelling kind lets a capitalised unknown word pass as a name unless it is near a domain
term or a very common word; these signs are where a slip such as "Goverment" seldom stands.
"""

from __future__ import annotations

import re

# A title and a first name: the capitalised word after them is a surname, a name wherever the
# page uses it again ("said Dr. Lena Marsh" ... "Marsh said").
AFTER_TITLE_NAME = re.compile(r"\b(?:Professor|Prof|Dr|Mr|Mrs|Ms|Mx|Sir|Dame)\.?[ \t]+[A-Z][a-z]+[ \t]+$")
# A word that names a street or an institution: the capitalised word before it, or before
# it and one more capitalised word, is a name ("Harbour Street", "Lakeside Private Hospital").
PLACE_NEXT = re.compile(
    r"[ \t]+(?:[A-Z][a-z]+[ \t]+)?(?:Street|St|Road|Rd|Avenue|Ave|Drive|Lane|Parade|Terrace|Highway"
    r"|Boulevard|Hospital|Clinic|Centre|Center|University|College)\b")
_LOOK_BACK = 40


def strong_names(text: str, words: list[str]) -> set[str]:
    """Capitalised words near a common word that the page still shows to be names: a surname
    after a title and a first name, or a word before a street or institution word. A slip
    ("Goverment") seldom stands there; a name one edit from "peace" or "start" does."""
    strong: set[str] = set()
    for word in words:
        for m in re.finditer(rf"(?<![\w'’]){re.escape(word)}\b", text):
            if PLACE_NEXT.match(text, m.end()) or AFTER_TITLE_NAME.search(
                    text, max(0, m.start() - _LOOK_BACK), m.start()):
                strong.add(word)
                break
    return strong


__all__ = ["AFTER_TITLE_NAME", "PLACE_NEXT", "strong_names"]
