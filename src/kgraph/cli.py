"""The ``kgraph`` command: build, inspect, query and push knowledge graphs.

::

    kgraph build SOURCES... -o out/graph.ttl -o out/graph.html -o out/neo4j/ --store out/store
    kgraph info out/graph.json
    kgraph query out/store 'SELECT ?s WHERE { ?s ?p ?o } LIMIT 5' --format csv
    kgraph push out/graph.json http://localhost:8890/sparql --user dba --digest
    kgraph annotate out/graph.json -o gold.json
    kgraph evaluate out/graph.json gold.json -v

Outputs take their format from their suffix and are written whole or not at all.
A progress bar over documents shows on a terminal (never when stderr is
redirected, nor with ``--quiet``), with a total and an ETA when the sources are
files; ``--verbose`` logs every step.  A mistake is one line on stderr,
``kgraph: error: ...``, and a non-zero exit status: 2 for a command line
argparse rejects (unknown option, unknown output suffix), 1 for anything else,
130 when interrupted.  Never a traceback: even a bug in kgraph is one line
(``--verbose`` shows where it happened).

>>> main(["--version"])  # doctest: +ELLIPSIS
kgraph ...
0
"""

from __future__ import annotations

import argparse
import csv
import getpass
import json
import logging
import os
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NoReturn, TextIO

import kgraph
from kgraph import examples
from kgraph._errors import KGraphError
from kgraph._version import __version__
from kgraph.export import DIRECTORY_FORMATS, READABLE, WRITABLE, suffix_format

if TYPE_CHECKING:
    from kgraph._api import KnowledgeGraph

__all__ = ["main"]

log = logging.getLogger("kgraph.cli")

PROG: Final = "kgraph"
PASSWORD_ENV: Final = "KGRAPH_PASSWORD"
_MAX_CELL: Final = 60
_URL_SCHEMES: Final = ("http://", "https://")
_SHOWN_WARNINGS: Final = 20  # warnings printed in full; the rest are counted
_SHOWN_SKIPS: Final = 3
# kinds of input skipped that mean something went wrong (the rest is a folder's other files)
_BAD_SKIPS: Final = frozenset({"bad line", "binary", "unreadable", "unreadable folder", "empty"})


# -- argument types ---------------------------------------------------------------------------
def _output_path(text: str) -> str:
    """An output file whose suffix names a format kgraph writes, or a directory ending in
    ``/`` (Neo4j CSV files); kept as text, since a ``Path`` drops the ``/``."""
    try:
        suffix_format(text)
    except KGraphError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    return text


def _graph_path(text: str) -> Path:
    """A graph file kgraph can read back (.json or RDF)."""
    suffix = Path(text).suffix.lower()
    if suffix not in READABLE:
        raise argparse.ArgumentTypeError(
            f"cannot read a graph from {text!r}: give a file ending in {', '.join(READABLE)}"
        )
    return Path(text)


def _graph_or_endpoint(text: str) -> Path | str:
    """An endpoint URL, a store directory (``--store``) or a graph file."""
    if text.startswith(_URL_SCHEMES):
        return text
    if Path(text).is_dir():
        return Path(text)
    return _graph_path(text)


def _endpoint(text: str) -> str:
    if not text.startswith(_URL_SCHEMES):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a SPARQL endpoint URL: give one starting with http:// or https://"
        )
    return text


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, not {text!r}")
    return value


def _n_process(text: str) -> int:
    """A number of processes: >= 1, or -1 for one per CPU."""
    if text.strip() == "-1":
        return -1
    try:
        return _positive_int(text)
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(
            f"expected a whole number >= 1, or -1 for one per CPU, not {text!r}"
        ) from None


def _field(text: str) -> tuple[str, str]:
    """``NAME=KEY``: the JSONL key a Document field is read from."""
    from kgraph.ingest import FIELDS  # noqa: PLC0415  (lazy: start-up time, ingest compiles its patterns)

    name, sep, key = text.partition("=")
    name, key = name.strip(), key.strip()
    if not sep or not key:
        raise argparse.ArgumentTypeError(f"expected NAME=KEY (text=body), not {text!r}")
    if name not in FIELDS:
        raise argparse.ArgumentTypeError(
            f"{name!r} is no document field; give one of {', '.join(FIELDS)}"
        )
    return name, key


# -- the parser ---------------------------------------------------------------------------
class _Parser(argparse.ArgumentParser):
    """An argparse parser whose usage errors are one line: ``kgraph: error: ...``."""

    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix(PROG).strip()
        where = f"{command}: " if command else ""
        self.exit(2, f"{PROG}: error: {where}{_one_line(message)} (see '{self.prog} --help')\n")


def _parser() -> argparse.ArgumentParser:
    common, auth = _option_groups()
    parser = _Parser(
        prog=PROG,
        description="Knowledge graphs of people, agencies, countries and allegations "
        "from news articles.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_build_command(commands, common)
    _add_inspection_commands(commands, common, auth)
    _add_evaluation_commands(commands, common)
    return parser


def _option_groups() -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    """The options several commands share: ``-q``/``-v``, and the endpoint's credentials."""
    common = _Parser(add_help=False)
    noise = common.add_mutually_exclusive_group()
    noise.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar, warnings and errors only"
    )
    noise.add_argument("-v", "--verbose", action="store_true", help="log every step (DEBUG)")

    auth = _Parser(add_help=False)
    auth.add_argument("--user", help="user name for the SPARQL endpoint")
    auth.add_argument(
        "--password",
        help=f"password for the endpoint (default: ${PASSWORD_ENV}, else asked on a terminal)",
    )
    auth.add_argument(
        "--digest", action="store_true", help="HTTP digest authentication (default: basic)"
    )
    return common, auth


def _add_build_command(commands: Any, common: argparse.ArgumentParser) -> None:
    build = commands.add_parser(
        "build",
        parents=[common],
        help="build a graph from articles",
        description="Read articles (files, directories, globs; '-' for standard input, "
        "JSONL when its lines are JSON objects, else one text), extract the graph and "
        "write it; each output's suffix names its format.",
    )
    _add_build_places(build)
    _add_build_settings(build)
    build.set_defaults(run=_run_build)


def _add_build_places(build: argparse.ArgumentParser) -> None:
    """What ``build`` reads and where it writes."""
    build.add_argument(
        "sources", nargs="*", metavar="SOURCE", help="file, directory, glob, or - (stdin)"
    )
    build.add_argument(
        "--examples",
        action="store_true",
        help="also read the example articles that ship with kgraph",
    )
    build.add_argument(
        "-o",
        "--output",
        action="append",
        default=[],
        type=_output_path,
        metavar="FILE",
        help=f"output file, repeatable: {' '.join(WRITABLE)}, or DIR/ for Neo4j CSV files",
    )
    build.add_argument(
        "--store",
        type=Path,
        metavar="DIR",
        help="also keep the graph in an on-disk Oxigraph store to query with "
        "'kgraph query DIR' (replaces the dataset a previous build put there; "
        "pip install 'kgraph[fast]')",
    )


def _add_build_settings(build: argparse.ArgumentParser) -> None:
    """How ``build`` reads and extracts: model, gazetteer, corrections, processes, fields."""
    build.add_argument("--model", help="spaCy pipeline name or path (default: kgraph's own)")
    build.add_argument("--gazetteer", type=Path, metavar="FILE", help="extra gazetteer file")
    build.add_argument(
        "--corrections",
        type=Path,
        metavar="FILE",
        help="corrections file applied to the graph (merge, split, rename, type, reject)",
    )
    build.add_argument(
        "--n-process",
        type=_n_process,
        default=1,
        metavar="N",
        help="worker processes (-1: one per CPU)",
    )
    build.add_argument("--limit", type=_positive_int, metavar="N", help="read at most N documents")
    build.add_argument(
        "--field",
        action="append",
        type=_field,
        default=[],
        metavar="NAME=KEY",
        help="read a JSONL document's NAME (text, id, title, url, published, source, "
        "authors) from KEY, repeatable: --field text=body --field title=headline",
    )
    build.add_argument(
        "--skip-bad",
        action="store_true",
        help="skip bad JSONL lines and unreadable files (counted and listed), not stop",
    )


def _add_inspection_commands(
    commands: Any, common: argparse.ArgumentParser, auth: argparse.ArgumentParser
) -> None:
    """``info``, ``query`` and ``push``: what a graph holds, and where it goes."""
    info = commands.add_parser(
        "info",
        parents=[common],
        help="counts and top entities of a graph",
        description="Print the counts of a graph (.json or RDF) and its top entities.",
    )
    info.add_argument("graph", type=_graph_path, metavar="GRAPH")
    info.add_argument("--top", type=_positive_int, default=10, metavar="N")
    info.add_argument(
        "--by",
        choices=("mentions", "pagerank", "degree", "betweenness"),
        default="mentions",
        help="how to rank the top entities (default: mentions)",
    )
    info.add_argument("--format", choices=("text", "json"), default="text")
    info.set_defaults(run=_run_info)

    query = commands.add_parser(
        "query",
        parents=[common, auth],
        help="run a SPARQL query",
        description="Run a SPARQL query over a store directory (kgraph build --store DIR), "
        "a graph file (.json or RDF) or a SPARQL endpoint URL.  Patterns outside GRAPH see "
        "every graph of a directory or file: the entities with their evidence.",
    )
    query.add_argument("graph", type=_graph_or_endpoint, metavar="GRAPH")
    query.add_argument("sparql", metavar="SPARQL", help="the query; '-' reads standard input")
    query.add_argument("--format", choices=("table", "json", "csv"), default="table")
    query.set_defaults(run=_run_query)

    push = commands.add_parser(
        "push",
        parents=[common, auth],
        help="send a graph to a SPARQL 1.1 store",
        description="Send a graph (.json or RDF) to a SPARQL 1.1 store, one named graph "
        "per document.",
    )
    push.add_argument("graph", type=_graph_path, metavar="GRAPH")
    push.add_argument("endpoint", type=_endpoint, metavar="ENDPOINT")
    push.set_defaults(run=_run_push)


def _add_evaluation_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    evaluate = commands.add_parser(
        "evaluate",
        help="score a graph against your own annotations",
        description="Score a graph (.json or RDF) against a gold annotation (entities, "
        "relations, allegations; 'kgraph annotate' drafts one) and/or its statements "
        "against brat attributions (PolNeAR's layout).",
    )
    evaluate.add_argument("graph", type=_graph_path, metavar="GRAPH")
    evaluate.add_argument("gold", nargs="?", type=Path, metavar="GOLD", help="gold JSON file")
    evaluate.add_argument(
        "--attributions",
        type=Path,
        metavar="DIR",
        help="brat annotations (DIR/attributions/*.ann, DIR/text/*.txt) for the statements",
    )
    evaluate.add_argument("--format", choices=("table", "json"), default="table")
    evaluate.add_argument(
        "-v",
        "--verbose",
        dest="details",
        action="store_true",
        help="list every miss, junk node and wrong merge with its evidence",
    )
    evaluate.add_argument("-q", "--quiet", action="store_true", help="warnings and errors only")
    evaluate.set_defaults(run=_run_evaluate, verbose=False)

    annotate = commands.add_parser(
        "annotate",
        parents=[common],
        help="write a draft gold of a graph, to correct",
        description="Write a draft gold annotation of a graph (.json or RDF): every entity, "
        'fact and allegation, each marked "reviewed": false, for a person to correct and '
        "score later graphs against with 'kgraph evaluate'.",
    )
    annotate.add_argument("graph", type=_graph_path, metavar="GRAPH")
    annotate.add_argument(
        "-o", "--output", required=True, type=_json_path, metavar="FILE", help="gold JSON file"
    )
    annotate.set_defaults(run=_run_annotate)


def _json_path(text: str) -> Path:
    if Path(text).suffix.lower() != ".json":
        raise argparse.ArgumentTypeError(
            f"a gold is JSON: give a file ending in .json, not {text!r}"
        )
    return Path(text)


# -- output helpers -------------------------------------------------------------------------
def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _stderr_is_tty() -> bool:
    return _isatty(sys.stderr)


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


class _Throttle(logging.Filter):
    """Lets the first warnings through, then counts the rest (a corpus may hold thousands
    of documents with a cleaned character); errors, other levels and the lines of a
    corrections file that matched nothing (``kgraph.corrections``) always pass."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit
        self.seen = 0

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno != logging.WARNING or record.name == "kgraph.corrections":
            return True
        self.seen += 1
        return self.seen <= self.limit

    def summary(self) -> str | None:
        hidden = self.seen - self.limit
        if hidden <= 0:
            return None
        return f"{PROG}: warning: {hidden} more warnings not shown (--verbose shows all)\n"


class _Formatter(logging.Formatter):
    """``kgraph: message`` for information, ``kgraph: warning: message`` above."""

    def __init__(self, verbose: bool) -> None:
        super().__init__()
        self.verbose = verbose

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.exc_info and self.verbose:
            message += "\n" + self.formatException(record.exc_info)
        where = f"{PROG} ({record.name})" if self.verbose else PROG
        if record.levelno == logging.INFO:
            return f"{where}: {message}"
        return f"{where}: {record.levelname.lower()}: {message}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _describe(err: BaseException) -> str:
    if isinstance(err, OSError) and not isinstance(err, KGraphError) and err.strerror:
        if err.filename is not None:
            return f"{err.filename}: {err.strerror}"
        return str(err.strerror)
    return _one_line(str(err)) or type(err).__name__


def _cell(value: Any, width: int | None = _MAX_CELL) -> str:
    """A value shown in one table cell: one line, no control characters, cut at ``width``
    columns (60; None: never cut)."""
    text = "" if value is None else str(value)
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in text)
    text = "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Cs"))
    if width is not None and _width(text) > width:
        cut: list[str] = []
        for char in text:
            if _width("".join(cut)) + _width(char) > width - 1:
                break
            cut.append(char)
        text = "".join(cut) + "…"
    return text


def _width(text: str) -> int:
    """Terminal columns ``text`` takes: wide characters 2, combining marks 0."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def _table(rows: Sequence[dict[str, Any]], stream: TextIO) -> None:
    columns = list(dict.fromkeys(k for row in rows for k in row))
    if not columns:
        stream.write("(no results)\n")
        return
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    head = [_cell(c) for c in columns]
    widths = [max(_width(x) for x in [h, *(r[i] for r in cells)]) for i, h in enumerate(head)]

    def line(values: Sequence[str]) -> str:
        padded = (v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True))
        return "  ".join(padded).rstrip()

    stream.write(line(head) + "\n")
    stream.write("  ".join("-" * w for w in widths) + "\n")
    for row in cells:
        stream.write(line(row) + "\n")
    stream.write(f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n")


def _json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, default=str)


# -- commands ------------------------------------------------------------------------------
def _sources(values: Sequence[str]) -> list[Any]:
    """Paths as Paths (never read as raw text), globs as strings, ``-`` as standard input
    (its bytes, read by ingest: JSONL when its lines are JSON objects, else one text)."""
    if values.count("-") > 1:
        raise _UsageError("'-' (standard input) can be given once")
    out: list[Any] = []
    for value in values:
        if value == "-":
            if _isatty(sys.stdin):
                log.info("reading articles typed on the terminal; end them with Ctrl-D")
            out.append(getattr(sys.stdin, "buffer", sys.stdin))
        elif any(c in value for c in "*?[") and not Path(value).exists():
            out.append(value)
        else:
            out.append(Path(value).expanduser())
    return out


def _run_build(args: argparse.Namespace) -> int:
    from kgraph._api import KnowledgeGraph  # noqa: PLC0415  (lazy: start-up time, the stages import networkx)

    if not args.sources and not args.examples:
        raise _UsageError("give at least one SOURCE, or --examples")
    if not args.output and args.store is None:
        raise _UsageError("give at least one output: -o/--output FILE or --store DIR")
    _check_outputs(args.output)  # before the build, which may take long
    if args.store is not None:
        _check_store(args.store)
    sources = _sources(args.sources)
    if args.examples:
        sources.append(examples.path())
    fixes = {"corrections": args.corrections} if args.corrections is not None else {}
    kg = KnowledgeGraph(
        model=args.model, gazetteer=args.gazetteer, n_process=args.n_process, **fixes
    )
    progress = not args.quiet and _stderr_is_tty()
    report = kg.add(
        sources,
        progress=progress,
        fields=dict(args.field) or None,
        limit=args.limit,
        skip_bad=args.skip_bad,
    )
    if not kg.documents:
        raise _CommandError(
            "no document could be read from "
            + ", ".join(args.sources or ["the examples"])
            + (f"; {_skipped_line(report.skipped)}" if report.skipped else "")
        )
    if report.skipped:
        # files a folder holds that are not articles (a README, a .pdf) are no news
        bad = any(why.split(":", 1)[0] in _BAD_SKIPS for _, why in report.skipped)
        log.log(logging.WARNING if bad else logging.INFO, "%s", _skipped_line(report.skipped))
    for output in args.output:
        path = kg.write(output)
        log.info("wrote %s", path)
    if args.store is not None:
        kg.write(args.store, format="oxigraph")
        log.info("stored the graph in %s (kgraph query %s '...')", args.store, args.store)
    log.info("%s", _counts_line(kg))
    return 0


def _check_outputs(outputs: Sequence[str]) -> None:
    """Refuse outputs that cannot be written: a folder for a file, under a file, or not
    writable."""
    for text in outputs:
        path = Path(text)
        if path.is_dir() and suffix_format(text) not in DIRECTORY_FORMATS:
            raise _UsageError(
                f"-o {path} is a folder; give a file name, e.g. {path / 'graph.json'}"
            )
        _check_writable(path, f"-o {text}")


def _check_store(path: Path) -> None:
    from kgraph.export import oxigraph  # noqa: PLC0415  (lazy: start-up time, it imports networkx)

    oxigraph.module("--store")  # a missing pyoxigraph fails before the build
    if path.exists() and not path.is_dir():
        raise _UsageError(f"--store {path} is a file; give a directory")
    _check_writable(path, f"--store {path}")


def _check_writable(path: Path, what: str) -> None:
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if folder.exists() and not folder.is_dir():
        raise _UsageError(f"cannot write {path}: {folder} is a file, not a folder")
    target = path if path.exists() else folder
    if not os.access(target, os.W_OK):
        raise _CommandError(f"cannot write {path}: {target}: Permission denied")


def _skipped_line(skipped: Sequence[tuple[str, str]]) -> str:
    """One line for every input not read: how many of each kind, and the first few.

    >>> _skipped_line([("a.pdf", "unknown suffix: .pdf"), ("f.jsonl:4", "bad line: ..."),
    ...                ("b.csv", "unknown suffix: .csv"), ("d", "empty")])
    'skipped 4: 2 unknown suffix, 1 bad line, 1 empty (a.pdf, f.jsonl:4, b.csv and 1 more; \
--verbose lists each)'
    """
    kinds = Counter(reason.split(":", 1)[0] for _, reason in skipped)
    names = ", ".join(_cell(name, None) for name, _ in skipped[:_SHOWN_SKIPS])
    more = len(skipped) - _SHOWN_SKIPS
    if more > 0:
        names += f" and {more} more"
    return (
        f"skipped {len(skipped)}: "
        + ", ".join(f"{n} {kind}" for kind, n in kinds.most_common())
        + f" ({names}; --verbose lists each)"
    )


def _counts_line(kg: KnowledgeGraph) -> str:
    from kgraph import query  # noqa: PLC0415  (lazy: start-up time, it imports networkx)

    s = query.summary(kg.graph, top=0)
    types = ", ".join(f"{n} {t}" for t, n in s["types"].items()) or "none"
    return (
        f"{_plural(s['documents'], 'document')}: {_plural(s['entities'], 'entity', 'entities')} "
        f"({types}), {_plural(s['allegations'], 'allegation')}, "
        f"{_plural(s['relations'], 'relation')}"
    )


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def _load(path: Path) -> KnowledgeGraph:
    from kgraph._api import load  # noqa: PLC0415  (lazy: start-up time, the stages import networkx)

    return load(path)


def _run_info(args: argparse.Namespace) -> int:
    from kgraph import query  # noqa: PLC0415  (lazy: start-up time, it imports networkx)

    kg = _load(args.graph)
    g = kg.graph
    s = query.summary(g, top=args.top)
    if args.by != "mentions":
        s["top"] = [
            {
                "id": e.id,
                "label": e.label,
                "type": e.type,
                "mentions": e.mentions,
                "documents": len(e.sources),
                args.by: score,
            }
            for e, score in query.rank(g, by=args.by, top=args.top)
        ]
    if args.format == "json":
        _out(_json_text(s))
        return 0
    _out(f"{args.graph}: {s['documents']} documents, {s['nodes']} nodes, {s['edges']} edges")
    _out(f"entities     {s['entities']:>6}  " + _counts(s["types"]))
    _out(f"allegations  {s['allegations']:>6}  " + _counts(s["statuses"]))
    _out(f"relations    {s['relations']:>6}  " + _counts(s["predicates"], limit=8))
    if s["top"]:
        _out()
        _out(f"top {len(s['top'])} entities by {args.by}:")
        rows = [
            {
                "#": i,
                "entity": t["label"],
                "type": t["type"],
                "mentions": t["mentions"],
                "documents": t["documents"],
                **({args.by: f"{t[args.by]:.4f}"} if args.by != "mentions" else {}),
            }
            for i, t in enumerate(s["top"], 1)
        ]
        _table(rows, sys.stdout)
    return 0


def _counts(counts: dict[str, int], limit: int | None = None) -> str:
    items = list(counts.items())
    shown = ", ".join(f"{_cell(k)} {v}" for k, v in items[:limit])
    if limit is not None and len(items) > limit:
        shown += f", … ({len(items) - limit} more)"
    return f"({shown})" if shown else ""


def _auth(args: argparse.Namespace) -> Any:
    """``None``, a ``(user, password)`` pair for basic auth or a requests digest auth."""
    if args.user is None:
        if args.password is not None or args.digest:
            raise _UsageError("--password and --digest need --user")
        return None
    password = args.password
    if password is None:
        password = os.environ.get(PASSWORD_ENV)
    if password is None:
        if not sys.stdin.isatty():
            raise _UsageError(f"--user {args.user} needs --password or ${PASSWORD_ENV}")
        password = getpass.getpass(f"password for {args.user}: ")
    if args.digest:
        from requests.auth import HTTPDigestAuth  # noqa: PLC0415  (lazy: start-up time)

        return HTTPDigestAuth(args.user, password)
    return (args.user, password)


def _run_query(args: argparse.Namespace) -> int:
    text = sys.stdin.read() if args.sparql == "-" else args.sparql
    if not text.strip():
        raise _UsageError("the SPARQL query is empty")
    auth = _auth(args)
    target: Any = args.graph  # a URL, a store directory or a file (parsed once, not loaded)
    try:
        rows = kgraph.sparql(target, text, auth=auth)
    except (KGraphError, OSError):
        raise
    except Exception as err:  # a query the SPARQL parser rejects is the user's mistake
        raise _CommandError(f"the SPARQL query failed: {type(err).__name__}: {err}") from err
    if args.format == "json":
        _out(_json_text(rows))
    elif args.format == "csv":
        columns = list(dict.fromkeys(k for row in rows for k in row))
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if row.get(c) is None else str(row.get(c)) for c in columns])
    else:
        _table(rows, sys.stdout)
    return 0


def _run_push(args: argparse.Namespace) -> int:
    auth = _auth(args)
    kg = _load(args.graph)
    result = kg.push(args.endpoint, auth=auth)
    log.info("pushed %d documents to %s", len(kg.documents), args.endpoint)
    log.debug("store answered %r", result)
    return 0


def _run_evaluate(args: argparse.Namespace) -> int:
    from kgraph import evaluation  # noqa: PLC0415  (lazy: start-up time, it imports networkx)

    if args.gold is None and args.attributions is None:
        raise _UsageError("give a GOLD file, --attributions DIR, or both")
    result = evaluation.evaluate(args.graph, args.gold, attributions=args.attributions)
    if args.format == "json":
        _out(_json_text(result.to_dict(details=args.details)))
        return 0
    against = [str(p) for p in (args.gold, args.attributions) if p is not None]
    _out(f"{args.graph} against {' and '.join(against)}")
    _table(result.rows(), sys.stdout)
    if args.details:
        for line in result.details():
            _out(line)
    return 0


def _run_annotate(args: argparse.Namespace) -> int:
    from kgraph import evaluation  # noqa: PLC0415  (lazy: start-up time, it imports networkx)

    _check_outputs([args.output])
    path = evaluation.write_draft_gold(args.graph, args.output)
    gold = evaluation.read_gold(path)
    log.info(
        "wrote %s: %s, %s and %s to review",
        path,
        _plural(len(gold.entities), "entity", "entities"),
        _plural(len(gold.relations), "relation"),
        _plural(len(gold.allegations), "allegation"),
    )
    return 0


class _CommandError(Exception):
    """A command that cannot go on: exit status 1."""


class _UsageError(Exception):
    """A command line that does not make sense: exit status 2."""


# -- entry point ------------------------------------------------------------------------------
def main(argv: Sequence[str] | None = None) -> int:
    """Run ``kgraph`` with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return _status(stop.code)
    logger = logging.getLogger("kgraph")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter(args.verbose))
    throttle = _Throttle(_SHOWN_WARNINGS)
    if not args.verbose:
        handler.addFilter(throttle)
    old_level = logger.level
    level = logging.DEBUG if args.verbose else logging.WARNING if args.quiet else logging.INFO
    logger.setLevel(level)
    logger.addHandler(handler)
    try:
        status, error = _call(args)
        summary = throttle.summary()
        if summary:
            sys.stderr.write(summary)
        return status if error is None else _fail(error, status)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)


def _call(args: argparse.Namespace) -> tuple[int, str | None]:
    """Run the command: its exit status, and the one-line error if it failed."""
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args), None
    except BrokenPipeError:
        # The reader went away (``kgraph info g.json | head``): stop quietly.
        _silence_stdout()
        return 1, None
    except _UsageError as err:
        return 2, f"{args.command}: {err}"
    except (KGraphError, OSError, ImportError, _CommandError) as err:
        log.debug("%s failed", args.command, exc_info=True)
        return 1, _describe(err)
    except KeyboardInterrupt:
        return 130, "interrupted"
    except Exception as err:  # a bug: still one line, the traceback with --verbose
        log.debug("%s failed", args.command, exc_info=True)
        return 1, (
            f"{type(err).__name__}: {_describe(err)} -- this is a bug in kgraph; please "
            "report it with the output of the same command with --verbose"
        )


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file descriptor (captured output)
        pass


def _status(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    return 1


def _fail(message: str, status: int) -> int:
    sys.stderr.write(f"{PROG}: error: {_one_line(message)}\n")
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
