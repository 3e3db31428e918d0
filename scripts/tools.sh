# shellcheck shell=bash disable=SC2034  # sourced: the variables are used by the other scripts
# Sourced by the other scripts: the facts they share (contract names, pinned
# tool versions, optimizer flags), defined here once, and the installs of what
# the build needs when missing, detecting existing installs first so a second
# run installs nothing.
# Prerequisite not installed here: Rust via rustup (the pinned toolchain in
# rust-toolchain.toml is fetched by rustup on first use).

# The deployable contracts, as their WASM file names (artifacts/<name>.wasm);
# each one's crate is ${name//_/-}.
CONTRACTS=(callora_vault callora_revenue_pool callora_settlement)
# The benchmark's reference contract (tools/floor): built, measured and
# size-gated like the others, never deployed or frozen.
FLOOR=callora_floor

STELLAR_CLI_VERSION=28.1.0
# Debian bookworm's binaryen. The benchmark compares exact metered numbers,
# which depend on the optimizer's output: another version fails the build.
WASM_OPT_VERSION=108
WASM_OPT_FLAGS=(-Oz --converge --mvp-features --enable-mutable-globals --enable-sign-ext
  --enable-bulk-memory)
TARPAULIN_VERSION=0.37.5

log() { printf '==> %s\n' "$*" >&2; }
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_update() {
  if [ -z "${APT_UPDATED:-}" ]; then
    as_root apt-get update -qq
    APT_UPDATED=1
  fi
}

apt_install() {
  apt_update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32v1-none; then
    log "installing Rust target wasm32v1-none"
    rustup target add wasm32v1-none
  fi
}

stellar_installed() {
  command -v stellar >/dev/null 2>&1 &&
    stellar --version | grep -q "stellar $STELLAR_CLI_VERSION"
}

ensure_stellar() {
  if stellar_installed; then
    return
  fi
  log "installing stellar-cli $STELLAR_CLI_VERSION from crates.io (once per machine)"
  # A lighter release profile for this one install (unoptimized, no LTO, 16
  # codegen units): the CLI only drives cargo and reads small WASMs here, and
  # its install is most of a new machine's first build.
  CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_LTO=off \
    CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_DEBUG=false \
    CARGO_PROFILE_RELEASE_INCREMENTAL=false \
    cargo install --locked stellar-cli --version "$STELLAR_CLI_VERSION" --no-default-features
}

# The first line of `wasm-opt --version` when it is the pinned one: e.g.
# `wasm-opt version 108` (Debian) or `wasm-opt version 108 (version_108)`.
wasm_opt_pinned() {
  case "$(wasm-opt --version 2>/dev/null | head -n1)" in
    "wasm-opt version $WASM_OPT_VERSION" | "wasm-opt version $WASM_OPT_VERSION "*) return 0 ;;
    *) return 1 ;;
  esac
}

ensure_wasm_opt() {
  if wasm_opt_pinned; then
    return
  fi
  if command -v wasm-opt >/dev/null 2>&1; then
    die "$(command -v wasm-opt) is \"$(wasm-opt --version | head -n1)\"; the build is pinned" \
      "to wasm-opt version $WASM_OPT_VERSION (the benchmark's metered costs depend on the" \
      "optimizer's output). Install Debian bookworm's binaryen $WASM_OPT_VERSION or put" \
      "wasm-opt $WASM_OPT_VERSION first on PATH."
  fi
  apt_update
  local candidate
  candidate=$(apt-cache policy binaryen | sed -n 's/^ *Candidate: *//p')
  case "$candidate" in
    "$WASM_OPT_VERSION"-*) ;;
    *) die "wasm-opt missing and Debian offers binaryen ${candidate:-(none)}, not" \
      "$WASM_OPT_VERSION (bookworm's, which the benchmark's numbers were measured with):" \
      "install wasm-opt version $WASM_OPT_VERSION on PATH." ;;
  esac
  log "installing binaryen $candidate (wasm-opt) from Debian"
  apt_install "binaryen=$candidate"
  wasm_opt_pinned || die "binaryen $candidate installed, but wasm-opt is not version $WASM_OPT_VERSION"
}

tarpaulin_installed() {
  cargo tarpaulin --version 2>/dev/null | grep -q "$TARPAULIN_VERSION"
}

ensure_tarpaulin() {
  if tarpaulin_installed; then
    return
  fi
  log "installing cargo-tarpaulin $TARPAULIN_VERSION from crates.io (once per machine)"
  cargo install --locked cargo-tarpaulin --version "$TARPAULIN_VERSION"
}

# On a machine without cargo-tarpaulin, test.sh installs it in the background
# while its first steps compile (both installs and compiles have long
# single-threaded stretches that leave a core idle), in its own process group
# so that an early exit of the script stops it. wait_tarpaulin_install waits
# for it and fails with its log if it failed.
start_tarpaulin_install() {
  if tarpaulin_installed || [ -n "${CALLORA_TARPAULIN_STARTED:-}" ]; then
    return
  fi
  # build.sh, run by test.sh, sees that the install is under way.
  export CALLORA_TARPAULIN_STARTED=1
  mkdir -p target
  TARPAULIN_LOG=target/tarpaulin-install.log
  log "installing cargo-tarpaulin $TARPAULIN_VERSION in the background (log: $TARPAULIN_LOG)"
  setsid -w bash -c '. scripts/tools.sh && ensure_tarpaulin' >"$TARPAULIN_LOG" 2>&1 &
  TARPAULIN_PID=$!
  trap 'kill -- "-$TARPAULIN_PID" 2>/dev/null || true' EXIT
}

wait_tarpaulin_install() {
  if [ -z "${TARPAULIN_PID:-}" ]; then
    return
  fi
  log "waiting for the background cargo-tarpaulin install"
  if ! wait "$TARPAULIN_PID"; then
    cat "$TARPAULIN_LOG" >&2
    die "installing cargo-tarpaulin failed (its log is above)"
  fi
  trap - EXIT
  TARPAULIN_PID=
}

# Node.js: the JS suites run on Node 20 or newer (clients/js declares >= 20;
# @stellar/stellar-sdk 17.2 declares >= 22.12). Machines without Node get
# Debian's nodejs and npm; where the Node on PATH is older than
# NODE_MIN_MAJOR (Debian bookworm's is 18), the official Node binary
# NODE_VERSION is installed from the npm registry's node-linux-<arch>
# package under $NODE_DIR and put first on PATH (npm runs on it too).
NODE_VERSION=22.23.3
NODE_MIN_MAJOR=${NODE_MIN_MAJOR:-20}
NODE_DIR=${NODE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/callora/node-$NODE_VERSION}

ensure_node() {
  if ! command -v npm >/dev/null 2>&1; then
    log "installing Node.js and npm from Debian"
    apt_install nodejs npm
  fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -ge "$NODE_MIN_MAJOR" ]; then
    return
  fi
  local arch
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) die "Node $(node --version) is older than $NODE_MIN_MAJOR and there is no node-linux package for $(uname -m)" ;;
  esac
  local bin="$NODE_DIR/node_modules/node-linux-$arch/bin"
  if ! [ -x "$bin/node" ] || [ "$("$bin/node" --version)" != "v$NODE_VERSION" ]; then
    log "Node $(node --version) is older than $NODE_MIN_MAJOR: installing Node $NODE_VERSION (npm package node-linux-$arch) into $NODE_DIR"
    npm install --prefix "$NODE_DIR" --no-audit --no-fund --loglevel=error \
      "node-linux-$arch@$NODE_VERSION"
  fi
  export PATH="$bin:$PATH"
  log "using Node $(node --version) from $bin"
}

ensure_node_packages() {
  ensure_node
  if ! (cd interop && npm ls --silent >/dev/null 2>&1); then
    log "installing interop Node packages (npm ci)"
    (cd interop && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
