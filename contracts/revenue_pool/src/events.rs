//! Revenue-pool events. Topic 0 is the event name; data is a map with every
//! field present. Shared events come from `callora_types::events`.
use soroban_sdk::{contractevent, Address};

/// The pool was constructed (code version 3).
#[contractevent(topics = ["pool_initialized"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct PoolInitialized {
    #[topic]
    pub admin: Address,
    pub usdc_token: Address,
}

/// The admin paid `amount` USDC to `to`; `balance` is what the pool holds after.
#[contractevent(topics = ["distributed"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Distributed {
    #[topic]
    pub to: Address,
    pub amount: i128,
    pub balance: i128,
}
