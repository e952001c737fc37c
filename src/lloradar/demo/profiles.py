"""The demo occupations: real ESCO preferred labels with the market each one plays in the demo.

`shortage` > 1 makes an occupation structurally tight (nursing, ICT, technicians, teachers),
< 1 slack. `sector` is its main SBI section. Without ESCO files these become `demo:` items."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OccupationProfile:
    label_en: str
    label_nl: str
    isco_code: str
    sector: str
    share: float  # share of regional employment, per mille
    shortage: float
    skills: tuple[str, ...]  # demo skill keys, used without ESCO files


# One row an occupation: label (en), label (nl), ISCO-08 code, SBI section, share (per mille),
# shortage, and its demo skill keys separated by spaces.
_ROWS: list[tuple[str, str, str, str, int, float, str]] = [
    ("nurse responsible for general care", "algemeen verpleegkundige", "2221", "Q", 22, 3.2, "patient-care medication care-planning empathy"),
    ("specialist nurse", "gespecialiseerd verpleegkundige", "2221", "Q", 8, 3.6, "patient-care medication clinical-assessment"),
    ("healthcare assistant", "zorghulp", "5321", "Q", 18, 1.8, "patient-care hygiene empathy"),
    ("care at home worker", "thuiszorgmedewerker", "3412", "Q", 12, 2.0, "patient-care empathy household-tasks"),
    ("software developer", "software ontwikkelaar", "2512", "J", 14, 3.0, "programming software-testing databases teamwork"),
    ("ICT application developer", "ict application developer", "2514", "J", 6, 2.6, "programming databases requirements-analysis"),
    ("data analyst", "data-analist", "2511", "J", 5, 2.2, "databases statistics programming"),
    ("ICT help desk agent", "medewerker helpdesk", "3512", "J", 7, 1.1, "customer-service troubleshooting teamwork"),
    ("electrician", "monteur elektrische installaties", "7411", "F", 10, 3.4, "electrical-installation safety-rules technical-drawings"),
    ("electrical engineering technician", "elektrotechnicus", "3113", "C", 6, 3.0, "electrical-installation technical-drawings troubleshooting"),
    ("mechanical engineering technician", "technisch ingenieur mechanica", "3115", "C", 6, 2.8, "technical-drawings maintenance troubleshooting"),
    ("plumber", "loodgieter", "7126", "F", 6, 2.5, "pipe-installation safety-rules technical-drawings"),
    ("carpenter", "timmerman", "7115", "F", 7, 1.9, "woodworking safety-rules technical-drawings"),
    ("welder", "lasser", "7212", "C", 5, 2.2, "welding safety-rules maintenance"),
    ("primary school teacher", "leraar basisonderwijs", "2341", "P", 15, 2.6, "teaching lesson-planning classroom-management"),
    ("secondary school teacher", "leerkracht voortgezet onderwijs", "2330", "P", 12, 2.2, "teaching lesson-planning assessment"),
    ("police officer", "politieagent", "5412", "O", 7, 1.4, "safety-rules conflict-resolution reporting"),
    ("social worker", "sociaal werker", "2635", "Q", 8, 1.3, "empathy conflict-resolution reporting"),
    ("accountant", "accountant", "2411", "M", 9, 1.5, "bookkeeping statistics reporting"),
    ("human resources officer", "personeelsfunctionaris", "2423", "N", 6, 0.9, "recruitment reporting labour-law"),
    ("sales manager", "salesmanager", "1221", "G", 6, 1.0, "sales customer-service negotiation"),
    ("office clerk", "kantoorbediende", "4110", "N", 20, 0.35, "office-software reporting customer-service"),
    ("receptionist", "receptionist", "4226", "N", 6, 0.5, "customer-service office-software"),
    ("shop assistant", "winkelmedewerker", "5223", "G", 30, 0.6, "sales customer-service stock-management"),
    ("warehouse worker", "magazijnmedewerker", "9333", "H", 18, 0.8, "stock-management forklift-driving safety-rules"),
    ("bus driver", "buschauffeur", "8331", "H", 5, 1.7, "driving customer-service safety-rules"),
    ("cook", "kok", "5120", "I", 10, 1.6, "cooking hygiene stock-management"),
    ("waiter/waitress", "ober/serveerster", "5131", "I", 12, 1.2, "customer-service hygiene"),
    ("graphic designer", "grafisch ontwerper", "2166", "M", 4, 0.3, "graphic-design office-software"),
    ("journalist", "journalist", "2642", "J", 3, 0.25, "writing reporting interviewing"),
    ("agricultural technician", "landbouwtechnicus", "3142", "A", 4, 1.1, "maintenance plant-cultivation safety-rules"),
]  # fmt: skip

PROFILES: list[OccupationProfile] = [
    OccupationProfile(en, nl, isco, sector, share, shortage, tuple(skills.split()))
    for en, nl, isco, sector, share, shortage, skills in _ROWS
]

# Handmade skills for the demo taxonomy (used only without the ESCO files): key -> (en, nl).
DEMO_SKILLS: dict[str, tuple[str, str]] = {
    "patient-care": ("provide patient care", "patiëntenzorg verlenen"),
    "medication": ("administer medication", "medicatie toedienen"),
    "care-planning": ("plan care", "zorg plannen"),
    "clinical-assessment": ("perform clinical assessment", "klinische beoordeling uitvoeren"),
    "empathy": ("show empathy", "empathie tonen"),
    "hygiene": ("follow hygiene procedures", "hygiëneprocedures volgen"),
    "household-tasks": ("perform household tasks", "huishoudelijke taken uitvoeren"),
    "programming": ("computer programming", "programmeren"),
    "software-testing": ("test software", "software testen"),
    "databases": ("manage databases", "databases beheren"),
    "requirements-analysis": ("analyse requirements", "eisen analyseren"),
    "teamwork": ("work in a team", "samenwerken in een team"),
    "customer-service": ("provide customer service", "klantenservice verlenen"),
    "troubleshooting": ("troubleshoot", "storingen oplossen"),
    "electrical-installation": ("install electrical systems", "elektrische systemen installeren"),
    "safety-rules": ("apply safety rules", "veiligheidsregels toepassen"),
    "technical-drawings": ("read technical drawings", "technische tekeningen lezen"),
    "maintenance": ("perform maintenance", "onderhoud uitvoeren"),
    "pipe-installation": ("install pipes", "leidingen aanleggen"),
    "woodworking": ("work with wood", "hout bewerken"),
    "welding": ("weld metal", "metaal lassen"),
    "teaching": ("teach", "lesgeven"),
    "lesson-planning": ("plan lessons", "lessen voorbereiden"),
    "classroom-management": ("manage a classroom", "klassenmanagement"),
    "assessment": ("assess students", "leerlingen beoordelen"),
    "conflict-resolution": ("resolve conflicts", "conflicten oplossen"),
    "reporting": ("write reports", "rapporten schrijven"),
    "bookkeeping": ("keep financial records", "boekhouden"),
    "statistics": ("apply statistical analysis", "statistische analyse toepassen"),
    "recruitment": ("recruit employees", "personeel werven"),
    "labour-law": ("apply labour law", "arbeidsrecht toepassen"),
    "sales": ("sell products", "producten verkopen"),
    "negotiation": ("negotiate", "onderhandelen"),
    "office-software": ("use office software", "kantoorsoftware gebruiken"),
    "stock-management": ("manage stock", "voorraad beheren"),
    "forklift-driving": ("drive a forklift", "heftruck rijden"),
    "driving": ("drive vehicles", "voertuigen besturen"),
    "cooking": ("prepare meals", "maaltijden bereiden"),
    "graphic-design": ("design graphics", "grafisch ontwerpen"),
    "writing": ("write texts", "teksten schrijven"),
    "interviewing": ("conduct interviews", "interviews afnemen"),
    "plant-cultivation": ("cultivate plants", "gewassen telen"),
}

# Relative size of each labour-market region (largest regions above 1) and sectors that are
# stronger there than nationally; the rest of the mix follows the national pattern.
REGION_SIZE: dict[str, float] = {
    "AM18": 3.2, "AM22": 3.0, "AM21": 2.3, "AM13": 2.2, "AM28": 1.9, "AM25": 1.6,
    "AM27": 1.6, "AM05": 1.6, "AM02": 1.6, "AM01": 1.5, "AM30": 1.6, "AM07": 1.4,
    "AM35": 0.35, "AM12": 0.6, "AM20": 0.6, "AM23": 0.7, "AM32": 0.7, "AM09": 0.8,
}  # fmt: skip
REGION_SECTOR_BOOST: dict[str, dict[str, float]] = {
    "AM18": {"J": 1.8, "K": 1.9, "M": 1.6, "I": 1.3},
    "AM22": {"H": 1.8, "C": 1.2, "B": 1.5},
    "AM21": {"O": 1.8, "M": 1.3},
    "AM13": {"J": 1.5, "M": 1.4, "P": 1.2},
    "AM28": {"C": 1.7, "M": 1.5, "J": 1.3},
    "AM32": {"C": 1.5},
    "AM01": {"B": 2.5, "P": 1.2},
    "AM24": {"I": 1.6, "C": 1.2, "A": 1.3},
    "AM29": {"A": 2.0, "H": 1.4},
    "AM38": {"A": 1.8, "C": 1.2},
    "AM02": {"A": 1.4, "Q": 1.1},
    "AM03": {"Q": 1.2, "A": 1.2},
    "AM15": {"A": 1.3, "I": 1.2},
    "AM30": {"Q": 1.2, "H": 1.2},
    "AM05": {"C": 1.4},
}

# National employment mix by SBI section (share of employed persons, roughly CBS 2023).
SECTOR_MIX: dict[str, float] = {
    "A": 0.020, "B": 0.002, "C": 0.095, "D": 0.004, "E": 0.005, "F": 0.055, "G": 0.150,
    "H": 0.050, "I": 0.055, "J": 0.045, "K": 0.030, "L": 0.008, "M": 0.075, "N": 0.080,
    "O": 0.055, "P": 0.070, "Q": 0.165, "R": 0.020, "S": 0.012, "T": 0.002, "U": 0.001,
}  # fmt: skip

AGE_BANDS: dict[str, float] = {
    "15-24": 0.14, "25-34": 0.22, "35-44": 0.20, "45-54": 0.21, "55-64": 0.19, "65+": 0.04,
}  # fmt: skip
