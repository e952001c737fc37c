"""Use-case "career options for a set of skills in a region" (loopbaannavigator): read the
occupation-skill graph, the region's tension per occupation (latest month) and the stored
baseline forecast, the courses for the missing skills, and rank with `analytics.navigator`.

Tension is suppressed when fewer than 10 job seekers stand behind it (the ratio would reveal
the count); forecast cells under 10 employed are suppressed by `forecast_results`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from lloradar.analytics.disclosure import disclose
from lloradar.analytics.navigator import (
    MissingSkill,
    OccupationOption,
    OccupationSkills,
    Opportunity,
    SkillLabel,
    Transition,
    rank_occupations,
    transitions,
)
from lloradar.analytics.tension import tension_ratio
from lloradar.domain import IngestError, TensionClass
from lloradar.domain.account import Account, Purpose, Role
from lloradar.features.accounts.service import give_consent, has_consent, withdraw_consent
from lloradar.features.forecast.results import forecast_for_region
from lloradar.features.indicators.skill_profiles import SkillsUnavailable, extract_from_text
from lloradar.features.navigator.courses import courses_for_skills
from lloradar.features.passport.cv import search_skills
from lloradar.features.passport.service import passport_region, passport_skill_uris
from lloradar.services import audit
from lloradar.store import Store

SCENARIO = "baseline"
SEARCH_LIMIT = 12
SIMILAR_SCORE = 0.55  # skills-engine matches for a typed phrase, from this score (measured)
CURRENT_COVERAGE = 0.5  # an occupation a person plausibly works in: half its essential skills


class NavigatorError(ValueError):
    """Input the navigator cannot use: no skills, unknown skills, an unknown region."""


class PassportRefused(NavigatorError):
    """The navigator may not start from this account's passport (role or consent)."""


@dataclass(frozen=True, slots=True)
class NavigatorResult:
    region_code: str
    region_name: str
    skills: list[tuple[str, SkillLabel]]
    options: list[OccupationOption]
    transitions: list[Transition]
    period: date | None
    forecast_run: str | None
    is_demo: bool


_CACHE: dict[tuple[Any, ...], tuple[list[OccupationSkills], dict[str, SkillLabel]]] = {}


def _fingerprint(store: Store) -> tuple[Any, ...]:
    """Cheap counts that change when the occupation-skill graph or the skills change."""
    parts: list[Any] = [store.url]
    for sql in (
        "SELECT count(*), count(DISTINCT source_id), min(source_id), max(source_id) "
        "FROM occupation_skill",
        "SELECT count(*), min(source_id), max(source_id) FROM occupation",
        "SELECT count(*), min(source_id), max(source_id) FROM skill",
        "SELECT count(*), max(source_id) FROM taxonomy_concept WHERE type = 'esco_skill'",
    ):
        parts.extend(store.query(sql)[0])
    return tuple(parts)


def graph_and_labels(store: Store) -> tuple[list[OccupationSkills], dict[str, SkillLabel]]:
    """The occupation-skill graph and the skill labels, read once per store state (reading
    all of ESCO takes about two seconds; the fingerprint a few milliseconds)."""
    key = _fingerprint(store)
    if key not in _CACHE:
        if len(_CACHE) >= 4:
            _CACHE.clear()
        _CACHE[key] = (occupation_graph(store), skill_labels(store))
    return _CACHE[key]


def occupation_graph(store: Store) -> list[OccupationSkills]:
    """Every occupation with at least one skill, with its essential and optional skills."""
    essential: dict[str, list[str]] = {}
    optional: dict[str, list[str]] = {}
    for occupation, skill, relation in store.query(
        "SELECT occupation_id, skill_id, relation FROM occupation_skill ORDER BY 1, 2"
    ):
        (essential if relation == "essential" else optional).setdefault(occupation, []).append(
            skill
        )
    return [
        OccupationSkills(
            str(uri),
            str(en or uri),
            nl,
            tuple(essential.get(uri, ())),
            tuple(optional.get(uri, ())),
        )
        for uri, en, nl in store.query("SELECT id, label_en, label_nl FROM occupation ORDER BY id")
        if uri in essential or uri in optional
    ]


def skill_labels(store: Store) -> dict[str, SkillLabel]:
    labels = {
        str(uri): SkillLabel(str(en), nl)
        for uri, en, nl in store.query(
            "SELECT id, label_en, label_nl FROM taxonomy_concept WHERE type = 'esco_skill'"
        )
    }
    for uri, en, nl in store.query("SELECT id, label_en, label_nl FROM skill"):
        labels[str(uri)] = SkillLabel(str(en or uri), nl or labels.get(str(uri), SkillLabel("")).nl)
    return labels


def region_name(store: Store, region: str) -> str:
    found = store.query(
        "SELECT name FROM region WHERE code = ? AND level = 'arbeidsmarktregio'", [region]
    )
    if not found:
        raise NavigatorError(
            f"region {region!r} is not an arbeidsmarktregio code (expected AM01..AM38)"
        )
    return str(found[0][0])


def regional_tension(
    store: Store, region: str
) -> tuple[date | None, dict[str, tuple[TensionClass | None, float | None]]]:
    """Per occupation in the region's latest month: the tension class and ratio (None when
    suppressed: fewer than 10 short-term job seekers, or no data)."""
    latest = store.query("SELECT max(period) FROM vacancy_stats WHERE region_code = ?", [region])
    period = latest[0][0] if latest and isinstance(latest[0][0], date) else None
    if period is None:
        return None, {}
    result: dict[str, tuple[TensionClass | None, float | None]] = {}
    for occupation, vacancies, seekers in store.query(
        "SELECT v.occupation_id, v.open_vacancies, s.job_seekers_short FROM vacancy_stats v "
        "LEFT JOIN labour_supply s ON s.region_code = v.region_code "
        "AND s.occupation_id = v.occupation_id AND s.period = v.period "
        "WHERE v.region_code = ? AND v.period = ?",
        [region, period],
    ):
        shown = disclose(int(seekers) if seekers is not None else None)
        ratio = None if shown is None else tension_ratio(int(vacancies or 0), shown)
        result[str(occupation)] = (TensionClass.from_ratio(ratio), ratio)
    return period, result


def regional_forecast(
    store: Store, region: str
) -> tuple[str | None, dict[str, tuple[str | None, float | None]]]:
    """Per occupation: the prospect class over the horizon and the growth of the employed
    stock (expansion demand over the starting stock), from the newest baseline run."""
    try:
        rows = forecast_for_region(store, region, SCENARIO)
    except IngestError:
        return None, {}
    result: dict[str, tuple[str | None, float | None]] = {}
    run = None
    for row in rows:
        run = row["run_id"]
        growth = None
        if row["stock"] is not None and row["expansion_demand"] is not None:
            start = row["stock"] - row["expansion_demand"]
            growth = row["expansion_demand"] / start if start > 0 else None
        result[row["occupation_id"]] = (row["prospect"], growth)
    return run, result


def opportunities(
    store: Store, region: str
) -> tuple[date | None, str | None, dict[str, Opportunity]]:
    period, tension = regional_tension(store, region)
    run, forecast = regional_forecast(store, region)
    result = {}
    for occupation in set(tension) | set(forecast):
        cls, ratio = tension.get(occupation, (None, None))
        prospect, growth = forecast.get(occupation, (None, None))
        result[occupation] = Opportunity(cls, ratio, prospect, growth)
    return period, run, result


def _is_demo(store: Store) -> bool:
    found = store.query(
        "SELECT 1 FROM provenance WHERE is_demo AND source_id IN "
        "(SELECT source_id FROM vacancy_stats UNION SELECT source_id FROM occupation "
        "UNION SELECT source_id FROM course) LIMIT 1"
    )
    return bool(found)


def navigate(
    store: Store, skills: Sequence[str], region: str, *, top: int = 10, strict: bool = True
) -> NavigatorResult:
    """Occupations ranked for `skills` (URIs) in `region`, with missing skills and courses, and
    the moves from shrinking to growing occupations that start where the person stands.
    Unknown skills are an error, or left out with `strict=False` (a passport may hold skills
    of a taxonomy this store does not have)."""
    wanted = list(dict.fromkeys(s.strip() for s in skills if s.strip()))
    name = region_name(store, region)
    graph, labels = graph_and_labels(store)
    if not strict:
        wanted = [s for s in wanted if s in labels]
    if not wanted:
        raise NavigatorError("no skills given (pass one or more skill URIs)")
    unknown = [s for s in wanted if s not in labels]
    if unknown:
        raise NavigatorError(
            f"unknown skill(s): {', '.join(unknown)} (expected URIs of the skills in this store)"
        )
    period, run, chances = opportunities(store, region)
    person = set(wanted)
    current = [
        o.uri
        for o in graph
        if o.essential
        and len(person & set(o.essential)) / len(set(o.essential)) >= CURRENT_COVERAGE
    ]
    # Rank once without courses, then look up courses only for what the answer shows and
    # rank those few occupations again with them (the order does not depend on courses).
    options = rank_occupations(wanted, graph, chances, labels, {}, top=top)
    moves = transitions(graph, chances, labels, {}, origins=current or None, person=wanted)
    shown = {s.uri for o in options for s in o.missing} | {s.uri for t in moves for s in t.missing}
    courses = courses_for_skills(store, sorted(shown), region)
    options = rank_occupations(
        wanted, [o.occupation for o in options], chances, labels, courses, top=top
    )
    involved = {t.origin.uri for t in moves} | {t.destination.uri for t in moves}
    moves = transitions(
        [o for o in graph if o.uri in involved],
        chances,
        labels,
        courses,
        origins=current or None,
        person=wanted,
    )
    return NavigatorResult(
        region, name, [(s, labels[s]) for s in wanted], options, moves, period, run, _is_demo(store)
    )


@dataclass(frozen=True, slots=True)
class PassportStart:
    """Where the navigator starts for a logged-in citizen: their passport's skills and region,
    when they consented to the navigator using it (purpose 'navigator')."""

    citizen: bool
    consented: bool
    skills: list[str]
    region: str | None


def passport_start(store: Store, account: Account | None) -> PassportStart:
    """The passport of `account` for the navigator; every read is logged in the audit log."""
    if account is None or account.role != Role.CITIZEN:
        return PassportStart(False, False, [], None)
    if not has_consent(store, account.id, Purpose.NAVIGATOR):
        return PassportStart(True, False, [], None)
    audit.record(
        store, account.id, "career navigator: passport used", account.id, str(Purpose.NAVIGATOR)
    )
    skills = passport_skill_uris(store, account.id)
    return PassportStart(True, True, skills, passport_region(store, account.id))


def passport_navigation(
    store: Store,
    account: Account,
    skills: Sequence[str],
    region: str | None,
    *,
    top: int = 10,
) -> NavigatorResult:
    """Navigate from a citizen's own passport (skills and region, read and logged through
    `passport_start`) plus `skills` given with the request; `region` overrides the passport's.
    `PassportRefused` without the role or the consent (purpose 'navigator')."""
    if account.role != Role.CITIZEN:
        raise PassportRefused("only a citizen can start the navigator from their own passport")
    start = passport_start(store, account)
    if not start.consented:
        raise PassportRefused(
            "give consent for the purpose 'navigator' first (PUT /api/me/consent/navigator)"
        )
    region = region or start.region
    if region is None:
        raise NavigatorError("region: your passport names no region; send one (e.g. AM22)")
    _, labels = graph_and_labels(store)
    own = [s for s in start.skills if s in labels]  # a passport may hold other taxonomies' skills
    if not own and not skills:
        raise NavigatorError(
            "no skills given: your passport holds no skills this radar knows (add them first)"
        )
    return navigate(store, [*own, *skills], region, top=top)


def set_passport_use(store: Store, account: Account, allowed: bool) -> None:
    """Give or withdraw the citizen's consent to let the navigator read their passport."""
    if account.role != Role.CITIZEN:
        raise NavigatorError("only a citizen's own passport can start the navigator")
    if allowed:
        give_consent(store, account.id, Purpose.NAVIGATOR)
    else:
        withdraw_consent(store, account.id, Purpose.NAVIGATOR)


def occupation_skills(store: Store, occupation: str) -> list[str]:
    """The essential skills of an occupation (id), for 'start from my current occupation'."""
    rows = store.query(
        "SELECT skill_id FROM occupation_skill WHERE occupation_id = ? AND relation = 'essential' "
        "ORDER BY skill_id",
        [occupation],
    )
    if not rows:
        raise NavigatorError(f"occupation {occupation!r} has no skills in this store")
    return [str(r[0]) for r in rows]


@dataclass(frozen=True, slots=True)
class SkillMatch:
    """A skill offered for a typed text: by its label, or `similar` (the skills engine)."""

    uri: str
    label: str
    similar: bool = False


def find_skills(
    store: Store, store_url: str, text: str, lang: str, *, limit: int = SEARCH_LIMIT
) -> list[SkillMatch]:
    """Skills the navigator knows for a typed text (Dutch or English): first those whose label
    contains it (the passport's ESCO label search), then, when that finds too few, skills the
    skills engine finds in the text from score SIMILAR_SCORE (so 'communiceren met klanten'
    finds 'communicate with customers' where the store has no Dutch labels)."""
    text = text.strip()[:100]
    if len(text.replace("%", "").replace("_", "").strip()) < 2:  # the search drops wildcards
        return []
    _, labels = graph_and_labels(store)
    found = [
        SkillMatch(s.uri, labels[s.uri].label(lang))
        for s in search_skills(store, text, limit)
        if s.uri in labels
    ]
    if len(found) < limit // 2:
        try:
            engine = extract_from_text(store_url, text, "auto", limit)
        except SkillsUnavailable:
            engine = []
        seen = {m.uri for m in found}
        for match in engine:
            uri = str(match["uri"])
            if match["score"] >= SIMILAR_SCORE and uri in labels and uri not in seen:
                seen.add(uri)
                found.append(SkillMatch(uri, labels[uri].label(lang), similar=True))
    return found[:limit]


def chosen_skills(store: Store, uris: Sequence[str], lang: str) -> list[SkillMatch]:
    """The known skills among `uris` (in their order, once each) with their labels."""
    _, labels = graph_and_labels(store)
    return [SkillMatch(u, labels[u].label(lang)) for u in dict.fromkeys(uris) if u in labels]


def choices(store: Store) -> dict[str, list[tuple[str, str, str]]]:
    """What the navigator and course forms offer, as (id, nl, en): the regions, every
    occupation with skills, and the skills some course teaches (the course filter: a skill no
    course teaches would only ever give an empty list). The navigator's own skills are picked
    by typing (`find_skills`), not from a list."""
    regions = [
        (str(c), str(n), str(n))
        for c, n in store.query(
            "SELECT code, name FROM region WHERE level = 'arbeidsmarktregio' ORDER BY code"
        )
    ]
    graph, labels = graph_and_labels(store)
    occupations = [
        (o.uri, o.label("nl"), o.label_en)
        for o in sorted(graph, key=lambda o: o.label("nl").lower())
    ]
    taught = store.query("SELECT DISTINCT skill_id FROM course_skill")
    skills = sorted(
        (
            (str(r[0]), labels[str(r[0])].label("nl"), labels[str(r[0])].en)
            for r in taught
            if str(r[0]) in labels
        ),
        key=lambda s: s[1].lower(),
    )
    return {"regions": regions, "occupations": occupations, "skills": skills}


def _missing_json(missing: Sequence[MissingSkill], lang: str) -> list[dict[str, Any]]:
    return [
        {
            "uri": m.uri,
            "label": m.label.label(lang),
            "courses": [
                {
                    "course_id": c.course_id,
                    "name": c.name,
                    "provider": c.provider,
                    "region_code": c.region_code,
                    "start_date": c.start_date.isoformat() if c.start_date else None,
                }
                for c in m.courses
            ],
        }
        for m in missing
    ]


def _opportunity_json(o: Opportunity) -> dict[str, Any]:
    return {
        "tension_class": o.tension.value if o.tension else None,
        "tension_ratio": None if o.tension_ratio is None else round(o.tension_ratio, 3),
        "forecast_prospect": o.prospect,
        "forecast_growth": None if o.growth is None else round(o.growth, 4),
        "forecast_direction": o.direction,
        "score": None if o.score is None else round(o.score, 4),
    }


def result_json(result: NavigatorResult, lang: str = "en") -> dict[str, Any]:
    """The API/CLI contract of a navigator answer."""
    return {
        "region": {"code": result.region_code, "name": result.region_name},
        "period": result.period.isoformat() if result.period else None,
        "forecast_run": result.forecast_run,
        "is_demo": result.is_demo,
        "skills": [{"uri": u, "label": label.label(lang)} for u, label in result.skills],
        "occupations": [
            {
                "uri": o.occupation.uri,
                "label": o.occupation.label(lang),
                "score": round(o.score, 4),
                "fit": round(o.fit, 4),
                "essential_coverage": round(o.essential_coverage, 4),
                "optional_coverage": round(o.optional_coverage, 4),
                "opportunity": _opportunity_json(o.opportunity),
                "have": list(o.have),
                "missing_skills": _missing_json(o.missing, lang),
            }
            for o in result.options
        ],
        "transitions": [
            {
                "from": {"uri": t.origin.uri, "label": t.origin.label(lang)},
                "to": {"uri": t.destination.uri, "label": t.destination.label(lang)},
                "coverage": round(t.coverage, 4),
                "opportunity": _opportunity_json(t.destination_opportunity),
                "missing_skills": _missing_json(t.missing, lang),
            }
            for t in result.transitions
        ],
    }
