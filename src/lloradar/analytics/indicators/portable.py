"""The portable subset of Ibis that every indicator uses, so one expression runs unchanged on
DuckDB, PostgreSQL and Spark: one division helper, one classing helper, an allowed-function list."""

from __future__ import annotations

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.operations as ops
import ibis.expr.types as ir

from lloradar.domain import TensionClass

# Aggregates and window functions the indicators may use. Not allowed: first/last/arbitrary
# (missing on PostgreSQL), mode() and other ordered aggregates (missing on Spark).
ALLOWED_FUNCTIONS = frozenset(
    {
        "sum",
        "count",
        "mean",
        "median",
        "max",
        "min",
        "any",
        "rank",
        "lag",
        "cast",
        "nullif",
        "coalesce",
        "concat_ws",
    }
)
FORBIDDEN_FUNCTIONS = frozenset({"first", "last", "arbitrary", "mode", "approx_median"})

# UWV's boundaries, highest first: above 4.0 very tight, above 1.5 tight, from 0.67 average,
# from 0.25 slack, below that very slack. Must agree with TensionClass.from_ratio.
_BOUNDARIES: list[tuple[float, bool, TensionClass]] = [
    (4.0, False, TensionClass.ZEER_KRAP),
    (1.5, False, TensionClass.KRAP),
    (0.67, True, TensionClass.GEMIDDELD),
    (0.25, True, TensionClass.RUIM),
]


def ratio(numerator: ir.NumericValue, denominator: ir.NumericValue) -> ir.FloatingValue:
    """numerator / denominator as float; NULL (never infinity, never an error) when the
    denominator is 0 or NULL. PostgreSQL would divide integers, Spark would raise on 0."""
    num = numerator.cast("float64")
    den = denominator.cast("float64").nullif(0.0)
    return num / den


def tension_class(value: ir.FloatingValue) -> ir.StringValue:
    """The UWV class of a ratio; a missing ratio has no class (NULL is not a class)."""
    branches: list[tuple[ir.BooleanValue, ir.Value]] = [(value.isnull(), ibis.null("string"))]
    for bound, inclusive, cls in _BOUNDARIES:
        test = value >= bound if inclusive else value > bound
        branches.append((test, ibis.literal(cls.value)))
    return ibis.cases(*branches, else_=ibis.literal(TensionClass.ZEER_RUIM.value))


def month_index(period: ir.DateValue) -> ir.IntegerValue:
    """Months since year 0: consecutive months differ by one on every engine."""
    return period.year().cast("int64") * 12 + period.month().cast("int64")


def int64_sum(value: ir.IntegerValue) -> ir.IntegerValue:
    """sum() as a real BIGINT on every engine. Ibis types the sum of int64 as int64 and drops
    `.cast("int64")` as a no-op, but DuckDB sums BIGINT into HUGEINT (128 bit) and PostgreSQL
    into NUMERIC, which then travel through every later operator (measured: slower); so the
    cast is written out explicitly."""
    cast: ir.IntegerValue = ops.Cast(value.sum(), to=dt.int64).to_expr()
    return cast
