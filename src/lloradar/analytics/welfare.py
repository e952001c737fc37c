"""Brede welvaart (broad welfare) figures of a larger region from the figures of its parts:
a weighted mean (an average income weighted by inhabitants) or a rate of two sums (benefits per
1,000 inhabitants). Pure: region code -> measure -> value in, (value, parts used) out."""

from __future__ import annotations

from collections.abc import Mapping

Figures = Mapping[str, Mapping[str, float | None]]


def weighted_mean(parts: Figures, measure: str, weight: str) -> tuple[float | None, int]:
    """Sum(value x weight) / sum(weight) over the parts that have both (a part without a
    value, a CBS secret or unknown cell, is left out rather than counted as zero)."""
    pairs = [
        (float(v), float(w))
        for figures in parts.values()
        if (v := figures.get(measure)) is not None and (w := figures.get(weight)) is not None
    ]
    total = sum(w for _, w in pairs)
    if not pairs or total <= 0:
        return None, len(pairs)
    return sum(v * w for v, w in pairs) / total, len(pairs)


def rate(parts: Figures, measure: str, per: str, scale: float) -> tuple[float | None, int]:
    """Sum(measure) / sum(per) x scale over the parts that have both."""
    pairs = [
        (float(v), float(d))
        for figures in parts.values()
        if (v := figures.get(measure)) is not None and (d := figures.get(per)) is not None
    ]
    total = sum(d for _, d in pairs)
    if not pairs or total <= 0:
        return None, len(pairs)
    return sum(v for v, _ in pairs) / total * scale, len(pairs)
