"""Parsing the intervention register (CSV, YAML) and participant files, with quarantine."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from lloradar.domain import IngestError, InterventionStatus, Measure
from lloradar.sources.interventions import (
    parse_interventions_csv,
    parse_interventions_yaml,
    parse_participants,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "interventions"
KEY = b"test-key"
HEADER = "intervention_id,participant_id,start_date,completion_date,completion_pct,employed_6m\n"


def test_yaml_register_example_parses_every_field() -> None:
    parsed = parse_interventions_yaml((EXAMPLES / "register.yaml").read_bytes(), "register.yaml")
    assert parsed.quarantine == []
    zorg = parsed.records[0]
    assert zorg.id == "demo-twente-zorg" and zorg.region_code == "AM05"
    assert zorg.status is InterventionStatus.RUNNING and zorg.sector_code == "Q"
    assert zorg.occupations == ("2221", "3221") and zorg.budget_eur == 450000
    assert [f.name for f in zorg.funders] == ["Regio Twente", "SLIM-regeling"]
    assert [(k.measure, k.target, k.target_date) for k in zorg.kpis][2] == (
        Measure.EMPLOYED_6M_PCT,
        70,
        date(2026, 12, 31),
    )


def test_csv_register_example_parses_lists_funders_and_kpis() -> None:
    parsed = parse_interventions_csv((EXAMPLES / "register.csv").read_bytes(), "register.csv")
    assert parsed.quarantine == []
    ict = parsed.records[0]
    assert ict.skills == ("software testing", "SQL")
    assert [(f.name, f.amount_eur) for f in ict.funders] == [
        ("Gemeente Groningen", 60000),
        ("ESF+", 60000),
    ]
    assert [k.measure for k in ict.kpis] == [Measure.PARTICIPANTS, Measure.EMPLOYED_6M_PCT]


def test_bad_intervention_fields_are_quarantined_with_their_yaml_line() -> None:
    text = (
        "interventions:\n"
        "  - id: a\n"
        "    name: A\n"
        "    region: AM99\n"
        "    theme: zorg\n"
        "    status: running\n"
        "    start_date: 2025-13-01\n"
        "    kpis: [{measure: employed_6m_pct, target: 140, date: 2026-01-01}]\n"
    )
    parsed = parse_interventions_yaml(text.encode(), "r.yaml", {"AM05"})
    assert parsed.records == []
    found = {(q.line, q.field, q.value) for q in parsed.quarantine}
    assert found == {(4, "region", "AM99"), (7, "start_date", "2025-13-01"), (8, "kpis", "140")}
    assert any("impossible" in q.reason for q in parsed.quarantine)


def participants(rows: str) -> bytes:
    return (HEADER + rows).encode()


def test_participants_are_pseudonymised_and_bad_rows_quarantined() -> None:
    data = participants(
        "iv1,ID-1,2025-01-10,2025-06-01,100,yes\n"  # good
        "iv1,ID-2,2025-02-30,,,\n"  # bad date
        "nope,ID-3,2025-01-10,,,\n"  # unknown intervention
        "iv1,ID-1,2025-01-10,,,\n"  # duplicate participant
        "iv1,ID-5,2025-03-01,2025-02-01,,\n"  # outcome before the start
        "iv1,ID-6,2025-03-01,,180,\n"  # impossible percentage
    )
    parsed = parse_participants(data, "p.csv", KEY, {"iv1": date(2025, 1, 1)})
    assert len(parsed.records) == 1
    assert parsed.records[0].employed_after(6) is True
    found = [(q.line, q.field) for q in parsed.quarantine]
    assert found == [
        (3, "start_date"),
        (4, "intervention_id"),
        (5, "participant_id"),
        (6, "completion_date"),
        (7, "completion_pct"),
    ]
    assert parsed.quarantine[3].message("p.csv").startswith("p.csv line 6, field 'completion_date'")
    everything = repr(parsed)
    assert not any(f"ID-{n}" in everything for n in range(1, 7))


def test_participants_without_a_key_are_refused() -> None:
    with pytest.raises(IngestError, match="LLORADAR_PSEUDONYM_KEY"):
        parse_participants(participants(""), "p.csv", b"", {})
