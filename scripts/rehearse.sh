#!/usr/bin/env bash
# The upgrade rehearsal with no network (see docs/upgrade-playbook.md):
#   ./scripts/rehearse.sh                      deploy v2 (the previous release), wire, traffic,
#                                              upgrade in place, migrate, verify, traffic
#   ./scripts/rehearse.sh --snapshot FILE --settlement C… --revenue-pool C… --vault C… [--operator G…]
#                                              rehearse the upgrade of the contracts in a
#                                              `stellar snapshot create` file
# Builds the contracts first. Exits non-zero if any verification fails.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh >/dev/null
exec cargo run --quiet -p callora-tests --bin rehearse -- "$@"
