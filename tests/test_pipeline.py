"""The pipeline: one dispatcher, the same records and graph bytes on one process or several,
and extractors that give the same records whichever run and in whatever order."""

from __future__ import annotations

import dataclasses
import os
import pickle
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kgraph
from kgraph import Document, KnowledgeGraph
from kgraph._model import DocResult
from kgraph.extract import default_extractors
from kgraph.ingest import iter_prepared
from kgraph.nlp import pipe
from kgraph.pipeline import ExtractionPool, Pipeline, resolve_n_process, run

pytestmark = pytest.mark.model

# Short articles written for these tests: people, agencies, countries, acts, claims, denials.
TEXTS = {
    "p01": "Mike Pompeo warned Sergey Lavrov, Russia's foreign minister, about the bounties.",
    "p02": "U.S. officials said that Russia offered bounties to Taliban militants to kill "
    "American troops. Russian officials denied the reports.",
    "p03": "Donald Trump spoke with Vladimir Putin on Friday. Mr. Trump dismissed the reports "
    "as a hoax.",
    "p04": "Former CIA official Rolf Mowatt-Larssen told Just Security that the Kremlin was "
    "arming the Taliban.",
    "p05": "Secretary of State Mike Pompeo met NATO officials in Brussels on Tuesday.",
    "p06": "Western intelligence officials said that Iran had supplied attack drones to Houthi "
    "fighters in Yemen. The Iranian Foreign Ministry denied the report.",
    "p07": "Laura Whitfield, the United States ambassador to the United Nations, told the "
    "Security Council that the shipments violated an arms embargo.",
    "p08": "Senator Maria Alvarez questioned the director of the Cybersecurity and "
    "Infrastructure Security Agency about attacks on hospitals.",
    "p09": "The Justice Department charged two Chinese nationals with hacking into "
    "companies in Texas. Beijing rejected the charges as slander.",
    "p10": "Angela Merkel met Emmanuel Macron in Berlin to discuss sanctions on Belarus.",
    "p11": "Prosecutors accused the former mayor, John Ellery, of taking bribes from a "
    "construction firm. Mr. Ellery denied wrongdoing.",
    "p12": "Turkey and Greece agreed to resume talks on maritime borders, the Greek "
    "foreign minister, Nikos Dendias, said on Monday.",
    # a denial is the accused's when the denier holds a role in the accused state: the
    # allegation extractor reads the roles, whichever extractor runs first
    "p13": "American officials said that Russia had paid militants to attack coalition troops. "
    "Sergey Lavrov, Russia's foreign minister, denied the allegations.",
    "p14": "Intelligence officials said China had hacked the agency's servers. Wang Yi, China's "
    "foreign minister, called the report a fabrication. Later, China's foreign minister "
    "rejected the claims.",
}


def _documents(ids: Iterable[str] | None = None) -> list[Document]:
    return [Document(TEXTS[i], id=i) for i in (ids if ids is not None else TEXTS)]


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return _documents()


@pytest.fixture(scope="module")
def reference(documents: list[Document]) -> dict[str, DocResult]:
    """One process, through the pipeline kgraph.build uses."""
    return {r.info.id: r for r in run(documents)}


@pytest.fixture(scope="module")
def full_json(documents: list[Document]) -> str:
    return kgraph.build(documents).to_json()


@pytest.fixture(scope="module")
def pool() -> Iterator[ExtractionPool]:
    with ExtractionPool(n_process=2, batch_size=4, chunk_size=2) as started:
        yield started


def _graph(results: Iterable[DocResult]) -> KnowledgeGraph:
    kg = KnowledgeGraph()
    kg.add_results(results)
    return kg


# -- same bytes -------------------------------------------------------------------------------


@pytest.mark.parametrize(("n_process", "chunk_size"), [(1, None), (2, None), (2, 1), (2, 5)])
def test_run_on_two_processes_gives_the_bytes_of_build(
    documents: list[Document], full_json: str, n_process: int, chunk_size: int | None
) -> None:
    results = run(iter(documents), n_process=n_process, batch_size=3, chunk_size=chunk_size)
    assert _graph(results).to_json() == full_json


def test_results_are_plain_records_in_input_order(
    pool: ExtractionPool, documents: list[Document], reference: dict[str, DocResult]
) -> None:
    shuffled = documents[5:] + documents[:5]
    out = list(pool.map(shuffled))
    assert all(type(r) is DocResult for r in out)
    assert [r.info.id for r in out] == [d.id for d in shuffled]
    assert out == [reference[str(d.id)] for d in shuffled]
    # what crossed the process boundary is small: no spaCy Doc inside
    assert all(b"spacy" not in pickle.dumps(r) for r in out)


def test_pipeline_run_is_the_one_process_route(
    documents: list[Document], reference: dict[str, DocResult]
) -> None:
    assert list(Pipeline.load().run(documents, batch_size=5)) == list(reference.values())


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    order=st.permutations(sorted(TEXTS)),
    parts=st.lists(st.integers(0, 2), min_size=len(TEXTS), max_size=len(TEXTS)),
    chunk_size=st.integers(1, 5),
)
def test_any_partition_order_and_chunking_gives_the_same_graph(
    pool: ExtractionPool,
    reference: dict[str, DocResult],
    full_json: str,
    order: list[str],
    parts: list[int],
    chunk_size: int,
) -> None:
    part_of = dict(zip(sorted(TEXTS), parts, strict=True))
    graphs = []
    for part in range(3):
        ids = [i for i in order if part_of[i] == part]
        results = list(pool.map(_documents(ids), chunk_size=chunk_size))
        assert results == [reference[i] for i in ids]
        graphs.append(_graph(results))
    a, b, c = graphs
    assert ((c | a) | b).to_json() == full_json


# -- pure extractors ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def parsed(documents: list[Document]) -> list[tuple[Any, Any]]:
    """Every Doc of the test articles with its frozen context, parsed once."""
    pipeline = Pipeline.load()
    out = []
    for item, docs in pipe(iter_prepared(documents), pipeline.nlp):
        out += list(pipeline.contexts(item, docs))
    return out


def _records(parsed: list[tuple[Any, Any]], extractors: Sequence[Any]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {e.name: [] for e in extractors}
    for doc, context in parsed:
        for extractor in extractors:
            out[extractor.name] += list(extractor(doc, context))
    return out


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(chosen=st.lists(st.sampled_from(["relations", "allegations"]), min_size=1, unique=True))
def test_each_extractor_gives_its_records_alone_first_or_last(
    parsed: list[tuple[Any, Any]], chosen: list[str]
) -> None:
    defaults = {e.name: e for e in default_extractors()}
    reference = _records(parsed, list(defaults.values()))
    assert reference["relations"] and reference["allegations"]  # the texts give both
    got = _records(parsed, [defaults[name] for name in chosen])
    assert got == {name: reference[name] for name in chosen}


def test_a_denial_by_an_office_holder_of_the_accused_state_is_a_denial(
    parsed: list[tuple[Any, Any]],
) -> None:
    (extractor,) = [e for e in default_extractors() if e.name == "allegations"]
    found = _records(parsed, [extractor])["allegations"]
    stances = [r for r in found if r.key.startswith("s")]
    assert {r.status for r in stances} >= {"denied"}
    lavrov = [r for r in stances if "militants" in r.label]
    assert lavrov and all(r.status == "denied" for r in lavrov)


def test_the_contexts_are_frozen(parsed: list[tuple[Any, Any]]) -> None:
    _doc, context = parsed[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        context.roles = ()
    with pytest.raises(TypeError):
        context.references.links[0] = None  # a read-only mapping


# -- streaming ---------------------------------------------------------------------------------


def test_documents_are_read_lazily_in_bounded_chunks(pool: ExtractionPool) -> None:
    pulled = 0

    def many() -> Iterator[Document]:
        nonlocal pulled
        for n in range(1, 10_001):
            pulled += 1
            yield Document(f"Mike Pompeo met Sergey Lavrov in round {n}.", id=f"r{n}")

    stream = pool.map(many())
    for taken in range(1, 6):
        assert next(stream).info.id == f"r{taken}"
        # documents read but not yet handed back: at most the chunks in flight
        assert pulled - taken < pool.chunk_size * pool.max_pending
    stream.close()
    assert pulled < 20


def test_empty_input_starts_no_pool() -> None:
    assert list(run(iter(()), n_process=2)) == []


# -- workers load the model once ---------------------------------------------------------------


class LoadCounter:
    """An extractor that finds nothing and records, in files, where it was unpickled."""

    name = "load_counter"

    def __init__(self, directory: str) -> None:
        self.directory = directory

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        Path(self.directory, f"load-{os.getpid()}-{id(self)}").touch()

    def __call__(self, doc: Any, context: Any) -> Iterator[Any]:
        Path(self.directory, f"call-{os.getpid()}").touch()
        return iter(())


def test_each_worker_loads_once_and_custom_extractors_travel(
    tmp_path: Path, documents: list[Document]
) -> None:
    counter = LoadCounter(str(tmp_path))
    results = list(run(documents, n_process=2, batch_size=2, chunk_size=1, extractors=[counter]))
    assert len(results) == len(documents)  # twelve tasks on two workers
    loads = [p.name.split("-")[1] for p in tmp_path.glob("load-*")]
    callers = {p.name.split("-")[1] for p in tmp_path.glob("call-*")}
    assert str(os.getpid()) not in callers  # the parent extracted nothing
    assert 1 <= len(callers) <= 2
    assert sorted(loads) == sorted(set(loads))  # one load per worker process
    assert callers <= set(loads)


# -- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [0, -2, 1.5, True, "2"])
def test_bad_n_process_is_refused(bad: Any) -> None:
    with pytest.raises(ValueError, match="n_process"):
        resolve_n_process(bad)
    with pytest.raises(ValueError, match="n_process"):
        next(run(_documents(["p01"]), n_process=bad))


@pytest.mark.parametrize(
    ("option", "value"), [("chunk_size", 0), ("max_pending", -1), ("batch_size", 0)]
)
def test_bad_sizes_are_refused(option: str, value: int) -> None:
    with pytest.raises(ValueError, match=option):
        ExtractionPool(2, **{option: value})


def test_minus_one_means_one_process_per_cpu() -> None:
    assert resolve_n_process(-1) == (os.cpu_count() or 1)


def test_an_unpicklable_extractor_is_refused_before_any_process_starts() -> None:
    class Local:
        name = "local"

        def __call__(self, doc: Any, context: Any) -> Iterator[Any]:
            return iter(())

    with pytest.raises(TypeError, match="extractors"):
        ExtractionPool(2, extractors=[Local()])


def test_a_worker_error_reaches_the_caller_as_itself() -> None:
    with pytest.raises(kgraph.ModelNotFoundError, match="no_such_model_xyz"):
        list(run(_documents(["p01", "p02"]), n_process=2, model="no_such_model_xyz"))


# -- determinism and restarts on several processes ----------------------------------------------


def test_seed_articles_in_any_order_on_two_processes_give_the_same_json_and_turtle(
    seeds_dir: Path, tmp_path: Path
) -> None:
    paths = sorted(seeds_dir.glob("*.txt"))
    assert len(paths) >= 2
    one = kgraph.build(paths)
    two = kgraph.build(list(reversed(paths)), n_process=2, batch_size=1)
    assert len(one.documents) == len(paths) and len(one) > 10
    assert two.to_json() == one.to_json()
    one.write(tmp_path / "one.ttl")
    two.write(tmp_path / "two.ttl")
    assert (tmp_path / "one.ttl").read_bytes() == (tmp_path / "two.ttl").read_bytes()


def test_interrupted_parallel_build_restarted_with_add(
    documents: list[Document], full_json: str
) -> None:
    def stream() -> Iterator[Document]:
        for n, document in enumerate(documents):
            if n == 7:
                raise KeyboardInterrupt
            yield document

    kg = KnowledgeGraph(n_process=2, batch_size=2)
    with pytest.raises(KeyboardInterrupt):
        kg.add(stream())
    assert len(kg.documents) < len(documents)
    kg.add(documents)
    assert kg.to_json() == full_json


def test_two_texts_under_one_id_on_two_processes(documents: list[Document]) -> None:
    twins = [*documents[:4], Document(TEXTS["p06"], id="p01"), Document(TEXTS["p07"], id="p02")]
    one = kgraph.build(twins)
    assert len(one.documents) == 6
    assert kgraph.build(list(reversed(twins)), n_process=2).to_json() == one.to_json()


def test_bad_options_are_kgraph_errors() -> None:
    from kgraph._errors import OptionError

    with pytest.raises(OptionError, match="n_process=0") as info:
        resolve_n_process(0)
    assert isinstance(info.value, kgraph.KGraphError) and isinstance(info.value, ValueError)
    with pytest.raises(OptionError, match="batch_size=0"):
        next(Pipeline.load().run(_documents(["p01"]), batch_size=0))
    with pytest.raises(OptionError, match="extractors") as type_info:
        ExtractionPool(2, extractors=[lambda doc, context: iter(())])  # type: ignore[list-item]
    assert isinstance(type_info.value, TypeError)
    assert isinstance(type_info.value.__cause__, Exception)  # the pickling error, chained
