"""The skills passport use-cases: read, add and remove skills, preferences, export, import,
delete. Every function works on the passport of the account it is given, so one person can never
reach another's; every read and write goes to the audit log; writes need the 'passport' consent.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from lloradar.analytics.credentials import CredentialError, parse_open_badges, passport_presentation
from lloradar.domain.account import Account, Purpose
from lloradar.domain.passport import Evidence, Level, Passport, PassportSkill, Preferences
from lloradar.features.accounts.service import has_consent, register_personal_table
from lloradar.services import audit
from lloradar.store import Store

PLAIN_FORMAT = "lloradar-passport"
MAX_SKILLS = 500
MAX_NOTE = 500
PURPOSE = str(Purpose.PASSPORT)

for _table in ("passport", "passport_skill", "passport_occupation"):
    register_personal_table(_table, "account_id")


class PassportError(ValueError):
    """A passport change that cannot go ahead, with a message a person can act on."""


class ConsentRequired(PassportError):
    def __init__(self) -> None:
        super().__init__(
            "Give consent for the purpose 'passport' before storing skills. / Geef eerst "
            "toestemming om uw paspoort op te slaan."
        )


class NotYourPassport(PassportError):
    """Asked for someone else's passport: answered as 'not found', revealing nothing."""

    def __init__(self) -> None:
        super().__init__("There is no passport you can read here.")


@dataclass(frozen=True)
class SkillClaim:
    """A skill the person adds: the label is looked up in the store, never taken from input."""

    uri: str
    evidence: Evidence = Evidence.SELF_ASSESSED
    level: Level = Level.INTERMEDIATE
    acquired_on: date | None = None
    note: str = ""


@dataclass(frozen=True)
class ImportReport:
    skills: int
    skipped: tuple[str, ...]
    preferences: bool


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _require_consent(store: Store, account_id: str) -> None:
    if not has_consent(store, account_id, Purpose.PASSPORT):
        raise ConsentRequired


def skill_labels(store: Store, uris: Iterable[str]) -> dict[str, tuple[str, str | None]]:
    """(English, Dutch) label of each known ESCO skill URI, from the radar's skills or the
    imported taxonomy; unknown URIs are left out."""
    wanted = sorted(set(uris))
    if not wanted:
        return {}
    marks = ", ".join("?" * len(wanted))
    found: dict[str, tuple[str, str | None]] = {
        str(r[0]): (str(r[1] or r[0]), r[2])
        for r in store.query(
            f"SELECT id, label_en, label_nl FROM skill WHERE id IN ({marks})", wanted
        )
    }
    rest = [u for u in wanted if u not in found]
    if rest:
        marks = ", ".join("?" * len(rest))
        for uri, label_en, label_nl in store.query(
            f"SELECT id, label_en, label_nl FROM taxonomy_concept "
            f"WHERE type = 'esco_skill' AND id IN ({marks})",
            rest,
        ):
            found[str(uri)] = (str(label_en or uri), label_nl)
    return found


def _load(store: Store, account_id: str) -> Passport:
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


def read_passport(store: Store, account_id: str, action: str = "passport read") -> Passport:
    """The account's own passport (empty when nothing is stored yet)."""
    passport = _load(store, account_id)
    audit.record(store, account_id, action, account_id, PURPOSE)
    return passport


def passport_by_id(store: Store, actor: Account, account_id: str) -> Passport:
    """A passport by account id: only ever the caller's own."""
    if actor.id != account_id:
        audit.record(store, actor.id, "passport read refused", account_id, PURPOSE)
        raise NotYourPassport
    return read_passport(store, account_id)


def _claims_to_skills(
    store: Store, claims: Sequence[SkillClaim]
) -> tuple[list[PassportSkill], list[str]]:
    labels = skill_labels(store, (c.uri for c in claims))
    skills, unknown = [], []
    for claim in claims:
        if claim.uri not in labels:
            unknown.append(claim.uri)
            continue
        if len(claim.note) > MAX_NOTE:
            raise PassportError(f"note of {claim.uri}: at most {MAX_NOTE} characters")
        if claim.acquired_on is not None and claim.acquired_on > date.today():
            raise PassportError(
                f"date of {labels[claim.uri][0]}: {claim.acquired_on} lies in the future"
            )
        label, label_nl = labels[claim.uri]
        skills.append(
            PassportSkill(
                claim.uri,
                label,
                Evidence(claim.evidence),
                Level(claim.level),
                claim.acquired_on,
                claim.note.strip(),
                label_nl,
            )
        )
    return skills, unknown


def _save_skills(store: Store, account_id: str, skills: Sequence[PassportSkill]) -> None:
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
    count = store.query("SELECT count(*) FROM passport_skill WHERE account_id = ?", (account_id,))[
        0
    ][0]
    if int(count) > MAX_SKILLS:
        raise PassportError(f"a passport holds at most {MAX_SKILLS} skills")


def add_skills(store: Store, account_id: str, claims: Sequence[SkillClaim]) -> list[PassportSkill]:
    """Add (or update) skills; an unknown skill URI is refused, naming it; all or nothing."""
    _require_consent(store, account_id)
    skills, unknown = _claims_to_skills(store, claims)
    if unknown:
        raise PassportError(f"unknown ESCO skill(s): {', '.join(unknown)}")
    with store.transaction():
        _save_skills(store, account_id, skills)
        audit.record(store, account_id, "passport skills added", account_id, PURPOSE)
    return skills


def remove_skill(store: Store, account_id: str, uri: str) -> None:
    with store.transaction():
        store.execute(
            "DELETE FROM passport_skill WHERE account_id = ? AND skill_uri = ?", (account_id, uri)
        )
        audit.record(store, account_id, "passport skill removed", account_id, PURPOSE)


def _check_preferences(store: Store, prefs: Preferences) -> Preferences:
    if prefs.region_code is not None:
        found = store.query(
            "SELECT 1 FROM region WHERE code = ? AND level = 'arbeidsmarktregio'",
            (prefs.region_code,),
        )
        if not found:
            raise PassportError(
                f"region: {prefs.region_code!r} is not an arbeidsmarktregio code "
                "(expected AM01..AM35)"
            )
    if prefs.hours_per_week is not None and not 1 <= prefs.hours_per_week <= 80:
        raise PassportError(f"hours per week: {prefs.hours_per_week} is not between 1 and 80")
    occupations = tuple(sorted(set(prefs.occupations)))
    if occupations:
        marks = ", ".join("?" * len(occupations))
        known = {
            str(r[0])
            for r in store.query(f"SELECT id FROM occupation WHERE id IN ({marks})", occupations)
        }
        unknown = [o for o in occupations if o not in known]
        if unknown:
            raise PassportError(f"occupations: unknown ESCO occupation(s): {', '.join(unknown)}")
    return replace(prefs, occupations=occupations)


def _save_preferences(store: Store, account_id: str, prefs: Preferences) -> None:
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


def set_preferences(store: Store, account_id: str, prefs: Preferences) -> Preferences:
    _require_consent(store, account_id)
    prefs = _check_preferences(store, prefs)
    with store.transaction():
        _save_preferences(store, account_id, prefs)
        audit.record(store, account_id, "passport preferences changed", account_id, PURPOSE)
    return prefs


def replace_passport(
    store: Store, account_id: str, claims: Sequence[SkillClaim], prefs: Preferences
) -> Passport:
    """The whole passport at once (the API's PUT): all or nothing."""
    _require_consent(store, account_id)
    skills, unknown = _claims_to_skills(store, claims)
    if unknown:
        raise PassportError(f"unknown ESCO skill(s): {', '.join(unknown)}")
    prefs = _check_preferences(store, prefs)
    with store.transaction():
        store.execute("DELETE FROM passport_skill WHERE account_id = ?", (account_id,))
        _save_skills(store, account_id, skills)
        _save_preferences(store, account_id, prefs)
        audit.record(store, account_id, "passport replaced", account_id, PURPOSE)
    return _load(store, account_id)


def delete_passport(store: Store, account_id: str) -> None:
    """Remove the passport's skills and preferences (the account stays)."""
    with store.transaction():
        for table in ("passport_skill", "passport_occupation", "passport"):
            store.execute(f"DELETE FROM {table} WHERE account_id = ?", (account_id,))
        audit.record(store, account_id, "passport deleted", account_id, PURPOSE)


def export_open_badges(store: Store, account_id: str) -> dict[str, Any]:
    """Open Badges 3.0: a presentation of unsigned OpenBadgeCredentials, one per skill."""
    passport = read_passport(store, account_id, "passport exported (open badges)")
    return passport_presentation(passport.skills, datetime.now(UTC))


def export_plain(store: Store, account_id: str) -> dict[str, Any]:
    """Everything in the passport as plain JSON (skills and preferences)."""
    passport = read_passport(store, account_id, "passport exported (json)")
    return {
        "format": PLAIN_FORMAT,
        "version": 1,
        "exported_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "skills": [
            {
                "uri": s.uri,
                "label": s.label,
                "label_nl": s.label_nl,
                "evidence": str(s.evidence),
                "level": str(s.level),
                "acquired_on": s.acquired_on.isoformat() if s.acquired_on else None,
                "note": s.note,
            }
            for s in passport.skills
        ],
        "preferences": {
            "region_code": passport.preferences.region_code,
            "hours_per_week": passport.preferences.hours_per_week,
            "occupations": list(passport.preferences.occupations),
        },
    }


def import_document(store: Store, account_id: str, document: Any) -> ImportReport:
    """Import an export (Open Badges 3.0 or plain JSON) into this account's own passport:
    skills are added or updated, preferences (plain JSON only) replaced. Skills unknown to this
    radar are skipped and reported; anything malformed refuses the whole file."""
    _require_consent(store, account_id)
    claims, prefs = parse_export(document)
    skills, unknown = _claims_to_skills(store, claims)
    if prefs is not None:
        prefs = _check_preferences(store, prefs)
    with store.transaction():
        _save_skills(store, account_id, skills)
        if prefs is not None:
            _save_preferences(store, account_id, prefs)
        audit.record(store, account_id, "passport imported", account_id, PURPOSE)
    return ImportReport(len(skills), tuple(unknown), prefs is not None)


def parse_export(document: Any) -> tuple[list[SkillClaim], Preferences | None]:
    """Claims (and preferences) from either export format; `PassportError` names the member."""
    try:
        if isinstance(document, dict) and document.get("format") == PLAIN_FORMAT:
            return _parse_plain(document)
        skills = parse_open_badges(document)
    except CredentialError as exc:
        raise PassportError(str(exc)) from None
    return [SkillClaim(s.uri, s.evidence, s.level, s.acquired_on, s.note) for s in skills], None


def _parse_plain(document: dict[str, Any]) -> tuple[list[SkillClaim], Preferences]:
    claims = []
    items = document.get("skills", [])
    if not isinstance(items, list):
        raise CredentialError("skills: expected a list")
    for i, item in enumerate(items):
        where = f"skills[{i}]"
        if not isinstance(item, dict) or not isinstance(item.get("uri"), str):
            raise CredentialError(f"{where}.uri: expected an ESCO skill URI")
        try:
            evidence = Evidence(item.get("evidence", "self_assessed"))
        except ValueError:
            raise CredentialError(
                f"{where}.evidence: {item.get('evidence')!r} is not allowed "
                f"(expected one of {', '.join(Evidence)})"
            ) from None
        try:
            level = Level(item.get("level", "intermediate"))
        except ValueError:
            raise CredentialError(
                f"{where}.level: {item.get('level')!r} is not allowed "
                f"(expected one of {', '.join(Level)})"
            ) from None
        raw_date = item.get("acquired_on")
        try:
            acquired = date.fromisoformat(raw_date) if raw_date else None
        except (TypeError, ValueError):
            raise CredentialError(
                f"{where}.acquired_on: {raw_date!r} is not a date (expected YYYY-MM-DD)"
            ) from None
        claims.append(
            SkillClaim(item["uri"], evidence, level, acquired, str(item.get("note") or ""))
        )
    raw = document.get("preferences") or {}
    if not isinstance(raw, dict):
        raise CredentialError("preferences: expected an object")
    hours = raw.get("hours_per_week")
    if hours is not None and not isinstance(hours, int):
        raise CredentialError(f"preferences.hours_per_week: {hours!r} is not a whole number")
    occupations = raw.get("occupations") or []
    if not isinstance(occupations, list) or not all(isinstance(o, str) for o in occupations):
        raise CredentialError("preferences.occupations: expected a list of ESCO occupation URIs")
    region = raw.get("region_code")
    return claims, Preferences(str(region) if region else None, hours, tuple(occupations))


def passport_skill_uris(store: Store, account_id: str) -> list[str]:
    """The ESCO skill URIs in an account's passport (for the career navigator), logged."""
    rows = store.query(
        "SELECT skill_uri FROM passport_skill WHERE account_id = ? ORDER BY skill_uri",
        (account_id,),
    )
    audit.record(store, account_id, "passport skills read", account_id, str(Purpose.NAVIGATOR))
    return [str(r[0]) for r in rows]


def passport_region(store: Store, account_id: str) -> str | None:
    """The arbeidsmarktregio code the person chose, or None (for the career navigator)."""
    rows = store.query("SELECT region_code FROM passport WHERE account_id = ?", (account_id,))
    audit.record(store, account_id, "passport region read", account_id, str(Purpose.NAVIGATOR))
    return str(rows[0][0]) if rows and rows[0][0] else None


def passport_preferences(store: Store, account_id: str) -> Preferences:
    """Region, hours and occupations of interest (for the navigator and alerts), logged."""
    passport = read_passport(store, account_id, "passport preferences read")
    return passport.preferences
