"""National publication benchmark: `publish()` (features/indicators/publish.py) of the full
indicator table - 35 arbeidsmarktregio's in 12 provincies in the country x 3,000 occupations and
each area's all-occupations total x 120 months (17.3 million cells) - with primary and secondary
suppression of the three people counts in every month (360 grids of 48 x 3,001).

The cells are synthetic but shaped like the demo world's: per arbeidsmarktregio x occupation a
size drawn lognormal, so that about a fifth of the regional counts are under 10; provincies,
country and the "all" totals are the exact sums, as the indicator expression makes them. The
region -> province map is the real one (sources/builtin_regions.py). Publishing is pure
Python/numpy (the engine part is measured by bench_indicators.py). Usage:
    .venv/bin/python bench/bench_publication.py [--occupations 3000] [--months 120] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import time
from datetime import date

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from lloradar.analytics.indicators import ALL_OCCUPATIONS, OUTPUT_COLUMNS
from lloradar.features.indicators.publish import PEOPLE, PREVIOUS_COLUMNS, publish
from lloradar.sources.builtin_regions import LABOUR_MARKET_REGIONS, PROVINCES

COUNTRY = "NL01"
LEVEL = {"AM": "arbeidsmarktregio", "PV": "provincie", "NL": "land"}


def parent_map() -> dict[str, str | None]:
    parent_of: dict[str, str | None] = {code: p for code, _, p in LABOUR_MARKET_REGIONS}
    parent_of.update({code: COUNTRY for code, _ in PROVINCES})
    parent_of[COUNTRY] = None
    return parent_of


def cells_table(occupations: int, months: int, seed: int = 15) -> tuple[pa.Table, float]:
    """Every area x occupation (and "all") x month with OUTPUT_COLUMNS, and the share of the
    regional people counts under 10."""
    rng = np.random.default_rng(seed)
    regions = [code for code, _, _ in LABOUR_MARKET_REGIONS]
    provinces = [code for code, _ in PROVINCES]
    areas = [*regions, *provinces, COUNTRY]
    member = np.zeros((len(provinces), len(regions)), np.int64)
    for j, (_, _, province) in enumerate(LABOUR_MARKET_REGIONS):
        member[provinces.index(province), j] = 1
    shape = (len(regions), occupations, months)
    size = rng.lognormal(3.3, 1.1, shape[:2])[:, :, None]
    tight = rng.lognormal(0.0, 0.5, shape[:2])[:, :, None]
    season = 1 + 0.1 * np.sin(np.arange(months) / 12 * 2 * np.pi)
    counts = {
        "open_vacancies": rng.poisson(size * tight * season),
        "job_seekers_short": rng.poisson(size / tight * np.ones(months)),
        "interested": rng.poisson(size * 1.6 * np.ones(months)),
        "experienced": rng.poisson(size * 0.8 * np.ones(months)),
    }
    small = float(np.mean([(counts[m] < 10).mean() for m in PEOPLE]))
    full = {}
    for name, regional in counts.items():
        provincial = np.einsum("pr,rot->pot", member, regional)
        inner = np.concatenate([regional, provincial, provincial.sum(0, keepdims=True)])
        full[name] = np.concatenate([inner, inner.sum(1, keepdims=True)], axis=1).ravel()
    n_areas, n_cols = len(areas), occupations + 1
    area_idx = np.repeat(np.arange(n_areas), n_cols * months)
    occ_idx = np.tile(np.repeat(np.arange(n_cols), months), n_areas)
    month_idx = np.tile(np.arange(months), n_areas * n_cols)
    periods = np.array(
        [date(2016 + m // 12, m % 12 + 1, 1) for m in range(months)], "datetime64[D]"
    )
    seekers, open_ = full["job_seekers_short"], full["open_vacancies"]
    ratio = np.where(seekers > 0, open_ / np.maximum(seekers, 1), np.nan)
    classes = np.searchsorted([0.25, 0.67, 1.5, 4.0], np.nan_to_num(ratio))
    flag_names = pa.array(["", "small", "no_job_seekers"])
    flag_idx = np.where(seekers == 0, 2, np.where(seekers < 30, 1, 0))
    n = len(seekers)
    columns = {
        "region_code": pa.array(areas).take(pa.array(area_idx)),
        "region_level": pa.array([LEVEL[a[:2]] for a in areas]).take(pa.array(area_idx)),
        "occupation_id": pa.array(
            [*(f"occ{i:05d}" for i in range(occupations)), ALL_OCCUPATIONS]
        ).take(pa.array(occ_idx)),
        "period": pa.array(periods[month_idx]),
        **{name: pa.array(values) for name, values in full.items()},
        "new_vacancies": pa.array(open_ // 3),
        "filled_vacancies": pa.array(open_ // 4),
        "job_seekers_long": pa.array(seekers // 2),
        "tension_ratio": pa.array(ratio, from_pandas=True),
        "tension_class": pa.array(["zeer ruim", "ruim", "gemiddeld", "krap", "zeer krap"]).take(
            pa.array(classes)
        ),
        "interested_per_vacancy": pa.array(full["interested"] / np.maximum(open_, 1)),
        "experienced_per_vacancy": pa.array(full["experienced"] / np.maximum(open_, 1)),
        "days_open": pa.array(rng.normal(40, 8, n).round(1)),
        "fill_rate": pa.array(rng.uniform(0.5, 0.9, n)),
        "tension_ratio_ma12": pa.array(ratio, from_pandas=True),
        "tension_ratio_yoy": pa.array(np.zeros(n)),
        "open_vacancies_yoy": pa.array(np.zeros(n)),
        "tension_rank": pa.array(np.ones(n, np.int64)),
        "regions_ranked": pa.array(np.full(n, len(regions), np.int64)),
        "is_demo": pa.array(np.zeros(n, bool)),
        "flags": flag_names.take(pa.array(flag_idx)),
    }
    return pa.table({name: columns[name] for name in OUTPUT_COLUMNS}), small


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--occupations", type=int, default=3000)
    parser.add_argument("--months", type=int, default=120)
    parser.add_argument("--repeat", type=int, default=3, help="runs (the best is reported)")
    args = parser.parse_args()
    clock = time.perf_counter()
    cells, small = cells_table(args.occupations, args.months)
    print(
        f"{cells.num_rows:,} cells (48 areas x {args.occupations + 1:,} columns x "
        f"{args.months} months) generated in {time.perf_counter() - clock:.1f} s; "
        f"regional people counts under 10: {small:.1%}"
    )
    print(f"load average at start: {os.getloadavg()[0]:.2f} ({os.cpu_count()} cores)")
    times, cpu, again = [], [], []
    for _ in range(args.repeat):
        clock, processor = time.perf_counter(), time.process_time()
        table, counted = publish(cells, parent_map(), "bench")
        times.append(time.perf_counter() - clock)
        cpu.append(time.process_time() - processor)
    # the next release keeps hidden what this one hid (publish_run reads it back the same way)
    previous = table.filter(pc.not_equal(table.column("hidden"), "")).select(PREVIOUS_COLUMNS)
    for _ in range(args.repeat):
        clock = time.perf_counter()
        _, recounted = publish(cells, parent_map(), "bench-2", previous)
        again.append(time.perf_counter() - clock)
    counts = cells.num_rows * len(PEOPLE)
    primary, secondary = counted.get("primary", 0), counted.get("secondary", 0)
    print(
        f"publish(): best of {args.repeat} {min(times):.2f} s (runs: {_runs(times)}); "
        f"CPU time {min(cpu):.2f} s (what the run itself used, whatever else the machine runs)"
    )
    print(f"people counts: {counts:,} ({len(PEOPLE)} per cell, {table.num_rows:,} rows published)")
    print(f"hidden primary: {primary:,} ({primary / counts:.2%})")
    print(f"hidden secondary: {secondary:,} ({secondary / counts:.2%})")
    print(f"hidden in all: {primary + secondary:,} ({(primary + secondary) / counts:.2%})")
    print(f"information loss against primary only (secondary / counts): {secondary / counts:.2%}")
    print(
        f"next release (the {previous.num_rows:,} rows with hidden counts as `previous`): "
        f"best of {args.repeat} {min(again):.2f} s (runs: {_runs(again)}), secondary "
        f"{recounted.get('secondary', 0):,}"
    )
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


def _runs(times: list[float]) -> str:
    return ", ".join(f"{t:.2f}" for t in times)


if __name__ == "__main__":
    main()
