#!/usr/bin/env bash
# The metered cost benchmark on the optimized WASMs, as mainnet charges it
# (real signed authorization entries, stellar-core's apply path with the module
# cache, the signed transaction envelope, the host's fee functions):
#   ./scripts/bench.sh          regenerate docs/costs.md, docs/costs.json and
#                               docs/costs-per-call.svg
#   ./scripts/bench.sh --check  fail if they differ from this build's numbers, or
#                               if a figure exceeds budgets/budgets.tsv by > 2%
# Builds the contracts first. To re-base the instructions/fee budgets after a
# deliberate change (say why in the commit message):
#   BENCH_PRINT_BUDGETS=1 cargo run -q -p callora-tests --bin bench | grep -P '\t'
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh >/dev/null
exec cargo run --quiet -p callora-tests --bin bench -- "$@"
