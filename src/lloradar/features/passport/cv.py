"""Building a passport: skill suggestions from a CV (pasted text or a PDF/DOCX file) through the
skills engine, a label search over the ESCO skills, and the choices for the preferences.
Nothing here stores the CV: only the skills the person confirms are saved (services.passport).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lloradar.domain.account import Purpose
from lloradar.features.passport.queries import skill_labels
from lloradar.features.skills.service import SkillsUnavailable, extract_from_text
from lloradar.services import audit
from lloradar.sources.cv_document import MAX_BYTES, CvDocumentError, check_size, cv_text
from lloradar.store import Store

__all__ = [
    "MAX_BYTES",
    "CvDocumentError",
    "SkillsUnavailable",
    "Suggestion",
    "check_size",
    "occupation_choices",
    "region_choices",
    "search_skills",
    "suggest_from_file",
    "suggest_from_text",
]

MAX_CV_CHARS = 20_000
MIN_SCORE = 0.3
PER_SPAN = 2
# Section headings of a CV say nothing about skills but look like them to the matcher
# ("Curriculum vitae" -> "develop curriculum"): lines that are only a heading are left out.
HEADINGS = re.compile(
    r"(curriculum vitae|cv|personalia|personal details|profiel|profile|werkervaring|"
    r"work experience|experience|ervaring|opleiding(?:en)?|education|vaardigheden|skills|"
    r"competenties|talen|languages|hobby'?s|interesses|interests|referenties|references|"
    r"contact|cursussen|courses|certificaten|certificates)\b[\s:.,-]*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Suggestion:
    uri: str
    label: str
    label_nl: str | None
    score: float
    span: str


def suggest_from_text(
    store: Store, store_url: str, account_id: str, text: str, top: int = 12
) -> list[Suggestion]:
    """Skills found in a CV text (Dutch or English), best first, for the person to confirm."""
    text = text.strip()
    if not text:
        raise ValueError("the CV text is empty: paste your CV or upload a PDF or Word file")
    if len(text) > MAX_CV_CHARS:
        raise ValueError(f"the CV text has {len(text)} characters; the limit is {MAX_CV_CHARS}")
    found = [
        m
        for m in extract_from_text(store_url, without_headings(text), "auto", top * 3)
        if m["score"] >= MIN_SCORE
    ]
    audit.record(store, account_id, "cv analysed (not stored)", account_id, str(Purpose.PASSPORT))
    labels = skill_labels(store, (m["uri"] for m in found))
    seen: set[str] = set()
    per_span: dict[str, int] = {}
    suggestions: list[Suggestion] = []
    for match in found:
        if match["uri"] in seen or per_span.get(match["span"], 0) >= PER_SPAN:
            continue
        if len(suggestions) == top:
            break
        seen.add(match["uri"])
        per_span[match["span"]] = per_span.get(match["span"], 0) + 1
        label, label_nl = labels.get(match["uri"], (match["label"], None))
        suggestions.append(
            Suggestion(match["uri"], label, label_nl, float(match["score"]), match["span"])
        )
    return suggestions


def without_headings(text: str) -> str:
    """The CV without lines that are only a section heading (or 'Curriculum vitae - name')."""
    kept = []
    for line in text.splitlines():
        stripped = line.strip()
        heading = HEADINGS.match(stripped)
        if heading and (heading.end() == len(stripped) or stripped.lower().startswith("curr")):
            continue
        kept.append(line)
    return "\n".join(kept)


def suggest_from_file(
    store: Store, store_url: str, account_id: str, filename: str, data: bytes
) -> list[Suggestion]:
    """Suggestions from a PDF or DOCX CV; `CvDocumentError` for anything else."""
    return suggest_from_text(store, store_url, account_id, cv_text(filename, data)[:MAX_CV_CHARS])


def search_skills(store: Store, query: str, limit: int = 20) -> list[Suggestion]:
    """ESCO skills whose English or Dutch label contains `query` (case-insensitive)."""
    query = query.strip().lower()
    if len(query) < 2:
        return []
    pattern = "%" + query.replace("%", "").replace("_", "") + "%"
    rows = store.query(
        "SELECT id, label_en, label_nl FROM skill "
        "WHERE lower(label_en) LIKE ? OR lower(coalesce(label_nl, '')) LIKE ? "
        "ORDER BY length(label_en), label_en LIMIT ?",
        (pattern, pattern, limit),
    )
    if len(rows) < limit:
        known = {r[0] for r in rows}
        extra = store.query(
            "SELECT id, label_en, label_nl FROM taxonomy_concept WHERE type = 'esco_skill' "
            "AND (lower(label_en) LIKE ? OR lower(coalesce(label_nl, '')) LIKE ?) "
            "ORDER BY length(label_en), label_en LIMIT ?",
            (pattern, pattern, limit),
        )
        rows += [r for r in extra if r[0] not in known][: limit - len(rows)]
    return [Suggestion(str(r[0]), str(r[1] or r[0]), r[2], 1.0, "") for r in rows]


def region_choices(store: Store) -> list[tuple[str, str]]:
    """(code, name) of every arbeidsmarktregio."""
    return [
        (str(r[0]), str(r[1]))
        for r in store.query(
            "SELECT code, name FROM region WHERE level = 'arbeidsmarktregio' ORDER BY code"
        )
    ]


def occupation_choices(store: Store, lang: str) -> list[tuple[str, str]]:
    """(ESCO URI, label) of the radar's occupations, by label."""
    rows = store.query("SELECT id, label_en, label_nl FROM occupation")
    choices = [
        (str(uri), str((label_nl if lang == "nl" and label_nl else label_en) or uri))
        for uri, label_en, label_nl in rows
    ]
    return sorted(choices, key=lambda c: c[1].lower())
