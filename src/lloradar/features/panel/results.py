"""Figures of the citizen panel: response and attrition per wave (for the panel or one group),
the answers per question for all respondents and each group with no population under 10, and
the export for linkage with CBS microdata (docs/panel-export.md)."""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
from dataclasses import dataclass
from pathlib import Path

from lloradar.analytics.panel import (
    ALL as ALL,
)
from lloradar.analytics.panel import (
    QuestionResult,
    WaveResponse,
    results_by_group,
    wave_responses_by_group,
)
from lloradar.features.panel import queries
from lloradar.features.panel.service import PanelError, Wave, get_wave, list_waves
from lloradar.services.request_store import Store


def _sets(rows: list[tuple[object, ...]]) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for wave_id, pseudonym in rows:
        out.setdefault(str(wave_id), set()).add(str(pseudonym))
    return {k: frozenset(v) for k, v in out.items()}


def response_by_group(store: Store) -> dict[str, list[WaveResponse]]:
    """Response and attrition per wave (oldest first) for the whole panel ("all") and each
    group, protected together: a group's hidden figure does not follow from the panel's."""
    group_of = {p: g for p, (g, _) in queries.members(store).items()}
    waves = [w.wave_id for w in list_waves(store)]
    return wave_responses_by_group(
        waves, _sets(queries.invited(store)), _sets(queries.respondents(store)), group_of
    )


def response_report(store: Store, group: str | None = None) -> list[WaveResponse]:
    """`response_by_group` of the whole panel or of one group (empty for an unknown group)."""
    return response_by_group(store).get(ALL if group is None else group, [])


@dataclass(frozen=True, slots=True)
class WaveResults:
    wave: Wave
    populations: dict[str, int | None]  # "all" and every group: respondents, None = hidden
    results: dict[str, list[QuestionResult]]  # per population shown
    is_demo: bool


def wave_results(store: Store, wave_id: str) -> WaveResults | None:
    """The answers of a wave per question, for all respondents and per group, each question one
    table of groups with the wave as margin (`results_by_group`): no figure under 10 people,
    nor one that follows from the others."""
    wave = get_wave(store, wave_id)
    if wave is None:
        return None
    group_of = {p: g for p, (g, _) in queries.members(store).items()}
    answers: dict[str, dict[str, list[str]]] = {}
    for pseudonym, qid, value in queries.wave_answers(store, wave_id):
        answers.setdefault(str(qid), {})[str(pseudonym)] = str(value).split(";")
    sizes, results = results_by_group(
        [(q.id, q.answer_type, q.options) for q in wave.questions], answers, group_of
    )
    return WaveResults(wave, sizes, results, queries.wave_is_demo(store, wave_id))


# --- the export for linkage with CBS microdata -------------------------------------------------
@dataclass(frozen=True, slots=True)
class ExportFiles:
    keyfile: str
    answers: str
    codebook: str
    respondents: int


def export_key(pseudonym: str, export_secret: str) -> str:
    """The study key of one member in one export: a keyed hash of the pseudonym with the
    export's own secret, so exports made with different secrets cannot be joined."""
    digest = hmac.new(export_secret.encode(), pseudonym.encode(), hashlib.sha256).hexdigest()
    return "k-" + digest[:24]


def linkage_export(store: Store, export_secret: str) -> ExportFiles:
    """Three CSV texts (docs/panel-export.md): the key file (study key, pseudonym), the answers
    (one row per study key x wave, one column per question) and the codebook."""
    if len(export_secret) < 16:
        raise PanelError("the export secret must be 16 characters or more")
    waves = [get_wave(store, w.wave_id) for w in list_waves(store)]
    columns = [(w.wave_id, q) for w in waves if w is not None for q in w.questions]
    per_person: dict[tuple[str, str], dict[str, str]] = {}
    for pseudonym, wave_id, qid, value in queries.all_answers(store):
        # several choices are joined with '|' in the export (';' separates its columns)
        given = str(value).replace(";", "|")
        per_person.setdefault((str(pseudonym), str(wave_id)), {})[str(qid)] = given
    keys = {p: export_key(p, export_secret) for p, _ in per_person}
    members = queries.members(store)
    keyfile = _csv(
        ["study_key", "pseudonym", "group"],
        [[k, p, members.get(p, ("", None))[0]] for p, k in sorted(keys.items())],
    )
    question_ids = sorted({q.id for _, q in columns})
    answers = _csv(
        ["study_key", "wave_id", *question_ids],
        [
            [keys[p], w, *(given.get(q, "") for q in question_ids)]
            for (p, w), given in sorted(per_person.items(), key=lambda i: (keys[i[0][0]], i[0][1]))
        ],
    )
    codebook = _csv(
        ["wave_id", "version", "variable", "answer_type", "values", "text_nl", "text_en"],
        [
            [
                w.wave_id,
                str(w.version),
                q.id,
                q.answer_type,
                "|".join(q.options) if q.options else f"{q.min_value}..{q.max_value}",
                q.text_nl,
                q.text_en,
            ]
            for w in waves
            if w is not None
            for q in w.questions
        ],
    )
    return ExportFiles(keyfile, answers, codebook, len(keys))


def write_export(files: ExportFiles, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, text in (
        ("sleutelbestand.csv", files.keyfile),
        ("antwoorden.csv", files.answers),
        ("codeboek.csv", files.codebook),
    ):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def _csv(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()
