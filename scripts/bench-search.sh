#!/usr/bin/env bash
# Benchmark (not a test): name-search time per keystroke over a generated ~7,000-deputy city,
# the app's algorithm (shard choice + ranking) compiled natively in release mode.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run -q --release -p deputy-data -- bench-search "$@"
