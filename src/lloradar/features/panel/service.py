"""Use-cases of the citizen panel (burgerpanel / citizen panel): load a wave's YAML definition,
add members (residents, or the participants of an intervention as a group), and the respondent's
side - consent per wave, answers under the member's pseudonym, refused for a wave that is not
open or without consent. Invitations are in `invitations.py`, figures and the CBS export in
`results.py`.

Members are keyed by the same keyed hash as intervention participants (`pseudonymise`, with
LLORADAR_PSEUDONYM_KEY): the raw id is never stored, and a participant invited as a panel member
has the pseudonym of their registration, so their answers and outcomes meet without the raw id.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from lloradar.domain import IngestError, Provenance, QuarantineEntry
from lloradar.domain.intervention import pseudonymise
from lloradar.features.panel import queries
from lloradar.features.panel.definition import (
    Question,
    WaveDefinition,
    check_answer,
    parse_definition,
)
from lloradar.pipeline.save import save_provenance
from lloradar.services.request_store import Store
from lloradar.sources.csvfile import read_rows

RESIDENTS = "bewoners"
LICENCE = "panel data of the reporting region (personal data, not open data)"


class PanelError(ValueError):
    """A request the panel refuses, with the reason a person can act on."""


class WaveClosed(PanelError):
    """An answer for a wave that is not open (closed, or not yet open)."""


class ConsentRequired(PanelError):
    """An answer without the member's consent for this wave."""


def group_of_intervention(intervention_id: str) -> str:
    return f"interventie:{intervention_id}"


def _provenance(table: str, location: str, data: bytes, is_demo: bool) -> Provenance:
    return Provenance(
        source="citizen panel (burgerpanel)",
        table=table,
        url=location,
        retrieved_at=datetime.now(UTC).replace(tzinfo=None),
        licence=LICENCE,
        checksum=Provenance.checksum_of(data),
        note="demo data" if is_demo else "",
        is_demo=is_demo,
    )


# --- waves -------------------------------------------------------------------------------------
def load_wave(store: Store, data: bytes, location: str, *, is_demo: bool = False) -> WaveDefinition:
    """Store a wave's definition. A definition already answered cannot change under the same
    version (the answers would no longer match their questions): raise its version."""
    definition = parse_definition(data, location)
    found = queries.wave(store, definition.wave_id)
    if found is not None and queries.answer_count(store, definition.wave_id):
        version, checksum = int(found[1]), str(found[8])
        if checksum != definition.checksum and definition.version <= version:
            raise IngestError(
                location,
                f"wave '{definition.wave_id}' has answers under version {version}: a changed "
                f"definition needs version {version + 1} or higher",
                field="version",
            )
    status = "open" if found is None else str(found[6])
    with store.transaction():
        source_id = save_provenance(store, _provenance("panel_wave", location, data, is_demo))
        queries.save_wave(
            store,
            (
                definition.wave_id,
                definition.version,
                definition.title_nl,
                definition.title_en,
                definition.opens_on,
                definition.closes_on,
                status,
                definition.source_text,
                definition.checksum,
                source_id,
            ),
            [
                (
                    definition.wave_id,
                    q.id,
                    n,
                    q.answer_type,
                    q.text_nl,
                    q.text_en,
                    json.dumps(list(q.options)),
                    q.min_value,
                    q.max_value,
                )
                for n, q in enumerate(definition.questions, start=1)
            ],
        )
    return definition


def load_wave_file(store: Store, path: Path, *, is_demo: bool = False) -> WaveDefinition:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise IngestError(str(path), f"cannot be read ({error.strerror or error})") from None
    return load_wave(store, data, str(path), is_demo=is_demo)


@dataclass(frozen=True, slots=True)
class Wave:
    wave_id: str
    version: int
    title_nl: str
    title_en: str
    opens_on: date
    closes_on: date
    status: str
    questions: tuple[Question, ...] = ()

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_nl

    def is_open(self, today: date) -> bool:
        return self.status == "open" and self.opens_on <= today <= self.closes_on


def _question(row: tuple[object, ...]) -> Question:
    qid, kind, nl, en, options, low, high = row
    return Question(
        str(qid),
        str(kind),
        str(nl),
        str(en),
        tuple(json.loads(str(options))),
        None if low is None else int(str(low)),
        None if high is None else int(str(high)),
    )


def get_wave(store: Store, wave_id: str) -> Wave | None:
    found = queries.wave(store, wave_id)
    if found is None:
        return None
    return Wave(
        str(found[0]),
        int(found[1]),
        str(found[2]),
        str(found[3]),
        found[4],
        found[5],
        str(found[6]),
        tuple(_question(r) for r in queries.questions(store, wave_id)),
    )


def list_waves(store: Store) -> list[Wave]:
    return [
        Wave(str(w), int(v), str(nl), str(en), o, c, str(s))
        for w, v, nl, en, o, c, s in queries.waves(store)
    ]


def close_wave(store: Store, wave_id: str) -> None:
    if queries.wave(store, wave_id) is None:
        raise PanelError(f"no wave '{wave_id}'")
    queries.set_status(store, wave_id, "closed")


# --- members -----------------------------------------------------------------------------------
@dataclass(slots=True)
class MemberReport:
    location: str
    added: int = 0
    quarantined: list[QuarantineEntry] = field(default_factory=list)

    def messages(self) -> list[str]:
        return [f"line {q.line}, field '{q.field}': {q.reason}" for q in self.quarantined]


MEMBER_COLUMNS = ["id", "email"]


def add_members(
    store: Store,
    data: bytes,
    location: str,
    key: str,
    *,
    intervention_id: str | None = None,
    is_demo: bool = False,
) -> MemberReport:
    """Members from a CSV `id,email[,region]` (docs/panel-export.md). With `intervention_id`
    the ids are the participant ids of that intervention's registration and the members form
    its group; an id that is not a participant of it is quarantined (its pseudonym only)."""
    rows = read_rows(data, location, MEMBER_COLUMNS)
    group = RESIDENTS if intervention_id is None else group_of_intervention(intervention_id)
    registered = (
        None if intervention_id is None else queries.participant_pseudonyms(store, intervention_id)
    )
    regions = {str(r[0]) for r in store.query("SELECT code FROM region")}
    report = MemberReport(location)
    keep: list[tuple[str, str | None, str]] = []
    for line, row in rows:
        raw, email = row["id"].strip(), row["email"].strip()
        region = (row.get("region") or "").strip().upper() or None
        if not raw:
            report.quarantined.append(QuarantineEntry(line, "id", "", "is empty"))
            continue
        pseudonym = pseudonymise(raw, key.encode("utf-8"))
        if "@" not in email or " " in email or len(email) > 254:
            report.quarantined.append(
                QuarantineEntry(line, "email", pseudonym, "is not an e-mail address")
            )
            continue
        if region is not None and regions and region not in regions:
            report.quarantined.append(
                QuarantineEntry(line, "region", region, "is not a known region code")
            )
            continue
        if registered is not None and pseudonym not in registered:
            report.quarantined.append(
                QuarantineEntry(
                    line, "id", pseudonym, f"is not a participant of intervention {intervention_id}"
                )
            )
            continue
        keep.append((pseudonym, region, email))
    with store.transaction():
        source_id = save_provenance(store, _provenance("panel_member", location, data, is_demo))
        queries.save_members(store, [(p, group, r, e) for p, r, e in keep], source_id)
    report.added = len(keep)
    return report


def withdraw(store: Store, raw_id: str, key: str) -> bool:
    """A member leaves the panel: address, member row and unsent mail are deleted."""
    pseudonym = pseudonymise(raw_id, key.encode("utf-8"))
    if pseudonym not in queries.members(store):
        return False
    with store.transaction():
        queries.remove_member(store, pseudonym)
    return True


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


# --- the respondent ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Invitation:
    wave: Wave
    pseudonym: str
    consented: bool
    answers: dict[str, str]


def invitation(store: Store, token: str) -> Invitation | None:
    """The invitation of a personal link; None for an unknown link or a member who left the
    panel (their link no longer takes answers)."""
    found = queries.invitation(store, token_hash(token)) if token else None
    if found is None or not queries.is_member(store, str(found[1])):
        return None
    wave = get_wave(store, str(found[0]))
    if wave is None:
        return None
    pseudonym = str(found[1])
    return Invitation(
        wave,
        pseudonym,
        queries.has_consent(store, wave.wave_id, pseudonym),
        queries.answers_of(store, wave.wave_id, pseudonym),
    )


def invitation_for_member(store: Store, wave_id: str, pseudonym: str) -> Invitation | None:
    """The invitation of one member to one wave (paper or telephone answers, the demo)."""
    wave = get_wave(store, wave_id)
    if wave is None or not queries.is_invited(store, wave_id, pseudonym):
        return None
    return Invitation(
        wave,
        pseudonym,
        queries.has_consent(store, wave_id, pseudonym),
        queries.answers_of(store, wave_id, pseudonym),
    )


def panel_members(store: Store) -> dict[str, tuple[str, str | None]]:
    """pseudonym -> (group, region) of every member."""
    return queries.members(store)


def _open(wave: Wave, today: date) -> None:
    if not wave.is_open(today):
        raise WaveClosed(
            f"wave '{wave.wave_id}' is not open ({wave.opens_on} to {wave.closes_on}, "
            f"{wave.status}): no answers are taken"
        )


def give_consent(store: Store, invited: Invitation, today: date) -> None:
    _open(invited.wave, today)
    queries.save_consents(store, invited.wave.wave_id, [invited.pseudonym])


def checked_answers(wave: Wave, raw: Mapping[str, object]) -> dict[str, str]:
    """The answers as stored (several choices joined by ';'), or PanelError naming the
    question. A question may be skipped; an empty form is refused."""
    known = {q.id for q in wave.questions}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise PanelError(f"'{unknown[0]}' is not a question of wave '{wave.wave_id}'")
    checked: dict[str, str] = {}
    for question in wave.questions:
        if question.id not in raw or raw[question.id] in ("", None, []):
            continue
        try:
            checked[question.id] = ";".join(check_answer(question, raw[question.id]))
        except ValueError as error:
            raise PanelError(str(error)) from None
    if not checked:
        raise PanelError("no answer given")
    return checked


def submit_answers(
    store: Store, invited: Invitation, raw: Mapping[str, object], today: date
) -> dict[str, str]:
    """Check and store the answers of one member to one wave (all or nothing). Refused for a
    wave that is not open and without consent for this wave."""
    _open(invited.wave, today)
    if not queries.has_consent(store, invited.wave.wave_id, invited.pseudonym):
        raise ConsentRequired(
            f"no consent for wave '{invited.wave.wave_id}': give consent before answering"
        )
    checked = checked_answers(invited.wave, raw)
    with store.transaction():
        queries.save_answers(store, invited.wave.wave_id, {invited.pseudonym: checked})
    return checked


def record_answers(
    store: Store,
    wave_id: str,
    answers: Mapping[str, Mapping[str, object]],
    today: date,
    *,
    consent: frozenset[str],
) -> int:
    """Answers given on paper or by telephone (and the demo), by pseudonym, in one go: every
    member must be invited to the wave, and `consent` holds those who consented on the form;
    one refused answer refuses the whole batch."""
    wave = get_wave(store, wave_id)
    if wave is None:
        raise PanelError(f"no wave '{wave_id}'")
    _open(wave, today)
    invited = queries.invited_to(store, wave_id)
    given = queries.consented(store, wave_id) | consent
    checked: dict[str, dict[str, str]] = {}
    for pseudonym, raw in answers.items():
        if pseudonym not in invited:
            raise PanelError(f"{pseudonym} is not invited to wave '{wave_id}'")
        if pseudonym not in given:
            raise ConsentRequired(f"{pseudonym} gave no consent for wave '{wave_id}'")
        checked[pseudonym] = checked_answers(wave, raw)
    with store.transaction():
        queries.save_consents(store, wave_id, sorted(consent & set(answers)))
        queries.save_answers(store, wave_id, checked)
    return len(checked)
