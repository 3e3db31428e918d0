//! The operator's upgrade rehearsal, with no network.
//!
//! * [`rehearse_playbook`] deploys the frozen previous release (code version
//!   2, `fixtures/v2`) of all three contracts on the in-process host, wires
//!   them, runs traffic in version 2's call shapes, upgrades each contract in
//!   place to the current build in the playbook's order (settlement →
//!   revenue pool → vaults), migrates, verifies that every balance, setting
//!   and role survived, and runs traffic in the current call shapes.
//! * [`rehearse_snapshot`] does the upgrade part on the contracts of a ledger
//!   snapshot written by `stellar snapshot create`: the real state of a
//!   testnet or mainnet deployment, rehearsed locally, followed by the
//!   playbook's smoke deduct and one-item batch on every vault.
//!
//! Each contract goes through `docs/upgrade-playbook.md` Path 1: a vault
//! whose admin is still its owner (the default of code versions 1–2) is
//! first handed to the operator under its old code (step 3a), an open
//! proposal naming the owner is cancelled; then `upgrade`, `migrate` (a
//! second `migrate` must be refused), and on the settlement `extend_index`
//! over every developer in pages of 100.
//!
//! Every step prints its metered cost (CPU instructions and the fee estimate
//! at mainnet fee rates). Any failed verification is collected; the
//! `rehearse` binary exits non-zero when there is one.
extern crate std;

use crate::{
    wasm::{revenue_pool, settlement, v2, vault},
    world::{legacy_vault_args, valid_until},
};
use soroban_sdk::{
    testutils::{Address as _, EnvTestConfig, Ledger as _},
    token::{StellarAssetClient, TokenClient},
    vec, Address, BytesN, Env, String,
};
use std::{format, path::Path, string::String as StdString, vec::Vec as StdVec};

/// The code version the current build reports.
pub const CURRENT_VERSION: u32 = callora_types::CODE_VERSION;

/// `max_batch` of a vault migrated from code version 1, whose configuration
/// had none (`docs/vault.md`).
const MAX_BATCH_FROM_V1: u32 = 100;

/// Largest page of `get_developer_balances` and `extend_index`.
const PAGE: u32 = 100;

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

    fn fail(&mut self, what: StdString) {
        self.check(false, what);
    }

    /// The report as printed by the `rehearse` binary.
    pub fn render(&self) -> StdString {
        let mut out = StdString::new();
        for (name, cost) in &self.steps {
            match cost {
                Some((instructions, fee)) => out.push_str(&format!(
                    "  {name:<62} {instructions:>11} instr {fee:>10} stroops\n"
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

// ----- what an upgrade must leave unchanged ----------------------------------
//
// Read through the current clients: every view used here has had the same
// signature since code version 1 (`get_max_batch` since 2, read apart).

fn vault_state(env: &Env, id: &Address) -> StdString {
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

/// `get_max_batch`, absent before code version 2.
fn max_batch(c: &vault::Client) -> Option<u32> {
    match c.try_get_max_batch() {
        Ok(Ok(n)) => Some(n),
        _ => None,
    }
}

/// Every developer balance, page by page.
fn all_balances(c: &settlement::Client) -> StdVec<(Address, i128)> {
    let count = c.get_developer_count();
    let mut out = StdVec::new();
    let mut start = 0;
    while start < count {
        out.extend(
            c.get_developer_balances(&start, &PAGE)
                .iter()
                .map(|d| (d.developer, d.balance)),
        );
        start += PAGE;
    }
    out
}

fn settlement_state(env: &Env, id: &Address) -> StdString {
    let c = settlement::Client::new(env, id);
    let token = TokenClient::new(env, &c.get_usdc_token());
    format!(
        "admin={:?} pending={:?} pool={:?} developers={} total={} balances={:?} usdc={}",
        c.get_admin(),
        c.get_pending_admin(),
        c.get_global_pool(),
        c.get_developer_count(),
        c.get_developer_total(),
        all_balances(&c),
        token.balance(id)
    )
}

fn pool_state(env: &Env, id: &Address) -> StdString {
    let c = revenue_pool::Client::new(env, id);
    format!(
        "admin={:?} pending={:?} usdc={}",
        c.get_admin(),
        c.get_pending_admin(),
        c.balance()
    )
}

/// The host's last diagnostic error, to explain a failed step.
fn last_error(env: &Env) -> StdString {
    use soroban_sdk::testutils::Logs as _;
    env.logs()
        .all()
        .into_iter()
        .rev()
        .find(|l| l.contains("error"))
        .unwrap_or_default()
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

// ----- one contract, Path 1 ----------------------------------------------------

/// Upgrades one contract in place to the current build and migrates it,
/// checking that its state is unchanged. Every signature is mocked;
/// `operator` receives a vault whose admin is still its owner.
fn upgrade_one(
    report: &mut Report,
    env: &Env,
    kind: Kind,
    id: &Address,
    operator: Option<&Address>,
) {
    let label = format!("{} {}", kind.name(), short(id));
    let hash = env.deployer().upload_contract_wasm(kind.wasm());
    report.note(format!(
        "upload current {} WASM: {}",
        kind.name(),
        hex(&hash.to_array())
    ));
    match kind {
        Kind::Vault => upgrade_vault(report, env, &label, id, &hash, operator),
        Kind::Settlement => upgrade_settlement(report, env, &label, id, &hash),
        Kind::RevenuePool => upgrade_pool(report, env, &label, id, &hash),
    }
}

fn upgrade_vault(
    r: &mut Report,
    env: &Env,
    label: &str,
    id: &Address,
    hash: &BytesN<32>,
    operator: Option<&Address>,
) {
    let c = vault::Client::new(env, id);
    let from = c.version();
    let owner = c.get_meta().owner;
    let mut admin = c.get_admin();
    // Step 3a, under the old code.
    if admin == owner {
        let Some(op) = operator else {
            r.fail(format!(
                "{label}: its admin is its owner and no operator is known (pass --operator)"
            ));
            return;
        };
        let until = env.ledger().sequence() + 1_000;
        if let Err(e) = c.try_set_admin(&owner, op, &until) {
            r.fail(format!("{label}: the owner's set_admin failed: {e:?}"));
            return;
        }
        r.step(env, &format!("{label}: owner proposes the operator"));
        if let Err(e) = c.try_accept_admin(op) {
            r.fail(format!(
                "{label}: the operator's accept_admin failed: {e:?} {}",
                last_error(env)
            ));
            return;
        }
        r.step(env, &format!("{label}: hand the admin to the operator"));
        admin = op.clone();
    }
    if matches!(c.get_pending_admin(), Some(p) if p.address == owner) {
        if let Err(e) = c.try_set_admin(&admin, &owner, &0) {
            r.fail(format!("{label}: cancelling the proposal failed: {e:?}"));
            return;
        }
        r.step(
            env,
            &format!("{label}: cancel the open proposal naming the owner"),
        );
    }
    let before = vault_state(env, id);
    let batch_before = max_batch(&c);
    if let Err(e) = c.try_upgrade(&admin, hash) {
        r.fail(format!("{label}: upgrade refused: {e:?}"));
        return;
    }
    r.step(env, &format!("upgrade {label} (v{from})"));
    let schema_from = c.schema_version();
    match c.try_migrate(&admin) {
        Ok(Ok(())) => r.step(
            env,
            &format!(
                "migrate {label} (schema {schema_from} -> {})",
                c.schema_version()
            ),
        ),
        Err(Ok(vault::VaultError::AlreadyMigrated)) => r.note(format!(
            "migrate {label}: schema {schema_from} already current, nothing to do"
        )),
        other => r.fail(format!("{label}: migrate failed: {other:?}")),
    }
    r.check(
        c.try_migrate(&admin) == Err(Ok(vault::VaultError::AlreadyMigrated)),
        format!("{label} migrated once (a second migrate is refused)"),
    );
    let version = c.version();
    r.check(
        version == CURRENT_VERSION,
        format!("{label} runs v{version} (was v{from})"),
    );
    let after = vault_state(env, id);
    r.check(
        after == before,
        format!("{label} balances, settings and roles unchanged"),
    );
    if after != before {
        r.note(format!("    before: {before}\n    after:  {after}"));
    }
    let expected = batch_before.unwrap_or(MAX_BATCH_FROM_V1);
    let batch_after = c.get_max_batch();
    r.check(
        batch_after == expected,
        format!("{label} max_batch {batch_after} (expected {expected})"),
    );
    if from < 3 {
        r.check(
            c.get_spend_limit().is_none(),
            format!("{label} has no spend limit until its owner sets one"),
        );
    }
    r.check(
        c.get_admin() != owner,
        format!("{label} admin is the operator, not the owner"),
    );
    let held = TokenClient::new(env, &c.get_usdc_token()).balance(id);
    r.check(
        held >= c.balance(),
        format!(
            "{label} holds its tracked balance ({held} >= {})",
            c.balance()
        ),
    );
}

fn upgrade_settlement(r: &mut Report, env: &Env, label: &str, id: &Address, hash: &BytesN<32>) {
    use settlement::SettlementError as E;
    let c = settlement::Client::new(env, id);
    let (admin, from) = (c.get_admin(), c.version());
    let before = settlement_state(env, id);
    if let Err(e) = c.try_upgrade(&admin, hash) {
        r.fail(format!("{label}: upgrade refused: {e:?}"));
        return;
    }
    r.step(env, &format!("upgrade {label} (v{from})"));
    let schema_from = c.schema_version();
    match c.try_migrate(&admin) {
        Ok(Ok(())) => r.step(
            env,
            &format!(
                "migrate {label} (schema {schema_from} -> {})",
                c.schema_version()
            ),
        ),
        Err(Ok(E::AlreadyMigrated)) => r.note(format!(
            "migrate {label}: schema {schema_from} already current, nothing to do"
        )),
        other => r.fail(format!("{label}: migrate failed: {other:?}")),
    }
    r.check(
        c.try_migrate(&admin) == Err(Ok(E::AlreadyMigrated)),
        format!("{label} migrated once (a second migrate is refused)"),
    );
    // Record the pagination index of developers credited before v3.
    let count = c.get_developer_count();
    let (mut start, mut recorded) = (0, 0);
    while start < count {
        match c.try_extend_index(&start, &PAGE) {
            Ok(Ok(n)) => recorded += n,
            other => {
                r.fail(format!("{label}: extend_index {start} failed: {other:?}"));
                break;
            }
        }
        r.step(
            env,
            &format!(
                "{label}: extend_index {start}..{}",
                (start + PAGE).min(count)
            ),
        );
        start += PAGE;
    }
    r.note(format!(
        "{label}: extend_index recorded {recorded} of {count} index entries"
    ));
    if count > 0 {
        r.check(
            c.try_extend_index(&0, &PAGE) == Ok(Ok(0)),
            format!("{label}: a second extend_index pass records nothing"),
        );
    }
    let version = c.version();
    r.check(
        version == CURRENT_VERSION,
        format!("{label} runs v{version} (was v{from})"),
    );
    let after = settlement_state(env, id);
    r.check(
        after == before,
        format!("{label} balances, settings and roles unchanged"),
    );
    if after != before {
        r.note(format!("    before: {before}\n    after:  {after}"));
    }
    let held = TokenClient::new(env, &c.get_usdc_token()).balance(id);
    let booked = c.get_global_pool().total_balance + c.get_developer_total();
    if c.get_successor().is_none() {
        r.check(
            held >= booked,
            format!("{label} USDC {held} covers pool + developer balances {booked}"),
        );
        if held > booked {
            r.note(format!(
                "{label}: {} USDC untracked (book it with book_untracked)",
                held - booked
            ));
        }
    }
}

fn upgrade_pool(r: &mut Report, env: &Env, label: &str, id: &Address, hash: &BytesN<32>) {
    use revenue_pool::RevenuePoolError as E;
    let c = revenue_pool::Client::new(env, id);
    let (admin, from) = (c.get_admin(), c.version());
    let before = pool_state(env, id);
    if let Err(e) = c.try_upgrade(&admin, hash) {
        r.fail(format!("{label}: upgrade refused: {e:?}"));
        return;
    }
    r.step(env, &format!("upgrade {label} (v{from})"));
    match c.try_migrate(&admin) {
        Ok(Ok(())) => r.step(env, &format!("migrate {label}")),
        Err(Ok(E::AlreadyMigrated)) => r.note(format!(
            "migrate {label}: schema {} already current, nothing to do",
            c.schema_version()
        )),
        other => r.fail(format!("{label}: migrate failed: {other:?}")),
    }
    let version = c.version();
    r.check(
        version == CURRENT_VERSION,
        format!("{label} runs v{version} (was v{from})"),
    );
    let after = pool_state(env, id);
    r.check(
        after == before,
        format!("{label} balances, settings and roles unchanged"),
    );
    if after != before {
        r.note(format!("    before: {before}\n    after:  {after}"));
    }
}

/// The checklist's smoke test on an upgraded vault: a deduct of 1 and a
/// one-item batch of 1 by its authorized caller, in the current call shapes.
fn smoke(r: &mut Report, env: &Env, id: &Address) {
    let c = vault::Client::new(env, id);
    let label = format!("vault {}", short(id));
    let Some(backend) = c.get_meta().authorized_caller else {
        r.note(format!("{label}: no authorized caller, no smoke deduct"));
        return;
    };
    let before = c.balance();
    if before < 2 {
        r.note(format!("{label}: balance {before}, no smoke deduct"));
        return;
    }
    let s = |v: &str| String::from_str(env, v);
    let until = valid_until(env);
    let single = c.try_deduct(&backend, &1, &s("rehearsal-smoke-1"), &None, &until);
    if single.is_ok() {
        r.step(env, &format!("{label}.deduct 1 (smoke)"));
    }
    let items = vec![
        env,
        crate::world::Item {
            amount: 1,
            request_id: s("rehearsal-smoke-2"),
            developer: None,
        },
    ];
    let batch = c.try_batch_deduct(
        &backend,
        &soroban_sdk::String::from_str(env, "rehearsal-batch-1"),
        &crate::world::columns_of(env, &items),
        &until,
    );
    if batch.is_ok() {
        r.step(env, &format!("{label}.batch_deduct 1 item (smoke)"));
    }
    r.check(
        single.is_ok() && batch.is_ok(),
        format!("{label}: smoke deduct {single:?} and batch {batch:?}"),
    );
    let held = TokenClient::new(env, &c.get_usdc_token()).balance(id);
    r.check(
        c.balance() == before - 2 && held >= c.balance(),
        format!(
            "{label}: tracked {} (was {before}), held {held}",
            c.balance()
        ),
    );
}

// ----- the rehearsals ----------------------------------------------------------

/// Deploy the previous release (v2), wire, run traffic, upgrade in place to
/// the current build in the playbook's order, migrate, verify, run traffic
/// again.
pub fn rehearse_playbook() -> Report {
    let mut r = Report::default();
    let env = quiet_env(callora_types::test_env());
    env.ledger().set_sequence_number(1_000);
    let admin = Address::generate(&env);
    let backend = Address::generate(&env);
    let usdc = env
        .register_stellar_asset_contract_v2(Address::generate(&env))
        .address();
    let sac = StellarAssetClient::new(&env, &usdc);
    let token = TokenClient::new(&env, &usdc);
    let s = |v: &str| String::from_str(&env, v);

    r.note("deploy (code version 2, the previous release: frozen fixtures/v2)".into());
    let s_id = env.register(
        v2::settlement::WASM,
        (admin.clone(), usdc.clone(), None::<Address>),
    );
    r.step(&env, "deploy settlement");
    let p_id = env.register(v2::revenue_pool::WASM, (admin.clone(), usdc.clone()));
    r.step(&env, "deploy revenue pool");
    let old_settlement = v2::settlement::Client::new(&env, &s_id);
    let mut vaults = StdVec::new();
    for name in ["vault A (settlement)", "vault B (revenue pool)"] {
        let owner = Address::generate(&env);
        sac.mint(&owner, &10_000);
        let id = env.register(
            v2::vault::WASM,
            legacy_vault_args(&owner, &usdc, Some(&backend), Some(&p_id)),
        );
        r.step(&env, &format!("deploy {name} (its owner is its admin)"));
        vaults.push((owner, v2::vault::Client::new(&env, &id)));
    }
    let ((a_owner, a), (b_owner, b)) = (&vaults[0], &vaults[1]);

    r.note("wire (version 2: each owner is its vault's admin)".into());
    old_settlement.set_vault(&admin, &a.address, &true);
    r.step(&env, "settlement.set_vault(vault A)");
    a.set_settlement(a_owner, &Some(s_id.clone()));
    r.step(&env, "vault A.set_settlement");
    b.set_max_batch(b_owner, &10);
    r.step(&env, "vault B.set_max_batch 10");

    r.note("traffic (version 2 call shapes)".into());
    let dev = Address::generate(&env);
    a.deposit(a_owner, &5_000);
    r.step(&env, "vault A.deposit 5000");
    b.deposit(b_owner, &2_000);
    r.step(&env, "vault B.deposit 2000");
    a.deduct(&backend, &100, &s("req-1"), &Some(dev.clone()));
    r.step(&env, "vault A.deduct 100 -> developer");
    a.deduct(&backend, &40, &s("req-2"), &None);
    r.step(&env, "vault A.deduct 40 -> settlement pool");
    let items = vec![
        &env,
        v2::vault::DeductItem {
            amount: 10,
            request_id: s("req-3"),
            developer: Some(dev.clone()),
        },
        v2::vault::DeductItem {
            amount: 20,
            request_id: s("req-4"),
            developer: None,
        },
    ];
    a.batch_deduct(&backend, &items);
    r.step(&env, "vault A.batch_deduct 2 items");
    b.deduct(&backend, &70, &s("req-5"), &None);
    r.step(&env, "vault B.deduct 70 -> revenue pool");
    old_settlement.withdraw(&dev, &50);
    r.step(&env, "settlement.withdraw 50 (developer)");
    let next_admin = Address::generate(&env);
    old_settlement.set_admin(&admin, &next_admin, &(env.ledger().sequence() + 500));
    r.step(&env, "settlement.set_admin (pending handover)");

    let everyone = [a_owner, b_owner, &dev, &a.address, &b.address, &s_id, &p_id];
    let usdc_before: StdVec<i128> = everyone.iter().map(|x| token.balance(x)).collect();

    r.note(
        "upgrade in place, in the playbook's order (settlement -> revenue pool -> vaults)".into(),
    );
    upgrade_one(&mut r, &env, Kind::Settlement, &s_id, Some(&admin));
    upgrade_one(&mut r, &env, Kind::RevenuePool, &p_id, Some(&admin));
    upgrade_one(&mut r, &env, Kind::Vault, &a.address, Some(&admin));
    upgrade_one(&mut r, &env, Kind::Vault, &b.address, Some(&admin));

    let settlement = settlement::Client::new(&env, &s_id);
    let pool = revenue_pool::Client::new(&env, &p_id);
    let (a, b) = (
        vault::Client::new(&env, &a.address),
        vault::Client::new(&env, &b.address),
    );
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
        a.get_admin() == admin && b.get_admin() == admin,
        "both vaults' admin is the operator".into(),
    );
    r.check(
        a.get_max_batch() == 25 && b.get_max_batch() == 10,
        "max_batch kept as stored (25, 10)".into(),
    );
    r.check(
        a.try_deduct(
            &backend,
            &100,
            &s("req-1"),
            &Some(dev.clone()),
            &valid_until(&env),
        ) == Err(Ok(vault::VaultError::DuplicateRequest)),
        "request ids charged under v2 still refused".into(),
    );

    r.note("traffic on the upgraded system (current call shapes)".into());
    a.set_spend_limit(
        a_owner,
        &Some(vault::SpendLimit {
            amount: 1_000,
            period_ledgers: callora_types::ttl::DAY_IN_LEDGERS,
        }),
    );
    r.step(&env, "vault A.set_spend_limit 1000 per day (owner)");
    a.deduct(
        &backend,
        &5,
        &s("req-6"),
        &Some(dev.clone()),
        &valid_until(&env),
    );
    r.step(&env, "vault A.deduct 5 -> developer");
    let items = vec![
        &env,
        crate::world::Item {
            amount: 3,
            request_id: s("req-7"),
            developer: Some(dev.clone()),
        },
        crate::world::Item {
            amount: 2,
            request_id: s("req-8"),
            developer: None,
        },
    ];
    a.batch_deduct(
        &backend,
        &soroban_sdk::String::from_str(&env, "rehearsal-batch-2"),
        &crate::world::columns_of(&env, &items),
        &valid_until(&env),
    );
    r.step(&env, "vault A.batch_deduct 2 items");
    b.deduct(&backend, &7, &s("req-9"), &None, &valid_until(&env));
    r.step(&env, "vault B.deduct 7 -> revenue pool");
    settlement.accept_admin(&next_admin);
    r.step(&env, "settlement.accept_admin (handover survives)");
    pool.distribute(&admin, &dev, &77);
    r.step(&env, "revenue pool.distribute 77");
    r.check(
        a.get_spend_window().map(|w| w.spent) == Some(10),
        "vault A's spend window counts 10".into(),
    );
    r.check(
        settlement.get_developer_balance(&dev) == 68,
        "developer balance 68".into(),
    );
    r.check(
        settlement.get_admin() == next_admin,
        "settlement admin handed over".into(),
    );
    r.check(
        token.balance(&dev) == 127,
        "developer received 127 USDC in all".into(),
    );
    r.check(
        a.balance() == 4_820 && token.balance(&a.address) == 4_820,
        "vault A tracked == held == 4820".into(),
    );
    let held = token.balance(&s_id);
    r.check(
        held == settlement.get_global_pool().total_balance + settlement.get_developer_total(),
        "settlement USDC == pool + developer balances".into(),
    );
    let total: i128 = everyone.iter().map(|x| token.balance(x)).sum();
    r.check(total == 20_000, "USDC supply conserved (20000)".into());
    r
}

/// Upgrades, in place, the contracts of a `stellar snapshot create` ledger
/// snapshot (`contracts`: each kind with its contract address), in the
/// playbook's order, verifies each one's state is unchanged, and runs the
/// smoke deducts. `operator` (a strkey) receives vaults whose admin is still
/// their owner; by default the first settlement's admin, else the first
/// revenue pool's.
pub fn rehearse_snapshot(
    path: &Path,
    contracts: &[(Kind, StdString)],
    operator: Option<&str>,
) -> Report {
    let mut r = Report::default();
    let env = quiet_env(Env::from_ledger_snapshot_file(path));
    // Mocked signatures draw their nonces from a PRNG that every test host
    // seeds with zeros; a snapshot taken from such a host already holds
    // those nonces (`Error(Auth, ExistingValue)` on reuse). Seed it apart.
    env.host()
        .set_base_prng_seed(*b"callora upgrade rehearsal seed.1")
        .expect("seed the host PRNG");
    r.note(format!(
        "snapshot {} at ledger {}",
        path.display(),
        env.ledger().sequence()
    ));
    if contracts.is_empty() {
        r.fail("no contracts given".into());
        return r;
    }
    let first = |kind: Kind| {
        contracts
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, s)| Address::from_str(&env, s))
    };
    let operator = match operator {
        Some(strkey) => Some(Address::from_str(&env, strkey)),
        None => first(Kind::Settlement)
            .map(|id| settlement::Client::new(&env, &id).get_admin())
            .or_else(|| {
                first(Kind::RevenuePool).map(|id| revenue_pool::Client::new(&env, &id).get_admin())
            }),
    };
    if let Some(op) = &operator {
        r.note(format!(
            "operator (receives owner-admin vaults): {}",
            short(op)
        ));
    }
    for kind in [Kind::Settlement, Kind::RevenuePool, Kind::Vault] {
        for (_, strkey) in contracts.iter().filter(|(k, _)| *k == kind) {
            let id = Address::from_str(&env, strkey);
            upgrade_one(&mut r, &env, kind, &id, operator.as_ref());
        }
    }
    if r.passed() {
        r.note("smoke traffic (checklist: a deduct and a one-item batch)".into());
        for (_, strkey) in contracts.iter().filter(|(k, _)| *k == Kind::Vault) {
            smoke(&mut r, &env, &Address::from_str(&env, strkey));
        }
    }
    r
}
