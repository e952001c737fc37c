"""A region's opportunities per occupation for the navigator: the tension class and ratio of
the latest month beside the prospect and growth of the newest baseline forecast.

Tension is the published one (`published_indicator`, through the indicators' service): hidden
there (a hidden job-seeker count, whose ratio would give it back) is hidden here, and nothing is
recomputed; forecast cells under 10 employed are suppressed by `forecast_results`."""

from __future__ import annotations

from datetime import date

from lloradar.analytics.navigator import Opportunity
from lloradar.domain import IngestError, TensionClass
from lloradar.features.forecast.service import forecast_for_region
from lloradar.features.indicators.service import (
    ensure_indicators,
    latest_published_period,
    published_cells,
)
from lloradar.store import Store

SCENARIO = "baseline"


def regional_tension(
    store: Store, region: str
) -> tuple[date | None, dict[str, tuple[TensionClass | None, float | None]]]:
    """Per occupation in the region's latest published month: the published tension class and
    ratio (None when hidden by disclosure control, or without data)."""
    ensure_indicators(store)
    period = latest_published_period(store, region_code=region)
    if period is None:
        return None, {}
    return period, {
        cell.occupation_id: (cell.tension, cell.tension_ratio)
        for cell in published_cells(store, period=period, region_code=region)
        if not cell.is_total
    }


def regional_forecast(
    store: Store, region: str
) -> tuple[str | None, dict[str, tuple[str | None, float | None]]]:
    """Per occupation: the prospect class over the horizon and the growth of the employed
    stock (expansion demand over the starting stock), from the newest baseline run."""
    try:
        rows = forecast_for_region(store, region, SCENARIO)
    except IngestError:
        return None, {}
    result: dict[str, tuple[str | None, float | None]] = {}
    run = None
    for row in rows:
        run = row["run_id"]
        growth = None
        if row["stock"] is not None and row["expansion_demand"] is not None:
            start = row["stock"] - row["expansion_demand"]
            growth = row["expansion_demand"] / start if start > 0 else None
        result[row["occupation_id"]] = (row["prospect"], growth)
    return run, result


def opportunities(
    store: Store, region: str
) -> tuple[date | None, str | None, dict[str, Opportunity]]:
    period, tension = regional_tension(store, region)
    run, forecast = regional_forecast(store, region)
    result = {}
    for occupation in set(tension) | set(forecast):
        cls, ratio = tension.get(occupation, (None, None))
        prospect, growth = forecast.get(occupation, (None, None))
        result[occupation] = Opportunity(cls, ratio, prospect, growth)
    return period, run, result
