"""Duiding / interpretation of the employer view: one or two Dutch or English sentences per
block, built only from the figures the block shows (hidden counts read "fewer than 10")."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from lloradar.analytics.employer import (
    Adjacent,
    Competition,
    OccupationMatch,
    PoolFigure,
    ShownSkillRisk,
)
from lloradar.analytics.narrative import class_label, format_int, format_ratio, month_name


def _count(value: int | None, lang: str) -> str:
    if value is None:
        return "minder dan 10" if lang == "nl" else "fewer than 10"
    return format_int(value, lang)


def _published(value: int | None, lang: str) -> str:
    """A count from the published table: hidden ones may be small or protect a small one."""
    if value is None:
        return "een verborgen aantal" if lang == "nl" else "a hidden number"
    return format_int(value, lang)


def _percent(value: float) -> str:
    return f"{round(100 * value)}%"


def skills_text(n_skills: int, best: OccupationMatch | None, picked: bool, lang: str) -> list[str]:
    if n_skills == 0:
        return [
            "In deze tekst zijn geen vaardigheden herkend."
            if lang == "nl"
            else "No skills were recognised in this text."
        ]
    if best is None:
        return [
            f"De radar herkent {n_skills} vaardigheden, maar geen beroep dat ze dekt."
            if lang == "nl"
            else f"The radar recognises {n_skills} skills, but no occupation that covers them."
        ]
    share = _percent(best.coverage)
    essential = len(best.essential_matched)
    if picked:
        if lang == "nl":
            return [
                f"De radar herkent {n_skills} vaardigheden. U koos het beroep {best.label}: "
                f"{essential} ervan zijn daar essentieel voor ({share} van de gewogen score)."
            ]
        return [
            f"The radar recognises {n_skills} skills. You chose the occupation {best.label}: "
            f"{essential} of them are essential to it ({share} of the weighted score)."
        ]
    if lang == "nl":
        return [
            f"De radar herkent {n_skills} vaardigheden. Het beroep dat ze het best dekt is "
            f"{best.label}: {essential} ervan zijn daar essentieel voor en samen met de "
            f"optionele dekt het {share} van de gewogen score."
        ]
    return [
        f"The radar recognises {n_skills} skills. The occupation that covers them best is "
        f"{best.label}: {essential} of them are essential to it, and with the optional ones it "
        f"covers {share} of the weighted score."
    ]


def pool_text(
    label: str, region: str, period: date | None, figure: PoolFigure | None, lang: str
) -> list[str]:
    if figure is None or period is None:
        return [
            f"Voor {label} in {region} heeft de radar geen cijfers over werkzoekenden."
            if lang == "nl"
            else f"The radar has no job-seeker figures for {label} in {region}."
        ]
    month = month_name(period, lang)
    interested = _published(figure.interested, lang)
    experienced = _published(figure.experienced, lang)
    if lang == "nl":
        return [
            f"In {month} stonden in {region} {interested} werkzoekenden ingeschreven die "
            f"{label} als gewenst beroep hebben en {experienced} met werkervaring in dat "
            "beroep. Iemand kan in beide groepen zitten; aantallen onder 10, en aantallen waaruit "
            "die af te leiden zijn, tonen we niet."
        ]
    return [
        f"In {month}, {region} had {interested} registered job seekers who want to work as "
        f"{label} and {experienced} with experience in it. One person can be in both groups; "
        "counts under 10, and counts they could be derived from, are not shown."
    ]


def competition_text(
    label: str, region: str, period: date | None, found: Competition | None, lang: str
) -> list[str]:
    if found is None or period is None:
        return [
            f"Voor {label} in {region} heeft de radar geen vacaturecijfers."
            if lang == "nl"
            else f"The radar has no vacancy figures for {label} in {region}."
        ]
    month = month_name(period, lang)
    vacancies = format_int(found.open_vacancies, lang)
    if found.ratio is None:
        if lang == "nl":
            return [
                f"In {month} stonden in {region} {vacancies} andere vacatures voor {label} "
                "open; het aantal kortdurend werkzoekenden is verborgen (privacy), en daarmee de "
                "spanning."
            ]
        return [
            f"In {month}, {region} had {vacancies} other open vacancies for {label}; there "
            "number of short-term job seekers is hidden (privacy), and with it the tension."
        ]
    ratio = format_ratio(found.ratio, lang)
    cls = class_label(found.tension, lang)
    if lang == "nl":
        return [
            f"In {month} stonden in {region} {vacancies} vacatures voor {label} open, "
            f"{ratio} per kortdurend werkzoekende: de markt is {cls}. Uw vacature concurreert "
            "met deze vacatures om dezelfde mensen."
        ]
    return [
        f"In {month}, {region} had {vacancies} open vacancies for {label}, {ratio} per "
        f"short-term job seeker: the market is {cls}. Your vacancy competes with them for the "
        "same people."
    ]


def adjacent_text(
    label: str, adjacent: Sequence[tuple[Adjacent, PoolFigure | None]], lang: str
) -> list[str]:
    if not adjacent:
        return [
            f"De radar vindt geen verwante beroepen om voor {label} uit te werven."
            if lang == "nl"
            else f"The radar finds no related occupations to recruit from for {label}."
        ]
    first, figure = adjacent[0]
    pool = _published(figure.candidates if figure else None, lang)
    gap = len(first.gap)
    if lang == "nl":
        return [
            f"Het meest verwante beroep om uit te werven is {first.label} (gelijkenis "
            f"{format_ratio(first.similarity, lang)}): {gap} essentiële vaardigheden van "
            f"{label} moeten zij-instromers nog leren; in de regio zijn er {pool} kandidaten."
        ]
    return [
        f"The closest occupation to recruit from is {first.label} (similarity "
        f"{format_ratio(first.similarity, lang)}): side-entrants still need {gap} essential "
        f"skills of {label}; the region has {pool} candidates."
    ]


def risk_text(
    risks: Sequence[ShownSkillRisk], team_size: int | None, pension_age: int, lang: str
) -> list[str]:
    if not risks:
        return [
            "Vul de samenstelling van uw team in om te zien welke vaardigheden met pensioen gaan."
            if lang == "nl"
            else "Enter your team's composition to see which skills leave through retirement."
        ]
    at_risk = [r for r in risks if r.at_risk]
    size = _count(team_size, lang)
    if not any(r.holders is not None for r in risks):
        return [
            f"Uw team telt {size} mensen: te weinig om per vaardigheid te tonen wie met "
            "pensioen gaat (groepen onder 10 tonen we niet)."
            if lang == "nl"
            else f"Your team has {size} people: too few to show per skill who retires "
            "(groups under 10 are not shown)."
        ]
    if not at_risk:
        return [
            f"Bij een AOW-leeftijd van {pension_age} gaat van geen enkele vaardigheid de helft "
            "of meer van de houders binnen 10 jaar met pensioen."
            if lang == "nl"
            else f"With a state pension age of {pension_age}, no skill loses half or more of "
            "its holders to retirement within 10 years."
        ]
    first = at_risk[0]
    share = "?" if first.share_10 is None else f"{first.share_10}%"
    if lang == "nl":
        return [
            f"Bij een AOW-leeftijd van {pension_age} gaat voor {len(at_risk)} vaardigheden de "
            f"helft of meer van de houders binnen 10 jaar met pensioen. Het grootst is het "
            f"risico bij {first.label} ({share} van {_count(first.holders, lang)} houders)."
        ]
    return [
        f"With a state pension age of {pension_age}, {len(at_risk)} skills lose half or more "
        f"of their holders to retirement within 10 years. The largest risk is {first.label} "
        f"({share} of {_count(first.holders, lang)} holders)."
    ]
