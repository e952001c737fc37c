"""Skills passport <-> Open Badges 3.0 (W3C Verifiable Credentials 2.0 JSON-LD), pure.

The export is a `VerifiablePresentation` holding one `OpenBadgeCredential` per skill: the
achievement is the ESCO skill (an `Alignment` to its URI), the evidence type is an `Evidence`
genre, the level a `Result` against a `PerformanceLevel` result description, the date the
`awardedDate`. The credentials are UNSIGNED (no `proof`): they carry what the person declared,
not a verification by an issuer.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from lloradar.domain.passport import Evidence, Level, PassportSkill

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
ESCO_SKILL = "http://data.europa.eu/esco/skill/"
LEVEL_RESULT = "urn:lloradar:result-description:level"
ISSUER_NAME = "LLO Radar skills passport (self-declared, unsigned)"

EVIDENCE_NAMES = {
    Evidence.DIPLOMA: "Diploma",
    Evidence.CERTIFICATE: "Certificate or badge",
    Evidence.WORK_EXPERIENCE: "Work experience",
    Evidence.SELF_ASSESSED: "Self-assessed",
    Evidence.VALIDATED: "Validated by a third party",
}


class CredentialError(ValueError):
    """A document that is not a passport export, naming the member that is wrong."""


def _timestamp(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "") + "Z"


def skill_credential(skill: PassportSkill, issued_at: datetime, issuer_id: str) -> dict[str, Any]:
    """One OpenBadgeCredential for one skill."""
    achievement: dict[str, Any] = {
        "id": f"urn:lloradar:achievement:{skill.uri.rsplit('/', 1)[-1]}",
        "type": ["Achievement"],
        "achievementType": "Competency",
        "name": skill.label,
        "description": f"ESCO skill: {skill.label}",
        "criteria": {"narrative": f"Shown through: {EVIDENCE_NAMES[skill.evidence]}."},
        "alignment": [
            {
                "type": ["Alignment"],
                "targetName": skill.label,
                "targetUrl": skill.uri,
                "targetFramework": "ESCO",
                "targetType": "ceasn:Competency",
            }
        ],
        "resultDescription": [
            {
                "id": LEVEL_RESULT,
                "type": ["ResultDescription"],
                "name": "Level",
                "resultType": "PerformanceLevel",
                "allowedValue": [str(level) for level in Level],
            }
        ],
    }
    if skill.label_nl:
        achievement["alignment"][0]["targetDescription"] = f"nl: {skill.label_nl}"
    credential: dict[str, Any] = {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": skill.label,
        "issuer": {"id": issuer_id, "type": ["Profile"], "name": ISSUER_NAME},
        "validFrom": _timestamp(issued_at),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": achievement,
            "result": [
                {"type": ["Result"], "resultDescription": LEVEL_RESULT, "value": str(skill.level)}
            ],
        },
        "evidence": [
            {
                "type": ["Evidence"],
                "name": EVIDENCE_NAMES[skill.evidence],
                "genre": str(skill.evidence),
                **({"description": skill.note} if skill.note else {}),
            }
        ],
    }
    if skill.acquired_on is not None:
        credential["awardedDate"] = f"{skill.acquired_on.isoformat()}T00:00:00Z"
    return credential


def passport_presentation(skills: Iterable[PassportSkill], issued_at: datetime) -> dict[str, Any]:
    """A VerifiablePresentation with one OpenBadgeCredential per skill."""
    issuer_id = f"urn:uuid:{uuid.uuid4()}"
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "type": ["VerifiablePresentation"],
        "verifiableCredential": [skill_credential(s, issued_at, issuer_id) for s in skills],
    }


def _credentials(document: Any) -> list[tuple[str, dict[str, Any]]]:
    if isinstance(document, list):
        return [(f"[{i}]", c) for i, c in enumerate(document)]
    if not isinstance(document, dict):
        raise CredentialError("the file is not a JSON object or list (expected Open Badges 3.0)")
    types = document.get("type", [])
    if "VerifiablePresentation" in types:
        found = document.get("verifiableCredential", [])
        if not isinstance(found, list):
            raise CredentialError("verifiableCredential: expected a list of credentials")
        return [(f"verifiableCredential[{i}]", c) for i, c in enumerate(found)]
    return [("", document)]


def parse_open_badges(document: Any) -> list[PassportSkill]:
    """The skills in an Open Badges 3.0 export (a presentation, a list or one credential).
    Labels are taken from the file; the caller replaces them with the store's."""
    skills = []
    for where, credential in _credentials(document):
        skills.append(_parse_credential(where or "credential", credential))
    return skills


def _parse_credential(where: str, credential: Any) -> PassportSkill:
    if not isinstance(credential, dict):
        raise CredentialError(f"{where}: expected a credential object")
    types = credential.get("type", [])
    if "OpenBadgeCredential" not in types and "AchievementCredential" not in types:
        raise CredentialError(f"{where}.type: expected OpenBadgeCredential, got {types!r}")
    subject = credential.get("credentialSubject") or {}
    achievement = subject.get("achievement") if isinstance(subject, dict) else None
    if not isinstance(achievement, dict):
        raise CredentialError(f"{where}.credentialSubject.achievement: missing")
    uri = next(
        (
            a.get("targetUrl", "")
            for a in achievement.get("alignment", [])
            if isinstance(a, dict) and str(a.get("targetUrl", "")).startswith(ESCO_SKILL)
        ),
        "",
    )
    if not uri:
        raise CredentialError(
            f"{where}.credentialSubject.achievement.alignment: no ESCO skill URI "
            f"(expected a targetUrl starting with {ESCO_SKILL})"
        )
    evidence = _member(where, credential, "evidence", "genre", Evidence, Evidence.SELF_ASSESSED)
    level = _member(where, subject, "result", "value", Level, Level.INTERMEDIATE)
    acquired = credential.get("awardedDate")
    try:
        acquired_on = date.fromisoformat(str(acquired)[:10]) if acquired else None
    except ValueError:
        raise CredentialError(
            f"{where}.awardedDate: {acquired!r} is not a date (expected YYYY-MM-DDTHH:MM:SSZ)"
        ) from None
    notes = [
        e.get("description", "") for e in credential.get("evidence", []) if isinstance(e, dict)
    ]
    return PassportSkill(
        uri=uri,
        label=str(achievement.get("name") or uri),
        evidence=evidence,
        level=level,
        acquired_on=acquired_on,
        note=str(notes[0] if notes else "")[:500],
    )


def _member(
    where: str, holder: dict[str, Any], key: str, field: str, kind: Any, default: Any
) -> Any:
    items = holder.get(key) or []
    values = [i.get(field) for i in items if isinstance(i, dict) and i.get(field)]
    if not values:
        return default
    try:
        return kind(values[0])
    except ValueError:
        allowed = ", ".join(str(v) for v in kind)
        raise CredentialError(
            f"{where}.{key}[0].{field}: {values[0]!r} is not allowed (expected one of {allowed})"
        ) from None
