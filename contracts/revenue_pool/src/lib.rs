//! # Callora revenue pool
//!
//! Receives deducted USDC from vaults that have no settlement configured (a
//! plain token transfer: no call into the pool is needed) and lets its
//! **admin** distribute it to developers, singly or in atomic batches.
#![no_std]

mod errors;
mod events;
mod storage;

#[cfg(test)]
mod test;

use callora_types::{
    admin, ttl,
    types::{Payment, PendingAdmin},
    upgrade,
};
use soroban_sdk::{contract, contractimpl, token, Address, BytesN, Env, Vec};

pub use errors::RevenuePoolError;
pub use events::*;
use storage::DataKey;
pub use storage::SCHEMA_VERSION;

/// Code version returned by `version()`.
pub const VERSION: u32 = callora_types::CODE_VERSION;
// Most payments in one `batch_distribute` (proven to fit mainnet limits by a
// test on the built WASM), defined once in `callora_types::limits`.
pub use callora_types::limits::MAX_BATCH_DISTRIBUTE;

#[contract]
pub struct RevenuePool;

fn require_admin(env: &Env, caller: &Address) -> Result<storage::Config, RevenuePoolError> {
    caller.require_auth();
    let config = storage::config(env);
    if *caller != config.admin {
        return Err(RevenuePoolError::NotAdmin);
    }
    Ok(config)
}

fn check_payment(env: &Env, payment: &Payment) -> Result<(), RevenuePoolError> {
    if payment.amount <= 0 {
        return Err(RevenuePoolError::InvalidAmount);
    }
    if payment.to == env.current_contract_address() {
        return Err(RevenuePoolError::InvalidRecipient);
    }
    Ok(())
}

/// Pays every payment (already validated, total <= `held`), one event each.
fn pay(env: &Env, usdc: &token::TokenClient, held: i128, payments: &Vec<Payment>) {
    let pool = env.current_contract_address();
    let mut balance = held;
    for payment in payments.iter() {
        usdc.transfer(&pool, &payment.to, &payment.amount);
        balance -= payment.amount;
        Distributed {
            to: payment.to,
            amount: payment.amount,
            balance,
        }
        .publish(env);
    }
}

#[contractimpl]
impl RevenuePool {
    /// Creates the pool (the playbook's `init`).
    ///
    /// # Authorization
    /// None (runs once, at deployment).
    ///
    /// # Events
    /// `pool_initialized`.
    pub fn __constructor(env: Env, admin: Address, usdc_token: Address) {
        storage::set_config(
            &env,
            &storage::Config {
                admin: admin.clone(),
                usdc_token: usdc_token.clone(),
            },
        );
        upgrade::init_schema(&env, SCHEMA_VERSION);
        PoolInitialized { admin, usdc_token }.publish(&env);
    }

    /// The admin.
    ///
    /// # Authorization
    /// None (a view).
    pub fn get_admin(env: Env) -> Address {
        storage::config(&env).admin
    }

    /// The admin proposal awaiting acceptance, if any.
    ///
    /// # Authorization
    /// None (a view).
    pub fn get_pending_admin(env: Env) -> Option<PendingAdmin> {
        admin::pending(&env, &DataKey::PendingAdmin)
    }

    /// The USDC token.
    ///
    /// # Authorization
    /// None (a view).
    pub fn get_usdc_token(env: Env) -> Address {
        storage::config(&env).usdc_token
    }

    /// USDC the pool holds.
    ///
    /// # Authorization
    /// None (a view).
    pub fn balance(env: Env) -> i128 {
        let usdc = storage::config(&env).usdc_token;
        token::TokenClient::new(&env, &usdc).balance(&env.current_contract_address())
    }

    /// Code version of this WASM.
    ///
    /// # Authorization
    /// None (a view).
    pub fn version() -> u32 {
        VERSION
    }

    /// Schema version of the stored data.
    ///
    /// # Authorization
    /// None (a view).
    pub fn schema_version(env: Env) -> u32 {
        upgrade::schema_version(&env)
    }

    /// The admin pays `amount` USDC to `to`.
    ///
    /// # Authorization
    /// `caller`, which must be the admin.
    ///
    /// # Errors
    /// [`RevenuePoolError::NotAdmin`], [`RevenuePoolError::InvalidAmount`], [`RevenuePoolError::InvalidRecipient`], [`RevenuePoolError::InsufficientBalance`].
    ///
    /// # Events
    /// `distributed`.
    pub fn distribute(
        env: Env,
        caller: Address,
        to: Address,
        amount: i128,
    ) -> Result<(), RevenuePoolError> {
        let payments = Vec::from_array(&env, [Payment { to, amount }]);
        Self::batch_distribute(env, caller, payments)
    }

    /// The admin pays every payment, atomically (1..=`MAX_BATCH_DISTRIBUTE`).
    ///
    /// # Authorization
    /// `caller`, which must be the admin.
    ///
    /// # Errors
    /// [`RevenuePoolError::NotAdmin`], [`RevenuePoolError::InvalidBatchSize`], [`RevenuePoolError::InvalidAmount`], [`RevenuePoolError::InvalidRecipient`],
    /// [`RevenuePoolError::Overflow`], [`RevenuePoolError::InsufficientBalance`].
    ///
    /// # Events
    /// One `distributed` per payment, in order.
    pub fn batch_distribute(
        env: Env,
        caller: Address,
        payments: Vec<Payment>,
    ) -> Result<(), RevenuePoolError> {
        let config = require_admin(&env, &caller)?;
        if payments.is_empty() || payments.len() > MAX_BATCH_DISTRIBUTE {
            return Err(RevenuePoolError::InvalidBatchSize);
        }
        let mut total: i128 = 0;
        for payment in payments.iter() {
            check_payment(&env, &payment)?;
            total = total
                .checked_add(payment.amount)
                .ok_or(RevenuePoolError::Overflow)?;
        }
        let usdc = token::TokenClient::new(&env, &config.usdc_token);
        let held = usdc.balance(&env.current_contract_address());
        if total > held {
            return Err(RevenuePoolError::InsufficientBalance);
        }
        ttl::extend_instance(&env);
        pay(&env, &usdc, held, &payments);
        Ok(())
    }

    /// Proposes `new_admin`, who must accept on or before ledger
    /// `live_until_ledger` (at most 30 days ahead; 0 cancels the proposal).
    ///
    /// # Authorization
    /// `caller`, which must be the admin.
    ///
    /// # Errors
    /// [`RevenuePoolError::NotAdmin`], [`RevenuePoolError::InvalidExpiry`], [`RevenuePoolError::NoPendingAdmin`].
    ///
    /// # Events
    /// `admin_proposed`.
    pub fn set_admin(
        env: Env,
        caller: Address,
        new_admin: Address,
        live_until_ledger: u32,
    ) -> Result<(), RevenuePoolError> {
        require_admin(&env, &caller)?;
        admin::propose(
            &env,
            &DataKey::PendingAdmin,
            &caller,
            &new_admin,
            live_until_ledger,
        )?;
        ttl::extend_instance(&env);
        Ok(())
    }

    /// The proposed admin accepts and becomes the admin.
    ///
    /// # Authorization
    /// `caller`, which must be the proposed admin.
    ///
    /// # Errors
    /// [`RevenuePoolError::NoPendingAdmin`], [`RevenuePoolError::NotPendingAdmin`], [`RevenuePoolError::PendingAdminExpired`].
    ///
    /// # Events
    /// `admin_accepted`.
    pub fn accept_admin(env: Env, caller: Address) -> Result<(), RevenuePoolError> {
        caller.require_auth();
        let mut config = storage::config(&env);
        admin::accept(&env, &DataKey::PendingAdmin, &caller, &config.admin)?;
        config.admin = caller;
        storage::set_config(&env, &config);
        Ok(())
    }

    /// Replaces this contract's code with the uploaded WASM `new_wasm_hash`
    /// (effective when this call returns); call `migrate` next.
    ///
    /// # Authorization
    /// `caller`, which must be the admin.
    ///
    /// # Errors
    /// [`RevenuePoolError::NotAdmin`].
    ///
    /// # Events
    /// `upgraded`.
    pub fn upgrade(
        env: Env,
        caller: Address,
        new_wasm_hash: BytesN<32>,
    ) -> Result<(), RevenuePoolError> {
        require_admin(&env, &caller)?;
        ttl::extend_instance(&env);
        upgrade::upgrade(&env, &new_wasm_hash, VERSION);
        Ok(())
    }

    /// Brings stored data to this code's schema version; runs once per
    /// version.
    ///
    /// # Authorization
    /// `caller`, which must be the admin.
    ///
    /// # Errors
    /// [`RevenuePoolError::NotAdmin`], [`RevenuePoolError::AlreadyMigrated`].
    ///
    /// # Events
    /// `migrated`.
    pub fn migrate(env: Env, caller: Address) -> Result<(), RevenuePoolError> {
        require_admin(&env, &caller)?;
        let from = upgrade::pending_migration(&env, SCHEMA_VERSION)
            .ok_or(RevenuePoolError::AlreadyMigrated)?;
        ttl::extend_instance(&env);
        upgrade::finish_migration(&env, from, SCHEMA_VERSION);
        Ok(())
    }
}
