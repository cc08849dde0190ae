#!/usr/bin/env bash
# The test command: installs everything the tests need on a fresh machine (Debian's chromium
# and virtuoso-opensource, a virtualenv with kgraph and its test extras), then runs lint,
# types and the whole suite.  Arguments go to pytest.  `.ci/run` calls this script.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}

need=()
[ -x /usr/bin/chromium ] || need+=(chromium fonts-dejavu-core)
command -v virtuoso-t >/dev/null 2>&1 || need+=(virtuoso-opensource)
if [ ${#need[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'

echo "== ruff"
.venv/bin/ruff check src tests benchmarks
.venv/bin/ruff format --check src tests benchmarks
echo "== import-linter (the stages import only earlier ones; no cycles)"
.venv/bin/lint-imports --no-cache
echo "== mypy (strict, src/)"
.venv/bin/mypy
echo "== pytest"
.venv/bin/python -m pytest "$@"
