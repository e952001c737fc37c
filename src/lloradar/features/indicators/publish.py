"""The publication step: from the computed indicators (every area x occupation x month, with each
area's all-occupations total) to the published table every surface reads, with disclosure
control applied once, to the whole table.

For every month and every count of people (job seekers, interested, experienced) the grid of
areas (arbeidsmarktregio in provincie in land) x occupations (and their total) is protected by
`protect_grid`: the cells of 1 to 9 people and enough others that none follows from a published
sum or difference. Then every value that would give a hidden count back is hidden with it: the
tension ratio and class of hidden job seekers, their moving average and year-on-year change over
any window that holds a hidden month, the rank (taken again among the shown ratios only), the
per-vacancy ratios of hidden interested / experienced, and the flags that bound a count
(`small`, `no_job_seekers`). Cells hidden by an earlier release of the same month stay hidden.

`hidden` names the hidden counts of a cell and gives no reason per cell: marking the small
ones apart from their protectors would tell a reader which hidden counts are under 10.

Arrow and numpy throughout (no per-row Python): the cells go into months x areas x columns cubes
by one flat index, the grids are protected one month at a time, and the hidden masks come back
by the same index; flags are rewritten once per distinct flags text.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from lloradar.analytics.disclosure_grid import protect_grid
from lloradar.analytics.indicators import ALL_OCCUPATIONS
from lloradar.store import DuckDBStore, Store

PEOPLE = ["job_seekers_short", "interested", "experienced"]
# count -> the values that would give it back when shown beside a hidden count
DERIVED = {
    "job_seekers_short": ["tension_ratio", "tension_class", "tension_rank"],
    "interested": ["interested_per_vacancy"],
    "experienced": ["experienced_per_vacancy"],
}
# flags that bound a hidden job-seeker count (10 to 29, exactly 0)
COUNT_FLAGS = {"small", "no_job_seekers"}
MOVING_MONTHS = 12
COUNT_COLUMNS = ["open_vacancies", *PEOPLE, "tension_rank"]
PUBLISHED_COLUMNS = [
    "run_id",
    "region_code",
    "region_level",
    "occupation_id",
    "period",
    "open_vacancies",
    "job_seekers_short",
    "interested",
    "experienced",
    "tension_ratio",
    "tension_class",
    "tension_rank",
    "tension_ratio_ma12",
    "tension_ratio_yoy",
    "open_vacancies_yoy",
    "interested_per_vacancy",
    "experienced_per_vacancy",
    "days_open",
    "fill_rate",
    "hidden",
    "flags",
    "is_demo",
]
Hidden = tuple[str, str, object, str]  # (region, occupation, period, measure)
PREVIOUS_COLUMNS = ["region_code", "occupation_id", "period", "hidden"]
REGIONAL = "arbeidsmarktregio"


def _encode(column: pa.ChunkedArray | pa.Array) -> tuple[list[Any], np.ndarray]:
    """The distinct values of a column and, per row, the index of its value among them."""
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    encoded = column.dictionary_encode()
    return encoded.dictionary.to_pylist(), encoded.indices.to_numpy(zero_copy_only=False)


def _day(value: object) -> object:
    if isinstance(value, datetime):
        return value.date()
    return date.fromisoformat(value[:10]) if isinstance(value, str) else value


class _Grid:
    """Index of the cells: area rows (children before parents), occupation columns (the total
    last), months; `at` is where each computed row sits in the flattened months x rows x
    columns cube."""

    def __init__(self, cells: pa.Table, parent_of: dict[str, str | None]) -> None:
        regions, r = _encode(cells.column("region_code"))
        occupations, c = _encode(cells.column("occupation_id"))
        periods, t = _encode(cells.column("period"))
        depth = {code: _depth(code, parent_of) for code in regions}
        self.rows = sorted(regions, key=lambda code: (-depth[code], code))
        self.row_index = {code: i for i, code in enumerate(self.rows)}
        self.parents = [self.row_index.get(parent_of.get(code) or "") for code in self.rows]
        self.cols = [*sorted(set(occupations) - {ALL_OCCUPATIONS}), ALL_OCCUPATIONS]
        self.col_index = {code: j for j, code in enumerate(self.cols)}
        self.periods = sorted(periods)
        self.month_index = {_day(p): k for k, p in enumerate(self.periods)}
        self.shape = (len(self.periods), len(self.rows), len(self.cols))
        self.r = np.array([self.row_index[code] for code in regions], np.int64)[r]
        self.c = np.array([self.col_index[code] for code in occupations], np.int64)[c]
        self.t = np.array([self.month_index[_day(p)] for p in periods], np.int64)[t]
        self.at = (self.t * self.shape[1] + self.r) * self.shape[2] + self.c

    def spread(self, values: np.ndarray, fill: object) -> np.ndarray:
        out = np.full(int(np.prod(self.shape)), fill, dtype=np.asarray(values).dtype)
        out[self.at] = values
        return out.reshape(self.shape)

    def gather(self, cube: np.ndarray) -> np.ndarray:
        gathered: np.ndarray = cube.reshape(-1)[self.at]
        return gathered


def _depth(code: str, parent_of: dict[str, str | None]) -> int:
    depth, seen = 0, {code}
    while (code := parent_of.get(code) or "") and code not in seen:
        seen.add(code)
        depth += 1
    return depth


def publish(
    cells: pa.Table,
    parent_of: dict[str, str | None],
    run_id: str,
    previous: Iterable[Hidden] | pa.Table = (),
) -> tuple[pa.Table, dict[str, int]]:
    """The published table (PUBLISHED_COLUMNS) of the computed `cells` (one row per area x
    occupation x month, OUTPUT_COLUMNS of the indicator expression), and the number of counts
    hidden by primary and by secondary suppression. `parent_of` maps each area code to the
    code of the area it lies in; `previous` lists what earlier releases hid, as tuples or as a
    table of PREVIOUS_COLUMNS (`hidden`: the space-separated measures, as published). `hidden`
    and `flags` come dictionary-encoded (a handful of distinct texts)."""
    if not cells.num_rows:
        return _table(cells, {"hidden": pa.array([], pa.string())}, run_id), {}
    grid = _Grid(cells, parent_of)
    earlier = _previous_cubes(grid, previous)
    counted = {"primary": 0, "secondary": 0}
    hidden_of: dict[str, np.ndarray] = {}
    for measure in PEOPLE:
        column = cells.column(measure)
        known = grid.spread(column.is_null().to_numpy(), True)
        cube = grid.spread(pc.fill_null(column, 0).to_numpy().astype(np.int64), 0)
        hidden = np.zeros(grid.shape, bool)
        for k in range(grid.shape[0]):
            result = protect_grid(
                cube[k], grid.parents, known=known[k], previous=earlier.get(measure, {}).get(k)
            )
            counted["primary"] += int(result.primary.sum())
            counted["secondary"] += int(result.secondary.sum())
            hidden[k] = result.hidden
        hidden_of[measure] = hidden
    rows_hidden = {measure: grid.gather(cube) for measure, cube in hidden_of.items()}
    out: dict[str, pa.ChunkedArray | pa.Array] = {}
    for measure in PEOPLE:
        for name in [measure, *DERIVED[measure]]:
            out[name] = _hide(cells.column(name), rows_hidden[measure])
    in_window, year_on_year = _trend_masks(hidden_of["job_seekers_short"])
    out["tension_ratio_ma12"] = _hide(cells.column("tension_ratio_ma12"), grid.gather(in_window))
    out["tension_ratio_yoy"] = _hide(cells.column("tension_ratio_yoy"), grid.gather(year_on_year))
    code = sum(rows_hidden[m].astype(np.int8) << i for i, m in enumerate(PEOPLE))
    names = [" ".join(m for i, m in enumerate(PEOPLE) if k >> i & 1) for k in range(8)]
    out["hidden"] = pa.DictionaryArray.from_arrays(np.asarray(code, np.int8), names)
    out["flags"] = _published_flags(
        cells.column("flags"), rows_hidden["job_seekers_short"], np.asarray(code > 0)
    )
    out["tension_rank"] = _rank_among_shown(
        grid, out["tension_ratio"], cells.column("region_level")
    )
    return _table(cells, out, run_id), counted


def _table(cells: pa.Table, out: dict[str, Any], run_id: str) -> pa.Table:
    columns = {"run_id": pa.repeat(run_id, cells.num_rows)}
    for name in PUBLISHED_COLUMNS[1:]:
        column = out[name] if name in out else cells.column(name)
        columns[name] = pc.cast(column, pa.int64()) if name in COUNT_COLUMNS else column
    return pa.table(columns)


def _hide(column: pa.ChunkedArray, mask: np.ndarray) -> pa.ChunkedArray:
    """`column` with the rows of `mask` null."""
    if not mask.any() or pa.types.is_null(column.type):
        return column
    return pc.if_else(pa.array(mask), pa.scalar(None, column.type), column)


def _previous_cubes(
    grid: _Grid, previous: Iterable[Hidden] | pa.Table
) -> dict[str, dict[int, np.ndarray]]:
    """measure -> month -> the grid's cells an earlier release hid."""
    if not isinstance(previous, pa.Table):
        entries = list(previous)
        previous = pa.table(
            {
                "region_code": pa.array([e[0] for e in entries], pa.string()),
                "occupation_id": pa.array([e[1] for e in entries], pa.string()),
                "period": pa.array([_day(e[2]) for e in entries], pa.date32()),
                "hidden": pa.array([e[3] for e in entries], pa.string()),
            }
        )
    if not previous.num_rows:
        return {}
    regions, r = _encode(previous.column("region_code"))
    occupations, c = _encode(previous.column("occupation_id"))
    periods, t = _encode(previous.column("period"))
    r = np.array([grid.row_index.get(code, -1) for code in regions], np.int64)[r]
    c = np.array([grid.col_index.get(code, -1) for code in occupations], np.int64)[c]
    t = np.array([grid.month_index.get(_day(p), -1) for p in periods], np.int64)[t]
    inside = (r >= 0) & (c >= 0) & (t >= 0)
    texts, which = _encode(pc.fill_null(pc.cast(previous.column("hidden"), pa.string()), ""))
    cubes: dict[str, dict[int, np.ndarray]] = {}
    for measure in PEOPLE:
        named = [measure in {e.split(":", 1)[0] for e in text.split()} for text in texts]
        where = inside & np.array(named, bool)[which]
        if where.any():
            cube = np.zeros(grid.shape, bool)
            cube[t[where], r[where], c[where]] = True
            cubes[measure] = {int(k): cube[k] for k in np.unique(t[where])}
    return cubes


def _trend_masks(hidden: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where a moving average's 12 months hold a hidden ratio, and where a year-on-year change's
    month or month a year before is hidden (months are the cube's first axis)."""
    counts = np.cumsum(hidden, axis=0)
    before = np.zeros_like(counts)
    before[MOVING_MONTHS:] = counts[:-MOVING_MONTHS]
    year_before = np.zeros_like(hidden)
    year_before[MOVING_MONTHS:] = hidden[:-MOVING_MONTHS]
    return (counts - before) > 0, hidden | year_before


def _published_flags(
    flags: pa.ChunkedArray, seekers_hidden: np.ndarray, any_hidden: np.ndarray
) -> pa.DictionaryArray:
    """The computed flags with `suppressed` where any count is hidden (whatever the reason),
    and without the flags that would bound a hidden job-seeker count; worked out once per
    distinct flags text."""
    texts, index = _encode(pc.fill_null(pc.cast(flags, pa.string()), ""))
    variants = []
    for text in texts:
        names = [n for n in text.split() if n != "suppressed"]
        for seekers in (False, True):
            kept = [n for n in names if not (seekers and n in COUNT_FLAGS)]
            variants += [" ".join(kept), " ".join([*kept, "suppressed"])]
    distinct = {text: i for i, text in enumerate(dict.fromkeys(variants))}
    lookup = np.array([distinct[text] for text in variants], np.int32)
    pick = lookup[index.astype(np.int64) * 4 + seekers_hidden * 2 + any_hidden]
    return pa.DictionaryArray.from_arrays(pick, pa.array(list(distinct), pa.string()))


def _rank_among_shown(grid: _Grid, ratios: pa.ChunkedArray, level: pa.ChunkedArray) -> pa.Array:
    """1 = the tightest arbeidsmarktregio for the occupation and month, among shown ratios
    (ties share the best rank)."""
    regional = pc.fill_null(pc.equal(level, REGIONAL), False).to_numpy()
    values = pc.fill_null(pc.cast(ratios, pa.float64()), np.nan).to_numpy()
    values = np.where(regional, values, np.nan)
    n_months, n_rows, n_cols = grid.shape
    at = (grid.t * n_cols + grid.c) * n_rows + grid.r  # months x columns x rows
    flat = np.full(n_months * n_cols * n_rows, np.nan)
    flat[at] = values
    cube = flat.reshape(n_months, n_cols, n_rows)
    ranks = np.zeros(cube.shape, np.int64)
    positions = np.arange(n_rows)
    for k in range(n_months):
        order = np.argsort(-cube[k], axis=1, kind="stable")  # NaN last
        ordered = np.take_along_axis(cube[k], order, axis=1)
        start = np.zeros(ordered.shape, np.int64)
        start[:, 1:] = np.where(ordered[:, 1:] != ordered[:, :-1], positions[1:], 0)
        np.maximum.accumulate(start, axis=1, out=start)
        np.put_along_axis(ranks[k], order, start + 1, axis=1)
    return pa.array(ranks.reshape(-1)[at], mask=np.isnan(values))


def publish_run(store: Store, cells: pa.Table, run_id: str) -> dict[str, int]:
    """Publish the computed `cells` of run `run_id`: replace `published_indicator` (inside the
    caller's transaction), keeping hidden what the current release of the same months hides."""
    parent_of = {str(r[0]): r[1] for r in store.query("SELECT code, parent_code FROM region")}
    sql = f"SELECT {', '.join(PREVIOUS_COLUMNS)} FROM published_indicator WHERE hidden <> ''"
    if isinstance(store, DuckDBStore):
        previous: pa.Table | list[Hidden] = store.connection.execute(sql).to_arrow_table()
    else:
        previous = [(str(a), str(o), p, str(h)) for a, o, p, h in store.query(sql)]
    table, counted = publish(cells, parent_of, run_id, previous)
    store.execute("DELETE FROM published_indicator")
    store.insert_arrow("published_indicator", table)
    return counted
