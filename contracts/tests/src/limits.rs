//! Batch maxima and scaling, measured on the built WASMs under
//! `callora_types::test_env()`'s mainnet resource limits (the SDK's
//! `InvocationResourceLimits::mainnet()`, a snapshot of 2026-07-10, enforced
//! on every invocation: a call over any limit panics).
//!
//! * 100 calls in one `batch_deduct` through the settlement, 10 distinct
//!   developers, 64-byte request ids: passes (issue 12's target), new or
//!   known developers, with or without a pool item.
//! * 101 items: `InvalidBatchSize`, with `max_batch` at its maximum.
//! * The worst case the contract admits — 100 items, `MAX_BATCH_DEVELOPERS`
//!   (10) distinct developers never credited before, all account
//!   (G-)addresses (the longest address encoding), plus the settlement's
//!   pool, 64-byte ids — is measured against every limit with enforcement
//!   off, then run with enforcement on; its headroom says what would bind
//!   first (event bytes) if the contract allowed more.
//! * `batch_distribute` at its maximum (30) to new recipients, contract and
//!   account (trustline) addresses alike.
extern crate std;

use crate::{
    bad_input::{assert_unchanged, ledger_state},
    scale::{port, seed_developers},
    wasm::{revenue_pool, settlement, vault},
    world::World,
};
use soroban_sdk::{
    testutils::{Address as _, EnvTestConfig, Events as _},
    token::{StellarAssetClient, TokenClient},
    xdr::{
        self, AccountId, ContractId, Hash, LedgerEntryData, LedgerKey, PublicKey, ScAddress, ScVal,
        Uint256,
    },
    Address, Env, TryFromVal, Vec,
};
use std::{format, rc::Rc, string::String, vec::Vec as StdVec};

/// `MAX_BATCH_DEDUCT`, `MAX_BATCH_DEVELOPERS` (vault) and
/// `MAX_BATCH_DISTRIBUTE` (revenue pool). The spec does not carry
/// constants, so they are restated here; the boundary tests below fail on a
/// mismatch (max accepted, max + 1 refused).
pub(crate) const MAX_BATCH_DEDUCT: u32 = 100;
pub(crate) const MAX_BATCH_DEVELOPERS: u32 = 10;
pub(crate) const MAX_BATCH_DISTRIBUTE: u32 = 30;

/// The mainnet limits `InvocationResourceLimits::mainnet()` enforces, in the
/// order of [`Usage::values`].
const LIMITS: [(&str, i64); 8] = [
    ("instructions", 400_000_000),
    ("memory bytes", 41_943_040),
    ("footprint entries", 400),
    ("disk read entries", 200),
    ("write entries", 200),
    ("disk read bytes", 200_000),
    ("write bytes", 132_096),
    ("event bytes", 16_384),
];

/// What one invocation used, against [`LIMITS`].
#[derive(Clone, Copy, Debug)]
struct Usage {
    values: [i64; 8],
    fee: i64,
}

impl Usage {
    /// The last invocation's resources.
    fn of_last(env: &Env) -> Usage {
        let r = env.cost_estimate().resources();
        Usage {
            values: [
                r.instructions,
                r.mem_bytes,
                (r.disk_read_entries + r.memory_read_entries + r.write_entries) as i64,
                r.disk_read_entries as i64,
                r.write_entries as i64,
                r.disk_read_bytes as i64,
                r.write_bytes as i64,
                r.contract_events_size_bytes as i64,
            ],
            fee: env.cost_estimate().fee().total,
        }
    }

    /// Limits exceeded, with by how much.
    fn exceeded(&self) -> StdVec<String> {
        LIMITS
            .iter()
            .zip(self.values)
            .filter(|((_, limit), v)| v > limit)
            .map(|((name, limit), v)| format!("{name}: {v} > {limit} (+{})", v - limit))
            .collect()
    }

    /// The limit closest to binding and its share used (%).
    fn binding(&self) -> (&'static str, f64) {
        LIMITS
            .iter()
            .zip(self.values)
            .map(|((name, limit), v)| (*name, 100.0 * v as f64 / *limit as f64))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap()
    }

    fn report(&self, label: &str) -> String {
        let cells: StdVec<String> = LIMITS
            .iter()
            .zip(self.values)
            .map(|((name, limit), v)| {
                format!("{name} {v} ({:.1}%)", 100.0 * v as f64 / *limit as f64)
            })
            .collect();
        let (name, share) = self.binding();
        format!(
            "{label}: {}; fee {} stroops; closest limit: {name} at {share:.1}%",
            cells.join(", "),
            self.fee
        )
    }
}

/// A fresh account (G-) address: 40 bytes as an `ScAddress`, 4 more than a
/// contract address, so the longest a developer can be in an event.
fn account(env: &Env) -> Address {
    let ScAddress::Contract(ContractId(Hash(key))) = ScAddress::from(&Address::generate(env))
    else {
        unreachable!()
    };
    let id = AccountId(PublicKey::PublicKeyTypeEd25519(Uint256(key)));
    Address::try_from_val(env, &ScVal::Address(ScAddress::Account(id))).unwrap()
}

/// A request id of exactly 64 bytes (the longest accepted).
fn long_id(w: &World, prefix: &str, i: u32) -> soroban_sdk::String {
    w.s(&format!("{:0>64}", format!("{prefix}-{i}")))
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Developers {
    /// Never credited: each costs the settlement three new entries.
    New,
    /// Credited before the batch.
    Known,
}

struct BatchRun {
    w: World,
    vault: vault::Client<'static>,
    items: Vec<crate::world::Item>,
    developers: StdVec<Address>,
}

/// A settlement-routed vault and a batch of `n` items with 64-byte ids,
/// item `i` crediting developer `i % developers` (account addresses); with
/// `enforce` off the host does not check the limits (to measure a call that
/// may exceed them).
fn batch_run(n: u32, developers: u32, kind: Developers, enforce: bool) -> BatchRun {
    batch_run_with(n, developers, kind, enforce, false, true)
}

/// [`batch_run`], with `pool`: the destinations cycle through the
/// developers and the settlement's pool (`None`); `accounts`: developers
/// are account addresses, else contract addresses.
fn batch_run_with(
    n: u32,
    developers: u32,
    kind: Developers,
    enforce: bool,
    pool: bool,
    accounts: bool,
) -> BatchRun {
    let w = World::new();
    if !enforce {
        w.env.cost_estimate().disable_resource_limits();
    }
    let c = w.consumer(10_000_000, true);
    c.vault.deposit(&c.owner, &10_000_000);
    let devs: StdVec<Address> = (0..developers)
        .map(|_| {
            if accounts {
                account(&w.env)
            } else {
                Address::generate(&w.env)
            }
        })
        .collect();
    if kind == Developers::Known {
        for (i, d) in devs.iter().enumerate() {
            let id = w.s(&format!("known-{i}"));
            c.vault
                .deduct(&w.backend, &1, &id, &Some(d.clone()), &w.until());
        }
    }
    let destinations = devs.len() + pool as usize;
    let mut items = Vec::new(&w.env);
    for i in 0..n {
        items.push_back(crate::world::Item {
            amount: 1 + i as i128 % 7,
            request_id: long_id(&w, "call", i),
            developer: devs.get(i as usize % destinations.max(1)).cloned(),
        });
    }
    BatchRun {
        vault: c.vault,
        items,
        developers: devs,
        w,
    }
}

impl BatchRun {
    /// Runs the batch; checks every balance to the unit; returns the usage.
    fn run(&self) -> Usage {
        let (w, v) = (&self.w, &self.vault);
        let before = v.balance();
        let credited: StdVec<i128> = self
            .developers
            .iter()
            .map(|d| w.settlement.get_developer_balance(d))
            .collect();
        let count = w.settlement.get_developer_count();
        let balance = v.batch_deduct(
            &w.backend,
            &long_id(w, "batch", 0),
            &crate::world::columns_of(&w.env, &self.items),
            &w.until(),
        );
        let usage = Usage::of_last(&w.env);
        // One vault event, one credit per distinct developer.
        let events = w.env.events().all();
        assert_eq!(events.filter_by_contract(&v.address).events().len(), 1);
        let to_pool = self.items.iter().any(|i| i.developer.is_none());
        assert_eq!(
            events
                .filter_by_contract(&w.settlement.address)
                .events()
                .len(),
            self.developers.len() + to_pool as usize
        );
        let total: i128 = self.items.iter().map(|i| i.amount).sum();
        assert_eq!(balance, before - total);
        assert_eq!(w.balance(&v.address), balance);
        for (k, d) in self.developers.iter().enumerate() {
            let due: i128 = self
                .items
                .iter()
                .filter(|i| i.developer.as_ref() == Some(d))
                .map(|i| i.amount)
                .sum();
            assert_eq!(w.settlement.get_developer_balance(d), credited[k] + due);
        }
        let new = if credited.iter().all(|c| *c == 0) {
            self.developers.len() as u32
        } else {
            0
        };
        assert_eq!(w.settlement.get_developer_count(), count + new);
        w.assert_settlement_backed();
        usage
    }
}

/// Issue 12's target: 100 metered calls in one transaction through the
/// settlement, 10 distinct developers, 64-byte request ids, under enforced
/// mainnet limits, whether the developers are new or already credited.
#[test]
fn hundred_calls_to_ten_developers_fit_mainnet_limits() {
    for (kind, pool) in [
        (Developers::New, false),
        (Developers::New, true),
        (Developers::Known, false),
    ] {
        let usage = batch_run_with(MAX_BATCH_DEDUCT, 10, kind, true, pool, true).run();
        std::println!(
            "{}",
            usage.report(&format!(
                "batch_deduct x{MAX_BATCH_DEDUCT}, 10 {kind:?} developers{}",
                if pool { " + pool" } else { "" }
            ))
        );
        assert!(usage.exceeded().is_empty());
    }
}

/// `max_batch` starts at the maximum (100) and cannot be raised past it;
/// 101 items are refused with `InvalidBatchSize` and change nothing.
#[test]
fn max_plus_one_is_refused_with_max_batch_at_the_maximum() {
    let r = batch_run(MAX_BATCH_DEDUCT + 1, 10, Developers::New, true);
    let (w, v) = (&r.w, &r.vault);
    assert_eq!(v.get_max_batch(), MAX_BATCH_DEDUCT, "constructor default");
    v.set_max_batch(&w.admin, &MAX_BATCH_DEDUCT);
    assert_eq!(
        v.try_set_max_batch(&w.admin, &(MAX_BATCH_DEDUCT + 1)),
        Err(Ok(vault::VaultError::InvalidConfig))
    );
    let before = ledger_state(&w.env);
    assert_eq!(
        v.try_batch_deduct(
            &w.backend,
            &soroban_sdk::String::from_str(&w.env, "limits-batch-2"),
            &crate::world::columns_of(&w.env, &r.items),
            &w.until()
        ),
        Err(Ok(vault::VaultError::InvalidBatchSize))
    );
    assert_unchanged(&w.env, &before, "the 101-item batch");
    // The first 100 of them pass.
    let mut items = r.items.clone();
    items.pop_back();
    v.batch_deduct(
        &w.backend,
        &soroban_sdk::String::from_str(&w.env, "limits-batch-3"),
        &crate::world::columns_of(&w.env, &items),
        &w.until(),
    );
}

/// The worst case the contract admits: `MAX_BATCH_DEDUCT` items with
/// 64-byte ids crediting `MAX_BATCH_DEVELOPERS` developers never credited
/// before, account (G-) addresses, plus the settlement's pool (each adds an
/// event). Measured with enforcement off against every mainnet limit; a
/// failure names each exceeded limit and by how much (and the same numbers
/// for contract-address developers and batches without a pool item), then
/// the batch runs with enforcement on.
#[test]
fn worst_case_batch_deduct_fits_mainnet_limits() {
    let mut failures = StdVec::new();
    for (pool, accounts) in [(true, true), (false, true), (true, false), (false, false)] {
        let usage = batch_run_with(
            MAX_BATCH_DEDUCT,
            MAX_BATCH_DEVELOPERS,
            Developers::New,
            false,
            pool,
            accounts,
        )
        .run();
        let label = format!(
            "batch_deduct x{MAX_BATCH_DEDUCT}, {MAX_BATCH_DEVELOPERS} new {} developers{}",
            if accounts { "account" } else { "contract" },
            if pool { " + pool" } else { "" }
        );
        std::println!("{}", usage.report(&label));
        let exceeded = usage.exceeded();
        if !exceeded.is_empty() {
            failures.push(format!("{label}: {}", exceeded.join("; ")));
        }
    }
    assert!(
        failures.is_empty(),
        "the worst case does not fit mainnet limits:\n{}",
        failures.join("\n")
    );
    // Enforced: the host itself accepts it.
    batch_run_with(
        MAX_BATCH_DEDUCT,
        MAX_BATCH_DEVELOPERS,
        Developers::New,
        true,
        true,
        true,
    )
    .run();
}

/// One developer more than `MAX_BATCH_DEVELOPERS` is refused with
/// `TooManyDevelopers` and changes nothing.
#[test]
fn too_many_developers_are_refused() {
    let r = batch_run(
        MAX_BATCH_DEDUCT,
        MAX_BATCH_DEVELOPERS + 1,
        Developers::New,
        true,
    );
    let before = ledger_state(&r.w.env);
    assert_eq!(
        r.vault.try_batch_deduct(
            &r.w.backend,
            &soroban_sdk::String::from_str(&r.w.env, "limits-batch-4"),
            &crate::world::columns_of(&r.w.env, &r.items),
            &r.w.until()
        ),
        Err(Ok(vault::VaultError::TooManyDevelopers))
    );
    assert_unchanged(&r.w.env, &before, "the batch to 21 developers");
}

/// The worst-case shape (new account developers and the pool, 64-byte
/// ids) of `n` items crediting `developers` developers, measured.
fn worst_case(n: u32, developers: u32) -> Usage {
    batch_run_with(n, developers, Developers::New, false, true, true).run()
}

/// How much room the worst case leaves, and what would bind first if the
/// contract allowed more: measured at 50 and 100 items (10 developers) and
/// with 5 and 10 developers (100 items), extrapolated linearly (each item
/// adds exactly 100 event bytes: a 64-byte id is 72 bytes of XDR, an i128
/// amount 20, a u32 developer index 8; each developer about 300: its
/// `developer_credited` event and its entry in `developers`). Event bytes
/// bind in both directions.
#[test]
fn headroom_of_the_worst_case_batch_deduct() {
    let d = MAX_BATCH_DEVELOPERS;
    let full = worst_case(MAX_BATCH_DEDUCT, d);
    let half_items = worst_case(MAX_BATCH_DEDUCT / 2, d);
    let half_devs = worst_case(MAX_BATCH_DEDUCT, d / 2);
    std::println!("{}", full.report("worst case"));
    assert!(full.exceeded().is_empty());
    // The largest batch each limit would allow, growing one dimension.
    let grow = |from: &Usage, step: f64, at: u32| {
        LIMITS
            .iter()
            .enumerate()
            .filter(|(i, _)| full.values[*i] > from.values[*i])
            .map(|(i, (name, limit))| {
                let per = (full.values[i] - from.values[i]) as f64 / step;
                let more = ((*limit - full.values[i]) as f64 / per).floor() as u32;
                (at + more, *name, per)
            })
            .min_by_key(|x| x.0)
            .unwrap()
    };
    let items = grow(&half_items, (MAX_BATCH_DEDUCT / 2) as f64, MAX_BATCH_DEDUCT);
    let devs = grow(&half_devs, (d - d / 2) as f64, d);
    std::println!(
        "with {d} developers + pool the network would allow ≈ {} items (bound by {}, {:.0} per item); \
         with {MAX_BATCH_DEDUCT} items ≈ {} developers + pool (bound by {}, {:.0} per developer)",
        items.0, items.1, items.2, devs.0, devs.1, devs.2
    );
    assert_eq!(items.1, "event bytes");
    assert_eq!(items.2, 100.0);
    assert_eq!(devs.1, "event bytes");
    assert!(
        items.0 > MAX_BATCH_DEDUCT && devs.0 > d,
        "the contract bound is the tighter one"
    );
}

fn add_entry(env: &Env, key: LedgerKey, data: LedgerEntryData) {
    let entry = xdr::LedgerEntry {
        data,
        last_modified_ledger_seq: 0,
        ext: xdr::LedgerEntryExt::V0,
    };
    env.host()
        .add_ledger_entry(&Rc::new(key), &Rc::new(entry), None)
        .unwrap();
}

/// A funded G-account holding an authorized trustline for `asset`.
fn account_with_trustline(env: &Env, asset: &xdr::Asset) -> Address {
    let address = account(env);
    let ScAddress::Account(account_id) = ScAddress::from(&address) else {
        unreachable!()
    };
    add_entry(
        env,
        LedgerKey::Account(xdr::LedgerKeyAccount {
            account_id: account_id.clone(),
        }),
        LedgerEntryData::Account(xdr::AccountEntry {
            account_id: account_id.clone(),
            balance: 10_000_000,
            flags: 0,
            home_domain: Default::default(),
            inflation_dest: None,
            num_sub_entries: 1,
            seq_num: xdr::SequenceNumber(0),
            thresholds: xdr::Thresholds([1; 4]),
            signers: xdr::VecM::default(),
            ext: xdr::AccountEntryExt::V0,
        }),
    );
    let asset = match asset.clone() {
        xdr::Asset::Native => xdr::TrustLineAsset::Native,
        xdr::Asset::CreditAlphanum4(a) => xdr::TrustLineAsset::CreditAlphanum4(a),
        xdr::Asset::CreditAlphanum12(a) => xdr::TrustLineAsset::CreditAlphanum12(a),
    };
    add_entry(
        env,
        LedgerKey::Trustline(xdr::LedgerKeyTrustLine {
            account_id: account_id.clone(),
            asset: asset.clone(),
        }),
        LedgerEntryData::Trustline(xdr::TrustLineEntry {
            account_id,
            asset,
            balance: 0,
            limit: i64::MAX,
            flags: xdr::TrustLineFlags::AuthorizedFlag as u32,
            ext: xdr::TrustLineEntryExt::V0,
        }),
    );
    address
}

/// `batch_distribute` of `n` payments to new recipients (`accounts`:
/// G-accounts with trustlines, else contract addresses); returns the usage
/// (and checks that one payment more is refused, changing nothing).
fn distribute(n: u32, accounts: bool, enforce: bool) -> Usage {
    let env = callora_types::test_env();
    if !enforce {
        env.cost_estimate().disable_resource_limits();
    }
    env.mock_all_auths();
    let admin = Address::generate(&env);
    let sac = env.register_stellar_asset_contract_v2(Address::generate(&env));
    let pool_id = env.register(revenue_pool::WASM, (admin.clone(), sac.address()));
    let pool = revenue_pool::Client::new(&env, &pool_id);
    StellarAssetClient::new(&env, &sac.address()).mint(&pool_id, &1_000_000);
    let mut payments = Vec::new(&env);
    let mut recipients = StdVec::new();
    for i in 0..n {
        let to = if accounts {
            account_with_trustline(&env, &sac.asset())
        } else {
            Address::generate(&env)
        };
        recipients.push(to.clone());
        payments.push_back(revenue_pool::Payment {
            to,
            amount: 1 + i as i128,
        });
    }
    pool.batch_distribute(&admin, &payments);
    let usage = Usage::of_last(&env);
    let token = TokenClient::new(&env, &sac.address());
    for (i, to) in recipients.iter().enumerate() {
        assert_eq!(token.balance(to), 1 + i as i128);
    }
    let paid = (n as i128) * (n as i128 + 1) / 2;
    assert_eq!(pool.balance(), 1_000_000 - paid);
    // One more payment than the maximum: refused, nothing moves.
    payments.push_back(revenue_pool::Payment {
        to: Address::generate(&env),
        amount: 1,
    });
    if payments.len() > MAX_BATCH_DISTRIBUTE {
        let before = ledger_state(&env);
        assert_eq!(
            pool.try_batch_distribute(&admin, &payments),
            Err(Ok(revenue_pool::RevenuePoolError::InvalidBatchSize))
        );
        assert_unchanged(&env, &before, "the oversized distribution");
    }
    usage
}

/// `batch_distribute` at its maximum (30) to new recipients fits, for
/// contract recipients (a new balance entry each) and for G-accounts (a
/// trustline each, read from disk); 31 are refused.
#[test]
fn batch_distribute_maximum_fits_mainnet_limits() {
    for accounts in [false, true] {
        let label = if accounts { "accounts" } else { "contracts" };
        let full = distribute(MAX_BATCH_DISTRIBUTE, accounts, false);
        let half = distribute(MAX_BATCH_DISTRIBUTE / 2, accounts, false);
        std::println!(
            "{}",
            full.report(&format!(
                "batch_distribute x{MAX_BATCH_DISTRIBUTE} to {label}"
            ))
        );
        let per = |i: usize| (full.values[i] - half.values[i]) as f64 / 15.0;
        let network_max = LIMITS
            .iter()
            .enumerate()
            .filter(|(i, _)| per(*i) > 0.0)
            .map(|(i, (name, limit))| {
                let n = 30 + ((*limit - full.values[i]) as f64 / per(i)).floor() as i64;
                (n, *name)
            })
            .min_by_key(|x| x.0)
            .unwrap();
        std::println!(
            "batch_distribute to {label}: network maximum ≈ {} payments, bound by {}",
            network_max.0,
            network_max.1
        );
        assert!(full.exceeded().is_empty(), "{:?}", full.exceeded());
        distribute(MAX_BATCH_DISTRIBUTE, accounts, true);
    }
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
    // The seeded index is complete: the last developer pages like the first.
    let last = s.get_developer_balances(&(developers - 1), &1);
    assert_eq!(last.len(), 1);
    let expected = if developers == 1 { 6 } else { 1 };
    assert_eq!(last.get_unchecked(0).balance, expected);
    assert_eq!(
        s.extend_index(&(developers - 1), &1),
        0,
        "seeded with its DeveloperIndex entry"
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
