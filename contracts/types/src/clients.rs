//! Client traits for cross-contract calls.
//!
//! The vault calls the settlement through [`SettlementClient`], generated
//! from [`SettlementInterface`]; it never links the settlement crate. A
//! settlement calls its predecessor and successor (redeploy-migration)
//! through the same client. The settlement implements exactly these
//! signatures (tests in the integration crate call the built settlement WASM
//! through this client), and every view used on a predecessor exists with
//! the same signature in code versions 2 and 3.
use soroban_sdk::{contractclient, Address, Env, Vec};

use crate::types::{DeveloperBalance, GlobalPool};

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

    /// The settlement this one takes over from (code version 3).
    fn get_predecessor(env: Env) -> Option<Address>;

    /// The settlement this one was retired in favour of.
    fn get_successor(env: Env) -> Option<Address>;

    /// How many developers were ever credited.
    fn get_developer_count(env: Env) -> u32;

    /// Developers in order of first credit, from `start`, at most `limit`.
    fn get_developer_balances(env: Env, start: u32, limit: u32) -> Vec<DeveloperBalance>;

    /// The global pool.
    fn get_global_pool(env: Env) -> GlobalPool;
}
