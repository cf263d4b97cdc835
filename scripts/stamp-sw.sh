#!/usr/bin/env bash
# After a build into DIST: write DIST/precache.json, the list of every file of the build's code
# that the service worker saves for offline use, and stamp the build's id into DIST/sw.js.
#
#   bash scripts/stamp-sw.sh DIST
#
# precache.json = {"build": ID, "files": [paths relative to DIST, sorted], "lazy": [...]}:
# files: index.html (not the entry pages `deputy-data pages` writes beside it: they are the
# data's, remade with every release; offline, the worker answers every route with index.html), every
# .wasm, .js, .css, .svg, .png, .ico, .webmanifest, and everything under pkg-*/ and snippets/
# (trunk's hashed files, icons/, the manifest, or the split build's pkg-HASH/ with its chunks
# and snippets), but not data/ (fetched as needed), 404.html (a copy of index.html), sw.js,
# precache.json itself, TypeScript declarations (*.d.ts), hidden files (trunk's .stage/), nor
# the .gz/.br copies of scripts/precompress.mjs (hosts serve those for the same URLs); lazy: the
# split build's bundles (pkg-*/bundle_N.wasm, scripts/pack-chunks.mjs), the build's too but not
# precached: each holds code the packs hold as well, for a page's first visit on a cold start
# (the worker keeps one once a page has fetched it), and i18n/*.json, the catalogs of the
# languages other than Chinese (fetched only by who chooses one; kept once fetched). ID is the first 16 hex digits
# of the sha256 of `sha256sum` over those files, so it changes exactly when the code does.
# sw.js gets ID in place of __BUILD_ID__: every new build changes its bytes, and browsers
# install the new worker. Run it once per build, before precompressing (a stamped sw.js has no
# placeholder left, so a second run only rewrites precache.json).
set -euo pipefail
dist=${1:?usage: stamp-sw.sh DIST}
[ -f "$dist/index.html" ] || { echo "stamp-sw.sh: no build in $dist (no index.html)" >&2; exit 1; }
[ -f "$dist/sw.js" ] || { echo "stamp-sw.sh: $dist/sw.js is missing" >&2; exit 1; }
cd "$dist"

# The build's code, sorted (C locale, so the id does not depend on the machine's locale):
# everything under pkg-*/ and snippets/, and elsewhere outside data/ the files a page loads.
mapfile -t files < <(
  find . -type f -not -path './data/*' -not -name '*.gz' -not -name '*.br' -not -name '*.d.ts' \
    -not -path './404.html' -not -path './sw.js' -not -path './precache.json' -not -path '*/.*' \
    \( -path './pkg-*/*' -o -path './snippets/*' -o -path './i18n/*' -o -path './index.html' -o -name '*.js' -o -name '*.mjs' \
    -o -name '*.wasm' -o -name '*.css' -o -name '*.svg' -o -name '*.png' -o -name '*.ico' -o -name '*.webmanifest' \) \
    -printf '%P\n' | LC_ALL=C sort
)
[ "${#files[@]}" -gt 0 ] || { echo "stamp-sw.sh: no code files in $dist" >&2; exit 1; }
json_list() {
  local sep='' f esc
  for f in "$@"; do
    # JSON string: file names from trunk and wasm-split are plain ASCII; escape \ and " anyway.
    esc=${f//\\/\\\\}
    esc=${esc//\"/\\\"}
    printf '%s"%s"' "$sep" "$esc"
    sep=','
  done
}
precached=()
lazy=()
for f in "${files[@]}"; do
  if [[ $f =~ ^pkg-[^/]+/bundle_[0-9]+\.wasm$ || $f == i18n/* ]]; then lazy+=("$f"); else precached+=("$f"); fi
done
printf '%s\n' "${files[@]}" | grep -qx 'index.html' || { echo "stamp-sw.sh: index.html not listed" >&2; exit 1; }

id=$(printf '%s\0' "${files[@]}" | xargs -0 sha256sum | sha256sum | cut -c1-16)

{
  printf '{"build":"%s","files":[%s],"lazy":[%s]}\n' "$id" "$(json_list "${precached[@]}")" "$(json_list "${lazy[@]}")"
} >precache.json.tmp
mv precache.json.tmp precache.json

if grep -q '__BUILD_ID__' sw.js; then
  sed -i "s/__BUILD_ID__/$id/g" sw.js
elif ! grep -q "const BUILD = '$id';" sw.js; then
  # Stamped before, by another build's id: re-stamp.
  sed -i -E "s/^const BUILD = '[0-9a-f]{16}';/const BUILD = '$id';/" sw.js
fi
grep -q "const BUILD = '$id';" sw.js || { echo "stamp-sw.sh: could not stamp $dist/sw.js" >&2; exit 1; }
echo "stamp-sw.sh: $dist: build $id, ${#precached[@]} files in precache.json (and ${#lazy[@]} bundles not precached)"
