#!/usr/bin/env bash
# Regenerates Tests/HelhedCoreTests/Fixtures/commonmark-0.30-spec.json from a published copy of the CommonMark 0.30
# examples (see Tests/HelhedCoreTests/Fixtures/README.md). Needs pip (PyPI) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pip download --quiet --no-deps --no-binary :all: mistletoe==1.6.0 -d "$work"
tar xzf "$work"/mistletoe-1.6.0.tar.gz -C "$work"
python3 - "$work/mistletoe-1.6.0/test/specification/commonmark.json" <<'PY'
import json, sys
examples = json.load(open(sys.argv[1]))
assert len(examples) == 652, len(examples)
reduced = [{k: e[k] for k in ("example", "section", "markdown", "html")} for e in examples]
with open("Tests/HelhedCoreTests/Fixtures/commonmark-0.30-spec.json", "w") as out:
    json.dump(reduced, out, ensure_ascii=False, indent=0)
PY
echo "wrote Tests/HelhedCoreTests/Fixtures/commonmark-0.30-spec.json (652 examples)"
