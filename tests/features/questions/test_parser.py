"""The question parser on small hand-made names (pure): the kind of question, the places and
occupations it names (plurals, compounds, typos, gemeenten, provincies, the country), the words it
cannot place, the period and the language."""

from __future__ import annotations

import pytest

from lloradar.analytics.question import Kind, Measure, Named, parse_question

REGIONS = [
    Named("AM01", ("Groningen",)),
    Named("AM05", ("Twente",)),
    Named("AM18", ("Groot Amsterdam",)),
    Named("AM21", ("Haaglanden",)),
    Named("AM36", ("Regio Zwolle",)),
    Named("PV20", ("Groningen",), 1),
    Named("PV23", ("Overijssel",), 1),
    Named("NL01", ("Nederland", "the Netherlands", "landelijk"), 1),
    Named("AM05", ("Enschede",), 2, via="Enschede"),
    Named("AM21", ("'s-Gravenhage", "Den Haag"), 2, via="'s-Gravenhage"),
    Named("AM36", ("Zwolle",), 2, via="Zwolle"),
]
OCCUPATIONS = [
    Named("nurse", ("algemeen verpleegkundige", "nurse responsible for general care", "nurse")),
    Named("welder", ("lasser", "welder")),
    Named("developer", ("software ontwikkelaar", "software developer")),
    Named("driver", ("buschauffeur", "bus driver")),
    Named("teacher", ("leraar basisonderwijs", "primary school teacher")),
]


def parse(text: str):  # type: ignore[no-untyped-def]
    return parse_question(text, REGIONS, OCCUPATIONS)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Hoe krap is de markt voor lassers in Twente?", Kind.TENSION),
        ("Hoeveel vacatures zijn er voor lassers in Twente?", Kind.COUNT),
        ("Welke beroepen zijn het krapst in Groningen?", Kind.RANKING),
        ("Where is the market for welders the tightest?", Kind.RANKING),
        ("Is de markt voor lassers in Twente krapper dan in Groningen?", Kind.COMPARISON),
        ("Compare welders and nurses in Twente", Kind.COMPARISON),
        ("Is de krapte voor lassers in Twente toegenomen?", Kind.TREND),
        ("Has the number of vacancies for welders gone up?", Kind.TREND),
        ("What is the outlook for nurses in Twente?", Kind.FORECAST),
        ("Welke vaardigheden heeft een lasser nodig?", Kind.SKILLS),
        ("Welke cursussen zijn er voor lassers?", Kind.COURSES),
        ("Naar welke beroepen kan een lasser overstappen?", Kind.TRANSITIONS),
        ("Hoe staat het met de voortgang van de interventies?", Kind.INTERVENTION),
        ("Hoe laat gaat de trein naar Zwolle?", Kind.OFF_TOPIC),
        ("What is the capital of France?", Kind.OFF_TOPIC),
    ],
)
def test_kind_of_question(text: str, kind: Kind) -> None:
    assert parse(text).kind is kind


@pytest.mark.parametrize(
    ("text", "region", "occupation"),
    [
        ("krapte voor verpleegkundigen in Twente", "AM05", "nurse"),  # head word, plural
        ("How tight is it for nurses in Enschede?", "AM05", "nurse"),  # gemeente
        ("vacatures voor softwareontwikkelaars in Den Haag", "AM21", "developer"),  # compound
        ("vacatures voor bus chauffeurs in Zwolle", "AM36", "driver"),  # written apart
        ("krapte voor verplegkundigen in Twnte", "AM05", "nurse"),  # typos
        ("krapte voor leraren basisonderwijs in Groningen", "AM01", "teacher"),  # leraar -> leraren
        ("krapte voor lassers in de provincie Groningen", "PV20", "welder"),  # provincie said
        ("krapte voor lassers in Overijssel", "PV23", "welder"),
    ],
)
def test_places_and_occupations(text: str, region: str, occupation: str) -> None:
    parsed = parse(text)
    assert (parsed.region, parsed.occupation) == (region, occupation)


def test_the_country_is_named_by_word() -> None:
    parsed = parse("Hoe krap is de markt voor lassers landelijk?")
    assert parsed.region == "NL01" and parsed.occupation == "welder"


def test_two_places_in_the_order_asked() -> None:
    parsed = parse("Is het krapper voor lassers in Groningen dan in Twente?")
    assert [m.key for m in parsed.regions] == ["AM01", "AM05"]


def test_an_unknown_occupation_is_kept_not_replaced() -> None:
    parsed = parse("Hoe krap is de markt voor piloten in Twente?")
    assert parsed.occupation is None and parsed.unknown_occupation == "piloten"


def test_a_modifier_before_one_word_of_a_label_is_another_occupation() -> None:
    parsed = parse("How tight is the market for truck drivers in Twente?")
    assert parsed.occupation is None and parsed.unknown_occupation == "truck drivers"


def test_an_unknown_place_is_kept_not_replaced() -> None:
    parsed = parse("Hoe krap is de markt voor lassers in Atlantis?")
    assert parsed.region is None and not parsed.national and parsed.unknown_place == "atlantis"


def test_period_and_measure() -> None:
    parsed = parse("Hoeveel werkzoekenden waren er voor lassers in maart 2024?")
    assert (parsed.measure, parsed.year, parsed.month) == (Measure.JOB_SEEKERS, 2024, 3)
    assert parse("vacancies per job seeker for welders").measure is Measure.TENSION
    assert parse("How many people want to work as a welder?").measure is Measure.INTERESTED


def test_ranking_details() -> None:
    parsed = parse("Wat zijn de drie ruimste regio's voor lassers?")
    assert (parsed.kind, parsed.slack, parsed.rank_regions, parsed.limit) == (
        Kind.RANKING,
        True,
        True,
        3,
    )


def test_language_of_the_question() -> None:
    assert parse("How tight is the market for welders in Twente?").lang == "en"
    assert parse("Hoe krap is de markt voor welders in Twente?").lang == "nl"


def test_a_sector_is_no_occupation() -> None:
    parsed = parse("Hoe krap is de markt in de zorg in Twente?")
    assert parsed.occupation is None and parsed.sector == "zorg" and parsed.unknown_place is None
