"""Scenario files: the YAML schema of law-and-policy assumptions, validation that names the key
and the line, and resolution against the store (occupations, programmes, the first forecast year).

A scenario file looks like:

    name: aow-68
    version: "1"
    description: What if the state pension age rises to 68 in 2028?
    assumptions:
      - name: aow-68-from-2028
        kind: pension_age
        description: The AOW age rises to 68 for everyone from 2028.
        source: "Hypothetical; current law: Rijksoverheid, AOW-leeftijd"
        value: 68
        from: 2028
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from lloradar.analytics.forecast import (
    IntakeCap,
    InternationalStudents,
    PensionAge,
    Policy,
    RecruitmentDrive,
    Retraining,
)
from lloradar.domain import IngestError
from lloradar.store import Store

Year = Annotated[int, Field(ge=2000, le=2100)]


class _Assumption(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    name: str = Field(min_length=1, description="A short unique name for this assumption.")
    description: str = Field(min_length=1, description="What the assumption says, in words.")
    source: str = Field(min_length=1, description="Law, plan or study it comes from.")


class PensionAgeAssumption(_Assumption):
    kind: Literal["pension_age"]
    value: int = Field(ge=60, le=75, description="State pension (AOW) age in years.")
    from_year: Year = Field(alias="from", description="First year the age applies.")


class IntakeCapAssumption(_Assumption):
    kind: Literal["intake_cap"]
    programme: str = Field(min_length=1, description="Programme code, e.g. demo:programme/pabo.")
    max: int = Field(ge=0, description="Maximum intake per year, nationally.")
    from_year: Year = Field(alias="from", description="First capped intake year.")


class InternationalStudentsAssumption(_Assumption):
    kind: Literal["international_students"]
    change: float = Field(ge=-1.0, le=5.0, description="Relative change, -0.2 = 20 % fewer.")
    from_year: Year = Field(alias="from", description="First graduating year affected.")


class RecruitmentDriveAssumption(_Assumption):
    kind: Literal["recruitment_drive"]
    occupation: str = Field(min_length=1, description="Occupation id or exact label.")
    per_year: int = Field(ge=0, description="Extra hires per year, nationally.")
    from_year: Year | None = Field(default=None, alias="from")
    until: Year | None = None


class RetrainingAssumption(_Assumption):
    kind: Literal["retraining_programme"]
    from_occupation: str = Field(alias="from", min_length=1, description="Occupation left.")
    to_occupation: str = Field(alias="to", min_length=1, description="Occupation trained for.")
    per_year: int = Field(ge=0, description="People retrained per year, nationally.")
    start: Year | None = None
    until: Year | None = None


Assumption = Annotated[
    PensionAgeAssumption
    | IntakeCapAssumption
    | InternationalStudentsAssumption
    | RecruitmentDriveAssumption
    | RetrainingAssumption,
    Field(discriminator="kind"),
]


class Scenario(BaseModel):
    """One versioned scenario: named, documented assumptions; none means the baseline."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9_-]*$")
    version: str = Field(min_length=1)
    description: str = Field(min_length=1)
    assumptions: list[Assumption] = Field(default_factory=list)


@dataclass(frozen=True, slots=True)
class LoadedScenario:
    scenario: Scenario
    text: str
    location: str
    lines: dict[tuple[object, ...], int]

    @property
    def hash(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()

    def line(self, loc: Sequence[object]) -> int:
        return line_of(self.lines, loc)


class ScenarioError(IngestError):
    """A scenario file that is not valid; each problem names the key and the line."""

    def __init__(self, location: str, problems: Sequence[tuple[int, str, str]]) -> None:
        self.problems = list(problems)
        line, key, _ = self.problems[0]
        super().__init__(location, "invalid scenario", line=line, field=key)
        self.text = "; ".join(
            f"{location} line {line}, key {key!r}: {msg}" for line, key, msg in self.problems
        )

    def __str__(self) -> str:
        return self.text


def key_lines(text: str) -> dict[tuple[object, ...], int]:
    """The 1-based line of every key and list item in a YAML document, by its path."""
    lines: dict[tuple[object, ...], int] = {}

    def walk(node: yaml.Node, path: tuple[object, ...]) -> None:
        lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                child = (*path, key.value)
                walk(value, child)
                lines[child] = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, (*path, index))

    root = yaml.compose(text)
    if root is not None:
        walk(root, ())
    return lines


def line_of(lines: dict[tuple[object, ...], int], loc: Sequence[object]) -> int:
    """The line of the deepest part of a pydantic error location found in the file; parts that
    are not in the file (the union's tag) are skipped."""
    path: tuple[object, ...] = ()
    for part in loc:
        if (*path, part) in lines:
            path = (*path, part)
    return lines.get(path, 1)


KINDS = {
    "pension_age",
    "intake_cap",
    "international_students",
    "recruitment_drive",
    "retraining_programme",
}


def dotted(loc: Sequence[object]) -> str:
    """A pydantic error location as the key a person reads: `assumptions[0].value` (the
    union's tag, which is not a key in the file, is left out)."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        elif not (part in KINDS and parts and parts[-1].startswith("[")):
            parts.append(("." if parts else "") + str(part))
    return "".join(parts)


def _alias(loc: Sequence[object]) -> list[object]:
    names = {"from_year": "from", "from_occupation": "from", "to_occupation": "to"}
    return [names.get(str(p), p) if isinstance(p, str) else p for p in loc]


def parse_scenario(text: str, location: str = "<scenario>") -> LoadedScenario:
    """Parse and check the schema; errors name the key and the line."""
    try:
        lines = key_lines(text)
        data: Any = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise ScenarioError(location, [(line, "", f"not valid YAML: {error}")]) from None
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as error:
        problems = []
        for item in error.errors():
            loc = _alias(item["loc"])
            problems.append((line_of(lines, loc), dotted(loc), item["msg"]))
        raise ScenarioError(location, problems) from None
    loaded = LoadedScenario(scenario, text, location, lines)
    overlaps = overlapping(scenario)
    if overlaps:
        raise ScenarioError(
            location,
            [(loaded.line(("assumptions", i)), f"assumptions[{i}]", m) for i, m in overlaps],
        )
    return loaded


def load_scenario(path: Path) -> LoadedScenario:
    return parse_scenario(path.read_text(encoding="utf-8"), str(path))


def _span(a: _Assumption) -> tuple[int, int]:
    """The years an assumption covers. A pension age or international-student change is a
    step from its year on, so two steps in different years form a path, not an overlap."""
    start = int(getattr(a, "from_year", None) or getattr(a, "start", None) or 0)
    if isinstance(a, PensionAgeAssumption | InternationalStudentsAssumption):
        return start, start
    return start, int(getattr(a, "until", None) or 9999)


def _target(a: _Assumption, occupation: Callable[[str], str]) -> str:
    if isinstance(a, IntakeCapAssumption):
        return a.programme
    if isinstance(a, RecruitmentDriveAssumption):
        return occupation(a.occupation)
    if isinstance(a, RetrainingAssumption):
        return f"{occupation(a.from_occupation)}->{occupation(a.to_occupation)}"
    return ""


def overlapping(
    scenario: Scenario, occupation: Callable[[str], str] = str
) -> list[tuple[int, str]]:
    """Two assumptions of one kind on the same target whose years overlap contradict or
    double-count each other; so do two with the same name. `occupation` maps a written
    occupation to its id, so 'police officer' and 'politieagent' are one target."""
    found = []
    seen: list[tuple[int, Any]] = []
    for i, a in enumerate(scenario.assumptions):
        for j, b in seen:
            if a.name == b.name:
                found.append((i, f"the name {a.name!r} is already used by assumptions[{j}]"))
            elif a.kind == b.kind and _target(a, occupation) == _target(b, occupation):
                (s1, e1), (s2, e2) = _span(a), _span(b)
                if s1 <= e2 and s2 <= e1:
                    found.append((i, f"overlaps assumptions[{j}] ({b.name!r}): same {a.kind}"))
        seen.append((i, a))
    return found


def resolve_occupation(store: Store, text: str) -> str | None:
    """An occupation id, or its exact English or Dutch label (any case)."""
    rows = store.query(
        "SELECT id FROM occupation WHERE id = ? OR lower(label_en) = lower(?) "
        "OR lower(label_nl) = lower(?) ORDER BY id",
        (text, text, text),
    )
    return str(rows[0][0]) if len(rows) == 1 else None


def scenario_policy(store: Store, loaded: LoadedScenario, first_year: int) -> Policy:
    """Check the assumptions against the store and the forecast years; build the policy."""
    problems: list[tuple[int, str, str]] = []
    programmes = {
        str(r[0]) for r in store.query("SELECT DISTINCT programme_code FROM school_leavers")
    }
    pension, caps, international, drives, retraining = [], [], [], [], []

    def occupation(index: int, key: str, text: str) -> str:
        found = resolve_occupation(store, text)
        if found is None:
            problems.append(
                (
                    loaded.line(("assumptions", index, key)),
                    f"assumptions[{index}].{key}",
                    f"{text!r} is not an occupation in the store (use an id or exact label)",
                )
            )
        return found or text

    for i, a in enumerate(loaded.scenario.assumptions):
        if isinstance(a, PensionAgeAssumption):
            if a.from_year < first_year:
                problems.append(
                    (
                        loaded.line(("assumptions", i, "from")),
                        f"assumptions[{i}].from",
                        f"{a.from_year} is in the past: the forecast starts in {first_year}",
                    )
                )
            pension.append(PensionAge(a.value, a.from_year))
        elif isinstance(a, IntakeCapAssumption):
            if a.programme not in programmes:
                problems.append(
                    (
                        loaded.line(("assumptions", i, "programme")),
                        f"assumptions[{i}].programme",
                        f"{a.programme!r} is not a programme in school_leavers",
                    )
                )
            caps.append(IntakeCap(a.programme, a.max, a.from_year))
        elif isinstance(a, InternationalStudentsAssumption):
            international.append(InternationalStudents(a.change, a.from_year))
        elif isinstance(a, RecruitmentDriveAssumption):
            target = occupation(i, "occupation", a.occupation)
            drives.append(RecruitmentDrive(target, a.per_year, a.from_year or first_year, a.until))
        elif isinstance(a, RetrainingAssumption):
            source = occupation(i, "from", a.from_occupation)
            target = occupation(i, "to", a.to_occupation)
            retraining.append(
                Retraining(source, target, a.per_year, a.start or first_year, a.until)
            )
    if not problems:
        resolved = overlapping(
            loaded.scenario, lambda text: resolve_occupation(store, text) or text
        )
        problems = [
            (loaded.line(("assumptions", i)), f"assumptions[{i}]", message)
            for i, message in resolved
        ]
    if problems:
        raise ScenarioError(loaded.location, problems)
    return Policy(
        tuple(pension), tuple(caps), tuple(international), tuple(drives), tuple(retraining)
    )


def assumption_rows(scenario: Scenario) -> list[dict[str, Any]]:
    """The assumptions as plain rows, to list beside the results."""
    return [a.model_dump(by_alias=True) for a in scenario.assumptions]
