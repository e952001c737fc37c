"""What every page shares to show figures: a chart with its duiding, table, download and
sources, and numbers in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from babel.numbers import format_decimal

from lloradar.domain import TensionClass
from lloradar.web.i18n import TEXT


@dataclass
class Chart:
    """A chart with its interpretation, its data as a table, a download link and its sources."""

    id: str
    title: str
    spec: dict[str, Any]
    text: list[str]
    columns: list[str]
    rows: list[list[str]]
    download: str
    sources: list[Any] = field(default_factory=list)  # the provenance rows behind it
    notes: list[str] = field(default_factory=list)  # what a marker in the table means
    run: str | None = None  # which indicator run (date, engine) the figures were published from


def fmt_ratio(value: float | None, lang: str) -> str:
    if value is None:
        return "–"
    return format_decimal(Decimal(float(value)), "0.00", locale=lang)  # 0,50 / 0.50


def fmt_int(value: int | None, lang: str) -> str:
    if value is None:
        return TEXT[lang]["suppressed"]
    return format_decimal(value, "#,##0", locale=lang)  # 1.234.567 / 1,234,567


def fmt_count(value: int | None, hidden: bool, lang: str) -> str:
    """A published count of people: the hidden marker when disclosure control hid it, a dash
    when the source did not report it."""
    if hidden:
        return TEXT[lang]["hidden_mark"]
    return "–" if value is None else format_decimal(value, "#,##0", locale=lang)


def class_name(tension: TensionClass | None, lang: str) -> str:
    if tension is None:
        return TEXT[lang]["no_data"]
    return tension.value if lang == "nl" else tension.label_en
