"""The answer of the employer view: the five blocks of one vacancy in one region, and their JSON
contract (POST /api/employer/vacancy and `lloradar employer vacancy`). Counts of people under 10
are already hidden here (None) and come out as null."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from lloradar.analytics.employer import (
    Adjacent,
    Competition,
    ExtractedSkill,
    OccupationMatch,
    PoolFigure,
    PoolTotal,
    ShownSkillRisk,
)

__all__ = ["VacancyAnalysis"]


@dataclass
class VacancyAnalysis:
    region: str
    region_name: str
    period: date | None
    is_demo: bool
    lang: str
    skills: list[ExtractedSkill]
    occupations: list[OccupationMatch]
    occupation: OccupationMatch | None
    occupation_picked: bool
    pool: PoolFigure | None
    competition: Competition | None
    adjacent: list[tuple[Adjacent, PoolFigure | None]]
    pool_with_adjacent: PoolTotal | None
    team_size: int | None
    pension_age: int
    risks: list[ShownSkillRisk]
    texts: dict[str, list[str]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The JSON contract of POST /api/employer/vacancy and `lloradar employer vacancy`."""
        occupation = self.occupation
        return {
            "region": {"code": self.region, "name": self.region_name},
            "period": self.period.strftime("%Y-%m") if self.period else None,
            "is_demo": self.is_demo,
            "skills": {
                "items": [asdict(s) | {"score": round(s.score, 4)} for s in self.skills],
                "occupation": None
                if occupation is None
                else {
                    "uri": occupation.uri,
                    "label": occupation.label,
                    "coverage": round(occupation.coverage, 4),
                    "essential_matched": list(occupation.essential_matched),
                    "picked": self.occupation_picked,
                },
                "candidates": [
                    {"uri": m.uri, "label": m.label, "coverage": round(m.coverage, 4)}
                    for m in self.occupations
                ],
                "text": self.texts["skills"],
            },
            "pool": {**_pool(self.pool), "text": self.texts["pool"]},
            "competition": {
                **(
                    {}
                    if self.competition is None
                    else {
                        "open_vacancies": self.competition.open_vacancies,
                        "job_seekers_short": self.competition.job_seekers_short,
                        "ratio": None
                        if self.competition.ratio is None
                        else round(self.competition.ratio, 3),
                        "tension_class": None
                        if self.competition.tension is None
                        else self.competition.tension.value,
                    }
                ),
                "text": self.texts["competition"],
            },
            "adjacent": {
                "items": [
                    {
                        "uri": a.uri,
                        "label": a.label,
                        "similarity": a.similarity,
                        "viability": a.viability,
                        "pool": _pool(p),
                        "gap": [{"uri": u, "label": label} for u, label in a.gap],
                        "shared": len(a.shared),
                    }
                    for a, p in self.adjacent
                ],
                "pool_with_adjacent": None
                if self.pool_with_adjacent is None
                else asdict(self.pool_with_adjacent),
                "text": self.texts["adjacent"],
            },
            "team_risk": {
                "pension_age": self.pension_age,
                "team_size": self.team_size,
                "items": [asdict(r) for r in self.risks],
                "text": self.texts["team_risk"],
            },
            "note": "null counts of people are hidden: fewer than 10 (disclosure control)",
        }


def _pool(figure: PoolFigure | None) -> dict[str, Any]:
    if figure is None:
        return {
            "candidates": None,
            "interested": None,
            "experienced": None,
            "job_seekers_short": None,
            "no_figures": True,
        }
    return {
        "candidates": figure.candidates,
        "interested": figure.interested,
        "experienced": figure.experienced,
        "job_seekers_short": figure.job_seekers_short,
        "no_figures": False,
    }
