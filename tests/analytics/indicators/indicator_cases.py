"""Small handmade labour-market facts for the indicator tests, on any Ibis backend."""

from __future__ import annotations

from datetime import date
from typing import Any

import pyarrow as pa

REGIONS = [
    ("NL01", "land", None),
    ("PV20", "provincie", "NL01"),
    ("PV21", "provincie", "NL01"),
    ("AM01", "arbeidsmarktregio", "PV20"),
    ("AM02", "arbeidsmarktregio", "PV20"),
    ("AM03", "arbeidsmarktregio", "PV21"),
]


def month(i: int) -> date:
    """Month i (0-based) from January 2023."""
    return date(2023 + i // 12, i % 12 + 1, 1)


def vacancy(region: str, occupation: str, i: int, open_: int, **kw: Any) -> dict[str, Any]:
    return {
        "region_code": region,
        "occupation_id": occupation,
        "period": month(i),
        "open_vacancies": open_,
        "new_vacancies": kw.get("new", 10),
        "filled_vacancies": kw.get("filled", 5),
        "days_open_filled": kw.get("days", 30.0),
        "source_id": kw.get("source", "real"),
    }


def supply(region: str, occupation: str, i: int, short: int, **kw: Any) -> dict[str, Any]:
    return {
        "region_code": region,
        "occupation_id": occupation,
        "period": month(i),
        "job_seekers_short": short,
        "job_seekers_long": kw.get("long", 50),
        "interested": kw.get("interested", 200),
        "experienced": kw.get("experienced", 100),
        "source_id": kw.get("source", "real"),
    }


VACANCY_SCHEMA = pa.schema(
    [
        ("region_code", pa.string()),
        ("occupation_id", pa.string()),
        ("period", pa.date32()),
        ("open_vacancies", pa.int32()),
        ("new_vacancies", pa.int32()),
        ("filled_vacancies", pa.int32()),
        ("days_open_filled", pa.float64()),
        ("source_id", pa.string()),
    ]
)
SUPPLY_SCHEMA = pa.schema(
    [
        ("region_code", pa.string()),
        ("occupation_id", pa.string()),
        ("period", pa.date32()),
        ("job_seekers_short", pa.int32()),
        ("job_seekers_long", pa.int32()),
        ("interested", pa.int32()),
        ("experienced", pa.int32()),
        ("source_id", pa.string()),
    ]
)


def frames(vacancies: list[dict[str, Any]], supplies: list[dict[str, Any]]) -> dict[str, pa.Table]:
    """The four input tables of the indicators, as Arrow tables."""
    return {
        "vacancy_stats": pa.Table.from_pylist(vacancies, schema=VACANCY_SCHEMA),
        "labour_supply": pa.Table.from_pylist(supplies, schema=SUPPLY_SCHEMA),
        "provenance": pa.table({"source_id": ["real", "demo"], "is_demo": [False, True]}),
        "region": pa.table(
            {
                "code": [r[0] for r in REGIONS],
                "level": [r[1] for r in REGIONS],
                "parent_code": [r[2] for r in REGIONS],
            }
        ),
    }
