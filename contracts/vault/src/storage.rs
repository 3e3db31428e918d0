//! Vault storage: keys, layout and the small functions that read and write it.
//!
//! | key | storage | value | TTL |
//! |---|---|---|---|
//! | `Config` | instance | [`Config`] | instance policy (30 d, extended every state change) |
//! | `Balance` | instance | `i128` tracked balance | instance policy |
//! | `PendingAdmin` | instance | `PendingAdmin` | instance policy; expiry checked explicitly |
//! | `SchemaVersion` (OZ `upgradeable`) | instance | `u32` | instance policy |
//! | `Depositor(Address)` | persistent | `bool` (present = allowed) | 30 d, extended on use |
//! | `Metadata(String)` | persistent | `String` | 30 d, extended on use |
//! | `Request(String)` | temporary | `()` | `REQUEST_ID_TTL` (7 d) from processing |
use callora_types::ttl::{self, REQUEST_ID_TTL};
use soroban_sdk::{contracttype, unwrap::UnwrapOptimized, Address, Env, String};

/// Schema version of this layout (stored by the constructor and `migrate`).
pub const SCHEMA_VERSION: u32 = 1;

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
}

pub fn config(env: &Env) -> Config {
    // Written by the constructor, so always present.
    env.storage()
        .instance()
        .get(&DataKey::Config)
        .unwrap_optimized()
}

pub fn set_config(env: &Env, config: &Config) {
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
