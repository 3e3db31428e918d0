//! Shared building blocks of the Callora contracts.
//!
//! No contract crate depends on another contract crate: what they share lives
//! here, once.
//!
//! * [`ttl`] — the TTL policy (threshold / extend-to pairs) and the helpers that
//!   apply it.
//! * [`admin`] — the two-step admin handover (propose, accept before expiry).
//! * [`errors`] — the table of disjoint error-code ranges (checked against the
//!   built WASMs' specs by `callora-spec`'s tests).
//! * [`limits`] — every size and time limit of the contracts, defined once.
//! * [`events`] — the events all three contracts share (admin handover,
//!   upgrade, migration).
//! * [`types`] — contract types that cross contract boundaries.
//! * [`clients`] — the client traits the vault uses to call other contracts.
//! * [`upgrade`] — in-place upgrade and once-per-version migration.
//!
//! Without the default `sdk` feature only the plain constants remain
//! ([`CODE_VERSION`], [`CONTRACTS`], [`errors`], [`limits`]), for the tooling.
#![no_std]

#[cfg(feature = "sdk")]
pub mod admin;
#[cfg(feature = "sdk")]
pub mod clients;
pub mod errors;
#[cfg(feature = "sdk")]
pub mod events;
pub mod limits;
#[cfg(feature = "sdk")]
pub mod ttl;
#[cfg(feature = "sdk")]
pub mod types;
#[cfg(feature = "sdk")]
pub mod upgrade;

/// Code version of all three contracts (`version()`); bump it (and freeze the
/// released WASMs) whenever a function signature, event shape or storage
/// layout changes.
pub const CODE_VERSION: u32 = 3;

/// The deployable contracts, as their WASM file names
/// (`artifacts/<name>.wasm`); each one's crate is the name with `-` for `_`.
/// The scripts keep the same list once, in `scripts/tools.sh`; the JS
/// packages read it from `docs/interfaces/index.json` (written by
/// `callora-spec docs`).
pub const CONTRACTS: [&str; 3] = [VAULT, REVENUE_POOL, SETTLEMENT];
/// The vault's WASM name.
pub const VAULT: &str = "callora_vault";
/// The revenue pool's WASM name.
pub const REVENUE_POOL: &str = "callora_revenue_pool";
/// The settlement's WASM name.
pub const SETTLEMENT: &str = "callora_settlement";

/// An `Env` like `Env::default()` (mainnet resource limits enforced) that
/// does not write `test_snapshots/` files.
#[cfg(any(test, feature = "testutils"))]
pub fn test_env() -> soroban_sdk::Env {
    soroban_sdk::Env::new_with_config(soroban_sdk::testutils::EnvTestConfig {
        capture_snapshot_at_drop: false,
    })
}

#[cfg(all(test, feature = "sdk"))]
mod test;
