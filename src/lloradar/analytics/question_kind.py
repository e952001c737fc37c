"""What a question asks, from its words alone: the measure (tension, vacancies, job seekers,
interested, experienced, or one the radar does not hold), the kind of question, the period and
the length of a ranking. Pure; used by analytics/question.py."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from enum import StrEnum

from lloradar.analytics import question_words as w
from lloradar.analytics.question_entities import Mention


class Measure(StrEnum):
    TENSION = "tension"
    VACANCIES = "vacancies"
    JOB_SEEKERS = "job_seekers"
    INTERESTED = "interested"
    EXPERIENCED = "experienced"
    UNSUPPORTED = "unsupported"


class Kind(StrEnum):
    TENSION = "tension"
    COUNT = "count"
    RANKING = "ranking"
    COMPARISON = "comparison"
    TREND = "trend"
    FORECAST = "forecast"
    SKILLS = "skills"
    COURSES = "courses"
    TRANSITIONS = "transitions"
    INTERVENTION = "intervention"
    OFF_TOPIC = "off_topic"


# Words that make a question one about the labour market (or the radar's other figures).
_ABOUT = (
    w.TOPIC
    | w.FORECAST_WORDS
    | w.SKILL_WORDS
    | w.COURSE_WORDS
    | w.TRANSITION_WORDS
    | w.INTERVENTION_WORDS
)


def measure_of(words: set[str], norm: str) -> tuple[Measure, str | None]:
    hit = next((x for x in w.UNSUPPORTED_WORDS if x in words), None)
    if hit:
        return Measure.UNSUPPORTED, hit
    if w.has_phrase(norm, w.INTERESTED_PHRASES):
        return Measure.INTERESTED, None
    if words & w.EXPERIENCED_WORDS:
        return Measure.EXPERIENCED, None
    if words & w.INTERESTED_WORDS:
        return Measure.INTERESTED, None
    if w.has_phrase(norm, w.JOB_SEEKER_PHRASES) and not words & w.VACANCY_WORDS:
        return Measure.JOB_SEEKERS, None
    if words & w.VACANCY_WORDS and words & w.JOB_SEEKER_WORDS:
        return Measure.TENSION, None  # vacancies per job seeker
    for measure, vocabulary in (
        (Measure.INTERESTED, w.INTERESTED_WORDS),
        (Measure.EXPERIENCED, w.EXPERIENCED_WORDS),
        (Measure.JOB_SEEKERS, w.JOB_SEEKER_WORDS),
        (Measure.VACANCIES, w.VACANCY_WORDS),
    ):
        if words & vocabulary:
            return measure, None
    return Measure.TENSION, None


def period_of(norm: str, words: list[str]) -> tuple[int | None, int | None]:
    year_match = re.search(r"\b(19|20)\d{2}\b", norm)
    year = int(year_match.group(0)) if year_match else None
    month = None
    for i, word in enumerate(words):
        if word in w.MONTHS and (word != "mei" or year is not None) and word != "may":
            month = w.MONTHS[word]
        elif word == "may" and i + 1 < len(words) and words[i + 1].isdigit():
            month = 5
    return year, month


def limit_of(words: list[str]) -> int:
    for i, word in enumerate(words):
        if word.isdigit() and len(word) <= 2 and 1 <= int(word) <= 20:
            return int(word)
        if word in w.NUMBER_WORDS and (i + 1 < len(words) and words[i + 1] in _LISTED):
            return w.NUMBER_WORDS[word]
    return 5


_LISTED = (
    w.OCCUPATION_LIST | w.REGION_LIST | frozenset(["krapste", "ruimste", "tightest", "slackest"])
)


def kind_of(
    words: set[str],
    norm: str,
    measure: Measure,
    regions: Sequence[Mention],
    occupations: Sequence[Mention],
) -> Kind:
    if not (words & _ABOUT) and not occupations and measure is Measure.TENSION:
        return Kind.OFF_TOPIC
    if words & w.INTERVENTION_WORDS and not occupations:
        return Kind.INTERVENTION
    if (
        words & w.FORECAST_WORDS
        or w.has_phrase(norm, w.FORECAST_PHRASES)
        or re.search(r"\b20[3-9]\d\b", norm)
    ):
        return Kind.FORECAST
    if words & w.TRANSITION_WORDS or w.has_phrase(norm, ("lijkt op", "close to", "instead of")):
        return Kind.TRANSITIONS
    if words & w.COURSE_WORDS:
        return Kind.COURSES
    if words & w.SKILL_WORDS:
        return Kind.SKILLS
    if words & w.RANKING_WORDS and not (len(regions) > 1 or len(occupations) > 1):
        return Kind.RANKING
    several = len(regions) > 1 or len(occupations) > 1
    if (
        (words & {"welke", "which", "waar", "where"})
        and (words & (w.OCCUPATION_LIST | w.REGION_LIST))
        and not several
    ):
        return Kind.RANKING
    if w.has_phrase(norm, w.RANKING_PHRASES) and not several:
        return Kind.RANKING
    if (
        words & w.TREND_WORDS
        or w.has_phrase(norm, w.TREND_MOVES)
        or (words & w.BECOMING and words & w.COMPARATIVES)
        or (
            w.has_phrase(norm, w.TREND_PHRASES)
            and words & (w.COMPARISON_WORDS | {"sinds", "since"})
        )
    ):
        return Kind.TREND
    if len(regions) > 1 or len(occupations) > 1:
        return Kind.COMPARISON
    if measure not in (Measure.TENSION, Measure.UNSUPPORTED):
        return Kind.COUNT
    if words & w.TOPIC or occupations:
        return Kind.TENSION
    return Kind.OFF_TOPIC


def ranks_regions(words: list[str]) -> bool:
    """ "welke regio's", "in which province", "waar": a ranking of places."""
    if w.has_phrase(" ".join(words), w.RANKING_PHRASES[3:]):  # per regio, by province
        return True
    said = set(words)
    if said & {"regios", "regions", "provincies", "provinces", "arbeidsmarktregios", "areas"}:
        return True
    after_which = {
        b for a, b in itertools.pairwise(words) if a in {"welke", "which"} | w.RANKING_WORDS
    }
    if after_which & {"regio", "region", "provincie", "province", "arbeidsmarktregio", "area"}:
        return True
    return bool(said & {"waar", "where"}) and not after_which & w.OCCUPATION_LIST
