"""Stage 3: the spaCy pipeline (blank English, rule-based components, no model)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .prose import Prose

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Large files are tokenised in chunks of whole blocks so memory stays bounded and
# spaCy's max_length never trips; no match crosses a block, so none crosses a chunk.
CHUNK_CHARS = 200_000


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """One Language per process, built on first use."""
    import spacy
    from spacy.language import Language

    if "lintcare_block_starts" not in Language.factories:

        @Language.component("lintcare_block_starts")
        def block_starts(doc: Doc) -> Doc:
            # Sentences never run from one block into the next (a heading into
            # the paragraph below it, one list item into another).
            starts = doc.user_data.get("block_starts", ())
            for i in starts:
                doc[i].is_sent_start = True
            return doc

    nlp = spacy.blank("en")
    nlp.max_length = CHUNK_CHARS * 4
    nlp.add_pipe("lintcare_block_starts")
    nlp.add_pipe("sentencizer")
    return nlp


@dataclass(frozen=True, slots=True)
class Chunk:
    offset: int  # prose offset of the chunk's first character
    doc: Doc


def _chunk_bounds(prose: Prose) -> list[tuple[int, int]]:
    if len(prose.text) <= CHUNK_CHARS or not prose.blocks:
        return [(0, len(prose.text))]
    bounds: list[tuple[int, int]] = []
    start = 0
    for block in prose.blocks:
        if block.end - start > CHUNK_CHARS and block.start > start:
            bounds.append((start, block.start))
            start = block.start
    bounds.append((start, len(prose.text)))
    return bounds


def parse(prose: Prose) -> list[Chunk]:
    nlp = pipeline()
    chunks: list[Chunk] = []
    block_starts = [b.start for b in prose.blocks]
    for start, end in _chunk_bounds(prose):
        doc = nlp.make_doc(prose.text[start:end])
        token_starts: list[int] = []
        for b in block_starts:
            if start < b < end:
                span = doc.char_span(b - start, b - start + 1, alignment_mode="expand")
                if span is not None and span.start > 0:
                    token_starts.append(span.start)
        doc.user_data["block_starts"] = token_starts
        doc.user_data["offset"] = start
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        chunks.append(Chunk(start, doc))
    return chunks
