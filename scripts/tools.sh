# Sourced by the other scripts: installs what the build needs when missing,
# detecting existing installs first so a second run installs nothing.
# Prerequisite not installed here: Rust via rustup (the pinned toolchain in
# rust-toolchain.toml is fetched by rustup on first use).

STELLAR_CLI_VERSION=28.1.0
TARPAULIN_VERSION=0.37.5

log() { printf '==> %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  if [ -z "${APT_UPDATED:-}" ]; then
    as_root apt-get update -qq
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32v1-none; then
    log "installing Rust target wasm32v1-none"
    rustup target add wasm32v1-none
  fi
}

ensure_stellar() {
  if command -v stellar >/dev/null 2>&1 &&
    stellar --version | grep -q "stellar $STELLAR_CLI_VERSION"; then
    return
  fi
  log "installing stellar-cli $STELLAR_CLI_VERSION from crates.io (once per machine)"
  # A lighter release profile for this one install: the CLI only builds and
  # inspects WASMs here, so whole-program optimisation buys nothing.
  CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_LTO=off \
    CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_DEBUG=false \
    CARGO_PROFILE_RELEASE_INCREMENTAL=false \
    cargo install --locked stellar-cli --version "$STELLAR_CLI_VERSION" --no-default-features
}

ensure_wasm_opt() {
  if command -v wasm-opt >/dev/null 2>&1; then
    return
  fi
  log "installing binaryen (wasm-opt) from Debian"
  apt_install binaryen
}

ensure_tarpaulin() {
  if cargo tarpaulin --version 2>/dev/null | grep -q "$TARPAULIN_VERSION"; then
    return
  fi
  log "installing cargo-tarpaulin $TARPAULIN_VERSION from crates.io (once per machine)"
  cargo install --locked cargo-tarpaulin --version "$TARPAULIN_VERSION"
}

ensure_node_packages() {
  if ! command -v npm >/dev/null 2>&1; then
    log "installing Node.js and npm from Debian"
    apt_install nodejs npm
  fi
  if ! (cd interop && npm ls --silent >/dev/null 2>&1); then
    log "installing interop Node packages (npm ci)"
    (cd interop && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
