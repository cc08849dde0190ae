"""The registry of node types (kgraph._types): every stage that names a type agrees with it."""

from __future__ import annotations

from typing import get_args

import networkx as nx
import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from kgraph import _model, gazetteer
from kgraph._errors import FormatError
from kgraph._types import ALLEGATION_NODE_TYPE, ENTITY_NODE_TYPES, NODE_TYPES, NodeType
from kgraph.export import html, rdf
from kgraph.namespace import KG

from .conftest import ROOT

pytestmark = [
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning"),
]

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
KGSH = rdflib.Namespace("https://w3id.org/kgraph/shapes#")
ONTOLOGY = ROOT / "src" / "kgraph" / "ontology.ttl"
SHAPES = ROOT / "src" / "kgraph" / "shapes.ttl"
IDS = [t.name for t in NODE_TYPES]


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(SHAPES, format="turtle")


def _parent(t: NodeType) -> str:
    return "kg:Node" if t is ALLEGATION_NODE_TYPE else "kg:Entity"


def _class_turtle(t: NodeType) -> str:
    """What ontology.ttl needs for the type: printed when it is missing."""
    comment = f' ;\n    rdfs:comment "{t.comment}"' if t.comment else ""
    return (
        f"kg:{t.name} a owl:Class ;\n    rdfs:subClassOf {_parent(t)}, schema:{t.schema_class} ;"
        f'\n    rdfs:label "{t.label}"{comment} .'
    )


def _shape_turtle(t: NodeType) -> str:
    """What shapes.ttl needs for an entity type: printed when it is missing."""
    return (
        f"kgsh:{t.shape_name} a sh:NodeShape ;\n"
        f"    sh:targetClass kg:{t.name} ; sh:class schema:{t.schema_class} ."
    )


@pytest.mark.parametrize("t", NODE_TYPES, ids=IDS)
def test_every_node_type_has_its_class_in_the_ontology(t: NodeType, ontology: rdflib.Graph) -> None:
    cls = rdflib.URIRef(t.kg_class)
    parent = KG.Node if t is ALLEGATION_NODE_TYPE else KG.Entity
    missing = [
        triple
        for triple in [
            (cls, RDF.type, OWL.Class),
            (cls, RDFS.subClassOf, parent),
            (cls, RDFS.subClassOf, rdflib.URIRef(t.schema_iri)),
            (cls, RDFS.label, rdflib.Literal(t.label)),
        ]
        if triple not in ontology
    ]
    assert not missing, f"ontology.ttl needs:\n{_class_turtle(t)}"
    if t.comment:
        assert (cls, RDFS.comment, rdflib.Literal(t.comment)) in ontology


def test_the_ontology_has_no_entity_class_the_registry_lacks(ontology: rdflib.Graph) -> None:
    classes = set(ontology.subjects(RDFS.subClassOf, KG.Entity))
    assert classes == {rdflib.URIRef(t.kg_class) for t in ENTITY_NODE_TYPES}


@pytest.mark.parametrize("t", NODE_TYPES, ids=IDS)
def test_every_node_type_has_its_shape(t: NodeType, shapes: rdflib.Graph) -> None:
    shape = KGSH[t.shape_name]
    expected = [
        (shape, RDF.type, SH.NodeShape),
        (shape, SH.targetClass, rdflib.URIRef(t.kg_class)),
        (shape, SH["class"], rdflib.URIRef(t.schema_iri)),
    ]
    missing = [triple for triple in expected if triple not in shapes]
    assert not missing, f"shapes.ttl needs:\n{_shape_turtle(t)}"


def test_an_entity_is_one_of_the_registrys_types_and_no_other(shapes: rdflib.Graph) -> None:
    (choices,) = shapes.objects(KGSH.EntityShape, SH["or"])
    classes = {
        cls
        for option in rdflib.collection.Collection(shapes, choices)
        for cls in shapes.objects(option, SH["class"])
    }
    assert classes == {rdflib.URIRef(t.kg_class) for t in ENTITY_NODE_TYPES}, (
        "the sh:or of kgsh:EntityShape in shapes.ttl lists one [ sh:class kg:T ] per entity type"
    )


def test_the_closed_namespace_has_the_class_of_every_type() -> None:
    assert all(t.name in KG for t in NODE_TYPES)
    assert str(KG.Person) == ENTITY_NODE_TYPES[0].kg_class
    with pytest.raises(AttributeError):
        _ = KG.Persons


def test_the_records_read_their_types_from_the_registry() -> None:
    names = sorted(t.name for t in ENTITY_NODE_TYPES)
    assert list(_model.ENTITY_TYPES) == names
    assert sorted(get_args(_model.EntityType)) == names, "add the type to EntityType too"
    assert ALLEGATION_NODE_TYPE.name == _model.ALLEGATION


def test_the_gazetteer_takes_the_registrys_types_each_from_its_file() -> None:
    assert {t.name for t in ENTITY_NODE_TYPES} == gazetteer.ENTRY_TYPES
    where = {t.name: t.gazetteer for t in ENTITY_NODE_TYPES}
    shipped = {e.type for e in gazetteer.Gazetteer.default() if not e.id.startswith("capital:")}
    assert shipped == {name for name, file in where.items() if file}
    user_only = [name for name, file in where.items() if file == ""]
    assert user_only == ["Person"]
    row = ["person:x", "Person", "", "", "Ann Example", ""]
    assert gazetteer._entity_from_cells(row, "user.tsv:1").type == "Person"
    with pytest.raises(FormatError, match="unknown type 'Person'"):
        gazetteer._entity_from_cells(row, "entities.tsv:1", gazetteer._SHIPPED_ENTITY_TYPES)


def _one_node_per_type() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(name="kgraph", documents=[{"id": "d1"}])
    for t in NODE_TYPES:
        g.add_node(f"{t.segment}/x", type=t.name, label=f"An {t.name}", sources=["d1"])
    return g


def test_the_rdf_export_types_each_node_with_its_class_and_segment() -> None:
    g = _one_node_per_type()
    ds = rdf.to_rdf(g)
    for t in NODE_TYPES:
        (subject,) = (
            s for s, _p, o in ds.triples((None, KG.id, None)) if str(o) == f"{t.segment}/x"
        )
        assert str(subject).startswith(f"{rdf.DEFAULT_BASE}{t.segment}/")
        assert set(ds.objects(subject, RDF.type)) == {
            rdflib.URIRef(t.kg_class),
            rdflib.URIRef(t.schema_iri),
        }
    assert dict(rdf.from_rdf(ds).nodes(data="type")) == dict(g.nodes(data="type"))


def test_the_html_colours_and_shapes_are_the_registrys() -> None:
    assert {t.name: (t.colour, t.shape) for t in NODE_TYPES} == html.NODE_STYLES
    legend = html.to_vis(_one_node_per_type())["types"]
    assert [(e["name"], e["color"], e["shape"]) for e in legend] == [
        (t.name, t.colour, t.shape) for t in NODE_TYPES
    ]
