#!/bin/sh
# Install what the browser tests (pytest -m browser) and benchmarks/bench_html.py need:
# Debian's chromium, driven by Playwright for Python (already a test dependency).
# Idempotent: does nothing when /usr/bin/chromium is already there.
#
#   sh tests/setup_browser.sh && .venv/bin/pytest -m browser tests/test_html_browser.py
set -eu

if [ -x /usr/bin/chromium ]; then
    echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium fonts-dejavu-core

/usr/bin/chromium --version
