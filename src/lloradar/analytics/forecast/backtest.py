"""Rolling-origin backtest: forecast errors per horizon of the model against two naive
baselines, 'no change' (the last observed value) and a linear trend per cell.

MAPE is the mean absolute percentage error; MASE scales each absolute error by the cell's
in-sample mean absolute one-year change up to the origin (Hyndman & Koehler 2006), so MASE < 1
beats a one-step 'no change' forecast made in-sample."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

CELL = ["region_code", "occupation_id"]


@dataclass(frozen=True, slots=True)
class BacktestRow:
    horizon: int
    forecasts: int
    mape_model: float
    mape_no_change: float
    mape_trend: float
    mase_model: float
    mase_no_change: float
    mase_trend: float

    @property
    def beats_no_change(self) -> bool:
        return self.mase_model < self.mase_no_change


def baselines(actual: pd.DataFrame, origin: int, years: list[int]) -> pd.DataFrame:
    """'No change' and linear-trend forecasts per cell for `years` from history up to origin,
    with the cell's MASE scale."""
    history = actual[actual["year"] <= origin].sort_values("year")
    rows = []
    for (region, occupation), group in history.groupby(CELL):
        t = group["year"].to_numpy(dtype=float)
        y = group["persons"].to_numpy(dtype=float)
        slope, intercept = np.polyfit(t, y, 1) if len(t) >= 2 else (0.0, y[-1])
        scale = float(np.abs(np.diff(y)).mean()) if len(y) >= 2 else np.nan
        for year in years:
            rows.append((region, occupation, year, y[-1], slope * year + intercept, scale))
    return pd.DataFrame(rows, columns=[*CELL, "year", "no_change", "trend", "scale"])


def forecast_errors(actual: pd.DataFrame, forecasts: pd.DataFrame) -> pd.DataFrame:
    """actual: region_code, occupation_id, year, persons; forecasts: the same cells with
    origin, year and forecast. One row per cell x origin x year with the model's forecast,
    both baselines, the actual value, the horizon and the cell's MASE scale."""
    frames = []
    for origin, group in forecasts.groupby("origin"):
        years = sorted(int(y) for y in group["year"].unique())
        base = baselines(actual, int(str(origin)), years)
        merged = group.merge(base, on=[*CELL, "year"]).merge(
            actual.rename(columns={"persons": "actual"}), on=[*CELL, "year"]
        )
        frames.append(merged.assign(horizon=merged["year"] - merged["origin"]))
    errors = pd.concat(frames)
    return errors[(errors["actual"] > 0) & (errors["scale"] > 0)]


def backtest_errors(
    actual: pd.DataFrame, forecasts: pd.DataFrame, max_horizon: int
) -> list[BacktestRow]:
    """MAPE and MASE per horizon 1..max_horizon (see `forecast_errors` for the tables)."""
    errors = forecast_errors(actual, forecasts)
    rows = []
    for horizon in range(1, max_horizon + 1):
        at = errors[errors["horizon"] == horizon]
        if at.empty:
            continue

        def mape(column: str, frame: pd.DataFrame = at) -> float:
            return float((abs(frame[column] - frame["actual"]) / frame["actual"]).mean() * 100)

        def mase(column: str, frame: pd.DataFrame = at) -> float:
            return float((abs(frame[column] - frame["actual"]) / frame["scale"]).mean())

        rows.append(
            BacktestRow(
                horizon,
                len(at),
                mape("forecast"),
                mape("no_change"),
                mape("trend"),
                mase("forecast"),
                mase("no_change"),
                mase("trend"),
            )
        )
    return rows


def mape_by(errors: pd.DataFrame, column: str) -> pd.DataFrame:
    """MAPE of the model and both baselines per value of `column` (e.g. a sector)."""
    frame = errors.assign(
        model=abs(errors["forecast"] - errors["actual"]) / errors["actual"] * 100,
        no_change=abs(errors["no_change"] - errors["actual"]) / errors["actual"] * 100,
        trend=abs(errors["trend"] - errors["actual"]) / errors["actual"] * 100,
    )
    grouped = frame.groupby(column)
    result = grouped[["model", "no_change", "trend"]].mean()
    return result.assign(n=grouped.size()).reset_index()
