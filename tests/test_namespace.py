"""The vocabulary: the closed namespace KG, ontology.ttl and shapes.ttl agree with each other."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from rdflib import namespace as rns
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from kgraph.export import rdf as rdf_export
from kgraph.namespace import BINDINGS, KG, KG_URI, OA, REL, bind_namespaces

from .conftest import ROOT

# rdflib's own parsers use its deprecated ConjunctiveGraph API: not ours to fix
RDFLIB_DEPRECATIONS = [
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning"),
]
pytestmark = RDFLIB_DEPRECATIONS

ONTOLOGY = ROOT / "src" / "kgraph" / "ontology.ttl"
SHAPES = ROOT / "src" / "kgraph" / "shapes.ttl"


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY, format="turtle")


def kg_terms() -> set[str]:
    return {str(t)[len(KG_URI) :] for t in dir(KG)}


def test_every_kg_term_is_defined_in_the_ontology(ontology: rdflib.Graph) -> None:
    declared = {
        str(s)[len(KG_URI) :]
        for s, _p, o in ontology.triples((None, RDF.type, None))
        if str(s).startswith(KG_URI) and o in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    }
    assert declared == kg_terms()


def test_every_kg_term_has_a_label(ontology: rdflib.Graph) -> None:
    unlabelled = sorted(t for t in kg_terms() if (KG[t], RDFS.label, None) not in ontology)
    assert unlabelled == []


def test_the_ontology_uses_no_undefined_kg_term(ontology: rdflib.Graph) -> None:
    used = {
        str(t)[len(KG_URI) :]
        for triple in ontology
        for t in triple
        if isinstance(t, rdflib.URIRef) and str(t).startswith(KG_URI)
    }
    assert used <= kg_terms()


def test_the_shapes_use_no_undefined_kg_term() -> None:
    shapes = rdflib.Graph().parse(SHAPES, format="turtle")
    used = {
        str(t)[len(KG_URI) :]
        for triple in shapes
        for t in triple
        if isinstance(t, rdflib.URIRef) and str(t).startswith(KG_URI)
    }
    assert used
    assert used <= kg_terms()


def test_every_term_the_exporter_writes_is_in_the_closed_namespace() -> None:
    source = Path(rdf_export.__file__).read_text(encoding="utf-8")
    written = set(re.findall(r'_kg\("([A-Za-z]+)"\)', source))
    assert written
    assert written <= kg_terms()


def test_every_kg_term_in_the_paste_ready_queries_is_in_the_closed_namespace() -> None:
    from kgraph.export import store

    queries = store.ALLEGATIONS_ABOUT_RUSSIA + store.PEOPLE_ROLES_IN_AGENCIES
    used = set(re.findall(r"\bkg:([A-Za-z]+)", queries))
    assert {"Allegation", "accused", "allegedBy", "RoleStatement", "role"} <= used
    assert used <= kg_terms()


@pytest.mark.parametrize("term", ["Allegaton", "person", "allegedby", "Evidence", "holds_role"])
def test_a_misspelt_term_fails(term: str) -> None:
    with pytest.raises(AttributeError, match=term):
        getattr(KG, term)


@pytest.mark.parametrize(
    ("subject", "predicate", "obj"),
    [
        (KG.Person, RDFS.subClassOf, rns.SDO.Person),
        (KG.Agency, RDFS.subClassOf, rns.SDO.GovernmentOrganization),
        (KG.Country, RDFS.subClassOf, rns.SDO.Country),
        (KG.Organization, RDFS.subClassOf, rns.SDO.Organization),
        (KG.Location, RDFS.subClassOf, rns.SDO.Place),
        (KG.Allegation, RDFS.subClassOf, rns.SDO.Claim),
        (KG.Document, RDFS.subClassOf, rns.SDO.NewsArticle),
        (KG.Statement, RDFS.subClassOf, RDF.Statement),
        (KG.allegedBy, RDFS.subPropertyOf, PROV.wasAttributedTo),
        (KG.claimText, RDFS.subPropertyOf, rns.SDO.text),
        (KG.keyword, RDFS.subPropertyOf, rns.SDO.keywords),
        (KG.holdsRole, RDFS.subPropertyOf, KG.relatedTo),
        (KG.evidence, RDFS.range, OA.SpecificResource),
        (KG.id, RDFS.subPropertyOf, DCTERMS.identifier),
        (KG.date, RDFS.subPropertyOf, DCTERMS.date),
    ],
)
def test_the_ontology_maps_onto_standard_vocabularies(
    ontology: rdflib.Graph, subject: rdflib.URIRef, predicate: rdflib.URIRef, obj: rdflib.URIRef
) -> None:
    assert (subject, predicate, obj) in ontology


@pytest.mark.parametrize(
    "role", ["accused", "target", "allegedBy", "reportedBy", "deniedBy", "dismissedBy"]
)
def test_allegation_roles_are_allegation_role_subproperties(
    ontology: rdflib.Graph, role: str
) -> None:
    assert (KG[role], RDFS.subPropertyOf, KG.allegationRole) in ontology


def test_standard_labels_are_skos(ontology: rdflib.Graph) -> None:
    # the exporter writes skos:prefLabel / skos:altLabel; the ontology documents them
    assert (SKOS.prefLabel, RDFS.comment, None) in ontology
    assert (SKOS.altLabel, RDFS.comment, None) in ontology


DUBLIN_CORE = {
    "title": DCTERMS.title,
    "authors": rns.DC.creator,
    "published": DCTERMS.date,
    "url": DCTERMS.source,
    "source": DCTERMS.publisher,
}


def test_documents_are_described_with_dublin_core(ontology: rdflib.Graph) -> None:
    import networkx as nx

    doc = {
        "id": "d1",
        "title": "T",
        "authors": ["A"],
        "published": "2020-08-07",
        "url": "https://e.org/a",
        "source": "S",
        "chars": 1,
        "sha256": "0" * 64,
    }
    ds = rdf_export.to_rdf(nx.MultiDiGraph(name="kgraph", documents=[doc]))
    ((iri, *_rest),) = ds.quads((None, RDF.type, KG.Document, None))
    assert len(list(ds.quads((iri, RDF.type, rns.SDO.NewsArticle, None)))) == 1
    written = {p for _s, p, _o, _g in ds.quads((iri, None, None, None))}
    for attr, term in DUBLIN_CORE.items():
        assert term in written, attr
        assert (term, RDFS.comment, None) in ontology, term  # documented in the vocabulary
    assert (PROV.wasAttributedTo, RDFS.comment, None) in ontology


def test_bindings_have_unique_prefixes_and_namespaces() -> None:
    prefixes = [p for p, _ in BINDINGS]
    namespaces = [n for _, n in BINDINGS]
    assert len(set(prefixes)) == len(prefixes)
    assert len(set(namespaces)) == len(namespaces)
    g = bind_namespaces(rdflib.Graph())
    bound = {p: str(n) for p, n in g.namespaces()}
    for prefix, ns in BINDINGS:
        assert bound[prefix] == ns


def test_the_exporter_and_the_namespace_agree_on_prefixes() -> None:
    exported = dict(rdf_export._VOCAB_PREFIXES)
    bound = dict(BINDINGS)
    assert {p: bound[p] for p in exported} == exported


def test_relation_predicates_live_in_the_open_namespace() -> None:
    assert str(REL["speak_with"]) == "https://w3id.org/kgraph/rel#speak_with"


@pytest.mark.parametrize(
    "module", ["kgraph", "kgraph.export.rdf", "kgraph.export.store", "kgraph.export"]
)
def test_importing_does_not_import_rdflib_or_requests(module: str) -> None:
    code = (
        f"import sys, {module}; "
        "heavy = [m for m in ('rdflib', 'requests', 'pyshacl') if m in sys.modules]; "
        "print(heavy); sys.exit(1 if heavy else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "src")},
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
