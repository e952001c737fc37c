"""Build the demo world: five years of monthly vacancies and job seekers per labour-market region
x occupation, and yearly employment per region x sector x age band. Deterministic for a seed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np

from lloradar.demo.inclusion import build_inclusion
from lloradar.demo.profiles import (
    AGE_BANDS,
    DEMO_SKILLS,
    PROFILES,
    REGION_SECTOR_BOOST,
    REGION_SIZE,
    SECTOR_MIX,
)
from lloradar.demo.workforce import build_workforce
from lloradar.domain import Provenance
from lloradar.features.ingest.reference import load_reference_data
from lloradar.features.navigator.courses import load_demo_catalogue
from lloradar.features.skills.taxonomy import demo_occupations
from lloradar.features.tasks.service import link_demo_tasks
from lloradar.pipeline.save import LoadReport, TableRows, save_load
from lloradar.store import Store

FIRST_MONTH = date(2021, 1, 1)
MONTHS = 60
EMPLOYED_PER_SIZE_UNIT = 215_000
DEMO_VERSION = "1"
DEMO_LICENCE = "CC0 1.0 (synthetic demo data, not real statistics)"

# National tightness over the five years: rising after 2021, peaking in 2022, easing since.
_CYCLE_KNOTS = ([0, 18, 36, 59], [0.75, 1.25, 1.1, 0.98])
_SECTOR_GROWTH = {"Q": 0.022, "J": 0.03, "M": 0.018, "P": 0.01, "G": -0.004, "C": 0.002, "A": -0.01}
_OLDER_SECTORS = {"P": 1.3, "Q": 1.15, "O": 1.25, "A": 1.3}  # extra weight of 55+ workers


@dataclass(slots=True)
class DemoWorld:
    seed: int
    occupations: int
    regions: int
    months: int
    uses_esco: bool
    reports: list[LoadReport] = field(default_factory=list)


def month_starts() -> list[date]:
    return [
        date(
            FIRST_MONTH.year + (FIRST_MONTH.month - 1 + i) // 12,
            (FIRST_MONTH.month - 1 + i) % 12 + 1,
            1,
        )
        for i in range(MONTHS)
    ]


def demo_provenance(table: str, seed: int) -> Provenance:
    return Provenance(
        source="LLO Radar demo world (synthetic)",
        table=table,
        url=f"lloradar demo build --seed {seed}",
        retrieved_at=datetime.now(UTC).replace(tzinfo=None),
        licence=DEMO_LICENCE,
        checksum=f"demo:v{DEMO_VERSION}:seed{seed}:{table}",
        note="Generated, plausible but not real: shown as demo data wherever it appears.",
        is_demo=True,
    )


def region_weights(regions: list[str], rng: np.random.Generator) -> dict[str, float]:
    return {code: REGION_SIZE.get(code, float(rng.uniform(0.8, 1.25))) for code in regions}


def sector_weight(region: str, sector: str) -> float:
    return REGION_SECTOR_BOOST.get(region, {}).get(sector, 1.0)


def labour_market_rows(
    regions: list[str], occupation_ids: list[str], rng: np.random.Generator
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    months = month_starts()
    t = np.arange(MONTHS)
    cycle = np.interp(t, *_CYCLE_KNOTS)
    month_of_year = np.array([m.month for m in months])
    season = 1 + 0.08 * np.sin((month_of_year - 2) / 12 * 2 * np.pi)
    sizes = region_weights(regions, rng)
    vacancies: list[tuple[object, ...]] = []
    supply: list[tuple[object, ...]] = []
    for region in regions:
        regional_tightness = float(rng.lognormal(0, 0.15))
        for profile, occupation_id in zip(PROFILES, occupation_ids, strict=True):
            employed = (
                EMPLOYED_PER_SIZE_UNIT
                * sizes[region]
                * profile.share
                / 1000
                * sector_weight(region, profile.sector)
            )
            tight = profile.shortage * regional_tightness * float(rng.lognormal(0, 0.1))
            open_mean = employed * 0.02 * tight**0.8 * cycle * season
            short_mean = employed * 0.0165 / tight**0.9 / cycle * (2 - season)
            open_ = rng.poisson(open_mean)
            new = rng.poisson(open_mean * 0.4)
            fill_rate = float(np.clip(0.95 - 0.08 * tight, 0.45, 0.95))
            filled = rng.binomial(new, fill_rate)
            days = 25 + 18 * tight * cycle + rng.normal(0, 3, MONTHS)
            short = rng.poisson(short_mean)
            long = rng.poisson(short_mean * (1.3 + 0.4 / tight))
            interested = rng.poisson(short_mean * 2.2 + employed * 0.004 / tight**0.5)
            experienced = rng.poisson(short_mean * 1.4 + employed * 0.002)
            for i, month in enumerate(months):
                vacancies.append(
                    (
                        region,
                        occupation_id,
                        month,
                        int(open_[i]),
                        int(new[i]),
                        int(filled[i]),
                        round(float(days[i]), 1) if filled[i] > 0 else None,
                    )
                )
                supply.append(
                    (
                        region,
                        occupation_id,
                        month,
                        int(short[i]),
                        int(long[i]),
                        int(interested[i]),
                        int(experienced[i]),
                    )
                )
    return vacancies, supply


def employment_rows(regions: list[str], rng: np.random.Generator) -> list[tuple[object, ...]]:
    sizes = region_weights(regions, rng)
    rows: list[tuple[object, ...]] = []
    for region in regions:
        for sector, share in SECTOR_MIX.items():
            base = EMPLOYED_PER_SIZE_UNIT * sizes[region] * share * sector_weight(region, sector)
            ages = dict(AGE_BANDS)
            ages["55-64"] *= _OLDER_SECTORS.get(sector, 1.0)
            total_age = sum(ages.values())
            for offset, year in enumerate(range(FIRST_MONTH.year, FIRST_MONTH.year + 5)):
                growth = (1 + _SECTOR_GROWTH.get(sector, 0.005)) ** offset
                for band, age_share in ages.items():
                    mean = base * growth * age_share / total_age
                    persons = max(0, round(mean * float(rng.normal(1, 0.02))))
                    rows.append((region, sector, band, year, persons))
    return rows


def build_demo_world(store: Store, seed: int = 42, shared_data: Path | None = None) -> DemoWorld:
    """Write the demo world into `store`; the same seed always gives the same rows."""
    reports = load_reference_data(store, shared_data)
    occupations = demo_occupations(store, PROFILES, DEMO_SKILLS, shared_data)
    regions = [
        str(r[0])
        for r in store.query(
            "SELECT code FROM region WHERE level = 'arbeidsmarktregio' ORDER BY code"
        )
    ]
    rng = np.random.default_rng(seed)
    vacancies, supply = labour_market_rows(regions, occupations.ids, rng)
    key = ["region_code", "occupation_id", "period"]
    reports.append(
        save_load(
            store,
            demo_provenance("vacancy_stats", seed),
            [
                TableRows(
                    "vacancy_stats",
                    [
                        *key,
                        "open_vacancies",
                        "new_vacancies",
                        "filled_vacancies",
                        "days_open_filled",
                    ],
                    key,
                    vacancies,
                )
            ],
        )
    )
    reports.append(
        save_load(
            store,
            demo_provenance("labour_supply", seed),
            [
                TableRows(
                    "labour_supply",
                    [*key, "job_seekers_short", "job_seekers_long", "interested", "experienced"],
                    key,
                    supply,
                )
            ],
        )
    )
    emp_key = ["region_code", "sector_code", "age_band", "year"]
    reports.append(
        save_load(
            store,
            demo_provenance("employment", seed),
            [
                TableRows(
                    "employment", [*emp_key, "persons"], emp_key, employment_rows(regions, rng)
                )
            ],
        )
    )
    reports.extend(build_workforce(store, seed, occupations.ids, demo_provenance))
    reports.append(build_inclusion(store, seed, occupations.ids, demo_provenance))
    reports.extend(link_demo_tasks(store, shared_data))  # O*NET tasks: ~2.5 s, only with data
    reports.extend(load_demo_catalogue(store))
    return DemoWorld(
        seed, len(occupations.ids), len(regions), MONTHS, occupations.uses_esco, reports
    )
