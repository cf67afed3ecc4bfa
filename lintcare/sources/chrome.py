"""Page chrome: navigation, banners, footers and menus that writers cannot edit.

Its text is not linted by default (``extract_html(chrome=True)`` turns it back on), but
the contact facts in it (a phone number or e-mail address in the footer) still count for
the page: they are kept as links, which the page-level contact rules read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_CHROME_TAGS = frozenset({"nav", "aside"})
_LANDMARK_TAGS = frozenset({"header", "footer"})  # chrome unless inside these:
SECTIONING = ("article", "section", "main", "aside", "nav")
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "menu", "menubar"})
_MENU_NAME = re.compile(r"(?:^|[\s_-])(?:menu|menus|navbar|nav|navigation|breadcrumbs?)(?:$|[\s_-])", re.I)
# Contact facts in chrome text, kept as links: phone numbers (a crisis or emergency number
# too) and e-mail addresses.
_CHROME_PHONE = re.compile(
    r"(?<![\w-])(?:\+?\d{1,3}[ .-])?\(?\d{2,4}\)?[ .-]?\d{3,4}[ .-]?\d{3,4}(?![\w-])"
    r"|\b(?:call|text|dial)(?:\s+or\s+(?:call|text))?\s+(?:988|911)\b", re.I)
_CHROME_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A street address or "City, ST 12345" in chrome text: kept as is, for the address fact.
_CHROME_ADDRESS = re.compile(
    r"\b\d{1,5}\s+(?:[A-Z0-9][\w.'-]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|"
    r"Lane|Ln|Way|Court|Ct|Place|Pl|Parkway|Pkwy|Highway|Hwy)\b(?:,?\s+Suite\s+\d+)?"
    r"|\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)*,\s+[A-Z]{2}\s+\d{5}\b")


def is_chrome(tag: str, attrs: dict[str, tuple[str, int]], inside_section: bool) -> bool:
    """Does this element open page chrome? A header or footer is chrome only outside the
    page's sections (an article's own header is content)."""
    if tag in _CHROME_TAGS:
        return True
    if tag in _LANDMARK_TAGS and not inside_section:
        return True
    role = attrs.get("role", ("", 0))[0].strip().lower()
    if role in _CHROME_ROLES:
        return True
    return any(_MENU_NAME.search(attrs[a][0]) for a in ("class", "id") if a in attrs)


def chrome_links(text: str) -> Iterator[str]:
    """The contact facts in chrome text, as links: tel:, mailto: and street addresses."""
    yield from ("tel:" + re.sub(r"[^\d+]", "", m[0]) for m in _CHROME_PHONE.finditer(text)
                if sum(c.isdigit() for c in m[0]) in (3, *range(7, 16)))
    yield from ("mailto:" + m[0] for m in _CHROME_EMAIL.finditer(text))
    yield from (m[0] for m in _CHROME_ADDRESS.finditer(text))
