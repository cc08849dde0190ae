"""kgraph's RDF vocabulary as a closed rdflib namespace, and the standard prefixes it uses.

:class:`KG` lists every term of ``src/kgraph/ontology.ttl``; asking it for any
other name raises, so a misspelt term fails where it is written instead of
producing a silently wrong IRI:

>>> from kgraph.namespace import KG
>>> str(KG.Allegation)
'https://w3id.org/kgraph/ns#Allegation'
>>> KG.Allegaton
Traceback (most recent call last):
...
AttributeError: term 'Allegaton' not in namespace 'https://w3id.org/kgraph/ns#'

Relation predicates (``warn``, ``meet`` ...) are open-ended, since extractors
can add new ones: they live in the open namespace :data:`REL` and are declared
``rdfs:subPropertyOf kg:relatedTo`` in each export.  Allegation roles and
``holds_role`` are fixed and are terms of :class:`KG`.

Importing this module imports rdflib; ``import kgraph`` does not import it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from rdflib import namespace as _ns
from rdflib.namespace import Namespace
from rdflib.term import URIRef

from kgraph._types import KG_NS, NODE_TYPES

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = [
    "BINDINGS",
    "KG",
    "KG_URI",
    "OA",
    "REL",
    "REL_URI",
    "bind_namespaces",
]

KG_URI: Final = KG_NS
REL_URI: Final = "https://w3id.org/kgraph/rel#"


class KG(_ns.DefinedNamespace):
    """The kgraph vocabulary (closed: an unknown term raises ``AttributeError``)."""

    _NS = Namespace(KG_URI)
    _fail = True

    # -- classes ----------------------------------------------------------------------
    Node: URIRef  # anything that is a node of the contract graph
    Entity: URIRef  # a person, agency, country, organization or location
    # + one class per node type of kgraph._types (Person ... Allegation): added below
    Document: URIRef  # a source article; subclass of schema:NewsArticle
    Dataset: URIRef  # the graph as a whole (name, version)
    Statement: URIRef  # a reified edge of the contract graph; subclass of rdf:Statement
    ActionStatement: URIRef  # an action relation (warn, meet, ...)
    RoleStatement: URIRef  # a holds_role edge (person -> agency/country/organization)
    AllegationRoleStatement: URIRef  # an allegation's role edge (accused, alleged_by, ...)
    Attribution: URIRef  # who said what; its content is quoted text; subclass of schema:Quotation
    Event: URIRef  # the event type of a fact: one subclass per PLOVER category
    Agree: URIRef
    Consult: URIRef
    Support: URIRef
    Concede: URIRef
    Cooperate: URIRef
    Aid: URIRef
    Retreat: URIRef
    Request: URIRef
    Accuse: URIRef
    Reject: URIRef
    Threaten: URIRef
    Protest: URIRef
    Sanction: URIRef
    Mobilize: URIRef
    Coerce: URIRef
    Assault: URIRef
    Investigate: URIRef
    Fight: URIRef

    # -- identity and labels ------------------------------------------------------------
    id: URIRef  # the contract node / document id, kept exactly
    subtype: URIRef  # an entity's subtype (e.g. the kind of organization)
    gid: URIRef  # gazetteer id of a well-known entity (country:RU, agency:cia ...)
    mentionCount: URIRef  # number of mentions
    name: URIRef  # the dataset's name
    version: URIRef  # the kgraph version that wrote the dataset

    # -- evidence -------------------------------------------------------------------------
    evidence: URIRef  # node or statement -> oa:SpecificResource in a document
    mentionText: URIRef  # the mention's surface text (document.text[start:end])
    ner: URIRef  # the NER label that found the mention
    index: URIRef  # position of an evidence item when its list is not in sorted order

    # -- allegations ----------------------------------------------------------------------
    claimText: URIRef  # the claim clause; subproperty of schema:text
    status: URIRef  # alleged / denied / disputed / confirmed
    confidenceLevel: URIRef  # the wording of an allegation's confidence ("high confidence")
    keyword: URIRef  # subproperty of schema:keywords
    actClass: URIRef  # the kind of deed an allegation is about (kgraph/data/acts.tsv)
    firstReported: URIRef  # the publication date of the first document that reports it
    eventTime: URIRef  # when the act took place, ISO 8601 of the text's granularity ("2016-06")
    accused: URIRef
    target: URIRef
    allegedBy: URIRef  # subproperty of prov:wasAttributedTo
    reportedBy: URIRef
    deniedBy: URIRef
    dismissedBy: URIRef
    confirmedBy: URIRef
    allegationRole: URIRef  # super-property of the seven role properties

    # -- attributions (who said what) ------------------------------------------------------
    speaker: URIRef  # the entity that said it; subproperty of schema:creator
    onBehalfOf: URIRef  # the body or person a spokesman speaks for
    attributionKind: URIRef  # direct / indirect / according_to / belief
    about: URIRef  # an entity the content names; subproperty of schema:about
    cue: URIRef  # -> oa:TextPositionSelector of the cue ("said")
    content: URIRef  # -> oa:TextPositionSelector of what was said
    sourceSpan: URIRef  # -> oa:TextPositionSelector of the words naming the speaker

    # -- relations --------------------------------------------------------------------------
    relatedTo: URIRef  # super-property of every relation predicate (kgraph rel: namespace)
    holdsRole: URIRef  # person -> organization; the role is on the statement
    key: URIRef  # the edge key, when it is not the predicate name
    date: URIRef  # a date as written in the text
    negated: URIRef
    hedged: URIRef
    hedge: URIRef  # the word that hedges a relation ("reportedly", "whether")
    role: URIRef
    former: URIRef
    anonymous: URIRef
    confidence: URIRef  # a numeric confidence in [0, 1], as xsd:decimal
    asserted: URIRef  # the text states the fact on its own authority
    origin: URIRef  # where a fact comes from when not from the text alone ("gazetteer")
    reported: URIRef  # the text reports the fact from someone else
    accordingTo: URIRef  # who it reports the fact from
    demanded: URIRef  # the fact is only called for, urged, asked
    planned: URIRef  # the fact is planned, proposed, expected
    allegation: URIRef  # an ACCUSE statement -> the allegation it stands for

    # -- documents ------------------------------------------------------------------------
    chars: URIRef  # document length in characters
    sha256: URIRef  # hex SHA-256 of the document text

    # -- exact round trip ---------------------------------------------------------------------
    extra: URIRef  # JSON object of attributes RDF terms cannot carry exactly
    absent: URIRef  # name of an attribute a reader must not fill with its default


# The classes of the node types (each a subclass of its schema.org class): one term per
# row of the registry, so that a new type needs no line here.
KG.__annotations__.update(dict.fromkeys((t.name for t in NODE_TYPES), URIRef))

OA: Final = Namespace("http://www.w3.org/ns/oa#")
"""The W3C Web Annotation vocabulary (``oa:``), used for evidence selectors."""

REL: Final = Namespace(REL_URI)
"""Open namespace of relation predicates: ``REL["warn"]``."""

BINDINGS: Final[tuple[tuple[str, str], ...]] = (
    ("kg", KG_URI),
    ("rel", REL_URI),
    ("rdf", str(_ns.RDF)),
    ("rdfs", str(_ns.RDFS)),
    ("owl", str(_ns.OWL)),
    ("xsd", str(_ns.XSD)),
    ("schema", str(_ns.SDO)),
    ("skos", str(_ns.SKOS)),
    ("prov", str(_ns.PROV)),
    ("oa", str(OA)),
    ("dcterms", str(_ns.DCTERMS)),
    ("dc", str(_ns.DC)),
    ("sh", str(_ns.SH)),
)
"""Prefix -> namespace IRI, in the order exports declare them."""


def bind_namespaces(graph: Graph) -> Graph:
    """Bind kgraph's prefixes on ``graph`` (replacing rdflib's defaults) and return it.

    >>> from rdflib import Graph
    >>> g = bind_namespaces(Graph())
    >>> dict(g.namespaces())["kg"] == URIRef(KG_URI)
    True
    """
    for prefix, uri in BINDINGS:
        graph.bind(prefix, URIRef(uri), override=True, replace=True)
    return graph
