//! The metered cost benchmark (`./scripts/bench.sh`).
//!
//! Registers the optimized WASMs on the in-process host under mainnet
//! network settings (resource limits, TTLs, fee rates) and records, for every
//! public entry point of the three contracts, the metered CPU instructions,
//! memory, ledger reads and writes, event bytes and the fee estimate. Soroban
//! metering is deterministic: the same WASM and inputs give the same numbers
//! on any machine, so the results are committed (`docs/costs.md`,
//! `docs/costs.json`) and gated against `budgets/budgets.tsv`.
extern crate std;

use crate::{
    scale::{port, seed_developers},
    wasm::{revenue_pool, settlement, v1, vault},
    world::{force_schema, legacy_vault_args, World},
};
use serde_json::{json, Value as Json};
use soroban_sdk::{
    testutils::{Address as _, EnvTestConfig, Ledger as _},
    token::StellarAssetClient,
    vec,
    xdr::ScAddress,
    Address, Env, Symbol, Vec,
};
use std::{
    collections::BTreeMap,
    format,
    string::{String, ToString},
    vec::Vec as StdVec,
};

/// Mainnet TTL settings (ledgers): persistent entries live 120 days when
/// created, temporary ones 1 day, and no entry can be extended past 6 months.
pub const MAINNET_MIN_PERSISTENT_TTL: u32 = 2_073_600;
pub const MAINNET_MIN_TEMP_TTL: u32 = 17_280;
pub const MAINNET_MAX_ENTRY_TTL: u32 = 3_110_400;

/// Mainnet per-transaction limits the scaling section divides by.
const LIMITS: [(&str, f64); 5] = [
    ("instructions", 400_000_000.0),
    ("memory bytes", 41_943_040.0),
    ("write entries", 200.0),
    ("write bytes", 132_096.0),
    ("event bytes", 16_384.0),
];

/// Released code's WASM sizes, the reference for "half the size".
pub const ORIGINAL_SIZES: [(&str, u64); 3] = [
    ("callora_vault", 34_259),
    ("callora_revenue_pool", 17_833),
    ("callora_settlement", 18_431),
];

#[derive(Clone, Debug)]
pub struct Row {
    pub name: String,
    pub instructions: i64,
    pub memory: i64,
    pub read_entries: u32,
    pub read_bytes: u32,
    pub write_entries: u32,
    pub write_bytes: u32,
    pub event_bytes: u32,
    pub fee: i64,
    pub rent: i64,
}

impl Row {
    fn limit_values(&self) -> [f64; 5] {
        [
            self.instructions as f64,
            self.memory as f64,
            self.write_entries as f64,
            self.write_bytes as f64,
            self.event_bytes as f64,
        ]
    }

    fn json(&self) -> Json {
        json!({
            "name": self.name, "instructions": self.instructions, "memory_bytes": self.memory,
            "disk_read_entries": self.read_entries, "disk_read_bytes": self.read_bytes,
            "write_entries": self.write_entries, "write_bytes": self.write_bytes,
            "event_bytes": self.event_bytes, "fee_stroops": self.fee, "rent_stroops": self.rent,
        })
    }
}

/// One batch scenario measured at several sizes.
pub struct Curve {
    pub name: String,
    pub maximum: u32,
    pub points: StdVec<(u32, Option<Row>)>,
}

impl Curve {
    fn row(&self, n: u32) -> &Row {
        self.points
            .iter()
            .find(|(k, _)| *k == n)
            .and_then(|(_, r)| r.as_ref())
            .unwrap()
    }

    /// Per-item marginal cost for each limited resource.
    fn marginal(&self) -> [f64; 5] {
        let (a, b) = (
            self.row(1).limit_values(),
            self.row(self.maximum).limit_values(),
        );
        let n = (self.maximum - 1) as f64;
        [0, 1, 2, 3, 4].map(|i| (b[i] - a[i]) / n)
    }

    /// The largest batch each mainnet limit allows, and the one that binds.
    pub fn fits(&self) -> (u32, &'static str) {
        let first = self.row(1).limit_values();
        let marginal = self.marginal();
        LIMITS
            .iter()
            .enumerate()
            .filter(|(i, _)| marginal[*i] > 0.0)
            .map(|(i, (name, limit))| {
                (1 + ((limit - first[i]) / marginal[i]).floor() as u32, *name)
            })
            .min()
            .unwrap()
    }
}

pub struct Report {
    pub rows: StdVec<Row>,
    pub floor: Row,
    pub curves: StdVec<Curve>,
    pub developers: StdVec<(u32, Row, Row)>,
    pub sizes: StdVec<(String, u64)>,
}

fn measure(env: &Env, name: &str) -> Row {
    let cost = env.cost_estimate();
    let r = cost.resources();
    let fee = cost.fee();
    Row {
        name: name.into(),
        instructions: r.instructions,
        memory: r.mem_bytes,
        read_entries: r.disk_read_entries,
        read_bytes: r.disk_read_bytes,
        write_entries: r.write_entries,
        write_bytes: r.write_bytes,
        event_bytes: r.contract_events_size_bytes,
        fee: fee.total,
        rent: fee.persistent_entry_rent + fee.temporary_entry_rent,
    }
}

/// An `Env` with mainnet resource limits and mainnet TTL settings.
pub fn mainnet_env() -> Env {
    let env = callora_types::test_env();
    env.ledger().with_mut(|l| {
        l.sequence_number = 1_000_000;
        l.timestamp = 1_750_000_000;
        l.min_persistent_entry_ttl = MAINNET_MIN_PERSISTENT_TTL;
        l.min_temp_entry_ttl = MAINNET_MIN_TEMP_TTL;
        l.max_entry_ttl = MAINNET_MAX_ENTRY_TTL;
    });
    env
}

struct Rec {
    rows: StdVec<Row>,
}

impl Rec {
    fn take(&mut self, env: &Env, name: &str) {
        self.rows.push(measure(env, name));
    }
}

fn request_ids(w: &World, prefix: &str, n: u32) -> StdVec<soroban_sdk::String> {
    (0..n)
        .map(|i| {
            // The longest accepted id (64 bytes): the worst case.
            w.s(&format!("{:0>64}", format!("{prefix}-{i}")))
        })
        .collect()
}

fn entry_points(rec: &mut Rec) -> Row {
    let w = World::on(mainnet_env());
    let env = &w.env;
    let dev = Address::generate(env);

    // The floor.
    let floor_id = env.register(
        crate::wasm::FLOOR_WASM,
        (w.usdc.clone(), w.pool.address.clone()),
    );
    w.sac.mint(&floor_id, &1_000_000);
    let caller = Address::generate(env);
    let args = vec![
        env,
        soroban_sdk::IntoVal::into_val(&caller, env),
        soroban_sdk::IntoVal::into_val(&10i128, env),
    ];
    // Steady state, like every money-path row: the first call also creates
    // the recipient's USDC balance entry.
    for _ in 0..2 {
        env.invoke_contract::<()>(&floor_id, &Symbol::new(env, "charge"), args.clone());
    }
    let floor = measure(env, "floor.charge");

    // Settlement.
    let s = &w.settlement;
    let vault_addr = Address::generate(env);
    w.sac.mint(&vault_addr, &1_000_000);
    s.set_vault(&w.admin, &vault_addr, &true);
    rec.take(env, "settlement.set_vault");
    s.receive_payment(&vault_addr, &100, &true, &None);
    rec.take(env, "settlement.receive_payment (pool)");
    s.receive_payment(&vault_addr, &50, &false, &Some(dev.clone()));
    rec.take(env, "settlement.receive_payment (new developer)");
    s.receive_payment(&vault_addr, &50, &false, &Some(dev.clone()));
    rec.take(env, "settlement.receive_payment (known developer)");
    let credits = vec![
        env,
        settlement::Payment {
            to: dev.clone(),
            amount: 5,
        },
        settlement::Payment {
            to: Address::generate(env),
            amount: 5,
        },
    ];
    s.receive_payments(&vault_addr, &5, &credits);
    rec.take(env, "settlement.receive_payments (pool + 2 developers)");
    s.withdraw(&dev, &30);
    rec.take(env, "settlement.withdraw");
    s.distribute_pool(&w.admin, &dev, &10);
    rec.take(env, "settlement.distribute_pool");
    // Redeploy-migration onto a successor (a second instance of this build).
    let next = settlement::Client::new(
        env,
        &env.register(
            settlement::WASM,
            (w.admin.clone(), w.usdc.clone(), None::<Address>),
        ),
    );
    next.set_predecessor(&w.admin, &s.address);
    rec.take(env, "settlement.set_predecessor");
    w.sac.mint(&s.address, &20);
    s.book_untracked(&w.admin);
    rec.take(env, "settlement.book_untracked");
    s.retire(&w.admin, &next.address);
    rec.take(env, "settlement.retire");
    next.import_balances(&w.admin, &50);
    rec.take(env, "settlement.import_balances (first page + pool)");
    for (name, f) in [
        ("get_admin", &(|| ignore(s.get_admin())) as &dyn Fn()),
        ("get_pending_admin", &|| ignore(s.get_pending_admin())),
        ("get_usdc_token", &|| ignore(s.get_usdc_token())),
        ("is_vault", &|| ignore(s.is_vault(&vault_addr))),
        ("get_developer_balance", &|| {
            ignore(s.get_developer_balance(&dev))
        }),
        ("get_developer_balances", &|| {
            ignore(s.get_developer_balances(&0, &10))
        }),
        ("get_developer_count", &|| ignore(s.get_developer_count())),
        ("get_developer_total", &|| ignore(s.get_developer_total())),
        ("get_global_pool", &|| ignore(s.get_global_pool())),
        ("get_successor", &|| ignore(s.get_successor())),
        ("version", &|| ignore(s.version())),
        ("schema_version", &|| ignore(s.schema_version())),
    ] {
        f();
        rec.take(env, &format!("settlement.{name}"));
    }
    let next = Address::generate(env);
    s.set_admin(&w.admin, &next, &(env.ledger().sequence() + 100));
    rec.take(env, "settlement.set_admin");
    s.accept_admin(&next);
    rec.take(env, "settlement.accept_admin");
    force_schema(env, &s.address, 0);
    s.migrate(&next);
    rec.take(env, "settlement.migrate (nothing to transform)");
    let hash = env.deployer().upload_contract_wasm(settlement::WASM);
    s.upgrade(&next, &hash);
    rec.take(env, "settlement.upgrade");
    let s_id = env.register(
        settlement::WASM,
        (w.admin.clone(), w.usdc.clone(), Some(vault_addr.clone())),
    );
    rec.take(env, "settlement.__constructor (with a vault)");
    w.sac.mint(&s_id, &100);
    settlement::Client::new(env, &s_id).retire(&w.admin, &Address::generate(env));
    rec.take(env, "settlement.retire");

    // Revenue pool.
    let p = &w.pool;
    w.sac.mint(&p.address, &10_000);
    p.distribute(&w.admin, &dev, &10);
    rec.take(env, "revenue_pool.distribute");
    let payments = vec![
        env,
        revenue_pool::Payment {
            to: dev.clone(),
            amount: 1,
        },
        revenue_pool::Payment {
            to: Address::generate(env),
            amount: 1,
        },
    ];
    p.batch_distribute(&w.admin, &payments);
    rec.take(env, "revenue_pool.batch_distribute (2 payments)");
    for (name, f) in [
        ("get_admin", &(|| ignore(p.get_admin())) as &dyn Fn()),
        ("get_pending_admin", &|| ignore(p.get_pending_admin())),
        ("get_usdc_token", &|| ignore(p.get_usdc_token())),
        ("balance", &|| ignore(p.balance())),
        ("version", &|| ignore(p.version())),
        ("schema_version", &|| ignore(p.schema_version())),
    ] {
        f();
        rec.take(env, &format!("revenue_pool.{name}"));
    }
    p.set_admin(&w.admin, &next, &(env.ledger().sequence() + 100));
    rec.take(env, "revenue_pool.set_admin");
    p.accept_admin(&next);
    rec.take(env, "revenue_pool.accept_admin");
    force_schema(env, &p.address, 0);
    p.migrate(&next);
    rec.take(env, "revenue_pool.migrate (nothing to transform)");
    let hash = env.deployer().upload_contract_wasm(revenue_pool::WASM);
    p.upgrade(&next, &hash);
    rec.take(env, "revenue_pool.upgrade");
    env.register(revenue_pool::WASM, (w.admin.clone(), w.usdc.clone()));
    rec.take(env, "revenue_pool.__constructor");

    // Vault (a fresh system so the pool and settlement have their admins).
    let w = World::on(mainnet_env());
    let env = &w.env;
    let c = w.consumer(1_000_000, false);
    rec.take(env, "vault.__constructor");
    let v = &c.vault;
    let o = &c.owner;
    v.deposit(o, &500_000);
    rec.take(
        env,
        "vault.deposit (first: creates the vault's USDC balance)",
    );
    v.deposit(o, &500_000);
    rec.take(env, "vault.deposit");
    v.withdraw(&10);
    rec.take(env, "vault.withdraw");
    v.withdraw_to(&dev, &10);
    rec.take(env, "vault.withdraw_to");
    let ids = request_ids(&w, "single", 6);
    v.deduct(&w.backend, &10, &ids[4], &Some(dev.clone()), &w.until());
    rec.take(
        env,
        "vault.deduct (revenue pool, first: creates the pool's USDC balance)",
    );
    v.deduct(&w.backend, &10, &ids[0], &Some(dev.clone()), &w.until());
    rec.take(env, "vault.deduct (revenue pool)");
    let mut batch = Vec::new(env);
    for id in request_ids(&w, "ten", 10) {
        batch.push_back(vault::DeductItem {
            amount: 1,
            request_id: id,
            developer: None,
        });
    }
    v.batch_deduct(&w.backend, &batch, &w.until());
    rec.take(env, "vault.batch_deduct (10 items, revenue pool)");
    let friend = Address::generate(env);
    v.set_allowed_depositor(o, &friend, &true);
    rec.take(env, "vault.set_allowed_depositor");
    v.set_authorized_caller(o, &Some(w.backend.clone()));
    rec.take(env, "vault.set_authorized_caller");
    v.set_min_deposit(o, &2);
    rec.take(env, "vault.set_min_deposit");
    v.set_max_deduct(o, &1_000_000);
    rec.take(env, "vault.set_max_deduct");
    v.set_max_batch(o, &25);
    rec.take(env, "vault.set_max_batch");
    v.set_revenue_pool(o, &Some(w.pool.address.clone()));
    rec.take(env, "vault.set_revenue_pool");
    w.settlement.set_vault(&w.admin, &v.address, &true);
    v.set_settlement(o, &Some(w.settlement.address.clone()));
    rec.take(env, "vault.set_settlement");
    v.deduct(&w.backend, &10, &ids[5], &None, &w.until());
    rec.take(
        env,
        "vault.deduct (settlement, first: creates the settlement's USDC balance)",
    );
    v.deduct(&w.backend, &10, &ids[1], &Some(dev.clone()), &w.until());
    rec.take(env, "vault.deduct (settlement, new developer)");
    v.deduct(&w.backend, &10, &ids[2], &Some(dev.clone()), &w.until());
    rec.take(env, "vault.deduct (settlement, known developer)");
    v.deduct(&w.backend, &10, &ids[3], &None, &w.until());
    rec.take(env, "vault.deduct (settlement pool)");
    v.set_metadata(
        o,
        &w.s("offering-1"),
        &w.s("ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"),
    );
    rec.take(env, "vault.set_metadata");
    v.pause(o);
    rec.take(env, "vault.pause");
    v.unpause(o);
    rec.take(env, "vault.unpause");
    for (name, f) in [
        ("get_meta", &(|| ignore(v.get_meta())) as &dyn Fn()),
        ("balance", &|| ignore(v.balance())),
        ("get_admin", &|| ignore(v.get_admin())),
        ("get_pending_admin", &|| ignore(v.get_pending_admin())),
        ("get_usdc_token", &|| ignore(v.get_usdc_token())),
        ("get_settlement", &|| ignore(v.get_settlement())),
        ("get_revenue_pool", &|| ignore(v.get_revenue_pool())),
        ("get_max_deduct", &|| ignore(v.get_max_deduct())),
        ("get_max_batch", &|| ignore(v.get_max_batch())),
        ("is_paused", &|| ignore(v.is_paused())),
        ("is_allowed_depositor", &|| {
            ignore(v.is_allowed_depositor(&friend))
        }),
        ("is_request_processed", &|| {
            ignore(v.is_request_processed(&ids[0]))
        }),
        ("get_metadata", &|| {
            ignore(v.get_metadata(&w.s("offering-1")))
        }),
        ("version", &|| ignore(v.version())),
        ("schema_version", &|| ignore(v.schema_version())),
    ] {
        f();
        rec.take(env, &format!("vault.{name}"));
    }
    let next = Address::generate(env);
    v.set_admin(o, &next, &(env.ledger().sequence() + 100));
    rec.take(env, "vault.set_admin");
    v.accept_admin(&next);
    rec.take(env, "vault.accept_admin");
    let hash = env.deployer().upload_contract_wasm(vault::WASM);
    v.upgrade(&next, &hash);
    rec.take(env, "vault.upgrade");
    let old = env.register(v1::vault::WASM, legacy_vault_args(o, &w.usdc, None, None));
    let old = vault::Client::new(env, &old);
    old.upgrade(o, &hash);
    old.migrate(o);
    rec.take(env, "vault.migrate (schema 1 -> 2)");
    floor
}

/// `batch_deduct` with `n` items of 64-byte ids: to the revenue pool, or
/// through the settlement with a new developer per item (the worst case).
fn batch_deduct(n: u32, settle: bool) -> Option<Row> {
    let w = World::on(mainnet_env());
    let c = w.consumer(1_000_000, settle);
    c.vault.deposit(&c.owner, &100_000);
    let mut items = Vec::new(&w.env);
    for id in request_ids(&w, "batch", n) {
        items.push_back(vault::DeductItem {
            amount: 1,
            request_id: id,
            developer: settle.then(|| Address::generate(&w.env)),
        });
    }
    c.vault
        .try_batch_deduct(&w.backend, &items, &w.until())
        .ok()?
        .ok()?;
    Some(measure(&w.env, "batch_deduct"))
}

fn batch_distribute(n: u32) -> Option<Row> {
    let w = World::on(mainnet_env());
    w.sac.mint(&w.pool.address, &1_000_000);
    let mut payments = Vec::new(&w.env);
    for _ in 0..n {
        payments.push_back(revenue_pool::Payment {
            to: Address::generate(&w.env),
            amount: 1,
        });
    }
    w.pool
        .try_batch_distribute(&w.admin, &payments)
        .ok()?
        .ok()?;
    Some(measure(&w.env, "batch_distribute"))
}

/// `receive_payment` to a known and to a new developer with `n` credited.
fn settlement_at(n: u32) -> (Row, Row) {
    let w = World::on(mainnet_env());
    let vault_addr = Address::generate(&w.env);
    w.settlement.set_vault(&w.admin, &vault_addr, &true);
    w.sac.mint(&vault_addr, &1_000);
    let known = Address::generate(&w.env);
    w.settlement
        .receive_payment(&vault_addr, &1, &false, &Some(known.clone()));
    let mut snapshot = w.env.to_ledger_snapshot();
    seed_developers(
        &mut snapshot,
        &ScAddress::from(&w.settlement.address),
        n - 1,
    );
    let mut env = Env::from_ledger_snapshot(snapshot);
    env.set_config(EnvTestConfig {
        capture_snapshot_at_drop: false,
    });
    env.mock_all_auths();
    let s = settlement::Client::new(&env, &port(&env, &w.settlement.address));
    let (vault_addr, known) = (port(&env, &vault_addr), port(&env, &known));
    StellarAssetClient::new(&env, &port(&env, &w.usdc)).mint(&s.address, &(n as i128));
    // Warm-up: the first call in a host over a snapshot also pays to bring
    // entries the snapshot holds without their TTL up to date; a deployed
    // settlement does not pay that on every call.
    s.receive_payment(&vault_addr, &1, &true, &None);
    s.receive_payment(&vault_addr, &5, &false, &Some(known));
    let existing = measure(&env, "known developer");
    s.receive_payment(&vault_addr, &5, &false, &Some(Address::generate(&env)));
    let new = measure(&env, "new developer");
    assert_eq!(s.get_developer_count(), n + 1);
    (existing, new)
}

/// Runs the whole benchmark.
pub fn run(max_batch_deduct: u32, max_batch_distribute: u32) -> Report {
    let mut rec = Rec {
        rows: StdVec::new(),
    };
    let floor = entry_points(&mut rec);
    let mut curves = StdVec::new();
    let sizes = [1, 10, 50, max_batch_deduct];
    for settle in [false, true] {
        let name = if settle {
            "batch_deduct via settlement, a new developer per item"
        } else {
            "batch_deduct to the revenue pool"
        };
        curves.push(Curve {
            name: name.into(),
            maximum: max_batch_deduct,
            points: dedup(&sizes)
                .into_iter()
                .map(|n| (n, batch_deduct(n, settle)))
                .collect(),
        });
    }
    curves.push(Curve {
        name: "batch_distribute, a new recipient per payment".into(),
        maximum: max_batch_distribute,
        points: dedup(&[1, 10, 50, max_batch_distribute])
            .into_iter()
            .map(|n| (n, batch_distribute(n)))
            .collect(),
    });
    let developers = [1, 1_000, 10_000]
        .into_iter()
        .map(|n| {
            let (known, new) = settlement_at(n);
            (n, known, new)
        })
        .collect();
    let sizes = [
        "callora_vault",
        "callora_revenue_pool",
        "callora_settlement",
        "callora_floor",
    ]
    .iter()
    .map(|c| {
        let bytes = std::fs::metadata(format!(
            "{}/../../artifacts/{c}.wasm",
            env!("CARGO_MANIFEST_DIR")
        ))
        .map(|m| m.len())
        .unwrap_or(0);
        (c.to_string(), bytes)
    })
    .collect();
    Report {
        rows: rec.rows,
        floor,
        curves,
        developers,
        sizes,
    }
}

fn dedup(sizes: &[u32]) -> StdVec<u32> {
    let mut v = sizes.to_vec();
    v.sort();
    v.dedup();
    v
}

/// Public functions of each contract that have no row.
pub fn missing_entry_points(report: &Report) -> StdVec<String> {
    let mut missing = StdVec::new();
    for (contract, wasm) in [
        ("vault", vault::WASM),
        ("revenue_pool", revenue_pool::WASM),
        ("settlement", settlement::WASM),
    ] {
        for entry in soroban_spec::read::from_wasm(wasm).unwrap() {
            if let stellar_xdr::ScSpecEntry::FunctionV0(f) = entry {
                let name = format!(
                    "{contract}.{}",
                    String::from_utf8_lossy(f.name.0.as_slice())
                );
                let covered = report
                    .rows
                    .iter()
                    .any(|r| r.name == name || r.name.starts_with(&format!("{name} ")));
                if !covered {
                    missing.push(name);
                }
            }
        }
    }
    missing
}

fn ratio(a: i64, b: i64) -> String {
    format!("{:.2}×", a as f64 / b as f64)
}

fn row_md(r: &Row, floor: Option<&Row>) -> String {
    format!(
        "| {} | {} | {} | {} / {} | {} / {} | {} | {} | {} | {} |\n",
        r.name,
        r.instructions,
        r.memory,
        r.read_entries,
        r.read_bytes,
        r.write_entries,
        r.write_bytes,
        r.event_bytes,
        r.fee,
        r.rent,
        floor
            .map(|f| format!(
                "{} / {}",
                ratio(r.instructions, f.instructions),
                ratio(r.fee, f.fee)
            ))
            .unwrap_or_default()
    )
}

const HEADER: &str = "| entry point | CPU instructions | memory bytes | disk reads (entries / bytes) | writes (entries / bytes) | event bytes | fee (stroops) | of which rent | × floor (instructions / fee) |\n|---|---|---|---|---|---|---|---|---|\n";

fn is_money_path(name: &str) -> bool {
    [
        "vault.deposit",
        "vault.withdraw",
        "vault.deduct",
        "vault.batch_deduct",
    ]
    .iter()
    .any(|p| name.starts_with(p))
}

/// `docs/costs.md`.
pub fn markdown(r: &Report) -> String {
    let mut out = String::from(
        "# Metered costs\n\n\
         Generated by `./scripts/bench.sh` from the optimized WASMs in `artifacts/` on the \
         in-process Soroban host with mainnet settings: resource limits, fee rates \
         (`env.cost_estimate()`), and TTLs (new persistent entries 120 days, temporary 1 day, \
         maximum 6 months). Metering is deterministic, so these numbers are exact for this \
         build; CI regenerates them and fails when this file differs or a figure exceeds its \
         budget in `budgets/budgets.tsv` by more than 2%.\n\n\
         The fee is the resource fee (no inclusion fee); rent is the part paid for creating or \
         extending ledger entries. Memory and disk-read figures come from the test host and \
         are indicative (live contract state is read from memory on mainnet).\n\n\
         ## Floor\n\n\
         `floor.charge` (`tools/floor`): the cheapest contract doing only what a deduct must \
         do: authorize the caller, one USDC (SAC) transfer, one event.\n\n",
    );
    out.push_str(HEADER);
    out.push_str(&row_md(&r.floor, None));
    out.push_str("\n## Every entry point\n\nVault money-path entry points carry their ratio to the floor.\n\n");
    out.push_str(HEADER);
    for row in &r.rows {
        out.push_str(&row_md(row, is_money_path(&row.name).then_some(&r.floor)));
    }
    out.push_str("\n## Batch scaling\n\nEach batch measured whole; the marginal cost is per extra item between 1 and the maximum; the fit is the largest batch each mainnet limit allows at that marginal rate, and the binding limit is the first one reached. Above the documented maximum a batch is refused with a typed `InvalidBatchSize` before any work.\n\n");
    for c in &r.curves {
        out.push_str(&format!("### {}\n\n| items | CPU instructions | write entries | write bytes | event bytes | fee (stroops) |\n|---|---|---|---|---|---|\n", c.name));
        for (n, row) in &c.points {
            match row {
                Some(row) => out.push_str(&format!(
                    "| {n} | {} | {} | {} | {} | {} |\n",
                    row.instructions, row.write_entries, row.write_bytes, row.event_bytes, row.fee
                )),
                None => out.push_str(&format!(
                    "| {n} | refused: above the maximum of {} | | | | |\n",
                    c.maximum
                )),
            }
        }
        let m = c.marginal();
        let (fits, binding) = c.fits();
        out.push_str(&format!(
            "\nPer extra item: {:.0} instructions, {:.2} write entries, {:.0} write bytes, {:.0} event bytes. \
             Largest batch that fits: **{fits}**, bound by **{binding}**; documented maximum: {}.\n\n",
            m[0], m[2], m[3], m[4], c.maximum
        ));
    }
    out.push_str("## Settlement with many developers\n\n`receive_payment` measured in a host that loads ledger entries lazily (as a transaction's footprint does) over a ledger holding that many credited developers.\n\n| developers | known developer: instructions | fee | new developer: instructions | fee |\n|---|---|---|---|---|\n");
    for (n, known, new) in &r.developers {
        out.push_str(&format!(
            "| {n} | {} | {} | {} | {} |\n",
            known.instructions, known.fee, new.instructions, new.fee
        ));
    }
    out.push_str("\n## WASM sizes\n\n| contract | bytes | original Callora build | target (half) |\n|---|---|---|---|\n");
    for (name, bytes) in &r.sizes {
        match ORIGINAL_SIZES.iter().find(|(n, _)| n == name) {
            Some((_, orig)) => {
                out.push_str(&format!("| {name} | {bytes} | {orig} | {} |\n", orig / 2))
            }
            None => out.push_str(&format!("| {name} | {bytes} | — | — |\n")),
        }
    }
    out
}

/// `docs/costs.json`.
pub fn json(r: &Report) -> String {
    let doc = json!({
        "floor": r.floor.json(),
        "entry_points": r.rows.iter().map(Row::json).collect::<StdVec<_>>(),
        "batches": r.curves.iter().map(|c| {
            let (fits, binding) = c.fits();
            json!({
                "name": c.name,
                "maximum": c.maximum,
                "largest_that_fits": fits,
                "binding_limit": binding,
                "points": c.points.iter().map(|(n, row)| json!({"items": n, "cost": row.as_ref().map(Row::json)})).collect::<StdVec<_>>(),
            })
        }).collect::<StdVec<_>>(),
        "settlement_developers": r.developers.iter().map(|(n, k, nw)| json!({"developers": n, "known_developer": k.json(), "new_developer": nw.json()})).collect::<StdVec<_>>(),
        "wasm_bytes": r.sizes.iter().map(|(n, b)| (n.clone(), json!(b))).collect::<serde_json::Map<_, _>>(),
    });
    let mut out = serde_json::to_string_pretty(&doc).unwrap();
    out.push('\n');
    out
}

/// Budgeted figures: (name, metric) -> value.
pub fn budget_figures(r: &Report) -> BTreeMap<(String, String), i64> {
    let mut m = BTreeMap::new();
    for row in r.rows.iter().chain(core::iter::once(&r.floor)) {
        m.insert((row.name.clone(), "instructions".into()), row.instructions);
        m.insert((row.name.clone(), "fee".into()), row.fee);
    }
    for c in &r.curves {
        if let Some(row) = c
            .points
            .iter()
            .find(|(n, _)| *n == c.maximum)
            .and_then(|(_, r)| r.as_ref())
        {
            let name = format!("{} (maximum)", c.name);
            m.insert((name.clone(), "instructions".into()), row.instructions);
            m.insert((name, "fee".into()), row.fee);
        }
    }
    for (name, bytes) in &r.sizes {
        m.insert((format!("{name}.wasm"), "bytes".into()), *bytes as i64);
    }
    m
}

/// Discards a view's result: only its metered cost matters here.
fn ignore<T>(_: T) {}
