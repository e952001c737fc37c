"""A survey wave's definition in YAML (docs/panel-export.md, examples/panel/): the wave, its
version and its questions. A definition with an error is refused as a whole, naming the line.

    wave: 2026-voorjaar
    version: 1
    title: {nl: Voorjaar 2026, en: Spring 2026}
    opens: 2026-03-01
    closes: 2026-04-30
    questions:
      - id: participation
        type: choice
        text: {nl: Wat doet u nu vooral?, en: What do you mainly do now?}
        options: [werk, werkzoekend, opleiding, zorg, anders]
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml

from lloradar.domain import IngestError

ANSWER_TYPES = ("choice", "multi_choice", "boolean", "integer", "scale")
BOOLEAN_OPTIONS = ("ja", "nee")
_ID = re.compile(r"[a-z][a-z0-9_]{0,39}")
_WAVE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,39}")


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    answer_type: str
    text_nl: str
    text_en: str
    options: tuple[str, ...] = ()
    min_value: int | None = None
    max_value: int | None = None

    def text(self, lang: str) -> str:
        return self.text_en if lang == "en" else self.text_nl


@dataclass(frozen=True, slots=True)
class WaveDefinition:
    wave_id: str
    version: int
    title_nl: str
    title_en: str
    opens_on: date
    closes_on: date
    questions: tuple[Question, ...]
    source_text: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.source_text.encode("utf-8")).hexdigest()

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_nl


class _Reader:
    """Reads mapping nodes of the composed YAML, so every error names its line."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, node: yaml.Node, reason: str, field: str | None = None) -> IngestError:
        return IngestError(self.source, reason, line=node.start_mark.line + 1, field=field)

    def mapping(self, node: yaml.Node, what: str) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{what} must be a mapping of keys to values")
        return {str(k.value): v for k, v in node.value}

    def scalar(self, parent: yaml.Node, fields: dict[str, yaml.Node], key: str) -> str:
        node = fields.get(key)
        if node is None:
            raise self.fail(parent, f"'{key}' is missing", field=key)
        if not isinstance(node, yaml.ScalarNode) or str(node.value).strip() == "":
            raise self.fail(node, f"'{key}' must be a single non-empty value", field=key)
        return str(node.value).strip()

    def texts(self, parent: yaml.Node, fields: dict[str, yaml.Node], key: str) -> tuple[str, str]:
        node = fields.get(key)
        if node is None:
            raise self.fail(parent, f"'{key}' is missing", field=key)
        if isinstance(node, yaml.ScalarNode):
            return str(node.value), str(node.value)
        both = self.mapping(node, f"'{key}'")
        return self.scalar(node, both, "nl"), self.scalar(node, both, "en")

    def integer(self, fields: dict[str, yaml.Node], key: str) -> int | None:
        node = fields.get(key)
        if node is None:
            return None
        try:
            return int(str(node.value))
        except (TypeError, ValueError):
            raise self.fail(node, f"'{key}' must be a whole number", field=key) from None

    def day(self, parent: yaml.Node, fields: dict[str, yaml.Node], key: str) -> date:
        text = self.scalar(parent, fields, key)
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise self.fail(fields[key], f"'{text}' is not a date YYYY-MM-DD", field=key) from None


def parse_definition(data: bytes, source: str) -> WaveDefinition:
    """The wave definition in `data`, or IngestError naming the line of the first error."""
    text = data.decode("utf-8-sig")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise IngestError(source, f"not valid YAML ({error})", line=line) from None
    if root is None:
        raise IngestError(source, "the definition is empty")
    r = _Reader(source)
    top = r.mapping(root, "the definition")
    wave_id = r.scalar(root, top, "wave")
    if not _WAVE.fullmatch(wave_id):
        raise r.fail(top["wave"], f"'{wave_id}' is not a wave id (letters, digits, - _ .)", "wave")
    version = r.integer(top, "version")
    if version is None or version < 1:
        raise r.fail(top.get("version", root), "'version' must be a whole number from 1", "version")
    title_nl, title_en = r.texts(root, top, "title")
    opens, closes = r.day(root, top, "opens"), r.day(root, top, "closes")
    if closes < opens:
        raise r.fail(top["closes"], f"closes {closes} is before opens {opens}", "closes")
    listed = top.get("questions")
    if not isinstance(listed, yaml.SequenceNode) or not listed.value:
        raise r.fail(listed or root, "'questions' must be a non-empty list", "questions")
    questions: list[Question] = []
    for node in listed.value:
        question = _question(r, node)
        if any(q.id == question.id for q in questions):
            raise r.fail(node, f"question id '{question.id}' occurs twice", "id")
        questions.append(question)
    return WaveDefinition(
        wave_id, version, title_nl, title_en, opens, closes, tuple(questions), text
    )


def _question(r: _Reader, node: yaml.Node) -> Question:
    fields = r.mapping(node, "a question")
    if "id" not in fields:
        raise r.fail(node, "the question has no 'id'", "id")
    qid = r.scalar(node, fields, "id")
    if not _ID.fullmatch(qid):
        raise r.fail(fields["id"], f"'{qid}' is not a question id (a-z, 0-9, _)", "id")
    kind = r.scalar(node, fields, "type")
    if kind not in ANSWER_TYPES:
        raise r.fail(
            fields["type"],
            f"question '{qid}': unknown answer type '{kind}' (expected one of "
            f"{', '.join(ANSWER_TYPES)})",
            "type",
        )
    text_nl, text_en = r.texts(node, fields, "text")
    options: tuple[str, ...] = ()
    low, high = r.integer(fields, "min"), r.integer(fields, "max")
    if kind in ("choice", "multi_choice"):
        listed = fields.get("options")
        if not isinstance(listed, yaml.SequenceNode) or len(listed.value) < 2:
            raise r.fail(listed or node, f"question '{qid}' needs two or more options", "options")
        options = tuple(str(o.value).strip() for o in listed.value)
        if len(set(options)) != len(options) or "" in options:
            raise r.fail(listed, f"question '{qid}': options must be distinct and not empty")
    elif kind == "boolean":
        options = BOOLEAN_OPTIONS
    else:
        if kind == "scale":
            low, high = (0 if low is None else low), (10 if high is None else high)
        if low is None or high is None or high <= low:
            raise r.fail(node, f"question '{qid}' needs 'min' below 'max'", "max")
    return Question(qid, kind, text_nl, text_en, options, low, high)


def check_answer(question: Question, raw: Any) -> list[str]:
    """The values of one answer as stored (text), or ValueError saying what was expected."""
    values = [str(v).strip() for v in (raw if isinstance(raw, list | tuple) else [raw])]
    values = [v for v in values if v != ""]
    if not values:
        raise ValueError(f"question '{question.id}' has no answer")
    if question.answer_type in ("choice", "boolean") and len(values) > 1:
        raise ValueError(f"question '{question.id}' takes one answer")
    if question.options:
        wrong = [v for v in values if v not in question.options]
        if wrong:
            raise ValueError(
                f"question '{question.id}': '{wrong[0]}' is not one of {', '.join(question.options)}"
            )
        return sorted(set(values), key=question.options.index)
    try:
        number = int(values[0])
    except ValueError:
        raise ValueError(f"question '{question.id}': '{values[0]}' is not a whole number") from None
    assert question.min_value is not None and question.max_value is not None
    if not question.min_value <= number <= question.max_value:
        raise ValueError(
            f"question '{question.id}': {number} is outside {question.min_value}.."
            f"{question.max_value}"
        )
    return [str(number)]
