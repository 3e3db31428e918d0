//! In-place upgrade and schema migration, shared by the three contracts.
//!
//! Built on OpenZeppelin's `upgradeable` storage helpers: the schema version
//! lives in instance storage and defaults to 0 (never migrated), so a
//! migration step runs exactly once per version and cannot be replayed.
//!
//! The new code only runs after the `upgrade` invocation returns, so the
//! operator calls `migrate` in a separate transaction.
use soroban_sdk::{BytesN, Env};
use stellar_contract_utils::upgradeable;

use crate::events::{Migrated, Upgraded};

/// Schedules the swap to `new_wasm_hash` (effective when the invocation
/// returns) and emits `upgraded`. Authorization is the caller's job.
pub fn upgrade(env: &Env, new_wasm_hash: &BytesN<32>, from_version: u32) {
    Upgraded {
        new_wasm_hash: new_wasm_hash.clone(),
        from_version,
    }
    .publish(env);
    upgradeable::upgrade(env, new_wasm_hash);
}

/// The stored schema version (0 when never set).
pub fn schema_version(env: &Env) -> u32 {
    upgradeable::get_schema_version(env)
}

/// Records schema version `to` without an event (constructors use it: a
/// freshly constructed contract is already at the current layout).
pub fn init_schema(env: &Env, to: u32) {
    upgradeable::set_schema_version(env, to);
}

/// Returns the stored schema version if it is older than `to`, else `None`
/// (already migrated). The caller transforms its data, then calls
/// [`finish_migration`].
pub fn pending_migration(env: &Env, to: u32) -> Option<u32> {
    let from = schema_version(env);
    (from < to).then_some(from)
}

/// Records schema version `to` and emits `migrated`.
pub fn finish_migration(env: &Env, from: u32, to: u32) {
    upgradeable::set_schema_version(env, to);
    Migrated { from, to }.publish(env);
}
