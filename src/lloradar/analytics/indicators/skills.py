"""Skill demand vs supply per region x skill x month.

Demand comes from two sources, kept apart so every figure says where it comes from:
- `demand_text`: open vacancy postings whose TEXT asks for the skill (`vacancy_skill` from the
  skills engine at ingest, extractions scoring at least `min_score`; a posting counts once per
  skill). NULL when no posting of the region is open in that month (no text evidence);
- `demand_occupation`: open vacancies of the statistics (`vacancy_stats`) of every occupation
  that carries the skill, weighted 1.0 (essential) or 0.5 (optional). NULL without a statistic.
`demand` combines them: the larger of the two that exist (0 when neither does). The text count
is a floor (each counted posting is a real open vacancy asking for the skill) and the estimate
fills in where the postings cover the market only in part. `demand_source` names the sources
behind the row: `both`, `text`, `occupation` or `none`.

Stock: job seekers (under six months; experienced) whose occupations carry the skill, weighted
the same way. A skill with demand and (almost) no stock is a `real_shortage`. No stock: no ratio
(NULL, never infinity) and the flag `no_stock`. Stock from 1-9 people, or with any occupation
cell of 1-9 people behind it, is suppressed.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from lloradar.analytics.indicators.flags import MIN_PEOPLE, flag_text
from lloradar.analytics.indicators.portable import month_index, ratio

ESSENTIAL_WEIGHT = 1.0
OPTIONAL_WEIGHT = 0.5
# Demand > 0 and weighted stock below this many job seekers: a real shortage (demand, no stock).
# Equal to the suppression limit, so the flag never reveals more than "fewer than 10".
REAL_SHORTAGE_SUPPLY = float(MIN_PEOPLE)
# Lowest skills-engine score of a text extraction that counts as the text asking for the skill.
# The skills engine keeps its top 5 per posting whatever their score; 0.65 is the cut-off
# measured for the same engine on Dutch skill texts (pipeline/courses.py: right answers 0.69 and
# up, wrong ones up to 0.60). It is a parameter, and each stored run records the value it used.
MIN_TEXT_SCORE = 0.65

DEMAND_SOURCES = ("both", "text", "occupation", "none")
SKILL_FLAGS = {
    "demo": "synthetic demo data, not real statistics",
    "suppressed": "stock from fewer than 10 job seekers (or an occupation of 1-9): not shown",
    "no_stock": "no job seekers carry the skill: no demand/supply ratio (not infinity)",
}
SKILL_COLUMNS = [
    "region_code",
    "skill_id",
    "period",
    "demand",
    "demand_source",
    "demand_text",
    "demand_occupation",
    "open_postings",
    "supply_short",
    "supply_experienced",
    "demand_supply_ratio",
    "real_shortage",
    "is_demo",
    "flags",
]
_PARTS = [
    "d_occ",
    "d_text",
    "short",
    "exp",
    "people_short",
    "people_exp",
    "small_short",
    "small_exp",
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


def _parts(table: ir.Table, **values: ir.Value) -> ir.Table:
    """One row shape for every source: the keys, is_demo and each part (NULL when absent)."""
    return table.select(
        table.region_code,
        table.skill_id,
        table.period,
        table.is_demo,
        **{name: values.get(name, ibis.null("float64")).cast("float64") for name in _PARTS},
    )


def _small(count: ir.IntegerValue) -> ir.FloatingValue:
    """1.0 for an occupation cell of 1-9 people (suppressed in the occupation indicators)."""
    return ibis.ifelse((count > 0) & (count < MIN_PEOPLE), 1.0, 0.0)


def _occupation_parts(
    vacancies: ir.Table, supply: ir.Table, weights: ir.Table, provenance: ir.Table | None
) -> ir.Table:
    v = with_demo(vacancies, provenance)
    v = v.join(weights, v.occupation_id == weights.occ)
    s = with_demo(supply, provenance)
    s = s.join(weights, s.occupation_id == weights.occ)
    demand = _parts(v, d_occ=v.open_vacancies.cast("float64") * v.weight)
    stock = _parts(
        s,
        short=s.job_seekers_short.cast("float64") * s.weight,
        exp=s.experienced.cast("float64") * s.weight,
        people_short=s.job_seekers_short,
        people_exp=s.experienced,
        small_short=_small(s.job_seekers_short),
        small_exp=_small(s.experienced),
    )
    return demand.union(stock, distinct=False)


def _calendar(vacancies: ir.Table, supply: ir.Table, postings: ir.Table) -> ir.Table:
    """The months with any fact: a statistic, or a posting posted in it. Closing dates add no
    month (a `validThrough` far ahead would add months that have nothing else)."""
    months = ibis.union(
        *(
            t.select(period=day.cast("date"))  # one nullability, or the union refuses
            for t, day in [
                (vacancies, vacancies.period),
                (supply, supply.period),
                (postings, ibis.date(postings.posted_on.year(), postings.posted_on.month(), 1)),
            ]
        ),
        distinct=True,
    )
    return months.select(months.period, m=month_index(months.period))


def open_postings(postings: ir.Table, calendar: ir.Table, provenance: ir.Table | None) -> ir.Table:
    """One row per posting x month of `calendar` in which it is open: posted in or before the
    month and not closed before it (no closing date: still open). Postings without a region
    are left out (unknown stays unknown)."""
    placed = with_demo(postings.filter(postings.region_code.notnull()), provenance)
    p = placed.select(
        vid=placed.vacancy_id,
        region_code=placed.region_code,
        start=month_index(placed.posted_on),
        end=month_index(placed.closed_on),
        is_demo=placed.is_demo,
    )
    joined = p.join(calendar, (p.start <= calendar.m) & (p.end.isnull() | (p.end >= calendar.m)))
    return joined.select("vid", "region_code", "period", "is_demo")


def text_skill_demand(
    open_: ir.Table, posting_skills: ir.Table, min_score: float = MIN_TEXT_SCORE
) -> ir.Table:
    """Per region x skill x month: open postings whose text asks for the skill (score at least
    `min_score`), each posting once per skill."""
    asked = posting_skills.filter(posting_skills.score >= min_score)
    asked = asked.select(a_vid=asked.vacancy_id, skill_id=asked.skill_id).distinct()
    joined = open_.join(asked, open_.vid == asked.a_vid)
    return joined.group_by("region_code", "skill_id", "period").aggregate(
        d_text=joined.count(), is_demo=joined.is_demo.any()
    )


def skill_demand_supply(
    vacancies: ir.Table,
    supply: ir.Table,
    occupation_skill: ir.Table,
    provenance: ir.Table | None = None,
    postings: ir.Table | None = None,
    posting_skills: ir.Table | None = None,
    *,
    min_score: float = MIN_TEXT_SCORE,
) -> ir.Table:
    """Per region x skill x month: demand from texts and from occupations, their combination,
    the weighted stock of job seekers, the ratio, `real_shortage` and flags (SKILL_COLUMNS)."""
    parts = _occupation_parts(vacancies, supply, _weighted(occupation_skill), provenance)
    coverage = None
    if postings is not None and posting_skills is not None:
        open_ = open_postings(postings, _calendar(vacancies, supply, postings), provenance)
        text = text_skill_demand(open_, posting_skills, min_score)
        parts = parts.union(_parts(text, d_text=text.d_text), distinct=False)
        coverage = open_.group_by(c_region=open_.region_code, c_period=open_.period).aggregate(
            c_open=open_.count(), c_demo=open_.is_demo.any()
        )
    summed = parts.group_by("region_code", "skill_id", "period").aggregate(
        is_demo=parts.is_demo.any(), **{name: parts[name].sum() for name in _PARTS}
    )
    if coverage is None:
        summed = summed.mutate(c_open=ibis.null("int64"), c_demo=ibis.literal(False))
    else:
        summed = summed.left_join(
            coverage,
            (summed.region_code == coverage.c_region) & (summed.period == coverage.c_period),
        ).drop("c_region", "c_period")
    return _measures(summed)


def _measures(summed: ir.Table) -> ir.Table:
    has_text = summed.c_open.notnull()
    d_text = ibis.ifelse(has_text, ibis.coalesce(summed.d_text, 0.0), ibis.null("float64"))
    d_occ = summed.d_occ
    has_occ = d_occ.notnull()
    text0, occ0 = ibis.coalesce(d_text, 0.0), ibis.coalesce(d_occ, 0.0)
    demand = ibis.ifelse(text0 >= occ0, text0, occ0)
    source = ibis.cases(
        (has_text & has_occ, "both"),
        (has_text, "text"),
        (has_occ, "occupation"),
        else_="none",
    )
    short = ibis.coalesce(summed.short, 0.0)
    exp = ibis.coalesce(summed.exp, 0.0)
    people_short = ibis.coalesce(summed.people_short, 0.0)
    people_exp = ibis.coalesce(summed.people_exp, 0.0)
    # Suppressed: 1-9 people in all, or any occupation behind the stock with 1-9 people (the
    # weights are public, so skill rows that share occupations would give that cell back).
    hide_short = ((people_short > 0) & (people_short < MIN_PEOPLE)) | (
        ibis.coalesce(summed.small_short, 0.0) > 0
    )
    hide_exp = ((people_exp > 0) & (people_exp < MIN_PEOPLE)) | (
        ibis.coalesce(summed.small_exp, 0.0) > 0
    )
    is_demo = summed.is_demo | ibis.coalesce(summed.c_demo, False)
    flags = flag_text(
        {"demo": is_demo, "suppressed": hide_short | hide_exp, "no_stock": short == 0}
    )
    null_float = ibis.null("float64")
    result = summed.mutate(
        demand=demand,
        demand_source=source,
        demand_text=d_text.cast("int64"),
        demand_occupation=d_occ,
        open_postings=summed.c_open.cast("int64"),
        supply_short=ibis.ifelse(hide_short, null_float, short),
        supply_experienced=ibis.ifelse(hide_exp, null_float, exp),
        demand_supply_ratio=ibis.ifelse(hide_short, null_float, ratio(demand, short)),
        real_shortage=(demand > 0) & (short < REAL_SHORTAGE_SUPPLY),
        is_demo=is_demo,
        flags=flags,
    )
    return result.select(*SKILL_COLUMNS)
