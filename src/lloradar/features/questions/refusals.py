"""Why a question is not answered, with a suggestion: a measure the radar does not hold, a
question about something else, a place or an occupation it does not know (never replaced by the
whole country or all occupations), or a kind of question answered on another page."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lloradar.analytics.question import Kind, Measure, ParsedQuestion, normalise
from lloradar.analytics.question_words import SECTORS
from lloradar.features.indicators.service import RadarData
from lloradar.features.questions import aliases
from lloradar.services.suggest import closest

EXAMPLE = {
    "nl": "Probeer bijvoorbeeld: 'Hoe krap is de markt voor verpleegkundigen in Twente?' of "
    "'Welke beroepen zijn het krapst in Groningen?'",
    "en": "Try for example: 'How tight is the market for nurses in Twente?' or 'Which "
    "occupations are tightest in Groningen?'",
}


@dataclass(frozen=True, slots=True)
class Refusal:
    text: str
    reason: str
    suggestions: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)


def refuse_entities(data: RadarData, parsed: ParsedQuestion, lang: str) -> Refusal | None:
    nl = lang == "nl"
    if parsed.measure is Measure.UNSUPPORTED and parsed.unsupported_word == "workers":
        return Refusal(
            "De radar telt geen werkenden per beroep: hij heeft openstaande vacatures, "
            "kortdurend werkzoekenden, belangstellenden en de spanning daartussen. Vraag "
            "bijvoorbeeld: 'Hoeveel werkzoekenden zijn er voor lassers in Twente?'"
            if nl
            else "The radar does not count people working in an occupation: it holds open "
            "vacancies, short-term job seekers, interested job seekers and the tension between "
            "them. Ask for example: 'How many job seekers are there for welders in Twente?'",
            "unsupported_measure",
        )
    if parsed.measure is Measure.UNSUPPORTED:
        return Refusal(
            f"De radar heeft geen cijfers over '{parsed.unsupported_word}': alleen vacatures, "
            "kortdurend werkzoekenden, belangstellenden en de spanning daartussen, per regio en "
            "beroep."
            if nl
            else f"The radar holds no figures on '{parsed.unsupported_word}': only vacancies, "
            "short-term job seekers, interested job seekers and the tension between them, by "
            "region and occupation.",
            "unsupported_measure",
        )
    unknown = parsed.unknown_occupation
    if parsed.kind is Kind.OFF_TOPIC:
        return Refusal(
            "Deze vraag gaat niet over de arbeidsmarkt, of ik herken er geen beroep en geen "
            f"vraag over vacatures, werkzoekenden of krapte in. {EXAMPLE['nl']}"
            if nl
            else "This question is not about the labour market, or I recognise no occupation "
            f"and no question about vacancies, job seekers or tightness in it. {EXAMPLE['en']}",
            "off_topic",
        )
    if parsed.unknown_place and not parsed.regions:
        place = _as_written(parsed.text, parsed.unknown_place)
        near = closest(parsed.unknown_place, _place_choices(data), 3)
        names = [label for _, label in near]
        return Refusal(
            f"Ik ken geen arbeidsmarktregio, provincie of gemeente '{place}', dus "
            "ik geef geen cijfer (ook niet voor heel Nederland)."
            + (f" Bedoelt u {' of '.join(names)}?" if names else "")
            if nl
            else f"I know no labour-market region, province or municipality "
            f"'{place}', so I give no figure (not for the whole country either)."
            + (f" Did you mean {' or '.join(names)}?" if names else ""),
            "unknown_place",
            names,
        )
    if (
        parsed.sector
        and not parsed.occupations
        and parsed.kind not in (Kind.RANKING, Kind.INTERVENTION)
    ):
        return _sector(data, parsed, lang)
    ranks_occupations = parsed.kind is Kind.RANKING and not parsed.rank_regions
    if (
        unknown
        and not parsed.occupations
        and parsed.kind is not Kind.INTERVENTION
        and not ranks_occupations
    ):
        unknown = _as_written(parsed.text, unknown)
        near = _tails(data, unknown, lang) or closest(unknown, _occupation_choices(data, lang), 3)
        names = [label for _, label in near]
        links = [(label, f"/beroep/{slug}") for slug, label in near]
        if nl:
            text = (
                f"Ik ken geen beroep '{unknown}' met cijfers in de radar, dus ik geef geen cijfer "
                f"(ook niet voor alle beroepen samen). De radar heeft cijfers voor "
                f"{len(data.occupations)} beroepen."
                + (f" Bedoelt u {' of '.join(names)}?" if names else "")
            )
        else:
            text = (
                f"I know no occupation '{unknown}' with figures in the radar, so I give no "
                f"figure (not for all occupations together either). The radar has figures for "
                f"{len(data.occupations)} occupations."
                + (f" Did you mean {' or '.join(names)}?" if names else "")
            )
        return Refusal(text, "unknown_occupation", names, links)
    return None


def sector_occupations(data: RadarData, sector: str) -> list[Any]:
    """The occupations with figures in a sector named in a question ("zorg", "bouw")."""
    slugs = aliases.SECTOR_OCCUPATIONS.get(SECTORS.get(sector, ""), ())
    return [o for o in (data.occupation(s) for s in slugs) if o is not None]


def _sector(data: RadarData, parsed: ParsedQuestion, lang: str) -> Refusal:
    occupations = sector_occupations(data, parsed.sector or "")
    names = [o.label(lang) for o in occupations]
    links = [(o.label(lang), f"/beroep/{o.slug}") for o in occupations]
    if lang == "nl":
        text = (
            f"De radar geeft cijfers per beroep, niet voor een sector als '{parsed.sector}', dus "
            "ik geef geen cijfer (ook niet voor alle beroepen samen)."
        )
        if names:
            text += f" Beroepen in die sector met cijfers: {', '.join(names)}."
    else:
        text = (
            f"The radar gives figures per occupation, not for a sector such as "
            f"'{parsed.sector}', so I give no figure (not for all occupations together either)."
        )
        if names:
            text += f" Occupations in that sector with figures: {', '.join(names)}."
    return Refusal(text, "unknown_occupation", names, links)


def _as_written(text: str, words: str) -> str:
    """The words as the question wrote them (case, accents), or as normalised."""
    pattern = r"\W+".join(re.escape(word) for word in words.split())
    found = re.search(pattern, text, re.IGNORECASE)
    return found.group(0) if found else words


def _tails(data: RadarData, unknown: str, lang: str) -> list[tuple[str, str]]:
    """Occupations whose one-word label ends a compound nobody knows (kinderverpleegkundigen:
    a kind of verpleegkundige), as (slug, label)."""
    word = normalise(unknown).replace(" ", "")
    found = []
    for o in data.occupations:
        heads = {normalise(label).split()[-1] for label in (o.label_nl, o.label_en) if label}
        if any(len(h) >= 5 and word != h and h in word[-len(h) - 2 :] for h in heads):
            found.append((o.slug, o.label(lang)))
    return found[:3]


def _place_choices(data: RadarData) -> list[tuple[str, str]]:
    return [(r.code, r.name) for r in [*data.regions, *data.areas]]


def _occupation_choices(data: RadarData, lang: str) -> list[tuple[str, str]]:
    first = [(o.slug, o.label(lang)) for o in data.occupations]
    other = [(o.slug, o.label("nl" if lang == "en" else "en")) for o in data.occupations]
    return first + other


_ELSEWHERE = {
    Kind.FORECAST: ("de prognose", "the forecast", "/prognose"),
    Kind.SKILLS: ("de vaardigheden", "the skills", "/loopbaan"),
    Kind.COURSES: ("de cursussen", "the courses", "/cursussen"),
    Kind.TRANSITIONS: ("de overstapmogelijkheden", "the transitions", "/loopbaan"),
    Kind.INTERVENTION: ("de interventies", "the interventions", "/interventies"),
}


def refuse_kind(data: RadarData, parsed: ParsedQuestion, lang: str) -> Refusal | None:
    """A kind of question the box does not answer itself yet: where the page is."""
    if parsed.kind not in _ELSEWHERE or parsed.kind in (Kind.FORECAST, Kind.TRANSITIONS):
        return None
    if parsed.kind is Kind.INTERVENTION or (parsed.kind is Kind.COURSES and parsed.occupations):
        return None
    if parsed.kind is Kind.SKILLS:
        return None
    nl_what, en_what, path = _ELSEWHERE[parsed.kind]
    return Refusal(
        f"Vragen over {nl_what} beantwoord ik hier nog niet met cijfers; u vindt ze op {path}."
        if lang == "nl"
        else f"I do not yet answer questions about {en_what} here with figures; see {path}.",
        "answered_elsewhere",
        [],
        [(path, path)],
    )
