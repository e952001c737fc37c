"""Quality flags on every value, and disclosure control: a value derived from fewer than 10
people is suppressed (NULL with the flag `suppressed`), never shown as a zero."""

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
    "suppressed": "derived from fewer than 10 people: value not shown",
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
    """Add `flags` (space-separated names from FLAGS) and blank out suppressed values."""
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
    flags = flag_text(conditions)
    null_float, null_int = ibis.null("float64"), ibis.null("int64")
    hide_short = _suppressed(short)
    return table.mutate(
        flags=flags,
        job_seekers_short=ibis.ifelse(hide_short, null_int, short),
        interested=ibis.ifelse(_suppressed(interested), null_int, interested),
        experienced=ibis.ifelse(_suppressed(experienced), null_int, experienced),
        job_seekers_long=ibis.ifelse(
            _suppressed(table.job_seekers_long), null_int, table.job_seekers_long
        ),
        tension_ratio=ibis.ifelse(hide_short, null_float, table.tension_ratio),
        tension_class=ibis.ifelse(hide_short, ibis.null("string"), table.tension_class),
        tension_rank=ibis.ifelse(hide_short, null_int, table.tension_rank),
        # Trends of a suppressed ratio would give it back (ratio = last year's + change).
        tension_ratio_yoy=ibis.ifelse(hide_short, null_float, table.tension_ratio_yoy),
        tension_ratio_ma12=ibis.ifelse(hide_short, null_float, table.tension_ratio_ma12),
        interested_per_vacancy=ibis.ifelse(
            _suppressed(interested), null_float, table.interested_per_vacancy
        ),
        experienced_per_vacancy=ibis.ifelse(
            _suppressed(experienced), null_float, table.experienced_per_vacancy
        ),
    )
