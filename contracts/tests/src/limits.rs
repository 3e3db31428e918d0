//! Batch maxima and scaling, measured on the built WASMs under
//! `callora_types::test_env()`'s mainnet resource limits.
extern crate std;

use crate::{
    scale::{port, seed_developers},
    wasm::{revenue_pool, settlement, vault},
    world::World,
};
use soroban_sdk::{
    testutils::{Address as _, EnvTestConfig},
    token::{StellarAssetClient, TokenClient},
    xdr::ScAddress,
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
        c.vault.batch_deduct(&w.backend, &items, &w.until()),
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
        c.vault.try_batch_deduct(&w.backend, &over, &w.until()),
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
