"""Inclusie / inclusion: people at a distance from the labour market in breakdowns after
disclosure control, and their potential toward tight occupations through the skills engine.

Each breakdown (benefit type, age band, education level, work-limited, last occupation) is a
one-column table with its total, protected by `disclosure.protect_column`: under 10 people is
never shown, nor derivable from the total. The potential toward a tight occupation T counts the
people whose last occupation has a viable move to T (similarity at least `VIABLE`), summed only
over the last-occupation cells that are shown: two potentials then differ by shown cells, so no
hidden cell follows from them; a potential under 10 is hidden too."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from lloradar.analytics.disclosure import disclose, protect_column
from lloradar.analytics.similarity import VIABLE


@dataclass(frozen=True, slots=True)
class Breakdown:
    """Counts per category as they may be shown (None: hidden) and the total."""

    dimension: str
    categories: tuple[str, ...]
    persons: tuple[int | None, ...]
    total: int | None


def breakdown(dimension: str, counts: Mapping[str, int], order: Sequence[str] = ()) -> Breakdown:
    """`counts` in `order` (then the other categories alphabetically), protected."""
    categories = [c for c in order if c in counts] + sorted(set(counts) - set(order))
    shown, total = protect_column([int(counts[c]) for c in categories])
    return Breakdown(dimension, tuple(categories), tuple(shown), total)


@dataclass(frozen=True, slots=True)
class Potential:
    """People who could move to a tight occupation (None: under 10) and where they come from."""

    occupation: str
    persons: int | None
    origins: tuple[str, ...]


def potential(
    last_occupation: Breakdown,
    tight: Sequence[str],
    index: Mapping[str, int],
    similarity: np.ndarray,
    threshold: float = VIABLE,
) -> list[Potential]:
    """Per tight occupation: the shown people whose last occupation has a viable move to it,
    largest first. `index` maps an occupation to its row/column in `similarity`."""
    shown = {
        c: n
        for c, n in zip(last_occupation.categories, last_occupation.persons, strict=True)
        if n is not None and c in index
    }
    result = []
    for target in tight:
        if target not in index:
            continue
        column = index[target]
        origins = tuple(
            sorted(
                (o for o in shown if o != target and similarity[index[o], column] >= threshold),
                key=lambda o: (-shown[o], o),
            )
        )
        result.append(Potential(target, disclose(sum(shown[o] for o in origins)), origins))
    return sorted(result, key=lambda p: (-(p.persons or 0), p.occupation))
