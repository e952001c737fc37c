"""The five-year stock-flow model per region x occupation, in the spirit of ROA's POA.

Every year each cell's workforce ages one year and loses people through retirement (the pension
age of that year) and other exits (rates per age band); employment demand follows the trend of
its sectors (expansion demand). The openings (expansion + replacement + extra demand such as a
recruitment drive) are filled, so stock next year = stock + inflow - outflow; as in ROA's model
the forecast is *ex ante*: a shortage does not lower employment, it shows as supply (school
leavers + other entrants) below demand. Pure: tables in, tables out.

The uncertainty band of the supply/demand ratio combines the trend's standard error (demand
+- growth_z x se x stock a year) with +- supply_uncertainty on supply: ratio_low is the low
supply over the high demand, ratio_high the reverse. It shows how sure the class is, it is not
a statistical confidence interval."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lloradar.analytics.forecast.classes import prospect_class
from lloradar.analytics.forecast.policy import Policy

FIRST_AGE, LAST_AGE = 15, 69
AGES = np.arange(FIRST_AGE, LAST_AGE + 1)
BAND_AGES: dict[str, tuple[int, int]] = {
    "15-24": (15, 24),
    "25-34": (25, 34),
    "35-44": (35, 44),
    "45-54": (45, 54),
    "55-64": (55, 64),
    "65+": (65, LAST_AGE),  # work beyond 69 is rare enough to leave out
}
CELL = ["region_code", "occupation_id"]


@dataclass(frozen=True, slots=True)
class Rates:
    """The explicit behavioural rates of the model; each is a yearly share."""

    other_exit: Mapping[str, float] = field(
        default_factory=lambda: {
            "15-24": 0.08,
            "25-34": 0.05,
            "35-44": 0.035,
            "45-54": 0.03,
            "55-64": 0.035,
            "65+": 0.0,
        }
    )  # leaving the occupation for other work, abroad, disability or care
    early_retirement_from: int = 60
    early_retirement: float = 0.04  # per year between early_retirement_from and pension age
    retirement: float = 0.85  # per year at and above the pension age
    leaver_entry: float = 0.85  # school leavers who enter an occupation their programme leads to
    international_stay: float = 0.35  # international graduates who stay and work here
    intake_completion: float = 0.7  # of an intake cohort that graduates
    study_years: Mapping[str, int] = field(
        default_factory=lambda: {"mbo": 3, "hbo": 4, "wo": 5}
    )  # intake year -> graduation year
    job_seeker_entry: float = 0.45  # of short-term job seekers (yearly mean) who find work here
    side_entry: float = 0.02  # side-entrants and migrants, share of the stock per year
    young_entrants: float = 0.6  # entrants aged 18-24; the rest are 25-44
    supply_uncertainty: float = 0.15  # +- share of supply in the band
    growth_z: float = 1.0  # standard errors of the trend growth in the band


@dataclass(frozen=True, slots=True)
class ForecastInputs:
    """The tables the model starts from, for one base year.

    stock: region_code, occupation_id, age_band, persons (base year)
    structure: region_code, occupation_id, sector_code, persons (base year)
    sector_growth: region_code, sector_code, growth, growth_se (yearly, trend)
    leavers: region_code, programme_code, level, persons, international (per year)
    programmes: programme_code, occupation_id, share
    job_seekers: region_code, occupation_id, persons (yearly mean, < 6 months)"""

    base_year: int
    stock: pd.DataFrame
    structure: pd.DataFrame
    sector_growth: pd.DataFrame
    leavers: pd.DataFrame
    programmes: pd.DataFrame
    job_seekers: pd.DataFrame


def entrant_age_profile(rates: Rates) -> np.ndarray:
    young = (AGES >= 18) & (AGES <= 24)
    older = (AGES >= 25) & (AGES <= 44)
    profile: np.ndarray = (
        young * rates.young_entrants / young.sum()
        + older * (1 - rates.young_entrants) / older.sum()
    )
    return profile


def age_matrix(stock: pd.DataFrame, cells: pd.MultiIndex) -> np.ndarray:
    """Persons per cell x single year of age, spread evenly within each age band."""
    matrix = np.zeros((len(cells), len(AGES)))
    wide = stock.pivot_table(index=CELL, columns="age_band", values="persons", aggfunc="sum")
    wide = wide.reindex(cells).fillna(0.0)
    for band, (low, high) in BAND_AGES.items():
        if band in wide.columns:
            span = high - low + 1
            matrix[:, low - FIRST_AGE : high - FIRST_AGE + 1] = (
                wide[band].to_numpy()[:, None] / span
            )
    return matrix


def cell_growth(inputs: ForecastInputs, cells: pd.MultiIndex) -> tuple[np.ndarray, np.ndarray]:
    """Trend growth of each cell's employment: its sectors' growth weighted by the cell's
    sector structure (expansion demand), and the standard error of that growth."""
    merged = inputs.structure.merge(
        inputs.sector_growth, on=["region_code", "sector_code"], how="left"
    ).fillna({"growth": 0.0, "growth_se": 0.0})
    merged["w_growth"] = merged["persons"] * merged["growth"]
    merged["w_se"] = merged["persons"] * merged["growth_se"]
    sums = merged.groupby(CELL)[["persons", "w_growth", "w_se"]].sum().reindex(cells).fillna(0)
    weight = sums["persons"].replace(0, np.nan)
    growth = (sums["w_growth"] / weight).fillna(0.0).to_numpy()
    se = (sums["w_se"] / weight).fillna(0.0).to_numpy()
    return growth, se


def share_by_region(stock: np.ndarray, cells: pd.MultiIndex, occupation: str) -> np.ndarray:
    """Each cell's share of a national number for one occupation (by its stock)."""
    mask = cells.get_level_values("occupation_id") == occupation
    total = stock[mask].sum()
    share = np.zeros(len(cells))
    if total > 0:
        share[mask] = stock[mask] / total
    elif mask.any():
        share[mask] = 1 / mask.sum()
    return share


def school_supply(
    inputs: ForecastInputs, cells: pd.MultiIndex, year: int, policy: Policy, rates: Rates
) -> np.ndarray:
    """Leavers entering each cell's occupation in `year`, after intake caps and the change in
    international students that reach the labour market that year."""
    leavers = inputs.leavers.copy()
    domestic = leavers["persons"] - leavers["international"]
    international = leavers["international"] * policy.international_factor(year)
    leavers["effective"] = domestic + international * rates.international_stay
    for cap in policy.intake_caps:
        rows = leavers["programme_code"] == cap.programme
        if not rows.any():
            continue
        level = str(leavers.loc[rows, "level"].iloc[0])
        if year < cap.from_year + rates.study_years.get(level, 4):
            continue
        national = float(leavers.loc[rows, "persons"].sum())
        allowed = cap.maximum * rates.intake_completion
        if national > allowed:
            leavers.loc[rows, "effective"] *= allowed / national
    mapped = leavers.merge(inputs.programmes, on="programme_code")
    mapped["entrants"] = mapped["effective"] * mapped["share"] * rates.leaver_entry
    per_cell = mapped.groupby(CELL)["entrants"].sum()
    entrants: np.ndarray = per_cell.reindex(cells).fillna(0.0).to_numpy(dtype=float)
    return entrants


def _exit_rates(pension_age: int, rates: Rates) -> tuple[np.ndarray, np.ndarray]:
    retire = np.where(
        pension_age <= AGES,
        rates.retirement,
        np.where(rates.early_retirement_from <= AGES, rates.early_retirement, 0.0),
    )
    other = np.zeros(len(AGES))
    for band, (low, high) in BAND_AGES.items():
        other[low - FIRST_AGE : high - FIRST_AGE + 1] = rates.other_exit.get(band, 0.0)
    return retire, other


def run_forecast(
    inputs: ForecastInputs, policy: Policy, horizon: int = 5, rates: Rates | None = None
) -> pd.DataFrame:
    """One row per region x occupation x forecast year with stock, demand and supply parts."""
    rates = rates or Rates()
    cells = pd.MultiIndex.from_frame(
        inputs.stock[CELL].drop_duplicates().sort_values(CELL).reset_index(drop=True)
    )
    ages = age_matrix(inputs.stock, cells)
    growth, growth_se = cell_growth(inputs, cells)
    seekers = inputs.job_seekers.groupby(CELL)["persons"].sum().reindex(cells).fillna(0.0)
    entrant_ages = entrant_age_profile(rates)
    target = ages.sum(axis=1)
    frames = []
    for step in range(1, horizon + 1):
        year = inputs.base_year + step
        stock_before = ages.sum(axis=1)
        aged = np.zeros_like(ages)
        aged[:, 1:] = ages[:, :-1]
        beyond = ages[:, -1]  # reach 70: leave the model as retirement
        retire_rate, other_rate = _exit_rates(policy.pension_age(year), rates)
        retired = aged * retire_rate
        others = (aged - retired) * other_rate
        out_ages = retired + others
        retraining_out = np.zeros(len(cells))
        retraining_in = np.zeros(len(cells))
        for move in policy.retraining_in(year):
            retraining_out += move.per_year * share_by_region(stock_before, cells, move.source)
            retraining_in += move.per_year * share_by_region(stock_before, cells, move.target)
        remaining = (aged - out_ages).sum(axis=1)
        retraining_out = np.minimum(retraining_out, remaining)
        with np.errstate(invalid="ignore", divide="ignore"):
            keep = np.where(remaining > 0, 1 - retraining_out / remaining, 1.0)
        after = (aged - out_ages) * keep[:, None]
        retirement = retired.sum(axis=1) + beyond
        other_exits = others.sum(axis=1) + retraining_out
        outflow = retirement + other_exits
        previous_target = target
        target = target * (1 + growth)
        expansion = target - previous_target
        extra = np.zeros(len(cells))
        for drive in policy.drives_in(year):
            extra += drive.per_year * share_by_region(stock_before, cells, drive.occupation)
        inflow = np.maximum(expansion + outflow, 0.0) + extra
        ages = after + inflow[:, None] * entrant_ages[None, :]
        school = school_supply(inputs, cells, year, policy, rates)
        other_supply = seekers.to_numpy() * rates.job_seeker_entry + rates.side_entry * stock_before
        supply = school + other_supply + retraining_in
        spread = rates.growth_z * growth_se * stock_before
        frame = pd.DataFrame(
            {
                "year": year,
                "stock": ages.sum(axis=1),
                "expansion_demand": expansion,
                "retirement": retirement,
                "other_exits": other_exits,
                "extra_demand": extra,
                "demand": inflow,
                "supply_school": school,
                "supply_other": other_supply,
                "supply_extra": retraining_in,
                "supply": supply,
                "inflow": inflow,
                "outflow": outflow,
                "demand_low": np.maximum(inflow - spread, 0.0),
                "demand_high": inflow + spread,
            },
            index=cells,
        )
        frames.append(frame)
    result = pd.concat(frames).reset_index()
    return with_ratios(result, rates)


def with_ratios(frame: pd.DataFrame, rates: Rates) -> pd.DataFrame:
    """Supply / demand with its band and the prospect class; no demand -> no ratio."""
    demand = frame["demand"].where(frame["demand"] > 0)
    u = rates.supply_uncertainty
    frame = frame.assign(
        ratio=frame["supply"] / demand,
        ratio_low=frame["supply"] * (1 - u) / frame["demand_high"].where(demand.notna()),
        ratio_high=frame["supply"] * (1 + u) / frame["demand_low"].where(frame["demand_low"] > 0),
    )
    frame["prospect"] = [prospect_class(r) for r in frame["ratio"]]
    return frame.drop(columns=["demand_low", "demand_high"])


def horizon_summary(frame: pd.DataFrame) -> pd.DataFrame:
    """Per cell over the whole horizon: summed flows, the cumulative ratio and its class."""
    sums = frame.groupby(CELL, as_index=False)[
        ["expansion_demand", "retirement", "other_exits", "extra_demand", "demand", "supply"]
    ].sum()
    last = frame.sort_values("year").groupby(CELL, as_index=False).last()[[*CELL, "stock"]]
    summary = sums.merge(last, on=CELL)
    demand = summary["demand"].where(summary["demand"] > 0)
    summary["ratio"] = summary["supply"] / demand
    summary["prospect"] = [prospect_class(r) for r in summary["ratio"]]
    return summary
