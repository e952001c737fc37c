"""UWV open data CSV (';'-separated, Dutch headers): vacancies and WW job seekers per
arbeidsmarktregio x beroep x month -> `vacancy_stats` and `labour_supply` records.

No real UWV file could be obtained here (see shared/data/recorded-sources/SOURCE.txt); the
column names follow UWV's published tables (Periode, Arbeidsmarktregio, Beroep, openstaande /
nieuwe / vervulde vacatures, WW-uitkeringen korter/langer dan 6 maanden, geïnteresseerden,
ervaren) and are checked strictly: a renamed column refuses the file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lloradar.domain import (
    ARBEIDSMARKTREGIO_CODES,
    IngestError,
    Parsed,
    Period,
    QuarantineEntry,
    ValidationError,
)
from lloradar.sources.csvfile import read_rows

LICENCE = "UWV open data (CC BY 4.0, Bron: UWV)"
KEY_COLUMNS = ["Periode", "ArbeidsmarktregioCode", "BeroepCode"]
COUNT_COLUMNS = {
    "OpenstaandeVacatures": "open_vacancies",
    "NieuweVacatures": "new_vacancies",
    "VervuldeVacatures": "filled_vacancies",
    "WWKorterDan6Maanden": "job_seekers_short",
    "WWLangerDan6Maanden": "job_seekers_long",
    "Geinteresseerden": "interested",
    "Ervaren": "experienced",
}
DAYS_COLUMN = "MediaanDagenOpen"
REQUIRED = [*KEY_COLUMNS, *COUNT_COLUMNS, DAYS_COLUMN]
_REGION = re.compile(r"AM\d{2}")
_ISCO = re.compile(r"\d{4}")
_GROUPED = re.compile(r"\d{1,3}([.,]\d{3})+")


@dataclass(frozen=True, slots=True)
class UwvCell:
    region_code: str
    occupation_id: str
    period: date
    counts: dict[str, int]
    days_open: float | None

    @property
    def key(self) -> tuple[str, str, date]:
        return (self.region_code, self.occupation_id, self.period)


def occupation_id(code: str) -> str:
    """A 4-digit ISCO-08 code becomes ESCO's own URI for that ISCO group; an ESCO URI stays."""
    if _ISCO.fullmatch(code):
        return f"http://data.europa.eu/esco/isco/C{code}"
    if code.startswith("http://data.europa.eu/esco/"):
        return code
    raise ValueError(code)


def _count(raw: str) -> int:
    text = raw.strip()
    if _GROUPED.fullmatch(text):
        raise ValueError("has a thousands separator (write 1234, not 1.234)")
    value = int(text)
    if value < 0:
        raise ValueError("is a negative count")
    return value


def parse_uwv(data: bytes, source: str, *, today: date, regions: set[str]) -> Parsed[UwvCell]:
    """Every row checked: a known arbeidsmarktregio, an ISCO code or ESCO URI, a month not in
    the future, whole non-negative counts, one row per region x occupation x month."""
    records: list[UwvCell] = []
    quarantine: list[QuarantineEntry] = []
    seen: dict[tuple[str, str, date], int] = {}
    for line, row in read_rows(data, source, REQUIRED, delimiter=";"):
        problems = len(quarantine)
        region = row["ArbeidsmarktregioCode"].strip()
        if not _REGION.fullmatch(region) or (regions and region not in regions):
            quarantine.append(
                QuarantineEntry(
                    line,
                    "ArbeidsmarktregioCode",
                    region,
                    f"is not an arbeidsmarktregio code (expected {ARBEIDSMARKTREGIO_CODES})",
                )
            )
        try:
            occupation = occupation_id(row["BeroepCode"].strip())
        except ValueError:
            occupation = ""
            quarantine.append(
                QuarantineEntry(
                    line, "BeroepCode", row["BeroepCode"], "is not an ISCO-08 code or ESCO URI"
                )
            )
        try:
            period = Period.parse(row["Periode"]).start
        except ValidationError:
            period = today
            quarantine.append(
                QuarantineEntry(
                    line, "Periode", row["Periode"], "is not a month like 2024-03 or 2024MM03"
                )
            )
        if period > today:
            quarantine.append(
                QuarantineEntry(line, "Periode", row["Periode"], "lies in the future")
            )
        counts: dict[str, int] = {}
        for column, name in COUNT_COLUMNS.items():
            try:
                counts[name] = _count(row[column])
            except ValueError as error:
                reason = (
                    str(error)
                    if "separator" in str(error) or "negative" in str(error)
                    else "is not a whole number"
                )
                quarantine.append(QuarantineEntry(line, column, row[column], reason))
        days_text = row[DAYS_COLUMN].strip().replace(",", ".")
        try:
            days = float(days_text) if days_text else None
        except ValueError:
            days = None
            quarantine.append(
                QuarantineEntry(line, DAYS_COLUMN, row[DAYS_COLUMN], "is not a number of days")
            )
        if len(quarantine) > problems:
            continue
        cell = UwvCell(region, occupation, period, counts, days)
        if cell.key in seen:
            quarantine.append(
                QuarantineEntry(
                    line,
                    "ArbeidsmarktregioCode",
                    region,
                    f"repeats the cell of line {seen[cell.key]}: not counted twice",
                )
            )
            continue
        seen[cell.key] = line
        records.append(cell)
    if not records and not quarantine:
        raise IngestError(source, "no data rows (expected one row per region x occupation x month)")
    return Parsed(records, quarantine)
