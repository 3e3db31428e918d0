#!/usr/bin/env bash
# Checks every `stellar` command in docs/upgrade-playbook.md without a
# network (`callora-spec check-playbook`, tools/spec/src/playbook.rs):
#  1. the pinned stellar-cli parses it (run against an empty config: it gets
#     past argument parsing and stops at the network, or it fails as a usage
#     error, which fails this check);
#  2. each contract function after `--` exists in the built WASM's spec, every
#     `--arg` is one of its parameters, and every required one is given.
# Needs artifacts/ (./scripts/build.sh) and stellar on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo run --quiet -p callora-spec -- check-playbook docs/upgrade-playbook.md artifacts
