"""Waterbedeffect / waterbed effect: drawing N people into occupation A in a region takes them
from somewhere. The sources are A's inflow column of the region's flow matrix scaled to N (whole
people, so exactly N leave the sources), and the tension in each source changes with them:

- basis `job_seekers`: the drawn are job seekers of the source (short and long benefit duration
  in proportion), so the source has fewer short-term job seekers: V / (short - drawn_short);
- basis `employed`: the drawn are workers leaving the source, whose jobs open again: the
  source's open vacancies rise, (V + drawn) / short.
In A the drawn fill open vacancies: (V - N) / short, never below zero vacancies.

The five-year outlook of the forecast engine (`forecast_effect`) runs the region's model twice
for the first forecast year: as is, and with the draw (workers: `Retraining` moves from each
source to A; job seekers: fewer job seekers in the sources)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal

import numpy as np
import pandas as pd

from lloradar.analytics.flows import FlowMatrix, allocate
from lloradar.analytics.forecast import ForecastInputs, Policy, Retraining, run_forecast
from lloradar.analytics.tension import tension_ratio

Basis = Literal["job_seekers", "employed"]
BASES: tuple[Basis, ...] = ("job_seekers", "employed")


@dataclass(frozen=True, slots=True)
class Market:
    """One occupation's current market in the region: open vacancies and job seekers with a
    benefit duration under and over six months."""

    vacancies: int
    short: int
    long: int


@dataclass(frozen=True, slots=True)
class SourceEffect:
    key: str
    drawn: int
    ratio_before: float | None
    ratio_after: float | None


def draw_sources(matrix: FlowMatrix, target: str, n: int) -> dict[str, int]:
    """Who comes to `target` when it draws `n` people: its inflow column scaled to `n` (the
    parts sum exactly to `n`). LookupError when nobody moves into `target` in this matrix."""
    if n <= 0:
        raise ValueError("n must be a positive number of people")
    column = matrix.counts[:, matrix.index(target)].astype(float)
    if column.sum() <= 0:
        raise LookupError(f"no one moves into {target!r} in this region's flow matrix")
    parts = allocate(n, column)
    return {key: int(p) for key, p in zip(matrix.keys, parts, strict=True) if p > 0}


def _short_part(market: Market, drawn: int) -> int:
    seekers = market.short + market.long
    return 0 if seekers <= 0 else min(market.short, round(drawn * market.short / seekers))


def source_effect(key: str, market: Market, drawn: int, basis: Basis) -> SourceEffect:
    before = tension_ratio(market.vacancies, market.short)
    if basis == "job_seekers":
        after = tension_ratio(market.vacancies, market.short - _short_part(market, drawn))
    else:
        after = tension_ratio(market.vacancies + drawn, market.short)
    return SourceEffect(key, drawn, before, after)


def target_effect(key: str, market: Market, n: int) -> SourceEffect:
    """A's tension after `n` of its open vacancies are filled (none left at most)."""
    before = tension_ratio(market.vacancies, market.short)
    after = tension_ratio(max(market.vacancies - n, 0), market.short)
    return SourceEffect(key, n, before, after)


def regional_inputs(inputs: ForecastInputs, region: str) -> ForecastInputs:
    """The forecast's tables of one region only (a regional draw stays in the region)."""

    def only(frame: pd.DataFrame) -> pd.DataFrame:
        return frame[frame["region_code"] == region] if "region_code" in frame else frame

    return replace(
        inputs,
        stock=only(inputs.stock),
        structure=only(inputs.structure),
        sector_growth=only(inputs.sector_growth),
        leavers=only(inputs.leavers),
        job_seekers=only(inputs.job_seekers),
    )


def forecast_effect(
    inputs: ForecastInputs,
    region: str,
    target: str,
    drawn: Mapping[str, int],
    basis: Basis,
    markets: Mapping[str, Market] | None = None,
) -> dict[str, tuple[float | None, float | None]]:
    """Per occupation of the region (sources and target): the supply/demand ratio of the
    first forecast year without and with the draw."""
    regional = regional_inputs(inputs, region)
    year = inputs.base_year + 1
    if basis == "employed":
        moves = tuple(
            Retraining(source=k, target=target, per_year=float(d), from_year=year, until_year=year)
            for k, d in drawn.items()
            if d > 0
        )
        after_inputs, policy = regional, Policy(retraining=moves)
    else:
        seekers = regional.job_seekers.copy()
        for key, d in drawn.items():
            market = (markets or {}).get(key)
            fewer = _short_part(market, d) if market else d
            rows = seekers["occupation_id"] == key
            seekers.loc[rows, "persons"] = np.maximum(seekers.loc[rows, "persons"] - fewer, 0.0)
        after_inputs, policy = replace(regional, job_seekers=seekers), Policy()
    keys = {*drawn, target}
    before = run_forecast(regional, Policy(), horizon=1)
    after = run_forecast(after_inputs, policy, horizon=1)

    def ratios(frame: pd.DataFrame) -> dict[str, float | None]:
        rows = frame[frame["occupation_id"].isin(keys)]
        return {
            str(o): (None if r is None or math.isnan(r) else float(r))
            for o, r in zip(rows["occupation_id"], rows["ratio"], strict=True)
        }

    first, second = ratios(before), ratios(after)
    return {k: (first.get(k), second.get(k)) for k in keys}


def _ratio(value: float | None, lang: str) -> str:
    if value is None:
        return "geen" if lang == "nl" else "none"
    return f"{value:.2f}".replace(".", "," if lang == "nl" else ".")


def _people(value: int, lang: str) -> str:
    return f"{value:,}".replace(",", "." if lang == "nl" else ",")


def _tension_sentence(name: str, effect: SourceEffect, lang: str) -> str:
    """The source's tension before and after; nothing when no ratio may be shown."""
    if effect.ratio_before is None:
        return ""  # fewer than 10 short-term job seekers, or none: no ratio
    nl = lang == "nl"
    if effect.ratio_after is None:
        after = (
            "geen (er blijven geen kortdurend werkzoekenden over)"
            if nl
            else "none (no short-term job seekers are left)"
        )
    else:
        after = _ratio(effect.ratio_after, lang)
    before = _ratio(effect.ratio_before, lang)
    if nl:
        return (
            f"In {name} gaat de spanning (vacatures per kortdurend werkzoekende) "
            f"van {before} naar {after}. "
        )
    return (
        f"In {name} tension (vacancies per short-term job seeker) goes from {before} to {after}. "
    )


def waterbed_text(
    labels: Mapping[str, str],
    place: str,
    target: SourceEffect,
    shown: list[SourceEffect],
    pooled: int,
    forecast: Mapping[str, tuple[float | None, float | None]],
    lang: str,
) -> str:
    """Duiding / interpretation of the waterbed view in Dutch or English, built only from the
    figures the view shows: where the N come from, the largest source's tension before and
    after, and the forecast ratio of the target and the largest source."""
    nl = lang == "nl"
    name = labels[target.key]
    parts = [
        (
            f"Als {_people(target.drawn, lang)} mensen in {place} als {name} gaan werken, "
            if nl
            else f"If {_people(target.drawn, lang)} people in {place} start work as {name}, "
        )
    ]
    if shown:
        top = shown[:3]
        word = " uit " if nl else " from "
        listed = ", ".join(f"{_people(s.drawn, lang)}{word}{labels[s.key]}" for s in top)
        parts.append(f"komen er naar verwachting {listed}" if nl else f"an expected {listed}")
        if pooled or len(shown) > 3:
            rest = pooled + sum(s.drawn for s in shown[3:])
            parts.append(
                f" en {_people(rest, lang)} uit andere beroepen"
                if nl
                else f" and {_people(rest, lang)} from other occupations"
            )
        parts.append(". " if nl else " come to it. ")
        parts.append(_tension_sentence(labels[shown[0].key], shown[0], lang))
    else:
        parts.append(
            "komen ze uit beroepen die hier niet apart getoond worden (afgeschermd, minder "
            "dan 10 mensen of af te leiden uit de totalen). "
            if nl
            else "they come from occupations not shown one by one here (protected: fewer than "
            "10 people, or derivable from the totals). "
        )
    if target.ratio_before is not None:
        parts.append(
            (
                f"In {name} zelf gaat de spanning van {_ratio(target.ratio_before, lang)} naar "
                f"{_ratio(target.ratio_after, lang)}."
            )
            if nl
            else (
                f"In {name} itself tension goes from {_ratio(target.ratio_before, lang)} to "
                f"{_ratio(target.ratio_after, lang)}."
            )
        )
    if shown and shown[0].key in forecast:
        was, will = forecast[shown[0].key]
        parts.append(
            (
                f" In de prognose voor volgend jaar verschuift de verhouding aanbod/vraag in "
                f"{labels[shown[0].key]} van {_ratio(was, lang)} naar {_ratio(will, lang)}."
            )
            if nl
            else (
                f" In next year's forecast the supply/demand ratio of {labels[shown[0].key]} "
                f"moves from {_ratio(was, lang)} to {_ratio(will, lang)}."
            )
        )
    return "".join(parts)
