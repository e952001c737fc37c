"""The indicators of one cell: spanningsindicator (tension), its UWV class, interested and
experienced job seekers per vacancy, fill rate; then trends and the rank among regions.

Speed (bench/bench_indicators.py, EXPLAIN ANALYZE): the two windows are the costly operators,
and a window operator sorts and carries every column of its input. So the rank is taken on the
arbeidsmarktregio cells only, before the larger areas are added (they are never ranked), and
all trends share one window spec with ROWS frames and LAG (one sort per series, no frame
search, no self-join)."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from lloradar.analytics.indicators.cells import fill_rate
from lloradar.analytics.indicators.portable import month_index, ratio, tension_class

SERIES = ["region_code", "occupation_id"]
MOVING_MONTHS = 12
YEAR = 12


def with_tension(cells: ir.Table) -> ir.Table:
    """The tension ratio of each cell: the rank and the trends need it."""
    return cells.mutate(tension_ratio=ratio(cells.open_vacancies, cells.job_seekers_short))


def cell_measures(cells: ir.Table) -> ir.Table:
    """The other ratios and the class of each cell, from its counts (never infinity: see
    `ratio`). Added after the windows: window operators sort whole rows, so they should see
    as few columns as possible (measured in bench/bench_indicators.py)."""
    return cells.mutate(
        tension_class=tension_class(cells.tension_ratio),
        interested_per_vacancy=ratio(cells.interested, cells.open_vacancies),
        experienced_per_vacancy=ratio(cells.experienced, cells.open_vacancies),
        fill_rate=fill_rate(cells.filled_vacancies, cells.new_vacancies),
    )


def with_trends(measured: ir.Table) -> ir.Table:
    """12-month moving average of the tension ratio (only over 12 consecutive months) and the
    year-on-year change of the ratio and of the open vacancies (the same month a year before).

    One window spec (per series, by month) for every term, so an engine sorts once. A series
    holds one row per month, so the row 11 back is 11 months back exactly when none of the
    last 12 months is missing (then the ROWS frame of 12 rows is those 12 months), and the
    row 12 back is last year's month exactly when its month number is 12 lower. Where a month
    is missing the trend is NULL: never a value from the wrong month."""
    series = ibis.window(group_by=SERIES, order_by="month_index")
    moving = ibis.window(group_by=SERIES, order_by="month_index", rows=(-(MOVING_MONTHS - 1), 0))
    month = measured.month_index
    t = measured.mutate(
        _ma=measured.tension_ratio.mean().over(moving),
        _first_month=month.lag(MOVING_MONTHS - 1).over(series),
        _month_before=month.lag(YEAR).over(series),
        _ratio_before=measured.tension_ratio.lag(YEAR).over(series),
        _open_before=measured.open_vacancies.lag(YEAR).over(series),
    )
    full_year = t._first_month == t.month_index - (MOVING_MONTHS - 1)
    year_before = t._month_before == t.month_index - YEAR
    null = ibis.null("float64")
    return t.mutate(
        tension_ratio_ma12=ibis.ifelse(full_year, t._ma, null),
        tension_ratio_yoy=ibis.ifelse(year_before, t.tension_ratio - t._ratio_before, null),
        open_vacancies_yoy=ibis.ifelse(
            year_before, ratio(t.open_vacancies - t._open_before, t._open_before), null
        ),
    ).drop("_ma", "_first_month", "_month_before", "_ratio_before", "_open_before")


def with_rank(cells: ir.Table) -> ir.Table:
    """Rank of each arbeidsmarktregio cell among all regions for the same occupation and month:
    1 is the tightest; `regions_ranked` regions had a ratio. Call it on arbeidsmarktregio cells
    only. Cells without a ratio get no rank. NULL ordering differs per engine, so a missing
    ratio sorts as -1 (below every real ratio, which is never negative)."""
    cell = {
        "group_by": ["occupation_id", "period"],
        "order_by": ibis.desc(ibis.coalesce(cells.tension_ratio, -1.0)),
    }
    rank = ibis.rank().over(ibis.window(**cell)) + 1
    ranked = cells.tension_ratio.count().over(ibis.window(**cell, rows=(None, None)))
    return cells.mutate(
        tension_rank=ibis.ifelse(cells.tension_ratio.notnull(), rank, ibis.null("int64")),
        regions_ranked=ranked.cast("int64"),
    )


def without_rank(areas: ir.Table) -> ir.Table:
    """Larger areas (provincie, land) are not ranked."""
    return areas.mutate(tension_rank=ibis.null("int64"), regions_ranked=ibis.null("int64"))


def with_month_index(table: ir.Table) -> ir.Table:
    return table.mutate(month_index=month_index(table.period))
