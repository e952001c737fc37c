"""Parse the intervention register (CSV or YAML) and participant files (CSV) into domain records.

The formats are documented in docs/interventions-format.md. A row with a bad field is
quarantined with its line and field; a participant's raw id never leaves this module: rows are
keyed and quarantined by pseudonym."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date
from typing import Any

import yaml

from lloradar.domain import IngestError, Parsed, QuarantineEntry
from lloradar.domain.intervention import (
    CERTIFICATES,
    EDUCATION_LEVELS,
    Funder,
    Intervention,
    InterventionStatus,
    Kpi,
    Measure,
    Participant,
    pseudonymise,
)
from lloradar.sources.csvfile import decode, read_rows

INTERVENTION_REQUIRED = ["id", "name", "region", "theme", "status", "start_date"]
PARTICIPANT_REQUIRED = ["intervention_id", "participant_id", "start_date"]
SBI_CODE = re.compile(r"[A-U]|\d{2,5}")
TRUE, FALSE = {"yes", "ja", "true", "1", "y", "j"}, {"no", "nee", "false", "0", "n"}


class TextDatesLoader(yaml.SafeLoader):
    """Safe YAML that keeps dates as text, so a bad date is quarantined, not a crash."""


TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class BadField(ValueError):
    """A field value that breaks its rule; `reason` completes "'<value>' <reason>"."""

    def __init__(self, field: str, value: object, reason: str) -> None:
        super().__init__(reason)
        self.field = field
        self.value = "" if value is None else str(value)
        self.reason = reason


def text(value: object) -> str:
    return "" if value is None else str(value).strip()


def parse_date(field: str, value: object, *, required: bool = True) -> date | None:
    if isinstance(value, date):
        return value
    raw = text(value)
    if not raw:
        if required:
            raise BadField(field, raw, "is empty (expected a date YYYY-MM-DD)")
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise BadField(field, raw, "is not a date (expected YYYY-MM-DD)") from None


def parse_number(field: str, value: object, *, percentage: bool = False) -> float | None:
    raw = text(value)
    if not raw:
        return None
    try:
        number = float(raw.replace(",", ".")) if isinstance(value, str) else float(raw)
    except ValueError:
        raise BadField(field, raw, "is not a number") from None
    if number < 0 or (percentage and number > 100):
        expected = "a percentage from 0 to 100" if percentage else "a number of 0 or more"
        raise BadField(field, raw, f"is impossible (expected {expected})")
    return number


def parse_flag(field: str, value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    raw = text(value).lower()
    if not raw:
        return None
    if raw in TRUE | FALSE:
        return raw in TRUE
    raise BadField(field, raw, "is not yes/no (expected yes, no, ja, nee, true, false, 1, 0)")


def parse_list(value: object) -> tuple[str, ...]:
    items = value if isinstance(value, list) else text(value).split(";")
    return tuple(t for t in (text(i) for i in items) if t)


def parse_funders(value: object) -> tuple[Funder, ...]:
    """CSV: `ESF+=250000; Gemeente Zwolle=100000`; YAML: a list of {name, amount_eur}."""
    pairs: list[tuple[str, object]]
    if isinstance(value, list):
        pairs = [(text(f.get("name")), f.get("amount_eur")) for f in value if isinstance(f, dict)]
        if len(pairs) != len(value):
            raise BadField("funders", value, "is not a list of {name, amount_eur}")
    else:
        pairs = []
        for item in parse_list(value):
            name, sep, amount = item.rpartition("=")
            if not sep or not name.strip():
                raise BadField("funders", item, "is not 'name=amount'")
            pairs.append((name.strip(), amount))
    funders = []
    for funder, value_eur in pairs:
        number = parse_number("funders", value_eur)
        funders.append(Funder(funder, number or 0.0))
    return tuple(funders)


def parse_kpi(measure: object, target: object, when: object) -> Kpi:
    try:
        kind = Measure(text(measure))
    except ValueError:
        known = ", ".join(m.value for m in Measure)
        raise BadField("kpis", measure, f"is not a KPI measure (expected one of {known})") from None
    value = parse_number("kpis", target, percentage=kind.is_percentage)
    if value is None:
        raise BadField("kpis", target, f"is not a target for {kind.value}")
    return Kpi(kind, value, parse_date("kpis", when) or date.min)


def parse_kpis(value: object) -> tuple[Kpi, ...]:
    """CSV: `participants=60@2026-12-31; employed_6m_pct=60@2027-06-30`; YAML: a list of
    {measure, target, date}."""
    if isinstance(value, list):
        return tuple(
            parse_kpi(k.get("measure"), k.get("target"), k.get("date"))
            if isinstance(k, dict)
            else parse_kpi(k, None, None)
            for k in value
        )
    kpis = []
    for item in parse_list(value):
        measure, _, rest = item.partition("=")
        target, _, when = rest.partition("@")
        kpis.append(parse_kpi(measure, target, when))
    return tuple(kpis)


def choice(field: str, value: object, allowed: Collection[str], default: str = "") -> str:
    raw = text(value).lower() or default
    if raw not in allowed:
        raise BadField(field, raw, f"is not allowed (expected one of {', '.join(allowed)})")
    return raw


def intervention_fields(
    fields: Mapping[str, Any], known_regions: Collection[str] | None
) -> tuple[Intervention | None, list[BadField]]:
    """One intervention from its fields, or every field that is wrong."""
    bad: list[BadField] = []

    def check(convert: Callable[[], Any]) -> Any:
        try:
            return convert()
        except BadField as error:
            bad.append(error)
            return None

    ident = text(fields.get("id"))
    if not ident:
        bad.append(BadField("id", ident, "is empty (expected an intervention id)"))
    region = text(fields.get("region")).upper()
    if known_regions is not None and region not in known_regions:
        bad.append(BadField("region", region, "is not a known region code (expected e.g. AM05)"))
    sector = text(fields.get("sector")).upper()
    if sector and not SBI_CODE.fullmatch(sector):
        bad.append(BadField("sector", sector, "is not an SBI code (expected A..U or 2-5 digits)"))
    statuses = [s.value for s in InterventionStatus]
    status = check(lambda: choice("status", fields.get("status"), statuses))
    level = check(
        lambda: choice("education_level", fields.get("education_level"), EDUCATION_LEVELS, "all")
    )
    start = check(lambda: parse_date("start_date", fields.get("start_date")))
    end = check(lambda: parse_date("end_date", fields.get("end_date"), required=False))
    if start and end and end < start:
        bad.append(BadField("end_date", end, f"is before the start date {start}"))
    budget = check(lambda: parse_number("budget_eur", fields.get("budget_eur")))
    funders = check(lambda: parse_funders(fields.get("funders")))
    kpis = check(lambda: parse_kpis(fields.get("kpis")))
    name, theme = text(fields.get("name")), text(fields.get("theme"))
    for field, value in (("name", name), ("theme", theme)):
        if not value:
            bad.append(BadField(field, value, "is empty"))
    if bad:
        return None, bad
    return Intervention(
        id=ident,
        name=name,
        region_code=region,
        theme=theme,
        status=InterventionStatus(status),
        start_date=start,
        end_date=end,
        goals=text(fields.get("goals")),
        target_group=text(fields.get("target_group")),
        sector_code=sector,
        education_level=level,
        occupations=parse_list(fields.get("occupations")),
        skills=parse_list(fields.get("skills")),
        budget_eur=budget or 0.0,
        funders=funders or (),
        theory_of_change=text(fields.get("theory_of_change")),
        kpis=kpis or (),
    ), []


def collect(
    items: Sequence[tuple[int, Mapping[str, Any], Mapping[str, int]]],
    known_regions: Collection[str] | None,
) -> Parsed[Intervention]:
    records: list[Intervention] = []
    quarantine: list[QuarantineEntry] = []
    seen: set[str] = set()
    for line, fields, field_lines in items:
        record, bad = intervention_fields(fields, known_regions)
        if record is not None and record.id in seen:
            bad = [BadField("id", record.id, "is a duplicate intervention id in this file")]
        for error in bad:
            where = field_lines.get(error.field, line)
            quarantine.append(QuarantineEntry(where, error.field, error.value, error.reason))
        if record is not None and not bad:
            seen.add(record.id)
            records.append(record)
    return Parsed(records, quarantine)


def parse_interventions_csv(
    data: bytes, source: str, known_regions: Collection[str] | None = None
) -> Parsed[Intervention]:
    rows = read_rows(data, source, INTERVENTION_REQUIRED)
    return collect([(line, row, {}) for line, row in rows], known_regions)


def parse_interventions_yaml(
    data: bytes, source: str, known_regions: Collection[str] | None = None
) -> Parsed[Intervention]:
    """A YAML document `interventions: [...]` (or a bare list); lines are YAML lines."""
    content = decode(data, source)
    try:
        root = yaml.compose(content, Loader=TextDatesLoader)
        loaded = yaml.load(content, Loader=TextDatesLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise IngestError(source, f"malformed YAML ({error})", line=line) from None
    nodes, items = root, loaded
    if isinstance(loaded, dict) and isinstance(root, yaml.MappingNode):
        items = loaded.get("interventions")
        nodes = next((v for k, v in root.value if k.value == "interventions"), None)
    if not isinstance(items, list) or not isinstance(nodes, yaml.SequenceNode):
        raise IngestError(source, "expected a list under 'interventions'", line=1)
    parsed = []
    for node, item in zip(nodes.value, items, strict=True):
        line = node.start_mark.line + 1
        if not isinstance(item, dict) or not isinstance(node, yaml.MappingNode):
            raise IngestError(source, "an intervention must be a mapping of fields", line=line)
        field_lines = {k.value: v.start_mark.line + 1 for k, v in node.value}
        parsed.append((line, item, field_lines))
    return collect(parsed, known_regions)


def participant_row(
    row: Mapping[str, str], pseudonym: str, starts: Mapping[str, date]
) -> tuple[Participant | None, list[BadField]]:
    bad: list[BadField] = []

    def check(convert: Callable[[], Any]) -> Any:
        try:
            return convert()
        except BadField as error:
            bad.append(error)
            return None

    intervention = text(row.get("intervention_id"))
    if intervention not in starts:
        bad.append(
            BadField("intervention_id", intervention, "is not an intervention in the register")
        )
    start = check(lambda: parse_date("start_date", row.get("start_date")))
    done = check(lambda: parse_date("completion_date", row.get("completion_date"), required=False))
    if start and done and done < start:
        bad.append(BadField("completion_date", done, f"is before the start date {start}"))
    pct = check(lambda: parse_number("completion_pct", row.get("completion_pct"), percentage=True))
    certificate = check(
        lambda: choice("certificate", row.get("certificate"), ("none", *CERTIFICATES), "none")
    )
    employed = []
    for months in (3, 6, 12):
        flag = check(lambda m=months: parse_flag(f"employed_{m}m", row.get(f"employed_{m}m")))  # type: ignore[misc]
        if flag is not None:
            employed.append((months, flag))
    sector = text(row.get("job_sector")).upper()
    if sector and not SBI_CODE.fullmatch(sector):
        bad.append(
            BadField("job_sector", sector, "is not an SBI code (expected A..U or 2-5 digits)")
        )
    job_occupation = text(row.get("job_occupation"))
    if (sector or job_occupation) and not employed and not bad:
        field, value = ("job_sector", sector) if sector else ("job_occupation", job_occupation)
        reason = (
            "is a job but no outcome at 3, 6 or 12 months is known "
            "(expected employed_3m, employed_6m or employed_12m filled in)"
        )
        bad.append(BadField(field, value, reason))
    if bad:
        return None, bad
    return Participant(
        intervention_id=intervention,
        pseudonym=pseudonym,
        start_date=start,
        completion_date=done,
        completion_pct=pct,
        certificate=None if certificate == "none" else certificate,
        employed=tuple(employed),
        job_sector=sector or None,
        job_occupation=job_occupation or None,
    ), []


def parse_participants(
    data: bytes, source: str, key: bytes, starts: Mapping[str, date]
) -> Parsed[Participant]:
    """Participants of the interventions in `starts` (id -> start date of the intervention).

    The raw `participant_id` is replaced by its pseudonym at once; quarantine entries carry
    the pseudonym, never the raw id."""
    if not key:
        raise IngestError(source, "no pseudonym key configured (set LLORADAR_PSEUDONYM_KEY)")
    records: list[Participant] = []
    quarantine: list[QuarantineEntry] = []
    seen: dict[tuple[str, str], int] = {}
    for line, row in read_rows(data, source, PARTICIPANT_REQUIRED):
        raw = text(row.get("participant_id"))
        if not raw:
            quarantine.append(QuarantineEntry(line, "participant_id", "", "is empty"))
            continue
        pseudonym = pseudonymise(raw, key)
        record, bad = participant_row(row, pseudonym, starts)
        registration = (text(row.get("intervention_id")), pseudonym)
        if registration in seen:
            reason = f"is a duplicate participant (pseudonym) of line {seen[registration]}"
            bad = [BadField("participant_id", pseudonym, reason)]
        for error in bad:
            quarantine.append(QuarantineEntry(line, error.field, error.value, error.reason))
        if record is not None and not bad:
            seen[registration] = line
            records.append(record)
    return Parsed(records, quarantine)
