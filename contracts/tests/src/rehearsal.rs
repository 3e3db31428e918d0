//! The operator's upgrade rehearsal, with no network.
//!
//! * [`rehearse_playbook`] deploys the frozen code version 1 of all three
//!   contracts on the in-process host, wires them, runs traffic, upgrades each
//!   contract in place to the current build in the playbook's order,
//!   migrates, and verifies that every balance, setting and role survived and
//!   that traffic still flows.
//! * [`rehearse_snapshot`] does the upgrade part on the contracts of a ledger
//!   snapshot written by `stellar snapshot create`: the real state of a
//!   testnet or mainnet deployment, rehearsed locally.
//!
//! Every step prints its metered cost (CPU instructions and the fee estimate
//! at mainnet fee rates). Any failed verification is collected; the
//! `rehearse` binary exits non-zero when there is one.
extern crate std;

use crate::{
    wasm::{revenue_pool, settlement, v1, vault},
    world::legacy_vault_args,
};
use soroban_sdk::{
    testutils::{Address as _, EnvTestConfig},
    token::{StellarAssetClient, TokenClient},
    vec, Address, Env, String,
};
use std::{format, path::Path, string::String as StdString, vec::Vec as StdVec};

/// The code version the current build reports.
pub const CURRENT_VERSION: u32 = callora_types::CODE_VERSION;

/// What a rehearsal did and found.
#[derive(Default)]
pub struct Report {
    pub steps: StdVec<(StdString, Option<(i64, i64)>)>,
    pub failures: StdVec<StdString>,
}

impl Report {
    /// Records `name` with the metered cost of the invocation just made.
    fn step(&mut self, env: &Env, name: &str) {
        let cost = env.cost_estimate();
        self.steps.push((
            name.into(),
            Some((cost.resources().instructions, cost.fee().total)),
        ));
    }

    /// Records a step that is not a contract invocation.
    fn note(&mut self, name: StdString) {
        self.steps.push((name, None));
    }

    fn check(&mut self, ok: bool, what: StdString) {
        self.steps.push((
            format!("verify: {what} ... {}", if ok { "ok" } else { "FAILED" }),
            None,
        ));
        if !ok {
            self.failures.push(what);
        }
    }

    /// The report as printed by the `rehearse` binary.
    pub fn render(&self) -> StdString {
        let mut out = StdString::new();
        for (name, cost) in &self.steps {
            match cost {
                Some((instructions, fee)) => out.push_str(&format!(
                    "  {name:<58} {instructions:>11} instr {fee:>10} stroops\n"
                )),
                None => out.push_str(&format!("  {name}\n")),
            }
        }
        if self.failures.is_empty() {
            out.push_str("rehearsal passed\n");
        } else {
            out.push_str(&format!("rehearsal FAILED: {}\n", self.failures.join("; ")));
        }
        out
    }

    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

fn quiet_env(mut env: Env) -> Env {
    env.set_config(EnvTestConfig {
        capture_snapshot_at_drop: false,
    });
    env.mock_all_auths();
    env
}

/// Everything a contract's upgrade must leave unchanged, as a printable
/// record.
fn state_of(env: &Env, kind: Kind, id: &Address) -> StdString {
    match kind {
        Kind::Vault => {
            let c = vault::Client::new(env, id);
            let token = TokenClient::new(env, &c.get_usdc_token());
            format!(
                "{:?} admin={:?} settlement={:?} pool={:?} max_deduct={} paused={} pending={:?} usdc={}",
                c.get_meta(),
                c.get_admin(),
                c.get_settlement(),
                c.get_revenue_pool(),
                c.get_max_deduct(),
                c.is_paused(),
                c.get_pending_admin(),
                token.balance(id)
            )
        }
        Kind::Settlement => {
            let c = settlement::Client::new(env, id);
            let token = TokenClient::new(env, &c.get_usdc_token());
            format!(
                "admin={:?} pool={:?} developers={} total={} first_page={:?} pending={:?} usdc={}",
                c.get_admin(),
                c.get_global_pool(),
                c.get_developer_count(),
                c.get_developer_total(),
                c.get_developer_balances(&0, &100),
                c.get_pending_admin(),
                token.balance(id)
            )
        }
        Kind::RevenuePool => {
            let c = revenue_pool::Client::new(env, id);
            format!(
                "admin={:?} pending={:?} usdc={}",
                c.get_admin(),
                c.get_pending_admin(),
                c.balance()
            )
        }
    }
}

/// Which contract an address holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Vault,
    Settlement,
    RevenuePool,
}

impl Kind {
    fn wasm(self) -> &'static [u8] {
        match self {
            Kind::Vault => vault::WASM,
            Kind::Settlement => settlement::WASM,
            Kind::RevenuePool => revenue_pool::WASM,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Vault => "vault",
            Kind::Settlement => "settlement",
            Kind::RevenuePool => "revenue pool",
        }
    }
}

/// Upgrades one contract in place to the current build and migrates it,
/// checking that its state is unchanged. The admin signs (mocked).
fn upgrade_one(report: &mut Report, env: &Env, kind: Kind, id: &Address) {
    let label = format!("{} {}", kind.name(), short(id));
    let before = state_of(env, kind, id);
    let hash = env.deployer().upload_contract_wasm(kind.wasm());
    report.note(format!(
        "upload current {} WASM: {}",
        kind.name(),
        hex(&hash.to_array())
    ));
    let (from, migrated) = match kind {
        Kind::Vault => {
            let c = vault::Client::new(env, id);
            let (admin, from) = (c.get_admin(), c.version());
            c.upgrade(&admin, &hash);
            report.step(env, &format!("upgrade {label} (v{from})"));
            let migrated = c.try_migrate(&admin).is_ok();
            (from, migrated)
        }
        Kind::Settlement => {
            let c = settlement::Client::new(env, id);
            let (admin, from) = (c.get_admin(), c.version());
            c.upgrade(&admin, &hash);
            report.step(env, &format!("upgrade {label} (v{from})"));
            (from, c.try_migrate(&admin).is_ok())
        }
        Kind::RevenuePool => {
            let c = revenue_pool::Client::new(env, id);
            let (admin, from) = (c.get_admin(), c.version());
            c.upgrade(&admin, &hash);
            report.step(env, &format!("upgrade {label} (v{from})"));
            (from, c.try_migrate(&admin).is_ok())
        }
    };
    if migrated {
        report.step(env, &format!("migrate {label}"));
    } else {
        report.note(format!(
            "migrate {label}: schema already current, nothing to do"
        ));
    }
    let version = match kind {
        Kind::Vault => vault::Client::new(env, id).version(),
        Kind::Settlement => settlement::Client::new(env, id).version(),
        Kind::RevenuePool => revenue_pool::Client::new(env, id).version(),
    };
    report.check(
        version == CURRENT_VERSION,
        format!("{label} runs v{version} (was v{from})"),
    );
    let after = state_of(env, kind, id);
    report.check(
        after == before,
        format!("{label} balances, settings and roles unchanged"),
    );
    if after != before {
        report.note(format!("    before: {before}\n    after:  {after}"));
    }
}

fn short(id: &Address) -> StdString {
    let s = id.to_string();
    let mut buf = [0u8; 56];
    s.copy_into_slice(&mut buf);
    format!("{}…", core::str::from_utf8(&buf[..6]).unwrap_or("?"))
}

fn hex(bytes: &[u8]) -> StdString {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Deploy v1, wire, run traffic, upgrade in place to the current build,
/// migrate, verify, run traffic again.
pub fn rehearse_playbook() -> Report {
    let mut r = Report::default();
    let env = quiet_env(callora_types::test_env());
    let admin = Address::generate(&env);
    let backend = Address::generate(&env);
    let usdc = env
        .register_stellar_asset_contract_v2(Address::generate(&env))
        .address();
    let sac = StellarAssetClient::new(&env, &usdc);
    let token = TokenClient::new(&env, &usdc);
    let s = |v: &str| String::from_str(&env, v);

    r.note("deploy (code version 1, frozen fixtures)".into());
    let s_id = env.register(
        v1::settlement::WASM,
        (admin.clone(), usdc.clone(), None::<Address>),
    );
    r.step(&env, "deploy settlement");
    let p_id = env.register(v1::revenue_pool::WASM, (admin.clone(), usdc.clone()));
    r.step(&env, "deploy revenue pool");
    let settlement = settlement::Client::new(&env, &s_id);
    let pool = revenue_pool::Client::new(&env, &p_id);
    let mut vaults = StdVec::new();
    for name in ["vault A (settlement)", "vault B (revenue pool)"] {
        let owner = Address::generate(&env);
        sac.mint(&owner, &10_000);
        let id = env.register(
            v1::vault::WASM,
            legacy_vault_args(&owner, &usdc, Some(&backend), Some(&p_id)),
        );
        r.step(&env, &format!("deploy {name}"));
        vaults.push((owner, vault::Client::new(&env, &id)));
    }
    let ((a_owner, a), (b_owner, b)) = (&vaults[0], &vaults[1]);

    r.note("wire".into());
    settlement.set_vault(&admin, &a.address, &true);
    r.step(&env, "settlement.set_vault(vault A)");
    a.set_settlement(a_owner, &Some(s_id.clone()));
    r.step(&env, "vault A.set_settlement");

    r.note("traffic".into());
    let dev = Address::generate(&env);
    a.deposit(a_owner, &5_000);
    r.step(&env, "vault A.deposit 5000");
    b.deposit(b_owner, &2_000);
    r.step(&env, "vault B.deposit 2000");
    a.deduct(
        &backend,
        &100,
        &s("req-1"),
        &Some(dev.clone()),
        &crate::world::valid_until(&env),
    );
    r.step(&env, "vault A.deduct 100 -> developer");
    a.deduct(
        &backend,
        &40,
        &s("req-2"),
        &None,
        &crate::world::valid_until(&env),
    );
    r.step(&env, "vault A.deduct 40 -> pool");
    let items = vec![
        &env,
        vault::DeductItem {
            amount: 10,
            request_id: s("req-3"),
            developer: Some(dev.clone()),
        },
        vault::DeductItem {
            amount: 20,
            request_id: s("req-4"),
            developer: None,
        },
    ];
    a.batch_deduct(&backend, &items, &crate::world::valid_until(&env));
    r.step(&env, "vault A.batch_deduct 2 items");
    b.deduct(
        &backend,
        &70,
        &s("req-5"),
        &None,
        &crate::world::valid_until(&env),
    );
    r.step(&env, "vault B.deduct 70 -> revenue pool");
    settlement.withdraw(&dev, &50);
    r.step(&env, "settlement.withdraw 50 (developer)");
    let next_admin = Address::generate(&env);
    settlement.set_admin(&admin, &next_admin, &(env.ledger().sequence() + 500));
    r.step(&env, "settlement.set_admin (pending handover)");

    let everyone = [a_owner, b_owner, &dev, &a.address, &b.address, &s_id, &p_id];
    let usdc_before: StdVec<i128> = everyone.iter().map(|x| token.balance(x)).collect();

    r.note(
        "upgrade in place, in the playbook's order (settlement -> revenue pool -> vaults)".into(),
    );
    upgrade_one(&mut r, &env, Kind::Settlement, &s_id);
    upgrade_one(&mut r, &env, Kind::RevenuePool, &p_id);
    upgrade_one(&mut r, &env, Kind::Vault, &a.address);
    upgrade_one(&mut r, &env, Kind::Vault, &b.address);

    r.note("verify".into());
    let usdc_after: StdVec<i128> = everyone.iter().map(|x| token.balance(x)).collect();
    r.check(
        usdc_after == usdc_before,
        "no USDC moved during the upgrade".into(),
    );
    r.check(
        a.balance() == 4_830 && token.balance(&a.address) == 4_830,
        "vault A tracked == held == 4830".into(),
    );
    r.check(
        b.balance() == 1_930 && token.balance(&b.address) == 1_930,
        "vault B tracked == held == 1930".into(),
    );
    r.check(
        settlement.get_developer_balance(&dev) == 60,
        "developer balance 60".into(),
    );
    r.check(
        settlement.get_global_pool().total_balance == 60,
        "settlement pool 60".into(),
    );
    r.check(
        token.balance(&s_id) == 120,
        "settlement holds pool + developers (120)".into(),
    );
    r.check(pool.balance() == 70, "revenue pool holds 70".into());
    r.check(
        a.try_deduct(
            &backend,
            &100,
            &s("req-1"),
            &Some(dev.clone()),
            &crate::world::valid_until(&env),
        ) == Err(Ok(vault::VaultError::DuplicateRequest)),
        "processed request ids still refused".into(),
    );
    r.check(
        a.get_max_batch() == 25,
        "vault A migrated to schema 2 (max_batch = 25)".into(),
    );

    r.note("traffic on the upgraded system".into());
    a.deduct(
        &backend,
        &5,
        &s("req-6"),
        &Some(dev.clone()),
        &crate::world::valid_until(&env),
    );
    r.step(&env, "vault A.deduct 5 -> developer");
    settlement.accept_admin(&next_admin);
    r.step(&env, "settlement.accept_admin (handover survives)");
    pool.distribute(&admin, &dev, &70);
    r.step(&env, "revenue pool.distribute 70");
    r.check(
        settlement.get_developer_balance(&dev) == 65,
        "developer balance 65".into(),
    );
    r.check(
        settlement.get_admin() == next_admin,
        "settlement admin handed over".into(),
    );
    r.check(
        token.balance(&dev) == 120,
        "developer received 120 USDC in all".into(),
    );
    let held = token.balance(&s_id);
    r.check(
        held == settlement.get_global_pool().total_balance + settlement.get_developer_total(),
        "settlement USDC == pool + developer balances".into(),
    );
    r
}

/// Upgrades, in place, the contracts of a `stellar snapshot create` ledger
/// snapshot (`contracts`: each kind with its contract address), in the
/// playbook's order, and verifies each one's state is unchanged.
pub fn rehearse_snapshot(path: &Path, contracts: &[(Kind, StdString)]) -> Report {
    let mut r = Report::default();
    let env = quiet_env(Env::from_ledger_snapshot_file(path));
    r.note(format!(
        "snapshot {} at ledger {}",
        path.display(),
        env.ledger().sequence()
    ));
    let order = [Kind::Settlement, Kind::RevenuePool, Kind::Vault];
    for kind in order {
        for (_, strkey) in contracts.iter().filter(|(k, _)| *k == kind) {
            let id = Address::from_str(&env, strkey);
            upgrade_one(&mut r, &env, kind, &id);
        }
    }
    if contracts.is_empty() {
        r.failures.push("no contracts given".into());
    }
    r
}
