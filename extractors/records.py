"""Plain records that the extractors hand downstream: no spaCy objects inside.

Offsets are character offsets into the document text, end exclusive.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Factuality(str, Enum):
    """Whether the text says a fact happened."""

    ASSERTED = "asserted"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"
    PLANNED = "planned"


@dataclass(frozen=True)
class TextInput:
    """One document to read: its id, text and optional metadata."""

    doc_id: str
    text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document, with its offsets."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """One mention of an entity in a document.

    ``entity`` is the key of the document-level :class:`Entity` the mention belongs to.
    ``via`` says how the text refers to it: ``"name"``, ``"pronoun"`` ("he", "it") or
    ``"description"`` ("the militia").
    """

    text: str
    start: int
    end: int
    entity: str
    via: str = "name"


@dataclass(frozen=True)
class Entity:
    """An entity of one document: its canonical name, class and every name seen.

    ``merges`` holds, for the names that joined by a rule rather than by being spelt the
    same, ``(name, reason)`` pairs ("KH", "acronym of the initials (Kataib Hezbollah)").
    """

    key: str
    name: str
    cls: str
    aliases: tuple[str, ...] = ()
    mentions: int = 1
    merges: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Fact:
    """A subject-relation-object statement read from one sentence.

    ``relation`` is an inventory relation name when ``open`` is false, and the verb
    lemma that expressed it when ``open`` is true. ``time`` is when the fact happened,
    in ISO 8601 at the precision the text gives (``2020-03-26``, ``2020-W12``,
    ``2020-03``, ``2020``), and ``time_text`` the expression that said it.
    """

    subject: Mention
    relation: str
    object: Mention
    sentence: Sentence
    rule: str
    open: bool = False
    factuality: Factuality = Factuality.ASSERTED
    reported_by: Mention | None = None
    time: str | None = None
    time_text: str | None = None

    @property
    def key(self) -> tuple:
        """What makes two facts one: the same ends, relation, sentence and factuality.

        The extractors keep the first fact of each key (the one dedup key of the package).
        """
        return (self.subject.entity, self.relation, self.object.entity, self.sentence.start,
                self.factuality)


@dataclass(frozen=True)
class DocumentRecord:
    """Everything the extractors read from one document."""

    doc_id: str
    text: str
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]
    title: str | None = None
    url: str | None = None
    date: str | None = None
    meta: dict = field(default_factory=dict, compare=False, hash=False)
