//! Events every Callora contract emits the same way.
//!
//! Topic 0 is the event name; data is a map with every field present (even
//! when `None`), so an indexer decodes by field name with one decoder per
//! event name across all three contracts.
use soroban_sdk::{contractevent, Address, BytesN};

/// The admin proposed `pending_admin` as the next admin, acceptable through
/// ledger `live_until_ledger` (0 = the open proposal was cancelled).
#[contractevent(topics = ["admin_proposed"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct AdminProposed {
    #[topic]
    pub admin: Address,
    pub pending_admin: Address,
    pub live_until_ledger: u32,
}

/// `admin` accepted the handover from `previous_admin`.
#[contractevent(topics = ["admin_accepted"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct AdminAccepted {
    #[topic]
    pub admin: Address,
    pub previous_admin: Address,
}

/// The contract's code was replaced by `new_wasm_hash`; `from_version` is the
/// code version (`version()`) that ran the upgrade. Indexers pin a decoder
/// cut-over on this event.
#[contractevent(topics = ["upgraded"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Upgraded {
    pub new_wasm_hash: BytesN<32>,
    pub from_version: u32,
}

/// Stored data was migrated from schema version `from` to `to`.
#[contractevent(topics = ["migrated"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Migrated {
    pub from: u32,
    pub to: u32,
}
