"""Accounts: who a person is to the radar (role, e-mail, name) and their server-side session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Role(StrEnum):
    CITIZEN = "citizen"  # burger: owns a skills passport
    EMPLOYER = "employer"  # werkgever: vacancy and team tools, never individuals
    ANALYST = "analyst"  # analist: aggregates only; created through the CLI
    ADMIN = "admin"  # beheerder: created through the CLI


SELF_SERVICE_ROLES = (Role.CITIZEN, Role.EMPLOYER)


class Purpose(StrEnum):
    """What a person consented to; personal data of a purpose is stored only with consent."""

    PASSPORT = "passport"
    NAVIGATOR = "navigator"
    ALERTS = "alerts"
    TASKS = "tasks"


@dataclass(frozen=True)
class Account:
    id: str
    email: str
    role: Role
    name: str


@dataclass(frozen=True)
class Session:
    """A login: the raw token goes to the client once; the store keeps only its hash."""

    token: str
    csrf: str
    account: Account
    expires_at: datetime
