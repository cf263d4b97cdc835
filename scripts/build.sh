#!/usr/bin/env bash
# Release builds for the static host: dist/ (served at /) and dist-renda/ (served under
# /renda/, to prove the base path works). Both include data/ and a 404.html fallback.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
trunk build --release --dist dist --public-url /
trunk build --release --dist dist-renda --public-url /renda/
