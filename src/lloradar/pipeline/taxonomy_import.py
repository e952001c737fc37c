"""Import the ESCO CSV package and the O*NET tables into the common taxonomy (idempotent)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from lloradar.domain import IngestError, Parsed, Provenance, QuarantineEntry
from lloradar.pipeline.regions import now, read_bytes
from lloradar.pipeline.save import LoadReport, TableRows, save_load
from lloradar.sources import esco, onet
from lloradar.store import Store
from lloradar.taxonomy.concepts import CONCEPT_COLUMNS, ISCO_GROUP, Concept, isco_uri

ESCO_FILES = {
    "occupations": "occupations_en.csv.gz",
    "skills": "skills_en.csv.gz",
    "relations": "occupationSkillRelations.csv.gz",
}


def _file(folder: Path, name: str, *, required: bool = True) -> Path | None:
    for candidate in (folder / name, folder / name.removesuffix(".gz")):
        if candidate.is_file():
            return candidate
    if required:
        raise IngestError(str(folder / name), "is missing (expected the ESCO CSV package)")
    return None


def _provenance(path: Path, data: bytes, source: str, licence: str) -> Provenance:
    return Provenance(
        source=source,
        table=path.name,
        url=path.name,
        retrieved_at=now(),
        licence=licence,
        checksum=Provenance.checksum_of(data),
    )


def _concepts(table: str, concepts: Sequence[Concept]) -> TableRows:
    return TableRows(table, CONCEPT_COLUMNS, ["id"], [c.row() for c in concepts])


class _Loader:
    """Saves one file at a time inside the caller's transaction, collecting the reports."""

    def __init__(self, store: Store, source: str, licence: str) -> None:
        self.store, self.source, self.licence = store, source, licence
        self.reports: list[LoadReport] = []

    def save(
        self,
        path: Path,
        data: bytes,
        tables: Sequence[TableRows],
        quarantine: Sequence[QuarantineEntry] = (),
    ) -> None:
        provenance = _provenance(path, data, self.source, self.licence)
        self.reports.append(save_load(self.store, provenance, tables, quarantine))


def _dutch(nl_dir: Path | None, name: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    path = _file(nl_dir, name, required=False) if nl_dir else None
    return esco.parse_dutch_concepts(read_bytes(path), str(path)) if path else {}


def _with_dutch(
    concepts: list[Concept], dutch: dict[str, tuple[str, tuple[str, ...]]]
) -> list[Concept]:
    return [
        replace(c, label_nl=dutch[c.id][0]) if c.id in dutch and not c.label_nl else c
        for c in concepts
    ]


def import_esco(store: Store, esco_dir: Path, nl_dir: Path | None = None) -> list[LoadReport]:
    """Occupations, skills, skill groups, ISCO groups, hierarchy and both relation graphs, with
    the Dutch labels that exist; all files in one transaction, each with its own provenance."""
    if not esco_dir.is_dir():
        raise IngestError(str(esco_dir), "is not a folder (expected the ESCO CSV package)")
    for candidate in (esco_dir / "nl", esco_dir.parent / "esco-nl"):
        if nl_dir is None and candidate.is_dir():
            nl_dir = candidate
    dutch = _dutch(nl_dir, "occupations_nl.csv.gz")
    dutch_skills: dict[str, tuple[str, tuple[str, ...]]] = {}
    for name in ("transversal", "language", "ict"):
        dutch_skills |= _dutch(
            nl_dir and nl_dir / "v1.0.x-markwigmans", f"{name}SkillsCollection_nl.csv"
        )
    dutch_groups = _dutch(nl_dir, "skillGroups_nl.csv")
    loader = _Loader(
        store, "ESCO v1.1.1 (Dutch labels from ESCO nl where they exist)", esco.LICENCE
    )
    with store.transaction():
        occupations_path = _file(esco_dir, ESCO_FILES["occupations"])
        skills_path = _file(esco_dir, ESCO_FILES["skills"])
        relations_path = _file(esco_dir, ESCO_FILES["relations"])
        assert occupations_path and skills_path and relations_path
        isco = _isco_groups(loader, esco_dir, nl_dir)
        occupations_data = read_bytes(occupations_path)
        occupations = esco.parse_occupation_concepts(occupations_data, str(occupations_path))
        occupation_list = _with_dutch(occupations.records, dutch)
        skills_data = read_bytes(skills_path)
        skills = esco.parse_skill_concepts(skills_data, str(skills_path))
        groups = _skill_groups(esco_dir, dutch_groups)
        broader = _broader(esco_dir, {c.id for c in (*skills.records, *groups.records)})
        parents = {child: parent for child, parent in reversed(broader.records)}
        skill_list = [
            replace(c, parent=parents.get(c.id)) for c in _with_dutch(skills.records, dutch_skills)
        ]
        loader.save(
            occupations_path,
            occupations_data,
            [
                _concepts("taxonomy_concept", occupation_list),
                _label_rows(occupation_list, dutch),
                TableRows(
                    "occupation",
                    ["id", "label_en", "label_nl", "isco_code", "description"],
                    ["id"],
                    [
                        (c.id, c.label_en, c.label_nl, _isco_code(c, isco), c.description)
                        for c in occupation_list
                    ],
                ),
            ],
            occupations.quarantine,
        )
        skill_types = esco.parse_skills(skills_data, str(skills_path)).records
        nl_by_id = {c.id: c.label_nl for c in skill_list}
        loader.save(
            skills_path,
            skills_data,
            [
                _concepts("taxonomy_concept", skill_list),
                _label_rows(skill_list, dutch_skills),
                TableRows(
                    "skill",
                    ["id", "label_en", "label_nl", "skill_type", "reuse_level", "description"],
                    ["id"],
                    [
                        (
                            s.id,
                            s.label_en,
                            nl_by_id.get(s.id),
                            s.skill_type,
                            s.reuse_level,
                            s.description,
                        )
                        for s in skill_types
                    ],
                ),
            ],
            skills.quarantine,
        )
        groups_path = _file(esco_dir, "skillGroups_en.csv", required=False)
        if groups_path:
            group_list = [replace(c, parent=parents.get(c.id)) for c in groups.records]
            loader.save(
                groups_path,
                read_bytes(groups_path),
                [_concepts("taxonomy_concept", group_list)],
                groups.quarantine,
            )
        broader_path = _file(esco_dir, "broaderRelationsSkillPillar.csv.gz", required=False)
        if broader_path:
            loader.save(
                broader_path,
                read_bytes(broader_path),
                [
                    TableRows(
                        "taxonomy_broader",
                        ["id", "broader_id"],
                        ["id", "broader_id"],
                        broader.records,
                    )
                ],
                broader.quarantine,
            )
        relations_data = read_bytes(relations_path)
        relations = esco.parse_occupation_skill_links(
            relations_data,
            str(relations_path),
            {c.id for c in occupation_list},
            {c.id for c in skill_list},
        )
        loader.save(
            relations_path,
            relations_data,
            [
                TableRows(
                    "occupation_skill",
                    ["occupation_id", "skill_id", "relation"],
                    ["occupation_id", "skill_id"],
                    relations.records,
                )
            ],
            relations.quarantine,
        )
        _skill_skill(loader, esco_dir, {c.id for c in skill_list})
    return loader.reports


def _isco_code(concept: Concept, isco: set[str]) -> str | None:
    code = concept.parent.rsplit("/C", 1)[-1] if concept.parent else None
    return code if code and code.isdigit() else None


def _label_rows(
    concepts: Sequence[Concept], dutch: dict[str, tuple[str, tuple[str, ...]]]
) -> TableRows:
    rows = [(c.id, "\n".join(dutch[c.id][1])) for c in concepts if c.id in dutch and dutch[c.id][1]]
    return TableRows("taxonomy_label_nl", ["id", "alt_labels"], ["id"], rows)


def _isco_groups(loader: _Loader, esco_dir: Path, nl_dir: Path | None) -> set[str]:
    path = _file(esco_dir, "ISCOGroups_en.csv", required=False)
    if path is None:
        return set()
    nl_path = _file(nl_dir, "ISCOGroups_nl.csv", required=False) if nl_dir else None
    labels = esco.parse_dutch_labels(read_bytes(nl_path), str(nl_path), "code") if nl_path else {}
    data = read_bytes(path)
    parsed = esco.parse_isco_groups(data, str(path), labels)
    concepts = [
        Concept(
            isco_uri(g.code),
            ISCO_GROUP,
            g.label_en,
            g.label_nl,
            parent=isco_uri(g.parent_code) if g.parent_code else None,
        )
        for g in parsed.records
    ]
    loader.save(
        path,
        data,
        [
            _concepts("taxonomy_concept", concepts),
            TableRows(
                "isco_group",
                ["code", "label_en", "label_nl", "parent_code", "level"],
                ["code"],
                [(g.code, g.label_en, g.label_nl, g.parent_code, g.level) for g in parsed.records],
            ),
        ],
        parsed.quarantine,
    )
    return {g.code for g in parsed.records}


def _skill_groups(esco_dir: Path, dutch: dict[str, tuple[str, tuple[str, ...]]]) -> Parsed[Concept]:
    path = _file(esco_dir, "skillGroups_en.csv", required=False)
    if path is None:
        return Parsed([])
    parsed = esco.parse_skill_group_concepts(read_bytes(path), str(path))
    return Parsed(_with_dutch(parsed.records, dutch), parsed.quarantine)


def _broader(esco_dir: Path, known: set[str]) -> Parsed[tuple[str, str]]:
    path = _file(esco_dir, "broaderRelationsSkillPillar.csv.gz", required=False)
    return esco.parse_broader_relations(read_bytes(path), str(path), known) if path else Parsed([])


def _skill_skill(loader: _Loader, esco_dir: Path, skills: set[str]) -> None:
    path = _file(esco_dir, "skillSkillRelations.csv.gz", required=False)
    if path is None:
        return
    data = read_bytes(path)
    parsed = esco.parse_skill_skill_relations(data, str(path), skills)
    loader.save(
        path,
        data,
        [
            TableRows(
                "skill_relation",
                ["skill_id", "related_skill_id", "relation"],
                ["skill_id", "related_skill_id"],
                parsed.records,
            )
        ],
        parsed.quarantine,
    )


def import_onet(store: Store, onet_dir: Path) -> list[LoadReport]:
    """O*NET occupations (with alternate titles), content-model elements, skill and knowledge
    ratings and job zones, in one transaction."""
    if not onet_dir.is_dir():
        raise IngestError(str(onet_dir), "is not a folder (expected the O*NET 29.2 tables)")
    loader = _Loader(store, "O*NET 29.2 Database", onet.LICENCE)
    with store.transaction():
        titles_path = onet_dir / "Alternate Titles.xlsx"
        titles = (
            onet.parse_alternate_titles(read_bytes(titles_path), str(titles_path))
            if titles_path.is_file()
            else {}
        )
        path = onet_dir / "Occupation Data.xlsx"
        data = read_bytes(path)
        occupations = onet.parse_occupations(data, str(path), titles)
        loader.save(
            path, data, [_concepts("taxonomy_concept", occupations.records)], occupations.quarantine
        )
        known = {c.id for c in occupations.records}
        path = onet_dir / "Content Model Reference.xlsx"
        if path.is_file():
            data = read_bytes(path)
            elements = onet.parse_elements(data, str(path))
            loader.save(path, data, [_concepts("taxonomy_concept", elements.records)])
        for name in ("Skills.xlsx", "Knowledge.xlsx"):
            path = onet_dir / name
            if not path.is_file():
                continue
            data = read_bytes(path)
            ratings = onet.parse_ratings(data, str(path))
            rows = [r for r in ratings.records if r[0] in known]
            loader.save(
                path,
                data,
                [
                    TableRows(
                        "onet_rating",
                        ["onet_code", "element_id", "importance", "level"],
                        ["onet_code", "element_id"],
                        rows,
                    )
                ],
                ratings.quarantine,
            )
        path = onet_dir / "Job Zones.xlsx"
        if path.is_file():
            data = read_bytes(path)
            zones = onet.parse_job_zones(data, str(path))
            loader.save(
                path,
                data,
                [
                    TableRows(
                        "onet_job_zone", ["onet_code", "job_zone"], ["onet_code"], zones.records
                    )
                ],
                zones.quarantine,
            )
    return loader.reports
