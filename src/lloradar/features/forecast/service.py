"""Use-cases of the five-year forecast: read the model's inputs from the store, run a scenario
and store the run, compare a scenario with the baseline, and backtest on the stored history.

The edges read stored runs through `lloradar.features.forecast.results`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from lloradar.analytics.forecast import (
    ForecastInputs,
    Policy,
    run_forecast,
)
from lloradar.analytics.forecast.backtest import (
    BacktestRow,
    backtest_errors,
    forecast_errors,
    mape_by,
)
from lloradar.domain import IngestError
from lloradar.features.forecast.queries import VALUE_COLUMNS, frame_of
from lloradar.features.forecast.results import (  # re-exported: the public face
    forecast_for_region as forecast_for_region,
)
from lloradar.features.forecast.scenarios import LoadedScenario
from lloradar.features.forecast.scenarios import (  # re-exported: the flows feature's waterbed
    load_scenario as load_scenario,
)
from lloradar.features.forecast.scenarios import (
    scenario_policy as scenario_policy,
)
from lloradar.store import Store

HORIZON = 5
SCENARIO_DIR = Path(__file__).resolve().parents[4] / "scenarios"


def last_history_year(store: Store) -> int:
    row = store.query("SELECT max(year) FROM occupation_employment")[0][0]
    if row is None:
        raise IngestError("occupation_employment", "no workforce data: run `lloradar demo build`")
    return int(row)


def sector_growth(employment: pd.DataFrame, base_year: int) -> pd.DataFrame:
    """Log-linear trend growth per region x sector over the years up to the base year, with
    its standard error (at least half a percentage point: five points say little)."""
    history = employment[employment["year"] <= base_year]
    totals = history.groupby(["region_code", "sector_code", "year"], as_index=False)["persons"]
    rows = []
    for (region, sector), group in totals.sum().groupby(["region_code", "sector_code"]):
        years = group["year"].to_numpy(dtype=float)
        values = np.log(np.maximum(group["persons"].to_numpy(dtype=float), 1.0))
        if len(years) < 2:
            rows.append((region, sector, 0.0, 0.02))
            continue
        slope, intercept = np.polyfit(years, values, 1)
        residual = values - (slope * years + intercept)
        spread = float(np.sqrt((residual**2).sum() / max(len(years) - 2, 1)))
        se = spread / float(np.sqrt(((years - years.mean()) ** 2).sum()))
        # with three points or fewer the residuals say next to nothing about the spread
        se = max(se, 0.005 if len(years) > 3 else 0.015)
        # shrink a trend that is small against its own uncertainty towards no growth
        shrink = slope**2 / (slope**2 + se**2)
        rows.append((region, sector, float(np.expm1(slope * shrink)), se))
    return pd.DataFrame(rows, columns=["region_code", "sector_code", "growth", "growth_se"])


def forecast_inputs(store: Store, base_year: int | None = None) -> ForecastInputs:
    """The model's tables for a base year (default: the last year with workforce data)."""
    base = base_year or last_history_year(store)
    workforce = frame_of(
        store,
        "SELECT region_code, occupation_id, sector_code, age_band, persons "
        "FROM occupation_employment WHERE year = ?",
        (base,),
    )
    if workforce.empty:
        raise IngestError("occupation_employment", f"no workforce data for {base}")
    stock = workforce.groupby(["region_code", "occupation_id", "age_band"], as_index=False)[
        "persons"
    ].sum()
    structure = workforce.groupby(["region_code", "occupation_id", "sector_code"], as_index=False)[
        "persons"
    ].sum()
    employment = frame_of(
        store,
        "SELECT region_code, sector_code, year, persons FROM employment WHERE year <= ?",
        (base,),
    )
    leavers = frame_of(
        store,
        "SELECT region_code, programme_code, level, avg(persons) AS persons, "
        "avg(international) AS international FROM school_leavers "
        "WHERE year BETWEEN ? AND ? GROUP BY region_code, programme_code, level",
        (base - 2, base),
    )
    programmes = frame_of(
        store, "SELECT programme_code, occupation_id, share FROM programme_occupation"
    )
    seekers = frame_of(
        store,
        "SELECT region_code, occupation_id, avg(job_seekers_short) AS persons FROM labour_supply "
        "WHERE period >= ? AND period < ? GROUP BY region_code, occupation_id",
        (datetime(base, 1, 1).date(), datetime(base + 1, 1, 1).date()),
    )
    if seekers.empty:
        seekers = pd.DataFrame(columns=["region_code", "occupation_id", "persons"])
    if leavers.empty:
        leavers = pd.DataFrame(
            columns=["region_code", "programme_code", "level", "persons", "international"]
        )
        programmes = pd.DataFrame(columns=["programme_code", "occupation_id", "share"])
    return ForecastInputs(
        base,
        stock,
        structure,
        sector_growth(employment, base),
        leavers.astype({"persons": float, "international": float}),
        programmes,
        seekers.astype({"persons": float}),
    )


@dataclass(frozen=True, slots=True)
class ForecastRun:
    run_id: str
    scenario: str
    version: str
    base_year: int
    cells: int
    is_demo: bool
    values: pd.DataFrame = field(repr=False)


def _is_demo(store: Store) -> bool:
    rows = store.query(
        "SELECT count(*) FROM provenance WHERE is_demo AND source_table = 'occupation_employment'"
    )
    return bool(rows[0][0])


def run_scenario(store: Store, loaded: LoadedScenario, horizon: int = HORIZON) -> ForecastRun:
    """Validate the scenario against the store, run the model and store the run (all or
    nothing). The run id follows from name, version, file hash and base year."""
    inputs = forecast_inputs(store)
    policy = scenario_policy(store, loaded, inputs.base_year + 1)
    values = run_forecast(inputs, policy, horizon)
    scenario = loaded.scenario
    run_id = f"{scenario.name}-v{scenario.version}-{loaded.hash[:8]}-{inputs.base_year}"
    demo = _is_demo(store)
    rows = [
        tuple(None if isinstance(v, float) and np.isnan(v) else v for v in row)
        for row in values[VALUE_COLUMNS].itertuples(index=False, name=None)
    ]
    with store.transaction():
        store.execute("DELETE FROM forecast_value WHERE run_id = ?", (run_id,))
        store.upsert(
            "forecast_run",
            ["run_id", "scenario", "version", "scenario_hash", "yaml_text", "base_year",
             "horizon", "is_demo", "created_at"],
            [(run_id, scenario.name, scenario.version, loaded.hash, loaded.text,
              inputs.base_year, horizon, demo, datetime.now(UTC).replace(tzinfo=None))],
            ["run_id"],
        )  # fmt: skip
        store.upsert(
            "forecast_value",
            ["run_id", *VALUE_COLUMNS],
            [(run_id, *row) for row in rows],
            ["run_id", "region_code", "occupation_id", "year"],
        )
    cells = len(values[["region_code", "occupation_id"]].drop_duplicates())
    return ForecastRun(
        run_id, scenario.name, scenario.version, inputs.base_year, cells, demo, values
    )


def baseline_scenario() -> LoadedScenario:
    return load_scenario(SCENARIO_DIR / "baseline.yaml")


def ensure_run(store: Store, scenario: str) -> ForecastRun | None:
    """Run and store the shipped scenario `scenario` (`baseline` -> scenarios/baseline.yaml)
    when no run of it is stored yet, so a command can show it instead of asking for a run
    first. None when a run is stored (by name or run id) or no such scenario file ships."""
    stored = store.query(
        "SELECT 1 FROM forecast_run WHERE scenario = ? OR run_id = ? LIMIT 1", (scenario, scenario)
    )
    path = SCENARIO_DIR / f"{scenario}.yaml"
    if stored or not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", scenario) or not path.is_file():
        return None
    return run_scenario(store, load_scenario(path))


def actual_stock(store: Store) -> pd.DataFrame:
    return frame_of(
        store,
        "SELECT region_code, occupation_id, year, sum(persons) AS persons "
        "FROM occupation_employment GROUP BY region_code, occupation_id, year",
    ).astype({"persons": float})


def _backtest_forecasts(store: Store, max_horizon: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    actual = actual_stock(store)
    years = sorted(int(y) for y in actual["year"].unique())
    forecasts = []
    for origin in years[1:-1]:
        steps = min(max_horizon, years[-1] - origin)
        values = run_forecast(forecast_inputs(store, origin), Policy(), steps)
        frame = values[["region_code", "occupation_id", "year", "stock"]].rename(
            columns={"stock": "forecast"}
        )
        forecasts.append(frame.assign(origin=origin))
    return actual, pd.concat(forecasts)


def backtest(store: Store, max_horizon: int = 3) -> list[BacktestRow]:
    """Rolling origin over the stored history: each origin with at least two years of history
    forecasts up to `max_horizon` years ahead with the baseline model, against 'no change' and
    a linear trend per cell. MAPE and MASE per horizon."""
    return backtest_errors(*_backtest_forecasts(store, max_horizon), max_horizon)


def backtest_by_sector(store: Store, horizon: int = 1) -> list[dict[str, Any]]:
    """MAPE per main sector of the occupations at one horizon: where the model does and does
    not beat 'no change'."""
    actual, forecasts = _backtest_forecasts(store, horizon)
    errors = forecast_errors(actual, forecasts)
    errors = errors[errors["year"] - errors["origin"] == horizon]
    sectors = frame_of(
        store,
        "SELECT occupation_id, min(sector_code) AS sector_code FROM occupation_employment "
        "GROUP BY occupation_id",
    )
    result = mape_by(errors.merge(sectors, on="occupation_id"), "sector_code")
    return list(result.to_dict("records"))
