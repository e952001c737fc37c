"""A tiny O*NET + ESCO world in the real file layouts, for the tasks tests."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl

NURSE = "http://data.europa.eu/esco/occupation/0000-nurse"
DEVELOPER = "http://data.europa.eu/esco/occupation/0000-developer"
JUGGLER = "http://data.europa.eu/esco/occupation/0000-juggler"


def write_xlsx(path: Path, rows: list[list[object]]) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)


def write_csv(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def build(root: Path, bad_task: bool = False) -> tuple[Path, Path]:
    """(onet folder, esco folder) with three ESCO occupations and three O*NET ones."""
    onet, esco = root / "onet", root / "esco-v1.1.1"
    onet.mkdir(parents=True, exist_ok=True)
    esco.mkdir(parents=True, exist_ok=True)
    code = "O*NET-SOC Code"
    write_xlsx(
        onet / "Occupation Data.xlsx",
        [
            [code, "Title", "Description"],
            ["29-1141.00", "Registered Nurses", "Assess patient health problems."],
            ["15-1252.00", "Software Developers", "Develop software."],
            ["53-3032.00", "Heavy and Tractor-Trailer Truck Drivers", "Drive trucks."],
        ],
    )
    write_xlsx(
        onet / "Alternate Titles.xlsx",
        [
            [code, "Title", "Alternate Title", "Short Title", "Source(s)"],
            ["29-1141.00", "Registered Nurses", "Staff Nurse", None, "08"],
            ["15-1252.00", "Software Developers", "Software Developer", None, "08"],
        ],
    )
    tasks: list[list[object]] = [
        [
            code,
            "Title",
            "Task ID",
            "Task",
            "Task Type",
            "Incumbents Responding",
            "Date",
            "Domain Source",
        ],
        [
            "29-1141.00",
            "Registered Nurses",
            1839,
            "Maintain accurate records.",
            "Core",
            95,
            "08/2021",
            "Incumbent",
        ],
        [
            "29-1141.00",
            "Registered Nurses",
            1840,
            "Monitor patients.",
            "Core",
            95,
            "08/2021",
            "Incumbent",
        ],
        [
            "29-1141.00",
            "Registered Nurses",
            1850,
            "Teach first aid.",
            "Supplemental",
            95,
            "08/2021",
            "Incumbent",
        ],
        [
            "15-1252.00",
            "Software Developers",
            16363,
            "Write code.",
            "Core",
            20,
            "07/2022",
            "Analyst",
        ],
        [
            "53-3032.00",
            "Heavy and Tractor-Trailer Truck Drivers",
            9001,
            "Drive.",
            None,
            None,
            "06/2019",
            "Analyst",
        ],
    ]
    if bad_task:
        tasks.append(
            ["29-1141.00", "Registered Nurses", "abc", "Broken id.", "Core", 1, "08/2021", "x"]
        )
        tasks.append(
            ["29-1141.00", "Registered Nurses", 1900, "Odd type.", "Sometimes", 1, "08/2021", "x"]
        )
    write_xlsx(onet / "Task Statements.xlsx", tasks)
    write_csv(
        esco / "occupations_en.csv",
        [
            ["conceptUri", "preferredLabel", "altLabels", "iscoGroup", "description"],
            [NURSE, "nurse responsible for general care", "staff nurse\nward nurse", "2221", ""],
            [DEVELOPER, "software developer", "programmer", "2512", ""],
            [JUGGLER, "juggler", "circus artist", "2659", ""],
        ],
    )
    write_csv(
        esco / "ISCOGroups_en.csv",
        [
            ["conceptUri", "code", "preferredLabel"],
            ["http://data.europa.eu/esco/isco/C2221", "2221", "Nursing professionals"],
            ["http://data.europa.eu/esco/isco/C2512", "2512", "Software developers"],
            ["http://data.europa.eu/esco/isco/C2659", "2659", "Creative and performing artists"],
        ],
    )
    return onet, esco
