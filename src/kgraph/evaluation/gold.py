"""The gold annotation a graph is scored against: its schema, its records, reading it.

A gold is a JSON object (``src/kgraph/data/gold.schema.json``, ``schema_version`` 1;
a gold without one is version 1): ``entities`` with their aliases and documents,
``relations`` with keywords, ``allegations`` with the accused, cues, documents and who
alleged, denied or dismissed them.  :func:`read_gold` checks it against the schema and
that every id it names is an entity's; a mistake is a :class:`~kgraph.FormatError`
naming the file and the field.

>>> gold = read_gold({"entities": [{"id": "pompeo", "name": "Mike Pompeo",
...     "types": ["Person"], "aliases": ["Mike Pompeo", "Pompeo"]}]})
>>> gold.entities[0].aliases, gold.schema_version
(('Mike Pompeo', 'Pompeo'), 1)
>>> read_gold({"entities": [{"id": "pompeo", "name": "Mike Pompeo", "types": "Person",
...     "aliases": ["Pompeo"]}]})
Traceback (most recent call last):
...
kgraph._errors.FormatError: <gold>: entities[0].types: expected an array, not a string ('Person')
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Final

from kgraph._errors import FormatError
from kgraph.export.nodelink import read_text

__all__ = [
    "DEFAULT_ALLOWED_MERGES",
    "SCHEMA_VERSION",
    "Gold",
    "GoldAllegation",
    "GoldEntity",
    "GoldRelation",
    "gold_schema",
    "read_gold",
]

log = logging.getLogger("kgraph.evaluation")

SCHEMA_VERSION: Final = 1
# a capital or seat of government standing for its state is no over-merge
DEFAULT_ALLOWED_MERGES: Final = (frozenset({"kremlin", "russia"}), frozenset({"moscow", "russia"}))
_JSON_TYPES: Final[dict[str, type | tuple[type, ...]]] = {
    "object": dict,
    "array": list,
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
    "null": type(None),
}
_TYPE_NAMES: Final = {
    dict: "an object",
    list: "an array",
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}
_ARTICLES: Final = {"array": "an", "object": "an", "integer": "an"}
_ROLE_FIELDS: Final = ("accused", "alleged_by", "denied_by", "dismissed_by")


@dataclass(frozen=True, slots=True)
class GoldEntity:
    """One entity one node should stand for; a node named by an alias does."""

    id: str
    name: str
    types: tuple[str, ...]
    aliases: tuple[str, ...]
    docs: tuple[str, ...] = ()
    required: bool = True
    reviewed: bool = True


@dataclass(frozen=True, slots=True)
class GoldRelation:
    """A key fact: an edge between ``subject`` and one of ``objects`` naming a keyword."""

    id: str
    subject: str
    objects: tuple[str, ...]
    keywords: tuple[str, ...]
    doc: str | None = None
    kind: str | None = None
    reviewed: bool = True


@dataclass(frozen=True, slots=True)
class GoldAllegation:
    """One allegation (one story) one allegation node should stand for."""

    id: str
    accused: tuple[str, ...]
    cues: tuple[str, ...]
    docs: tuple[str, ...]
    summary: str = ""
    alleged_by: tuple[str, ...] = ()
    denied_by: tuple[str, ...] = ()
    dismissed_by: tuple[str, ...] = ()
    required: bool = True
    reviewed: bool = True


@dataclass(frozen=True, slots=True)
class Gold:
    """A gold annotation, checked."""

    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...] = ()
    allegations: tuple[GoldAllegation, ...] = ()
    documents: Mapping[str, str] = field(default_factory=dict)
    ignorable: tuple[str, ...] = ()
    noise: tuple[str, ...] = ()
    cues_needed: int = 1
    allowed_merges: tuple[frozenset[str], ...] = DEFAULT_ALLOWED_MERGES
    schema_version: int = SCHEMA_VERSION
    name: str = "<gold>"

    @property
    def unreviewed(self) -> int:
        """How many items a person has not checked yet (``"reviewed": false``)."""
        items: tuple[GoldEntity | GoldRelation | GoldAllegation, ...] = (
            *self.entities,
            *self.relations,
            *self.allegations,
        )
        return sum(not item.reviewed for item in items)


@cache
def gold_schema() -> Mapping[str, Any]:
    """The JSON Schema of a gold (``kgraph/data/gold.schema.json``)."""
    text = (
        resources.files("kgraph").joinpath("data").joinpath("gold.schema.json").read_text("utf-8")
    )
    schema: dict[str, Any] = json.loads(text)
    return schema


def read_gold(source: str | Path | Mapping[str, Any]) -> Gold:
    """Read and check a gold: a path to its JSON file, or the JSON object itself."""
    data: Any
    if isinstance(source, Mapping):
        name, data = "<gold>", dict(source)
    else:
        name = str(source)
        text = read_text(Path(source))
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise FormatError(f"{name}: not valid JSON ({err.msg} at line {err.lineno})") from err
    problem = next(_problems(data, gold_schema(), ""), None)
    if problem is not None:
        raise FormatError(f"{name}: {problem}")
    if data.get("schema_version", SCHEMA_VERSION) != SCHEMA_VERSION:
        raise FormatError(
            f"{name}: schema_version {data['schema_version']} is not one kgraph reads"
        )
    gold = _gold(data, name)
    _check_references(gold, data.get("allowed_merges", []))
    return gold


def _gold(data: Mapping[str, Any], name: str) -> Gold:
    merges = data.get("allowed_merges")
    return Gold(
        entities=tuple(_entity(e) for e in data["entities"]),
        relations=tuple(_relation(r) for r in data.get("relations", [])),
        allegations=tuple(_allegation(a) for a in data.get("allegations", [])),
        documents=dict(data.get("documents", {})),
        ignorable=tuple(data.get("ignorable", [])),
        noise=tuple(data.get("noise", [])),
        cues_needed=data.get("cues_needed", 1),
        allowed_merges=DEFAULT_ALLOWED_MERGES
        if merges is None
        else tuple(frozenset(group) for group in merges),
        schema_version=data.get("schema_version", SCHEMA_VERSION),
        name=name,
    )


def _entity(e: Mapping[str, Any]) -> GoldEntity:
    return GoldEntity(
        id=e["id"],
        name=e["name"],
        types=tuple(e["types"]),
        aliases=tuple(e["aliases"]),
        docs=tuple(e.get("docs", [])),
        required=e.get("required", True),
        reviewed=e.get("reviewed", True),
    )


def _relation(r: Mapping[str, Any]) -> GoldRelation:
    return GoldRelation(
        id=r["id"],
        subject=r["subject"],
        objects=tuple(r["object"].split("|")),
        keywords=tuple(k.lower().replace("-", "_") for k in r["keywords"]),
        doc=r.get("doc"),
        kind=r.get("kind"),
        reviewed=r.get("reviewed", True),
    )


def _allegation(a: Mapping[str, Any]) -> GoldAllegation:
    return GoldAllegation(
        id=a["id"],
        accused=tuple(a["accused"]),
        cues=tuple(c.lower() for c in a["cues"]),
        docs=tuple(a["docs"]),
        summary=a.get("summary", ""),
        alleged_by=tuple(a.get("alleged_by", [])),
        denied_by=tuple(a.get("denied_by", [])),
        dismissed_by=tuple(a.get("dismissed_by", [])),
        required=a.get("required", True),
        reviewed=a.get("reviewed", True),
    )


def _check_references(gold: Gold, merges: Sequence[Sequence[str]]) -> None:
    """Every id a relation, allegation or allowed merge names is an entity's; ids that
    two items share are logged."""
    known = {e.id for e in gold.entities}

    def check(where: str, ids: Sequence[str]) -> None:
        for value in ids:
            if value not in known:
                raise FormatError(f"{gold.name}: {where}: no entity has the id {value!r}")

    for n, r in enumerate(gold.relations):
        check(f"relations[{n}].subject", [r.subject])
        check(f"relations[{n}].object", r.objects)
    for n, a in enumerate(gold.allegations):
        for role in _ROLE_FIELDS:
            check(f"allegations[{n}].{role}", getattr(a, role))
    for n, group in enumerate(merges):
        check(f"allowed_merges[{n}]", group)
    for what, items in (
        ("entity", gold.entities),
        ("relation", gold.relations),
        ("allegation", gold.allegations),
    ):
        for item_id, count in Counter(item.id for item in items).items():
            if count > 1:
                log.info("%s: %d %ss have the id %r", gold.name, count, what, item_id)


# -- a checker for the part of JSON Schema the gold schema uses --------------------------
def _problems(value: Any, schema: Mapping[str, Any], where: str) -> Iterator[str]:
    """What is wrong with ``value`` under ``schema``, field by field (``entities[3].id``).

    Knows ``type``, ``enum``, ``minimum``, ``required``, ``properties``,
    ``additionalProperties``, ``items``, ``minItems`` and local ``$ref``: what
    ``gold.schema.json`` uses (the tests check the schema with the jsonschema library).
    """
    if "$ref" in schema:
        yield from _problems(value, _resolve(schema["$ref"]), where)
        return
    here = where or "the gold"
    wanted = schema.get("type")
    if wanted is not None and not _is_type(value, wanted):
        yield f"{here}: expected {_a(wanted)}, not {_describe(value)}"
        return
    if "enum" in schema and value not in schema["enum"]:
        yield f"{here}: {value!r} is not one of {', '.join(map(repr, schema['enum']))}"
    if "minimum" in schema and value < schema["minimum"]:
        yield f"{here}: {value!r} is less than {schema['minimum']}"
    if isinstance(value, dict):
        yield from _object_problems(value, schema, where)
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            yield f"{here}: expected at least {schema['minItems']} item(s), not {len(value)}"
        if "items" in schema:
            for i, item in enumerate(value):
                yield from _problems(item, schema["items"], f"{where}[{i}]")


def _object_problems(
    value: Mapping[str, Any], schema: Mapping[str, Any], where: str
) -> Iterator[str]:
    for key in schema.get("required", ()):
        if key not in value:
            yield f"{where or 'the gold'}: the field {key!r} is missing"
    properties = schema.get("properties", {})
    extra = schema.get("additionalProperties", True)
    for key, item in value.items():
        path = f"{where}.{key}" if where else key
        if key in properties:
            yield from _problems(item, properties[key], path)
        elif extra is False:
            yield f"{path}: no such field"
        elif isinstance(extra, Mapping):
            yield from _problems(item, extra, path)


def _resolve(ref: str) -> Mapping[str, Any]:
    node: Any = gold_schema()
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    result: Mapping[str, Any] = node
    return result


def _is_type(value: Any, wanted: str | Sequence[str]) -> bool:
    names = [wanted] if isinstance(wanted, str) else list(wanted)
    if isinstance(value, bool):  # JSON has no 1 == true
        return "boolean" in names
    return any(isinstance(value, _JSON_TYPES[name]) for name in names)


def _a(wanted: str | Sequence[str]) -> str:
    names = [wanted] if isinstance(wanted, str) else list(wanted)
    return " or ".join(f"{_ARTICLES.get(n, 'a')} {n}" for n in names)


def _describe(value: Any) -> str:
    shown = f"{value!r:.40}"
    return f"{_TYPE_NAMES.get(type(value), type(value).__name__)} ({shown})"
