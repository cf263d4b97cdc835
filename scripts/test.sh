#!/usr/bin/env bash
# Set up (if needed) and run every test: native unit tests, component tests in headless
# Chromium, the release build, end-to-end journeys with screenshots and axe, and the size report.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
# One build per run: incremental caches would only take disk (1.7 GB in target/debug).
export CARGO_INCREMENTAL=0

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --all -- --check

step "native tests: model, data tool (deploy to a bucket on s3s-fs, loopback), inbox and its store, the station console"
cargo test -p deputy-model -p deputy-intake -p deputy-data -p deputy-inbox -p deputy-console -p deputy-console-app

step "demo data is valid and matches its generator"
cargo run -q -p deputy-data -- validate public/data
tmp=$(mktemp -d)
cargo run -q -p deputy-data -- generate --profile city --seed 2025 --out "$tmp/data" >/dev/null
diff -r "$tmp/data" public/data >/dev/null || { echo "public/data differs from the generator's output: run scripts/gen-data.sh"; exit 1; }
rm -rf "$tmp"

step "component tests in headless Chromium (wasm-bindgen-test)"
cargo test -p deputy-home --target wasm32-unknown-unknown

step "release build (the public app, and the station console's app)"
bash scripts/build.sh
bash scripts/build-console.sh

step "publishing: deploy the release to a folder, serve it with Debian's nginx and docs/nginx.conf"
bash tests/nginx/run.sh dist

step "end-to-end journeys (Playwright + axe-core, 375 px and 1280 px)"
bash tests/e2e/run.sh

step "no test depends on the date: the date-sensitive journeys with the machine's clock a year ahead"
bash scripts/test-future.sh +365d duties.test.mjs sunshine.test.mjs consult.test.mjs proposals.test.mjs

step "size report"
bash scripts/size.sh
