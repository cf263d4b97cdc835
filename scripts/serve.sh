#!/usr/bin/env bash
# Set up (if needed) and serve the app with the demo data: http://127.0.0.1:8080/
# Extra arguments go to `trunk serve`, e.g. `scripts/serve.sh --port 9000 --address 0.0.0.0`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
exec trunk serve --address 127.0.0.1 --port 8080 "$@"
