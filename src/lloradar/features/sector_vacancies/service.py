"""Use-cases of the real CBS sector figures: the quarterly open vacancies per SBI sector x
region from CBS StatLine 83599NED (as loaded by `lloradar ingest shared` or `ingest cbs`), in
persons (CBS publishes thousands), and the quarterly sick leave per sector (80072ned), with
their provenance, generated texts and charts. The only module other features import."""

from __future__ import annotations

from lloradar.features.sector_vacancies.charts import (
    province_chart,
    sick_leave_chart,
    trend_chart,
)
from lloradar.features.sector_vacancies.codes import COUNTRY, TABLE_ID, region_name, resolve_sector
from lloradar.features.sector_vacancies.sick_leave import SickLeave, sick_leave, sick_leave_text
from lloradar.features.sector_vacancies.sources import RealSource
from lloradar.features.sector_vacancies.vacancies import (
    SectorVacancies,
    comparison_text,
    list_vacancy_sectors,
    sector_vacancies,
    trend_text,
    vacancy_rows,
)

__all__ = [
    "COUNTRY",
    "TABLE_ID",
    "RealSource",
    "SectorVacancies",
    "SickLeave",
    "comparison_text",
    "list_vacancy_sectors",
    "province_chart",
    "region_name",
    "resolve_sector",
    "sector_vacancies",
    "sick_leave",
    "sick_leave_chart",
    "sick_leave_text",
    "trend_chart",
    "trend_text",
    "vacancy_rows",
]
