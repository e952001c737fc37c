"""The occupations and skills the demo world uses: real ESCO concepts when the ESCO files are
there, otherwise a small handmade taxonomy with `demo:` ids (never invented ESCO URIs)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from lloradar.domain import Provenance
from lloradar.pipeline.regions import read_bytes
from lloradar.pipeline.save import TableRows, save_load
from lloradar.sources import esco
from lloradar.store import Store

OCCUPATION_COLUMNS = ["id", "label_en", "label_nl", "isco_code", "description"]
SKILL_COLUMNS = ["id", "label_en", "label_nl", "skill_type", "reuse_level", "description"]
RELATION_COLUMNS = ["occupation_id", "skill_id", "relation"]


class Profile(Protocol):
    @property
    def label_en(self) -> str: ...
    @property
    def label_nl(self) -> str: ...
    @property
    def isco_code(self) -> str: ...
    @property
    def skills(self) -> tuple[str, ...]: ...


@dataclass(frozen=True, slots=True)
class DemoOccupations:
    ids: list[str]
    uses_esco: bool


def slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def demo_occupations(
    store: Store,
    profiles: Sequence[Profile],
    skills: Mapping[str, tuple[str, str]],
    shared_data: Path | None,
) -> DemoOccupations:
    """Store the demo occupations (and their skills); return their ids in profile order."""
    if (
        shared_data is not None
        and (shared_data / "esco-v1.1.1" / "occupations_en.csv.gz").is_file()
    ):
        return _esco_occupations(
            store, profiles, shared_data / "esco-v1.1.1", shared_data / "esco-nl"
        )
    return _handmade_occupations(store, profiles, skills)


def _esco_occupations(
    store: Store, profiles: Sequence[Profile], esco_dir: Path, nl_dir: Path
) -> DemoOccupations:
    occupations_file = esco_dir / "occupations_en.csv.gz"
    data = read_bytes(occupations_file)
    nl_file = nl_dir / "occupations_nl.csv.gz"
    dutch = (
        esco.parse_dutch_labels(read_bytes(nl_file), str(nl_file), "conceptUri")
        if nl_file.is_file()
        else {}
    )
    by_label = {
        o.label_en: o for o in esco.parse_occupations(data, str(occupations_file), dutch).records
    }
    missing = [p.label_en for p in profiles if p.label_en not in by_label]
    if missing:
        raise LookupError(f"{occupations_file}: no ESCO occupation labelled {', '.join(missing)}")
    chosen = [by_label[p.label_en] for p in profiles]
    wanted = {o.id for o in chosen}
    relations_file = esco_dir / "occupationSkillRelations.csv.gz"
    relations = [
        r
        for r in esco.parse_occupation_skill_relations(
            read_bytes(relations_file), str(relations_file)
        ).records
        if r[0] in wanted
    ]
    skill_ids = {r[1] for r in relations}
    skills_file = esco_dir / "skills_en.csv.gz"
    skills = [
        s
        for s in esco.parse_skills(read_bytes(skills_file), str(skills_file)).records
        if s.id in skill_ids
    ]
    known_skills = {s.id for s in skills}
    provenance = Provenance(
        source="ESCO v1.1.1 (occupations of the demo world, with their skills)",
        table="occupations_en, skills_en, occupationSkillRelations",
        url=str(esco_dir.name),
        retrieved_at=_now(),
        licence=esco.LICENCE,
        checksum=Provenance.checksum_of(data + json.dumps(sorted(wanted)).encode()),
    )
    save_load(
        store,
        provenance,
        [
            TableRows(
                "occupation",
                OCCUPATION_COLUMNS,
                ["id"],
                [(o.id, o.label_en, o.label_nl, o.isco_code, o.description) for o in chosen],
            ),
            TableRows(
                "skill",
                SKILL_COLUMNS,
                ["id"],
                [
                    (s.id, s.label_en, s.label_nl, s.skill_type, s.reuse_level, s.description)
                    for s in skills
                ],
            ),
            TableRows(
                "occupation_skill",
                RELATION_COLUMNS,
                ["occupation_id", "skill_id"],
                [r for r in relations if r[1] in known_skills],
            ),
        ],
    )
    return DemoOccupations([o.id for o in chosen], uses_esco=True)


def _handmade_occupations(
    store: Store, profiles: Sequence[Profile], skills: Mapping[str, tuple[str, str]]
) -> DemoOccupations:
    """A labelled handmade taxonomy for machines without the ESCO files."""
    occupations = [
        (f"demo:occupation/{slug(p.label_en)}", p.label_en, p.label_nl, p.isco_code, "")
        for p in profiles
    ]
    skill_rows = [
        (f"demo:skill/{key}", en, nl, "skill/competence", None, "")
        for key, (en, nl) in skills.items()
    ]
    relations = [
        (occupation[0], f"demo:skill/{key}", "essential")
        for occupation, profile in zip(occupations, profiles, strict=True)
        for key in profile.skills
    ]
    payload = json.dumps([occupations, skill_rows, relations]).encode()
    provenance = Provenance(
        source="LLO Radar handmade demo taxonomy (not ESCO)",
        table="demo occupations and skills",
        url="lloradar.demo.profiles",
        retrieved_at=_now(),
        licence="CC0 1.0 (handmade demo data)",
        checksum=Provenance.checksum_of(payload),
        note="Used when the ESCO files are absent; ids start with demo:.",
        is_demo=True,
    )
    save_load(
        store,
        provenance,
        [
            TableRows("occupation", OCCUPATION_COLUMNS, ["id"], occupations),
            TableRows("skill", SKILL_COLUMNS, ["id"], skill_rows),
            TableRows(
                "occupation_skill", RELATION_COLUMNS, ["occupation_id", "skill_id"], relations
            ),
        ],
    )
    return DemoOccupations([o[0] for o in occupations], uses_esco=False)
