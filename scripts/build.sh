#!/usr/bin/env bash
# Builds the three deployable contracts into artifacts/:
#   artifacts/callora_vault.wasm, callora_revenue_pool.wasm, callora_settlement.wasm
# (optimized with wasm-opt), runs the size gate and prints bytes, the sha256
# WASM hash (what `upgrade` takes) and the env-meta protocol of each.
# Installs stellar-cli and binaryen when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/tools.sh

CONTRACTS="callora_vault callora_revenue_pool callora_settlement"
ARTIFACTS=artifacts
RAW=target/wasm32v1-none/release

ensure_wasm_target
ensure_stellar
ensure_wasm_opt

mkdir -p "$ARTIFACTS"
for name in $CONTRACTS; do
  log "building ${name//_/-}"
  stellar contract build --quiet --package "${name//_/-}"
  wasm-opt -Oz --converge --mvp-features --enable-mutable-globals --enable-sign-ext \
    --enable-bulk-memory "$RAW/$name.wasm" -o "$ARTIFACTS/$name.wasm"
done

# The benchmark's floor contract (tools/floor): measured, never deployed.
log "building callora-floor (benchmark reference)"
stellar contract build --quiet --package callora-floor
wasm-opt -Oz --converge --mvp-features --enable-mutable-globals --enable-sign-ext \
  --enable-bulk-memory "$RAW/callora_floor.wasm" -o "$ARTIFACTS/callora_floor.wasm"

./scripts/check-wasm-size.sh

printf '\n%-22s %8s  %-64s  %s\n' contract bytes "sha256 (wasm hash)" protocol
for name in $CONTRACTS; do
  wasm="$ARTIFACTS/$name.wasm"
  protocol=$(stellar contract info env-meta --wasm "$wasm" --output json 2>/dev/null |
    grep -o "\"protocol\":[0-9]*" | grep -o "[0-9]*" || true)
  printf '%-22s %8s  %-64s  %s\n' "$name" "$(stat -c %s "$wasm")" \
    "$(sha256sum "$wasm" | cut -d' ' -f1)" "${protocol:-?}"
done
