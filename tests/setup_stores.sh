#!/usr/bin/env bash
# Installs what the triple-store tests (tests/test_store.py, marker `store`) need.
#
#  * Virtuoso 7: Debian's virtuoso-opensource (gives /usr/bin/virtuoso-t).  The package
#    does not start a service: the test fixture runs its own server on 127.0.0.1.
#  * Oxigraph: the PyPI package `oxigraph` (the CLI/server binary `oxigraph`, installed
#    into the venv by `pip install -e '.[test]'`); installed here too if missing.
#
# Idempotent: does nothing when both are already there.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v virtuoso-t >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends virtuoso-opensource >/dev/null
fi

PY=.venv/bin/python
[ -x "$PY" ] || PY=python3
if ! "$PY" -c 'import shutil, sys, os; d = os.path.dirname(sys.executable); sys.exit(0 if os.path.exists(os.path.join(d, "oxigraph")) or shutil.which("oxigraph") else 1)'; then
    "$PY" -m pip install -q --disable-pip-version-check 'oxigraph>=0.4'
fi

command -v virtuoso-t
echo "stores ready"
