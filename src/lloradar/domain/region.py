"""Regions: gemeente (municipality) -> arbeidsmarktregio (labour-market region) -> provincie
(province) -> land (country), identified by their CBS codes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from lloradar.domain.errors import ValidationError


class RegionLevel(StrEnum):
    GEMEENTE = "gemeente"
    ARBEIDSMARKTREGIO = "arbeidsmarktregio"
    PROVINCIE = "provincie"
    LAND = "land"


# The codes of the 35 arbeidsmarktregio's (2023 boundaries) run from AM01 to AM38 with gaps;
# every message about a valid code says so in these words.
ARBEIDSMARKTREGIO_CODES = "AM01..AM38"

_CODE_PATTERNS: dict[RegionLevel, tuple[re.Pattern[str], str]] = {
    RegionLevel.GEMEENTE: (re.compile(r"GM\d{4}"), "a gemeente code GM0000..GM9999"),
    RegionLevel.ARBEIDSMARKTREGIO: (
        re.compile(r"AM\d{2}"),
        f"an arbeidsmarktregio code {ARBEIDSMARKTREGIO_CODES}",
    ),
    RegionLevel.PROVINCIE: (re.compile(r"PV\d{2}"), "a provincie code PV20..PV31"),
    RegionLevel.LAND: (re.compile(r"NL01"), "the country code NL01"),
}

COUNTRY_CODE = "NL01"


def level_of_code(code: str) -> RegionLevel:
    """The level a CBS region code belongs to, from its prefix."""
    for level, (pattern, _) in _CODE_PATTERNS.items():
        if pattern.fullmatch(code):
            return level
    raise ValidationError("region code", code, "a CBS code like GM0363, AM18, PV27 or NL01")


def check_code(code: str, level: RegionLevel) -> str:
    pattern, expected = _CODE_PATTERNS[level]
    if not pattern.fullmatch(code):
        raise ValidationError(f"{level.value} code", code, expected)
    if level is RegionLevel.ARBEIDSMARKTREGIO and not 1 <= int(code[2:]) <= 38:
        raise ValidationError(f"{level.value} code", code, expected)
    return code


@dataclass(frozen=True, slots=True)
class Region:
    """One area in the CBS regional hierarchy; `parent_code` is the next level up."""

    code: str
    name: str
    level: RegionLevel
    parent_code: str | None = None
    province_code: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None

    def __post_init__(self) -> None:
        check_code(self.code, self.level)
        if not self.name.strip():
            raise ValidationError("name", self.name, "a non-empty region name")
        if self.parent_code is not None:
            level_of_code(self.parent_code)
        if self.province_code is not None:
            check_code(self.province_code, RegionLevel.PROVINCIE)
