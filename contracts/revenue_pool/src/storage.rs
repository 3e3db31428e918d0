//! Revenue-pool storage.
//!
//! | key | storage | value | TTL |
//! |---|---|---|---|
//! | `Config` | instance | [`Config`] (admin, USDC token) | instance policy (30 d) |
//! | `PendingAdmin` | instance | `PendingAdmin` | instance policy; expiry checked explicitly |
//! | `SchemaVersion` (OZ `upgradeable`) | instance | `u32` | instance policy |
//!
//! The pool's balance is the USDC it holds (read from the token), so there is
//! no tracked balance to drift.
use callora_types::ttl;
use soroban_sdk::{contracttype, unwrap::UnwrapOptimized, Address, Env};

/// Schema version of this layout.
pub const SCHEMA_VERSION: u32 = 1;

#[contracttype]
#[derive(Clone)]
pub enum DataKey {
    Config,
    PendingAdmin,
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
