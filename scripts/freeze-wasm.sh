#!/usr/bin/env bash
# Freezes the WASMs in artifacts/ as the test fixtures of a released code
# version: contracts/tests/fixtures/v<N>/<contract>.wasm for each contract in
# CONTRACTS (scripts/tools.sh) plus PROVENANCE (commit, toolchain,
# stellar-cli, wasm-opt and its flags, sha256 of each file).
# Run ./scripts/build.sh at the release commit first. Fixtures are never
# rebuilt afterwards: they are what that version's deployments run. The
# folder is staged beside its final place and renamed at the end, so a
# failure leaves no partial v<N>.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/tools.sh

version=${1:?usage: scripts/freeze-wasm.sh <code version, e.g. 1>}
fixtures=contracts/tests/fixtures
dir=$fixtures/v$version
[ ! -e "$dir" ] || die "$dir exists: frozen fixtures are never overwritten"
for name in "${CONTRACTS[@]}"; do
  [ -f "artifacts/$name.wasm" ] ||
    die "artifacts/$name.wasm missing: run ./scripts/build.sh at the release commit first"
done

# What built them (fails here if a tool is missing).
stellar_version=$(stellar --version | head -n1)
wasm_opt_version=$(wasm-opt --version | head -n1)

staging=$(mktemp -d "$fixtures/.v$version.XXXXXX")
trap 'rm -rf "$staging"' EXIT
for name in "${CONTRACTS[@]}"; do
  cp "artifacts/$name.wasm" "$staging/"
done
{
  echo "Code version $version of the Callora contracts, frozen by scripts/freeze-wasm.sh."
  echo "commit:     $(git rev-parse HEAD)$(git diff --quiet HEAD -- contracts || echo ' (with uncommitted contract changes)')"
  echo "rustc:      $(rustc --version)"
  echo "stellar:    $stellar_version"
  echo "wasm-opt:   $wasm_opt_version"
  echo "build:      stellar contract build --package <crate>; wasm-opt ${WASM_OPT_FLAGS[*]}"
  echo
  echo "sha256 (the WASM hash \`upgrade\` takes):"
  (cd "$staging" && sha256sum ./*.wasm | sed 's| \./| |')
} >"$staging/PROVENANCE"
chmod 755 "$staging"
mv -T "$staging" "$dir"
cat "$dir/PROVENANCE"
