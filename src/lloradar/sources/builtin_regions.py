"""The 35 arbeidsmarktregio's (2023) and 12 provinces with their CBS codes and names.

Codes and names are public facts (CBS, CC BY 4.0); this table lets a machine without
`../shared/data` show the real regions. The province of each labour-market region is the
province that holds most of its gemeenten (derived by area overlay, see regions SOURCE.txt)."""

from __future__ import annotations

PROVINCES: list[tuple[str, str]] = [
    ("PV20", "Groningen"),
    ("PV21", "Fryslân"),
    ("PV22", "Drenthe"),
    ("PV23", "Overijssel"),
    ("PV24", "Flevoland"),
    ("PV25", "Gelderland"),
    ("PV26", "Utrecht"),
    ("PV27", "Noord-Holland"),
    ("PV28", "Zuid-Holland"),
    ("PV29", "Zeeland"),
    ("PV30", "Noord-Brabant"),
    ("PV31", "Limburg"),
]

LABOUR_MARKET_REGIONS: list[tuple[str, str, str]] = [
    ("AM01", "Groningen", "PV20"),
    ("AM02", "Friesland", "PV21"),
    ("AM03", "Drenthe", "PV22"),
    ("AM05", "Twente", "PV23"),
    ("AM06", "Stedendriehoek en Noordwest Veluwe", "PV25"),
    ("AM07", "Midden-Gelderland", "PV25"),
    ("AM08", "Rijk van Nijmegen", "PV25"),
    ("AM09", "Achterhoek", "PV25"),
    ("AM10", "Rivierenland", "PV25"),
    ("AM11", "Flevoland", "PV24"),
    ("AM12", "Gooi en Vechtstreek", "PV27"),
    ("AM13", "Midden-Utrecht", "PV26"),
    ("AM14", "Amersfoort", "PV26"),
    ("AM15", "Noord-Holland Noord", "PV27"),
    ("AM17", "Zaanstreek/Waterland", "PV27"),
    ("AM18", "Groot Amsterdam", "PV27"),
    ("AM19", "Holland Rijnland", "PV28"),
    ("AM20", "Midden-Holland", "PV28"),
    ("AM21", "Haaglanden", "PV28"),
    ("AM22", "Rijnmond", "PV28"),
    ("AM23", "Drechtsteden", "PV28"),
    ("AM24", "Zeeland", "PV29"),
    ("AM25", "West-Brabant", "PV30"),
    ("AM26", "Midden-Brabant", "PV30"),
    ("AM27", "Noordoost-Brabant", "PV30"),
    ("AM28", "Zuidoost-Brabant", "PV30"),
    ("AM29", "Noord-Limburg", "PV31"),
    ("AM30", "Zuid-Limburg", "PV31"),
    ("AM32", "Helmond-De Peel", "PV30"),
    ("AM33", "Midden-Limburg", "PV31"),
    ("AM34", "Zuid-Holland Centraal", "PV28"),
    ("AM35", "Gorinchem", "PV28"),
    ("AM36", "Regio Zwolle", "PV23"),
    ("AM37", "Zuid-Kennemerland en IJmond", "PV27"),
    ("AM38", "FoodValley", "PV25"),
]
