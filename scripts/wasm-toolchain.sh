#!/usr/bin/env bash
# The pinned nightly toolchain for the release wasm (docs/performance.md, "Nightly"):
#
#   scripts/wasm-toolchain.sh            print its name if it is installed and usable, else exit 1
#   scripts/wasm-toolchain.sh --install  install it (rustup: minimal profile, rust-src, wasm32)
#
# Why a nightly: -Zbuild-std rebuilds the standard library with panic=immediate-abort,
# location-detail=none and fmt-debug=none, which only a nightly allows. Pinned to one date so
# that a build is repeatable; change the date here only (and re-measure, docs/performance.md).
# Everything else (native tests, trunk serve, component tests) stays on stable.
set -euo pipefail
TOOLCHAIN=nightly-2026-05-20
usable() {
  rustup run "$TOOLCHAIN" rustc --version >/dev/null 2>&1 &&
    [ -d "$(rustup run "$TOOLCHAIN" rustc --print sysroot)/lib/rustlib/src/rust/library" ] &&
    [ -d "$(rustup run "$TOOLCHAIN" rustc --print sysroot)/lib/rustlib/wasm32-unknown-unknown" ]
}
if [ "${1:-}" = --install ]; then
  usable || rustup toolchain install "$TOOLCHAIN" --profile minimal --component rust-src --target wasm32-unknown-unknown
  usable
elif usable; then
  echo "$TOOLCHAIN"
else
  exit 1
fi
