"""What the radar's pages show: tables, chart data and duiding, built from the radar's figures."""

from __future__ import annotations

from datetime import date
from typing import Any

from babel.numbers import format_decimal

from lloradar.domain import RegionLevel, TensionClass
from lloradar.features.indicators.narrative import (
    as_points,
    comparison_text,
    ranking_text,
    series_text,
    spread_text,
)
from lloradar.features.indicators.radar import Figures, RadarData, Source, cell_key
from lloradar.web.charts import COLOURS, NO_DATA, bar_spec, series_spec
from lloradar.web.i18n import TEXT
from lloradar.web.views import Chart, class_name, fmt_count, fmt_int, fmt_ratio


def fact_sources(data: RadarData) -> list[Source]:
    return [s for s in data.sources if s.table in ("vacancy_stats", "labour_supply")]


def run_line(data: RadarData, lang: str) -> str | None:
    """ "Indicatorrun 2026-12-03 (duckdb)": which run the published figures come from."""
    if data.run is None:
        return None
    return f"{TEXT[lang]['indicator_run']} {data.run.started_at:%Y-%m-%d} ({data.run.engine})"


def hidden_notes(figures: list[Figures], lang: str) -> list[str]:
    return [TEXT[lang]["hidden_note"]] if any(f.job_seekers_hidden for f in figures) else []


def seekers(f: Figures, lang: str) -> str:
    return fmt_count(f.job_seekers, f.job_seekers_hidden, lang)


def series_chart(
    data: RadarData, place: str, region: str | None, occupation: str | None, lang: str
) -> Chart:
    t = TEXT[lang]
    series = data.series(cell_key(region), occupation)
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
                seekers(f, lang),
                fmt_ratio(f.ratio, lang),
            ]
            for f in series[-24:]
        ],
        download=f"/api/indicators?{query}&format=csv" if query else "/api/indicators?format=csv",
        sources=fact_sources(data),
        notes=hidden_notes(series[-24:], lang),
        run=run_line(data, lang),
    )


def ranked(items: list[tuple[str, Figures]]) -> list[tuple[str, Figures]]:
    """The cells with a ratio, tightest first."""
    with_ratio = [(label, f) for label, f in items if f.ratio is not None]
    return sorted(with_ratio, key=lambda item: -(item[1].ratio or 0.0))


def table_order(items: list[tuple[str, Figures]]) -> list[tuple[str, Figures]]:
    """Every cell for a table: the ranked ones, then those without a ratio (hidden or none)
    by name, so a hidden cell is listed with its marker instead of left out."""
    rest = sorted((item for item in items if item[1].ratio is None), key=lambda item: item[0])
    return [*ranked(items), *rest]


def occupation_chart(data: RadarData, region: str, place: str, period: date, lang: str) -> Chart:
    t = TEXT[lang]
    cells = [(o.label(lang), f) for o, f in data.by_occupation(cell_key(region), period)]
    items = ranked(cells)
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
                seekers(f, lang),
                fmt_ratio(f.ratio, lang),
                class_name(f.tension, lang),
            ]
            for label, f in table_order(cells)
        ],
        download=f"/regio/{region}/beroepen.csv",
        sources=fact_sources(data),
        notes=hidden_notes([f for _, f in cells], lang),
        run=run_line(data, lang),
    )


def region_chart(
    data: RadarData,
    occupation: str | None,
    highlight: str | None,
    period: date,
    lang: str,
    level: RegionLevel = RegionLevel.ARBEIDSMARKTREGIO,
) -> Chart:
    t = TEXT[lang]
    cells = [(r.name, f) for r, f in data.by_region(occupation, period, level)]
    items = ranked(cells)
    values = [
        {"label": label, "ratio": f.ratio, "class": f.tension.value if f.tension else None}
        for label, f in items
    ]
    pairs = [(label, f.ratio or 0.0) for label, f in items]
    place = highlight or (pairs[0][0] if pairs else "")
    query = "&".join(
        p
        for p in (
            f"occupation={occupation}" if occupation else "",
            f"level={level.value}" if level != RegionLevel.ARBEIDSMARKTREGIO else "",
        )
        if p
    )
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
                seekers(f, lang),
                fmt_ratio(f.ratio, lang),
                class_name(f.tension, lang),
            ]
            for label, f in table_order(cells)
        ],
        download=f"/kaart.csv?{query}" if query else "/kaart.csv",
        sources=fact_sources(data),
        notes=hidden_notes([f for _, f in cells], lang),
        run=run_line(data, lang),
    )


def map_features(
    data: RadarData,
    occupation: str | None,
    period: date,
    lang: str,
    level: RegionLevel = RegionLevel.ARBEIDSMARKTREGIO,
) -> dict[str, Any]:
    """GeoJSON of the areas of `level` with their class, colour and label for the map."""
    features = []
    for region in data.level(level):
        f = data.figures(cell_key(region.code), occupation, period)
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
