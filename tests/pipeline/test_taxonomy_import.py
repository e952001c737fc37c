"""Importing the toy ESCO taxonomy: counts, Dutch labels, idempotence, all-or-nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lloradar.domain import IngestError
from lloradar.pipeline.taxonomy_import import import_esco
from lloradar.store import Store

TOY = Path(__file__).parents[1] / "fixtures" / "toy_esco"
SOFTWARE_DEVELOPER = "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1"


def counts(store: Store) -> dict[str, int]:
    tables = ["taxonomy_concept", "occupation", "skill", "occupation_skill", "provenance"]
    return {t: store.query(f"SELECT count(*) FROM {t}")[0][0] for t in tables}


def test_toy_import_stores_concepts_graph_and_dutch_labels(any_store: Store) -> None:
    reports = import_esco(any_store, TOY)
    assert counts(any_store) == {
        "taxonomy_concept": 10 + 30 + 32,
        "occupation": 10,
        "skill": 30,
        "occupation_skill": 80,
        "provenance": 5,
    }
    assert all(not r.quarantined for r in reports)
    label_nl, parent = any_store.query(
        "SELECT label_nl, parent FROM taxonomy_concept WHERE id = ?", [SOFTWARE_DEVELOPER]
    )[0]
    assert label_nl == "software ontwikkelaar"
    assert parent == "http://data.europa.eu/esco/isco/C2512"
    assert any_store.query(
        "SELECT isco_code FROM occupation WHERE id = ?", [SOFTWARE_DEVELOPER]
    ) == [("2512",)]


def test_second_import_changes_nothing(duck: Store) -> None:
    import_esco(duck, TOY)
    before = counts(duck)
    import_esco(duck, TOY)
    assert counts(duck) == before


def test_failed_import_keeps_what_was_stored(duck: Store, tmp_path: Path) -> None:
    import_esco(duck, TOY)
    before = counts(duck)
    broken = tmp_path / "esco"
    shutil.copytree(TOY, broken)
    relations = broken / "occupationSkillRelations.csv"
    relations.write_text(relations.read_text("utf-8").replace("skillUri", "skill", 1), "utf-8")
    broken_occupations = broken / "occupations_en.csv"
    broken_occupations.write_text(
        broken_occupations.read_text("utf-8").replace("software developer,", "coder,", 1), "utf-8"
    )
    with pytest.raises(IngestError, match="missing column"):
        import_esco(duck, broken)
    assert counts(duck) == before
    assert duck.query("SELECT count(*) FROM taxonomy_concept WHERE label_en = 'coder'") == [(0,)]


def test_relations_to_unknown_concepts_are_quarantined(duck: Store, tmp_path: Path) -> None:
    folder = tmp_path / "esco"
    shutil.copytree(TOY, folder)
    unknown = "http://data.europa.eu/esco/occupation/00000000-0000-0000-0000-000000000000"
    relations = folder / "occupationSkillRelations.csv"
    lines = relations.read_bytes().decode().split("\r\n")
    lines.insert(2, lines[1].replace(lines[1].split(",")[0], unknown))
    relations.write_bytes("\r\n".join(lines).encode())
    reports = import_esco(duck, folder)
    quarantined = [q for r in reports for q in r.quarantined]
    assert [(q.line, q.field, q.value) for q in quarantined] == [(3, "occupationUri", unknown)]
    assert duck.query("SELECT line, field FROM quarantine") == [(3, "occupationUri")]
    assert duck.query("SELECT count(*) FROM occupation_skill") == [(80,)]


def test_missing_folder_is_a_clear_error(duck: Store, tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="is not a folder"):
        import_esco(duck, tmp_path / "nothing")
