//! Bad input on the built WASMs: every attacker- or operator-controlled
//! input gets its exact typed error and changes nothing. (The native unit
//! tests cover the same codes entry point by entry point; this is the
//! reviewer's checklist, against the code that ships.)
//!
//! "Changes nothing" is checked on the whole ledger: every refusal runs
//! through [`refuse`], which snapshots every ledger entry (contract data,
//! instances, USDC balances, TTLs) before the call and compares after.
extern crate std;

use crate::{
    limits::MAX_BATCH_DEVELOPERS,
    wasm::{revenue_pool, settlement, vault},
    world::{vault_args, World},
};
use callora_types::ttl::{DAY_IN_LEDGERS, MAX_REQUEST_VALIDITY};
use soroban_sdk::{
    testutils::Address as _,
    vec,
    xdr::{LedgerKey, Limits, ReadXdr, ScVal, WriteXdr},
    Address, Env, InvokeError, Vec,
};
use std::{collections::BTreeMap, fmt::Debug, format, vec::Vec as StdVec};

use revenue_pool::RevenuePoolError as P;
use settlement::SettlementError as S;
use vault::VaultError as V;

/// Every ledger entry, by XDR key: (XDR entry, live-until ledger). Auth
/// nonces are left out (they belong to the signer, not to the contracts).
pub(crate) type LedgerState = BTreeMap<StdVec<u8>, (StdVec<u8>, Option<u32>)>;

pub(crate) fn ledger_state(env: &Env) -> LedgerState {
    env.to_ledger_snapshot()
        .ledger_entries
        .into_iter()
        .filter(|(k, _)| {
            !matches!(k.as_ref(), LedgerKey::ContractData(d) if matches!(d.key, ScVal::LedgerKeyNonce(_)))
        })
        .map(|(k, (e, ttl))| {
            (
                k.to_xdr(Limits::none()).unwrap(),
                (e.to_xdr(Limits::none()).unwrap(), ttl),
            )
        })
        .collect()
}

/// Fails, naming every entry that differs, unless the ledger equals
/// `before`.
#[track_caller]
pub(crate) fn assert_unchanged(env: &Env, before: &LedgerState, what: &str) {
    let after = ledger_state(env);
    if after == *before {
        return;
    }
    let mut diff = StdVec::new();
    for key in before.keys().chain(after.keys()) {
        if before.get(key) != after.get(key) {
            let k = LedgerKey::from_xdr(key, Limits::none()).unwrap();
            diff.push(format!(
                "{k:?}: ttl {:?} -> {:?}",
                before.get(key).map(|v| v.1),
                after.get(key).map(|v| v.1)
            ));
        }
    }
    diff.dedup();
    panic!("{what} changed the ledger:\n{}", diff.join("\n"));
}

/// Runs `call`, which must return exactly `expected`, and checks that the
/// ledger is unchanged.
#[track_caller]
fn refuse<T: PartialEq + Debug>(env: &Env, expected: T, call: impl FnOnce() -> T) {
    let before = ledger_state(env);
    let got = call();
    let at = std::panic::Location::caller();
    assert_eq!(got, expected, "at {at}");
    assert_unchanged(env, &before, &format!("the refusal at {at}"));
}

fn item(w: &World, amount: i128, id: &str, developer: Option<&Address>) -> crate::world::Item {
    crate::world::Item {
        amount,
        request_id: w.s(id),
        developer: developer.cloned(),
    }
}

/// A batch's id: `b:` and its first call's id (unique wherever the suite
/// reuses no call id).
fn bid(w: &World, items: &Vec<crate::world::Item>) -> soroban_sdk::String {
    match items.first() {
        Some(first) => w.s(&format!("b:{}", first.request_id)),
        None => w.s("b:empty"),
    }
}

/// A settlement-routed consumer with `deposit` deposited and one developer
/// credited 100.
fn funded(w: &World, deposit: i128) -> (crate::world::Consumer, Address) {
    let c = w.consumer(deposit + 1_000_000, true);
    c.vault.deposit(&c.owner, &deposit);
    let dev = Address::generate(&w.env);
    c.vault.deduct(
        &w.backend,
        &100,
        &w.s("seed"),
        &Some(dev.clone()),
        &w.until(),
    );
    (c, dev)
}

#[test]
fn amounts_zero_negative_and_extremes() {
    let w = World::new();
    let (c, dev) = funded(&w, 10_000);
    let (v, e) = (&c.vault, &w.env);
    w.sac.mint(&w.pool.address, &1_000);
    for bad in [0, -1, i128::MIN] {
        refuse(e, Err(Ok(V::InvalidAmount)), || {
            v.try_deposit(&c.owner, &bad)
        });
        refuse(e, Err(Ok(V::InvalidAmount)), || v.try_withdraw(&bad));
        refuse(e, Err(Ok(V::InvalidAmount)), || {
            v.try_withdraw_to(&dev, &bad)
        });
        refuse(e, Err(Ok(V::InvalidAmount)), || {
            v.try_deduct(&w.backend, &bad, &w.s("x"), &None, &w.until())
        });
        refuse(e, Err(Ok(V::InvalidAmount)), || {
            let items = vec![e, item(&w, 1, "ok", None), item(&w, bad, "bad", None)];
            v.try_batch_deduct(
                &w.backend,
                &bid(&w, &items),
                &crate::world::columns_of(&w.env, &items),
                &w.until(),
            )
        });
        refuse(e, Err(Ok(S::InvalidAmount)), || {
            w.settlement.try_withdraw(&dev, &bad)
        });
        refuse(e, Err(Ok(S::InvalidAmount)), || {
            w.settlement.try_distribute_pool(&w.admin, &dev, &bad)
        });
        refuse(e, Err(Ok(P::InvalidAmount)), || {
            w.pool.try_distribute(&w.admin, &dev, &bad)
        });
        refuse(e, Err(Ok(V::InvalidConfig)), || {
            v.try_set_min_deposit(&w.admin, &bad)
        });
        refuse(e, Err(Ok(V::InvalidConfig)), || {
            v.try_set_max_deduct(&w.admin, &bad)
        });
        refuse(e, Err(Ok(V::InvalidSpendLimit)), || {
            let limit = vault::SpendLimit {
                amount: bad,
                period_ledgers: DAY_IN_LEDGERS,
            };
            v.try_set_spend_limit(&c.owner, &Some(limit))
        });
    }
    // i128::MAX is a valid amount that nobody has.
    refuse(e, Err(Ok(V::InsufficientBalance)), || {
        v.try_withdraw(&i128::MAX)
    });
    refuse(e, Err(Ok(V::InsufficientBalance)), || {
        v.try_deduct(&w.backend, &i128::MAX, &w.s("x"), &None, &w.until())
    });
    refuse(e, Err(Ok(S::InsufficientBalance)), || {
        w.settlement.try_withdraw(&dev, &i128::MAX)
    });
    refuse(e, Err(Ok(S::InsufficientPool)), || {
        w.settlement.try_distribute_pool(&w.admin, &dev, &i128::MAX)
    });
    refuse(e, Err(Ok(P::InsufficientBalance)), || {
        w.pool.try_distribute(&w.admin, &dev, &i128::MAX)
    });
    // Above max_deduct.
    v.set_max_deduct(&w.admin, &50);
    refuse(e, Err(Ok(V::ExceedsMaxDeduct)), || {
        v.try_deduct(&w.backend, &51, &w.s("x"), &None, &w.until())
    });
    // Below min_deposit.
    v.set_min_deposit(&w.admin, &10);
    refuse(e, Err(Ok(V::BelowMinDeposit)), || {
        v.try_deposit(&c.owner, &9)
    });
    // The tracked balance would overflow: typed before any transfer.
    refuse(e, Err(Ok(V::Overflow)), || {
        v.try_deposit(&c.owner, &i128::MAX)
    });
    // More than the owner holds: the USDC contract's own typed error (#10).
    refuse(e, Err(Err(InvokeError::Contract(10))), || {
        v.try_deposit(&c.owner, &2_000_000)
    });
}

#[test]
fn overflow_on_accumulation() {
    let w = World::new();
    let e = &w.env;
    let c = w.consumer(0, true);
    let v = &c.vault;
    w.sac.mint(&c.owner, &i128::MAX);
    v.deposit(&c.owner, &i128::MAX);
    let friend = Address::generate(e);
    w.sac.mint(&friend, &1);
    v.set_allowed_depositor(&c.owner, &friend, &true);
    refuse(e, Err(Ok(V::Overflow)), || v.try_deposit(&friend, &1));
    // Settlement: a developer credited i128::MAX, then 1 more.
    let dev = Address::generate(e);
    let other_vault = Address::generate(e);
    w.settlement.set_vault(&w.admin, &other_vault, &true);
    w.sac.mint(&other_vault, &10);
    v.deduct(
        &w.backend,
        &i128::MAX,
        &w.s("all"),
        &Some(dev.clone()),
        &w.until(),
    );
    refuse(e, Err(Ok(S::Overflow)), || {
        w.settlement
            .try_receive_payment(&other_vault, &1, &false, &Some(dev.clone()))
    });
    let credits = vec![
        e,
        settlement::Payment {
            to: dev.clone(),
            amount: 1,
        },
    ];
    refuse(e, Err(Ok(S::Overflow)), || {
        w.settlement
            .try_receive_payments(&other_vault, &0, &credits)
    });
    // Revenue pool: a batch whose total overflows.
    w.sac.mint(&w.pool.address, &10);
    let batch = vec![
        e,
        revenue_pool::Payment {
            to: dev.clone(),
            amount: i128::MAX,
        },
        revenue_pool::Payment {
            to: dev.clone(),
            amount: 1,
        },
    ];
    refuse(e, Err(Ok(P::Overflow)), || {
        w.pool.try_batch_distribute(&w.admin, &batch)
    });
    assert_eq!(w.settlement.get_developer_balance(&dev), i128::MAX);
    assert_eq!(w.balance(&other_vault), 10);

    // The spend window's total: a limit of i128::MAX, spent in full, then
    // one more unit after a top-up (reachable: the vault was emptied).
    let c = w.consumer(0, false);
    let v = &c.vault;
    let limit = vault::SpendLimit {
        amount: i128::MAX,
        period_ledgers: DAY_IN_LEDGERS,
    };
    v.set_spend_limit(&c.owner, &Some(limit));
    w.sac.mint(&c.owner, &i128::MAX);
    v.deposit(&c.owner, &i128::MAX);
    let pool = Address::generate(e);
    v.set_revenue_pool(&w.admin, &Some(pool.clone()));
    v.deduct(&w.backend, &i128::MAX, &w.s("max"), &None, &w.until());
    w.sac.mint(&c.owner, &1);
    v.deposit(&c.owner, &1);
    refuse(e, Err(Ok(V::Overflow)), || {
        v.try_deduct(&w.backend, &1, &w.s("one"), &None, &w.until())
    });
    refuse(e, Err(Ok(V::Overflow)), || {
        let items = vec![e, item(&w, 1, "one", None)];
        v.try_batch_deduct(
            &w.backend,
            &bid(&w, &items),
            &crate::world::columns_of(&w.env, &items),
            &w.until(),
        )
    });
}

#[test]
fn wrong_token_and_not_a_settlement() {
    let w = World::new();
    let e = &w.env;
    let c = w.consumer(0, false);
    let other = e
        .register_stellar_asset_contract_v2(Address::generate(e))
        .address();
    let foreign = e.register(settlement::WASM, (w.admin.clone(), other, None::<Address>));
    refuse(e, Err(Ok(V::TokenMismatch)), || {
        c.vault.try_set_settlement(&w.admin, &Some(foreign.clone()))
    });
    // An account address is not a settlement.
    let account = Address::generate(e);
    refuse(e, Err(Ok(V::TokenMismatch)), || {
        c.vault.try_set_settlement(&w.admin, &Some(account.clone()))
    });
    // The revenue pool answers get_usdc_token with the same token but is
    // not a settlement (no get_successor): refused; so is a retired one.
    refuse(e, Err(Ok(V::TokenMismatch)), || {
        c.vault
            .try_set_settlement(&w.admin, &Some(w.pool.address.clone()))
    });
    let retired = settlement::Client::new(
        e,
        &e.register(
            settlement::WASM,
            (w.admin.clone(), w.usdc.clone(), None::<Address>),
        ),
    );
    let heir = settlement::Client::new(
        e,
        &e.register(
            settlement::WASM,
            (w.admin.clone(), w.usdc.clone(), None::<Address>),
        ),
    );
    heir.set_predecessor(&w.admin, &retired.address);
    retired.retire(&w.admin, &heir.address);
    refuse(e, Err(Ok(V::TokenMismatch)), || {
        c.vault
            .try_set_settlement(&w.admin, &Some(retired.address.clone()))
    });
    c.vault.set_settlement(&w.admin, &None);
    assert_eq!(c.vault.get_settlement(), None);
    // The settlement's peers: another token, or not a settlement.
    refuse(e, Err(Ok(S::TokenMismatch)), || {
        w.settlement.try_set_predecessor(&w.admin, &foreign)
    });
    refuse(e, Err(Ok(S::TokenMismatch)), || {
        w.settlement.try_set_predecessor(&w.admin, &account)
    });
    refuse(e, Err(Ok(S::SuccessorNotAccepted)), || {
        w.settlement.try_retire(&w.admin, &foreign)
    });
}

#[test]
fn lengths_and_batch_sizes() {
    let w = World::new();
    let e = &w.env;
    let (c, _) = funded(&w, 1_000);
    let v = &c.vault;
    let long = "x".repeat(65);
    for id in [long.as_str(), ""] {
        refuse(e, Err(Ok(V::InvalidRequestId)), || {
            v.try_deduct(&w.backend, &1, &w.s(id), &None, &w.until())
        });
        refuse(e, Err(Ok(V::InvalidRequestId)), || {
            let items = vec![e, item(&w, 1, "fine", None), item(&w, 1, id, None)];
            v.try_batch_deduct(
                &w.backend,
                &bid(&w, &items),
                &crate::world::columns_of(&w.env, &items),
                &w.until(),
            )
        });
    }
    // 64 bytes is accepted.
    v.deduct(&w.backend, &1, &w.s(&"y".repeat(64)), &None, &w.until());
    refuse(e, Err(Ok(V::InvalidMetadata)), || {
        v.try_set_metadata(&w.admin, &w.s(&long), &w.s("m"))
    });
    refuse(e, Err(Ok(V::InvalidMetadata)), || {
        v.try_set_metadata(&w.admin, &w.s(""), &w.s("m"))
    });
    refuse(e, Err(Ok(V::InvalidMetadata)), || {
        v.try_set_metadata(&w.admin, &w.s("o"), &w.s(&"m".repeat(257)))
    });
    refuse(e, Err(Ok(V::InvalidMetadata)), || {
        v.try_set_metadata(&w.admin, &w.s("o"), &w.s(""))
    });
    refuse(e, Err(Ok(V::InvalidBatchSize)), || {
        v.try_batch_deduct(
            &w.backend,
            &soroban_sdk::String::from_str(&w.env, "bad_input-batch-4"),
            &crate::world::columns_of(&w.env, &Vec::new(e)),
            &w.until(),
        )
    });
    // The constructor's max_batch is the maximum (100); 101 items and a
    // max_batch above it are refused.
    assert_eq!(v.get_max_batch(), 100);
    let mut big = Vec::new(e);
    for i in 0..101 {
        big.push_back(item(&w, 1, &format!("b{i}"), None));
    }
    refuse(e, Err(Ok(V::InvalidBatchSize)), || {
        v.try_batch_deduct(
            &w.backend,
            &bid(&w, &big),
            &crate::world::columns_of(&w.env, &big),
            &w.until(),
        )
    });
    for bad in [0, 101, u32::MAX] {
        refuse(e, Err(Ok(V::InvalidConfig)), || {
            v.try_set_max_batch(&w.admin, &bad)
        });
    }
    // A lowered max_batch binds.
    v.set_max_batch(&w.admin, &2);
    refuse(e, Err(Ok(V::InvalidBatchSize)), || {
        let items = vec![
            e,
            item(&w, 1, "t1", None),
            item(&w, 1, "t2", None),
            item(&w, 1, "t3", None),
        ];
        v.try_batch_deduct(
            &w.backend,
            &bid(&w, &items),
            &crate::world::columns_of(&w.env, &items),
            &w.until(),
        )
    });
    refuse(e, Err(Ok(P::InvalidBatchSize)), || {
        w.pool.try_batch_distribute(&w.admin, &Vec::new(e))
    });
    w.sac.mint(&w.pool.address, &100);
    let mut payments = Vec::new(e);
    for _ in 0..31 {
        payments.push_back(revenue_pool::Payment {
            to: Address::generate(e),
            amount: 1,
        });
    }
    refuse(e, Err(Ok(P::InvalidBatchSize)), || {
        w.pool.try_batch_distribute(&w.admin, &payments)
    });
    for limit in [0, 51, u32::MAX] {
        refuse(e, Err(Ok(S::InvalidBatchSize)), || {
            w.settlement.try_import_balances(&w.admin, &limit)
        });
    }
    for limit in [0, 101] {
        refuse(e, Err(Ok(S::InvalidLimit)), || {
            w.settlement.try_get_developer_balances(&0, &limit)
        });
        refuse(e, Err(Ok(S::InvalidLimit)), || {
            w.settlement.try_extend_index(&0, &limit)
        });
    }
    // receive_payments with more than 100 credits.
    let payer = Address::generate(e);
    w.settlement.set_vault(&w.admin, &payer, &true);
    w.sac.mint(&payer, &1_000);
    let mut credits = Vec::new(e);
    for _ in 0..101 {
        credits.push_back(settlement::Payment {
            to: Address::generate(e),
            amount: 1,
        });
    }
    refuse(e, Err(Ok(S::InvalidBatchSize)), || {
        w.settlement.try_receive_payments(&payer, &0, &credits)
    });
    // Nothing to pay at all; a pool payment naming a developer.
    refuse(e, Err(Ok(S::InvalidAmount)), || {
        w.settlement.try_receive_payments(&payer, &0, &Vec::new(e))
    });
    refuse(e, Err(Ok(S::InvalidAmount)), || {
        w.settlement.try_receive_payments(&payer, &-1, &Vec::new(e))
    });
    refuse(e, Err(Ok(S::InvalidPayment)), || {
        w.settlement
            .try_receive_payment(&payer, &1, &true, &Some(payer.clone()))
    });
    refuse(e, Err(Ok(S::InvalidPayment)), || {
        w.settlement.try_receive_payment(&payer, &1, &false, &None)
    });
}

/// `valid_until_ledger`: the current ledger and `MAX_REQUEST_VALIDITY` (720)
/// ahead are the edges; one before is `RequestExpired` (120), one after is
/// `ValidityTooLong` (121), for single deducts and batches alike.
#[test]
fn validity_window_edges() {
    let w = World::new();
    let e = &w.env;
    let (c, dev) = funded(&w, 10_000);
    let v = &c.vault;
    let now = e.ledger().sequence();
    let cases = [
        (now - 1, Some(V::RequestExpired)),
        (0, Some(V::RequestExpired)),
        (now + MAX_REQUEST_VALIDITY + 1, Some(V::ValidityTooLong)),
        (u32::MAX, Some(V::ValidityTooLong)),
        (now, None),
        (now + MAX_REQUEST_VALIDITY, None),
    ];
    for (i, (until, error)) in cases.into_iter().enumerate() {
        let single = w.s(&format!("single-{i}"));
        let items = vec![
            e,
            item(&w, 1, &format!("batch-{i}"), Some(&dev)),
            item(&w, 1, &format!("batch-pool-{i}"), None),
        ];
        match error {
            Some(err) => {
                refuse(e, Err(Ok(err)), || {
                    v.try_deduct(&w.backend, &1, &single, &None, &until)
                });
                refuse(e, Err(Ok(err)), || {
                    v.try_batch_deduct(
                        &w.backend,
                        &bid(&w, &items),
                        &crate::world::columns_of(&w.env, &items),
                        &until,
                    )
                });
                assert!(!v.is_request_processed(&single));
            }
            None => {
                v.deduct(&w.backend, &1, &single, &None, &until);
                v.batch_deduct(
                    &w.backend,
                    &bid(&w, &items),
                    &crate::world::columns_of(&w.env, &items),
                    &until,
                );
                assert!(v.is_request_processed(&single));
            }
        }
    }
    // A processed id is a duplicate before its validity is looked at: the
    // retry learns "already charged" even after `valid_until_ledger`.
    refuse(e, Err(Ok(V::DuplicateRequest)), || {
        v.try_deduct(&w.backend, &1, &w.s("single-4"), &None, &(now - 1))
    });
    // So is a processed batch id, whatever the batch now lists.
    refuse(e, Err(Ok(V::DuplicateRequest)), || {
        let items = vec![e, item(&w, 1, "other", None)];
        v.try_batch_deduct(
            &w.backend,
            &w.s("b:batch-4"),
            &crate::world::columns_of(&w.env, &items),
            &(now - 1),
        )
    });
    assert_eq!(v.balance(), 10_000 - 100 - 2 * 3);
}

/// Spend limits: amount ≤ 0, period 0 or above `MAX_SPEND_PERIOD` are
/// `InvalidSpendLimit` (123); the edges are accepted; a deduct or batch
/// over the window's remainder is `SpendLimitExceeded` (122).
#[test]
fn spend_limit_inputs() {
    let w = World::new();
    let e = &w.env;
    let (c, dev) = funded(&w, 10_000);
    let v = &c.vault;
    let max_period = 365 * DAY_IN_LEDGERS;
    let limit = |amount, period_ledgers| {
        Some(vault::SpendLimit {
            amount,
            period_ledgers,
        })
    };
    for (amount, period) in [
        (0, DAY_IN_LEDGERS),
        (-1, DAY_IN_LEDGERS),
        (i128::MIN, DAY_IN_LEDGERS),
        (100, 0),
        (100, max_period + 1),
        (100, u32::MAX),
    ] {
        refuse(e, Err(Ok(V::InvalidSpendLimit)), || {
            v.try_set_spend_limit(&c.owner, &limit(amount, period))
        });
    }
    v.set_spend_limit(&c.owner, &limit(i128::MAX, max_period));
    v.set_spend_limit(&c.owner, &limit(1, 1));
    v.set_spend_limit(&c.owner, &None);
    refuse(e, Ok(Ok(())), || v.try_set_spend_limit(&c.owner, &None));
    assert_eq!(v.get_spend_limit(), None);
    assert_eq!(v.get_spend_window(), None);

    v.set_spend_limit(&c.owner, &limit(50, DAY_IN_LEDGERS));
    v.deduct(&w.backend, &30, &w.s("a"), &Some(dev.clone()), &w.until());
    refuse(e, Err(Ok(V::SpendLimitExceeded)), || {
        v.try_deduct(&w.backend, &21, &w.s("b"), &None, &w.until())
    });
    refuse(e, Err(Ok(V::SpendLimitExceeded)), || {
        let items = vec![e, item(&w, 10, "c1", Some(&dev)), item(&w, 11, "c2", None)];
        v.try_batch_deduct(
            &w.backend,
            &bid(&w, &items),
            &crate::world::columns_of(&w.env, &items),
            &w.until(),
        )
    });
    // Exactly the remainder passes.
    let items = vec![e, item(&w, 10, "d1", Some(&dev)), item(&w, 10, "d2", None)];
    v.batch_deduct(
        &w.backend,
        &bid(&w, &items),
        &crate::world::columns_of(&w.env, &items),
        &w.until(),
    );
    refuse(e, Err(Ok(V::SpendLimitExceeded)), || {
        v.try_deduct(&w.backend, &1, &w.s("e"), &None, &w.until())
    });
    assert_eq!(
        v.get_spend_window().map(|s| s.spent),
        Some(50),
        "every refusal left the window as it was"
    );
}

/// Credits that nobody could ever withdraw: to the vault itself
/// (`InvalidRecipient` 114), to the settlement or a registered vault (the
/// settlement's `InvalidRecipient` 309, propagated), and more than
/// `MAX_BATCH_DEVELOPERS` distinct developers in a batch (125).
#[test]
fn developers_that_could_never_withdraw_and_too_many_developers() {
    let w = World::new();
    let e = &w.env;
    let (c, dev) = funded(&w, 10_000);
    let other = w.consumer(0, true);
    let v = &c.vault;
    let me = v.address.clone();
    refuse(e, Err(Ok(V::InvalidRecipient)), || {
        v.try_deduct(&w.backend, &1, &w.s("x"), &Some(me.clone()), &w.until())
    });
    refuse(e, Err(Ok(V::InvalidRecipient)), || {
        let items = vec![
            e,
            item(&w, 1, "x1", Some(&dev)),
            item(&w, 1, "x2", Some(&me)),
        ];
        v.try_batch_deduct(
            &w.backend,
            &bid(&w, &items),
            &crate::world::columns_of(&w.env, &items),
            &w.until(),
        )
    });
    let propagated = Err(Err(InvokeError::Contract(S::InvalidRecipient as u32)));
    for bad in [w.settlement.address.clone(), other.vault.address.clone()] {
        refuse(e, propagated, || {
            v.try_deduct(&w.backend, &1, &w.s("y"), &Some(bad.clone()), &w.until())
        });
        // Alone in a batch (the single-credit path), with another developer
        // (`receive_payments`), and with the pool.
        for items in [
            vec![
                e,
                item(&w, 1, "y1", Some(&bad)),
                item(&w, 1, "y2", Some(&bad)),
            ],
            vec![
                e,
                item(&w, 1, "y1", Some(&dev)),
                item(&w, 1, "y2", Some(&bad)),
            ],
            vec![e, item(&w, 1, "y1", None), item(&w, 1, "y2", Some(&bad))],
        ] {
            refuse(e, propagated, || {
                v.try_batch_deduct(
                    &w.backend,
                    &bid(&w, &items),
                    &crate::world::columns_of(&w.env, &items),
                    &w.until(),
                )
            });
        }
    }
    // One developer too many: refused; the maximum plus the pool: accepted.
    let max = MAX_BATCH_DEVELOPERS as usize;
    let developers: StdVec<Address> = (0..=max).map(|_| Address::generate(e)).collect();
    let mut items = Vec::new(e);
    for (i, d) in developers.iter().enumerate() {
        items.push_back(item(&w, 1, &format!("many-{i}"), Some(d)));
        items.push_back(item(&w, 1, &format!("again-{i}"), Some(d)));
    }
    refuse(e, Err(Ok(V::TooManyDevelopers)), || {
        v.try_batch_deduct(
            &w.backend,
            &bid(&w, &items),
            &crate::world::columns_of(&w.env, &items),
            &w.until(),
        )
    });
    let mut items = Vec::new(e);
    for (i, d) in developers.iter().take(max).enumerate() {
        items.push_back(item(&w, 1, &format!("many-{i}"), Some(d)));
    }
    items.push_back(item(&w, 1, "to-pool", None));
    v.batch_deduct(
        &w.backend,
        &bid(&w, &items),
        &crate::world::columns_of(&w.env, &items),
        &w.until(),
    );
    assert_eq!(w.settlement.get_developer_count(), 1 + max as u32);
    assert_eq!(v.balance(), 10_000 - 100 - 1 - max as i128);
}

#[test]
fn unregistered_vaults_and_self_transfers() {
    let w = World::new();
    let e = &w.env;
    let c = w.consumer(1_000, false);
    c.vault.deposit(&c.owner, &500);
    let stranger = Address::generate(e);
    w.sac.mint(&stranger, &100);
    refuse(e, Err(Ok(S::NotVault)), || {
        w.settlement
            .try_receive_payment(&stranger, &10, &true, &None)
    });
    refuse(e, Err(Ok(S::NotVault)), || {
        w.settlement
            .try_receive_payments(&stranger, &10, &Vec::new(e))
    });
    let me = c.vault.address.clone();
    refuse(e, Err(Ok(V::InvalidRecipient)), || {
        c.vault.try_withdraw_to(&me, &1)
    });
    w.sac.mint(&me, &5);
    refuse(e, Err(Ok(V::InvalidRecipient)), || c.vault.try_sweep(&me));
    refuse(e, Err(Ok(V::InvalidRecipient)), || {
        c.vault.try_set_revenue_pool(&w.admin, &Some(me.clone()))
    });
    refuse(e, Err(Ok(V::InvalidRecipient)), || {
        c.vault.try_set_settlement(&w.admin, &Some(me.clone()))
    });
    w.sac.mint(&w.pool.address, &10);
    refuse(e, Err(Ok(P::InvalidRecipient)), || {
        w.pool.try_distribute(&w.admin, &w.pool.address, &1)
    });
    let s = &w.settlement.address;
    w.sac.mint(s, &10);
    w.settlement.book_untracked(&w.admin);
    refuse(e, Err(Ok(S::InvalidRecipient)), || {
        w.settlement.try_distribute_pool(&w.admin, s, &1)
    });
    refuse(e, Err(Ok(S::InvalidRecipient)), || {
        w.settlement.try_set_vault(&w.admin, s, &true)
    });
    refuse(e, Err(Ok(S::InvalidRecipient)), || {
        w.settlement.try_set_predecessor(&w.admin, s)
    });
    refuse(e, Err(Ok(S::InvalidRecipient)), || {
        w.settlement.try_retire(&w.admin, s)
    });
    // The owner can never be named admin.
    let until = e.ledger().sequence() + 10;
    refuse(e, Err(Ok(V::AdminIsOwner)), || {
        c.vault.try_set_admin(&w.admin, &c.owner, &until)
    });
    assert_eq!(w.balance(&stranger), 100);
    assert_eq!(w.balance(&c.vault.address), 505);
}

#[test]
fn calls_before_dependencies_are_configured() {
    let w = World::new();
    let e = &w.env;
    // A vault with no authorized caller and no destination yet.
    let owner = Address::generate(e);
    w.sac.mint(&owner, &1_000);
    let id = e.register(
        vault::WASM,
        vault_args(&owner, &w.admin, &w.usdc, None, None),
    );
    let v = vault::Client::new(e, &id);
    v.deposit(&owner, &100);
    refuse(e, Err(Ok(V::NotAuthorizedCaller)), || {
        v.try_deduct(&w.backend, &1, &w.s("r"), &None, &w.until())
    });
    v.set_authorized_caller(&w.admin, &Some(w.backend.clone()));
    refuse(e, Err(Ok(V::NoDestination)), || {
        v.try_deduct(&w.backend, &1, &w.s("r"), &None, &w.until())
    });
    refuse(e, Err(Ok(V::NoDestination)), || {
        let items = vec![e, item(&w, 1, "r", None)];
        v.try_batch_deduct(
            &w.backend,
            &bid(&w, &items),
            &crate::world::columns_of(&w.env, &items),
            &w.until(),
        )
    });
    // Routed to a settlement that has not registered it: NotVault (301)
    // propagates.
    v.set_settlement(&w.admin, &Some(w.settlement.address.clone()));
    refuse(e, Err(Err(InvokeError::Contract(301))), || {
        v.try_deduct(&w.backend, &1, &w.s("r"), &None, &w.until())
    });
    // No proposal to accept or cancel; a pause that is not on.
    refuse(e, Err(Ok(V::NoPendingAdmin)), || {
        v.try_accept_admin(&w.backend)
    });
    refuse(e, Err(Ok(V::NoPendingAdmin)), || {
        v.try_set_admin(&w.admin, &w.backend, &0)
    });
    refuse(e, Err(Ok(V::NotPaused)), || v.try_unpause(&w.admin));
    v.pause(&w.admin);
    refuse(e, Err(Ok(V::AlreadyPaused)), || v.try_pause(&w.admin));
    refuse(e, Err(Ok(V::Paused)), || v.try_deposit(&owner, &10));
    // Expiries beyond 30 days or in the past.
    let now = e.ledger().sequence();
    for bad in [now - 1, now + 30 * DAY_IN_LEDGERS + 1] {
        refuse(e, Err(Ok(V::InvalidExpiry)), || {
            v.try_set_admin(&w.admin, &w.backend, &bad)
        });
        refuse(e, Err(Ok(S::InvalidExpiry)), || {
            w.settlement.try_set_admin(&w.admin, &w.backend, &bad)
        });
        refuse(e, Err(Ok(P::InvalidExpiry)), || {
            w.pool.try_set_admin(&w.admin, &w.backend, &bad)
        });
    }
    // Nothing to migrate.
    refuse(e, Err(Ok(V::AlreadyMigrated)), || v.try_migrate(&w.admin));
    refuse(e, Err(Ok(S::AlreadyMigrated)), || {
        w.settlement.try_migrate(&w.admin)
    });
    refuse(e, Err(Ok(P::AlreadyMigrated)), || {
        w.pool.try_migrate(&w.admin)
    });
    assert_eq!(v.balance(), 100);
    assert!(!v.is_request_processed(&w.s("r")));
}

/// `sweep` with no untracked USDC (126), `book_untracked` with none (317).
#[test]
fn nothing_to_sweep_or_book() {
    let w = World::new();
    let e = &w.env;
    let (c, _) = funded(&w, 1_000);
    refuse(e, Err(Ok(V::NothingToSweep)), || {
        c.vault.try_sweep(&c.owner)
    });
    let empty = w.consumer(0, false);
    refuse(e, Err(Ok(V::NothingToSweep)), || {
        empty.vault.try_sweep(&empty.owner)
    });
    refuse(e, Err(Ok(S::NothingToBook)), || {
        w.settlement.try_book_untracked(&w.admin)
    });
    w.sac.mint(&w.settlement.address, &7);
    assert_eq!(w.settlement.book_untracked(&w.admin), 7);
    refuse(e, Err(Ok(S::NothingToBook)), || {
        w.settlement.try_book_untracked(&w.admin)
    });
    w.assert_settlement_backed();
}

fn new_settlement(w: &World) -> settlement::Client<'static> {
    let id = w.env.register(
        settlement::WASM,
        (w.admin.clone(), w.usdc.clone(), None::<Address>),
    );
    settlement::Client::new(&w.env, &id)
}

/// The redeploy path's inputs: `set_predecessor`, `retire` and
/// `import_balances`, each refusal exact and without effect.
#[test]
fn redeploy_inputs() {
    let w = World::new();
    let e = &w.env;
    let (c, dev) = funded(&w, 1_000);
    let old = &w.settlement;
    let next = new_settlement(&w);
    let third = new_settlement(&w);
    let account = Address::generate(e);

    // import before any predecessor; retire to settlements that did not
    // name this one, to an account and to the revenue pool.
    refuse(e, Err(Ok(S::NoPredecessor)), || {
        next.try_import_balances(&w.admin, &10)
    });
    for to in [&next.address, &account, &w.pool.address] {
        refuse(e, Err(Ok(S::SuccessorNotAccepted)), || {
            old.try_retire(&w.admin, to)
        });
    }
    // The revenue pool answers the token but is not a settlement.
    refuse(e, Err(Ok(S::TokenMismatch)), || {
        next.try_set_predecessor(&w.admin, &w.pool.address)
    });
    // A successor that named someone else.
    third.set_predecessor(&w.admin, &next.address);
    refuse(e, Err(Ok(S::SuccessorNotAccepted)), || {
        old.try_retire(&w.admin, &third.address)
    });
    next.set_predecessor(&w.admin, &old.address);
    refuse(e, Err(Ok(S::PredecessorAlreadySet)), || {
        next.try_set_predecessor(&w.admin, &third.address)
    });
    refuse(e, Err(Ok(S::PredecessorNotRetired)), || {
        next.try_import_balances(&w.admin, &10)
    });
    // The successor's own import is pending: it cannot book untracked USDC
    // or retire onwards.
    refuse(e, Err(Ok(S::ImportPending)), || {
        next.try_book_untracked(&w.admin)
    });
    assert_eq!(old.retire(&w.admin, &next.address), 100);
    // Everything on the retired settlement is refused.
    refuse(e, Err(Ok(S::Retired)), || {
        old.try_retire(&w.admin, &next.address)
    });
    refuse(e, Err(Ok(S::Retired)), || old.try_withdraw(&dev, &1));
    refuse(e, Err(Ok(S::Retired)), || {
        old.try_set_predecessor(&w.admin, &third.address)
    });
    refuse(e, Err(Ok(S::Retired)), || old.try_book_untracked(&w.admin));
    refuse(e, Err(Ok(S::Retired)), || {
        old.try_import_balances(&w.admin, &1)
    });
    refuse(
        e,
        Err(Err(InvokeError::Contract(S::Retired as u32))),
        || {
            c.vault
                .try_deduct(&w.backend, &1, &w.s("late"), &None, &w.until())
        },
    );
    // A settlement cannot name a predecessor that already retired elsewhere.
    let fourth = new_settlement(&w);
    refuse(e, Err(Ok(S::Retired)), || {
        fourth.try_set_predecessor(&w.admin, &old.address)
    });
    // Mid-import, `next` may not retire onwards (and a retired successor is
    // never accepted).
    fourth.set_predecessor(&w.admin, &next.address);
    refuse(e, Err(Ok(S::ImportPending)), || {
        next.try_retire(&w.admin, &fourth.address)
    });
    assert_eq!(next.import_balances(&w.admin, &10), 1);
    assert_eq!(next.import_balances(&w.admin, &10), 0);
    assert_eq!(next.get_developer_balance(&dev), 100);
    let fifth = new_settlement(&w);
    fifth.set_predecessor(&w.admin, &next.address);
    assert_eq!(next.retire(&w.admin, &fourth.address), 100);
    // `next` retired into `fourth`, not `fifth`.
    refuse(e, Err(Ok(S::PredecessorNotRetired)), || {
        fifth.try_import_balances(&w.admin, &1)
    });
    // `fourth` cannot retire before its import, nor afterwards into a
    // settlement that named someone else.
    refuse(e, Err(Ok(S::ImportPending)), || {
        fourth.try_retire(&w.admin, &fifth.address)
    });
    assert_eq!(fourth.import_balances(&w.admin, &10), 1);
    refuse(e, Err(Ok(S::SuccessorNotAccepted)), || {
        fourth.try_retire(&w.admin, &fifth.address)
    });
    assert_eq!(fourth.get_developer_balance(&dev), 100);
    assert_eq!(w.balance(&fourth.address), 100);
}

/// A predecessor entry credited to an address that could never withdraw
/// on the successor (the successor itself, or a vault registered there) is
/// not refused — that would stall the whole redeploy — but booked into the
/// successor's pool, where the admin can distribute it.
#[test]
fn import_books_undeliverable_entries_into_the_pool() {
    let w = World::new();
    let (c, dev) = funded(&w, 1_000);
    let next = new_settlement(&w);
    let stuck = Address::generate(&w.env);
    c.vault
        .deduct(&w.backend, &40, &w.s("s"), &Some(stuck.clone()), &w.until());
    c.vault.deduct(&w.backend, &7, &w.s("p"), &None, &w.until());
    next.set_predecessor(&w.admin, &w.settlement.address);
    assert_eq!(w.settlement.retire(&w.admin, &next.address), 147);
    next.set_vault(&w.admin, &stuck, &true);
    assert_eq!(next.import_balances(&w.admin, &10), 2);
    assert_eq!(next.get_developer_balance(&dev), 100);
    assert_eq!(next.get_developer_balance(&stuck), 0);
    assert_eq!(next.get_global_pool().total_balance, 47);
    assert_eq!(next.get_developer_total(), 100);
    assert_eq!(w.balance(&next.address), 147);
    refuse(&w.env, Ok(Ok(0)), || {
        next.try_import_balances(&w.admin, &10)
    });
}

/// A forged predecessor: answers the views `import_balances` reads with
/// whatever it was given, and holds no USDC.
mod forged {
    use callora_types::types::{DeveloperBalance, GlobalPool};
    use soroban_sdk::{contract, contractimpl, symbol_short, Address, Env, Vec};

    #[contract]
    pub struct Forged;

    #[contractimpl]
    impl Forged {
        pub fn __constructor(env: Env, usdc: Address, balances: Vec<DeveloperBalance>) {
            let s = env.storage().instance();
            s.set(&symbol_short!("usdc"), &usdc);
            s.set(&symbol_short!("balances"), &balances);
        }

        pub fn set_successor(env: Env, successor: Address) {
            env.storage()
                .instance()
                .set(&symbol_short!("next"), &successor);
        }

        pub fn get_usdc_token(env: Env) -> Address {
            env.storage()
                .instance()
                .get(&symbol_short!("usdc"))
                .unwrap()
        }

        pub fn get_successor(env: Env) -> Option<Address> {
            env.storage().instance().get(&symbol_short!("next"))
        }

        pub fn get_developer_count(env: Env) -> u32 {
            Self::balances(&env).len()
        }

        pub fn get_developer_balances(env: Env, start: u32, limit: u32) -> Vec<DeveloperBalance> {
            let all = Self::balances(&env);
            let end = all.len().min(start + limit);
            all.slice(start.min(end)..end)
        }

        pub fn get_global_pool(_env: Env) -> GlobalPool {
            GlobalPool {
                total_balance: 0,
                last_updated: 0,
            }
        }
    }

    impl Forged {
        fn balances(env: &Env) -> Vec<DeveloperBalance> {
            env.storage()
                .instance()
                .get(&symbol_short!("balances"))
                .unwrap()
        }
    }
}

/// Import overflow. With genuine settlements it is unreachable: everything
/// a successor books is backed by USDC it holds, and no holder's USDC can
/// exceed `i128::MAX`. Only a predecessor the admin forged (one that
/// reports balances it never held) reaches it: `Overflow` (307) when its
/// balances sum past `i128::MAX`, `ImportNotBacked` (306) when they exceed
/// the USDC that arrived. Both refused with nothing booked.
#[test]
fn import_overflow_needs_a_forged_predecessor() {
    use callora_types::types::DeveloperBalance;
    let w = World::new();
    let e = &w.env;
    for (balances, error) in [
        ([(i128::MAX, "a"), (1, "b")].as_slice(), S::Overflow),
        ([(100, "a")].as_slice(), S::ImportNotBacked),
    ] {
        let mut list = Vec::new(e);
        for (balance, _) in balances {
            list.push_back(DeveloperBalance {
                developer: Address::generate(e),
                balance: *balance,
            });
        }
        let fake = e.register(forged::Forged, (w.usdc.clone(), list));
        let next = new_settlement(&w);
        next.set_predecessor(&w.admin, &fake);
        forged::ForgedClient::new(e, &fake).set_successor(&next.address);
        refuse(e, Err(Ok(error)), || {
            next.try_import_balances(&w.admin, &10)
        });
        assert_eq!(next.get_import_cursor(), 0);
        assert_eq!(next.get_developer_total(), 0);
    }
}
