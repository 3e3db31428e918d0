#!/usr/bin/env bash
# Runs the contract crates' native tests (the crates tarpaulin.toml selects)
# once, with line coverage, under cargo-tarpaulin (installed when missing);
# fails on a failing test or under 95%. test.sh runs these tests only here.
# Needs the WASMs in artifacts/ (the contracts' tests call the built
# settlement / upgrade to the built WASMs).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/tools.sh
ensure_tarpaulin
cargo tarpaulin --config tarpaulin.toml
