//! Batch maxima and scaling, measured on the built WASMs under
//! `callora_types::test_env()`'s mainnet resource limits.
extern crate std;

use crate::{
    wasm::{revenue_pool, settlement, vault},
    world::World,
};
use soroban_ledger_snapshot::LedgerSnapshot;
use soroban_sdk::{
    testutils::{Address as _, EnvTestConfig},
    token::{StellarAssetClient, TokenClient},
    xdr::{
        ContractId, Hash, Int128Parts, LedgerEntry, LedgerEntryData, LedgerKey, ScAddress,
        ScContractInstance, ScVal,
    },
    Address, Env, Vec,
};

/// Documented in the vault and revenue pool (`MAX_BATCH_DEDUCT`,
/// `MAX_BATCH_DISTRIBUTE`); the spec does not carry constants, so they are
/// restated here and a mismatch fails the boundary tests below.
const MAX_BATCH_DEDUCT: u32 = 25;
const MAX_BATCH_DISTRIBUTE: u32 = 30;

fn deduct_items(w: &World, n: u32, prefix: &str) -> Vec<vault::DeductItem> {
    let mut items = Vec::new(&w.env);
    for i in 0..n {
        // Worst case: every item credits a different developer, with a
        // request id of the maximum length (64 bytes).
        let id = std::format!("{prefix}-{i:0>60}");
        items.push_back(vault::DeductItem {
            amount: 1,
            request_id: w.s(&id[id.len() - 64..]),
            developer: Some(Address::generate(&w.env)),
        });
    }
    items
}

#[test]
fn batch_deduct_maximum_fits_mainnet_limits() {
    let w = World::new();
    let c = w.consumer(1_000, true);
    c.vault.deposit(&c.owner, &1_000);
    let items = deduct_items(&w, MAX_BATCH_DEDUCT, "max");
    assert_eq!(
        c.vault.batch_deduct(&w.backend, &items),
        1_000 - MAX_BATCH_DEDUCT as i128
    );
    let r = w.env.cost_estimate().resources();
    std::println!("{:?}", r);
    std::println!("{:?}", w.env.cost_estimate().fee());
    std::println!(
        "batch_deduct x{MAX_BATCH_DEDUCT} via settlement: {} instructions, {} write entries, {} write bytes, {} event bytes, fee {}",
        r.instructions,
        r.write_entries,
        r.write_bytes,
        r.contract_events_size_bytes,
        w.env.cost_estimate().fee().total
    );
    assert_eq!(w.settlement.get_developer_count(), MAX_BATCH_DEDUCT);

    let over = deduct_items(&w, MAX_BATCH_DEDUCT + 1, "over");
    assert_eq!(
        c.vault.try_batch_deduct(&w.backend, &over),
        Err(Ok(vault::VaultError::InvalidBatchSize))
    );
    assert_eq!(c.vault.balance(), 1_000 - MAX_BATCH_DEDUCT as i128);
}

#[test]
fn batch_distribute_maximum_fits_mainnet_limits() {
    let w = World::new();
    w.sac.mint(&w.pool.address, &1_000);
    let mut payments = Vec::new(&w.env);
    for _ in 0..MAX_BATCH_DISTRIBUTE {
        payments.push_back(revenue_pool::Payment {
            to: Address::generate(&w.env),
            amount: 1,
        });
    }
    w.pool.batch_distribute(&w.admin, &payments);
    let r = w.env.cost_estimate().resources();
    std::println!("{:?}", r);
    std::println!("{:?}", w.env.cost_estimate().fee());
    assert_eq!(w.pool.balance(), 1_000 - MAX_BATCH_DISTRIBUTE as i128);
    std::println!(
        "batch_distribute x{MAX_BATCH_DISTRIBUTE}: {} instructions, {} write entries, {} event bytes, fee {}",
        r.instructions,
        r.write_entries,
        r.contract_events_size_bytes,
        w.env.cost_estimate().fee().total
    );
    payments.push_back(revenue_pool::Payment {
        to: Address::generate(&w.env),
        amount: 1,
    });
    assert_eq!(
        w.pool.try_batch_distribute(&w.admin, &payments),
        Err(Ok(revenue_pool::RevenuePoolError::InvalidBatchSize))
    );
    assert_eq!(w.pool.balance(), 1_000 - MAX_BATCH_DISTRIBUTE as i128);
}

fn symbol_key(name: &str, rest: Option<ScVal>) -> ScVal {
    let mut parts = std::vec![ScVal::Symbol(name.try_into().unwrap())];
    parts.extend(rest);
    ScVal::Vec(Some(parts.try_into().unwrap()))
}

/// Adds `n` credited developers (1 unit each) to a ledger snapshot in the
/// settlement's documented storage layout (`docs/settlement.md`):
/// `Developer(Address)`, `DeveloperAt(u32)`, and the instance's
/// `DeveloperCount` / `DeveloperTotal`. Entries are cloned from the ones the
/// real credit path wrote for the first developer. The USDC backing them is
/// minted by the caller.
fn seed_developers(snapshot: &mut LedgerSnapshot, settlement: &ScAddress, n: u32) {
    let entries = &mut snapshot.ledger_entries;
    let position = |entries: &std::vec::Vec<_>, name: &str| {
        entries
            .iter()
            .position(|(key, _): &(Box<LedgerKey>, _)| match key.as_ref() {
                LedgerKey::ContractData(k) => {
                    k.contract == *settlement
                        && matches!(&k.key, ScVal::Vec(Some(v)) if v.first() == Some(&ScVal::Symbol(name.try_into().unwrap())))
                }
                _ => false,
            })
            .unwrap()
    };
    let developer_template = entries[position(entries, "Developer")].clone();
    let index_template = entries[position(entries, "DeveloperAt")].clone();
    let clone_with =
        |template: &(Box<LedgerKey>, (Box<LedgerEntry>, Option<u32>)), key: ScVal, val: ScVal| {
            let (mut lk, (mut entry, ttl)) = template.clone();
            if let LedgerKey::ContractData(k) = lk.as_mut() {
                k.key = key.clone();
            }
            if let LedgerEntryData::ContractData(d) = &mut entry.data {
                d.key = key;
                d.val = val;
            }
            (lk, (entry, ttl))
        };
    for index in 1..=n {
        let mut id = [0xc0u8; 32];
        id[28..].copy_from_slice(&index.to_be_bytes());
        let developer = ScVal::Address(ScAddress::Contract(ContractId(Hash(id))));
        entries.push(clone_with(
            &developer_template,
            symbol_key("Developer", Some(developer.clone())),
            ScVal::I128(Int128Parts { hi: 0, lo: 1 }),
        ));
        entries.push(clone_with(
            &index_template,
            symbol_key("DeveloperAt", Some(ScVal::U32(index))),
            developer,
        ));
    }
    let instance = entries
        .iter_mut()
        .find_map(|(key, (entry, _))| match (key.as_ref(), &mut entry.data) {
            (LedgerKey::ContractData(k), LedgerEntryData::ContractData(d))
                if k.contract == *settlement && k.key == ScVal::LedgerKeyContractInstance =>
            {
                Some(d)
            }
            _ => None,
        })
        .unwrap();
    let ScVal::ContractInstance(ScContractInstance {
        storage: Some(map), ..
    }) = &mut instance.val
    else {
        panic!("settlement instance without storage");
    };
    let mut items = map.0.to_vec();
    for item in items.iter_mut() {
        if item.key == symbol_key("DeveloperCount", None) {
            item.val = ScVal::U32(n + 1);
        } else if item.key == symbol_key("DeveloperTotal", None) {
            let ScVal::I128(total) = &item.val else {
                panic!()
            };
            item.val = ScVal::I128(Int128Parts {
                hi: 0,
                lo: total.lo + n as u64,
            });
        }
    }
    map.0 = items.try_into().unwrap();
}

/// The same address as a value of another `Env` (host objects are per-Env).
fn port(env: &Env, address: &Address) -> Address {
    let strkey = address.to_string();
    let mut buf = [0u8; 56];
    strkey.copy_into_slice(&mut buf);
    Address::from_str(env, core::str::from_utf8(&buf).unwrap())
}

struct Costs {
    receive_existing: i64,
    receive_new: i64,
    get_balance: i64,
}

/// Metered instructions of settlement calls with `developers` credited.
///
/// The in-process host clones its whole ledger at every contract frame (for
/// rollback), so in the world that built the state a call's cost grows with
/// every entry ever written. A real transaction (and RPC simulation) loads
/// only its footprint; a fresh `Env` over a snapshot of the ledger does the
/// same, loading entries lazily, so that is where the calls are measured.
fn measure(developers: u32) -> Costs {
    let w = World::new();
    let vault = Address::generate(&w.env);
    w.settlement.set_vault(&w.admin, &vault, &true);
    w.sac.mint(&vault, &1_000);
    let known = Address::generate(&w.env);
    w.settlement
        .receive_payment(&vault, &1, &false, &Some(known.clone()));
    let mut snapshot = w.env.to_ledger_snapshot();
    let settlement_id = ScAddress::from(&w.settlement.address);
    seed_developers(&mut snapshot, &settlement_id, developers - 1);

    let mut env = Env::from_ledger_snapshot(snapshot);
    env.set_config(EnvTestConfig {
        capture_snapshot_at_drop: false,
    });
    env.mock_all_auths();
    let (vault, known) = (port(&env, &vault), port(&env, &known));
    let s = settlement::Client::new(&env, &port(&env, &w.settlement.address));
    let usdc = port(&env, &w.usdc);
    StellarAssetClient::new(&env, &usdc).mint(&s.address, &(developers as i128 - 1));
    assert_eq!(s.get_developer_count(), developers);
    s.receive_payment(&vault, &5, &false, &Some(known.clone()));
    let receive_existing = env.cost_estimate().resources().instructions;
    s.receive_payment(&vault, &5, &false, &Some(Address::generate(&env)));
    let receive_new = env.cost_estimate().resources().instructions;
    assert_eq!(s.get_developer_balance(&known), 6);
    let get_balance = env.cost_estimate().resources().instructions;
    assert_eq!(s.get_developer_total(), developers as i128 + 10);
    assert_eq!(
        TokenClient::new(&env, &usdc).balance(&s.address),
        s.get_developer_total() + s.get_global_pool().total_balance
    );
    Costs {
        receive_existing,
        receive_new,
        get_balance,
    }
}

fn within_5_percent(a: i64, b: i64) -> bool {
    (a - b).abs() * 100 <= a.max(b) * 5
}

#[test]
fn settlement_cost_is_flat_from_1_to_10000_developers() {
    let one = measure(1);
    let many = measure(10_000);
    std::println!(
        "receive_payment existing dev: {} vs {} instructions; new dev: {} vs {}; get_developer_balance: {} vs {}",
        one.receive_existing,
        many.receive_existing,
        one.receive_new,
        many.receive_new,
        one.get_balance,
        many.get_balance
    );
    assert!(within_5_percent(
        one.receive_existing,
        many.receive_existing
    ));
    assert!(within_5_percent(one.receive_new, many.receive_new));
    assert!(within_5_percent(one.get_balance, many.get_balance));
}
