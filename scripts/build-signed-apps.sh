#!/usr/bin/env bash
# The signed-in web apps, each its own wasm, never part of the public site: the station
# console's (console-app/, issue 15) into console-app/dist, served by `deputy-data console
# --app console-app/dist`, and the deputies' workspace's (workspace-app/, issue 33) into
# workspace-app/dist, served under /workspace/ by `deputy-data workspace --app workspace-app/dist`.
# No trunk: a plain wasm-bindgen build, with the start-up script as a file (their
# Content-Security-Policy allows no inline script). One cargo build for both.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
target=${CARGO_TARGET_DIR:-target}
cargo build -q --release --target wasm32-unknown-unknown -p deputy-console-app -p deputy-workspace-app
for app in console-app workspace-app; do
  name=deputy-$app
  out=$app/dist
  rm -rf "$out"
  mkdir -p "$out/pkg"
  wasm-bindgen "$target/wasm32-unknown-unknown/release/$name.wasm" --out-dir "$out/pkg" --target web --no-typescript
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-reference-types --enable-multivalue "$out/pkg/${name}_bg.wasm" -o "$out/pkg/${name}_bg.wasm"
  cp "$app/index.html" "$app/style.css" "$app/boot.js" "$out/"
  echo "$app: $out ($(gzip -c "$out/pkg/${name}_bg.wasm" | wc -c) B gzip wasm)"
done
