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
//! Codes used by the shared admin handover ([`crate::admin`]) sit at the same
//! offset in every range (`base + 50 ..`), so `NotAdmin` is 150, 250
//! and 350.

/// First code of the vault's range.
pub const VAULT_BASE: u32 = 100;
/// First code of the revenue pool's range.
pub const REVENUE_POOL_BASE: u32 = 200;
/// First code of the settlement's range.
pub const SETTLEMENT_BASE: u32 = 300;
/// Offset of the shared admin-handover and upgrade codes inside each range.
pub const ADMIN_OFFSET: u32 = 50;
