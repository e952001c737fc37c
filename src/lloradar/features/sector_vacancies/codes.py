"""The codes of CBS table 83599NED: its sector dimension (CBS's own ids for SBI 2008 sections
and groups of sections, labels as CBS publishes them in the same code list of 80072ned) and its
regions (the country, the four landsdelen, the twelve provincies)."""

from __future__ import annotations

TABLE_ID = "83599NED"
TABLE_TITLE = "Openstaande vacatures; SBI 2008, regio"
MEASURE = "OpenstaandeVacatures_1"
SECTOR_DIMENSION = "BedrijfstakkenBranchesSBI2008"
# CBS publishes the table in thousands of vacancies (one decimal): 200.4 -> 200,400.
UNIT = 1000
COUNTRY = "NL01"

# CBS id -> (SBI section or range, Dutch label, English label). 300010 is not in the 80072ned
# code list; its values are M + N in every quarter and region (checked on the recorded table).
SECTORS: dict[str, tuple[str, str, str]] = {
    "T001081": ("A-U", "Alle economische activiteiten", "All economic activities"),
    "301000": ("A", "Landbouw, bosbouw en visserij", "Agriculture, forestry and fishing"),
    "300003": ("B-F", "Nijverheid en energie", "Manufacturing industry and energy"),
    "305700": ("B", "Delfstoffenwinning", "Mining and quarrying"),
    "307500": ("C", "Industrie", "Manufacturing"),
    "346600": ("D", "Energievoorziening", "Energy supply"),
    "348000": ("E", "Waterbedrijven en afvalbeheer", "Water supply and waste management"),
    "350000": ("F", "Bouwnijverheid", "Construction"),
    "300007": ("G-N", "Commerciële dienstverlening", "Commercial services"),
    "354200": ("G", "Handel", "Wholesale and retail trade"),
    "383100": ("H", "Vervoer en opslag", "Transportation and storage"),
    "389100": ("I", "Horeca", "Accommodation and food services"),
    "391600": ("J", "Informatie en communicatie", "Information and communication"),
    "396300": ("K", "Financiële dienstverlening", "Financial services"),
    "402000": ("L", "Verhuur en handel van onroerend goed", "Real estate activities"),
    "403300": ("M", "Specialistische zakelijke diensten", "Specialised business services"),
    "410200": ("N", "Verhuur en overige zakelijke diensten", "Renting and other business services"),
    "300010": ("M-N", "Zakelijke dienstverlening", "Business services"),
    "300013": ("O-U", "Niet-commerciële dienstverlening", "Non-commercial services"),
    "417400": ("O", "Openbaar bestuur en overheidsdiensten", "Public administration"),
    "419000": ("P", "Onderwijs", "Education"),
    "422400": ("Q", "Gezondheids- en welzijnszorg", "Human health and social work"),
    "428100": ("R", "Cultuur, sport en recreatie", "Culture, sports and recreation"),
    "435500": ("S", "Overige dienstverlening", "Other service activities"),
}

# CBS 80072ned: sick leave (ziekteverzuim, % of working days) per sector x quarter. Its sector
# ids are the ones above, plus divisions of some sections.
SICK_TABLE = "80072ned"
SICK_TITLE = "Ziekteverzuimpercentage; bedrijfstakken (SBI 2008) en bedrijfsgrootte"
SICK_MEASURE = "M001924"
SICK_DIMENSION = "BedrijfskenmerkenSBI2008"
DIVISIONS: dict[str, tuple[str, str, str]] = {
    "307610": ("10-12", "Voedings-, genotmiddelenindustrie", "Food, beverages and tobacco"),
    "317105": ("17-18", "Papier- en grafische industrie", "Paper and printing"),
    "320005": ("19-22", "Raffinaderijen en chemie", "Refineries and chemicals"),
    "328110": ("24-30, 33", "Metaal-elektro industrie", "Metal and electrical engineering"),
    "354300": ("45", "Autohandel en -reparatie", "Sale and repair of motor vehicles"),
    "356900": ("46", "Groothandel en handelsbemiddeling", "Wholesale trade"),
    "371600": ("47", "Detailhandel (niet in auto's)", "Retail trade"),
    "383200": ("49", "Vervoer over land", "Land transport"),
    "415300": ("812", "Schoonmaakbedrijven", "Cleaning"),
    "422500": ("86", "Gezondheidszorg", "Human health"),
    "422600": ("861", "Ziekenhuizen", "Hospitals"),
    "425300": ("87", "Verpleging en zorg met overnachting", "Residential care"),
    "426600": ("88", "Welzijnszorg zonder overnachting", "Social work without accommodation"),
}
ALL_SECTORS = {**SECTORS, **DIVISIONS}

REGIONS: dict[str, str] = {
    "NL01": "Nederland",
    "LD01": "Noord-Nederland",
    "LD02": "Oost-Nederland",
    "LD03": "West-Nederland",
    "LD04": "Zuid-Nederland",
    "PV20": "Groningen",
    "PV21": "Fryslân",
    "PV22": "Drenthe",
    "PV23": "Overijssel",
    "PV24": "Flevoland",
    "PV25": "Gelderland",
    "PV26": "Utrecht",
    "PV27": "Noord-Holland",
    "PV28": "Zuid-Holland",
    "PV29": "Zeeland",
    "PV30": "Noord-Brabant",
    "PV31": "Limburg",
}
REGIONS_EN = {
    "NL01": "The Netherlands",
    "LD01": "North Netherlands",
    "LD02": "East Netherlands",
    "LD03": "West Netherlands",
    "LD04": "South Netherlands",
}


def region_name(code: str, lang: str = "nl") -> str:
    if lang == "en" and code in REGIONS_EN:
        return REGIONS_EN[code]
    return REGIONS.get(code, code)


def resolve_sector(text: str) -> str | None:
    """The CBS id of a sector named by its CBS id (T001081, 350000) or its SBI section, range
    or division (F, A-U, b-f, 86); None when CBS has no such sector."""
    key = text.strip().upper()
    if key in ALL_SECTORS:
        return key
    return next((code for code, (sbi, _, _) in ALL_SECTORS.items() if sbi == key), None)


def quarter(period: str) -> str | None:
    """A CBS period code as a quarter: 2020KW02 -> 2020-Q2; None for years and months."""
    if len(period) == 8 and period[4:6] == "KW" and period[:4].isdigit():
        return f"{period[:4]}-Q{int(period[6:])}"
    return None


def persons(value: float | None) -> int | None:
    """Thousands of vacancies (one decimal) as a number of vacancies: 200.4 -> 200400."""
    return None if value is None else round(value * UNIT)
