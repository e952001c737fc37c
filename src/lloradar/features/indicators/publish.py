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
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
import pyarrow as pa

from lloradar.analytics.disclosure_grid import protect_grid
from lloradar.analytics.indicators import ALL_OCCUPATIONS
from lloradar.store import Store

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


class _Grid:
    """Index of the cells: area rows (children before parents), occupation columns (the total
    last), months; and where each computed row sits in that 3-dimensional array."""

    def __init__(self, frame: pd.DataFrame, parent_of: dict[str, str | None]) -> None:
        depth = {code: _depth(code, parent_of) for code in frame["region_code"].unique()}
        self.rows = sorted(depth, key=lambda code: (-depth[code], code))
        row_index = {code: i for i, code in enumerate(self.rows)}
        self.parents = [row_index.get(parent_of.get(code) or "") for code in self.rows]
        occupations = sorted(set(frame["occupation_id"]) - {ALL_OCCUPATIONS})
        self.cols = [*occupations, ALL_OCCUPATIONS]
        self.periods = sorted(frame["period"].unique())
        self.r = frame["region_code"].map(row_index).to_numpy()
        self.c = frame["occupation_id"].map({o: j for j, o in enumerate(self.cols)}).to_numpy()
        self.t = frame["period"].map({p: k for k, p in enumerate(self.periods)}).to_numpy()
        self.shape = (len(self.periods), len(self.rows), len(self.cols))

    def spread(self, values: np.ndarray, fill: object) -> np.ndarray:
        out = np.full(self.shape, fill, dtype=np.asarray(values).dtype)
        out[self.t, self.r, self.c] = values
        return out

    def gather(self, cube: np.ndarray) -> np.ndarray:
        return cube[self.t, self.r, self.c]


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
    previous: Iterable[Hidden] = (),
) -> tuple[pa.Table, dict[str, int]]:
    """The published table (PUBLISHED_COLUMNS) of the computed `cells` (one row per area x
    occupation x month, OUTPUT_COLUMNS of the indicator expression), and the number of counts
    hidden by primary and by secondary suppression. `parent_of` maps each area code to the
    code of the area it lies in; `previous` lists what earlier releases hid."""
    frame = cells.to_pandas()
    published = frame.copy()
    if frame.empty:
        published["hidden"] = ""
        published["run_id"] = run_id
        return pa.Table.from_pandas(published[PUBLISHED_COLUMNS], preserve_index=False), {}
    grid = _Grid(frame, parent_of)
    earlier = _previous_cubes(grid, previous)
    reasons = pd.Series("", index=frame.index)
    counted = {"primary": 0, "secondary": 0}
    hidden_of: dict[str, np.ndarray] = {}
    for measure in PEOPLE:
        values = frame[measure]
        known = grid.spread(values.isna().to_numpy(), True)
        cube = grid.spread(values.fillna(0).astype("int64").to_numpy(), 0)
        primary, secondary = np.zeros(grid.shape, bool), np.zeros(grid.shape, bool)
        for k in range(grid.shape[0]):
            result = protect_grid(
                cube[k], grid.parents, known=known[k], previous=earlier.get(measure, {}).get(k)
            )
            primary[k], secondary[k] = result.primary, result.secondary
        counted["primary"] += int(primary.sum())
        counted["secondary"] += int(secondary.sum())
        is_primary, is_secondary = grid.gather(primary), grid.gather(secondary)
        hidden = is_primary | is_secondary
        hidden_of[measure] = hidden
        published.loc[hidden, measure] = None
        for column in DERIVED[measure]:
            published.loc[hidden, column] = None
        reasons = reasons.str.cat(np.where(hidden, measure, ""), sep=" ")
        if measure == "job_seekers_short":
            _hide_trends(published, grid, primary | secondary)
    published["hidden"] = reasons.str.split().str.join(" ")
    published["flags"] = _published_flags(frame["flags"], hidden_of["job_seekers_short"], hidden_of)
    published["tension_rank"] = _rank_among_shown(published)
    published["run_id"] = run_id
    for column in COUNT_COLUMNS:  # hiding turned them into floats
        published[column] = published[column].astype("Int64")
    table = pa.Table.from_pandas(published[PUBLISHED_COLUMNS], preserve_index=False)
    return table, counted


def _previous_cubes(grid: _Grid, previous: Iterable[Hidden]) -> dict[str, dict[int, np.ndarray]]:
    rows = {code: i for i, code in enumerate(grid.rows)}
    cols = {code: j for j, code in enumerate(grid.cols)}
    months = {p: k for k, p in enumerate(grid.periods)}
    cubes: dict[str, dict[int, np.ndarray]] = {}
    for region, occupation, period, measure in previous:
        where = (rows.get(region), cols.get(occupation), months.get(pd.Timestamp(period).date()))
        if None in where or measure not in PEOPLE:
            continue
        r, c, k = where
        by_month = cubes.setdefault(measure, {})
        by_month.setdefault(k, np.zeros(grid.shape[1:], bool))[r, c] = True
    return cubes


def _hide_trends(published: pd.DataFrame, grid: _Grid, hidden: np.ndarray) -> None:
    """Hide a moving average whose 12 months hold a hidden ratio, and a year-on-year change
    whose month or month a year before is hidden (months are the cube's first axis)."""
    counts = np.cumsum(hidden, axis=0)
    before = np.zeros_like(counts)
    before[MOVING_MONTHS:] = counts[:-MOVING_MONTHS]
    in_window = (counts - before) > 0
    year_before = np.zeros_like(hidden)
    year_before[MOVING_MONTHS:] = hidden[:-MOVING_MONTHS]
    published.loc[grid.gather(in_window), "tension_ratio_ma12"] = None
    published.loc[grid.gather(hidden | year_before), "tension_ratio_yoy"] = None


def _published_flags(
    flags: pd.Series, seekers_hidden: np.ndarray, hidden_of: dict[str, np.ndarray]
) -> pd.Series:
    """The computed flags with `suppressed` where any count is hidden (whatever the reason),
    and without the flags that would bound a hidden job-seeker count."""
    any_hidden = np.logical_or.reduce(list(hidden_of.values()))
    out = []
    for text, seekers, anything in zip(flags.fillna(""), seekers_hidden, any_hidden, strict=True):
        names = [n for n in text.split() if n != "suppressed"]
        if seekers:
            names = [n for n in names if n not in COUNT_FLAGS]
        if anything:
            names.append("suppressed")
        out.append(" ".join(names))
    return pd.Series(out, index=flags.index)


def _rank_among_shown(published: pd.DataFrame) -> pd.Series:
    """1 = the tightest arbeidsmarktregio for the occupation and month, among shown ratios."""
    regional = published["region_level"] == "arbeidsmarktregio"
    ratios = published["tension_ratio"].where(regional)
    ranks = ratios.groupby([published["occupation_id"], published["period"]]).rank(
        method="min", ascending=False
    )
    return ranks.astype("Int64")


def publish_run(store: Store, cells: pa.Table, run_id: str) -> dict[str, int]:
    """Publish the computed `cells` of run `run_id`: replace `published_indicator` (inside the
    caller's transaction), keeping hidden what the current release of the same months hides."""
    parent_of = {str(r[0]): r[1] for r in store.query("SELECT code, parent_code FROM region")}
    previous = [
        (str(region), str(occupation), period, entry.split(":", 1)[0])
        for region, occupation, period, hidden in store.query(
            "SELECT region_code, occupation_id, period, hidden FROM published_indicator "
            "WHERE hidden <> ''"
        )
        for entry in str(hidden).split()
    ]
    table, counted = publish(cells, parent_of, run_id, previous)
    store.execute("DELETE FROM published_indicator")
    store.insert_arrow("published_indicator", table)
    return counted
