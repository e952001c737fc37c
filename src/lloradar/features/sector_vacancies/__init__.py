"""Open vacancies per SBI sector x province/landsdeel x quarter from CBS StatLine 83599NED."""
