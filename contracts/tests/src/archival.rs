//! Archival under mainnet TTL settings (new persistent entries live 120
//! days, temporary 1 day, extensions up to 6 months), on the built WASMs.
//!
//! * A year of daily use: nothing the contracts rely on ever expires —
//!   instances, code, the developer's balance and its pagination entries
//!   (`DeveloperAt` / `DeveloperIndex`, extended with the balance from code
//!   version 3), depositors, the owner's spend limit.
//! * Developers credited before code version 3 keep their `DeveloperAt`
//!   entry alive only after one `extend_index` pass.
//! * Request ids live a day from their charge, so at least 23 hours past
//!   their `valid_until_ledger`; afterwards a retry of the same request is
//!   `RequestExpired`, never a second charge.
//! * What can expire: entries nobody touches (a depositor who never
//!   deposits, metadata nobody reads, an inactive developer, a vault nobody
//!   calls). An expired entry is restored (protocol 23's automatic
//!   restoration, or `stellar contract restore`) and the contract behaves
//!   correctly after, the spend limit included.
extern crate std;

use crate::{
    bench::mainnet_env,
    wasm::{settlement, v2, vault},
    world::World,
};
use callora_types::ttl::{DAY_IN_LEDGERS as DAY, MAX_REQUEST_VALIDITY, REQUEST_ID_TTL};
use soroban_sdk::{
    testutils::{Address as _, Ledger as _},
    vec,
    xdr::{ContractExecutable, LedgerEntryData, LedgerKey, ScAddress, ScVal},
    Address, Env, IntoVal, Symbol, TryFromVal, Val,
};

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

fn sym_key(env: &Env, name: &str, part: impl IntoVal<Env, Val>) -> ScVal {
    let part: Val = part.into_val(env);
    key(env, (Symbol::new(env, name), part))
}

fn is_live(env: &Env, live_until: Option<u32>) -> bool {
    live_until.is_some_and(|l| l >= env.ledger().sequence())
}

struct Setup {
    w: World,
    vault: vault::Client<'static>,
    depositor: Address,
    developer: Address,
    limit: vault::SpendLimit,
}

fn setup() -> Setup {
    let w = World::on(mainnet_env());
    let c = w.consumer(10_000_000, true);
    let depositor = Address::generate(&w.env);
    w.sac.mint(&depositor, &1_000_000);
    c.vault.set_allowed_depositor(&c.owner, &depositor, &true);
    c.vault
        .set_metadata(&w.admin, &w.s("offer-1"), &w.s("ipfs://cid"));
    c.vault.deposit(&c.owner, &5_000_000);
    let limit = vault::SpendLimit {
        amount: 1_000,
        period_ledgers: DAY,
    };
    c.vault.set_spend_limit(&c.owner, &Some(limit.clone()));
    let developer = Address::generate(&w.env);
    Setup {
        vault: c.vault,
        depositor,
        developer,
        limit,
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
    let other = Address::generate(env);
    let mut expected = s.vault.balance();
    for day in 0..365u32 {
        advance(env, DAY);
        // Daily traffic: a deduct crediting the developer; weekly a batch
        // crediting it and another developer; monthly the depositor tops up
        // and the developer withdraws; the pool is distributed quarterly.
        s.vault.deduct(
            &w.backend,
            &10,
            &w.s(&std::format!("day-{day}")),
            &Some(s.developer.clone()),
            &w.until(),
        );
        expected -= 10;
        if day % 7 == 3 {
            let items = vec![
                env,
                crate::world::Item {
                    amount: 3,
                    request_id: w.s(&std::format!("week-{day}-a")),
                    developer: Some(s.developer.clone()),
                },
                crate::world::Item {
                    amount: 4,
                    request_id: w.s(&std::format!("week-{day}-b")),
                    developer: Some(other.clone()),
                },
            ];
            s.vault.batch_deduct(
                &w.backend,
                &soroban_sdk::String::from_str(&w.env, "archival-batch-1"),
                &crate::world::columns_of(&w.env, &items),
                &w.until(),
            );
            expected -= 7;
        }
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
        // The developer's balance and both pagination entries.
        let settlement_keys = [
            sym_key(env, "Developer", s.developer.clone()),
            sym_key(env, "DeveloperIndex", s.developer.clone()),
            sym_key(env, "DeveloperAt", 0u32),
        ];
        for k in settlement_keys {
            let ttl = live_until(env, &w.settlement.address, k.clone());
            assert!(is_live(env, ttl), "day {day}: {k:?} expired");
        }
        let depositor = live_until(
            env,
            &s.vault.address,
            sym_key(env, "Depositor", s.depositor.clone()),
        );
        assert!(is_live(env, depositor), "day {day}: depositor expired");
    }
    // A year on, everything still answers without restoration.
    assert_eq!(s.vault.balance(), expected);
    assert_eq!(w.balance(&s.vault.address), s.vault.balance());
    assert_eq!(s.vault.get_spend_limit(), Some(s.limit.clone()));
    let page = w.settlement.get_developer_balances(&0, &10);
    assert_eq!(page.len(), 2);
    assert_eq!(page.get_unchecked(0).developer, s.developer);
    assert_eq!(page.get_unchecked(1).developer, other);
    w.assert_settlement_backed();
    // The revenue pool was idle all year (the vault pays the settlement):
    // its instance stays live for its initial 120 days only.
    let pool_instance = live_until(env, &contracts[2], ScVal::LedgerKeyContractInstance);
    assert!(!is_live(env, pool_instance));
}

/// A developer credited by code version 2 has no `DeveloperIndex` entry:
/// its daily credits extend its balance but not its `DeveloperAt` entry,
/// which archives after 120 days, until one `extend_index` pass records the
/// index. Two such developers credited daily for 150 days after an in-place
/// upgrade to code version 3, the pass run over the first one only.
#[test]
fn developers_from_code_version_2_need_one_extend_index_pass() {
    let w = World::on(mainnet_env());
    let env = &w.env;
    let id = env.register(
        v2::settlement::WASM,
        (w.admin.clone(), w.usdc.clone(), None::<Address>),
    );
    let old = v2::settlement::Client::new(env, &id);
    let payer = Address::generate(env);
    w.sac.mint(&payer, &1_000_000);
    old.set_vault(&w.admin, &payer, &true);
    let (a, b) = (Address::generate(env), Address::generate(env));
    old.receive_payment(&payer, &1, &false, &Some(a.clone()));
    old.receive_payment(&payer, &1, &false, &Some(b.clone()));
    let hash = env.deployer().upload_contract_wasm(settlement::WASM);
    old.upgrade(&w.admin, &hash);
    let s = settlement::Client::new(env, &id);
    s.migrate(&w.admin);
    // Anyone may run the pass; here it covers index 0 only.
    assert_eq!(s.extend_index(&0, &1), 1);
    assert_eq!(s.extend_index(&0, &1), 0, "a second pass records nothing");
    let at = |i: u32| live_until(env, &id, sym_key(env, "DeveloperAt", i));
    for day in 0..150u32 {
        advance(env, DAY);
        s.receive_payment(&payer, &1, &false, &Some(a.clone()));
        s.receive_payment(&payer, &1, &false, &Some(b.clone()));
        assert!(is_live(env, at(0)), "day {day}: a's index entry expired");
    }
    assert!(
        !is_live(env, at(1)),
        "without the pass, b's index entry archives although b is credited daily"
    );
    // Both balances are live; paging restores b's index entry (automatic
    // restoration) and the next pass records it.
    assert_eq!(s.get_developer_balance(&a), 151);
    assert_eq!(s.get_developer_balance(&b), 151);
    let page = s.get_developer_balances(&0, &2);
    assert_eq!(page.get_unchecked(1).developer, b);
    assert_eq!(s.extend_index(&0, &2), 1);
    for day in 0..150u32 {
        advance(env, DAY);
        s.receive_payment(&payer, &1, &false, &Some(b.clone()));
        assert!(is_live(env, at(1)), "day {day}: recorded, b's entry lives");
    }
}

/// A request id is kept for `REQUEST_ID_TTL` from the ledger that charged
/// it, so at least `REQUEST_ID_TTL - MAX_REQUEST_VALIDITY` (23 hours) past
/// its `valid_until_ledger`: a retry is `DuplicateRequest` until then and
/// `RequestExpired` after, never a second charge. Single and batch.
#[test]
fn request_ids_outlive_their_validity() {
    let s = setup();
    let (w, env, v) = (&s.w, &s.w.env, &s.vault);
    let charged_at = env.ledger().sequence();
    // The longest validity the vault accepts.
    let until = charged_at + MAX_REQUEST_VALIDITY;
    let dev = Some(s.developer.clone());
    v.deduct(&w.backend, &10, &w.s("single"), &dev, &until);
    let items = vec![
        env,
        crate::world::Item {
            amount: 20,
            request_id: w.s("batch-a"),
            developer: dev.clone(),
        },
        crate::world::Item {
            amount: 30,
            request_id: w.s("batch-b"),
            developer: None,
        },
    ];
    // A batch's id is recorded (its calls' ids are labels).
    let batch = crate::world::columns_of(env, &items);
    v.batch_deduct(&w.backend, &w.s("batch"), &batch, &until);
    let balance = v.balance();
    assert!(!v.is_request_processed(&w.s("batch-a")));
    for id in ["single", "batch"] {
        let ttl = live_until(env, &v.address, sym_key(env, "Request", w.s(id))).unwrap();
        assert_eq!(ttl, charged_at + REQUEST_ID_TTL, "{id}");
        assert!(ttl >= until + (REQUEST_ID_TTL - MAX_REQUEST_VALIDITY));
    }
    let retry = |v: &vault::Client| {
        (
            v.try_deduct(&w.backend, &10, &w.s("single"), &dev, &until),
            v.try_batch_deduct(&w.backend, &w.s("batch"), &batch, &until),
        )
    };
    let duplicate = Err(Ok(vault::VaultError::DuplicateRequest));
    let expired = Err(Ok(vault::VaultError::RequestExpired));
    // Within validity, at its end, and through the last ledger the id is
    // kept: duplicates.
    for at in [
        charged_at + 1,
        until,
        until + 1,
        charged_at + REQUEST_ID_TTL,
    ] {
        advance(env, at - env.ledger().sequence());
        assert!(v.is_request_processed(&w.s("single")), "ledger {at}");
        let (single, batch) = retry(v);
        assert_eq!(single, duplicate, "ledger {at}");
        assert_eq!(batch, duplicate, "ledger {at}");
    }
    // The ids have expired: forgotten, and the requests can never be
    // charged again.
    advance(env, 1);
    assert!(!v.is_request_processed(&w.s("single")));
    assert!(!v.is_request_processed(&w.s("batch-a")));
    let (single, batch) = retry(v);
    assert_eq!(single, expired);
    assert_eq!(batch, expired);
    assert_eq!(v.balance(), balance);
    assert_eq!(w.balance(&v.address), balance);
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
    let metadata_key = sym_key(env, "Metadata", w.s("offer-1"));
    let request_key = sym_key(env, "Request", w.s("req-1"));

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
    for k in [
        sym_key(env, "Developer", s.developer.clone()),
        sym_key(env, "DeveloperIndex", s.developer.clone()),
        sym_key(env, "DeveloperAt", 0u32),
    ] {
        assert!(archived(&w.settlement.address, k));
    }

    // Restoration (automatic since protocol 23; `stellar contract restore`
    // before the call works the same): every balance and setting is back,
    // the spend limit included, and the restored entries are live again.
    assert_eq!(s.vault.balance(), 5_000_000 - 100);
    assert_eq!(
        s.vault.get_metadata(&w.s("offer-1")),
        Some(w.s("ipfs://cid"))
    );
    assert!(s.vault.is_allowed_depositor(&s.depositor));
    assert_eq!(s.vault.get_spend_limit(), Some(s.limit.clone()));
    s.vault.deposit(&s.depositor, &50);
    let restored_call = env.cost_estimate().fee();
    assert!(
        restored_call.persistent_entry_rent > 0,
        "restoring pays rent"
    );
    assert_eq!(w.settlement.get_developer_balance(&s.developer), 100);
    w.settlement.withdraw(&s.developer, &100);
    assert_eq!(w.balance(&s.developer), 100);
    // The spend limit still binds after restoration; the old window has
    // ended, so a fresh one opens.
    assert_eq!(
        s.vault
            .try_deduct(&w.backend, &1_001, &w.s("req-2"), &None, &w.until()),
        Err(Ok(vault::VaultError::SpendLimitExceeded))
    );
    s.vault
        .deduct(&w.backend, &1_000, &w.s("req-2"), &None, &w.until());
    assert_eq!(
        s.vault.get_spend_window(),
        Some(vault::SpendWindow {
            start_ledger: env.ledger().sequence(),
            spent: 1_000,
        })
    );
    assert_eq!(s.vault.balance(), 5_000_000 - 100 + 50 - 1_000);
    assert_eq!(w.balance(&s.vault.address), s.vault.balance());
    assert!(!archived(
        &s.vault.address,
        ScVal::LedgerKeyContractInstance
    ));
    let page = w.settlement.get_developer_balances(&0, &1);
    assert_eq!(page.get_unchecked(0).developer, s.developer);
    assert!(!archived(
        &w.settlement.address,
        sym_key(env, "DeveloperAt", 0u32)
    ));
}
