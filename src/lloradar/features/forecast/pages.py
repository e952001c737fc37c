"""The forecast pages: the stored runs, a region's five-year outlook (the forecast tab of the
region page) and a scenario compared with the baseline."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from lloradar.domain import IngestError
from lloradar.features.forecast.results import (
    diff_text,
    forecast_for_occupation,
    forecast_for_region,
    list_runs,
    scenario_diff,
)
from lloradar.services.request_store import Store
from lloradar.web.charts import bar_spec
from lloradar.web.i18n import request_lang, words
from lloradar.web.routes import DataDep, StoreDep, UnknownCode, csv_response, render
from lloradar.web.views import Chart, fmt_int, fmt_ratio

router = APIRouter(include_in_schema=False)
ScenarioParam = Annotated[str, Query(alias="scenario", min_length=1, max_length=100)]
NO_RUNS = "lloradar forecast run --scenario scenarios/baseline.yaml"

WORDS = words("forecast")


def fmt_num(value: float | None, lang: str) -> str:
    return "x" if value is None else fmt_int(round(value), lang)


def _signed(value: float, lang: str) -> str:
    return ("+" if value > 0 else "") + fmt_int(round(value), lang)


@router.get("/prognose", response_class=HTMLResponse)
def runs_page(request: Request, data: DataDep, store: StoreDep) -> HTMLResponse:
    lang = request_lang(request)
    return render(
        request,
        "forecast_runs.html",
        data=data,
        w=WORDS[lang],
        runs=list_runs(store),
        no_runs_command=NO_RUNS,
    )


def diff_chart(store: Store, scenario: str, lang: str) -> tuple[Chart, Any] | None:
    w = WORDS[lang]
    try:
        diff = scenario_diff(store, "baseline", scenario)
    except IngestError:
        return None
    values = []
    rows = []
    for r in diff.totals.to_dict("records"):
        year = str(int(r["year"]))
        values.append({"year": year, "series": w["base"], "demand": round(r["demand_base"])})
        values.append(
            {"year": year, "series": diff.scenario, "demand": round(r["demand_scenario"])}
        )
        rows.append(
            [
                year,
                fmt_int(round(r["demand_base"]), lang),
                fmt_int(round(r["demand_scenario"]), lang),
                _signed(r["demand_diff"], lang),
                _signed(r["supply_diff"], lang),
            ]
        )
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "width": "container",
        "height": 220,
        "data": {"values": values},
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": {"field": "year", "type": "ordinal", "title": w["year"]},
            "y": {"field": "demand", "type": "quantitative", "title": w["people"]},
            "color": {"field": "series", "type": "nominal", "title": w["scenario"]},
            "tooltip": [
                {"field": "series", "type": "nominal"},
                {"field": "year", "type": "ordinal"},
                {"field": "demand", "type": "quantitative", "format": ",.0f"},
            ],
        },
    }
    chart = Chart(
        id="scenario",
        title=f"{w['diff_title']} ({diff.scenario})",
        spec=spec,
        text=[diff_text(diff, lang)],
        columns=[
            w["year"],
            w["demand_base"],
            w["demand_scenario"],
            w["demand_diff"],
            w["supply_diff"],
        ],
        rows=rows,
        download=f"/prognose/{scenario}/verschil.csv",
    )
    return chart, diff


@router.get("/prognose/{scenario}", response_class=HTMLResponse)
def scenario_page(request: Request, scenario: str, data: DataDep, store: StoreDep) -> HTMLResponse:
    lang = request_lang(request)
    runs = list_runs(store)
    if not runs:
        return render(
            request,
            "forecast_runs.html",
            data=data,
            w=WORDS[lang],
            runs=[],
            no_runs_command=NO_RUNS,
        )
    built = diff_chart(store, scenario, lang)
    if built is None:
        raise UnknownCode("scenario", scenario)
    chart, diff = built
    changed = diff.changed_prospects.head(25).to_dict("records")
    return render(
        request,
        "forecast_scenario.html",
        data=data,
        w=WORDS[lang],
        chart=chart,
        diff=diff,
        changed=changed,
        fmt_ratio=fmt_ratio,
    )


@router.get("/prognose/{scenario}/verschil.csv")
def scenario_csv(request: Request, scenario: str, store: StoreDep) -> Response:
    built = diff_chart(store, scenario, request_lang(request))
    if built is None:
        raise UnknownCode("scenario", scenario)
    chart, diff = built
    return csv_response(chart.columns, chart.rows, f"scenario-{diff.scenario}-vs-baseline.csv")


def region_chart(
    name: str, download: str, rows: list[dict[str, Any]], scenario: str, lang: str
) -> Chart:
    w = WORDS[lang]
    shown = [r for r in rows if r["ratio"] is not None]
    values = [
        {"label": r["occupation"], "ratio": r["ratio"], "class": r["prospect"]} for r in shown
    ]
    spec = bar_spec(values, w["ratio"], None)
    spec["encoding"]["color"] = {"field": "class", "type": "nominal", "title": w["prospect"]}
    text = []
    if shown:
        text.append(
            w["region_text"].format(
                region=name,
                first=shown[0]["occupation"],
                ratio=fmt_ratio(shown[0]["ratio"], lang),
                years=5,
            )
        )
    return Chart(
        id="forecast",
        title=f"{w['region_title']}: {name} ({scenario})",
        spec=spec,
        text=text,
        columns=[w["occupation"], w["stock"], w["demand"], w["supply"], w["ratio"], w["prospect"]],
        rows=[
            [
                r["occupation"],
                fmt_num(r["stock"], lang),
                fmt_num(r["demand"], lang),
                fmt_num(r["supply"], lang),
                "x" if r["ratio"] is None else fmt_ratio(r["ratio"], lang),
                r["prospect"] or "x",
            ]
            for r in rows
        ],
        download=download,
    )


@router.get("/regio/{code}/prognose", response_class=HTMLResponse)
def region_forecast_page(
    request: Request,
    code: str,
    data: DataDep,
    store: StoreDep,
    scenario: ScenarioParam = "baseline",
) -> HTMLResponse:
    lang = request_lang(request)
    region = data.region(code)
    if region is None:
        raise UnknownCode("region", code)
    try:
        rows = forecast_for_region(store, region.code, scenario)
    except IngestError:
        return render(
            request,
            "forecast_runs.html",
            data=data,
            w=WORDS[lang],
            runs=[],
            no_runs_command=NO_RUNS,
        )
    return render(
        request,
        "forecast_region.html",
        data=data,
        w=WORDS[lang],
        region=region,
        title=f"{region.name} ({region.code})",
        back=f"/regio/{region.code}",
        base=f"/regio/{region.code}/prognose",
        chart=region_chart(
            region.name,
            f"/api/forecast/regions/{region.code}?scenario={scenario}&format=csv",
            rows,
            scenario,
            lang,
        ),
        scenarios=sorted({r["scenario"] for r in list_runs(store)}),
        scenario=scenario,
    )


@router.get("/beroep/{slug}/prognose", response_class=HTMLResponse)
def occupation_forecast_page(
    request: Request,
    slug: str,
    data: DataDep,
    store: StoreDep,
    scenario: ScenarioParam = "baseline",
) -> HTMLResponse:
    lang = request_lang(request)
    w = WORDS[lang]
    occupation = data.occupation(slug)
    if occupation is None:
        raise UnknownCode("occupation", slug)
    try:
        rows = forecast_for_occupation(store, occupation.id, scenario)
    except IngestError:
        return render(
            request, "forecast_runs.html", data=data, w=w, runs=[], no_runs_command=NO_RUNS
        )
    names = {r.code: r.name for r in data.regions}
    for r in rows:
        r["occupation"] = names.get(r["region_code"], r["region_code"])
    rows.sort(key=lambda r: (r["ratio"] is None, r["ratio"] or 0.0))
    label = occupation.label(lang)
    chart = region_chart(
        label,
        f"/api/forecast/occupations/{occupation.slug}?scenario={scenario}&format=csv",
        rows,
        scenario,
        lang,
    )
    chart.title = f"{w['forecast']}: {label} ({scenario})"
    chart.columns[0] = w["region"]
    chart.text = (
        [w["occupation_text"].format(occupation=label, first=rows[0]["occupation"])]
        if rows and rows[0]["ratio"] is not None
        else []
    )
    return render(
        request,
        "forecast_region.html",
        data=data,
        w=w,
        region=None,
        title=label,
        back=f"/beroep/{occupation.slug}",
        base=f"/beroep/{occupation.slug}/prognose",
        chart=chart,
        scenarios=sorted({r["scenario"] for r in list_runs(store)}),
        scenario=scenario,
    )
