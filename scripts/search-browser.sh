#!/usr/bin/env bash
# Runs scripts/search-browser.py (the search page in headless Chromium) with the tools of scripts/browser-tools.sh.
#   scripts/search-browser.sh [BUILT-SITE [query …]]     default: Public/ and scripts/search-inflections.json
set -euo pipefail
cd "$(dirname "$0")/.."
NEED_JAVA=0 source scripts/browser-tools.sh
exec "$PYTHON" scripts/search-browser.py "$@"
