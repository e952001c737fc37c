"""The passport as a file: the plain JSON document written and read, Open Badges 3.0 read through
`analytics.credentials`. Pure functions over the domain's passport: no store, no audit log."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from lloradar.analytics.credentials import CredentialError, parse_open_badges
from lloradar.domain.passport import Evidence, Level, Passport, PassportSkill, Preferences

PLAIN_FORMAT = "lloradar-passport"

E = TypeVar("E", bound=StrEnum)


def plain_document(passport: Passport, exported_at: datetime) -> dict[str, Any]:
    """Everything in the passport as plain JSON (skills and preferences)."""
    return {
        "format": PLAIN_FORMAT,
        "version": 1,
        "exported_at": exported_at.replace(microsecond=0).isoformat(),
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


def read_document(document: Any) -> tuple[list[PassportSkill], Preferences | None]:
    """The skills (and, from plain JSON only, the preferences) in either export format. Labels
    are taken from the file; the caller replaces them with the store's. `CredentialError` names
    the member that is wrong."""
    if isinstance(document, dict) and document.get("format") == PLAIN_FORMAT:
        return _read_plain(document)
    return parse_open_badges(document), None


def _allowed(where: str, item: dict[str, Any], key: str, kind: type[E], default: E) -> E:
    """The member `key` of `item` as one of the values of `kind` (`default` when absent)."""
    try:
        return kind(item.get(key, default))
    except ValueError:
        raise CredentialError(
            f"{where}.{key}: {item.get(key)!r} is not allowed (expected one of {', '.join(kind)})"
        ) from None


def _read_plain(document: dict[str, Any]) -> tuple[list[PassportSkill], Preferences]:
    skills = []
    items = document.get("skills", [])
    if not isinstance(items, list):
        raise CredentialError("skills: expected a list")
    for i, item in enumerate(items):
        where = f"skills[{i}]"
        if not isinstance(item, dict) or not isinstance(item.get("uri"), str):
            raise CredentialError(f"{where}.uri: expected an ESCO skill URI")
        evidence = _allowed(where, item, "evidence", Evidence, Evidence.SELF_ASSESSED)
        level = _allowed(where, item, "level", Level, Level.INTERMEDIATE)
        raw_date = item.get("acquired_on")
        try:
            acquired = date.fromisoformat(raw_date) if raw_date else None
        except (TypeError, ValueError):
            raise CredentialError(
                f"{where}.acquired_on: {raw_date!r} is not a date (expected YYYY-MM-DD)"
            ) from None
        uri = item["uri"]
        label = str(item.get("label") or uri)
        note = str(item.get("note") or "")
        skills.append(PassportSkill(uri, label, evidence, level, acquired, note))
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
    return skills, Preferences(str(region) if region else None, hours, tuple(occupations))
