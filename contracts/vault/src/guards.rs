//! Authorization and input checks, run at the top of each entry point.
//!
//! Each `require_*` authorizes its address first (`require_auth`), then
//! checks the role against the stored configuration and returns it.
use callora_types::ttl::MAX_REQUEST_VALIDITY;
use soroban_sdk::{vec, xdr::ToXdr, Address, BytesN, Env, IntoVal, String};

use crate::{
    errors::VaultError,
    storage::{self, Config},
    DeductBatch, MAX_REQUEST_ID_LEN,
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
    check_authorized_caller(env, caller)
}

/// `caller` is the authorized caller (its authorization already required).
fn check_authorized_caller(env: &Env, caller: &Address) -> Result<Config, VaultError> {
    let config = storage::config(env);
    if config.authorized_caller.as_ref() != Some(caller) {
        return Err(VaultError::NotAuthorizedCaller);
    }
    Ok(config)
}

/// `caller` authorized `batch_deduct` over the batch's digest (its only
/// signed argument) and is the authorized caller. The digest is
/// `sha256(xdr(ScVal::Vec([request_id, batch, valid_until_ledger])))`: it
/// binds every argument but `caller` (which the signature itself binds),
/// while the signed invocation stays 32 bytes however long the batch.
pub fn require_authorized_caller_for_batch(
    env: &Env,
    caller: &Address,
    request_id: &String,
    batch: &DeductBatch,
    valid_until_ledger: u32,
) -> Result<Config, VaultError> {
    let preimage = (request_id.clone(), batch.clone(), valid_until_ledger).to_xdr(env);
    let digest: BytesN<32> = env.crypto().sha256(&preimage).into();
    caller.require_auth_for_args(vec![env, digest.into_val(env)]);
    check_authorized_caller(env, caller)
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

/// One charged amount: positive and at most `max_deduct`.
pub fn check_charge(config: &Config, amount: i128) -> Result<(), VaultError> {
    check_positive(amount)?;
    if amount > config.max_deduct {
        return Err(VaultError::ExceedsMaxDeduct);
    }
    Ok(())
}

/// A request id (a deduct's, a batch's or a batch call's): 1..=64 bytes.
pub fn check_request_id(request_id: &String) -> Result<(), VaultError> {
    if !check_len(request_id, MAX_REQUEST_ID_LEN) {
        return Err(VaultError::InvalidRequestId);
    }
    Ok(())
}

/// Validates a request id and records it. A processed id is refused before
/// anything else about the request is checked (its validity window, the
/// balance), so a retry learns "already charged" for as long as the id is
/// kept.
pub fn admit_request(env: &Env, request_id: &String) -> Result<(), VaultError> {
    check_request_id(request_id)?;
    if storage::is_request_processed(env, request_id) {
        return Err(VaultError::DuplicateRequest);
    }
    storage::record_request(env, request_id);
    Ok(())
}
