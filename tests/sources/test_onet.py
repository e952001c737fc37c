"""The O*NET Excel parsers on small workbooks in the real layout."""

from __future__ import annotations

import io

import openpyxl
import pytest

from lloradar.domain import IngestError
from lloradar.sources import onet


def workbook(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_occupations_with_alternate_titles_and_parent() -> None:
    data = workbook(
        [
            ["O*NET-SOC Code", "Title", "Description"],
            ["15-1252.00", "Software Developers", "Develop software."],
            ["15-1252.01", "Software QA", "Test software."],
            ["15-XXXX", "Broken", "x"],
        ]
    )
    parsed = onet.parse_occupations(data, "occ.xlsx", {"15-1252.00": ("Programmer",)})
    assert [(c.id, c.parent, c.alt_labels) for c in parsed.records] == [
        ("15-1252.00", None, ("Programmer",)),
        ("15-1252.01", "15-1252.00", ()),
    ]
    assert [(q.line, q.field) for q in parsed.quarantine] == [(4, "O*NET-SOC Code")]


def test_ratings_honour_suppression_and_pair_scales() -> None:
    header = [
        "O*NET-SOC Code",
        "Element ID",
        "Scale ID",
        "Data Value",
        "Recommend Suppress",
        "Not Relevant",
    ]
    data = workbook(
        [
            header,
            ["15-1252.00", "2.A.1.a", "IM", 4.0, "N", None],
            ["15-1252.00", "2.A.1.a", "LV", 4.5, "Y", "N"],
            ["15-1252.00", "2.A.1.b", "XX", 1.0, "N", None],
        ]
    )
    parsed = onet.parse_ratings(data, "Skills.xlsx")
    assert parsed.records == [("15-1252.00", "2.A.1.a", 4.0, None)]
    assert [q.field for q in parsed.quarantine] == ["Scale ID"]


def test_not_a_workbook_is_a_clear_error() -> None:
    with pytest.raises(IngestError, match="not an Excel"):
        list(onet.read_sheet(b"plain text", "Skills.xlsx", []))


def test_missing_column_is_a_clear_error() -> None:
    data = workbook([["Code", "Title"], ["15-1252.00", "x"]])
    with pytest.raises(IngestError, match="missing column"):
        onet.parse_job_zones(data, "Job Zones.xlsx")
