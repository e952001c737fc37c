"""Quality flags on every value. `suppressed` marks a cell with a count of 1 to 9 people; the
values themselves stay in the computed (internal) table, and the publication step hides them
and every value they could be derived from (analytics/disclosure_grid.py)."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

MIN_PEOPLE = 10  # the same rule as analytics/disclosure.py
SMALL_PEOPLE = 30  # below this a ratio moves a class with a handful of people: flagged `small`

# flag -> meaning, in the order they are written
FLAGS = {
    "demo": "synthetic demo data, not real statistics",
    "missing": "a source did not report one of the counts",
    "no_job_seekers": "no job seekers under six months: no tension ratio (not infinity)",
    "no_vacancies": "no open vacancies: no per-vacancy ratios",
    "suppressed": "a count of fewer than 10 people: hidden when published",
    "small": "derived from 10 to 29 job seekers: read with care",
    "short_history": "less than 12 months of history: no moving average",
}


def flag_text(conditions: dict[str, ir.BooleanValue]) -> ir.StringValue:
    """Space-separated names of the conditions that hold ("" when none does). One CONCAT_WS
    that skips NULLs (DuckDB, PostgreSQL and Spark alike): measured about twice as fast in
    DuckDB as concatenating " name" / "" pieces and trimming the result."""
    null = ibis.null("string")
    parts = [ibis.ifelse(ibis.coalesce(c, False), name, null) for name, c in conditions.items()]
    return ibis.literal(" ").join(parts)


def _suppressed(count: ir.IntegerValue) -> ir.BooleanValue:
    return count.notnull() & (count > 0) & (count < MIN_PEOPLE)


def with_flags(table: ir.Table) -> ir.Table:
    """Add `flags` (space-separated names from FLAGS)."""
    short, interested, experienced = (
        table.job_seekers_short,
        table.interested,
        table.experienced,
    )
    missing = table.open_vacancies.isnull() | short.isnull()
    conditions = {
        "demo": table.is_demo,
        "missing": missing,
        "no_job_seekers": short == 0,
        "no_vacancies": table.open_vacancies == 0,
        "suppressed": _suppressed(short) | _suppressed(interested) | _suppressed(experienced),
        "small": (short >= MIN_PEOPLE) & (short < SMALL_PEOPLE),
        "short_history": table.tension_ratio_ma12.isnull() & table.tension_ratio.notnull(),
    }
    # Flags only: which counts are hidden, and every value that would give one away, is
    # decided once for the whole published table (features/indicators/publish.py).
    return table.mutate(flags=flag_text(conditions))
