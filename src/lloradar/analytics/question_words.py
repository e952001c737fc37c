"""The words the question parser knows: which kind of question a word signals, in Dutch and
English, and the everyday words that name nothing (so that a word left over names an unknown
place or occupation). All lower case, accents removed (see question.normalise)."""

from __future__ import annotations

import re


def _w(text: str) -> frozenset[str]:
    """A set of words written as one string."""
    return frozenset(text.split())


DUTCH = _w(
    "de het een is zijn zijn er hoe wat welke welk waar wanneer hoeveel voor van in op bij "
    "met dan als ook niet geen nog meer minder veel weinig krap krapper krapst krapste ruim "
    "ruimer ruimst ruimste markt arbeidsmarkt beroep beroepen vacatures vacature "
    "werkzoekenden werkzoekende regio regios provincie gemeente nederland landelijk spanning "
    "krapte ten opzichte vorig jaar geleden toegenomen afgenomen gestegen gedaald vergeleken "
    "vergelijk verschil tussen naar zoeken zoekt werk banen baan en of om te mijn ik je jij "
    "wij we kan kun moet welke vaardigheden opleidingen cursussen toekomst verwachting "
    "prognose heeft hebben wordt worden zal zullen deze die dit dat"
)
ENGLISH = _w(
    "the a an is are there how what which where when many much for of in at with than as also "
    "not no more less most least tight tighter tightest slack slacker slackest market labour "
    "labor occupation occupations job jobs vacancies vacancy seekers seeker region regions "
    "province netherlands national tension shortage compared compare year ago last increased "
    "decreased risen fallen changed between to from and or my i you we can should skills "
    "courses training future outlook forecast has have does do will be been this that these "
    "those it its by on"
)

# Words that say what the question is about: the labour market, at all.
TOPIC = _w(
    "krap krapper krapst krapste krapte ruim ruimer ruimst ruimste spanning "
    "spanningsindicator markt arbeidsmarkt vacature vacatures werkzoekende werkzoekenden "
    "werklozen werkloos beroep beroepen banen baan werk personeel personeelstekort tekort "
    "tekorten vraag aanbod kansen kans moeilijk makkelijk lastig vinden vervullen moeilijkst "
    "makkelijkst tight tighter tightest tightness slack slacker slackest tension market "
    "labour labor vacancies vacancy openings seekers seeker unemployed jobs job occupation "
    "occupations shortage shortages demand supply hiring hire recruit staff workers "
    "employment prognose verwachting vooruitzicht vooruitzichten toekomst outlook forecast "
    "prospects prospect future scenario skills vaardigheden competenties cursus cursussen "
    "opleiding opleidingen training trainingen course courses omscholen omscholing "
    "overstappen overstap switch transition transitions interventie project projecten "
    "programma voortgang progress intervention interventions belangstellenden "
    "geinteresseerden interested ervaren experienced werkervaring experience"
    " overschot surplus werkloosheid unemployment"
    " enough genoeg voldoende scarce schaars schaarste"
    " krappe ruime krappere ruimere"
)

# Measures.
VACANCY_WORDS = _w("vacature vacatures openstaande vacancies vacancy openings banen")
JOB_SEEKER_WORDS = _w(
    "werkzoekende werkzoekenden werklozen werkloos seekers seeker unemployed jobseekers jobseeker "
    "werkloosheid unemployment"
)
JOB_SEEKER_PHRASES = (
    "looking for work",
    "looking for a job",
    "looking for jobs",
    "seeking work",
    "zoeken werk",
    "zoekt werk",
    "werk zoeken",
    "op zoek naar werk",
    "op zoek naar een baan",
)
INTERESTED_WORDS = _w(
    "belangstellenden belangstellende geinteresseerden geinteresseerd interesse interested interest"
)
INTERESTED_PHRASES = (
    "willen werken als",
    "wil werken als",
    "want to work as",
    "wants to work as",
    "would like to work as",
    "graag werken als",
)
EXPERIENCED_WORDS = _w("ervaren ervaring werkervaring experienced experience")
TENSION_WORDS = _w(
    "krap krapper krapst krapste krapte ruim ruimer ruimst ruimste spanning "
    "spanningsindicator tight tighter tightest tightness slack slacker slackest tension "
    "shortage shortages moeilijk moeilijkst lastig makkelijk makkelijkst"
    " overschot surplus"
    " enough genoeg voldoende scarce schaars schaarste"
    " krappe ruime krappere ruimere"
)
UNSUPPORTED_WORDS = _w(
    "salaris salarissen loon lonen verdienen verdient verdien salary salaries wage wages earn "
    "earns inkomen income huur rent huizenprijzen cao"
)
COUNT_WORDS = _w("hoeveel aantal many number count")

# Kinds.
FORECAST_WORDS = _w(
    "prognose prognoses verwachting verwachtingen verwacht vooruitzicht vooruitzichten "
    "toekomst toekomstig outlook forecast forecasts prospects prospect future expected "
    "scenario scenarios projection"
    " perspectief perspectieven toekomstperspectief toekomstperspectieven"
    " arbeidsmarktperspectief arbeidsmarktperspectieven aow pensioenleeftijd"
)
FORECAST_PHRASES = (
    "volgend jaar",
    "komende jaren",
    "komende vijf jaar",
    "over vijf jaar",
    "in de toekomst",
    "next year",
    "coming years",
    "next five years",
    "in five years",
    "in the future",
)
# How words naming people doing a job end (Dutch and English, singular and plural).
PERSON_ENDINGS = (
    "er", "ers", "aar", "aars", "eur", "eurs", "euse", "ist", "isten", "ists", "ant", "anten",
    "ants", "ent", "enten", "ents", "ier", "iers", "ige", "igen", "man", "mannen", "men",
    "lieden", "loog", "logen", "ogist", "trice", "ster", "sters", "or", "ors", "ian", "ians",
    "arts", "artsen", "agent", "agenten", "en", "s", "ee", "ees", "ot", "oten",
)  # fmt: skip
# "How many welders are there": people working in an occupation, a count the radar does not hold.
WORKER_WORDS = _w("werkenden werknemers werkgelegenheid workers employees employment employed")
SKILL_WORDS = _w("skills skill vaardigheden vaardigheid competenties competentie kennis")
COURSE_WORDS = _w(
    "cursus cursussen opleiding opleidingen training trainingen course courses scholing leren learn"
)
TRANSITION_WORDS = _w(
    "overstappen overstap omscholen omscholing switch switching transition transitions "
    "vergelijkbare vergelijkbaar verwante similar related alternatief alternatieven"
    " retrain retraining reskill reskilling herscholen herscholing"
)
INTERVENTION_WORDS = _w(
    "interventie interventies project projecten voortgang progress intervention interventions "
    "kpi kpis doelen targets deelnemers participants"
)
TREND_WORDS = _w(
    "toegenomen afgenomen gestegen gedaald gegroeid gekrompen veranderd verandering "
    "ontwikkeling ontwikkeld trend trends stijging daling toename afname groei increased "
    "decreased risen rose fallen fell grown changed change trend development increase "
    "decrease growth developed evolved"
    " stijgt daalt groeit krimpt stijgend dalend rising falling growing declining"
    " increasing decreasing shrinking"
    " develop developing ontwikkelen ontwikkelt ontwikkelde verlopen evolve evolving"
)
TREND_MOVES = (
    "gone up",
    "go up",
    "went up",
    "going up",
    "gone down",
    "go down",
    "went down",
    "going down",
    "omhoog gegaan",
    "omlaag gegaan",
    "neemt toe",
    "neemt af",
    "nam toe",
    "nam af",
)
BECOMING = _w("getting becoming become became geworden worden wordt werd got gotten")
COMPARATIVES = _w(
    "krapper ruimer tighter slacker looser moeilijker makkelijker harder easier groter kleiner "
    "hoger lager bigger larger smaller higher lower"
)
# A worker looking for a job: the easiest place to find work is where the market is tightest.
WORKER_VIEW = (
    "werk vinden",
    "werk te vinden",
    "baan vinden",
    "een baan",
    "find work",
    "find a job",
    "get a job",
    "aan de slag",
)
RANKING_PHRASES = (
    "per beroep",
    "per occupation",
    "by occupation",
    "per regio",
    "per region",
    "by region",
    "per provincie",
    "by province",
)
COMPASS = _w("noord zuid oost west midden north south east west central northern southern")
TREND_PHRASES = (
    "vorig jaar",
    "jaar eerder",
    "jaar geleden",
    "year ago",
    "last year",
    "year earlier",
    "previous year",
    "year on year",
    "over time",
)
TIGHT_SUPERLATIVES = _w(
    "krapst krapste tightest moeilijkst meest most hoogste highest grootste biggest largest "
    "top meeste"
    " hardest moeilijkst lastigst"
)
SLACK_SUPERLATIVES = _w(
    "ruimst ruimste slackest makkelijkst easiest minst least laagste lowest kleinste smallest "
    "fewest minste"
    " kleinst laagst minst"
)
RANKING_WORDS = (
    TIGHT_SUPERLATIVES
    | SLACK_SUPERLATIVES
    | _w("ranking rangorde rank rangschik rangschikking sorteer sort")
)
# "welke beroepen", "which regions": the list words of a ranking.
OCCUPATION_LIST = _w("beroepen beroep occupations occupation jobs functies")
REGION_LIST = _w("regios regio regions region waar where provincies provinces provincie province")
PROVINCE_WORDS = _w("provincie provincies province provinces")
COMPARISON_WORDS = _w(
    "vergelijk vergeleken vergelijking versus vs verschil compare compared comparison "
    "difference than dan"
)
NATIONAL_WORDS = _w(
    "nederland landelijk landelijke netherlands national nationally nationwide dutch holland nl"
)
# Place prepositions: an unknown word after one is an unknown place.
PLACE_PREPOSITIONS = _w("in op rond rondom around near bij te")

# Everything else a question may say without naming a place or an occupation.
FILLER = _w(
    "de het een is zijn er hoe wat welke welk wie waar wanneer waarom hoeveel voor van in op "
    "bij met dan als ook niet geen nog meer minder veel weinig heel erg zeer nu momenteel "
    "tegenwoordig op dit moment actueel huidige huidig laatste recent recente stand situatie "
    "ten opzichte vorig vorige jaar jaren maand maanden geleden eerder tussen naar zoeken "
    "zoekt zoek werk werken en of om te mijn ik je jij u wij we ze zij kan kun kunt moet "
    "moeten mag heeft hebben had hadden wordt worden werd zal zullen zou deze die dit dat "
    "daar hier al alle allemaal iets wel hun hem haar wil willen graag vertel laat zien geef "
    "gaat gaan ga staat staan stond stonden zitten zit komen komt per over uit door tot sinds "
    "want maar dus omdat welk welke waarin hoeveelste zo net even echt eigenlijk ongeveer "
    "rond circa plek plekken mensen personen wie aantallen cijfer cijfers getal stand "
    "arbeidsmarktregio arbeidsmarktregios regio regios provincie provincies gemeente stad "
    "land landelijk totaal totale gemiddeld gemiddelde top lijst noem beste slechtste the a "
    "an is are was were there how what which who where when why many much for of in at with "
    "than as also not no more less very now currently today current latest recent situation "
    "state compared year years month months ago earlier between to from and or my i me you we "
    "they can could should must may has have had does do did will would be been being this "
    "that these those it its by on about into over per since until give show tell list name "
    "please find looking look get work working people persons number numbers figure figures "
    "total average city town municipality area country whole all any some right going like "
    "currently labour labor market markets job jobs werkgevers werkgever employers employer "
    "companies bedrijven vragen vraagt gevraagd nodig needed required asked asking ask want "
    "wanted need needs zoeken zoekt gezocht sought grootst hoogst groot hoog big high biggest "
    "largest greatest highest hardest hard easy lowest nieuwe new open openstaan openstaande "
    "available beschikbaar zijn ben bent zou kunnen wat welk hoe tell know weten benieuwd "
    "curious interesting interessant aan tekort gebrek lack across throughout overall"
    " indicator indicatoren whats hows wheres theres its dont helpen help hulp whole"
    " graag alsjeblieft please engels english nederlands"
    " fill filled unfilled vervullen vervuld overzicht overview jullie vinden vindt denk"
    " denken mening opinion think struggle struggling moeite situatie"
)

# Sectors: the radar answers per occupation; a sector gets the occupations in it suggested.
SECTORS = {
    "zorg": "care",
    "gezondheidszorg": "care",
    "healthcare": "care",
    "care": "care",
    "bouw": "construction",
    "construction": "construction",
    "ict": "ict",
    "horeca": "hospitality",
    "hospitality": "hospitality",
    "onderwijs": "education",
    "education": "education",
    "techniek": "technology",
    "technology": "technology",
    "logistiek": "logistics",
    "logistics": "logistics",
    "transport": "logistics",
    "detailhandel": "retail",
    "retail": "retail",
    "landbouw": "agriculture",
    "agriculture": "agriculture",
    "industrie": "industry",
    "industry": "industry",
    "overheid": "government",
    "government": "government",
}

MONTHS = {
    **{
        m: i + 1
        for i, m in enumerate(
            [
                "januari",
                "februari",
                "maart",
                "april",
                "mei",
                "juni",
                "juli",
                "augustus",
                "september",
                "oktober",
                "november",
                "december",
            ]
        )
    },
    **{
        m: i + 1
        for i, m in enumerate(
            [
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ]
        )
    },
}

NUMBER_WORDS = {
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


def detect_language(words: list[str]) -> str:
    """ "nl" or "en": which language's common words the question uses more (Dutch on a tie)."""
    dutch = sum(1 for w in words if w in DUTCH)
    english = sum(1 for w in words if w in ENGLISH)
    return "en" if english > dutch else "nl"


def has_phrase(text: str, phrases: tuple[str, ...]) -> bool:
    return any(re.search(rf"\b{re.escape(p)}\b", text) for p in phrases)
