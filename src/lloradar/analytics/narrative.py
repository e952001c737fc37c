"""Duiding / interpretation: short Dutch or English sentences built only from the numbers a chart
shows, so every sentence can be traced to a value on screen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_decimal

from lloradar.domain import TensionClass

_DUTCH_ADJECTIVE = {
    "zeer ruim": "zeer ruime",
    "ruim": "ruime",
    "gemiddeld": "gemiddelde",
    "krap": "krappe",
    "zeer krap": "zeer krappe",
}


@dataclass(frozen=True, slots=True)
class Point:
    """One month of a tension series; job_seekers None means hidden by disclosure control."""

    period: date
    vacancies: int
    job_seekers: int | None
    ratio: float | None


def month_name(period: date, lang: str) -> str:
    """`januari 2024` in Dutch, `January 2024` in English."""
    return format_date(period, "MMMM y", locale=lang)


def format_int(value: int, lang: str) -> str:
    return format_decimal(value, "#,##0", locale=lang)


def format_ratio(value: float, lang: str) -> str:
    return format_decimal(Decimal(float(value)), "0.00", locale=lang)


def class_label(tension: TensionClass | None, lang: str) -> str:
    if tension is None:
        return "onbekend" if lang == "nl" else "unknown"
    return tension.value if lang == "nl" else tension.label_en


def series_text(place: str, points: Sequence[Point], lang: str) -> list[str]:
    """The latest month, its class, and the change against twelve months before."""
    if not points:
        return ["Er zijn geen cijfers." if lang == "nl" else "There are no figures."]
    last = points[-1]
    month = month_name(last.period, lang)
    vac = format_int(last.vacancies, lang)
    if last.ratio is None:
        if lang == "nl":
            return [
                f"In {month} stonden er in {place} {vac} vacatures open; het aantal "
                "kortdurend werkzoekenden is verborgen (minder dan 10, of een aantal waaruit "
                "zo'n kleine groep af te leiden is), dus er is geen spanningsindicator."
            ]
        return [
            f"In {month} {place} had {vac} open vacancies; the number of short-term job "
            "seekers is hidden (fewer than 10, or a count from which such a small group could "
            "be derived), so there is no tension indicator."
        ]
    seekers = format_int(last.job_seekers or 0, lang)
    ratio = format_ratio(last.ratio, lang)
    cls = class_label(TensionClass.from_ratio(last.ratio), lang)
    if lang == "nl":
        adjective = _DUTCH_ADJECTIVE.get(cls, cls)
        sentences = [
            f"In {month} stonden er in {place} {vac} vacatures open tegenover {seekers} "
            f"kortdurend werkzoekenden: {ratio} vacatures per werkzoekende, een {adjective} markt."
        ]
    else:
        sentences = [
            f"In {month} {place} had {vac} open vacancies against {seekers} short-term job "
            f"seekers: {ratio} vacancies per job seeker, a {cls} market."
        ]
    earlier = next((p for p in points if _months_between(p.period, last.period) == 12), None)
    if earlier is not None and earlier.ratio is not None:
        sentences.append(_trend_sentence(earlier, last.ratio, lang))
    return sentences


def _months_between(a: date, b: date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


def trend_word(before: float, now: float, lang: str) -> str:
    """Krapper / tighter when the ratio rose by more than 5%, ruimer / slacker when it fell."""
    if now > before * 1.05:
        return "krapper" if lang == "nl" else "tighter"
    if now < before * 0.95:
        return "ruimer" if lang == "nl" else "slacker"
    return "ongeveer gelijk" if lang == "nl" else "about the same"


def _trend_sentence(earlier: Point, now: float, lang: str) -> str:
    assert earlier.ratio is not None
    word = trend_word(earlier.ratio, now, lang)
    then = format_ratio(earlier.ratio, lang)
    month = month_name(earlier.period, lang)
    if lang == "nl":
        return f"Een jaar eerder ({month}) was dat {then}: de markt is {word} geworden."
    return f"A year earlier ({month}) it was {then}: the market has become {word}."


def ranking_text(
    place: str,
    tightest: Sequence[tuple[str, float]],
    slackest: Sequence[tuple[str, float]],
    lang: str,
) -> list[str]:
    """Name the tightest and slackest occupations with their ratios."""
    if not tightest:
        return [
            "Er zijn geen beroepen met cijfers." if lang == "nl" else "No occupation has figures."
        ]
    top, low = tightest[0], slackest[0]
    if lang == "nl":
        return [
            f"In {place} is de markt het krapst voor {top[0]} ({format_ratio(top[1], lang)} "
            f"vacatures per werkzoekende) en het ruimst voor {low[0]} "
            f"({format_ratio(low[1], lang)})."
        ]
    return [
        f"In {place} the market is tightest for {top[0]} ({format_ratio(top[1], lang)} vacancies "
        f"per job seeker) and slackest for {low[0]} ({format_ratio(low[1], lang)})."
    ]


def comparison_text(place: str, values: Sequence[tuple[str, float]], lang: str) -> list[str]:
    """Where `place` ranks among the regions, from tightest (1) down."""
    ranked = sorted(values, key=lambda v: -v[1])
    position = next((i for i, v in enumerate(ranked, 1) if v[0] == place), None)
    if position is None or not ranked:
        return ["Geen vergelijking mogelijk." if lang == "nl" else "No comparison possible."]
    top = ranked[0]
    if lang == "nl":
        return [
            f"{place} staat op plaats {position} van {len(ranked)} regio's (1 = krapst); "
            f"het krapst is {top[0]} met {format_ratio(top[1], lang)}."
        ]
    return [
        f"{place} ranks {position} of {len(ranked)} regions (1 = tightest); "
        f"the tightest is {top[0]} at {format_ratio(top[1], lang)}."
    ]


def spread_text(values: Sequence[tuple[str, float]], lang: str) -> list[str]:
    """The tightest and the slackest of a set of regions, for a chart without a highlight."""
    if not values:
        return ["Geen vergelijking mogelijk." if lang == "nl" else "No comparison possible."]
    ranked = sorted(values, key=lambda v: -v[1])
    (top, high), (low, slack) = ranked[0], ranked[-1]
    if lang == "nl":
        return [
            f"Van de {len(ranked)} regio's met cijfers is de markt het krapst in {top} "
            f"({format_ratio(high, lang)} vacatures per werkzoekende) en het ruimst in {low} "
            f"({format_ratio(slack, lang)})."
        ]
    return [
        f"Of the {len(ranked)} regions with figures, the market is tightest in {top} "
        f"({format_ratio(high, lang)} vacancies per job seeker) and slackest in {low} "
        f"({format_ratio(slack, lang)})."
    ]
