#!/usr/bin/env bash
# Release builds for the static host: dist/ (served at /) and dist-renda/ (served under
# /renda/, to prove the base path works). Both include data/ and a 404.html fallback.
#
# What ships is the split build (scripts/build-split.sh, docs/performance.md): the home page
# loads the main wasm module only; each app module's code is fetched on its first visit, and
# the service worker fetches the rest in the background once the first page has loaded.
# Every text file of the app also gets a .gz and a .br beside it, for hosts that serve
# precompressed files (docs/operations.md).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bash scripts/build-split.sh dist /
SPLIT_REUSE=1 bash scripts/build-split.sh dist-renda /renda/
# Entry pages for every public route, sitemap.xml and robots.txt (deputy-data pages; a station's
# own address is site.json's `url`, the demo has none, so it gets a placeholder one here). The
# data tool's dev build, the one the tests use (native_bin in scripts/env.sh): a run compiles it once.
deputy_data=$(native_bin deputy-data)
"$deputy_data" pages dist --site-url https://renda.example.invalid/
"$deputy_data" pages dist-renda --site-url https://renda.example.invalid/renda/
for dist in dist dist-renda; do
  [ -f scripts/stamp-sw.sh ] && bash scripts/stamp-sw.sh "$dist"
  node scripts/precompress.mjs "$dist"
done
