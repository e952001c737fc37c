"""The skill profile page: a skill's labels, the occupations that need it (essential or
optional) and the regional demand for those occupations."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from lloradar.features.indicators import skill_profiles
from lloradar.features.indicators.radar import RadarData
from lloradar.features.indicators.skill_profiles import SkillProfile
from lloradar.features.indicators.views import fact_sources
from lloradar.services.request_store import Store
from lloradar.web.charts import count_bar_spec
from lloradar.web.i18n import TEXT, request_lang, words
from lloradar.web.lookup import Lookup
from lloradar.web.routes import DataDep, StoreDep, UnknownCode, csv_response, render
from lloradar.web.views import Chart, fmt_int

router = APIRouter(include_in_schema=False)

WORDS = words("skills")


def _nearest(store: Store, key: str, lang: str) -> list[tuple[str, str]]:
    """The skills whose label is nearest to `key`, labelled in `lang` where the store has it."""
    return [
        (
            f"/vaardigheid/{s['key']}",
            (s["label_en"] if lang == "en" or not s["label_nl"] else s["label_nl"]) or s["key"],
        )
        for s in skill_profiles.suggest_skills(store, key)
    ]


SKILLS = Lookup("skill", skill_profiles.skill_profile, _nearest)


def skill_label(profile: SkillProfile, lang: str) -> str:
    return profile.label_en if lang == "en" or not profile.label_nl else profile.label_nl


def demand_chart(data: RadarData, profile: SkillProfile, lang: str) -> Chart | None:
    w, t = WORDS[lang], TEXT[lang]
    ids = [o["id"] for o in profile.essential + profile.optional]
    period, totals, slugs = skill_profiles.regional_demand(data, ids)
    if period is None or not slugs:
        return None
    label = skill_label(profile, lang)
    values = [{"label": name, "vacancies": n} for _, name, n in totals]
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
        spec=count_bar_spec(values, "vacancies", t["vacancies"]),
        text=text,
        columns=[t["region"], t["vacancies"]],
        rows=[[name, fmt_int(n, lang)] for _, name, n in totals],
        download=f"/vaardigheid/{profile.key}/vraag.csv",
        sources=fact_sources(data),
    )


@router.get("/vaardigheid/{key:path}/vraag.csv")
def skill_demand_csv(request: Request, key: str, data: DataDep, store: StoreDep) -> Response:
    return SKILLS.page(
        request, store, key, lambda profile: _demand_csv(request, key, profile, data)
    )


def _demand_csv(request: Request, key: str, profile: SkillProfile, data: RadarData) -> Response:
    chart = demand_chart(data, profile, request_lang(request))
    if chart is None:
        raise UnknownCode("data", key)
    return csv_response(chart.columns, chart.rows, f"vraag-{profile.key}.csv")


@router.get("/vaardigheid/{key:path}", response_class=HTMLResponse, response_model=None)
def skill_page(request: Request, key: str, data: DataDep, store: StoreDep) -> Response:
    return SKILLS.page(request, store, key, lambda profile: _skill_page(request, profile, data))


def _skill_page(request: Request, profile: SkillProfile, data: RadarData) -> HTMLResponse:
    lang = request_lang(request)
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
