"""SQL of the citizen panel: waves and questions, members and their contact address,
invitations, consent, answers and the invitation outbox (migration 018)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from lloradar.services.request_store import Store

Row = tuple[Any, ...]


def wave(store: Store, wave_id: str) -> Row | None:
    rows = store.query(
        "SELECT wave_id, version, title_nl, title_en, opens_on, closes_on, status, definition, "
        "checksum, source_id FROM panel_wave WHERE wave_id = ?",
        [wave_id],
    )
    return rows[0] if rows else None


def waves(store: Store) -> list[Row]:
    """Every wave, oldest first: (wave_id, version, title_nl, title_en, opens, closes, status)."""
    return store.query(
        "SELECT wave_id, version, title_nl, title_en, opens_on, closes_on, status "
        "FROM panel_wave ORDER BY opens_on, wave_id"
    )


def wave_is_demo(store: Store, wave_id: str) -> bool:
    rows = store.query(
        "SELECT p.is_demo FROM panel_wave w JOIN provenance p ON p.source_id = w.source_id "
        "WHERE w.wave_id = ?",
        [wave_id],
    )
    return bool(rows and rows[0][0])


def questions(store: Store, wave_id: str) -> list[Row]:
    return store.query(
        "SELECT question_id, answer_type, text_nl, text_en, options, min_value, max_value "
        "FROM panel_question WHERE wave_id = ? ORDER BY position",
        [wave_id],
    )


def answer_count(store: Store, wave_id: str) -> int:
    return int(store.query("SELECT count(*) FROM panel_answer WHERE wave_id = ?", [wave_id])[0][0])


def save_wave(store: Store, row: Row, question_rows: Sequence[Row]) -> None:
    """Replace the wave and its questions (inside the caller's transaction)."""
    wave_id = row[0]
    store.execute("DELETE FROM panel_question WHERE wave_id = ?", [wave_id])
    store.execute("DELETE FROM panel_wave WHERE wave_id = ?", [wave_id])
    store.execute(
        "INSERT INTO panel_wave (wave_id, version, title_nl, title_en, opens_on, closes_on, "
        "status, definition, checksum, source_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        list(row),
    )
    for q in question_rows:
        store.execute(
            "INSERT INTO panel_question (wave_id, question_id, position, answer_type, text_nl, "
            "text_en, options, min_value, max_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            list(q),
        )


def set_status(store: Store, wave_id: str, status: str) -> None:
    store.execute("UPDATE panel_wave SET status = ? WHERE wave_id = ?", [status, wave_id])


def members(store: Store) -> dict[str, tuple[str, str | None]]:
    """pseudonym -> (group, region) of every member."""
    return {
        str(p): (str(g), None if r is None else str(r))
        for p, g, r in store.query("SELECT pseudonym, group_name, region_code FROM panel_member")
    }


def save_members(
    store: Store, rows: Sequence[tuple[str, str, str | None, str]], source_id: str
) -> None:
    """(pseudonym, group, region, email) rows; a member keeps the date they first joined."""
    joined = {str(p): t for p, t in store.query("SELECT pseudonym, joined_at FROM panel_member")}
    at = now()
    store.upsert(
        "panel_member",
        ["pseudonym", "group_name", "region_code", "joined_at", "source_id"],
        [(p, g, r, joined.get(p, at), source_id) for p, g, r, _ in rows],
        ["pseudonym"],
    )
    store.upsert(
        "panel_contact", ["pseudonym", "email"], [(p, e) for p, _, _, e in rows], ["pseudonym"]
    )


def remove_member(store: Store, pseudonym: str) -> None:
    """Withdrawal: the member, the address and unsent mail go; answers given stay under the
    pseudonym (they were given with consent for that wave)."""
    for table in ("panel_contact", "panel_outbox", "panel_member"):
        store.execute(f"DELETE FROM {table} WHERE pseudonym = ?", [pseudonym])


def participant_pseudonyms(store: Store, intervention_id: str) -> set[str]:
    return {
        str(r[0])
        for r in store.query(
            "SELECT pseudonym FROM participant WHERE intervention_id = ?", [intervention_id]
        )
    }


def uninvited_contacts(store: Store, wave_id: str, group: str | None) -> list[Row]:
    """(pseudonym, email) of members with an address not yet invited to the wave."""
    where = "" if group is None else " AND m.group_name = ?"
    return store.query(
        "SELECT m.pseudonym, c.email FROM panel_member m JOIN panel_contact c "
        "ON c.pseudonym = m.pseudonym WHERE m.pseudonym NOT IN "
        f"(SELECT pseudonym FROM panel_invitation WHERE wave_id = ?){where} ORDER BY m.pseudonym",
        [wave_id] if group is None else [wave_id, group],
    )


def save_invitations(
    store: Store, wave_id: str, rows: Sequence[tuple[str, str, str, str, str]]
) -> None:
    """(pseudonym, token hash, recipient, subject, body) rows: invitations and their mails."""
    at = now()
    store.upsert(
        "panel_invitation",
        ["wave_id", "pseudonym", "token_hash", "invited_at"],
        [(wave_id, p, h, at) for p, h, _, _, _ in rows],
        ["wave_id", "pseudonym"],
    )
    store.upsert(
        "panel_outbox",
        ["wave_id", "pseudonym", "recipient", "subject", "body", "created_at"],
        [(wave_id, p, r, s, b, at) for p, _, r, s, b in rows],
        ["wave_id", "pseudonym"],
    )


def invitation(store: Store, token_hash: str) -> Row | None:
    """(wave_id, pseudonym) of the invitation with this token."""
    rows = store.query(
        "SELECT wave_id, pseudonym FROM panel_invitation WHERE token_hash = ?", [token_hash]
    )
    return rows[0] if rows else None


def is_member(store: Store, pseudonym: str) -> bool:
    return bool(store.query("SELECT 1 FROM panel_member WHERE pseudonym = ?", [pseudonym]))


def is_invited(store: Store, wave_id: str, pseudonym: str) -> bool:
    return bool(
        store.query(
            "SELECT 1 FROM panel_invitation WHERE wave_id = ? AND pseudonym = ?",
            [wave_id, pseudonym],
        )
    )


def has_consent(store: Store, wave_id: str, pseudonym: str) -> bool:
    return bool(
        store.query(
            "SELECT 1 FROM panel_consent WHERE wave_id = ? AND pseudonym = ?", [wave_id, pseudonym]
        )
    )


def save_consents(store: Store, wave_id: str, pseudonyms: Sequence[str]) -> None:
    at = now()
    store.upsert(
        "panel_consent",
        ["wave_id", "pseudonym", "given_at"],
        [(wave_id, p, at) for p in pseudonyms],
        ["wave_id", "pseudonym"],
    )


def save_answers(store: Store, wave_id: str, answers: dict[str, dict[str, str]]) -> None:
    """pseudonym -> question id -> value."""
    at = now()
    store.upsert(
        "panel_answer",
        ["wave_id", "pseudonym", "question_id", "value", "answered_at"],
        [(wave_id, p, q, v, at) for p, given in answers.items() for q, v in given.items()],
        ["wave_id", "pseudonym", "question_id"],
    )


def consented(store: Store, wave_id: str) -> set[str]:
    return {
        str(r[0])
        for r in store.query("SELECT pseudonym FROM panel_consent WHERE wave_id = ?", [wave_id])
    }


def invited_to(store: Store, wave_id: str) -> set[str]:
    return {
        str(r[0])
        for r in store.query("SELECT pseudonym FROM panel_invitation WHERE wave_id = ?", [wave_id])
    }


def answers_of(store: Store, wave_id: str, pseudonym: str) -> dict[str, str]:
    return {
        str(q): str(v)
        for q, v in store.query(
            "SELECT question_id, value FROM panel_answer WHERE wave_id = ? AND pseudonym = ?",
            [wave_id, pseudonym],
        )
    }


def invited(store: Store) -> list[Row]:
    """(wave_id, pseudonym) of every invitation."""
    return store.query("SELECT wave_id, pseudonym FROM panel_invitation")


def respondents(store: Store) -> list[Row]:
    """(wave_id, pseudonym) of everyone who answered a wave (with consent)."""
    return store.query(
        "SELECT DISTINCT a.wave_id, a.pseudonym FROM panel_answer a JOIN panel_consent c "
        "ON c.wave_id = a.wave_id AND c.pseudonym = a.pseudonym"
    )


def wave_answers(store: Store, wave_id: str) -> list[Row]:
    """(pseudonym, question_id, value) of every consented answer to a wave."""
    return store.query(
        "SELECT a.pseudonym, a.question_id, a.value FROM panel_answer a JOIN panel_consent c "
        "ON c.wave_id = a.wave_id AND c.pseudonym = a.pseudonym WHERE a.wave_id = ?",
        [wave_id],
    )


def all_answers(store: Store) -> list[Row]:
    """(pseudonym, wave_id, question_id, value) of every consented answer, for the export."""
    return store.query(
        "SELECT a.pseudonym, a.wave_id, a.question_id, a.value FROM panel_answer a "
        "JOIN panel_consent c ON c.wave_id = a.wave_id AND c.pseudonym = a.pseudonym "
        "ORDER BY a.pseudonym, a.wave_id, a.question_id"
    )


def pending_mail(store: Store) -> list[Row]:
    """(wave_id, pseudonym, recipient, subject, body) not sent yet."""
    return store.query(
        "SELECT wave_id, pseudonym, recipient, subject, body FROM panel_outbox "
        "WHERE sent_at IS NULL ORDER BY created_at, pseudonym"
    )


def mark_sent(store: Store, wave_id: str, pseudonym: str) -> None:
    """Sent: the body with the personal link is not kept."""
    store.execute(
        "UPDATE panel_outbox SET sent_at = ?, body = '' WHERE wave_id = ? AND pseudonym = ?",
        [now(), wave_id, pseudonym],
    )


def now() -> datetime:
    return datetime.now().replace(microsecond=0)
