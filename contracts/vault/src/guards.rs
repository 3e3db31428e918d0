//! Authorization and input checks, run at the top of each entry point.
//!
//! Each `require_*` authorizes its address first (`require_auth`), then
//! checks the role against the stored configuration and returns it.
use callora_types::ttl::MAX_REQUEST_VALIDITY;
use soroban_sdk::{Address, Env, String};

use crate::{
    errors::VaultError,
    storage::{self, Config},
    MAX_REQUEST_ID_LEN,
};

/// `caller` authorized and is the admin (the operator).
pub fn require_admin(env: &Env, caller: &Address) -> Result<Config, VaultError> {
    caller.require_auth();
    let config = storage::config(env);
    if *caller != config.admin {
        return Err(VaultError::NotAdmin);
    }
    Ok(config)
}

/// `caller` authorized and is the admin, and the admin is not the owner.
/// Vaults upgraded from code version 1 or 2 may still have the owner as
/// admin (the old default): such an admin may only hand over to an operator
/// (`set_admin`) and `migrate`, never route deducts or change the backend.
pub fn require_operator(env: &Env, caller: &Address) -> Result<Config, VaultError> {
    let config = require_admin(env, caller)?;
    if config.admin == config.owner {
        return Err(VaultError::AdminIsOwner);
    }
    Ok(config)
}

/// `caller` authorized and is the owner.
pub fn require_owner(env: &Env, caller: &Address) -> Result<Config, VaultError> {
    caller.require_auth();
    let config = storage::config(env);
    if *caller != config.owner {
        return Err(VaultError::NotOwner);
    }
    Ok(config)
}

/// `caller` authorized and is the authorized caller (the backend).
pub fn require_authorized_caller(env: &Env, caller: &Address) -> Result<Config, VaultError> {
    caller.require_auth();
    let config = storage::config(env);
    if config.authorized_caller.as_ref() != Some(caller) {
        return Err(VaultError::NotAuthorizedCaller);
    }
    Ok(config)
}

pub fn check_positive(amount: i128) -> Result<(), VaultError> {
    if amount <= 0 {
        return Err(VaultError::InvalidAmount);
    }
    Ok(())
}

/// Non-empty and at most `max` bytes.
pub fn check_len(value: &String, max: u32) -> bool {
    !value.is_empty() && value.len() <= max
}

/// `address` (a destination, recipient or credited developer) is not the
/// vault itself.
pub fn check_not_self(env: &Env, address: Option<&Address>) -> Result<(), VaultError> {
    if address == Some(&env.current_contract_address()) {
        return Err(VaultError::InvalidRecipient);
    }
    Ok(())
}

/// A request may be charged through ledger `valid_until_ledger`, which must
/// not lie further ahead than its id is kept.
pub fn check_validity(env: &Env, valid_until_ledger: u32) -> Result<(), VaultError> {
    let now = env.ledger().sequence();
    if valid_until_ledger < now {
        return Err(VaultError::RequestExpired);
    }
    if valid_until_ledger - now > MAX_REQUEST_VALIDITY {
        return Err(VaultError::ValidityTooLong);
    }
    Ok(())
}

/// Validates one deduct against the configuration and records its request
/// id. A processed id is refused before the validity window is checked, so
/// a retry learns "already charged" for as long as the id is kept.
pub fn admit_request(
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
