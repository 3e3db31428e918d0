#!/usr/bin/env bash
# Builds the deployable contracts (CONTRACTS in scripts/tools.sh) into
# artifacts/: callora_vault.wasm, callora_revenue_pool.wasm,
# callora_settlement.wasm, plus the benchmark's reference contract
# callora_floor.wasm; each optimized with the pinned wasm-opt and
# WASM_OPT_FLAGS. Runs the size gate and prints bytes, the sha256 WASM hash
# (what `upgrade` takes) and the env-meta protocol of each contract.
# Installs stellar-cli and binaryen when missing (and, on a machine without
# stellar-cli, cargo-tarpaulin for test.sh alongside it).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/tools.sh

ARTIFACTS=artifacts
RAW=target/wasm32v1-none/release

ensure_wasm_target
if ! stellar_installed; then
  # A new machine: cargo-tarpaulin (test.sh's coverage step) compiles in the
  # background while stellar-cli does, on the core the CLI's long serial
  # stretches leave idle; waited for at the end.
  start_tarpaulin_install
fi
ensure_stellar
ensure_wasm_opt

mkdir -p "$ARTIFACTS"
for name in "${CONTRACTS[@]}" "$FLOOR"; do
  log "building ${name//_/-}"
  stellar contract build --quiet --package "${name//_/-}"
  wasm-opt "${WASM_OPT_FLAGS[@]}" "$RAW/$name.wasm" -o "$ARTIFACTS/$name.wasm.new"
  # Replaced only when it changed: an unchanged WASM keeps its mtime, so the
  # crates that embed it (contractimport!, include_bytes!) are not rebuilt.
  if cmp -s "$ARTIFACTS/$name.wasm.new" "$ARTIFACTS/$name.wasm"; then
    rm "$ARTIFACTS/$name.wasm.new"
  else
    mv "$ARTIFACTS/$name.wasm.new" "$ARTIFACTS/$name.wasm"
  fi
done

./scripts/check-wasm-size.sh

printf '\n%-22s %8s  %-64s  %s\n' contract bytes "sha256 (wasm hash)" protocol
for name in "${CONTRACTS[@]}"; do
  wasm="$ARTIFACTS/$name.wasm"
  protocol=$(stellar contract info env-meta --wasm "$wasm" --output json 2>/dev/null |
    grep -o "\"protocol\":[0-9]*" | grep -o "[0-9]*" || true)
  printf '%-22s %8s  %-64s  %s\n' "$name" "$(stat -c %s "$wasm")" \
    "$(sha256sum "$wasm" | cut -d' ' -f1)" "${protocol:-?}"
done

wait_tarpaulin_install
