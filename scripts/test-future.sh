#!/usr/bin/env bash
# The tests with the machine's clock moved ahead (Debian's faketime): no test may depend on the
# day it runs. The browser's clock is pinned by the tests themselves (DEMO_NOW in
# tests/e2e/lib.mjs); this checks that nothing else reads the machine's date.
#
#   scripts/test-future.sh [OFFSET] [E2E FILES…]   default OFFSET +365d; default every e2e file
#
# scripts/test.sh runs it with the date-sensitive browser tests (this week's receptions, the
# open consultation's deadline, the voting period, the suggestions' deadline clock); run it
# with no file list for the whole browser suite. Needs the release builds (scripts/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
offset=${1:-+365d}
shift || true
command -v faketime >/dev/null || { echo "faketime not found: apt-get install faketime (scripts/setup.sh does)" >&2; exit 1; }
echo "clock moved to: $(faketime -f "$offset" date -u +%FT%TZ)"
# Native tests: built first with the real clock (cargo compares file times), run under the fake
# one. Not the doc tests: rustdoc hangs under libfaketime (seen here; the doc tests hold no dates).
cargo test -q -p deputy-model -p deputy-data --lib --bins --tests --no-run
faketime -f "$offset" cargo test -q -p deputy-model -p deputy-data --lib --bins --tests --offline
faketime -f "$offset" bash tests/e2e/run.sh "$@"
