"""Reading stored forecast runs for the edges: a region's or an occupation's five-year outlook,
a scenario compared with the baseline (per cell, per year in total, with its assumptions and a
generated text), and the list of runs. Cells under 10 people are suppressed."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from lloradar.analytics.disclosure import MIN_PEOPLE
from lloradar.analytics.forecast import PROSPECT_EN, horizon_summary, prospect_class
from lloradar.domain import IngestError
from lloradar.features.forecast.queries import VALUE_COLUMNS, frame_of
from lloradar.features.forecast.scenarios import assumption_rows, parse_scenario
from lloradar.store import Store


def latest_run(store: Store, scenario: str) -> dict[str, Any] | None:
    """The newest stored run of a scenario (by name) or the run with this id."""
    rows = store.query_dicts(
        "SELECT run_id, scenario, version, scenario_hash, yaml_text, base_year, horizon, is_demo, "
        "created_at FROM forecast_run WHERE scenario = ? OR run_id = ? "
        "ORDER BY created_at DESC LIMIT 1",
        (scenario, scenario),
    )
    return rows[0] if rows else None


def run_values(store: Store, run_id: str, region: str | None = None) -> pd.DataFrame:
    sql = f"SELECT {', '.join(VALUE_COLUMNS)} FROM forecast_value WHERE run_id = ?"
    params: tuple[Any, ...] = (run_id,)
    if region:
        sql += " AND region_code = ?"
        params = (run_id, region)
    return frame_of(store, sql + " ORDER BY region_code, occupation_id, year", params)


def _require_run(store: Store, scenario: str) -> dict[str, Any]:
    run = latest_run(store, scenario)
    if run is None:
        raise IngestError(
            "forecast_run", f"no stored run for {scenario!r}: run `lloradar forecast run` first"
        )
    return run


def number(value: Any) -> float | None:
    """A figure for JSON: rounded, and None instead of NaN (no demand, no ratio)."""
    as_float = float(value) if value is not None else math.nan
    return None if math.isnan(as_float) else round(as_float, 3)


def _labels(store: Store) -> dict[str, str]:
    return {str(r[0]): str(r[1]) for r in store.query("SELECT id, label_en FROM occupation")}


def forecast_for_region(
    store: Store, region: str, scenario: str = "baseline"
) -> list[dict[str, Any]]:
    """Per occupation in a region over the forecast horizon: stock at the end, summed demand
    parts and supply, the ratio and its prospect class. Cells under 10 people are suppressed."""
    run = _require_run(store, scenario)
    values = run_values(store, run["run_id"], region)
    if values.empty:
        return []
    summary = horizon_summary(values)
    labels = _labels(store)
    rows = []
    for row in summary.to_dict("records"):
        small = row["stock"] < MIN_PEOPLE
        rows.append(
            {
                "occupation_id": row["occupation_id"],
                "occupation": labels.get(row["occupation_id"], row["occupation_id"]),
                "region_code": region,
                "scenario": run["scenario"],
                "run_id": run["run_id"],
                "is_demo": bool(run["is_demo"]),
                "suppressed": small,
                **{
                    k: (None if small else number(row[k]))
                    for k in [
                        "stock",
                        "expansion_demand",
                        "retirement",
                        "other_exits",
                        "extra_demand",
                        "demand",
                        "supply",
                        "ratio",
                    ]
                },
                "prospect": None if small else row["prospect"],
            }
        )
    return sorted(rows, key=lambda r: (r["ratio"] is None, r["ratio"] or 0.0))


@dataclass(frozen=True, slots=True)
class ScenarioDiff:
    """A scenario minus the baseline: per cell x year, per year in total, and the assumptions."""

    base_run: str
    scenario_run: str
    scenario: str
    assumptions: list[dict[str, Any]]
    cells: pd.DataFrame
    totals: pd.DataFrame
    changed_prospects: pd.DataFrame


DIFF_COLUMNS = ["stock", "expansion_demand", "retirement", "other_exits", "extra_demand",
                "demand", "supply"]  # fmt: skip


def scenario_diff(
    store: Store, base: str, scenario: str, region: str | None = None
) -> ScenarioDiff:
    """Compare the newest stored runs of two scenarios (names or run ids)."""
    base_run = _require_run(store, base)
    other_run = _require_run(store, scenario)
    key = ["region_code", "occupation_id", "year"]
    left = run_values(store, base_run["run_id"], region)
    right = run_values(store, other_run["run_id"], region)
    merged = left.merge(right, on=key, suffixes=("_base", "_scenario"))
    cells = merged[key].copy()
    for column in [*DIFF_COLUMNS, "ratio"]:
        cells[column + "_base"] = merged[column + "_base"]
        cells[column + "_diff"] = merged[column + "_scenario"] - merged[column + "_base"]
    cells["prospect_base"] = merged["prospect_base"]
    cells["prospect_scenario"] = merged["prospect_scenario"]
    totals = merged.groupby("year", as_index=False)[
        [c + s for c in DIFF_COLUMNS for s in ("_base", "_scenario")]
    ].sum()
    for column in DIFF_COLUMNS:
        totals[column + "_diff"] = totals[column + "_scenario"] - totals[column + "_base"]
    base_summary = horizon_summary(left)
    other_summary = horizon_summary(right)
    both = base_summary.merge(
        other_summary, on=["region_code", "occupation_id"], suffixes=("_base", "_scenario")
    )
    changed = both[both["prospect_base"] != both["prospect_scenario"]][
        ["region_code", "occupation_id", "ratio_base", "ratio_scenario", "prospect_base",
         "prospect_scenario"]
    ].reset_index(drop=True)  # fmt: skip
    labels = _labels(store)
    changed["occupation"] = [labels.get(o, o) for o in changed["occupation_id"]]
    loaded = parse_scenario(str(other_run["yaml_text"]), str(other_run["run_id"]))
    return ScenarioDiff(
        base_run["run_id"],
        other_run["run_id"],
        str(other_run["scenario"]),
        assumption_rows(loaded.scenario),
        cells,
        totals,
        changed,
    )


def forecast_for_occupation(
    store: Store, occupation: str, scenario: str = "baseline"
) -> list[dict[str, Any]]:
    """Per region for one occupation (id) over the horizon, as `forecast_for_region` gives
    per occupation: for the forecast tab of an occupation page."""
    run = _require_run(store, scenario)
    values = frame_of(
        store,
        f"SELECT {', '.join(VALUE_COLUMNS)} FROM forecast_value "
        "WHERE run_id = ? AND occupation_id = ?",
        (run["run_id"], occupation),
    )
    if values.empty:
        return []
    rows = []
    for row in horizon_summary(values).to_dict("records"):
        small = row["stock"] < MIN_PEOPLE
        rows.append(
            {
                "region_code": row["region_code"],
                "occupation_id": occupation,
                "run_id": run["run_id"],
                "is_demo": bool(run["is_demo"]),
                "suppressed": small,
                "stock": None if small else number(row["stock"]),
                "demand": None if small else number(row["demand"]),
                "supply": None if small else number(row["supply"]),
                "ratio": None if small else number(row["ratio"]),
                "prospect": None if small else row["prospect"],
            }
        )
    return sorted(rows, key=lambda r: r["region_code"])


def list_runs(store: Store) -> list[dict[str, Any]]:
    """Every stored run, newest first, without the YAML text."""
    return store.query_dicts(
        "SELECT run_id, scenario, version, scenario_hash, base_year, horizon, is_demo, "
        "created_at FROM forecast_run ORDER BY created_at DESC"
    )


def diff_text(diff: ScenarioDiff, lang: str = "en") -> str:
    """A short generated text for the scenario page: the assumptions, the change in demand and
    supply over the horizon and how many cells change prospect class."""
    totals = diff.totals
    demand = float(totals["demand_diff"].sum())
    supply = float(totals["supply_diff"].sum())
    names = ", ".join(a["name"] for a in diff.assumptions) or "-"
    changed = diff.changed_prospects
    years = f"{int(totals['year'].min())}-{int(totals['year'].max())}" if len(totals) else ""
    if lang == "nl":
        return (
            f"Scenario {diff.scenario} ({names}) ten opzichte van de basis, {years}: de vraag "
            f"verandert met {demand:+,.0f} personen en het aanbod met {supply:+,.0f}. "
            f"In {len(changed)} combinaties van regio en beroep verandert de "
            "perspectiefklasse. Modeluitkomst op demodata, geen voorspelling van feiten."
        )
    return (
        f"Scenario {diff.scenario} ({names}) against the baseline, {years}: demand changes by "
        f"{demand:+,.0f} people and supply by {supply:+,.0f}. The prospect class changes in "
        f"{len(changed)} region x occupation cells"
        + (
            f", e.g. {changed.iloc[0]['occupation']} in {changed.iloc[0]['region_code']}: "
            f"{PROSPECT_EN[changed.iloc[0]['prospect_base']]} -> "
            f"{PROSPECT_EN[changed.iloc[0]['prospect_scenario']]}."
            if len(changed)
            else "."
        )
    )


def forecast_for_programmes(
    store: Store, region: str, scenario: str = "baseline"
) -> list[dict[str, Any]]:
    """Per programme in a region: the prospect of its leavers, the supply/demand ratio of the
    occupations it leads to weighted by the share of leavers entering each (as ROA does per
    education), for schools deciding on intake."""
    occupations = {r["occupation_id"]: r for r in forecast_for_region(store, region, scenario)}
    mapping = store.query_dicts(
        "SELECT p.programme_code, min(l.programme_name) AS programme_name, "
        "min(l.level) AS level, p.occupation_id, p.share FROM programme_occupation p "
        "JOIN school_leavers l ON l.programme_code = p.programme_code AND l.region_code = ? "
        "GROUP BY p.programme_code, p.occupation_id, p.share ORDER BY p.programme_code",
        (region,),
    )
    programmes: dict[str, dict[str, Any]] = {}
    for row in mapping:
        cell = occupations.get(row["occupation_id"])
        entry = programmes.setdefault(
            row["programme_code"],
            {
                "programme_code": row["programme_code"],
                "programme": row["programme_name"],
                "level": row["level"],
                "region_code": region,
                "occupations": [],
                "weighted": 0.0,
                "weight": 0.0,
            },
        )
        entry["occupations"].append(row["occupation_id"])
        if cell is not None and cell["ratio"] is not None:
            entry["weighted"] += float(row["share"]) * cell["ratio"]
            entry["weight"] += float(row["share"])
    result = []
    for entry in programmes.values():
        weight = entry.pop("weight")
        ratio = entry.pop("weighted") / weight if weight else None
        result.append({**entry, "ratio": number(ratio), "prospect": prospect_class(ratio)})
    return sorted(result, key=lambda r: (r["ratio"] is None, r["ratio"] or 0.0))
