"""What the intervention pages and factsheets share: their words (nl/en), number formats and
the KPI chart (realised against target, hidden values as gaps)."""

from __future__ import annotations

from typing import Any

from lloradar.features.interventions.service import PortfolioReport, ProgressReport
from lloradar.web.i18n import words
from lloradar.web.views import Chart, fmt_int

HIDDEN = "x"

WORDS = words("interventions")


def euro(value: float, lang: str) -> str:
    return "€ " + fmt_int(round(value), lang)


def shown(value: float | int | None, lang: str) -> str:
    return HIDDEN if value is None else fmt_int(round(value), lang)


def kpi_chart(report: ProgressReport, intervention_id: str, lang: str) -> Chart:
    w = WORDS[lang]
    values = []
    rows = []
    for k in report.kpis:
        measure = k.kpi.measure.value
        for f in k.series:
            values.append({"when": f.when.isoformat(), "measure": measure, "value": f.value})
            rows.append(
                [
                    measure,
                    f.when.isoformat(),
                    HIDDEN if f.value is None else f"{f.value:g}",
                    f"{k.kpi.target:g}",
                    k.kpi.target_date.isoformat(),
                ]
            )
    targets = [
        {
            "when": k.kpi.target_date.isoformat(),
            "measure": k.kpi.measure.value,
            "value": k.kpi.target,
        }
        for k in report.kpis
    ]
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "width": "container",
        "height": 220,
        "layer": [
            {
                "data": {"values": values},
                "mark": {"type": "line", "point": True},
                "encoding": {
                    "x": {"field": "when", "type": "temporal", "title": w["date"]},
                    "y": {"field": "value", "type": "quantitative", "title": w["realised"]},
                    "color": {"field": "measure", "type": "nominal", "title": w["measure"]},
                },
            },
            {
                "data": {"values": targets},
                "mark": {"type": "point", "shape": "diamond", "size": 120, "filled": True},
                "encoding": {
                    "x": {"field": "when", "type": "temporal"},
                    "y": {"field": "value", "type": "quantitative"},
                    "color": {"field": "measure", "type": "nominal"},
                    "tooltip": [{"field": "measure"}, {"field": "value", "title": w["target"]}],
                },
            },
        ],
    }
    return Chart(
        id="kpi",
        title=w["kpi_title"],
        spec=spec,
        text=list(report.kpi_texts),
        columns=[w["measure"], w["date"], w["realised"], w["target"], w["target_date"]],
        rows=rows,
        download=f"/interventies/{intervention_id}/voortgang.csv",
    )


def track_text(on_track: bool | None, lang: str) -> str:
    w = WORDS[lang]
    return w["track_none"] if on_track is None else w["track_yes" if on_track else "track_no"]


def kpi_value(value: float | None, percentage: bool, lang: str) -> str:
    """A realised or expected KPI value; `x` when hidden by disclosure control."""
    if value is None:
        return HIDDEN
    return f"{value:.0f}%" if percentage else fmt_int(round(value), lang)


def portfolio_chart(report: PortfolioReport, region: str, lang: str) -> Chart:
    """Grouped bars of the portfolio's counts per theme; a hidden count is left out of the
    chart and shows `x` in the table beneath it."""
    w = WORDS[lang]
    columns = (
        ("participants", w["participants"]),
        ("completed", w["completed"]),
        ("employed_6m", w["employed_6m"]),
    )
    values: list[dict[str, Any]] = [
        {"theme": r.group, "column": label, "count": getattr(r, name)}
        for r in report.rows
        for name, label in columns
        if getattr(r, name) is not None
    ]
    spec: dict[str, Any] = {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "width": "container",
        "height": 200,
        "data": {"values": values},
        "mark": {"type": "bar"},
        "encoding": {
            "x": {"field": "theme", "type": "nominal", "title": w["theme"]},
            "xOffset": {"field": "column", "type": "nominal"},
            "y": {"field": "count", "type": "quantitative", "title": w["count"]},
            "color": {"field": "column", "type": "nominal", "title": w["column"]},
        },
    }
    return Chart(
        id="portfolio",
        title=w["chart_portfolio"],
        spec=spec,
        text=list(report.texts),
        columns=[w["theme"], *(label for _, label in columns)],
        rows=[
            [r.group, *(shown(getattr(r, name), lang) for name, _ in columns)]
            for r in [*report.rows, report.total]
        ],
        download=f"/interventies/portfolio.csv?regio={region}",
    )
