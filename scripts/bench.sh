#!/usr/bin/env bash
# The metered cost benchmark on the optimized WASMs (mainnet settings):
#   ./scripts/bench.sh          regenerate docs/costs.md and docs/costs.json
#   ./scripts/bench.sh --check  fail if they differ from this build's numbers, or
#                               if a figure exceeds budgets/budgets.tsv by > 2%
# Builds the contracts first.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh >/dev/null
exec cargo run --quiet -p callora-tests --bin bench -- "$@"
