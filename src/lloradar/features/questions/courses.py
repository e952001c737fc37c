"""Courses for an occupation: the courses that teach its essential skills (features/navigator's
service: the occupation's essential skills, then per skill the courses given in the region
first, then online, then elsewhere). Every course named is one the catalogue holds."""

from __future__ import annotations

import logging

from lloradar.features.navigator.service import courses_for_skills, occupation_skills
from lloradar.features.questions.answers import Ask, Reply
from lloradar.services.request_store import open_web_store

log = logging.getLogger(__name__)


def courses(ask: Ask) -> Reply:
    occupation = ask.occupations[0] if ask.occupations else None
    area = ask.areas[0] if ask.areas else None
    if occupation is None or not ask.data.store_url:
        return Reply(
            False,
            "Noem een beroep, bijvoorbeeld 'Welke cursussen zijn er voor lassers in Twente?'. "
            "Alle cursussen staan op /cursussen."
            if ask.nl
            else "Name an occupation, for example 'Which courses are there for welders in "
            "Twente?'. All courses are on /cursussen.",
            reason="no_figures",
        )
    region = area.code if area is not None and area.code.startswith("AM") else None
    try:
        with open_web_store(ask.data.store_url) as store:
            skills = occupation_skills(store, occupation.id)
            found = courses_for_skills(store, skills, region)
    except Exception as error:  # no skills or no catalogue: say so
        log.info("question: no courses (%s)", error)
        found = {}
    seen: dict[str, str] = {}
    for refs in found.values():
        for ref in refs:
            place = ask.data.area(ref.region_code) if ref.region_code else None
            where = place.name if place else (ref.region_code or "online")
            seen.setdefault(ref.course_id, f"{ref.name} ({ref.provider}, {where})")
    what = ask.what(occupation)
    if not seen:
        return Reply(
            False,
            f"De cursuscatalogus heeft geen cursussen voor de vaardigheden van {what}."
            if ask.nl
            else f"The course catalogue has no courses for the skills of {what}.",
            reason="no_figures",
        )
    names = list(seen.values())[:5]
    for course_id in list(seen)[:5]:
        ask.rows.append({"course": course_id, "occupation": occupation.slug})
    return Reply(
        True,
        f"Cursussen voor de vaardigheden van {what}: {'; '.join(names)}."
        if ask.nl
        else f"Courses for the skills of {what}: {'; '.join(names)}.",
    )
