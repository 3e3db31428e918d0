//! # Callora settlement
//!
//! One settlement serves many per-consumer vaults. A **registered vault**
//! pays a deduct in with `receive_payment`: the settlement itself pulls the
//! USDC from the vault (which authorized exactly that transfer) and only then
//! credits the global pool or the named developer, so a credited payment has
//! always arrived. **Developers** withdraw their balance as real USDC; the
//! **admin** registers vaults and distributes the global pool.
//!
//! **Redeploy-migration** (code version 3): the successor names this
//! settlement with `set_predecessor`; only then does `retire` move the USDC
//! to it, and the successor pulls the balances page by page with
//! `import_balances`, each predecessor index exactly once, so a retried page
//! books nothing twice.
//!
//! Invariant after every call: USDC held == global pool total + sum of
//! developer balances (plus any USDC sent to the contract outside these
//! calls, which the admin books into the pool with `book_untracked`, and a
//! predecessor's USDC until it is imported).
#![no_std]

mod errors;
mod events;
mod storage;

#[cfg(test)]
mod test;

use callora_types::{
    admin,
    clients::SettlementClient as PeerClient,
    ttl,
    types::{DeveloperBalance, Payment, PendingAdmin},
    upgrade,
};
use soroban_sdk::{contract, contractimpl, token, Address, BytesN, Env, Vec};

pub use errors::SettlementError;
pub use events::*;
use storage::DataKey;
pub use storage::{GlobalPool, SCHEMA_VERSION};

/// Code version returned by `version()`.
pub const VERSION: u32 = callora_types::CODE_VERSION;
// The settlement's limits, defined once in `callora_types::limits`.
pub use callora_types::limits::{MAX_BATCH_CREDITS, MAX_IMPORT, MAX_PAGE_SIZE};

#[contract]
pub struct Settlement;

fn require_admin(env: &Env, caller: &Address) -> Result<storage::Config, SettlementError> {
    caller.require_auth();
    let config = storage::config(env);
    if *caller != config.admin {
        return Err(SettlementError::NotAdmin);
    }
    Ok(config)
}

fn require_active(env: &Env) -> Result<(), SettlementError> {
    if storage::successor(env).is_some() {
        return Err(SettlementError::Retired);
    }
    Ok(())
}

fn require_vault(env: &Env, caller: &Address) -> Result<(), SettlementError> {
    caller.require_auth();
    require_active(env)?;
    if !storage::is_vault(env, caller) {
        return Err(SettlementError::NotVault);
    }
    Ok(())
}

fn check_positive(amount: i128) -> Result<(), SettlementError> {
    if amount <= 0 {
        return Err(SettlementError::InvalidAmount);
    }
    Ok(())
}

fn add(a: i128, b: i128) -> Result<i128, SettlementError> {
    a.checked_add(b).ok_or(SettlementError::Overflow)
}

fn check_recipient(env: &Env, to: &Address) -> Result<(), SettlementError> {
    if *to == env.current_contract_address() {
        return Err(SettlementError::InvalidRecipient);
    }
    Ok(())
}

/// A credited developer must be able to withdraw: neither the settlement
/// itself nor a registered vault (contracts that never call `withdraw`).
fn check_developer(env: &Env, developer: &Address) -> Result<(), SettlementError> {
    check_recipient(env, developer)?;
    if storage::is_vault(env, developer) {
        return Err(SettlementError::InvalidRecipient);
    }
    Ok(())
}

/// Adds `amount` to `developer`'s balance; returns the new balance.
fn credit_developer(env: &Env, developer: &Address, amount: i128) -> Result<i128, SettlementError> {
    let current = storage::developer_balance(env, developer);
    let balance = add(current.unwrap_or(0), amount)?;
    storage::set_developer_balance(env, developer, balance, current.is_some());
    Ok(balance)
}

/// Everything the contract has booked: the pool plus developer balances.
fn accounted(env: &Env) -> Result<i128, SettlementError> {
    add(
        storage::pool(env).total_balance,
        storage::developer_total(env),
    )
}

fn held(env: &Env, usdc: &Address) -> i128 {
    token::TokenClient::new(env, usdc).balance(&env.current_contract_address())
}

/// `ImportPending` while a predecessor's pool or balances are not all
/// imported.
fn require_import_done(env: &Env) -> Result<(), SettlementError> {
    if let Some(predecessor) = storage::predecessor(env) {
        let count = PeerClient::new(env, &predecessor).get_developer_count();
        if !storage::pool_imported(env) || storage::import_cursor(env) < count {
            return Err(SettlementError::ImportPending);
        }
    }
    Ok(())
}

/// Pulls `amount` USDC from `vault` into the settlement.
fn pull(env: &Env, vault: &Address, amount: i128) {
    let usdc = storage::config(env).usdc_token;
    token::TokenClient::new(env, &usdc).transfer(vault, env.current_contract_address(), &amount);
}

fn credit_pool(env: &Env, vault: &Address, amount: i128) -> Result<(), SettlementError> {
    let total_balance = add(storage::pool(env).total_balance, amount)?;
    storage::set_pool_total(env, total_balance);
    PoolCredited {
        vault: vault.clone(),
        amount,
        total_balance,
    }
    .publish(env);
    Ok(())
}

/// Credits one developer and emits its event; the caller updates the
/// developer total.
fn credit_one(
    env: &Env,
    vault: &Address,
    developer: Address,
    amount: i128,
) -> Result<(), SettlementError> {
    check_positive(amount)?;
    check_developer(env, &developer)?;
    let balance = credit_developer(env, &developer, amount)?;
    DeveloperCredited {
        developer,
        vault: vault.clone(),
        amount,
        balance,
    }
    .publish(env);
    Ok(())
}

fn credit_developers(
    env: &Env,
    vault: &Address,
    credits: &Vec<Payment>,
) -> Result<i128, SettlementError> {
    let mut sum: i128 = 0;
    for credit in credits.iter() {
        sum = add(sum, credit.amount)?;
        credit_one(env, vault, credit.to, credit.amount)?;
    }
    storage::set_developer_total(env, add(storage::developer_total(env), sum)?);
    Ok(sum)
}

#[contractimpl]
impl Settlement {
    /// Creates the settlement; `vault`, when given, is registered.
    ///
    /// # Authorization
    /// None (runs once, at deployment).
    ///
    /// # Errors
    /// [`SettlementError::InvalidRecipient`] (vault = settlement).
    ///
    /// # Events
    /// `settlement_initialized`, then `vault_set` when a vault is registered.
    pub fn __constructor(
        env: Env,
        admin: Address,
        usdc_token: Address,
        vault: Option<Address>,
    ) -> Result<(), SettlementError> {
        storage::set_config(
            &env,
            &storage::Config {
                admin: admin.clone(),
                usdc_token: usdc_token.clone(),
            },
        );
        upgrade::init_schema(&env, SCHEMA_VERSION);
        SettlementInitialized { admin, usdc_token }.publish(&env);
        if let Some(vault) = vault {
            check_recipient(&env, &vault)?;
            storage::set_vault(&env, &vault, true);
            VaultSet {
                vault,
                allowed: true,
            }
            .publish(&env);
        }
        Ok(())
    }

    // ----- views -------------------------------------------------------

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

    /// The USDC token the settlement accounts in.
    ///
    /// # Authorization
    /// None (a view).
    pub fn get_usdc_token(env: Env) -> Address {
        storage::config(&env).usdc_token
    }

    /// The settlement this one was retired in favour of, if any.
    ///
    /// # Authorization
    /// None (a view).
    pub fn get_successor(env: Env) -> Option<Address> {
        storage::successor(&env)
    }

    /// The settlement this one takes over from, if any.
    ///
    /// # Authorization
    /// None (a view).
    pub fn get_predecessor(env: Env) -> Option<Address> {
        storage::predecessor(&env)
    }

    /// The predecessor index the next `import_balances` starts at.
    ///
    /// # Authorization
    /// None (a view).
    pub fn get_import_cursor(env: Env) -> u32 {
        storage::import_cursor(&env)
    }

    /// Whether `vault` may pay in.
    ///
    /// # Authorization
    /// None (a view).
    pub fn is_vault(env: Env, vault: Address) -> bool {
        storage::is_vault(&env, &vault)
    }

    /// `developer`'s withdrawable balance (0 if never credited).
    ///
    /// # Authorization
    /// None (a view).
    pub fn get_developer_balance(env: Env, developer: Address) -> i128 {
        storage::developer_balance(&env, &developer).unwrap_or(0)
    }

    /// Developers in order of first credit, from index `start`, at most
    /// `limit` (1..=`MAX_PAGE_SIZE`) of them. An empty page means the end.
    ///
    /// # Authorization
    /// None (a view).
    ///
    /// # Errors
    /// [`SettlementError::InvalidLimit`].
    pub fn get_developer_balances(
        env: Env,
        start: u32,
        limit: u32,
    ) -> Result<Vec<DeveloperBalance>, SettlementError> {
        if limit == 0 || limit > MAX_PAGE_SIZE {
            return Err(SettlementError::InvalidLimit);
        }
        let end = storage::developer_count(&env).min(start.saturating_add(limit));
        let mut page = Vec::new(&env);
        for index in start..end {
            let developer = storage::developer_at(&env, index);
            let balance = storage::developer_balance(&env, &developer).unwrap_or(0);
            page.push_back(DeveloperBalance { developer, balance });
        }
        Ok(page)
    }

    /// How many developers were ever credited (the pagination length).
    ///
    /// # Authorization
    /// None (a view).
    pub fn get_developer_count(env: Env) -> u32 {
        storage::developer_count(&env)
    }

    /// Sum of all developer balances.
    ///
    /// # Authorization
    /// None (a view).
    pub fn get_developer_total(env: Env) -> i128 {
        storage::developer_total(&env)
    }

    /// The global pool (total and ledger timestamp of the last change).
    ///
    /// # Authorization
    /// None (a view).
    pub fn get_global_pool(env: Env) -> GlobalPool {
        storage::pool(&env)
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

    // ----- payments in -------------------------------------------------

    /// A registered vault (`caller`) pays `amount`: the settlement pulls the
    /// USDC from the vault, then credits the global pool (`to_pool`, no
    /// `developer`) or `developer` (`!to_pool`).
    ///
    /// # Authorization
    /// `caller`, which must be a registered vault.
    ///
    /// # Errors
    /// [`SettlementError::Retired`], [`SettlementError::NotVault`],
    /// [`SettlementError::InvalidAmount`], [`SettlementError::InvalidPayment`],
    /// [`SettlementError::InvalidRecipient`] (`developer` is the settlement
    /// or a registered vault), [`SettlementError::Overflow`].
    ///
    /// # Events
    /// `pool_credited` or `developer_credited`.
    pub fn receive_payment(
        env: Env,
        caller: Address,
        amount: i128,
        to_pool: bool,
        developer: Option<Address>,
    ) -> Result<(), SettlementError> {
        require_vault(&env, &caller)?;
        check_positive(amount)?;
        match (to_pool, developer) {
            (true, None) => credit_pool(&env, &caller, amount)?,
            (false, Some(developer)) => {
                credit_one(&env, &caller, developer, amount)?;
                let total = add(storage::developer_total(&env), amount)?;
                storage::set_developer_total(&env, total);
            }
            _ => return Err(SettlementError::InvalidPayment),
        }
        pull(&env, &caller, amount);
        Ok(())
    }

    /// Batch form of `receive_payment` for `batch_deduct`: pulls
    /// `pool_amount` + the sum of `credits` in one transfer, credits the pool
    /// with `pool_amount` (may be 0) and each credit's developer (`to`).
    ///
    /// # Authorization
    /// `caller`, which must be a registered vault.
    ///
    /// # Errors
    /// [`SettlementError::Retired`], [`SettlementError::NotVault`],
    /// [`SettlementError::InvalidBatchSize`] (more than `MAX_BATCH_CREDITS`),
    /// [`SettlementError::InvalidAmount`] (negative pool amount, non-positive
    /// credit, or nothing to pay), [`SettlementError::InvalidRecipient`],
    /// [`SettlementError::Overflow`].
    ///
    /// # Events
    /// `pool_credited` (when `pool_amount` > 0), then one `developer_credited`
    /// per credit.
    pub fn receive_payments(
        env: Env,
        caller: Address,
        pool_amount: i128,
        credits: Vec<Payment>,
    ) -> Result<(), SettlementError> {
        require_vault(&env, &caller)?;
        if credits.len() > MAX_BATCH_CREDITS {
            return Err(SettlementError::InvalidBatchSize);
        }
        if pool_amount < 0 {
            return Err(SettlementError::InvalidAmount);
        }
        if pool_amount > 0 {
            credit_pool(&env, &caller, pool_amount)?;
        }
        let total = add(pool_amount, credit_developers(&env, &caller, &credits)?)?;
        check_positive(total)?;
        pull(&env, &caller, total);
        Ok(())
    }

    // ----- payments out ------------------------------------------------

    /// `developer` withdraws `amount` of their balance as USDC.
    ///
    /// # Authorization
    /// `developer`.
    ///
    /// # Errors
    /// [`SettlementError::Retired`], [`SettlementError::InvalidAmount`],
    /// [`SettlementError::InsufficientBalance`].
    ///
    /// # Events
    /// `developer_withdrawal`.
    pub fn withdraw(env: Env, developer: Address, amount: i128) -> Result<(), SettlementError> {
        developer.require_auth();
        require_active(&env)?;
        check_positive(amount)?;
        let current = storage::developer_balance(&env, &developer).unwrap_or(0);
        if amount > current {
            return Err(SettlementError::InsufficientBalance);
        }
        let balance = current - amount;
        storage::set_developer_balance(&env, &developer, balance, true);
        storage::set_developer_total(&env, storage::developer_total(&env) - amount);
        let usdc = storage::config(&env).usdc_token;
        token::TokenClient::new(&env, &usdc).transfer(
            &env.current_contract_address(),
            &developer,
            &amount,
        );
        DeveloperWithdrawal {
            developer,
            amount,
            balance,
        }
        .publish(&env);
        Ok(())
    }

    /// The admin pays `amount` from the global pool to `to`.
    ///
    /// # Authorization
    /// `caller`, which must be the admin.
    ///
    /// # Errors
    /// [`SettlementError::NotAdmin`], [`SettlementError::Retired`],
    /// [`SettlementError::InvalidAmount`], [`SettlementError::InvalidRecipient`],
    /// [`SettlementError::InsufficientPool`].
    ///
    /// # Events
    /// `pool_distributed`.
    pub fn distribute_pool(
        env: Env,
        caller: Address,
        to: Address,
        amount: i128,
    ) -> Result<(), SettlementError> {
        let config = require_admin(&env, &caller)?;
        require_active(&env)?;
        check_positive(amount)?;
        check_recipient(&env, &to)?;
        let pool = storage::pool(&env);
        if amount > pool.total_balance {
            return Err(SettlementError::InsufficientPool);
        }
        let total_balance = pool.total_balance - amount;
        storage::set_pool_total(&env, total_balance);
        token::TokenClient::new(&env, &config.usdc_token).transfer(
            &env.current_contract_address(),
            &to,
            &amount,
        );
        PoolDistributed {
            to,
            amount,
            total_balance,
        }
        .publish(&env);
        Ok(())
    }

    // ----- admin -------------------------------------------------------

    /// Registers (`allowed`) or deregisters a vault.
    ///
    /// # Authorization
    /// `caller`, which must be the admin.
    ///
    /// # Errors
    /// [`SettlementError::NotAdmin`], [`SettlementError::InvalidRecipient`]
    /// (the settlement itself).
    ///
    /// # Events
    /// `vault_set`.
    pub fn set_vault(
        env: Env,
        caller: Address,
        vault: Address,
        allowed: bool,
    ) -> Result<(), SettlementError> {
        require_admin(&env, &caller)?;
        check_recipient(&env, &vault)?;
        storage::set_vault(&env, &vault, allowed);
        ttl::extend_instance(&env);
        VaultSet { vault, allowed }.publish(&env);
        Ok(())
    }

    /// The admin books USDC the settlement holds beyond everything it
    /// accounts for (sent to it outside its calls) into the global pool.
    /// Returns the amount booked.
    ///
    /// # Authorization
    /// `caller`, which must be the admin.
    ///
    /// # Errors
    /// [`SettlementError::NotAdmin`], [`SettlementError::Retired`],
    /// [`SettlementError::ImportPending`], [`SettlementError::NothingToBook`],
    /// [`SettlementError::Overflow`].
    ///
    /// # Events
    /// `untracked_booked`.
    pub fn book_untracked(env: Env, caller: Address) -> Result<i128, SettlementError> {
        let config = require_admin(&env, &caller)?;
        require_active(&env)?;
        require_import_done(&env)?;
        let amount = held(&env, &config.usdc_token) - accounted(&env)?;
        if amount <= 0 {
            return Err(SettlementError::NothingToBook);
        }
        let total_balance = add(storage::pool(&env).total_balance, amount)?;
        storage::set_pool_total(&env, total_balance);
        UntrackedBooked {
            amount,
            total_balance,
        }
        .publish(&env);
        Ok(amount)
    }

    /// Redeploy-migration, on the new settlement: names `predecessor`, the
    /// settlement this one takes over from. Only then can the predecessor
    /// `retire` in its favour. Set once.
    ///
    /// # Authorization
    /// `caller`, which must be the admin.
    ///
    /// # Errors
    /// [`SettlementError::NotAdmin`], [`SettlementError::Retired`] (this
    /// settlement, or the predecessor already retired elsewhere),
    /// [`SettlementError::PredecessorAlreadySet`],
    /// [`SettlementError::InvalidRecipient`] (the settlement itself),
    /// [`SettlementError::TokenMismatch`].
    ///
    /// # Events
    /// `predecessor_set`.
    pub fn set_predecessor(
        env: Env,
        caller: Address,
        predecessor: Address,
    ) -> Result<(), SettlementError> {
        let config = require_admin(&env, &caller)?;
        require_active(&env)?;
        if storage::predecessor(&env).is_some() {
            return Err(SettlementError::PredecessorAlreadySet);
        }
        check_recipient(&env, &predecessor)?;
        let source = PeerClient::new(&env, &predecessor);
        match source.try_get_usdc_token() {
            Ok(Ok(token)) if token == config.usdc_token => {}
            _ => return Err(SettlementError::TokenMismatch),
        }
        match source.try_get_successor() {
            Ok(Ok(None)) => {}
            // One that already retired elsewhere could never be imported.
            Ok(Ok(Some(_))) => return Err(SettlementError::Retired),
            _ => return Err(SettlementError::TokenMismatch),
        }
        storage::set_predecessor(&env, &predecessor);
        PredecessorSet { predecessor }.publish(&env);
        Ok(())
    }

    /// Redeploy-migration, on the new settlement: imports the next page of
    /// at most `limit` (1..=`MAX_IMPORT`) of the retired predecessor's
    /// developer balances, read from the predecessor, and with the first
    /// page its global pool. Each index is imported once, so a retry after a
    /// time-out books nothing twice. An entry whose developer could never
    /// withdraw here (this settlement or a registered vault) is booked into
    /// the pool. Refused unless the USDC held covers everything booked.
    /// Returns how many entries this call consumed (0 = all imported).
    ///
    /// # Authorization
    /// `caller`, which must be the admin.
    ///
    /// # Errors
    /// [`SettlementError::NotAdmin`], [`SettlementError::Retired`],
    /// [`SettlementError::InvalidBatchSize`] (`limit`),
    /// [`SettlementError::NoPredecessor`],
    /// [`SettlementError::PredecessorNotRetired`],
    /// [`SettlementError::ImportNotBacked`],
    /// [`SettlementError::Overflow`].
    ///
    /// # Events
    /// `balances_imported` (when anything was imported).
    pub fn import_balances(env: Env, caller: Address, limit: u32) -> Result<u32, SettlementError> {
        let config = require_admin(&env, &caller)?;
        require_active(&env)?;
        if limit == 0 || limit > MAX_IMPORT {
            return Err(SettlementError::InvalidBatchSize);
        }
        let predecessor = storage::predecessor(&env).ok_or(SettlementError::NoPredecessor)?;
        let source = PeerClient::new(&env, &predecessor);
        if source.get_successor() != Some(env.current_contract_address()) {
            return Err(SettlementError::PredecessorNotRetired);
        }
        let cursor = storage::import_cursor(&env);
        let page = source.get_developer_balances(&cursor, &limit);
        let mut pool_amount = if storage::pool_imported(&env) {
            0
        } else {
            storage::set_pool_imported(&env);
            source.get_global_pool().total_balance
        };
        if page.is_empty() && pool_amount == 0 {
            return Ok(0);
        }
        let mut balances = Vec::new(&env);
        let mut developer_amount: i128 = 0;
        for entry in page.iter() {
            if entry.balance <= 0 {
                continue;
            }
            if check_developer(&env, &entry.developer).is_err() {
                // Credited on the predecessor to an address that can never
                // withdraw here (this settlement or a registered vault):
                // booked into the pool rather than stalling the import.
                pool_amount = add(pool_amount, entry.balance)?;
                continue;
            }
            credit_developer(&env, &entry.developer, entry.balance)?;
            developer_amount = add(developer_amount, entry.balance)?;
            balances.push_back(entry);
        }
        storage::set_developer_total(&env, add(storage::developer_total(&env), developer_amount)?);
        if pool_amount > 0 {
            storage::set_pool_total(&env, add(storage::pool(&env).total_balance, pool_amount)?);
        }
        if held(&env, &config.usdc_token) < accounted(&env)? {
            return Err(SettlementError::ImportNotBacked);
        }
        let next_index = cursor + page.len();
        storage::set_import_cursor(&env, next_index);
        ttl::extend_instance(&env);
        BalancesImported {
            predecessor,
            developers: balances.len(),
            balances,
            developer_amount,
            pool_amount,
            next_index,
        }
        .publish(&env);
        Ok(page.len())
    }

    /// Redeploy-migration, on the old settlement: moves every unit of USDC
    /// it holds to `successor` and retires this one. `successor` must be a
    /// settlement on the same token that named this one as its predecessor
    /// (`set_predecessor`). From then on payments in, withdrawals, pool
    /// distributions and imports are refused, while every view keeps
    /// answering so the successor can import the balances. Re-point the
    /// vaults first. Returns the amount moved.
    ///
    /// # Authorization
    /// `caller`, which must be the admin.
    ///
    /// # Errors
    /// [`SettlementError::NotAdmin`], [`SettlementError::Retired`],
    /// [`SettlementError::InvalidRecipient`] (the settlement itself),
    /// [`SettlementError::ImportPending`] (this settlement's own import is
    /// unfinished), [`SettlementError::SuccessorNotAccepted`] (not a
    /// settlement on our token that named us, or already retired itself).
    ///
    /// # Events
    /// `retired`.
    pub fn retire(env: Env, caller: Address, successor: Address) -> Result<i128, SettlementError> {
        let config = require_admin(&env, &caller)?;
        require_active(&env)?;
        check_recipient(&env, &successor)?;
        require_import_done(&env)?;
        let this = env.current_contract_address();
        let next = PeerClient::new(&env, &successor);
        // A settlement on our token that named us and is itself active.
        let accepted = matches!(next.try_get_usdc_token(), Ok(Ok(token)) if token == config.usdc_token)
            && matches!(next.try_get_predecessor(), Ok(Ok(Some(p))) if p == this)
            && matches!(next.try_get_successor(), Ok(Ok(None)));
        if !accepted {
            return Err(SettlementError::SuccessorNotAccepted);
        }
        let usdc = token::TokenClient::new(&env, &config.usdc_token);
        let amount = usdc.balance(&this);
        if amount > 0 {
            usdc.transfer(&this, &successor, &amount);
        }
        storage::set_successor(&env, &successor);
        Retired { successor, amount }.publish(&env);
        Ok(amount)
    }

    /// Maintenance after an upgrade from schema 1: records the pagination
    /// index of developers credited before code version 3 (so later credits
    /// keep their `DeveloperAt` entry alive) and extends the index entries
    /// of `start..start + limit` (`limit` 1..=`MAX_PAGE_SIZE`). Moves no
    /// money and changes no balance, so anyone may call it. Returns how many
    /// index entries were recorded.
    ///
    /// # Authorization
    /// None.
    ///
    /// # Errors
    /// [`SettlementError::InvalidLimit`].
    pub fn extend_index(env: Env, start: u32, limit: u32) -> Result<u32, SettlementError> {
        if limit == 0 || limit > MAX_PAGE_SIZE {
            return Err(SettlementError::InvalidLimit);
        }
        let end = storage::developer_count(&env).min(start.saturating_add(limit));
        let mut recorded = 0;
        for index in start..end {
            let developer = storage::developer_at(&env, index);
            if storage::keep_index(&env, index, &developer) {
                recorded += 1;
            }
        }
        ttl::extend_instance(&env);
        Ok(recorded)
    }

    /// Proposes `new_admin`, who must accept on or before ledger
    /// `live_until_ledger` (at most 30 days ahead; 0 cancels the proposal).
    ///
    /// # Authorization
    /// `caller`, which must be the admin.
    ///
    /// # Errors
    /// [`SettlementError::NotAdmin`], [`SettlementError::InvalidExpiry`], [`SettlementError::NoPendingAdmin`].
    ///
    /// # Events
    /// `admin_proposed`.
    pub fn set_admin(
        env: Env,
        caller: Address,
        new_admin: Address,
        live_until_ledger: u32,
    ) -> Result<(), SettlementError> {
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
    /// [`SettlementError::NoPendingAdmin`], [`SettlementError::NotPendingAdmin`], [`SettlementError::PendingAdminExpired`].
    ///
    /// # Events
    /// `admin_accepted`.
    pub fn accept_admin(env: Env, caller: Address) -> Result<(), SettlementError> {
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
    /// [`SettlementError::NotAdmin`].
    ///
    /// # Events
    /// `upgraded`.
    pub fn upgrade(
        env: Env,
        caller: Address,
        new_wasm_hash: BytesN<32>,
    ) -> Result<(), SettlementError> {
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
    /// [`SettlementError::NotAdmin`], [`SettlementError::AlreadyMigrated`].
    ///
    /// # Events
    /// `migrated`.
    pub fn migrate(env: Env, caller: Address) -> Result<(), SettlementError> {
        require_admin(&env, &caller)?;
        let from = upgrade::pending_migration(&env, SCHEMA_VERSION)
            .ok_or(SettlementError::AlreadyMigrated)?;
        ttl::extend_instance(&env);
        upgrade::finish_migration(&env, from, SCHEMA_VERSION);
        Ok(())
    }
}
