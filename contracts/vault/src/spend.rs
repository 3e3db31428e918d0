//! The owner's spend limit: at most `amount` deducted per window of
//! `period_ledgers` ledgers. A window opens at the first deduct after the
//! previous one ended, so windows never overlap and any `period_ledgers`
//! consecutive ledgers meet at most two of them: whoever controls the
//! operator's and the backend's keys can deduct at most `2 × amount` in any
//! period, and `amount × (⌈T / period⌉ + 1)` over `T` ledgers.
use soroban_sdk::Env;

use crate::{
    errors::VaultError,
    storage::{self, SpendLimit, SpendWindow},
    MAX_SPEND_PERIOD,
};

pub fn check_limit(limit: &Option<SpendLimit>) -> Result<(), VaultError> {
    if let Some(limit) = limit {
        if limit.amount <= 0 || limit.period_ledgers == 0 || limit.period_ledgers > MAX_SPEND_PERIOD
        {
            return Err(VaultError::InvalidSpendLimit);
        }
    }
    Ok(())
}

/// Counts `amount` against the limit (no-op without one).
pub fn charge(env: &Env, amount: i128) -> Result<(), VaultError> {
    let Some(limit) = storage::spend_limit(env) else {
        return Ok(());
    };
    let now = env.ledger().sequence();
    let mut window = storage::spend_window(env).unwrap_or(SpendWindow {
        start_ledger: now,
        spent: 0,
    });
    if now - window.start_ledger >= limit.period_ledgers {
        window = SpendWindow {
            start_ledger: now,
            spent: 0,
        };
    }
    window.spent = window
        .spent
        .checked_add(amount)
        .ok_or(VaultError::Overflow)?;
    if window.spent > limit.amount {
        return Err(VaultError::SpendLimitExceeded);
    }
    storage::set_spend_window(env, &window);
    Ok(())
}
