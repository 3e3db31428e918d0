//! Where deducted USDC goes, and how it gets there.
use callora_types::clients::{Payment, SettlementClient};
use soroban_sdk::{
    auth::{ContractContext, InvokerContractAuthEntry, SubContractInvocation},
    symbol_short, token, vec, Address, Env, IntoVal, Vec,
};

use crate::{errors::VaultError, storage::Config};

/// The configured destination of deducts: the settlement when set, else the
/// revenue pool.
pub enum Destination {
    Settlement(Address),
    RevenuePool(Address),
}

impl Config {
    /// Where deducts are paid, or [`VaultError::NoDestination`].
    pub fn destination(&self) -> Result<Destination, VaultError> {
        match (&self.settlement, &self.revenue_pool) {
            (Some(settlement), _) => Ok(Destination::Settlement(settlement.clone())),
            (None, Some(pool)) => Ok(Destination::RevenuePool(pool.clone())),
            (None, None) => Err(VaultError::NoDestination),
        }
    }
}

/// Lets `settlement` pull `amount` USDC from this vault in the call that
/// follows (the settlement credits only what it actually received).
fn authorize_pull(env: &Env, usdc: &Address, settlement: &Address, amount: i128) {
    env.authorize_as_current_contract(vec![
        env,
        InvokerContractAuthEntry::Contract(SubContractInvocation {
            context: ContractContext {
                contract: usdc.clone(),
                fn_name: symbol_short!("transfer"),
                args: (env.current_contract_address(), settlement.clone(), amount).into_val(env),
            },
            sub_invocations: vec![env],
        }),
    ]);
}

/// Pays one deduct: the settlement credits `developer` (or its pool when
/// `None`); the revenue pool simply receives the USDC.
pub fn pay_one(
    env: &Env,
    usdc: &Address,
    destination: &Destination,
    amount: i128,
    developer: Option<Address>,
) {
    let vault = env.current_contract_address();
    match destination {
        Destination::Settlement(settlement) => {
            authorize_pull(env, usdc, settlement, amount);
            let to_pool = developer.is_none();
            SettlementClient::new(env, settlement)
                .receive_payment(&vault, &amount, &to_pool, &developer);
        }
        Destination::RevenuePool(pool) => {
            token::TokenClient::new(env, usdc).transfer(&vault, pool, &amount)
        }
    }
}

/// Pays a batch's `total` in one transfer: the settlement credits
/// `pool_amount` to its pool and each of `credits` (one per distinct
/// developer) to its developer.
pub fn pay_batch(
    env: &Env,
    usdc: &Address,
    destination: &Destination,
    total: i128,
    pool_amount: i128,
    credits: Vec<Payment>,
) {
    match destination {
        Destination::Settlement(_) if credits.len() == 1 && pool_amount == 0 => {
            let only = credits.get_unchecked(0);
            pay_one(env, usdc, destination, total, Some(only.to));
        }
        Destination::Settlement(settlement) if !credits.is_empty() => {
            authorize_pull(env, usdc, settlement, total);
            SettlementClient::new(env, settlement).receive_payments(
                &env.current_contract_address(),
                &pool_amount,
                &credits,
            );
        }
        // Everything to the settlement's pool, or to a revenue pool.
        _ => pay_one(env, usdc, destination, total, None),
    }
}
