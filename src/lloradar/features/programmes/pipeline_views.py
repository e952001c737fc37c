"""The education pipeline chart of a programme page: per year the stages DUO reports (all
regions), the duiding, a region x stage table of the latest year, download and sources."""

from __future__ import annotations

from typing import Any

from lloradar.features.programmes.pipeline import ProgrammePipeline, stage_word
from lloradar.web.i18n import TEXT
from lloradar.web.views import Chart, fmt_count


def _count(value: int | None, lang: str) -> str:
    return fmt_count(value, value is None, lang)


def pipeline_text(found: ProgrammePipeline, lang: str) -> list[str]:
    pipe = found.pipeline
    out = []
    for stage in found.stages:
        table = getattr(pipe, stage)
        shown = {y: v for y, v in table.totals.items() if v is not None}
        if not shown:
            continue
        year = max(shown)
        word = stage_word(stage, lang)
        out.append(
            f"{word.capitalize()} {year}: {_count(shown[year], lang)}."
            if stage != "net_inflow"
            else (
                f"Netto instroom {year} (verandering van het aantal ingeschrevenen): "
                f"{shown[year]:+d}."
                if lang == "nl"
                else f"Net inflow {year} (the change in enrolment): {shown[year]:+d}."
            )
        )
    missing = ", ".join(stage_word(s, lang) for s in found.missing_stages)
    out.append(
        f"Niet in de geladen DUO-bestanden voor deze opleiding: {missing}."
        if lang == "nl"
        else f"Not in the loaded DUO files for this programme: {missing}."
    )
    if not out[:-1]:
        out.insert(0, TEXT[lang]["hidden_note"])
    return out


def pipeline_chart(found: ProgrammePipeline, lang: str) -> Chart:
    pipe = found.pipeline
    values = [
        {"year": str(y), "stage": stage_word(s, lang), "persons": v}
        for s in found.stages
        for y, v in getattr(pipe, s).totals.items()
        if v is not None
    ]
    spec: dict[str, Any] = {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "width": "container",
        "height": 220,
        "data": {"values": values},
        "mark": {"type": "bar"},
        "encoding": {
            "x": {"field": "year", "type": "ordinal", "title": "jaar" if lang == "nl" else "year"},
            "xOffset": {"field": "stage"},
            "y": {"field": "persons", "type": "quantitative", "title": ""},
            "color": {"field": "stage", "type": "nominal", "title": ""},
            "tooltip": [
                {"field": "year", "type": "ordinal"},
                {"field": "stage", "type": "nominal"},
                {"field": "persons", "type": "quantitative", "format": ",.0f"},
            ],
        },
    }
    last = pipe.years[-1]
    title = "Onderwijspijplijn" if lang == "nl" else "Education pipeline"
    return Chart(
        id="programme-pipeline",
        title=f"{title} ({'education pipeline' if lang == 'nl' else 'onderwijspijplijn'}): "
        f"{found.name}",
        spec=spec,
        text=pipeline_text(found, lang),
        columns=[TEXT[lang]["region"], *(f"{stage_word(s, lang)} {last}" for s in found.stages)],
        rows=[
            [
                found.region_name(r) if r != "total" else ("totaal" if lang == "nl" else "total"),
                *(
                    _count(
                        (
                            getattr(pipe, s).totals if r == "total" else getattr(pipe, s).cells[r]
                        ).get(last),
                        lang,
                    )
                    for s in found.stages
                ),
            ]
            for r in [*pipe.regions, "total"]
        ],
        download=f"/api/programmes/{found.code}/pipeline?format=csv",
        sources=found.sources,
        notes=[
            TEXT[lang]["hidden_note"],
            "Netto instroom = ingeschrevenen dit jaar min vorig jaar (nieuwe studenten min "
            "vertrokken studenten); geen telling van personen."
            if lang == "nl"
            else "Net inflow = enrolled this year minus last year (new students minus those who "
            "left); not a count of people.",
        ],
    )
