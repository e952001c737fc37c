"""The answers to the questions about the published figures: the tension or a count of one cell,
its trend over a year, a ranking and a comparison. Every number is a value of the published
table (RadarData), formatted for the asker's language; a hidden count is named as hidden, with
the nearest figure that may be shown."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lloradar.analytics.narrative import class_label, format_int, format_ratio, month_name
from lloradar.analytics.narrative import trend_word as _trend_word
from lloradar.analytics.question import Measure, ParsedQuestion
from lloradar.domain import Region, RegionLevel
from lloradar.features.indicators.service import RadarData

COUNTRY = "NL01"


@dataclass
class Ask:
    """A parsed question with its places, occupations and month resolved."""

    data: RadarData
    parsed: ParsedQuestion
    lang: str
    period: date
    areas: list[Region]
    occupations: list[Any]  # OccupationRef
    rows: list[dict[str, Any]] = field(default_factory=list)  # the figures the answer states
    only: frozenset[str] = frozenset()  # a ranking among these occupations (a sector) only
    earlier: date | None = None  # a trend against this month (default: a year before)

    @property
    def nl(self) -> bool:
        return self.lang == "nl"

    def place(self, area: Region | None) -> str:
        if area is None or area.code == COUNTRY:
            return "Nederland" if self.nl else "the Netherlands"
        return area.name

    def what(self, occupation: Any | None) -> str:
        if occupation is None:
            return "alle beroepen" if self.nl else "all occupations"
        return str(occupation.label(self.lang))

    def month(self, period: date | None = None) -> str:
        return month_name(period or self.period, self.lang)

    def int(self, value: int) -> str:
        return format_int(value, self.lang)

    def ratio(self, value: float) -> str:
        return format_ratio(value, self.lang)

    def figures(
        self, area: Region | None, occupation: Any | None, period: date | None = None
    ) -> Any:
        key = None if area is None or area.code == COUNTRY else area.code
        return self.data.figures(
            key, occupation.slug if occupation else None, period or self.period
        )

    def record(self, area: Region | None, occupation: Any | None, f: Any, *measures: str) -> None:
        """Keep the figures an answer states, as the published table holds them."""
        row: dict[str, Any] = {
            "area": area.code if area else COUNTRY,
            "area_name": self.place(area),
            "occupation": occupation.slug if occupation else None,
            "occupation_label": self.what(occupation),
            "period": f.period.strftime("%Y-%m"),
        }
        values = {
            "vacancies": f.vacancies,
            "job_seekers": f.job_seekers,
            "ratio": None if f.ratio is None else round(f.ratio, 3),
            "tension_class": f.tension_class,
            "interested": f.interested,
            "experienced": f.experienced,
        }
        row.update({m: values[m] for m in measures})
        self.rows.append(row)


@dataclass(frozen=True, slots=True)
class Reply:
    answered: bool
    text: str
    figure: str | None = None
    tension: str | None = None
    trend: str | None = None
    reason: str | None = None


def hidden_text(
    ask: Ask, area: Region | None, occupation: Any | None, what_hidden: str, also: str = ""
) -> str:
    """A hidden count named as hidden for privacy, and the nearest figure that may be shown."""
    subject = f"{ask.what(occupation)} in {ask.place(area)}"
    if ask.nl:
        text = (
            f"Het aantal {what_hidden} voor {subject} in {ask.month()} is verborgen om de "
            "privacy te beschermen (de radar toont geen aantallen van heel weinig mensen, en "
            "ook geen cijfers waaruit zulke aantallen af te leiden zijn)."
        )
    else:
        text = (
            f"The number of {what_hidden} for {subject} in {ask.month()} is hidden to protect "
            "privacy (the radar shows no counts of very few people, nor figures such counts "
            "could be derived from)."
        )
    text += also
    near = nearest_shown(ask, area, occupation)
    if near:
        n_area, n_occ, f = near
        ask.record(n_area, n_occ, f, "vacancies", "job_seekers", "ratio", "tension_class")
        cls = class_label(f.tension, ask.lang)
        text += (
            f" Het dichtstbijzijnde cijfer dat wel getoond mag worden: {ask.what(n_occ)} in "
            f"{ask.place(n_area)}, {ask.ratio(f.ratio)} vacatures per kortdurend werkzoekende "
            f"({cls}; {ask.int(f.vacancies)} vacatures, {ask.int(f.job_seekers)} werkzoekenden)."
            if ask.nl
            else f" The nearest figure that may be shown: {ask.what(n_occ)} in "
            f"{ask.place(n_area)}, {ask.ratio(f.ratio)} vacancies per short-term job seeker "
            f"({cls}; {ask.int(f.vacancies)} vacancies, {ask.int(f.job_seekers)} job seekers)."
        )
    return text


def nearest_shown(ask: Ask, area: Region | None, occupation: Any | None) -> Any:
    """The same occupation in the area's provincie, then in the country; then all occupations
    in the area: the first with its ratio shown."""
    tries: list[tuple[Region | None, Any | None]] = []
    if area is not None and area.level is RegionLevel.ARBEIDSMARKTREGIO and area.province_code:
        tries.append((ask.data.area(area.province_code), occupation))
    if area is not None and area.code != COUNTRY:
        tries.append((ask.data.area(COUNTRY), occupation))
    if occupation is not None:
        tries.append((area, None))
    for n_area, n_occ in tries:
        f = ask.figures(n_area, n_occ)
        if f is not None and f.ratio is not None and f.job_seekers is not None:
            return n_area, n_occ, f
    return None


def tension(ask: Ask, area: Region | None, occupation: Any | None) -> Reply:
    f = ask.figures(area, occupation)
    what, place = ask.what(occupation), ask.place(area)
    if f is None:
        return no_figures(ask, area, occupation)
    if f.ratio is None or f.job_seekers is None:
        ask.record(area, occupation, f, "vacancies")
        seekers = "kortdurend werkzoekenden" if ask.nl else "short-term job seekers"
        also = (
            " Daarmee is ook de spanning verborgen."
            if ask.nl
            else " With it, the tension is hidden too."
        )
        text = hidden_text(ask, area, occupation, seekers, also)
        return Reply(False, text, reason="hidden")
    ask.record(area, occupation, f, "vacancies", "job_seekers", "ratio", "tension_class")
    cls = class_label(f.tension, ask.lang)
    figure = ask.ratio(f.ratio)
    vac, seek = ask.int(f.vacancies), ask.int(f.job_seekers)
    if ask.nl:
        text = (
            f"De markt voor {what} in {place} is {cls}: in {ask.month()} {figure} vacatures per "
            f"kortdurend werkzoekende ({vac} vacatures, {seek} werkzoekenden)."
        )
    else:
        text = (
            f"The market for {what} in {place} is {cls}: in {ask.month()} {figure} vacancies per "
            f"short-term job seeker ({vac} vacancies, {seek} job seekers)."
        )
    trend = None
    before = ask.figures(area, occupation, ask.period.replace(year=ask.period.year - 1))
    if before is not None and before.ratio is not None:
        trend = _trend_word(before.ratio, f.ratio, ask.lang)
        text += (
            f" Een jaar eerder ({ask.month(before.period)}): {ask.ratio(before.ratio)}, de markt "
            f"is {trend} geworden."
            if ask.nl
            else f" A year earlier ({ask.month(before.period)}): {ask.ratio(before.ratio)}; the "
            f"market has become {trend}."
        )
    return Reply(True, text, figure, cls, trend)


_COUNT_WORDS = {
    Measure.VACANCIES: ("vacancies", "openstaande vacatures", "open vacancies"),
    Measure.JOB_SEEKERS: ("job_seekers", "kortdurend werkzoekenden", "short-term job seekers"),
    Measure.INTERESTED: (
        "interested",
        "belangstellenden (werkzoekenden met dit beroep als wensberoep)",
        "interested job seekers (who want to work in this occupation)",
    ),
    Measure.EXPERIENCED: (
        "experienced",
        "werkzoekenden met werkervaring in dit beroep",
        "job seekers with experience in this occupation",
    ),
}


def count(ask: Ask, area: Region | None, occupation: Any | None, measure: Measure) -> Reply:
    f = ask.figures(area, occupation)
    if f is None:
        return no_figures(ask, area, occupation)
    column, nl_words, en_words = _COUNT_WORDS[measure]
    value = getattr(f, column)
    if value is None:
        ask.record(area, occupation, f, "vacancies")
        return Reply(
            False,
            hidden_text(ask, area, occupation, nl_words if ask.nl else en_words),
            reason="hidden",
        )
    ask.record(area, occupation, f, "vacancies", column)
    figure = ask.int(value)
    what, place, month = ask.what(occupation), ask.place(area), ask.month()
    if measure is Measure.VACANCIES:
        text = (
            f"In {month} stonden er voor {what} in {place} {figure} vacatures open."
            if ask.nl
            else f"In {month} there were {figure} open vacancies for {what} in {place}."
        )
    elif measure is Measure.JOB_SEEKERS:
        text = (
            f"In {month} waren er voor {what} in {place} {figure} kortdurend werkzoekenden."
            if ask.nl
            else f"In {month} there were {figure} short-term job seekers for {what} in {place}."
        )
    else:
        text = (
            f"In {month} waren er voor {what} in {place} {figure} {nl_words}, tegenover "
            f"{ask.int(f.vacancies)} openstaande vacatures."
            if ask.nl
            else f"In {month} there were {figure} {en_words} for {what} in {place}, against "
            f"{ask.int(f.vacancies)} open vacancies."
        )
    return Reply(True, text, figure)


def trend(ask: Ask, area: Region | None, occupation: Any | None, measure: Measure) -> Reply:
    """Now against the same month a year before, both figures."""
    now = ask.figures(area, occupation)
    earlier = ask.earlier or ask.period.replace(year=ask.period.year - 1)
    before = ask.figures(area, occupation, earlier)
    what, place = ask.what(occupation), ask.place(area)
    if now is None:
        return no_figures(ask, area, occupation)
    if before is None:
        return Reply(
            False,
            f"Er zijn geen cijfers voor {what} in {place} in {ask.month(earlier)}; de radar "
            f"begint in {ask.month(ask.data.periods[0])}."
            if ask.nl
            else f"There are no figures for {what} in {place} in {ask.month(earlier)}; the "
            f"radar starts in {ask.month(ask.data.periods[0])}.",
            reason="period_not_covered",
        )
    if measure in (Measure.VACANCIES, Measure.JOB_SEEKERS):
        column = "vacancies" if measure is Measure.VACANCIES else "job_seekers"
        a, b = getattr(before, column), getattr(now, column)
        if a is None or b is None:
            return Reply(
                False,
                hidden_text(ask, area, occupation, _COUNT_WORDS[measure][1 if ask.nl else 2]),
                reason="hidden",
            )
        ask.record(area, occupation, before, column)
        ask.record(area, occupation, now, column)
        change = (
            ("meer" if b > a else "minder" if b < a else "evenveel")
            if ask.nl
            else ("more" if b > a else "fewer" if b < a else "as many")
        )
        words = _COUNT_WORDS[measure][1 if ask.nl else 2]
        text = (
            f"Voor {what} in {place} waren er in {ask.month()} {ask.int(b)} {words}, in "
            f"{ask.month(earlier)} {ask.int(a)}: {change} dan toen."
            if ask.nl
            else f"For {what} in {place} there were {ask.int(b)} {words} in {ask.month()}, in "
            f"{ask.month(earlier)} {ask.int(a)}: {change} than then."
        )
        return Reply(True, text, ask.int(b), trend=change)
    if now.ratio is None or before.ratio is None:
        hidden_at = ask.period if now.ratio is None else earlier
        text = hidden_text(
            Ask(ask.data, ask.parsed, ask.lang, hidden_at, ask.areas, ask.occupations, ask.rows),
            area,
            occupation,
            "kortdurend werkzoekenden" if ask.nl else "short-term job seekers",
        )
        return Reply(False, text, reason="hidden")
    ask.record(area, occupation, before, "vacancies", "job_seekers", "ratio", "tension_class")
    ask.record(area, occupation, now, "vacancies", "job_seekers", "ratio", "tension_class")
    word = _trend_word(before.ratio, now.ratio, ask.lang)
    c0, c1 = class_label(before.tension, ask.lang), class_label(now.tension, ask.lang)
    text = (
        f"De markt voor {what} in {place} is {word} geworden: in {ask.month()} "
        f"{ask.ratio(now.ratio)} vacatures per kortdurend werkzoekende ({c1}; "
        f"{ask.int(now.vacancies)} vacatures, {ask.int(now.job_seekers)} werkzoekenden), in "
        f"{ask.month(earlier)} {ask.ratio(before.ratio)} ({c0}; "
        f"{ask.int(before.vacancies)} vacatures, {ask.int(before.job_seekers)} werkzoekenden)."
        if ask.nl
        else f"The market for {what} in {place} has become {word}: in {ask.month()} "
        f"{ask.ratio(now.ratio)} vacancies per short-term job seeker ({c1}; "
        f"{ask.int(now.vacancies)} vacancies, {ask.int(now.job_seekers)} job seekers), in "
        f"{ask.month(earlier)} {ask.ratio(before.ratio)} ({c0}; "
        f"{ask.int(before.vacancies)} vacancies, {ask.int(before.job_seekers)} job seekers)."
    )
    return Reply(True, text, ask.ratio(now.ratio), class_label(now.tension, ask.lang), word)


def no_figures(ask: Ask, area: Region | None, occupation: Any | None) -> Reply:
    return Reply(
        False,
        f"Er zijn geen gepubliceerde cijfers voor {ask.what(occupation)} in {ask.place(area)} "
        f"in {ask.month()}."
        if ask.nl
        else f"There are no published figures for {ask.what(occupation)} in {ask.place(area)} "
        f"in {ask.month()}.",
        reason="no_figures",
    )
