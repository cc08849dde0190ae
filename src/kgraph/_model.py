"""Records shared by every stage: documents, mentions, relations, allegations.

Records are frozen dataclasses so that they can cross process boundaries
(``n_process``, Dask workers) as plain picklable values, compare by value and
be hashed; :class:`BuildReport`, which a build fills in as it goes, is the one
mutable record.  Nothing here imports spaCy, networkx or rdflib.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from kgraph._types import ALLEGATION_NODE_TYPE, ENTITY_NODE_TYPES

__all__ = [
    "ALLEGATION",
    "ALLEGATION_ROLES",
    "ENTITY_TYPES",
    "EVENT_CATEGORIES",
    "STATEMENT_KINDS",
    "STATUSES",
    "Allegation",
    "AllegationRecord",
    "AllegationRole",
    "BuildReport",
    "DocResult",
    "Document",
    "DocumentInfo",
    "Entity",
    "EntityType",
    "Evidence",
    "Fact",
    "LocalEntity",
    "Mention",
    "RelationRecord",
    "RoleRecord",
    "Statement",
    "StatementRecord",
    "TimelineEvent",
    "modal_predicate",
]

#: the entity types of the registry (``kgraph._types``), spelt out for the type checker
EntityType = Literal["Agency", "Country", "Location", "Organization", "Person"]
ENTITY_TYPES: Final = tuple(sorted(t.name for t in ENTITY_NODE_TYPES))
ALLEGATION: Final = ALLEGATION_NODE_TYPE.name
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
#: how a statement is reported: a direct quote, indirect speech, "according to X", a belief
#: or an assessment ("officials believe", "the assessment that")
STATEMENT_KINDS: Final = ("direct", "indirect", "according_to", "belief")
#: the event types of a fact edge: the PLOVER categories (Open Event Data Alliance, 2021; the
#: sixteen POLECAT codes), with INVESTIGATE and FIGHT kept apart from ACCUSE and ASSAULT as in
#: PLOVER's drafts (a strict PLOVER consumer reads them as ACCUSE and ASSAULT)
EVENT_CATEGORIES: Final = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
    "INVESTIGATE",
    "FIGHT",
)


@dataclass(frozen=True, slots=True)
class Document:
    """One article.

    ``text`` is the article as read: decoded, BOM removed, line ends normalised to
    ``\\n`` and cleaned of characters no text needs (see :func:`kgraph.ingest.clean_text`);
    every character offset kgraph reports points into it.

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
    """A directed fact between two local entities of one document.

    ``attrs`` holds the fact's modality and event (``negated``, ``hedged``/``hedge``,
    ``demanded``, ``planned``, ``asserted`` (``False`` when the text does not state it as
    fact on its own authority), ``date``, ``anonymous``, ``event``); ``according_to`` is
    the entity reference of whoever the text reports it from, like ``subject``.
    """

    subject: str
    object: str
    predicate: str
    evidence: Evidence
    attrs: tuple[tuple[str, str | bool], ...] = ()
    according_to: str | None = None


@dataclass(frozen=True, slots=True)
class RoleRecord:
    """An entity's part in an allegation: one of :data:`ALLEGATION_ROLES`."""

    role: str
    entity: str
    evidence: Evidence
    anonymous: bool = False


@dataclass(frozen=True, slots=True)
class AllegationRecord:
    """A claim made in one document, quoted, never asserted.

    Its frame: the ``accused`` roles, ``act`` (the act class of what they are said to have
    done, ``kgraph/data/acts.tsv``; ``None`` for an accusation that names no act), the
    ``target`` role (the one it was done to) and ``time`` (the ISO 8601 date of the act,
    normalised against the publication date, or ``None``).  ``keywords`` are every act
    class and accusation word of the clause.  ``unnamed_victim`` says the act was done to
    someone the text does not name, and no one else ("another accuser said she was
    groped"): such a record is no other victim's.
    """

    key: str
    label: str
    text: str
    status: str
    keywords: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    roles: tuple[RoleRecord, ...]
    confidence: str | None = None
    dates: tuple[str, ...] = ()
    act: str | None = None
    time: str | None = None
    unnamed_victim: bool = False


@dataclass(frozen=True, slots=True)
class StatementRecord:
    """Who said what, in one document: an attribution (a quote, a reported claim, an
    "according to", a belief or assessment), never asserted as fact.

    ``speaker`` and ``on_behalf_of`` ("a Kremlin spokesman": the Kremlin) are entity
    references of the document (mention offsets ``"start:end"`` as extracted, local keys
    once resolved), or ``None``; ``anonymous`` marks unnamed sources resolved to their body
    or country ("U.S. officials": the United States).  ``cue`` ("said"), ``content`` (what
    was said) and ``source`` (the words naming the speaker, ``None`` when unnamed) are
    character offsets into the document text as read; ``kind`` is one of
    :data:`STATEMENT_KINDS`; ``about`` the entities the content names; ``evidence`` the
    sentence of the cue; ``text`` what was said, as written (the content span's text).
    """

    speaker: str | None
    on_behalf_of: str | None
    anonymous: bool
    cue: tuple[int, int]
    content: tuple[int, int]
    source: tuple[int, int] | None
    kind: str
    about: tuple[str, ...]
    evidence: Evidence
    text: str = ""


@dataclass(frozen=True, slots=True)
class DocResult:
    """Everything kgraph extracted from one document: the unit of merging."""

    info: DocumentInfo
    entities: tuple[LocalEntity, ...] = ()
    relations: tuple[RelationRecord, ...] = ()
    allegations: tuple[AllegationRecord, ...] = ()
    warnings: tuple[str, ...] = field(default=(), compare=False)
    statements: tuple[StatementRecord, ...] = ()


@dataclass
class BuildReport:
    """What one :meth:`kgraph.KnowledgeGraph.add` did.

    ``added``: the ids of the documents added; ``unchanged``: the ids of documents
    already in the graph or given twice; ``skipped``: ``(what, why)`` pairs for every
    input not read: an empty document (its id, ``"empty"``), a bad JSONL line
    (``"feed.jsonl:7"``), a file of a folder kgraph does not read (its path and why:
    ``"unknown suffix: .pdf"``, ``"not a regular file: a FIFO"``, ...); ``warnings``:
    one line each (a fallback decoding, cleaned characters, a cut run of text ...).

    >>> BuildReport(added=["a", "b"], skipped=[("x.pdf", "unknown suffix: .pdf")])
    BuildReport(added=2, unchanged=0, skipped=1, warnings=0)
    """

    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def __repr__(self) -> str:
        return (
            f"BuildReport(added={len(self.added)}, unchanged={len(self.unchanged)}, "
            f"skipped={len(self.skipped)}, warnings={len(self.warnings)})"
        )


# -- what queries return: views of the graph's nodes and edges --------------------------------
# -- records ----------------------------------------------------------------------------------
def _distinct_sentences(evidence: Iterable[Evidence | Mention]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ev.sentence for ev in evidence))


@dataclass(frozen=True, slots=True)
class Entity:
    """One entity node: a person, agency, country, organization or location.

    ``mentions`` is the number of mentions; ``evidence`` holds each of them
    (document, character offsets, surface text, spaCy label and sentence).  A
    surname alone that joined no person ("Clinton" where Hillary and Bill Clinton
    are both named) says why in ``unresolved`` and lists the node ids of the people
    it may be in ``candidates``, most named first.
    """

    id: str
    label: str
    type: str
    subtype: str | None = None
    aliases: tuple[str, ...] = field(default=(), repr=False)
    sources: tuple[str, ...] = field(default=(), repr=False)
    mentions: int = 0
    evidence: tuple[Mention, ...] = field(default=(), repr=False)
    candidates: tuple[str, ...] = field(default=(), repr=False)
    unresolved: str | None = field(default=None, repr=False)

    @property
    def sentences(self) -> tuple[str, ...]:
        """The distinct sentences the entity is mentioned in, in document order."""
        return _distinct_sentences(self.evidence)

    def __str__(self) -> str:
        return self.label


def modal_predicate(
    predicate: str,
    *,
    negated: bool = False,
    hedge: str | None = None,
    demanded: bool = False,
    planned: bool = False,
) -> str:
    """A predicate with the words of its modality before it, as facts print it.

    >>> modal_predicate("raise_with", negated=True)
    'NOT raise_with'
    >>> modal_predicate("meet", hedge="may"), modal_predicate("provide", demanded=True)
    ('may meet', 'demanded provide')
    """
    words = [
        *(["NOT"] if negated else []),
        *([hedge] if hedge else []),
        *(["demanded"] if demanded else []),
        *(["planned"] if planned else []),
        predicate,
    ]
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class Fact:
    """One edge between two nodes: ``subject -[predicate]-> object``, with its evidence.

    ``subject`` and ``object`` are labels, ``subject_id``/``object_id`` node
    ids; ``kind`` is ``action``, ``role`` or ``allegation``.  The edge's
    attributes are fields: ``role`` and ``former`` of a ``holds_role`` edge; the
    modality (``asserted``: the text states it as fact on its own authority;
    ``according_to``, the label of whoever it is reported from, with its node id
    ``according_to_id``; ``negated``; ``hedged`` with its ``hedge`` word;
    ``demanded``; ``planned``), ``date``, ``anonymous`` and ``event`` (a PLOVER
    category, :data:`EVENT_CATEGORIES`); ``attrs`` holds all of them, and any
    others an extractor of yours set.  ``str(fact)`` shows the modality:

    >>> ev = Evidence("d1", 0, 5, "...")
    >>> str(Fact("Trump", "raise_with", "Putin", (ev,), {}, "a", "b", "action", "k",
    ...          negated=True))
    'Trump -[NOT raise_with]-> Putin'
    >>> str(Fact("Russia", "attack", "Ukraine", (ev,), {}, "a", "b", "action", "k",
    ...          asserted=False, according_to="United States", hedged=True, hedge="may"))
    'Russia -[may attack]-> Ukraine (according to United States)'
    """

    subject: str
    predicate: str
    object: str
    evidence: tuple[Evidence, ...] = field(repr=False)
    attrs: Mapping[str, Any] = field(hash=False, repr=False)
    subject_id: str = field(repr=False)
    object_id: str = field(repr=False)
    kind: str = field(repr=False)
    key: str = field(repr=False)
    role: str | None = field(default=None, repr=False)
    former: bool = field(default=False, repr=False)
    negated: bool = field(default=False, repr=False)
    hedged: bool = field(default=False, repr=False)
    hedge: str | None = field(default=None, repr=False)
    date: str | None = field(default=None, repr=False)
    anonymous: bool = field(default=False, repr=False)
    asserted: bool = field(default=True, repr=False)
    according_to: str | None = field(default=None, repr=False)
    according_to_id: str | None = field(default=None, repr=False)
    demanded: bool = field(default=False, repr=False)
    planned: bool = field(default=False, repr=False)
    event: str | None = field(default=None, repr=False)

    @property
    def sentences(self) -> tuple[str, ...]:
        """The distinct sentences stating the fact."""
        return _distinct_sentences(self.evidence)

    def __str__(self) -> str:
        predicate = modal_predicate(
            self.predicate,
            negated=self.negated,
            hedge=(self.hedge or "maybe") if self.hedged else None,
            demanded=self.demanded,
            planned=self.planned,
        )
        text = f"{self.subject} -[{predicate}]-> {self.object}"
        if self.according_to:
            return f"{text} (according to {self.according_to})"
        if not self.asserted and not (self.hedged or self.demanded or self.planned):
            return f"{text} (reported)"
        return text


@dataclass(frozen=True, slots=True)
class AllegationRole:
    """An entity's part in an allegation (``accused``, ``alleged_by``, ``denied_by``...)."""

    role: str
    id: str
    label: str
    anonymous: bool = False
    evidence: tuple[Evidence, ...] = field(default=(), repr=False)

    @property
    def sentences(self) -> tuple[str, ...]:
        """The distinct sentences that give the entity this role."""
        return _distinct_sentences(self.evidence)


@dataclass(frozen=True, slots=True)
class Allegation:
    """One allegation: what is claimed, its status and everyone's part in it.

    The role fields (``accused``, ``alleged_by``, ``denied_by``...) are tuples
    of labels; ``roles`` has the same with node ids and each role's sentences.
    """

    id: str
    label: str
    text: str
    status: str
    confidence: str | None
    accused: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    alleged_by: tuple[str, ...] = ()
    reported_by: tuple[str, ...] = ()
    denied_by: tuple[str, ...] = ()
    dismissed_by: tuple[str, ...] = ()
    confirmed_by: tuple[str, ...] = ()
    roles: tuple[AllegationRole, ...] = field(default=(), repr=False)
    act: str | None = field(default=None, repr=False)
    time: str | None = field(default=None, repr=False)
    first_reported: str | None = field(default=None, repr=False)
    dates: tuple[str, ...] = field(default=(), repr=False)
    keywords: tuple[str, ...] = field(default=(), repr=False)
    sources: tuple[str, ...] = field(default=(), repr=False)
    mentions: int = field(default=0, repr=False)
    evidence: tuple[Evidence, ...] = field(default=(), repr=False)

    @property
    def sentences(self) -> tuple[str, ...]:
        """The distinct sentences stating the claim."""
        return _distinct_sentences(self.evidence)

    def __str__(self) -> str:
        return f"{self.label} [{self.status}]"


@dataclass(frozen=True, slots=True)
class Statement:
    """Who said what: one attribution in one document, quoted, never asserted.

    ``speaker`` is the label of the entity that spoke (``None`` when unnamed or not an
    entity), ``speaker_id`` its node id; ``on_behalf_of`` the body or person spoken for
    ("a Kremlin spokesman": the Kremlin); ``anonymous`` marks an unnamed source resolved to
    its body or country ("U.S. officials": the United States).  ``cue``, ``content`` and
    ``source`` are character offsets into the document text as read; ``text`` is the
    content as written; ``about`` the labels of the entities it names; ``kind`` one of
    :data:`STATEMENT_KINDS`.
    """

    doc: str
    speaker: str | None
    kind: str
    text: str
    cue: tuple[int, int] = field(repr=False)
    content: tuple[int, int] = field(repr=False)
    source: tuple[int, int] | None = field(default=None, repr=False)
    speaker_id: str | None = field(default=None, repr=False)
    on_behalf_of: str | None = field(default=None, repr=False)
    on_behalf_of_id: str | None = field(default=None, repr=False)
    anonymous: bool = field(default=False, repr=False)
    about: tuple[str, ...] = field(default=(), repr=False)
    about_ids: tuple[str, ...] = field(default=(), repr=False)
    evidence: Evidence | None = field(default=None, repr=False)

    @property
    def sentence(self) -> str:
        """The sentence of the cue."""
        return self.evidence.sentence if self.evidence is not None else ""

    def __str__(self) -> str:
        who = self.speaker or "(unnamed)"
        if self.on_behalf_of and self.on_behalf_of != self.speaker:
            who += f" for {self.on_behalf_of}"
        return f"{who}: {self.text}"


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """One step in an allegation's life: who alleged, reported, denied, dismissed or
    confirmed it, in which document, published when (ISO date or ``None``), and the sentence
    that says so; ``time`` is when the act itself took place, as the texts give it."""

    published: str | None
    role: str
    entity: str
    entity_id: str
    doc: str
    sentence: str
    time: str | None = None
