//! The benchmark's floor: the cheapest contract that does only what a deduct
//! must do — authorize the caller, move USDC out in one Stellar Asset
//! Contract transfer, emit one event. Every vault money-path entry point is
//! reported as a ratio to `charge` (docs/costs.md). Not deployed.
#![no_std]

use soroban_sdk::{contract, contractevent, contractimpl, contracttype, token, Address, Env};

#[contracttype]
enum Key {
    Usdc,
    To,
}

#[contractevent]
pub struct Charged {
    pub amount: i128,
}

#[contract]
pub struct Floor;

#[contractimpl]
impl Floor {
    pub fn __constructor(env: Env, usdc: Address, to: Address) {
        env.storage().instance().set(&Key::Usdc, &usdc);
        env.storage().instance().set(&Key::To, &to);
    }

    /// Authorizes `caller`, pays `amount` to the configured address, emits.
    pub fn charge(env: Env, caller: Address, amount: i128) {
        caller.require_auth();
        let usdc: Address = env.storage().instance().get(&Key::Usdc).unwrap();
        let to: Address = env.storage().instance().get(&Key::To).unwrap();
        token::TokenClient::new(&env, &usdc).transfer(
            &env.current_contract_address(),
            &to,
            &amount,
        );
        Charged { amount }.publish(&env);
    }
}
