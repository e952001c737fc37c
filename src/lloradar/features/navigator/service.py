"""Use-case "career options for a set of skills in a region" (loopbaannavigator): read the
occupation-skill graph, the region's tension per occupation (latest month) and the stored
baseline forecast, the courses for the missing skills, and rank with `analytics.navigator`.
The SQL lives in `queries`, the region's figures in `opportunities`, the JSON form of an answer
in `answer`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from lloradar.analytics.navigator import (
    OccupationSkills,
    SkillLabel,
    rank_occupations,
    transitions,
)
from lloradar.domain.account import Account, Purpose, Role
from lloradar.domain.region import ARBEIDSMARKTREGIO_CODES
from lloradar.features.accounts.service import give_consent, has_consent, withdraw_consent
from lloradar.features.navigator import queries
from lloradar.features.navigator.answer import NavigatorResult, result_json
from lloradar.features.navigator.courses import courses_for_skills
from lloradar.features.navigator.opportunities import (
    SCENARIO,
    opportunities,
    regional_forecast,
    regional_tension,
)
from lloradar.features.navigator.queries import occupation_graph, skill_labels
from lloradar.features.passport.service import passport_region, passport_skill_uris, search_skills
from lloradar.features.skills.service import SkillsUnavailable, extract_from_text
from lloradar.services import audit
from lloradar.store import Store

__all__ = [
    "CURRENT_COVERAGE",
    "SCENARIO",
    "SEARCH_LIMIT",
    "SIMILAR_SCORE",
    "NavigatorError",
    "NavigatorResult",
    "PassportRefused",
    "PassportStart",
    "SkillMatch",
    "choices",
    "chosen_skills",
    "courses_for_skills",
    "find_skills",
    "graph_and_labels",
    "navigate",
    "occupation_graph",
    "occupation_skills",
    "opportunities",
    "passport_navigation",
    "passport_start",
    "region_name",
    "regional_forecast",
    "regional_tension",
    "result_json",
    "set_passport_use",
    "skill_labels",
]

SEARCH_LIMIT = 12
SIMILAR_SCORE = 0.55  # skills-engine matches for a typed phrase, from this score (measured)
CURRENT_COVERAGE = 0.5  # an occupation a person plausibly works in: half its essential skills


class NavigatorError(ValueError):
    """Input the navigator cannot use: no skills, unknown skills, an unknown region."""


class PassportRefused(NavigatorError):
    """The navigator may not start from this account's passport (role or consent)."""


_CACHE: dict[tuple[Any, ...], tuple[list[OccupationSkills], dict[str, SkillLabel]]] = {}


def graph_and_labels(store: Store) -> tuple[list[OccupationSkills], dict[str, SkillLabel]]:
    """The occupation-skill graph and the skill labels, read once per store state (reading
    all of ESCO takes about two seconds; the fingerprint a few milliseconds)."""
    key = queries.graph_fingerprint(store)
    if key not in _CACHE:
        if len(_CACHE) >= 4:
            _CACHE.clear()
        _CACHE[key] = (occupation_graph(store), skill_labels(store))
    return _CACHE[key]


def region_name(store: Store, region: str) -> str:
    name = queries.region_name(store, region)
    if name is None:
        raise NavigatorError(
            f"region {region!r} is not an arbeidsmarktregio code (expected {ARBEIDSMARKTREGIO_CODES})"
        )
    return name


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
        region,
        name,
        [(s, labels[s]) for s in wanted],
        options,
        moves,
        period,
        run,
        queries.has_demo_rows(store),
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
    skills = queries.essential_skills(store, occupation)
    if not skills:
        raise NavigatorError(f"occupation {occupation!r} has no skills in this store")
    return skills


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
    regions = [(c, n, n) for c, n in queries.labour_market_regions(store)]
    graph, labels = graph_and_labels(store)
    occupations = [
        (o.uri, o.label("nl"), o.label_en)
        for o in sorted(graph, key=lambda o: o.label("nl").lower())
    ]
    skills = sorted(
        (
            (uri, labels[uri].label("nl"), labels[uri].en)
            for uri in queries.taught_skills(store)
            if uri in labels
        ),
        key=lambda s: s[1].lower(),
    )
    return {"regions": regions, "occupations": occupations, "skills": skills}
