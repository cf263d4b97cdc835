#!/usr/bin/env bash
# The release build of the app with a national-shaped data folder in place of the city's, for
# tests/e2e/national.test.mjs (and for trying the app at national scale by hand):
#
#   scripts/national-dist.sh [OUT] [SCALE]     # default /tmp/deputy-national-dist 0.01
#
# SCALE multiplies the deputies per unit (every province, prefecture, county and township is
# kept): 0.01 gives ~77,000 deputies in ~20 s; 1 gives the full ~2.7 million (see
# scripts/bench-data.sh). OUT gets symlinks to DIST (default dist) and OUT.data as data/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
out=${1:-/tmp/deputy-national-dist}
scale=${2:-0.01}
dist=${DIST:-dist}
[ -f "$dist/index.html" ] || { echo "no release build in $dist: run trunk build --release first" >&2; exit 1; }
"$(native_bin deputy-data)" generate --profile national --seed 2025 --scale "$scale" --out "$out.data" >&2
rm -rf "$out"
mkdir -p "$out"
for f in "$dist"/*; do
  [ "$(basename "$f")" = data ] || ln -s "$(realpath "$f")" "$out/"
done
ln -s "$(realpath "$out.data")" "$out/data"
echo "$out"
