"""Records shared by every stage: documents, mentions, relations, allegations.

Records are frozen dataclasses so that they can cross process boundaries
(``n_process``, Dask workers) as plain picklable values, compare by value and
be hashed.  Nothing here imports spaCy, networkx or rdflib.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final, Literal

__all__ = [
    "ALLEGATION",
    "ALLEGATION_ROLES",
    "ENTITY_TYPES",
    "STATUSES",
    "AllegationRecord",
    "DocResult",
    "Document",
    "DocumentInfo",
    "EntityType",
    "Evidence",
    "LocalEntity",
    "Mention",
    "RelationRecord",
    "RoleRecord",
]

EntityType = Literal["Agency", "Country", "Location", "Organization", "Person"]
ENTITY_TYPES: Final = ("Agency", "Country", "Location", "Organization", "Person")
ALLEGATION: Final = "Allegation"
ALLEGATION_ROLES: Final = (
    "accused",
    "alleged_by",
    "confirmed_by",
    "denied_by",
    "dismissed_by",
    "reported_by",
    "target",
)
STATUSES: Final = ("alleged", "confirmed", "denied", "disputed")


@dataclass(frozen=True, slots=True)
class Document:
    """One article.

    ``text`` is the article as read (decoded, BOM removed, line ends
    normalised to ``\\n``); every character offset kgraph reports points into it.

    >>> Document("Pompeo warned Lavrov.", id="d1").id
    'd1'
    """

    text: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    authors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What the graph keeps of a document: everything but its text."""

    id: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    authors: tuple[str, ...] = ()
    chars: int = 0
    sha256: str = ""


@dataclass(frozen=True, slots=True, order=True)
class Evidence:
    """Where a fact is stated: a document, character offsets and the sentence."""

    doc: str
    start: int
    end: int
    sentence: str


@dataclass(frozen=True, slots=True, order=True)
class Mention:
    """One mention of an entity: ``text == document.text[start:end]``.

    ``ner`` is the spaCy label, ``BYLINE`` for an author, or ``CAPITAL`` for a
    capital standing for its state ("Moscow said"); the span covers the name
    only, titles stripped.
    """

    doc: str
    start: int
    end: int
    text: str
    ner: str
    sentence: str


@dataclass(frozen=True, slots=True)
class LocalEntity:
    """The mentions of one entity within one document.

    ``key`` is unique within the document; ``gid`` is a gazetteer id when the
    entity is a well-known one (``country:RU``, ``agency:cia`` ...); ``part_of`` is
    the gazetteer id of the country a group belongs to or is based in ("the Israeli
    army" is part of ``country:IL``).
    """

    key: str
    type: EntityType
    mentions: tuple[Mention, ...]
    subtype: str | None = None
    gid: str | None = None
    canonical: str | None = None
    part_of: str | None = None


@dataclass(frozen=True, slots=True)
class RelationRecord:
    """A directed fact between two local entities of one document."""

    subject: str
    object: str
    predicate: str
    evidence: Evidence
    attrs: tuple[tuple[str, str | bool], ...] = ()


@dataclass(frozen=True, slots=True)
class RoleRecord:
    """An entity's part in an allegation: one of :data:`ALLEGATION_ROLES`."""

    role: str
    entity: str
    evidence: Evidence
    anonymous: bool = False


@dataclass(frozen=True, slots=True)
class AllegationRecord:
    """A claim made in one document, quoted, never asserted."""

    key: str
    label: str
    text: str
    status: str
    keywords: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    roles: tuple[RoleRecord, ...]
    confidence: str | None = None
    dates: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DocResult:
    """Everything kgraph extracted from one document: the unit of merging."""

    info: DocumentInfo
    entities: tuple[LocalEntity, ...] = ()
    relations: tuple[RelationRecord, ...] = ()
    allegations: tuple[AllegationRecord, ...] = ()
    warnings: tuple[str, ...] = field(default=(), compare=False)
