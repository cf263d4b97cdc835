#!/usr/bin/env bash
# Release build with route-level code splitting (docs/performance.md, "Code splitting"):
#
#   scripts/build-split.sh DIST PUBLIC_URL      e.g. scripts/build-split.sh dist /
#
# trunk 0.21 cannot split a wasm (trunk issue #1022), so this does the Rust part itself:
#   1. cargo build --features split: every page except the home page is a #[lazy] function;
#      build.rs links the binary with --emit-relocs, which wasm-split needs
#   2. wasm-split-cli (crate wasm_split_cli_support): main module + one module per page +
#      shared chunks + __wasm_split.js, the loader that fetches them on first use
#   3. wasm-bindgen --keep-lld-exports on the main module, wasm-opt -Oz on every module
#   4. trunk builds everything else (CSS, icon, data, sw.js) as usual. (Without a rust link
#      in the html trunk would build the crate anyway, so it builds its unsplit wasm too, from
#      cargo's cache.) Its wasm, JS and script tag are then replaced by the split ones, in
#      index.html and 404.html.
# The app's files go to DIST/pkg-HASH/ (HASH: of their content), so the service worker may
# serve them cache-first like trunk's hashed names.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
dist=${1:?usage: build-split.sh DIST PUBLIC_URL}
public_url=${2:?usage: build-split.sh DIST PUBLIC_URL}
target=${CARGO_TARGET_DIR:-target}
work="$target/split-build"
wasm_split=${WASM_SPLIT:-wasm-split-cli}
command -v "$wasm_split" >/dev/null || {
  echo "wasm-split-cli not found: cargo install --locked wasm_split_cli_support@0.2.4 --features build-binary" >&2
  exit 1
}
# The same wasm features trunk is given in index.html (data-wasm-opt-params).
wasm_features=(--enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)

# 1-3 once per build: both dist directories use the same modules.
if [ "${SPLIT_REUSE:-}" != 1 ] || [ ! -f "$work/pkg/deputy-home_bg.wasm" ]; then
  cargo build --release --target wasm32-unknown-unknown --bin deputy-home --features split
  rm -rf "$work"
  mkdir -p "$work/split" "$work/pkg"
  "$wasm_split" "$target/wasm32-unknown-unknown/release/deputy-home.wasm" "$work/split" \
    --out-name deputy-home --target web
  wasm-bindgen "$work/split/deputy-home.wasm" --out-dir "$work/pkg" --target web --keep-lld-exports --no-typescript
  find "$work/split" -maxdepth 1 \( -name '*.wasm' ! -name deputy-home.wasm -o -name '__wasm_split.js' \) \
    -exec cp {} "$work/pkg/" \;
  # wasm-opt (binaryen from npm: ~1 s to start) on every module over 4 KB, two at a time; the
  # few hundred tiny shared chunks are left as they are, which saves minutes.
  find "$work/pkg" -maxdepth 1 -name '*.wasm' -size +4k -print0 |
    xargs -0 -P 2 -I{} wasm-opt -Oz "${wasm_features[@]}" {} -o {} 2> >(grep -v 'unknown name subsection' >&2)
fi

# 4. Everything else with trunk; then out with its unsplit wasm, JS and script tag.
trunk build --release --dist "$dist" --public-url "$public_url"
rm -rf "$dist"/deputy-home-*.js "$dist"/deputy-home-*_bg.wasm "$dist/snippets"

hash=$(cat "$work"/pkg/*.wasm "$work"/pkg/*.js | sha256sum | cut -c1-16)
pkg="pkg-$hash"
cp -r "$work/pkg" "$dist/$pkg"
base="${public_url%/}/"
script="<script type=\"module\">
import init from '${base}${pkg}/deputy-home.js';
await init({ module_or_path: '${base}${pkg}/deputy-home_bg.wasm' });
</script>
<link rel=\"modulepreload\" href=\"${base}${pkg}/deputy-home.js\"><link rel=\"modulepreload\" href=\"${base}${pkg}/__wasm_split.js\"><link rel=\"preload\" href=\"${base}${pkg}/deputy-home_bg.wasm\" crossorigin=\"anonymous\" as=\"fetch\" type=\"application/wasm\">"
for page in index.html 404.html; do
  SCRIPT="$script" perl -0pi -e '
    s{<script type="module">\s*import init, \* as bindings from .*?</script>}{}s or die "no trunk script tag\n";
    s{<link rel="(?:modulepreload|preload)" href="[^"]*(?:deputy-home|snippets)[^"]*"[^>]*>}{}g;
    s{</head>}{$ENV{SCRIPT}</head>};
  ' "$dist/$page"
done
