#!/usr/bin/env bash
# Size budget of the home page's first load (a benchmark, not a test): gzip -9 and brotli -11
# sizes of what the home page downloads on a first visit to the shipping build
# (scripts/build.sh): index.html, the CSS, the icon, the start-up script, the main wasm module
# and its JS, the chunk loader, the wasm-bindgen snippets, and the data files the home page
# fetches. Budget: 200 KB gzip in all.
#
#   scripts/size.sh [DIST]        default dist/
#
# Then, for each code module a page loads on its first visit (the split build's pkg-*/), the
# files and gzip bytes it fetches beyond the first load (budget: 15 files, 80 KB gzip).
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist}
[ -f "$dist/index.html" ] || { echo "no release build in $dist: run scripts/build.sh" >&2; exit 1; }
gz() { gzip -9 -c "$1" | wc -c; }
br() { node -e 'const z=require("zlib");process.stdout.write(String(z.brotliCompressSync(require("fs").readFileSync(process.argv[1]),{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length))' "$1"; }
total=0
total_br=0
files=0
row() {
  local g b
  g=$(gz "$2")
  b=$(br "$2")
  printf '%-44s %9s B raw %9s B gzip %9s B br\n' "$1" "$(wc -c <"$2")" "$g" "$b"
  total=$((total + g))
  total_br=$((total_br + b))
  files=$((files + 1))
}

shopt -s nullglob
echo "home page first load ($dist)"
# The app's code: the split build keeps it in pkg-HASH/ (boot.js, the main module, its JS, the
# chunk loader, snippets); an unsplit trunk build (trunk serve, scripts/build-split.sh not
# used) has hashed files at the top.
# (sw.js is not counted: the page registers it after it has loaded, and it then works in the
# background; it is listed after the total.)
code=("$dist"/*.css)
for f in "$dist"/*.js; do [ "${f##*/}" = sw.js ] || code+=("$f"); done
code+=("$dist"/*_bg.wasm)
for pkg in "$dist"/pkg-*/; do
  code+=("$pkg"boot.js "$pkg"deputy-home.js "$pkg"deputy-home_bg.wasm "$pkg"__wasm_split.js)
done
code+=("$dist"/snippets/*/*.js "$dist"/pkg-*/snippets/*/*.js "$dist"/favicon*.svg "$dist"/index.html)
for f in "${code[@]}"; do
  [ -f "$f" ] && row "${f#"$dist"/}" "$f"
done
# The data the home page reads: the site, the first news page, the consultations, and this
# week's receptions. Which week that is depends on the day, so take the largest week file: the
# figure must not depend on the date it is measured.
week=$(ls -S "$dist"/data/receptions/*.json 2>/dev/null | grep -v index.json | head -1 || true)
for f in "$dist/data/site.json" "$dist/data/news/page-1.json" "$dist/data/consultations/index.json" $week; do
  [ -f "$f" ] && row "${f#"$dist"/}" "$f"
done
printf '%-44s %9s files %9s B gzip %9s B br\n' "home page first load" "$files" "$total" "$total_br"
printf '%-44s %25d KB gzip %6d KB br (budget 200 KB gzip)\n' "" $((total / 1024)) $((total_br / 1024))
[ "$total" -le $((200 * 1024)) ] && echo "within budget" || echo "OVER BUDGET"
[ -f "$dist/sw.js" ] && printf '%-44s %9s B gzip (after the page has loaded)\n' "service worker sw.js" "$(gz "$dist/sw.js")"

# English: the catalog and the spelling table of names are fetched only by those who choose
# English (src/i18n/), so they are not in the first load above; a Chinese visit never loads them.
echo
echo "English, fetched only when chosen (not in the first load above)"
total=0 total_br=0 files=0
for f in "$dist"/i18n/*.json "$dist/data/latin.json"; do
  [ -f "$f" ] && row "${f#"$dist"/}" "$f"
done
printf '%-44s %9s files %9s B gzip %9s B br\n' "English on top of the first load" "$files" "$total" "$total_br"

# A page's first visit: the files its module's code and every shared chunk it imports are in
# (read from the chunk loader's table by scripts/first-visits.mjs), as the loader fetches them.
for pkg in "$dist"/pkg-*/; do
  [ -f "$pkg/__wasm_split.js" ] || continue
  echo
  echo "first visit to a module (code fetched beyond the first load; budget 15 files, 80 KB gzip)"
  node scripts/first-visits.mjs "$pkg"
done
