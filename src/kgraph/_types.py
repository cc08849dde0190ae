"""The registry of node types: one row per entity type, and the allegation's.

Every stage that names a type reads it from here: the records (``kgraph._model``:
``ENTITY_TYPES``), the gazetteer (which types an entry may have, and the data file
its shipped entries are in), the RDF vocabulary (``kgraph.namespace``; the classes
and shapes of ``ontology.ttl`` and ``shapes.ttl`` are checked against it by
``tests/test_types.py``, which prints the Turtle a new row needs), the RDF export
(class, schema.org class, IRI segment) and the HTML page (colour and shape).

Adding an entity type is one row of :data:`ENTITY_NODE_TYPES` (and its name in the
``EntityType`` literal of ``kgraph._model``, which a type checker needs spelt out).

>>> [t.name for t in ENTITY_NODE_TYPES]
['Person', 'Agency', 'Country', 'Organization', 'Location']
>>> ALLEGATION_NODE_TYPE.kg_class
'https://w3id.org/kgraph/ns#Allegation'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

__all__ = ["ALLEGATION_NODE_TYPE", "ENTITY_NODE_TYPES", "KG_NS", "NODE_TYPES", "NodeType"]

KG_NS: Final = "https://w3id.org/kgraph/ns#"
_SCHEMA_NS: Final = "https://schema.org/"


@dataclass(frozen=True, slots=True)
class NodeType:
    """One node type of the contract graph, and how every stage shows it."""

    name: str
    """The ``type`` of a node (``"Person"``); also the local name of its ``kg:`` class."""
    schema_class: str
    """The schema.org class a node of the type also gets (``"GovernmentOrganization"``)."""
    colour: str
    """Fill colour of the type's nodes on the HTML page."""
    shape: str
    """vis-network shape of the type's nodes on the HTML page (all scale with size)."""
    gazetteer: str | None
    """The data file the shipped gazetteer entries of the type are in (``""``: only user
    gazetteer files have entries of the type; ``None``: no gazetteer entry has it)."""
    comment: str = ""
    """The ``rdfs:comment`` of its class in ``ontology.ttl``, if it has one."""

    @property
    def kg_class(self) -> str:
        """IRI of the type's class in the kgraph vocabulary."""
        return KG_NS + self.name

    @property
    def schema_iri(self) -> str:
        """IRI of the schema.org class."""
        return _SCHEMA_NS + self.schema_class

    @property
    def segment(self) -> str:
        """The path segment of the IRIs of its nodes (``person`` in ``.../person/ann-…``)."""
        return self.name.lower()

    @property
    def label(self) -> str:
        """The ``rdfs:label`` of its class."""
        return self.name.lower()

    @property
    def shape_name(self) -> str:
        """Local name of its SHACL shape in ``shapes.ttl`` (``kgsh:PersonShape``)."""
        return self.name + "Shape"


#: The entity types, in the order pages and exports list them.
ENTITY_NODE_TYPES: Final[tuple[NodeType, ...]] = (
    NodeType("Person", "Person", "#4e79a7", "dot", ""),
    NodeType(
        "Agency",
        "GovernmentOrganization",
        "#f28e2b",
        "square",
        "entities.tsv",
        "A government agency, ministry, department or armed service.",
    ),
    NodeType("Country", "Country", "#59a14f", "hexagon", "countries.tsv"),
    NodeType("Organization", "Organization", "#b07aa1", "triangle", "entities.tsv"),
    NodeType("Location", "Place", "#9c755f", "triangleDown", "entities.tsv"),
)
#: The allegation node: a claim someone made (its class has a shape of its own).
ALLEGATION_NODE_TYPE: Final = NodeType("Allegation", "Claim", "#e15759", "diamond", None)
#: Every node type: the entity types, then the allegation.
NODE_TYPES: Final[tuple[NodeType, ...]] = (*ENTITY_NODE_TYPES, ALLEGATION_NODE_TYPE)
