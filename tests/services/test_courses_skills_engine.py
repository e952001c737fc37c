"""Course skills through the real skills engine (toy ESCO taxonomy, multilingual embeddings):
a skill text that no label matches is linked by meaning, with the method and score stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from lloradar.features.navigator.courses import import_courses
from lloradar.features.skills import service as skills_engine
from lloradar.store import open_store

TOY = Path(__file__).parents[1] / "fixtures" / "toy_esco"


def test_unmatched_skill_text_is_linked_by_the_skills_engine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(skills_engine, "DEFAULT_CACHE", tmp_path / "cache")
    catalogue = tmp_path / "keuken.csv"
    catalogue.write_text(
        "id,name,provider,teaches\n"
        "k1,Hygiëne in de keuken,Demo,voedselveiligheid en hygiëne in de keuken naleven\n"
        "k2,Iets anders,Demo,zzzz qqqq\n",
        encoding="utf-8",
    )
    with open_store(str(tmp_path / "s.duckdb")) as store:
        skills_engine.import_taxonomy(store, "esco", TOY)
        report = import_courses(store, str(catalogue))
        links = store.query("SELECT course_id, skill_id, method, score FROM course_skill")
        label = store.query(
            "SELECT label_en FROM taxonomy_concept WHERE id = ?", [links[0][1]] if links else [""]
        )
    assert [(c, m) for c, _, m, _ in links] == [("k1", "skills engine")]
    assert label[0][0] == "comply with food safety and hygiene"
    assert 0.65 <= links[0][3] <= 1.5
    assert [(q.line, q.field) for q in report.quarantined] == [(3, "teaches[0]")]
    assert "tried identifier, label and skills engine" in report.quarantined[0].reason
