"""Everyday names the question box knows besides the stored labels: common Dutch and English
names of ESCO occupations (by the last segment of the ESCO URI, picked from ESCO's alternative
labels in nl and en, plus irregular plurals), and common alternative names of places (by CBS
code or gemeente name). The stored ESCO alternative labels (taxonomy_concept,
taxonomy_label_nl) are used as well when a store holds them."""

from __future__ import annotations

# fmt: off
OCCUPATIONS: dict[str, tuple[str, ...]] = {
    "eda0d957-3c3c-4139-b89a-a18bc9e18897": (
        "registeraccountant", "boekhouder", "bookkeeper", "auditor", "accountancy",
    ),
    "8d3e8aaa-791b-4c75-a465-f3f827028f50": (
        "verpleegkundige", "verpleger", "verpleegster", "verplegers", "verpleegsters",
        "basisverpleegkundige", "wijkverpleegkundige", "nurse", "general nurse",
        "registered nurse", "ward nurse", "district nurse", "zuster", "verpleging",
    ),
    "00cee175-1376-43fb-9f02-ba3d7a910a58": (
        "buschauffeur", "buschauffeurs", "busbestuurder", "buschauffeuse", "chauffeur",
        "bus driver", "coach driver", "buschauffeurs",
    ),
    "d3edb8f8-3a06-47a0-8fb9-9b212c006aa2": (
        "data analist", "dataanalist", "data-analisten", "informatie-analist", "data analyst",
        "data scientist", "data scientists",
    ),
    "9aa2a36f-296e-45fe-9798-b7839e0ed389": (
        "elektrotechnici", "elektrotechnicus", "electrical technician", "electrotechnician",
        "electrical engineer",
        "elektrotechnisch technicus",
    ),
    "18e14e61-495b-44cc-a7c6-df4c625934ba": (
        "specialistisch verpleegkundige", "ic-verpleegkundige", "ic verpleegkundige",
        "nurse specialist", "nurse practitioner", "verpleegkundig specialist",
        "gespecialiseerde verpleegkundige", "gespecialiseerde verpleegkundigen",
    ),
    "69bcbb0a-8d80-4ecd-b0a4-9adea2a40de2": (
        "grafisch vormgever", "vormgever", "ontwerper", "graphic artist", "designer",
    ),
    "bd272aee-adc9-4a06-a15c-a73b4b4a46a7": (
        "applicatieontwikkelaar", "applicatie ontwikkelaar", "application developer",
        "app developer", "app-ontwikkelaar",
    ),
    "a47f82d3-4cf7-4abf-bb36-2c8cbad28234": (
        "verslaggever", "reporter", "journaliste",
    ),
    "6c999fc7-c6b7-4ef3-a4b9-af124a1783a2": (
        "kantoormedewerker", "administratief medewerker", "administratief assistent",
        "secretaresse", "office worker", "clerk", "clerical worker", "administratief",
    ),
    "90f75f67-495d-49fa-ab57-2f320e251d7e": (
        "koks", "chef-kok", "chefkok", "kokkin", "chef", "chefs", "cook", "cooks", "kitchen chef",
    ),
    "1f8314c2-01bd-4af4-babc-04d7034591b8": (
        "landbouwtechnici", "landbouwkundige", "agrarisch technicus", "agricultural technologist",
    ),
    "7aedaa07-3884-4c5b-88f9-80997b2aa54b": (
        "lasster", "laswerker", "welder", "welders",
    ),
    "5efb2c08-ba3a-4659-a2e4-1883f54e77b6": (
        "leraar voortgezet onderwijs", "docent voortgezet onderwijs", "docent", "docenten",
        "leraar vo", "docent vo", "middelbare school", "high school teacher", "secondary teacher",
        "leerkracht vo",
    ),
    "03d79393-7b30-4159-945b-01963eddd302": (
        "leerkracht basisonderwijs", "onderwijzer", "onderwijzeres", "juf", "meester",
        "basisschoolleraar", "basisschoolleerkracht", "leraar", "leraren", "leerkracht",
        "leerkrachten", "teacher", "teachers", "elementary school teacher", "primary teacher",
        "pabo",
    ),
    "ed3cf43d-c2c1-4c46-82fc-1375e27e0290": (
        "installateur", "installatiemonteur", "gas fitter", "pipe fitter", "plumbers",
    ),
    "bea705fe-06ac-4147-b8e0-6e8ac1208d8f": (
        "magazijnmedewerkers", "orderpicker", "orderpickers", "logistiek medewerker", "warehouse",
        "magazijn", "order picker", "warehouse operative",
    ),
    "aaeec9a7-dc57-4485-890c-86b3eef735f9": (
        "helpdeskmedewerker", "servicedeskmedewerker", "servicedesk medewerker", "helpdesk",
        "help desk", "service desk", "it support", "ict support", "helpdesk agent",
    ),
    "4910419f-b4af-4f59-b544-9dbebc8a74f0": (
        "elektricien", "elektriciens", "elektromonteur", "installatiemonteur elektra",
        "electrician", "electricians", "electrical installer",
    ),
    "d5db9d5c-2ebf-4a54-a79a-1b7e7ff70471": (
        "ober", "obers", "serveerster", "serveersters", "kelner", "bediening",
        "bedieningsmedewerker", "horecamedewerker", "waiter", "waitress", "waiting staff",
        "server", "servers",
    ),
    "d3e32e5e-7f24-48e3-b939-e4f800eb62fb": (
        "hr-medewerker", "hr medewerker", "hr adviseur", "hr-adviseur", "personeelsadviseur",
        "hr-consulent", "recruiter", "hr officer", "hr", "human resources", "personnel officer",
    ),
    "5793c124-c037-47b2-85b6-dd4a705968dc": (
        "politie", "agent", "agenten", "politieman", "politievrouw", "wijkagent", "policeman",
        "policemen", "police", "police constable", "cop", "cops",
    ),
    "f7b04542-d8c7-42db-8475-e63b507cce82": (
        "receptioniste", "receptiemedewerker", "baliemedewerker", "front desk", "front desk agent",
    ),
    "a7594892-ff23-4e2a-aedf-2f967ebca15c": (
        "verkoopmanager", "commercieel manager", "sales manager", "hoofd verkoop",
        "accountmanager", "sales director",
    ),
    "4b05bef2-ded4-4b09-ab94-f4c6a555a775": (
        "maatschappelijk werker", "jeugdwerker", "welzijnswerker", "social worker",
        "welfare worker", "sociaal werkers",
    ),
    "f2b15a0e-e65a-438a-affb-29b9d50b77d1": (
        "softwareontwikkelaar", "programmeur", "programmeurs", "ontwikkelaar", "developer",
        "developers", "programmer", "programmers", "software engineer", "softwareengineer",
        "it-er", "ict-er", "ontwikkelaars",
    ),
    "b31e404e-9af6-457d-a58a-208f612eeba3": (
        "werktuigbouwkundige", "werktuigbouwkundig technicus", "mechanical technician",
        "mechanical engineer", "werktuigbouwer", "mechanic",
    ),
    "f4525ed8-54eb-4a3b-90db-55cc01b0d9fd": (
        "thuiszorgmedewerker", "thuiszorg", "thuishulp", "wijkzorg", "home care worker",
        "home carer", "homecare worker",
    ),
    "2a22ff9e-de3b-408d-b312-5034896cc4f4": (
        "timmerlieden", "timmerlui", "timmervrouw", "schrijnwerker", "houtbewerker", "carpenter",
        "joiner", "woodworker",
    ),
    "0b15375e-dfdd-4047-9efb-096e0aaee7d2": (
        "winkelbediende", "verkoopmedewerker", "verkoper", "verkopers", "vakkenvuller",
        "caissiere", "kassamedewerker", "retail", "sales assistant", "shop worker", "cashier",
        "winkelpersoneel",
    ),
    "d38c2107-98f2-47b7-8bb4-f69750d51082": (
        "verzorgende", "verzorgenden", "zorgassistent", "helpende zorg", "zorgmedewerker",
        "care assistant", "nursing assistant", "caregiver", "carer", "health care assistant",
        "care worker", "zorgverlener", "verzorger",
    ),
}

# Alternative names of areas (by code) and of gemeenten (by their stored name).
AREAS: dict[str, tuple[str, ...]] = {
    "NL01": (
        "Nederland", "heel Nederland", "het hele land", "landelijk", "the Netherlands",
        "Netherlands", "Holland", "nationaal", "national", "nationally", "nationwide",
        "the whole country",
    ),
    "PV29": ("Zealand",),
    "PV25": ("Guelders",),
    "PV21": (
        "Friesland", "Frisia",
    ),
    "PV27": (
        "North Holland", "Noord Holland",
    ),
    "PV28": (
        "South Holland", "Zuid Holland",
    ),
    "PV30": (
        "Brabant", "North Brabant",
    ),
    "PV31": (
        "Limburg", "Limbourg",
    ),
    "AM18": (
        "Amsterdam", "regio Amsterdam",
    ),
    "AM22": (
        "Rotterdam", "Rijnmond",
    ),
    "AM21": (
        "Den Haag", "The Hague", "Hague",
    ),
    "AM36": (
        "Zwolle",
    ),
    "AM06": (
        "Apeldoorn", "Stedendriehoek", "Noordwest Veluwe", "Veluwe",
    ),
    "AM38": (
        "Food Valley",
    ),
    "AM32": (
        "Helmond", "De Peel", "Peel",
    ),
    "AM37": (
        "Kennemerland", "IJmond", "Haarlem",
    ),
    "AM17": (
        "Zaanstreek", "Waterland", "Zaandam",
    ),
}
GEMEENTEN: dict[str, tuple[str, ...]] = {
    "'s-Gravenhage": (
        "Den Haag", "The Hague", "Hague",
    ),
    "'s-Hertogenbosch": (
        "Den Bosch", "s-Hertogenbosch", "Hertogenbosch",
    ),
    "Súdwest-Fryslân": (
        "Sudwest Fryslan",
    ),
}
# The occupations of a sector (analytics/question_words.SECTORS), by ESCO URI segment.
SECTOR_OCCUPATIONS: dict[str, tuple[str, ...]] = {
    "care": (
        "8d3e8aaa-791b-4c75-a465-f3f827028f50", "18e14e61-495b-44cc-a7c6-df4c625934ba",
        "d38c2107-98f2-47b7-8bb4-f69750d51082", "f4525ed8-54eb-4a3b-90db-55cc01b0d9fd",
        "4b05bef2-ded4-4b09-ab94-f4c6a555a775",
    ),
    "construction": (
        "2a22ff9e-de3b-408d-b312-5034896cc4f4", "ed3cf43d-c2c1-4c46-82fc-1375e27e0290",
        "4910419f-b4af-4f59-b544-9dbebc8a74f0", "7aedaa07-3884-4c5b-88f9-80997b2aa54b",
    ),
    "ict": (
        "f2b15a0e-e65a-438a-affb-29b9d50b77d1", "bd272aee-adc9-4a06-a15c-a73b4b4a46a7",
        "d3edb8f8-3a06-47a0-8fb9-9b212c006aa2", "aaeec9a7-dc57-4485-890c-86b3eef735f9",
    ),
    "hospitality": (
        "90f75f67-495d-49fa-ab57-2f320e251d7e", "d5db9d5c-2ebf-4a54-a79a-1b7e7ff70471",
        "f7b04542-d8c7-42db-8475-e63b507cce82",
    ),
    "education": ("03d79393-7b30-4159-945b-01963eddd302", "5efb2c08-ba3a-4659-a2e4-1883f54e77b6"),
    "technology": (
        "9aa2a36f-296e-45fe-9798-b7839e0ed389", "b31e404e-9af6-457d-a58a-208f612eeba3",
        "4910419f-b4af-4f59-b544-9dbebc8a74f0", "7aedaa07-3884-4c5b-88f9-80997b2aa54b",
    ),
    "logistics": ("bea705fe-06ac-4147-b8e0-6e8ac1208d8f", "00cee175-1376-43fb-9f02-ba3d7a910a58"),
    "retail": ("0b15375e-dfdd-4047-9efb-096e0aaee7d2",),
    "agriculture": ("1f8314c2-01bd-4af4-babc-04d7034591b8",),
    "industry": (
        "7aedaa07-3884-4c5b-88f9-80997b2aa54b", "b31e404e-9af6-457d-a58a-208f612eeba3",
        "9aa2a36f-296e-45fe-9798-b7839e0ed389",
    ),
    "government": ("5793c124-c037-47b2-85b6-dd4a705968dc", "4b05bef2-ded4-4b09-ab94-f4c6a555a775"),
}
# fmt: on
# Gemeenten whose name is an everyday word in a question ("best", "goes"): left out.
GEMEENTE_WORDS = frozenset({"best", "goes", "buren", "putten", "beek", "epe", "laren", "stein"})
