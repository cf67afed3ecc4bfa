"""A project's vocabulary: words it accepts (never typos) and words it rejects (always flagged).

One value, resolved with each file's configuration and handed to the document the
spelling rules read; never process-global state, so two files with different
configurations in one run (or in one worker) each get their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


def norm(word: str) -> str:
    """How vocabulary words are compared: case-blind, with a curly apostrophe as straight."""
    return word.strip().replace("’", "'").lower()


@dataclass(frozen=True)
class Vocabulary:
    """Entries are single words compared without regard to case (see ``norm``)."""

    accept: frozenset[str] = frozenset()
    reject: frozenset[str] = frozenset()

    @classmethod
    def of(cls, accept: Iterable[str] = (), reject: Iterable[str] = ()) -> Vocabulary:
        return cls(frozenset(norm(w) for w in accept if w.strip()),
                   frozenset(norm(w) for w in reject if w.strip()))

    def __or__(self, other: Vocabulary) -> Vocabulary:
        return Vocabulary(self.accept | other.accept, self.reject | other.reject)

    def __bool__(self) -> bool:
        return bool(self.accept or self.reject)


EMPTY = Vocabulary()
