"""DUO open onderwijsdata (open education data): hbo/wo graduates per CROHO programme and mbo
participants per crebo qualification, wide year columns -> one record per programme x year."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lloradar.domain import IngestError, Parsed, QuarantineEntry
from lloradar.sources.csvfile import gunzip, read_rows

LICENCE = "DUO open onderwijsdata (open data, free re-use; see duo.nl/open_onderwijsdata)"
HO_COLUMNS = [
    "GEMEENTENUMMER",
    "BRIN NUMMER ACTUEEL",
    "OPLEIDINGSCODE ACTUEEL",
    "OPLEIDINGSNAAM ACTUEEL",
    "OPLEIDINGSVORM",
    "SOORT DIPLOMA",
    "GESLACHT",
]
MBO_COLUMNS = [
    "BRIN NUMMER",
    "PLAATSNAAM",
    "TYPE MBO",
    "KWALIFICATIENIVEAU",
    "KWALIFICATIE CODE",
    "KWALIFICATIE NAAM",
]
_YEAR = re.compile(r"(MAN|VROUW|TOTAAL)?(\d{4})")


@dataclass(frozen=True, slots=True)
class EducationRecord:
    kind: str  # "diploma" (graduates) or "enrolment" (participants)
    programme_code: str
    programme_name: str
    level: str
    institution: str
    gemeente: str
    variant: str
    year: int
    persons: int
    domain: str = ""  # the sector of education: CROHO onderdeel (hbo/wo), domein (mbo)

    @property
    def tail(self) -> tuple[str, int, int]:
        return (self.variant, self.year, self.persons)

    @property
    def key(self) -> tuple[str, str, str, str, str, int]:
        return (
            self.kind,
            self.programme_code,
            self.institution,
            self.gemeente,
            self.variant,
            self.year,
        )


def _count(raw: str) -> int | None:
    text = raw.strip()
    return None if text == "" else int(text)


def parse_duo(data: bytes, source: str) -> Parsed[EducationRecord]:
    """A DUO gediplomeerden (hbo/wo) or deelnemers (mbo) CSV: ';', upper-case headers, one column
    per year. Empty cells mean no participants that year; TOTAAL columns are left out (they are
    the sum of MAN and VROUW, so reading them would count people twice)."""
    data = gunzip(data, source)
    header = data.split(b"\n", 1)[0].decode("utf-8-sig", "replace")
    is_mbo = "KWALIFICATIE CODE" in header
    rows = read_rows(data, source, MBO_COLUMNS if is_mbo else HO_COLUMNS, delimiter=";")
    records: list[EducationRecord] = []
    quarantine: list[QuarantineEntry] = []
    seen: dict[tuple[str, str, str, str, str, int], int] = {}
    for line, row in rows:
        base = _base(row, is_mbo)
        for column, raw in row.items():
            match = _YEAR.fullmatch(column.strip())
            if not match or match.group(1) == "TOTAAL":
                continue
            try:
                persons = _count(raw)
            except ValueError:
                quarantine.append(QuarantineEntry(line, column, raw, "is not a whole number"))
                continue
            if persons is None:
                continue
            if persons < 0:
                quarantine.append(QuarantineEntry(line, column, raw, "is a negative count"))
                continue
            sex = (match.group(1) or row.get("GESLACHT", "")).strip().lower()
            record = _record(base, sex, int(match.group(2)), persons)
            if record.key in seen:
                quarantine.append(
                    QuarantineEntry(
                        line,
                        column,
                        raw,
                        f"duplicates line {seen[record.key]} (same programme, "
                        "institution, place, variant and year): not counted twice",
                    )
                )
                continue
            seen[record.key] = line
            records.append(record)
    if not records and not quarantine:
        raise IngestError(
            source, "no counts found (expected DUO year columns like 2018 or MAN2019)"
        )
    return Parsed(records, quarantine)


def _base(row: dict[str, str], is_mbo: bool) -> dict[str, str]:
    if is_mbo:
        return {
            "kind": "enrolment",
            "programme_code": row["KWALIFICATIE CODE"].strip(),
            "programme_name": row["KWALIFICATIE NAAM"].strip(),
            "level": f"mbo {row['KWALIFICATIENIVEAU'].strip()}",
            "institution": row["BRIN NUMMER"].strip(),
            "gemeente": row["PLAATSNAAM"].strip(),
            # the same crebo code is offered at several levels: the level is part of the key
            "variant": f"{row['TYPE MBO'].strip()}|niveau {row['KWALIFICATIENIVEAU'].strip()}",
            "domain": (row.get("DOMEIN") or row.get("MBO SECTOR") or "").strip(),
        }
    return {
        "kind": "diploma",
        "programme_code": row["OPLEIDINGSCODE ACTUEEL"].strip(),
        "programme_name": row["OPLEIDINGSNAAM ACTUEEL"].strip(),
        "level": row["SOORT DIPLOMA"].strip(),
        "institution": row["BRIN NUMMER ACTUEEL"].strip(),
        "gemeente": row["GEMEENTENUMMER"].strip(),
        "variant": row["OPLEIDINGSVORM"].strip(),
        "domain": (row.get("CROHO ONDERDEEL") or "").strip(),
    }


def _record(base: dict[str, str], sex: str, year: int, persons: int) -> EducationRecord:
    return EducationRecord(
        kind=base["kind"],
        programme_code=base["programme_code"],
        programme_name=base["programme_name"],
        level=base["level"],
        institution=base["institution"],
        gemeente=base["gemeente"],
        variant=f"{base['variant']}|{sex}",
        year=year,
        persons=persons,
        domain=base.get("domain", ""),
    )
