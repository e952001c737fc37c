"""The words of the skills passport page in Dutch and English."""

from __future__ import annotations

from lloradar.web.i18n import words

WORDS = words("passport")

MESSAGES = words("passport_messages")
