# Sourced by the scripts: tools installed by setup.sh on PATH, trunk quiet and offline-safe.
export PATH="$HOME/.cargo/bin:$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tools/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT=60

# Our native crates, always built together. Cargo resolves features over the packages it is
# given, so `cargo run -p deputy-data` alone would compile the shared dependencies and the data
# tool a second time (7 minutes on the 2-core machine when nothing is cached).
native_packages=(-p deputy-model -p deputy-intake -p deputy-accounts -p deputy-data -p deputy-inbox -p deputy-console -p deputy-workspace -p deputy-app-kit -p deputy-console-app -p deputy-workspace-app)
# The path of one of our native programs (deputy-data, deputy-inbox) as the native tests build
# it; builds them first if needed (a second or two when they are up to date).
native_bin() {
  cargo test -q "${native_packages[@]}" --no-run >&2
  echo "${CARGO_TARGET_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/target}/debug/$1"
}
