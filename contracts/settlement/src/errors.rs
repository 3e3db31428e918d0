use soroban_sdk::contracterror;

/// Every way a settlement call can fail. Codes 300–399 (see
/// `callora_types::errors`).
#[contracterror]
#[derive(Copy, Clone, Debug, Eq, PartialEq, PartialOrd, Ord)]
#[repr(u32)]
pub enum SettlementError {
    /// An amount is zero or negative.
    InvalidAmount = 300,
    /// The caller is not a registered vault.
    NotVault = 301,
    /// A withdrawal exceeds the developer's balance.
    InsufficientBalance = 302,
    /// `to_pool` and `developer` disagree (pool payment naming a developer,
    /// or a developer payment naming none).
    InvalidPayment = 303,
    /// A batch or import is empty or longer than its maximum.
    InvalidBatchSize = 304,
    /// A page `limit` of 0 or above `MAX_PAGE_SIZE`.
    InvalidLimit = 305,
    /// An import is not covered by USDC the contract holds.
    ImportNotBacked = 306,
    /// An accumulated amount overflowed i128.
    Overflow = 307,
    /// A pool distribution exceeds the global pool.
    InsufficientPool = 308,
    /// A payout, registration, predecessor or successor naming the
    /// settlement itself, or a credit to the settlement or a registered vault
    /// (neither could ever withdraw it).
    InvalidRecipient = 309,
    /// The settlement was retired (its funds moved to a successor).
    Retired = 310,
    /// The predecessor or successor accounts in a different token, or is not
    /// a settlement.
    TokenMismatch = 311,
    /// `retire` to an address that has not named this settlement as its
    /// predecessor (or is not a settlement on the same token).
    SuccessorNotAccepted = 312,
    /// `import_balances` with no predecessor set.
    NoPredecessor = 313,
    /// `set_predecessor` when one is already set.
    PredecessorAlreadySet = 314,
    /// `import_balances` before the predecessor retired in favour of this
    /// settlement (its balances could still change).
    PredecessorNotRetired = 315,
    /// `retire` or `book_untracked` while the predecessor's balances are not
    /// all imported (its USDC would be booked twice or lost).
    ImportPending = 316,
    /// `book_untracked` with no untracked USDC.
    NothingToBook = 317,
    /// The caller is not the admin.
    NotAdmin = 350,
    /// `accept_admin` (or a cancellation) with no proposal open.
    NoPendingAdmin = 351,
    /// The admin proposal expired.
    PendingAdminExpired = 352,
    /// `accept_admin` by an address other than the proposed admin.
    NotPendingAdmin = 353,
    /// `live_until_ledger` is in the past or more than 30 days ahead.
    InvalidExpiry = 354,
    /// `migrate` when the stored schema is already current.
    AlreadyMigrated = 355,
}

callora_types::handover_errors!(SettlementError);
