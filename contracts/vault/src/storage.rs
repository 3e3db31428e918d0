//! Vault storage: keys, layout and the small functions that read and write it.
//!
//! | key | storage | value | TTL |
//! |---|---|---|---|
//! | `Config` | instance | [`Config`] (schema 2; [`ConfigV1`] in schema 1) | instance policy (30 d, extended every state change) |
//! | `Balance` | instance | `i128` tracked balance | instance policy |
//! | `PendingAdmin` | instance | `PendingAdmin` | instance policy; expiry checked explicitly |
//! | `SchemaVersion` (OZ `upgradeable`) | instance | `u32` | instance policy |
//! | `Depositor(Address)` | persistent | `bool` (present = allowed) | 30 d, extended on use |
//! | `Metadata(String)` | persistent | `String` | 30 d, extended on use |
//! | `Request(String)` | temporary | `()` | `REQUEST_ID_TTL` (1 d) from processing |
//! | `SpendLimit` | instance | [`SpendLimit`] (absent = unlimited; schema 3) | instance policy |
//! | `SpendWindow` | instance | [`SpendWindow`] (opened by the first deduct under a limit; schema 3) | instance policy |
//!
//! Schema 3 keeps the schema 2 [`Config`] layout unchanged and adds only new
//! keys whose absence means the old behaviour, so code version 2 runs on
//! schema 3 data (an in-place rollback) and code version 3 reads whichever
//! configuration layout is stored, whatever the schema marker says.
use callora_types::{
    ttl::{self, REQUEST_ID_TTL},
    upgrade,
};
use soroban_sdk::{
    contracttype, unwrap::UnwrapOptimized, Address, Env, Map, String, Symbol, TryFromVal, Val,
};

use crate::{errors::VaultError, MAX_BATCH_DEDUCT};

/// Schema version of this layout (stored by the constructor and `migrate`).
///
/// * 1 — code version 1: `ConfigV1`.
/// * 2 — code version 2: [`Config`] gains `max_batch`.
/// * 3 — code version 3: `SpendLimit` / `SpendWindow` keys; [`Config`] unchanged.
pub const SCHEMA_VERSION: u32 = 3;

/// Fields of the schema 2 [`Config`] (one more than [`ConfigV1`]).
const CONFIG_FIELDS: u32 = 10;

#[contracttype]
#[derive(Clone)]
pub enum DataKey {
    Config,
    Balance,
    PendingAdmin,
    Depositor(Address),
    Metadata(String),
    Request(String),
    SpendLimit,
    SpendWindow,
}

/// The owner's cap on deducts: at most `amount` per window of
/// `period_ledgers` ledgers.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct SpendLimit {
    pub amount: i128,
    pub period_ledgers: u32,
}

/// The current spend window: it opened at `start_ledger` (the first deduct
/// after the previous window ended) and `spent` has been deducted in it.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct SpendWindow {
    pub start_ledger: u32,
    pub spent: i128,
}

/// Fixed-size configuration, read by every call.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Config {
    pub owner: Address,
    pub admin: Address,
    pub usdc_token: Address,
    pub authorized_caller: Option<Address>,
    pub min_deposit: i128,
    pub max_deduct: i128,
    pub settlement: Option<Address>,
    pub revenue_pool: Option<Address>,
    pub paused: bool,
    /// Most items the admin allows in one `batch_deduct` (schema 2).
    pub max_batch: u32,
}

/// The configuration as code version 1 stored it (schema 1).
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct ConfigV1 {
    pub owner: Address,
    pub admin: Address,
    pub usdc_token: Address,
    pub authorized_caller: Option<Address>,
    pub min_deposit: i128,
    pub max_deduct: i128,
    pub settlement: Option<Address>,
    pub revenue_pool: Option<Address>,
    pub paused: bool,
}

impl ConfigV1 {
    /// The schema 2 configuration: `max_batch` starts at the maximum.
    pub fn into_latest(self) -> Config {
        Config {
            owner: self.owner,
            admin: self.admin,
            usdc_token: self.usdc_token,
            authorized_caller: self.authorized_caller,
            min_deposit: self.min_deposit,
            max_deduct: self.max_deduct,
            settlement: self.settlement,
            revenue_pool: self.revenue_pool,
            paused: self.paused,
            max_batch: MAX_BATCH_DEDUCT,
        }
    }
}

/// The configuration, whichever layout is stored. The layout is recognised
/// by its field count, not the schema marker: code version 1 running on newer
/// data (an in-place downgrade) writes [`ConfigV1`] without touching the
/// marker, and that must never make the configuration unreadable.
pub fn config(env: &Env) -> Config {
    // Written by the constructor, so always present.
    let raw: Val = env
        .storage()
        .instance()
        .get(&DataKey::Config)
        .unwrap_optimized();
    let fields = Map::<Symbol, Val>::try_from_val(env, &raw)
        .unwrap_optimized()
        .len();
    if fields == CONFIG_FIELDS {
        return Config::try_from_val(env, &raw).unwrap_optimized();
    }
    ConfigV1::try_from_val(env, &raw)
        .unwrap_optimized()
        .into_latest()
}

/// Writes the configuration in the current layout. Refused with
/// [`VaultError::MigrationPending`] while the stored schema is older (between
/// `upgrade` and `migrate`): the operator runs `migrate` first.
pub fn set_config(env: &Env, config: &Config) -> Result<(), VaultError> {
    if upgrade::schema_version(env) < SCHEMA_VERSION {
        return Err(VaultError::MigrationPending);
    }
    write_config(env, config);
    Ok(())
}

/// Writes the configuration without the schema check (constructor, `migrate`).
pub fn write_config(env: &Env, config: &Config) {
    env.storage().instance().set(&DataKey::Config, config);
    ttl::extend_instance(env);
}

pub fn balance(env: &Env) -> i128 {
    env.storage().instance().get(&DataKey::Balance).unwrap_or(0)
}

pub fn set_balance(env: &Env, balance: i128) {
    env.storage().instance().set(&DataKey::Balance, &balance);
    ttl::extend_instance(env);
}

pub fn is_depositor(env: &Env, depositor: &Address) -> bool {
    let key = DataKey::Depositor(depositor.clone());
    let allowed = env.storage().persistent().has(&key);
    if allowed {
        ttl::extend_persistent(env, &key);
    }
    allowed
}

pub fn set_depositor(env: &Env, depositor: &Address, allowed: bool) {
    let key = DataKey::Depositor(depositor.clone());
    if allowed {
        env.storage().persistent().set(&key, &true);
        ttl::extend_persistent(env, &key);
    } else {
        env.storage().persistent().remove(&key);
    }
}

pub fn metadata(env: &Env, offering_id: &String) -> Option<String> {
    let key = DataKey::Metadata(offering_id.clone());
    let value = env.storage().persistent().get(&key);
    if value.is_some() {
        ttl::extend_persistent(env, &key);
    }
    value
}

pub fn set_metadata(env: &Env, offering_id: &String, metadata: &String) {
    let key = DataKey::Metadata(offering_id.clone());
    env.storage().persistent().set(&key, metadata);
    ttl::extend_persistent(env, &key);
}

pub fn is_request_processed(env: &Env, request_id: &String) -> bool {
    env.storage()
        .temporary()
        .has(&DataKey::Request(request_id.clone()))
}

/// Remembers `request_id` for [`REQUEST_ID_TTL`] ledgers.
pub fn record_request(env: &Env, request_id: &String) {
    let key = DataKey::Request(request_id.clone());
    env.storage().temporary().set(&key, &());
    env.storage()
        .temporary()
        .extend_ttl(&key, REQUEST_ID_TTL, REQUEST_ID_TTL);
}

pub fn spend_limit(env: &Env) -> Option<SpendLimit> {
    env.storage().instance().get(&DataKey::SpendLimit)
}

pub fn spend_window(env: &Env) -> Option<SpendWindow> {
    env.storage().instance().get(&DataKey::SpendWindow)
}

pub fn set_spend_window(env: &Env, window: &SpendWindow) {
    env.storage().instance().set(&DataKey::SpendWindow, window);
}

/// Sets (or removes) the limit. A window still open under the old limit is
/// kept with what was spent in it (a lowered limit applies at once); one
/// that has ended is dropped, so the next window opens at the next deduct.
pub fn set_spend_limit(env: &Env, limit: &Option<SpendLimit>) {
    let storage = env.storage().instance();
    match limit {
        Some(limit) => {
            if let (Some(old), Some(window)) = (spend_limit(env), spend_window(env)) {
                if env.ledger().sequence() - window.start_ledger >= old.period_ledgers {
                    storage.remove(&DataKey::SpendWindow);
                }
            }
            storage.set(&DataKey::SpendLimit, limit);
        }
        None => {
            storage.remove(&DataKey::SpendLimit);
            storage.remove(&DataKey::SpendWindow);
        }
    }
    ttl::extend_instance(env);
}
