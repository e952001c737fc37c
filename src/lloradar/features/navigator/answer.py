"""A navigator answer: the value the service returns and its JSON form, the contract of the API
and the CLI."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from lloradar.analytics.navigator import (
    MissingSkill,
    OccupationOption,
    Opportunity,
    SkillLabel,
    Transition,
)


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
