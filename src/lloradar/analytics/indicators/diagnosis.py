"""Shortage diagnosis per region x occupation over the latest 12 months, in the spirit of the
German Engpassanalyse: several indicators each scored 0 (no sign of shortage) .. 2 (strong
sign), combined into a mean score and a class, and the likely driver named."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from lloradar.analytics.indicators.flags import MIN_PEOPLE, flag_text
from lloradar.analytics.indicators.portable import month_index, ratio
from lloradar.analytics.indicators.skills import with_demo

WINDOW_MONTHS = 12
# score -> (threshold for 2, threshold for 1); `high` scales score a high value as shortage.
SCALES: dict[str, tuple[float, float, bool]] = {
    "tension_ratio": (1.5, 0.67, True),  # open vacancies / short-term job seekers (UWV krap)
    "days_open": (60.0, 30.0, True),  # days a filled vacancy was open
    "fill_rate": (0.5, 0.8, False),  # filled / new vacancies: below 0.5 -> 2, below 0.8 -> 1
    "interested_per_vacancy": (1.0, 3.0, False),  # below 1 -> 2, below 3 -> 1
    "experienced_per_vacancy": (1.0, 3.0, False),
    "long_term_share": (0.2, 0.4, False),  # long / all job seekers: few long-term -> shortage
}
SHORTAGE, SIGNS = 1.5, 1.0  # mean score from 1.5: shortage; from 1.0: signs of shortage
TOO_FEW_PEOPLE = "too few people"
WRONG_SKILLS = "wrong skills"
POOR_CONDITIONS = "poor conditions / retention"
NO_ONE_TRAINED = "no one trained"
UNCLEAR = "unclear"
NONE = "none"
EDUCATION_UNAVAILABLE = "unavailable"

DIAGNOSIS_COLUMNS = [
    "region_code",
    "occupation_id",
    "months",
    *SCALES,
    *(f"{name}_score" for name in SCALES),
    "score",
    "diagnosis",
    "driver",
    "education_signal",
    "is_demo",
    "flags",
]


def _score(value: ir.FloatingValue, name: str) -> ir.IntegerValue:
    two, one, high = SCALES[name]
    null = ibis.null("int64")
    if high:
        return ibis.cases((value.isnull(), null), (value >= two, 2), (value >= one, 1), else_=0)
    return ibis.cases((value.isnull(), null), (value < two, 2), (value < one, 1), else_=0)


def _people(count: ir.IntegerValue) -> ir.IntegerValue:
    """A sum of people, NULL when 1..9 (suppressed)."""
    return ibis.ifelse((count > 0) & (count < MIN_PEOPLE), ibis.null("int64"), count)


def shortage_diagnosis(
    vacancies: ir.Table,
    supply: ir.Table,
    education: ir.Table | None = None,
    provenance: ir.Table | None = None,
) -> ir.Table:
    """One row per region x occupation. `education` (region_code, occupation_id,
    graduates_per_vacancy) is optional: without it `education_signal` is 'unavailable' and the
    driver 'no one trained' is never named."""
    vacancies, supply = with_demo(vacancies, provenance), with_demo(supply, provenance)
    last = month_index(vacancies.period).max().as_scalar()
    recent_v = vacancies.filter(month_index(vacancies.period) > last - WINDOW_MONTHS)
    recent_s = supply.filter(month_index(supply.period) > last - WINDOW_MONTHS)
    v = recent_v.group_by("region_code", "occupation_id").aggregate(
        months=recent_v.count(),
        open_=recent_v.open_vacancies.sum().cast("int64"),
        new_=recent_v.new_vacancies.sum().cast("int64"),
        filled_=recent_v.filled_vacancies.sum().cast("int64"),
        days_open=recent_v.days_open_filled.mean(),
        demo_v=recent_v.is_demo.any(),
    )
    s = recent_s.group_by("region_code", "occupation_id").aggregate(
        short_=recent_s.job_seekers_short.sum().cast("int64"),
        long_=recent_s.job_seekers_long.sum().cast("int64"),
        interested_=recent_s.interested.sum().cast("int64"),
        experienced_=recent_s.experienced.sum().cast("int64"),
        demo_s=recent_s.is_demo.any(),
    )
    s = s.rename(s_region="region_code", s_occupation="occupation_id")
    t = v.join(s, (v.region_code == s.s_region) & (v.occupation_id == s.s_occupation))
    short, interested, experienced = (
        _people(t.short_),
        _people(t.interested_),
        _people(t.experienced_),
    )
    suppressed = short.isnull() | interested.isnull() | experienced.isnull()
    t = t.mutate(
        tension_ratio=ratio(t.open_, short),
        days_open=t.days_open.cast("float64"),
        fill_rate=ratio(t.filled_, t.new_),
        interested_per_vacancy=ratio(interested, t.open_),
        experienced_per_vacancy=ratio(experienced, t.open_),
        long_term_share=ratio(_people(t.long_), short + _people(t.long_)),
        is_demo=t.demo_v | t.demo_s,
        flags=flag_text({"demo": t.demo_v | t.demo_s, "suppressed": suppressed}),
    )
    t = t.mutate(**{f"{name}_score": _score(t[name], name) for name in SCALES})
    scores = [t[f"{name}_score"] for name in SCALES]
    total = sum((ibis.coalesce(x, 0) for x in scores[1:]), ibis.coalesce(scores[0], 0))
    # ifelse, not cast: PostgreSQL cannot cast a boolean to an integer
    flags = [ibis.ifelse(x.notnull(), 1, 0) for x in scores]
    present = sum(flags[1:], flags[0])
    t = t.mutate(score=ratio(total, present))
    if education is None:
        t = t.mutate(
            education_signal=ibis.literal(EDUCATION_UNAVAILABLE), edu_score=ibis.null("int64")
        )
    else:
        e = education.select(
            e_region=education.region_code,
            e_occupation=education.occupation_id,
            graduates_per_vacancy=education.graduates_per_vacancy.cast("float64"),
        )
        t = t.left_join(e, (t.region_code == e.e_region) & (t.occupation_id == e.e_occupation))
        gpv = t.graduates_per_vacancy
        t = t.mutate(
            education_signal=ibis.ifelse(gpv.isnull(), EDUCATION_UNAVAILABLE, "available"),
            edu_score=_score(gpv, "interested_per_vacancy"),
        )
    diagnosis = ibis.cases(
        (t.score.isnull(), ibis.null("string")),
        (t.score >= SHORTAGE, "shortage"),
        (t.score >= SIGNS, "signs of shortage"),
        else_="no shortage",
    )
    i_s, e_s = t.interested_per_vacancy_score, t.experienced_per_vacancy_score
    slow = (t.days_open_score == 2) | (t.fill_rate_score == 2)
    driver = ibis.cases(
        (t.score.isnull(), ibis.null("string")),
        (t.score < SIGNS, NONE),
        ((i_s == 2) & (e_s == 2), TOO_FEW_PEOPLE),
        ((e_s == 0) & slow, POOR_CONDITIONS),
        ((e_s == 2) & (i_s <= 1), WRONG_SKILLS),
        (t.edu_score == 2, NO_ONE_TRAINED),
        else_=UNCLEAR,
    )
    return t.mutate(diagnosis=diagnosis, driver=driver).select(*DIAGNOSIS_COLUMNS)
