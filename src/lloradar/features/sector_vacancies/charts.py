"""The charts of the real CBS figures on the sector page: open vacancies per quarter in a
region and per province (83599NED), sick leave per quarter (80072ned). Each names its source;
none carries a demo figure."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal

from lloradar.features.sector_vacancies.codes import COUNTRY, region_name
from lloradar.features.sector_vacancies.sick_leave import SickLeave, sick_leave_text
from lloradar.features.sector_vacancies.vacancies import (
    SectorVacancies,
    comparison_text,
    trend_text,
)
from lloradar.web.charts import count_bar_spec, quarter_line_spec
from lloradar.web.i18n import TEXT, words
from lloradar.web.views import Chart, fmt_int

WORDS = words("sectors")


def _pct(value: float, lang: str) -> str:
    return format_decimal(Decimal(str(value)), "0.0", locale=lang)


def api_link(real: SectorVacancies, region: str) -> str:
    return f"/api/sectors/{real.code}/vacancies?region={region}&format=csv"


def trend_chart(real: SectorVacancies, region: str, lang: str) -> Chart:
    """The quarterly open vacancies of the sector in one region (real, CBS 83599NED)."""
    w = WORDS[lang]
    series = real.series.get(region, {})
    values = [{"period": p, "vacancies": v} for p, v in sorted(series.items()) if v is not None]
    spec = quarter_line_spec(
        values,
        "vacancies",
        w["vac_quarter"],
        w["vac_open"],
        colour="#1f3a5f",
        height=220,
        number_format=",.0f",
    )
    return Chart(
        id="sector-vacancies",
        title=f"{w['vac_trend_title']}: {real.label(lang)}, {region_name(region, lang)}",
        spec=spec,
        text=trend_text(real, region, lang),
        columns=[w["vac_quarter"], w["vac_open"]],
        rows=[[p, fmt_int(v, lang) if v is not None else "–"] for p, v in sorted(series.items())],
        download=api_link(real, region),
        sources=real.sources,
        notes=[w["vac_unit"]],
    )


def province_chart(real: SectorVacancies, lang: str) -> Chart:
    """The open vacancies of the sector per province in the latest quarter (real)."""
    w = WORDS[lang]
    period = real.latest
    values = [
        {"label": region_name(p, lang), "vacancies": real.value(p, period)}
        for p in real.provinces
        if real.value(p, period) is not None
    ]
    regions = [COUNTRY, *real.landsdelen, *real.provinces]
    recent = real.periods[-4:]
    return Chart(
        id="sector-provinces",
        title=f"{w['vac_region_title']}: {real.label(lang)}, {period}",
        spec=count_bar_spec(values, "vacancies", f"{w['vac_open']} {period}"),
        text=comparison_text(real, lang),
        columns=[TEXT[lang]["region"], *recent],
        rows=[
            [
                region_name(r, lang),
                *(fmt_int(v, lang) if (v := real.value(r, p)) is not None else "–" for p in recent),
            ]
            for r in regions
        ],
        download=api_link(real, "all"),
        sources=real.sources,
        notes=[w["vac_unit"]],
    )


def sick_leave_chart(found: SickLeave, lang: str) -> Chart:
    """Sick leave (% of working days) per quarter of the sector, since 2011 (real)."""
    w = WORDS[lang]
    shown = {q: v for q, v in found.quarters.items() if q >= "2011"}
    values = [{"period": q, "percent": v} for q, v in shown.items() if v is not None]
    spec = quarter_line_spec(
        values,
        "percent",
        w["vac_quarter"],
        w["sick_percent"],
        colour="#7a3b69",
        height=200,
        number_format=".1f",
    )
    return Chart(
        id="sector-sick-leave",
        title=f"{w['sick_title']}: {found.label(lang)}",
        spec=spec,
        text=sick_leave_text(found, lang),
        columns=[w["vac_quarter"], w["sick_percent"]],
        rows=[[q, "–" if v is None else _pct(v, lang)] for q, v in shown.items()],
        download=f"/api/sectors/{found.code}/sick-leave?format=csv",
        sources=found.sources,
    )
