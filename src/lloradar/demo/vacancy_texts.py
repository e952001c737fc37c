"""Demo vacancy texts: a year of postings per labour-market region, written from each demo
occupation's own skills (Dutch labels where the taxonomy has them), so that the skills engine
finds skills in them and skill demand shows. Deterministic for a seed; labelled as demo data."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from lloradar.domain import Provenance
from lloradar.pipeline.save import LoadReport, TableRows, save_load
from lloradar.pipeline.sources_load import SkillExtractor, vacancy_skills
from lloradar.store import Store

Extract = SkillExtractor

POSTINGS_PER_REGION = 24
FIRST_POSTING = date(2025, 1, 1)
_EMPLOYERS = ("Zorggroep", "Techniek", "Onderwijsgroep", "Diensten", "Bouw", "Logistiek")
# Skill labels are verb phrases ("wonden verzorgen") or nouns ("farmacologie"): the templates
# list them, so both read well.
_NL = (
    "Voor onze vestiging in {place} zoeken we een {title} voor {hours} uur per week. "
    "Je taken: {first}. Wat we vragen: {second} en {third}."
)
_EN = (
    "For our branch in {place} we are looking for a {title} for {hours} hours a week. "
    "Your tasks: {first}. What we ask: {second} and {third}."
)


@dataclass(frozen=True, slots=True)
class DemoOccupation:
    id: str
    label_nl: str
    label_en: str
    skills_nl: tuple[str, ...]
    skills_en: tuple[str, ...]


def demo_occupations(store: Store, ids: Sequence[str]) -> list[DemoOccupation]:
    """Each demo occupation with the labels of its essential skills (first eight, by id)."""
    labels = {
        str(i): (str(nl or en), str(en))
        for i, nl, en in store.query(
            "SELECT id, label_nl, label_en FROM occupation WHERE id IN "
            f"({', '.join('?' for _ in ids)})",
            list(ids),
        )
    }
    skills: dict[str, list[tuple[str | None, str]]] = {}
    for occupation, nl, en in store.query(
        "SELECT os.occupation_id, s.label_nl, s.label_en FROM occupation_skill os "
        "JOIN skill s ON s.id = os.skill_id WHERE os.relation = 'essential' "
        "ORDER BY os.occupation_id, os.skill_id"
    ):
        skills.setdefault(str(occupation), []).append((nl, str(en)))
    result = []
    for occupation_id in ids:
        own = skills.get(occupation_id, [])[:8]
        nl_label, en_label = labels.get(occupation_id, (occupation_id, occupation_id))
        result.append(
            DemoOccupation(
                occupation_id,
                nl_label,
                en_label,
                tuple(str(nl) for nl, _ in own if nl),
                tuple(en for _, en in own),
            )
        )
    return result


def _is_dutch(occupation: DemoOccupation) -> bool:
    """Dutch text where the taxonomy has Dutch labels for at least three of its skills."""
    return len(occupation.skills_nl) >= 3


def _sentence(occupation: DemoOccupation, place: str, rng: np.random.Generator) -> str:
    dutch = _is_dutch(occupation)
    skills = list(occupation.skills_nl if dutch else occupation.skills_en)
    while len(skills) < 3:
        skills.append(skills[-1] if skills else "het vak" if dutch else "the trade")
    order = rng.permutation(len(skills))
    picked = [skills[i] for i in order]
    first = "; ".join(picked[:2])
    template = _NL if dutch else _EN
    return template.format(
        place=place,
        title=occupation.label_nl if dutch else occupation.label_en,
        hours=int(rng.choice([24, 32, 36, 40])),
        first=first,
        second=picked[2],
        third=picked[3] if len(picked) > 3 else picked[0],
    )


def posting_rows(
    occupations: Sequence[DemoOccupation],
    regions: Sequence[tuple[str, str]],
    seed: int,
) -> list[tuple[object, ...]]:
    """(vacancy_id, title, description, employer, location, region_code, occupation_id,
    posted_on, closed_on, text_hash) for POSTINGS_PER_REGION postings in every region."""
    rng = np.random.default_rng(seed + 7)
    rows: list[tuple[object, ...]] = []
    for code, name in regions:
        for n in range(POSTINGS_PER_REGION):
            occupation = occupations[int(rng.integers(len(occupations)))]
            employer = f"Voorbeeld {_EMPLOYERS[int(rng.integers(len(_EMPLOYERS)))]} {name}"
            text = _sentence(occupation, name, rng)
            posted = FIRST_POSTING + timedelta(days=int(rng.integers(0, 330)))
            closed = posted + timedelta(days=int(rng.integers(14, 90)))
            title = occupation.label_nl if _is_dutch(occupation) else occupation.label_en
            title = title[:1].upper() + title[1:]
            digest = hashlib.sha256(f"{employer} {title} {text}".lower().encode()).hexdigest()
            rows.append(
                (
                    f"demo-{seed}-{code}-{n:03d}",
                    title,
                    text,
                    employer,
                    name,
                    code,
                    occupation.id,
                    posted,
                    closed if closed < date(2025, 12, 31) else None,
                    digest[:24],
                )
            )
    return rows


def load_demo_vacancies(
    store: Store,
    provenance: Provenance,
    occupations: Sequence[DemoOccupation],
    regions: Sequence[tuple[str, str]],
    seed: int,
    extract: Extract | None,
    method: str,
) -> LoadReport:
    """Store the demo postings and, with an extractor, the skills it finds in each text."""
    rows = posting_rows(occupations, regions, seed)
    columns = ["vacancy_id", "title", "description", "employer", "location", "region_code"]
    columns += ["occupation_id", "posted_on", "closed_on", "text_hash"]
    tables = [TableRows("vacancy", columns, ["vacancy_id"], rows)]
    if extract is not None:
        texts = [(str(row[0]), f"{row[1]}\n{row[2]}") for row in rows]
        tables.append(vacancy_skills(texts, extract, method))
    return save_load(store, provenance, tables)
