//! Two-step admin handover shared by the three contracts.
//!
//! The current admin proposes a new admin with an expiry ledger; the proposed
//! address completes the handover by authorizing `accept_admin` on or before
//! that ledger. A mistyped or unsignable address therefore can never lock a
//! contract: until it accepts, the current admin stays in charge and can
//! overwrite or cancel the proposal.
//!
//! The pending proposal lives in instance storage (one small fixed-size
//! value) and the expiry is checked explicitly, independent of any TTL.
//!
//! These helpers do not check authorization: callers authorize the current
//! admin (propose) or the pending admin (accept) first.
use soroban_sdk::{Address, Env, IntoVal, Val};

use crate::{
    events::{AdminAccepted, AdminProposed},
    types::PendingAdmin,
};

/// A proposal may stay open for at most this many ledgers (30 days).
pub use crate::limits::MAX_HANDOVER_LEDGERS;

/// Why a handover step was refused. Each contract maps these onto its own
/// error codes (`base + 50 ..`, see [`crate::errors`]).
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum HandoverError {
    /// `accept_admin` with no proposal open (or cancelling none).
    NoPendingAdmin,
    /// The proposal's `live_until_ledger` has passed.
    PendingAdminExpired,
    /// `accept_admin` by an address other than the proposed one.
    NotPendingAdmin,
    /// `live_until_ledger` is in the past or beyond [`MAX_HANDOVER_LEDGERS`].
    InvalidExpiry,
}

/// Implements `From<HandoverError>` for a contract's error enum, whose
/// variants `NoPendingAdmin`, `PendingAdminExpired`, `NotPendingAdmin` and
/// `InvalidExpiry` carry the codes `base + 51 ..= base + 54`.
#[macro_export]
macro_rules! handover_errors {
    ($error:ident) => {
        impl From<$crate::admin::HandoverError> for $error {
            fn from(e: $crate::admin::HandoverError) -> Self {
                use $crate::admin::HandoverError as H;
                match e {
                    H::NoPendingAdmin => $error::NoPendingAdmin,
                    H::PendingAdminExpired => $error::PendingAdminExpired,
                    H::NotPendingAdmin => $error::NotPendingAdmin,
                    H::InvalidExpiry => $error::InvalidExpiry,
                }
            }
        }
    };
}

/// Opens (or replaces) a proposal for `new_admin`, valid through ledger
/// `live_until_ledger`, and emits `admin_proposed`. `live_until_ledger == 0`
/// cancels the open proposal: `new_admin` is then ignored and the event names
/// the cancelled proposal's address with `live_until_ledger` 0.
pub fn propose<K: IntoVal<Env, Val>>(
    env: &Env,
    pending_key: &K,
    admin: &Address,
    new_admin: &Address,
    live_until_ledger: u32,
) -> Result<(), HandoverError> {
    let storage = env.storage().instance();
    let pending_admin = if live_until_ledger == 0 {
        // A cancellation names the proposal it closes, not the argument.
        let open: PendingAdmin = storage
            .get(pending_key)
            .ok_or(HandoverError::NoPendingAdmin)?;
        storage.remove(pending_key);
        open.address
    } else {
        store_proposal(env, pending_key, new_admin, live_until_ledger)?;
        new_admin.clone()
    };
    AdminProposed {
        admin: admin.clone(),
        pending_admin,
        live_until_ledger,
    }
    .publish(env);
    Ok(())
}

fn store_proposal<K: IntoVal<Env, Val>>(
    env: &Env,
    pending_key: &K,
    new_admin: &Address,
    live_until_ledger: u32,
) -> Result<(), HandoverError> {
    let now = env.ledger().sequence();
    if live_until_ledger < now || live_until_ledger - now > MAX_HANDOVER_LEDGERS {
        return Err(HandoverError::InvalidExpiry);
    }
    env.storage().instance().set(
        pending_key,
        &PendingAdmin {
            address: new_admin.clone(),
            live_until_ledger,
        },
    );
    Ok(())
}

/// Closes the proposal if `caller` is the proposed admin and it has not
/// expired, and emits `admin_accepted`. The caller stores the new admin.
pub fn accept<K: IntoVal<Env, Val>>(
    env: &Env,
    pending_key: &K,
    caller: &Address,
    previous_admin: &Address,
) -> Result<(), HandoverError> {
    let storage = env.storage().instance();
    let pending: PendingAdmin = storage
        .get(pending_key)
        .ok_or(HandoverError::NoPendingAdmin)?;
    if pending.address != *caller {
        return Err(HandoverError::NotPendingAdmin);
    }
    if env.ledger().sequence() > pending.live_until_ledger {
        return Err(HandoverError::PendingAdminExpired);
    }
    storage.remove(pending_key);
    AdminAccepted {
        admin: pending.address,
        previous_admin: previous_admin.clone(),
    }
    .publish(env);
    Ok(())
}

/// The open proposal, if any (expired proposals included, so an operator can
/// see one that lapsed).
pub fn pending<K: IntoVal<Env, Val>>(env: &Env, pending_key: &K) -> Option<PendingAdmin> {
    env.storage().instance().get(pending_key)
}
