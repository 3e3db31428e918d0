use soroban_sdk::contracterror;

/// Every way a vault call can fail. Codes 100–199 (see `callora_types::errors`).
#[contracterror]
#[derive(Copy, Clone, Debug, Eq, PartialEq, PartialOrd, Ord)]
#[repr(u32)]
pub enum VaultError {
    /// An amount is zero or negative (or a negative `initial_balance`).
    InvalidAmount = 100,
    /// A deposit is below `min_deposit`.
    BelowMinDeposit = 101,
    /// A deduct exceeds `max_deduct`.
    ExceedsMaxDeduct = 102,
    /// A deduct or withdrawal exceeds the tracked balance.
    InsufficientBalance = 103,
    /// The caller is not the vault owner.
    NotOwner = 104,
    /// The depositor is neither the owner nor an allowed depositor.
    NotDepositor = 105,
    /// The caller is not the authorized caller (or none is set).
    NotAuthorizedCaller = 106,
    /// The request id was already processed (idempotent retry).
    DuplicateRequest = 107,
    /// The request id is empty or longer than `MAX_REQUEST_ID_LEN`.
    InvalidRequestId = 108,
    /// Neither a settlement nor a revenue pool is configured.
    NoDestination = 109,
    /// Deposits are paused.
    Paused = 110,
    /// A batch is empty or longer than `MAX_BATCH_DEDUCT`.
    InvalidBatchSize = 111,
    /// `initial_balance` exceeds the USDC the vault's address holds.
    InitialBalanceNotCovered = 112,
    /// `min_deposit` or `max_deduct` is not positive, or `max_batch` is
    /// outside 1..=`MAX_BATCH_DEDUCT`.
    InvalidConfig = 113,
    /// A withdrawal, sweep, destination or credited developer equal to the
    /// vault itself.
    InvalidRecipient = 114,
    /// An offering id or metadata string is empty or too long.
    InvalidMetadata = 115,
    /// An accumulated amount overflowed i128.
    Overflow = 116,
    /// `pause` while paused.
    AlreadyPaused = 117,
    /// `unpause` while not paused.
    NotPaused = 118,
    /// The settlement accounts in a different token than this vault, or the
    /// address is not a settlement at all.
    TokenMismatch = 119,
    /// A request's `valid_until_ledger` has passed: it can no longer be
    /// charged (and a retry of it never will be).
    RequestExpired = 120,
    /// `valid_until_ledger` lies more than `MAX_REQUEST_VALIDITY` ledgers
    /// ahead (further than its request id would be kept).
    ValidityTooLong = 121,
    /// The deduct would exceed the owner's spend limit for the current window.
    SpendLimitExceeded = 122,
    /// A spend limit with a non-positive amount or a period outside
    /// 1..=`MAX_SPEND_PERIOD` ledgers.
    InvalidSpendLimit = 123,
    /// The owner named as admin (constructor or handover): the admin is the
    /// operator, who chooses where deducts go.
    AdminIsOwner = 124,
    /// A batch credits more than `MAX_BATCH_DEVELOPERS` distinct developers.
    TooManyDevelopers = 125,
    /// `sweep` with no untracked USDC in the vault.
    NothingToSweep = 126,
    /// A `batch_deduct`'s columns disagree: `amounts` or `developer_index`
    /// not as long as `request_ids`, an index past `developers`, a developer
    /// listed twice or never charged.
    InvalidBatch = 127,
    /// The caller is not the admin.
    NotAdmin = 150,
    /// `accept_admin` (or a cancellation) with no proposal open.
    NoPendingAdmin = 151,
    /// The admin proposal expired.
    PendingAdminExpired = 152,
    /// `accept_admin` by an address other than the proposed admin.
    NotPendingAdmin = 153,
    /// `live_until_ledger` is in the past or more than 30 days ahead.
    InvalidExpiry = 154,
    /// `migrate` when the stored schema is already current.
    AlreadyMigrated = 155,
    /// A configuration change between `upgrade` and `migrate`: run `migrate`
    /// first.
    MigrationPending = 156,
}

callora_types::handover_errors!(VaultError);
