//! Shared building blocks of the Callora contracts.
//!
//! No contract crate depends on another contract crate: what they share lives
//! here, once.
//!
//! * [`ttl`] — the TTL policy (threshold / extend-to pairs) and the helpers that
//!   apply it.
//! * [`admin`] — the two-step admin handover (propose, accept before expiry).
//! * [`errors`] — the table of disjoint error-code ranges.
//! * [`events`] — the events all three contracts share (admin handover,
//!   upgrade, migration).
//! * [`types`] — contract types that cross contract boundaries.
//! * [`clients`] — the client traits the vault uses to call other contracts.
//! * [`upgrade`] — in-place upgrade and once-per-version migration.
#![no_std]

pub mod admin;
pub mod clients;
pub mod errors;
pub mod events;
pub mod ttl;
pub mod types;
pub mod upgrade;

/// Code version of all three contracts (`version()`); bump it (and freeze the
/// released WASMs) whenever a function signature, event shape or storage
/// layout changes.
pub const CODE_VERSION: u32 = 3;

/// An `Env` like `Env::default()` (mainnet resource limits enforced) that
/// does not write `test_snapshots/` files.
#[cfg(any(test, feature = "testutils"))]
pub fn test_env() -> soroban_sdk::Env {
    soroban_sdk::Env::new_with_config(soroban_sdk::testutils::EnvTestConfig {
        capture_snapshot_at_drop: false,
    })
}

#[cfg(test)]
mod test;
