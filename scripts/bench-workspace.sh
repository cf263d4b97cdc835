#!/usr/bin/env bash
# Benchmark (not a test) of the deputies' workspace on this machine, on loopback (issue 33):
# two instances of `deputy-data workspace` on the demo city's source folder and one store,
# DEPUTIES (default 200) deputies activating, then for SECONDS (default 30) each reading their
# letters and submitting a suggestion with THINK ms (default 1000) between requests. Half-way
# the second instance is killed with SIGKILL. Prints activation time and p50/p99 of reads and
# writes, then checks that every acknowledged act is in the store (durable before the answer)
# and that no log line holds a letter's text or a phone number.
set -euo pipefail
cd "$(dirname "$0")/.."
DEPUTIES="${DEPUTIES:-200}"
SECONDS_LOAD="${SECONDS_LOAD:-30}"
THINK="${THINK:-1000}"

cargo build -q --release -p deputy-data
bin=${CARGO_TARGET_DIR:-target}/release/deputy-data
work=$(mktemp -d)
trap 'kill -9 $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
"$bin" generate --profile city --seed 2025 --out "$work/generated" --source-out "$work/src" > /dev/null
mkdir -p "$work/inbox"
ids=$(awk -F, -v n="$DEPUTIES" 'NR > 1 && NR <= n + 1 { print $1 }' "$work/src/deputies.csv")
# shellcheck disable=SC2086
"$bin" deputy-account "$work/src" issue $ids --by bench > "$work/notices"
node -e '
  const text = require("fs").readFileSync(process.argv[1], "utf8");
  const out = [...text.matchAll(/代表编号：(\S+)\n激活码：([\d ]+)/g)].map((m) => ({ id: m[1], code: m[2].replaceAll(" ", "") }));
  require("fs").writeFileSync(process.argv[2], JSON.stringify(out));
  console.log(`${out.length} activation codes issued`);' "$work/notices" "$work/codes.json"

start() {
  "$bin" workspace "$work/src" --inbox "$work/inbox" --listen 127.0.0.1:0 > "$work/out$1" 2> "$work/log$1" &
  echo $! > "$work/pid$1"
  for _ in $(seq 100); do
    url=$(grep -o 'http://[^ ]*' "$work/out$1" | head -1 || true)
    [[ -n "$url" ]] && break
    sleep 0.1
  done
  [[ -n "$url" ]] || { echo "the workspace did not start: $(cat "$work/log$1")"; exit 1; }
  echo "$url"
}
url1=$(start 1)
url2=$(start 2)
( sleep "$((SECONDS_LOAD / 2))"; kill -9 "$(cat "$work/pid2")"; echo "instance 2 killed (SIGKILL) at $((SECONDS_LOAD / 2)) s" ) &
node bench/workspace/load.mjs "$url1" "$url2" "$work/codes.json" "$SECONDS_LOAD" "$THINK" "$work/acked"

acked=$(grep -c . "$work/acked" || true)
stored=$(ls "$work/inbox/new" | grep -c '\.json$' || true)
missing=0
while read -r code; do
  [[ -z "$code" ]] && continue
  [[ -f "$work/inbox/new/$code.json" ]] || missing=$((missing + 1))
done < "$work/acked"
echo "acknowledged $acked, in the store $stored, acknowledged but missing $missing"
[[ "$missing" -eq 0 ]] || { echo "an acknowledged act was lost"; exit 1; }
if cat "$work/log1" "$work/log2" | grep -Eq '1[3-9][0-9]{9}|关于第|村道'; then echo "personal data or a text in a log"; exit 1; fi
echo "logs: $(cat "$work/log1" "$work/log2" | wc -l) lines, no phone numbers or texts"
