//! Archival under mainnet TTL settings (new persistent entries live 120
//! days, temporary 1 day, extensions up to 6 months), on the built WASMs.
//!
//! * A year of daily use: nothing the contracts rely on ever expires.
//! * What can expire: entries nobody touches (a depositor who never
//!   deposits, metadata nobody reads, an inactive developer's balance, a
//!   vault nobody calls), and request ids after their day, by design.
//! * An expired entry is restored (protocol 23's automatic restoration, or
//!   `stellar contract restore`) and the contract behaves correctly after.
extern crate std;

use crate::{bench::mainnet_env, world::World};
use soroban_sdk::{
    testutils::{Address as _, Ledger as _},
    xdr::{ContractExecutable, LedgerEntryData, LedgerKey, ScAddress, ScVal},
    Address, Env, IntoVal, Symbol, Val,
};

const DAY: u32 = 17_280;

/// The `live_until_ledger` of a contract's data entry (`None` = absent).
fn live_until(env: &Env, contract: &Address, key: ScVal) -> Option<u32> {
    let contract = ScAddress::from(contract);
    env.to_ledger_snapshot()
        .ledger_entries
        .iter()
        .find_map(|(k, (_, ttl))| match k.as_ref() {
            LedgerKey::ContractData(d) if d.contract == contract && d.key == key => *ttl,
            _ => None,
        })
}

/// The `live_until_ledger` of a contract's code entry.
fn code_live_until(env: &Env, contract: &Address) -> u32 {
    let entries = env.to_ledger_snapshot().ledger_entries;
    let contract = ScAddress::from(contract);
    let hash = entries
        .iter()
        .find_map(|(k, (e, _))| match (k.as_ref(), &e.data) {
            (LedgerKey::ContractData(d), LedgerEntryData::ContractData(data))
                if d.contract == contract && d.key == ScVal::LedgerKeyContractInstance =>
            {
                match &data.val {
                    ScVal::ContractInstance(i) => match &i.executable {
                        ContractExecutable::Wasm(h) => Some(h.clone()),
                        _ => None,
                    },
                    _ => None,
                }
            }
            _ => None,
        })
        .unwrap();
    entries
        .iter()
        .find_map(|(k, (_, ttl))| match k.as_ref() {
            LedgerKey::ContractCode(c) if c.hash == hash => *ttl,
            _ => None,
        })
        .unwrap()
}

fn key(env: &Env, parts: impl IntoVal<Env, Val>) -> ScVal {
    let val: Val = parts.into_val(env);
    ScVal::try_from_val(env, &val).unwrap()
}

use soroban_sdk::TryFromVal;

fn is_live(env: &Env, live_until: Option<u32>) -> bool {
    live_until.is_some_and(|l| l >= env.ledger().sequence())
}

struct Setup {
    w: World,
    vault: crate::wasm::vault::Client<'static>,
    owner: Address,
    depositor: Address,
    developer: Address,
}

fn setup() -> Setup {
    let w = World::on(mainnet_env());
    let c = w.consumer(10_000_000, true);
    let depositor = Address::generate(&w.env);
    w.sac.mint(&depositor, &1_000_000);
    c.vault.set_allowed_depositor(&c.owner, &depositor, &true);
    c.vault
        .set_metadata(&c.owner, &w.s("offer-1"), &w.s("ipfs://cid"));
    c.vault.deposit(&c.owner, &5_000_000);
    let developer = Address::generate(&w.env);
    Setup {
        vault: c.vault,
        owner: c.owner,
        depositor,
        developer,
        w,
    }
}

fn advance(env: &Env, ledgers: u32) {
    env.ledger().with_mut(|l| {
        l.sequence_number += ledgers;
        l.timestamp += ledgers as u64 * 5;
    });
}

#[test]
fn a_year_of_daily_use_keeps_everything_live() {
    let s = setup();
    let (w, env) = (&s.w, &s.w.env);
    let contracts = [
        s.vault.address.clone(),
        w.settlement.address.clone(),
        w.pool.address.clone(),
    ];
    let mut expected = s.vault.balance();
    for day in 0..365u32 {
        advance(env, DAY);
        expected -= 10;
        // Daily traffic: a deduct crediting the developer; monthly the
        // depositor tops up and the developer withdraws; the pool is
        // distributed quarterly.
        s.vault.deduct(
            &w.backend,
            &10,
            &w.s(&std::format!("day-{day}")),
            &Some(s.developer.clone()),
            &w.until(),
        );
        if day % 30 == 29 {
            s.vault.deposit(&s.depositor, &100);
            w.settlement.withdraw(&s.developer, &100);
            expected += 100;
        }
        if day % 90 == 0 {
            expected -= 5;
            s.vault.deduct(
                &w.backend,
                &5,
                &w.s(&std::format!("pool-{day}")),
                &None,
                &w.until(),
            );
            w.settlement.distribute_pool(&w.admin, &s.developer, &5);
        }
        for id in &contracts[..2] {
            let instance = live_until(env, id, ScVal::LedgerKeyContractInstance);
            assert!(
                is_live(env, instance),
                "day {day}: instance of {id:?} expired"
            );
            assert!(
                code_live_until(env, id) >= env.ledger().sequence(),
                "day {day}: code expired"
            );
        }
        let dev = live_until(
            env,
            &w.settlement.address,
            key(env, (Symbol::new(env, "Developer"), s.developer.clone())),
        );
        assert!(is_live(env, dev), "day {day}: developer balance expired");
        let depositor = live_until(
            env,
            &s.vault.address,
            key(env, (Symbol::new(env, "Depositor"), s.depositor.clone())),
        );
        assert!(is_live(env, depositor), "day {day}: depositor expired");
    }
    // A year on, everything still answers without restoration.
    assert_eq!(s.vault.balance(), expected);
    assert_eq!(w.balance(&s.vault.address), s.vault.balance());
    // The revenue pool was idle all year (the vault pays the settlement):
    // its instance stays live for its initial 120 days only.
    let pool_instance = live_until(env, &contracts[2], ScVal::LedgerKeyContractInstance);
    assert!(!is_live(env, pool_instance));
}

#[test]
fn what_expires_when_idle_and_how_it_comes_back() {
    let s = setup();
    let (w, env) = (&s.w, &s.w.env);
    s.vault.deduct(
        &w.backend,
        &100,
        &w.s("req-1"),
        &Some(s.developer.clone()),
        &w.until(),
    );
    let metadata_key = key(env, (Symbol::new(env, "Metadata"), w.s("offer-1")));
    let request_key = key(env, (Symbol::new(env, "Request"), w.s("req-1")));

    // Request ids are temporary: remembered for a day, then gone for good.
    assert!(s.vault.is_request_processed(&w.s("req-1")));
    advance(env, DAY + 1);
    assert!(!is_live(
        env,
        live_until(env, &s.vault.address, request_key)
    ));
    assert!(!s.vault.is_request_processed(&w.s("req-1")));

    // 200 idle days: the vault, settlement and revenue-pool instances and
    // every untouched persistent entry outlive their 120 days and archive.
    advance(env, 200 * DAY);
    let archived = |id: &Address, k: ScVal| !is_live(env, live_until(env, id, k));
    assert!(archived(&s.vault.address, ScVal::LedgerKeyContractInstance));
    assert!(archived(
        &w.settlement.address,
        ScVal::LedgerKeyContractInstance
    ));
    assert!(archived(&s.vault.address, metadata_key.clone()));
    assert!(archived(
        &w.settlement.address,
        key(env, (Symbol::new(env, "Developer"), s.developer.clone()))
    ));

    // Restoration (automatic since protocol 23; `stellar contract restore`
    // before the call works the same): every balance and setting is back,
    // and the restored entries are live again.
    assert_eq!(s.vault.balance(), 5_000_000 - 100);
    assert_eq!(
        s.vault.get_metadata(&w.s("offer-1")),
        Some(w.s("ipfs://cid"))
    );
    assert!(s.vault.is_allowed_depositor(&s.depositor));
    s.vault.deposit(&s.depositor, &50);
    let restored_call = env.cost_estimate().fee();
    assert!(
        restored_call.persistent_entry_rent > 0,
        "restoring pays rent"
    );
    assert_eq!(w.settlement.get_developer_balance(&s.developer), 100);
    w.settlement.withdraw(&s.developer, &100);
    assert_eq!(w.balance(&s.developer), 100);
    s.vault
        .deduct(&w.backend, &10, &w.s("req-1"), &None, &w.until());
    assert_eq!(s.vault.balance(), 5_000_000 - 100 + 50 - 10);
    assert_eq!(w.balance(&s.vault.address), s.vault.balance());
    assert!(!archived(
        &s.vault.address,
        ScVal::LedgerKeyContractInstance
    ));
    let _ = &s.owner;
}
