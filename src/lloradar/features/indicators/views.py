"""What the radar's pages show: tables, chart data and duiding, built from the radar's figures."""

from __future__ import annotations

from datetime import date
from typing import Any

from babel.numbers import format_decimal

from lloradar.domain import TensionClass
from lloradar.features.indicators.narrative import (
    as_points,
    comparison_text,
    ranking_text,
    series_text,
    spread_text,
)
from lloradar.features.indicators.radar import Figures, RadarData, Source
from lloradar.web.charts import COLOURS, NO_DATA, bar_spec, series_spec
from lloradar.web.i18n import TEXT
from lloradar.web.views import Chart, class_name, fmt_int, fmt_ratio


def fact_sources(data: RadarData) -> list[Source]:
    return [s for s in data.sources if s.table in ("vacancy_stats", "labour_supply")]


def series_chart(
    data: RadarData, place: str, region: str | None, occupation: str | None, lang: str
) -> Chart:
    t = TEXT[lang]
    series = data.series(region, occupation)
    values = [{"period": f.period.isoformat(), "ratio": f.ratio} for f in series]
    query = "&".join(
        p
        for p in (
            f"region={region}" if region else "",
            f"occupation={occupation}" if occupation else "",
        )
        if p
    )
    return Chart(
        id="series",
        title=f"{t['series_title']}: {place}",
        spec=series_spec(values, t["ratio"], t["month"]),
        text=series_text(place, as_points(series), lang),
        columns=[t["month"], t["vacancies"], t["job_seekers"], t["ratio"]],
        rows=[
            [
                f.period.strftime("%Y-%m"),
                fmt_int(f.vacancies, lang),
                fmt_int(f.job_seekers, lang),
                fmt_ratio(f.ratio, lang),
            ]
            for f in series[-24:]
        ],
        download=f"/api/indicators?{query}&format=csv" if query else "/api/indicators?format=csv",
        sources=fact_sources(data),
    )


def ranked(items: list[tuple[str, Figures]]) -> list[tuple[str, Figures]]:
    with_ratio = [(label, f) for label, f in items if f.ratio is not None]
    return sorted(with_ratio, key=lambda item: -(item[1].ratio or 0.0))


def occupation_chart(data: RadarData, region: str, place: str, period: date, lang: str) -> Chart:
    t = TEXT[lang]
    items = ranked([(o.label(lang), f) for o, f in data.by_occupation(region, period)])
    values = [
        {"label": label, "ratio": f.ratio, "class": f.tension.value if f.tension else None}
        for label, f in items
    ]
    pairs = [(label, f.ratio or 0.0) for label, f in items]
    return Chart(
        id="occupations",
        title=f"{t['ranking_title']}: {place}",
        spec=bar_spec(values, t["ratio"], None),
        text=ranking_text(place, pairs[:5], list(reversed(pairs))[:5], lang),
        columns=[t["occupation"], t["vacancies"], t["job_seekers"], t["ratio"], t["class"]],
        rows=[
            [
                label,
                fmt_int(f.vacancies, lang),
                fmt_int(f.job_seekers, lang),
                fmt_ratio(f.ratio, lang),
                class_name(f.tension, lang),
            ]
            for label, f in items
        ],
        download=f"/regio/{region}/beroepen.csv",
        sources=fact_sources(data),
    )


def region_chart(
    data: RadarData, occupation: str | None, highlight: str | None, period: date, lang: str
) -> Chart:
    t = TEXT[lang]
    items = ranked([(r.name, f) for r, f in data.by_region(occupation, period)])
    values = [
        {"label": label, "ratio": f.ratio, "class": f.tension.value if f.tension else None}
        for label, f in items
    ]
    pairs = [(label, f.ratio or 0.0) for label, f in items]
    place = highlight or (pairs[0][0] if pairs else "")
    query = f"?occupation={occupation}" if occupation else ""
    return Chart(
        id="regions",
        title=t["compare_title"],
        spec=bar_spec(values, t["ratio"], highlight),
        text=comparison_text(place, pairs, lang) if highlight else spread_text(pairs, lang),
        columns=[t["region"], t["vacancies"], t["job_seekers"], t["ratio"], t["class"]],
        rows=[
            [
                label,
                fmt_int(f.vacancies, lang),
                fmt_int(f.job_seekers, lang),
                fmt_ratio(f.ratio, lang),
                class_name(f.tension, lang),
            ]
            for label, f in items
        ],
        download=f"/kaart.csv{query}",
        sources=fact_sources(data),
    )


def map_features(
    data: RadarData, occupation: str | None, period: date, lang: str
) -> dict[str, Any]:
    """GeoJSON of the regions with their class, colour and label for the map."""
    features = []
    for region in data.regions:
        f = data.figures(region.code, occupation, period)
        tension = f.tension if f else None
        features.append(
            {
                "type": "Feature",
                "geometry": data.geometry.get(region.code),
                "properties": {
                    "code": region.code,
                    "name": region.name,
                    "class": class_name(tension, lang),
                    "colour": COLOURS[tension] if tension else NO_DATA,
                    "ratio": fmt_ratio(f.ratio if f else None, lang),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def legend(lang: str) -> list[tuple[str, str, str]]:
    low, mid, high, top = (format_decimal(b, locale=lang) for b in (0.25, 0.67, 1.5, 4))
    bounds = [f"< {low}", f"{low} – {mid}", f"{mid} – {high}", f"{high} – {top}", f"> {top}"]
    rows = [(COLOURS[c], class_name(c, lang), b) for c, b in zip(TensionClass, bounds, strict=True)]
    return [*rows, (NO_DATA, TEXT[lang]["no_data"], "")]
