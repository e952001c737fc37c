"""National recompute benchmark: 35 regions x 3,000 occupations x 120 months (12.6 million cells)
of the full indicator set, on DuckDB through Ibis, against idiomatic pandas and polars peers
computing the same indicators in the same run, and on Spark local[2] (reported).

Each engine runs in its own process (so its peak memory is its own) under a time limit; results
are checked against each other by checksums. Usage:
    .venv/bin/python bench/bench_indicators.py [--occupations 3000] [--months 120]
        [--engines duckdb,pandas,polars,spark] [--timeout 900]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

COUNTS = [
    "open_vacancies",
    "new_vacancies",
    "filled_vacancies",
    "job_seekers_short",
    "job_seekers_long",
    "interested",
    "experienced",
]
KEYS = ["region_code", "occupation_id", "period"]
DUCKDB_MEMORY = "1.5GB"
CLASSES = [(4.0, False, "zeer krap"), (1.5, False, "krap"), (0.67, True, "gemiddeld"),
           (0.25, True, "ruim")]  # fmt: skip


# ---------------------------------------------------------------- data
def generate(folder: Path, regions: int, occupations: int, months: int, seed: int = 7) -> int:
    """Facts for every region x occupation x month, written as Parquet; returns the cell count."""
    from lloradar.sources.builtin_regions import LABOUR_MARKET_REGIONS

    rng = np.random.default_rng(seed)
    amr = LABOUR_MARKET_REGIONS[:regions]
    n = regions * occupations * months
    region_idx = np.repeat(np.arange(regions), occupations * months)
    occupation_idx = np.tile(np.repeat(np.arange(occupations), months), regions)
    month_idx = np.tile(np.arange(months), regions * occupations)
    size = rng.lognormal(3.0, 1.0, regions * occupations).repeat(months)
    tight = rng.lognormal(0.0, 0.6, regions * occupations).repeat(months)
    season = 1 + 0.1 * np.sin(month_idx / 12 * 2 * np.pi)
    open_ = rng.poisson(size * tight * season)
    short = rng.poisson(size / tight)
    periods = np.array(
        [date(2016 + m // 12, m % 12 + 1, 1) for m in range(months)], dtype="datetime64[D]"
    )[month_idx]
    region_codes = pa.array([c for c, _, _ in amr]).take(pa.array(region_idx))
    occupation_ids = pa.array([f"occ{i:05d}" for i in range(occupations)]).take(
        pa.array(occupation_idx)
    )
    base = {"region_code": region_codes, "occupation_id": occupation_ids, "period": periods}
    new = rng.poisson(open_ * 0.4)
    vacancies = pa.table(
        {
            **base,
            "open_vacancies": open_.astype(np.int32),
            "new_vacancies": new.astype(np.int32),
            "filled_vacancies": rng.binomial(new, 0.7).astype(np.int32),
            "days_open_filled": np.round(rng.normal(40, 10, n), 1),
            "source_id": pa.array(["bench"] * 1).take(pa.array(np.zeros(n, dtype=np.int32))),
        }
    )
    supply = pa.table(
        {
            **base,
            "job_seekers_short": short.astype(np.int32),
            "job_seekers_long": rng.poisson(size).astype(np.int32),
            "interested": rng.poisson(size * 2).astype(np.int32),
            "experienced": rng.poisson(size).astype(np.int32),
            "source_id": vacancies.column("source_id"),
        }
    )
    pq.write_table(vacancies, folder / "vacancy_stats.parquet")
    pq.write_table(supply, folder / "labour_supply.parquet")
    pq.write_table(
        pa.table({"source_id": ["bench"], "is_demo": [False]}), folder / "provenance.parquet"
    )
    region = pa.table(
        {
            "code": [c for c, _, _ in amr],
            "level": ["arbeidsmarktregio"] * len(amr),
            "parent_code": [p for _, _, p in amr],
        }
    )
    pq.write_table(region, folder / "region.parquet")
    return n


# ---------------------------------------------------------------- engines
def run_duckdb(folder: Path) -> dict[str, Any]:
    import duckdb
    import ibis

    from lloradar.analytics.indicators import labour_market_indicators

    con = duckdb.connect()
    con.execute("SET threads = 2")
    con.execute("SET preserve_insertion_order = false")  # a result table, not a stream
    # DuckDB takes 80% of RAM by default; capped, it spills to disk and stays under the 2 GB goal
    con.execute(f"SET memory_limit = '{os.environ.get('BENCH_DUCKDB_MEMORY', DUCKDB_MEMORY)}'")
    con.execute(f"SET temp_directory = '{folder / 'spill'}'")
    for name in ["vacancy_stats", "labour_supply", "provenance", "region"]:
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM '{folder / name}.parquet'")
    backend = ibis.duckdb.from_connection(con)
    start = time.perf_counter()
    tables = [backend.table(n) for n in ["vacancy_stats", "labour_supply", "provenance", "region"]]
    sql = ibis.to_sql(labour_market_indicators(*tables), dialect="duckdb")
    compiled = time.perf_counter() - start
    con.execute(f"CREATE TABLE result AS {sql}")
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "ibis_compile_seconds": compiled, **duckdb_checksum(con)}


def duckdb_checksum(con: Any, table: str = "result") -> dict[str, Any]:
    row = con.execute(
        f"SELECT count(*), sum(tension_ratio), sum(tension_ratio_ma12), sum(tension_ratio_yoy), "
        f"sum(tension_rank), count(tension_class), sum(fill_rate), "
        f"sum(CASE WHEN flags LIKE '%suppressed%' THEN 1 ELSE 0 END) FROM {table}"
    ).fetchone()
    return checksum_dict(row)


def checksum_dict(row: Any) -> dict[str, Any]:
    names = ["rows", "ratio", "ma12", "yoy", "rank", "classed", "fill", "suppressed"]
    return {
        "checksum": {
            n: float(v) if v is not None else None for n, v in zip(names, row, strict=True)
        }
    }


def run_spark(folder: Path) -> dict[str, Any]:
    import ibis

    from lloradar.analytics.indicators import labour_market_indicators
    from lloradar.services.engines import spark_backend

    tables = {n: pq.read_table(folder / f"{n}.parquet") for n in
              ["vacancy_stats", "labour_supply", "provenance", "region"]}  # fmt: skip
    with spark_backend(tables) as backend:
        session = backend._session  # type: ignore[attr-defined]
        start = time.perf_counter()
        expr = labour_market_indicators(*(backend.table(n) for n in tables))
        out = str(folder / "spark_result")
        session.sql(backend.compile(expr)).write.mode("overwrite").parquet(out)
        seconds = time.perf_counter() - start
    del ibis
    import duckdb

    con = duckdb.connect()
    con.execute(f"CREATE VIEW result AS SELECT * FROM '{out}/*.parquet'")
    return {"seconds": seconds, **duckdb_checksum(con)}


def tension_class_np(ratio: np.ndarray) -> np.ndarray:
    conditions = [ratio > 4.0, ratio > 1.5, ratio >= 0.67, ratio >= 0.25, ~np.isnan(ratio)]
    choices = ["zeer krap", "krap", "gemiddeld", "ruim", "zeer ruim"]
    return np.select(conditions, choices, default=None)


def run_pandas(folder: Path) -> dict[str, Any]:
    import pandas as pd

    frames = {n: pd.read_parquet(folder / f"{n}.parquet") for n in
              ["vacancy_stats", "labour_supply", "provenance", "region"]}  # fmt: skip
    start = time.perf_counter()
    v, s = frames["vacancy_stats"], frames["labour_supply"]
    demo = frames["provenance"].set_index("source_id").is_demo
    v = v.assign(demo_v=v.source_id.map(demo)).drop(columns="source_id")
    s = s.assign(demo_s=s.source_id.map(demo)).drop(columns="source_id")
    cells = v.merge(s, on=KEYS, how="outer").rename(columns={"days_open_filled": "days_open"})
    cells["is_demo"] = cells.demo_v.fillna(False) | cells.demo_s.fillna(False)
    cells = cells.drop(columns=["demo_v", "demo_s"]).assign(region_level="arbeidsmarktregio")
    regions = frames["region"]
    parent = regions[regions.level == "arbeidsmarktregio"].set_index("code").parent_code
    aggregations = {**dict.fromkeys(COUNTS, "sum"), "days_open": "median", "is_demo": "any"}
    province = (
        cells.assign(region_code=cells.region_code.map(parent))
        .groupby(KEYS, sort=False).agg(aggregations).reset_index()
        .assign(region_level="provincie")
    )  # fmt: skip
    country = (
        cells.groupby(["occupation_id", "period"], sort=False).agg(aggregations).reset_index()
        .assign(region_code="NL01", region_level="land")
    )  # fmt: skip
    t = pd.concat([cells, province, country], ignore_index=True)

    def ratio(a: pd.Series, b: pd.Series) -> pd.Series:
        return a.astype("float64") / b.astype("float64").where(b != 0)

    t["tension_ratio"] = ratio(t.open_vacancies, t.job_seekers_short)
    t["interested_per_vacancy"] = ratio(t.interested, t.open_vacancies)
    t["experienced_per_vacancy"] = ratio(t.experienced, t.open_vacancies)
    t["fill_rate"] = ratio(t.filled_vacancies, t.new_vacancies)
    t = t.sort_values(["region_code", "occupation_id", "period"], ignore_index=True)
    series = t.groupby(["region_code", "occupation_id"], sort=False)
    moving = series.tension_ratio.rolling(12, min_periods=1).mean().reset_index(drop=True)
    t["tension_ratio_ma12"] = moving.where(series.cumcount() >= 11)
    t["tension_ratio_yoy"] = t.tension_ratio - series.tension_ratio.shift(12)
    before = series.open_vacancies.shift(12)
    t["open_vacancies_yoy"] = ratio(t.open_vacancies - before, before)
    amr = t.region_level == "arbeidsmarktregio"
    by_cell = t[amr].groupby(["occupation_id", "period"], sort=False).tension_ratio
    t["tension_rank"] = by_cell.rank(method="min", ascending=False)
    t["regions_ranked"] = by_cell.transform("count")
    short = t.job_seekers_short
    suppressed = lambda c: (c > 0) & (c < 10)  # noqa: E731
    flags = {
        "demo": t.is_demo,
        "missing": t.open_vacancies.isna() | short.isna(),
        "no_job_seekers": short == 0,
        "no_vacancies": t.open_vacancies == 0,
        "suppressed": suppressed(short) | suppressed(t.interested) | suppressed(t.experienced),
        "small": (short >= 10) & (short < 30),
        "short_history": t.tension_ratio_ma12.isna() & t.tension_ratio.notna(),
    }
    text = pd.Series("", index=t.index, dtype="str")
    for name, condition in flags.items():
        text = text + np.where(condition, f" {name}", "")
    t["flags"] = text.str.strip()
    hide = suppressed(short)
    t.loc[hide, ["tension_ratio", "tension_rank"]] = np.nan
    t.loc[suppressed(t.interested), "interested_per_vacancy"] = np.nan
    t.loc[suppressed(t.experienced), "experienced_per_vacancy"] = np.nan
    t["tension_class"] = tension_class_np(t.tension_ratio.to_numpy())
    seconds = time.perf_counter() - start
    row = (len(t), t.tension_ratio.sum(), t.tension_ratio_ma12.sum(), t.tension_ratio_yoy.sum(),
           t.tension_rank.sum(), t.tension_class.notna().sum(), t.fill_rate.sum(),
           t["flags"].str.contains("suppressed").sum())  # fmt: skip
    return {"seconds": seconds, **checksum_dict(row)}


def run_polars(folder: Path) -> dict[str, Any]:
    import polars as pl

    frames = {n: pl.read_parquet(folder / f"{n}.parquet") for n in
              ["vacancy_stats", "labour_supply", "provenance", "region"]}  # fmt: skip
    start = time.perf_counter()
    demo = frames["provenance"]
    v = frames["vacancy_stats"].join(demo, on="source_id", how="left").rename(
        {"is_demo": "demo_v", "days_open_filled": "days_open"}).drop("source_id")  # fmt: skip
    s = frames["labour_supply"].join(demo, on="source_id", how="left").rename(
        {"is_demo": "demo_s"}).drop("source_id")  # fmt: skip
    cells = v.join(s, on=KEYS, how="full", coalesce=True).with_columns(
        is_demo=pl.col("demo_v").fill_null(False) | pl.col("demo_s").fill_null(False),
        region_level=pl.lit("arbeidsmarktregio"),
    ).drop("demo_v", "demo_s")  # fmt: skip
    regions = frames["region"].filter(pl.col("level") == "arbeidsmarktregio")
    aggregations = [pl.col(c).sum() for c in COUNTS] + [
        pl.col("days_open").median(), pl.col("is_demo").any()]  # fmt: skip
    province = (
        cells.join(regions.select(region_code="code", parent="parent_code"), on="region_code")
        .group_by("parent", "occupation_id", "period").agg(aggregations)
        .rename({"parent": "region_code"}).with_columns(region_level=pl.lit("provincie"))
    )  # fmt: skip
    country = cells.group_by("occupation_id", "period").agg(aggregations).with_columns(
        region_code=pl.lit("NL01"), region_level=pl.lit("land"))  # fmt: skip
    t = pl.concat([cells, province.select(cells.columns), country.select(cells.columns)])

    def ratio(a: str | pl.Expr, b: str | pl.Expr) -> pl.Expr:
        a = pl.col(a) if isinstance(a, str) else a
        b = pl.col(b) if isinstance(b, str) else b
        return pl.when(b != 0).then(a.cast(pl.Float64) / b.cast(pl.Float64))

    series = ["region_code", "occupation_id"]
    t = t.sort(KEYS).with_columns(
        tension_ratio=ratio("open_vacancies", "job_seekers_short"),
        interested_per_vacancy=ratio("interested", "open_vacancies"),
        experienced_per_vacancy=ratio("experienced", "open_vacancies"),
        fill_rate=ratio("filled_vacancies", "new_vacancies"),
    )
    before = pl.col("open_vacancies").shift(12).over(series)
    t = t.with_columns(
        tension_ratio_ma12=pl.when(pl.int_range(pl.len()).over(series) >= 11).then(
            pl.col("tension_ratio").rolling_mean(12, min_samples=1).over(series)),
        tension_ratio_yoy=pl.col("tension_ratio") - pl.col("tension_ratio").shift(12).over(series),
        open_vacancies_yoy=ratio(pl.col("open_vacancies") - before, before),
    )  # fmt: skip
    amr = pl.col("region_level") == "arbeidsmarktregio"
    cell = ["region_level", "occupation_id", "period"]
    t = t.with_columns(
        tension_rank=pl.when(amr).then(
            pl.col("tension_ratio").rank(method="min", descending=True).over(cell)),
        regions_ranked=pl.when(amr).then(pl.col("tension_ratio").count().over(cell)),
    )  # fmt: skip
    short = pl.col("job_seekers_short")

    def suppressed(c: pl.Expr) -> pl.Expr:
        return (c > 0) & (c < 10)

    flags = {
        "demo": pl.col("is_demo"),
        "missing": pl.col("open_vacancies").is_null() | short.is_null(),
        "no_job_seekers": short == 0,
        "no_vacancies": pl.col("open_vacancies") == 0,
        "suppressed": suppressed(short) | suppressed(pl.col("interested"))
        | suppressed(pl.col("experienced")),
        "small": (short >= 10) & (short < 30),
        "short_history": pl.col("tension_ratio_ma12").is_null()
        & pl.col("tension_ratio").is_not_null(),
    }  # fmt: skip
    text = pl.concat_str(
        [pl.when(c.fill_null(False)).then(pl.lit(f" {n}")).otherwise(pl.lit("")) for n, c in flags.items()]
    )  # fmt: skip
    hide = suppressed(short)
    ratio_col = pl.when(hide).then(None).otherwise(pl.col("tension_ratio"))
    classes = pl.when(ratio_col.is_null()).then(None)
    for bound, inclusive, name in CLASSES:
        classes = classes.when(ratio_col >= bound if inclusive else ratio_col > bound).then(
            pl.lit(name))  # fmt: skip
    t = t.with_columns(
        flags=text.str.strip_chars(),
        tension_class=classes.otherwise(pl.lit("zeer ruim")),
        tension_ratio=ratio_col,
        tension_rank=pl.when(hide).then(None).otherwise(pl.col("tension_rank")),
        interested_per_vacancy=pl.when(suppressed(pl.col("interested"))).then(None)
        .otherwise(pl.col("interested_per_vacancy")),
        experienced_per_vacancy=pl.when(suppressed(pl.col("experienced"))).then(None)
        .otherwise(pl.col("experienced_per_vacancy")),
    )  # fmt: skip
    seconds = time.perf_counter() - start
    row = t.select(
        pl.len(), pl.col("tension_ratio").sum(), pl.col("tension_ratio_ma12").sum(),
        pl.col("tension_ratio_yoy").sum(), pl.col("tension_rank").sum(),
        pl.col("tension_class").count(), pl.col("fill_rate").sum(),
        pl.col("flags").str.contains("suppressed").sum(),
    ).row(0)  # fmt: skip
    return {"seconds": seconds, **checksum_dict(row)}


RUNNERS = {"duckdb": run_duckdb, "pandas": run_pandas, "polars": run_polars, "spark": run_spark}


def worker(engine: str, folder: Path) -> None:
    result = RUNNERS[engine](folder)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if engine == "spark":
        result["peak_mb_note"] = "Python driver only; the JVM's memory is not counted"
    print(json.dumps(result))


def same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    for key, x in a.items():
        y = b.get(key)
        if x is None or y is None:
            if x != y:
                return False
        elif abs(x - y) > 1e-6 * max(1.0, abs(x)):
            return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=35)
    parser.add_argument("--occupations", type=int, default=3000)
    parser.add_argument("--months", type=int, default=120)
    parser.add_argument("--engines", default="duckdb,pandas,polars,spark")
    parser.add_argument("--timeout", type=int, default=900, help="seconds per engine")
    parser.add_argument("--duckdb-memory", default=DUCKDB_MEMORY, help="DuckDB memory_limit")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, Path(args.data))
        return
    with tempfile.TemporaryDirectory(prefix="lloradar-bench-") as tmp:
        folder = Path(tmp)
        clock = time.perf_counter()
        cells = generate(folder, args.regions, args.occupations, args.months)
        print(f"{cells:,} cells generated in {time.perf_counter() - clock:.1f} s")
        results: dict[str, dict[str, Any]] = {}
        for engine in args.engines.split(","):
            command = [sys.executable, __file__, "--worker", engine, "--data", str(folder)]
            env = {**os.environ, "BENCH_DUCKDB_MEMORY": args.duckdb_memory}
            try:
                done = subprocess.run(
                    command, capture_output=True, text=True, timeout=args.timeout, env=env
                )
            except subprocess.TimeoutExpired:
                print(f"{engine:7s} did not finish within {args.timeout} s")
                continue
            if done.returncode != 0:
                print(f"{engine:7s} failed:\n{done.stderr[-2000:]}")
                continue
            results[engine] = json.loads(done.stdout.strip().splitlines()[-1])
            r = results[engine]
            extra = (
                f", ibis compile {r['ibis_compile_seconds']:.2f} s"
                if "ibis_compile_seconds" in r
                else ""
            )
            print(f"{engine:7s} {r['seconds']:7.1f} s  peak {r['peak_mb']:7.0f} MB{extra}")
        report(results)


def report(results: dict[str, dict[str, Any]]) -> None:
    duck = results.get("duckdb")
    if not duck:
        return
    for peer in ("pandas", "polars", "spark"):
        if peer in results:
            agree = same(duck["checksum"], results[peer]["checksum"])
            factor = results[peer]["seconds"] / duck["seconds"]
            verdict = "same results" if agree else "RESULTS DIFFER"
            print(f"{peer} takes {factor:.2f}x the time of DuckDB/Ibis ({verdict})")
            if not agree:
                print(f"  duckdb {duck['checksum']}\n  {peer} {results[peer]['checksum']}")
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
