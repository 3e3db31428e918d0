#!/usr/bin/env bash
# Freezes the WASMs in artifacts/ as the test fixtures of a released code
# version: contracts/tests/fixtures/v<N>/<contract>.wasm for each contract in
# CONTRACTS (scripts/tools.sh) plus PROVENANCE (commit, toolchain,
# stellar-cli, wasm-opt and its flags, sha256 of each file).
# Run ./scripts/build.sh at the release commit first. Fixtures are never
# rebuilt afterwards: they are what that version's deployments run.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/tools.sh

version=${1:?usage: scripts/freeze-wasm.sh <code version, e.g. 1>}
dir=contracts/tests/fixtures/v$version
if [ -e "$dir" ]; then
  echo "$dir exists: frozen fixtures are never overwritten" >&2
  exit 1
fi
mkdir -p "$dir"
for name in "${CONTRACTS[@]}"; do
  cp "artifacts/$name.wasm" "$dir/"
done
{
  echo "Code version $version of the Callora contracts, frozen by scripts/freeze-wasm.sh."
  echo "commit:     $(git rev-parse HEAD)$(git diff --quiet HEAD -- contracts || echo ' (with uncommitted contract changes)')"
  echo "rustc:      $(rustc --version)"
  echo "stellar:    $(stellar --version | head -n1)"
  echo "wasm-opt:   $(wasm-opt --version | head -n1)"
  echo "build:      stellar contract build --package <crate>; wasm-opt ${WASM_OPT_FLAGS[*]}"
  echo
  echo "sha256 (the WASM hash \`upgrade\` takes):"
  (cd "$dir" && sha256sum ./*.wasm | sed 's| \./| |')
} >"$dir/PROVENANCE"
cat "$dir/PROVENANCE"
