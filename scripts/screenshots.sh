#!/usr/bin/env bash
# Screenshots of the built site in headless Chromium (front page, the explainer, the glossary, a term page at 390
# and 1280 px, light and dark, a focused term link, the skip link, print) into /tmp/helhed-shots or the folder given.
#   scripts/screenshots.sh [--no-build] [OUTPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=1
[ "${1:-}" = "--no-build" ] && { build=0; shift; }
out="${1:-/tmp/helhed-shots}"
NEED_JAVA=0 source scripts/browser-tools.sh
if [ $build = 1 ]; then
    swift run helhed build --quiet
fi
exec "$PYTHON" scripts/screenshots.py --public Public --out "$out"
