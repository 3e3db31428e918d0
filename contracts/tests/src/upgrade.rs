//! Upgrade rehearsals on real WASMs: the frozen code versions 1 and 2
//! (`fixtures/v1`, `fixtures/v2`) and the current build, with live state,
//! every balance, setting and role checked to the unit and the USDC supply
//! conserved.
//!
//! * In place: v1 → current and v2 → current in the playbook's order.
//! * Finding 3: the in-place round trip current → v2 → current with writes
//!   under v2; what code version 1 does on newer data (it runs, and writes
//!   the nine-field configuration: v2 is then locked, v3 reads it).
//! * Redeploy and migrate: v2 → current in the playbook's order; rollback by
//!   redeploying v2 is refused.
//! * Refusals, and the operator's rehearsal (`rehearse`).
extern crate std;

use crate::{
    wasm::{revenue_pool, settlement, v1, v2, vault},
    world::{force_schema, legacy_vault_args, refused_for_auth, World},
};
use callora_types::{
    events::{Migrated, Upgraded},
    ttl::DAY_IN_LEDGERS,
};
use soroban_sdk::{
    testutils::{Address as _, Events as _, MockAuth, MockAuthInvoke},
    vec,
    xdr::{ScErrorCode, ScErrorType},
    Address, BytesN, Env, Error, Event, IntoVal, InvokeError, Map, Symbol, Val, Vec,
};
use std::{format, string::String as StdString, vec::Vec as StdVec};

use settlement::SettlementError as S;
use vault::VaultError as V;

const CURRENT: u32 = callora_types::CODE_VERSION;
/// The vault schema of the current build, and what `max_batch` reads as when
/// the stored configuration has none (the v1 layout): `docs/vault.md`.
const VAULT_SCHEMA: u32 = 3;
const MAX_BATCH: u32 = 100;
/// The settlement schema of the current build (`docs/settlement.md`).
const SETTLEMENT_SCHEMA: u32 = 2;

fn upload(env: &Env, wasm: &[u8]) -> BytesN<32> {
    env.deployer().upload_contract_wasm(wasm)
}

fn last_event_of(env: &Env, id: &Address) -> soroban_sdk::xdr::ContractEvent {
    env.events()
        .all()
        .filter_by_contract(id)
        .events()
        .last()
        .unwrap()
        .clone()
}

fn assert_upgraded(env: &Env, id: &Address, hash: &BytesN<32>, from_version: u32) {
    assert_eq!(
        last_event_of(env, id),
        Upgraded {
            new_wasm_hash: hash.clone(),
            from_version
        }
        .to_xdr(env, id)
    );
}

fn assert_migrated(env: &Env, id: &Address, from: u32, to: u32) {
    assert_eq!(
        last_event_of(env, id),
        Migrated { from, to }.to_xdr(env, id)
    );
}

/// Runs `f` with exactly `signers`' authorization of `contract.upgrade(caller,
/// hash)` and nothing else, then mocks every auth again.
fn upgrade_signed_by<R>(
    env: &Env,
    signers: &[&Address],
    contract: &Address,
    caller: &Address,
    hash: &BytesN<32>,
    f: impl FnOnce() -> R,
) -> R {
    let invoke = MockAuthInvoke {
        contract,
        fn_name: "upgrade",
        args: (caller.clone(), hash.clone()).into_val(env),
        sub_invokes: &[],
    };
    let auths: StdVec<MockAuth> = signers
        .iter()
        .map(|address| MockAuth {
            address,
            invoke: &invoke,
        })
        .collect();
    env.mock_auths(&auths);
    let result = f();
    env.mock_all_auths();
    result
}

/// `upgrade(caller, hash)` invoked with only `signers`' authorization; true
/// when the host refused it for a missing signature.
fn upgrade_refused_for_auth(
    env: &Env,
    signers: &[&Address],
    contract: &Address,
    caller: &Address,
    hash: &BytesN<32>,
) -> bool {
    upgrade_signed_by(env, signers, contract, caller, hash, || {
        let args: Vec<Val> = (caller.clone(), hash.clone()).into_val(env);
        let res =
            env.try_invoke_contract::<Val, Error>(contract, &Symbol::new(env, "upgrade"), args);
        matches!(&res, Err(Ok(e)) if refused_for_auth(env, e))
    })
}

/// USDC held by each address.
fn usdc(w: &World, who: &[&Address]) -> StdVec<i128> {
    who.iter().map(|a| w.balance(a)).collect()
}

fn usdc_total(w: &World, who: &[&Address]) -> i128 {
    usdc(w, who).iter().sum()
}

/// The settlement's developer page as plain rows.
fn rows(s: &settlement::Client) -> StdVec<(Address, i128)> {
    s.get_developer_balances(&0, &100)
        .iter()
        .map(|d| (d.developer, d.balance))
        .collect()
}

fn rows_of(expected: &[(&Address, i128)]) -> StdVec<(Address, i128)> {
    expected.iter().map(|(a, b)| ((*a).clone(), *b)).collect()
}

/// The vault's stored `Config` entry as a map (whichever layout).
fn stored_config(env: &Env, vault: &Address) -> Map<Symbol, Val> {
    let key = vec![env, Symbol::new(env, "Config")];
    env.as_contract(vault, || env.storage().instance().get(&key).unwrap())
}

/// Rewrites the vault's stored configuration in the code version 1 layout
/// (the nine fields without `max_batch`), as v1 code writes it.
fn store_v1_layout(env: &Env, vault: &Address) {
    let key = vec![env, Symbol::new(env, "Config")];
    let mut config = stored_config(env, vault);
    config.remove(Symbol::new(env, "max_batch")).unwrap();
    env.as_contract(vault, || env.storage().instance().set(&key, &config));
}

// ----- in place: v1 → current --------------------------------------------

/// A v1 deployment with live state: a settlement, a revenue pool, a vault
/// paying the settlement (`alice`, whose owner handed the admin to the
/// operator under v1, playbook step 3a) and one paying the pool (`bob`,
/// whose owner is still its admin, as v1 shipped).
struct V1 {
    w: World,
    settlement: v1::settlement::Client<'static>,
    pool: v1::revenue_pool::Client<'static>,
    alice: (Address, v1::vault::Client<'static>),
    bob: (Address, v1::vault::Client<'static>),
    dev: Address,
    friend: Address,
    next_admin: Address,
}

fn v1_vault(w: &World, owner: &Address, pool: &Address) -> v1::vault::Client<'static> {
    let mut args = legacy_vault_args(owner, &w.usdc, Some(&w.backend), Some(pool));
    (args.4, args.6) = (Some(5), Some(400));
    v1::vault::Client::new(&w.env, &w.env.register(v1::vault::WASM, args))
}

fn v1_world() -> V1 {
    let w = World::new();
    let env = &w.env;
    let s_id = env.register(
        v1::settlement::WASM,
        (w.admin.clone(), w.usdc.clone(), None::<Address>),
    );
    let p_id = env.register(v1::revenue_pool::WASM, (w.admin.clone(), w.usdc.clone()));
    let settlement = v1::settlement::Client::new(env, &s_id);
    let pool = v1::revenue_pool::Client::new(env, &p_id);
    let (a_owner, b_owner) = (Address::generate(env), Address::generate(env));
    w.sac.mint(&a_owner, &10_000);
    w.sac.mint(&b_owner, &10_000);
    let alice = v1_vault(&w, &a_owner, &p_id);
    let bob = v1_vault(&w, &b_owner, &p_id);
    settlement.set_vault(&w.admin, &alice.address, &true);
    alice.set_settlement(&a_owner, &Some(s_id.clone()));

    let (dev, friend, next_admin) = (
        Address::generate(env),
        Address::generate(env),
        Address::generate(env),
    );
    w.sac.mint(&friend, &1_000);
    alice.deposit(&a_owner, &3_000);
    alice.set_allowed_depositor(&a_owner, &friend, &true);
    alice.deposit(&friend, &500);
    bob.deposit(&b_owner, &2_000);
    alice.deduct(&w.backend, &120, &w.s("a-1"), &Some(dev.clone()));
    alice.deduct(&w.backend, &30, &w.s("a-2"), &None);
    let batch = vec![
        env,
        v1::vault::DeductItem {
            amount: 15,
            request_id: w.s("a-3"),
            developer: Some(dev.clone()),
        },
        v1::vault::DeductItem {
            amount: 5,
            request_id: w.s("a-4"),
            developer: None,
        },
    ];
    alice.batch_deduct(&w.backend, &batch);
    bob.deduct(&w.backend, &60, &w.s("b-1"), &Some(dev.clone()));
    settlement.withdraw(&dev, &35);
    pool.distribute(&w.admin, &dev, &10);
    alice.set_metadata(&a_owner, &w.s("offer-1"), &w.s("ipfs://v1"));
    bob.pause(&b_owner);
    // Playbook step 3a under v1: alice's owner hands the admin over.
    let until = env.ledger().sequence() + 1_000;
    alice.set_admin(&a_owner, &w.admin, &until);
    alice.accept_admin(&w.admin);
    // Pending handovers that must survive the upgrade.
    alice.set_admin(&w.admin, &next_admin, &until);
    settlement.set_admin(&w.admin, &next_admin, &until);
    pool.set_admin(&w.admin, &next_admin, &until);
    V1 {
        settlement,
        pool,
        alice: (a_owner, alice),
        bob: (b_owner, bob),
        dev,
        friend,
        next_admin,
        w,
    }
}

#[test]
fn in_place_upgrade_of_v1_with_live_state() {
    let s = v1_world();
    let (w, env) = (&s.w, &s.w.env);
    let op = &w.admin;
    let (a_owner, b_owner) = (&s.alice.0, &s.bob.0);
    let (a_id, b_id) = (s.alice.1.address.clone(), s.bob.1.address.clone());
    let (s_id, p_id) = (s.settlement.address.clone(), s.pool.address.clone());
    let everyone = [
        a_owner, b_owner, &s.dev, &s.friend, &a_id, &b_id, &s_id, &p_id,
    ];
    assert_eq!(
        usdc(w, &everyone),
        [7_000, 8_000, 45, 500, 3_330, 1_940, 135, 50]
    );
    let supply = usdc_total(w, &everyone);
    assert_eq!(supply, 21_000);
    assert_eq!(s.alice.1.get_admin(), *op);
    assert_eq!(s.bob.1.get_admin(), *b_owner);

    // 1. Settlement: upgrade (v1 code: the admin alone), migrate 1 → 2,
    //    record the pagination index.
    let s_hash = upload(env, settlement::WASM);
    upgrade_signed_by(env, &[op], &s_id, op, &s_hash, || {
        s.settlement.upgrade(op, &s_hash)
    });
    assert_upgraded(env, &s_id, &s_hash, 1);
    let settlement = settlement::Client::new(env, &s_id);
    assert_eq!(
        (settlement.version(), settlement.schema_version()),
        (CURRENT, 1)
    );
    settlement.migrate(op);
    assert_migrated(env, &s_id, 1, SETTLEMENT_SCHEMA);
    assert_eq!(settlement.try_migrate(op), Err(Ok(S::AlreadyMigrated)));
    assert_eq!(settlement.extend_index(&0, &100), 1);
    assert_eq!(settlement.extend_index(&0, &100), 0);

    // 2. Revenue pool: upgrade; its layout did not change.
    let p_hash = upload(env, revenue_pool::WASM);
    s.pool.upgrade(op, &p_hash);
    assert_upgraded(env, &p_id, &p_hash, 1);
    let pool = revenue_pool::Client::new(env, &p_id);
    assert_eq!((pool.version(), pool.schema_version()), (CURRENT, 1));
    assert_eq!(
        pool.try_migrate(op),
        Err(Ok(revenue_pool::RevenuePoolError::AlreadyMigrated))
    );

    // 3. alice (admin = the operator): v1's `upgrade` needs only the admin.
    let v_hash = upload(env, vault::WASM);
    upgrade_signed_by(env, &[op], &a_id, op, &v_hash, || {
        s.alice.1.upgrade(op, &v_hash)
    });
    assert_upgraded(env, &a_id, &v_hash, 1);
    let alice = vault::Client::new(env, &a_id);
    // Between upgrade and migrate: the v1 layout is read (no `max_batch`
    // stored: it reads as the maximum), traffic flows, configuration waits.
    assert_eq!((alice.version(), alice.schema_version()), (CURRENT, 1));
    assert_eq!(alice.get_max_batch(), MAX_BATCH);
    assert_eq!(
        alice.try_set_min_deposit(op, &6),
        Err(Ok(V::MigrationPending))
    );
    alice.deduct(
        &w.backend,
        &10,
        &w.s("a-5"),
        &Some(s.dev.clone()),
        &w.until(),
    );
    alice.migrate(op);
    assert_migrated(env, &a_id, 1, VAULT_SCHEMA);
    assert_eq!(alice.try_migrate(op), Err(Ok(V::AlreadyMigrated)));

    // 4. bob (admin = its owner): upgraded by the owner-admin under v1.
    upgrade_signed_by(env, &[b_owner], &b_id, b_owner, &v_hash, || {
        s.bob.1.upgrade(b_owner, &v_hash)
    });
    assert_upgraded(env, &b_id, &v_hash, 1);
    let bob = vault::Client::new(env, &b_id);
    // v3 lets an owner-admin migrate and hand over, nothing else.
    bob.migrate(b_owner);
    assert_migrated(env, &b_id, 1, VAULT_SCHEMA);
    let me = Some(b_owner.clone());
    let refused = Err(Ok(V::AdminIsOwner));
    assert_eq!(bob.try_set_revenue_pool(b_owner, &me), refused);
    assert_eq!(
        bob.try_set_settlement(b_owner, &Some(s_id.clone())),
        refused
    );
    assert_eq!(bob.try_set_authorized_caller(b_owner, &me), refused);
    assert_eq!(bob.try_set_min_deposit(b_owner, &1), refused);
    assert_eq!(bob.try_set_max_deduct(b_owner, &1), refused);
    assert_eq!(bob.try_set_max_batch(b_owner, &1), refused);
    assert_eq!(bob.try_set_metadata(b_owner, &w.s("o"), &w.s("m")), refused);
    assert_eq!(bob.try_unpause(b_owner), refused);
    assert_eq!(bob.try_upgrade(b_owner, &v_hash), refused);
    let until = env.ledger().sequence() + 1_000;
    assert_eq!(bob.try_set_admin(b_owner, b_owner, &until), refused);
    bob.set_admin(b_owner, op, &until);
    bob.accept_admin(op);
    assert_eq!(bob.get_admin(), *op);

    // Every balance, setting and role survived; only the deduct moved USDC.
    assert_eq!(
        usdc(w, &everyone),
        [7_000, 8_000, 45, 500, 3_320, 1_940, 145, 50]
    );
    assert_eq!(usdc_total(w, &everyone), supply);
    assert_eq!(
        alice.get_meta(),
        vault::VaultMeta {
            owner: a_owner.clone(),
            balance: 3_320,
            authorized_caller: Some(w.backend.clone()),
            min_deposit: 5
        }
    );
    assert_eq!(
        bob.get_meta(),
        vault::VaultMeta {
            owner: b_owner.clone(),
            balance: 1_940,
            authorized_caller: Some(w.backend.clone()),
            min_deposit: 5
        }
    );
    for v in [&alice, &bob] {
        assert_eq!(v.get_max_deduct(), 400);
        assert_eq!(v.get_max_batch(), MAX_BATCH);
        assert_eq!(v.get_revenue_pool(), Some(p_id.clone()));
        assert_eq!(v.get_spend_limit(), None);
        assert_eq!(v.schema_version(), VAULT_SCHEMA);
        assert_eq!(v.get_admin(), *op);
    }
    assert_eq!(alice.get_settlement(), Some(s_id.clone()));
    assert_eq!(bob.get_settlement(), None);
    assert!(!alice.is_paused());
    assert!(bob.is_paused());
    assert!(alice.is_allowed_depositor(&s.friend));
    assert_eq!(alice.get_metadata(&w.s("offer-1")), Some(w.s("ipfs://v1")));
    assert_eq!(alice.get_pending_admin().unwrap().address, s.next_admin);
    assert_eq!(bob.get_pending_admin(), None);
    assert_eq!(rows(&settlement), rows_of(&[(&s.dev, 110)]));
    assert_eq!(settlement.get_developer_count(), 1);
    assert_eq!(settlement.get_developer_total(), 110);
    assert_eq!(settlement.get_global_pool().total_balance, 35);
    assert!(settlement.is_vault(&a_id));
    assert_eq!(settlement.get_admin(), *op);
    assert_eq!(
        settlement.get_pending_admin().unwrap().address,
        s.next_admin
    );
    assert_eq!(pool.balance(), 50);
    assert_eq!(pool.get_admin(), *op);
    assert_eq!(pool.get_pending_admin().unwrap().address, s.next_admin);
    w.assert_settlement_backed();
    // Request ids charged under v1 are still refused.
    for (v, id) in [
        (&alice, "a-1"),
        (&alice, "a-3"),
        (&alice, "a-4"),
        (&bob, "b-1"),
    ] {
        assert_eq!(
            v.try_deduct(&w.backend, &1, &w.s(id), &None, &w.until()),
            Err(Ok(V::DuplicateRequest))
        );
    }

    // Pending handovers can be accepted, and traffic flows.
    alice.accept_admin(&s.next_admin);
    settlement.accept_admin(&s.next_admin);
    pool.accept_admin(&s.next_admin);
    assert_eq!(alice.get_admin(), s.next_admin);
    alice.batch_deduct(
        &w.backend,
        &w.s("a-batch-1"),
        &crate::world::columns(env, &[(10, "a-6", Some(&s.dev)), (4, "a-7", None)]),
        &w.until(),
    );
    bob.unpause(op);
    bob.deduct(&w.backend, &10, &w.s("b-2"), &None, &w.until());
    assert_eq!(settlement.get_developer_balance(&s.dev), 120);
    assert_eq!(settlement.get_global_pool().total_balance, 39);
    assert_eq!(pool.balance(), 60);
    alice.set_min_deposit(&s.next_admin, &6);
    assert_eq!(alice.get_meta().min_deposit, 6);
    assert_eq!(
        usdc(w, &everyone),
        [7_000, 8_000, 45, 500, 3_306, 1_930, 159, 60]
    );
    assert_eq!(usdc_total(w, &everyone), supply);
    w.assert_settlement_backed();
}

// ----- in place: v2 → current --------------------------------------------

/// A v2 deployment with live state: three developers credited through
/// `alice` (admin handed to the operator under v2; `max_batch` lowered to
/// 20), `bob` paying the revenue pool (its owner still its admin, as v2
/// shipped; paused), pending admin handovers.
struct V2 {
    w: World,
    settlement: v2::settlement::Client<'static>,
    pool: v2::revenue_pool::Client<'static>,
    alice: (Address, v2::vault::Client<'static>),
    bob: (Address, v2::vault::Client<'static>),
    devs: [Address; 3],
    friend: Address,
    next_admin: Address,
}

fn v2_vault(w: &World, owner: &Address, pool: &Address) -> v2::vault::Client<'static> {
    let mut args = legacy_vault_args(owner, &w.usdc, Some(&w.backend), Some(pool));
    (args.4, args.6) = (Some(5), Some(400));
    v2::vault::Client::new(&w.env, &w.env.register(v2::vault::WASM, args))
}

fn v2_world() -> V2 {
    let w = World::new();
    let env = &w.env;
    let s_id = env.register(
        v2::settlement::WASM,
        (w.admin.clone(), w.usdc.clone(), None::<Address>),
    );
    let p_id = env.register(v2::revenue_pool::WASM, (w.admin.clone(), w.usdc.clone()));
    let settlement = v2::settlement::Client::new(env, &s_id);
    let pool = v2::revenue_pool::Client::new(env, &p_id);
    let (a_owner, b_owner) = (Address::generate(env), Address::generate(env));
    w.sac.mint(&a_owner, &10_000);
    w.sac.mint(&b_owner, &10_000);
    let alice = v2_vault(&w, &a_owner, &p_id);
    let bob = v2_vault(&w, &b_owner, &p_id);
    settlement.set_vault(&w.admin, &alice.address, &true);
    alice.set_settlement(&a_owner, &Some(s_id.clone()));
    alice.set_max_batch(&a_owner, &20);
    alice.set_metadata(&a_owner, &w.s("offer-1"), &w.s("ipfs://v2"));

    let devs = [
        Address::generate(env),
        Address::generate(env),
        Address::generate(env),
    ];
    let (friend, next_admin) = (Address::generate(env), Address::generate(env));
    w.sac.mint(&friend, &1_000);
    alice.deposit(&a_owner, &3_000);
    alice.set_allowed_depositor(&a_owner, &friend, &true);
    alice.deposit(&friend, &500);
    bob.deposit(&b_owner, &2_000);
    alice.deduct(&w.backend, &120, &w.s("a-1"), &Some(devs[0].clone()));
    alice.deduct(&w.backend, &30, &w.s("a-2"), &None);
    let batch = vec![
        env,
        v2::vault::DeductItem {
            amount: 15,
            request_id: w.s("a-3"),
            developer: Some(devs[1].clone()),
        },
        v2::vault::DeductItem {
            amount: 5,
            request_id: w.s("a-4"),
            developer: None,
        },
        v2::vault::DeductItem {
            amount: 7,
            request_id: w.s("a-5"),
            developer: Some(devs[2].clone()),
        },
    ];
    alice.batch_deduct(&w.backend, &batch);
    bob.deduct(&w.backend, &60, &w.s("b-1"), &Some(devs[0].clone()));
    settlement.withdraw(&devs[0], &20);
    pool.distribute(&w.admin, &devs[1], &10);
    bob.pause(&b_owner);
    let until = env.ledger().sequence() + 1_000;
    alice.set_admin(&a_owner, &w.admin, &until);
    alice.accept_admin(&w.admin);
    alice.set_admin(&w.admin, &next_admin, &until);
    settlement.set_admin(&w.admin, &next_admin, &until);
    V2 {
        settlement,
        pool,
        alice: (a_owner, alice),
        bob: (b_owner, bob),
        devs,
        friend,
        next_admin,
        w,
    }
}

impl V2 {
    /// Every address that holds USDC, in a fixed order.
    fn holders(&self) -> [&Address; 10] {
        [
            &self.alice.0,
            &self.bob.0,
            &self.friend,
            &self.devs[0],
            &self.devs[1],
            &self.devs[2],
            &self.alice.1.address,
            &self.bob.1.address,
            &self.settlement.address,
            &self.pool.address,
        ]
    }
}

/// USDC held by `V2::holders` right after `v2_world`.
const V2_USDC: [i128; 10] = [7_000, 8_000, 500, 20, 10, 0, 3_323, 1_940, 157, 50];

#[test]
fn in_place_upgrade_of_v2_with_live_state() {
    let s = v2_world();
    let (w, env) = (&s.w, &s.w.env);
    let op = &w.admin;
    let (a_owner, b_owner) = (&s.alice.0, &s.bob.0);
    let (a_id, b_id) = (s.alice.1.address.clone(), s.bob.1.address.clone());
    let (s_id, p_id) = (s.settlement.address.clone(), s.pool.address.clone());
    let [d0, d1, d2] = &s.devs;
    assert_eq!(usdc(w, &s.holders()), V2_USDC);
    let supply = usdc_total(w, &s.holders());
    assert_eq!(supply, 21_000);

    // 1. Settlement: v2's `upgrade` needs the admin alone; migrate 1 → 2;
    //    record the index of every developer credited under v2, in pages.
    let s_hash = upload(env, settlement::WASM);
    upgrade_signed_by(env, &[op], &s_id, op, &s_hash, || {
        s.settlement.upgrade(op, &s_hash)
    });
    assert_upgraded(env, &s_id, &s_hash, 2);
    let settlement = settlement::Client::new(env, &s_id);
    assert_eq!(
        (settlement.version(), settlement.schema_version()),
        (CURRENT, 1)
    );
    settlement.migrate(op);
    assert_migrated(env, &s_id, 1, SETTLEMENT_SCHEMA);
    assert_eq!(settlement.try_migrate(op), Err(Ok(S::AlreadyMigrated)));
    assert_eq!(settlement.get_developer_count(), 3);
    assert_eq!(settlement.extend_index(&0, &2), 2);
    assert_eq!(settlement.extend_index(&2, &2), 1);
    assert_eq!(settlement.extend_index(&0, &100), 0, "a second pass");

    // 2. Revenue pool.
    let p_hash = upload(env, revenue_pool::WASM);
    s.pool.upgrade(op, &p_hash);
    assert_upgraded(env, &p_id, &p_hash, 2);
    let pool = revenue_pool::Client::new(env, &p_id);
    assert_eq!(pool.version(), CURRENT);
    assert_eq!(
        pool.try_migrate(op),
        Err(Ok(revenue_pool::RevenuePoolError::AlreadyMigrated))
    );

    // 3a. bob's admin is its owner: handed to the operator under v2.
    assert_eq!(s.bob.1.get_admin(), *b_owner);
    let until = env.ledger().sequence() + 1_000;
    s.bob.1.set_admin(b_owner, op, &until);
    s.bob.1.accept_admin(op);
    assert_eq!(s.alice.1.get_admin(), *op);

    // 3b. Each vault: v2's upgrade (the admin alone), then migrate 2 → 3.
    let v_hash = upload(env, vault::WASM);
    for (id, old) in [(&a_id, &s.alice.1), (&b_id, &s.bob.1)] {
        upgrade_signed_by(env, &[op], id, op, &v_hash, || old.upgrade(op, &v_hash));
        assert_upgraded(env, id, &v_hash, 2);
        // A deduct in the v2 shape fails in the host and charges nothing.
        let before = w.balance(id);
        assert_eq!(
            old.try_deduct(&w.backend, &1, &w.s("old-shape"), &None),
            Err(Err(InvokeError::Abort))
        );
        assert_eq!(w.balance(id), before);
        let new = vault::Client::new(env, id);
        assert!(!new.is_request_processed(&w.s("old-shape")));
        assert_eq!(new.schema_version(), 2);
        new.migrate(op);
        assert_migrated(env, id, 2, VAULT_SCHEMA);
        assert_eq!(new.try_migrate(op), Err(Ok(V::AlreadyMigrated)));
    }
    let alice = vault::Client::new(env, &a_id);
    let bob = vault::Client::new(env, &b_id);

    // Every balance, setting and role survived; no USDC moved.
    assert_eq!(usdc(w, &s.holders()), V2_USDC);
    assert_eq!(
        alice.get_meta(),
        vault::VaultMeta {
            owner: a_owner.clone(),
            balance: 3_323,
            authorized_caller: Some(w.backend.clone()),
            min_deposit: 5
        }
    );
    assert_eq!(
        bob.get_meta(),
        vault::VaultMeta {
            owner: b_owner.clone(),
            balance: 1_940,
            authorized_caller: Some(w.backend.clone()),
            min_deposit: 5
        }
    );
    // max_batch keeps its stored value.
    assert_eq!((alice.get_max_batch(), bob.get_max_batch()), (20, 25));
    for v in [&alice, &bob] {
        assert_eq!(v.version(), CURRENT);
        assert_eq!(v.get_max_deduct(), 400);
        assert_eq!(v.get_revenue_pool(), Some(p_id.clone()));
        assert_eq!(v.get_spend_limit(), None);
        assert_eq!(v.get_spend_window(), None);
        assert_eq!(v.get_admin(), *op);
    }
    assert_eq!(alice.get_settlement(), Some(s_id.clone()));
    assert_eq!(bob.get_settlement(), None);
    assert!(!alice.is_paused());
    assert!(bob.is_paused());
    assert!(alice.is_allowed_depositor(&s.friend));
    assert_eq!(alice.get_metadata(&w.s("offer-1")), Some(w.s("ipfs://v2")));
    assert_eq!(alice.get_pending_admin().unwrap().address, s.next_admin);
    assert_eq!(bob.get_pending_admin(), None);
    assert_eq!(rows(&settlement), rows_of(&[(d0, 100), (d1, 15), (d2, 7)]));
    assert_eq!(settlement.get_developer_total(), 122);
    assert_eq!(settlement.get_global_pool().total_balance, 35);
    assert!(settlement.is_vault(&a_id));
    assert_eq!(settlement.get_admin(), *op);
    assert_eq!(
        settlement.get_pending_admin().unwrap().address,
        s.next_admin
    );
    assert_eq!(settlement.get_successor(), None);
    assert_eq!(pool.balance(), 50);
    assert_eq!(pool.get_admin(), *op);
    w.assert_settlement_backed();
    // Request ids charged under v2 are refused after the upgrade.
    for (v, id) in [
        (&alice, "a-1"),
        (&alice, "a-2"),
        (&alice, "a-3"),
        (&alice, "a-5"),
        (&bob, "b-1"),
    ] {
        assert_eq!(
            v.try_deduct(&w.backend, &1, &w.s(id), &None, &w.until()),
            Err(Ok(V::DuplicateRequest))
        );
    }

    // 3c. Raise max_batch; 3d. the owner sets a spend limit, which counts.
    bob.set_max_batch(op, &MAX_BATCH);
    assert_eq!(bob.get_max_batch(), MAX_BATCH);
    let limit = vault::SpendLimit {
        amount: 500,
        period_ledgers: DAY_IN_LEDGERS,
    };
    alice.set_spend_limit(a_owner, &Some(limit.clone()));
    assert_eq!(alice.get_spend_limit(), Some(limit));
    alice.deduct(&w.backend, &300, &w.s("a-6"), &Some(d2.clone()), &w.until());
    let items = vec![
        env,
        crate::world::Item {
            amount: 150,
            request_id: w.s("a-7"),
            developer: Some(d0.clone()),
        },
        crate::world::Item {
            amount: 50,
            request_id: w.s("a-8"),
            developer: None,
        },
    ];
    let mut over = items.clone();
    over.push_back(crate::world::Item {
        amount: 1,
        request_id: w.s("a-9"),
        developer: None,
    });
    assert_eq!(
        alice.try_batch_deduct(
            &w.backend,
            &soroban_sdk::String::from_str(&w.env, "upgrade-batch-1"),
            &crate::world::columns_of(&w.env, &over),
            &w.until()
        ),
        Err(Ok(V::SpendLimitExceeded)),
        "300 + 201 is over the limit of 500"
    );
    alice.batch_deduct(
        &w.backend,
        &soroban_sdk::String::from_str(&w.env, "upgrade-batch-2"),
        &crate::world::columns_of(&w.env, &items),
        &w.until(),
    );
    assert_eq!(alice.get_spend_window().unwrap().spent, 500);
    bob.unpause(op);
    bob.deduct(&w.backend, &40, &w.s("b-2"), &None, &w.until());
    settlement.accept_admin(&s.next_admin);
    alice.accept_admin(&s.next_admin);
    assert_eq!(
        rows(&settlement),
        rows_of(&[(d0, 250), (d1, 15), (d2, 307)])
    );
    assert_eq!(settlement.get_global_pool().total_balance, 85);
    assert_eq!(
        usdc(w, &s.holders()),
        [7_000, 8_000, 500, 20, 10, 0, 2_823, 1_900, 657, 90]
    );
    assert_eq!(usdc_total(w, &s.holders()), supply);
    w.assert_settlement_backed();
}

// ----- finding 3: in-place rollback and downgrade ----------------------------

/// Finding 3, the supported rollback: current → v2 → current in place, with
/// writes under v2 on every contract, every balance and setting verified.
#[test]
fn f3_round_trip_to_v2_and_back_in_place_with_writes() {
    let world = World::new();
    let w = &world;
    let env = &w.env;
    let op = &w.admin;
    let a = w.consumer(10_000, true);
    let b = w.consumer(10_000, false);
    let (dev, dev2, friend) = (
        Address::generate(env),
        Address::generate(env),
        Address::generate(env),
    );
    w.sac.mint(&friend, &1_000);
    let (s_id, p_id) = (w.settlement.address.clone(), w.pool.address.clone());
    let (a_id, b_id) = (a.vault.address.clone(), b.vault.address.clone());
    let everyone = [
        &a.owner, &b.owner, &friend, &dev, &dev2, &a_id, &b_id, &s_id, &p_id,
    ];
    let supply = usdc_total(w, &everyone);

    a.vault.deposit(&a.owner, &4_000);
    a.vault.set_allowed_depositor(&a.owner, &friend, &true);
    a.vault.deposit(&friend, &500);
    b.vault.deposit(&b.owner, &2_000);
    let limit = vault::SpendLimit {
        amount: 1_000,
        period_ledgers: DAY_IN_LEDGERS,
    };
    a.vault.set_spend_limit(&a.owner, &Some(limit.clone()));
    a.vault.deduct(
        &w.backend,
        &300,
        &w.s("a-1"),
        &Some(dev.clone()),
        &w.until(),
    );
    b.vault
        .deduct(&w.backend, &70, &w.s("b-1"), &None, &w.until());
    a.vault.set_metadata(op, &w.s("offer"), &w.s("ipfs://v3"));
    // The playbook: lower max_batch to v2's maximum before rolling back.
    a.vault.set_max_batch(op, &25);
    b.vault.set_max_batch(op, &25);
    let window = a.vault.get_spend_window().unwrap();
    assert_eq!(window.spent, 300);
    let (min_deposit, b_max_deduct) = (a.vault.get_meta().min_deposit, b.vault.get_max_deduct());

    // Roll back in place, in the playbook's order.
    let (s2, p2, v2h) = (
        upload(env, v2::settlement::WASM),
        upload(env, v2::revenue_pool::WASM),
        upload(env, v2::vault::WASM),
    );
    w.settlement.upgrade(op, &s2);
    assert_upgraded(env, &s_id, &s2, CURRENT);
    w.pool.upgrade(op, &p2);
    assert_upgraded(env, &p_id, &p2, CURRENT);
    for id in [&a_id, &b_id] {
        // A v3 vault's upgrade needs the owner's signature as well.
        assert!(upgrade_refused_for_auth(env, &[op], id, op, &v2h));
        vault::Client::new(env, id).upgrade(op, &v2h);
        assert_upgraded(env, id, &v2h, CURRENT);
    }
    let settlement2 = v2::settlement::Client::new(env, &s_id);
    let pool2 = v2::revenue_pool::Client::new(env, &p_id);
    let (a2, b2) = (
        v2::vault::Client::new(env, &a_id),
        v2::vault::Client::new(env, &b_id),
    );
    assert_eq!(
        (
            settlement2.version(),
            pool2.version(),
            a2.version(),
            b2.version()
        ),
        (2, 2, 2, 2)
    );
    // Nothing to migrate: the markers never move back.
    assert_eq!(
        a2.try_migrate(op),
        Err(Ok(v2::vault::VaultError::AlreadyMigrated))
    );
    assert_eq!(
        settlement2.try_migrate(op),
        Err(Ok(v2::settlement::SettlementError::AlreadyMigrated))
    );

    // Writes under v2 on every contract.
    a2.pause(op);
    a2.unpause(op);
    b2.pause(op);
    a2.set_max_deduct(op, &900);
    a2.deposit(&a.owner, &100);
    // v2 does not enforce the spend limit: 300 + 800 > 1000 goes through.
    a2.deduct(&w.backend, &800, &w.s("v2-1"), &Some(dev.clone()));
    a2.batch_deduct(
        &w.backend,
        &vec![
            env,
            v2::vault::DeductItem {
                amount: 20,
                request_id: w.s("v2-2"),
                developer: Some(dev2.clone()),
            },
            v2::vault::DeductItem {
                amount: 5,
                request_id: w.s("v2-3"),
                developer: None,
            },
        ],
    );
    b2.deduct(&w.backend, &30, &w.s("v2-4"), &None);
    assert_eq!(a2.withdraw(&200), 3_275);
    a2.set_allowed_depositor(&a.owner, &dev, &true);
    a2.set_metadata(op, &w.s("offer"), &w.s("ipfs://v2"));
    settlement2.withdraw(&dev, &100);
    settlement2.distribute_pool(op, &friend, &5);
    pool2.distribute(op, &dev2, &40);

    // Roll forward: v2's upgrade needs the admin alone.
    let (s3, p3, v3h) = (
        upload(env, settlement::WASM),
        upload(env, revenue_pool::WASM),
        upload(env, vault::WASM),
    );
    upgrade_signed_by(env, &[op], &s_id, op, &s3, || settlement2.upgrade(op, &s3));
    assert_upgraded(env, &s_id, &s3, 2);
    upgrade_signed_by(env, &[op], &p_id, op, &p3, || pool2.upgrade(op, &p3));
    for (id, old) in [(&a_id, &a2), (&b_id, &b2)] {
        upgrade_signed_by(env, &[op], id, op, &v3h, || old.upgrade(op, &v3h));
        assert_upgraded(env, id, &v3h, 2);
        assert_eq!(
            vault::Client::new(env, id).try_migrate(op),
            Err(Ok(V::AlreadyMigrated))
        );
    }
    let s = &w.settlement;
    assert_eq!(s.try_migrate(op), Err(Ok(S::AlreadyMigrated)));
    assert_eq!(
        w.pool.try_migrate(op),
        Err(Ok(revenue_pool::RevenuePoolError::AlreadyMigrated))
    );
    // dev2 was first credited under v2: its index is recorded now.
    assert_eq!(s.extend_index(&0, &100), 1);
    assert_eq!(s.extend_index(&0, &100), 0);

    // Every balance and setting, to the unit.
    let (av, bv) = (&a.vault, &b.vault);
    for (version, schema, expected) in [
        (av.version(), av.schema_version(), VAULT_SCHEMA),
        (bv.version(), bv.schema_version(), VAULT_SCHEMA),
        (s.version(), s.schema_version(), SETTLEMENT_SCHEMA),
        (w.pool.version(), w.pool.schema_version(), 1),
    ] {
        assert_eq!((version, schema), (CURRENT, expected));
    }
    assert_eq!(
        av.get_meta(),
        vault::VaultMeta {
            owner: a.owner.clone(),
            balance: 3_275,
            authorized_caller: Some(w.backend.clone()),
            min_deposit
        }
    );
    assert_eq!(bv.balance(), 1_900);
    assert_eq!(
        (av.get_max_deduct(), bv.get_max_deduct()),
        (900, b_max_deduct)
    );
    assert_eq!((av.get_max_batch(), bv.get_max_batch()), (25, 25));
    assert_eq!((av.is_paused(), bv.is_paused()), (false, true));
    assert_eq!(av.get_settlement(), Some(s_id.clone()));
    assert_eq!(bv.get_settlement(), None);
    assert_eq!(av.get_revenue_pool(), Some(p_id.clone()));
    assert_eq!(bv.get_revenue_pool(), Some(p_id.clone()));
    assert_eq!((av.get_admin(), bv.get_admin()), (op.clone(), op.clone()));
    assert_eq!(av.get_spend_limit(), Some(limit));
    assert_eq!(
        av.get_spend_window(),
        Some(window),
        "v2 deducts not counted"
    );
    assert_eq!(bv.get_spend_limit(), None);
    assert!(av.is_allowed_depositor(&friend) && av.is_allowed_depositor(&dev));
    assert_eq!(av.get_metadata(&w.s("offer")), Some(w.s("ipfs://v2")));
    for (v, id) in [
        (av, "a-1"),
        (bv, "b-1"),
        (av, "v2-1"),
        (av, "v2-2"),
        (av, "v2-3"),
        (bv, "v2-4"),
    ] {
        assert_eq!(
            v.try_deduct(&w.backend, &1, &w.s(id), &None, &w.until()),
            Err(Ok(V::DuplicateRequest))
        );
    }
    assert_eq!(rows(s), rows_of(&[(&dev, 1_000), (&dev2, 20)]));
    assert_eq!(s.get_developer_total(), 1_020);
    assert_eq!(s.get_global_pool().total_balance, 0);
    assert_eq!(w.pool.balance(), 60);
    assert_eq!(
        usdc(w, &everyone),
        [6_100, 8_000, 505, 100, 40, 3_275, 1_900, 1_020, 60]
    );
    assert_eq!(usdc_total(w, &everyone), supply);
    w.assert_settlement_backed();

    // v3 again: the spend limit counts (300 of 1,000 spent in the window).
    assert_eq!(
        av.try_deduct(&w.backend, &800, &w.s("v3-1"), &None, &w.until()),
        Err(Ok(V::SpendLimitExceeded))
    );
    av.deduct(
        &w.backend,
        &700,
        &w.s("v3-1"),
        &Some(dev.clone()),
        &w.until(),
    );
    assert_eq!(
        av.try_deduct(&w.backend, &1, &w.s("v3-2"), &None, &w.until()),
        Err(Ok(V::SpendLimitExceeded))
    );
    bv.unpause(op);
    bv.set_max_batch(op, &MAX_BATCH);
    bv.batch_deduct(
        &w.backend,
        &w.s("v3-batch-1"),
        &crate::world::columns(env, &[(10, "v3-3", None)]),
        &w.until(),
    );
    assert_eq!(s.get_developer_balance(&dev), 1_700);
    assert_eq!(w.pool.balance(), 70);
    assert_eq!(usdc_total(w, &everyone), supply);
    w.assert_settlement_backed();
}

/// Finding 3 as the review found it, on the frozen WASMs. Code version 1
/// runs on newer vault data (the SDK 28 decoder ignores the `max_batch`
/// field it does not know, and the spend-limit keys), and its first
/// configuration write stores the nine-field layout while the schema marker
/// stays. Upgraded back, v2 cannot read its configuration: `get_meta`,
/// `withdraw`, `migrate` and `upgrade` all abort and the USDC is locked.
/// v3 decodes the configuration by its layout and reads it.
#[test]
fn f3_v1_writes_on_newer_data_lock_a_v2_vault_but_not_a_v3_one() {
    let world = World::new();
    let w = &world;
    let env = &w.env;
    let op = &w.admin;
    let (h1, h2, h3) = (
        upload(env, v1::vault::WASM),
        upload(env, v2::vault::WASM),
        upload(env, vault::WASM),
    );

    // v2 → v1 → v2 (the owner is the admin, as v2 shipped).
    let owner = Address::generate(env);
    w.sac.mint(&owner, &1_000);
    let old = v2_vault(w, &owner, &w.pool.address);
    old.deposit(&owner, &1_000);
    old.upgrade(&owner, &h1);
    let as_v1 = v1::vault::Client::new(env, &old.address);
    assert_eq!(as_v1.version(), 1);
    assert_eq!(as_v1.get_meta().balance, 1_000, "v1 reads the v2 layout");
    assert_eq!(stored_config(env, &old.address).len(), 10);
    as_v1.pause(&owner);
    assert_eq!(stored_config(env, &old.address).len(), 9, "v1 layout");
    assert_eq!(as_v1.schema_version(), 2, "marker unchanged");
    as_v1.upgrade(&owner, &h2);
    assert_eq!(old.version(), 2);
    // Locked: nothing that reads the configuration works, not even upgrade.
    let trapped = Err(Err(InvokeError::Abort));
    assert_eq!(old.try_withdraw(&1), trapped);
    assert_eq!(old.try_migrate(&owner), Err(Err(InvokeError::Abort)));
    assert_eq!(old.try_upgrade(&owner, &h3), Err(Err(InvokeError::Abort)));
    assert_eq!(
        old.try_get_meta(),
        Err(Ok(Error::from_type_and_code(
            ScErrorType::Context,
            ScErrorCode::InvalidAction
        )))
    );
    assert_eq!(old.balance(), 1_000);
    assert_eq!(w.balance(&old.address), 1_000, "the USDC is stuck");

    // current → v1 → current, with writes under v1.
    let c = w.consumer(2_000, false);
    let v = &c.vault;
    v.deposit(&c.owner, &1_500);
    v.set_max_batch(op, &10);
    let limit = vault::SpendLimit {
        amount: 100,
        period_ledgers: DAY_IN_LEDGERS,
    };
    v.set_spend_limit(&c.owner, &Some(limit.clone()));
    v.deduct(&w.backend, &40, &w.s("r-1"), &None, &w.until());
    let window = v.get_spend_window();
    let min_deposit = v.get_meta().min_deposit;
    v.upgrade(op, &h1);
    let as_v1 = v1::vault::Client::new(env, &v.address);
    assert_eq!(as_v1.version(), 1);
    assert_eq!(as_v1.get_meta().balance, 1_460);
    // What v1 does on v3 data: it runs. It ignores the spend limit ...
    as_v1.deduct(&w.backend, &250, &w.s("r-2"), &None);
    as_v1.deposit(&c.owner, &500);
    as_v1.withdraw(&10);
    as_v1.set_max_deduct(op, &300);
    as_v1.pause(op);
    assert_eq!(stored_config(env, &v.address).len(), 9);
    // ... and lets the operator alone replace the code.
    upgrade_signed_by(env, &[op], &v.address, op, &h3, || as_v1.upgrade(op, &h3));
    assert_eq!(v.version(), CURRENT);
    assert_eq!(v.try_migrate(op), Err(Ok(V::AlreadyMigrated)));
    assert_eq!(
        v.get_meta(),
        vault::VaultMeta {
            owner: c.owner.clone(),
            balance: 1_700,
            authorized_caller: Some(w.backend.clone()),
            min_deposit
        }
    );
    assert_eq!(v.get_max_deduct(), 300);
    assert!(v.is_paused());
    assert_eq!(v.get_admin(), *op);
    // The v1 layout has no max_batch: the stored 10 is lost and reads as
    // the maximum.
    assert_eq!(v.get_max_batch(), MAX_BATCH);
    assert_eq!(v.get_spend_limit(), Some(limit));
    assert_eq!(v.get_spend_window(), window, "v1 deducts not counted");
    assert!(v.is_request_processed(&w.s("r-2")));
    assert_eq!(v.withdraw(&100), 1_600);
    // The next configuration write stores the current layout again.
    v.unpause(op);
    assert_eq!(stored_config(env, &v.address).len(), 10);
    v.set_max_batch(op, &10);
    assert_eq!(v.get_max_batch(), 10);
    assert_eq!(w.balance(&v.address), 1_600);
    assert_eq!(w.balance(&w.pool.address), 290);
    assert_eq!(
        w.balance(&c.owner),
        110,
        "2,000 - 1,500 - 500 deposited + 10 + 100"
    );
}

/// The current decoder reads a nine-field (code version 1) configuration
/// whatever the schema marker says: written directly into storage under
/// markers 1, 2 and 3. Below 3 configuration writes wait for `migrate`,
/// which rewrites the current layout; at 3 the next write does.
#[test]
fn v3_reads_a_v1_layout_config_under_any_schema_marker() {
    let world = World::new();
    let w = &world;
    let env = &w.env;
    let op = &w.admin;
    for marker in [1u32, 2, 3] {
        let c = w.consumer(1_000, false);
        let v = &c.vault;
        v.deposit(&c.owner, &1_000);
        v.set_max_deduct(op, &300);
        v.pause(op);
        let min_deposit = v.get_meta().min_deposit;
        store_v1_layout(env, &v.address);
        force_schema(env, &v.address, marker);
        assert_eq!(stored_config(env, &v.address).len(), 9);
        assert_eq!(v.schema_version(), marker);
        assert_eq!(
            v.get_meta(),
            vault::VaultMeta {
                owner: c.owner.clone(),
                balance: 1_000,
                authorized_caller: Some(w.backend.clone()),
                min_deposit
            }
        );
        assert_eq!(v.get_max_deduct(), 300);
        assert!(v.is_paused());
        assert_eq!(v.get_max_batch(), MAX_BATCH);
        assert_eq!(v.get_admin(), *op);
        assert_eq!(v.get_revenue_pool(), Some(w.pool.address.clone()));
        v.deduct(&w.backend, &30, &w.s("r"), &None, &w.until());
        assert_eq!(v.withdraw(&70), 900);
        if marker < VAULT_SCHEMA {
            assert_eq!(v.try_unpause(op), Err(Ok(V::MigrationPending)));
            v.migrate(op);
            assert_migrated(env, &v.address, marker, VAULT_SCHEMA);
            assert_eq!(stored_config(env, &v.address).len(), 10);
        } else {
            assert_eq!(v.try_migrate(op), Err(Ok(V::AlreadyMigrated)));
        }
        v.unpause(op);
        assert_eq!(stored_config(env, &v.address).len(), 10);
        assert_eq!(v.get_max_batch(), MAX_BATCH);
        assert_eq!(v.get_max_deduct(), 300);
        assert_eq!(w.balance(&v.address), 900);
        // The code can still be replaced.
        let hash = upload(env, vault::WASM);
        v.upgrade(op, &hash);
        assert_upgraded(env, &v.address, &hash, CURRENT);
    }
}

/// The settlement and the revenue pool have kept their layouts since code
/// version 1, so v1 code runs on their current data and rolls forward
/// again; only the vault's configuration changed layout. (The playbook
/// still forbids an in-place downgrade to v1: v1 ignores a settlement's
/// retirement, a vault's spend limit and owner co-signature.)
#[test]
fn v1_code_runs_on_current_settlement_and_pool_data() {
    let world = World::new();
    let w = &world;
    let env = &w.env;
    let op = &w.admin;
    let c = w.consumer(1_000, true);
    let b = w.consumer(1_000, false);
    let dev = Address::generate(env);
    c.vault.deposit(&c.owner, &1_000);
    b.vault.deposit(&b.owner, &1_000);
    c.vault.deduct(
        &w.backend,
        &300,
        &w.s("r-1"),
        &Some(dev.clone()),
        &w.until(),
    );
    c.vault
        .deduct(&w.backend, &50, &w.s("r-2"), &None, &w.until());
    b.vault
        .deduct(&w.backend, &80, &w.s("r-3"), &None, &w.until());
    let (s_id, p_id) = (w.settlement.address.clone(), w.pool.address.clone());
    w.settlement.upgrade(op, &upload(env, v1::settlement::WASM));
    w.pool.upgrade(op, &upload(env, v1::revenue_pool::WASM));
    let (s1, p1) = (
        v1::settlement::Client::new(env, &s_id),
        v1::revenue_pool::Client::new(env, &p_id),
    );
    assert_eq!((s1.version(), p1.version()), (1, 1));
    assert_eq!(s1.get_developer_balance(&dev), 300);
    s1.withdraw(&dev, &100);
    s1.distribute_pool(op, &dev, &20);
    p1.distribute(op, &dev, &30);
    assert_eq!(w.balance(&dev), 150);
    let (s3, p3) = (
        upload(env, settlement::WASM),
        upload(env, revenue_pool::WASM),
    );
    upgrade_signed_by(env, &[op], &s_id, op, &s3, || s1.upgrade(op, &s3));
    upgrade_signed_by(env, &[op], &p_id, op, &p3, || p1.upgrade(op, &p3));
    let s = &w.settlement;
    assert_eq!(
        (s.version(), s.schema_version()),
        (CURRENT, SETTLEMENT_SCHEMA)
    );
    assert_eq!(s.try_migrate(op), Err(Ok(S::AlreadyMigrated)));
    assert_eq!(rows(s), rows_of(&[(&dev, 200)]));
    assert_eq!(s.get_global_pool().total_balance, 30);
    assert_eq!(w.pool.balance(), 50);
    w.assert_settlement_backed();
    c.vault
        .deduct(&w.backend, &5, &w.s("r-4"), &Some(dev.clone()), &w.until());
    assert_eq!(s.get_developer_balance(&dev), 205);
    w.assert_settlement_backed();
}

// ----- redeploy and migrate: v2 → current ---------------------------------

/// The playbook's Path 2 from a v2 deployment, in its order (settlement →
/// revenue pool → vaults), with every call the operator might retry after
/// a time-out sent twice, traffic landing during the move, and stray USDC
/// sent to the old settlement and an old vault.
#[test]
fn redeploy_and_migrate_v2_to_v3_in_playbook_order() {
    let s = v2_world();
    let (w, env) = (&s.w, &s.w.env);
    let op = &w.admin;
    let [d0, d1, d2] = &s.devs;
    let (old_s, old_p) = (&s.settlement, &s.pool);
    let (a_owner, old_a) = (&s.alice.0, &s.alice.1);
    let (b_owner, old_b) = (&s.bob.0, &s.bob.1);
    // USDC sent to the old settlement and to alice's vault outside their calls.
    w.sac.mint(&old_s.address, &13);
    w.sac.mint(&old_a.address, &9);
    let mut holders: StdVec<Address> = s.holders().iter().map(|a| (*a).clone()).collect();
    let supply = 21_000 + 13 + 9;

    // 1. Settlement: deploy, name the predecessor (a retry is refused).
    let new_s_id = env.register(
        settlement::WASM,
        (op.clone(), w.usdc.clone(), None::<Address>),
    );
    let new_s = settlement::Client::new(env, &new_s_id);
    new_s.set_predecessor(op, &old_s.address);
    assert_eq!(
        new_s.try_set_predecessor(op, &old_s.address),
        Err(Ok(S::PredecessorAlreadySet))
    );
    // 2. Register alice and re-point it (its admin is the operator); both
    //    calls are idempotent.
    for _ in 0..2 {
        new_s.set_vault(op, &old_a.address, &true);
        old_a.set_settlement(op, &Some(new_s_id.clone()));
    }
    // Traffic lands on the new settlement while the old one still holds
    // everything.
    old_a.deduct(&w.backend, &40, &w.s("during"), &Some(d0.clone()));
    // 3. Retire the old one (v2's retire takes any successor; this one
    //    agreed); a retry is refused.
    assert_eq!(old_s.retire(op, &new_s_id), 157 + 13);
    assert_eq!(
        old_s.try_retire(op, &new_s_id),
        Err(Ok(v2::settlement::SettlementError::Retired))
    );
    // 4. Import until 0, every call retried.
    let mut consumed = StdVec::new();
    loop {
        let n = new_s.import_balances(op, &2);
        consumed.push((n, new_s.import_balances(op, &2)));
        if n == 0 {
            break;
        }
    }
    assert_eq!(consumed, [(2, 1), (0, 0)]);
    // 5. Verify, then book what was sent to the old settlement directly.
    assert_eq!(new_s.get_import_cursor(), old_s.get_developer_count());
    assert_eq!(
        rows(&new_s),
        rows_of(&[(d0, 140), (d1, 15), (d2, 7)]),
        "d0 was credited during the move, then imported"
    );
    assert_eq!(new_s.get_global_pool().total_balance, 35);
    assert_eq!(new_s.get_developer_total(), 162);
    assert_eq!(w.balance(&new_s_id), 35 + 162 + 13);
    assert_eq!(new_s.book_untracked(op), 13);
    assert_eq!(new_s.try_book_untracked(op), Err(Ok(S::NothingToBook)));
    assert_eq!(new_s.get_global_pool().total_balance, 48);
    assert_eq!(w.balance(&old_s.address), 0);

    // Revenue pool: deploy, move its USDC (a retry finds nothing to move),
    // re-point both vaults (bob's admin is still its owner under v2).
    let new_p_id = env.register(revenue_pool::WASM, (op.clone(), w.usdc.clone()));
    let held = old_p.balance();
    assert_eq!(held, 50);
    old_p.distribute(op, &new_p_id, &held);
    assert_eq!(
        old_p.try_distribute(op, &new_p_id, &held),
        Err(Ok(v2::revenue_pool::RevenuePoolError::InsufficientBalance))
    );
    old_a.set_revenue_pool(op, &Some(new_p_id.clone()));
    old_b.set_revenue_pool(b_owner, &Some(new_p_id.clone()));

    // Vaults: stop traffic, move the USDC to the new address, deploy there
    // with the operator as admin, restore what the constructor does not take.
    let mut new_vaults = StdVec::new();
    for (owner, old) in [(a_owner, old_a), (b_owner, old_b)] {
        let admin = old.get_admin();
        let meta = old.get_meta();
        let (max_deduct, max_batch, paused) =
            (old.get_max_deduct(), old.get_max_batch(), old.is_paused());
        let settlement = old.get_settlement();
        let pool = old.get_revenue_pool();
        if !paused {
            old.pause(&admin);
        }
        assert_eq!(
            old.try_pause(&admin),
            Err(Ok(v2::vault::VaultError::AlreadyPaused))
        );
        old.set_authorized_caller(&admin, &None);
        assert!(!old.is_request_processed(&w.s("never-sent")));
        let new_addr = Address::generate(env);
        old.withdraw_to(&new_addr, &meta.balance);
        assert_eq!(
            old.try_withdraw_to(&new_addr, &meta.balance),
            Err(Ok(v2::vault::VaultError::InsufficientBalance))
        );
        // The constructor names the operator as admin.
        let args: crate::world::VaultArgs = (
            owner.clone(),
            op.clone(),
            w.usdc.clone(),
            Some(meta.balance),
            meta.authorized_caller.clone(),
            Some(meta.min_deposit),
            pool,
            Some(max_deduct),
        );
        env.register_at(&new_addr, vault::WASM, args);
        let new = vault::Client::new(env, &new_addr);
        new.set_max_batch(op, &max_batch);
        if settlement.is_some() {
            new_s.set_vault(op, &new_addr, &true);
            new.set_settlement(op, &Some(new_s_id.clone()));
            new_s.set_vault(op, &old.address, &false);
        }
        if paused {
            new.pause(op);
        }
        new_vaults.push((
            old.address.clone(),
            meta,
            max_deduct,
            max_batch,
            paused,
            new,
        ));
    }
    let new_a = &new_vaults[0].5;
    new_a.set_metadata(op, &w.s("offer-1"), &w.s("ipfs://v2"));
    new_a.set_allowed_depositor(a_owner, &s.friend, &true);
    // v2 vaults have no `sweep`: the stray 9 USDC in alice's old vault need
    // an in-place upgrade of the old instance before the owner can sweep.
    let no_sweep = env.try_invoke_contract::<Val, Error>(
        &old_a.address,
        &Symbol::new(env, "sweep"),
        (a_owner.clone(),).into_val(env),
    );
    assert!(no_sweep.is_err());
    assert_eq!(w.balance(&old_a.address), 9);
    old_a.upgrade(op, &upload(env, vault::WASM));
    assert_eq!(vault::Client::new(env, &old_a.address).sweep(a_owner), 9);

    // Every balance and setting carried over.
    for (old_id, meta, max_deduct, max_batch, paused, new) in &new_vaults {
        assert_eq!(
            new.get_meta(),
            vault::VaultMeta {
                owner: meta.owner.clone(),
                balance: meta.balance,
                authorized_caller: Some(w.backend.clone()),
                min_deposit: meta.min_deposit,
            }
        );
        assert_eq!(meta.authorized_caller, Some(w.backend.clone()));
        assert_eq!(new.get_max_deduct(), *max_deduct);
        assert_eq!(new.get_max_batch(), *max_batch);
        assert_eq!(new.is_paused(), *paused);
        assert_eq!(new.get_admin(), *op);
        assert_eq!(new.get_revenue_pool(), Some(new_p_id.clone()));
        assert_eq!(w.balance(&new.address), meta.balance);
        assert_eq!(w.balance(old_id), 0);
        assert!(!new_s.is_vault(old_id));
        holders.push(new.address.clone());
    }
    assert_eq!(
        (new_vaults[0].1.balance, new_vaults[1].1.balance),
        (3_283, 1_940)
    );
    assert_eq!((new_vaults[0].3, new_vaults[1].3), (20, 25));
    assert_eq!(new_a.get_settlement(), Some(new_s_id.clone()));
    assert_eq!(new_vaults[1].5.get_settlement(), None);
    assert!(new_a.is_allowed_depositor(&s.friend));
    assert_eq!(new_a.get_metadata(&w.s("offer-1")), Some(w.s("ipfs://v2")));
    assert!(new_s.is_vault(&new_a.address));
    holders.extend([new_s_id.clone(), new_p_id.clone()]);
    let refs: StdVec<&Address> = holders.iter().collect();
    assert_eq!(usdc_total(w, &refs), supply);
    assert_eq!(w.balance(&new_p_id), 50);
    assert_eq!(w.balance(&old_p.address), 0);
    assert_eq!(w.balance(&a_owner.clone()), 7_000 + 9);
    assert_eq!(
        w.balance(&new_s_id),
        new_s.get_global_pool().total_balance + new_s.get_developer_total()
    );

    // The old instances refuse traffic.
    assert_eq!(
        old_s.try_withdraw(d0, &1),
        Err(Ok(v2::settlement::SettlementError::Retired))
    );
    assert_eq!(
        old_b.try_deduct(&w.backend, &1, &w.s("late"), &None),
        Err(Ok(v2::vault::VaultError::NotAuthorizedCaller))
    );
    assert_eq!(
        old_b.try_deposit(b_owner, &10),
        Err(Ok(v2::vault::VaultError::Paused))
    );

    // The new system carries traffic end to end.
    new_a.deduct(
        &w.backend,
        &25,
        &w.s("after"),
        &Some(d0.clone()),
        &w.until(),
    );
    new_s.withdraw(d0, &165);
    assert_eq!(w.balance(d0), 20 + 165);
    assert_eq!(new_s.get_developer_balance(d0), 0);
    let new_b = &new_vaults[1].5;
    new_b.unpause(op);
    new_b.deduct(&w.backend, &5, &w.s("after-b"), &None, &w.until());
    assert_eq!(w.balance(&new_p_id), 55);
    assert_eq!(usdc_total(w, &refs), supply);
    w.assert_settlement_backed();
}

/// Rollback is in place, one version back (the round trip above).
/// Redeploying v2 instances from a v3 system is not a path: a v3 settlement
/// retires only into a successor that named it as predecessor, which v2
/// cannot (it has no `set_predecessor`), and a v2 vault would make its
/// owner the admin again.
#[test]
fn rollback_by_redeploying_v2_instances_is_refused() {
    let world = World::new();
    let w = &world;
    let env = &w.env;
    let c = w.consumer(1_000, true);
    let dev = Address::generate(env);
    c.vault.deposit(&c.owner, &1_000);
    c.vault
        .deduct(&w.backend, &300, &w.s("r"), &Some(dev.clone()), &w.until());
    let back = env.register(
        v2::settlement::WASM,
        (w.admin.clone(), w.usdc.clone(), None::<Address>),
    );
    let no_such_function = env.try_invoke_contract::<Val, Error>(
        &back,
        &Symbol::new(env, "set_predecessor"),
        (w.admin.clone(), w.settlement.address.clone()).into_val(env),
    );
    assert!(no_such_function.is_err());
    assert_eq!(
        w.settlement.try_retire(&w.admin, &back),
        Err(Ok(S::SuccessorNotAccepted))
    );
    assert_eq!(w.settlement.get_successor(), None);
    assert_eq!(w.balance(&w.settlement.address), 300);
    assert_eq!(w.balance(&back), 0);
    assert_eq!(w.settlement.get_developer_balance(&dev), 300);
    // A v2 vault deployed today: its owner is its admin.
    let owner = Address::generate(env);
    let v = v2_vault(w, &owner, &w.pool.address);
    assert_eq!(v.get_admin(), owner);
}

// ----- refusals -------------------------------------------------------------

/// Everything an upgrade refusal could touch, as one comparable record.
fn fingerprint(w: &World, vaults: &[&Address]) -> StdString {
    let mut out = format!(
        "s: v{} schema {} admin {:?} pool {:?} usdc {}; p: v{} schema {} admin {:?} usdc {}",
        w.settlement.version(),
        w.settlement.schema_version(),
        w.settlement.get_admin(),
        w.settlement.get_global_pool(),
        w.balance(&w.settlement.address),
        w.pool.version(),
        w.pool.schema_version(),
        w.pool.get_admin(),
        w.balance(&w.pool.address),
    );
    for id in vaults {
        let v = vault::Client::new(&w.env, id);
        out += &format!(
            "; v: v{} schema {} {:?} admin {:?} pending {:?} max_batch {} usdc {}",
            v.version(),
            v.schema_version(),
            v.get_meta(),
            v.get_admin(),
            v.get_pending_admin(),
            v.get_max_batch(),
            w.balance(id),
        );
    }
    out
}

#[test]
fn upgrade_refusals_change_nothing() {
    let world = World::new();
    let w = &world;
    let env = &w.env;
    let op = &w.admin;
    let c = w.consumer(1_000, true);
    c.vault.deposit(&c.owner, &600);
    let stranger = Address::generate(env);
    let v_hash = upload(env, vault::WASM);
    let s_hash = upload(env, settlement::WASM);

    // An owner-admin vault (v2 default) upgraded in place; and a v2 vault
    // whose operator proposed the owner as admin before the upgrade.
    let owner2 = Address::generate(env);
    w.sac.mint(&owner2, &100);
    let legacy = v2_vault(w, &owner2, &w.pool.address);
    legacy.deposit(&owner2, &100);
    legacy.upgrade(&owner2, &v_hash);
    let legacy = vault::Client::new(env, &legacy.address);
    legacy.migrate(&owner2);
    let owner3 = Address::generate(env);
    let proposed = v2_vault(w, &owner3, &w.pool.address);
    let until = env.ledger().sequence() + 1_000;
    proposed.set_admin(&owner3, op, &until);
    proposed.accept_admin(op);
    proposed.set_admin(op, &owner3, &until);
    proposed.upgrade(op, &v_hash);
    let proposed = vault::Client::new(env, &proposed.address);
    proposed.migrate(op);

    let vaults = [&c.vault.address, &legacy.address, &proposed.address];
    let before = fingerprint(w, &vaults);

    // Not the admin: a stranger, and a vault's owner.
    assert_eq!(
        c.vault.try_upgrade(&stranger, &v_hash),
        Err(Ok(V::NotAdmin))
    );
    assert_eq!(c.vault.try_upgrade(&c.owner, &v_hash), Err(Ok(V::NotAdmin)));
    assert_eq!(c.vault.try_migrate(&stranger), Err(Ok(V::NotAdmin)));
    assert_eq!(
        w.settlement.try_upgrade(&stranger, &s_hash),
        Err(Ok(S::NotAdmin))
    );
    assert_eq!(w.settlement.try_migrate(&stranger), Err(Ok(S::NotAdmin)));
    assert_eq!(
        w.pool.try_upgrade(&stranger, &s_hash),
        Err(Ok(revenue_pool::RevenuePoolError::NotAdmin))
    );
    // The admin without the owner's signature, and the owner without the
    // admin's: the host refuses both.
    let id = &c.vault.address;
    assert!(upgrade_refused_for_auth(env, &[op], id, op, &v_hash));
    assert!(upgrade_refused_for_auth(env, &[&c.owner], id, op, &v_hash));
    assert!(upgrade_refused_for_auth(
        env,
        &[],
        &w.settlement.address,
        op,
        &s_hash
    ));
    // Nothing left to migrate.
    assert_eq!(c.vault.try_migrate(op), Err(Ok(V::AlreadyMigrated)));
    assert_eq!(legacy.try_migrate(&owner2), Err(Ok(V::AlreadyMigrated)));
    assert_eq!(w.settlement.try_migrate(op), Err(Ok(S::AlreadyMigrated)));
    assert_eq!(
        w.pool.try_migrate(op),
        Err(Ok(revenue_pool::RevenuePoolError::AlreadyMigrated))
    );
    // An owner-admin cannot upgrade, nor can the owner become the admin.
    assert_eq!(
        legacy.try_upgrade(&owner2, &v_hash),
        Err(Ok(V::AdminIsOwner))
    );
    assert_eq!(
        legacy.try_set_admin(&owner2, &owner2, &until),
        Err(Ok(V::AdminIsOwner))
    );
    assert_eq!(proposed.try_accept_admin(&owner3), Err(Ok(V::AdminIsOwner)));
    assert_eq!(
        c.vault.try_set_admin(op, &c.owner, &until),
        Err(Ok(V::AdminIsOwner))
    );
    // A hash that was never uploaded: the host refuses the swap.
    let unknown = BytesN::from_array(env, &[7; 32]);
    assert_eq!(
        c.vault.try_upgrade(op, &unknown),
        Err(Err(InvokeError::Abort))
    );
    assert_eq!(
        w.settlement.try_upgrade(op, &unknown),
        Err(Err(InvokeError::Abort))
    );
    assert_eq!(fingerprint(w, &vaults), before);
    assert_eq!(c.vault.balance(), 600);
}

// ----- the operator's rehearsal ----------------------------------------------

#[test]
fn rehearsal_command_playbook_passes() {
    let report = crate::rehearsal::rehearse_playbook();
    let text = report.render();
    assert!(report.passed(), "{text}");
    assert!(text.contains("deploy (code version 2"), "{text}");
    assert!(text.contains("migrate vault"), "{text}");
    assert!(text.contains("extend_index"), "{text}");
    let pos = |needle: &str| text.find(needle).unwrap();
    assert!(pos("upgrade settlement") < pos("upgrade revenue pool"));
    assert!(pos("upgrade revenue pool") < pos("upgrade vault"));
}

#[test]
fn rehearsal_of_a_ledger_snapshot_upgrades_its_contracts() {
    use crate::rehearsal::{rehearse_snapshot, Kind};
    let s = v2_world();
    let dir = std::env::temp_dir().join(format!("callora-snapshot-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("ledger.json");
    // The same JSON `stellar snapshot create` writes.
    s.w.env.to_ledger_snapshot_file(&path);
    let strkey = |a: &Address| {
        let s = a.to_string();
        let mut buf = [0u8; 56];
        s.copy_into_slice(&mut buf);
        StdString::from_utf8(buf.to_vec()).unwrap()
    };
    let contracts = [
        (Kind::Vault, strkey(&s.alice.1.address)),
        (Kind::Vault, strkey(&s.bob.1.address)),
        (Kind::RevenuePool, strkey(&s.pool.address)),
        (Kind::Settlement, strkey(&s.settlement.address)),
    ];
    let report = rehearse_snapshot(&path, &contracts, None);
    let text = report.render();
    assert!(report.passed(), "{text}");
    // Playbook order regardless of the order given.
    let pos = |needle: &str| text.find(needle).unwrap();
    assert!(pos("upgrade settlement") < pos("upgrade revenue pool"));
    assert!(pos("upgrade revenue pool") < pos("upgrade vault"));
    assert_eq!(text.matches("migrate vault").count(), 2);
    // bob's owner was its admin: handed to the operator (the settlement's
    // admin) first.
    assert_eq!(text.matches("hand the admin to the operator").count(), 1);
    // The checklist's smoke deduct and one-item batch on each vault.
    assert_eq!(text.matches("(smoke)").count(), 4, "{text}");

    // Nothing to rehearse is a failure, not a silent pass.
    let empty = rehearse_snapshot(&path, &[], None);
    assert!(!empty.passed());
    // An owner-admin vault with no operator known is a failure too.
    let alone = rehearse_snapshot(&path, &contracts[1..2], None);
    assert!(!alone.passed(), "{}", alone.render());
    std::fs::remove_dir_all(&dir).unwrap();
}
