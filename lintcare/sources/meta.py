"""What a page says about itself: its language variety and its kind.

A Markdown file's front matter may name its locale (``locale: en-GB`` or ``lang: en-GB``)
and its kind (``page-kind: news``); an HTML page names its language on the root element
(``<html lang="en-AU">``). These are read from the source text, not the prose: they are
settings, never linted. A page's own word wins over its configuration (it is the more
specific of the two).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*$", re.DOTALL | re.MULTILINE)
_KEY = re.compile(r"^(locale|lang|page-kind)[ \t]*:[ \t]*[\"']?([\w-]+)[\"']?[ \t]*(?:#.*)?$", re.MULTILINE)
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([\w-]+)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Declared:
    """Settings a page declares; None where it declares none."""

    locale: str | None = None
    page_kind: str | None = None


NOTHING = Declared()


def declared(text: str, fmt: str) -> Declared:
    """The locale and page kind the page names in its front matter or ``<html lang>``."""
    if fmt == "markdown":
        m = _FRONT.match(text)
        if m is None:
            return NOTHING
        keys = {k: v for k, v in _KEY.findall(m[1])}
        return Declared(keys.get("locale") or keys.get("lang"), keys.get("page-kind"))
    if fmt == "html":
        m = _HTML_LANG.search(text, 0, 4096)  # the root element opens the page
        return Declared(m[1]) if m else NOTHING
    return NOTHING


__all__ = ["NOTHING", "Declared", "declared"]
