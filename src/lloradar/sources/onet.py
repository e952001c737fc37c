"""O*NET 29.2 database tables (Excel release): occupations, skills/knowledge ratings, job zones."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Sequence
from typing import Any

from lloradar.domain import IngestError, Parsed, QuarantineEntry
from lloradar.taxonomy.concepts import ONET_ELEMENT, ONET_OCCUPATION, Concept

LICENCE = "CC BY 4.0 (O*NET 29.2 Database, USDOL/ETA)"
CODE = "O*NET-SOC Code"


def read_sheet(
    data: bytes, source: str, required: Sequence[str]
) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line, row) for each data row of the first sheet; line 1 is the header."""
    import openpyxl  # a heavy import, only needed when O*NET is loaded

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise IngestError(source, f"not an Excel .xlsx workbook ({error})") from None
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        header = [str(name).strip() if name is not None else "" for name in next(rows, ())]
        missing = [name for name in required if name not in header]
        if missing:
            raise IngestError(
                source,
                f"missing column(s) {', '.join(map(repr, missing))}; found {', '.join(header)}",
                line=1,
            )
        for line, values in enumerate(rows, start=2):
            if any(v is not None and str(v).strip() for v in values):
                yield line, dict(zip(header, values, strict=False))
    finally:
        book.close()


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _code(line: int, row: dict[str, Any], bad: list[QuarantineEntry]) -> str | None:
    code = _text(row.get(CODE))
    parts = code.replace("-", ".").split(".")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        bad.append(QuarantineEntry(line, CODE, code, "is not an O*NET-SOC code (NN-NNNN.NN)"))
        return None
    return code


def parse_occupations(
    data: bytes, source: str, alternate_titles: dict[str, tuple[str, ...]] | None = None
) -> Parsed[Concept]:
    """Occupation Data.xlsx -> concepts; a detailed code's parent is its `.00` occupation."""
    records: list[Concept] = []
    bad: list[QuarantineEntry] = []
    for line, row in read_sheet(data, source, [CODE, "Title", "Description"]):
        code = _code(line, row, bad)
        if code is None:
            continue
        parent = code[:-2] + "00" if not code.endswith(".00") else None
        records.append(
            Concept(
                code,
                ONET_OCCUPATION,
                _text(row["Title"]),
                None,
                (alternate_titles or {}).get(code, ()),
                _text(row["Description"]),
                parent,
            )
        )
    known = {r.id for r in records}
    return Parsed([r if r.parent in known else _no_parent(r) for r in records], bad)


def _no_parent(concept: Concept) -> Concept:
    return Concept(
        concept.id,
        concept.type,
        concept.label_en,
        concept.label_nl,
        concept.alt_labels,
        concept.description,
        None,
    )


def parse_alternate_titles(data: bytes, source: str) -> dict[str, tuple[str, ...]]:
    titles: dict[str, list[str]] = {}
    for _, row in read_sheet(data, source, [CODE, "Alternate Title"]):
        title = _text(row["Alternate Title"])
        if title:
            titles.setdefault(_text(row[CODE]), []).append(title)
    return {code: tuple(dict.fromkeys(t)) for code, t in titles.items()}


def parse_elements(data: bytes, source: str) -> Parsed[Concept]:
    """Content Model Reference.xlsx -> concepts; `2.A.1.a`'s parent is `2.A.1`."""
    records: list[Concept] = []
    for _, row in read_sheet(data, source, ["Element ID", "Element Name", "Description"]):
        element = _text(row["Element ID"])
        parent = element.rsplit(".", 1)[0] if "." in element else None
        records.append(
            Concept(
                element,
                ONET_ELEMENT,
                _text(row["Element Name"]),
                description=_text(row["Description"]),
                parent=parent,
            )
        )
    return Parsed(records)


def parse_ratings(data: bytes, source: str) -> Parsed[tuple[str, str, float | None, float | None]]:
    """Skills.xlsx / Knowledge.xlsx -> (code, element, importance, level).

    Values O*NET recommends suppressing, and levels marked not relevant, become NULL."""
    ratings: dict[tuple[str, str], list[float | None]] = {}
    bad: list[QuarantineEntry] = []
    required = [CODE, "Element ID", "Scale ID", "Data Value", "Recommend Suppress"]
    for line, row in read_sheet(data, source, required):
        code = _code(line, row, bad)
        scale = _text(row["Scale ID"])
        if code is None:
            continue
        if scale not in ("IM", "LV"):
            bad.append(QuarantineEntry(line, "Scale ID", scale, "expected IM or LV"))
            continue
        value = row["Data Value"]
        if not isinstance(value, int | float):
            bad.append(QuarantineEntry(line, "Data Value", _text(value), "is not a number"))
            continue
        suppressed = _text(row.get("Recommend Suppress")) == "Y"
        suppressed |= _text(row.get("Not Relevant")) == "Y"
        slot = ratings.setdefault((code, _text(row["Element ID"])), [None, None])
        slot[0 if scale == "IM" else 1] = None if suppressed else float(value)
    return Parsed([(c, e, v[0], v[1]) for (c, e), v in ratings.items()], bad)


def parse_job_zones(data: bytes, source: str) -> Parsed[tuple[str, int]]:
    records: list[tuple[str, int]] = []
    bad: list[QuarantineEntry] = []
    for line, row in read_sheet(data, source, [CODE, "Job Zone"]):
        code = _code(line, row, bad)
        zone = row["Job Zone"]
        if code is None:
            continue
        if not isinstance(zone, int) or not 1 <= zone <= 5:
            bad.append(QuarantineEntry(line, "Job Zone", _text(zone), "expected 1 to 5"))
            continue
        records.append((code, zone))
    return Parsed(records, bad)
