#!/usr/bin/env bash
# Runs the cargo-fuzz targets in fuzz/ (not part of CI: they run for minutes).
#   ./scripts/fuzz.sh                 each target for 600 s
#   ./scripts/fuzz.sh vault_ops 60    one target for 60 s
# Installs what is missing: the nightly toolchain (libFuzzer instrumentation
# needs it) and cargo-fuzz. Findings land in fuzz/artifacts/<target>/.
#
# Built without AddressSanitizer (the code under test is safe Rust: ASan
# finds nothing there and halves the rate) and without comparison tracing
# (`--no-trace-compares`: the tracing of every comparison in the Soroban host
# took ~45% of the time). Each input starts from a prepared host's ledger
# snapshot (CALLORA_FUZZ_FRESH=1 builds a fresh host per input instead), and
# the invariants read state from the host's stored entries, not through view
# calls (fuzz/fuzz_targets/common.rs). Rates: docs/security.md.
# Extra libFuzzer flags: FUZZ_FLAGS="-jobs=2 -workers=2" ./scripts/fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/tools.sh

CARGO_FUZZ_VERSION=0.13.1
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  log "installing the nightly toolchain (for libFuzzer instrumentation)"
  rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version 2>/dev/null | grep -q "$CARGO_FUZZ_VERSION"; then
  log "installing cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo +stable install --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi

targets=${1:-"vault_ops settlement_ops"}
seconds=${2:-600}
cd fuzz
for target in $targets; do
  log "fuzzing $target for ${seconds}s"
  # shellcheck disable=SC2086  # FUZZ_FLAGS is a list of flags
  cargo +nightly fuzz run --sanitizer none --no-trace-compares "$target" -- \
    -max_total_time="$seconds" -print_final_stats=1 ${FUZZ_FLAGS:-}
done
