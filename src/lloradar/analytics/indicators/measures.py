"""The indicators of one cell: spanningsindicator (tension), its UWV class, interested and
experienced job seekers per vacancy, fill rate; then trends and the rank among regions."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from lloradar.analytics.indicators.cells import fill_rate
from lloradar.analytics.indicators.portable import month_index, ratio, tension_class

SERIES = ["region_code", "occupation_id"]
MOVING_MONTHS = 12


def with_tension(cells: ir.Table) -> ir.Table:
    """The tension ratio and the month number: all the windows below need."""
    return cells.mutate(
        tension_ratio=ratio(cells.open_vacancies, cells.job_seekers_short),
        month_index=month_index(cells.period),
    )


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
    """12-month moving average of the tension ratio (only over a full year of months) and the
    year-on-year change of the ratio and of the open vacancies (the same month a year before).

    All three are windows over the same series ordered by month number, so an engine sorts
    once; "a year before" is a sum over the one-month frame exactly 12 months back (NULL when
    that month is missing), which needs neither a self-join nor first/lag over rows."""
    series = {"group_by": SERIES, "order_by": "month_index"}
    year = ibis.window(**series, range=(-(MOVING_MONTHS - 1), 0))
    before = ibis.window(**series, range=(-12, -12))
    t = measured.mutate(
        _ma=measured.tension_ratio.mean().over(year),
        _months=measured.month_index.count().over(year),
        _ratio_before=measured.tension_ratio.sum().over(before),
        _open_before=measured.open_vacancies.sum().over(before),
    )
    return t.mutate(
        tension_ratio_ma12=ibis.ifelse(t._months == MOVING_MONTHS, t._ma, ibis.null("float64")),
        tension_ratio_yoy=t.tension_ratio - t._ratio_before,
        open_vacancies_yoy=ratio(t.open_vacancies - t._open_before, t._open_before),
    ).drop("_ma", "_months", "_ratio_before", "_open_before")


def with_rank(trended: ir.Table) -> ir.Table:
    """Rank of an arbeidsmarktregio among all regions for the same occupation and month:
    1 is the tightest. Cells without a ratio get no rank. NULL ordering differs per engine, so
    a missing ratio sorts as -1 (below every real ratio, which is never negative)."""
    amr = trended.region_level == "arbeidsmarktregio"
    has_ratio = trended.tension_ratio.notnull()
    cell = {
        "group_by": ["region_level", "occupation_id", "period"],
        "order_by": ibis.desc(ibis.coalesce(trended.tension_ratio, -1.0)),
    }
    rank = ibis.rank().over(ibis.window(**cell)) + 1
    ranked = trended.tension_ratio.count().over(ibis.window(**cell, rows=(None, None)))
    return trended.mutate(
        tension_rank=ibis.ifelse(amr & has_ratio, rank, ibis.null("int64")),
        regions_ranked=ibis.ifelse(amr, ranked, ibis.null("int64")),
    )
