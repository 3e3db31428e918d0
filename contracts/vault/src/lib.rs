//! # Callora vault
//!
//! One vault per API consumer (its **owner**) holds the owner's prepaid USDC
//! and a tracked balance that always equals the USDC it holds for them. The
//! **authorized caller** (the backend) deducts per API call, idempotently by
//! request id; the deducted USDC leaves the vault in the same call, to the
//! settlement contract when one is set (crediting the pool or a developer),
//! else to the revenue pool. The **admin** (defaults to the owner) configures
//! the vault; the owner deposits and withdraws.
//!
//! `pause` stops deposits only: deducts and withdrawals continue, so a paused
//! vault still pays for calls already made and lets its owner leave.
#![no_std]

mod errors;
mod events;
pub(crate) mod storage;

#[cfg(test)]
mod test;

use callora_types::{
    admin,
    clients::{Payment, SettlementClient},
    ttl, upgrade,
};
use soroban_sdk::{
    auth::{ContractContext, InvokerContractAuthEntry, SubContractInvocation},
    contract, contractimpl, contracttype, symbol_short, token, vec, Address, BytesN, Env, IntoVal,
    String, Vec,
};

pub use errors::VaultError;
pub use events::*;
use storage::DataKey;
pub use storage::{Config, SCHEMA_VERSION};

/// Code version returned by `version()`.
pub const VERSION: u32 = 2;
/// Longest accepted `request_id`, in bytes.
pub const MAX_REQUEST_ID_LEN: u32 = 64;
/// Most items in one `batch_deduct` (proven to fit mainnet limits by a test
/// on the built WASM); the admin may set a lower `max_batch`.
pub const MAX_BATCH_DEDUCT: u32 = 25;
/// Longest accepted offering id, in bytes.
pub const MAX_OFFERING_ID_LEN: u32 = 64;
/// Longest accepted offering metadata (an IPFS CID or URI), in bytes.
pub const MAX_METADATA_LEN: u32 = 256;

/// The playbook's view of a vault.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct VaultMeta {
    pub owner: Address,
    pub balance: i128,
    pub authorized_caller: Option<Address>,
    pub min_deposit: i128,
}

/// One item of a `batch_deduct`.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct DeductItem {
    pub amount: i128,
    pub request_id: String,
    pub developer: Option<Address>,
}

#[contract]
pub struct Vault;

fn require_admin(env: &Env, caller: &Address) -> Result<Config, VaultError> {
    caller.require_auth();
    let config = storage::config(env);
    if *caller != config.admin {
        return Err(VaultError::NotAdmin);
    }
    Ok(config)
}

fn require_owner(env: &Env, caller: &Address) -> Result<Config, VaultError> {
    caller.require_auth();
    let config = storage::config(env);
    if *caller != config.owner {
        return Err(VaultError::NotOwner);
    }
    Ok(config)
}

fn require_authorized_caller(env: &Env, caller: &Address) -> Result<Config, VaultError> {
    caller.require_auth();
    let config = storage::config(env);
    if config.authorized_caller.as_ref() != Some(caller) {
        return Err(VaultError::NotAuthorizedCaller);
    }
    Ok(config)
}

fn check_positive(amount: i128) -> Result<(), VaultError> {
    if amount <= 0 {
        return Err(VaultError::InvalidAmount);
    }
    Ok(())
}

fn check_len(value: &String, max: u32) -> bool {
    !value.is_empty() && value.len() <= max
}

/// Validates one deduct item against the config and records its request id.
fn admit_item(
    env: &Env,
    config: &Config,
    amount: i128,
    request_id: &String,
) -> Result<(), VaultError> {
    check_positive(amount)?;
    if amount > config.max_deduct {
        return Err(VaultError::ExceedsMaxDeduct);
    }
    if !check_len(request_id, MAX_REQUEST_ID_LEN) {
        return Err(VaultError::InvalidRequestId);
    }
    if storage::is_request_processed(env, request_id) {
        return Err(VaultError::DuplicateRequest);
    }
    storage::record_request(env, request_id);
    Ok(())
}

/// Lets `settlement` pull `amount` USDC from this vault in the call that
/// follows (the settlement credits only what it actually received).
fn authorize_pull(env: &Env, usdc: &Address, settlement: &Address, amount: i128) {
    env.authorize_as_current_contract(vec![
        env,
        InvokerContractAuthEntry::Contract(SubContractInvocation {
            context: ContractContext {
                contract: usdc.clone(),
                fn_name: symbol_short!("transfer"),
                args: (env.current_contract_address(), settlement.clone(), amount).into_val(env),
            },
            sub_invocations: vec![env],
        }),
    ]);
}

/// Sends `total` deducted USDC to the configured destination. The settlement
/// pulls it and credits `pool_amount` to the pool and each of `credits` to
/// its developer; the revenue pool simply receives it. Callers have checked
/// that a destination is configured.
fn pay_out(env: &Env, config: &Config, total: i128, pool_amount: i128, credits: Vec<Payment>) {
    let vault = env.current_contract_address();
    if let Some(settlement) = &config.settlement {
        authorize_pull(env, &config.usdc_token, settlement, total);
        let client = SettlementClient::new(env, settlement);
        if credits.len() == 1 && pool_amount == 0 {
            let credit = credits.get_unchecked(0);
            client.receive_payment(&vault, &total, &false, &Some(credit.to));
        } else if credits.is_empty() {
            client.receive_payment(&vault, &total, &true, &None);
        } else {
            client.receive_payments(&vault, &pool_amount, &credits);
        }
    } else if let Some(pool) = &config.revenue_pool {
        token::TokenClient::new(env, &config.usdc_token).transfer(&vault, pool, &total);
    }
}

fn check_destination(env: &Env, destination: &Option<Address>) -> Result<(), VaultError> {
    if destination.as_ref() == Some(&env.current_contract_address()) {
        return Err(VaultError::InvalidRecipient);
    }
    Ok(())
}

#[contractimpl]
impl Vault {
    /// Creates the vault (the playbook's `init`).
    ///
    /// `initial_balance` (default 0) is the tracked balance to start with; it
    /// must be covered by USDC the vault's address already holds (how a
    /// redeployed vault receives its migrated balance). `min_deposit`
    /// defaults to 1 and `max_deduct` to `i128::MAX`; both must be positive.
    /// The admin starts as the owner.
    ///
    /// # Errors
    /// `InvalidAmount` (negative initial balance), `InvalidConfig`,
    /// `InitialBalanceNotCovered`, `InvalidRecipient` (revenue pool = vault).
    ///
    /// # Events
    /// `vault_initialized`.
    #[allow(clippy::too_many_arguments)]
    pub fn __constructor(
        env: Env,
        owner: Address,
        usdc_token: Address,
        initial_balance: Option<i128>,
        authorized_caller: Option<Address>,
        min_deposit: Option<i128>,
        revenue_pool: Option<Address>,
        max_deduct: Option<i128>,
    ) -> Result<(), VaultError> {
        let balance = initial_balance.unwrap_or(0);
        if balance < 0 {
            return Err(VaultError::InvalidAmount);
        }
        let min_deposit = min_deposit.unwrap_or(1);
        let max_deduct = max_deduct.unwrap_or(i128::MAX);
        if min_deposit <= 0 || max_deduct <= 0 {
            return Err(VaultError::InvalidConfig);
        }
        check_destination(&env, &revenue_pool)?;
        if balance > 0 {
            let held =
                token::TokenClient::new(&env, &usdc_token).balance(&env.current_contract_address());
            if held < balance {
                return Err(VaultError::InitialBalanceNotCovered);
            }
        }
        storage::write_config(
            &env,
            &Config {
                owner: owner.clone(),
                admin: owner.clone(),
                usdc_token: usdc_token.clone(),
                authorized_caller,
                min_deposit,
                max_deduct,
                settlement: None,
                revenue_pool,
                paused: false,
                max_batch: MAX_BATCH_DEDUCT,
            },
        );
        storage::set_balance(&env, balance);
        upgrade::init_schema(&env, SCHEMA_VERSION);
        VaultInitialized {
            owner,
            usdc_token,
            balance,
        }
        .publish(&env);
        Ok(())
    }

    // ----- views -------------------------------------------------------

    /// Owner, tracked balance, authorized caller and minimum deposit.
    pub fn get_meta(env: Env) -> VaultMeta {
        let config = storage::config(&env);
        VaultMeta {
            owner: config.owner,
            balance: storage::balance(&env),
            authorized_caller: config.authorized_caller,
            min_deposit: config.min_deposit,
        }
    }

    /// The tracked balance (equals the USDC the vault holds for its owner).
    pub fn balance(env: Env) -> i128 {
        storage::balance(&env)
    }

    /// The admin (configures the vault; defaults to the owner).
    pub fn get_admin(env: Env) -> Address {
        storage::config(&env).admin
    }

    /// The admin proposal awaiting acceptance, if any.
    pub fn get_pending_admin(env: Env) -> Option<callora_types::types::PendingAdmin> {
        admin::pending(&env, &DataKey::PendingAdmin)
    }

    /// The USDC token contract.
    pub fn get_usdc_token(env: Env) -> Address {
        storage::config(&env).usdc_token
    }

    /// The settlement contract deducts go to, if set.
    pub fn get_settlement(env: Env) -> Option<Address> {
        storage::config(&env).settlement
    }

    /// The revenue pool deducts go to when no settlement is set.
    pub fn get_revenue_pool(env: Env) -> Option<Address> {
        storage::config(&env).revenue_pool
    }

    /// The largest single deduct.
    pub fn get_max_deduct(env: Env) -> i128 {
        storage::config(&env).max_deduct
    }

    /// The most items the admin allows in one `batch_deduct`.
    pub fn get_max_batch(env: Env) -> u32 {
        storage::config(&env).max_batch
    }

    /// Whether deposits are paused.
    pub fn is_paused(env: Env) -> bool {
        storage::config(&env).paused
    }

    /// Whether `depositor` may deposit (the owner always may).
    pub fn is_allowed_depositor(env: Env, depositor: Address) -> bool {
        storage::is_depositor(&env, &depositor)
    }

    /// Whether `request_id` was processed within the last `REQUEST_ID_TTL`
    /// ledgers (the backend checks this after an RPC time-out).
    pub fn is_request_processed(env: Env, request_id: String) -> bool {
        storage::is_request_processed(&env, &request_id)
    }

    /// Metadata of `offering_id`, if set.
    pub fn get_metadata(env: Env, offering_id: String) -> Option<String> {
        storage::metadata(&env, &offering_id)
    }

    /// Code version of this WASM.
    pub fn version() -> u32 {
        VERSION
    }

    /// Schema version of the stored data.
    pub fn schema_version(env: Env) -> u32 {
        upgrade::schema_version(&env)
    }

    // ----- owner and depositors ----------------------------------------

    /// Moves `amount` USDC from `caller` (the owner or an allowed depositor)
    /// into the vault. Returns the new balance.
    ///
    /// # Errors
    /// `InvalidAmount`, `Paused`, `NotDepositor`, `BelowMinDeposit`, `Overflow`.
    ///
    /// # Events
    /// `deposit`.
    pub fn deposit(env: Env, caller: Address, amount: i128) -> Result<i128, VaultError> {
        caller.require_auth();
        check_positive(amount)?;
        let config = storage::config(&env);
        if config.paused {
            return Err(VaultError::Paused);
        }
        if caller != config.owner && !storage::is_depositor(&env, &caller) {
            return Err(VaultError::NotDepositor);
        }
        if amount < config.min_deposit {
            return Err(VaultError::BelowMinDeposit);
        }
        let balance = storage::balance(&env)
            .checked_add(amount)
            .ok_or(VaultError::Overflow)?;
        token::TokenClient::new(&env, &config.usdc_token).transfer(
            &caller,
            env.current_contract_address(),
            &amount,
        );
        storage::set_balance(&env, balance);
        Deposit {
            from: caller,
            amount,
            balance,
        }
        .publish(&env);
        Ok(balance)
    }

    /// The owner withdraws `amount` USDC to themselves. Returns the new
    /// balance. Needs the owner's authorization.
    ///
    /// # Errors
    /// `InvalidAmount`, `InsufficientBalance`.
    ///
    /// # Events
    /// `withdraw`.
    pub fn withdraw(env: Env, amount: i128) -> Result<i128, VaultError> {
        let owner = storage::config(&env).owner;
        Self::withdraw_to(env, owner, amount)
    }

    /// The owner withdraws `amount` USDC to `to`. Returns the new balance.
    /// Needs the owner's authorization.
    ///
    /// # Errors
    /// `InvalidAmount`, `InvalidRecipient` (`to` is the vault), `InsufficientBalance`.
    ///
    /// # Events
    /// `withdraw`.
    pub fn withdraw_to(env: Env, to: Address, amount: i128) -> Result<i128, VaultError> {
        let config = storage::config(&env);
        config.owner.require_auth();
        check_positive(amount)?;
        check_destination(&env, &Some(to.clone()))?;
        let balance = storage::balance(&env);
        if amount > balance {
            return Err(VaultError::InsufficientBalance);
        }
        let balance = balance - amount;
        token::TokenClient::new(&env, &config.usdc_token).transfer(
            &env.current_contract_address(),
            &to,
            &amount,
        );
        storage::set_balance(&env, balance);
        Withdraw {
            to,
            amount,
            balance,
        }
        .publish(&env);
        Ok(balance)
    }

    /// The owner allows (or disallows) `depositor` to deposit.
    ///
    /// # Errors
    /// `NotOwner`.
    ///
    /// # Events
    /// `depositor_set`.
    pub fn set_allowed_depositor(
        env: Env,
        caller: Address,
        depositor: Address,
        allowed: bool,
    ) -> Result<(), VaultError> {
        require_owner(&env, &caller)?;
        storage::set_depositor(&env, &depositor, allowed);
        ttl::extend_instance(&env);
        DepositorSet { depositor, allowed }.publish(&env);
        Ok(())
    }

    // ----- metering ----------------------------------------------------

    /// The authorized caller deducts `amount` for request `request_id`,
    /// crediting `developer` (or the pool when `None`). The USDC leaves the
    /// vault in this call: to the settlement when set, else to the revenue
    /// pool. A processed `request_id` is refused for `REQUEST_ID_TTL` ledgers.
    /// Returns the new balance. Runs while deposits are paused.
    ///
    /// # Errors
    /// `NotAuthorizedCaller`, `InvalidAmount`, `ExceedsMaxDeduct`,
    /// `InvalidRequestId`, `DuplicateRequest`, `InsufficientBalance`,
    /// `NoDestination`; settlement errors (3xx) propagate.
    ///
    /// # Events
    /// `deduct` (and the settlement's credit event).
    pub fn deduct(
        env: Env,
        caller: Address,
        amount: i128,
        request_id: String,
        developer: Option<Address>,
    ) -> Result<i128, VaultError> {
        let config = require_authorized_caller(&env, &caller)?;
        if config.settlement.is_none() && config.revenue_pool.is_none() {
            return Err(VaultError::NoDestination);
        }
        admit_item(&env, &config, amount, &request_id)?;
        let balance = storage::balance(&env);
        if amount > balance {
            return Err(VaultError::InsufficientBalance);
        }
        let balance = balance - amount;
        storage::set_balance(&env, balance);
        match &developer {
            Some(developer) => pay_out(
                &env,
                &config,
                amount,
                0,
                vec![
                    &env,
                    Payment {
                        to: developer.clone(),
                        amount,
                    },
                ],
            ),
            None => pay_out(&env, &config, amount, amount, Vec::new(&env)),
        }
        Deduct {
            request_id,
            amount,
            developer,
            balance,
        }
        .publish(&env);
        Ok(balance)
    }

    /// Atomic batch of deducts (1..=`max_batch` items): all succeed or
    /// none. The total leaves the vault in one transfer. Returns the new
    /// balance.
    ///
    /// # Errors
    /// `InvalidBatchSize` and every error of `deduct` (the first failing item
    /// aborts the whole batch; a request id repeated inside the batch is a
    /// `DuplicateRequest`).
    ///
    /// # Events
    /// One `deduct` per item, in order.
    pub fn batch_deduct(
        env: Env,
        caller: Address,
        items: Vec<DeductItem>,
    ) -> Result<i128, VaultError> {
        let config = require_authorized_caller(&env, &caller)?;
        if items.is_empty() || items.len() > config.max_batch {
            return Err(VaultError::InvalidBatchSize);
        }
        if config.settlement.is_none() && config.revenue_pool.is_none() {
            return Err(VaultError::NoDestination);
        }
        let mut balance = storage::balance(&env);
        let mut total: i128 = 0;
        let mut pool_amount: i128 = 0;
        let mut credits: Vec<Payment> = Vec::new(&env);
        for item in items.iter() {
            admit_item(&env, &config, item.amount, &item.request_id)?;
            if item.amount > balance {
                return Err(VaultError::InsufficientBalance);
            }
            balance -= item.amount;
            total += item.amount; // total <= starting balance, cannot overflow
            match &item.developer {
                Some(developer) => credits.push_back(Payment {
                    to: developer.clone(),
                    amount: item.amount,
                }),
                None => pool_amount += item.amount,
            }
            Deduct {
                request_id: item.request_id,
                amount: item.amount,
                developer: item.developer,
                balance,
            }
            .publish(&env);
        }
        storage::set_balance(&env, balance);
        pay_out(&env, &config, total, pool_amount, credits);
        Ok(balance)
    }

    // ----- admin configuration -----------------------------------------

    /// Sets (or clears) the backend allowed to deduct.
    ///
    /// # Errors
    /// `NotAdmin`.
    ///
    /// # Events
    /// `authorized_caller_set`.
    pub fn set_authorized_caller(
        env: Env,
        caller: Address,
        authorized_caller: Option<Address>,
    ) -> Result<(), VaultError> {
        let mut config = require_admin(&env, &caller)?;
        config.authorized_caller = authorized_caller.clone();
        storage::set_config(&env, &config)?;
        AuthorizedCallerSet { authorized_caller }.publish(&env);
        Ok(())
    }

    /// Sets the minimum deposit (> 0).
    ///
    /// # Errors
    /// `NotAdmin`, `InvalidConfig`.
    ///
    /// # Events
    /// `min_deposit_set`.
    pub fn set_min_deposit(env: Env, caller: Address, min_deposit: i128) -> Result<(), VaultError> {
        let mut config = require_admin(&env, &caller)?;
        if min_deposit <= 0 {
            return Err(VaultError::InvalidConfig);
        }
        config.min_deposit = min_deposit;
        storage::set_config(&env, &config)?;
        MinDepositSet { min_deposit }.publish(&env);
        Ok(())
    }

    /// Sets the largest single deduct (> 0).
    ///
    /// # Errors
    /// `NotAdmin`, `InvalidConfig`.
    ///
    /// # Events
    /// `max_deduct_set`.
    pub fn set_max_deduct(env: Env, caller: Address, max_deduct: i128) -> Result<(), VaultError> {
        let mut config = require_admin(&env, &caller)?;
        if max_deduct <= 0 {
            return Err(VaultError::InvalidConfig);
        }
        config.max_deduct = max_deduct;
        storage::set_config(&env, &config)?;
        MaxDeductSet { max_deduct }.publish(&env);
        Ok(())
    }

    /// Sets the most items one `batch_deduct` may carry
    /// (1..=`MAX_BATCH_DEDUCT`).
    ///
    /// # Errors
    /// `NotAdmin`, `InvalidConfig`, `MigrationPending`.
    ///
    /// # Events
    /// `max_batch_set`.
    pub fn set_max_batch(env: Env, caller: Address, max_batch: u32) -> Result<(), VaultError> {
        let mut config = require_admin(&env, &caller)?;
        if max_batch == 0 || max_batch > MAX_BATCH_DEDUCT {
            return Err(VaultError::InvalidConfig);
        }
        config.max_batch = max_batch;
        storage::set_config(&env, &config)?;
        MaxBatchSet { max_batch }.publish(&env);
        Ok(())
    }

    /// Sets (or clears) the settlement contract deducts are paid to. The
    /// settlement must answer `get_usdc_token` with this vault's USDC token.
    ///
    /// # Errors
    /// `NotAdmin`, `InvalidRecipient`, `TokenMismatch`.
    ///
    /// # Events
    /// `settlement_set`.
    pub fn set_settlement(
        env: Env,
        caller: Address,
        settlement: Option<Address>,
    ) -> Result<(), VaultError> {
        let mut config = require_admin(&env, &caller)?;
        check_destination(&env, &settlement)?;
        if let Some(s) = &settlement {
            // Anything that is not a settlement on our token (a wrong token,
            // an account, a contract without `get_usdc_token`) is refused.
            match SettlementClient::new(&env, s).try_get_usdc_token() {
                Ok(Ok(token)) if token == config.usdc_token => {}
                _ => return Err(VaultError::TokenMismatch),
            }
        }
        config.settlement = settlement.clone();
        storage::set_config(&env, &config)?;
        SettlementSet { settlement }.publish(&env);
        Ok(())
    }

    /// Sets (or clears) the revenue pool deducts are paid to when no
    /// settlement is set.
    ///
    /// # Errors
    /// `NotAdmin`, `InvalidRecipient`.
    ///
    /// # Events
    /// `revenue_pool_set`.
    pub fn set_revenue_pool(
        env: Env,
        caller: Address,
        revenue_pool: Option<Address>,
    ) -> Result<(), VaultError> {
        let mut config = require_admin(&env, &caller)?;
        check_destination(&env, &revenue_pool)?;
        config.revenue_pool = revenue_pool.clone();
        storage::set_config(&env, &config)?;
        RevenuePoolSet { revenue_pool }.publish(&env);
        Ok(())
    }

    /// Sets the metadata (IPFS CID or URI) of an offering.
    ///
    /// # Errors
    /// `NotAdmin`, `InvalidMetadata`.
    ///
    /// # Events
    /// `metadata_set`.
    pub fn set_metadata(
        env: Env,
        caller: Address,
        offering_id: String,
        metadata: String,
    ) -> Result<(), VaultError> {
        require_admin(&env, &caller)?;
        if !check_len(&offering_id, MAX_OFFERING_ID_LEN) || !check_len(&metadata, MAX_METADATA_LEN)
        {
            return Err(VaultError::InvalidMetadata);
        }
        storage::set_metadata(&env, &offering_id, &metadata);
        ttl::extend_instance(&env);
        MetadataSet {
            offering_id,
            metadata,
        }
        .publish(&env);
        Ok(())
    }

    /// Pauses deposits (deducts and withdrawals continue).
    ///
    /// # Errors
    /// `NotAdmin`, `AlreadyPaused`.
    ///
    /// # Events
    /// `paused`.
    pub fn pause(env: Env, caller: Address) -> Result<(), VaultError> {
        let mut config = require_admin(&env, &caller)?;
        if config.paused {
            return Err(VaultError::AlreadyPaused);
        }
        config.paused = true;
        storage::set_config(&env, &config)?;
        Paused { admin: caller }.publish(&env);
        Ok(())
    }

    /// Resumes deposits.
    ///
    /// # Errors
    /// `NotAdmin`, `NotPaused`.
    ///
    /// # Events
    /// `unpaused`.
    pub fn unpause(env: Env, caller: Address) -> Result<(), VaultError> {
        let mut config = require_admin(&env, &caller)?;
        if !config.paused {
            return Err(VaultError::NotPaused);
        }
        config.paused = false;
        storage::set_config(&env, &config)?;
        Unpaused { admin: caller }.publish(&env);
        Ok(())
    }

    // ----- admin handover and upgrades ---------------------------------

    /// Proposes `new_admin`, who must accept on or before ledger
    /// `live_until_ledger` (at most 30 days ahead; 0 cancels the proposal).
    ///
    /// # Errors
    /// `NotAdmin`, `InvalidExpiry`, `NoPendingAdmin` (cancel with none open).
    ///
    /// # Events
    /// `admin_proposed`.
    pub fn set_admin(
        env: Env,
        caller: Address,
        new_admin: Address,
        live_until_ledger: u32,
    ) -> Result<(), VaultError> {
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
    /// # Errors
    /// `NoPendingAdmin`, `NotPendingAdmin`, `PendingAdminExpired`.
    ///
    /// # Events
    /// `admin_accepted`.
    pub fn accept_admin(env: Env, caller: Address) -> Result<(), VaultError> {
        caller.require_auth();
        let mut config = storage::config(&env);
        admin::accept(&env, &DataKey::PendingAdmin, &caller, &config.admin)?;
        config.admin = caller;
        storage::set_config(&env, &config)?;
        Ok(())
    }

    /// Replaces this contract's code with the uploaded WASM `new_wasm_hash`
    /// (effective when this call returns); call `migrate` next.
    ///
    /// # Errors
    /// `NotAdmin`.
    ///
    /// # Events
    /// `upgraded`.
    pub fn upgrade(env: Env, caller: Address, new_wasm_hash: BytesN<32>) -> Result<(), VaultError> {
        require_admin(&env, &caller)?;
        ttl::extend_instance(&env);
        upgrade::upgrade(&env, &new_wasm_hash, VERSION);
        Ok(())
    }

    /// Brings stored data to this code's schema version; runs once per
    /// version. From schema 1 (code version 1) it rewrites the configuration
    /// with `max_batch` = `MAX_BATCH_DEDUCT`.
    ///
    /// # Errors
    /// `NotAdmin`, `AlreadyMigrated`.
    ///
    /// # Events
    /// `migrated`.
    pub fn migrate(env: Env, caller: Address) -> Result<(), VaultError> {
        // `config()` reads whichever layout is stored.
        let config = require_admin(&env, &caller)?;
        let from =
            upgrade::pending_migration(&env, SCHEMA_VERSION).ok_or(VaultError::AlreadyMigrated)?;
        storage::write_config(&env, &config);
        upgrade::finish_migration(&env, from, SCHEMA_VERSION);
        Ok(())
    }
}
