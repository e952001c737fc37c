"""Use-cases of the flows feature: a region's transition matrix (occupations or sectors) with
disclosure control, and the waterbed view of drawing N people into one of them. The edges
(pages, API, CLI) call these, `scenarios` (a forecast scenario's draw), `commuting` (CBS woon-werk
tables) and `payloads` (the JSON form); the skills engine is reached through its service only."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import numpy as np

from lloradar.analytics.disclosure import MIN_PEOPLE
from lloradar.analytics.flows import (
    FlowMatrix,
    ProtectedFlows,
    aggregate,
    flow_matrix,
    protect_flows,
    transition_probabilities,
    visible_sources,
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
_PAIRS: dict[tuple[str, tuple[str, ...]], tuple[object, np.ndarray]] = {}


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
    their order: only these origin rows are scored, not the whole taxonomy. Kept per model
    object (a rebuilt model after a taxonomy import scores again)."""
    model = skills_service.similarity_model(store.url)
    known = [k for k in keys if k in model.index]
    cache_key = (store.url, tuple(known))
    with _LOCK:
        cached = _PAIRS.get(cache_key)
        if cached is None or cached[0] is not model:
            if len(_PAIRS) > 64:
                _PAIRS.clear()
            rows = [model.index[k] for k in known]
            scores = model.components(rows).score() if rows else np.zeros((0, 0))
            cached = _PAIRS[cache_key] = (model, np.asarray(scores)[:, rows])
        return known, cached[1]


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


def _shown_ratios(effect: SourceEffect, market: Market | None) -> SourceEffect:
    """The effect with its tension ratios only when the market has 10 or more short-term job
    seekers (else, as in the published indicators, no ratio)."""
    if market is not None and market.short >= MIN_PEOPLE:
        return effect
    return replace(effect, ratio_before=None, ratio_after=None)


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
    """Where N people drawn into `target` come from, and how tension changes there. The view
    reveals no more than the protected matrix: a source whose cell is hidden is pooled with the
    others, and when the target's inflow total is hidden every source is (each share of N
    would give that total away); a tension ratio of fewer than 10 short-term job seekers is
    not shown, as in the published indicators."""
    if not 0 < n <= MAX_DRAW:
        raise ValidationError("n", n, f"a number of people from 1 to {MAX_DRAW:,}")
    _check_choice("lang", lang, ("nl", "en"))
    flows = region_flows(store, region, basis, level)
    key = resolve_key(flows, target)
    try:
        drawn = draw_sources(flows.matrix, key, n)
    except LookupError:
        raise LookupError(
            f"no one moves into {flows.label(key, 'en')} in the flow matrix of "
            f"{flows.region_name}: no occupation of the region has a viable move to it in the "
            "skills engine (or its stock is 0)"
        ) from None
    visible = visible_sources(flows.protected, key)
    empty = Market(0, 0, 0)
    effects = [
        _shown_ratios(
            source_effect(k, flows.markets.get(k, empty), d, flows.basis), flows.markets.get(k)
        )
        for k, d in drawn.items()
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
    result_target = _shown_ratios(
        target_effect(key, flows.markets.get(key, empty), n), flows.markets.get(key)
    )
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
