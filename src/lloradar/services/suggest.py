"""The one rule for "did you mean": the known labels nearest to a code or label nobody knows.

Every place that suggests (the web's 404 pages, the API's problem details, the command line)
calls `closest` with its own choices, so one spelling gets the same suggestions everywhere."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

K = TypeVar("K", bound=Hashable)

# The lowest fuzzy score (0-100, rapidfuzz WRatio on lower-cased words) of a suggestion.
SUGGEST_CUTOFF = 70
# Shorter input suggests nothing: two letters are close to too much.
SUGGEST_MIN_LENGTH = 3


def closest(
    text: str, choices: Iterable[tuple[K, str | None]], limit: int = 5
) -> list[tuple[K, str]]:
    """(key, label) of the choices whose label is nearest to `text`, best first, at most one per
    key (its best label) and at most `limit`. A key may come with several labels (Dutch,
    English, a code); empty labels are skipped."""
    needle = text.replace("-", " ").replace("_", " ").strip()
    if len(needle) < SUGGEST_MIN_LENGTH or limit < 1:
        return []
    pairs = [(key, label) for key, label in choices if label]
    hits = process.extract(
        needle,
        [label for _, label in pairs],
        scorer=fuzz.WRatio,
        processor=default_process,
        limit=None,
        score_cutoff=SUGGEST_CUTOFF,
    )
    found: dict[K, str] = {}
    for _, _, index in hits:
        key, label = pairs[index]
        found.setdefault(key, label)
        if len(found) == limit:
            break
    return list(found.items())
