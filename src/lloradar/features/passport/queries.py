"""The passport feature's SQL: reads and writes of the tables `passport`, `passport_skill` and
`passport_occupation`, and the lookups a change is checked against (skill labels, regions,
occupations). Consent, limits and the audit log are the service's job, not this module's."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from lloradar.domain.passport import Evidence, Level, Passport, PassportSkill, Preferences
from lloradar.store import Store

# The passport's own tables, in the order a delete empties them.
PASSPORT_TABLES = ("passport_skill", "passport_occupation", "passport")


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))


def skill_labels(store: Store, uris: Iterable[str]) -> dict[str, tuple[str, str | None]]:
    """(English, Dutch) label of each known ESCO skill URI, from the radar's skills or the
    imported taxonomy; unknown URIs are left out."""
    wanted = sorted(set(uris))
    if not wanted:
        return {}
    found: dict[str, tuple[str, str | None]] = {
        str(r[0]): (str(r[1] or r[0]), r[2])
        for r in store.query(
            f"SELECT id, label_en, label_nl FROM skill WHERE id IN ({_marks(wanted)})", wanted
        )
    }
    rest = [u for u in wanted if u not in found]
    if rest:
        for uri, label_en, label_nl in store.query(
            f"SELECT id, label_en, label_nl FROM taxonomy_concept "
            f"WHERE type = 'esco_skill' AND id IN ({_marks(rest)})",
            rest,
        ):
            found[str(uri)] = (str(label_en or uri), label_nl)
    return found


def is_labour_market_region(store: Store, code: str) -> bool:
    """Whether `code` is an arbeidsmarktregio (labour market region) in the store."""
    return bool(
        store.query("SELECT 1 FROM region WHERE code = ? AND level = 'arbeidsmarktregio'", (code,))
    )


def known_occupations(store: Store, ids: Sequence[str]) -> set[str]:
    """The ids among `ids` (not empty) of occupations the store holds."""
    return {
        str(r[0])
        for r in store.query(f"SELECT id FROM occupation WHERE id IN ({_marks(ids)})", ids)
    }


def load_passport(store: Store, account_id: str) -> Passport:
    """The stored passport of an account (empty when nothing is stored)."""
    skills = tuple(
        PassportSkill(
            uri=r["skill_uri"],
            label=r["label"],
            label_nl=r["label_nl"],
            evidence=Evidence(r["evidence"]),
            level=Level(r["level"]),
            acquired_on=r["acquired_on"],
            note=r["note"],
        )
        for r in store.query_dicts(
            "SELECT skill_uri, label, label_nl, evidence, level, acquired_on, note "
            "FROM passport_skill WHERE account_id = ? ORDER BY lower(label), skill_uri",
            (account_id,),
        )
    )
    prefs = store.query(
        "SELECT region_code, hours_per_week FROM passport WHERE account_id = ?", (account_id,)
    )
    occupations = tuple(
        str(r[0])
        for r in store.query(
            "SELECT occupation_uri FROM passport_occupation WHERE account_id = ? "
            "ORDER BY occupation_uri",
            (account_id,),
        )
    )
    region, hours = prefs[0] if prefs else (None, None)
    return Passport(skills, Preferences(region, hours, occupations))


def save_skills(store: Store, account_id: str, skills: Sequence[PassportSkill]) -> int:
    """Add or update `skills`; the number of skills the passport holds afterwards."""
    now = _now()
    store.upsert(
        "passport_skill",
        [
            "account_id",
            "skill_uri",
            "label",
            "label_nl",
            "evidence",
            "level",
            "acquired_on",
            "note",
            "added_at",
        ],
        [
            (
                account_id,
                s.uri,
                s.label,
                s.label_nl,
                str(s.evidence),
                str(s.level),
                s.acquired_on,
                s.note,
                now,
            )
            for s in skills
        ],
        ["account_id", "skill_uri"],
    )
    count = store.query("SELECT count(*) FROM passport_skill WHERE account_id = ?", (account_id,))
    return int(count[0][0])


def save_preferences(store: Store, account_id: str, prefs: Preferences) -> None:
    """Replace the region, hours and occupations of interest."""
    store.upsert(
        "passport",
        ["account_id", "region_code", "hours_per_week", "updated_at"],
        [(account_id, prefs.region_code, prefs.hours_per_week, _now())],
        ["account_id"],
    )
    store.execute("DELETE FROM passport_occupation WHERE account_id = ?", (account_id,))
    store.upsert(
        "passport_occupation",
        ["account_id", "occupation_uri"],
        [(account_id, o) for o in prefs.occupations],
        ["account_id", "occupation_uri"],
    )


def delete_skill(store: Store, account_id: str, uri: str) -> None:
    store.execute(
        "DELETE FROM passport_skill WHERE account_id = ? AND skill_uri = ?", (account_id, uri)
    )


def delete_skills(store: Store, account_id: str) -> None:
    store.execute("DELETE FROM passport_skill WHERE account_id = ?", (account_id,))


def delete_passport_rows(store: Store, account_id: str) -> None:
    """Every row of the passport's tables for the account (the account itself stays)."""
    for table in PASSPORT_TABLES:
        store.execute(f"DELETE FROM {table} WHERE account_id = ?", (account_id,))


def skill_uris(store: Store, account_id: str) -> list[str]:
    """The ESCO skill URIs in an account's passport, sorted."""
    rows = store.query(
        "SELECT skill_uri FROM passport_skill WHERE account_id = ? ORDER BY skill_uri",
        (account_id,),
    )
    return [str(r[0]) for r in rows]


def region_code(store: Store, account_id: str) -> str | None:
    """The arbeidsmarktregio code the person chose, or None."""
    rows = store.query("SELECT region_code FROM passport WHERE account_id = ?", (account_id,))
    return str(rows[0][0]) if rows and rows[0][0] else None
