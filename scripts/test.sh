#!/usr/bin/env bash
# Set up (if needed) and run every test: native unit tests, component tests in headless
# Chromium, the release build, end-to-end journeys with screenshots and axe, and the size report.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each step prints its time when the next begins, and the run ends with a table of them
# (docs/testing.md has the table of a cold and a warm run on the 2-core machine).
step_names=()
step_secs=()
step_start=$SECONDS
run_start=$SECONDS
step_end() {
  if [ ${#step_names[@]} -gt 0 ] && [ ${#step_secs[@]} -lt ${#step_names[@]} ]; then
    step_secs+=($((SECONDS - step_start)))
    printf '\033[1m== %s: %d s\033[0m\n' "${step_names[-1]}" "${step_secs[-1]}"
  fi
}
step() {
  step_end
  step_names+=("$1")
  step_start=$SECONDS
  printf '\n\033[1m== %s\033[0m\n' "$*"
}
summary() {
  local rc=$?
  [ -n "${test_tmp:-}" ] && rm -rf "$test_tmp"
  step_end
  printf '\n\033[1m== time by step\033[0m\n'
  for i in "${!step_secs[@]}"; do printf '%6d s  %s\n' "${step_secs[$i]}" "${step_names[$i]}"; done
  printf '%6d s  in all%s\n' "$((SECONDS - run_start))" "$([ $rc -eq 0 ] || echo " (failed: exit $rc)")"
}
trap summary EXIT

step "set-up (installs only what is missing)"
bash scripts/setup.sh
source scripts/env.sh
# One build per run: incremental caches would only take disk (1.7 GB in target/debug).
export CARGO_INCREMENTAL=0
# Compiled code is kept outside the clone, so that the next run (CI clones afresh each time)
# compiles only what changed: scripts/keep-mtimes.sh gives unchanged files their earlier times.
# One cache per clone folder: what is compiled holds the folder's path (env!("CARGO_MANIFEST_DIR")
# in tests that read the sources, file names in panics), so a build made in another folder
# would read that folder's files. Caches of folders unused for a week are removed.
cache_root=${DEPUTY_CACHE_ROOT:-$HOME/.cache/deputy-home}
export DEPUTY_CACHE=${DEPUTY_CACHE:-$cache_root/$(pwd -P | sha256sum | cut -c1-16)}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$DEPUTY_CACHE/target}
mkdir -p "$DEPUTY_CACHE"
touch "$DEPUTY_CACHE"
find "$cache_root" -mindepth 1 -maxdepth 1 -type d -mtime +7 -exec rm -rf {} +
if [ -d "$CARGO_TARGET_DIR" ] && [ "$(du -sm "$CARGO_TARGET_DIR" | cut -f1)" -gt 30000 ]; then
  echo "the build cache $CARGO_TARGET_DIR is over 30 GB: starting it afresh"
  rm -rf "$CARGO_TARGET_DIR"
fi
bash scripts/keep-mtimes.sh
# Temporary files in memory when there is room: the data tool's tests write hundreds of
# thousands of small files (a national data folder), three times faster on tmpfs than on disk.
if [ -d /dev/shm ] && [ "$(df -Pm /dev/shm | awk 'NR==2 {print $4}')" -gt 8000 ]; then
  TMPDIR=$(mktemp -d /dev/shm/deputy-tests.XXXXXX)
  # Readable by others: nginx's workers (www-data) serve a folder inside it (tests/nginx).
  chmod 755 "$TMPDIR"
  export TMPDIR
  test_tmp=$TMPDIR
fi

step "format"
cargo fmt --all -- --check

step "lints (cargo clippy, warnings are errors): the native crates, and the app for wasm"
cargo clippy -q "${native_packages[@]}" --all-targets -- -D warnings
cargo clippy -q -p deputy-home --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native tests: model, data tool (deploy to a bucket on s3s-fs, loopback), inbox and its store, the station console"
cargo test "${native_packages[@]}"

step "demo data is valid and matches its generator"
deputy_data=$(native_bin deputy-data)
"$deputy_data" validate public/data
tmp=$(mktemp -d)
"$deputy_data" generate --profile city --seed 2025 --out "$tmp/data" >/dev/null
diff -r "$tmp/data" public/data >/dev/null || { echo "public/data differs from the generator's output: run scripts/gen-data.sh"; exit 1; }
rm -rf "$tmp"

step "component tests in headless Chromium (wasm-bindgen-test)"
cargo test -p deputy-home --target wasm32-unknown-unknown

step "release build of the public app (dist/, dist-renda/)"
bash scripts/build.sh

step "release build of the signed-in apps (the station console, the deputies' workspace)"
bash scripts/build-signed-apps.sh

step "publishing: deploy the release to a folder, serve it with Debian's nginx and docs/nginx.conf"
bash tests/nginx/run.sh dist

step "end-to-end journeys (Playwright + axe-core, 375 px and 1280 px)"
bash tests/e2e/run.sh

step "no test depends on the date: the tests that reach the machine's clock, with it a year ahead"
bash scripts/test-future.sh +365d

step "size report"
bash scripts/size.sh
