"""The indicators feature's public face for the other features and the demo: the radar's
published figures (`RadarData`, loaded once per store), recomputing what is derived after a
load, the published indicator cells (`published_cells`, for every surface that shows a tension
figure), the per-region summary, and the one occupation resolver. Inside the feature, modules
import each other directly; other features import only this module."""

from __future__ import annotations

from lloradar.analytics.disclosure import HIDDEN
from lloradar.features.indicators.published import (
    ALL_OCCUPATIONS,
    PublishedCell,
    latest_published_cells,
    latest_published_period,
    published_cells,
)
from lloradar.features.indicators.radar import RadarData, Source, radar_for_store
from lloradar.features.indicators.refresh import RefreshReport, refresh_derived
from lloradar.features.indicators.summary import RegionSummary, region_summaries
from lloradar.features.indicators.tension import (
    compute_indicators,
    ensure_indicators,
    resolve_occupation,
    suggest_occupations,
)

__all__ = [
    "ALL_OCCUPATIONS",
    "HIDDEN",
    "PublishedCell",
    "RadarData",
    "RefreshReport",
    "RegionSummary",
    "Source",
    "compute_indicators",
    "ensure_indicators",
    "latest_published_cells",
    "latest_published_period",
    "published_cells",
    "radar_for_store",
    "refresh_derived",
    "region_summaries",
    "resolve_occupation",
    "suggest_occupations",
]
