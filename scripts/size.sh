#!/usr/bin/env bash
# Size budget of the home page's first load (a benchmark, not a test): gzip -9 size of the
# wasm, JS, CSS and HTML of the release build plus the data files the home page fetches.
# Budget: 200 KB gzip in all.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist}
[ -f "$dist/index.html" ] || { echo "no release build in $dist: run scripts/build.sh" >&2; exit 1; }
gz() { gzip -9 -c "$1" | wc -c; }
total=0
row() { printf '%-34s %9s B raw %9s B gzip\n' "$1" "$(wc -c <"$2")" "$3"; total=$((total + $3)); }
# The split build (scripts/build-split.sh) keeps the app in pkg-HASH/: the home page loads its
# main module, its JS and the chunk loader; the pages' chunks only when they are visited.
shopt -s nullglob
for f in "$dist"/*.wasm "$dist"/*.js "$dist"/pkg-*/deputy-home_bg.wasm "$dist"/pkg-*/deputy-home.js \
  "$dist"/pkg-*/__wasm_split.js "$dist"/*.css "$dist"/index.html; do
  row "${f#"$dist"/}" "$f" "$(gz "$f")"
done
# This week's receptions (本周代表接待): the file of the current Monday in Asia/Shanghai.
monday=$(TZ=Asia/Shanghai date -d "$(TZ=Asia/Shanghai date +%F) -$(( $(TZ=Asia/Shanghai date +%u) - 1 )) days" +%F)
for f in site.json news/page-1.json consultations/index.json "receptions/$monday.json"; do
  [ -f "$dist/data/$f" ] || continue
  row "data/$f" "$dist/data/$f" "$(gz "$dist/data/$f")"
done
printf '%-34s %31s B gzip (%d KB; budget 200 KB)\n' "home page first load" "$total" $((total / 1024))
[ "$total" -le $((200 * 1024)) ] && echo "within budget" || echo "OVER BUDGET"
