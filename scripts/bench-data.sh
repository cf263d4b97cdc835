#!/usr/bin/env bash
# Benchmark of the data tool at national scale (a benchmark, not a test). Reports, for the
# national data set (~2.7 million deputies at full scale):
#   * generate --profile national: wall time and peak memory (GNU time; goal ≤ 10 min),
#   * the number of files, their total size and disk use,
#   * the largest file any page fetches, gzip (budget 64 KB),
#   * the files and gzip bytes a name search fetches, for typical queries,
#   * validate of the generated folder: wall time and peak memory (it streams, see
#     crates/datatool/src/stream_check.rs),
#   * generate --source-out, then build SRC OUT from that source folder (build validates the
#     staging folder before swapping it in): wall time and peak memory of each,
#   * then the daily case: one letter answered (`reply SRC letter CODE`), and build SRC OUT
#     again, which writes and validates only what changed (goal ≤ 60 s at full scale); and a
#     build with nothing changed.
#
#   SKIP_GENERATE=1 scripts/bench-data.sh OUT SCALE   # only the build steps, from OUT.src kept
#   KEEP=1 ...                                         # keep OUT and OUT.src afterwards
#
#   scripts/bench-data.sh [OUT] [SCALE]     # default /tmp/deputy-national-bench 1
#   DEPUTY_DATA=/path/to/deputy-data scripts/bench-data.sh   # use a built binary
#
# Needs ~12 GB free disk at full scale (one served folder at a time: each step's output is
# deleted before the next and at the end). GNU time comes from scripts/setup.sh (apt: time).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
out=${1:-/tmp/deputy-national-bench}
scale=${2:-1}
src="$out.src"
[ -x /usr/bin/time ] || { echo "GNU time missing: run scripts/setup.sh (apt-get install time)" >&2; exit 1; }
# DEPUTY_DATA=path/to/deputy-data skips the build (e.g. while another build holds cargo's lock).
bin=${DEPUTY_DATA:-}
if [ -z "$bin" ]; then
  cargo build --release -q -p deputy-data
  bin=${CARGO_TARGET_DIR:-target}/release/deputy-data
fi
log=$(mktemp)
cleanup() { if [ -z "${KEEP:-}" ]; then rm -rf "$out" "$src"; fi; rm -f "$log" "$log.out"; }
trap cleanup EXIT
# Run a step under GNU time and print its wall time and peak memory.
timed() {
  local what=$1
  shift
  echo "== $what"
  /usr/bin/time -v "$@" 2>"$log" >"$log.out" || { cat "$log" "$log.out" >&2; exit 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  echo "  wall time: $wall   peak memory: $((rss / 1024)) MB   ($(awk -F': ' '/Percent of CPU/ {print $2}' "$log") CPU)"
}
if [ -z "${SKIP_GENERATE:-}" ]; then
rm -rf "$out" "$src"
timed "generate --profile national --seed 2025 --scale $scale --out $out" \
  "$bin" generate --profile national --seed 2025 --scale "$scale" --out "$out"
echo "== files, size and the largest file (gzip, level 6)"
"$bin" sizes "$out" | sed 's/^/  /'
echo "  disk use: $(du -sh "$out" | cut -f1)"
echo "== name search: files fetched and gzip bytes per query"
# A full Chinese name (common, paged), a rarer one, a Mongolian name, full pinyin, a pinyin
# prefix, initials, and one letter (too many: the app asks for more).
"$bin" search-cost "$out" 王建国 李海燕 娜仁其其格 lihaiyan lihai lhy z | sed 's/^/  /'
timed "validate $out" "$bin" validate "$out"
rm -rf "$out"
timed "generate --profile national --seed 2025 --scale $scale --out $out --source-out $src" \
  "$bin" generate --profile national --seed 2025 --scale "$scale" --out "$out" --source-out "$src"
echo "  source folder: $(du -sh "$src" | cut -f1)"
fi
rm -rf "$out"
timed "build $src $out (the first: writes everything, validates the staging folder before swapping it in)" \
  "$bin" build "$src" "$out"
echo "  files: $(find "$out" -type f | wc -l)"
# The daily case: one public letter without a reply gets one.
code=$(python3 -c 'import json,sys
for m in json.load(open(sys.argv[1])):
    if m.get("public") and [e for e in m["events"] if "at" in e] and all(e.get("kind", e.get("type")) in ("received", "forwarded") for e in m["events"]):
        print(m["receipt_code"]); break' "$src/messages.json")
[ -n "$code" ] || { echo "no open public letter in $src/messages.json" >&2; exit 1; }
"$bin" reply "$src" letter "$code" --by 市政府办公室 --text "已转交有关部门办理，近期答复。" --at 2026-12-01T09:00:00+08:00 >/dev/null
timed "build $src $out after one letter ($code) was answered (only what changed is written and validated)" \
  "$bin" build "$src" "$out"
grep -a '只写入有变化的文件' "$log.out" | sed 's/^/  /' || true
timed "build $src $out with nothing changed" "$bin" build "$src" "$out"
grep -a '只写入有变化的文件' "$log.out" | sed 's/^/  /' || true
