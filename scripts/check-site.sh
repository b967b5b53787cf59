#!/usr/bin/env bash
# Builds the site and checks it as readers get it: the Nu HTML Checker (vnu) on every page, axe-core in headless
# Chromium on every page (light and dark), page weight, render-blocking scripts, third-party requests, keyboard
# focus, 320 px layout. Installs what it needs (see scripts/browser-tools.sh). Exit status 0 when all pass.
#   scripts/check-site.sh              build Public/, then check it
#   scripts/check-site.sh --no-build   check Public/ as it is
set -euo pipefail
cd "$(dirname "$0")/.."
build=1
[ "${1:-}" = "--no-build" ] && build=0
source scripts/browser-tools.sh
if [ $build = 1 ]; then
    swift run helhed build --quiet
fi
exec "$PYTHON" scripts/check-site.py --public Public --templates Templates --vnu "$VNU_JAR" --axe "$AXE_JS"
