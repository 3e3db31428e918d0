//! The built contracts, imported from their WASM specs.
//!
//! The vault's constructor keeps the playbook's eight `init` parameters.
#![allow(clippy::too_many_arguments)]
pub mod vault {
    soroban_sdk::contractimport!(file = "../../artifacts/callora_vault.wasm");
}
pub mod revenue_pool {
    soroban_sdk::contractimport!(file = "../../artifacts/callora_revenue_pool.wasm");
}
pub mod settlement {
    soroban_sdk::contractimport!(file = "../../artifacts/callora_settlement.wasm");
}
