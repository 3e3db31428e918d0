//! Client traits for cross-contract calls.
//!
//! The vault calls the settlement through [`SettlementClient`], generated
//! from [`SettlementInterface`]; it never links the settlement crate. The
//! settlement implements exactly these signatures (a test in the
//! integration crate calls the built settlement WASM through this client).
use soroban_sdk::{contractclient, Address, Env, Vec};

/// A credit the vault asks the settlement to book after a deduct.
pub use crate::types::Payment;

/// What the vault needs from a settlement contract.
#[contractclient(name = "SettlementClient")]
pub trait SettlementInterface {
    /// Pulls `amount` USDC from `caller` (a registered vault, which must have
    /// authorized the transfer) and credits the global pool when `to_pool`,
    /// else `developer`.
    fn receive_payment(
        env: Env,
        caller: Address,
        amount: i128,
        to_pool: bool,
        developer: Option<Address>,
    );

    /// Batch form of `receive_payment`: pulls the sum of `credits` in one
    /// transfer and credits each entry (`to` = developer). `pool_amount` is
    /// credited to the global pool.
    fn receive_payments(env: Env, caller: Address, pool_amount: i128, credits: Vec<Payment>);

    /// The USDC token the settlement accounts in.
    fn get_usdc_token(env: Env) -> Address;
}
