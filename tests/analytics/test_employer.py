"""The employer view's pure figures: golden values on a handmade occupation-skill graph, and the
disclosure rules (a hidden published count is "<10", never a number; overlapping pools never
reveal a hidden difference)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from lloradar.analytics.disclosure import SUPPRESSED, show_count
from lloradar.analytics.employer import (
    ExtractedSkill,
    OccupationSkills,
    PoolFigure,
    TeamCell,
    combined_pool,
    protect_team,
    rank_occupations,
    recruit_from,
    retirement_risk,
    retiring_fraction,
)
from lloradar.analytics.employer_narrative import pool_text, risk_text, skills_text
from lloradar.analytics.similarity import OccupationProfile, SimilarityModel

NURSE, ASSISTANT, HOMECARE, DEVELOPER = "occ:nurse", "occ:assistant", "occ:homecare", "occ:dev"
ESSENTIAL = {
    NURSE: ("s:care", "s:medication", "s:planning", "s:empathy"),
    ASSISTANT: ("s:care", "s:hygiene", "s:empathy"),
    HOMECARE: ("s:care", "s:empathy", "s:household"),
    DEVELOPER: ("s:programming",),
}
ISCO = {NURSE: "2221", ASSISTANT: "5321", HOMECARE: "3412", DEVELOPER: "2512"}
LABELS = {s: s.split(":")[1] for skills in ESSENTIAL.values() for s in skills}


def model() -> SimilarityModel:
    return SimilarityModel(
        [
            OccupationProfile(uri, uri.split(":")[1], "", ISCO[uri], skills, ())
            for uri, skills in ESSENTIAL.items()
        ],
        LABELS,
    )


def test_occupation_whose_essential_skills_cover_the_vacancy_ranks_first() -> None:
    skills = [
        ExtractedSkill("s:medication", "medication", 0.5),
        ExtractedSkill("s:care", "care", 0.3),
        ExtractedSkill("s:programming", "programming", 0.2),
    ]
    occupations = [
        OccupationSkills(uri, uri, frozenset(s), frozenset({"s:care"} if uri == DEVELOPER else ()))
        for uri, s in ESSENTIAL.items()
    ]
    ranked = rank_occupations(skills, occupations)
    assert [m.uri for m in ranked] == [NURSE, DEVELOPER, ASSISTANT, HOMECARE]
    assert ranked[0].coverage == pytest.approx(0.8)  # (0.5 + 0.3) / 1.0
    assert ranked[0].essential_matched == ("s:medication", "s:care")
    # developer: programming essential (0.2) + care optional at half weight (0.15)
    assert ranked[1].coverage == pytest.approx(0.35)
    # assistant and homecare: care only (0.3); the tie goes to the label
    assert ranked[2].coverage == ranked[3].coverage == pytest.approx(0.3)
    assert rank_occupations([], occupations) == []


def test_a_hidden_pool_count_is_never_the_candidates() -> None:
    """The counts arrive as published: None is hidden (fewer than 10, or giving such a count
    away) and is shown as "<10" or left out, never taken for a number."""
    figure = PoolFigure(HOMECARE, interested=None, experienced=12, job_seekers_short=None)
    assert figure.candidates == 12  # the larger shown count, never the sum
    assert PoolFigure(HOMECARE, 15, 12, 30).candidates == 15
    alone = PoolFigure(HOMECARE, None, None, None)
    assert alone.candidates is None
    assert show_count(alone.candidates) == SUPPRESSED == "<10"


def _published(occupation: str, interested: int) -> PoolFigure:
    """A cell as the publication gives it (primary suppression only, for this test)."""
    return PoolFigure(occupation, interested if interested >= 10 else None, None, None)


def test_overlapping_pools_never_reveal_a_hidden_difference() -> None:
    """Pool {A} and pool {A, B}: whatever A and B are, the difference of the two totals is B's
    own published value (or 0 when B is hidden), never a hidden count."""
    for a in range(0, 40):
        for b in range(0, 40):
            fa, fb = _published(NURSE, a), _published(HOMECARE, b)
            only_a, both = combined_pool([fa]), combined_pool([fa, fb])
            difference = both.candidates - only_a.candidates
            assert difference == (fb.candidates or 0)
            if b < 10:
                assert difference == 0 and both.hidden == only_a.hidden + 1
            assert all(v == 0 or v >= 10 for v in (only_a.candidates, both.candidates))


def test_recruit_from_is_the_move_into_the_vacancy_occupation() -> None:
    found = recruit_from(model(), NURSE, top=5)
    # assistant (ISCO 5, skill level 2) is two levels below the nurse (level 4): left out;
    # the developer shares nothing: no way in.
    assert [a.uri for a in found] == [HOMECARE]
    homecare = found[0]
    # coverage 2/4 = 0.5, Jaccard 2/5 = 0.4, no descriptions: 0.5*0.5 + 0.25*0.4 = 0.35
    assert homecare.similarity == pytest.approx(0.35)
    assert [s for s, _ in homecare.gap] == ["s:medication", "s:planning"]
    assert [s for s, _ in homecare.shared] == ["s:care", "s:empathy"]
    any_level = recruit_from(model(), NURSE, max_level_gap=None)
    assert [a.uri for a in any_level] == [ASSISTANT, HOMECARE]
    only = recruit_from(model(), NURSE, max_level_gap=None, candidates=frozenset({ASSISTANT}))
    assert [a.uri for a in only] == [ASSISTANT]
    with pytest.raises(LookupError):
        recruit_from(model(), "occ:unknown")


def test_retiring_fraction_of_an_age_band() -> None:
    assert retiring_fraction(55, 64, 67, 5) == pytest.approx(0.3)  # ages 62, 63, 64
    assert retiring_fraction(55, 64, 67, 10) == pytest.approx(0.8)  # ages 57..64
    assert retiring_fraction(60, 64, 67, 5) == pytest.approx(0.6)
    assert retiring_fraction(65, None, 67, 5) == 1.0
    assert retiring_fraction(25, 34, 67, 10) == 0.0
    assert retiring_fraction(55, 64, 68, 10) == pytest.approx(0.7)  # AOW 68: ages 58..64


TEAM = [
    TeamCell(NURSE, 25, 34, 20),
    TeamCell(NURSE, 55, 64, 10),
    TeamCell(NURSE, 65, None, 2),
    TeamCell(HOMECARE, 60, 64, 4),
]


def essential() -> dict[str, list[tuple[str, str]]]:
    return {uri: [(s, LABELS[s]) for s in skills] for uri, skills in ESSENTIAL.items()}


def test_retirement_risk_golden() -> None:
    risks = {r.uri: r for r in retirement_risk(TEAM, essential(), pension_age=67)}
    care = risks["s:care"]  # nurse and homecare
    assert care.holders == 36 and care.cells == (0, 1, 2, 3)
    # per cell, whole people: 10*0.3 = 3, 2, 4*0.6 = 2.4 -> 2; 10*0.8 = 8, 2, 4
    assert care.retiring == (7, 14)
    assert risks["s:medication"].holders == 32 and risks["s:medication"].retiring == (5, 10)
    assert risks["s:household"].holders == 4 and risks["s:household"].retiring == (2, 4)
    order = [r.uri for r in retirement_risk(TEAM, essential(), 67)]
    assert order[0] == "s:household"  # everybody retires within 10 years
    assert order[1:3] == ["s:care", "s:empathy"]


def test_shown_team_figures_golden() -> None:
    shown = protect_team(TEAM, retirement_risk(TEAM, essential(), 67), 67)
    assert shown.size == 36
    rows = {r.uri: r for r in shown.risks}
    care = rows["s:care"]
    assert (care.holders, care.retiring_5, care.retiring_10) == (36, None, 14)  # 7 is hidden
    assert care.share_10 == 39 and care.at_risk is False
    assert rows["s:empathy"] == replace(care, uri="s:empathy", label="empathy")  # same people


def test_two_skill_rows_never_reveal_a_small_group() -> None:
    """Medication is held by the 32 nurses, care by them and the 4 home carers: showing both
    36 and 32 would give the 4 home carers away, so the later row is hidden whole."""
    shown = {r.uri: r for r in protect_team(TEAM, retirement_risk(TEAM, essential(), 67), 67).risks}
    medication = shown["s:medication"]
    assert medication.holders is None and medication.retiring_10 is None
    assert medication.share_10 is None and medication.at_risk is None
    # without the home carers the same nurses are shown
    nurses = TEAM[:3]
    alone = protect_team(nurses, retirement_risk(nurses, essential(), 67), 67)
    assert {r.uri: r.holders for r in alone.risks}["s:medication"] == 32


def test_an_employer_never_sees_an_individual() -> None:
    shown = protect_team(TEAM, retirement_risk(TEAM, essential(), 67), 67).risks
    household = next(r for r in shown if r.uri == "s:household")
    assert household.holders is None and household.retiring_5 is None
    assert household.retiring_10 is None and household.share_10 is None
    assert household.at_risk is None  # not even a class for a group under 10
    one = [TeamCell(NURSE, 63, 63, 1)]
    alone = protect_team(one, retirement_risk(one, essential(), 67), 67)
    assert alone.size is None
    assert all(
        r.holders is None and r.retiring_5 is None and r.retiring_10 is None and r.at_risk is None
        for r in alone.risks
    )
    assert "te weinig" in risk_text(alone.risks, None, 67, "nl")[0]
    # every count on screen, for teams of two cells up to 25 people, is hidden or at least 10
    for a in range(0, 26, 3):
        for b in range(0, 26, 4):
            team = [TeamCell(NURSE, 55, 64, a), TeamCell(HOMECARE, 60, 64, b)]
            result = protect_team(team, retirement_risk(team, essential(), 67), 67)
            counts = {result.size} | {
                v for r in result.risks for v in (r.holders, r.retiring_5, r.retiring_10)
            }
            counts.discard(None)
            assert all(c >= 10 for c in counts if c is not None)


def test_duiding_is_built_from_the_shown_numbers() -> None:
    from datetime import date

    figure = PoolFigure(NURSE, 42, None, 13)
    nl = pool_text("verpleegkundige", "Twente", date(2025, 12, 1), figure, "nl")[0]
    assert (
        "december 2025" in nl
        and "42 werkzoekenden" in nl
        and "een verborgen aantal met werkervaring" in nl
    )
    en = pool_text("nurse", "Twente", date(2025, 12, 1), figure, "en")[0]
    assert "42 registered job seekers" in en and "a hidden number with experience" in en
    ranked = rank_occupations(
        [ExtractedSkill("s:care", "care", 1.0)],
        [OccupationSkills(NURSE, "verpleegkundige", frozenset({"s:care"}), frozenset())],
    )
    assert "100%" in skills_text(1, ranked[0], False, "nl")[0]
    assert skills_text(0, None, False, "en") == ["No skills were recognised in this text."]
