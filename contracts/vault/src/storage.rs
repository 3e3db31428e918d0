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
use callora_types::{
    ttl::{self, REQUEST_ID_TTL},
    upgrade,
};
use soroban_sdk::{contracttype, unwrap::UnwrapOptimized, Address, Env, String};

use crate::{errors::VaultError, MAX_BATCH_DEDUCT};

/// Schema version of this layout (stored by the constructor and `migrate`).
///
/// * 1 — code version 1: [`ConfigV1`].
/// * 2 — code version 2: [`Config`] gains `max_batch`.
pub const SCHEMA_VERSION: u32 = 2;

#[contracttype]
#[derive(Clone)]
pub enum DataKey {
    Config,
    Balance,
    PendingAdmin,
    Depositor(Address),
    Metadata(String),
    Request(String),
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

/// The configuration, whichever schema it is stored in: after an in-place
/// upgrade from code version 1 and before `migrate`, the stored layout is
/// still [`ConfigV1`].
pub fn config(env: &Env) -> Config {
    // Written by the constructor, so always present.
    let storage = env.storage().instance();
    if upgrade::schema_version(env) < SCHEMA_VERSION {
        let v1: ConfigV1 = storage.get(&DataKey::Config).unwrap_optimized();
        return v1.into_latest();
    }
    storage.get(&DataKey::Config).unwrap_optimized()
}

/// Writes the configuration in the current layout. Refused with
/// `MigrationPending` while the stored layout is older (between `upgrade`
/// and `migrate`), so the two layouts are never mixed.
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
