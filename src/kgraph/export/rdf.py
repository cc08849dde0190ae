"""RDF: the contract graph as triples, in six syntaxes, and back.

Layout (the vocabulary is ``src/kgraph/ontology.ttl``, the constraints
``src/kgraph/shapes.ttl``):

* **Default graph** -- the knowledge.  A ``kg:Dataset`` node (name, version);
  every entity (``kg:Person``/``schema:Person`` ...) and allegation
  (``kg:Allegation``/``schema:Claim``) with ``kg:id`` (the contract id, kept
  exactly), ``skos:prefLabel``, ``skos:altLabel`` (aliases), counts and
  ``prov:wasDerivedFrom`` its documents; each relation as a direct triple
  (``:pompeo rel:warn :lavrov``; allegation roles as ``kg:accused``,
  ``kg:allegedBy`` ...; a negated fact, or one the text does not assert, gets
  none); and each edge reified as a ``kg:Statement`` (``rdf:subject``/
  ``rdf:predicate``/``rdf:object`` plus key, date, role, confidence as
  ``xsd:decimal``, the modality -- ``kg:asserted``, ``kg:negated``,
  ``kg:hedged``, ``kg:reported`` with ``kg:accordingTo`` the node it is
  reported from, ``kg:demanded``, ``kg:planned`` -- and its event type as a
  class, ``kg:Threaten`` ... one per PLOVER category, under ``kg:Event``).
  rdflib has no RDF-star, so reification it is.
* **One named graph per document**, named by the document's IRI: its Dublin
  Core metadata and every piece of evidence taken from it -- ``kg:evidence``
  from the node or statement to an ``oa:SpecificResource`` with
  ``oa:hasSource`` (the document), an ``oa:TextQuoteSelector`` (``oa:exact``:
  the sentence) and an ``oa:TextPositionSelector`` (``oa:start``/``oa:end``).
  Re-sending one document's graph to a store replaces exactly its evidence.

IRIs are ``BASE + type + "/" + slug + "-" + hash``: the slug is a readable
lower-case form of the NFC label (letters and digits only), the hash a
BLAKE2b digest of the exact contract id -- so any name gives a valid IRI, the
same graph always gives the same IRIs (whatever the document order), and two
ids never share one.  No blank nodes are written.

Serialisers are kgraph's own, streaming and byte-stable (rdflib's reorder
with the hash seed): ``turtle`` and ``xml`` are a merged view (every triple,
no graph names; ``Dataset.serialize(format="turtle")`` would silently drop
the named graphs), ``trig``, ``nquads`` and ``json-ld`` keep the named graphs.
:func:`read_rdf` parses any of them with rdflib and rebuilds the contract
graph exactly; attributes no RDF term carries exactly (unknown keys, ``None``
where the contract has no default, unsorted lists) travel as a JSON literal
``kg:extra``, so nothing is lost.

>>> import networkx as nx
>>> g = nx.MultiDiGraph(name="kgraph", documents=[{"id": "d1"}])
>>> g.add_node("person/ann", label="Ann", type="Person", subtype=None,
...            aliases=["Ann"], sources=["d1"], mentions=1,
...            evidence=[{"doc": "d1", "start": 0, "end": 3, "sentence": "Ann"}])
>>> text = to_turtle(g)
>>> "skos:prefLabel \\"Ann\\"" in text
True
>>> from_rdf(to_rdf(g)).nodes["person/ann"] == g.nodes["person/ann"]
True
"""

from __future__ import annotations

import datetime
import gc
import hashlib
import json
import logging
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import networkx as nx

from kgraph._errors import ExportError, FormatError, MissingDependencyError
from kgraph._model import EVENT_CATEGORIES
from kgraph._types import NODE_TYPES
from kgraph.export._files import atomic_write
from kgraph.export.nodelink import encode_text, encoding_error, read_text, surrogate_error

if TYPE_CHECKING:
    import rdflib

__all__ = [
    "DEFAULT_BASE",
    "FORMATS",
    "ONTOLOGY_PATH",
    "SHAPES_PATH",
    "entity_iri",
    "from_rdf",
    "graph_payloads",
    "read_rdf",
    "serialize",
    "slug",
    "to_nquads",
    "to_ntriples",
    "to_rdf",
    "to_turtle",
    "validate",
    "write_rdf",
]

log = logging.getLogger("kgraph.export.rdf")

DEFAULT_BASE: Final = "https://kgraph.invalid/id/"
"""Base IRI of exported data.  ``.invalid`` never resolves: pass your own ``base``."""

FORMATS: Final = ("turtle", "nt", "json-ld", "trig", "nquads", "xml")
ONTOLOGY_PATH: Final = Path(__file__).resolve().parent.parent / "ontology.ttl"
SHAPES_PATH: Final = Path(__file__).resolve().parent.parent / "shapes.ttl"

# -- IRIs of the vocabularies (plain strings: this module imports rdflib lazily) ---------
_KG = "https://w3id.org/kgraph/ns#"
_REL = "https://w3id.org/kgraph/rel#"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_SDO = "https://schema.org/"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_PROV = "http://www.w3.org/ns/prov#"
_OA = "http://www.w3.org/ns/oa#"
_DCT = "http://purl.org/dc/terms/"
_DC = "http://purl.org/dc/elements/1.1/"

_VOCAB_PREFIXES: Final = (
    ("kg", _KG),
    ("rel", _REL),
    ("rdf", _RDF),
    ("rdfs", _RDFS),
    ("xsd", _XSD),
    ("schema", _SDO),
    ("skos", _SKOS),
    ("prov", _PROV),
    ("oa", _OA),
    ("dcterms", _DCT),
    ("dc", _DC),
)

RDF_TYPE = _RDF + "type"
XSD_INTEGER = _XSD + "integer"
XSD_NNI = _XSD + "nonNegativeInteger"
XSD_BOOLEAN = _XSD + "boolean"
XSD_DECIMAL = _XSD + "decimal"
XSD_DATE = _XSD + "date"
XSD_ANYURI = _XSD + "anyURI"
XSD_STRING = _XSD + "string"


def _kg(term: str) -> str:
    # Checked against the closed namespace by tests/test_namespace.py (every _kg("...")
    # literal in this file is a term of kgraph.namespace.KG).
    return _KG + term


# Node types -> (kg class, schema.org class, IRI segment), from the registry kgraph._types
_NODE_CLASSES: Final[dict[str, tuple[str, str, str]]] = {
    t.name: (t.kg_class, t.schema_iri, t.segment) for t in NODE_TYPES
}
_CLASS_TYPES: Final = {v[0]: k for k, v in _NODE_CLASSES.items()}
_GENERIC_NODE = _kg("Node")

_ROLE_PREDICATES: Final[dict[str, str]] = {
    "accused": _kg("accused"),
    "target": _kg("target"),
    "alleged_by": _kg("allegedBy"),
    "reported_by": _kg("reportedBy"),
    "denied_by": _kg("deniedBy"),
    "dismissed_by": _kg("dismissedBy"),
    "confirmed_by": _kg("confirmedBy"),
}
_HOLDS_ROLE = _kg("holdsRole")
_PREDICATE_NAMES: Final = {
    **{iri: name for name, iri in _ROLE_PREDICATES.items()},
    _HOLDS_ROLE: "holds_role",
}
_KIND_CLASSES: Final = {
    "action": _kg("ActionStatement"),
    "role": _kg("RoleStatement"),
    "allegation": _kg("AllegationRoleStatement"),
}
_CLASS_KINDS: Final = {v: k for k, v in _KIND_CLASSES.items()}
# PLOVER categories -> their kg classes ("THREATEN" -> kg:Threaten)
_EVENT_CLASSES: Final = {name: _kg(name.capitalize()) for name in EVENT_CATEGORIES}
_CLASS_EVENTS: Final = {v: k for k, v in _EVENT_CLASSES.items()}
_STATEMENT_CLASSES: Final = frozenset({*_KIND_CLASSES.values(), _kg("Statement")})
_REL_NAME = re.compile(r"[a-z][a-z0-9_]*")


class Lit(NamedTuple):
    """A literal: its lexical form and datatype IRI (``""`` for a plain string)."""

    lex: str
    dt: str = ""


Term = str | Lit  # a str is an IRI
Block = tuple[str, str, list[tuple[str, Term]]]  # (graph IRI or "", subject, [(p, o)])


@dataclass(frozen=True)
class _Field:
    attr: str
    pred: str
    kind: str  # str int nnint bool dec date uri strs docs node nodes
    default: Any = None
    has_default: bool = False


def _f(attr: str, pred: str, kind: str, *default: Any) -> _Field:
    return _Field(attr, pred, kind, default[0] if default else None, bool(default))


_DATASET_FIELDS: Final = (
    _f("name", _kg("name"), "str"),
    _f("version", _kg("version"), "str"),
)
_DOCUMENT_FIELDS: Final = (
    _f("id", _kg("id"), "str"),
    _f("title", _DCT + "title", "str", None),
    _f("url", _DCT + "source", "uri", None),
    _f("published", _DCT + "date", "date", None),
    _f("source", _DCT + "publisher", "str", None),
    _f("authors", _DC + "creator", "strs", []),
    _f("chars", _kg("chars"), "nnint"),
    _f("sha256", _kg("sha256"), "str"),
)
_ENTITY_FIELDS: Final = (
    _f("label", _SKOS + "prefLabel", "str"),
    _f("subtype", _kg("subtype"), "str", None),
    _f("gid", _kg("gid"), "str", None),
    _f("mentions", _kg("mentionCount"), "nnint"),
    _f("sources", _PROV + "wasDerivedFrom", "docs", []),
)
_ALLEGATION_FIELDS: Final = (
    _f("label", _SKOS + "prefLabel", "str"),
    _f("text", _kg("claimText"), "str"),
    _f("status", _kg("status"), "str"),
    _f("confidence", _kg("confidenceLevel"), "str", None),
    _f("dates", _kg("date"), "strs", []),
    _f("keywords", _kg("keyword"), "strs", []),
    _f("act", _kg("actClass"), "str", None),
    _f("first_reported", _kg("firstReported"), "date", None),
    _f("time", _kg("eventTime"), "str", None),
    _f("mentions", _kg("mentionCount"), "nnint"),
    _f("sources", _PROV + "wasDerivedFrom", "docs", []),
)
_EDGE_FIELDS: Final = (
    _f("role", _kg("role"), "str"),
    _f("former", _kg("former"), "bool"),
    _f("negated", _kg("negated"), "bool"),
    _f("hedged", _kg("hedged"), "bool"),
    _f("hedge", _kg("hedge"), "str"),
    _f("date", _kg("date"), "str"),
    _f("anonymous", _kg("anonymous"), "bool"),
    _f("confidence", _kg("confidence"), "dec"),
    _f("asserted", _kg("asserted"), "bool"),
    _f("origin", _kg("origin"), "str"),
    _f("reported", _kg("reported"), "bool"),
    _f("according_to", _kg("accordingTo"), "node"),
    _f("demanded", _kg("demanded"), "bool"),
    _f("planned", _kg("planned"), "bool"),
    _f("allegations", _kg("allegation"), "nodes"),
)
_EVIDENCE_FIELDS: Final = (
    _f("text", _kg("mentionText"), "str"),
    _f("ner", _kg("ner"), "str"),
)
_NODE_SPECIAL: Final = frozenset({"type", "aliases", "evidence"})
_EDGE_SPECIAL: Final = frozenset({"predicate", "kind", "evidence", "event"})
_EVIDENCE_SPECIAL: Final = frozenset({"doc", "start", "end", "sentence"})


# -- small helpers ---------------------------------------------------------------------------


def _same(a: Any, b: Any) -> bool:
    """Equality that also compares types (``True != 1``, ``1 != 1.0``)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return bool(a == b)


def _json_extra(extra: Mapping[str, Any], where: str) -> str:
    try:
        text = json.dumps(extra, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        back = json.loads(text)
    except (TypeError, ValueError) as err:
        raise ExportError(
            f"{where}: attributes {sorted(extra)} hold a value RDF export cannot keep "
            f"({err}); contract graph values must be JSON-safe (str, int, float, bool, "
            "None, list, dict)"
        ) from err
    if not _same(back, dict(extra)):
        raise ExportError(
            f"{where}: attributes {sorted(extra)} do not survive JSON unchanged (tuples, "
            "non-string keys, NaN?); contract graph values must be JSON-safe"
        )
    return text


def _hash(text: str, size: int) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=size).hexdigest()


def _iri_char(ch: str) -> bool:
    o = ord(ch)
    if o < 0x80:
        return ch.isalnum()
    return (
        (0xA0 <= o <= 0xD7FF or 0xF900 <= o <= 0xFDCF or 0xFDF0 <= o <= 0xFFEF or o >= 0x10000)
        and (o & 0xFFFE) != 0xFFFE
        and ch.isalnum()
    )


def slug(text: str, limit: int = 48) -> str:
    """A readable IRI-safe slug: NFC, lower case, letters and digits joined by ``-``.

    >>> slug("Sergey V. Lavrov"), slug("Росси́я \\u202eatad"), slug("<script>"), slug("?#%")
    ('sergey-v-lavrov', 'россия-atad', 'script', '')
    """
    text = unicodedata.normalize("NFC", text).lower()
    out: list[str] = []
    for ch in text:
        if _iri_char(ch):
            out.append(ch)
        elif unicodedata.category(ch)[0] == "M" or unicodedata.category(ch) == "Cf":
            continue  # combining marks and invisible format characters
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out)[:limit].strip("-")


def _check_base(base: str) -> str:
    if not isinstance(base, str) or not re.fullmatch(
        r"[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>\"{}|\\^`\x7f\ud800-\udfff]*[/#:]", base
    ):
        raise ExportError(
            f"base IRI {base!r} is not usable: give an absolute IRI ending in '/' or '#', "
            "without spaces or <>\"{}|\\^`, e.g. 'https://example.org/kg/'"
        )
    if base.split(":", 1)[0] in {p for p, _ in _VOCAB_PREFIXES}:
        raise ExportError(f"base IRI {base!r} starts like a vocabulary prefix; use http(s)://")
    return base


def _rel_iri(predicate: str) -> str:
    if _REL_NAME.fullmatch(predicate):
        return _REL + predicate
    return _REL + "x-" + predicate.encode("utf-8", "surrogatepass").hex()


def _predicate_name(iri: str) -> str | None:
    if iri in _PREDICATE_NAMES:
        return _PREDICATE_NAMES[iri]
    if iri.startswith(_REL):
        local = iri[len(_REL) :]
        if local.startswith("x-"):
            try:
                return bytes.fromhex(local[2:]).decode("utf-8", "surrogatepass")
            except ValueError:
                return None
        return local
    return None


def _decimal_lex(value: float) -> str:
    text = format(Decimal(repr(value)), "f")
    if "." not in text:
        text += ".0"
    return text


def _is_iso_date(text: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


_URI_OK = re.compile(r"[^\x00-\x20<>\"{}|\\^`\x7f]+")


def _fits(kind: str, value: Any) -> bool:
    t = type(value)
    if kind in ("str", "date", "uri", "doc", "node"):
        return t is str
    if kind == "int":
        return t is int
    if kind == "nnint":
        return t is int and value >= 0
    if kind == "bool":
        return t is bool
    if kind == "dec":
        return t is float and math.isfinite(value)
    if kind in ("strs", "docs", "nodes"):
        return (
            t is list
            and bool(value)
            and all(type(x) is str for x in value)
            and all(a < b for a, b in pairwise(value))
        )
    raise AssertionError(kind)  # pragma: no cover


def _literal(kind: str, value: Any) -> Lit:
    if kind in ("str", "strs"):
        return Lit(value)
    if kind == "int":
        return Lit(str(value), XSD_INTEGER)
    if kind == "nnint":  # counts: xsd:integer (bare in Turtle); oa:start/end are written apart
        return Lit(str(value), XSD_INTEGER)
    if kind == "bool":
        return Lit("true" if value else "false", XSD_BOOLEAN)
    if kind == "dec":
        return Lit(_decimal_lex(value), XSD_DECIMAL)
    if kind == "date":
        return Lit(value, XSD_DATE) if _is_iso_date(value) else Lit(value)
    if kind == "uri":
        return Lit(value, XSD_ANYURI) if _URI_OK.fullmatch(value) else Lit(value)
    raise AssertionError(kind)  # pragma: no cover


# -- from the contract graph to blocks of triples --------------------------------------------


@dataclass
class _Export:
    """The triples of one contract graph, grouped in blocks by (graph, subject)."""

    base: str
    blocks: list[Block] = field(default_factory=list)
    doc_iris: dict[str, str] = field(default_factory=dict)
    node_iris: dict[Any, str] = field(default_factory=dict)
    predicates: set[str] = field(default_factory=set)
    taken: set[str] = field(default_factory=set)

    # IRIs --------------------------------------------------------------------------------
    def _mint(self, segment: str, label: str, ident: str, size: int) -> str:
        s = slug(label)
        h = _hash(ident, size)
        return f"{self.base}{segment}/{s}-{h}" if s else f"{self.base}{segment}/{h}"

    def mint_all(self, items: Sequence[tuple[str, str, str]]) -> dict[str, str]:
        """IRIs for ``(id, segment, label)`` items; a rare digest clash gets long digests."""
        iris = {ident: self._mint(seg, label, ident, 5) for ident, seg, label in items}
        seen: dict[str, int] = {}
        for iri in iris.values():
            seen[iri] = seen.get(iri, 0) + 1
        for ident, seg, label in items:
            if seen[iris[ident]] > 1:
                iris[ident] = self._mint(seg, label, ident, 20)
        return iris

    def doc(self, doc_id: str) -> str:
        iri = self.doc_iris.get(doc_id)
        if iri is None:
            iri = self._mint("document", doc_id, doc_id, 5)
            if iri in self.taken:
                iri = self._mint("document", doc_id, doc_id, 20)
            self.doc_iris[doc_id] = iri
            self.taken.add(iri)
            self.blocks.append((iri, iri, [(_kg("id"), Lit(doc_id))]))
        return iri

    # fields --------------------------------------------------------------------------------
    def fields(
        self,
        record: Mapping[str, Any],
        fields: Sequence[_Field],
        out: list[tuple[str, Term]],
        extra: dict[str, Any],
        absent: list[str],
    ) -> None:
        for f in fields:
            if f.attr not in record:
                if f.has_default:
                    absent.append(f.attr)
                continue
            value = record[f.attr]
            if f.kind in ("node", "nodes") and _fits(f.kind, value):
                ids = [value] if f.kind == "node" else value
                if all(i in self.node_iris for i in ids):
                    out.extend((f.pred, self.node_iris[i]) for i in ids)
                else:
                    extra[f.attr] = value
            elif _fits(f.kind, value):
                if f.kind == "docs":
                    out.extend((f.pred, self.doc(v)) for v in value)
                elif f.kind == "strs":
                    out.extend((f.pred, Lit(v)) for v in value)
                else:
                    out.append((f.pred, _literal(f.kind, value)))
            elif not (f.has_default and _same(value, f.default)):
                extra[f.attr] = value

    def finish(
        self,
        out: list[tuple[str, Term]],
        extra: dict[str, Any],
        absent: list[str],
        where: str,
    ) -> None:
        if extra:
            out.append((_kg("extra"), Lit(_json_extra(extra, where))))
        out.extend((_kg("absent"), Lit(a)) for a in sorted(absent))

    # evidence ---------------------------------------------------------------------------------
    def evidence(self, owner: str, items: Any, extra: dict[str, Any]) -> list[Block]:
        """Blocks of the evidence items of ``owner``, in the named graphs of their documents."""
        blocks: list[Block] = []
        if not isinstance(items, list) or not all(type(i) is dict for i in items):
            extra["evidence"] = items
            return blocks
        keys = [_evidence_key(i) for i in items]
        indexed = any(a >= b for a, b in pairwise(keys))
        links: dict[str, list[tuple[str, Term]]] = {}
        seen: dict[str, int] = {}
        for position, item in enumerate(items):
            token = _evidence_token(item)
            n = seen[token] = seen.get(token, -1) + 1
            ev = f"{self.base}evidence/{_hash(owner + chr(31) + token + chr(31) + str(n), 8)}"
            doc = item.get("doc")
            graph = self.doc(doc) if type(doc) is str else ""
            links.setdefault(graph, []).append((_kg("evidence"), ev))
            po: list[tuple[str, Term]] = [(RDF_TYPE, _OA + "SpecificResource")]
            ev_extra: dict[str, Any] = {}
            if type(doc) is str:
                po.append((_OA + "hasSource", graph))
            elif "doc" in item:
                ev_extra["doc"] = doc
            selectors = self.selectors(item, graph, ev, po, ev_extra)
            absent: list[str] = []
            self.fields(item, _EVIDENCE_FIELDS, po, ev_extra, absent)
            ev_extra.update(
                {
                    k: v
                    for k, v in item.items()
                    if k not in _EVIDENCE_SPECIAL and k not in ("text", "ner")
                }
            )
            if indexed:
                po.append((_kg("index"), Lit(str(position), XSD_INTEGER)))
            self.finish(po, ev_extra, absent, f"evidence of {owner}")
            blocks.append((graph, ev, po))
            blocks.extend(selectors)
        blocks[:0] = [(graph, owner, link) for graph, link in links.items()]
        return blocks

    def selectors(
        self,
        item: Mapping[str, Any],
        graph: str,
        ev: str,
        po: list[tuple[str, Term]],
        ev_extra: dict[str, Any],
    ) -> list[Block]:
        """The quote and position selectors of the evidence item ``ev`` (linked from ``po``);
        a sentence or offsets RDF cannot carry go to ``ev_extra``."""
        selectors: list[Block] = []
        if "sentence" in item:
            if type(item["sentence"]) is str:
                po.append((_OA + "hasSelector", ev + "-quote"))
                selectors.append(
                    (
                        graph,
                        ev + "-quote",
                        [
                            (RDF_TYPE, _OA + "TextQuoteSelector"),
                            (_OA + "exact", Lit(item["sentence"])),
                        ],
                    )
                )
            else:
                ev_extra["sentence"] = item["sentence"]
        start, end = item.get("start"), item.get("end")
        if _fits("nnint", start) and _fits("nnint", end):
            po.append((_OA + "hasSelector", ev + "-position"))
            selectors.append(
                (
                    graph,
                    ev + "-position",
                    [
                        (RDF_TYPE, _OA + "TextPositionSelector"),
                        (_OA + "start", Lit(str(start), XSD_NNI)),
                        (_OA + "end", Lit(str(end), XSD_NNI)),
                    ],
                )
            )
        else:
            ev_extra.update({k: item[k] for k in ("start", "end") if k in item})
        return selectors

    # the graph ----------------------------------------------------------------------------------
    def run(self, g: nx.MultiDiGraph) -> None:
        self.dataset(g)
        self.node_iris = self.mint_nodes(g)
        statements = self.mint_statements(g)
        direct: dict[Any, list[tuple[str, Term]]] = {}
        for (u, v, _k), (_iri, pred, attrs) in statements.items():
            if attrs.get("negated") is not True and attrs.get("asserted") is not False:
                direct.setdefault(u, []).append((pred, self.node_iris[v]))
        for nid in sorted(self.node_iris, key=_id_key):
            self.node(nid, g.nodes[nid], direct.get(nid, []))
        for (u, v, key), (iri, pred, attrs) in statements.items():
            self.statement(iri, u, v, key, pred, attrs)
        if _attributions_fit(g.graph.get("statements"), g):
            for item in g.graph["statements"]:
                self.attribution(item)
        for pred in sorted(self.predicates):
            self.blocks.append(("", pred, [(_RDFS + "subPropertyOf", _kg("relatedTo"))]))

    def dataset(self, g: nx.MultiDiGraph) -> None:
        po: list[tuple[str, Term]] = [(RDF_TYPE, _kg("Dataset"))]
        extra: dict[str, Any] = {}
        absent: list[str] = []
        self.fields(g.graph, _DATASET_FIELDS, po, extra, absent)
        structured: tuple[str, ...] = ("name", "version", "documents")
        if _attributions_fit(g.graph.get("statements"), g):
            structured += ("statements",)  # written as kg:Attribution resources
        extra.update({k: v for k, v in g.graph.items() if k not in structured})
        docs = g.graph.get("documents")
        ids = (
            [d.get("id") for d in docs]
            if isinstance(docs, list) and all(type(d) is dict for d in docs)
            else None
        )
        native = (
            ids is not None
            and all(type(i) is str for i in ids)
            and all(a < b for a, b in pairwise(ids))
        )
        if "documents" not in g.graph:
            absent.append("documents")
        elif not native:
            extra["documents"] = docs
        self.finish(po, extra, absent, "graph attributes")
        self.blocks.append(("", self.base + "dataset", po))
        if native:
            assert isinstance(docs, list)
            iris = self.mint_all([(d["id"], "document", d["id"]) for d in docs])
            self.doc_iris.update(iris)
            self.taken.update(iris.values())
            for d in docs:
                iri = iris[d["id"]]
                dpo: list[tuple[str, Term]] = [
                    (RDF_TYPE, _kg("Document")),
                    (RDF_TYPE, _SDO + "NewsArticle"),
                ]
                dextra: dict[str, Any] = {}
                dabsent: list[str] = []
                self.fields(d, _DOCUMENT_FIELDS, dpo, dextra, dabsent)
                known = {f.attr for f in _DOCUMENT_FIELDS}
                dextra.update({k: v for k, v in d.items() if k not in known})
                self.finish(dpo, dextra, dabsent, f"document {d['id']!r}")
                self.blocks.append((iri, iri, dpo))

    def mint_nodes(self, g: nx.MultiDiGraph) -> dict[Any, str]:
        items = []
        for nid, attrs in g.nodes(data=True):
            if type(nid) is not str:
                raise ExportError(
                    f"node id {nid!r} is a {type(nid).__name__}: contract node ids are strings"
                )
            spec = _NODE_CLASSES.get(str(attrs.get("type")))
            label = attrs.get("label")
            items.append((nid, spec[2] if spec else "node", label if type(label) is str else nid))
        return dict(self.mint_all(items))

    def mint_statements(
        self, g: nx.MultiDiGraph
    ) -> dict[tuple[Any, Any, Any], tuple[str, str, dict[str, Any]]]:
        out: dict[tuple[Any, Any, Any], tuple[str, str, dict[str, Any]]] = {}
        edges = sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], _id_key(e[2])))
        seen: set[str] = set()
        for u, v, key, attrs in edges:
            if type(key) not in (str, int) or type(key) is bool:
                raise ExportError(
                    f"edge {u!r} -> {v!r} has key {key!r}: contract edge keys are strings"
                )
            predicate = attrs.get("predicate")
            name = predicate if type(predicate) is str else str(key)
            if attrs.get("kind") == "allegation" and name in _ROLE_PREDICATES:
                pred = _ROLE_PREDICATES[name]
            elif name == "holds_role":
                pred = _HOLDS_ROLE
            else:
                pred = _rel_iri(name)
                self.predicates.add(pred)
            token = json.dumps([u, v, key], ensure_ascii=False)
            iri = f"{self.base}statement/{slug(name) or 'x'}-{_hash(token, 8)}"
            if iri in seen:
                iri = f"{self.base}statement/{slug(name) or 'x'}-{_hash(token, 20)}"
            seen.add(iri)
            out[(u, v, key)] = (iri, pred, attrs)
        return out

    def node(self, nid: str, attrs: Mapping[str, Any], direct: list[tuple[str, Term]]) -> None:
        iri = self.node_iris[nid]
        ntype = attrs.get("type")
        spec = _NODE_CLASSES.get(ntype) if type(ntype) is str else None
        po: list[tuple[str, Term]] = (
            [(RDF_TYPE, spec[0]), (RDF_TYPE, spec[1])] if spec else [(RDF_TYPE, _GENERIC_NODE)]
        )
        po.append((_kg("id"), Lit(nid)))
        extra: dict[str, Any] = {}
        absent: list[str] = []
        if spec is None:
            if "type" in attrs:
                extra["type"] = ntype
            else:
                absent.append("type")
        is_allegation = ntype == "Allegation"
        fields = _ALLEGATION_FIELDS if is_allegation else _ENTITY_FIELDS
        self.fields(attrs, fields, po, extra, absent)
        # aliases: skos:altLabel for every alias but the label; an entity's label is an alias
        label = attrs.get("label") if type(attrs.get("label")) is str else None
        if "aliases" in attrs:
            aliases = attrs["aliases"]
            if isinstance(aliases, list) and all(type(a) is str for a in aliases):
                alts = sorted({a for a in aliases if a != label})
                po.extend((_SKOS + "altLabel", Lit(a)) for a in alts)
                if not _same(_aliases(alts, label, is_allegation), aliases):
                    extra["aliases"] = aliases
            else:
                extra["aliases"] = aliases
        else:
            absent.append("aliases")
        evidence: list[Block] = []
        if "evidence" in attrs:
            evidence = self.evidence(iri, attrs["evidence"], extra)
        else:
            absent.append("evidence")
        known = {f.attr for f in fields} | _NODE_SPECIAL
        extra.update({k: v for k, v in attrs.items() if k not in known})
        self.finish(po, extra, absent, f"node {nid!r}")
        po.extend(sorted(set(direct)))
        self.blocks.append(("", iri, po))
        self.blocks.extend(evidence)

    def statement(
        self, iri: str, u: Any, v: Any, key: Any, pred: str, attrs: Mapping[str, Any]
    ) -> None:
        kind = attrs.get("kind")
        kind_class = _KIND_CLASSES.get(kind) if type(kind) is str else None
        po: list[tuple[str, Term]] = [
            (RDF_TYPE, _RDF + "Statement"),
            (RDF_TYPE, kind_class or _kg("Statement")),
            (_RDF + "subject", self.node_iris[u]),
            (_RDF + "predicate", pred),
            (_RDF + "object", self.node_iris[v]),
        ]
        extra: dict[str, Any] = {}
        absent: list[str] = []
        if kind_class is None:
            if "kind" in attrs:
                extra["kind"] = kind
            else:
                absent.append("kind")
        if "event" in attrs:
            event = attrs["event"]
            event_class = _EVENT_CLASSES.get(event) if type(event) is str else None
            if event_class is not None:
                po.insert(2, (RDF_TYPE, event_class))
            else:
                extra["event"] = event
        predicate = attrs.get("predicate")
        if "predicate" not in attrs:
            absent.append("predicate")
        elif type(predicate) is not str:
            extra["predicate"] = predicate
        name = predicate if type(predicate) is str else str(key)
        if not _same(key, name):
            po.append((_kg("key"), Lit(key) if type(key) is str else Lit(str(key), XSD_INTEGER)))
        self.fields(attrs, _EDGE_FIELDS, po, extra, absent)
        items = attrs.get("evidence")
        docs = sorted(
            {e["doc"] for e in items if isinstance(e, dict) and type(e.get("doc")) is str}
            if isinstance(items, list)
            else ()
        )
        po.extend((_PROV + "wasDerivedFrom", self.doc(d)) for d in docs)
        evidence: list[Block] = []
        if "evidence" in attrs:
            evidence = self.evidence(iri, attrs["evidence"], extra)
        else:
            absent.append("evidence")
        known = {f.attr for f in _EDGE_FIELDS} | _EDGE_SPECIAL
        extra.update({k: v for k, v in attrs.items() if k not in known})
        self.finish(po, extra, absent, f"edge {u!r} -> {v!r} ({key!r})")
        self.blocks.append(("", iri, po))
        self.blocks.extend(evidence)

    def attribution(self, item: Mapping[str, Any]) -> None:
        """Who said what: a kg:Attribution whose content is quoted text, with its cue,
        content and source positions in the document's named graph; never a relation."""
        doc = self.doc(item["doc"])
        token = json.dumps([item["doc"], item["cue"], item["content"]])
        iri = f"{self.base}attribution/{_hash(token, 10)}"
        po: list[tuple[str, Term]] = [
            (RDF_TYPE, _kg("Attribution")),
            (RDF_TYPE, _SDO + "Quotation"),
            (_kg("attributionKind"), Lit(item["kind"])),
            (_SDO + "text", Lit(item["text"])),
            (_PROV + "wasDerivedFrom", doc),
        ]
        for pred, attr in ((_kg("speaker"), "speaker"), (_kg("onBehalfOf"), "on_behalf_of")):
            if item[attr] is not None:
                po.append((pred, self.node_iris[item[attr]]))
        if item["anonymous"]:
            po.append((_kg("anonymous"), Lit("true", XSD_BOOLEAN)))
        po.extend((_kg("about"), self.node_iris[n]) for n in item["about"])
        spans: list[Block] = []
        for pred, attr in (
            (_kg("cue"), "cue"),
            (_kg("content"), "content"),
            (_kg("sourceSpan"), "source"),
        ):
            span = item[attr]
            if span is None:
                continue
            selector = f"{iri}-{attr}"
            po.append((pred, selector))
            spans.append(
                (
                    doc,
                    selector,
                    [
                        (RDF_TYPE, _OA + "TextPositionSelector"),
                        (_OA + "start", Lit(str(span[0]), XSD_NNI)),
                        (_OA + "end", Lit(str(span[1]), XSD_NNI)),
                    ],
                )
            )
        ev = item["evidence"]
        evidence = self.evidence(iri, [{"doc": item["doc"], **ev}], {})
        self.blocks.append(("", iri, po))
        self.blocks.extend(spans)
        self.blocks.extend(evidence)


#: the keys of a statement as :func:`kgraph.graph.assemble` writes it
_ATTRIBUTION_KEYS: Final = frozenset(
    {
        "doc",
        "speaker",
        "on_behalf_of",
        "anonymous",
        "cue",
        "content",
        "source",
        "kind",
        "about",
        "text",
        "evidence",
    }
)


def _attributions_fit(items: Any, g: nx.MultiDiGraph) -> bool:
    """Whether the graph's statements are all of the form kgraph writes (else they travel
    whole as ``kg:extra``, so nothing is lost)."""

    def span(value: Any) -> bool:
        return (
            isinstance(value, list)
            and len(value) == 2
            and all(type(x) is int and x >= 0 for x in value)
        )

    def node(value: Any) -> bool:
        return value is None or (type(value) is str and value in g)

    def one(st: Any) -> bool:
        return (
            type(st) is dict
            and set(st) == _ATTRIBUTION_KEYS
            and type(st["doc"]) is str
            and node(st["speaker"])
            and node(st["on_behalf_of"])
            and type(st["anonymous"]) is bool
            and span(st["cue"])
            and span(st["content"])
            and (st["source"] is None or span(st["source"]))
            and type(st["kind"]) is str
            and type(st["text"]) is str
            and isinstance(st["about"], list)
            and all(type(a) is str and a in g for a in st["about"])
            and st["about"] == sorted(set(st["about"]))
            and type(st["evidence"]) is dict
            and set(st["evidence"]) == {"start", "end", "sentence"}
            and type(st["evidence"]["sentence"]) is str
            and all(
                type(st["evidence"][k]) is int and st["evidence"][k] >= 0 for k in ("start", "end")
            )
        )

    if not isinstance(items, list) or not items or not all(one(st) for st in items):
        return False
    keys = [(st["doc"], st["cue"], st["content"]) for st in items]
    return keys == sorted(keys) and len(set(map(repr, keys))) == len(keys)


def _id_key(value: Any) -> tuple[int, str]:
    return (0, value) if type(value) is str else (1, repr(value))


def _evidence_key(item: Mapping[str, Any]) -> tuple[Any, ...]:
    def num(x: Any) -> int:
        return x if type(x) is int else -1

    return (
        str(item.get("doc", "")),
        num(item.get("start")),
        num(item.get("end")),
        str(item.get("sentence", "")),
        str(item.get("text", "")),
        str(item.get("ner", "")),
    )


_EVIDENCE_KEYS: Final = ("doc", "start", "end", "sentence", "text", "ner")


def _evidence_token(item: Mapping[str, Any]) -> str:
    """What an evidence IRI is a digest of (with its owner and its occurrence number)."""
    if item.keys() <= set(_EVIDENCE_KEYS) and all(
        type(v) is str or type(v) is int for v in item.values()
    ):
        return "\x1f".join(str(item.get(k, "\x00")) for k in _EVIDENCE_KEYS)
    return json.dumps(item, sort_keys=True, ensure_ascii=False, default=repr)


def _aliases(alts: list[str], label: str | None, is_allegation: bool) -> list[str]:
    if is_allegation or label is None:
        return sorted(set(alts))
    return sorted({*alts, label})


def _export(g: nx.MultiDiGraph, base: str) -> _Export:
    out = _Export(_check_base(base))
    with _no_gc():
        out.run(g)
    return out


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: the exporter makes millions of small acyclic
    tuples, and the collector's passes over them cost more than the export itself."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def entity_iri(g: nx.MultiDiGraph, node: str, *, base: str = DEFAULT_BASE) -> str:
    """The IRI :func:`to_rdf` gives ``node`` of ``g``.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("country/russia", label="Russia", type="Country")
    >>> entity_iri(g, "country/russia")
    'https://kgraph.invalid/id/country/russia-...'
    """
    ex = _Export(_check_base(base))
    iris = ex.mint_nodes(g)
    try:
        return iris[node]
    except KeyError:
        raise ExportError(f"{node!r} is not a node of the graph") from None


# -- serialisers (own, streaming, byte-stable) ----------------------------------------------

_NT_ESCAPES: Final = {
    **{c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F)},
    ord("\\"): "\\\\",
    ord('"'): '\\"',
    ord("\n"): "\\n",
    ord("\r"): "\\r",
    ord("\t"): "\\t",
    ord("\b"): "\\b",
    ord("\f"): "\\f",
}


_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f"\\\x7f]')


def _escape(text: str) -> str:
    return text.translate(_NT_ESCAPES) if _NEEDS_ESCAPE.search(text) else text


class _Formatter:
    """Turns terms into N-Triples and Turtle text, memoising IRIs."""

    def __init__(self, base: str) -> None:
        self.prefixes: list[tuple[str, str]] = list(_VOCAB_PREFIXES)
        for segment in (
            "person",
            "agency",
            "country",
            "organization",
            "location",
            "allegation",
            "node",
            "document",
            "statement",
            "evidence",
        ):
            self.prefixes.append((segment, f"{base}{segment}/"))
        self.prefixes.append(("kgd", base))
        # longest namespace first, so that a data prefix wins over the bare base
        self._by_length = sorted(self.prefixes, key=lambda p: -len(p[1]))
        self._nt: dict[Term, str] = {}
        self._ttl: dict[Term, str] = {}

    def nt(self, term: Term) -> str:
        text = self._nt.get(term)
        if text is None:
            if isinstance(term, Lit):
                text = f'"{_escape(term.lex)}"'
                if term.dt:
                    text += "^^" + self.nt(term.dt)
            else:
                text = "<" + _escape_iri(term) + ">"
            self._nt[term] = text
        return text

    def ttl(self, term: Term) -> str:
        text = self._ttl.get(term)
        if text is None:
            if isinstance(term, Lit):
                dt = term.dt
                if not dt:
                    text = f'"{_escape(term.lex)}"'
                elif dt in (XSD_INTEGER, XSD_BOOLEAN) or (dt == XSD_DECIMAL and "." in term.lex):
                    text = term.lex
                else:
                    text = f'"{_escape(term.lex)}"^^{self.ttl(dt)}'
            else:
                text = self._qname(term)
            self._ttl[term] = text
        return text

    def _qname(self, iri: str) -> str:
        if iri == RDF_TYPE:
            return "a"
        for prefix, ns in self._by_length:
            if iri.startswith(ns):
                local = iri[len(ns) :]
                if _PN_LOCAL.fullmatch(local):
                    return f"{prefix}:{local}"
                break
        return "<" + _escape_iri(iri) + ">"

    def header(self, fmt: str) -> Iterator[str]:
        for prefix, ns in self.prefixes:
            yield f"@prefix {prefix}: <{_escape_iri(ns)}> .\n"
        yield "\n"


_PN_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?")
_IRI_ESCAPES: Final = {c: f"\\u{c:04X}" for c in b'\x00 <>"{}|^`\\'}
_IRI_ESCAPES.update({c: f"\\u{c:04X}" for c in range(0x21)})


_IRI_NEEDS_ESCAPE = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _escape_iri(iri: str) -> str:
    # IRIs kgraph mints never need it; a foreign IRI read back may.
    return iri.translate(_IRI_ESCAPES) if _IRI_NEEDS_ESCAPE.search(iri) else iri


def _by_graph(blocks: Iterable[Block]) -> dict[str, list[Block]]:
    graphs: dict[str, list[Block]] = {"": []}
    for block in blocks:
        graphs.setdefault(block[0], []).append(block)
    default = graphs.pop("")
    return {"": default, **dict(sorted(graphs.items()))}


def _ntriples(blocks: Iterable[Block], fmt: _Formatter, quads: bool) -> Iterator[str]:
    nt = fmt.nt
    known = fmt._nt.get  # the hot loop: memoised terms without a call to nt()
    for graph, subject, po in blocks:
        s = (known(subject) or nt(subject)) + " "
        tail = f" {nt(graph)} .\n" if quads and graph else " .\n"
        yield "".join([s + (known(p) or nt(p)) + " " + (known(o) or nt(o)) + tail for p, o in po])


def _turtle_block(subject: str, po: list[tuple[str, Term]], fmt: _Formatter, indent: str) -> str:
    ttl = fmt.ttl
    known = fmt._ttl.get
    parts = [indent, known(subject) or ttl(subject)]
    append = parts.append
    last_p = None
    next_p = " ;\n" + indent + "    "
    for p, o in po:
        if p == last_p:
            append(" , ")
        else:
            append(next_p if last_p is not None else " ")
            append(known(p) or ttl(p))
            append(" ")
            last_p = p
        append(known(o) or ttl(o))
    append(" .\n")
    return "".join(parts)


def _turtle(blocks: Iterable[Block], fmt: _Formatter) -> Iterator[str]:
    yield from fmt.header("turtle")
    for _graph, subject, po in blocks:
        yield _turtle_block(subject, po, fmt, "")


def _trig(blocks: Iterable[Block], fmt: _Formatter) -> Iterator[str]:
    yield from fmt.header("trig")
    for graph, group in _by_graph(blocks).items():
        if not graph:
            for _g, subject, po in group:
                yield _turtle_block(subject, po, fmt, "")
            continue
        yield f"\n{fmt.ttl(graph)} {{\n"
        for _g, subject, po in group:
            yield _turtle_block(subject, po, fmt, "    ")
        yield "}\n"


def _jsonld(blocks: Iterable[Block], fmt: _Formatter) -> Iterator[str]:
    context = {prefix: ns for prefix, ns in _VOCAB_PREFIXES}

    def compact(iri: str) -> str:
        for prefix, ns in _VOCAB_PREFIXES:
            if iri.startswith(ns) and _PN_LOCAL.fullmatch(iri[len(ns) :]):
                return f"{prefix}:{iri[len(ns) :]}"
        return iri

    def node(subject: str, pos: list[list[tuple[str, Term]]]) -> dict[str, Any]:
        obj: dict[str, Any] = {"@id": subject}
        for po in pos:
            for p, o in po:
                if p == RDF_TYPE and not isinstance(o, Lit):
                    obj.setdefault("@type", []).append(compact(o))
                    continue
                if isinstance(o, Lit):
                    value: Any = {"@value": o.lex, "@type": compact(o.dt)} if o.dt else o.lex
                else:
                    value = {"@id": o}
                obj.setdefault(compact(p), []).append(value)
        return obj

    def nodes(group: list[Block]) -> list[dict[str, Any]]:
        by_subject: dict[str, list[list[tuple[str, Term]]]] = {}
        for _g, subject, po in group:
            by_subject.setdefault(subject, []).append(po)
        return [node(s, pos) for s, pos in by_subject.items()]

    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    yield '{"@context":' + dumps(context) + ',\n"@graph":[\n'
    first = True
    for graph, group in _by_graph(blocks).items():
        items = nodes(group) if not graph else [{"@id": graph, "@graph": nodes(group)}]
        for item in items:
            if graph:
                inner = ",\n".join(dumps(n) for n in item["@graph"])
                text = '{"@id":' + dumps(graph) + ',"@graph":[\n' + inner + "\n]}"
            else:
                text = dumps(item)
            yield ("" if first else ",\n") + text
            first = False
    yield "\n]}\n"


_XML_BAD = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str, where: str) -> str:
    bad = _XML_BAD.search(text)
    if bad and "\ud800" <= bad.group() <= "\udfff":
        raise surrogate_error(text, bad.start(), where)
    if bad:
        raise ExportError(
            f"{where}: the value {text!r} holds the character U+{ord(bad.group()):04X}, which "
            "XML 1.0 cannot carry; write .ttl, .nt, .trig, .nq or .jsonld instead"
        )
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _xml_attr(text: str) -> str:
    return (
        _xml_text(text, "IRI").replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;")
    )


def _xml(blocks: Iterable[Block], fmt: _Formatter) -> Iterator[str]:
    names: dict[str, str] = {}

    def qname(iri: str) -> str:
        name = names.get(iri)
        if name is None:
            for prefix, ns in _VOCAB_PREFIXES:
                local = iri[len(ns) :]
                if iri.startswith(ns) and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.\-]*", local):
                    name = names[iri] = f"{prefix}:{local}"
                    break
            else:
                raise ExportError(
                    f"predicate {iri!r} has no XML element name; write another RDF format"
                )
        return name

    yield '<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF'
    for prefix, ns in _VOCAB_PREFIXES:
        yield f'\n   xmlns:{prefix}="{_xml_attr(ns)}"'
    yield ">\n"
    for _graph, subject, po in blocks:
        lines = [f'  <rdf:Description rdf:about="{_xml_attr(subject)}">\n']
        for p, o in po:
            name = qname(p)
            if isinstance(o, Lit):
                dt = f' rdf:datatype="{_xml_attr(o.dt)}"' if o.dt else ""
                lines.append(f"    <{name}{dt}>{_xml_text(o.lex, subject)}</{name}>\n")
            else:
                lines.append(f'    <{name} rdf:resource="{_xml_attr(o)}"/>\n')
        lines.append("  </rdf:Description>\n")
        yield "".join(lines)
    yield "</rdf:RDF>\n"


def _nt(blocks: Iterable[Block], fmt: _Formatter) -> Iterator[str]:
    return _ntriples(blocks, fmt, False)


def _nq(blocks: Iterable[Block], fmt: _Formatter) -> Iterator[str]:
    return _ntriples(blocks, fmt, True)


_WRITERS: Final[dict[str, Callable[[Iterable[Block], _Formatter], Iterator[str]]]] = {
    "nt": _nt,
    "nquads": _nq,
    "turtle": _turtle,
    "trig": _trig,
    "json-ld": _jsonld,
    "xml": _xml,
}
_FORMAT_ALIASES: Final = {
    "ttl": "turtle",
    "n-triples": "nt",
    "ntriples": "nt",
    "nq": "nquads",
    "n-quads": "nquads",
    "jsonld": "json-ld",
    "rdf": "xml",
    "rdf/xml": "xml",
    "application/rdf+xml": "xml",
}


def _format(format: str) -> str:
    name = _FORMAT_ALIASES.get(str(format).lower(), str(format).lower())
    if name not in _WRITERS:
        raise FormatError(f"unknown RDF format {format!r}; use one of {', '.join(FORMATS)}")
    return name


def _chunks(g: nx.MultiDiGraph, format: str, base: str) -> Iterator[str]:
    name = _format(format)
    ex = _export(g, base)
    return _WRITERS[name](ex.blocks, _Formatter(ex.base))


def serialize(g: nx.MultiDiGraph, *, format: str = "turtle", base: str = DEFAULT_BASE) -> str:
    """Return ``g`` as RDF text in ``format`` (byte-stable: same graph, same text)."""
    chunks = _chunks(g, format, base)
    with _no_gc():
        return "".join(chunks)


def to_turtle(g: nx.MultiDiGraph, *, base: str = DEFAULT_BASE) -> str:
    """Return the merged Turtle view of ``g`` (every triple, no graph names)."""
    return serialize(g, format="turtle", base=base)


def to_ntriples(g: nx.MultiDiGraph, *, base: str = DEFAULT_BASE) -> str:
    """Return ``g`` as N-Triples (every triple, no graph names)."""
    return serialize(g, format="nt", base=base)


def to_nquads(g: nx.MultiDiGraph, *, base: str = DEFAULT_BASE) -> str:
    """Return ``g`` as N-Quads (named graphs kept)."""
    return serialize(g, format="nquads", base=base)


def write_rdf(
    g: nx.MultiDiGraph, path: str | Path, *, format: str = "turtle", base: str = DEFAULT_BASE
) -> None:
    """Write ``g`` to ``path`` as RDF in ``format`` (UTF-8, streamed, byte-stable).

    ``format`` is one of :data:`FORMATS` (``turtle`` and ``xml`` write the merged view).
    """
    chunks = _chunks(g, format, base)
    try:
        with atomic_write(path, text=True) as out, _no_gc():
            out.writelines(chunks)
    except UnicodeEncodeError as err:
        raise encoding_error(err, f"cannot write {str(path)!r}") from err
    except ExportError as err:  # raised while streaming (RDF/XML's characters)
        raise ExportError(f"cannot write {str(path)!r}: {err}") from err


def graph_payloads(g: nx.MultiDiGraph, *, base: str = DEFAULT_BASE) -> dict[str, bytes]:
    """N-Triples bytes of each graph of the dataset: ``""`` is the default graph.

    What :func:`kgraph.export.store.push` sends, one request per graph.
    """
    ex = _export(g, base)
    fmt = _Formatter(ex.base)
    with _no_gc():
        return {
            graph: encode_text(
                "".join(_ntriples(group, fmt, False)), f"graph <{graph or 'default'}>"
            )
            for graph, group in _by_graph(ex.blocks).items()
        }


def to_rdf(g: nx.MultiDiGraph, *, base: str = DEFAULT_BASE) -> rdflib.Dataset:
    """Return ``g`` as an rdflib ``Dataset``: the knowledge in the default graph and one
    named graph per document with its metadata and evidence."""
    import rdflib  # noqa: PLC0415  (lazy: start-up time, only RDF needs rdflib)

    from kgraph.namespace import bind_namespaces  # noqa: PLC0415  (lazy: it imports rdflib)

    ex = _export(g, base)
    ds = rdflib.Dataset()
    bind_namespaces(ds)
    iris: dict[str, rdflib.URIRef] = {}
    literals: dict[str, rdflib.URIRef] = {}

    def iri(text: str) -> rdflib.URIRef:
        ref = iris.get(text)
        if ref is None:
            ref = iris[text] = rdflib.URIRef(text)
        return ref

    def term(t: Term) -> rdflib.term.Identifier:
        if isinstance(t, Lit):
            if not t.dt:
                return rdflib.Literal(t.lex)
            dt = literals.get(t.dt)
            if dt is None:
                dt = literals[t.dt] = rdflib.URIRef(t.dt)
            return rdflib.Literal(t.lex, datatype=dt)
        return iri(t)

    for graph, group in _by_graph(ex.blocks).items():
        target = ds.graph(rdflib.URIRef(graph)) if graph else ds.default_graph
        target.addN((iri(s), iri(p), term(o), target) for _g, s, po in group for p, o in po)
    return ds


# -- reading back ---------------------------------------------------------------------------

_RDFLIB_FORMATS: Final = {
    "turtle": "turtle",
    "nt": "nt",
    "json-ld": "json-ld",
    "trig": "trig",
    "nquads": "nquads",
    "xml": "xml",
}


def read_rdf(path: str | Path, *, format: str = "turtle") -> nx.MultiDiGraph:
    """Read a file written by :func:`write_rdf` back into the contract graph it came from."""
    import rdflib  # noqa: PLC0415  (lazy: start-up time, only RDF needs rdflib)

    name = _format(format)
    path = Path(path)
    text = read_text(path)  # one clear error for a missing, unreadable or non-UTF-8 file
    ds = rdflib.Dataset()
    try:
        ds.parse(data=text, format=_RDFLIB_FORMATS[name], publicID=path.resolve().as_uri())
    except Exception as err:  # rdflib raises many unrelated types on bad input
        raise FormatError(
            f"{str(path)!r} is not valid {name} ({type(err).__name__}: "
            f"{str(err).splitlines()[0] if str(err) else ''}); was it written by kgraph?"
        ) from err
    return from_rdf(ds, name=str(path))


def _python(term: Any) -> Any:
    """A literal's Python value by its datatype, from its lexical form."""
    import rdflib  # noqa: PLC0415  (lazy: start-up time, only RDF needs rdflib)

    if not isinstance(term, rdflib.Literal):
        return str(term)
    dt = str(term.datatype) if term.datatype is not None else ""
    lex = str(term)
    try:
        if dt in (XSD_INTEGER, XSD_NNI, _XSD + "int", _XSD + "long"):
            return int(lex)
        if dt in (XSD_DECIMAL, _XSD + "double", _XSD + "float"):
            return float(lex)
    except ValueError as err:
        raise FormatError(f"the literal {lex!r} is not a valid <{dt}>") from err
    if dt == XSD_BOOLEAN:
        return lex.strip() in ("true", "1")
    return lex


def from_rdf(data: rdflib.Graph, *, name: str = "<rdf>") -> nx.MultiDiGraph:
    """Rebuild the contract graph from an rdflib ``Graph`` or ``Dataset`` kgraph wrote.

    Graph names are not needed: a merged view (Turtle, RDF/XML) reads back the same.
    RDF that is not a kgraph export (or was changed so that it no longer is one)
    raises :class:`~kgraph.FormatError`, naming what is wrong.
    """
    try:
        return _from_rdf(data, name)
    except FormatError as err:
        if str(err).startswith(name + ":"):
            raise
        raise FormatError(f"{name}: {err}") from err
    except (LookupError, TypeError, ValueError, AttributeError) as err:
        raise FormatError(
            f"{name}: this RDF is not a kgraph export kgraph can read back "
            f"({type(err).__name__}: {err}); was it changed after kgraph wrote it?"
        ) from err


def _subjects(data: rdflib.Graph) -> dict[str, dict[str, list[Any]]]:
    """Every subject of ``data`` (all its graphs) -> predicate -> objects, in a stable
    order (several objects sorted, duplicates dropped)."""
    import rdflib  # noqa: PLC0415  (lazy: start-up time, only RDF needs rdflib)

    props: dict[str, dict[str, list[Any]]] = {}
    triples: Iterable[tuple[Any, Any, Any]]
    if isinstance(data, rdflib.Dataset | rdflib.ConjunctiveGraph):
        triples = ((s, p, o) for s, p, o, _c in data.quads((None, None, None, None)))
    else:
        triples = data.triples((None, None, None))
    for s, p, o in triples:
        props.setdefault(str(s), {}).setdefault(str(p), []).append(o)
    for values in props.values():
        for key, objs in values.items():
            if len(objs) > 1:
                values[key] = sorted(set(objs), key=lambda t: (str(t), repr(t)))
    return props


@dataclass(frozen=True)
class _Reading:
    """The subjects of the RDF being read, their contract ids, and how to decode them."""

    props: Mapping[str, Mapping[str, list[Any]]]
    ids: Mapping[str, str]  # subject IRI -> its kg:id
    name: str  # of the input, for errors

    def types(self, s: str) -> set[str]:
        return {str(t) for t in self.props.get(s, {}).get(RDF_TYPE, ())}

    def one(self, s: str, p: str) -> Any:
        objs = self.props.get(s, {}).get(p)
        return objs[0] if objs else None

    def node_id(self, term: Any) -> str:
        return self.ids.get(str(term), str(term))

    def decode(self, s: str, fields: Sequence[_Field], into: dict[str, Any]) -> None:
        values = self.props.get(s, {})
        for f in fields:
            objs = values.get(f.pred)
            if objs:
                if f.kind in ("docs", "nodes"):
                    into[f.attr] = sorted(self.node_id(o) for o in objs)
                elif f.kind == "node":
                    into[f.attr] = self.node_id(objs[0])
                elif f.kind == "strs":
                    into[f.attr] = sorted(str(o) for o in objs)
                else:
                    into[f.attr] = _python(objs[0])
            elif f.has_default:
                into[f.attr] = list(f.default) if isinstance(f.default, list) else f.default

    def apply(self, s: str, into: dict[str, Any]) -> dict[str, Any]:
        """``into`` with the attributes of ``s``'s ``kg:extra`` and without its ``kg:absent``."""
        values = self.props.get(s, {})
        for text in values.get(_kg("extra"), ()):
            try:
                into.update(json.loads(str(text)))
            except ValueError as err:
                raise FormatError(f"{self.name}: kg:extra of <{s}> is not JSON ({err})") from err
        for attr in values.get(_kg("absent"), ()):
            into.pop(str(attr), None)
        return into

    def evidence(self, owner: str, into: dict[str, Any]) -> None:
        items = [
            self.evidence_item(str(ev)) for ev in self.props.get(owner, {}).get(_kg("evidence"), ())
        ]
        if any(i is not None for i, _ in items):
            items.sort(key=lambda x: x[0] if x[0] is not None else -1)
        else:
            items.sort(key=lambda x: _evidence_key(x[1]))
        into["evidence"] = [item for _i, item in items]

    def evidence_item(self, e: str) -> tuple[Any, dict[str, Any]]:
        """One piece of evidence, and its ``kg:index`` (None when its list was sorted)."""
        item: dict[str, Any] = {}
        source = self.one(e, _OA + "hasSource")
        if source is not None:
            item["doc"] = self.node_id(source)
        for sel in self.props.get(e, {}).get(_OA + "hasSelector", ()):
            kinds = self.types(str(sel))
            if _OA + "TextPositionSelector" in kinds:
                item["start"] = _python(self.one(str(sel), _OA + "start"))
                item["end"] = _python(self.one(str(sel), _OA + "end"))
            elif _OA + "TextQuoteSelector" in kinds:
                item["sentence"] = str(self.one(str(sel), _OA + "exact"))
        self.decode(e, _EVIDENCE_FIELDS, item)
        self.apply(e, item)
        index = self.one(e, _kg("index"))
        return (_python(index) if index is not None else None, item)


def _from_rdf(data: rdflib.Graph, name: str) -> nx.MultiDiGraph:
    props = _subjects(data)
    ids = {s: str(v[_kg("id")][0]) for s, v in props.items() if _kg("id") in v}
    r = _Reading(props, ids, name)
    datasets = [s for s in props if _kg("Dataset") in r.types(s)]
    if not datasets:
        raise FormatError(
            f"{name}: no kg:Dataset node: this RDF was not written by kgraph "
            "(write it with KnowledgeGraph.write or kgraph.export.rdf.write_rdf)"
        )
    g = nx.MultiDiGraph()
    g.graph.update(_graph_attrs(r, datasets[0]))
    for nid, attrs in _nodes(r):
        g.add_node(nid, **attrs)
    for source, target, edge_key, edge_attrs in _edges(r):
        g.add_edge(source, target, key=edge_key, **edge_attrs)
    return g


def _graph_attrs(r: _Reading, dataset: str) -> dict[str, Any]:
    """The graph's attributes: the dataset's, its documents and its statements."""
    graph_attrs: dict[str, Any] = {}
    r.decode(dataset, _DATASET_FIELDS, graph_attrs)
    documents = []
    for s in r.props:
        if _kg("Document") in r.types(s):
            doc: dict[str, Any] = {}
            r.decode(s, _DOCUMENT_FIELDS, doc)
            documents.append(r.apply(s, doc))
    graph_attrs["documents"] = sorted(documents, key=lambda d: str(d.get("id")))
    attributions = [_attribution(r, s) for s in r.props if _kg("Attribution") in r.types(s)]
    if attributions:
        graph_attrs["statements"] = sorted(
            attributions, key=lambda st: (st["doc"], st["cue"], st["content"])
        )
    return r.apply(dataset, graph_attrs)


def _nodes(r: _Reading) -> list[tuple[str, dict[str, Any]]]:
    """The entity and allegation nodes, sorted by id."""
    nodes: list[tuple[str, dict[str, Any]]] = []
    for s, values in r.props.items():
        kinds = r.types(s)
        ntype = next((_CLASS_TYPES[c] for c in kinds if c in _CLASS_TYPES), None)
        if ntype is None and _GENERIC_NODE not in kinds:
            continue
        attrs: dict[str, Any] = {}
        if ntype is not None:
            attrs["type"] = ntype
        is_allegation = ntype == "Allegation"
        r.decode(s, _ALLEGATION_FIELDS if is_allegation else _ENTITY_FIELDS, attrs)
        alts = [str(o) for o in values.get(_SKOS + "altLabel", ())]
        label = attrs.get("label") if type(attrs.get("label")) is str else None
        attrs["aliases"] = _aliases(alts, label, is_allegation)
        r.evidence(s, attrs)
        if s not in r.ids:
            raise FormatError(f"{r.name}: the node <{s}> has no kg:id")
        nodes.append((r.ids[s], r.apply(s, attrs)))
    return sorted(nodes)


def _edges(r: _Reading) -> list[tuple[str, str, Any, dict[str, Any]]]:
    """The edges, from their statements, sorted by source, target and key."""
    edges: list[tuple[str, str, Any, dict[str, Any]]] = []
    for s in r.props:
        kinds = r.types(s)
        if not kinds & _STATEMENT_CLASSES:
            continue
        u, v = r.one(s, _RDF + "subject"), r.one(s, _RDF + "object")
        pred = r.one(s, _RDF + "predicate")
        if u is None or v is None or pred is None or str(u) not in r.ids or str(v) not in r.ids:
            raise FormatError(
                f"{r.name}: statement <{s}> lacks a known subject, predicate or object"
            )
        attrs: dict[str, Any] = {}
        pname = _predicate_name(str(pred))
        if pname is not None:
            attrs["predicate"] = pname
        kind = next((_CLASS_KINDS[c] for c in kinds if c in _CLASS_KINDS), None)
        if kind is not None:
            attrs["kind"] = kind
        event = next((_CLASS_EVENTS[c] for c in sorted(kinds) if c in _CLASS_EVENTS), None)
        if event is not None:
            attrs["event"] = event
        r.decode(s, _EDGE_FIELDS, attrs)
        r.evidence(s, attrs)
        r.apply(s, attrs)
        key_term = r.one(s, _kg("key"))
        edge_key = _python(key_term) if key_term is not None else pname
        edges.append((r.ids[str(u)], r.ids[str(v)], edge_key, attrs))
    edges.sort(key=lambda e: (e[0], e[1], _id_key(e[2])))
    return edges


def _attribution(r: _Reading, s: str) -> dict[str, Any]:
    """A statement of the contract graph back from its kg:Attribution."""

    def span(pred: str) -> list[int] | None:
        sel = r.one(s, pred)
        if sel is None:
            return None
        return [
            int(_python(r.one(str(sel), _OA + "start"))),
            int(_python(r.one(str(sel), _OA + "end"))),
        ]

    def node(pred: str) -> str | None:
        value = r.one(s, pred)
        return None if value is None else r.node_id(value)

    doc = r.one(s, _PROV + "wasDerivedFrom")
    anonymous = r.one(s, _kg("anonymous"))
    return {
        "doc": r.node_id(doc),
        "speaker": node(_kg("speaker")),
        "on_behalf_of": node(_kg("onBehalfOf")),
        "anonymous": bool(_python(anonymous)) if anonymous is not None else False,
        "cue": span(_kg("cue")),
        "content": span(_kg("content")),
        "source": span(_kg("sourceSpan")),
        "kind": str(r.one(s, _kg("attributionKind"))),
        "about": sorted(r.node_id(o) for o in r.props.get(s, {}).get(_kg("about"), ())),
        "text": str(r.one(s, _SDO + "text")),
        "evidence": _attribution_evidence(r, s),
    }


def _attribution_evidence(r: _Reading, s: str) -> dict[str, Any]:
    evidence: dict[str, Any] = {}
    for ev in r.props.get(s, {}).get(_kg("evidence"), ()):
        for sel in r.props.get(str(ev), {}).get(_OA + "hasSelector", ()):
            if _OA + "TextPositionSelector" in r.types(str(sel)):
                evidence["start"] = int(_python(r.one(str(sel), _OA + "start")))
                evidence["end"] = int(_python(r.one(str(sel), _OA + "end")))
            elif _OA + "TextQuoteSelector" in r.types(str(sel)):
                evidence["sentence"] = str(r.one(str(sel), _OA + "exact"))
    return evidence


# -- SHACL -----------------------------------------------------------------------------------


def validate(data: rdflib.Graph | nx.MultiDiGraph, *, base: str = DEFAULT_BASE) -> tuple[bool, str]:
    """Validate an export against ``shapes.ttl`` (with ``ontology.ttl``); needs pyshacl.

    ``data`` is an rdflib graph/dataset or a contract graph (exported first).  The
    merged view is validated.  Returns ``(conforms, report text)``.
    """
    import rdflib  # noqa: PLC0415  (lazy: start-up time, only RDF needs rdflib)

    try:
        import pyshacl  # noqa: PLC0415  (an optional dependency)
    except ImportError as err:  # pragma: no cover - pyshacl is a test extra
        raise MissingDependencyError(
            "validate() needs pyshacl: pip install pyshacl (or kgraph[test])"
        ) from err
    if isinstance(data, nx.Graph):
        data = to_rdf(data, base=base)
    merged = rdflib.Graph()
    if isinstance(data, rdflib.Dataset | rdflib.ConjunctiveGraph):
        merged.addN((s, p, o, merged) for s, p, o, _c in data.quads((None, None, None, None)))
    else:
        merged += data
    shapes = rdflib.Graph().parse(SHAPES_PATH, format="turtle")
    ontology = rdflib.Graph().parse(ONTOLOGY_PATH, format="turtle")
    conforms, _graph, text = pyshacl.validate(
        merged, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True
    )
    return bool(conforms), str(text)
