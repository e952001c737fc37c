"""The employer view's figures, pure: the occupation a vacancy's skills point to, the regional
candidate pool, the competing vacancies, the occupations to recruit from and the skills the team
loses through retirement.

The regional figures of one region x occupation x month (job seekers, interested, experienced,
the tension ratio and class) arrive as published (`published_indicator`, disclosure control
applied once over the whole table, cells and totals): this module takes them as they are, a
hidden value is None, and never discloses or recomputes them.

Differencing: a pool over several occupations is the sum of the *shown* published cells only,
with the number of hidden ones beside it, so the pools of occupations {A} and {A, B} differ by
B's shown value or by nothing: a hidden cell never becomes the difference of two numbers.

The team's retirement figures (not in the published table) go through one ledger per answer
(`CellLedger`, the overlap ledger of `analytics.disclosure` for populations made of team cells):
a count under 10 is hidden, and so is every count whose group differs from an already shown
group by 1..9 people, so the holders of two skills, or the holders and those retiring, never
give a small group away.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from lloradar.analytics.disclosure import MIN_PEOPLE, disclose
from lloradar.analytics.similarity import HIGHLY_VIABLE, VIABLE, WEIGHTS, SimilarityModel
from lloradar.domain import TensionClass

OPTIONAL_WEIGHT = 0.5  # an extracted skill that is optional for an occupation counts half
MIN_SIMILARITY = 0.10  # below this a move shares too little to call it a way in
AT_RISK_SHARE = 0.5  # "mostly": half or more of a skill's holders retire within the horizon
HORIZONS = (5, 10)


@dataclass(frozen=True, slots=True)
class ExtractedSkill:
    uri: str
    label: str
    score: float
    span: str = ""  # the words of the text it was found in


@dataclass(frozen=True, slots=True)
class OccupationSkills:
    uri: str
    label: str
    essential: frozenset[str]
    optional: frozenset[str]


@dataclass(frozen=True, slots=True)
class OccupationMatch:
    """How well an occupation explains a vacancy's skills: `coverage` is the share of the
    extracted skill score that the occupation's essential (full) and optional (half) skills
    account for."""

    uri: str
    label: str
    coverage: float
    essential_matched: tuple[str, ...]
    optional_matched: tuple[str, ...]


def rank_occupations(
    skills: Sequence[ExtractedSkill], occupations: Iterable[OccupationSkills], top: int = 5
) -> list[OccupationMatch]:
    """The occupations whose skills best cover the extracted skills, best first; ties go to
    more essential matches, then to the label. No skills or no overlap gives []."""
    total = sum(max(s.score, 0.0) for s in skills)
    if total <= 0:
        return []
    matches = []
    for occupation in occupations:
        essential = tuple(s.uri for s in skills if s.uri in occupation.essential)
        optional = tuple(
            s.uri for s in skills if s.uri in occupation.optional and s.uri not in essential
        )
        if not essential and not optional:
            continue
        score = sum(max(s.score, 0.0) for s in skills if s.uri in essential)
        score += OPTIONAL_WEIGHT * sum(max(s.score, 0.0) for s in skills if s.uri in optional)
        matches.append(
            OccupationMatch(occupation.uri, occupation.label, score / total, essential, optional)
        )
    matches.sort(key=lambda m: (-round(m.coverage, 9), -len(m.essential_matched), m.label))
    return matches[:top]


@dataclass(frozen=True, slots=True)
class PoolFigure:
    """The job seekers of one occupation in the region and month, as published: None is hidden
    (disclosure control) or not reported."""

    occupation: str
    interested: int | None
    experienced: int | None
    job_seekers_short: int | None

    @property
    def candidates(self) -> int | None:
        """At least this many job seekers want or have done the occupation (people can be
        both, so the two counts are not added): the larger shown count."""
        shown = [v for v in (self.interested, self.experienced) if v is not None]
        return max(shown) if shown else None


@dataclass(frozen=True, slots=True)
class PoolTotal:
    """The pool over several occupations: the sum of the shown cells and how many were hidden
    (or had no figures). An upper bound of people, as one person can be counted in two
    occupations."""

    candidates: int
    hidden: int
    occupations: int


def combined_pool(figures: Sequence[PoolFigure]) -> PoolTotal:
    shown = [f.candidates for f in figures if f.candidates is not None]
    return PoolTotal(sum(shown), len(figures) - len(shown), len(figures))


@dataclass(frozen=True, slots=True)
class Competition:
    """Open vacancies of an occupation in the region, and the spanningsindicator / tension
    indicator (vacancies per short-term job seeker, UWV method) as published: None when hidden
    with the job-seeker count it would give away, or without job-seeker figures."""

    occupation: str
    open_vacancies: int
    job_seekers_short: int | None
    ratio: float | None
    tension: TensionClass | None


@dataclass(frozen=True, slots=True)
class Adjacent:
    """An occupation to recruit and retrain from: how similar it is as a move *into* the
    vacancy's occupation, the skills it shares and the essential skills it lacks (the gap)."""

    uri: str
    label: str
    similarity: float
    shared: tuple[tuple[str, str], ...]
    gap: tuple[tuple[str, str], ...]

    @property
    def viability(self) -> str:
        """As `analytics.similarity`: highly viable from 0.40, viable from 0.30, else weak."""
        if self.similarity >= HIGHLY_VIABLE:
            return "highly viable"
        return "viable" if self.similarity >= VIABLE else "weak"


def recruit_from(
    model: SimilarityModel,
    target: str,
    top: int = 5,
    *,
    candidates: frozenset[str] | None = None,
    max_level_gap: int | None = 1,
) -> list[Adjacent]:
    """The occupations people move best *from* into `target` (similarity origin -> target,
    as `analytics.similarity`), best first, from `MIN_SIMILARITY`; only `candidates` when
    given."""
    if target not in model.index:
        raise LookupError(f"{target!r} is not an occupation of the skills graph")
    t = model.index[target]
    coverage = (model.all_skills @ model.essential[t].T).toarray().ravel()
    coverage = coverage / max(float(model.n_essential[t]), 1.0)
    shared = (model.all_skills @ model.all_skills[t].T).toarray().ravel()
    union = model.n_all + model.n_all[t] - shared
    overlap = shared / np.maximum(union, 1)
    described = (model.descriptions @ model.descriptions[t].T).toarray().ravel()
    w_cov, w_overlap, w_described = WEIGHTS
    score = w_cov * coverage + w_overlap * overlap + w_described * described
    score[t] = -math.inf
    if candidates is not None:
        for uri, i in model.index.items():
            if uri not in candidates:
                score[i] = -math.inf
    if max_level_gap is not None and model.levels[t]:
        gap = np.abs(model.levels.astype(np.int16) - int(model.levels[t]))
        score[(model.levels > 0) & (gap > max_level_gap)] = -math.inf
    ranked = np.argsort(-score, kind="stable")[:top]
    order = [int(i) for i in ranked if score[i] >= MIN_SIMILARITY]
    destination = model.occupations[t]
    wanted = list(dict.fromkeys((*destination.essential, *destination.optional)))
    found = []
    for i in order:
        origin = model.occupations[i]
        have = set(origin.essential) | set(origin.optional)
        found.append(
            Adjacent(
                origin.uri,
                origin.label,
                round(float(score[i]), 4),
                tuple((s, model.skill_labels.get(s, s)) for s in wanted if s in have),
                tuple(
                    (s, model.skill_labels.get(s, s))
                    for s in dict.fromkeys(destination.essential)
                    if s not in have
                ),
            )
        )
    return found


@dataclass(frozen=True, slots=True)
class TeamCell:
    """Members of the employer's team in one occupation and age band (ages low..high, both
    included; high None is an open band such as 65+)."""

    occupation: str
    age_low: int
    age_high: int | None
    count: int


def retiring_fraction(low: int, high: int | None, pension_age: int, horizon: int) -> float:
    """The share of a band that reaches the pension age within `horizon` years, with ages
    spread evenly over the band; an open band runs to the pension age."""
    top = max(low, pension_age) if high is None else high
    first = pension_age - horizon
    ages = top - low + 1
    return max(0, top - max(low, first) + 1) / ages


@dataclass(frozen=True, slots=True)
class SkillRisk:
    """One essential skill of the team: how many hold it and how many of them retire within 5
    and 10 years (unprotected; publish through `protect_team`)."""

    uri: str
    label: str
    holders: int
    retiring: tuple[int, int]
    cells: tuple[int, ...] = ()  # indexes of the team cells that hold it

    @property
    def at_risk(self) -> bool:
        return self.holders > 0 and self.retiring[1] >= AT_RISK_SHARE * self.holders


@dataclass(frozen=True, slots=True)
class ShownSkillRisk:
    uri: str
    label: str
    holders: int | None
    retiring_5: int | None
    retiring_10: int | None
    share_10: int | None  # percent
    at_risk: bool | None


def retiring_people(cell: TeamCell, pension_age: int) -> tuple[int, int]:
    """Of one team cell: whole people retiring within 5 and 10 years (rounded half up)."""
    return (
        _whole(cell.count * retiring_fraction(cell.age_low, cell.age_high, pension_age, 5)),
        _whole(cell.count * retiring_fraction(cell.age_low, cell.age_high, pension_age, 10)),
    )


def retirement_risk(
    team: Sequence[TeamCell],
    essential: Mapping[str, Sequence[tuple[str, str]]],
    pension_age: int,
) -> list[SkillRisk]:
    """For every essential skill of the team's occupations: holders and those retiring within
    5 and 10 years (summed over the cells, each rounded to whole people), most at risk first.
    Unprotected: publish through `protect_team`."""
    holders: dict[str, int] = {}
    retiring: dict[str, list[int]] = {}
    cells: dict[str, list[int]] = {}
    labels: dict[str, str] = {}
    for i, cell in enumerate(team):
        leaving = retiring_people(cell, pension_age)
        for uri, label in essential.get(cell.occupation, ()):
            labels[uri] = label
            holders[uri] = holders.get(uri, 0) + cell.count
            cells.setdefault(uri, []).append(i)
            sums = retiring.setdefault(uri, [0, 0])
            for k in range(len(HORIZONS)):
                sums[k] += leaving[k]
    risks = [
        SkillRisk(
            uri,
            labels[uri],
            holders[uri],
            (retiring[uri][0], retiring[uri][1]),
            tuple(dict.fromkeys(cells[uri])),
        )
        for uri in holders
    ]
    risks.sort(key=lambda r: (-(r.retiring[1] / max(r.holders, 1)), -r.holders, r.label))
    return risks


# A population of team members as a count per team cell: the first n people of cell i (the
# retiring ones of a cell are a prefix of its holders), so set differences are sums.
Population = tuple[int, ...]


@dataclass(slots=True)
class CellLedger:
    """`analytics.disclosure.DisclosureLedger` for populations made of whole team cells: a count
    is refused when it differs from an answered one by 1..9 people on either side."""

    answered: list[Population] = field(default_factory=list)

    def answer(self, population: Population) -> int | None:
        size = sum(population)
        if disclose(size) is None:
            return None
        for earlier in self.answered:
            if earlier == population:
                return size
            more = sum(max(0, a - b) for a, b in zip(population, earlier, strict=True))
            less = sum(max(0, b - a) for a, b in zip(population, earlier, strict=True))
            if 0 < more < MIN_PEOPLE or 0 < less < MIN_PEOPLE:
                return None
        self.answered.append(population)
        return size


@dataclass(frozen=True, slots=True)
class ProtectedTeam:
    size: int | None
    risks: list[ShownSkillRisk]


def protect_team(
    team: Sequence[TeamCell], risks: Sequence[SkillRisk], pension_age: int
) -> ProtectedTeam:
    """The team size and every skill row as they may be shown, through one ledger: a count
    under 10 is hidden, and so is any count that differs by 1..9 people from one already shown
    (the holders of two skills, or holders and their retiring part), so no two numbers on the
    screen give a small group away. Rows are answered most at risk first."""
    leaving = [retiring_people(cell, pension_age) for cell in team]
    ledger = CellLedger()

    def people(cells: Sequence[int], horizon: int | None) -> Population:
        chosen = set(cells)
        return tuple(
            (cell.count if horizon is None else leaving[i][horizon]) if i in chosen else 0
            for i, cell in enumerate(team)
        )

    size = ledger.answer(people(range(len(team)), None))
    shown = []
    for risk in risks:
        holders = ledger.answer(people(risk.cells, None))
        within_5 = within_10 = None
        if holders is not None:
            within_5 = ledger.answer(people(risk.cells, 0))
            within_10 = ledger.answer(people(risk.cells, 1))
        share = None
        if within_10 is not None and holders is not None:
            share = round(100 * within_10 / holders)
        # A class over a shown group of 10 or more is an aggregate; otherwise nothing is shown.
        at_risk = risk.at_risk if holders is not None else None
        shown.append(
            ShownSkillRisk(risk.uri, risk.label, holders, within_5, within_10, share, at_risk)
        )
    return ProtectedTeam(size, shown)


def _whole(value: float) -> int:
    return math.floor(value + 0.5 + 1e-9)
