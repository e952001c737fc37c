"""The ESCO -> O*NET link on small handmade inputs: the signals, the gate, the fallback."""

from __future__ import annotations

from lloradar.analytics.crosswalk import (
    LINK_THRESHOLD,
    METHOD,
    EscoOccupationLabels,
    LinkCandidate,
    OnetOccupationTitles,
    group_score,
    link_occupations,
    task_source,
    words,
)
from lloradar.domain.tasks import TaskSource

ONET = [
    OnetOccupationTitles("29-1141.00", "Registered Nurses", ("Staff Nurse", "Charge Nurse")),
    OnetOccupationTitles("29-1141.02", "Advanced Practice Psychiatric Nurses", ("Psych Nurse",)),
    OnetOccupationTitles("31-1131.00", "Nursing Assistants", ("Nurse Aide", "Care Assistant")),
    OnetOccupationTitles("15-1252.00", "Software Developers", ("Software Developer", "Coder")),
    OnetOccupationTitles("53-3032.00", "Heavy and Tractor-Trailer Truck Drivers", ("Trucker",)),
    OnetOccupationTitles("11-1021.00", "General and Operations Managers", ("Store Manager",)),
]


def esco(label: str, isco: str | None, *alts: str) -> EscoOccupationLabels:
    return EscoOccupationLabels(f"esco:{label}", label, alts, isco)


def best(links: list[LinkCandidate], occupation: str) -> LinkCandidate:
    return next(x for x in links if x.occupation_id == occupation and x.rank == 1)


def test_words_are_lower_cased_stemmed_and_without_stop_words() -> None:
    assert words("Registered Nurses, All Other") == ["registered", "nurse"]
    assert words("Secretaries and Assistants") == ["secretary", "assistant"]


def test_isco_major_group_gates_the_soc_major_group() -> None:
    assert group_score("2221", "29-1141.00") == 1.0  # professional in healthcare practitioners
    assert group_score("5321", "29-1141.00") == 0.0  # a care worker is not a practitioner
    assert group_score("5321", "31-1131.00") == 1.0
    assert group_score(None, "31-1131.00") == 0.5


def test_best_link_per_occupation_with_method_scores_and_ranks() -> None:
    links = link_occupations(
        [
            esco("general nurse", "2221", "staff nurse", "ward nurse"),
            esco("software developer", "2512", "programmer"),
            esco("lorry driver", "8332", "truck driver", "trucker"),
        ],
        ONET,
    )
    assert best(links, "esco:general nurse").onet_code == "29-1141.00"
    assert best(links, "esco:software developer").onet_code == "15-1252.00"
    assert best(links, "esco:lorry driver").onet_code == "53-3032.00"
    nurse = [x for x in links if x.occupation_id == "esco:general nurse"]
    assert [x.rank for x in nurse] == [1, 2, 3]
    assert [x.confidence for x in nurse] == sorted((x.confidence for x in nurse), reverse=True)
    assert all(x.method == METHOD for x in links)
    assert all(0 <= x.confidence <= 1 for x in links)


def test_a_pair_in_the_wrong_major_group_cannot_reach_the_threshold() -> None:
    # A nursing assistant (ISCO 5321) named like a nurse: the practitioner codes are gated.
    links = link_occupations([esco("nurse", "5321", "registered nurse")], ONET)
    for link in links:
        if link.onet_code.startswith("29-"):
            assert link.group_score == 0.0
            assert link.confidence < LINK_THRESHOLD


def test_a_detailed_code_must_match_clearly_better_than_its_parent() -> None:
    links = link_occupations([esco("nurse", "2221")], ONET)
    assert best(links, "esco:nurse").onet_code == "29-1141.00"


def test_link_does_not_depend_on_which_other_esco_occupations_are_linked() -> None:
    alone = link_occupations([esco("general nurse", "2221", "staff nurse")], ONET)
    together = link_occupations(
        [esco("general nurse", "2221", "staff nurse"), esco("software developer", "2512")], ONET
    )
    assert alone == [x for x in together if x.occupation_id == "esco:general nurse"]


def test_weak_or_taskless_links_fall_back_to_esco_essential_skills() -> None:
    strong = LinkCandidate("o", "15-1252.00", "Software Developers", 1, METHOD, 1, 1, 1, 0.8)
    weak = LinkCandidate("o", "15-1252.00", "Software Developers", 1, METHOD, 0.5, 0.1, 1, 0.34)
    assert task_source(strong, {"15-1252.00"}) is TaskSource.ONET
    assert task_source(strong, set()) is TaskSource.ESCO_ESSENTIAL_SKILLS
    assert task_source(weak, {"15-1252.00"}) is TaskSource.ESCO_ESSENTIAL_SKILLS
    assert task_source(None, {"15-1252.00"}) is TaskSource.ESCO_ESSENTIAL_SKILLS


def test_empty_inputs_give_no_links() -> None:
    assert link_occupations([], ONET) == []
    assert link_occupations([esco("nurse", "2221")], []) == []
