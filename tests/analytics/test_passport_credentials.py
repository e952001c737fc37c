"""Open Badges 3.0 export of passport skills and its parser (pure)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from lloradar.analytics.credentials import (
    CredentialError,
    parse_open_badges,
    passport_presentation,
    skill_credential,
)
from lloradar.domain.passport import Evidence, Level, PassportSkill

SKILL = PassportSkill(
    "http://data.europa.eu/esco/skill/abc",
    "join metals",
    Evidence.DIPLOMA,
    Level.ADVANCED,
    date(2019, 6, 30),
    "MBO",
    "metalen verbinden",
)
ISSUED = datetime(2026, 11, 23, 12, 0, 5, 123, tzinfo=UTC)


def test_a_skill_becomes_an_unsigned_open_badge_credential() -> None:
    credential = skill_credential(SKILL, ISSUED, "urn:uuid:issuer")
    assert credential["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["validFrom"] == "2026-11-23T12:00:05Z"
    assert credential["awardedDate"] == "2019-06-30T00:00:00Z"
    assert credential["issuer"]["type"] == ["Profile"]
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["type"] == ["Achievement"]
    assert achievement["achievementType"] == "Competency"
    assert achievement["criteria"] == {"narrative": "Shown through: Diploma."}
    assert achievement["alignment"][0]["targetUrl"] == SKILL.uri
    assert achievement["alignment"][0]["targetFramework"] == "ESCO"
    assert credential["credentialSubject"]["result"] == [
        {
            "type": ["Result"],
            "resultDescription": "urn:lloradar:result-description:level",
            "value": "advanced",
        }
    ]
    assert credential["evidence"] == [
        {"type": ["Evidence"], "name": "Diploma", "genre": "diploma", "description": "MBO"}
    ]
    assert "proof" not in credential


def test_the_presentation_parses_back_to_the_same_skills() -> None:
    document = passport_presentation([SKILL, SKILL], ISSUED)
    assert len({c["id"] for c in document["verifiableCredential"]}) == 2
    back = parse_open_badges(document)
    assert (
        back
        == [
            PassportSkill(
                SKILL.uri, SKILL.label, SKILL.evidence, SKILL.level, SKILL.acquired_on, "MBO"
            )
        ]
        * 2
    )
    assert parse_open_badges(document["verifiableCredential"][0]) == back[:1]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda c: c.update(type=["VerifiableCredential"]),
            r"\.type: expected OpenBadgeCredential",
        ),
        (
            lambda c: c["credentialSubject"]["achievement"].update(alignment=[]),
            "no ESCO skill URI",
        ),
        (
            lambda c: c["credentialSubject"]["result"][0].update(value="guru"),
            r"result\[0\]\.value: 'guru' is not allowed",
        ),
        (lambda c: c.update(awardedDate="yesterday"), "awardedDate: 'yesterday' is not a date"),
    ],
)
def test_malformed_credentials_name_the_member(change: object, message: str) -> None:
    document = passport_presentation([SKILL], ISSUED)
    change(document["verifiableCredential"][0])  # type: ignore[operator]
    with pytest.raises(CredentialError, match=message):
        parse_open_badges(document)
    with pytest.raises(CredentialError, match="not a JSON object"):
        parse_open_badges("text")
