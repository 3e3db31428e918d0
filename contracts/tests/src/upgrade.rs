//! Upgrade rehearsals on real WASMs: the frozen code version 1 and the
//! current build, with live state, checked to the unit.
extern crate std;

use crate::{
    wasm::{revenue_pool, settlement, v1, vault},
    world::World,
};
use callora_types::events::{Migrated, Upgraded};
use soroban_sdk::{
    testutils::{Address as _, Events as _},
    vec, Address, BytesN, Env, Event,
};

const CURRENT: u32 = callora_types::CODE_VERSION;

/// A v1 deployment with live state: a settlement, a revenue pool, a vault
/// paying the settlement (`alice`) and one paying the pool (`bob`).
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
    let none: Option<i128> = None;
    let id = w.env.register(
        v1::vault::WASM,
        (
            owner.clone(),
            w.usdc.clone(),
            none,
            Some(w.backend.clone()),
            Some(5i128),
            Some(pool.clone()),
            Some(400i128),
        ),
    );
    v1::vault::Client::new(&w.env, &id)
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
    // Pending settings that must survive: open admin proposals, a paused
    // vault, metadata.
    alice.set_metadata(&a_owner, &w.s("offer-1"), &w.s("ipfs://v1"));
    bob.pause(&b_owner);
    let until = env.ledger().sequence() + 1_000;
    alice.set_admin(&a_owner, &next_admin, &until);
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

/// Every balance the system holds, by address.
fn usdc_balances(w: &World, who: &[&Address]) -> std::vec::Vec<i128> {
    who.iter().map(|a| w.balance(a)).collect()
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

#[test]
fn in_place_upgrade_of_v1_with_live_state() {
    let s = v1_world();
    let (w, env) = (&s.w, &s.w.env);
    let (a_owner, alice) = (&s.alice.0, &s.alice.1);
    let (b_owner, bob) = (&s.bob.0, &s.bob.1);
    let everyone = [
        a_owner,
        b_owner,
        &s.dev,
        &s.friend,
        &alice.address,
        &bob.address,
        &s.settlement.address,
        &s.pool.address,
    ];
    let usdc_before = usdc_balances(w, &everyone);
    assert_eq!(alice.balance(), 3_500 - 170);
    assert_eq!(bob.balance(), 1_940);

    // Upgrade in the playbook's order; each contract keeps its address.
    let hashes = [
        (
            s.settlement.address.clone(),
            env.deployer().upload_contract_wasm(settlement::WASM),
        ),
        (
            s.pool.address.clone(),
            env.deployer().upload_contract_wasm(revenue_pool::WASM),
        ),
        (
            alice.address.clone(),
            env.deployer().upload_contract_wasm(vault::WASM),
        ),
        (
            bob.address.clone(),
            env.deployer().upload_contract_wasm(vault::WASM),
        ),
    ];
    s.settlement.upgrade(&w.admin, &hashes[0].1);
    s.pool.upgrade(&w.admin, &hashes[1].1);
    alice.upgrade(a_owner, &hashes[2].1);
    assert_eq!(
        last_event_of(env, &alice.address),
        Upgraded {
            new_wasm_hash: hashes[2].1.clone(),
            from_version: 1
        }
        .to_xdr(env, &alice.address)
    );
    bob.upgrade(b_owner, &hashes[3].1);

    let settlement = settlement::Client::new(env, &s.settlement.address);
    let pool = revenue_pool::Client::new(env, &s.pool.address);
    let alice = vault::Client::new(env, &alice.address);
    let bob = vault::Client::new(env, &bob.address);
    for v in [
        settlement.version(),
        pool.version(),
        alice.version(),
        bob.version(),
    ] {
        assert_eq!(v, CURRENT);
    }

    // Between upgrade and migrate: the vault still serves traffic and reads
    // the v1 layout; configuration changes wait.
    assert_eq!(alice.schema_version(), 1);
    assert_eq!(alice.get_max_batch(), 25);
    assert_eq!(
        alice.try_set_min_deposit(a_owner, &6),
        Err(Ok(vault::VaultError::MigrationPending))
    );

    alice.migrate(a_owner);
    assert_eq!(
        last_event_of(env, &alice.address),
        Migrated { from: 1, to: 2 }.to_xdr(env, &alice.address)
    );
    bob.migrate(b_owner);
    // Settlement and pool layouts did not change: nothing to migrate.
    assert_eq!(
        settlement.try_migrate(&w.admin),
        Err(Ok(settlement::SettlementError::AlreadyMigrated))
    );
    assert_eq!(
        pool.try_migrate(&w.admin),
        Err(Ok(revenue_pool::RevenuePoolError::AlreadyMigrated))
    );
    // Migrating twice is refused.
    assert_eq!(
        alice.try_migrate(a_owner),
        Err(Ok(vault::VaultError::AlreadyMigrated))
    );

    // Every balance, setting and role survived; USDC did not move.
    assert_eq!(usdc_balances(w, &everyone), usdc_before);
    assert_eq!(
        alice.get_meta(),
        vault::VaultMeta {
            owner: a_owner.clone(),
            balance: 3_330,
            authorized_caller: Some(w.backend.clone()),
            min_deposit: 5
        }
    );
    assert_eq!(bob.balance(), 1_940);
    assert_eq!(alice.get_max_deduct(), 400);
    assert_eq!(alice.get_settlement(), Some(settlement.address.clone()));
    assert_eq!(bob.get_revenue_pool(), Some(pool.address.clone()));
    assert!(bob.is_paused());
    assert!(alice.is_allowed_depositor(&s.friend));
    assert_eq!(alice.get_metadata(&w.s("offer-1")), Some(w.s("ipfs://v1")));
    assert_eq!(alice.get_max_batch(), 25);
    assert_eq!(settlement.get_developer_balance(&s.dev), 135 - 35);
    assert_eq!(settlement.get_global_pool().total_balance, 35);
    assert_eq!(settlement.get_developer_count(), 1);
    assert!(settlement.is_vault(&alice.address));
    assert_eq!(pool.balance(), 50);
    w.assert_settlement_backed();
    assert_eq!(alice.get_admin(), *a_owner);
    assert_eq!(alice.get_pending_admin().unwrap().address, s.next_admin);
    assert_eq!(settlement.get_admin(), w.admin);
    assert_eq!(
        settlement.get_pending_admin().unwrap().address,
        s.next_admin
    );
    assert_eq!(pool.get_admin(), w.admin);
    assert_eq!(pool.get_pending_admin().unwrap().address, s.next_admin);
    // Processed request ids are still remembered.
    assert_eq!(
        alice.try_deduct(
            &w.backend,
            &120,
            &w.s("a-1"),
            &Some(s.dev.clone()),
            &w.until()
        ),
        Err(Ok(vault::VaultError::DuplicateRequest))
    );
    // Pending proposals can still be accepted, and traffic flows.
    alice.accept_admin(&s.next_admin);
    settlement.accept_admin(&s.next_admin);
    pool.accept_admin(&s.next_admin);
    assert_eq!(alice.get_admin(), s.next_admin);
    alice.deduct(
        &w.backend,
        &10,
        &w.s("a-5"),
        &Some(s.dev.clone()),
        &w.until(),
    );
    bob.deduct(&w.backend, &10, &w.s("b-2"), &None, &w.until());
    assert_eq!(settlement.get_developer_balance(&s.dev), 110);
    assert_eq!(pool.balance(), 60);
    alice.set_min_deposit(&s.next_admin, &6);
    w.assert_settlement_backed();
}

#[test]
fn upgrade_refusals_change_nothing() {
    let s = v1_world();
    let (w, env) = (&s.w, &s.w.env);
    let (a_owner, alice) = (&s.alice.0, &s.alice.1);
    let hash = env.deployer().upload_contract_wasm(vault::WASM);
    let stranger = Address::generate(env);
    assert_eq!(
        alice.try_upgrade(&stranger, &hash),
        Err(Ok(v1::vault::VaultError::NotAdmin))
    );
    assert_eq!(
        s.settlement.try_upgrade(&stranger, &hash),
        Err(Ok(v1::settlement::SettlementError::NotAdmin))
    );
    assert_eq!(
        s.pool.try_upgrade(&stranger, &hash),
        Err(Ok(v1::revenue_pool::RevenuePoolError::NotAdmin))
    );
    // A hash that was never uploaded: the host refuses the swap (there is no
    // contract-side way to ask whether a WASM exists), and nothing changes.
    let unknown = BytesN::from_array(env, &[7; 32]);
    assert_eq!(
        alice.try_upgrade(a_owner, &unknown),
        Err(Err(soroban_sdk::InvokeError::Abort))
    );
    assert_eq!(
        s.settlement.try_upgrade(&w.admin, &unknown),
        Err(Err(soroban_sdk::InvokeError::Abort))
    );
    assert_eq!(alice.version(), 1);
    assert_eq!(s.settlement.version(), 1);
    assert_eq!(alice.balance(), 3_330);
    // v1 has nothing left to migrate either.
    assert_eq!(
        alice.try_migrate(a_owner),
        Err(Ok(v1::vault::VaultError::AlreadyMigrated))
    );
    assert_eq!(
        alice.try_migrate(&stranger),
        Err(Ok(v1::vault::VaultError::NotAdmin))
    );
}

/// The deployment redeploy-and-migrate moves between.
struct System {
    settlement: Address,
    pool: Address,
    /// (owner, vault) of a vault paying the settlement, then one paying the pool.
    vaults: [(Address, Address); 2],
}

/// New instances to migrate into: WASM bytes of each contract.
struct Wasms {
    settlement: &'static [u8],
    pool: &'static [u8],
    vault: &'static [u8],
}

fn s_client(w: &World, id: &Address) -> settlement::Client<'static> {
    settlement::Client::new(&w.env, id)
}

/// The playbook's redeploy-and-migrate, in its order (settlement → revenue
/// pool → vaults), using only public entry points and views. The old
/// instances run the current code (they need `retire`); the new ones run
/// `wasms` (the current build, or code version 1 for a rollback).
fn redeploy(w: &World, old: &System, wasms: &Wasms, depositors: &[(usize, Address)]) -> System {
    let env = &w.env;
    let old_s = s_client(w, &old.settlement);
    let old_p = revenue_pool::Client::new(env, &old.pool);

    // 1. Settlement: deploy, register the vaults, re-point them, retire the
    //    old one (moves its USDC), export its balances, import them.
    let new_s_id = env.register(
        wasms.settlement,
        (w.admin.clone(), w.usdc.clone(), None::<Address>),
    );
    let new_s = s_client(w, &new_s_id);
    for (owner, v) in &old.vaults[..1] {
        new_s.set_vault(&w.admin, v, &true);
        vault::Client::new(env, v).set_settlement(owner, &Some(new_s_id.clone()));
    }
    new_s.set_predecessor(&w.admin, &old.settlement);
    old_s.retire(&w.admin, &new_s_id);
    // Pull every page; each call is safe to retry.
    while new_s.import_balances(&w.admin, &50) > 0 {}

    // 2. Revenue pool: deploy, move its USDC, re-point the vault that pays it.
    let new_p_id = env.register(wasms.pool, (w.admin.clone(), w.usdc.clone()));
    let held = old_p.balance();
    if held > 0 {
        old_p.distribute(&w.admin, &new_p_id, &held);
    }
    let (b_owner, b) = &old.vaults[1];
    vault::Client::new(env, b).set_revenue_pool(b_owner, &Some(new_p_id.clone()));

    // 3. Vaults: stop traffic on the old one, move its USDC to the new
    //    address (deterministic on-chain; chosen here), deploy there with
    //    `initial_balance`, restore settings, re-point the settlement.
    let mut vaults = old.vaults.clone();
    for (i, (owner, v)) in old.vaults.iter().enumerate() {
        let old_v = vault::Client::new(env, v);
        let meta = old_v.get_meta();
        if !old_v.is_paused() {
            old_v.pause(owner);
        }
        old_v.set_authorized_caller(owner, &None);
        let new_addr = Address::generate(env);
        if meta.balance > 0 {
            old_v.withdraw_to(&new_addr, &meta.balance);
        }
        env.register_at(
            &new_addr,
            wasms.vault,
            (
                meta.owner.clone(),
                w.usdc.clone(),
                Some(meta.balance),
                meta.authorized_caller.clone(),
                Some(meta.min_deposit),
                old_v.get_revenue_pool(),
                Some(old_v.get_max_deduct()),
            ),
        );
        let new_v = vault::Client::new(env, &new_addr);
        if let Some(settlement) = old_v.get_settlement() {
            new_s.set_vault(&w.admin, &new_addr, &true);
            new_s.set_vault(&w.admin, v, &false);
            new_v.set_settlement(owner, &Some(settlement));
        }
        // Allowed depositors and offering metadata are per-key entries: the
        // operator recovers them from `depositor_set` / `metadata_set` events.
        for (_, d) in depositors.iter().filter(|(at, _)| *at == i) {
            new_v.set_allowed_depositor(owner, d, &true);
        }
        vaults[i] = (owner.clone(), new_addr);
    }
    System {
        settlement: new_s_id,
        pool: new_p_id,
        vaults,
    }
}

/// A current-code system with live state.
fn live_system(w: &World) -> (System, Address, Address) {
    let a = w.consumer(10_000, true);
    let b = w.consumer(10_000, false);
    let (dev, friend) = (Address::generate(&w.env), Address::generate(&w.env));
    w.sac.mint(&friend, &100);
    a.vault.deposit(&a.owner, &4_000);
    a.vault.set_allowed_depositor(&a.owner, &friend, &true);
    a.vault.deposit(&friend, &100);
    b.vault.deposit(&b.owner, &1_000);
    a.vault.deduct(
        &w.backend,
        &300,
        &w.s("a-1"),
        &Some(dev.clone()),
        &w.until(),
    );
    a.vault
        .deduct(&w.backend, &50, &w.s("a-2"), &None, &w.until());
    b.vault
        .deduct(&w.backend, &70, &w.s("b-1"), &None, &w.until());
    w.settlement.withdraw(&dev, &100);
    let system = System {
        settlement: w.settlement.address.clone(),
        pool: w.pool.address.clone(),
        vaults: [(a.owner, a.vault.address), (b.owner, b.vault.address)],
    };
    (system, dev, friend)
}

/// The state redeploy must carry over, read through views.
#[derive(Debug, PartialEq)]
struct Exported {
    vaults: std::vec::Vec<(vault::VaultMeta, Option<Address>, i128, i128)>,
    developer: i128,
    pool_total: i128,
    revenue_pool: i128,
}

fn export(w: &World, sys: &System, dev: &Address) -> Exported {
    let vaults = sys
        .vaults
        .iter()
        .map(|(_, v)| {
            let c = vault::Client::new(&w.env, v);
            (
                c.get_meta(),
                c.get_settlement().map(|_| w.admin.clone()),
                c.get_max_deduct(),
                w.balance(v),
            )
        })
        .collect();
    let s = s_client(w, &sys.settlement);
    Exported {
        vaults,
        developer: s.get_developer_balance(dev),
        pool_total: s.get_global_pool().total_balance,
        revenue_pool: w.balance(&sys.pool),
    }
}

fn assert_inert(w: &World, old: &System) {
    let s = s_client(w, &old.settlement);
    assert_eq!(w.balance(&old.settlement), 0);
    assert_eq!(w.balance(&old.pool), 0);
    assert_eq!(
        s.try_withdraw(&Address::generate(&w.env), &1),
        Err(Ok(settlement::SettlementError::Retired))
    );
    for (owner, v) in &old.vaults {
        let c = vault::Client::new(&w.env, v);
        assert_eq!(w.balance(v), 0);
        assert_eq!(c.balance(), 0);
        assert_eq!(
            c.try_deposit(owner, &10),
            Err(Ok(vault::VaultError::Paused))
        );
        assert_eq!(
            c.try_deduct(&w.backend, &1, &w.s("late"), &None, &w.until()),
            Err(Ok(vault::VaultError::NotAuthorizedCaller))
        );
    }
}

#[test]
fn redeploy_and_migrate_in_playbook_order() {
    let w = World::new();
    let (old, dev, friend) = live_system(&w);
    let before = export(&w, &old, &dev);
    let total_before: i128 = [
        &old.settlement,
        &old.pool,
        &old.vaults[0].1,
        &old.vaults[1].1,
    ]
    .iter()
    .map(|a| w.balance(a))
    .sum();
    let current = Wasms {
        settlement: settlement::WASM,
        pool: revenue_pool::WASM,
        vault: vault::WASM,
    };
    let new = redeploy(&w, &old, &current, &[(0, friend.clone())]);

    assert_eq!(export(&w, &new, &dev), before);
    let total_after: i128 = [
        &new.settlement,
        &new.pool,
        &new.vaults[0].1,
        &new.vaults[1].1,
    ]
    .iter()
    .map(|a| w.balance(a))
    .sum();
    assert_eq!(total_after, total_before);
    assert_inert(&w, &old);

    // The new system carries traffic end to end.
    let a = vault::Client::new(&w.env, &new.vaults[0].1);
    let s = s_client(&w, &new.settlement);
    assert!(a.is_allowed_depositor(&friend));
    a.deduct(
        &w.backend,
        &25,
        &w.s("after"),
        &Some(dev.clone()),
        &w.until(),
    );
    s.withdraw(&dev, &225);
    assert_eq!(w.balance(&dev), 100 + 225);
    assert_eq!(s.get_developer_balance(&dev), 0);
    assert_eq!(
        w.balance(&new.settlement),
        s.get_global_pool().total_balance
    );
}

#[test]
fn rollback_to_the_previous_wasm_as_new_instances() {
    let w = World::new();
    let (old, dev, friend) = live_system(&w);
    let before = export(&w, &old, &dev);
    let previous = Wasms {
        settlement: v1::settlement::WASM,
        pool: v1::revenue_pool::WASM,
        vault: v1::vault::WASM,
    };
    let back = redeploy(&w, &old, &previous, &[(0, friend)]);
    assert_eq!(export(&w, &back, &dev), before);
    assert_inert(&w, &old);
    let a = v1::vault::Client::new(&w.env, &back.vaults[0].1);
    assert_eq!(a.version(), 1);
    let s = v1::settlement::Client::new(&w.env, &back.settlement);
    assert_eq!(s.version(), 1);
    a.deduct(&w.backend, &5, &w.s("rolled-back"), &Some(dev.clone()));
    assert_eq!(s.get_developer_balance(&dev), 205);
    assert_eq!(
        w.balance(&back.settlement),
        s.get_developer_balance(&dev) + s.get_global_pool().total_balance
    );
}

#[test]
fn rehearsal_command_playbook_passes() {
    let report = crate::rehearsal::rehearse_playbook();
    assert!(report.passed(), "{}", report.render());
    assert!(report.render().contains("migrate vault"));
}

#[test]
fn rehearsal_of_a_ledger_snapshot_upgrades_its_contracts() {
    use crate::rehearsal::{rehearse_snapshot, Kind};
    let s = v1_world();
    let dir = std::env::temp_dir().join(std::format!("callora-snapshot-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("ledger.json");
    // The same JSON `stellar snapshot create` writes.
    s.w.env.to_ledger_snapshot_file(&path);
    let strkey = |a: &Address| {
        let s = a.to_string();
        let mut buf = [0u8; 56];
        s.copy_into_slice(&mut buf);
        std::string::String::from_utf8(buf.to_vec()).unwrap()
    };
    let contracts = [
        (Kind::Vault, strkey(&s.alice.1.address)),
        (Kind::Vault, strkey(&s.bob.1.address)),
        (Kind::RevenuePool, strkey(&s.pool.address)),
        (Kind::Settlement, strkey(&s.settlement.address)),
    ];
    let report = rehearse_snapshot(&path, &contracts);
    let text = report.render();
    assert!(report.passed(), "{text}");
    // Playbook order regardless of the order given.
    let pos = |needle: &str| text.find(needle).unwrap();
    assert!(pos("upgrade settlement") < pos("upgrade revenue pool"));
    assert!(pos("upgrade revenue pool") < pos("upgrade vault"));
    assert_eq!(text.matches("migrate vault").count(), 2);

    // Nothing to rehearse is a failure, not a silent pass.
    let empty = rehearse_snapshot(&path, &[]);
    assert!(!empty.passed());
    std::fs::remove_dir_all(&dir).unwrap();
}
