#!/usr/bin/env bash
# LCP of the home page against a bare Leptos 0.8 CSR page (a benchmark, not a test; goal: the
# app within 1.3 × the bare page). Builds bench/lcp/bare (same release profile, rustflags,
# wasm-bindgen and wasm-opt as the app) and loads both pages alternately as new users on a
# throttled phone; prints each run, the medians and the ratio. See bench/lcp/lcp.mjs.
#
#   scripts/bench-lcp.sh [APP_DIST]     # default dist/ (made by scripts/build.sh)
#   RUNS=5 scripts/bench-lcp.sh         # fewer runs (default 15)
#   LCP_JSON=1 scripts/bench-lcp.sh     # also write bench/lcp/results.json
#
# Needs what scripts/setup.sh installs (trunk, wasm-bindgen, wasm-opt, Chromium, the e2e packages).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
app=${1:-dist}
[ -f "$app/index.html" ] || { echo "no release build in $app: run scripts/build.sh (or pass the build folder)" >&2; exit 1; }
[ -d tests/e2e/node_modules/playwright-core ] || { echo "tests/e2e/node_modules is missing: run scripts/setup.sh" >&2; exit 1; }

# The bare crate is its own workspace; its target/ stays inside it whatever the caller's
# CARGO_TARGET_DIR (which would otherwise mix it with the app's artefacts).
(
  cd bench/lcp/bare
  export CARGO_TARGET_DIR="$PWD/target"
  trunk build --release --dist dist --public-url /
)
gz() { gzip -9 -c "$1" | wc -c; }
for f in bench/lcp/bare/dist/*.wasm bench/lcp/bare/dist/*.js; do
  printf 'bare page %-40s %9s B raw %9s B gzip\n' "${f##*/}" "$(wc -c <"$f")" "$(gz "$f")"
done

exec node bench/lcp/lcp.mjs "$app"
