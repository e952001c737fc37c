"""Backtest errors: MAPE and MASE per horizon against 'no change' and a linear trend."""

from __future__ import annotations

import pandas as pd
import pytest

from lloradar.analytics.forecast.backtest import backtest_errors


def test_a_perfect_forecast_has_zero_error_and_the_naive_baselines_do_not() -> None:
    years = range(2021, 2026)
    actual = pd.DataFrame(
        [("AM01", "nurse", y, 100.0 * 1.05 ** (y - 2021)) for y in years],
        columns=["region_code", "occupation_id", "year", "persons"],
    )
    forecasts = pd.concat(
        actual[actual["year"] > origin]
        .assign(origin=origin)
        .rename(columns={"persons": "forecast"})
        for origin in [2022, 2023]
    )
    rows = backtest_errors(actual, forecasts, 3)
    assert [r.horizon for r in rows] == [1, 2, 3]
    assert all(r.mape_model == 0 and r.mase_model == 0 for r in rows)
    first = rows[0]
    # no change misses one year's growth: MASE near 1 (the in-sample one-year change)
    assert first.mase_no_change == pytest.approx(1.05, rel=0.05)
    assert first.mape_no_change > first.mape_trend > 0
    assert first.beats_no_change
