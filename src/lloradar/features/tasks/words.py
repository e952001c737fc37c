"""The words of the tasks pages (/taken), Dutch and English."""

from __future__ import annotations

# The answers of the three five-point questions, from 1 to 5.
SCALES: dict[str, dict[str, list[str]]] = {
    "nl": {
        "can": ["1 – nee", "2 – een beetje", "3 – redelijk", "4 – goed", "5 – heel goed"],
        "learn": ["1 – nee", "2 – liever niet", "3 – misschien", "4 – graag", "5 – heel graag"],
        "energy": ["1 – kost veel", "2 – kost wat", "3 – neutraal", "4 – geeft", "5 – geeft veel"],
    },
    "en": {
        "can": ["1 – no", "2 – a little", "3 – fairly", "4 – well", "5 – very well"],
        "learn": ["1 – no", "2 – rather not", "3 – maybe", "4 – yes", "5 – very much"],
        "energy": ["1 – drains a lot", "2 – drains", "3 – neutral", "4 – gives", "5 – gives a lot"],
    },
}

WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Taken van de toekomst",
        "intro": "Kies uw beroep, beantwoord per taak vier vragen en krijg een persoonlijk "
        "rapport: welke taken groeien of krimpen, waar uw energie en ambitie zitten, en wat u "
        "kunt doen. Uw antwoorden zijn alleen voor u zichtbaar; een werkgever ziet alleen "
        "groepen van 10 of meer mensen.",
        "occupation": "Mijn beroep",
        "choose": "Toon de taken",
        "source_onet": "Taken uit O*NET (VS, Engelstalig), via de koppeling ESCO → O*NET "
        "„{title}” (zekerheid {confidence}).",
        "source_esco_essential_skills": "De koppeling met O*NET is te zwak{best}: als taken "
        "tonen we de essentiële ESCO-vaardigheden van dit beroep.",
        "source_demo_skills": "Demo: zonder gedeelde data gebruikt de radar de "
        "demovaardigheden van dit beroep als taken.",
        "weak_best": " (beste kandidaat „{title}”, zekerheid {confidence})",
        "task": "Taak",
        "my_tasks": "Mijn taken",
        "does": "Doe ik dit?",
        "can": "Kan ik dit?",
        "learn": "Wil ik dit leren?",
        "energy": "Geeft het me energie?",
        "yes": "ja",
        "no": "nee",
        "pick": "–",
        "scales": "„Doe ik dit?” is ja of nee; de andere drie vragen hebben vijf antwoorden, "
        "van 1 (nee / kost energie) tot 5 (heel goed / geeft veel energie). Taken die u "
        "overslaat tellen niet mee.",
        "consent": "Ik geef toestemming om mijn antwoorden op te slaan voor „Taken van de "
        "toekomst” (doel: tasks). Ik kan ze altijd verwijderen met mijn account.",
        "save": "Opslaan en rapport bekijken",
        "report": "Mijn rapport",
        "need_consent": "Zonder uw toestemming slaan we geen antwoorden op.",
        "nothing_rated": "U heeft nog geen taak beantwoord.",
        "incomplete": "Taak {n}: beantwoord alle vier de vragen, of geen.",
        "teams": "Teams",
        "my_teams": "U doet mee met",
        "join": "Meedoen met een team",
        "team_code": "Teamcode (van uw werkgever)",
        "team_consent_box": "Ik geef toestemming dat mijn antwoorden meetellen in het "
        "teamoverzicht. Mijn werkgever ziet nooit mijn eigen antwoorden, alleen groepen van "
        "10 of meer mensen.",
        "team_consent": "Meedoen met een team kan alleen met uw toestemming.",
        "join_button": "Meedoen",
        "delete": "Verwijder al mijn antwoorden",
        "delete_help": "Voorgoed, voor alle beroepen; in het logboek staat alleen dat u dit deed.",
        "no_team": "Er is geen team met code „{code}”. Controleer de code bij uw werkgever.",
        "too_many_codes": "Te veel onbekende teamcodes. Probeer het over {minutes} minuten opnieuw.",
        "bad_task": "Het formulier hoort niet bij dit beroep. Laad de pagina opnieuw.",
        "team_name_rule": "Een teamnaam heeft 1 tot 100 tekens.",
        "error": "Niet opgeslagen",
        "rated": "beantwoord",
        # report
        "report_title": "Mijn takenrapport",
        "outlook": "Vooruitzicht van het beroep",
        "outlook_text": "Werkgelegenheid volgens de prognose ({scenario}): {change} over de "
        "prognoseperiode.",
        "outlook_none": "Er is geen prognose voor dit beroep: de trend van de taken is onbekend.",
        "demo_forecast": "demoprognose",
        "trend_rule": "Zo bepalen we de trend: een kern- of essentiële taak volgt het "
        "vooruitzicht van het beroep; een aanvullende taak (O*NET „Supplemental”) volgt het "
        "beroep omlaag, maar niet omhoog. We meten de groei van afzonderlijke taken niet.",
        "trend": "Trend",
        "growing": "groeit",
        "stable": "stabiel",
        "shrinking": "krimpt",
        "unknown": "onbekend",
        "kind": "Soort",
        "Core": "kern",
        "Supplemental": "aanvullend",
        "essential": "essentieel",
        "demo": "demo",
        "summary": "U beantwoordde {n} taken; {done} daarvan doet u nu. {unrated} taken liet "
        "u open.",
        "energy_title": "Hier krijgt u energie van",
        "drain_title": "Dit kost u energie",
        "ambition_title": "Dit wilt u leren",
        "none": "Geen.",
        "suggestions": "Suggesties",
        "learn_growing": "Leer deze groeiende taken, die u nog niet goed beheerst en wilt leren:",
        "build_on_energy": "Bouw voort op groeiende taken die u energie geven:",
        "broaden_shrinking": "Deze taken krimpen en u doet ze nu: verbreed op tijd.",
        "close_gap": "U doet deze taken maar beheerst ze nog niet goed: vraag om training of "
        "ondersteuning.",
        "ask_for_task": "U doet deze taken nog niet en wilt ze leren: bespreek ze met uw "
        "werkgever.",
        "hand_over": "Deze taken kosten energie en u wilt er niet in groeien: misschien kan "
        "iemand anders ze overnemen.",
        "no_suggestions": "Geen suggesties: beantwoord meer taken.",
        "edit": "Antwoorden aanpassen",
        "navigator": "Bekijk ook de loopbaannavigator",
        "sources": "Bronnen: O*NET 29.2 Task Statements (USDOL/ETA, CC BY 4.0), ESCO v1.1.1 "
        "(Europese Commissie, CC BY 4.0), de prognose van LLO Radar.",
        # employer
        "employer_intro": "Maak een team en geef de teamcode aan uw medewerkers. Wie "
        "meedoet (met toestemming) telt mee in het teamoverzicht. U ziet alleen gemiddelden "
        "van groepen van 10 of meer mensen, nooit iemands eigen antwoorden.",
        "team_name": "Naam van het team",
        "create": "Team maken",
        "members": "Deelnemers",
        "code": "Code",
        "view": "Overzicht",
        "no_teams": "U heeft nog geen team.",
        "team_title": "Team {name}",
        "too_few": "Nog geen overzicht: minder dan 10 deelnemers hebben taken beantwoord.",
        "differencing": "Geen nieuw overzicht: de groep verschilt met 1 tot 9 mensen van een "
        "eerder getoond overzicht, waardoor antwoorden van enkelen af te leiden zouden zijn. "
        "Het overzicht komt terug als de groep met 10 of meer mensen veranderd is.",
        "team_members": "{n} deelnemers met antwoorden.",
        "raters": "Beantwoord door",
        "doing": "Doet dit",
        "avg_can": "Kan het (gem.)",
        "avg_learn": "Wil leren (gem.)",
        "avg_energy": "Energie (gem.)",
        "hidden_tasks": "{n} taken niet getoond: te weinig of bijna dezelfde groep mensen.",
        "team_rule": "Aantallen onder 10 tonen we als „x”. Elk getoond aantal of gemiddelde "
        "gaat over minstens 10 mensen en verschilt van elke eerder getoonde groep met 0 of "
        "minstens 10 mensen.",
    },
    "en": {
        "title": "Tasks of the future",
        "intro": "Choose your occupation, answer four questions per task and get a personal "
        "report: which tasks grow or shrink, where your energy and ambition lie, and what you "
        "can do. Your answers are shown only to you; an employer sees only groups of 10 or "
        "more people.",
        "occupation": "My occupation",
        "choose": "Show the tasks",
        "source_onet": "Tasks from O*NET (US), through the ESCO → O*NET link "
        "“{title}” (confidence {confidence}).",
        "source_esco_essential_skills": "The link to O*NET is too weak{best}: the essential "
        "ESCO skills of this occupation stand in as its tasks.",
        "source_demo_skills": "Demo: without the shared data the radar uses the demo skills "
        "of this occupation as its tasks.",
        "weak_best": " (best candidate “{title}”, confidence {confidence})",
        "task": "Task",
        "my_tasks": "My tasks",
        "does": "Do I do this?",
        "can": "Can I do this?",
        "learn": "Do I want to learn this?",
        "energy": "Does it give me energy?",
        "yes": "yes",
        "no": "no",
        "pick": "–",
        "scales": "“Do I do this?” is yes or no; the other three questions have five answers, "
        "from 1 (no / drains me) to 5 (very well / gives a lot of energy). Tasks you skip do "
        "not count.",
        "consent": "I consent to my answers being stored for “Tasks of the future” (purpose: "
        "tasks). I can always delete them with my account.",
        "save": "Save and see the report",
        "report": "My report",
        "need_consent": "Without your consent we store no answers.",
        "nothing_rated": "You have not answered any task yet.",
        "incomplete": "Task {n}: answer all four questions, or none.",
        "teams": "Teams",
        "my_teams": "You take part in",
        "join": "Join a team",
        "team_code": "Team code (from your employer)",
        "team_consent_box": "I consent to my answers counting in the team overview. My "
        "employer never sees my own answers, only groups of 10 or more people.",
        "team_consent": "Joining a team needs your consent.",
        "join_button": "Join",
        "delete": "Delete all my answers",
        "delete_help": "For good, for every occupation; the log only records that you did.",
        "no_team": "There is no team with code “{code}”. Check the code with your employer.",
        "too_many_codes": "Too many unknown team codes. Try again in {minutes} minutes.",
        "bad_task": "The form does not belong to this occupation. Reload the page.",
        "team_name_rule": "A team name has 1 to 100 characters.",
        "error": "Not saved",
        "rated": "answered",
        "report_title": "My task report",
        "outlook": "Outlook of the occupation",
        "outlook_text": "Employment in the forecast ({scenario}): {change} over the forecast "
        "period.",
        "outlook_none": "There is no forecast for this occupation: the trend of its tasks is "
        "unknown.",
        "demo_forecast": "demo forecast",
        "trend_rule": "How the trend is set: a core or essential task follows the outlook of "
        "the occupation; a supplemental task (O*NET “Supplemental”) follows it down but not "
        "up. The growth of single tasks is not measured.",
        "trend": "Trend",
        "growing": "growing",
        "stable": "stable",
        "shrinking": "shrinking",
        "unknown": "unknown",
        "kind": "Kind",
        "Core": "core",
        "Supplemental": "supplemental",
        "essential": "essential",
        "demo": "demo",
        "summary": "You answered {n} tasks; you do {done} of them now. You left {unrated} "
        "tasks open.",
        "energy_title": "These give you energy",
        "drain_title": "These drain you",
        "ambition_title": "You want to learn these",
        "none": "None.",
        "suggestions": "Suggestions",
        "learn_growing": "Learn these growing tasks, which you do not master yet and want to "
        "learn:",
        "build_on_energy": "Build on growing tasks that give you energy:",
        "broaden_shrinking": "These tasks are shrinking and you do them now: broaden in time.",
        "close_gap": "You do these tasks but do not master them yet: ask for training or support.",
        "ask_for_task": "You do not do these tasks yet and want to learn them: discuss them "
        "with your employer.",
        "hand_over": "These tasks drain you and you do not want to grow in them: perhaps "
        "someone else can take them over.",
        "no_suggestions": "No suggestions: answer more tasks.",
        "edit": "Change my answers",
        "navigator": "See the career navigator too",
        "sources": "Sources: O*NET 29.2 Task Statements (USDOL/ETA, CC BY 4.0), ESCO v1.1.1 "
        "(European Commission, CC BY 4.0), the LLO Radar forecast.",
        "employer_intro": "Create a team and give the team code to your staff. Whoever joins "
        "(with consent) counts in the team overview. You see only averages of groups of 10 or "
        "more people, never anyone's own answers.",
        "team_name": "Team name",
        "create": "Create team",
        "members": "Members",
        "code": "Code",
        "view": "Overview",
        "no_teams": "You have no team yet.",
        "team_title": "Team {name}",
        "too_few": "No overview yet: fewer than 10 members have answered tasks.",
        "differencing": "No new overview: the group differs by 1 to 9 people from an overview "
        "shown before, so the answers of a few could be derived. The overview returns once the "
        "group has changed by 10 or more people.",
        "team_members": "{n} members with answers.",
        "raters": "Answered by",
        "doing": "Do this",
        "avg_can": "Can do (avg.)",
        "avg_learn": "Want to learn (avg.)",
        "avg_energy": "Energy (avg.)",
        "hidden_tasks": "{n} tasks not shown: too few, or nearly the same group of people.",
        "team_rule": "Counts under 10 are shown as “x”. Every count or average shown is about "
        "at least 10 people and differs from every group shown before by 0 or at least 10 "
        "people.",
    },
}
