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

pub use crate::limits::{DAY_IN_LEDGERS, MAX_REQUEST_VALIDITY, REQUEST_ID_TTL};

/// Instance storage (and the contract code) is extended to this many ledgers.
pub const INSTANCE_EXTEND_AMOUNT: u32 = 30 * DAY_IN_LEDGERS;
/// Instance storage is extended once its TTL falls below this.
pub const INSTANCE_TTL_THRESHOLD: u32 = INSTANCE_EXTEND_AMOUNT - DAY_IN_LEDGERS;

/// Persistent entries are extended to this many ledgers.
pub const PERSISTENT_EXTEND_AMOUNT: u32 = 30 * DAY_IN_LEDGERS;
/// Persistent entries are extended once their TTL falls below this.
pub const PERSISTENT_TTL_THRESHOLD: u32 = PERSISTENT_EXTEND_AMOUNT - DAY_IN_LEDGERS;

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
