"""The skills passport use-cases: read, add and remove skills, preferences, export, import,
delete. Every function works on the passport of the account it is given, so one person can never
reach another's; every read and write goes to the audit log; writes need the 'passport' consent.
The SQL lives in `queries`, the file formats in `export`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from lloradar.analytics.credentials import CredentialError, passport_presentation
from lloradar.domain.account import Account, Purpose
from lloradar.domain.passport import Evidence, Level, Passport, PassportSkill, Preferences
from lloradar.domain.region import ARBEIDSMARKTREGIO_CODES
from lloradar.features.accounts.service import has_consent, register_personal_table
from lloradar.features.passport import queries
from lloradar.features.passport.cv import search_skills
from lloradar.features.passport.export import PLAIN_FORMAT, plain_document, read_document
from lloradar.features.passport.queries import skill_labels
from lloradar.services import audit
from lloradar.store import Store

__all__ = [
    "MAX_NOTE",
    "MAX_SKILLS",
    "PLAIN_FORMAT",
    "PURPOSE",
    "ConsentRequired",
    "ImportReport",
    "NotYourPassport",
    "PassportError",
    "SkillClaim",
    "add_skills",
    "delete_passport",
    "export_open_badges",
    "export_plain",
    "import_document",
    "parse_export",
    "passport_by_id",
    "passport_preferences",
    "passport_region",
    "passport_skill_uris",
    "read_passport",
    "remove_skill",
    "replace_passport",
    "search_skills",
    "set_preferences",
    "skill_labels",
]

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


def _require_consent(store: Store, account_id: str) -> None:
    if not has_consent(store, account_id, Purpose.PASSPORT):
        raise ConsentRequired


def read_passport(store: Store, account_id: str, action: str = "passport read") -> Passport:
    """The account's own passport (empty when nothing is stored yet)."""
    passport = queries.load_passport(store, account_id)
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
    if queries.save_skills(store, account_id, skills) > MAX_SKILLS:
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
        queries.delete_skill(store, account_id, uri)
        audit.record(store, account_id, "passport skill removed", account_id, PURPOSE)


def _check_preferences(store: Store, prefs: Preferences) -> Preferences:
    if prefs.region_code is not None and not queries.is_labour_market_region(
        store, prefs.region_code
    ):
        raise PassportError(
            f"region: {prefs.region_code!r} is not an arbeidsmarktregio code (expected {ARBEIDSMARKTREGIO_CODES})"
        )
    if prefs.hours_per_week is not None and not 1 <= prefs.hours_per_week <= 80:
        raise PassportError(f"hours per week: {prefs.hours_per_week} is not between 1 and 80")
    occupations = tuple(sorted(set(prefs.occupations)))
    if occupations:
        known = queries.known_occupations(store, occupations)
        unknown = [o for o in occupations if o not in known]
        if unknown:
            raise PassportError(f"occupations: unknown ESCO occupation(s): {', '.join(unknown)}")
    return replace(prefs, occupations=occupations)


def set_preferences(store: Store, account_id: str, prefs: Preferences) -> Preferences:
    _require_consent(store, account_id)
    prefs = _check_preferences(store, prefs)
    with store.transaction():
        queries.save_preferences(store, account_id, prefs)
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
        queries.delete_skills(store, account_id)
        _save_skills(store, account_id, skills)
        queries.save_preferences(store, account_id, prefs)
        audit.record(store, account_id, "passport replaced", account_id, PURPOSE)
    return queries.load_passport(store, account_id)


def delete_passport(store: Store, account_id: str) -> None:
    """Remove the passport's skills and preferences (the account stays)."""
    with store.transaction():
        queries.delete_passport_rows(store, account_id)
        audit.record(store, account_id, "passport deleted", account_id, PURPOSE)


def export_open_badges(store: Store, account_id: str) -> dict[str, Any]:
    """Open Badges 3.0: a presentation of unsigned OpenBadgeCredentials, one per skill."""
    passport = read_passport(store, account_id, "passport exported (open badges)")
    return passport_presentation(passport.skills, datetime.now(UTC))


def export_plain(store: Store, account_id: str) -> dict[str, Any]:
    """Everything in the passport as plain JSON (skills and preferences)."""
    passport = read_passport(store, account_id, "passport exported (json)")
    return plain_document(passport, datetime.now(UTC))


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
            queries.save_preferences(store, account_id, prefs)
        audit.record(store, account_id, "passport imported", account_id, PURPOSE)
    return ImportReport(len(skills), tuple(unknown), prefs is not None)


def parse_export(document: Any) -> tuple[list[SkillClaim], Preferences | None]:
    """Claims (and preferences) from either export format; `PassportError` names the member."""
    try:
        skills, prefs = read_document(document)
    except CredentialError as exc:
        raise PassportError(str(exc)) from None
    return [SkillClaim(s.uri, s.evidence, s.level, s.acquired_on, s.note) for s in skills], prefs


def passport_skill_uris(store: Store, account_id: str) -> list[str]:
    """The ESCO skill URIs in an account's passport (for the career navigator), logged."""
    uris = queries.skill_uris(store, account_id)
    audit.record(store, account_id, "passport skills read", account_id, str(Purpose.NAVIGATOR))
    return uris


def passport_region(store: Store, account_id: str) -> str | None:
    """The arbeidsmarktregio code the person chose, or None (for the career navigator)."""
    region = queries.region_code(store, account_id)
    audit.record(store, account_id, "passport region read", account_id, str(Purpose.NAVIGATOR))
    return region


def passport_preferences(store: Store, account_id: str) -> Preferences:
    """Region, hours and occupations of interest (for the navigator and alerts), logged."""
    passport = read_passport(store, account_id, "passport preferences read")
    return passport.preferences
