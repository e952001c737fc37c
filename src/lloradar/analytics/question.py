"""Parse a question in plain Dutch or English ("hoe krap is de markt voor verpleegkundigen in
Twente?") into what it asks (its kind: tension, a count, a ranking, a comparison, a trend, a
forecast, skills, courses, transitions, an intervention, or nothing the radar knows), the places
and occupations it names, a measure, a period and its language. Pure: the caller passes the
names. A word the parser cannot place is kept (`unknown_place`, `unknown_occupation`) so that
the answer can refuse instead of answering another question."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from lloradar.analytics import question_words as w
from lloradar.analytics.question_entities import Mention, Named, find_mentions, normalise
from lloradar.analytics.question_kind import (
    Kind,
    Measure,
    kind_of,
    limit_of,
    measure_of,
    period_of,
    ranks_regions,
)

__all__ = [
    "Kind",
    "Measure",
    "Mention",
    "Named",
    "ParsedQuestion",
    "normalise",
    "parse_question",
]


@dataclass(frozen=True, slots=True)
class ParsedQuestion:
    text: str
    region: str | None  # the first place named (a code), for callers that want one
    occupation: str | None  # the first occupation named (a key)
    measure: Measure
    year: int | None
    national: bool
    unsupported_word: str | None = None
    kind: Kind = Kind.TENSION
    lang: str = "nl"
    month: int | None = None
    regions: tuple[Mention, ...] = ()
    occupations: tuple[Mention, ...] = ()
    unknown_place: str | None = None
    unknown_occupation: str | None = None
    sector: str | None = None  # a sector named where an occupation is needed ("de zorg")
    since: int | None = None  # "sinds 2023": a trend from that year
    months_back: int = 0  # "vorige maand": the month before the latest
    until: int | None = None  # "tussen 2023 en 2025": a trend up to that year
    years_back: int = 0  # "de afgelopen drie jaar": a trend over that many years
    slack: bool = False  # a ranking of the slackest (fewest, lowest) first
    rank_regions: bool = False  # a ranking of places (for an occupation), not of occupations
    provinces: bool = False  # the places of a ranking are provincies
    limit: int = 5
    words: tuple[str, ...] = field(default_factory=tuple)


_VOCABULARY = (
    w.FILLER
    | w.TOPIC
    | w.DUTCH
    | w.ENGLISH
    | w.VACANCY_WORDS
    | w.JOB_SEEKER_WORDS
    | w.INTERESTED_WORDS
    | w.EXPERIENCED_WORDS
    | w.TENSION_WORDS
    | w.UNSUPPORTED_WORDS
    | w.COUNT_WORDS
    | w.FORECAST_WORDS
    | w.SKILL_WORDS
    | w.COURSE_WORDS
    | w.TRANSITION_WORDS
    | w.INTERVENTION_WORDS
    | w.TREND_WORDS
    | w.RANKING_WORDS
    | w.OCCUPATION_LIST
    | w.REGION_LIST
    | w.COMPARISON_WORDS
    | w.NATIONAL_WORDS
    | frozenset(w.MONTHS)
    | frozenset(w.NUMBER_WORDS)
)


def _leftovers(words: list[str], covered: set[int]) -> list[int]:
    return [
        i
        for i, word in enumerate(words)
        if i not in covered
        and word not in _VOCABULARY
        and word not in w.SECTORS
        and not word.isdigit()
        and len(word) >= 3
    ]


def _unknown(words: list[str], leftover: list[int]) -> tuple[str | None, str | None]:
    """The first run of words nobody knows after a place preposition is an unknown place; any
    other run an unknown occupation."""
    place, occupation = None, None
    runs: list[list[int]] = []
    for i in leftover:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        before = [x for x in words[: run[0]] if x not in {"de", "het", "the", "regio", "provincie"}]
        text = " ".join(words[i] for i in run)
        if before and before[-1] in w.PLACE_PREPOSITIONS:
            place = place or text
        elif _person(words[run[-1]]):
            occupation = occupation or text
    return place, occupation


def _person(word: str) -> bool:
    """A word that may name people doing a job (piloten, bakers, kappers, kinderarts); other
    words nobody knows (beleidsnotitie, trein) are no unknown occupation."""
    return len(word) >= 4 and word.endswith(w.PERSON_ENDINGS)


def parse_question(
    text: str, regions: Sequence[Named], occupations: Sequence[Named]
) -> ParsedQuestion:
    """`regions` are every place a question may name (areas, gemeenten under their area's key,
    alternative names); `occupations` every occupation with its labels."""
    norm = normalise(text)
    words = norm.split()
    word_set = set(words)
    strict = _VOCABULARY
    found_occupations = find_mentions(words, occupations, strict=strict)
    taken = frozenset(i for m in found_occupations for i in range(m.start, m.end))
    found_regions = find_mentions(words, regions, strict=strict, taken=taken)
    # a region named by a whole label beats an occupation read into the same words
    taken = frozenset(i for m in found_regions for i in range(m.start, m.end))
    partial = find_mentions(
        words,
        occupations,
        partial=True,
        head_only=True,
        strict=strict | frozenset(w.SECTORS),
        taken=taken | _span(found_occupations),
    )
    partial = [m for m in partial if m.words not in w.SECTORS]
    found_occupations = sorted(
        [*found_occupations, *(m for m in partial if m.key not in _keys(found_occupations))],
        key=lambda m: m.start,
    )
    # one strong word of a region's name ("Kennemerland", "Amsterdam" for Groot Amsterdam)
    taken = _span(found_occupations) | _span(found_regions)
    more = find_mentions(words, regions, partial=True, strict=strict, taken=taken)
    found_regions = sorted(
        [*found_regions, *(m for m in more if m.key not in _keys(found_regions))],
        key=lambda m: m.start,
    )
    found_regions = [_province_if_said(words, m) for m in found_regions]
    for m in list(found_regions):
        if m.start > 0 and words[m.start - 1] in w.COMPASS and m.words in w.NATIONAL_WORDS:
            found_regions.remove(m)  # "Noord-Nederland": a part of the country, no area
    covered = set(_span(found_occupations)) | set(_span(found_regions))
    leftover = _leftovers(words, covered)
    unknown_place, unknown_occupation = _unknown(words, leftover)
    for mention in [m for m in found_occupations if not m.whole]:
        # "truck drivers": an unknown word before one word of a label is another occupation
        if mention.start - 1 in leftover:
            found_occupations.remove(mention)
            run = [i for i in leftover if i < mention.start]
            unknown_occupation = " ".join([words[run[-1]], mention.words])
    for i in range(1, len(words)):
        if words[i] in w.NATIONAL_WORDS and words[i - 1] in w.COMPASS and not found_regions:
            unknown_place = f"{words[i - 1]} {words[i]}"  # Noord-Nederland: no area
    measure, unsupported = measure_of(word_set, norm)
    kind = kind_of(word_set, norm, measure, found_regions, found_occupations)
    if (
        kind is Kind.TENSION
        and word_set & w.COUNT_WORDS
        and not word_set & (w.TENSION_WORDS | w.VACANCY_WORDS | w.JOB_SEEKER_WORDS)
        and (found_occupations or word_set & w.WORKER_WORDS)
        and not word_set & {"jobs", "job", "banen", "baan"}
    ):  # "how many welders are there": workers, not a figure of the radar
        measure, unsupported = Measure.UNSUPPORTED, "workers"
    if kind is Kind.TENSION and leftover and not word_set & (w.TOPIC | w.COUNT_WORDS):
        kind = Kind.OFF_TOPIC  # "schrijf een gedicht over lassers": not about the market
    if kind is Kind.OFF_TOPIC and found_regions and covered >= set(range(len(words))):
        kind = Kind.TENSION  # a place's name and nothing else: its tension
    year, month = period_of(norm, words)
    if _years_back(norm) and kind in (Kind.TENSION, Kind.COUNT):
        kind = Kind.TREND
    if kind is Kind.TENSION and word_set & {"will", "zal", "zullen", "wordt", "worden"} and year:
        kind = Kind.FORECAST  # "what will the market look like in 2028"
    years = sorted({int(y) for y in re.findall(r"\b20\d{2}\b", norm)})
    until = None
    if len(years) == 2 and kind in (Kind.TENSION, Kind.COUNT, Kind.TREND):
        kind, year, until = Kind.TREND, years[0], years[1]  # "in 2024 en 2025": a change
        word_set = word_set | {"sinds"}
    if word_set & {"sinds", "since", "vanaf"} and year:
        kind = Kind.TREND if kind in (Kind.TENSION, Kind.COUNT) else kind
    national_words = {
        words[i]
        for i in range(len(words))
        if i not in covered
        and words[i] in w.NATIONAL_WORDS
        and not (i > 0 and words[i - 1] in w.COMPASS)
    }
    return ParsedQuestion(
        text=text,
        region=found_regions[0].key if found_regions else None,
        occupation=found_occupations[0].key if found_occupations else None,
        measure=measure,
        year=year,
        national=bool(national_words) and not found_regions,
        unsupported_word=unsupported,
        kind=kind,
        lang=w.detect_language(words),
        month=month,
        regions=tuple(found_regions),
        occupations=tuple(found_occupations),
        unknown_place=unknown_place,
        unknown_occupation=unknown_occupation,
        slack=_slack(word_set, norm),
        rank_regions=ranks_regions(words),
        provinces=bool(word_set & w.PROVINCE_WORDS),
        limit=limit_of(words),
        years_back=_years_back(norm),
        until=until,
        sector=next((x for i, x in enumerate(words) if x in w.SECTORS and i not in covered), None),
        since=year if year and word_set & {"sinds", "since", "vanaf", "from"} else None,
        months_back=1
        if w.has_phrase(norm, ("vorige maand", "last month", "previous month"))
        else 0,
        words=tuple(words),
    )


def _slack(words: set[str], norm: str) -> bool:
    """A ranking of the slackest first: "ruimst", "fewest", and the easiest places to find work
    ("waar vind ik als kok het makkelijkst werk": where the market is tightest, reversed)."""
    slack = bool(words & w.SLACK_SUPERLATIVES) and not words & {"meeste", "most"}
    if w.has_phrase(norm, w.WORKER_VIEW):
        return not slack
    return slack


def _years_back(norm: str) -> int:
    """ "de afgelopen drie jaar", "over the past 2 years": how many years back a trend looks."""
    found = re.search(
        r"\b(?:afgelopen|laatste|past|last) (\d{1,2}|[a-z]+) (?:jaar|jaren|years)\b", norm
    )
    if not found:
        return 0
    count = found.group(1)
    return int(count) if count.isdigit() else w.NUMBER_WORDS.get(count, 0)


def _span(mentions: Sequence[Mention]) -> frozenset[int]:
    return frozenset(i for m in mentions for i in range(m.start, m.end))


def _keys(mentions: Sequence[Mention]) -> set[str]:
    return {m.key for m in mentions}


def _province_if_said(words: list[str], mention: Mention) -> Mention:
    """ "provincie Groningen": the provincie of that name, not the arbeidsmarktregio."""
    near = set(words[max(0, mention.start - 2) : mention.start]) | set(
        words[mention.end : mention.end + 1]
    )
    if near & {"gemeente", "stad", "city", "municipality", "town"} and not mention.key.startswith(
        "AM"
    ):  # "de gemeente Utrecht": the city's arbeidsmarktregio, not the provincie
        region = next((k for k in mention.others if k.startswith("AM")), None)
        if region:
            return Mention(
                region,
                mention.words,
                mention.start,
                mention.end,
                mention.score,
                True,
                mention.words.title(),
                (mention.key,),
            )
    if near & w.PROVINCE_WORDS:
        province = next((k for k in mention.others if k.startswith("PV")), None)
        if province:
            return Mention(
                province,
                mention.words,
                mention.start,
                mention.end,
                mention.score,
                True,
                None,
                (mention.key,),
            )
    return mention
