"""Use-cases of the flows feature: a region's transition matrix (occupations or sectors) with
disclosure control, and the waterbed view of drawing N people into one of them. The edges
(pages, API, CLI) call these; the skills engine is reached through its service only."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from lloradar.analytics.commuting import Observation, commuting_matrix, jobs_measure
from lloradar.analytics.flows import (
    FlowMatrix,
    ProtectedFlows,
    aggregate,
    flow_matrix,
    protect_flows,
    transition_probabilities,
)
from lloradar.analytics.forecast import ForecastInputs, Rates
from lloradar.analytics.waterbed import (
    BASES,
    Basis,
    Market,
    SourceEffect,
    draw_sources,
    forecast_effect,
    source_effect,
    target_effect,
    waterbed_text,
)
from lloradar.domain import IngestError
from lloradar.domain.errors import UnknownLabel, ValidationError
from lloradar.features.flows import queries
from lloradar.features.forecast import service as forecast_service
from lloradar.features.skills import service as skills_service
from lloradar.store import Store

Level = Literal["occupation", "sector"]
LEVELS: tuple[Level, ...] = ("occupation", "sector")
MAX_DRAW = 1_000_000

_LOCK = threading.Lock()
_PAIRS: dict[tuple[str, int, tuple[str, ...]], tuple[list[str], np.ndarray]] = {}


@dataclass(frozen=True, slots=True)
class RegionFlows:
    """One region's flow matrix: `protected` is what may be shown; `matrix` the unrounded
    truth the waterbed scales (never shown itself)."""

    region: str
    region_name: str
    basis: Basis
    level: Level
    period: str
    protected: ProtectedFlows
    labels: dict[str, tuple[str, str]]
    markets: dict[str, Market]
    sources: list[dict[str, Any]]
    job_to_job_tables: list[str]
    commuting_tables: list[str]
    matrix: FlowMatrix = field(repr=False)

    @property
    def is_demo(self) -> bool:
        return any(s["is_demo"] for s in self.sources)

    def label(self, key: str, lang: str) -> str:
        nl, en = self.labels.get(key, (key, key))
        return nl if lang == "nl" else en


def _check_choice(name: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise ValidationError(name, value, " or ".join(allowed))


def _similarity(store: Store, keys: list[str]) -> tuple[list[str], np.ndarray]:
    """The skills engine's similarity between the given occupations (those it knows), in
    their order: only these origin rows are scored, not the whole taxonomy (kept per model)."""
    model = skills_service.similarity_model(store.url)
    known = [k for k in keys if k in model.index]
    cache_key = (store.url, id(model), tuple(known))
    with _LOCK:
        if cache_key not in _PAIRS:
            if len(_PAIRS) > 64:
                _PAIRS.clear()
            rows = [model.index[k] for k in known]
            scores = model.components(rows).score() if rows else np.zeros((0, 0))
            _PAIRS[cache_key] = (known, np.asarray(scores)[:, rows])
        return _PAIRS[cache_key]


def _outflow(
    store: Store, region: str, keys: list[str], basis: Basis, markets: dict[str, Market]
) -> list[int]:
    """Who may move out of each occupation: all job seekers, or the workers who leave their
    occupation for other work in a year (the forecast model's `other_exit` rates by age)."""
    if basis == "job_seekers":
        return [markets[k].short + markets[k].long for k in keys]
    rates = Rates().other_exit
    leaving: dict[str, float] = {}
    for row in queries.employed_by_age(store, region):
        share = rates.get(str(row["age_band"]), 0.0)
        leaving[str(row["occupation_id"])] = (
            leaving.get(str(row["occupation_id"]), 0.0) + float(row["persons"]) * share
        )
    return [round(leaving.get(k, 0.0)) for k in keys]


def region_flows(
    store: Store, region: str, basis: str = "job_seekers", level: str = "occupation"
) -> RegionFlows:
    """The region's flow matrix with its margins after disclosure control. Bad input raises
    ValidationError naming the field; a store without stocks IngestError."""
    _check_choice("basis", basis, BASES)
    _check_choice("level", level, LEVELS)
    found = queries.region(store, region.strip().upper())
    if found is None or found["level"] != "arbeidsmarktregio":
        raise ValidationError("region", region, "an arbeidsmarktregio code (AM01..AM38)")
    code = str(found["code"])
    period = queries.latest_supply_period(store, code)
    if period is None:
        raise IngestError("labour_supply", f"no job seekers stored for {code}")
    markets = {
        str(r["occupation_id"]): Market(int(r["vacancies"]), int(r["short"]), int(r["long"]))
        for r in queries.markets(store, code, period)
    }
    keys, pairs = _similarity(store, sorted(markets))
    probabilities = transition_probabilities(pairs)
    matrix = flow_matrix(keys, _outflow(store, code, keys, basis, markets), probabilities)  # type: ignore[arg-type]
    labels = queries.occupation_labels(store)
    if level == "sector":
        sectors = queries.occupation_sectors(store, code)
        groups = [sectors.get(k, "?") for k in keys]
        matrix = aggregate(matrix, groups)
        labels = queries.sector_labels(store)
        markets = _sector_markets(markets, keys, groups)
    tables = (
        ("labour_supply", "vacancy_stats")
        if basis == "job_seekers"
        else ("occupation_employment", "vacancy_stats", "labour_supply")
    )
    return RegionFlows(
        region=code,
        region_name=str(found["name"]),
        basis=basis,  # type: ignore[arg-type]
        level=level,  # type: ignore[arg-type]
        period=str(period)[:7],
        protected=protect_flows(matrix),
        labels=labels,
        markets=markets,
        sources=queries.stock_sources(store, tables),
        job_to_job_tables=queries.loaded_cbs_tables(store, queries.JOB_TO_JOB_TABLES),
        commuting_tables=queries.loaded_cbs_tables(store, queries.COMMUTING_TABLES),
        matrix=matrix,
    )


def _sector_markets(
    markets: dict[str, Market], keys: list[str], groups: list[str]
) -> dict[str, Market]:
    summed: dict[str, list[int]] = {}
    for key, group in zip(keys, groups, strict=True):
        m = markets[key]
        total = summed.setdefault(group, [0, 0, 0])
        total[0] += m.vacancies
        total[1] += m.short
        total[2] += m.long
    return {g: Market(*v) for g, v in summed.items()}


def resolve_key(flows: RegionFlows, text: str) -> str:
    """A row of the matrix from its id, the last part of an ESCO URI, an SBI code or a
    label (Dutch or English, any case). UnknownLabel with suggestions otherwise."""
    wanted = text.strip()
    lowered = wanted.lower()
    for key in flows.protected.keys:
        nl, en = flows.labels.get(key, (key, key))
        if wanted in (key, key.rsplit("/", 1)[-1]) or lowered in (nl.lower(), en.lower()):
            return key
    near = [
        flows.label(k, "nl")
        for k in flows.protected.keys
        if lowered and lowered[:4] in flows.label(k, "nl").lower() + flows.label(k, "en").lower()
    ]
    kind = "occupation" if flows.level == "occupation" else "sector"
    raise UnknownLabel(f"{kind} of {flows.region}", text, near[:5])


@dataclass(frozen=True, slots=True)
class Waterbed:
    """The waterbed view: the shown sources (cells the matrix shows), the rest pooled, the
    tension before and after, the forecast ratios (occupations only) and the text."""

    flows: RegionFlows
    target: str
    n: int
    drawn: dict[str, int]
    shown: list[SourceEffect]
    pooled: int
    target_effect: SourceEffect
    forecast: dict[str, tuple[float | None, float | None]]
    text: str


def waterbed(
    store: Store,
    region: str,
    target: str,
    n: int,
    basis: str = "job_seekers",
    level: str = "occupation",
    lang: str = "nl",
    inputs: ForecastInputs | None = None,
) -> Waterbed:
    """Where N people drawn into `target` come from, and how tension changes there. A source
    whose matrix cell is hidden is pooled with the others, so the view reveals no more than
    the protected matrix."""
    if not 0 < n <= MAX_DRAW:
        raise ValidationError("n", n, f"a number of people from 1 to {MAX_DRAW:,}")
    _check_choice("lang", lang, ("nl", "en"))
    flows = region_flows(store, region, basis, level)
    key = resolve_key(flows, target)
    drawn = draw_sources(flows.matrix, key, n)
    column = flows.matrix.index(key)
    visible = {
        k for r, k in enumerate(flows.protected.keys) if flows.protected.cells[r][column].isdigit()
    }
    empty = Market(0, 0, 0)
    effects = [
        source_effect(k, flows.markets.get(k, empty), d, flows.basis) for k, d in drawn.items()
    ]
    shown = sorted((e for e in effects if e.key in visible), key=lambda e: (-e.drawn, e.key))
    pooled = sum(e.drawn for e in effects if e.key not in visible)
    forecast: dict[str, tuple[float | None, float | None]] = {}
    if flows.level == "occupation":
        try:
            inputs = inputs or forecast_service.forecast_inputs(store)
            effect = forecast_effect(inputs, flows.region, key, drawn, flows.basis, flows.markets)
            forecast = {k: v for k, v in effect.items() if k in visible or k == key}
        except IngestError:
            forecast = {}  # no workforce tables: the current tension only
    result_target = target_effect(key, flows.markets.get(key, empty), n)
    text = waterbed_text(
        {k: flows.label(k, lang) for k in {key, *drawn}},
        flows.region_name,
        result_target,
        shown,
        pooled,
        forecast,
        lang,
    )
    return Waterbed(flows, key, n, drawn, shown, pooled, result_target, forecast, text)


def _source_dicts(sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**s, "retrieved_at": str(s["retrieved_at"])[:10]} for s in sources]


def cbs_notes(flows: RegionFlows, lang: str) -> list[str]:
    """What the matrix is not built from: CBS job-to-job and commuting tables, when absent."""
    nl = lang == "nl"
    notes = []
    if not flows.job_to_job_tables:
        notes.append(
            "Geen CBS-tabel met baanwisselingen geladen (gezocht: "
            f"{', '.join(queries.JOB_TO_JOB_TABLES)}): de stromen zijn een model uit "
            "vaardigheden en voorraden, geen waargenomen overstappen."
            if nl
            else "No CBS job-to-job table is loaded (looked for "
            f"{', '.join(queries.JOB_TO_JOB_TABLES)}): the flows are modelled from skills and "
            "stocks, not observed moves."
        )
    if not flows.commuting_tables:
        notes.append(
            "Geen CBS-pendeltabel geladen (gezocht: "
            f"{', '.join(queries.COMMUTING_TABLES)}): pendel tussen regio's ontbreekt "
            "(laden: lloradar welfare load 85481NED)."
            if nl
            else "No CBS commuting table is loaded (looked for "
            f"{', '.join(queries.COMMUTING_TABLES)}): commuting between regions is left out "
            "(load one: lloradar welfare load 85481NED)."
        )
    return notes


def flows_payload(flows: RegionFlows, lang: str = "nl") -> dict[str, Any]:
    """The protected matrix as JSON: labels, cells and margins as text ("x" hidden, "-" a
    non-viable move), provenance and what is missing."""
    p = flows.protected
    return {
        "region": flows.region,
        "region_name": flows.region_name,
        "basis": flows.basis,
        "level": flows.level,
        "period": flows.period,
        "is_demo": flows.is_demo,
        "keys": list(p.keys),
        "labels": [flows.label(k, lang) for k in p.keys],
        "cells": [list(row) for row in p.cells],
        "outflow": list(p.outflow),
        "inflow": list(p.inflow),
        "total": p.total,
        "hidden_cells": p.hidden,
        "sources": _source_dicts(flows.sources),
        "cbs_job_to_job_tables": flows.job_to_job_tables,
        "cbs_commuting_tables": flows.commuting_tables,
        "notes": cbs_notes(flows, lang),
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def waterbed_payload(w: Waterbed, lang: str = "nl") -> dict[str, Any]:
    flows = w.flows

    def effect(e: SourceEffect) -> dict[str, Any]:
        before, after = w.forecast.get(e.key, (None, None))
        return {
            "key": e.key,
            "label": flows.label(e.key, lang),
            "drawn": e.drawn,
            "tension_before": _rounded(e.ratio_before),
            "tension_after": _rounded(e.ratio_after),
            "forecast_ratio_before": _rounded(before),
            "forecast_ratio_after": _rounded(after),
        }

    return {
        "region": flows.region,
        "region_name": flows.region_name,
        "basis": flows.basis,
        "level": flows.level,
        "period": flows.period,
        "is_demo": flows.is_demo,
        "n": w.n,
        "target": effect(w.target_effect),
        "sources": [effect(e) for e in w.shown],
        "other_sources": w.pooled,
        "text": w.text,
        "sources_of_data": _source_dicts(flows.sources),
        "notes": cbs_notes(flows, lang),
    }


def regions(store: Store) -> list[dict[str, Any]]:
    """The arbeidsmarktregio's a flow matrix can be made for."""
    return queries.labour_market_regions(store)


def similarity_pairs(store: Store, keys: list[str]) -> tuple[dict[str, int], np.ndarray]:
    """The skills engine's similarity between `keys` (those it knows) and their index."""
    known, pairs = _similarity(store, keys)
    return {k: i for i, k in enumerate(known)}, pairs


def region_markets(store: Store, region: str) -> dict[str, Market]:
    """Open vacancies and job seekers per occupation of the region in its latest month."""
    period = queries.latest_supply_period(store, region)
    return {
        str(r["occupation_id"]): Market(int(r["vacancies"]), int(r["short"]), int(r["long"]))
        for r in queries.markets(store, region, period)
    }


@dataclass(frozen=True, slots=True)
class Commuting:
    """Jobs by region of residence x region of work after disclosure control (the whole
    arbeidsmarktregio matrix with its margins), from one loaded CBS table."""

    table_id: str
    period: str | None
    protected: ProtectedFlows
    names: dict[str, str]
    sources: list[dict[str, Any]]

    def partners(self, region: str, top: int = 10) -> dict[str, list[tuple[str, str]]]:
        """The region's largest shown flows: where its residents work (`out`) and where its
        workers live (`in`), other regions only, as (name, jobs) with jobs as shown."""
        p = self.protected
        r = p.keys.index(region)
        out = [(p.keys[c], p.cells[r][c]) for c in range(len(p.keys)) if c != r]
        into = [(p.keys[c], p.cells[c][r]) for c in range(len(p.keys)) if c != r]

        def largest(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
            shown = sorted((v for v in pairs if v[1].isdigit()), key=lambda v: -int(v[1]))
            return [(self.names.get(k, k), v) for k, v in shown[:top]]

        return {"out": largest(out), "in": largest(into)}


def commuting(store: Store) -> Commuting | None:
    """The commuting matrix from the first loaded CBS commuting table (newest first), or None
    when none is loaded or it holds no jobs measure between labour-market regions."""
    for table_id in sorted(
        queries.loaded_cbs_tables(store, queries.COMMUTING_TABLES), reverse=True
    ):
        found = jobs_measure(queries.statline_topics(store, table_id))
        if found is None:
            continue
        names = queries.region_names(store)
        observations = [Observation(*row) for row in queries.cbs_observations(store, table_id)]
        matrix, period = commuting_matrix(
            observations, *found, names, queries.gemeente_regions(store)
        )
        if matrix.counts.sum() > 0:
            return Commuting(
                table_id,
                period,
                protect_flows(matrix),
                names,
                queries.table_sources(store, table_id),
            )
    return None


def commuting_payload(result: Commuting, region: str | None = None) -> dict[str, Any]:
    """The protected commuting matrix as JSON ("x" hidden), or one region's largest flows."""
    p = result.protected
    payload: dict[str, Any] = {
        "table_id": result.table_id,
        "period": result.period,
        "sources": _source_dicts(result.sources),
    }
    if region is not None:
        return {**payload, "region": region, **result.partners(region)}
    return {
        **payload,
        "keys": list(p.keys),
        "names": [result.names.get(k, k) for k in p.keys],
        "cells": [list(row) for row in p.cells],
        "outflow": list(p.outflow),
        "inflow": list(p.inflow),
        "total": p.total,
    }


@dataclass(frozen=True, slots=True)
class ScenarioDraw:
    """A recruitment drive of a shipped scenario, as the people it draws into one region."""

    scenario: str
    assumption: str
    occupation: str
    national_per_year: float
    n: int


def _scenario_path(scenario: str) -> Any:
    path = forecast_service.SCENARIO_DIR / f"{scenario}.yaml"
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", scenario) or not path.is_file():
        shipped = ", ".join(p.stem for p in sorted(forecast_service.SCENARIO_DIR.glob("*.yaml")))
        raise ValidationError("scenario", scenario, f"a shipped scenario ({shipped})")
    return path


def scenario_draws(
    store: Store, region: str, scenario: str, inputs: ForecastInputs | None = None
) -> list[ScenarioDraw]:
    """The recruitment drives of a shipped scenario in its first forecast year, each spread
    over the regions by their stock of the occupation (as the forecast model does), as the
    whole people drawn into `region`; largest first."""
    loaded = forecast_service.load_scenario(_scenario_path(scenario))
    inputs = inputs or forecast_service.forecast_inputs(store)
    policy = forecast_service.scenario_policy(store, loaded, inputs.base_year + 1)
    stock = inputs.stock.groupby(["region_code", "occupation_id"])["persons"].sum()
    names = [a.name for a in loaded.scenario.assumptions if a.kind == "recruitment_drive"]
    draws = []
    for name, drive in zip(names, policy.drives, strict=True):
        national = float(stock.xs(drive.occupation, level="occupation_id").sum())
        here = float(stock.get((region, drive.occupation), 0.0))
        n = round(drive.per_year * here / national) if national > 0 else 0
        draws.append(ScenarioDraw(scenario, name, drive.occupation, drive.per_year, n))
    return sorted(draws, key=lambda d: (-d.n, d.assumption))


def scenarios_with_drives() -> list[str]:
    """The shipped scenarios that draw people into an occupation (a recruitment drive)."""
    found = []
    for path in sorted(forecast_service.SCENARIO_DIR.glob("*.yaml")):
        loaded = forecast_service.load_scenario(path)
        if any(a.kind == "recruitment_drive" for a in loaded.scenario.assumptions):
            found.append(path.stem)
    return found


def waterbed_for_scenario(
    store: Store, region: str, scenario: str, basis: str = "job_seekers", lang: str = "nl"
) -> tuple[ScenarioDraw, Waterbed]:
    """The waterbed of the scenario's largest recruitment drive in the region."""
    flows_region = region.strip().upper()
    inputs = forecast_service.forecast_inputs(store)
    draws = [d for d in scenario_draws(store, flows_region, scenario, inputs) if d.n > 0]
    if not draws:
        raise ValidationError(
            "scenario", scenario, "a scenario with a recruitment drive that reaches this region"
        )
    draw = draws[0]
    result = waterbed(
        store, flows_region, draw.occupation, draw.n, basis, "occupation", lang, inputs
    )
    return draw, result
