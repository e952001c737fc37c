"""Domain values validate their codes and class tension ratios with UWV's boundaries."""

from __future__ import annotations

from datetime import date

import pytest

from lloradar.domain import (
    IscoGroup,
    Occupation,
    Period,
    PeriodKind,
    Provenance,
    Region,
    RegionLevel,
    Sector,
    Skill,
    TensionClass,
    ValidationError,
)


@pytest.mark.parametrize(
    ("ratio", "expected"),
    [
        (4.01, TensionClass.ZEER_KRAP),
        (4.0, TensionClass.KRAP),
        (1.51, TensionClass.KRAP),
        (1.5, TensionClass.GEMIDDELD),
        (0.67, TensionClass.GEMIDDELD),
        (0.669, TensionClass.RUIM),
        (0.25, TensionClass.RUIM),
        (0.249, TensionClass.ZEER_RUIM),
        (0.0, TensionClass.ZEER_RUIM),
    ],
)
def test_tension_class_boundaries(ratio: float, expected: TensionClass) -> None:
    assert TensionClass.from_ratio(ratio) is expected


@pytest.mark.parametrize("ratio", [None, float("nan"), float("inf"), -1.0])
def test_missing_ratio_has_no_class(ratio: float | None) -> None:
    assert TensionClass.from_ratio(ratio) is None


def test_tension_class_labels_and_rank() -> None:
    assert TensionClass.ZEER_KRAP.label_en == "very tight"
    assert [c.rank for c in TensionClass] == [0, 1, 2, 3, 4]


@pytest.mark.parametrize(
    ("code", "level"),
    [
        ("AM18", RegionLevel.ARBEIDSMARKTREGIO),
        ("GM0363", RegionLevel.GEMEENTE),
        ("PV27", RegionLevel.PROVINCIE),
    ],
)
def test_valid_region_codes(code: str, level: RegionLevel) -> None:
    assert Region(code, "x", level).code == code


@pytest.mark.parametrize(
    ("code", "level"),
    [
        ("AM99", RegionLevel.ARBEIDSMARKTREGIO),
        ("AM00", RegionLevel.ARBEIDSMARKTREGIO),
        ("GM363", RegionLevel.GEMEENTE),
        ("27", RegionLevel.PROVINCIE),
    ],
)
def test_invalid_region_codes_name_what_was_expected(code: str, level: RegionLevel) -> None:
    with pytest.raises(ValidationError, match=f"'{code}' is not valid \\(expected .*{level.value}"):
        Region(code, "x", level)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2024MM03", Period(2024, PeriodKind.MONTH, 3)),
        ("2024-03", Period(2024, PeriodKind.MONTH, 3)),
        ("2024KW02", Period(2024, PeriodKind.QUARTER, 2)),
        ("2024-Q2", Period(2024, PeriodKind.QUARTER, 2)),
        ("2024JJ00", Period(2024, PeriodKind.YEAR)),
        (" 2024 ", Period(2024, PeriodKind.YEAR)),
    ],
)
def test_periods_parse_cbs_and_iso_codes(text: str, period: Period) -> None:
    assert Period.parse(text) == period


def test_period_start_and_code() -> None:
    assert Period.parse("2024KW03").start == date(2024, 7, 1)
    assert Period.parse("2024MM11").code == "2024-11"
    with pytest.raises(ValidationError):
        Period.parse("2024MM13")


def test_occupation_ids_are_real_esco_uris_or_demo_ids() -> None:
    uri = "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1"
    assert not Occupation(uri, "software developer", isco_code="2512").is_demo
    assert Occupation("demo:occupation/nurse", "nurse").is_demo
    with pytest.raises(ValidationError, match="ESCO occupation URI"):
        Occupation("http://data.europa.eu/esco/occupation/made-up", "x")
    with pytest.raises(ValidationError, match="isco_code"):
        Occupation("demo:occupation/x", "x", isco_code="25A")


def test_skills_isco_groups_and_sectors_validate() -> None:
    assert Skill("demo:skill/teach", "teach").skill_type == "skill/competence"
    group = IscoGroup("2512", "Software developers")
    assert (group.level, group.parent_code) == (4, "251")
    assert Sector("01.13.1", "Teelt van groenten").code == "01.13.1"
    with pytest.raises(ValidationError):
        Sector("Z", "no such section")


def test_provenance_id_follows_the_bytes() -> None:
    a = Provenance(
        "s",
        "t",
        "u",
        __import__("datetime").datetime(2026, 1, 1),
        "l",
        Provenance.checksum_of(b"x"),
    )
    b = Provenance(
        "s",
        "t",
        "u2",
        __import__("datetime").datetime(2026, 2, 1),
        "l",
        Provenance.checksum_of(b"x"),
    )
    c = Provenance(
        "s",
        "t",
        "u",
        __import__("datetime").datetime(2026, 1, 1),
        "l",
        Provenance.checksum_of(b"y"),
    )
    assert a.source_id == b.source_id != c.source_id
