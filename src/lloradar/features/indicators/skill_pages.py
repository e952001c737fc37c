"""The skill profile page: a skill's labels, the occupations that need it (essential or
optional) and the regional demand for those occupations."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from lloradar.features.indicators.radar import RadarData
from lloradar.features.indicators.skill_profiles import (
    SkillProfile,
    regional_demand,
    skill_profile,
    suggest_skills,
)
from lloradar.services.web_store import Store
from lloradar.web.i18n import request_lang
from lloradar.web.routes import (
    DataDep,
    StoreDep,
    UnknownCode,
    csv_response,
    page_not_found,
    render,
)
from lloradar.web.views import Chart, fact_sources, fmt_int

router = APIRouter(include_in_schema=False)

WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "skill": "Vaardigheid",
        "essential": "Beroepen waarvoor deze vaardigheid essentieel is",
        "optional": "Beroepen waarvoor deze vaardigheid optioneel is",
        "none": "Geen beroepen in de radar.",
        "demand_title": "Vraag naar beroepen met deze vaardigheid, per regio",
        "region": "Regio",
        "vacancies": "Openstaande vacatures",
        "demand_text": "In {month} stonden in {region} de meeste vacatures open voor beroepen "
        "die {skill} vragen: {n}, over {k} beroep(en) met cijfers.",
        "no_figures": "Voor de beroepen met deze vaardigheid heeft de radar geen vacaturecijfers.",
    },
    "en": {
        "skill": "Skill",
        "essential": "Occupations for which this skill is essential",
        "optional": "Occupations for which this skill is optional",
        "none": "No occupations in the radar.",
        "demand_title": "Demand for occupations needing this skill, by region",
        "region": "Region",
        "vacancies": "Open vacancies",
        "demand_text": "In {month}, {region} had the most open vacancies for occupations "
        "needing {skill}: {n}, over {k} occupation(s) with figures.",
        "no_figures": "The radar has no vacancy figures for the occupations needing this skill.",
    },
}


class UnknownSkill(Exception):
    """A skill key that is not in the store: the page answers 404 with the nearest skills."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _skill_or_404(store: Store, key: str) -> SkillProfile:
    profile = skill_profile(store, key)
    if profile is None:
        raise UnknownSkill(key)
    return profile


def skill_not_found(request: Request, store: Store, key: str) -> HTMLResponse:
    """The 404 page in the user's language with the skills whose label is nearest to `key`."""
    lang = request_lang(request)
    hits = [
        (
            f"/vaardigheid/{s['key']}",
            (s["label_en"] if lang == "en" or not s["label_nl"] else s["label_nl"]) or s["key"],
        )
        for s in suggest_skills(store, key)
    ]
    return page_not_found(request, "skill", key, hits)


def skill_label(profile: SkillProfile, lang: str) -> str:
    return profile.label_en if lang == "en" or not profile.label_nl else profile.label_nl


def demand_chart(data: RadarData, profile: SkillProfile, lang: str) -> Chart | None:
    w = WORDS[lang]
    ids = [o["id"] for o in profile.essential + profile.optional]
    period, totals, slugs = regional_demand(data, ids)
    if period is None or not slugs:
        return None
    label = skill_label(profile, lang)
    spec: dict[str, Any] = {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "width": "container",
        "height": {"step": 14},
        "data": {"values": [{"label": name, "vacancies": n} for _, name, n in totals]},
        "mark": {"type": "bar", "color": "#1f3a5f"},
        "encoding": {
            "y": {"field": "label", "type": "nominal", "sort": "-x", "title": None},
            "x": {"field": "vacancies", "type": "quantitative", "title": w["vacancies"]},
            "tooltip": [
                {"field": "label", "type": "nominal"},
                {"field": "vacancies", "type": "quantitative", "format": ",.0f"},
            ],
        },
    }
    text = [
        w["demand_text"].format(
            month=period.strftime("%Y-%m"),
            region=totals[0][1],
            skill=label,
            n=fmt_int(totals[0][2], lang),
            k=len(slugs),
        )
    ]
    return Chart(
        id="skill-demand",
        title=f"{w['demand_title']} ({period.strftime('%Y-%m')})",
        spec=spec,
        text=text,
        columns=[w["region"], w["vacancies"]],
        rows=[[name, fmt_int(n, lang)] for _, name, n in totals],
        download=f"/vaardigheid/{profile.key}/vraag.csv",
        sources=fact_sources(data),
    )


@router.get("/vaardigheid/{key:path}/vraag.csv")
def skill_demand_csv(request: Request, key: str, data: DataDep, store: StoreDep) -> Response:
    try:
        profile = _skill_or_404(store, key)
    except UnknownSkill:
        return skill_not_found(request, store, key)
    chart = demand_chart(data, profile, request_lang(request))
    if chart is None:
        raise UnknownCode("data", key)
    return csv_response(chart.columns, chart.rows, f"vraag-{profile.key}.csv")


@router.get("/vaardigheid/{key:path}", response_class=HTMLResponse)
def skill_page(request: Request, key: str, data: DataDep, store: StoreDep) -> HTMLResponse:
    lang = request_lang(request)
    try:
        profile = _skill_or_404(store, key)
    except UnknownSkill:
        return skill_not_found(request, store, key)
    slugs = {o.id: o.slug for o in data.occupations}
    return render(
        request,
        "skill.html",
        data=data,
        w=WORDS[lang],
        skill=profile,
        label=skill_label(profile, lang),
        slugs=slugs,
        chart=demand_chart(data, profile, lang),
    )
