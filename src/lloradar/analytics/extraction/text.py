"""Text before matching: markup and control characters out, boilerplate out, fragments in."""

from __future__ import annotations

import html
import re
import unicodedata

MAX_CHARS = 200_000  # longer texts are cut here: a vacancy or CV is far shorter
MAX_FRAGMENTS = 400

_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]{0,2000}>", re.IGNORECASE | re.DOTALL)
_BLOCK = re.compile(r"</?(p|br|li|ul|ol|div|h[1-6]|tr|td|section)\b[^>]*>", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9À-Ý(\"'])|[\n\r;•·▪●◦|]+|\s[-–*]\s|^\s*[-*]\s")
_CLAUSE = re.compile(r",\s+|\s+(?:and|or|as well as|en|of|alsook)\s+", re.IGNORECASE)
_WORD = re.compile(r"\w+", re.UNICODE)

# Sentences about the employer, the offer or the procedure, not about the work (nl and en).
BOILERPLATE = re.compile(
    r"\b(we offer|what we offer|our offer|benefits?|salary|salaris|pension|pensioen|"
    r"holiday|vakantie|lease ?auto|company car|bonus|reiskosten|travel allowance|"
    r"wij bieden|wat bieden wij|ons aanbod|arbeidsvoorwaarden|cao|"
    r"apply|solliciteer|sollicitatie|application|vacature ?nummer|acquisitie|"
    r"equal opportunit|diversity|diversiteit|inclusi|discriminat|"
    r"about us|over ons|who we are|wie zijn wij|our company|ons bedrijf|founded|opgericht|"
    r"contact|e-?mail|telefoon|phone|privacy|cookies?|gdpr|avg|"
    r"recruitment agenc|recruiter|assessment|screening|verklaring omtrent)\b",
    re.IGNORECASE,
)

_STOP_NL = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "van",
        "in",
        "op",
        "met",
        "voor",
        "je",
        "jij",
        "wij",
        "we",
        "is",
        "zijn",
        "bij",
        "als",
        "dat",
        "die",
        "naar",
        "om",
        "te",
        "ook",
        "aan",
        "door",
        "of",
        "ons",
        "onze",
        "jouw",
        "hebt",
        "heb",
        "kunt",
    ]
)
_STOP_EN = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "of",
        "in",
        "on",
        "with",
        "for",
        "you",
        "we",
        "is",
        "are",
        "at",
        "as",
        "that",
        "to",
        "from",
        "by",
        "or",
        "our",
        "your",
        "have",
        "has",
        "be",
        "will",
        "can",
    ]
)


def clean(text: str) -> str:
    """Plain text: HTML tags and entities removed, control characters out, length capped."""
    text = text[:MAX_CHARS]
    if "<" in text and ">" in text:
        text = _BLOCK.sub("\n", text)
        text = _TAG.sub(" ", text)
    text = html.unescape(text)
    text = unicodedata.normalize("NFC", text)
    return "".join(ch if ch in "\n\t" or unicodedata.category(ch)[0] != "C" else " " for ch in text)


def detect_language(text: str) -> str:
    """`nl` or `en`, by counting function words; English when there is no evidence."""
    words = [w.lower() for w in _WORD.findall(text[:5000])]
    nl = sum(w in _STOP_NL for w in words)
    en = sum(w in _STOP_EN for w in words)
    return "nl" if nl > en else "en"


def is_boilerplate(sentence: str) -> bool:
    return BOILERPLATE.search(sentence) is not None


def sentences(text: str) -> list[str]:
    parts = (p.strip(" \t-*:") for p in _SENTENCE.split(text))
    return [p for p in parts if p and _WORD.search(p)]


def fragments(text: str, *, strip_boilerplate: bool = True) -> list[tuple[str, int]]:
    """The sentences that describe work (boilerplate dropped, unless that leaves nothing), and
    the clauses of long sentences, so that one skill per clause can be found. Each fragment
    comes with the index of its sentence in the list (a sentence points at itself)."""
    found = sentences(text)
    kept = [s for s in found if not is_boilerplate(s)] if strip_boilerplate else found
    kept = kept or found
    result: list[tuple[str, int]] = []
    seen: set[str] = set()
    for sentence in dict.fromkeys(kept):
        if len(result) >= MAX_FRAGMENTS:
            break
        parent = len(result)
        result.append((sentence, parent))
        seen.add(sentence)
        if len(_WORD.findall(sentence)) > 8:
            for clause in (c.strip() for c in _CLAUSE.split(sentence)):
                if len(_WORD.findall(clause)) >= 2 and clause not in seen:
                    seen.add(clause)
                    result.append((clause, parent))
    return result[:MAX_FRAGMENTS]
