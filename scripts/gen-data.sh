#!/usr/bin/env bash
# Regenerate the committed demo data and the JSON Schemas from the model.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run -q -p deputy-data -- generate --profile city --seed 2025 --out public/data
cargo run -q -p deputy-data -- schema --out docs/schema
cargo run -q -p deputy-data -- validate public/data | tail -1
