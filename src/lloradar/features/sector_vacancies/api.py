"""`GET /api/sectors/{sbi}/vacancies`: the real quarterly open vacancies of a sector (CBS
StatLine 83599NED) in one region, or in every region, as JSON, CSV or Parquet."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from lloradar.api.deps import StoreDep
from lloradar.api.export import Format, export_rows
from lloradar.api.problems import not_found
from lloradar.features.sector_vacancies.service import (
    COUNTRY,
    list_vacancy_sectors,
    sector_vacancies,
    sick_leave,
    vacancy_rows,
)

router = APIRouter(prefix="/api/sectors", tags=["sectors"])
RegionParam = Annotated[
    str,
    Query(
        max_length=10,
        description="NL01 (the country, default), a landsdeel LD01-LD04, a provincie PV20-PV31, "
        "or `all` for every region",
    ),
]


@router.get(
    "/{sbi}/vacancies",
    summary="Open vacancies per quarter of an SBI sector in a region (real, CBS 83599NED)",
)
def sector_vacancy_series(
    sbi: str, store: StoreDep, region: RegionParam = COUNTRY, format: Format = "json"
) -> Any:
    found = sector_vacancies(store, sbi)
    if found is None:
        codes = [f"{code} ({section})" for code, section, _, _ in list_vacancy_sectors(store)]
        raise not_found("sector", sbi, codes[:24])
    code = region.strip().upper()
    if code == "ALL":
        rows = vacancy_rows(found, None)
    elif code in found.series:
        rows = vacancy_rows(found, code)
    else:
        raise not_found("region", region, sorted(found.series))
    return export_rows(rows, format, f"vacatures-{found.code}-{code.lower()}.csv")


@router.get(
    "/{sbi}/sick-leave",
    summary="Sick leave per quarter of an SBI sector, % of working days (real, CBS 80072ned)",
)
def sector_sick_leave(sbi: str, store: StoreDep, format: Format = "json") -> Any:
    found = sick_leave(store, sbi)
    if found is None:
        codes = [f"{code} ({section})" for code, section, _, _ in list_vacancy_sectors(store)]
        raise not_found("sector", sbi, codes[:24])
    rows = [
        {
            "sector": found.code,
            "period": period,
            "sick_leave_percent": value,
            "source": "CBS StatLine 80072ned",
            "is_demo": False,
        }
        for period, value in found.quarters.items()
    ]
    return export_rows(rows, format, f"ziekteverzuim-{found.code}.csv")
