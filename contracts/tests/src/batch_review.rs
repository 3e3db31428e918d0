//! The attacker review of the code version 3 `batch_deduct` (the batch id
//! as its only idempotency key, columnar `DeductBatch`, authorization over
//! a 32-byte digest), on the built WASMs: the guarantees that held, the one
//! finding fixed (a call listed twice in a batch) and the behaviour the
//! docs now state (developers named on a revenue-pool route; developers are
//! the backend's choice).
extern crate std;

use crate::{
    bad_input::{assert_unchanged, ledger_state},
    signing::{authorize, create_simple_account, invocation, key},
    wasm::{v2, vault},
    world::{batch_digest, columns, vault_args, World},
};
use callora_types::ttl::{MAX_REQUEST_VALIDITY, REQUEST_ID_TTL};
use soroban_sdk::{
    testutils::{Address as _, Events as _, Ledger as _},
    vec,
    xdr::ScVal,
    Address, Env, IntoVal, Map, String, Symbol, TryFromVal, Val, Vec,
};
use std::vec::Vec as StdVec;

use vault::VaultError as V;

/// The fields of the last `batch_deduct` event `vault` emitted.
fn last_batch_event(env: &Env, vault: &Address) -> Map<Symbol, Val> {
    let events = env.events().all().filter_by_contract(vault);
    let ev = events
        .events()
        .iter()
        .rev()
        .find(|e| {
            let soroban_sdk::xdr::ContractEventBody::V0(b) = &e.body;
            matches!(b.topics.first(), Some(ScVal::Symbol(t)) if t.to_string() == "batch_deduct")
        })
        .expect("a batch_deduct event")
        .clone();
    let soroban_sdk::xdr::ContractEventBody::V0(body) = ev.body;
    let data = Val::try_from_val(env, &body.data).unwrap();
    Map::<Symbol, Val>::try_from_val(env, &data).unwrap()
}

fn field<T: TryFromVal<Env, Val>>(env: &Env, m: &Map<Symbol, Val>, name: &str) -> T {
    let v = m.get(Symbol::new(env, name)).unwrap();
    T::try_from_val(env, &v).ok().unwrap()
}

// ----- authorization -----------------------------------------------------------

/// The digest omits the vault's address and the function name, but the
/// signed entry binds both (`HashIdPreimageSorobanAuthorization` covers the
/// invocation: contract, function, args, plus network id and nonce). A real
/// ed25519-signed entry for vault A's batch cannot be spent on vault B (same
/// backend, same batch, same digest), nor on A's `deduct`, nor on another
/// batch of A, nor twice.
#[test]
fn signed_batch_entry_is_bound_to_its_vault_function_and_batch() {
    let w = World::new();
    let env = &w.env;
    let backend_key = key("rt-backend");
    let backend = create_simple_account(env, &backend_key);
    let dev = Address::generate(env);
    let mut vaults = StdVec::new();
    for _ in 0..2 {
        let owner = Address::generate(env);
        w.sac.mint(&owner, &1_000);
        let id = env.register(
            vault::WASM,
            vault_args(
                &owner,
                &w.admin,
                &w.usdc,
                Some(&backend),
                Some(&w.pool.address),
            ),
        );
        let v = vault::Client::new(env, &id);
        v.deposit(&owner, &1_000);
        w.settlement.set_vault(&w.admin, &id, &true);
        v.set_settlement(&w.admin, &Some(w.settlement.address.clone()));
        vaults.push(v);
    }
    let (a, b) = (&vaults[0], &vaults[1]);
    let until = w.until();
    let bid = w.s("batch-x");
    let batch = columns(env, &[(10, "c-1", Some(&dev)), (5, "c-2", None)]);
    let digest = batch_digest(env, &bid, &batch, until);
    let exp = env.ledger().sequence() + 100;
    let signed_for_a = |nonce: i64| {
        authorize(
            env,
            &backend,
            &[&backend_key],
            nonce,
            exp,
            invocation(
                env,
                &a.address,
                "batch_deduct",
                (digest.clone(),).into_val(env),
                StdVec::new(),
            ),
        )
    };

    // Spent on vault B: refused, B unchanged.
    let before = ledger_state(env);
    env.set_auths(&[signed_for_a(1)]);
    assert!(b.try_batch_deduct(&backend, &bid, &batch, &until).is_err());
    assert_unchanged(env, &before, "A's entry on B");
    // Spent on a different batch of A (the relayer swaps a column): refused.
    let other = columns(
        env,
        &[(10, "c-1", Some(&Address::generate(env))), (5, "c-2", None)],
    );
    env.set_auths(&[signed_for_a(2)]);
    assert!(a.try_batch_deduct(&backend, &bid, &other, &until).is_err());
    // A different valid_until or batch id: refused.
    env.set_auths(&[signed_for_a(3)]);
    assert!(a
        .try_batch_deduct(&backend, &bid, &batch, &(until + 1))
        .is_err());
    env.set_auths(&[signed_for_a(4)]);
    assert!(a
        .try_batch_deduct(&backend, &w.s("batch-y"), &batch, &until)
        .is_err());
    // Spent on A's deduct whose args happen to start the same: refused.
    env.set_auths(&[signed_for_a(5)]);
    assert!(a
        .try_deduct(&backend, &15, &bid, &Some(dev.clone()), &until)
        .is_err());
    assert_unchanged(env, &before, "every misuse of A's entry");

    // The intended use works once; the same entry again is refused.
    let entry = signed_for_a(6);
    env.set_auths(std::slice::from_ref(&entry));
    a.batch_deduct(&backend, &bid, &batch, &until);
    assert_eq!(a.balance(), 985);
    let before = ledger_state(env);
    env.set_auths(&[entry]);
    assert!(a.try_batch_deduct(&backend, &bid, &batch, &until).is_err());
    env.set_auths(&[signed_for_a(7)]);
    // A fresh signature: the batch id's record answers.
    assert_eq!(
        a.try_batch_deduct(&backend, &bid, &batch, &until),
        Err(Ok(V::DuplicateRequest))
    );
    assert_unchanged(env, &before, "replays");
    env.mock_all_auths();
    assert_eq!(b.balance(), 1_000);
    assert_eq!(w.settlement.get_developer_balance(&dev), 10);
    w.assert_settlement_backed();
}

// ----- refusals and idempotency ------------------------------------------------

/// Every refusal that comes after the batch id is recorded (`admit_request`
/// writes before the columns are checked) rolls the record back: the ledger
/// is unchanged, `is_request_processed` stays false, and the same batch id
/// charges once afterwards.
#[test]
fn refusals_after_admission_record_nothing() {
    let w = World::new();
    let env = &w.env;
    let c = w.consumer(1_000, true);
    let v = &c.vault;
    v.deposit(&c.owner, &1_000);
    let other = w.consumer(10, true); // a registered vault, refused as developer
    let (d1, d2) = (Address::generate(env), Address::generate(env));
    let until = w.until();
    let bid = w.s("b");
    let ok = columns(env, &[(10, "c-1", Some(&d1)), (20, "c-2", None)]);
    let mut cases: StdVec<(vault::DeductBatch, u32, Option<V>)> = StdVec::new();
    // Columns of different lengths.
    let mut x = ok.clone();
    x.amounts.push_back(1);
    cases.push((x, until, Some(V::InvalidBatch)));
    // Index past developers.
    let mut x = ok.clone();
    x.developer_index.set(1, 2);
    cases.push((x, until, Some(V::InvalidBatch)));
    // Developer listed twice / never charged.
    let mut x = ok.clone();
    x.developers.push_back(Some(d1.clone()));
    cases.push((x, until, Some(V::InvalidBatch)));
    let mut x = ok.clone();
    x.developers.push_back(Some(d2.clone()));
    cases.push((x, until, Some(V::InvalidBatch)));
    // The vault credited.
    let mut x = ok.clone();
    x.developers.set(0, Some(v.address.clone()));
    cases.push((x, until, Some(V::InvalidRecipient)));
    // Amounts.
    let mut x = ok.clone();
    x.amounts.set(1, 0);
    cases.push((x, until, Some(V::InvalidAmount)));
    let mut x = ok.clone();
    x.amounts.set(1, 991);
    cases.push((x, until, Some(V::InsufficientBalance)));
    let mut x = ok.clone();
    x.amounts.set(0, i128::MAX);
    cases.push((x, until, Some(V::InsufficientBalance)));
    // A call id too long.
    let mut x = ok.clone();
    x.request_ids.set(0, w.s(&"z".repeat(65)));
    cases.push((x, until, Some(V::InvalidRequestId)));
    // Validity.
    let now = env.ledger().sequence();
    cases.push((ok.clone(), now - 1, Some(V::RequestExpired)));
    cases.push((
        ok.clone(),
        now + MAX_REQUEST_VALIDITY + 1,
        Some(V::ValidityTooLong),
    ));
    // The settlement refuses a registered vault as developer (3xx, trap).
    let mut x = ok.clone();
    x.developers.set(0, Some(other.vault.address.clone()));
    cases.push((x, until, None));
    for (batch, u, want) in cases {
        let before = ledger_state(env);
        let got = v.try_batch_deduct(&w.backend, &bid, &batch, &u);
        match want {
            Some(e) => assert_eq!(got, Err(Ok(e)), "{batch:?}"),
            None => assert!(got.is_err(), "{batch:?}"),
        }
        assert_unchanged(env, &before, "a refused batch");
        assert!(!v.is_request_processed(&bid));
    }
    // Spend limit.
    v.set_spend_limit(
        &c.owner,
        &Some(vault::SpendLimit {
            amount: 29,
            period_ledgers: 100,
        }),
    );
    let before = ledger_state(env);
    assert_eq!(
        v.try_batch_deduct(&w.backend, &bid, &ok, &until),
        Err(Ok(V::SpendLimitExceeded))
    );
    assert_unchanged(env, &before, "over the limit");
    v.set_spend_limit(&c.owner, &None);
    v.batch_deduct(&w.backend, &bid, &ok, &until);
    assert!(v.is_request_processed(&bid));
    assert_eq!(v.balance(), 970);
    w.assert_settlement_backed();
}

/// The same batch id never charges twice: not with different columns, a
/// different validity, as a deduct, through the TTL boundary (the record
/// outlives the validity), nor across an in-place v3 → v2 → v3 round trip
/// (version 2 checks the same `Request` key for deducts and batch items).
#[test]
fn one_batch_id_one_charge() {
    let w = World::new();
    let env = &w.env;
    let c = w.consumer(10_000, true);
    let v = &c.vault;
    v.deposit(&c.owner, &10_000);
    let dev = Address::generate(env);
    let charged_at = env.ledger().sequence();
    let until = charged_at + MAX_REQUEST_VALIDITY;
    let bid = w.s("B");
    let batch = columns(env, &[(10, "c-1", Some(&dev)), (20, "c-2", None)]);
    v.batch_deduct(&w.backend, &bid, &batch, &until);
    assert_eq!(v.balance(), 9_970);
    let before = ledger_state(env);
    let altered = columns(env, &[(1, "c-9", None)]);
    for (b, u) in [(&batch, until), (&altered, until), (&batch, until - 1)] {
        assert_eq!(
            v.try_batch_deduct(&w.backend, &bid, b, &u),
            Err(Ok(V::DuplicateRequest))
        );
    }
    assert_eq!(
        v.try_deduct(&w.backend, &30, &bid, &None, &until),
        Err(Ok(V::DuplicateRequest))
    );
    assert_unchanged(env, &before, "resends");
    // At the last valid ledger the record still answers; past the record,
    // the validity has long ended.
    env.ledger().set_sequence_number(until);
    assert_eq!(
        v.try_batch_deduct(&w.backend, &bid, &batch, &until),
        Err(Ok(V::DuplicateRequest))
    );
    env.ledger()
        .set_sequence_number(charged_at + REQUEST_ID_TTL - 1);
    assert!(v.is_request_processed(&bid));
    env.ledger()
        .set_sequence_number(charged_at + REQUEST_ID_TTL + 1);
    assert_eq!(
        v.try_batch_deduct(&w.backend, &bid, &batch, &until),
        Err(Ok(V::RequestExpired))
    );
    assert_eq!(v.balance(), 9_970);

    // In-place round trip v3 -> v2 -> v3 with a fresh batch id.
    let until = w.until();
    let bid = w.s("R");
    v.batch_deduct(&w.backend, &bid, &batch, &until);
    assert_eq!(v.balance(), 9_940);
    v.set_max_batch(&w.admin, &25);
    let s2 = env.deployer().upload_contract_wasm(v2::settlement::WASM);
    let v2h = env.deployer().upload_contract_wasm(v2::vault::WASM);
    w.settlement.upgrade(&w.admin, &s2);
    v.upgrade(&w.admin, &v2h);
    let old = v2::vault::Client::new(env, &v.address);
    // Version 2 knows the batch id as a request id.
    assert_eq!(
        old.try_deduct(&w.backend, &30, &bid, &None),
        Err(Ok(v2::vault::VaultError::DuplicateRequest))
    );
    assert_eq!(
        old.try_batch_deduct(
            &w.backend,
            &vec![
                env,
                v2::vault::DeductItem {
                    amount: 30,
                    request_id: bid.clone(),
                    developer: None,
                }
            ]
        ),
        Err(Ok(v2::vault::VaultError::DuplicateRequest))
    );
    // Roll forward: the record survives both swaps.
    let s3 = env
        .deployer()
        .upload_contract_wasm(crate::wasm::settlement::WASM);
    let v3h = env.deployer().upload_contract_wasm(vault::WASM);
    crate::wasm::v2::settlement::Client::new(env, &w.settlement.address).upgrade(&w.admin, &s3);
    old.upgrade(&w.admin, &v3h);
    assert_eq!(
        v.try_batch_deduct(&w.backend, &bid, &batch, &until),
        Err(Ok(V::DuplicateRequest))
    );
    assert_eq!(v.balance(), 9_940);
    w.assert_settlement_backed();
}

// ----- money: event vs settlement vs USDC ----------------------------------------

/// Developers listed out of first-appearance order, the pool in the middle,
/// indexes aliasing the same developer from distant calls: the event, the
/// settlement's books and the USDC that moved all agree, for every payout
/// route (several developers, one developer only, the pool only, pool +
/// one developer).
#[test]
fn event_books_and_usdc_agree_on_every_route() {
    let w = World::new();
    let env = &w.env;
    let c = w.consumer(100_000, true);
    let v = &c.vault;
    v.deposit(&c.owner, &100_000);
    let (a, b, d) = (
        Address::generate(env),
        Address::generate(env),
        Address::generate(env),
    );
    let mk = |ids: &[&str], amounts: &[i128], index: &[u32], devs: &[Option<&Address>]| {
        let mut batch = columns(env, &[]);
        for id in ids {
            batch.request_ids.push_back(w.s(id));
        }
        for x in amounts {
            batch.amounts.push_back(*x);
        }
        for i in index {
            batch.developer_index.push_back(*i);
        }
        for dv in devs {
            batch.developers.push_back(dv.cloned());
        }
        batch
    };
    let routes = [
        mk(
            &["1", "2", "3", "4", "5"],
            &[7, 11, 13, 17, 19],
            &[2, 1, 0, 2, 1],
            &[Some(&b), None, Some(&a)],
        ),
        mk(&["1", "2"], &[3, 4], &[0, 0], &[Some(&d)]),
        mk(&["1"], &[5], &[0], &[None]),
        mk(&["1", "2", "3"], &[1, 2, 4], &[1, 0, 1], &[Some(&a), None]),
    ];
    for (n, batch) in routes.iter().enumerate() {
        let devs = [a.clone(), b.clone(), d.clone()];
        let dev_before: StdVec<i128> = devs
            .iter()
            .map(|x| w.settlement.get_developer_balance(x))
            .collect();
        let pool_before = w.settlement.get_global_pool().total_balance;
        let (usdc_v, usdc_s) = (w.balance(&v.address), w.balance(&w.settlement.address));
        let bal = v.balance();
        let bid = w.s(&std::format!("route-{n}"));
        let until = w.until();
        v.batch_deduct(&w.backend, &bid, batch, &until);
        let ev = last_batch_event(env, &v.address);
        let total: i128 = field(env, &ev, "total");
        assert_eq!(field::<String>(env, &ev, "request_id"), bid);
        assert_eq!(field::<Vec<i128>>(env, &ev, "amounts"), batch.amounts);
        assert_eq!(
            field::<Vec<u32>>(env, &ev, "developer_index"),
            batch.developer_index
        );
        assert_eq!(
            field::<Vec<Option<Address>>>(env, &ev, "developers"),
            batch.developers
        );
        assert_eq!(total, batch.amounts.iter().sum::<i128>());
        assert_eq!(field::<i128>(env, &ev, "balance"), bal - total);
        assert_eq!(v.balance(), bal - total);
        assert_eq!(w.balance(&v.address), usdc_v - total);
        assert_eq!(w.balance(&w.settlement.address), usdc_s + total);
        // Per destination, from the event's columns.
        let mut want: StdVec<(Option<Address>, i128)> =
            batch.developers.iter().map(|x| (x, 0)).collect();
        for i in 0..batch.amounts.len() {
            let k = batch.developer_index.get(i).unwrap() as usize;
            want[k].1 += batch.amounts.get(i).unwrap();
        }
        for (x, before) in devs.iter().zip(dev_before) {
            let credited = want
                .iter()
                .find(|(d, _)| d.as_ref() == Some(x))
                .map_or(0, |(_, a)| *a);
            assert_eq!(w.settlement.get_developer_balance(x), before + credited);
        }
        let pool = want
            .iter()
            .find(|(d, _)| d.is_none())
            .map_or(0, |(_, a)| *a);
        assert_eq!(
            w.settlement.get_global_pool().total_balance,
            pool_before + pool
        );
        w.assert_settlement_backed();
    }
}

// ----- the finding, fixed, and the documented boundaries -------------------------

/// Found by the review: a call id listed twice in one batch was charged
/// twice under one batch id (version 2 refused it, recording every item's
/// id). Refused with `DuplicateRequest`, first or last, nothing moved.
#[test]
fn a_call_listed_twice_in_a_batch_is_refused() {
    let w = World::new();
    let env = &w.env;
    let c = w.consumer(1_000, true);
    c.vault.deposit(&c.owner, &1_000);
    let dev = Address::generate(env);
    for calls in [
        [
            (40, "api-call-7", Some(&dev)),
            (40, "api-call-7", Some(&dev)),
            (1, "other", None),
        ],
        [
            (1, "other", None),
            (40, "api-call-7", Some(&dev)),
            (40, "api-call-7", None),
        ],
    ] {
        let batch = columns(env, &calls);
        let before = ledger_state(env);
        assert_eq!(
            c.vault
                .try_batch_deduct(&w.backend, &w.s("batch-1"), &batch, &w.until()),
            Err(Ok(V::DuplicateRequest))
        );
        assert_unchanged(env, &before, "a call listed twice");
    }
    assert_eq!(c.vault.balance(), 1_000);
    assert!(!c.vault.is_request_processed(&w.s("batch-1")));
}

/// On a vault paying the revenue pool (no settlement) the whole total goes
/// to the pool: the developers a batch names are recorded in its event only
/// (as for `deduct`; `docs/vault.md` says so).
#[test]
fn a_revenue_pool_batch_names_developers_in_its_event_only() {
    let w = World::new();
    let env = &w.env;
    let c = w.consumer(1_000, false);
    c.vault.deposit(&c.owner, &1_000);
    let dev = Address::generate(env);
    let batch = columns(env, &[(30, "c-1", Some(&dev)), (5, "c-2", None)]);
    let pool_before = w.balance(&w.pool.address);
    c.vault
        .batch_deduct(&w.backend, &w.s("b"), &batch, &w.until());
    let ev = last_batch_event(env, &c.vault.address);
    assert_eq!(
        field::<Vec<Option<Address>>>(env, &ev, "developers"),
        vec![env, Some(dev.clone()), None]
    );
    assert_eq!(w.balance(&w.pool.address), pool_before + 35);
    assert_eq!(w.settlement.get_developer_balance(&dev), 0);
    assert_eq!(w.balance(&dev), 0);
}

/// The credited developer is the backend's choice (`docs/security.md`): the
/// settlement refuses only itself and its registered vaults, so a wrong or
/// compromised backend can credit, within the owner's spend limit, an
/// address that never withdraws — the USDC token, the revenue pool, an
/// unregistered vault — and that USDC stays in the settlement. Pinned here
/// as the documented boundary (as for `deduct`).
#[test]
fn developers_are_the_backends_choice_even_unwithdrawable_ones() {
    let w = World::new();
    let env = &w.env;
    let c = w.consumer(1_000, true);
    c.vault.deposit(&c.owner, &1_000);
    let unregistered_vault = w.consumer(0, false).vault.address;
    let batch = columns(
        env,
        &[
            (10, "c-1", Some(&w.usdc)),
            (20, "c-2", Some(&w.pool.address)),
            (30, "c-3", Some(&unregistered_vault)),
        ],
    );
    c.vault
        .batch_deduct(&w.backend, &w.s("b"), &batch, &w.until());
    assert_eq!(c.vault.balance(), 940);
    assert_eq!(w.settlement.get_developer_balance(&w.usdc), 10);
    assert_eq!(w.settlement.get_developer_balance(&w.pool.address), 20);
    assert_eq!(w.settlement.get_developer_balance(&unregistered_vault), 30);
    w.assert_settlement_backed();
}
