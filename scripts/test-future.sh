#!/usr/bin/env bash
# The tests with the machine's clock moved ahead (Debian's faketime): no test may depend on the
# day it runs. The browser's clock is pinned by the tests themselves (DEMO_NOW in
# tests/e2e/lib.mjs); this checks that nothing else reads the machine's date.
#
#   scripts/test-future.sh [OFFSET] [E2E FILES…]   default OFFSET +365d; default the e2e files
#                                                   that reach the machine's clock (below)
#   scripts/test-future.sh +365d $(cd tests/e2e && ls *.test.mjs)   # every browser test
#
# Re-run are the tests that reach a place where the machine's clock is read, native and
# end-to-end (the lists below, kept complete by guards). Needs the release builds (scripts/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
offset=${1:-+365d}
shift || true

# End-to-end files that reach the machine's clock. Every page of the e2e tests has its browser
# clock pinned (newPage's `clock`, DEMO_NOW), so the app's own readers (src/ui/now.rs …) see
# the pinned time whatever the machine's date; what does not follow the pin is a page opened
# with `clock: null` and the native programs the tests start. A file that does either is listed
# here or, with the reason it reaches no clock, in e2e_without_clock (the guard checks).
e2e_with_clock=(
  console.test.mjs  # its browser keeps the machine's clock; deputy-data console-user; the console service
  inbox.test.mjs    # deputy-data ingest without --at (a second run does nothing new)
  workspace.test.mjs  # deputy-data deputy-account (code expiry), held confirm, ingest, the workspace service
)
e2e_without_clock=(
  second-city.test.mjs  # only `deputy-data build`, which reads no clock
  national.test.mjs     # scripts/national-dist.sh: `generate` and `build`, which read none
  offline.test.mjs      # scripts/stamp-sw.sh: hashes of the build's files, no date
)
e2e_reaching=$(cd tests/e2e && grep -lE "clock: null|nativeBin\(|national-dist|execFile|spawn\(" ./*.test.mjs | sed 's|^\./||' | sort)
e2e_unknown=$(comm -23 <(echo "$e2e_reaching") <(printf '%s\n' "${e2e_with_clock[@]}" "${e2e_without_clock[@]}" | sort))
if [ -n "$e2e_unknown" ]; then
  echo "these e2e files open a page with the machine's clock or start a program; list them in scripts/test-future.sh" >&2
  echo "(e2e_with_clock, or e2e_without_clock with the reason):" >&2
  echo "$e2e_unknown" >&2
  exit 1
fi
[ $# -gt 0 ] || set -- "${e2e_with_clock[@]}"

command -v faketime >/dev/null || { echo "faketime not found: apt-get install faketime (scripts/setup.sh does)" >&2; exit 1; }
echo "clock moved to: $(faketime -f "$offset" date -u +%FT%TZ)"
# What reads the machine's clock, and the tests that reach it. The guard below fails when the
# clock is read anywhere else: then add the place and its tests here.
clock_readers=(
  crates/datatool/src/main.rs          # the CLI's defaults (ingest's time, pages' date): the tests that run the binary
  crates/datatool/src/ingest/common.rs # `--at` relative to today: deputy-data's ingest:: tests
  crates/datatool/src/console/user.rs  # account times: deputy-data's console:: tests
  crates/console/src/web/mod.rs        # the console service's clock: all of deputy-console's tests
  crates/workspace/src/web/mod.rs      # the workspace service's clock: deputy-workspace's and deputy-data's workspace:: tests
  src/ui/now.rs src/outbox/store.rs src/proposals/drafts.rs  # the browser's clock: the e2e files given
)
found=$(grep -rlE 'now_utc|now_local|SystemTime::now|Utc::now|Local::now|Date::now|UNIX_EPOCH\.elapsed' \
  --include='*.rs' src crates console-app workspace-app | sort)
unknown=$(comm -23 <(echo "$found") <(printf '%s\n' "${clock_readers[@]}" | sort))
if [ -n "$unknown" ]; then
  echo "these files read the machine's clock, and scripts/test-future.sh does not know which tests reach them:" >&2
  echo "$unknown" >&2
  exit 1
fi

# Native tests: built first with the real clock (cargo compares file times), with the same
# packages as scripts/test.sh (so nothing is compiled again), then the chosen test programs run
# under the fake clock, each in its package's folder as cargo would run it. Not the doc tests:
# rustdoc hangs under libfaketime (seen here; the doc tests hold no dates).
cargo test -q "${native_packages[@]}" --no-run
cargo test -q "${native_packages[@]}" --no-run --message-format=json | node -e '
  const lines = require("fs").readFileSync(0, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
  for (const a of lines) {
    if (a.reason !== "compiler-artifact" || !a.profile.test || !a.executable) continue;
    const pkg = a.package_id.match(/#(?:([\w-]+)@)?[\d.]+$/)?.[1] || a.target.name;
    console.log([pkg, a.target.kind[0], a.manifest_path.replace(/\/Cargo\.toml$/, ""), a.executable].join("\t"));
  }' >"${TMPDIR:-/tmp}/future-tests.tsv"
ran=0
while IFS=$'\t' read -r pkg kind dir exe; do
  case "$pkg/$kind" in
    deputy-data/bin) filters=(ingest:: console:: workspace::) ;;  # the unit tests of those modules
    deputy-data/test | deputy-console/* | deputy-workspace/*) filters=() ;;  # all
    *) continue ;;
  esac
  echo "$pkg ($kind) ${filters[*]:-all}"
  (cd "$dir" && faketime -f "$offset" "$exe" -q "${filters[@]}")
  ran=$((ran + 1))
done <"${TMPDIR:-/tmp}/future-tests.tsv"
[ "$ran" -ge 4 ] || { echo "test-future: found only $ran of the test programs to run" >&2; exit 1; }
faketime -f "$offset" bash tests/e2e/run.sh "$@"
