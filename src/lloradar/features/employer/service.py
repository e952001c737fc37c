"""The employer view (werkgeversview) as one use-case: a vacancy text and an arbeidsmarktregio in,
five blocks out (skills and occupation, candidate pool, competing vacancies, occupations to
recruit from, skills at risk in the team), each with its duiding. Only protected aggregates leave
this module: the regional figures as published (`published_indicator`, through the indicators'
service), the team's through `protect_team`; the team composition is read for the analysis and
never stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from babel.numbers import format_decimal

from lloradar.analytics.disclosure import SUPPRESSED
from lloradar.analytics.employer import (
    Adjacent,
    Competition,
    ExtractedSkill,
    OccupationMatch,
    OccupationSkills,
    PoolFigure,
    TeamCell,
    combined_pool,
    protect_team,
    rank_occupations,
    recruit_from,
    retirement_risk,
)
from lloradar.analytics.employer_narrative import (
    adjacent_text,
    competition_text,
    pool_text,
    risk_text,
    skills_text,
)
from lloradar.analytics.extraction import Extractor
from lloradar.analytics.forecast.policy import BASELINE_PENSION_AGE
from lloradar.analytics.similarity import SimilarityModel
from lloradar.domain import ARBEIDSMARKTREGIO_CODES, IngestError
from lloradar.features.employer import queries
from lloradar.features.employer.result import VacancyAnalysis
from lloradar.features.employer.team import TeamRow, parse_team_csv
from lloradar.features.indicators.service import (
    PublishedCell,
    ensure_indicators,
    latest_published_period,
    published_cells,
)
from lloradar.features.skills import service as skills_service
from lloradar.services import audit
from lloradar.store import Store

__all__ = [
    "BASELINE_PENSION_AGE",
    "MAX_TEXT",
    "SUPPRESSED",
    "EmployerInputError",
    "SkillModels",
    "VacancyAnalysis",
    "VacancyQuery",
    "analyse_vacancy",
    "models_for",
    "occupation_labels",
    "resolve_team",
]

MAX_TEXT = 20_000  # characters of vacancy text, as /api/skills/extract
TOP_SKILLS = 12
TOP_ADJACENT = 5
PEOPLE = ("interested", "experienced", "job_seekers_short")


class EmployerInputError(ValueError):
    """Input a person can fix: `field` names it, the message says what was expected."""

    def __init__(self, field: str, message: str, message_nl: str | None = None) -> None:
        self.field = field
        self.message_nl = message_nl or message
        super().__init__(message)

    def text(self, lang: str) -> str:
        return self.message_nl if lang == "nl" else str(self)


@dataclass(frozen=True, slots=True)
class SkillModels:
    extractor: Extractor
    similarity: SimilarityModel


def models_for(url: str) -> SkillModels:
    """The models of the store at `url` (built once per URL; ESCO if imported, else the
    occupations and skills of the demo world). Raises skills_service.SkillsUnavailable."""
    return SkillModels(skills_service.extractor(url), skills_service.similarity_model(url))


@dataclass(frozen=True, slots=True)
class VacancyQuery:
    text: str
    region: str
    occupation: str | None = None  # picked by the employer; else the best match
    team: str = ""  # CSV, see services.employer_team
    pension_age: int = BASELINE_PENSION_AGE
    lang: str = "nl"


def _region(store: Store, code: str) -> tuple[str, str]:
    found = queries.arbeidsmarktregio(store, code.strip().upper())
    if found is None:
        raise EmployerInputError(
            "region",
            f"{code!r} is not an arbeidsmarktregio code of the radar (expected {ARBEIDSMARKTREGIO_CODES}, "
            "see `lloradar regions list`)",
            f"{code!r} is geen arbeidsmarktregio van de radar (verwacht {ARBEIDSMARKTREGIO_CODES})",
        )
    return found


def _check_text(text: str) -> str:
    if not text or not text.strip():
        raise EmployerInputError(
            "text",
            "the vacancy text is empty: paste the vacancy text",
            "de vacaturetekst is leeg: plak de tekst van de vacature",
        )
    if len(text) > MAX_TEXT:
        raise EmployerInputError(
            "text",
            f"the vacancy text has {len(text):,} characters; at most {MAX_TEXT:,} are read "
            "(paste the job description without attachments)",
            f"de vacaturetekst heeft {format_decimal(len(text), locale='nl')} tekens; de radar "
            f"leest er hoogstens {format_decimal(MAX_TEXT, locale='nl')} (plak alleen de "
            "functieomschrijving)",
        )
    return text


def resolve_occupation(model: SimilarityModel, names: dict[str, set[str]], key: str) -> str | None:
    """An occupation URI from its URI, its UUID or its exact label (nl or en)."""
    key = key.strip()
    if key in model.index:
        return key
    lowered = key.lower()
    for occupation in model.occupations:
        uri = occupation.uri
        known = {uri.rsplit("/", 1)[-1].lower(), occupation.label.lower(), *names.get(uri, ())}
        if lowered in known:
            return uri
    return None


def team_cells(
    rows: list[TeamRow], model: SimilarityModel, names: dict[str, set[str]], source: str
) -> list[TeamCell]:
    cells = []
    for row in rows:
        uri = resolve_occupation(model, names, row.occupation)
        if uri is None:
            raise EmployerInputError(
                "team",
                f"{source} line {row.line}, field 'occupation': {row.occupation!r} is not an "
                "occupation of the radar (expected an ESCO URI, its UUID or its exact label)",
                f"{source} regel {row.line}, veld 'occupation': {row.occupation!r} is geen "
                "beroep van de radar (verwacht een ESCO-URI, de UUID of de precieze naam)",
            )
        cells.append(TeamCell(uri, row.age_low, row.age_high, row.count))
    return cells


def resolve_team(store: Store, model: SimilarityModel, text: str) -> list[TeamCell]:
    """A team CSV (see services.employer_team) with every occupation resolved to its URI;
    a bad line raises EmployerInputError naming the line and field."""
    try:
        rows = parse_team_csv(text, "team")
    except IngestError as exc:  # names the line and field
        raise EmployerInputError("team", str(exc), f"teambestand: {exc}") from exc
    return team_cells(rows, model, queries.occupation_names(store), "team")


def occupation_labels(store: Store, lang: str) -> dict[str, str]:
    """Occupation labels in the page language (Dutch where the store has it)."""
    return queries.labels(store, lang)[0]


def _essential(
    model: SimilarityModel, skill_labels: dict[str, str], uris: set[str]
) -> dict[str, list[tuple[str, str]]]:
    out = {}
    for uri in uris:
        profile = model.occupations[model.index[uri]]
        out[uri] = [
            (s, skill_labels.get(s) or model.skill_labels.get(s, s))
            for s in dict.fromkeys(profile.essential)
        ]
    return out


def regional_figures(
    store: Store, region: str, occupation: str | None
) -> tuple[date | None, dict[str, PublishedCell]]:
    """The published cells of the region's occupations in the latest month with figures for
    `occupation` (figures arrive per cell, so the region's newest month may not hold this
    occupation yet), else in the region's latest month; by occupation."""
    ensure_indicators(store)
    period = None
    if occupation:
        period = latest_published_period(store, region_code=region, occupation_id=occupation)
    period = period or latest_published_period(store, region_code=region)
    if period is None:
        return None, {}
    cells = published_cells(store, period=period, region_code=region)
    return period, {c.occupation_id: c for c in cells if not c.is_total}


def pool_figure(cell: PublishedCell | None) -> PoolFigure | None:
    """The published job seekers of one cell; None when the source reported none."""
    if cell is None or not any(cell.reported(m) for m in PEOPLE):
        return None
    return PoolFigure(cell.occupation_id, cell.interested, cell.experienced, cell.job_seekers_short)


def competition(cell: PublishedCell | None) -> Competition | None:
    """The published open vacancies and tension of one cell; None without vacancy figures."""
    if cell is None or cell.open_vacancies is None:
        return None
    return Competition(
        cell.occupation_id,
        cell.open_vacancies,
        cell.job_seekers_short,
        cell.tension_ratio,
        cell.tension,
    )


def analyse_vacancy(
    store: Store, models: SkillModels, query: VacancyQuery, actor_id: str | None = None
) -> VacancyAnalysis:
    """All five blocks for one vacancy in one region (see the module docstring). A team
    composition is read, never stored; reading it is logged for `actor_id` (without content)."""
    text = _check_text(query.text)
    lang = "en" if query.lang == "en" else "nl"
    if not 55 <= query.pension_age <= 75:
        raise EmployerInputError(
            "pension_age",
            "the pension age must be between 55 and 75",
            "de AOW-leeftijd moet tussen 55 en 75 liggen",
        )
    region, region_name = _region(store, query.region)
    occupation_labels, skill_labels = queries.labels(store, lang)
    model = models.similarity
    names = queries.occupation_names(store)
    team = resolve_team(store, model, query.team)
    picked = None
    if query.occupation:
        picked = resolve_occupation(model, names, query.occupation)
        if picked is None:
            raise EmployerInputError(
                "occupation",
                f"{query.occupation!r} is not an occupation of the radar (expected an ESCO URI, "
                "its UUID or its exact label)",
                f"{query.occupation!r} is geen beroep van de radar (verwacht een ESCO-URI, de "
                "UUID of de precieze naam)",
            )

    found = models.extractor.extract([text], lang="auto", top=TOP_SKILLS)[0]
    skills = [
        ExtractedSkill(m.uri, skill_labels.get(m.uri) or m.label, m.score, m.span) for m in found
    ]
    profiles = [
        OccupationSkills(
            o.uri, occupation_labels.get(o.uri, o.label), frozenset(o.essential),
            frozenset(o.optional),
        )
        for o in model.occupations
    ]  # fmt: skip
    ranked = rank_occupations(skills, profiles, top=5)
    chosen: OccupationMatch | None = ranked[0] if ranked else None
    if picked is not None:
        own = rank_occupations(skills, [p for p in profiles if p.uri == picked], top=1)
        label = occupation_labels.get(picked, model.occupations[model.index[picked]].label)
        chosen = own[0] if own else OccupationMatch(picked, label, 0.0, (), ())

    period, cells = regional_figures(store, region, chosen.uri if chosen else None)
    supply = {uri: figure for uri, cell in cells.items() if (figure := pool_figure(cell))}
    pool = competing = None
    adjacent: list[tuple[Adjacent, PoolFigure | None]] = []
    pool_total = None
    if chosen is not None:
        uri = chosen.uri
        pool = supply.get(uri)
        competing = competition(cells.get(uri))
        candidates = frozenset(supply) if supply else None
        adjacent = [
            (
                Adjacent(
                    a.uri,
                    occupation_labels.get(a.uri, a.label),
                    a.similarity,
                    tuple((s, skill_labels.get(s, label)) for s, label in a.shared),
                    tuple((s, skill_labels.get(s, label)) for s, label in a.gap),
                ),
                supply.get(a.uri),
            )
            for a in recruit_from(model, uri, TOP_ADJACENT, candidates=candidates)
        ]
        figures = [f for f in [pool, *(p for _, p in adjacent)] if f is not None]
        pool_total = combined_pool(figures) if figures else None

    if team and actor_id is not None:
        audit.record(store, actor_id, "read team composition (not stored)", actor_id, "employer")
    essential = _essential(model, skill_labels, {c.occupation for c in team})
    protected = protect_team(
        team, retirement_risk(team, essential, query.pension_age), query.pension_age
    )
    risks, shown_size = protected.risks, protected.size

    label = chosen.label if chosen else "?"
    analysis = VacancyAnalysis(
        region=region,
        region_name=region_name,
        period=period,
        is_demo=any(c.is_demo for c in cells.values()),
        lang=lang,
        skills=skills,
        occupations=ranked,
        occupation=chosen,
        occupation_picked=picked is not None,
        pool=pool,
        competition=competing,
        adjacent=adjacent,
        pool_with_adjacent=pool_total,
        team_size=shown_size,
        pension_age=query.pension_age,
        risks=risks,
    )
    analysis.texts = {
        "skills": skills_text(len(skills), chosen, picked is not None, lang),
        "pool": pool_text(label, region_name, period, pool, lang),
        "competition": competition_text(label, region_name, period, competing, lang),
        "adjacent": adjacent_text(label, adjacent, lang),
        "team_risk": risk_text(risks, shown_size, query.pension_age, lang) if team else
        risk_text([], None, query.pension_age, lang),
    }  # fmt: skip
    return analysis
