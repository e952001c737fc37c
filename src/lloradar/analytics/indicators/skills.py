"""Skill demand vs supply per region x skill x month: skills asked in vacancies (through the
occupations of the vacancies) against skills present among job seekers (through their
occupations). A skill with demand and (almost) no stock is a `real_shortage`."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from lloradar.analytics.indicators.flags import MIN_PEOPLE, flag_text
from lloradar.analytics.indicators.portable import ratio

ESSENTIAL_WEIGHT = 1.0
OPTIONAL_WEIGHT = 0.5
# Demand > 0 and weighted supply below this many people: a real shortage (demand, no stock).
# Equal to the suppression limit, so the flag never reveals more than "fewer than 10".
REAL_SHORTAGE_SUPPLY = float(MIN_PEOPLE)

SKILL_COLUMNS = [
    "region_code",
    "skill_id",
    "period",
    "demand",
    "supply_short",
    "supply_experienced",
    "demand_supply_ratio",
    "real_shortage",
    "is_demo",
    "flags",
]


def _weighted(occupation_skill: ir.Table) -> ir.Table:
    weight = ibis.ifelse(
        occupation_skill.relation == "essential", ESSENTIAL_WEIGHT, OPTIONAL_WEIGHT
    )
    return occupation_skill.select(
        occ=occupation_skill.occupation_id, skill_id=occupation_skill.skill_id, weight=weight
    )


def with_demo(facts: ir.Table, provenance: ir.Table | None) -> ir.Table:
    """`is_demo` per fact row from its provenance (False without a provenance table)."""
    if provenance is None:
        return facts.mutate(is_demo=ibis.literal(False))
    p = provenance.select(p_source=provenance.source_id, p_demo=provenance.is_demo)
    joined = facts.left_join(p, facts.source_id == p.p_source)
    return joined.mutate(is_demo=ibis.coalesce(joined.p_demo, False)).drop("p_source", "p_demo")


def _per_skill(facts: ir.Table, weights: ir.Table, **counts: str) -> ir.Table:
    joined = facts.join(weights, facts.occupation_id == weights.occ)
    zero = ibis.literal(0.0)
    return joined.select(
        joined.region_code,
        joined.skill_id,
        joined.period,
        joined.is_demo,
        **{
            name: (joined[column].cast("float64") * joined.weight) if column else zero
            for name, column in counts.items()
        },
    )


def skill_demand_supply(
    vacancies: ir.Table,
    supply: ir.Table,
    occupation_skill: ir.Table,
    provenance: ir.Table | None = None,
) -> ir.Table:
    """Per region x skill x period: weighted open vacancies (demand), weighted short-term and
    experienced job seekers (supply), their ratio, `real_shortage` and flags."""
    weights = _weighted(occupation_skill)
    demand = _per_skill(
        with_demo(vacancies, provenance),
        weights,
        demand="open_vacancies",
        supply_short="",
        supply_experienced="",
    )
    stock = _per_skill(
        with_demo(supply, provenance),
        weights,
        demand="",
        supply_short="job_seekers_short",
        supply_experienced="experienced",
    )
    both = demand.union(stock, distinct=False)
    summed = both.group_by("region_code", "skill_id", "period").aggregate(
        demand=both.demand.sum(),
        supply_short=both.supply_short.sum(),
        supply_experienced=both.supply_experienced.sum(),
        is_demo=both.is_demo.any(),
    )
    short, exp = summed.supply_short, summed.supply_experienced
    hide_short = (short > 0) & (short < MIN_PEOPLE)
    hide_exp = (exp > 0) & (exp < MIN_PEOPLE)
    real_shortage = (summed.demand > 0) & (short < REAL_SHORTAGE_SUPPLY)
    flags = flag_text({"demo": summed.is_demo, "suppressed": hide_short | hide_exp})
    null_float = ibis.null("float64")
    return summed.mutate(
        demand_supply_ratio=ibis.ifelse(hide_short, null_float, ratio(summed.demand, short)),
        supply_short=ibis.ifelse(hide_short, null_float, short),
        supply_experienced=ibis.ifelse(hide_exp, null_float, exp),
        real_shortage=real_shortage,
        flags=flags,
    ).select(*SKILL_COLUMNS)
