"""SBI 2008 (Standaard Bedrijfsindeling / standard industrial classification) sections."""

from __future__ import annotations

import io

from lloradar.domain import IngestError, Sector

LICENCE = "CBS reference classification (published freely by CBS, with attribution)"

# The 21 sections with their CBS Dutch names and the NACE English names.
SECTIONS: list[tuple[str, str, str]] = [
    ("A", "Landbouw, bosbouw en visserij", "Agriculture, forestry and fishing"),
    ("B", "Delfstoffenwinning", "Mining and quarrying"),
    ("C", "Industrie", "Manufacturing"),
    (
        "D",
        "Productie en distributie van en handel in elektriciteit, aardgas, stoom en gekoelde lucht",
        "Electricity, gas, steam and air conditioning supply",
    ),
    (
        "E",
        "Winning en distributie van water; afval- en afvalwaterbeheer en sanering",
        "Water supply; sewerage, waste management and remediation",
    ),
    ("F", "Bouwnijverheid", "Construction"),
    (
        "G",
        "Groot- en detailhandel; reparatie van auto's",
        "Wholesale and retail trade; repair of motor vehicles",
    ),
    ("H", "Vervoer en opslag", "Transportation and storage"),
    ("I", "Logies-, maaltijd- en drankverstrekking", "Accommodation and food service activities"),
    ("J", "Informatie en communicatie", "Information and communication"),
    ("K", "Financiële instellingen", "Financial and insurance activities"),
    ("L", "Verhuur van en handel in onroerend goed", "Real estate activities"),
    (
        "M",
        "Advisering, onderzoek en overige specialistische zakelijke dienstverlening",
        "Professional, scientific and technical activities",
    ),
    (
        "N",
        "Verhuur van roerende goederen en overige zakelijke dienstverlening",
        "Administrative and support service activities",
    ),
    (
        "O",
        "Openbaar bestuur, overheidsdiensten en verplichte sociale verzekeringen",
        "Public administration and defence; compulsory social security",
    ),
    ("P", "Onderwijs", "Education"),
    ("Q", "Gezondheids- en welzijnszorg", "Human health and social work activities"),
    ("R", "Cultuur, sport en recreatie", "Arts, entertainment and recreation"),
    ("S", "Overige dienstverlening", "Other service activities"),
    ("T", "Huishoudens als werkgever", "Activities of households as employers"),
    (
        "U",
        "Extraterritoriale organisaties en lichamen",
        "Activities of extraterritorial organisations",
    ),
]


def builtin_sections() -> list[Sector]:
    return [Sector(code, nl, en) for code, nl, en in SECTIONS]


def clean(value: object) -> str:
    return str(value).replace("\xa0", " ").strip() if value is not None else ""


def sbi_parent(code: str, section: str) -> str:
    """01 -> section, 01.1 -> 01, 01.13 -> 01.1, 01.13.1 -> 01.13."""
    if len(code) == 2:
        return section
    if len(code) == 5 and code[2] == ".":
        return code[:4]
    return code.rsplit(".", 1)[0]


def parse_sbi_excel(data: bytes, source: str) -> list[Sector]:
    """Every coded row of the CBS 'SBI 2008 versie 2018' workbook (column A code, B label).

    Divisions stored as numbers lose their leading zero (2 -> 02); codes keep their dots."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:
        raise IngestError(source, f"not a readable Excel workbook ({error})") from None
    english = {code: en for code, _, en in SECTIONS}
    sectors: list[Sector] = []
    section = None
    for number, (code_cell, label_cell, *_) in enumerate(
        workbook.worksheets[0].iter_rows(values_only=True), start=1
    ):
        code = clean(code_cell)
        if not code:
            continue
        if isinstance(code_cell, int | float):
            code = f"{int(code_cell):02d}"
        label = " ".join(clean(label_cell).split())
        if len(code) == 1 and code.isalpha():
            section = code
            sectors.append(Sector(code, label, english.get(code)))
        elif section is None:
            raise IngestError(source, f"code {code!r} before any section", line=number, field="A")
        else:
            sectors.append(Sector(code, label, None, sbi_parent(code, section)))
    if not sectors:
        raise IngestError(source, "no SBI codes found (expected codes in column A)")
    return sectors
