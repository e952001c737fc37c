"""The indicators of one cell: spanningsindicator (tension), its UWV class, interested and
experienced job seekers per vacancy, fill rate; then trends and the rank among regions."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from lloradar.analytics.indicators.cells import fill_rate
from lloradar.analytics.indicators.portable import month_index, ratio, tension_class

SERIES = ["region_code", "occupation_id"]
MOVING_MONTHS = 12


def cell_measures(cells: ir.Table) -> ir.Table:
    """Ratios and the class of each cell, from its counts (never infinity: see `ratio`)."""
    return cells.mutate(
        tension_ratio=ratio(cells.open_vacancies, cells.job_seekers_short),
        interested_per_vacancy=ratio(cells.interested, cells.open_vacancies),
        experienced_per_vacancy=ratio(cells.experienced, cells.open_vacancies),
        fill_rate=fill_rate(cells.filled_vacancies, cells.new_vacancies),
        month_index=month_index(cells.period),
    ).mutate(tension_class=lambda t: tension_class(t.tension_ratio))


def with_trends(measured: ir.Table) -> ir.Table:
    """12-month moving average of the tension ratio (only over a full year of months) and the
    year-on-year change of the ratio and of the open vacancies (the same month a year before)."""
    window = ibis.window(group_by=SERIES, order_by="month_index", range=(-(MOVING_MONTHS - 1), 0))
    moving = measured.mutate(
        _ma=measured.tension_ratio.mean().over(window),
        _months=measured.month_index.count().over(window),
    )
    moving = moving.mutate(
        tension_ratio_ma12=ibis.ifelse(
            moving._months == MOVING_MONTHS, moving._ma, ibis.null("float64")
        )
    ).drop("_ma", "_months")
    before = measured.select(
        region_code=measured.region_code,
        occupation_id=measured.occupation_id,
        _next_year=measured.month_index + 12,
        _ratio_before=measured.tension_ratio,
        _open_before=measured.open_vacancies,
    )
    joined = moving.left_join(
        before, ["region_code", "occupation_id", ("month_index", "_next_year")]
    )
    return joined.mutate(
        tension_ratio_yoy=joined.tension_ratio - joined._ratio_before,
        open_vacancies_yoy=ratio(joined.open_vacancies - joined._open_before, joined._open_before),
    ).drop(
        "region_code_right", "occupation_id_right", "_next_year", "_ratio_before", "_open_before"
    )


def with_rank(trended: ir.Table) -> ir.Table:
    """Rank of an arbeidsmarktregio among all regions for the same occupation and month:
    1 is the tightest. Cells without a ratio get no rank (NULL ordering differs per engine,
    so missing ratios are sorted last explicitly)."""
    amr = trended.region_level == "arbeidsmarktregio"
    has_ratio = trended.tension_ratio.notnull()
    window = ibis.window(
        group_by=["region_level", "occupation_id", "period"],
        order_by=[ibis.ifelse(has_ratio, 0, 1), ibis.desc(trended.tension_ratio)],
    )
    counted = ibis.window(group_by=["region_level", "occupation_id", "period"])
    rank = ibis.rank().over(window) + 1
    return trended.mutate(
        tension_rank=ibis.ifelse(amr & has_ratio, rank, ibis.null("int64")),
        regions_ranked=ibis.ifelse(
            amr, ibis.ifelse(has_ratio, 1, 0).sum().over(counted), ibis.null("int64")
        ),
    )
