#!/usr/bin/env bash
# Fails when an optimized WASM in artifacts/ (every contract in CONTRACTS and
# the floor, scripts/tools.sh) is missing, has no `bytes` budget in
# budgets/budgets.tsv, exceeds it, or exceeds the hard ceiling of 65,536 bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/tools.sh

CEILING=65536
BUDGETS=budgets/budgets.tsv
ARTIFACTS=${ARTIFACTS:-artifacts}
status=0

for name in "${CONTRACTS[@]}" "$FLOOR"; do
  wasm="$ARTIFACTS/$name.wasm"
  budget=$(awk -F'\t' -v n="$name.wasm" '$1 == n && $2 == "bytes" { print $3 }' "$BUDGETS")
  if [ ! -f "$wasm" ]; then
    echo "size gate: $wasm missing (run ./scripts/build.sh)" >&2
    status=1
  elif [ -z "$budget" ]; then
    echo "size gate: no bytes budget for $name.wasm in $BUDGETS" >&2
    status=1
  else
    size=$(stat -c %s "$wasm")
    limit=$((budget < CEILING ? budget : CEILING))
    if [ "$size" -gt "$limit" ]; then
      echo "size gate: $name.wasm is $size bytes, budget $limit" >&2
      status=1
    else
      echo "size gate: $name.wasm $size / $limit bytes ok"
    fi
  fi
done
exit $status
