//! Revenue-pool events. Topic 0 is the event name; data is a map with every
//! field present. Shared events come from `callora_types::events`.
use soroban_sdk::{contractevent, Address};

/// The admin paid `amount` USDC to `to`; `balance` is what the pool holds after.
#[contractevent(topics = ["distributed"], sparse = false)]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Distributed {
    #[topic]
    pub to: Address,
    pub amount: i128,
    pub balance: i128,
}
