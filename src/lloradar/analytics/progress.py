"""Progress of interventions: realised vs target per KPI over time, outflow to work against a
regional baseline, and a portfolio per region or theme, every count through disclosure control.

Pure functions over domain records. Counts are sizes of participant populations (sets of
pseudonyms) and are published through one `DisclosureLedger` per report, so a figure that
differs from another published one by 1..9 people is suppressed, not only a cell under 10."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from babel.numbers import format_decimal

from lloradar.analytics.disclosure import (
    HIDDEN,
    DisclosureLedger,
    protect_column,
    protect_share,
)
from lloradar.domain import Intervention, Kpi, Measure, Participant

Population = frozenset[str]


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def reached(p: Participant, measure: Measure, when: date) -> bool:
    """Whether participant `p` counts for a (count) measure by date `when`."""
    if measure is Measure.PARTICIPANTS:
        return p.start_date <= when
    if measure is Measure.COMPLETED:
        return p.completion_date is not None and p.completion_date <= when
    if measure is Measure.CERTIFIED:
        done = p.completion_date is not None and p.completion_date <= when
        return done and p.certificate is not None
    months = int(measure.value.removeprefix("employed_").removesuffix("m"))
    return add_months(p.start_date, months) <= when and p.employed_after(months) is True


def base_of(p: Participant, measure: Measure, when: date) -> bool:
    """Whether `p` is in the denominator of a percentage measure by `when`: everyone who started
    for completion and certificates; for employment, those whose follow-up is due and known."""
    counted = measure.counted
    if counted in (Measure.COMPLETED, Measure.CERTIFIED, Measure.PARTICIPANTS):
        return p.start_date <= when
    months = int(counted.value.removeprefix("employed_").removesuffix("m"))
    return add_months(p.start_date, months) <= when and p.employed_after(months) is not None


def population(
    participants: Iterable[Participant], keep: Callable[[Participant], bool]
) -> Population:
    return frozenset(p.pseudonym for p in participants if keep(p))


def reached_by(participants: Iterable[Participant], measure: Measure, when: date) -> Population:
    return frozenset(p.pseudonym for p in participants if reached(p, measure, when))


@dataclass(frozen=True, slots=True)
class Figure:
    """One published value: a count, or a percentage with its count and base; None = hidden."""

    when: date
    value: float | None
    count: int | None
    base: int | None

    def shown(self, percentage: bool) -> str:
        if self.value is None:
            return HIDDEN
        return f"{self.value:.0f}%" if percentage else f"{self.value:.0f}"


def figure(
    participants: Sequence[Participant], measure: Measure, when: date, ledger: DisclosureLedger
) -> Figure:
    if not measure.is_percentage:
        count = ledger.answer(reached_by(participants, measure, when))
        return Figure(when, None if count is None else float(count), count, None)
    base_members = population(participants, lambda p: base_of(p, measure, when))
    part_members = population(
        participants, lambda p: p.pseudonym in base_members and reached(p, measure.counted, when)
    )
    part, whole = protect_share(len(part_members), len(base_members))
    base = ledger.answer(base_members) if whole is not None else None
    count = ledger.answer(part_members) if part is not None and base is not None else None
    value = None if count is None or base is None else 100.0 * count / base
    return Figure(when, value, count, base)


def checkpoints(start: date, as_of: date) -> list[date]:
    """Quarter ends from the start up to `as_of`, and `as_of` itself."""
    points, month = [], ((start.month - 1) // 3 + 1) * 3
    end = add_months(date(start.year, month, 1), 1) - timedelta(days=1)
    while end < as_of:
        points.append(end)
        end = add_months(end + timedelta(days=1), 3) - timedelta(days=1)
    return [*points, as_of]


@dataclass(frozen=True, slots=True)
class KpiProgress:
    kpi: Kpi
    current: Figure
    series: tuple[Figure, ...]
    expected: float
    on_track: bool | None

    @property
    def share_of_target(self) -> float | None:
        if self.current.value is None or not self.kpi.target:
            return None
        return self.current.value / self.kpi.target


def expected_by(kpi: Kpi, start: date, when: date) -> float:
    """A percentage target holds at every moment; a count grows linearly to its target date."""
    if kpi.measure.is_percentage or when >= kpi.target_date:
        return kpi.target
    total = max((kpi.target_date - start).days, 1)
    return kpi.target * max((when - start).days, 0) / total


def kpi_progress(
    intervention: Intervention,
    participants: Sequence[Participant],
    as_of: date,
    ledger: DisclosureLedger,
) -> list[KpiProgress]:
    """Realised vs target per KPI; the current figures of all KPIs are published first, then
    each KPI's quarters from newest to oldest, so the ledger favours the latest figures."""
    currents = [figure(participants, k.measure, as_of, ledger) for k in intervention.kpis]
    earlier = checkpoints(intervention.start_date, as_of)[:-1]
    result = []
    for kpi, current in zip(intervention.kpis, currents, strict=True):
        series = [figure(participants, kpi.measure, when, ledger) for when in reversed(earlier)]
        expected = expected_by(kpi, intervention.start_date, as_of)
        on_track = None if current.value is None else current.value >= expected
        result.append(KpiProgress(kpi, current, (*reversed(series), current), expected, on_track))
    return result


@dataclass(frozen=True, slots=True)
class OutflowComparison:
    """Employment `months` after the start among participants vs the regional baseline."""

    months: int
    participants: Figure
    baseline_pct: float | None

    @property
    def difference_pp(self) -> float | None:
        if self.participants.value is None or self.baseline_pct is None:
            return None
        return self.participants.value - self.baseline_pct


def baseline_job_finding_pct(job_seekers: float, filled_vacancies: float) -> float | None:
    """The regional baseline, in percent: the chance that a job seeker in the region finds
    work within the follow-up window without the intervention, taking each vacancy filled in
    the region in that window as one random draw from the job seekers at the start:
    1 - exp(-filled / job seekers). A simple proxy: it ignores hires from outside the pool
    (an overestimate) and differences within the target group (documented in
    docs/interventions-format.md)."""
    if job_seekers <= 0:
        return None
    return 100.0 * (1.0 - math.exp(-filled_vacancies / job_seekers))


def outflow_comparison(
    participants: Sequence[Participant],
    months: int,
    as_of: date,
    baseline_pct: float | None,
    ledger: DisclosureLedger,
) -> OutflowComparison:
    measure = Measure(f"employed_{months}m_pct")
    return OutflowComparison(months, figure(participants, measure, as_of, ledger), baseline_pct)


@dataclass(frozen=True, slots=True)
class PortfolioRow:
    group: str
    interventions: int
    budget_eur: float
    participants: int | None
    completed: int | None
    employed_6m: int | None


def portfolio(
    interventions: Sequence[Intervention],
    participants: Sequence[Participant],
    group_of: Callable[[Intervention], str],
    as_of: date,
    ledger: DisclosureLedger,
) -> tuple[list[PortfolioRow], PortfolioRow]:
    """One row per group (region or theme) and a total row; each count column is protected as
    a one-column table with its total (secondary suppression), then by the ledger."""
    groups = sorted({group_of(i) for i in interventions})
    members: dict[str, list[Participant]] = {g: [] for g in groups}
    by_id = {i.id: group_of(i) for i in interventions}
    for p in participants:
        if p.intervention_id in by_id:
            members[by_id[p.intervention_id]].append(p)
    columns: dict[Measure, tuple[list[int | None], int | None]] = {}
    for measure in (Measure.PARTICIPANTS, Measure.COMPLETED, Measure.EMPLOYED_6M):
        pops = [reached_by(members[g], measure, as_of) for g in groups]
        everyone: Population = frozenset().union(*pops)
        cells, total = protect_column([len(pop) for pop in pops])
        cells = [
            None if c is None else ledger.answer(pop) for c, pop in zip(cells, pops, strict=True)
        ]
        total = None if total is None else ledger.answer(everyone)
        columns[measure] = (cells, total)

    def row(name: str, chosen: Sequence[Intervention], index: int | None) -> PortfolioRow:
        def pick(measure: Measure) -> int | None:
            cells, total = columns[measure]
            return total if index is None else cells[index]

        return PortfolioRow(
            name,
            len(chosen),
            sum(i.budget_eur for i in chosen),
            pick(Measure.PARTICIPANTS),
            pick(Measure.COMPLETED),
            pick(Measure.EMPLOYED_6M),
        )

    rows = [row(g, [i for i in interventions if group_of(i) == g], n) for n, g in enumerate(groups)]
    return rows, row("total", interventions, None)


def count_text(value: int | None) -> str:
    return HIDDEN if value is None else format_decimal(value, "#,##0", locale="nl")


def money_text(value: float) -> str:
    return "€ " + format_decimal(Decimal(float(value)), "#,##0", locale="nl")


def portfolio_sentence(row: PortfolioRow, label: str, lang: str) -> str:
    """The generated text (*duiding*) for one portfolio row, in Dutch or English."""
    n, budget = row.interventions, money_text(row.budget_eur)
    people, done, work = (count_text(v) for v in (row.participants, row.completed, row.employed_6m))
    if lang == "nl":
        word = "interventie" if n == 1 else "interventies"
        return (
            f"{label}: {n} {word} met samen {budget} budget; {people} deelnemers, "
            f"van wie {done} de opleiding afrondden en {work} na 6 maanden werk hadden."
        )
    word = "intervention" if n == 1 else "interventions"
    return (
        f"{label}: {n} {word} with a combined budget of {budget}; {people} participants, "
        f"of whom {done} completed and {work} were employed after 6 months."
    )


def kpi_sentence(progress: KpiProgress, lang: str) -> str:
    """The generated text for one KPI: realised, target, and whether it is on track."""
    kpi, percentage = progress.kpi, progress.kpi.measure.is_percentage
    realised = progress.current.shown(percentage)
    target = f"{kpi.target:.0f}%" if percentage else f"{kpi.target:.0f}"
    when = kpi.target_date.isoformat()
    if lang == "nl":
        state = {
            None: "niet te beoordelen (verborgen wegens privacy)",
            True: "op koers",
            False: "achter op schema",
        }[progress.on_track]
        return f"{kpi.measure.value}: {realised} gerealiseerd, doel {target} op {when}; {state}."
    state = {
        None: "cannot be judged (hidden for confidentiality)",
        True: "on track",
        False: "behind schedule",
    }[progress.on_track]
    return f"{kpi.measure.value}: {realised} realised, target {target} by {when}; {state}."


def outflow_sentence(comparison: OutflowComparison, lang: str) -> str:
    rate = comparison.participants.shown(True)
    base = "?" if comparison.baseline_pct is None else f"{comparison.baseline_pct:.0f}%"
    diff = comparison.difference_pp
    m = comparison.months
    if lang == "nl":
        tail = "" if diff is None else f" ({diff:+.0f} procentpunt)"
        return (
            f"{rate} van de deelnemers had {m} maanden na de start werk, tegen {base} "
            f"in de regionale vergelijkingsgroep{tail}."
        )
    tail = "" if diff is None else f" ({diff:+.0f} percentage points)"
    return (
        f"{rate} of participants were employed {m} months after the start, against {base} "
        f"in the regional baseline{tail}."
    )
