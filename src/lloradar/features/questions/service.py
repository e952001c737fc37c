"""Answer a plain-language question from the published figures, or say why it cannot.

The question is parsed (analytics/question.py) into its kind, places, occupations, measure and
month; the answer states the published figures (features/questions/answers.py, rankings.py),
the month, the source and a link to the page that shows them, in the language of the question
(or `lang`). It refuses, with the reason and a suggestion, a question about something else, an
unknown place or occupation (never answering for all occupations or the whole country instead),
a month the figures do not cover, and a hidden count (naming the nearest figure that may be
shown)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lloradar.analytics.narrative import month_name
from lloradar.analytics.question import Kind, Measure, ParsedQuestion, parse_question
from lloradar.analytics.question_words import TREND_PHRASES, has_phrase
from lloradar.features.indicators.service import RadarData, Source
from lloradar.features.questions import answers, courses, outlook, progress, rankings
from lloradar.features.questions.refusals import (
    refuse_entities,
    refuse_kind,
    sector_occupations,
)
from lloradar.features.questions.vocabulary import vocabulary

__all__ = ["Answer", "answer_question", "parse"]


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
    kind: str = Kind.OFF_TOPIC.value
    lang: str = "nl"
    reason: str | None = None  # why it was not answered
    entities: dict[str, Any] = field(default_factory=dict)
    figures: list[dict[str, Any]] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # (label, path)
    suggestions: list[str] = field(default_factory=list)


def parse(data: RadarData, question: str) -> ParsedQuestion:
    words = vocabulary(data)
    return parse_question(question, words.places, words.occupations)


def _period(data: RadarData, parsed: ParsedQuestion) -> date | None:
    """The month asked for: a month and year, the last month of a year, the same month a year
    before ("vorig jaar", unless the question asks for the change), else the latest."""
    latest = data.periods[-1]
    if parsed.since is not None and parsed.kind is Kind.TREND:
        if parsed.until is not None:
            months = [p for p in data.periods if p.year == parsed.until]
            return months[-1] if months else None
        return latest
    if parsed.year is not None:
        months = [p for p in data.periods if p.year == parsed.year]
        if parsed.month is not None:
            months = [p for p in months if p.month == parsed.month]
        return months[-1] if months else None
    if parsed.month is not None:
        months = [p for p in data.periods if p.month == parsed.month]
        return months[-1] if months else None
    if parsed.months_back:
        index = len(data.periods) - 1 - parsed.months_back
        return data.periods[index] if index >= 0 else None
    norm = " ".join(parsed.words)
    if parsed.kind is not Kind.TREND and has_phrase(norm, TREND_PHRASES[:3] + TREND_PHRASES[4:6]):
        earlier = latest.replace(year=latest.year - 1)
        return earlier if earlier in data.periods else None
    return latest


def answer_question(data: RadarData, question: str, lang: str | None = None) -> Answer:
    parsed = parse(data, question)
    lang = lang if lang in ("nl", "en") else parsed.lang
    entities = _entities(data, parsed)
    base: dict[str, Any] = {
        "question": question,
        "kind": parsed.kind.value,
        "lang": lang,
        "entities": entities,
        "is_demo": data.is_demo,
    }
    refused = refuse_entities(data, parsed, lang) or refuse_kind(data, parsed, lang)
    if refused is not None:
        return Answer(
            answered=False,
            text=refused.text,
            reason=refused.reason,
            suggestions=refused.suggestions,
            links=refused.links,
            **base,
        )
    if parsed.kind in (
        Kind.FORECAST,
        Kind.SKILLS,
        Kind.TRANSITIONS,
        Kind.COURSES,
        Kind.INTERVENTION,
    ):
        return _from_services(data, parsed, lang, base)
    if not data.periods:
        return Answer(
            answered=False,
            text="Er zijn geen cijfers." if lang == "nl" else "There are no figures.",
            reason="no_figures",
            **base,
        )
    period = _period(data, parsed)
    if period is None:
        asked = (
            f"{parsed.year}"
            if parsed.year
            else month_name(date(2000, parsed.month or 1, 1), lang).split()[0]
        )
        return _not_covered(data, parsed, lang, base, asked)
    areas = [a for a in (data.area(m.key) for m in parsed.regions) if a is not None]
    if not areas and parsed.national:
        country = data.area(answers.COUNTRY)
        areas = [country] if country else []
    occupations = [o for o in (data.occupation(m.key) for m in parsed.occupations) if o]
    ask = answers.Ask(data, parsed, lang, period, areas, occupations)
    if parsed.sector and not occupations:
        ask.only = frozenset(o.slug for o in sector_occupations(data, parsed.sector))
    if parsed.years_back and parsed.kind is Kind.TREND:
        ask.earlier = period.replace(year=period.year - parsed.years_back)
        if ask.earlier not in data.periods:
            return _not_covered(data, parsed, lang, base, str(ask.earlier.year))
    if parsed.since is not None and parsed.kind is Kind.TREND:
        ask.earlier = period.replace(year=parsed.since)
        if ask.earlier not in data.periods:
            return _not_covered(data, parsed, lang, base, str(parsed.since))
    area = areas[0] if areas else data.area(answers.COUNTRY)
    occ = occupations[0] if occupations else None
    measure = parsed.measure
    if parsed.kind is Kind.RANKING:
        reply = rankings.ranking(ask, areas[0] if areas else None, occ)
    elif parsed.kind is Kind.COMPARISON:
        reply = rankings.comparison(ask)
    elif parsed.kind is Kind.TREND:
        reply = answers.trend(ask, area, occ, measure)
    elif parsed.kind is Kind.COUNT:
        reply = answers.count(ask, area, occ, measure)
    else:
        reply = answers.tension(ask, area, occ)
    notes = _notes(parsed, lang, data)
    text = " ".join([*notes, reply.text])
    sources = [s for s in data.sources if s.table in ("vacancy_stats", "labour_supply")]
    entities["period"] = period.strftime("%Y-%m")
    return Answer(
        answered=reply.answered,
        text=text,
        figure=reply.figure,
        tension=reply.tension,
        trend=reply.trend,
        period=period,
        region=ask.place(area) if parsed.kind is not Kind.RANKING else None,
        occupation=ask.what(occ),
        sources=sources,
        reason=reply.reason,
        figures=ask.rows,
        links=_links(ask, parsed),
        **base,
    )


def _not_covered(
    data: RadarData, parsed: ParsedQuestion, lang: str, base: dict[str, Any], asked: str
) -> Answer:
    first, last = data.periods[0], data.periods[-1]
    return Answer(
        answered=False,
        text=f"Er zijn geen cijfers voor {asked}; de radar heeft cijfers van "
        f"{month_name(first, lang)} tot en met {month_name(last, lang)}."
        if lang == "nl"
        else f"There are no figures for {asked}; the radar covers {month_name(first, lang)} "
        f"to {month_name(last, lang)}.",
        reason="period_not_covered",
        suggestions=[month_name(last, lang)],
        **base,
    )


def _from_services(
    data: RadarData, parsed: ParsedQuestion, lang: str, base: dict[str, Any]
) -> Answer:
    """Forecast, skills and transitions: answered from those features' services."""
    areas = [a for a in (data.area(m.key) for m in parsed.regions) if a is not None]
    occupations = [o for o in (data.occupation(m.key) for m in parsed.occupations) if o]
    period = data.periods[-1] if data.periods else date.today()
    ask = answers.Ask(data, parsed, lang, period, areas, occupations)
    if parsed.kind is Kind.FORECAST:
        reply = outlook.forecast(ask)
        links = [
            (
                f"{a.name}: prognose" if ask.nl else f"{a.name}: forecast",
                f"/regio/{a.code}/prognose",
            )
            for a in areas
        ]
        links += [(o.label(lang), f"/beroep/{o.slug}/prognose") for o in occupations]
    elif parsed.kind is Kind.SKILLS:
        reply = outlook.occupation_skills(ask)
        links = [(o.label(lang), f"/beroep/{o.slug}") for o in occupations]
        links += [(a.name, f"/regio/{a.code}") for a in areas]
    elif parsed.kind is Kind.INTERVENTION:
        reply, links = progress.progress(ask)
    elif parsed.kind is Kind.COURSES:
        reply = courses.courses(ask)
        links = [("Cursussen" if ask.nl else "Courses", "/cursussen")]
    else:
        reply = outlook.transitions(ask)
        links = [("Loopbaannavigator" if ask.nl else "Career navigator", "/loopbaan")]
    return Answer(
        answered=reply.answered,
        text=" ".join([*_notes(parsed, lang, data), reply.text]),
        figure=reply.figure,
        trend=reply.trend,
        reason=reply.reason,
        figures=ask.rows,
        links=links,
        **base,
    )


def _entities(data: RadarData, parsed: ParsedQuestion) -> dict[str, Any]:
    regions = []
    for m in parsed.regions:
        area = data.area(m.key)
        if area is not None:
            regions.append(
                {
                    "code": area.code,
                    "name": area.name,
                    "level": area.level.value,
                    "named_as": m.words,
                    "via": m.via,
                }
            )
    if not regions and parsed.national:
        regions.append(
            {
                "code": answers.COUNTRY,
                "name": "Nederland",
                "level": "land",
                "named_as": "",
                "via": None,
            }
        )
    occupations = []
    for m in parsed.occupations:
        occ = data.occupation(m.key)
        if occ is not None:
            occupations.append(
                {
                    "slug": occ.slug,
                    "label_nl": occ.label_nl,
                    "label_en": occ.label_en,
                    "named_as": m.words,
                }
            )
    return {
        "regions": regions,
        "occupations": occupations,
        "measure": parsed.measure.value,
        "year": parsed.year,
        "month": parsed.month,
        "unknown_place": parsed.unknown_place,
        "unknown_occupation": parsed.unknown_occupation,
    }


def _notes(parsed: ParsedQuestion, lang: str, data: RadarData) -> list[str]:
    """How a place or an occupation was read, when not by its own name."""
    notes = []
    for m in parsed.regions:
        area = data.area(m.key)
        if m.via and area is not None:
            notes.append(
                f"{m.via} valt in de arbeidsmarktregio {area.name}."
                if lang == "nl"
                else f"{m.via} lies in the labour-market region {area.name}."
            )
    for m in parsed.occupations:
        occ = data.occupation(m.key)
        if occ is not None and not m.whole:
            notes.append(
                f"Ik lees '{m.words}' als {occ.label(lang)}."
                if lang == "nl"
                else f"I read '{m.words}' as {occ.label(lang)}."
            )
    return notes


def _links(ask: answers.Ask, parsed: ParsedQuestion) -> list[tuple[str, str]]:
    links = [(a.name, f"/regio/{a.code}") for a in ask.areas]
    links += [(o.label(ask.lang), f"/beroep/{o.slug}") for o in ask.occupations]
    if not links:
        links.append(("Nederland" if ask.nl else "the Netherlands", f"/regio/{answers.COUNTRY}"))
    if parsed.measure is Measure.UNSUPPORTED:
        return []
    return links
