"""The effects of a scenario's assumptions in the form the model uses: plain frozen values per
kind of law or policy, resolved to region-free numbers (occupation and programme ids)."""

from __future__ import annotations

from dataclasses import dataclass, field

BASELINE_PENSION_AGE = 67  # AOW age 2024-2027 (Rijksoverheid); 67y3m from 2028 is rounded down


@dataclass(frozen=True, slots=True)
class PensionAge:
    value: int
    from_year: int


@dataclass(frozen=True, slots=True)
class IntakeCap:
    programme: str
    maximum: int  # intake per year, nationally
    from_year: int  # first capped intake year; graduates follow after the study years


@dataclass(frozen=True, slots=True)
class InternationalStudents:
    change: float  # -0.2 = 20 % fewer
    from_year: int  # first year fewer international graduates reach the labour market


@dataclass(frozen=True, slots=True)
class RecruitmentDrive:
    occupation: str
    per_year: float  # national; spread over regions by their stock of the occupation
    from_year: int
    until_year: int | None = None


@dataclass(frozen=True, slots=True)
class Retraining:
    source: str  # occupation people leave
    target: str  # occupation they are retrained for
    per_year: float
    from_year: int
    until_year: int | None = None


def _applies(year: int, start: int, end: int | None) -> bool:
    return start <= year and (end is None or year <= end)


@dataclass(frozen=True, slots=True)
class Policy:
    """All assumptions of one scenario; the empty policy is the baseline."""

    pension_ages: tuple[PensionAge, ...] = ()
    intake_caps: tuple[IntakeCap, ...] = ()
    international: tuple[InternationalStudents, ...] = ()
    drives: tuple[RecruitmentDrive, ...] = field(default=())
    retraining: tuple[Retraining, ...] = ()

    def pension_age(self, year: int) -> int:
        age = BASELINE_PENSION_AGE
        for change in sorted(self.pension_ages, key=lambda p: p.from_year):
            if year >= change.from_year:
                age = change.value
        return age

    def international_factor(self, year: int) -> float:
        factor = 1.0
        for change in self.international:
            if year >= change.from_year:
                factor *= 1 + change.change
        return factor

    def drives_in(self, year: int) -> list[RecruitmentDrive]:
        return [d for d in self.drives if _applies(year, d.from_year, d.until_year)]

    def retraining_in(self, year: int) -> list[Retraining]:
        return [r for r in self.retraining if _applies(year, r.from_year, r.until_year)]
