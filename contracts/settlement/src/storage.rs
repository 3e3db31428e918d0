//! Settlement storage: keys, layout and the functions that read and write it.
//!
//! | key | storage | value | TTL |
//! |---|---|---|---|
//! | `Config` | instance | [`Config`] (admin, USDC token) | instance policy (30 d) |
//! | `Pool` | instance | `GlobalPool` | instance policy |
//! | `DeveloperTotal` | instance | `i128` sum of developer balances | instance policy |
//! | `DeveloperCount` | instance | `u32` developers ever credited | instance policy |
//! | `PendingAdmin` | instance | `PendingAdmin` | instance policy; expiry checked explicitly |
//! | `SchemaVersion` (OZ `upgradeable`) | instance | `u32` | instance policy |
//! | `Successor` | instance | `Address` (present = retired; code version 2) | instance policy |
//! | `Vault(Address)` | persistent | `bool` (present = registered) | 30 d, extended on use |
//! | `Developer(Address)` | persistent | `i128` balance | 30 d, extended on use |
//! | `DeveloperAt(u32)` | persistent | `Address` (pagination index) | 30 d, extended with the developer's balance |
//! | `DeveloperIndex(Address)` | persistent | `u32` (the developer's `DeveloperAt` index; schema 2) | 30 d, extended with the balance |
//! | `Predecessor` | instance | `Address` (the settlement this one takes over from; schema 2) | instance policy |
//! | `ImportCursor` | instance | `u32` next predecessor index to import (schema 2) | instance policy |
//! | `PoolImported` | instance | `bool` (the predecessor's pool was booked; schema 2) | instance policy |
//!
//! Schema 2 only adds keys; code version 2 runs on it unchanged.
//!
//! Nothing grows in instance storage: each developer and vault has its own
//! entry, so a payment costs the same with 1 or 10,000 developers.
use callora_types::ttl;
pub use callora_types::types::GlobalPool;
use soroban_sdk::{contracttype, unwrap::UnwrapOptimized, Address, Env};

/// Schema version of this layout.
///
/// * 1 — code versions 1 and 2.
/// * 2 — code version 3: `DeveloperIndex`, `Predecessor`, `ImportCursor`,
///   `PoolImported` keys.
pub const SCHEMA_VERSION: u32 = 2;

#[contracttype]
#[derive(Clone)]
pub enum DataKey {
    Config,
    Pool,
    DeveloperTotal,
    DeveloperCount,
    PendingAdmin,
    Successor,
    Vault(Address),
    Developer(Address),
    DeveloperAt(u32),
    DeveloperIndex(Address),
    Predecessor,
    ImportCursor,
    PoolImported,
}

#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Config {
    pub admin: Address,
    pub usdc_token: Address,
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

pub fn pool(env: &Env) -> GlobalPool {
    env.storage()
        .instance()
        .get(&DataKey::Pool)
        .unwrap_or(GlobalPool {
            total_balance: 0,
            last_updated: 0,
        })
}

pub fn set_pool_total(env: &Env, total_balance: i128) {
    let pool = GlobalPool {
        total_balance,
        last_updated: env.ledger().timestamp(),
    };
    env.storage().instance().set(&DataKey::Pool, &pool);
    ttl::extend_instance(env);
}

pub fn developer_total(env: &Env) -> i128 {
    env.storage()
        .instance()
        .get(&DataKey::DeveloperTotal)
        .unwrap_or(0)
}

pub fn set_developer_total(env: &Env, total: i128) {
    env.storage()
        .instance()
        .set(&DataKey::DeveloperTotal, &total);
    ttl::extend_instance(env);
}

pub fn developer_count(env: &Env) -> u32 {
    env.storage()
        .instance()
        .get(&DataKey::DeveloperCount)
        .unwrap_or(0)
}

pub fn is_vault(env: &Env, vault: &Address) -> bool {
    let key = DataKey::Vault(vault.clone());
    let registered = env.storage().persistent().has(&key);
    if registered {
        ttl::extend_persistent(env, &key);
    }
    registered
}

pub fn set_vault(env: &Env, vault: &Address, allowed: bool) {
    let key = DataKey::Vault(vault.clone());
    if allowed {
        env.storage().persistent().set(&key, &true);
        ttl::extend_persistent(env, &key);
    } else {
        env.storage().persistent().remove(&key);
    }
}

/// The developer's balance, or `None` if never credited.
pub fn developer_balance(env: &Env, developer: &Address) -> Option<i128> {
    let key = DataKey::Developer(developer.clone());
    let balance = env.storage().persistent().get(&key);
    if balance.is_some() {
        ttl::extend_persistent(env, &key);
    }
    balance
}

/// Writes a balance and keeps the developer's pagination entry alive with
/// it; a developer seen for the first time (`known == false`) is appended to
/// the pagination index.
pub fn set_developer_balance(env: &Env, developer: &Address, balance: i128, known: bool) {
    let persistent = env.storage().persistent();
    let key = DataKey::Developer(developer.clone());
    persistent.set(&key, &balance);
    ttl::extend_persistent(env, &key);
    let index_key = DataKey::DeveloperIndex(developer.clone());
    if known {
        // Developers first credited before schema 2 have no index entry
        // until `extend_index` records it.
        if let Some(index) = persistent.get::<_, u32>(&index_key) {
            ttl::extend_persistent(env, &index_key);
            ttl::extend_persistent(env, &DataKey::DeveloperAt(index));
        }
        return;
    }
    let index = developer_count(env);
    let at = DataKey::DeveloperAt(index);
    persistent.set(&at, developer);
    ttl::extend_persistent(env, &at);
    persistent.set(&index_key, &index);
    ttl::extend_persistent(env, &index_key);
    env.storage()
        .instance()
        .set(&DataKey::DeveloperCount, &(index + 1));
}

/// Records `developer`'s index (if missing) and extends both pagination
/// entries; returns whether the index entry was new.
pub fn keep_index(env: &Env, index: u32, developer: &Address) -> bool {
    let persistent = env.storage().persistent();
    let index_key = DataKey::DeveloperIndex(developer.clone());
    let new = !persistent.has(&index_key);
    if new {
        persistent.set(&index_key, &index);
    }
    ttl::extend_persistent(env, &index_key);
    ttl::extend_persistent(env, &DataKey::DeveloperAt(index));
    new
}

pub fn developer_at(env: &Env, index: u32) -> Address {
    // Indices below the count are always written.
    let at = DataKey::DeveloperAt(index);
    let developer = env.storage().persistent().get(&at).unwrap_optimized();
    ttl::extend_persistent(env, &at);
    developer
}

/// The successor this settlement was retired in favour of, if any.
pub fn successor(env: &Env) -> Option<Address> {
    env.storage().instance().get(&DataKey::Successor)
}

pub fn set_successor(env: &Env, successor: &Address) {
    env.storage().instance().set(&DataKey::Successor, successor);
    ttl::extend_instance(env);
}

pub fn predecessor(env: &Env) -> Option<Address> {
    env.storage().instance().get(&DataKey::Predecessor)
}

pub fn set_predecessor(env: &Env, predecessor: &Address) {
    env.storage()
        .instance()
        .set(&DataKey::Predecessor, predecessor);
    ttl::extend_instance(env);
}

/// The next predecessor index `import_balances` reads.
pub fn import_cursor(env: &Env) -> u32 {
    env.storage()
        .instance()
        .get(&DataKey::ImportCursor)
        .unwrap_or(0)
}

pub fn set_import_cursor(env: &Env, cursor: u32) {
    env.storage()
        .instance()
        .set(&DataKey::ImportCursor, &cursor);
}

pub fn pool_imported(env: &Env) -> bool {
    env.storage().instance().has(&DataKey::PoolImported)
}

pub fn set_pool_imported(env: &Env) {
    env.storage().instance().set(&DataKey::PoolImported, &true);
}
