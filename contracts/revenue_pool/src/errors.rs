use soroban_sdk::contracterror;

/// Every way a revenue-pool call can fail. Codes 200–299 (see
/// `callora_types::errors`).
#[contracterror]
#[derive(Copy, Clone, Debug, Eq, PartialEq, PartialOrd, Ord)]
#[repr(u32)]
pub enum RevenuePoolError {
    /// An amount is zero or negative.
    InvalidAmount = 200,
    /// A payout exceeds the USDC the pool holds.
    InsufficientBalance = 201,
    /// A batch is empty or longer than `MAX_BATCH_DISTRIBUTE`.
    InvalidBatchSize = 202,
    /// A payout to the pool itself.
    InvalidRecipient = 203,
    /// A batch total overflowed i128.
    Overflow = 204,
    /// The caller is not the admin.
    NotAdmin = 250,
    /// `accept_admin` (or a cancellation) with no proposal open.
    NoPendingAdmin = 251,
    /// The admin proposal expired.
    PendingAdminExpired = 252,
    /// `accept_admin` by an address other than the proposed admin.
    NotPendingAdmin = 253,
    /// `live_until_ledger` is in the past or more than 30 days ahead.
    InvalidExpiry = 254,
    /// `migrate` when the stored schema is already current.
    AlreadyMigrated = 255,
}

callora_types::handover_errors!(RevenuePoolError);
