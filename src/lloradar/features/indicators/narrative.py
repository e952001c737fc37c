"""The duiding of the web pages: the pure sentence builders of `analytics.narrative`, fed with the
figures the pages show."""

from __future__ import annotations

from collections.abc import Sequence

from lloradar.analytics.narrative import (
    Point,
    comparison_text,
    ranking_text,
    series_text,
    spread_text,
)
from lloradar.features.indicators.radar import Figures

__all__ = ["as_points", "comparison_text", "ranking_text", "series_text", "spread_text"]


def as_points(series: Sequence[Figures]) -> list[Point]:
    return [Point(f.period, f.vacancies, f.job_seekers, f.ratio) for f in series]
