#!/usr/bin/env bash
# Every check CI runs, in order: format, build (WASMs + size gate), the
# playbook's commands, lint, tests (native and against the built WASMs, the
# upgrade rehearsals included), coverage gate.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/tools.sh

step() { printf '\n==== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "build (./scripts/build.sh)"
./scripts/build.sh

step "playbook commands (./scripts/check-playbook.sh)"
./scripts/check-playbook.sh

step "cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings

step "cargo test"
cargo test --workspace

step "coverage (./scripts/coverage.sh)"
./scripts/coverage.sh

step "all checks passed"
