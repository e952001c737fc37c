"""SBI 2008: the real CBS workbook with its quirks, and the built-in sections."""

from __future__ import annotations

from pathlib import Path

import pytest

from lloradar.domain import IngestError
from lloradar.sources.sbi import builtin_sections, parse_sbi_excel, sbi_parent


def test_real_workbook_has_all_levels_with_leading_zeros(shared_data: Path) -> None:
    path = shared_data / "recorded-sources" / "sbi2008" / "SBI 2008 versie 2018.xlsx"
    sectors = {s.code: s for s in parse_sbi_excel(path.read_bytes(), path.name)}
    assert len(sectors) == 1455
    assert sum(1 for code in sectors if len(code) == 1) == 21
    assert {"02", "06", "08", "09"} <= set(sectors)  # stored as numbers in the workbook
    assert sectors["01"].parent_code == "A"
    assert sectors["01.13.1"].parent_code == "01.13"
    assert sectors["01.13"].parent_code == "01.1"
    assert sectors["A"].label_en == "Agriculture, forestry and fishing"
    assert not any(s.label_nl.endswith((" ", "\xa0")) for s in sectors.values())


def test_builtin_sections_are_a_to_u() -> None:
    assert "".join(s.code for s in builtin_sections()) == "ABCDEFGHIJKLMNOPQRSTU"


@pytest.mark.parametrize(
    ("code", "parent"), [("01", "A"), ("01.1", "01"), ("01.13", "01.1"), ("01.13.1", "01.13")]
)
def test_parent_codes(code: str, parent: str) -> None:
    assert sbi_parent(code, "A") == parent


def test_not_a_workbook_is_refused() -> None:
    with pytest.raises(IngestError, match="sbi.xlsx: not a readable Excel workbook"):
        parse_sbi_excel(b"not excel", "sbi.xlsx")
