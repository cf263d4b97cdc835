#!/usr/bin/env bash
# Set up (if needed) and serve the app with the demo data: http://127.0.0.1:8080/
# PORT and ADDRESS change where (e.g. `ADDRESS=0.0.0.0 PORT=9000 bash scripts/serve.sh`);
# other arguments go to `trunk serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
exec trunk serve --address "${ADDRESS:-127.0.0.1}" --port "${PORT:-8080}" "$@"
