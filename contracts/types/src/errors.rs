//! Error-code ranges.
//!
//! Each contract has its own `#[contracterror]` enum; their codes never
//! overlap, so an `Error(Contract, #N)` seen anywhere (including one that
//! propagated out of a cross-contract call) names its contract by range alone.
//!
//! | range | contract | enum |
//! |---|---|---|
//! | 100–199 | `callora-vault` | `VaultError` |
//! | 200–299 | `callora-revenue-pool` | `RevenuePoolError` |
//! | 300–399 | `callora-settlement` | `SettlementError` |
//!
//! Codes used by the shared admin handover (`crate::admin`) sit at the same
//! offset in every range (`base + 50 ..`), so `NotAdmin` is 150, 250
//! and 350.
//!
//! `callora-spec`'s tests read [`RANGES`] and [`ADMIN_OFFSET`] and check them
//! against the error enums of the built WASMs' specs: every code inside its
//! contract's range, no two ranges overlapping, `NotAdmin` at
//! `base + ADMIN_OFFSET`.

/// First code of the vault's range.
pub const VAULT_BASE: u32 = 100;
/// First code of the revenue pool's range.
pub const REVENUE_POOL_BASE: u32 = 200;
/// First code of the settlement's range.
pub const SETTLEMENT_BASE: u32 = 300;
/// Offset of the shared admin-handover and upgrade codes inside each range.
pub const ADMIN_OFFSET: u32 = 50;
/// Codes in each range (`base ..base + RANGE_LEN`).
pub const RANGE_LEN: u32 = 100;

/// Each deployable contract's first code, by WASM name ([`crate::CONTRACTS`]).
pub const RANGES: [(&str, u32); 3] = [
    (crate::VAULT, VAULT_BASE),
    (crate::REVENUE_POOL, REVENUE_POOL_BASE),
    (crate::SETTLEMENT, SETTLEMENT_BASE),
];
