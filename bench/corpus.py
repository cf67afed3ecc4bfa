"""Generate a realistic patient-education corpus with defects (deterministic)."""

from __future__ import annotations

import random
from pathlib import Path

SENTENCES = [
    "Ketamine therapy may help when other treatments have not worked well enough.",
    "SPRAVATO® (esketamine) nasal spray is given in our certified treatment center.",
    "After each dose, a nurse checks your blood pressure and stays with you for at least 2 hours.",
    "Common side effects include dizziness, nausea, sedation and feeling disconnected.",
    "Please arrange a ride home, because you should not drive until the next day.",
    "Talk therapy, or psychotherapy, works well alongside medicine for many people.",
    "Transcranial magnetic stimulation (TMS) uses magnetic pulses and is FDA-cleared.",
    "Our care team will review your history, your medicines and your goals with you.",
    "Insurance plans differ, so our staff will check your benefits before the first visit.",
    "If you are thinking about suicide, call or text 988 at any hour of the day.",
    "In immediate danger, call 911 or go to the nearest emergency room.",
    "Many people notice small changes first, such as better sleep or more energy.",
    "Treatment-resistant depression means two antidepressants have not helped enough.",
    "Write down questions before your visit so you remember to ask them.",
    "Some patients feel tired after a session, and that usually passes within hours.",
    "We ask you not to eat for two hours before treatment and not to drink for thirty minutes.",
    "Your doctor may adjust the dose over the first weeks of treatment.",
    "People with bipolar disorder or a history of psychosis need a careful review first.",
    "Call us at (555) 123-4567 or write to care@example.org to book a consultation.",
    "Families are welcome to join the first visit and ask their own questions.",
]
DEFECTS = [
    "We offer Spravado in our office.",
    "Ketamine is a miracle for many people.,",
    "Our program helps patients who failed two antidepressants.",
    "Her cousin committed suicide before help was available.",
    "We provide FDA-approved ketamine infusions for depression.",
    "It works for many.\u00a0 The team will explain.",
    "Please call the the clinic first.",
    "Ketamine infusions are completely safe.",
    "You will recieve a reminder before each visit.",
    "Many people suffer from depression.",
]
HEADINGS = ["What to expect", "Risks and side effects", "Costs and insurance", "Getting started",
            "Crisis support", "About our clinic"]


def paragraph(rng: random.Random) -> str:
    sents = [rng.choice(SENTENCES) for _ in range(rng.randint(3, 7))]
    if rng.random() < 0.3:
        sents.insert(rng.randrange(len(sents)), rng.choice(DEFECTS))
    return " ".join(sents)


def page(rng: random.Random, fmt: str, words: int) -> str:
    parts: list[str] = []
    count = 0
    while count < words:
        heading = rng.choice(HEADINGS)
        para = paragraph(rng)
        count += len(heading.split()) + len(para.split())
        if fmt == "markdown":
            parts.append(f"## {heading}\n\n{para}\n")
        elif fmt == "html":
            parts.append(f"<h2>{heading}</h2>\n<p>{para.replace('&', '&amp;')}</p>\n")
        else:
            parts.append(f"{heading}\n\n{para}\n")
    body = "\n".join(parts)
    if fmt == "html":
        return f"<!doctype html>\n<html><body>\n{body}</body></html>\n"
    return body


def generate(root: Path, files: int = 1000, total_words: int = 1_000_000, seed: int = 7) -> int:
    """Write ``files`` pages under ``root``; returns the number of words written."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    per_file = total_words // files
    written = 0
    for i in range(files):
        fmt = ("markdown", "html", "text")[i % 3]
        ext = {"markdown": "md", "html": "html", "text": "txt"}[fmt]
        text = page(rng, fmt, per_file)
        (root / f"page{i:04d}.{ext}").write_text(text, encoding="utf-8")
        written += len(text.split())
    return written
