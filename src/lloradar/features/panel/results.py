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
    QuestionResult,
    WaveResponse,
    population_sizes,
    question_result,
    wave_responses,
)
from lloradar.features.panel import queries
from lloradar.features.panel.service import PanelError, Wave, get_wave, list_waves
from lloradar.services.request_store import Store


def _sets(rows: list[tuple[object, ...]]) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for wave_id, pseudonym in rows:
        out.setdefault(str(wave_id), set()).add(str(pseudonym))
    return {k: frozenset(v) for k, v in out.items()}


def response_report(store: Store, group: str | None = None) -> list[WaveResponse]:
    """Response and attrition per wave (oldest first), for the whole panel or one group."""
    members = queries.members(store)

    def ours(rows: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
        if group is None:
            return rows
        return [r for r in rows if members.get(str(r[1]), ("", None))[0] == group]

    waves = [w.wave_id for w in list_waves(store)]
    return wave_responses(
        waves, _sets(ours(queries.invited(store))), _sets(ours(queries.respondents(store)))
    )


@dataclass(frozen=True, slots=True)
class WaveResults:
    wave: Wave
    populations: dict[str, int | None]  # "all" and every group: respondents, None = hidden
    results: dict[str, list[QuestionResult]]  # per population shown
    is_demo: bool


def wave_results(store: Store, wave_id: str) -> WaveResults | None:
    """The answers of a wave per question, for all respondents and per group. A population of
    fewer than 10 respondents, or one that differs from another shown by 1..9, shows nothing."""
    wave = get_wave(store, wave_id)
    if wave is None:
        return None
    members = queries.members(store)
    answers: dict[str, dict[str, list[str]]] = {}
    for pseudonym, qid, value in queries.wave_answers(store, wave_id):
        answers.setdefault(str(qid), {})[str(pseudonym)] = str(value).split(";")
    everyone = frozenset(p for per in answers.values() for p in per)
    groups = sorted({members[p][0] for p in everyone if p in members})
    populations: dict[str, frozenset[str]] = {"all": everyone}
    for g in groups:
        populations[g] = frozenset(p for p in everyone if members.get(p, ("", None))[0] == g)
    sizes = population_sizes(populations)
    results: dict[str, list[QuestionResult]] = {}
    for name, people in populations.items():
        if sizes[name] is None:
            continue
        results[name] = [
            question_result(
                q.id,
                q.answer_type,
                q.options,
                {p: v for p, v in answers.get(q.id, {}).items() if p in people},
            )
            for q in wave.questions
        ]
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
