"""Domain values: frozen dataclasses and enums, standard library only."""

from lloradar.domain.errors import IngestError, UnknownLabel, ValidationError
from lloradar.domain.intervention import (
    Intervention,
    InterventionStatus,
    Kpi,
    Measure,
    Participant,
)
from lloradar.domain.parsed import Parsed
from lloradar.domain.period import Period, PeriodKind
from lloradar.domain.provenance import Provenance, QuarantineEntry, SourceLine
from lloradar.domain.region import ARBEIDSMARKTREGIO_CODES, Region, RegionLevel
from lloradar.domain.taxonomy import IscoGroup, Occupation, Sector, Skill
from lloradar.domain.tension import TensionClass

__all__ = [
    "ARBEIDSMARKTREGIO_CODES",
    "IngestError",
    "Intervention",
    "InterventionStatus",
    "IscoGroup",
    "Kpi",
    "Measure",
    "Occupation",
    "Parsed",
    "Participant",
    "Period",
    "PeriodKind",
    "Provenance",
    "QuarantineEntry",
    "Region",
    "RegionLevel",
    "Sector",
    "Skill",
    "SourceLine",
    "TensionClass",
    "UnknownLabel",
    "ValidationError",
]
