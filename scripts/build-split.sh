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
#   3. wasm-bindgen --keep-lld-exports on the main module, scripts/slim-wasm.mjs (-Oz on every
#      module, short import names), then scripts/pack-chunks.mjs packs the modules and shared chunks into a few files
#   4. trunk builds everything else (CSS, icon, data, sw.js) from a copy of index.html without
#      the rust link; boot.js, the policy and the preloads go into index.html and 404.html
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

# 1-3 once per build: both dist directories use the same modules.
if [ "${SPLIT_REUSE:-}" != 1 ] || [ ! -f "$work/pkg/deputy-home_bg.wasm" ]; then
  mkdir -p "$work"
  if toolchain=$(bash scripts/wasm-toolchain.sh); then
    # The pinned nightly (scripts/wasm-toolchain.sh, docs/performance.md): the standard
    # library rebuilt for size, panics that abort without formatting a message, no file and
    # line strings, no Debug formatting code. Its own target folder: other flags, other files.
    RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
      cargo "+$toolchain" build -Zbuild-std=std,panic_abort -Zbuild-std-features= --release \
      --target wasm32-unknown-unknown --bin deputy-home --features split --target-dir "$target/nightly"
    built="$target/nightly/wasm32-unknown-unknown/release/deputy-home.wasm"
  else
    echo "build-split: the pinned nightly is not installed; building with stable (a larger wasm)" >&2
    cargo build --release --target wasm32-unknown-unknown --bin deputy-home --features split
    built="$target/wasm32-unknown-unknown/release/deputy-home.wasm"
  fi
  # Steps 2-3 take 45 s and depend only on the wasm, the two scripts and the tools: when none
  # has changed since the last build (a test run of an unchanged app), their output is reused.
  key=$(cat "$built" scripts/slim-wasm.mjs scripts/pack-chunks.mjs tools/package-lock.json \
    "$(command -v "$wasm_split")" "$(command -v wasm-bindgen)" | sha256sum | cut -c1-32)
  if [ -f "$work/done/key" ] && [ "$(cat "$work/done/key")" = "$key" ]; then
    echo "build-split: the wasm is unchanged since the last build; its split modules are reused" >&2
  else
    rm -rf "$work/split" "$work/pkg" "$work/done"
    mkdir -p "$work/split" "$work/pkg"
    cp "$built" "$work/input.wasm"
    "$wasm_split" "$work/input.wasm" "$work/split" --out-name deputy-home --target web
    wasm-bindgen "$work/split/deputy-home.wasm" --out-dir "$work/pkg" --target web --keep-lld-exports --no-typescript
    find "$work/split" -maxdepth 1 \( -name '*.wasm' ! -name deputy-home.wasm -o -name '__wasm_split.js' \) \
      -exec cp {} "$work/pkg/" \;
    # Every module optimised for size (binaryen, in one process), without custom sections; the
    # main module without dead exports and with short import names (scripts/slim-wasm.mjs).
    node scripts/slim-wasm.mjs "$work/pkg"
    # The modules and the dozens of small chunks they share, packed into a few files per page
    # (scripts/pack-chunks.mjs); the loader fetches a pack once and instantiates each module in it.
    node scripts/pack-chunks.mjs "$work/pkg"
    cp -r "$work/pkg" "$work/done"
    echo "$key" >"$work/done/key"
  fi
  # What follows writes into pkg/ (boot.js, minified JS): always from the untouched copy.
  rm -rf "$work/pkg"
  cp -r "$work/done" "$work/pkg"
  rm "$work/pkg/key"
fi

# 4. Everything else with trunk (CSS, icon, data, sw.js, manifest, 404.html), from a copy of
# index.html without the rust link, in a folder without a Cargo.toml: trunk then builds no
# wasm of its own (it would build the unsplit app, minutes of work thrown away).
# (Always target/split-site, whatever CARGO_TARGET_DIR: the copy's links go two folders up.)
mkdir -p target/split-site
perl -0pe 's{\s*<link data-trunk rel="rust"[^>]*/>}{}; s{(data-trunk rel="[a-z-]+" href=")}{$1../../}g' \
  index.html >target/split-site/index.html
# The stylesheet minified (scripts/minify-css.mjs), beside the copy: trunk hashes and links it.
node scripts/minify-css.mjs style/main.css target/split-site/main.css
sed -i 's{href="../../style/main.css"{href="main.css"{' target/split-site/index.html
trunk build --release --dist "$dist" --public-url "$public_url" target/split-site/index.html

# The start-up script is a file, not trunk's inline <script>: the Content-Security-Policy
# allows no inline script. It finds the wasm relative to itself, so any base path works.
cat >"$work/pkg/boot.js" <<'JS'
// Starts the app: the main wasm module and its JS (the page modules come later, on demand).
import init from './deputy-home.js';
await init({ module_or_path: new URL('./deputy-home_bg.wasm', import.meta.url) });
JS
# Minify the JS (wasm-bindgen's glue, snippets, boot.js): terser from npm (tools/), ES module
# mode so that every export keeps its name; 9.7 → 7.8 KB gzip for the glue. Not the chunk
# loader (__wasm_split.js): scripts/size.sh reads its table of modules and chunks.
find "$work/pkg" -name '*.js' ! -name __wasm_split.js -print0 | xargs -0 -I{} terser {} --module --compress --mangle -o {}
hash=$(cat "$work"/pkg/*.wasm "$work"/pkg/*.js | sha256sum | cut -c1-16)
pkg="pkg-$hash"
cp -r "$work/pkg" "$dist/$pkg"
base="${public_url%/}/"

# The Content-Security-Policy as a <meta> (frame-ancestors works only as an HTTP header: see
# docs/operations.md). connect-src: this site, plus the submit endpoint's origin when
# data/site.json names one elsewhere.
connect="'self'"
endpoint=$(node -e 'try { const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); if (s.submit_endpoint) console.log(new URL(s.submit_endpoint).origin); } catch (e) {}' "$dist/data/site.json")
[ -n "$endpoint" ] && connect="$connect $endpoint"
csp="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src $connect; object-src 'none'; base-uri 'self'"
head="<meta http-equiv=\"Content-Security-Policy\" content=\"${csp}\">
<script type=\"module\" src=\"${base}${pkg}/boot.js\"></script>
<link rel=\"modulepreload\" href=\"${base}${pkg}/deputy-home.js\"><link rel=\"modulepreload\" href=\"${base}${pkg}/__wasm_split.js\"><link rel=\"preload\" href=\"${base}${pkg}/deputy-home_bg.wasm\" crossorigin=\"anonymous\" as=\"fetch\" type=\"application/wasm\">"
for page in index.html 404.html; do
  HEAD="$head" perl -0pi -e '
    s{<meta charset="utf-8" />}{<meta charset="utf-8" />\n$ENV{HEAD}};
  ' "$dist/$page"
  if grep -q '<script type="module">' "$dist/$page"; then
    echo "$dist/$page still has an inline script" >&2
    exit 1
  fi
done

# The home page's first paint in index.html itself (scripts/first-paint.mjs).
node scripts/first-paint.mjs "$dist"
