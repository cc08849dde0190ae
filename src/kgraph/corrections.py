"""Corrections: an analyst's fixes to the graph, kept in a file and applied at every build.

A corrections file is UTF-8 text, one command a line, fields separated by tabs.  Blank
lines and lines starting with ``#`` are skipped; a comment ``# kgraph corrections 1``
before the first command names the format version (1, the only one; a file without it is
version 1).

``merge<TAB>A<TAB>B``
    B (and any further names: ``merge A B C``) joins A: one node with A's id, every
    alias, mention and piece of evidence of both; B's links become A's (two links of the
    same kind merge their evidence; a link between A and B goes).  Allegations merge by
    node id: one claim (A's), the evidence, dates and roles of both, and the status
    they imply together.
``split<TAB>A<TAB>by document``
    A becomes one node per document it is named in (id ``<A's id>--<document>``), each
    with that document's mentions and links.
``rename<TAB>A<TAB>New label``
    A is called ``New label`` (the old label stays an alias); its id follows the label.
``type<TAB>A<TAB>Organization``
    A is of that type: ``Agency``, ``Country``, ``Location``, ``Organization`` or
    ``Person``; its id follows the type.
``reject<TAB>edge|allegation|entity<TAB>pattern``
    What the pattern matches is removed, and listed in the graph's
    ``corrections.rejected``: an entity with its links, an allegation with its role
    links, an edge (an allegation that loses a ``denied_by``, ``dismissed_by`` or
    ``confirmed_by`` role takes the status its other roles imply).  A rejected
    allegation stays rejected when a later build derives it again, even under another
    id (one that shares evidence with it).

A *name* (A, B) is a node id, else an entity's label, else one of its aliases, compared
without regard to case; when several nodes have it, the command is not applied and says
so (give the node id).  A *pattern* is ``*`` (anything), a glob (``*``, ``?``,
``[...]``: ``Trump*``), a regular expression between slashes (``/^russian? /``, searched,
case-insensitive) or a name; it is matched against the node id, the label and every alias
(and an allegation's claim text).  An edge pattern is ``SUBJECT -[PREDICATE]-> OBJECT``
with a pattern at each end and a predicate pattern in the brackets, matched against the
edge's predicate and its key (``Trump -[meet]-> *`` is every meeting of Trump's, whatever
its modality; ``* -[meet:reported]-> *`` only the reported ones).  The edges of an
allegation are edges too: ``allegation/russia-offered-bounties -[alleged_by]-> Russia``.

Commands run in the order of the file, after resolution, on the assembled contract graph;
the ACCUSE edges derived from allegations (:mod:`kgraph.graph`) are derived again after
them.  Every line that matches nothing, or that is not applied, gives one warning
(``fixes.tsv:3: merge  Pompeo  Mike Pompo: 'Mike Pompo' matches nothing``).

User aliases always win.  A node that a user gazetteer file names (its ``gid`` is the
entry the user's names point to) is not split, renamed, given another type or rejected,
and is not merged with a node another user entry names; a node merged into it takes its
label, type and ``gid``; no node is renamed to a name the user gave another entry.  Each
refusal is a warning.
"""

from __future__ import annotations

import fnmatch
import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Final

import networkx as nx

from kgraph._errors import CorrectionsError, DocumentNotFoundError
from kgraph._model import ENTITY_TYPES
from kgraph.gazetteer import Gazetteer
from kgraph.graph import ACCUSE_KEY
from kgraph.graph import _add_accusations as add_accusations  # the one derivation of them
from kgraph.resolve import allegation_status, slugify

__all__ = [
    "FORMAT_VERSION",
    "Applied",
    "Correction",
    "Corrections",
    "apply",
    "parse",
    "read",
]

FORMAT_VERSION: Final = 1
_COMMANDS: Final = ("merge", "split", "rename", "type", "reject")
_REJECTABLE: Final = ("edge", "allegation", "entity")
_SPLIT_BY: Final = ("by document",)
_VERSION_LINE: Final = re.compile(r"#\s*kgraph[ -]corrections\s+v?(\S+)\s*$", re.IGNORECASE)
_EDGE_PATTERN: Final = re.compile(r"(?P<s>.+?)\s+-\[(?P<p>[^\]]*)\]->\s+(?P<o>.+)")
_GLOB_CHARS: Final = frozenset("*?[")
_INVISIBLE: Final = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


# -- the file ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Correction:
    """One command of a corrections file: ``command`` and its ``args``, from ``line``."""

    command: str
    args: tuple[str, ...]
    line: int = 0
    source: str = "<corrections>"

    @property
    def text(self) -> str:
        """The command as written in the file (fields joined by tabs)."""
        return "\t".join((self.command, *self.args))

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}"


@dataclass(frozen=True, slots=True)
class Corrections:
    """The commands of a corrections file, in order."""

    commands: tuple[Correction, ...] = ()
    source: str = "<corrections>"

    def __bool__(self) -> bool:
        return bool(self.commands)

    def to_list(self) -> list[dict[str, Any]]:
        """JSON-safe form, as kept in the graph (``corrections.commands``)."""
        return [{"line": c.line, "command": c.text} for c in self.commands]

    @classmethod
    def from_list(cls, items: Iterable[Mapping[str, Any]], source: str) -> Corrections:
        """The commands :meth:`to_list` wrote (a graph read back by :func:`kgraph.load`)."""
        text = "".join(f"{item.get('command', '')}\n" for item in items)
        lines = [int(item.get("line", 0) or 0) for item in items]
        parsed = parse(text, source)
        return cls(
            tuple(
                Correction(c.command, c.args, lines[c.line - 1] or c.line, source)
                for c in parsed.commands
            ),
            source,
        )


def read(path: str | Path) -> Corrections:
    """Read a corrections file; a bad line is a :class:`~kgraph.CorrectionsError` (a
    ``ValueError``) naming the file, the line and the bad value."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DocumentNotFoundError(f"corrections file not found: {path}") from None
    except UnicodeDecodeError as exc:
        raise CorrectionsError(f"{path}: not UTF-8 text ({exc.reason})", path=str(path)) from None
    except OSError as exc:
        raise CorrectionsError(f"{path}: cannot read ({exc})", path=str(path)) from None
    return parse(text, str(path))


def parse(text: str, source: str = "<corrections>") -> Corrections:
    """Parse the text of a corrections file (see the module docstring).

    >>> fixes = parse("# kgraph corrections 1\\nmerge\\tMike Pompeo\\tPompeo\\n", "fixes.tsv")
    >>> [(c.where, c.command, c.args) for c in fixes.commands]
    [('fixes.tsv:2', 'merge', ('Mike Pompeo', 'Pompeo'))]
    >>> parse("type\\tKremlin\\tPlace\\n", "fixes.tsv")
    Traceback (most recent call last):
    kgraph._errors.CorrectionsError: fixes.tsv:1: unknown type 'Place' (one of Agency, \
Country, Location, Organization, Person)
    """
    commands: list[Correction] = []
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        if line.lstrip().startswith("#"):
            version = _VERSION_LINE.match(line.strip())
            if version is not None and version.group(1) != str(FORMAT_VERSION):
                _fail(
                    source,
                    lineno,
                    version.group(1),
                    f"unsupported corrections format version {version.group(1)!r} "
                    f"(this kgraph reads version {FORMAT_VERSION})",
                )
            continue
        commands.append(_parse_line(line, source, lineno))
    return Corrections(tuple(commands), source)


def _fail(source: str, line: int, value: str, message: str) -> None:
    raise CorrectionsError(f"{source}:{line}: {message}", path=source, line=line, value=value)


def _parse_line(line: str, source: str, lineno: int) -> Correction:
    cells = [c.strip() for c in line.split("\t")]
    while len(cells) > 1 and not cells[-1]:
        cells.pop()
    command = cells[0].lower()
    if command not in _COMMANDS:
        word = cells[0].split()[0] if cells[0].split() else cells[0]
        if word.lower() in _COMMANDS:
            _fail(source, lineno, line, f"fields must be separated by tabs: {line!r}")
        _fail(
            source,
            lineno,
            cells[0],
            f"unknown command {cells[0]!r} (one of {', '.join(_COMMANDS)})",
        )
    args = cells[1:]
    if any(not a for a in args):
        _fail(source, lineno, line, f"an empty field in {line!r}")
    wanted = "at least 2" if command == "merge" else "2"
    if (command == "merge" and len(args) < 2) or (command != "merge" and len(args) != 2):
        _fail(
            source,
            lineno,
            line,
            f"{command} takes {wanted} tab-separated fields after it, got {len(args)}: {line!r}",
        )
    args = _checked_args(command, args, source, lineno)
    return Correction(command, tuple(args), lineno, Path(source).name or source)


def _checked_args(command: str, args: list[str], source: str, lineno: int) -> list[str]:
    if command == "merge" and len({_fold(a) for a in args}) < len(args):
        _fail(source, lineno, args[0], f"merge names one node twice: {args!r}")
    elif command == "split" and args[1].lower() not in _SPLIT_BY:
        _fail(source, lineno, args[1], f"split {args[1]!r}: only 'by document' is known")
    elif command == "type":
        types = {t.lower(): t for t in ENTITY_TYPES}
        if args[1].lower() not in types:
            _fail(
                source,
                lineno,
                args[1],
                f"unknown type {args[1]!r} (one of {', '.join(ENTITY_TYPES)})",
            )
        args = [args[0], types[args[1].lower()]]
    elif command == "reject":
        if args[0].lower() not in _REJECTABLE:
            _fail(
                source,
                lineno,
                args[0],
                f"reject {args[0]!r}: one of {', '.join(_REJECTABLE)} can be rejected",
            )
        args = [args[0].lower(), args[1]]
        try:
            if args[0] == "edge":
                _EdgePattern.of(args[1])
            else:
                _Pattern.of(args[1])
        except ValueError as exc:
            _fail(source, lineno, args[1], str(exc))
    return args


# -- matching ---------------------------------------------------------------------------
def _fold(text: str) -> str:
    """Case- and width-insensitive form: NFKC, invisible marks removed, spaces collapsed."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    return " ".join(text.casefold().split())


def _names(nid: str, attrs: Mapping[str, Any]) -> list[str]:
    """What a pattern is matched against: the id, the label, the aliases (a claim's text)."""
    out = [nid, str(attrs.get("label", ""))]
    out += [str(a) for a in attrs.get("aliases", ()) or ()]
    if attrs.get("type") == "Allegation" and attrs.get("text"):
        out.append(str(attrs["text"]))
    return out


@dataclass(frozen=True, slots=True)
class _Pattern:
    """``*``, a glob, ``/regex/`` or a name (see the module docstring)."""

    text: str
    regex: re.Pattern[str] | None = None

    @classmethod
    def of(cls, text: str) -> _Pattern:
        text = text.strip()
        if not text:
            raise ValueError("an empty pattern")
        if len(text) > 1 and text.startswith("/") and text.endswith("/"):
            try:
                return cls(text, re.compile(text[1:-1], re.IGNORECASE))
            except re.error as exc:
                raise ValueError(f"bad regular expression {text!r}: {exc}") from None
        if _GLOB_CHARS & set(text):
            return cls(text, re.compile(fnmatch.translate(_fold(text))))
        return cls(text)

    def match(self, value: str) -> bool:
        if self.text == "*":
            return True
        if self.regex is None:
            return _fold(value) == _fold(self.text)
        if self.text.startswith("/"):
            return self.regex.search(value) is not None
        return self.regex.match(_fold(value)) is not None

    def matches(self, nid: str, attrs: Mapping[str, Any]) -> bool:
        return any(self.match(name) for name in _names(nid, attrs))

    @property
    def is_name(self) -> bool:
        return self.regex is None and self.text != "*"


@dataclass(frozen=True, slots=True)
class _EdgePattern:
    subject: _Pattern
    predicate: _Pattern
    object: _Pattern

    @classmethod
    def of(cls, text: str) -> _EdgePattern:
        found = _EDGE_PATTERN.fullmatch(text.strip())
        if found is None:
            raise ValueError(f"an edge pattern is 'SUBJECT -[PREDICATE]-> OBJECT', not {text!r}")
        predicate = found.group("p").strip().replace(" ", "_") or "*"
        return cls(
            _Pattern.of(found.group("s")), _Pattern.of(predicate), _Pattern.of(found.group("o"))
        )

    def matches_predicate(self, key: str, attrs: Mapping[str, Any]) -> bool:
        return self.predicate.match(str(attrs.get("predicate", ""))) or self.predicate.match(key)


# -- applying ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Applied:
    """What :func:`apply` gives: the corrected ``graph``, one ``warnings`` line for each
    command that matched nothing or was not applied, and the ``rejected`` records."""

    graph: nx.MultiDiGraph
    warnings: tuple[str, ...] = ()
    rejected: tuple[dict[str, Any], ...] = ()


def apply(
    g: nx.MultiDiGraph,
    corrections: Corrections,
    *,
    gazetteer: object = None,
    previous: Sequence[Mapping[str, Any]] = (),
) -> Applied:
    """Apply ``corrections`` to a contract graph (a copy: ``g`` is left as it is).

    ``gazetteer`` is the user gazetteer (a path or a :class:`~kgraph.gazetteer.Gazetteer`)
    whose names win over every correction; ``previous`` the ``rejected`` records of an
    earlier build, so that what was rejected stays rejected.  The result records the
    commands, the warnings and what was rejected in ``graph.graph["corrections"]``.
    """
    out = g.copy()
    run = _Run(out, _user_gazetteer(gazetteer), [dict(r) for r in previous])
    out.remove_edges_from([(u, v, k) for u, v, k in g.edges(keys=True) if k == ACCUSE_KEY])
    problems: dict[int, str | None] = {}
    for index, command in enumerate(corrections.commands):
        problems[index] = run.run(command)
    add_accusations(out)  # made again from the corrected allegations
    for index, command in enumerate(corrections.commands):
        edges = command.command == "reject" and command.args[0] == "edge"
        if edges and run.reject_edges(command) and problems[index] == _NOTHING:
            problems[index] = None
    warnings = tuple(
        f"{command.where}: {_shown(command)}: {problems[index]}"
        for index, command in enumerate(corrections.commands)
        if problems[index] is not None
    )
    rejected = tuple(sorted(run.rejected, key=lambda r: (r["line"], r["what"], r["id"])))
    out.graph["corrections"] = {
        "version": FORMAT_VERSION,
        "source": corrections.source and Path(corrections.source).name,
        "commands": corrections.to_list(),
        "rejected": list(rejected),
        "warnings": list(warnings),
    }
    return Applied(out, warnings, rejected)


_NOTHING: Final = "matches nothing"
#: the role edges an allegation's status comes from
_STATUS_ROLES: Final = frozenset({"denied_by", "dismissed_by", "confirmed_by", "disputed_by"})


def _shown(command: Correction) -> str:
    return " ".join([command.command, *(repr(a) for a in command.args)])


def _user_gazetteer(gazetteer: object) -> Gazetteer | None:
    if isinstance(gazetteer, Gazetteer):
        return gazetteer
    if isinstance(gazetteer, (str, Path)):
        return Gazetteer.default().extended(gazetteer)
    return None


def _evidence_key(ev: Mapping[str, Any]) -> tuple[str, int, int, str, str]:
    return (
        str(ev.get("doc", "")),
        int(ev.get("start", 0)),
        int(ev.get("end", 0)),
        str(ev.get("sentence", "")),
        str(ev.get("text", "")),
    )


def _union(*lists: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    found = {_evidence_key(ev): dict(ev) for items in lists for ev in items}
    return [found[k] for k in sorted(found)]


def _anchors(attrs: Mapping[str, Any]) -> list[list[Any]]:
    """Where an allegation (or edge) is said: ``[doc, start, end]`` of each evidence."""
    found = {(str(e["doc"]), int(e["start"]), int(e["end"])) for e in attrs.get("evidence", ())}
    return [list(a) for a in sorted(found)]


Remap = Callable[[str, "str | None"], "str | None"]


@dataclass
class _Run:
    """One application of a corrections file to a graph."""

    g: nx.MultiDiGraph
    gazetteer: Gazetteer | None
    previous: list[dict[str, Any]]
    rejected: list[dict[str, Any]] = field(default_factory=list)
    pins: dict[str, str] = field(default_factory=dict)
    #: folded name -> the nodes with that label, or with that alias (a claim's text)
    _labels: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    _aliases: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    _keys: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)
    #: the edges reported according to someone; node -> the statements naming it
    _reported: set[tuple[str, str, str]] = field(default_factory=set)
    _said: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    _unresolved: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.pins = _pins(self.g, self.gazetteer)
        self._touch(*self.g)
        self._unresolved = {n for n, c in self.g.nodes(data="candidates") if c}
        self._reported = {
            (u, v, k) for u, v, k, by in self.g.edges(keys=True, data="according_to") if by
        }

    def run(self, command: Correction) -> str | None:
        """Apply one command; return why it matched nothing or was not applied."""
        handler: Callable[[Correction], str | None] = getattr(self, f"_{command.command}")
        return handler(command)

    # -- names --------------------------------------------------------------------------
    def _touch(self, *nodes: str) -> None:
        """Index the names of ``nodes`` afresh (after a change; a node gone is dropped)."""
        for node in nodes:
            label, aliases = self._keys.pop(node, ("", frozenset()))
            self._labels[label].discard(node)
            for key in aliases:
                self._aliases[key].discard(node)
            if node not in self.g:
                continue
            names = _names(node, self.g.nodes[node])
            label, aliases = _fold(names[1]), frozenset(map(_fold, names[2:]))
            self._keys[node] = (label, aliases)
            self._labels[label].add(node)
            for key in aliases:
                self._aliases[key].add(node)

    def _named(self, name: str) -> set[str]:
        """Every node (allegations too) a name pattern matches: id, label or alias."""
        key = _fold(name)
        found = self._labels.get(key, set()) | self._aliases.get(key, set())
        return found | {name} if name in self.g else set(found)

    def _matching(self, pattern: _Pattern) -> set[str] | None:
        """The nodes ``pattern`` matches; ``None`` for ``*`` (every node)."""
        if pattern.text == "*":
            return None
        if pattern.is_name:
            return self._named(pattern.text)
        if pattern.regex is not None and not pattern.text.startswith("/"):  # a glob
            glob = pattern.regex
            return {
                n
                for n, (label, aliases) in self._keys.items()
                if glob.match(_fold(n)) or glob.match(label) or any(map(glob.match, aliases))
            }
        return {n for n, attrs in self.g.nodes(data=True) if pattern.matches(n, attrs)}

    def _by_name(self, name: str) -> list[str]:
        """The entity nodes called ``name``: by id, else label, else alias (any case)."""
        g = self.g
        if name in g and g.nodes[name].get("type") != "Allegation":
            return [name]
        key = _fold(name)
        for table in (self._labels, self._aliases):
            found = sorted(n for n in table.get(key, ()) if g.nodes[n].get("type") != "Allegation")
            if found:
                return found
        return []

    def _find(self, name: str) -> list[str]:
        """The entity nodes called ``name`` (:meth:`_by_name`), else the node of the user
        gazetteer entry of that name."""
        nodes = self._by_name(name)
        entry = self.gazetteer.user_entry(name) if self.gazetteer is not None else None
        if nodes or entry is None:
            return nodes
        return sorted(n for n, gid in self.pins.items() if gid == entry.id and n in self.g)

    def _one(self, name: str) -> tuple[str | None, str | None]:
        nodes = self._find(name)
        if not nodes:
            return None, f"{name!r} matches nothing" if name else _NOTHING
        if len(nodes) > 1:
            shown = ", ".join(nodes[:5]) + (" ..." if len(nodes) > 5 else "")
            return None, f"not applied: {name!r} names {len(nodes)} nodes ({shown}); give a node id"
        return nodes[0], None

    def _pinned(self, node: str, what: str) -> str | None:
        entry = self.pins.get(node)
        if entry is None:
            return None
        return f"not applied: the user gazetteer names {node} ({entry}); {what}"

    # -- commands -----------------------------------------------------------------------
    def _merge(self, command: Correction) -> str | None:
        target, *others = command.args
        if self._is_allegation(target):
            return self._merge_allegations(target, others)
        a, problem = self._one(target)
        if a is None:
            return problem
        problems = []
        for name in others:
            b, problem = self._one(name)
            if b is None:
                problems.append(
                    f"not applied: {name!r} is an allegation, {target!r} an entity"
                    if self._is_allegation(name)
                    else str(problem)
                )
            elif b != a:  # the same node: merged already
                pa, pb = self.pins.get(a), self.pins.get(b)
                if pa is not None and pb is not None and pa != pb:
                    problems.append(
                        f"not applied: {target!r} and {name!r} are two entries of the user "
                        f"gazetteer ({pa}, {pb})"
                    )
                    continue
                a = self._fold(a, b)
        return "; ".join(problems) or None

    def _is_allegation(self, name: str) -> bool:
        return name in self.g and self.g.nodes[name].get("type") == "Allegation"

    def _merge_allegations(self, target: str, others: list[str]) -> str | None:
        """Allegations (by node id) join the first: one claim, the evidence and roles of all."""
        problems = []
        for name in others:
            if not self._is_allegation(name):
                problems.append(
                    f"not applied: {target!r} is an allegation, {name!r} is no allegation's id"
                    if self._by_name(name)
                    else f"{name!r} matches nothing"
                )
                continue
            kept, gone = self.g.nodes[target], self.g.nodes[name]
            evidence = _union(kept.get("evidence", ()), gone.get("evidence", ()))
            reported = [d for d in (kept.get("first_reported"), gone.get("first_reported")) if d]
            kept.update(
                evidence=evidence,
                mentions=len(evidence),
                sources=sorted({*kept.get("sources", ()), *gone.get("sources", ())}),
                dates=sorted({*kept.get("dates", ()), *gone.get("dates", ())}),
                keywords=sorted({*kept.get("keywords", ()), *gone.get("keywords", ())}),
                first_reported=min(reported, default=None),
                **{k: kept.get(k) or gone.get(k) for k in ("confidence", "act", "time")},
            )
            stated = [str(kept.get("status", "alleged")), str(gone.get("status", "alleged"))]
            self._remap(partial(_swap, old=name, new=target), {name: [target]})
            self.g.remove_node(name)
            self._touch(name, target)
            roles = [str(p) for _u, _v, p in self.g.out_edges(target, data="predicate")]
            kept["status"] = allegation_status(roles, stated)
        return "; ".join(problems) or None

    def _fold(self, a: str, b: str) -> str:
        """Node ``b`` joins node ``a``; return the id of the node they make."""
        kept, gone = self.g.nodes[a], self.g.nodes[b]
        attrs = dict(kept)
        user = b in self.pins and a not in self.pins
        if user:  # the user's name, type and entry win
            attrs.update({k: gone.get(k) for k in ("label", "type", "subtype", "gid")})
            self.pins[a] = self.pins[b]
        for name in ("subtype", "gid"):
            attrs[name] = attrs.get(name) or gone.get(name)
        attrs["aliases"] = sorted(
            {*kept.get("aliases", ()), *gone.get("aliases", ()), str(attrs["label"])}
        )
        attrs["sources"] = sorted({*kept.get("sources", ()), *gone.get("sources", ())})
        attrs["evidence"] = _union(kept.get("evidence", ()), gone.get("evidence", ()))
        attrs["mentions"] = len(attrs["evidence"])
        kept.clear()
        kept.update(attrs)
        self._remap(lambda n, _doc: a if n == b else n, {b: [a]})
        self.g.remove_node(b)
        self.pins.pop(b, None)
        self._touch(a, b)
        return self._reid(a) if user else a

    def _split(self, command: Correction) -> str | None:
        nodes = self._find(command.args[0])
        if not nodes:
            return _NOTHING
        problems = []
        for node in nodes:
            problem = self._pinned(node, "a user alias makes it one entity")
            if problem is not None:
                problems.append(problem)
                continue
            self._split_node(node)
        return "; ".join(problems) or None

    def _split_node(self, node: str) -> None:
        attrs = self.g.nodes[node]
        docs = sorted({*attrs.get("sources", ()), *(e["doc"] for e in attrs.get("evidence", ()))})
        if len(docs) <= 1:
            return
        ids: dict[str | None, str] = {}
        for doc in docs:
            nid = f"{node}--{slugify(doc) or _digest(doc)}"
            while nid in self.g or nid in ids.values():
                nid += "-2"
            ids[doc] = nid
            evidence = [e for e in attrs.get("evidence", ()) if e.get("doc") == doc]
            texts = {str(e.get("text")) for e in evidence}
            own = dict(attrs)
            own.update(
                aliases=sorted((texts & set(attrs.get("aliases", ()))) | {str(attrs["label"])}),
                sources=[doc],
                evidence=evidence,
                mentions=len(evidence),
            )
            self.g.add_node(nid, **own)
        first = ids[docs[0]]
        self._remap(
            lambda n, doc: ids.get(doc, first) if n == node else n, {node: list(ids.values())}
        )
        self.g.remove_node(node)
        self._touch(node, *ids.values())

    def _rename(self, command: Correction) -> str | None:
        name, label = command.args
        node, problem = self._one(name)
        if node is None:
            done = self._find(label)
            return None if len(done) == 1 and problem and "nothing" in problem else problem
        refused = self._pinned(node, "its name is the user's: change it in the gazetteer file")
        if refused is not None:
            return refused
        entry = self.gazetteer.user_entry(label) if self.gazetteer is not None else None
        if entry is not None and entry.id != self.g.nodes[node].get("gid"):
            return (
                f"not applied: {label!r} is the user gazetteer's name of {entry.id}; merge instead"
            )
        attrs = self.g.nodes[node]
        attrs["aliases"] = sorted({*attrs.get("aliases", ()), label})
        attrs["label"] = label
        self._touch(node)
        self._reid(node)
        return None

    def _type(self, command: Correction) -> str | None:
        name, type_ = command.args
        node, problem = self._one(name)
        if node is None:
            return problem
        attrs = self.g.nodes[node]
        if attrs.get("type") == type_:
            return None
        refused = self._pinned(node, f"its type is the user's ({attrs.get('type')})")
        if refused is not None:
            return refused
        attrs["type"], attrs["subtype"] = type_, None
        self._reid(node)
        return None

    def _reid(self, node: str) -> str:
        """Give ``node`` the id its type and label make (as :func:`kgraph.graph.assemble`)."""
        attrs = self.g.nodes[node]
        label = str(attrs["label"])
        base = f"{str(attrs['type']).lower()}/{slugify(label) or 'x' + _digest(label)}"
        if node == base or (node.startswith(base + "-") and node[len(base) + 1 :].isdigit()):
            return node
        nid, n = base, 1
        while nid in self.g:
            n += 1
            nid = f"{base}-{n}"
        self.g.add_node(nid, **attrs)
        self._remap(lambda x, _doc: nid if x == node else x, {node: [nid]})
        self.g.remove_node(node)
        self._touch(node, nid)
        if node in self.pins:
            self.pins[nid] = self.pins.pop(node)
        return nid

    def _reject(self, command: Correction) -> str | None:
        what, text = command.args
        if what == "edge":
            return None if self.reject_edges(command) else _NOTHING
        pattern = _Pattern.of(text)
        allegation = what == "allegation"
        earlier = [r for r in self.previous if r.get("command") == command.text]
        anchors = {tuple(a) for r in earlier for a in r.get("evidence", ())}
        matching = self._matching(pattern)
        found = sorted(
            n
            for n, attrs in self.g.nodes(data=True)
            if (attrs.get("type") == "Allegation") == allegation
            and (
                matching is None
                or n in matching
                or (allegation and anchors and anchors & {tuple(a) for a in _anchors(attrs)})
            )
        )
        problems = []
        gone: set[str] = set()
        for node in found:
            refused = self._pinned(node, "a user alias keeps it")
            if refused is not None:
                problems.append(refused)
                continue
            self._record(command, what, node, self.g.nodes[node])
            gone.add(node)
        if gone:
            self._remap(lambda n, _doc: None if n in gone else n, {n: [] for n in gone})
            self.g.remove_nodes_from(sorted(gone))
            self._touch(*sorted(gone))
        self._carry(earlier)
        if problems:
            return "; ".join(problems)
        return None if found or earlier else _NOTHING

    def reject_edges(self, command: Correction) -> bool:
        """Remove the edges an edge pattern matches; whether it matched any (or did before)."""
        pattern = _EdgePattern.of(command.args[1])
        subjects, objects = self._matching(pattern.subject), self._matching(pattern.object)
        if objects is not None and (subjects is None or len(objects) < len(subjects)):
            candidates = self.g.in_edges(sorted(objects), keys=True, data=True)
        elif subjects is not None:
            candidates = self.g.out_edges(sorted(subjects), keys=True, data=True)
        else:
            candidates = self.g.edges(keys=True, data=True)
        found = [
            (u, v, k, attrs)
            for u, v, k, attrs in candidates
            if (subjects is None or u in subjects)
            and (objects is None or v in objects)
            and pattern.matches_predicate(str(k), attrs)
        ]
        for u, v, k, attrs in sorted(found, key=lambda e: (e[0], e[1], str(e[2]))):
            self._record(command, "edge", f"{u} -[{k}]-> {v}", attrs)
            self.g.remove_edge(u, v, key=k)
            self._reported.discard((u, v, k))
            if attrs.get("predicate") in _STATUS_ROLES:  # the status the roles left imply
                roles = [str(p) for _u, _v, p in self.g.out_edges(u, data="predicate")]
                self.g.nodes[u]["status"] = allegation_status(roles)
        earlier = [r for r in self.previous if r.get("command") == command.text]
        self._carry(earlier)
        return bool(found or earlier)

    def _carry(self, earlier: list[dict[str, Any]]) -> None:
        """Keep the records of what a command rejected in an earlier build (and is gone)."""
        kept = {(r["command"], r["id"]) for r in self.rejected}
        self.rejected.extend(r for r in earlier if (r.get("command"), r.get("id")) not in kept)

    def _record(self, command: Correction, what: str, rid: str, attrs: Mapping[str, Any]) -> None:
        self.rejected.append(
            {
                "line": command.line,
                "command": command.text,
                "what": what,
                "id": rid,
                "label": str(attrs.get("label", attrs.get("predicate", ""))),
                "evidence": _anchors(attrs),
            }
        )

    # -- rewiring -----------------------------------------------------------------------
    def _remap(self, to: Remap, expand: Mapping[str, list[str]]) -> None:
        """Move every reference to a node (edge ends, ``according_to``, statements,
        ``candidates``) where ``to(node, doc)`` says; ``None`` drops the edge (or the
        reference).  ``expand`` gives the nodes a reference with no document becomes."""
        g, moved = self.g, sorted(expand)
        touched = {
            (u, v, k): attrs
            for view in (g.out_edges, g.in_edges)
            for u, v, k, attrs in view(moved, keys=True, data=True)
        }
        for u, v, k in sorted(self._reported):
            held = g.get_edge_data(u, v, k)
            if held is not None and held.get("according_to") in expand:
                touched[u, v, k] = held
        old = sorted(touched.items(), key=lambda e: (e[0][0], e[0][1], str(e[0][2])))
        g.remove_edges_from(list(touched))
        self._reported.difference_update(touched)
        for (u, v, key), attrs in old:
            by = attrs.get("according_to")
            groups: dict[tuple[Any, Any, Any], list[dict[str, Any]]] = defaultdict(list)
            for ev in attrs.get("evidence") or [{}]:
                doc = ev.get("doc")
                end = (to(u, doc), to(v, doc), to(by, doc) if isinstance(by, str) else by)
                groups[end].append(ev)
            for (u2, v2, by2), evidence in groups.items():
                if u2 is None or v2 is None or (u2 == v2 and attrs.get("kind") != "allegation"):
                    continue
                new = {**attrs, "evidence": [e for e in evidence if e]}
                new_key = str(key)
                if by2 != by:
                    new_key = _rekey(new_key, str(by), by2)
                    if by2 is None:
                        new.pop("according_to", None)
                        new["reported"] = True
                    else:
                        new["according_to"] = by2
                _put_edge(g, u2, v2, new_key, new)
                if g.edges[u2, v2, new_key].get("according_to") is not None:
                    self._reported.add((u2, v2, new_key))
        self._remap_statements(to, expand)
        # the nodes that list candidates (a surname alone), and those they become
        self._unresolved |= {x for n in moved if n in self._unresolved for x in expand[n]}
        for n in sorted(self._unresolved):
            attrs = g.nodes[n] if n in g else {}
            if attrs.get("candidates") and any(c in expand for c in attrs["candidates"]):
                cands = [x for c in attrs["candidates"] for x in expand.get(c, [c])]
                attrs["candidates"] = list(dict.fromkeys(cands))

    def _remap_statements(self, to: Remap, moved: Mapping[str, list[str]]) -> None:
        """Move the speakers and subjects of the statements that name a moved node."""
        statements = self.g.graph.get("statements")
        if not statements:
            return
        if not self._said:  # node -> the statements naming it, by index
            for i, st in enumerate(statements):
                for ref in (st.get("speaker"), st.get("on_behalf_of"), *st.get("about", ())):
                    if isinstance(ref, str):
                        self._said[ref].add(i)
        out = list(statements)
        for i in sorted({i for n in moved for i in self._said.get(n, ())}):
            st = statements[i]
            doc, new = st.get("doc"), dict(st)
            for name in ("speaker", "on_behalf_of"):
                if isinstance(st.get(name), str):
                    new[name] = to(st[name], doc)
            new["about"] = sorted({x for a in st.get("about", ()) if (x := to(a, doc))})
            for ref in (new["speaker"], new["on_behalf_of"], *new["about"]):
                if isinstance(ref, str):
                    self._said[ref].add(i)
            out[i] = new
        self.g.graph["statements"] = out


def _swap(node: str, _doc: str | None, *, old: str, new: str) -> str:
    return new if node == old else node


def _rekey(key: str, old: str, new: str | None) -> str:
    suffix = f":according_to:{old}"
    if not key.endswith(suffix):
        return key
    return key[: -len(suffix)] + (f":according_to:{new}" if new is not None else ":reported")


def _put_edge(g: nx.MultiDiGraph, u: str, v: str, key: str, attrs: dict[str, Any]) -> None:
    """Add an edge, or merge it into the edge of that key: evidence united, the
    attributes of the edge already there first."""
    if not g.has_edge(u, v, key):
        g.add_edge(u, v, key=key, **attrs)
        return
    held = g.edges[u, v, key]
    merged = {**attrs, **held, "evidence": _union(held.get("evidence", ()), attrs["evidence"])}
    held.clear()
    held.update(merged)


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def _pins(g: nx.MultiDiGraph, gazetteer: Gazetteer | None) -> dict[str, str]:
    """Node -> the user gazetteer entry whose names it carries (its ``gid``)."""
    if gazetteer is None:
        return {}
    out = {}
    for node, attrs in g.nodes(data=True):
        gid = attrs.get("gid")
        if not gid:
            continue
        for name in (attrs.get("label", ""), *attrs.get("aliases", ())):
            entry = gazetteer.user_entry(str(name))
            if entry is not None and entry.id == gid:
                out[node] = str(gid)
                break
    return out
