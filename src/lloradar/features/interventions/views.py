"""What the intervention pages and factsheets share: their words (nl/en), number formats and
the KPI chart (realised against target, hidden values as gaps)."""

from __future__ import annotations

from typing import Any

from lloradar.features.interventions.service import PortfolioReport, ProgressReport
from lloradar.web.views import Chart, fmt_int

HIDDEN = "x"

WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "register": "Register van interventies",
        "none": "Nog geen interventies in het register.",
        "id": "Code",
        "name": "Naam",
        "region": "Regio",
        "theme": "Thema",
        "status": "Status",
        "budget": "Budget",
        "period": "Looptijd",
        "portfolio": "Portfolio per thema",
        "progress": "Voortgang",
        "goals": "Doelen",
        "target_group": "Doelgroep",
        "theory": "Veranderingstheorie",
        "funders": "Financiers",
        "kpi_title": "KPI's: gerealiseerd tegen doel",
        "measure": "KPI",
        "date": "Datum",
        "realised": "Gerealiseerd",
        "target": "Doel",
        "target_date": "Doeldatum",
        "outflow": "Uitstroom naar werk tegen de regionale basis",
        "hidden": "x = verborgen wegens privacy (minder dan 10 personen of afleidbaar)",
        "interventions": "Interventies",
        "participants": "Deelnemers",
        "completed": "Afgerond",
        "employed_6m": "Werk na 6 maanden",
        "download": "Download (CSV)",
        "factsheet": "Factsheet",
        "factsheet_pdf": "Factsheet (PDF)",
        "new": "Nieuwe interventie",
        "edit": "Bewerken",
        "as_of": "Stand per",
        "sector": "Sector (SBI)",
        "education_level": "Opleidingsniveau",
        "occupations": "Beroepen",
        "skills": "Vaardigheden",
        "expected": "Verwacht nu",
        "on_track": "Beoordeling",
        "track_yes": "op koers",
        "track_no": "achter",
        "track_none": "x",
        "baseline": "Regionale basis",
        "difference": "Verschil",
        "count_base": "Aantal / basis",
        "suppressed": "<10 = minder dan 10 personen; x = verborgen wegens privacy "
        "(minder dan 10 personen of afleidbaar uit andere cijfers)",
        "sources": "Bronnen",
        "kpi_summary": "KPI's per interventie",
        "portfolio_region": "Portfolio van interventies",
        "chart_portfolio": "Deelnemers, afgerond en werk na 6 maanden per thema",
        "count": "Aantal",
        "column": "Kolom",
    },
    "en": {
        "register": "Register of interventions",
        "none": "No interventions in the register yet.",
        "id": "Code",
        "name": "Name",
        "region": "Region",
        "theme": "Theme",
        "status": "Status",
        "budget": "Budget",
        "period": "Period",
        "portfolio": "Portfolio per theme",
        "progress": "Progress",
        "goals": "Goals",
        "target_group": "Target group",
        "theory": "Theory of change",
        "funders": "Funders",
        "kpi_title": "KPIs: realised against target",
        "measure": "KPI",
        "date": "Date",
        "realised": "Realised",
        "target": "Target",
        "target_date": "Target date",
        "outflow": "Outflow to work against the regional baseline",
        "hidden": "x = hidden for privacy (fewer than 10 people or derivable)",
        "interventions": "Interventions",
        "participants": "Participants",
        "completed": "Completed",
        "employed_6m": "Employed after 6 months",
        "download": "Download (CSV)",
        "factsheet": "Factsheet",
        "factsheet_pdf": "Factsheet (PDF)",
        "new": "New intervention",
        "edit": "Edit",
        "as_of": "As of",
        "sector": "Sector (SBI)",
        "education_level": "Education level",
        "occupations": "Occupations",
        "skills": "Skills",
        "expected": "Expected now",
        "on_track": "Assessment",
        "track_yes": "on track",
        "track_no": "behind",
        "track_none": "x",
        "baseline": "Regional baseline",
        "difference": "Difference",
        "count_base": "Count / base",
        "suppressed": "<10 = fewer than 10 people; x = hidden for privacy "
        "(fewer than 10 people or derivable from other figures)",
        "sources": "Sources",
        "kpi_summary": "KPIs per intervention",
        "portfolio_region": "Portfolio of interventions",
        "chart_portfolio": "Participants, completed and employed after 6 months per theme",
        "count": "Count",
        "column": "Column",
    },
}


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
