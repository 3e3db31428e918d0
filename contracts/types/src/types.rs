//! Contract types shared across contract boundaries.
use soroban_sdk::{contracttype, Address};

/// One payment in a `batch_distribute` (revenue pool) or an `import_balances`
/// (settlement) call.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Payment {
    pub to: Address,
    pub amount: i128,
}

/// A developer and the balance the settlement holds for them.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct DeveloperBalance {
    pub developer: Address,
    pub balance: i128,
}

/// An admin handover in progress: `address` may accept until (and including)
/// ledger `live_until_ledger`.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct PendingAdmin {
    pub address: Address,
    pub live_until_ledger: u32,
}

/// The settlement's global pool: USDC paid in without a developer, which the
/// admin distributes.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct GlobalPool {
    pub total_balance: i128,
    /// Ledger timestamp (seconds) of the last change.
    pub last_updated: u64,
}
