"""kgraph.dask: a two-worker LocalCluster on 127.0.0.1 builds the bytes of kgraph.build."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask
import dask.bag as db
import pytest
from distributed import Client, LocalCluster

import kgraph
from kgraph import Document, KnowledgeGraph
from kgraph.dask import ModelPlugin, _merge_partitions, build_bag, plugin_name

pytestmark = pytest.mark.model

# Short articles written for these tests (the seed articles are read from ../shared).
TEXTS = {
    "d01": "Mike Pompeo warned Sergey Lavrov, Russia's foreign minister, about the bounties.",
    "d02": "U.S. officials said that Russia offered bounties to Taliban militants to kill "
    "American troops. Russian officials denied the reports.",
    "d03": "Donald Trump spoke with Vladimir Putin on Friday. Mr. Trump dismissed the reports "
    "as a hoax.",
    "d04": "Former CIA official Rolf Mowatt-Larssen told Just Security that the Kremlin was "
    "arming the Taliban.",
    "d05": "Secretary of State Mike Pompeo met NATO officials in Brussels on Tuesday.",
    "d06": "Western intelligence officials said that Iran had supplied attack drones to Houthi "
    "fighters in Yemen. The Iranian Foreign Ministry denied the report.",
    "d07": "The Justice Department charged two Chinese nationals with hacking into "
    "companies in Texas. Beijing rejected the charges as slander.",
    "d08": "Angela Merkel met Emmanuel Macron in Berlin to discuss sanctions on Belarus.",
    "d09": "Prosecutors accused the former mayor, John Ellery, of taking bribes from a "
    "construction firm. Mr. Ellery denied wrongdoing.",
    "d10": "Laura Whitfield, the United States ambassador to the United Nations, told the "
    "Security Council that the shipments violated an arms embargo.",
}


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        Client(cluster, set_as_default=False) as started,
    ):
        yield started


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return [Document(text, id=i) for i, text in TEXTS.items()]


@pytest.fixture(scope="module")
def expected(documents: list[Document]) -> str:
    return kgraph.build(documents).to_json()


@pytest.mark.parametrize(
    ("npartitions", "split_every"), [(1, None), (4, 2), (len(TEXTS), 2), (5, 3)]
)
def test_bag_of_documents_gives_the_bytes_of_build(
    client: Client, documents: list[Document], expected: str, npartitions: int, split_every: Any
) -> None:
    bag = db.from_sequence(documents, npartitions=npartitions)
    kg = build_bag(bag, client=client, split_every=split_every)
    assert kg.to_json() == expected
    assert sorted(kg.report.added) == sorted(TEXTS)


def test_bag_in_another_order_gives_the_same_bytes(
    client: Client, documents: list[Document], expected: str
) -> None:
    kg = build_bag(list(reversed(documents)), client=client, npartitions=3)
    assert kg.to_json() == expected


def test_seed_directory_gives_the_bytes_of_build(client: Client, seeds_dir: Path) -> None:
    kg = build_bag(seeds_dir, client=client)
    assert kg.documents == sorted(p.stem for p in seeds_dir.glob("*.txt"))
    assert kg.to_json() == kgraph.build(seeds_dir).to_json()


def test_paths_and_raw_strings_mix(
    client: Client, seeds_dir: Path, documents: list[Document]
) -> None:
    sources: list[Any] = [*sorted(seeds_dir.glob("*.txt")), TEXTS["d01"], documents[1]]
    kg = build_bag(sources, client=client)
    assert kg.to_json() == kgraph.build(sources).to_json()


def test_each_worker_holds_one_loaded_pipeline(client: Client, documents: list[Document]) -> None:
    name = plugin_name(None, None, None)

    def loaded(dask_worker: Any) -> int | None:
        plugin = dask_worker.plugins.get(name)
        return None if plugin is None or plugin.pipeline is None else id(plugin.pipeline.nlp)

    build_bag(documents[:4], client=client)
    before = client.run(loaded)
    build_bag(documents[4:], client=client)
    after = client.run(loaded)
    assert len(before) == 2 and None not in before.values()
    assert after == before  # registering again did not load the model again


def test_empty_documents_are_reported(client: Client) -> None:
    kg = build_bag([Document("  ", id="blank"), Document(TEXTS["d05"], id="d05")], client=client)
    assert kg.documents == ["d05"]
    assert kg.report.skipped == [("blank", "empty")]


def test_local_scheduler_without_a_client(documents: list[Document], expected: str) -> None:
    with dask.config.set(scheduler="sync"):
        kg = build_bag(db.from_sequence(documents, npartitions=3))
    assert kg.to_json() == expected


# merge, rename and reject, and one line that matches nothing (a warning)
CORRECTIONS = (
    "rename\tSergey Lavrov\tSergei Lavrov\n"
    "merge\tRussia\tKremlin\n"
    "reject\tentity\tNATO\n"
    "merge\tRussia\tAtlantis\n"
)


@pytest.fixture(scope="module")
def corrections_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fixes") / "fixes.tsv"
    path.write_text(CORRECTIONS, encoding="utf-8")
    return path


def test_corrections_give_the_graph_and_warnings_of_build(
    client: Client, documents: list[Document], corrections_file: Path, expected: str
) -> None:
    want = kgraph.build(documents, corrections=corrections_file)
    assert want.to_json() != expected  # the corrections change the graph
    kg = build_bag(documents, client=client, npartitions=3, corrections=corrections_file)
    assert kg.to_json() == want.to_json()
    labels = {e.label for e in kg.entities()}
    assert "Sergei Lavrov" in labels and "Sergey Lavrov" not in labels and "NATO" not in labels
    assert [w for w in kg.report.warnings if "fixes.tsv" in w] == [
        "fixes.tsv:4: merge 'Russia' 'Atlantis': 'Atlantis' matches nothing"
    ]
    assert kg.corrections is not None  # and kept, for the documents added later
    kg.add([Document("Sergey Lavrov met NATO officials.", id="late")], progress=False)
    assert "Sergei Lavrov" in {e.label for e in kg.entities()}
    assert "NATO" not in {e.label for e in kg.entities()}


def test_a_bad_corrections_file_fails_before_any_work(tmp_path: Path) -> None:
    bad = tmp_path / "fixes.tsv"
    bad.write_text("merge\tRussia\n", encoding="utf-8")
    with (
        dask.config.set(scheduler="sync"),
        pytest.raises(kgraph.CorrectionsError, match=r"fixes\.tsv:1"),
    ):
        build_bag(["Mike Pompeo met Sergey Lavrov."], model="no_such_model_xyz", corrections=bad)


def test_partition_merges_group_any_way(documents: list[Document], expected: str) -> None:
    full = kgraph.build(documents)
    parts = []
    for i in range(0, len(documents), 3):
        part = KnowledgeGraph()
        part.add_results(full.results[str(d.id)] for d in documents[i : i + 3])
        part.report.added.extend(str(d.id) for d in documents[i : i + 3])
        parts.append(part)
    flat = _merge_partitions(parts)
    tree = _merge_partitions([_merge_partitions(parts[:2]), _merge_partitions(parts[2:])])
    backwards = _merge_partitions(list(reversed(parts)))
    assert flat.to_json() == tree.to_json() == backwards.to_json() == expected
    assert flat.report.added == tree.report.added == list(TEXTS)


def test_missing_model_fails_on_registration(client: Client) -> None:
    with pytest.raises(kgraph.ModelNotFoundError, match="no_such_model_xyz"):
        build_bag(["Mike Pompeo met Sergey Lavrov."], client=client, model="no_such_model_xyz")


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"model": object()}, TypeError, "installed on every worker"),
        ({"gazetteer": 3}, TypeError, "gazetteer"),
        ({"batch_size": 0}, ValueError, "batch_size"),
    ],
)
def test_bad_options_are_refused(kwargs: dict[str, Any], error: type, match: str) -> None:
    with pytest.raises(error, match=match):
        build_bag(["text"], **kwargs)


@pytest.mark.parametrize(("sources", "match"), [(42, "cannot build from int"), ([3.5], "3.5")])
def test_a_non_source_is_refused(sources: Any, match: str) -> None:
    with pytest.raises(TypeError, match=match):
        build_bag(sources)


def test_plugin_does_not_ship_a_loaded_pipeline() -> None:
    import pickle

    plugin = ModelPlugin()
    plugin.pipeline = object()  # type: ignore[assignment]
    assert pickle.loads(pickle.dumps(plugin)).pipeline is None


def test_workers_use_the_plugin_pipeline_and_return_plain_records(
    client: Client, documents: list[Document]
) -> None:
    import pickle

    import kgraph.dask as kdask
    from kgraph._model import DocResult

    build_bag(documents[:4], client=client, npartitions=2)
    # no worker loaded a pipeline of its own: each used the plugin's
    assert set(client.run(lambda: len(kdask._LOCAL)).values()) == {0}
    part = client.submit(
        kdask._build_partition,
        documents[:3],
        name=plugin_name(None, None, None),
        options=(None, None, None),
        batch_size=2,
        pure=False,
    ).result()
    assert isinstance(part, KnowledgeGraph)
    assert all(type(r) is DocResult for r in part.results.values())
    assert part._view is None  # no graph assembled on the worker
    blob = pickle.dumps(part)
    assert b"spacy" not in blob and b"networkx" not in blob


def test_two_texts_under_one_id_in_different_partitions(
    client: Client, documents: list[Document]
) -> None:
    twins = [*documents[:3], Document(TEXTS["d08"], id="d01"), Document(TEXTS["d09"], id="d02")]
    expected = kgraph.build(twins).to_json()
    for npartitions in (1, 5):
        bag = db.from_sequence(list(reversed(twins)), npartitions=npartitions)
        assert build_bag(bag, client=client).to_json() == expected


def test_bad_options_are_kgraph_errors() -> None:
    with pytest.raises(kgraph.KGraphError, match="batch_size"):
        build_bag(["text"], batch_size=0)
    with pytest.raises(kgraph.KGraphError, match="installed on every worker"):
        build_bag(["text"], model=object())  # type: ignore[arg-type]
