"""Progress of interventions: golden figures per KPI, outflow, portfolio, and their texts."""

from __future__ import annotations

from datetime import date

from lloradar.analytics.disclosure import DisclosureLedger
from lloradar.analytics.progress import (
    add_months,
    baseline_job_finding_pct,
    checkpoints,
    kpi_progress,
    kpi_sentence,
    outflow_comparison,
    outflow_sentence,
    portfolio,
    portfolio_sentence,
)
from lloradar.domain import Intervention, InterventionStatus, Kpi, Measure, Participant

AS_OF = date(2025, 12, 31)


def person(iv: str, name: str, start: date, done: date | None, employed: bool) -> Participant:
    certificate = "certificate" if done else None
    return Participant(iv, name, start, done, None, certificate, ((6, employed),), None, None)


def cohorts() -> list[Participant]:
    """30 people from January (20 completed in June, 18 employed), 15 from April (5 completed
    in September, 8 employed)."""
    first = [
        person("iv", f"a{i:02d}", date(2025, 1, 10), date(2025, 6, 30) if i < 20 else None, i < 18)
        for i in range(30)
    ]
    second = [
        person("iv", f"b{i:02d}", date(2025, 4, 10), date(2025, 9, 30) if i < 5 else None, i < 8)
        for i in range(15)
    ]
    return first + second


def intervention(ident: str = "iv", theme: str = "zorg", budget: float = 1000.0) -> Intervention:
    kpis = (
        Kpi(Measure.PARTICIPANTS, 40, date(2025, 12, 31)),
        Kpi(Measure.COMPLETED, 30, date(2026, 6, 30)),
        Kpi(Measure.EMPLOYED_6M_PCT, 60, date(2026, 6, 30)),
    )
    return Intervention(
        ident, ident, "AM05", theme, InterventionStatus.RUNNING, date(2025, 1, 1), None, "",
        "", "Q", "all", (), (), budget, (), "", kpis,
    )  # fmt: skip


def test_checkpoints_are_quarter_ends_and_the_report_date() -> None:
    assert checkpoints(date(2025, 2, 15), date(2025, 11, 1)) == [
        date(2025, 3, 31),
        date(2025, 6, 30),
        date(2025, 9, 30),
        date(2025, 11, 1),
    ]
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)


def test_kpi_progress_golden_figures() -> None:
    progress = kpi_progress(intervention(), cohorts(), AS_OF, DisclosureLedger())
    series = {p.kpi.measure: [f.value for f in p.series] for p in progress}
    # Participants: 30 at the end of March would differ from the 25 completers (5 of them
    # from the April cohort) by 5 people, so it is withheld; then 45 every quarter.
    assert series[Measure.PARTICIPANTS] == [None, 45, 45, 45]
    # Completed: 20 in June differs from 25 by 5 (hidden); 25 from September on.
    assert series[Measure.COMPLETED] == [None, None, 25, 25]
    # Employed after 6 months: 26 of 45 (58%), but the 26 differ from the 25 completers by
    # 3 + 2 people, so the share is withheld; its base (45) is shown.
    assert series[Measure.EMPLOYED_6M_PCT] == [None, None, None, None]
    assert progress[2].current.base == 45
    participants, completed, employed = progress
    assert (participants.expected, participants.on_track) == (40, True)
    assert round(completed.expected, 2) == 20.04 and completed.on_track is True
    assert completed.share_of_target is not None and round(completed.share_of_target, 3) == 0.833
    assert employed.on_track is None


def test_kpi_texts_in_dutch_and_english() -> None:
    progress = kpi_progress(intervention(), cohorts(), AS_OF, DisclosureLedger())
    assert kpi_sentence(progress[0], "nl") == (
        "participants: 45 gerealiseerd, doel 40 op 2025-12-31; op koers."
    )
    assert kpi_sentence(progress[2], "en") == (
        "employed_6m_pct: x realised, target 60% by 2026-06-30; "
        "cannot be judged (hidden for confidentiality)."
    )


def test_outflow_against_the_regional_baseline() -> None:
    comparison = outflow_comparison(cohorts(), 6, AS_OF, 41.0, DisclosureLedger())
    assert comparison.participants.value is not None
    assert round(comparison.participants.value, 1) == 57.8  # 26 of 45
    assert round(comparison.difference_pp or 0, 1) == 16.8
    assert outflow_sentence(comparison, "nl") == (
        "58% van de deelnemers had 6 maanden na de start werk, tegen 41% in de regionale "
        "vergelijkingsgroep (+17 procentpunt)."
    )
    assert round(baseline_job_finding_pct(200, 50) or 0, 1) == 22.1
    assert baseline_job_finding_pct(0, 50) is None
    assert round(baseline_job_finding_pct(10, 50) or 0, 1) == 99.3


def test_share_with_few_others_is_hidden() -> None:
    people = [person("iv", f"c{i}", date(2025, 1, 1), None, i < 38) for i in range(40)]
    comparison = outflow_comparison(people, 6, AS_OF, None, DisclosureLedger())
    assert comparison.participants.value is None  # 38 of 40: the 2 others would be known


def test_portfolio_per_theme_with_secondary_suppression() -> None:
    small = [person("c", f"c{i}", date(2025, 2, 1), None, False) for i in range(6)]
    mid = [person("b", f"d{i}", date(2025, 2, 1), None, False) for i in range(12)]
    interventions = [
        intervention("iv", "zorg", 1000),
        intervention("b", "techniek", 500),
        intervention("c", "taal", 250),
    ]
    rows, total = portfolio(
        interventions, cohorts() + mid + small, lambda i: i.theme, AS_OF, DisclosureLedger()
    )
    table = [(r.group, r.participants, r.completed, r.employed_6m) for r in rows]
    # Taal has 6 participants (primary); techniek, the next smallest, is hidden too, or the
    # total (63) minus zorg (45) would give taal away.
    assert table == [("taal", None, None, None), ("techniek", None, None, None),
                     ("zorg", 45, None, None)]  # fmt: skip
    assert (total.participants, total.completed, total.employed_6m) == (63, 25, None)
    assert portfolio_sentence(rows[2], "zorg", "nl") == (
        "zorg: 1 interventie met samen € 1.000 budget; 45 deelnemers, van wie x de "
        "opleiding afrondden en x na 6 maanden werk hadden."
    )
    assert portfolio_sentence(total, "Total", "en") == (
        "Total: 3 interventions with a combined budget of € 1.750; 63 participants, of whom 25 "
        "completed and x were employed after 6 months."
    )
