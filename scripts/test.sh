#!/usr/bin/env bash
# Every check CI runs (.ci/run runs exactly this), in this order, stopping at
# the first failure (README "The two commands" lists the same steps):
#   1. cargo fmt --check
#   2. the build: ./scripts/build.sh (WASMs into artifacts/, size gate)
#   3. the playbook's stellar commands: ./scripts/check-playbook.sh
#   4. the generated interface and event docs are current (callora-spec docs --check)
#   5. the schema diffs equal the reviewed reports: frozen v2 -> current build
#      (docs/schema-diff/v2-to-v3.txt) and frozen v1 -> frozen v2 (v1-to-v2.txt)
#   6. cargo clippy --workspace --all-targets -- -D warnings
#   7. cargo test --workspace except the contract crates (the tests on the built
#      WASMs, the tooling's tests)
#   8. the metered cost benchmark against docs/costs.* and budgets (bench --check)
#   9. the @stellar/stellar-sdk interop suite in interop/
#  10. the indexer kit in clients/js: generated registry and bindings current, tsc, tests
#  11. the contract crates' native tests, run once under coverage, and the
#      coverage gate: ./scripts/coverage.sh (95% line coverage, tarpaulin.toml)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/tools.sh

step() { printf '\n==== %s\n' "$*"; }

start_tarpaulin_install # for step 11, when missing

step "cargo fmt --check"
cargo fmt --all -- --check

step "build (./scripts/build.sh)"
./scripts/build.sh

step "playbook commands (./scripts/check-playbook.sh)"
./scripts/check-playbook.sh

step "generated interface and event docs are current"
cargo run --quiet -p callora-spec -- docs --check

step "schema diff: frozen v2 -> current build (docs/schema-diff/v2-to-v3.txt), frozen v1 -> v2"
cargo run --quiet -p callora-spec -- diff-dir contracts/tests/fixtures/v2 artifacts \
  --expect docs/schema-diff/v2-to-v3.txt
cargo run --quiet -p callora-spec -- diff-dir contracts/tests/fixtures/v1 contracts/tests/fixtures/v2 \
  --expect docs/schema-diff/v1-to-v2.txt

step "cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings

step "cargo test (every crate but the contract crates, whose native tests run in step 11)"
# The contract crates' native tests run once, under cargo-tarpaulin in the
# coverage step (tarpaulin.toml runs exactly these crates and prints
# libtest's result lines, failing on a failing test): running them here
# too would build them a second time, uninstrumented, for the same verdict.
contract_crates=(callora-types)
for name in "${CONTRACTS[@]}"; do
  contract_crates+=("${name//_/-}")
done
cargo test --workspace "${contract_crates[@]/#/--exclude=}"

step "benchmark: metered costs vs docs/costs.md and budgets (./scripts/bench.sh --check)"
cargo run --quiet -p callora-tests --bin bench -- --check

step "interop: @stellar/stellar-sdk against the built WASMs and the event fixtures"
ensure_node_packages
(cd interop && npm test --silent)

step "clients/js: indexer kit (registry and bindings current, tsc, tests with the backfill replay)"
# The backfill stream itself is drift-checked by cargo test (backfill.rs).
(cd clients/js && { npm ls --silent >/dev/null 2>&1 || npm ci --no-audit --no-fund --loglevel=error; } \
  && npm run --silent check && npm run --silent build && npm test --silent)

step "contract crates' native tests and coverage (./scripts/coverage.sh)"
wait_tarpaulin_install
./scripts/coverage.sh

step "all checks passed"
