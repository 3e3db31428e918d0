#!/usr/bin/env bash
# Fails when an optimized WASM in artifacts/ exceeds its `bytes` budget in
# budgets/budgets.tsv, or the hard ceiling of 65,536 bytes.
set -euo pipefail
cd "$(dirname "$0")/.."

CEILING=65536
BUDGETS=budgets/budgets.tsv
ARTIFACTS=${ARTIFACTS:-artifacts}
status=0

while IFS=$'\t' read -r name metric budget; do
  case "$name" in '#'* | '') continue ;; esac
  [ "$metric" = bytes ] || continue
  wasm="$ARTIFACTS/$name"
  if [ ! -f "$wasm" ]; then
    echo "size gate: $wasm missing (run ./scripts/build.sh)" >&2
    status=1
    continue
  fi
  size=$(stat -c %s "$wasm")
  limit=$((budget < CEILING ? budget : CEILING))
  if [ "$size" -gt "$limit" ]; then
    echo "size gate: $name is $size bytes, budget $limit" >&2
    status=1
  else
    echo "size gate: $name $size / $limit bytes ok"
  fi
done <"$BUDGETS"
exit $status
