//! TTL policy shared by all three contracts.
//!
//! Ledgers close about every 5 seconds, so a day is 17,280 ledgers. Every
//! entry a contract relies on is extended where it is read or written, but
//! only once its remaining TTL has fallen below the threshold (one day less
//! than the extension), so a busy contract pays for at most one extension of
//! each entry per day.
//!
//! | entry kind | extended to | when below |
//! |---|---|---|
//! | instance (configuration, balances of the contract itself) | 30 days | 29 days |
//! | persistent (per developer / depositor / offering) | 30 days | 29 days |
//! | temporary request ids (idempotency) | 1 day (fixed at write; requests are valid for at most 1 hour) | — |
use soroban_sdk::{Env, IntoVal, Val};

/// Ledgers per day at 5 s per ledger.
pub const DAY_IN_LEDGERS: u32 = 17_280;

/// Instance storage (and the contract code) is extended to this many ledgers.
pub const INSTANCE_EXTEND_AMOUNT: u32 = 30 * DAY_IN_LEDGERS;
/// Instance storage is extended once its TTL falls below this.
pub const INSTANCE_TTL_THRESHOLD: u32 = INSTANCE_EXTEND_AMOUNT - DAY_IN_LEDGERS;

/// Persistent entries are extended to this many ledgers.
pub const PERSISTENT_EXTEND_AMOUNT: u32 = 30 * DAY_IN_LEDGERS;
/// Persistent entries are extended once their TTL falls below this.
pub const PERSISTENT_TTL_THRESHOLD: u32 = PERSISTENT_EXTEND_AMOUNT - DAY_IN_LEDGERS;

/// How long a processed request id is remembered (temporary storage): one
/// day, the network's minimum lifetime for a temporary entry, so the rent is
/// the least the network charges.
pub const REQUEST_ID_TTL: u32 = DAY_IN_LEDGERS;

/// How far ahead of the current ledger a deduct's `valid_until_ledger` may
/// lie (one hour). A request is refused once its `valid_until_ledger` has
/// passed, and its id is kept for [`REQUEST_ID_TTL`] ledgers from processing,
/// so an id outlives every ledger at which a retry of its request could still
/// be accepted by at least `REQUEST_ID_TTL - MAX_REQUEST_VALIDITY` ledgers
/// (23 hours): a retry can never charge twice, and for 23 hours after
/// `valid_until_ledger` `is_request_processed` answers definitively.
pub const MAX_REQUEST_VALIDITY: u32 = DAY_IN_LEDGERS / 24;

/// Extends the current contract's instance (and code) TTL per the policy.
pub fn extend_instance(env: &Env) {
    env.storage()
        .instance()
        .extend_ttl(INSTANCE_TTL_THRESHOLD, INSTANCE_EXTEND_AMOUNT);
}

/// Extends a persistent entry's TTL per the policy. The entry must exist.
pub fn extend_persistent<K: IntoVal<Env, Val>>(env: &Env, key: &K) {
    env.storage()
        .persistent()
        .extend_ttl(key, PERSISTENT_TTL_THRESHOLD, PERSISTENT_EXTEND_AMOUNT);
}
