"""CV section headings are left out before skill matching."""

from __future__ import annotations

from lloradar.features.passport.cv import without_headings


def test_heading_lines_go_and_content_lines_stay() -> None:
    cv = (
        "Curriculum vitae - Jan de Vries\nWerkervaring\n2016-2024 Lasser: metalen verbinden\n"
        "Opleiding:\nMBO Metaal\nSkills\nExcel, plannen\nErvaring met heftrucks"
    )
    assert without_headings(cv).splitlines() == [
        "2016-2024 Lasser: metalen verbinden",
        "MBO Metaal",
        "Excel, plannen",
        "Ervaring met heftrucks",
    ]
