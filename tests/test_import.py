"""Importing kgraph does no work: no model, no heavy library, no file read."""

from __future__ import annotations

import subprocess
import sys

import pytest


def test_import_loads_no_heavy_library() -> None:
    code = (
        "import sys, kgraph; "
        "print(sorted(m for m in ('spacy', 'rdflib', 'pyvis', 'networkx', 'pandas', 'requests') "
        "if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_public_names_are_sorted_and_exist() -> None:
    import kgraph

    assert kgraph.__all__ == sorted(kgraph.__all__)
    for name in kgraph.__all__:
        assert hasattr(kgraph, name)
    errors = [
        obj
        for obj in (getattr(kgraph, name) for name in kgraph.__all__)
        if isinstance(obj, type) and issubclass(obj, Exception) and obj is not kgraph.KGraphError
    ]
    assert len(errors) >= 10
    for obj in errors:
        assert issubclass(obj, kgraph.KGraphError)
        assert len(obj.__mro__) > 3  # also a built-in besides KGraphError and Exception


def test_import_reads_no_file_and_loads_no_stage() -> None:
    code = (
        "import sys\n"
        "opened = []\n"
        "sys.addaudithook(lambda e, a: opened.append(str(a[0])) if e == 'open' else None)\n"
        "import kgraph\n"
        "print([p for p in opened if not p.endswith(('.py', '.pyc'))])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('kgraph.', 'dask', 'distributed',"
        " 'thinc', 'numpy'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    files, modules = done.stdout.strip().splitlines()
    assert files == "[]"  # no data file, model or gazetteer read
    assert modules == "['kgraph._errors', 'kgraph._model', 'kgraph._types', 'kgraph._version']"


def test_the_public_face_loads_on_first_use() -> None:
    code = (
        "import sys, kgraph\n"
        "assert 'kgraph._api' not in sys.modules\n"
        "kg = kgraph.KnowledgeGraph()\n"
        "print(type(kg).__module__, kgraph.build.__module__, 'kgraph._api' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["kgraph._api", "kgraph._api", "True"]


def test_an_unknown_name_is_an_attribute_error() -> None:
    import kgraph

    with pytest.raises(AttributeError, match="no_such_name"):
        kgraph.no_such_name  # noqa: B018
