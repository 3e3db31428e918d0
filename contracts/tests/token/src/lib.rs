//! # A USDC look-alike (test only)
//!
//! A SEP-41 token built with `soroban-token-sdk` (its metadata helper and
//! its standard `transfer` / `mint` / `burn` / `approve` events), so that to
//! a contract and to an indexer it is indistinguishable from a Stellar Asset
//! Contract except by its address. Its admin can make it misbehave
//! ([`Misbehaviour`]): `balance` reports more or less than an account holds,
//! `transfer` / `transfer_from` refuse with [`TokenError::TransferRefused`],
//! or a transfer debits the full amount but delivers less (a fee to the
//! admin) while its event reports the full amount.
//!
//! It is the attacker's contract, registered natively in the test host; the
//! Callora contracts under test are the built WASMs
//! (`contracts/tests/src/adversarial_token.rs`). Never deployed: it is not
//! in `CONTRACTS` and `build.sh` does not build it.
#![no_std]

use soroban_sdk::{
    contract, contracterror, contractimpl, contracttype, panic_with_error, token::TokenInterface,
    Address, Env, MuxedAddress, String,
};
use soroban_token_sdk::{
    events::{Approve, Burn, Mint, MintWithAmountOnly, Transfer, TransferWithAmountOnly},
    metadata::TokenMetadata,
    TokenUtils,
};

/// How the token lies. [`Misbehaviour::HONEST`] is a correct SEP-41 token.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Misbehaviour {
    /// Added to every `balance` answer (negative: reports less than held).
    pub balance_offset: i128,
    /// `transfer` and `transfer_from` refuse with
    /// [`TokenError::TransferRefused`].
    pub refuse_transfers: bool,
    /// Of every transfer, this much (at most the amount) goes to the admin
    /// instead of the recipient; the event still reports the full amount.
    pub transfer_fee: i128,
}

impl Misbehaviour {
    pub const HONEST: Misbehaviour = Misbehaviour {
        balance_offset: 0,
        refuse_transfers: false,
        transfer_fee: 0,
    };
}

#[contracterror]
#[derive(Copy, Clone, Debug, Eq, PartialEq)]
#[repr(u32)]
pub enum TokenError {
    /// The token refuses every transfer (misbehaviour).
    TransferRefused = 1,
    /// Not enough held (a real shortfall, whatever `balance` claims).
    InsufficientBalance = 2,
    /// Not enough allowance.
    InsufficientAllowance = 3,
    /// A negative amount.
    NegativeAmount = 4,
}

#[contracttype]
enum DataKey {
    Admin,
    Misbehaviour,
    Balance(Address),
    Allowance(Address, Address),
}

#[contracttype]
struct Allowance {
    amount: i128,
    live_until_ledger: u32,
}

#[contract]
pub struct TestToken;

fn misbehaviour(env: &Env) -> Misbehaviour {
    env.storage()
        .instance()
        .get(&DataKey::Misbehaviour)
        .unwrap_or(Misbehaviour::HONEST)
}

fn admin(env: &Env) -> Address {
    env.storage().instance().get(&DataKey::Admin).unwrap()
}

fn check_amount(env: &Env, amount: i128) {
    if amount < 0 {
        panic_with_error!(env, TokenError::NegativeAmount);
    }
}

fn held(env: &Env, id: &Address) -> i128 {
    env.storage()
        .persistent()
        .get(&DataKey::Balance(id.clone()))
        .unwrap_or(0)
}

fn set_held(env: &Env, id: &Address, amount: i128) {
    env.storage()
        .persistent()
        .set(&DataKey::Balance(id.clone()), &amount);
}

fn debit(env: &Env, id: &Address, amount: i128) {
    let balance = held(env, id);
    if balance < amount {
        panic_with_error!(env, TokenError::InsufficientBalance);
    }
    set_held(env, id, balance - amount);
}

fn credit(env: &Env, id: &Address, amount: i128) {
    set_held(env, id, held(env, id) + amount);
}

fn spend_allowance(env: &Env, from: &Address, spender: &Address, amount: i128) {
    let key = DataKey::Allowance(from.clone(), spender.clone());
    let allowance: Option<Allowance> = env.storage().temporary().get(&key);
    let available = match &allowance {
        Some(a) if a.live_until_ledger >= env.ledger().sequence() => a.amount,
        _ => 0,
    };
    if available < amount {
        panic_with_error!(env, TokenError::InsufficientAllowance);
    }
    if let Some(a) = allowance {
        let rest = Allowance {
            amount: available - amount,
            live_until_ledger: a.live_until_ledger,
        };
        env.storage().temporary().set(&key, &rest);
    }
}

/// Moves `amount` from `from` to `to` as the misbehaviour says, and emits
/// the standard `transfer` event for the full amount.
fn move_funds(env: &Env, from: Address, to: MuxedAddress, amount: i128) {
    check_amount(env, amount);
    let m = misbehaviour(env);
    if m.refuse_transfers {
        panic_with_error!(env, TokenError::TransferRefused);
    }
    let fee = m.transfer_fee.clamp(0, amount);
    debit(env, &from, amount);
    credit(env, &to.address(), amount - fee);
    credit(env, &admin(env), fee);
    match to.id() {
        None => TransferWithAmountOnly {
            from,
            to: to.address(),
            amount,
        }
        .publish(env),
        Some(id) => Transfer {
            from,
            to: to.address(),
            to_muxed_id: Some(id),
            amount,
        }
        .publish(env),
    }
}

fn burn_funds(env: &Env, from: Address, amount: i128) {
    check_amount(env, amount);
    debit(env, &from, amount);
    Burn { from, amount }.publish(env);
}

#[contractimpl]
impl TestToken {
    /// A token named and shaped like `name` / `symbol` / `decimal` (copy a
    /// real asset's to make a look-alike), honest until the admin says
    /// otherwise.
    pub fn __constructor(env: Env, admin: Address, decimal: u32, name: String, symbol: String) {
        env.storage().instance().set(&DataKey::Admin, &admin);
        TokenUtils::new(&env)
            .metadata()
            .set_metadata(&TokenMetadata {
                decimal,
                name,
                symbol,
            });
    }

    /// The admin mints `amount` to `to`.
    pub fn mint(env: Env, to: MuxedAddress, amount: i128) {
        admin(&env).require_auth();
        check_amount(&env, amount);
        credit(&env, &to.address(), amount);
        match to.id() {
            None => MintWithAmountOnly {
                to: to.address(),
                amount,
            }
            .publish(&env),
            Some(id) => Mint {
                to: to.address(),
                to_muxed_id: Some(id),
                amount,
            }
            .publish(&env),
        }
    }

    /// The admin changes how the token lies from now on.
    pub fn set_misbehaviour(env: Env, misbehaviour: Misbehaviour) {
        admin(&env).require_auth();
        env.storage()
            .instance()
            .set(&DataKey::Misbehaviour, &misbehaviour);
    }

    /// What `id` really holds, whatever `balance` says.
    pub fn held(env: Env, id: Address) -> i128 {
        held(&env, &id)
    }
}

#[contractimpl]
impl TokenInterface for TestToken {
    fn allowance(env: Env, from: Address, spender: Address) -> i128 {
        let allowance: Option<Allowance> = env
            .storage()
            .temporary()
            .get(&DataKey::Allowance(from, spender));
        match allowance {
            Some(a) if a.live_until_ledger >= env.ledger().sequence() => a.amount,
            _ => 0,
        }
    }

    fn approve(env: Env, from: Address, spender: Address, amount: i128, live_until_ledger: u32) {
        from.require_auth();
        check_amount(&env, amount);
        let key = DataKey::Allowance(from.clone(), spender.clone());
        let allowance = Allowance {
            amount,
            live_until_ledger,
        };
        env.storage().temporary().set(&key, &allowance);
        Approve {
            from,
            spender,
            amount,
            live_until_ledger,
        }
        .publish(&env);
    }

    /// What `id` holds plus the misbehaviour's `balance_offset`.
    fn balance(env: Env, id: Address) -> i128 {
        held(&env, &id) + misbehaviour(&env).balance_offset
    }

    fn transfer(env: Env, from: Address, to: MuxedAddress, amount: i128) {
        from.require_auth();
        move_funds(&env, from, to, amount);
    }

    fn transfer_from(env: Env, spender: Address, from: Address, to: Address, amount: i128) {
        spender.require_auth();
        spend_allowance(&env, &from, &spender, amount);
        move_funds(&env, from, to.into(), amount);
    }

    fn burn(env: Env, from: Address, amount: i128) {
        from.require_auth();
        burn_funds(&env, from, amount);
    }

    fn burn_from(env: Env, spender: Address, from: Address, amount: i128) {
        spender.require_auth();
        spend_allowance(&env, &from, &spender, amount);
        burn_funds(&env, from, amount);
    }

    fn decimals(env: Env) -> u32 {
        TokenUtils::new(&env).metadata().get_metadata().decimal
    }

    fn name(env: Env) -> String {
        TokenUtils::new(&env).metadata().get_metadata().name
    }

    fn symbol(env: Env) -> String {
        TokenUtils::new(&env).metadata().get_metadata().symbol
    }
}
