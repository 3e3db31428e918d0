//! The built contracts, imported from their WASM specs.
//!
//! The vault's constructor has the playbook's eight `init` parameters plus
//! `admin` (code version 3).
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

/// Code version 1, frozen (`fixtures/v1/PROVENANCE`).
pub mod v1 {
    pub mod vault {
        soroban_sdk::contractimport!(file = "fixtures/v1/callora_vault.wasm");
    }
    pub mod revenue_pool {
        soroban_sdk::contractimport!(file = "fixtures/v1/callora_revenue_pool.wasm");
    }
    pub mod settlement {
        soroban_sdk::contractimport!(file = "fixtures/v1/callora_settlement.wasm");
    }
}

/// Code version 2, frozen (`fixtures/v2/PROVENANCE`).
pub mod v2 {
    pub mod vault {
        soroban_sdk::contractimport!(file = "fixtures/v2/callora_vault.wasm");
    }
    pub mod revenue_pool {
        soroban_sdk::contractimport!(file = "fixtures/v2/callora_revenue_pool.wasm");
    }
    pub mod settlement {
        soroban_sdk::contractimport!(file = "fixtures/v2/callora_settlement.wasm");
    }
}

/// The benchmark's floor contract (`tools/floor`), built by `build.sh`.
pub const FLOOR_WASM: &[u8] = include_bytes!("../../../artifacts/callora_floor.wasm");
