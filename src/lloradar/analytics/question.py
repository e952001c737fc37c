"""Parse a question in plain Dutch or English ("hoe krap is de markt voor verpleegkundigen in
Twente?") into a region, an occupation, a measure and a year. Pure: the caller passes the names."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz


class Measure(StrEnum):
    TENSION = "tension"
    VACANCIES = "vacancies"
    JOB_SEEKERS = "job_seekers"
    UNSUPPORTED = "unsupported"


@dataclass(frozen=True, slots=True)
class Named:
    """Something a question can name: a region or an occupation, with its labels."""

    key: str
    labels: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ParsedQuestion:
    text: str
    region: str | None
    occupation: str | None
    measure: Measure
    year: int | None
    national: bool
    unsupported_word: str | None = None


_MEASURE_WORDS: dict[Measure, tuple[str, ...]] = {
    Measure.UNSUPPORTED: (
        "salaris",
        "loon",
        "lonen",
        "salary",
        "salaries",
        "wage",
        "wages",
        "inkomen",
        "income",
        "pensioen",
        "pension",
        "huur",
        "rent",
    ),
    Measure.VACANCIES: ("vacature", "vacatures", "vacancies", "vacancy", "openstaande"),
    Measure.JOB_SEEKERS: ("werkzoekende", "werkzoekenden", "werklozen", "seekers", "unemployed"),
    Measure.TENSION: (
        "krap",
        "krapte",
        "krapper",
        "ruim",
        "spanning",
        "tight",
        "tightness",
        "tension",
        "slack",
    ),
}
_NATIONAL = ("nederland", "landelijk", "netherlands", "national", "nationally")
# Words too common in region and occupation names to identify one on their own.
_WEAK = {
    "regio",
    "noord",
    "zuid",
    "oost",
    "west",
    "midden",
    "groot",
    "holland",
    "brabant",
    "limburg",
    "en",
    "de",
    "het",
    "van",
    "voor",
    "in",
    "the",
    "for",
    "of",
    "and",
    "worker",
    "medewerker",
    "assistant",
    "technician",
    "general",
    "care",
    "responsible",
    "officer",
}


def normalise(text: str) -> str:
    """Lower case, accents and punctuation removed, single spaces."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _tokens_match(word: str, label_word: str) -> bool:
    """Equal, a plural (verpleegkundige -> verpleegkundigen, nurse -> nurses) or a near typo."""
    if word == label_word:
        return True
    if word.startswith(label_word) and len(word) - len(label_word) <= 2 and len(label_word) >= 4:
        return True
    return len(label_word) >= 6 and fuzz.ratio(word, label_word) >= 88


def _score(words: Sequence[str], text: str, label: str) -> float:
    """Whole label in the text scores highest; otherwise count the strong words it shares."""
    norm = normalise(label)
    if not norm:
        return 0.0
    if re.search(rf"\b{re.escape(norm)}\b", text):
        return 100.0 + len(norm)
    strong = [w for w in norm.split() if w not in _WEAK and len(w) >= 3]
    matched = sum(1 for lw in strong if any(_tokens_match(w, lw) for w in words))
    return float(matched)


def best_match(text: str, candidates: Sequence[Named]) -> str | None:
    """The candidate whose labels match the question best; the first one wins a tie."""
    words = text.split()
    best: tuple[float, str] | None = None
    for candidate in candidates:
        labels = [part for label in candidate.labels for part in label.split("/")]
        score = max((_score(words, text, label) for label in labels), default=0.0)
        if score >= 1.0 and (best is None or score > best[0]):
            best = (score, candidate.key)
    return best[1] if best else None


def parse_question(
    text: str, regions: Sequence[Named], occupations: Sequence[Named]
) -> ParsedQuestion:
    norm = normalise(text)
    words = set(norm.split())
    measure = Measure.TENSION
    unsupported = None
    for kind, vocabulary in _MEASURE_WORDS.items():
        hit = next((w for w in vocabulary if w in words), None)
        if hit:
            measure, unsupported = kind, hit if kind is Measure.UNSUPPORTED else None
            break
    year_match = re.search(r"\b(19|20)\d{2}\b", norm)
    return ParsedQuestion(
        text=text,
        region=best_match(norm, regions),
        occupation=best_match(norm, occupations),
        measure=measure,
        year=int(year_match.group(0)) if year_match else None,
        national=any(w in words for w in _NATIONAL),
        unsupported_word=unsupported,
    )
