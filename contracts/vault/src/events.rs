//! Vault events. Topic 0 is the event name; data is a map with every field
//! present. Shared events (`admin_proposed`, `admin_accepted`, `upgraded`,
//! `migrated`) come from `callora_types::events`.
use soroban_sdk::{contractevent, Address, String, Vec};

use crate::storage::SpendLimit;

/// The vault was constructed for `owner`, administered by `admin` (code
/// version 3), with `balance` already held (redeploy-migration).
#[contractevent(topics = ["vault_initialized"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct VaultInitialized {
    #[topic]
    pub owner: Address,
    pub admin: Address,
    pub usdc_token: Address,
    pub balance: i128,
}

/// `from` deposited `amount`; `balance` is the tracked balance after.
#[contractevent(topics = ["deposit"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Deposit {
    #[topic]
    pub from: Address,
    pub amount: i128,
    pub balance: i128,
}

/// The owner withdrew `amount` to `to`; `balance` is the tracked balance after.
#[contractevent(topics = ["withdraw"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Withdraw {
    #[topic]
    pub to: Address,
    pub amount: i128,
    pub balance: i128,
}

/// One metered `deduct` (code version 3; batches emit `batch_deduct`).
/// `developer` is the credited developer (`None` = the pool); `balance` is
/// the tracked balance after.
#[contractevent(topics = ["deduct"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Deduct {
    pub request_id: String,
    pub amount: i128,
    pub developer: Option<Address>,
    pub balance: i128,
}

/// One `batch_deduct` (code version 3; replaces the per-item `deduct`
/// events of earlier versions). `request_id` is the batch's id (its
/// idempotency key). Call `i` charged `amounts[i]` for `request_ids[i]`,
/// crediting `developers[developer_index[i]]` (`None` = the settlement's
/// pool); `developers` lists each credited destination once, as the backend
/// sent them. `total` is the sum of `amounts`; `balance` is the tracked
/// balance after the batch.
#[contractevent(topics = ["batch_deduct"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct BatchDeduct {
    pub request_id: String,
    pub request_ids: Vec<String>,
    pub amounts: Vec<i128>,
    pub developer_index: Vec<u32>,
    pub developers: Vec<Option<Address>>,
    pub total: i128,
    pub balance: i128,
}

/// The owner set (`Some`) or removed (`None`) the spend limit.
#[contractevent(topics = ["spend_limit_set"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct SpendLimitSet {
    pub limit: Option<SpendLimit>,
}

/// The owner swept `amount` untracked USDC (sent to the vault outside
/// `deposit`) to `to`.
#[contractevent(topics = ["swept"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Swept {
    #[topic]
    pub to: Address,
    pub amount: i128,
}

/// The owner allowed (or disallowed) `depositor`.
#[contractevent(topics = ["depositor_set"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct DepositorSet {
    #[topic]
    pub depositor: Address,
    pub allowed: bool,
}

/// The authorized caller (backend) changed.
#[contractevent(topics = ["authorized_caller_set"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct AuthorizedCallerSet {
    pub authorized_caller: Option<Address>,
}

/// `min_deposit` changed.
#[contractevent(topics = ["min_deposit_set"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct MinDepositSet {
    pub min_deposit: i128,
}

/// `max_deduct` changed.
#[contractevent(topics = ["max_deduct_set"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct MaxDeductSet {
    pub max_deduct: i128,
}

/// `max_batch` changed.
#[contractevent(topics = ["max_batch_set"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct MaxBatchSet {
    pub max_batch: u32,
}

/// The settlement destination changed (`None` = cleared).
#[contractevent(topics = ["settlement_set"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct SettlementSet {
    pub settlement: Option<Address>,
}

/// The revenue-pool destination changed (`None` = cleared).
#[contractevent(topics = ["revenue_pool_set"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct RevenuePoolSet {
    pub revenue_pool: Option<Address>,
}

/// Offering metadata was set.
#[contractevent(topics = ["metadata_set"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct MetadataSet {
    pub offering_id: String,
    pub metadata: String,
}

/// Deposits were paused by `admin`.
#[contractevent(topics = ["paused"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Paused {
    pub admin: Address,
}

/// Deposits were resumed by `admin`.
#[contractevent(topics = ["unpaused"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Unpaused {
    pub admin: Address,
}
