#!/usr/bin/env bash
# Line coverage of the contract crates with cargo-tarpaulin (installed when
# missing); fails under 95%. Needs the WASMs in artifacts/ (the contracts'
# tests call the built settlement / upgrade to the built WASMs).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/tools.sh
ensure_tarpaulin
cargo tarpaulin --config tarpaulin.toml
