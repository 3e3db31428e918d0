//! # Callora vault
//!
//! One vault per API consumer (its **owner**) holds the owner's prepaid USDC
//! and a tracked balance that always equals the USDC it holds for them. The
//! **authorized caller** (the backend) deducts per API call, idempotently by
//! request id; the deducted USDC leaves the vault in the same call, to the
//! settlement contract when one is set (crediting the pool or a developer),
//! else to the revenue pool.
//!
//! Roles (code version 3):
//! * the **owner** deposits, withdraws, allows depositors, sweeps untracked
//!   USDC and sets the **spend limit** that bounds every deduct;
//! * the **admin** is the operator, named in the constructor (never the
//!   owner): it chooses where deducts go and who the backend is, sets the
//!   limits, pauses deposits and upgrades the code;
//! * the **authorized caller** deducts, within the owner's spend limit.
//!
//! `pause` stops deposits only: deducts and withdrawals continue, so a paused
//! vault still pays for calls already made and lets its owner leave.
//!
//! This file holds the entry points; checks live in `guards`, payouts in
//! `payout`, the spend limit in `spend` and the storage layout in `storage`.
#![no_std]

mod errors;
mod events;
mod guards;
mod payout;
mod spend;
pub(crate) mod storage;

#[cfg(test)]
mod test;

use callora_types::{admin, clients::Payment, clients::SettlementClient, ttl, upgrade};
use soroban_sdk::{contract, contractimpl, contracttype, token, Address, BytesN, Env, String, Vec};

pub use errors::VaultError;
pub use events::*;
use guards::{
    check_len, check_not_self, check_positive, require_admin, require_operator, require_owner,
};
use storage::DataKey;
pub use storage::{Config, SpendLimit, SpendWindow, SCHEMA_VERSION};

/// Code version returned by `version()`.
pub const VERSION: u32 = callora_types::CODE_VERSION;
// The vault's limits, defined once in `callora_types::limits`.
pub use callora_types::limits::{
    MAX_BATCH_DEDUCT, MAX_BATCH_DEVELOPERS, MAX_METADATA_LEN, MAX_OFFERING_ID_LEN,
    MAX_REQUEST_ID_LEN, MAX_SPEND_PERIOD,
};

/// The playbook's view of a vault.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct VaultMeta {
    pub owner: Address,
    pub balance: i128,
    pub authorized_caller: Option<Address>,
    pub min_deposit: i128,
}

/// The API calls one `batch_deduct` charges, by column: call `i` charges
/// `amounts[i]` for `request_ids[i]` and credits
/// `developers[developer_index[i]]` (`None`: the settlement's pool). The
/// same columns as the `batch_deduct` event, so an indexer reads exactly
/// what the backend sent.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct DeductBatch {
    pub request_ids: Vec<String>,
    pub amounts: Vec<i128>,
    pub developer_index: Vec<u32>,
    pub developers: Vec<Option<Address>>,
}

#[contract]
pub struct Vault;

#[contractimpl]
impl Vault {
    /// Creates the vault (the playbook's `init`, plus `admin`).
    ///
    /// `admin` is the operator, who configures routing, the backend and the
    /// limits; it must not be the owner (an owner-admin could point deducts
    /// back at itself). `initial_balance` (default 0) is the tracked balance
    /// to start with; it must be covered by USDC the vault's address already
    /// holds (how a redeployed vault receives its migrated balance).
    /// `min_deposit` defaults to 1 and `max_deduct` to `i128::MAX`; both must
    /// be positive. No spend limit is set (unlimited) until the owner sets one.
    ///
    /// # Authorization
    /// None (runs once, at deployment).
    ///
    /// # Errors
    /// [`VaultError::InvalidAmount`] (negative initial balance),
    /// [`VaultError::AdminIsOwner`], [`VaultError::InvalidConfig`],
    /// [`VaultError::InitialBalanceNotCovered`],
    /// [`VaultError::InvalidRecipient`] (revenue pool = vault).
    ///
    /// # Events
    /// `vault_initialized`.
    #[allow(clippy::too_many_arguments)]
    pub fn __constructor(
        env: Env,
        owner: Address,
        admin: Address,
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
        if admin == owner {
            return Err(VaultError::AdminIsOwner);
        }
        let min_deposit = min_deposit.unwrap_or(1);
        let max_deduct = max_deduct.unwrap_or(i128::MAX);
        if min_deposit <= 0 || max_deduct <= 0 {
            return Err(VaultError::InvalidConfig);
        }
        check_not_self(&env, revenue_pool.as_ref())?;
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
                admin: admin.clone(),
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
            admin,
            usdc_token,
            balance,
        }
        .publish(&env);
        Ok(())
    }

    // ----- views -------------------------------------------------------

    /// Owner, tracked balance, authorized caller and minimum deposit.
    ///
    /// # Authorization
    /// None (a view).
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
    ///
    /// # Authorization
    /// None (a view).
    pub fn balance(env: Env) -> i128 {
        storage::balance(&env)
    }

    /// The admin (the operator, who configures the vault).
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
    pub fn get_pending_admin(env: Env) -> Option<callora_types::types::PendingAdmin> {
        admin::pending(&env, &DataKey::PendingAdmin)
    }

    /// The USDC token contract.
    ///
    /// # Authorization
    /// None (a view).
    pub fn get_usdc_token(env: Env) -> Address {
        storage::config(&env).usdc_token
    }

    /// The settlement contract deducts go to, if set.
    ///
    /// # Authorization
    /// None (a view).
    pub fn get_settlement(env: Env) -> Option<Address> {
        storage::config(&env).settlement
    }

    /// The revenue pool deducts go to when no settlement is set.
    ///
    /// # Authorization
    /// None (a view).
    pub fn get_revenue_pool(env: Env) -> Option<Address> {
        storage::config(&env).revenue_pool
    }

    /// The largest single deduct.
    ///
    /// # Authorization
    /// None (a view).
    pub fn get_max_deduct(env: Env) -> i128 {
        storage::config(&env).max_deduct
    }

    /// The most items the admin allows in one `batch_deduct`.
    ///
    /// # Authorization
    /// None (a view).
    pub fn get_max_batch(env: Env) -> u32 {
        storage::config(&env).max_batch
    }

    /// Whether deposits are paused.
    ///
    /// # Authorization
    /// None (a view).
    pub fn is_paused(env: Env) -> bool {
        storage::config(&env).paused
    }

    /// Whether `depositor` may deposit (the owner always may).
    ///
    /// # Authorization
    /// None (a view).
    pub fn is_allowed_depositor(env: Env, depositor: Address) -> bool {
        storage::is_depositor(&env, &depositor)
    }

    /// Whether `request_id` was processed within the last `REQUEST_ID_TTL`
    /// ledgers: definitive for 23 hours after the request's
    /// `valid_until_ledger` (the backend's retry protocol, `docs/vault.md`).
    ///
    /// # Authorization
    /// None (a view).
    pub fn is_request_processed(env: Env, request_id: String) -> bool {
        storage::is_request_processed(&env, &request_id)
    }

    /// The owner's spend limit (`None` = unlimited).
    ///
    /// # Authorization
    /// None (a view).
    pub fn get_spend_limit(env: Env) -> Option<SpendLimit> {
        storage::spend_limit(&env)
    }

    /// The current spend window (opened by the first deduct under a limit;
    /// a window whose period has passed is replaced by the next deduct).
    ///
    /// # Authorization
    /// None (a view).
    pub fn get_spend_window(env: Env) -> Option<SpendWindow> {
        storage::spend_window(&env)
    }

    /// Metadata of `offering_id`, if set.
    ///
    /// # Authorization
    /// None (a view).
    pub fn get_metadata(env: Env, offering_id: String) -> Option<String> {
        storage::metadata(&env, &offering_id)
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

    // ----- owner and depositors ----------------------------------------

    /// Moves `amount` USDC from `caller` (the owner or an allowed depositor)
    /// into the vault. Returns the new balance.
    ///
    /// # Authorization
    /// `caller`: the owner or an allowed depositor.
    ///
    /// # Errors
    /// [`VaultError::InvalidAmount`], [`VaultError::Paused`], [`VaultError::NotDepositor`], [`VaultError::BelowMinDeposit`], [`VaultError::Overflow`].
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
    /// # Authorization
    /// The owner.
    ///
    /// # Errors
    /// [`VaultError::InvalidAmount`], [`VaultError::InsufficientBalance`].
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
    /// # Authorization
    /// The owner.
    ///
    /// # Errors
    /// [`VaultError::InvalidAmount`], [`VaultError::InvalidRecipient`] (`to` is the vault), [`VaultError::InsufficientBalance`].
    ///
    /// # Events
    /// `withdraw`.
    pub fn withdraw_to(env: Env, to: Address, amount: i128) -> Result<i128, VaultError> {
        let config = storage::config(&env);
        config.owner.require_auth();
        check_positive(amount)?;
        check_not_self(&env, Some(&to))?;
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
    /// # Authorization
    /// `caller`, which must be the owner.
    ///
    /// # Errors
    /// [`VaultError::NotOwner`].
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

    /// The owner sets (`Some`) or removes (`None`, unlimited) the spend
    /// limit: at most `amount` deducted per window of `period_ledgers`
    /// ledgers (1..=`MAX_SPEND_PERIOD`). Only the owner can change it, so
    /// only the owner can raise it. A changed limit applies to the current
    /// window at once.
    ///
    /// # Authorization
    /// `caller`, which must be the owner.
    ///
    /// # Errors
    /// [`VaultError::NotOwner`], [`VaultError::InvalidSpendLimit`].
    ///
    /// # Events
    /// `spend_limit_set`.
    pub fn set_spend_limit(
        env: Env,
        caller: Address,
        limit: Option<SpendLimit>,
    ) -> Result<(), VaultError> {
        require_owner(&env, &caller)?;
        spend::check_limit(&limit)?;
        storage::set_spend_limit(&env, &limit);
        SpendLimitSet { limit }.publish(&env);
        Ok(())
    }

    /// The owner sends USDC the vault holds beyond its tracked balance (sent
    /// to the vault directly, outside `deposit`) to `to`. Returns the amount.
    ///
    /// # Authorization
    /// The owner.
    ///
    /// # Errors
    /// [`VaultError::InvalidRecipient`] (`to` is the vault),
    /// [`VaultError::NothingToSweep`].
    ///
    /// # Events
    /// `swept`.
    pub fn sweep(env: Env, to: Address) -> Result<i128, VaultError> {
        let config = storage::config(&env);
        config.owner.require_auth();
        check_not_self(&env, Some(&to))?;
        let usdc = token::TokenClient::new(&env, &config.usdc_token);
        let vault = env.current_contract_address();
        let amount = usdc.balance(&vault) - storage::balance(&env);
        if amount <= 0 {
            return Err(VaultError::NothingToSweep);
        }
        usdc.transfer(&vault, &to, &amount);
        ttl::extend_instance(&env);
        Swept { to, amount }.publish(&env);
        Ok(amount)
    }

    // ----- metering ----------------------------------------------------

    /// The authorized caller deducts `amount` for `request_id`, crediting
    /// `developer` (`None`: the pool), paid out in this call to the
    /// settlement, else the revenue pool. Chargeable through ledger
    /// `valid_until_ledger` (at most `MAX_REQUEST_VALIDITY` ahead); the id is
    /// kept `REQUEST_ID_TTL` ledgers, so a retry never charges twice. Counts
    /// against the owner's spend limit; runs while paused. Returns the new
    /// balance.
    ///
    /// # Authorization
    /// `caller`, which must be the authorized caller.
    ///
    /// # Errors
    /// [`VaultError::NotAuthorizedCaller`], [`VaultError::NoDestination`],
    /// [`VaultError::InvalidRecipient`] (the vault credited),
    /// [`VaultError::InvalidAmount`], [`VaultError::ExceedsMaxDeduct`],
    /// [`VaultError::InvalidRequestId`], [`VaultError::DuplicateRequest`],
    /// [`VaultError::RequestExpired`], [`VaultError::ValidityTooLong`],
    /// [`VaultError::InsufficientBalance`],
    /// [`VaultError::SpendLimitExceeded`], [`VaultError::Overflow`];
    /// settlement errors (3xx) propagate.
    ///
    /// # Events
    /// `deduct` (and the settlement's credit event).
    pub fn deduct(
        env: Env,
        caller: Address,
        amount: i128,
        request_id: String,
        developer: Option<Address>,
        valid_until_ledger: u32,
    ) -> Result<i128, VaultError> {
        let config = guards::require_authorized_caller(&env, &caller)?;
        let destination = config.destination()?;
        check_not_self(&env, developer.as_ref())?;
        guards::check_charge(&config, amount)?;
        guards::admit_request(&env, &request_id)?;
        guards::check_validity(&env, valid_until_ledger)?;
        let balance = storage::balance(&env);
        if amount > balance {
            return Err(VaultError::InsufficientBalance);
        }
        spend::charge(&env, amount)?;
        let balance = balance - amount;
        storage::set_balance(&env, balance);
        payout::pay_one(
            &env,
            &config.usdc_token,
            &destination,
            amount,
            developer.clone(),
        );
        Deduct {
            request_id,
            amount,
            developer,
            balance,
        }
        .publish(&env);
        Ok(balance)
    }

    /// Charges the API calls of `batch` (1..=`max_batch`, at most
    /// `MAX_BATCH_DEVELOPERS` developers) as one request, all or none,
    /// through `valid_until_ledger`. `request_id` is its idempotency key,
    /// kept like a deduct's (same id space); call ids must differ and are
    /// not recorded. Returns the new balance.
    ///
    /// # Authorization
    /// `caller`, the authorized caller, over one argument: `sha256` of the
    /// XDR of `[request_id, batch, valid_until_ledger]`.
    ///
    /// # Errors
    /// [`VaultError::NotAuthorizedCaller`], [`VaultError::InvalidBatchSize`],
    /// [`VaultError::NoDestination`], [`VaultError::InvalidRequestId`],
    /// [`VaultError::DuplicateRequest`], [`VaultError::InvalidBatch`],
    /// [`VaultError::TooManyDevelopers`], [`VaultError::InvalidRecipient`],
    /// [`VaultError::InvalidAmount`], [`VaultError::ExceedsMaxDeduct`],
    /// [`VaultError::InsufficientBalance`], [`VaultError::RequestExpired`],
    /// [`VaultError::ValidityTooLong`], [`VaultError::SpendLimitExceeded`];
    /// settlement errors (3xx) propagate.
    ///
    /// # Events
    /// One `batch_deduct` (and the settlement's credit events).
    pub fn batch_deduct(
        env: Env,
        caller: Address,
        request_id: String,
        batch: DeductBatch,
        valid_until_ledger: u32,
    ) -> Result<i128, VaultError> {
        let config = guards::require_authorized_caller_for_batch(
            &env,
            &caller,
            &request_id,
            &batch,
            valid_until_ledger,
        )?;
        let calls = batch.request_ids.len();
        if calls == 0 || calls > config.max_batch {
            return Err(VaultError::InvalidBatchSize);
        }
        let destination = config.destination()?;
        guards::admit_request(&env, &request_id)?;
        let DeductBatch {
            request_ids,
            amounts,
            developer_index,
            developers,
        } = batch;
        if amounts.len() != calls || developer_index.len() != calls {
            return Err(VaultError::InvalidBatch);
        }
        // Each credited destination once (`None` = the pool).
        if developers.len() > MAX_BATCH_DEVELOPERS + 1 {
            return Err(VaultError::TooManyDevelopers);
        }
        let mut named: u32 = 0;
        let mut sums: Vec<i128> = Vec::new(&env);
        for (i, developer) in developers.iter().enumerate() {
            if developers.first_index_of(&developer) != Some(i as u32) {
                return Err(VaultError::InvalidBatch);
            }
            if developer.is_some() {
                check_not_self(&env, developer.as_ref())?;
                named += 1;
            }
            sums.push_back(0);
        }
        if named > MAX_BATCH_DEVELOPERS {
            return Err(VaultError::TooManyDevelopers);
        }
        let mut balance = storage::balance(&env);
        let mut total: i128 = 0;
        for i in 0..calls {
            let amount = amounts.get_unchecked(i);
            guards::check_charge(&config, amount)?;
            let call_id = request_ids.get_unchecked(i);
            guards::check_request_id(&call_id)?;
            // A call listed twice would be charged twice under one batch id.
            if request_ids.first_index_of(&call_id) != Some(i) {
                return Err(VaultError::DuplicateRequest);
            }
            let index = developer_index.get_unchecked(i);
            let Some(sum) = sums.get(index) else {
                return Err(VaultError::InvalidBatch);
            };
            if amount > balance {
                return Err(VaultError::InsufficientBalance);
            }
            balance -= amount;
            // Both stay <= the starting balance, so neither can overflow.
            total += amount;
            sums.set(index, sum + amount);
        }
        let mut pool_amount: i128 = 0;
        let mut credits: Vec<Payment> = Vec::new(&env);
        for (developer, amount) in developers.iter().zip(sums.iter()) {
            if amount == 0 {
                return Err(VaultError::InvalidBatch);
            }
            match developer {
                Some(to) => credits.push_back(Payment { to, amount }),
                None => pool_amount = amount,
            }
        }
        guards::check_validity(&env, valid_until_ledger)?;
        spend::charge(&env, total)?;
        storage::set_balance(&env, balance);
        payout::pay_batch(
            &env,
            &config.usdc_token,
            &destination,
            total,
            pool_amount,
            credits,
        );
        BatchDeduct {
            request_id,
            request_ids,
            amounts,
            developer_index,
            developers,
            total,
            balance,
        }
        .publish(&env);
        Ok(balance)
    }

    // ----- admin configuration -----------------------------------------

    /// Sets (or clears) the backend allowed to deduct.
    ///
    /// # Authorization
    /// `caller`, which must be the admin.
    ///
    /// # Errors
    /// [`VaultError::NotAdmin`], [`VaultError::AdminIsOwner`], [`VaultError::MigrationPending`].
    ///
    /// # Events
    /// `authorized_caller_set`.
    pub fn set_authorized_caller(
        env: Env,
        caller: Address,
        authorized_caller: Option<Address>,
    ) -> Result<(), VaultError> {
        let mut config = require_operator(&env, &caller)?;
        config.authorized_caller = authorized_caller.clone();
        storage::set_config(&env, &config)?;
        AuthorizedCallerSet { authorized_caller }.publish(&env);
        Ok(())
    }

    /// Sets the minimum deposit (> 0).
    ///
    /// # Authorization
    /// `caller`, which must be the admin.
    ///
    /// # Errors
    /// [`VaultError::NotAdmin`], [`VaultError::AdminIsOwner`], [`VaultError::InvalidConfig`], [`VaultError::MigrationPending`].
    ///
    /// # Events
    /// `min_deposit_set`.
    pub fn set_min_deposit(env: Env, caller: Address, min_deposit: i128) -> Result<(), VaultError> {
        let mut config = require_operator(&env, &caller)?;
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
    /// # Authorization
    /// `caller`, which must be the admin.
    ///
    /// # Errors
    /// [`VaultError::NotAdmin`], [`VaultError::AdminIsOwner`], [`VaultError::InvalidConfig`], [`VaultError::MigrationPending`].
    ///
    /// # Events
    /// `max_deduct_set`.
    pub fn set_max_deduct(env: Env, caller: Address, max_deduct: i128) -> Result<(), VaultError> {
        let mut config = require_operator(&env, &caller)?;
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
    /// # Authorization
    /// `caller`, which must be the admin.
    ///
    /// # Errors
    /// [`VaultError::NotAdmin`], [`VaultError::AdminIsOwner`], [`VaultError::InvalidConfig`], [`VaultError::MigrationPending`].
    ///
    /// # Events
    /// `max_batch_set`.
    pub fn set_max_batch(env: Env, caller: Address, max_batch: u32) -> Result<(), VaultError> {
        let mut config = require_operator(&env, &caller)?;
        if max_batch == 0 || max_batch > MAX_BATCH_DEDUCT {
            return Err(VaultError::InvalidConfig);
        }
        config.max_batch = max_batch;
        storage::set_config(&env, &config)?;
        MaxBatchSet { max_batch }.publish(&env);
        Ok(())
    }

    /// Sets (or clears) the settlement contract deducts are paid to. It must
    /// be an active settlement on this vault's USDC token (`get_usdc_token`
    /// answers the token, `get_successor` answers none).
    ///
    /// # Authorization
    /// `caller`, which must be the admin.
    ///
    /// # Errors
    /// [`VaultError::NotAdmin`], [`VaultError::AdminIsOwner`], [`VaultError::InvalidRecipient`], [`VaultError::TokenMismatch`], [`VaultError::MigrationPending`].
    ///
    /// # Events
    /// `settlement_set`.
    pub fn set_settlement(
        env: Env,
        caller: Address,
        settlement: Option<Address>,
    ) -> Result<(), VaultError> {
        let mut config = require_operator(&env, &caller)?;
        check_not_self(&env, settlement.as_ref())?;
        if let Some(s) = &settlement {
            // Anything that is not an active settlement on our token (a
            // wrong token, an account, a revenue pool, a retired settlement)
            // is refused.
            let client = SettlementClient::new(&env, s);
            let active_settlement = matches!(client.try_get_usdc_token(), Ok(Ok(token)) if token == config.usdc_token)
                && matches!(client.try_get_successor(), Ok(Ok(None)));
            if !active_settlement {
                return Err(VaultError::TokenMismatch);
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
    /// # Authorization
    /// `caller`, which must be the admin.
    ///
    /// # Errors
    /// [`VaultError::NotAdmin`], [`VaultError::AdminIsOwner`], [`VaultError::InvalidRecipient`], [`VaultError::MigrationPending`].
    ///
    /// # Events
    /// `revenue_pool_set`.
    pub fn set_revenue_pool(
        env: Env,
        caller: Address,
        revenue_pool: Option<Address>,
    ) -> Result<(), VaultError> {
        let mut config = require_operator(&env, &caller)?;
        check_not_self(&env, revenue_pool.as_ref())?;
        config.revenue_pool = revenue_pool.clone();
        storage::set_config(&env, &config)?;
        RevenuePoolSet { revenue_pool }.publish(&env);
        Ok(())
    }

    /// Sets the metadata (IPFS CID or URI) of an offering.
    ///
    /// # Authorization
    /// `caller`, which must be the admin.
    ///
    /// # Errors
    /// [`VaultError::NotAdmin`], [`VaultError::AdminIsOwner`], [`VaultError::InvalidMetadata`].
    ///
    /// # Events
    /// `metadata_set`.
    pub fn set_metadata(
        env: Env,
        caller: Address,
        offering_id: String,
        metadata: String,
    ) -> Result<(), VaultError> {
        require_operator(&env, &caller)?;
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
    /// # Authorization
    /// `caller`, which must be the admin.
    ///
    /// # Errors
    /// [`VaultError::NotAdmin`], [`VaultError::AdminIsOwner`], [`VaultError::AlreadyPaused`], [`VaultError::MigrationPending`].
    ///
    /// # Events
    /// `paused`.
    pub fn pause(env: Env, caller: Address) -> Result<(), VaultError> {
        let mut config = require_operator(&env, &caller)?;
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
    /// # Authorization
    /// `caller`, which must be the admin.
    ///
    /// # Errors
    /// [`VaultError::NotAdmin`], [`VaultError::AdminIsOwner`], [`VaultError::NotPaused`], [`VaultError::MigrationPending`].
    ///
    /// # Events
    /// `unpaused`.
    pub fn unpause(env: Env, caller: Address) -> Result<(), VaultError> {
        let mut config = require_operator(&env, &caller)?;
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
    /// # Authorization
    /// `caller`, which must be the admin.
    ///
    /// # Errors
    /// [`VaultError::NotAdmin`], [`VaultError::AdminIsOwner`] (`new_admin` is the owner),
    /// [`VaultError::InvalidExpiry`], [`VaultError::NoPendingAdmin`] (cancel with none open).
    ///
    /// # Events
    /// `admin_proposed`.
    pub fn set_admin(
        env: Env,
        caller: Address,
        new_admin: Address,
        live_until_ledger: u32,
    ) -> Result<(), VaultError> {
        let config = require_admin(&env, &caller)?;
        if live_until_ledger != 0 && new_admin == config.owner {
            return Err(VaultError::AdminIsOwner);
        }
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
    /// [`VaultError::AdminIsOwner`], [`VaultError::NoPendingAdmin`], [`VaultError::NotPendingAdmin`], [`VaultError::PendingAdminExpired`], [`VaultError::MigrationPending`].
    ///
    /// # Events
    /// `admin_accepted`.
    pub fn accept_admin(env: Env, caller: Address) -> Result<(), VaultError> {
        caller.require_auth();
        let mut config = storage::config(&env);
        if caller == config.owner {
            return Err(VaultError::AdminIsOwner);
        }
        admin::accept(&env, &DataKey::PendingAdmin, &caller, &config.admin)?;
        config.admin = caller;
        storage::set_config(&env, &config)?;
        Ok(())
    }

    /// Replaces this contract's code with the uploaded WASM `new_wasm_hash`
    /// (effective when this call returns); call `migrate` next. New code
    /// could move the owner's funds, so the owner co-signs: operator keys
    /// alone can never replace a vault's code (the spend limit bounds
    /// everything else they can do).
    ///
    /// # Authorization
    /// `caller`, which must be the admin, and the owner.
    ///
    /// # Errors
    /// [`VaultError::NotAdmin`], [`VaultError::AdminIsOwner`].
    ///
    /// # Events
    /// `upgraded`.
    pub fn upgrade(env: Env, caller: Address, new_wasm_hash: BytesN<32>) -> Result<(), VaultError> {
        let config = require_operator(&env, &caller)?;
        config.owner.require_auth();
        ttl::extend_instance(&env);
        upgrade::upgrade(&env, &new_wasm_hash, VERSION);
        Ok(())
    }

    /// Brings stored data to this code's schema version; runs once per
    /// version. From schema 1 (code version 1) it rewrites the configuration
    /// in the current layout with `max_batch` = `MAX_BATCH_DEDUCT`; from
    /// schema 2 only the marker moves (schema 3 adds keys whose absence means
    /// "no spend limit").
    ///
    /// # Authorization
    /// `caller`, which must be the admin.
    ///
    /// # Errors
    /// [`VaultError::NotAdmin`], [`VaultError::AlreadyMigrated`].
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
