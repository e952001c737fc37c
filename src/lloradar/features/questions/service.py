"""Answer a plain-language question from the radar's figures, or say why it cannot: the figure,
its class, its trend and its source, never a number the data does not hold."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from lloradar.analytics.narrative import (
    class_label,
    format_int,
    format_ratio,
    month_name,
    trend_word,
)
from lloradar.analytics.question import Measure, Named, ParsedQuestion, parse_question
from lloradar.features.indicators.service import RadarData, Source


@dataclass(frozen=True, slots=True)
class Answer:
    question: str
    answered: bool
    text: str
    figure: str | None = None
    tension: str | None = None
    trend: str | None = None
    period: date | None = None
    region: str | None = None
    occupation: str | None = None
    is_demo: bool = False
    sources: list[Source] = field(default_factory=list)


def parse(data: RadarData, question: str) -> ParsedQuestion:
    regions = [Named(r.code, (r.name,)) for r in data.regions]
    occupations = [Named(o.slug, (o.label_nl, o.label_en)) for o in data.occupations]
    return parse_question(question, regions, occupations)


def _refuse(question: str, text: str) -> Answer:
    return Answer(question=question, answered=False, text=text)


def answer_question(data: RadarData, question: str, lang: str = "nl") -> Answer:
    nl = lang == "nl"
    parsed = parse(data, question)
    if parsed.measure is Measure.UNSUPPORTED:
        return _refuse(
            question,
            f"De radar heeft geen cijfers over '{parsed.unsupported_word}': alleen vacatures, "
            "kortdurend werkzoekenden en de spanning daartussen."
            if nl
            else f"The radar holds no figures on '{parsed.unsupported_word}': only vacancies, "
            "short-term job seekers and the tension between them.",
        )
    if parsed.region is None and parsed.occupation is None and not parsed.national:
        return _refuse(
            question,
            "Ik herken in deze vraag geen arbeidsmarktregio en geen beroep, dus ik kan er geen "
            "cijfer bij geven. Probeer bijvoorbeeld: 'hoe krap is de markt voor "
            "verpleegkundigen in Twente?'"
            if nl
            else "I recognise no labour-market region and no occupation in this question, so I "
            "cannot give a figure. Try for example: 'how tight is the market for nurses in "
            "Twente?'",
        )
    periods = [p for p in data.periods if parsed.year is None or p.year == parsed.year]
    if not periods:
        first, last = data.periods[0].year, data.periods[-1].year
        return _refuse(
            question,
            f"Er zijn geen cijfers voor {parsed.year}; de radar heeft {first} tot en met {last}."
            if nl
            else f"There are no figures for {parsed.year}; the radar covers {first} to {last}.",
        )
    return _answer(data, parsed, periods[-1], lang)


def _answer(data: RadarData, parsed: ParsedQuestion, period: date, lang: str) -> Answer:
    nl = lang == "nl"
    region = data.region(parsed.region) if parsed.region else None
    occupation = data.occupation(parsed.occupation) if parsed.occupation else None
    place = region.name if region else ("Nederland" if nl else "the Netherlands")
    what = occupation.label(lang) if occupation else ("alle beroepen" if nl else "all occupations")
    figures = data.figures(parsed.region, parsed.occupation, period)
    if figures is None:
        return _refuse(
            parsed.text,
            f"Er zijn geen cijfers voor {what} in {place}."
            if nl
            else f"There are no figures for {what} in {place}.",
        )
    month = month_name(period, lang)
    base = dict(
        question=parsed.text,
        period=period,
        region=place,
        occupation=what,
        is_demo=figures.is_demo,
        sources=[s for s in data.sources if s.table in ("vacancy_stats", "labour_supply")],
    )
    if parsed.measure is Measure.VACANCIES:
        figure = format_int(figures.vacancies, lang)
        text = (
            f"In {month} stonden er voor {what} in {place} {figure} vacatures open."
            if nl
            else f"In {month} there were {figure} open vacancies for {what} in {place}."
        )
        return Answer(answered=True, text=text, figure=figure, **base)  # type: ignore[arg-type]
    if figures.job_seekers is None:
        return Answer(
            answered=False,
            text=f"Het aantal kortdurend werkzoekenden voor {what} in {place} in {month} is "
            "verborgen, en daarmee de spanning: het zijn er minder dan 10, of uit dit aantal zou "
            "zo'n kleine groep af te leiden zijn (privacy)."
            if nl
            else f"The number of short-term job seekers for {what} in {place} in {month} is "
            "hidden, and with it the tension: there are fewer than 10, or such a small group "
            "could be derived from it (privacy).",
            **base,  # type: ignore[arg-type]
        )
    if parsed.measure is Measure.JOB_SEEKERS:
        figure = format_int(figures.job_seekers, lang)
        text = (
            f"In {month} waren er voor {what} in {place} {figure} kortdurend werkzoekenden."
            if nl
            else f"In {month} there were {figure} short-term job seekers for {what} in {place}."
        )
        return Answer(answered=True, text=text, figure=figure, **base)  # type: ignore[arg-type]
    ratio = figures.ratio
    assert ratio is not None
    cls = class_label(figures.tension, lang)
    year_before = data.figures(
        parsed.region, parsed.occupation, period.replace(year=period.year - 1)
    )
    trend = None
    if year_before is not None and year_before.ratio is not None:
        trend = trend_word(year_before.ratio, ratio, lang)
    figure = format_ratio(ratio, lang)
    if nl:
        text = (
            f"De markt voor {what} in {place} is {cls}: in {month} {figure} vacatures per "
            f"kortdurend werkzoekende ({format_int(figures.vacancies, lang)} vacatures, "
            f"{format_int(figures.job_seekers, lang)} werkzoekenden)."
        )
        if trend:
            text += f" Ten opzichte van een jaar eerder: {trend}."
    else:
        text = (
            f"The market for {what} in {place} is {cls}: in {month} {figure} vacancies per "
            f"short-term job seeker ({format_int(figures.vacancies, lang)} vacancies, "
            f"{format_int(figures.job_seekers, lang)} job seekers)."
        )
        if trend:
            text += f" Compared with a year earlier: {trend}."
    return Answer(answered=True, text=text, figure=figure, tension=cls, trend=trend, **base)  # type: ignore[arg-type]
