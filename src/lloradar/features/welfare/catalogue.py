"""The brede welvaart (broad welfare) indicators shown beside the labour data of a region: each
is a topic of a CBS StatLine table (ids and keys as CBS publishes them; the tests check them
against the table's recorded DataProperties), aggregated from gemeenten to larger regions with a
weight (a measure of the same table), or a rate of two measures. Load the table with
`lloradar welfare load 83765NED` (Kerncijfers wijken en buurten 2017)."""

from __future__ import annotations

from dataclasses import dataclass

TABLE = "83765NED"
THEMES = ("participation", "health", "income", "housing")


@dataclass(frozen=True, slots=True)
class WelfareIndicator:
    id: str
    theme: str  # participation, health, income, housing
    measure: str
    label_nl: str
    label_en: str
    unit: str
    higher_is: str  # better, worse, neutral
    weight: str | None = None  # a weighted mean over gemeenten with this measure as weight
    per: str | None = None  # or a rate: sum(measure) / sum(per) * scale
    scale: float = 1.0
    table: str = TABLE

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_nl

    def unit_in(self, lang: str) -> str:
        """The unit in the reader's language (Dutch writes 1.000, English 1,000)."""
        return self.unit.replace("1.000", "1,000") if lang == "en" else self.unit


INDICATORS = (
    WelfareIndicator(
        id="actieven",
        theme="participation",
        measure="Actieven1575Jaar_69",
        label_nl="Actieven 15-75 jaar (arbeidsparticipatie)",
        label_en="Active persons aged 15-75 (labour participation)",
        unit="%",
        higher_is="better",
        weight="AantalInwoners_5",
    ),
    WelfareIndicator(
        id="bijstand",
        theme="participation",
        measure="PersonenPerSoortUitkeringBijstand_74",
        label_nl="Personen met bijstand per 1.000 inwoners",
        label_en="People on social assistance per 1,000 inhabitants",
        unit="per 1.000",
        higher_is="worse",
        per="AantalInwoners_5",
        scale=1000.0,
    ),
    WelfareIndicator(
        id="arbeidsongeschikt",
        theme="health",
        measure="PersonenPerSoortUitkeringAO_75",
        label_nl="Personen met een arbeidsongeschiktheidsuitkering per 1.000 inwoners",
        label_en="People on a disability benefit per 1,000 inhabitants",
        unit="per 1.000",
        higher_is="worse",
        per="AantalInwoners_5",
        scale=1000.0,
    ),
    WelfareIndicator(
        id="huisarts",
        theme="health",
        measure="AfstandTotHuisartsenpraktijk_94",
        label_nl="Afstand tot de huisartsenpraktijk",
        label_en="Distance to the GP practice",
        unit="km",
        higher_is="worse",
        weight="AantalInwoners_5",
    ),
    WelfareIndicator(
        id="inkomen",
        theme="income",
        measure="GemiddeldInkomenPerInwoner_66",
        label_nl="Gemiddeld inkomen per inwoner",
        label_en="Average income per inhabitant",
        unit="x 1.000 euro",
        higher_is="better",
        weight="AantalInwoners_5",
    ),
    WelfareIndicator(
        id="laag_inkomen",
        theme="income",
        measure="HuishoudensMetEenLaagInkomen_72",
        label_nl="Huishoudens met een laag inkomen",
        label_en="Households with a low income",
        unit="%",
        higher_is="worse",
        weight="HuishoudensTotaal_28",
    ),
    WelfareIndicator(
        id="woz",
        theme="housing",
        measure="GemiddeldeWOZWaardeVanWoningen_35",
        label_nl="Gemiddelde WOZ-waarde van woningen",
        label_en="Average WOZ value of homes",
        unit="x 1.000 euro",
        higher_is="neutral",
        weight="Woningvoorraad_34",
    ),
    WelfareIndicator(
        id="koopwoningen",
        theme="housing",
        measure="Koopwoningen_40",
        label_nl="Koopwoningen",
        label_en="Owner-occupied homes",
        unit="%",
        higher_is="neutral",
        weight="Woningvoorraad_34",
    ),
)
