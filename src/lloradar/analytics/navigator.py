"""The career navigator (loopbaannavigator): occupations ranked for a person's skills by skill
fit and regional opportunity, each with the essential skills still missing and the courses that
teach them; and moves from shrinking to growing occupations. Pure: values in, values out.

- essential coverage: the share of an occupation's essential skills the person has (as in
  `analytics.similarity`, where it carries half the weight of a move);
- optional coverage: the same over its optional skills;
- fit = 0.8 * essential coverage + 0.2 * optional coverage;
- opportunity, 0..1, in the person's arbeidsmarktregio: the mean of the tension class (UWV
  spanningsindicator: zeer ruim 0 .. zeer krap 1; a tight market means better chances for a
  job seeker) and the forecast prospect class (ROA-style: slecht 0 .. zeer goed 1); a part
  without data is left out, and without any data opportunity is unknown and counts as 0.5;
- score = fit * (0.6 + 0.4 * opportunity): opportunity moves an occupation up or down by at
  most 40%, but never lifts one the person hardly fits above one they fit well.
An occupation is a candidate when the person has at least one of its skills.
Forecast direction: the change of the employed stock over the horizon, 'growing' from +2%,
'shrinking' from -2%, otherwise 'stable'."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from lloradar.domain import TensionClass

FIT_WEIGHTS = (0.8, 0.2)
OPPORTUNITY_WEIGHT = 0.4
NEUTRAL = 0.5
GROWTH_BAND = 0.02
PROSPECT_SCORE = {"zeer goed": 1.0, "goed": 0.75, "redelijk": 0.5, "matig": 0.25, "slecht": 0.0}


@dataclass(frozen=True, slots=True)
class OccupationSkills:
    uri: str
    label_en: str
    label_nl: str | None
    essential: tuple[str, ...]
    optional: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" or not self.label_nl else self.label_nl


@dataclass(frozen=True, slots=True)
class Opportunity:
    """The regional market of one occupation: tension (latest month) and forecast."""

    tension: TensionClass | None = None
    tension_ratio: float | None = None
    prospect: str | None = None
    growth: float | None = None

    @property
    def direction(self) -> str | None:
        return forecast_direction(self.growth)

    @property
    def score(self) -> float | None:
        parts = []
        if self.tension is not None:
            parts.append(self.tension.rank / (len(TensionClass) - 1))
        if self.prospect in PROSPECT_SCORE:
            parts.append(PROSPECT_SCORE[str(self.prospect)])
        return sum(parts) / len(parts) if parts else None


@dataclass(frozen=True, slots=True)
class CourseRef:
    course_id: str
    name: str
    provider: str
    region_code: str | None = None
    start_date: date | None = None


@dataclass(frozen=True, slots=True)
class SkillLabel:
    en: str
    nl: str | None = None

    def label(self, lang: str) -> str:
        return self.en if lang == "en" or not self.nl else self.nl


@dataclass(frozen=True, slots=True)
class MissingSkill:
    uri: str
    label: SkillLabel
    courses: tuple[CourseRef, ...]


@dataclass(frozen=True, slots=True)
class OccupationOption:
    occupation: OccupationSkills
    score: float
    fit: float
    essential_coverage: float
    optional_coverage: float
    opportunity: Opportunity
    have: tuple[str, ...]
    missing: tuple[MissingSkill, ...]


@dataclass(frozen=True, slots=True)
class Transition:
    """A move from a shrinking to a growing occupation: how much of the destination's
    essential skills the origin covers and what is missing, with courses."""

    origin: OccupationSkills
    destination: OccupationSkills
    coverage: float
    destination_opportunity: Opportunity
    missing: tuple[MissingSkill, ...]


def forecast_direction(growth: float | None) -> str | None:
    if growth is None:
        return None
    if growth >= GROWTH_BAND:
        return "growing"
    if growth <= -GROWTH_BAND:
        return "shrinking"
    return "stable"


def _share(part: Collection[str], whole: Collection[str]) -> float:
    wanted = set(whole)
    return len(wanted & set(part)) / len(wanted) if wanted else 0.0


def skill_fit(person: Collection[str], occupation: OccupationSkills) -> tuple[float, float, float]:
    """(fit, essential coverage, optional coverage); an occupation without essential skills
    is judged on its optional ones, and the other way round."""
    essential = _share(person, occupation.essential)
    optional = _share(person, occupation.optional)
    if not occupation.essential:
        essential = optional
    if not occupation.optional:
        optional = essential
    w_essential, w_optional = FIT_WEIGHTS
    return w_essential * essential + w_optional * optional, essential, optional


def missing_skills(
    wanted: Sequence[str],
    have: Collection[str],
    labels: Mapping[str, SkillLabel],
    courses: Mapping[str, Sequence[CourseRef]],
) -> tuple[MissingSkill, ...]:
    """The wanted skills not in `have`, those with a course first, then by label."""
    owned = set(have)
    missing = [
        MissingSkill(uri, labels.get(uri, SkillLabel(uri)), tuple(courses.get(uri, ())))
        for uri in dict.fromkeys(wanted)
        if uri not in owned
    ]
    return tuple(sorted(missing, key=lambda m: (not m.courses, m.label.en.lower(), m.uri)))


def rank_occupations(
    person: Collection[str],
    occupations: Sequence[OccupationSkills],
    opportunities: Mapping[str, Opportunity],
    labels: Mapping[str, SkillLabel],
    courses: Mapping[str, Sequence[CourseRef]],
    top: int = 10,
) -> list[OccupationOption]:
    """The `top` occupations for a person's skills, best first (ties: better fit, then label)."""
    skills = set(person)
    options = []
    for occupation in occupations:
        have = [
            s for s in dict.fromkeys((*occupation.essential, *occupation.optional)) if s in skills
        ]
        if not have:
            continue
        fit, essential, optional = skill_fit(skills, occupation)
        opportunity = opportunities.get(occupation.uri, Opportunity())
        chance = opportunity.score
        weight = OPPORTUNITY_WEIGHT
        score = fit * (1 - weight + weight * (NEUTRAL if chance is None else chance))
        options.append(
            OccupationOption(
                occupation,
                score,
                fit,
                essential,
                optional,
                opportunity,
                tuple(have),
                missing_skills(occupation.essential, skills, labels, courses),
            )
        )
    options.sort(key=lambda o: (-round(o.score, 9), -o.fit, o.occupation.label_en.lower()))
    return options[:top]


def transitions(
    occupations: Sequence[OccupationSkills],
    opportunities: Mapping[str, Opportunity],
    labels: Mapping[str, SkillLabel],
    courses: Mapping[str, Sequence[CourseRef]],
    *,
    origins: Collection[str] | None = None,
    person: Collection[str] = (),
    per_origin: int = 3,
) -> list[Transition]:
    """For each shrinking occupation (of `origins` when given): the `per_origin` growing
    occupations whose essential skills it covers best; all moves by coverage (ties: better
    opportunity, then label). Missing skills are those neither the origin nor the person has."""
    direction = {o.uri: opportunities.get(o.uri, Opportunity()).direction for o in occupations}
    growing = [o for o in occupations if direction[o.uri] == "growing"]
    result = []
    for origin in occupations:
        if direction[origin.uri] != "shrinking" or (
            origins is not None and origin.uri not in origins
        ):
            continue
        have = {*origin.essential, *origin.optional, *person}
        moves = []
        for destination in growing:
            coverage = _share(have, destination.essential)
            if coverage <= 0:
                continue
            opportunity = opportunities.get(destination.uri, Opportunity())
            moves.append(
                Transition(
                    origin,
                    destination,
                    coverage,
                    opportunity,
                    missing_skills(destination.essential, have, labels, courses),
                )
            )
        result.extend(sorted(moves, key=_move_order)[:per_origin])
    return sorted(result, key=_move_order)


def _move_order(move: Transition) -> tuple[float, float, str, str]:
    chance = move.destination_opportunity.score
    return (
        -move.coverage,
        -(NEUTRAL if chance is None else chance),
        move.destination.label_en.lower(),
        move.origin.label_en.lower(),
    )
