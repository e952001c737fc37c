"""Write demo-catalogue.jsonld: a DEMO course catalogue (invented courses and providers) in
schema.org Course JSON-LD, teaching skills of the demo world's occupations.

Each taught skill is a DefinedTerm whose `@id` is the real ESCO v1.1.1 URI, looked up by its
exact preferred label in ../shared/data/esco-v1.1.1/skills_en.csv.gz (a label that is not found
stops the script: no URI is ever made up), and whose `sameAs` is the nearest skill of the
handmade `demo:` taxonomy the demo world uses when the ESCO files are absent.

    .venv/bin/python examples/courses/make_demo_catalogue.py ../shared/data/esco-v1.1.1
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
# (id, name, provider, region, place, mode, start, end, hours, price, credential,
#  [(ESCO preferred label, demo skill key)], description)
COURSES = [
    (
        "zorg-basis",
        "Basis verpleegkundige zorg",
        "Demo Zorgacademie Oost",
        "AM05",
        "Enschede",
        "onsite",
        "2026-09-07",
        "2027-01-29",
        120,
        1450.0,
        "Certificaat basiszorg (demo)",
        [
            ("provide professional care in nursing", "patient-care"),
            ("plan nursing care", "care-planning"),
            ("empathise with the healthcare user", "empathy"),
        ],
        "Zorg verlenen, zorg plannen en empathie in de praktijk, voor zij-instromers in de zorg.",
    ),
    (
        "zorg-medicatie",
        "Medicatieveiligheid en klinisch redeneren",
        "Demo Zorgacademie Oost",
        "AM05",
        "Hengelo",
        "blended",
        "2026-10-05",
        "2026-12-14",
        40,
        690.0,
        "Deelcertificaat (demo)",
        [
            ("safe management of medicines", "medication"),
            ("diagnose nursing care", "clinical-assessment"),
        ],
        "Veilig omgaan met medicatie en verpleegkundige diagnoses stellen.",
    ),
    (
        "zorg-hygiene",
        "Hygiëne en infectiepreventie",
        "Demo Zorgcollege West",
        "AM22",
        "Rotterdam",
        "onsite",
        "2026-09-14",
        "2026-10-12",
        16,
        295.0,
        "Bewijs van deelname (demo)",
        [("hygiene in a health care setting", "hygiene"), ("infection control", "hygiene")],
        "Hygiënerichtlijnen en infectiepreventie in zorg en welzijn.",
    ),
    (
        "ict-programmeren",
        "Programmeren voor zij-instromers",
        "Demo Tech Academy",
        "AM18",
        "Amsterdam",
        "online",
        "2026-09-01",
        "2027-02-26",
        200,
        2950.0,
        "Certificaat softwareontwikkeling (demo)",
        [
            ("computer programming", "programming"),
            ("debug software", "software-testing"),
            ("use software libraries", "programming"),
        ],
        "Leren programmeren, fouten opsporen en bibliotheken gebruiken.",
    ),
    (
        "ict-databases",
        "Databases en SQL",
        "Demo Tech Academy",
        "AM13",
        "Utrecht",
        "online",
        "2026-10-01",
        "2026-11-26",
        48,
        895.0,
        "Microcredential databases (demo)",
        [("use databases", "databases"), ("query languages", "databases")],
        "Relationele databases ontwerpen en bevragen met SQL.",
    ),
    (
        "data-statistiek",
        "Data-analyse met statistiek",
        "Demo Hogeschool Midden",
        "AM13",
        "Utrecht",
        "blended",
        "2027-02-01",
        "2027-06-30",
        84,
        1650.0,
        "Microcredential data-analyse (demo)",
        [
            ("apply statistical analysis techniques", "statistics"),
            ("perform data cleansing", "statistics"),
        ],
        "Statistische analyse en het opschonen van data.",
    ),
    (
        "ict-requirements",
        "Requirements analyseren",
        "Demo Tech Academy",
        "AM28",
        "Eindhoven",
        "onsite",
        "2026-11-02",
        "2026-12-07",
        24,
        650.0,
        "Bewijs van deelname (demo)",
        [
            ("identify customer requirements", "requirements-analysis"),
            ("analyse software specifications", "requirements-analysis"),
        ],
        "Wensen van klanten vertalen naar eisen en specificaties.",
    ),
    (
        "ict-servicedesk",
        "Servicedesk en ICT-ondersteuning",
        "Demo MBO College Zuid",
        "AM28",
        "Eindhoven",
        "onsite",
        "2026-09-21",
        "2026-12-18",
        60,
        0.0,
        "Mbo-certificaat (demo)",
        [("provide ICT support", "troubleshooting"), ("assist customers", "customer-service")],
        "Gebruikers helpen en ICT-storingen oplossen.",
    ),
    (
        "tech-elektra",
        "Elektrotechnische installaties",
        "Demo Installatie Opleidingen",
        "AM22",
        "Rotterdam",
        "onsite",
        "2026-09-07",
        "2027-03-26",
        160,
        2400.0,
        "Vakcertificaat (demo)",
        [
            ("install electrical and electronic equipment", "electrical-installation"),
            ("install electric switches", "electrical-installation"),
            ("follow health and safety procedures in construction", "safety-rules"),
        ],
        "Elektrische installaties aanleggen volgens de veiligheidsregels.",
    ),
    (
        "tech-tekeningen",
        "Technische tekeningen lezen",
        "Demo Installatie Opleidingen",
        "AM05",
        "Enschede",
        "onsite",
        "2026-10-12",
        "2026-11-16",
        20,
        425.0,
        "Bewijs van deelname (demo)",
        [
            ("read engineering drawings", "technical-drawings"),
            ("interpret 2D plans", "technical-drawings"),
            ("interpret 3D plans", "technical-drawings"),
        ],
        "Bouwtekeningen en technische tekeningen lezen en toepassen.",
    ),
    (
        "tech-installatie",
        "Installatietechniek water en gas",
        "Demo Installatie Opleidingen",
        "AM25",
        "Breda",
        "onsite",
        "2027-01-11",
        "2027-05-28",
        140,
        2100.0,
        "Vakcertificaat (demo)",
        [
            ("install plumbing systems", "pipe-installation"),
            ("install PVC piping", "pipe-installation"),
            ("check water pressure", "maintenance"),
        ],
        "Leidingwerk aanleggen en installaties controleren.",
    ),
    (
        "tech-lassen",
        "Lassen MIG/MAG",
        "Demo Metaal Vakschool",
        "AM32",
        "Helmond",
        "onsite",
        "2026-09-28",
        "2026-12-11",
        80,
        1750.0,
        "Lascertificaat (demo)",
        [
            ("perform metal active gas welding", "welding"),
            ("perform metal inert gas welding", "welding"),
            ("operate welding equipment", "welding"),
        ],
        "Lassen met MIG/MAG voor de metaalsector.",
    ),
    (
        "onderwijs-zij-instroom",
        "Zij-instroom leraar basisonderwijs",
        "Demo Pabo Noord",
        "AM01",
        "Groningen",
        "blended",
        "2026-09-01",
        "2028-06-30",
        800,
        0.0,
        "Bevoegdheid (demo)",
        [
            ("teach primary education class content", "teaching"),
            ("prepare lesson content", "lesson-planning"),
            ("perform classroom management", "classroom-management"),
            ("assess students", "assessment"),
        ],
        "Twee jaar leren en werken als leraar in het basisonderwijs.",
    ),
    (
        "fin-boekhouden",
        "Praktijkdiploma boekhouden",
        "Demo Financiële Opleidingen",
        "AM21",
        "Den Haag",
        "online",
        "2026-10-01",
        "2027-04-30",
        150,
        1290.0,
        "Praktijkdiploma (demo)",
        [
            ("prepare financial statements", "bookkeeping"),
            ("check accounting records", "bookkeeping"),
        ],
        "Boekhouden en jaarrekeningen opstellen.",
    ),
    (
        "hr-werving",
        "Werving en selectie",
        "Demo HR Academie",
        "AM13",
        "Utrecht",
        "online",
        "2026-11-03",
        "2027-01-19",
        36,
        980.0,
        "Certificaat (demo)",
        [
            ("recruit employees", "recruitment"),
            ("labour legislation", "labour-law"),
            ("interview people", "interviewing"),
        ],
        "Werven, selecteren en arbeidsrecht voor HR-medewerkers.",
    ),
    (
        "logistiek-magazijn",
        "Voorraadbeheer in het magazijn",
        "Demo Logistiek Centrum",
        "AM22",
        "Rotterdam",
        "onsite",
        "2026-09-15",
        "2026-10-27",
        32,
        540.0,
        "Certificaat (demo)",
        [
            ("manage warehouse inventory", "stock-management"),
            ("monitor stock level", "stock-management"),
        ],
        "Voorraden beheren en bewaken in magazijn en distributie.",
    ),
    (
        "retail-klant",
        "Verkoop en klantcontact",
        "Demo MBO College Zuid",
        "AM27",
        "'s-Hertogenbosch",
        "onsite",
        "2026-10-06",
        "2026-12-15",
        40,
        0.0,
        "Mbo-certificaat (demo)",
        [
            ("maintain relationship with customers", "customer-service"),
            ("sales argumentation", "sales"),
        ],
        "Klanten helpen en overtuigend verkopen.",
    ),
    (
        "kantoor-software",
        "Kantoorsoftware en rapporteren",
        "Demo Leerhuis",
        "AM14",
        "Amersfoort",
        "online",
        "2026-09-08",
        "2026-10-20",
        24,
        249.0,
        "Bewijs van deelname (demo)",
        [
            ("use spreadsheets software", "office-software"),
            ("write work-related reports", "reporting"),
        ],
        "Werken met spreadsheets en heldere rapporten schrijven.",
    ),
    (
        "sociaal-gesprek",
        "Gespreks- en crisisvaardigheden in het sociaal werk",
        "Demo Hogeschool Midden",
        "AM07",
        "Arnhem",
        "onsite",
        "2027-01-18",
        "2027-03-22",
        30,
        720.0,
        "Certificaat (demo)",
        [
            ("relate empathetically", "empathy"),
            ("apply crisis intervention", "conflict-resolution"),
            ("conduct interview in social service", "interviewing"),
        ],
        "Empathisch en oplossingsgericht werken met cliënten.",
    ),
    (
        "horeca-keuken",
        "Koken in de professionele keuken",
        "Demo Horeca Vakschool",
        "AM18",
        "Amsterdam",
        "onsite",
        "2026-09-22",
        "2027-01-26",
        96,
        1350.0,
        "Vakcertificaat (demo)",
        [("use cooking techniques", "cooking"), ("comply with food safety and hygiene", "hygiene")],
        "Kooktechnieken en voedselveiligheid (HACCP).",
    ),
]


def esco_uris(esco_dir: Path) -> dict[str, str]:
    with gzip.open(esco_dir / "skills_en.csv.gz", "rt", encoding="utf-8") as handle:
        return {row["preferredLabel"]: row["conceptUri"] for row in csv.DictReader(handle)}


def term(uri: str, label: str, demo_key: str) -> dict[str, object]:
    return {
        "@type": "DefinedTerm",
        "@id": uri,
        "name": label,
        "inDefinedTermSet": "http://data.europa.eu/esco/concept-scheme/skills",
        "sameAs": f"demo:skill/{demo_key}",
    }


def catalogue(uris: dict[str, str]) -> dict[str, object]:
    missing = sorted({label for c in COURSES for label, _ in c[11] if label not in uris})
    if missing:
        raise SystemExit(f"not an ESCO preferred label: {', '.join(missing)}")
    courses = []
    for (
        cid,
        name,
        provider,
        region,
        place,
        mode,
        start,
        end,
        hours,
        price,
        credential,
        skills,
        text,
    ) in COURSES:
        courses.append(
            {
                "@type": "Course",
                "@id": f"https://demo.lloradar.example/cursus/{cid}",
                "courseCode": cid,
                "name": f"{name} (demo)",
                "description": f"DEMO: {text}",
                "inLanguage": "nl",
                "provider": {"@type": "Organization", "name": f"{provider} (demo)"},
                "teaches": [term(uris[label], label, key) for label, key in skills],
                "educationalCredentialAwarded": credential,
                "timeRequired": f"PT{hours}H",
                "offers": {"@type": "Offer", "price": f"{price:.2f}", "priceCurrency": "EUR"},
                "hasCourseInstance": {
                    "@type": "CourseInstance",
                    "courseMode": mode,
                    "startDate": start,
                    "endDate": end,
                    "location": {
                        "@type": "Place",
                        "name": place,
                        "address": {"@type": "PostalAddress", "addressLocality": place},
                        "containedInPlace": {"@type": "AdministrativeArea", "identifier": region},
                    },
                },
            }
        )
    return {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "name": "LLO Radar DEMO course catalogue (invented courses, not a real offer)",
        "description": (
            "DEMO DATA. Invented courses and providers for the LLO Radar demo world, CC0. The taught "
            "skills are real ESCO v1.1.1 skills (@id) with the nearest skill of the handmade demo "
            "taxonomy (sameAs) for machines without the ESCO files. Made by "
            "examples/courses/make_demo_catalogue.py."
        ),
        "license": "https://creativecommons.org/publicdomain/zero/1.0/",
        "@graph": courses,
    }


def main(esco_dir: Path) -> None:
    text = json.dumps(catalogue(esco_uris(esco_dir)), ensure_ascii=False, indent=1)
    (HERE / "demo-catalogue.jsonld").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/esco-v1.1.1"))
