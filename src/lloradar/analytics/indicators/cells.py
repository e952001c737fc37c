"""Labour-market cells: vacancies and job seekers per region x occupation x month joined into one
table, and rolled up from arbeidsmarktregio to provincie and land (country)."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir
from ibis import _

from lloradar.analytics.indicators.portable import int64_sum, ratio

KEYS = ["region_code", "occupation_id", "period"]
VACANCY_COUNTS = ["open_vacancies", "new_vacancies", "filled_vacancies"]
PEOPLE_COUNTS = ["job_seekers_short", "job_seekers_long", "interested", "experienced"]
COUNTS = [*VACANCY_COUNTS, *PEOPLE_COUNTS]
COUNTRY_CODE = "NL01"
ALL_OCCUPATIONS = "all"  # the occupation_id of a region's all-occupations total


def _is_demo(table: ir.Table, provenance: ir.Table, name: str) -> ir.Table:
    demo = provenance.select(source_id=provenance.source_id, **{name: provenance.is_demo})
    joined = table.left_join(demo, "source_id")
    return joined.drop("source_id", "source_id_right")


def labour_market_cells(vacancies: ir.Table, supply: ir.Table, provenance: ir.Table) -> ir.Table:
    """One row per arbeidsmarktregio x occupation x month with every count, from the
    `vacancy_stats` and `labour_supply` facts. A count the source did not report stays NULL."""
    v = _is_demo(
        vacancies.select(*KEYS, *VACANCY_COUNTS, "days_open_filled", "source_id"),
        provenance,
        "demo_v",
    )
    s = _is_demo(supply.select(*KEYS, *PEOPLE_COUNTS, "source_id"), provenance, "demo_s")
    joined = v.outer_join(s, KEYS)
    return joined.select(
        region_code=ibis.coalesce(joined.region_code, joined.region_code_right),
        region_level=ibis.literal("arbeidsmarktregio"),
        occupation_id=ibis.coalesce(joined.occupation_id, joined.occupation_id_right),
        period=ibis.coalesce(joined.period, joined.period_right),
        **{c: joined[c].cast("int64") for c in COUNTS},
        days_open=joined.days_open_filled.cast("float64"),
        is_demo=ibis.coalesce(joined.demo_v, False) | ibis.coalesce(joined.demo_s, False),
    )


def occupation_totals(vacancies: ir.Table, supply: ir.Table) -> tuple[ir.Table, ir.Table]:
    """The `vacancy_stats` and `labour_supply` facts summed over occupations per region x month,
    with occupation_id `ALL_OCCUPATIONS`: the same indicator expression turns them into each
    region's all-occupations total. Days open is the mean over filled vacancies; the source is
    the largest source id of the region x month (its demo flag marks the total)."""
    v, s = vacancies, supply
    keys = ["region_code", "period"]
    filled = v.filled_vacancies.cast("float64")
    vacancy_totals = v.group_by(keys).aggregate(
        **{c: int64_sum(v[c]) for c in VACANCY_COUNTS},
        days_open_filled=ratio((v.days_open_filled * filled).sum(), filled.sum()),
        source_id=v.source_id.max(),
    )
    supply_totals = s.group_by(keys).aggregate(
        **{c: int64_sum(s[c]) for c in PEOPLE_COUNTS}, source_id=s.source_id.max()
    )
    every = ibis.literal(ALL_OCCUPATIONS)
    return (
        vacancy_totals.mutate(occupation_id=every),
        supply_totals.mutate(occupation_id=every),
    )


def _roll_up(cells: ir.Table, level: str) -> ir.Table:
    """Sum the cells per `parent_code` x occupation x month into cells of `level`."""
    # Days open of a larger area: the median of its regions' figures (the sources give no
    # individual durations here); `vacancy_duration` gives the true median from postings.
    totals = cells.group_by(["parent_code", "occupation_id", "period"]).aggregate(
        **{c: int64_sum(cells[c]) for c in COUNTS},
        days_open=_.days_open.median(),
        is_demo=_.is_demo.any(),
    )
    return totals.select(
        region_code="parent_code",
        region_level=ibis.literal(level),
        occupation_id="occupation_id",
        period="period",
        **{c: c for c in COUNTS},
        days_open="days_open",
        is_demo="is_demo",
    )


def larger_areas(cells: ir.Table, regions: ir.Table) -> tuple[ir.Table, ir.Table]:
    """The sums of the arbeidsmarktregio cells per provincie and for the whole country."""
    # A region without a provincie (not placed yet) counts for the country only.
    placed_regions = (regions.level == "arbeidsmarktregio") & regions.parent_code.notnull()
    parents = regions.filter(placed_regions).select(
        code=regions.code, parent_code=regions.parent_code
    )
    base = cells.select(*KEYS, *COUNTS, "days_open", "is_demo")
    # view(): a fresh relation, so ibis does not try to extend the previous join chain
    placed = base.view().inner_join(parents, [("region_code", "code")]).drop("code")
    provinces = _roll_up(placed, "provincie")
    country = _roll_up(base.mutate(parent_code=ibis.literal(COUNTRY_CODE)), "land")
    return provinces, country


def with_larger_areas(cells: ir.Table, regions: ir.Table) -> ir.Table:
    """The arbeidsmarktregio cells plus their sums per provincie and for the whole country."""
    return ibis.union(cells, *larger_areas(cells, regions))


def vacancy_duration(postings: ir.Table) -> ir.Table:
    """Median days open and the number of closed postings per region x occupation x month
    closed, from individual vacancies (`vacancy` table: posted_on, closed_on)."""
    closed = postings.filter(postings.closed_on.notnull() & postings.region_code.notnull())
    days = closed.closed_on.delta(closed.posted_on, unit="day").cast("float64")
    month = closed.closed_on.truncate("M")
    return (
        closed.mutate(days_open=days, period=month)
        .group_by(["region_code", "occupation_id", "period"])
        .aggregate(
            median_days_open=lambda t: t.days_open.median(), closed_postings=lambda t: t.count()
        )
    )


def fill_rate(filled: ir.NumericValue, new: ir.NumericValue) -> ir.FloatingValue:
    """Share of the month's new vacancies that were filled."""
    return ratio(filled, new)
