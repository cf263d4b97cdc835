#!/usr/bin/env bash
# The station console's web app (console-app/, issue 15) into console-app/dist: its own wasm,
# served by `deputy-data console --app console-app/dist`, never part of the public site.
# No trunk: a plain wasm-bindgen build, with the start-up script as a file (the console's
# Content-Security-Policy allows no inline script).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
out=${1:-console-app/dist}
target=${CARGO_TARGET_DIR:-target}
cargo build -q --release --target wasm32-unknown-unknown -p deputy-console-app
rm -rf "$out"
mkdir -p "$out/pkg"
wasm-bindgen "$target/wasm32-unknown-unknown/release/deputy-console-app.wasm" --out-dir "$out/pkg" --target web --no-typescript
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  --enable-reference-types --enable-multivalue "$out/pkg/deputy-console-app_bg.wasm" -o "$out/pkg/deputy-console-app_bg.wasm"
cp console-app/index.html console-app/style.css console-app/boot.js "$out/"
echo "console app: $out ($(gzip -c "$out/pkg/deputy-console-app_bg.wasm" | wc -c) B gzip wasm)"
