"""Vega-Lite specifications of the radar's charts (rendered by vega-embed in the browser and by
vl-convert in the factsheet)."""

from __future__ import annotations

import json
from typing import Any

from lloradar.domain import TensionClass

COLOURS = {
    TensionClass.ZEER_RUIM: "#2166ac",
    TensionClass.RUIM: "#92c5de",
    TensionClass.GEMIDDELD: "#f2e3a0",
    TensionClass.KRAP: "#f4a582",
    TensionClass.ZEER_KRAP: "#b2182b",
}
NO_DATA = "#bdbdbd"


def series_spec(values: list[dict[str, Any]], y_title: str, x_title: str) -> dict[str, Any]:
    """A line of the monthly ratio with the UWV class boundaries as rules."""
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "width": "container",
        "height": 220,
        "data": {"values": values},
        "layer": [
            {
                "mark": {"type": "line", "point": True, "color": "#1f3a5f"},
                "encoding": {
                    "x": {
                        "field": "period",
                        "type": "temporal",
                        "title": x_title,
                        # Years only: the same in Dutch and English.
                        "axis": {"format": "%Y", "tickCount": "year"},
                    },
                    "y": {"field": "ratio", "type": "quantitative", "title": y_title},
                    "tooltip": [
                        {"field": "period", "type": "temporal", "format": "%Y-%m"},
                        {"field": "ratio", "type": "quantitative", "format": ".2f"},
                    ],
                },
            },
            {
                "data": {"values": [{"y": 0.67}, {"y": 1.5}, {"y": 4.0}]},
                "mark": {"type": "rule", "strokeDash": [4, 4], "color": "#888"},
                "encoding": {"y": {"field": "y", "type": "quantitative"}},
            },
        ],
    }


def quarter_line_spec(
    values: list[dict[str, Any]],
    field: str,
    x_title: str,
    y_title: str,
    *,
    colour: str,
    height: int,
    number_format: str,
) -> dict[str, Any]:
    """A line with points over quarters (`period`, ordinal) of one quantitative `field`."""
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "width": "container",
        "height": height,
        "data": {"values": values},
        "mark": {"type": "line", "point": True, "color": colour},
        "encoding": {
            "x": {"field": "period", "type": "ordinal", "title": x_title},
            "y": {"field": field, "type": "quantitative", "title": y_title},
            "tooltip": [
                {"field": "period", "type": "ordinal"},
                {"field": field, "type": "quantitative", "format": number_format},
            ],
        },
    }


def bar_spec(values: list[dict[str, Any]], x_title: str, highlight: str | None) -> dict[str, Any]:
    """Horizontal bars of the ratio per label, coloured by class; `highlight` is outlined."""
    domain = [c.value for c in TensionClass]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "width": "container",
        "height": {"step": 14},
        "data": {"values": values},
        "mark": {"type": "bar"},
        "encoding": {
            "y": {"field": "label", "type": "nominal", "sort": "-x", "title": None},
            "x": {"field": "ratio", "type": "quantitative", "title": x_title},
            "color": {
                "field": "class",
                "type": "nominal",
                "scale": {"domain": domain, "range": [COLOURS[c] for c in TensionClass]},
                "legend": None,
            },
            "stroke": {
                "condition": {"test": f"datum.label === {json.dumps(highlight)}", "value": "#000"},
                "value": None,
            },
            "strokeWidth": {"value": 2},
            "tooltip": [
                {"field": "label", "type": "nominal"},
                {"field": "ratio", "type": "quantitative", "format": ".2f"},
            ],
        },
    }


def count_bar_spec(values: list[dict[str, Any]], field: str, x_title: str) -> dict[str, Any]:
    """Horizontal bars of a count per label (people, vacancies), the largest on top."""
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "width": "container",
        "height": {"step": 14},
        "data": {"values": values},
        "mark": {"type": "bar", "color": "#1f3a5f"},
        "encoding": {
            "y": {"field": "label", "type": "nominal", "sort": "-x", "title": None},
            "x": {"field": field, "type": "quantitative", "title": x_title},
            "tooltip": [
                {"field": "label", "type": "nominal"},
                {"field": field, "type": "quantitative", "format": ",.0f"},
            ],
        },
    }
