//! Real signatures, not mocked auth: the operator as a Stellar multisig
//! account, and the money path authorized by G-accounts' signed entries.
//!
//! Every authorized call here runs under `env.set_auths(&[..])` with
//! `SorobanAuthorizationEntry`s built and ed25519-signed by
//! [`crate::signing`]: the host verifies each signature against the
//! account's ledger entry (signers, weights, medium threshold), checks the
//! signature expiration and consumes the nonce. Setup alone uses
//! `mock_all_auths`.
//!
//! * The vault's operator (its admin) is a G-account with three signers of
//!   weight 1 and thresholds low = medium = high = 2: one signature is
//!   refused with the host's "signature weight is lower than threshold",
//!   two are accepted, for `set_revenue_pool` and `pause`; a replayed entry
//!   (same nonce), a key that is not a signer and an expired signature are
//!   refused too.
//! * The money path: the owner (a G-account with a USDC trustline) deposits,
//!   the backend (a G-account) deducts and batch-deducts through the
//!   settlement — the vault authorizes the settlement's pull itself, so the
//!   backend's entry covers only its own call — and a developer (a
//!   G-account) withdraws to its trustline.
//! * The benchmark's pipeline (`signing::Mainnet`, which prices every call in
//!   `docs/costs.md`) enforces the same: the 2-of-3 operator's call fails
//!   with one key and runs with two.
extern crate std;

use crate::{
    bench::{pipeline, Lab},
    signing::{
        authorize, create_account, create_simple_account, create_trustline, invocation, key,
    },
    wasm::vault,
    world::{vault_args, World},
};
use ed25519_dalek::SigningKey;
use soroban_sdk::{testutils::Address as _, vec, Address, Env, IntoVal, Val};
use std::vec::Vec;

/// The account's signature weight fell short of its medium threshold (the
/// host's diagnostic for a refused multisig entry).
const WEIGHT_TOO_LOW: &str = "signature weight is lower than threshold";

struct Operator {
    address: Address,
    keys: [SigningKey; 3],
}

/// A 2-of-3 operator: master key and two extra signers, weight 1 each;
/// thresholds low = medium = high = 2.
fn operator(env: &Env) -> Operator {
    let keys = [key("operator-0"), key("operator-1"), key("operator-2")];
    let address = create_account(env, &keys[0], [1, 2, 2, 2], &[(&keys[1], 1), (&keys[2], 1)]);
    Operator { address, keys }
}

fn expiration(env: &Env) -> u32 {
    env.ledger().sequence() + 60
}

/// Runs `call` with exactly `entries` as the transaction's authorization
/// (enforcing; mocking is off), then restores mocked auth for setup.
fn with_auths<T>(
    env: &Env,
    entries: &[soroban_sdk::xdr::SorobanAuthorizationEntry],
    call: impl FnOnce() -> T,
) -> T {
    env.set_auths(entries);
    let out = call();
    env.mock_all_auths();
    out
}

/// Whether the host's diagnostic events (its error messages included)
/// mention `text`.
fn logged(env: &Env, text: &str) -> bool {
    env.host()
        .get_diagnostic_events()
        .unwrap()
        .0
        .iter()
        .any(|e| std::format!("{:?}", e.event).contains(text))
}

fn args(env: &Env, v: impl IntoVal<Env, soroban_sdk::Vec<Val>>) -> soroban_sdk::Vec<Val> {
    v.into_val(env)
}

#[test]
fn operator_multisig_needs_two_of_three_signatures() {
    let w = World::new();
    let env = &w.env;
    let op = operator(env);
    let owner = Address::generate(env);
    let id = env.register(
        vault::WASM,
        vault_args(
            &owner,
            &op.address,
            &w.usdc,
            Some(&w.backend),
            Some(&w.pool.address),
        ),
    );
    let v = vault::Client::new(env, &id);
    assert_eq!(v.get_admin(), op.address);
    let new_pool = env.register(
        crate::wasm::revenue_pool::WASM,
        (w.admin.clone(), w.usdc.clone()),
    );

    let set_pool = invocation(
        env,
        &id,
        "set_revenue_pool",
        args(env, (op.address.clone(), Some(new_pool.clone()))),
        Vec::new(),
    );

    // One signature (weight 1 < medium threshold 2): refused by the host.
    let one = authorize(
        env,
        &op.address,
        &[&op.keys[1]],
        1,
        expiration(env),
        set_pool.clone(),
    );
    let refused = with_auths(env, &[one], || {
        v.try_set_revenue_pool(&op.address, &Some(new_pool.clone()))
    });
    assert!(refused.is_err());
    assert!(
        logged(env, WEIGHT_TOO_LOW),
        "expected the host's threshold refusal"
    );
    assert_eq!(v.get_revenue_pool(), Some(w.pool.address.clone()));

    // A key that is not one of the account's signers: refused as well.
    let stranger = key("not-a-signer");
    let foreign = authorize(
        env,
        &op.address,
        &[&op.keys[0], &stranger],
        2,
        expiration(env),
        set_pool.clone(),
    );
    let refused = with_auths(env, &[foreign], || {
        v.try_set_revenue_pool(&op.address, &Some(new_pool.clone()))
    });
    assert!(refused.is_err());
    assert!(logged(env, "signer does not belong to account"));
    assert_eq!(v.get_revenue_pool(), Some(w.pool.address.clone()));

    // Two signatures (any two of the three): accepted.
    let two = authorize(
        env,
        &op.address,
        &[&op.keys[2], &op.keys[0]],
        3,
        expiration(env),
        set_pool.clone(),
    );
    with_auths(env, std::slice::from_ref(&two), || {
        v.set_revenue_pool(&op.address, &Some(new_pool.clone()))
    });
    assert_eq!(v.get_revenue_pool(), Some(new_pool.clone()));

    // The same entry again (its nonce is consumed): refused.
    let replay = with_auths(env, &[two], || {
        v.try_set_revenue_pool(&op.address, &Some(new_pool.clone()))
    });
    assert!(replay.is_err());
    assert!(logged(env, "nonce already exists for address"));

    // pause: one signature refused, two accepted.
    let pause = invocation(
        env,
        &id,
        "pause",
        args(env, (op.address.clone(),)),
        Vec::new(),
    );
    let one = authorize(
        env,
        &op.address,
        &[&op.keys[0]],
        4,
        expiration(env),
        pause.clone(),
    );
    assert!(with_auths(env, &[one], || v.try_pause(&op.address)).is_err());
    assert!(!v.is_paused());
    let two = authorize(
        env,
        &op.address,
        &[&op.keys[0], &op.keys[1]],
        5,
        expiration(env),
        pause.clone(),
    );
    with_auths(env, &[two], || v.pause(&op.address));
    assert!(v.is_paused());

    // A signature past its expiration ledger: refused.
    let unpause = invocation(
        env,
        &id,
        "unpause",
        args(env, (op.address.clone(),)),
        Vec::new(),
    );
    let stale = authorize(
        env,
        &op.address,
        &[&op.keys[0], &op.keys[1]],
        6,
        env.ledger().sequence() - 1,
        unpause,
    );
    assert!(with_auths(env, &[stale], || v.try_unpause(&op.address)).is_err());
    assert!(logged(env, "signature has expired"));
    assert!(v.is_paused());
}

#[test]
fn money_path_runs_on_signed_entries_from_g_accounts() {
    let w = World::new();
    let env = &w.env;
    let op = operator(env);
    let (owner_key, backend_key, dev_key) = (key("owner"), key("backend"), key("developer"));
    let owner = create_simple_account(env, &owner_key);
    let backend = create_simple_account(env, &backend_key);
    let dev = create_simple_account(env, &dev_key);
    create_trustline(env, &owner, &w.usdc, 0);
    create_trustline(env, &dev, &w.usdc, 0);
    w.sac.mint(&owner, &1_000);

    let id = env.register(
        vault::WASM,
        vault_args(
            &owner,
            &op.address,
            &w.usdc,
            Some(&backend),
            Some(&w.pool.address),
        ),
    );
    let v = vault::Client::new(env, &id);
    w.settlement.set_vault(&w.admin, &id, &true);
    v.set_settlement(&op.address, &Some(w.settlement.address.clone()));

    // The owner deposits: its entry covers the deposit and the USDC
    // transfer it makes from the owner's trustline.
    let deposit = invocation(
        env,
        &id,
        "deposit",
        args(env, (owner.clone(), 600i128)),
        std::vec![invocation(
            env,
            &w.usdc,
            "transfer",
            args(env, (owner.clone(), id.clone(), 600i128)),
            Vec::new()
        )],
    );
    let entry = authorize(env, &owner, &[&owner_key], 11, expiration(env), deposit);
    with_auths(env, &[entry], || v.deposit(&owner, &600));
    assert_eq!(v.balance(), 600);
    assert_eq!(w.balance(&owner), 400);

    // The backend deducts through the settlement to the developer.
    let until = crate::world::valid_until(env);
    let rid = w.s("req-signed-1");
    let deduct = invocation(
        env,
        &id,
        "deduct",
        args(
            env,
            (
                backend.clone(),
                100i128,
                rid.clone(),
                Some(dev.clone()),
                until,
            ),
        ),
        Vec::new(),
    );
    let entry = authorize(
        env,
        &backend,
        &[&backend_key],
        12,
        expiration(env),
        deduct.clone(),
    );
    with_auths(env, &[entry], || {
        v.deduct(&backend, &100, &rid, &Some(dev.clone()), &until)
    });
    assert_eq!(v.balance(), 500);
    assert_eq!(w.settlement.get_developer_balance(&dev), 100);
    assert!(v.is_request_processed(&rid));

    // Signed by a key that is not the backend's: refused, nothing charged.
    let forged = authorize(
        env,
        &backend,
        &[&key("impostor")],
        13,
        expiration(env),
        deduct,
    );
    let refused = with_auths(env, &[forged], || {
        v.try_deduct(
            &backend,
            &100,
            &w.s("req-signed-2"),
            &Some(dev.clone()),
            &until,
        )
    });
    assert!(refused.is_err());
    assert_eq!(v.balance(), 500);

    // A signed batch: two items to the developer, one to the pool.
    let items = vec![
        env,
        crate::world::Item {
            amount: 10,
            request_id: w.s("b-1"),
            developer: Some(dev.clone()),
        },
        crate::world::Item {
            amount: 20,
            request_id: w.s("b-2"),
            developer: Some(dev.clone()),
        },
        crate::world::Item {
            amount: 5,
            request_id: w.s("b-3"),
            developer: None,
        },
    ];
    // The backend signs the batch's digest, not its calls.
    let (batch_id, columns) = (w.s("batch-1"), crate::world::columns_of(env, &items));
    let digest = crate::world::batch_digest(env, &batch_id, &columns, until);
    let batch = invocation(env, &id, "batch_deduct", args(env, (digest,)), Vec::new());
    let entry = authorize(env, &backend, &[&backend_key], 14, expiration(env), batch);
    with_auths(env, &[entry], || {
        v.batch_deduct(&backend, &batch_id, &columns, &until)
    });
    assert_eq!(v.balance(), 465);
    assert_eq!(w.settlement.get_developer_balance(&dev), 130);
    w.assert_settlement_backed();

    // The developer withdraws to its trustline.
    let withdraw = invocation(
        env,
        &w.settlement.address,
        "withdraw",
        args(env, (dev.clone(), 130i128)),
        Vec::new(),
    );
    let entry = authorize(env, &dev, &[&dev_key], 15, expiration(env), withdraw);
    with_auths(env, &[entry], || w.settlement.withdraw(&dev, &130));
    assert_eq!(w.balance(&dev), 130);
    assert_eq!(w.settlement.get_developer_balance(&dev), 0);
}

#[test]
fn the_benchmark_pipeline_enforces_real_signatures() {
    let mut lab = Lab::new(pipeline());
    let env = lab.env.clone();
    let op = operator(&env);
    let owner = Address::generate(&env);
    let id = env.register(
        vault::WASM,
        vault_args(
            &owner,
            &op.address,
            &lab.usdc,
            Some(&lab.backend),
            Some(&lab.pool.address),
        ),
    );
    let pause = lab.call(&id, "pause", args(&env, (op.address.clone(),)));

    lab.net.signs_for(&op.address, &[&op.keys[1]]);
    let refused = lab
        .apply(&pause, crate::signing::Credentials::SignedEntries, None)
        .err()
        .expect("one signature must be refused");
    assert!(refused.contains("Error(Auth, InvalidAction)"), "{refused}");

    lab.net.signs_for(&op.address, &[&op.keys[1], &op.keys[2]]);
    let applied = lab
        .apply(&pause, crate::signing::Credentials::SignedEntries, None)
        .unwrap();
    // One entry, signed by two keys; the account entry read from disk.
    assert_eq!(applied.auth.len(), 1);
    let soroban_sdk::xdr::SorobanCredentials::Address(c) = &applied.auth[0].credentials else {
        panic!("expected Address credentials")
    };
    let soroban_sdk::xdr::ScVal::Vec(Some(signatures)) = &c.signature else {
        panic!("expected a signature vector")
    };
    assert_eq!(signatures.len(), 2);
    assert_eq!(applied.disk_read_entries, 1);
}
