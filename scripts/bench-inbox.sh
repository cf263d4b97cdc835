#!/usr/bin/env bash
# Benchmark (not a test) of deputy-inbox on this machine, on loopback (docs/operations.md):
#   1. sustained load: SECONDS (default 60) of CONNECTIONS (default 32) keep-alive clients
#      posting letters; submissions per second, p50/p99; then the count stored must equal the
#      count acknowledged;
#   2. crash: load, kill -9 mid-way, restart; every acknowledged submission must be there, whole.
# The bad-input sweep (40 kinds) is a test: cargo test -p deputy-inbox.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_LOAD="${SECONDS_LOAD:-60}"
CONNECTIONS="${CONNECTIONS:-32}"

cargo build -q --profile server -p deputy-inbox --bin deputy-inbox --example load
bin=target/server/deputy-inbox
load=target/server/examples/load
work=$(mktemp -d)
trap 'kill -9 $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
# The load comes from one address: lift the per-client limit, keep the global one high.
cat > "$work/inbox.toml" <<TOML
[limits]
per_client_per_minute = 100000000
per_client_burst = 1000000
global_per_second = 1000000
TOML

start() { # store-folder log-file; sets addr
  "$bin" --listen 127.0.0.1:0 --config "$work/inbox.toml" --store "$1" >"$2" 2>&1 &
  pid=$!
  for _ in $(seq 100); do
    addr=$(grep -o '"listen":"[^"]*"' "$2" | head -1 | cut -d'"' -f4 || true)
    [[ -n "$addr" ]] && return
    sleep 0.05
  done
  echo "the inbox did not start: $(cat "$2")" >&2; exit 1
}

echo "== sustained load: ${SECONDS_LOAD} s, ${CONNECTIONS} connections"
start "$work/store" "$work/inbox.log"
ACKNOWLEDGED_OUT="$work/acked" "$load" "$addr" "$SECONDS_LOAD" "$CONNECTIONS" 0
kill -TERM "$pid"; wait "$pid" || true
acked=$(wc -l < "$work/acked"); stored=$(ls "$work/store/new" | wc -l)
echo "acknowledged $acked, stored $stored"
[[ "$acked" -eq "$stored" ]] || { echo "MISMATCH: stored differs from acknowledged"; exit 1; }
while read -r code; do [[ -s "$work/store/new/$code.json" ]] || { echo "MISSING $code"; exit 1; }; done < "$work/acked"
grep -q '13812345678\|张丽\|路灯不亮' "$work/inbox.log" && { echo "personal data in the logs"; exit 1; }
echo "logs: $(wc -l < "$work/inbox.log") lines, no names, phones or letter text"

echo "== crash: kill -9 under load, restart"
start "$work/crash" "$work/crash.log"
ACKNOWLEDGED_OUT="$work/acked2" "$load" "$addr" 6 "$CONNECTIONS" 900000000000 > "$work/load2.json" &
loader=$!
sleep 3
kill -9 "$pid"; wait "$pid" 2>/dev/null || true
wait "$loader"
start "$work/crash" "$work/crash2.log"
acked=$(wc -l < "$work/acked2")
# Every acknowledged code: its file is there and is whole JSON.
missing=$(node -e '
  const fs = require("fs"); const [list, dir] = process.argv.slice(1); let missing = 0;
  for (const code of fs.readFileSync(list, "utf8").split("\n").filter(Boolean)) {
    try { JSON.parse(fs.readFileSync(`${dir}/${code}.json`, "utf8")); } catch { missing++; }
  }
  console.log(missing);' "$work/acked2" "$work/crash/new")
echo "acknowledged before the crash $acked, missing or unreadable after restart $missing"
node -e 'fetch(process.argv[1]).then((r) => { console.log(`healthz after restart: ${r.status}`); process.exit(r.ok ? 0 : 1); })' "http://$addr/healthz"
kill -TERM "$pid"; wait "$pid" || true
[[ "$missing" -eq 0 ]] || exit 1
