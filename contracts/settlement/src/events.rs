//! Settlement events. Topic 0 is the event name; data is a map with every
//! field present. Shared events come from `callora_types::events`.
use callora_types::types::DeveloperBalance;
use soroban_sdk::{contractevent, Address, Vec};

/// The settlement was constructed (code version 3).
#[contractevent(topics = ["settlement_initialized"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct SettlementInitialized {
    #[topic]
    pub admin: Address,
    pub usdc_token: Address,
}

/// The admin named `predecessor`, the settlement this one takes over from
/// (redeploy-migration): `predecessor` may now retire in its favour.
#[contractevent(topics = ["predecessor_set"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct PredecessorSet {
    #[topic]
    pub predecessor: Address,
}

/// The admin booked `amount` of untracked USDC (sent to the settlement
/// outside its calls) into the global pool; `total_balance` is the pool after.
#[contractevent(topics = ["untracked_booked"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct UntrackedBooked {
    pub amount: i128,
    pub total_balance: i128,
}

/// A vault was registered (`allowed`) or deregistered.
#[contractevent(topics = ["vault_set"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct VaultSet {
    #[topic]
    pub vault: Address,
    pub allowed: bool,
}

/// `vault` paid `amount` into the global pool; `total_balance` is the pool after.
#[contractevent(topics = ["pool_credited"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct PoolCredited {
    #[topic]
    pub vault: Address,
    pub amount: i128,
    pub total_balance: i128,
}

/// `vault` paid `amount` to `developer`; `balance` is the developer's after.
///
/// Code version 2 moved `vault` from topic 2 to the data map (a breaking
/// change for indexers, recorded in `docs/schema-diff/v1-to-v2.txt`): the
/// topics are frozen as `[developer_credited, developer]`, so one 2-slot
/// filter follows a developer across every vault.
#[contractevent(topics = ["developer_credited"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct DeveloperCredited {
    #[topic]
    pub developer: Address,
    pub vault: Address,
    pub amount: i128,
    pub balance: i128,
}

/// `developer` withdrew `amount` USDC; `balance` is what remains credited.
#[contractevent(topics = ["developer_withdrawal"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct DeveloperWithdrawal {
    #[topic]
    pub developer: Address,
    pub amount: i128,
    pub balance: i128,
}

/// The admin paid `amount` from the global pool to `to`.
#[contractevent(topics = ["pool_distributed"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct PoolDistributed {
    #[topic]
    pub to: Address,
    pub amount: i128,
    pub total_balance: i128,
}

/// A page of the predecessor's balances was imported (redeploy-migration):
/// each of `balances` was added to its developer, `developers` of them,
/// totalling `developer_amount`, and `pool_amount` to the pool (the
/// predecessor's pool, booked with the first page, plus any entry credited
/// to an address that cannot withdraw here). `next_index` is the
/// predecessor index the next import starts at. Code version 3 added
/// `predecessor`, `balances` and `next_index`.
#[contractevent(topics = ["balances_imported"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct BalancesImported {
    pub predecessor: Address,
    pub balances: Vec<DeveloperBalance>,
    pub developers: u32,
    pub developer_amount: i128,
    pub pool_amount: i128,
    pub next_index: u32,
}

/// The admin retired this settlement (redeploy-migration): all `amount` USDC
/// it held moved to `successor`, which had named this settlement as its
/// predecessor. Balances stay readable for the successor's import. Monitors
/// alert on it like on `upgraded`.
#[contractevent(topics = ["retired"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Retired {
    #[topic]
    pub successor: Address,
    pub amount: i128,
}
