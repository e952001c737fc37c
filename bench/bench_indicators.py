"""National recompute benchmark: 35 regions x 3,000 occupations x 120 months (12.6 million cells)
of the full indicator set, on DuckDB through Ibis, against idiomatic pandas and polars peers
computing the same indicators in the same run, and on Spark local[2] (reported).

Each engine runs in its own process (so its peak memory is its own: of the whole process, and of
the timed computation alone) under a time limit; results are checked against each other by
checksums and by every column of every row of three occupations. `duckdb-sql` is the same
indicator set hand-written in DuckDB SQL, to show what Ibis costs. Usage:
    .venv/bin/python bench/bench_indicators.py [--occupations 3000] [--months 120]
        [--engines duckdb,duckdb-sql,pandas,polars,spark] [--repeat 1] [--timeout 900]
        [--duckdb-database memory|file] [--duckdb-memory 1.5GB]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
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
# the same as lloradar.analytics.indicators.OUTPUT_COLUMNS (checked in main)
OUTPUT_COLUMNS = [
    "region_code", "region_level", "occupation_id", "period", "open_vacancies", "new_vacancies",
    "filled_vacancies", "job_seekers_short", "job_seekers_long", "interested", "experienced",
    "tension_ratio", "tension_class", "interested_per_vacancy", "experienced_per_vacancy",
    "days_open", "fill_rate", "tension_ratio_ma12", "tension_ratio_yoy", "open_vacancies_yoy",
    "tension_rank", "regions_ranked", "is_demo", "flags",
]  # fmt: skip
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
    (folder / "meta.json").write_text(json.dumps({"occupations": occupations}))
    return n


# ---------------------------------------------------------------- engines
HAND_SQL = """
WITH cells AS (
    SELECT coalesce(v.region_code, s.region_code) AS region_code,
           'arbeidsmarktregio' AS region_level,
           coalesce(v.occupation_id, s.occupation_id) AS occupation_id,
           coalesce(v.period, s.period) AS period,
           v.open_vacancies::BIGINT AS open_vacancies,
           v.new_vacancies::BIGINT AS new_vacancies,
           v.filled_vacancies::BIGINT AS filled_vacancies,
           s.job_seekers_short::BIGINT AS job_seekers_short,
           s.job_seekers_long::BIGINT AS job_seekers_long,
           s.interested::BIGINT AS interested,
           s.experienced::BIGINT AS experienced,
           v.days_open_filled AS days_open,
           coalesce(v.is_demo, false) OR coalesce(s.is_demo, false) AS is_demo
    FROM (SELECT * FROM _block_vacancy_stats LEFT JOIN provenance USING (source_id)) AS v
    FULL JOIN (SELECT * FROM _block_labour_supply LEFT JOIN provenance USING (source_id)) AS s
      USING (region_code, occupation_id, period)
),
ranked AS (
    SELECT *,
           CASE WHEN tension_ratio IS NOT NULL THEN rank() OVER cell END AS tension_rank,
           count(tension_ratio) OVER (cell ROWS BETWEEN UNBOUNDED PRECEDING
                                      AND UNBOUNDED FOLLOWING) AS regions_ranked
    FROM (SELECT *, open_vacancies / nullif(job_seekers_short, 0)::DOUBLE AS tension_ratio
          FROM cells)
    -- count over the rank's window (with a whole-partition frame), so both share one sort
    WINDOW cell AS (PARTITION BY occupation_id, period ORDER BY tension_ratio DESC NULLS LAST)
),
areas AS (
    SELECT r.parent_code AS region_code, 'provincie' AS region_level, occupation_id, period,
           sum(open_vacancies)::BIGINT AS open_vacancies,
           sum(new_vacancies)::BIGINT AS new_vacancies,
           sum(filled_vacancies)::BIGINT AS filled_vacancies,
           sum(job_seekers_short)::BIGINT AS job_seekers_short,
           sum(job_seekers_long)::BIGINT AS job_seekers_long,
           sum(interested)::BIGINT AS interested, sum(experienced)::BIGINT AS experienced,
           median(days_open) AS days_open, bool_or(is_demo) AS is_demo
    FROM cells JOIN region r ON r.code = cells.region_code AND r.level = 'arbeidsmarktregio'
    GROUP BY r.parent_code, occupation_id, period
    UNION ALL
    SELECT 'NL01', 'land', occupation_id, period,
           sum(open_vacancies)::BIGINT, sum(new_vacancies)::BIGINT,
           sum(filled_vacancies)::BIGINT, sum(job_seekers_short)::BIGINT,
           sum(job_seekers_long)::BIGINT, sum(interested)::BIGINT, sum(experienced)::BIGINT,
           median(days_open), bool_or(is_demo)
    FROM cells GROUP BY occupation_id, period
),
every_area AS (
    SELECT * FROM ranked
    UNION ALL BY NAME
    SELECT *, open_vacancies / nullif(job_seekers_short, 0)::DOUBLE AS tension_ratio,
           NULL::BIGINT AS tension_rank, NULL::BIGINT AS regions_ranked
    FROM areas
),
trended AS (
    SELECT *,
           CASE WHEN lag(m, 11) OVER s = m - 11
                THEN avg(tension_ratio) OVER (s ROWS 11 PRECEDING) END AS ma12,
           CASE WHEN lag(m, 12) OVER s = m - 12
                THEN tension_ratio - lag(tension_ratio, 12) OVER s END AS yoy,
           CASE WHEN lag(m, 12) OVER s = m - 12
                THEN (open_vacancies - lag(open_vacancies, 12) OVER s)
                     / nullif(lag(open_vacancies, 12) OVER s, 0)::DOUBLE
           END AS open_yoy
    FROM (SELECT *, year(period) * 12 + month(period) AS m FROM every_area)
    WINDOW s AS (PARTITION BY region_code, occupation_id ORDER BY m)
),
marked AS (
    SELECT *,
           coalesce(job_seekers_short BETWEEN 1 AND 9, false) AS hide_short,
           coalesce(interested BETWEEN 1 AND 9, false) AS hide_interested,
           coalesce(experienced BETWEEN 1 AND 9, false) AS hide_experienced
    FROM trended
)
SELECT region_code, region_level, occupation_id, period,
       open_vacancies, new_vacancies, filled_vacancies,
       CASE WHEN NOT hide_short THEN job_seekers_short END AS job_seekers_short,
       CASE WHEN job_seekers_long NOT BETWEEN 1 AND 9 THEN job_seekers_long END
           AS job_seekers_long,
       CASE WHEN NOT hide_interested THEN interested END AS interested,
       CASE WHEN NOT hide_experienced THEN experienced END AS experienced,
       CASE WHEN NOT hide_short THEN tension_ratio END AS tension_ratio,
       CASE WHEN hide_short OR tension_ratio IS NULL THEN NULL
            WHEN tension_ratio > 4.0 THEN 'zeer krap'
            WHEN tension_ratio > 1.5 THEN 'krap'
            WHEN tension_ratio >= 0.67 THEN 'gemiddeld'
            WHEN tension_ratio >= 0.25 THEN 'ruim'
            ELSE 'zeer ruim' END AS tension_class,
       CASE WHEN NOT hide_interested
            THEN interested / nullif(open_vacancies, 0)::DOUBLE END AS interested_per_vacancy,
       CASE WHEN NOT hide_experienced
            THEN experienced / nullif(open_vacancies, 0)::DOUBLE END AS experienced_per_vacancy,
       days_open,
       filled_vacancies / nullif(new_vacancies, 0)::DOUBLE AS fill_rate,
       CASE WHEN NOT hide_short THEN ma12 END AS tension_ratio_ma12,
       CASE WHEN NOT hide_short THEN yoy END AS tension_ratio_yoy,
       open_yoy AS open_vacancies_yoy,
       CASE WHEN NOT hide_short THEN tension_rank END AS tension_rank,
       regions_ranked, is_demo,
       concat_ws(' ',
           CASE WHEN is_demo THEN 'demo' END,
           CASE WHEN open_vacancies IS NULL OR job_seekers_short IS NULL THEN 'missing' END,
           CASE WHEN job_seekers_short = 0 THEN 'no_job_seekers' END,
           CASE WHEN open_vacancies = 0 THEN 'no_vacancies' END,
           CASE WHEN hide_short OR hide_interested OR hide_experienced THEN 'suppressed' END,
           CASE WHEN job_seekers_short BETWEEN 10 AND 29 THEN 'small' END,
           CASE WHEN ma12 IS NULL AND tension_ratio IS NOT NULL THEN 'short_history' END)
           AS flags
FROM marked
"""


def block_rows() -> int:
    from lloradar.features.indicators.tension import DUCKDB_BLOCK_ROWS

    return int(os.environ.get("BENCH_BLOCK_ROWS", DUCKDB_BLOCK_ROWS))


def duckdb_connection(folder: Path, name: str) -> Any:
    """By default an in-memory database, which holds the result in the process as the pandas
    and polars peers do (above memory_limit DuckDB moves blocks of it to its temp directory).
    BENCH_DUCKDB_DATABASE=file: a database file, as the store is (`lloradar.duckdb`); the
    result is written compressed and the checkpoint is timed."""
    import duckdb

    path = folder / f"{name}.duckdb"
    for old in [path, path.with_suffix(".duckdb.wal")]:  # from an earlier --repeat run
        old.unlink(missing_ok=True)
    in_memory = os.environ.get("BENCH_DUCKDB_DATABASE", "memory") == "memory"
    con = duckdb.connect(":memory:" if in_memory else str(path))
    con.execute("SET threads = 2")
    con.execute("SET preserve_insertion_order = false")  # a result table, not a stream
    # DuckDB takes 80% of RAM by default; capped, it spills to disk and stays under the 2 GB goal
    con.execute(f"SET temp_directory = '{folder / ('spill-' + name)}'")
    con.execute("SET memory_limit = '1GB'")  # loading (untimed) stays under the 2 GB goal too
    for table in ["vacancy_stats", "labour_supply", "provenance", "region"]:
        con.execute(f"CREATE TABLE {table} AS SELECT * FROM '{folder / table}.parquet'")
    con.execute("CHECKPOINT")
    con.execute(f"SET memory_limit = '{os.environ.get('BENCH_DUCKDB_MEMORY', DUCKDB_MEMORY)}'")
    return con


def checkpoint(con: Any) -> None:
    """Write the result to the database file (an in-memory database has none)."""
    if os.environ.get("BENCH_DUCKDB_DATABASE", "memory") != "memory":
        con.execute("CHECKPOINT")


def run_duckdb(folder: Path) -> dict[str, Any]:
    """The product's path: `services.indicators.create_indicator_table` (the Ibis expression
    compiled once, run per block of occupations) plus the checkpoint that stores the result."""
    from lloradar.features.indicators.tension import create_indicator_table

    con = duckdb_connection(folder, "duckdb")
    start = start_clock()
    blocks = create_indicator_table(con, "result", block_rows=block_rows())
    checkpoint(con)
    seconds = time.perf_counter() - start
    compiled = ibis_compile_seconds(con)
    duckdb_sample(con, folder, "duckdb")
    return {"seconds": seconds, "ibis_compile_seconds": compiled, "blocks": blocks,
            **duckdb_checksum(con)}  # fmt: skip


def ibis_compile_seconds(con: Any) -> float:
    """What building and compiling the Ibis expression costs (once per recompute)."""
    import ibis

    from lloradar.analytics.indicators import labour_market_indicators

    start = time.perf_counter()
    backend = ibis.duckdb.from_connection(con)
    tables = [backend.table(n) for n in ["vacancy_stats", "labour_supply", "provenance", "region"]]
    ibis.to_sql(labour_market_indicators(*tables), dialect="duckdb")
    return time.perf_counter() - start


def run_duckdb_sql(folder: Path) -> dict[str, Any]:
    """The same indicators as SQL written by hand for DuckDB (its dialect: USING, UNION ALL BY
    NAME, named windows, concat_ws), run the same way (per block, then a checkpoint), to show
    what the Ibis layer costs."""
    from lloradar.services.engines import duckdb_in_blocks

    con = duckdb_connection(folder, "duckdb_sql")
    start = start_clock()
    blocks = duckdb_in_blocks(con, HAND_SQL, "result", blocked=["vacancy_stats", "labour_supply"],
                              key="occupation_id", block_rows=block_rows())  # fmt: skip
    checkpoint(con)
    seconds = time.perf_counter() - start
    duckdb_sample(con, folder, "duckdb-sql")
    return {"seconds": seconds, "blocks": blocks, **duckdb_checksum(con)}


def duckdb_sample(con: Any, folder: Path, engine: str, table: str = "result") -> None:
    wanted = ", ".join(f"'{o}'" for o in sample_occupations(folder))
    sample = con.execute(f"SELECT * FROM {table} WHERE occupation_id IN ({wanted})")
    write_sample(folder, engine, sample.to_arrow_table())


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
        start = start_clock()
        expr = labour_market_indicators(*(backend.table(n) for n in tables))
        out = str(folder / "spark_result")
        session.sql(backend.compile(expr)).write.mode("overwrite").parquet(out)
        seconds = time.perf_counter() - start
    del ibis
    import duckdb

    con = duckdb.connect()
    con.execute(f"CREATE VIEW result AS SELECT * FROM '{out}/*.parquet'")
    duckdb_sample(con, folder, "spark")
    return {"seconds": seconds, **duckdb_checksum(con)}


def tension_class_np(ratio: np.ndarray) -> np.ndarray:
    conditions = [ratio > 4.0, ratio > 1.5, ratio >= 0.67, ratio >= 0.25, ~np.isnan(ratio)]
    choices = ["zeer krap", "krap", "gemiddeld", "ruim", "zeer ruim"]
    return np.select(conditions, choices, default=None)


def run_pandas(folder: Path) -> dict[str, Any]:
    import pandas as pd

    frames = {n: pd.read_parquet(folder / f"{n}.parquet") for n in
              ["vacancy_stats", "labour_supply", "provenance", "region"]}  # fmt: skip
    for name in ["vacancy_stats", "labour_supply"]:  # dates as datetime64, loaded untimed
        frames[name]["period"] = pd.to_datetime(frames[name]["period"])
    start = start_clock()
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
    month = t.period.dt.year * 12 + t.period.dt.month
    t["month_index"] = month
    series = t.groupby(["region_code", "occupation_id"], sort=False)
    # the same rules as the Ibis expression: a trend only over consecutive months
    full_year = series.month_index.shift(11) == month - 11
    year_before = series.month_index.shift(12) == month - 12
    moving = series.tension_ratio.rolling(12, min_periods=1).mean().reset_index(drop=True)
    t["tension_ratio_ma12"] = moving.where(full_year)
    t["tension_ratio_yoy"] = (t.tension_ratio - series.tension_ratio.shift(12)).where(year_before)
    before = series.open_vacancies.shift(12)
    t["open_vacancies_yoy"] = ratio(t.open_vacancies - before, before).where(year_before)
    amr = t.region_level == "arbeidsmarktregio"
    by_cell = t[amr].groupby(["occupation_id", "period"], sort=False).tension_ratio
    t["tension_rank"] = by_cell.rank(method="min", ascending=False)
    t["regions_ranked"] = by_cell.transform("count")
    short = t.job_seekers_short

    def suppressed(c: pd.Series) -> pd.Series:
        return (c > 0) & (c < 10)

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
    t["flags"] = text.str.slice(1)
    hide = suppressed(short)
    hidden = ["tension_ratio", "tension_rank", "tension_ratio_yoy", "tension_ratio_ma12"]
    t.loc[hide, hidden] = np.nan
    t.loc[suppressed(t.interested), "interested_per_vacancy"] = np.nan
    t.loc[suppressed(t.experienced), "experienced_per_vacancy"] = np.nan
    for count in ["job_seekers_short", "job_seekers_long", "interested", "experienced"]:
        t[count] = t[count].where(~suppressed(t[count]))
    t["tension_class"] = tension_class_np(t.tension_ratio.to_numpy())
    t = t[OUTPUT_COLUMNS]
    seconds = time.perf_counter() - start
    row = (len(t), t.tension_ratio.sum(), t.tension_ratio_ma12.sum(), t.tension_ratio_yoy.sum(),
           t.tension_rank.sum(), t.tension_class.notna().sum(), t.fill_rate.sum(),
           t["flags"].str.contains("suppressed").sum())  # fmt: skip
    sample = t[t.occupation_id.isin(sample_occupations(folder))]
    write_sample(folder, "pandas", pa.Table.from_pandas(sample, preserve_index=False))
    return {"seconds": seconds, **checksum_dict(row)}


def run_polars(folder: Path) -> dict[str, Any]:
    import polars as pl

    frames = {n: pl.read_parquet(folder / f"{n}.parquet") for n in
              ["vacancy_stats", "labour_supply", "provenance", "region"]}  # fmt: skip
    start = start_clock()
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
        month_index=pl.col("period").dt.year().cast(pl.Int64) * 12
        + pl.col("period").dt.month().cast(pl.Int64),
    )  # fmt: skip
    # the same rules as the Ibis expression: a trend only over consecutive months
    month = pl.col("month_index")
    full_year = month.shift(11).over(series) == month - 11
    year_before = month.shift(12).over(series) == month - 12
    before = pl.col("open_vacancies").shift(12).over(series)
    t = t.with_columns(
        tension_ratio_ma12=pl.when(full_year).then(
            pl.col("tension_ratio").rolling_mean(12, min_samples=1).over(series)),
        tension_ratio_yoy=pl.when(year_before).then(
            pl.col("tension_ratio") - pl.col("tension_ratio").shift(12).over(series)),
        open_vacancies_yoy=pl.when(year_before).then(
            ratio(pl.col("open_vacancies") - before, before)),
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
    hide = suppressed(short).fill_null(False)

    def unless(condition: pl.Expr, column: str) -> pl.Expr:
        return pl.when(condition.fill_null(False)).then(None).otherwise(pl.col(column))

    ratio_col = unless(hide, "tension_ratio")
    classes = pl.when(ratio_col.is_null()).then(None)
    for bound, inclusive, name in CLASSES:
        classes = classes.when(ratio_col >= bound if inclusive else ratio_col > bound).then(
            pl.lit(name))  # fmt: skip
    people = ["job_seekers_short", "job_seekers_long", "interested", "experienced"]
    t = t.with_columns(
        flags=text.str.slice(1),
        tension_class=classes.otherwise(pl.lit("zeer ruim")),
        tension_ratio=ratio_col,
        **{c: unless(hide, c) for c in
           ["tension_rank", "tension_ratio_yoy", "tension_ratio_ma12"]},
        interested_per_vacancy=unless(suppressed(pl.col("interested")), "interested_per_vacancy"),
        experienced_per_vacancy=unless(
            suppressed(pl.col("experienced")), "experienced_per_vacancy"),
        **{c: unless(suppressed(pl.col(c)), c) for c in people},
    ).select(OUTPUT_COLUMNS)  # fmt: skip
    seconds = time.perf_counter() - start
    row = t.select(
        pl.len(), pl.col("tension_ratio").sum(), pl.col("tension_ratio_ma12").sum(),
        pl.col("tension_ratio_yoy").sum(), pl.col("tension_rank").sum(),
        pl.col("tension_class").count(), pl.col("fill_rate").sum(),
        pl.col("flags").str.contains("suppressed").sum(),
    ).row(0)  # fmt: skip
    sample = t.filter(pl.col("occupation_id").is_in(sample_occupations(folder)))
    write_sample(folder, "polars", sample.to_arrow())
    return {"seconds": seconds, **checksum_dict(row)}


# ---------------------------------------------------------------- equality of a sample
def sample_occupations(folder: Path) -> list[str]:
    """Three occupations (first, middle, last): every row of theirs is compared across
    engines, every column, not only the checksums."""
    count = json.loads((folder / "meta.json").read_text())["occupations"]
    return [f"occ{i:05d}" for i in sorted({0, count // 2, count - 1})]


def write_sample(folder: Path, engine: str, table: pa.Table) -> None:
    pq.write_table(table.select(OUTPUT_COLUMNS), folder / f"sample_{engine}.parquet")


def sample_differences(folder: Path, engine: str, reference: str = "duckdb") -> list[str]:
    """Columns where `engine`'s sample rows differ from the reference engine's (empty: equal)."""
    import pandas as pd

    order = ["region_level", "region_code", "occupation_id", "period"]

    def load(name: str) -> pd.DataFrame:
        frame = pq.read_table(folder / f"sample_{name}.parquet").to_pandas()
        frame["period"] = pd.to_datetime(frame["period"])
        return frame.sort_values(order, ignore_index=True)

    a, b = load(reference), load(engine)
    if len(a) != len(b):
        return [f"rows: {len(a)} against {len(b)}"]
    differ = []
    for column in OUTPUT_COLUMNS:
        x, y = a[column], b[column]
        if column in {"region_code", "region_level", "occupation_id", "period", "flags",
                      "tension_class", "is_demo"}:  # fmt: skip
            same_values = (x.isna() & y.isna()) | (x.astype(object) == y.astype(object))
        else:
            xf, yf = x.astype("float64").to_numpy(), y.astype("float64").to_numpy()
            same_values = pd.Series(np.isclose(xf, yf, rtol=1e-9, atol=1e-12, equal_nan=True))
        if not bool(same_values.all()):
            differ.append(f"{column} ({int((~same_values).sum())} rows)")
    return differ


RUNNERS = {
    "duckdb": run_duckdb,
    "duckdb-sql": run_duckdb_sql,
    "pandas": run_pandas,
    "polars": run_polars,
    "spark": run_spark,
}


LOADING_PEAK_MB: list[float] = []


def start_clock() -> float:
    """Start timing the computation, and its own peak memory: the kernel's high-water mark of
    resident memory is reset (/proc/self/clear_refs), so loading the inputs is not counted."""
    LOADING_PEAK_MB.append(high_water_mb())
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")
    return time.perf_counter()


def high_water_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def worker(engine: str, folder: Path) -> None:
    result = RUNNERS[engine](folder)
    result["compute_peak_mb"] = high_water_mb()  # since start_clock()
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec() from the forked parent (which
    # holds the generated data), so it would report the parent's size
    result["peak_mb"] = max([result["compute_peak_mb"], *LOADING_PEAK_MB])
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
    parser.add_argument("--engines", default="duckdb,duckdb-sql,pandas,polars,spark")
    parser.add_argument("--repeat", type=int, default=1, help="runs per engine (median reported)")
    parser.add_argument("--timeout", type=int, default=900, help="seconds per engine")
    parser.add_argument("--duckdb-memory", default=DUCKDB_MEMORY, help="DuckDB memory_limit")
    parser.add_argument("--duckdb-database", choices=["memory", "file"], default="memory",
                        help="DuckDB result in memory (default, as the peers) or in a file")  # fmt: skip
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, Path(args.data))
        return
    from lloradar.analytics.indicators import OUTPUT_COLUMNS as INDICATOR_COLUMNS

    assert OUTPUT_COLUMNS == INDICATOR_COLUMNS, "the peers must compute the same columns"
    with tempfile.TemporaryDirectory(prefix="lloradar-bench-") as tmp:
        folder = Path(tmp)
        clock = time.perf_counter()
        cells = generate(folder, args.regions, args.occupations, args.months)
        print(f"{cells:,} cells generated in {time.perf_counter() - clock:.1f} s")
        print(f"load average at start: {os.getloadavg()[0]:.2f} ({os.cpu_count()} cores); "
              f"DuckDB: {args.duckdb_database} database, memory_limit {args.duckdb_memory}")  # fmt: skip
        runs: dict[str, list[dict[str, Any]]] = {}
        engines = args.engines.split(",")
        for _ in range(args.repeat):  # engines interleaved, so load changes hit every engine
            for engine in engines:
                env = {"BENCH_DUCKDB_MEMORY": args.duckdb_memory,
                       "BENCH_DUCKDB_DATABASE": args.duckdb_database}  # fmt: skip
                result = run_worker(engine, folder, args.timeout, env)
                if result is not None:
                    runs.setdefault(engine, []).append(result)
        results = {engine: summarise(runs[engine]) for engine in engines if engine in runs}
        print(f"load average at end: {os.getloadavg()[0]:.2f}")
        report(results, folder)


def run_worker(
    engine: str, folder: Path, timeout: int, settings: dict[str, str]
) -> dict[str, Any] | None:
    command = [sys.executable, __file__, "--worker", engine, "--data", str(folder)]
    env = {**os.environ, **settings}
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        print(f"{engine:10s} did not finish within {timeout} s")
        return None
    if done.returncode != 0:
        print(f"{engine:10s} failed:\n{done.stderr[-2000:]}")
        return None
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    extra = f", ibis compile {result['ibis_compile_seconds']:.2f} s" if (
        "ibis_compile_seconds" in result) else ""  # fmt: skip
    load = os.getloadavg()[0]
    print(f"{engine:10s} {result['seconds']:7.2f} s  peak {result['compute_peak_mb']:6.0f} MB "
          f"computing, {result['peak_mb']:6.0f} MB with loading{extra}"
          f"  (load {load:.2f})")  # fmt: skip
    return result


def summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The median run's figures, with every run's seconds."""
    seconds = sorted(r["seconds"] for r in runs)
    median = runs[[r["seconds"] for r in runs].index(seconds[(len(seconds) - 1) // 2])]
    return {**median, "runs_seconds": [round(s, 3) for s in seconds],
            "peak_mb": max(r["peak_mb"] for r in runs),
            "compute_peak_mb": max(r["compute_peak_mb"] for r in runs)}  # fmt: skip


def report(results: dict[str, dict[str, Any]], folder: Path) -> None:
    duck = results.get("duckdb")
    if not duck:
        return
    for peer in [e for e in results if e != "duckdb"]:
        agree = same(duck["checksum"], results[peer]["checksum"])
        differ = sample_differences(folder, peer)
        factor = results[peer]["seconds"] / duck["seconds"]
        verdict = "same results" if agree and not differ else "RESULTS DIFFER"
        print(f"{peer} takes {factor:.2f}x the time of DuckDB/Ibis ({verdict}: checksums, "
              f"and every column of {', '.join(sample_occupations(folder))})")  # fmt: skip
        if not agree:
            print(f"  duckdb {duck['checksum']}\n  {peer} {results[peer]['checksum']}")
        if differ:
            print(f"  sample columns that differ: {', '.join(differ)}")
        results[peer]["same_results"] = agree and not differ
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
