"""O*NET Task Statements.xlsx: tasks in the real layout, bad rows quarantined, bad files refused."""

from __future__ import annotations

import io

import openpyxl
import pytest

from lloradar.domain import IngestError
from lloradar.sources.onet_tasks import parse_occupation_titles, parse_task_statements

HEADER = [
    "O*NET-SOC Code",
    "Title",
    "Task ID",
    "Task",
    "Task Type",
    "Incumbents Responding",
    "Date",
    "Domain Source",
]


def workbook(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_tasks_with_type_date_and_incumbents() -> None:
    data = workbook(
        [
            HEADER,
            [
                "29-1141.00",
                "Registered Nurses",
                1839,
                "Maintain records.",
                "Core",
                95,
                "08/2021",
                "Incumbent",
            ],
            [
                "29-1141.00",
                "Registered Nurses",
                1850,
                "Teach.",
                "Supplemental",
                95,
                "08/2021",
                "Incumbent",
            ],
            ["11-1011.00", "Chief Executives", 8823, "Direct.", None, None, "", "Analyst"],
        ]
    )
    parsed = parse_task_statements(data, "Task Statements.xlsx")
    assert [t.row() for t in parsed.records] == [
        (1839, "29-1141.00", "Maintain records.", "Core", 95, "2021-08", "Incumbent"),
        (1850, "29-1141.00", "Teach.", "Supplemental", 95, "2021-08", "Incumbent"),
        (8823, "11-1011.00", "Direct.", None, None, None, "Analyst"),
    ]
    assert parsed.quarantine == []


def test_bad_rows_are_quarantined_with_line_field_and_reason() -> None:
    data = workbook(
        [
            HEADER,
            ["29-1141", "x", 1, "Task.", "Core", 1, "08/2021", "x"],
            ["29-1141.00", "x", "one", "Task.", "Core", 1, "08/2021", "x"],
            ["29-1141.00", "x", 2, "", "Core", 1, "08/2021", "x"],
            ["29-1141.00", "x", 3, "Task.", "Often", 1, "08/2021", "x"],
            ["29-1141.00", "x", 4, "Task.", "Core", 1, "08/2021", "x"],
            ["29-1141.00", "x", 4, "Again.", "Core", 1, "08/2021", "x"],
        ]
    )
    parsed = parse_task_statements(data, "Task Statements.xlsx")
    assert [t.task_id for t in parsed.records] == [4]
    assert [q.message("Task Statements.xlsx") for q in parsed.quarantine] == [
        "Task Statements.xlsx line 2, field 'O*NET-SOC Code': '29-1141' is not an O*NET-SOC code "
        "(NN-NNNN.NN)",
        "Task Statements.xlsx line 3, field 'Task ID': 'one' is not a whole number",
        "Task Statements.xlsx line 4, field 'Task': '' is empty",
        "Task Statements.xlsx line 5, field 'Task Type': 'Often' expected Core or Supplemental",
        "Task Statements.xlsx line 7, field 'Task ID': '4' appears twice",
    ]


def test_a_missing_column_or_a_non_workbook_is_refused() -> None:
    with pytest.raises(IngestError, match="line 1: missing column\\(s\\) 'Task Type'"):
        parse_task_statements(
            workbook([["O*NET-SOC Code", "Task ID", "Task", "Date"]]), "Task Statements.xlsx"
        )
    with pytest.raises(IngestError, match="not an Excel .xlsx workbook"):
        parse_task_statements(b"O*NET-SOC Code\tTask\n", "Task Statements.txt")


def test_occupation_titles_skip_bad_codes() -> None:
    data = workbook(
        [
            ["O*NET-SOC Code", "Title", "Description"],
            ["15-1252.00", "Software Developers", "d"],
            ["15-XXXX", "Broken", "d"],
        ]
    )
    assert parse_occupation_titles(data, "Occupation Data.xlsx") == {
        "15-1252.00": "Software Developers"
    }
