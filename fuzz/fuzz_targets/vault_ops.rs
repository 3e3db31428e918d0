//! Structured fuzzing of a code version 3 vault (with a real settlement and a
//! Stellar Asset Contract as USDC): random sequences of every vault entry
//! point with arbitrary amounts, request ids, batches, `valid_until_ledger`
//! values (fresh, or an earlier request's: a retry), spend limits, direct
//! USDC transfers, sweeps and time passing (past `MAX_REQUEST_VALIDITY`,
//! `REQUEST_ID_TTL` and spend periods). After every call:
//!
//! * a refusal is a typed contract error (never a host panic) and changes
//!   nothing;
//! * USDC is conserved; the vault's tracked balance == USDC held minus the
//!   untracked USDC sent to it (modelled), and == deposits − withdrawals −
//!   charges (modelled);
//! * no request is charged twice: an identical resend (same id, same
//!   `valid_until_ledger`) never charges again, and no id is charged again
//!   while it is kept (`REQUEST_ID_TTL`);
//! * the spend window matches a model of the documented rules and never
//!   exceeds the owner's limit; a `SpendLimitExceeded` refusal is one the
//!   model predicts;
//! * the settlement holds exactly its pool plus developer balances.
//!
//! Speed: the host with USDC and the funded accounts is prepared once and
//! each input starts from a ledger snapshot of it, with diagnostic events
//! off; state is read from storage, not through views (`common.rs`).
//! `CALLORA_FUZZ_FRESH=1` builds a fresh host per input instead.
#![no_main]

#[path = "common.rs"]
mod common;

use arbitrary::Arbitrary;
use callora_settlement::{GlobalPool, Settlement, SettlementClient};
use callora_types::ttl::{MAX_REQUEST_VALIDITY, REQUEST_ID_TTL};
use callora_vault::{DeductItem, SpendLimit, SpendWindow, Vault, VaultClient, VaultError};
use common::{stored, Reader, SettlementKey, Snapshot, Stored, VaultKey};
use libfuzzer_sys::fuzz_target;
use soroban_sdk::{
    testutils::{Address as _, Ledger as _, SnapshotSource},
    token::{StellarAssetClient, TokenClient},
    xdr::ScAddress,
    Address, Env, String, Vec,
};
use std::{collections::HashMap, rc::Rc};

const MINTED: i128 = 1_000_000;
const PEOPLE: usize = 4;

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Until {
    /// `now + n`: mostly valid, sometimes past `MAX_REQUEST_VALIDITY`.
    Ahead(u16),
    /// Already passed.
    Past(u8),
    /// The `valid_until_ledger` of an earlier request (a resend).
    Earlier(u8),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Advance {
    Ledgers(u16),
    PastValidity,
    PastRequestTtl,
    PastSpendPeriod,
}

#[derive(Arbitrary, Debug)]
enum Op {
    Deposit {
        by: u8,
        amount: i128,
    },
    Withdraw {
        amount: i128,
    },
    WithdrawTo {
        to: u8,
        amount: i128,
    },
    Sweep {
        to: u8,
    },
    /// USDC sent straight to the vault (untracked until swept).
    Donate {
        from: u8,
        amount: u16,
    },
    Deduct {
        amount: i128,
        request: u8,
        long: bool,
        developer: Option<u8>,
        until: Until,
    },
    /// Resend an earlier deduct exactly (same id, amount, developer, validity).
    Resend {
        nth: u8,
    },
    BatchDeduct {
        items: std::vec::Vec<(i128, u8, Option<u8>)>,
        until: Until,
    },
    AllowDepositor {
        who: u8,
        allowed: bool,
    },
    SetSpendLimit {
        limit: Option<(i128, u32)>,
        by_owner: bool,
    },
    SetMinDeposit(i128),
    SetMaxDeduct(i128),
    SetMaxBatch(u32),
    RouteToSettlement(bool),
    ClearRevenuePool(bool),
    SetBackend(bool),
    /// An admin call made by a role that is not the admin.
    WrongAdmin {
        who: u8,
    },
    Pause,
    Unpause,
    DeveloperWithdraw {
        developer: u8,
        amount: i128,
    },
    DistributePool {
        developer: u8,
        amount: i128,
    },
    BookUntracked,
    Metadata {
        id_len: u8,
        len: u16,
    },
    Advance(Advance),
}

#[derive(Arbitrary, Debug)]
struct Input {
    initial_balance: u16,
    ops: std::vec::Vec<Op>,
}

/// The prepared host: its ledger snapshot and its actors' addresses (as
/// XDR: an `Address` belongs to one host).
struct Prepared {
    snapshot: Snapshot,
    actors: std::vec::Vec<ScAddress>,
}

/// Every actor, on one host.
struct Actors {
    admin: Address,
    owner: Address,
    backend: Address,
    pool: Address,
    usdc: Address,
    people: std::vec::Vec<Address>,
    vault: Address,
    settlement: Address,
}

impl Actors {
    fn to_xdr(&self) -> std::vec::Vec<ScAddress> {
        common::to_xdr(
            [
                &self.admin,
                &self.owner,
                &self.backend,
                &self.pool,
                &self.usdc,
                &self.vault,
                &self.settlement,
            ]
            .into_iter()
            .chain(self.people.iter()),
        )
    }

    fn from_xdr(env: &Env, xdr: &[ScAddress]) -> Actors {
        let a = common::from_xdr(env, xdr);
        Actors {
            admin: a[0].clone(),
            owner: a[1].clone(),
            backend: a[2].clone(),
            pool: a[3].clone(),
            usdc: a[4].clone(),
            vault: a[5].clone(),
            settlement: a[6].clone(),
            people: a[7..].to_vec(),
        }
    }
}

/// USDC and every funded account, on a fresh host (and its snapshot, with
/// `snapshot`).
fn prepare(snapshot: bool) -> (Env, Actors, Option<Prepared>) {
    let env = common::fresh_env();
    let admin = Address::generate(&env);
    let owner = Address::generate(&env);
    let backend = Address::generate(&env);
    let pool = Address::generate(&env);
    let usdc = env
        .register_stellar_asset_contract_v2(Address::generate(&env))
        .address();
    let sac = StellarAssetClient::new(&env, &usdc);
    let people: std::vec::Vec<Address> = (0..PEOPLE).map(|_| Address::generate(&env)).collect();
    sac.mint(&owner, &MINTED);
    for p in &people {
        sac.mint(p, &MINTED);
    }
    let vault = Address::generate(&env);
    let settlement = Address::generate(&env);
    let actors = Actors {
        admin,
        owner,
        backend,
        pool,
        usdc,
        people,
        vault,
        settlement,
    };
    let prepared = snapshot.then(|| Prepared {
        snapshot: Snapshot::of(&env),
        actors: actors.to_xdr(),
    });
    (env, actors, prepared)
}

thread_local! {
    static PREPARED: Prepared = prepare(true).2.unwrap();
    static FRESH: bool = common::fresh_per_input();
}

/// A host in the prepared state, with the vault (holding `initial`) and the
/// settlement deployed.
fn deploy(p: &Actors, env: &Env, initial: i128) {
    StellarAssetClient::new(env, &p.usdc).mint(&p.vault, &initial);
    let none: Option<i128> = None;
    env.register_at(
        &p.vault,
        Vault,
        (
            p.owner.clone(),
            p.admin.clone(),
            p.usdc.clone(),
            Some(initial),
            Some(p.backend.clone()),
            none,
            Some(p.pool.clone()),
            none,
        ),
    );
    env.register_at(
        &p.settlement,
        Settlement,
        (p.admin.clone(), p.usdc.clone(), Some(p.vault.clone())),
    );
}

fn request_id(env: &Env, n: u8, long: bool) -> String {
    let len = if long {
        60 + (n as usize % 10)
    } else {
        1 + n as usize % 8
    };
    let mut s = std::string::String::with_capacity(len);
    s.push((b'a' + n % 26) as char);
    while s.len() < len {
        s.push('r');
    }
    String::from_str(env, &s)
}

/// The vault's balance, spend limit and window; the settlement's pool,
/// developer total and each person's balance; every holder's USDC.
type Read = (
    i128,
    Option<SpendLimit>,
    Option<SpendWindow>,
    i128,
    i128,
    std::vec::Vec<i128>,
    std::vec::Vec<i128>,
);

/// A deduct as sent, for resends.
#[derive(Clone, Debug)]
struct Sent {
    amount: i128,
    request: u8,
    long: bool,
    developer: Option<u8>,
    until: u32,
}

fuzz_target!(|input: Input| {
    if input.ops.len() > 32 {
        return;
    }
    let initial = input.initial_balance as i128;
    if FRESH.with(|f| *f) {
        let (env, a, _) = prepare(false);
        deploy(&a, &env, initial);
        run(&env, &a, initial, &input.ops, None);
        return;
    }
    PREPARED.with(|p| {
        let env = p.snapshot.start();
        let a = Actors::from_xdr(&env, &p.actors);
        deploy(&a, &env, initial);
        run(&env, &a, initial, &input.ops, Some(&p.snapshot.source));
    });
});

fn pick_until(u: Until, now: u32, earlier: &[u32]) -> u32 {
    match u {
        Until::Ahead(n) => now + (n as u32 % (MAX_REQUEST_VALIDITY + 40)),
        Until::Past(n) => now - 1 - (n as u32 % 50),
        Until::Earlier(k) if !earlier.is_empty() => earlier[k as usize % earlier.len()],
        Until::Earlier(_) => now,
    }
}

fn run(env: &Env, p: &Actors, initial: i128, ops: &[Op], source: Option<&Rc<dyn SnapshotSource>>) {
    let v = VaultClient::new(env, &p.vault);
    let s = SettlementClient::new(env, &p.settlement);
    let token = TokenClient::new(env, &p.usdc);
    let total = MINTED * (1 + PEOPLE as i128) + initial;
    let holders: std::vec::Vec<Address> = [
        p.owner.clone(),
        p.pool.clone(),
        p.vault.clone(),
        p.settlement.clone(),
    ]
    .into_iter()
    .chain(p.people.iter().cloned())
    .collect();
    let person = |n: u8| p.people[n as usize % PEOPLE].clone();
    // Developers include the vault and the settlement: both refused.
    let developer = |n: u8| match n % 6 {
        4 => p.vault.clone(),
        5 => p.settlement.clone(),
        i => p.people[i as usize].clone(),
    };
    // What the invariants read, straight from storage (`common.rs`).
    let read = |entries: &Stored| -> Read {
        let r = Reader::new(env, entries, source);
        (
            r.instance(&p.vault, &VaultKey::Balance).unwrap_or(0),
            r.instance(&p.vault, &VaultKey::SpendLimit),
            r.instance(&p.vault, &VaultKey::SpendWindow),
            r.instance::<_, GlobalPool>(&p.settlement, &SettlementKey::Pool)
                .map_or(0, |g| g.total_balance),
            r.instance(&p.settlement, &SettlementKey::DeveloperTotal)
                .unwrap_or(0),
            p.people
                .iter()
                .map(|d| {
                    r.data_of(&p.settlement, &SettlementKey::Developer(d.clone()))
                        .unwrap_or(0)
                })
                .collect(),
            holders.iter().map(|h| r.usdc(&p.usdc, h)).collect(),
        )
    };
    // The same through the contracts' views: the reads above must agree.
    let views = || -> Read {
        (
            v.get_meta().balance,
            v.get_spend_limit(),
            v.get_spend_window(),
            s.get_global_pool().total_balance,
            s.get_developer_total(),
            p.people
                .iter()
                .map(|d| s.get_developer_balance(d))
                .collect(),
            holders.iter().map(|h| token.balance(h)).collect(),
        )
    };
    // The model.
    let mut untracked: i128 = 0;
    // USDC the owner sent to the settlement (withdraw_to, sweep): untracked there.
    let mut s_untracked: i128 = 0;
    let mut tracked: i128 = initial;
    let mut charged: HashMap<(std::string::String, u32), u32> = HashMap::new();
    let mut last_charge: HashMap<std::string::String, u32> = HashMap::new();
    let mut sent: std::vec::Vec<Sent> = std::vec::Vec::new();
    let mut untils: std::vec::Vec<u32> = std::vec::Vec::new();
    let mut limit: Option<SpendLimit> = None;
    let mut window: Option<SpendWindow> = None;
    let mut advanced: u32 = 0;

    // Every stored entry before the next call (a refused call must leave
    // all of them as they were).
    let mut entries = stored(env);
    for op in ops {
        let now = env.ledger().sequence();
        macro_rules! typed {
            ($call:expr) => {{
                match $call {
                    Ok(Ok(x)) => Ok(x),
                    Err(Ok(e)) => Err(Some(e)),
                    // The USDC contract's or the settlement's own typed error.
                    Err(Err(soroban_sdk::InvokeError::Contract(_))) => Err(None),
                    other => panic!("{op:?}: untyped failure {other:?}"),
                }
            }};
        }
        // Charges (id, until, amount) of an accepted deduct or batch.
        let mut charges: std::vec::Vec<(std::string::String, u32, i128)> = std::vec::Vec::new();
        let mut spend_refused = None;
        let ok = match op {
            Op::Deposit { by, amount } => {
                let from = if *by % 2 == 0 {
                    p.owner.clone()
                } else {
                    person(*by)
                };
                let r = typed!(v.try_deposit(&from, amount));
                if r.is_ok() {
                    tracked += amount;
                }
                r.is_ok()
            }
            Op::Withdraw { amount } => {
                let r = typed!(v.try_withdraw(amount));
                if r.is_ok() {
                    tracked -= amount;
                }
                r.is_ok()
            }
            Op::WithdrawTo { to, amount } => {
                let r = typed!(v.try_withdraw_to(&developer(*to), amount));
                if r.is_ok() {
                    tracked -= amount;
                    if developer(*to) == p.settlement {
                        s_untracked += amount;
                    }
                }
                r.is_ok()
            }
            Op::Sweep { to } => match typed!(v.try_sweep(&developer(*to))) {
                Ok(amount) => {
                    assert_eq!(amount, untracked, "swept {amount}, untracked {untracked}");
                    untracked = 0;
                    if developer(*to) == p.settlement {
                        s_untracked += amount;
                    }
                    true
                }
                Err(e) => {
                    if untracked > 0 && e == Some(VaultError::NothingToSweep) {
                        panic!("NothingToSweep with {untracked} untracked");
                    }
                    false
                }
            },
            Op::Donate { from, amount } => {
                let amount = *amount as i128;
                token.transfer(&person(*from), &p.vault, &amount);
                untracked += amount;
                true
            }
            Op::Deduct {
                amount,
                request,
                long,
                developer: d,
                until,
            } => {
                let until = pick_until(*until, now, &untils);
                let item = Sent {
                    amount: *amount,
                    request: *request,
                    long: *long,
                    developer: *d,
                    until,
                };
                sent.push(item.clone());
                untils.push(until);
                let id = request_id(env, *request, *long);
                let r = typed!(v.try_deduct(&p.backend, amount, &id, &d.map(developer), &until));
                if r.is_ok() {
                    charges.push((id.to_string(), until, *amount));
                } else if r == Err(Some(VaultError::SpendLimitExceeded)) {
                    spend_refused = Some(*amount);
                }
                r.is_ok()
            }
            Op::Resend { nth } => {
                if sent.is_empty() {
                    continue;
                }
                let item = sent[*nth as usize % sent.len()].clone();
                let id = request_id(env, item.request, item.long);
                let r = typed!(v.try_deduct(
                    &p.backend,
                    &item.amount,
                    &id,
                    &item.developer.map(developer),
                    &item.until
                ));
                if r.is_ok() {
                    charges.push((id.to_string(), item.until, item.amount));
                } else if r == Err(Some(VaultError::SpendLimitExceeded)) {
                    spend_refused = Some(item.amount);
                }
                r.is_ok()
            }
            Op::BatchDeduct { items, until } => {
                let until = pick_until(*until, now, &untils);
                untils.push(until);
                let mut batch = Vec::new(env);
                let mut sum: i128 = 0;
                for (amount, r, d) in items.iter().take(30) {
                    let id = request_id(env, *r, false);
                    batch.push_back(DeductItem {
                        amount: *amount,
                        request_id: id.clone(),
                        developer: d.map(developer),
                    });
                    charges.push((id.to_string(), until, *amount));
                    sum = sum.saturating_add(*amount);
                }
                let r = typed!(v.try_batch_deduct(&p.backend, &batch, &until));
                if r.is_err() {
                    if r == Err(Some(VaultError::SpendLimitExceeded)) {
                        spend_refused = Some(sum);
                    }
                    charges.clear();
                }
                r.is_ok()
            }
            Op::AllowDepositor { who, allowed } => {
                typed!(v.try_set_allowed_depositor(&p.owner, &person(*who), allowed)).is_ok()
            }
            Op::SetSpendLimit { limit: l, by_owner } => {
                let new = l.map(|(amount, period)| SpendLimit {
                    amount,
                    period_ledgers: period % 40_000,
                });
                let caller = if *by_owner {
                    p.owner.clone()
                } else {
                    p.admin.clone()
                };
                let r = typed!(v.try_set_spend_limit(&caller, &new));
                if r.is_ok() {
                    assert!(*by_owner, "a non-owner changed the spend limit");
                    // A window that ended under the old limit is dropped; a
                    // running one is kept. Windows open at the first deduct.
                    let ended = match (&limit, &window) {
                        (Some(old), Some(w)) => now - w.start_ledger >= old.period_ledgers,
                        _ => false,
                    };
                    if new.is_none() || ended {
                        window = None;
                    }
                    limit = new;
                }
                r.is_ok()
            }
            Op::SetMinDeposit(x) => typed!(v.try_set_min_deposit(&p.admin, x)).is_ok(),
            Op::SetMaxDeduct(x) => typed!(v.try_set_max_deduct(&p.admin, x)).is_ok(),
            Op::SetMaxBatch(x) => typed!(v.try_set_max_batch(&p.admin, x)).is_ok(),
            Op::RouteToSettlement(on) => {
                typed!(v.try_set_settlement(&p.admin, &on.then(|| p.settlement.clone()))).is_ok()
            }
            Op::ClearRevenuePool(clear) => {
                typed!(v.try_set_revenue_pool(&p.admin, &(!clear).then(|| p.pool.clone()))).is_ok()
            }
            Op::SetBackend(on) => {
                typed!(v.try_set_authorized_caller(&p.admin, &on.then(|| p.backend.clone())))
                    .is_ok()
            }
            Op::WrongAdmin { who } => {
                let caller = match who % 3 {
                    0 => p.owner.clone(),
                    1 => p.backend.clone(),
                    _ => person(*who),
                };
                let r = match who / 3 % 4 {
                    0 => typed!(v.try_set_revenue_pool(&caller, &Some(caller.clone()))).map(|_| ()),
                    1 => typed!(v.try_set_authorized_caller(&caller, &Some(caller.clone())))
                        .map(|_| ()),
                    2 => typed!(v.try_set_settlement(&caller, &None)).map(|_| ()),
                    _ => typed!(v.try_set_admin(&caller, &caller, &(now + 10))).map(|_| ()),
                };
                assert!(r.is_err(), "{caller:?} made an admin call");
                false
            }
            Op::Pause => typed!(v.try_pause(&p.admin)).is_ok(),
            Op::Unpause => typed!(v.try_unpause(&p.admin)).is_ok(),
            Op::DeveloperWithdraw {
                developer: d,
                amount,
            } => typed!(s.try_withdraw(&person(*d), amount)).is_ok(),
            Op::DistributePool {
                developer: d,
                amount,
            } => typed!(s.try_distribute_pool(&p.admin, &person(*d), amount)).is_ok(),
            Op::BookUntracked => match typed!(s.try_book_untracked(&p.admin)) {
                Ok(amount) => {
                    assert_eq!(
                        amount, s_untracked,
                        "booked {amount}, untracked {s_untracked}"
                    );
                    s_untracked = 0;
                    true
                }
                Err(_) => {
                    assert_eq!(
                        s_untracked, 0,
                        "book_untracked refused with {s_untracked} untracked"
                    );
                    false
                }
            },
            Op::Metadata { id_len, len } => {
                let id = String::from_str(env, &"o".repeat(*id_len as usize % 80));
                let md = String::from_str(env, &"m".repeat(*len as usize % 300));
                typed!(v.try_set_metadata(&p.admin, &id, &md)).is_ok()
            }
            Op::Advance(a) => {
                let n = match a {
                    Advance::Ledgers(n) => *n as u32 % 2_000,
                    Advance::PastValidity => MAX_REQUEST_VALIDITY + 1,
                    Advance::PastRequestTtl => REQUEST_ID_TTL + 1,
                    Advance::PastSpendPeriod => limit.as_ref().map_or(1, |l| l.period_ledgers),
                };
                // Stay within the instance TTL: nothing archives here.
                if advanced + n <= 20 * REQUEST_ID_TTL {
                    advanced += n;
                    env.ledger().with_mut(|l| {
                        l.sequence_number += n;
                        l.timestamp += 5 * n as u64;
                    });
                }
                true
            }
        };

        // Spend limit: the model's window, charged as documented.
        let charged_now: i128 = charges.iter().map(|c| c.2).sum();
        if ok && !charges.is_empty() {
            if let Some(l) = &limit {
                let mut w = window.clone().unwrap_or(SpendWindow {
                    start_ledger: now,
                    spent: 0,
                });
                if now - w.start_ledger >= l.period_ledgers {
                    w = SpendWindow {
                        start_ledger: now,
                        spent: 0,
                    };
                }
                w.spent += charged_now;
                assert!(w.spent <= l.amount, "spend limit exceeded: {w:?} > {l:?}");
                window = Some(w);
            }
        }
        if let Some(amount) = spend_refused {
            let l = limit.as_ref().expect("refused without a limit");
            let spent = match &window {
                Some(w) if now - w.start_ledger < l.period_ledgers => w.spent,
                _ => 0,
            };
            assert!(
                spent.saturating_add(amount) > l.amount,
                "refused within the limit: {window:?} {l:?} {amount}"
            );
        }
        // No request charged twice.
        for (id, until, _) in &charges {
            assert!(
                charged.insert((id.clone(), *until), now).is_none(),
                "request {id} (valid until {until}) charged twice, at {now}"
            );
            if let Some(at) = last_charge.insert(id.clone(), now) {
                assert!(
                    now >= at + REQUEST_ID_TTL,
                    "id {id} charged at {at} and again at {now}"
                );
            }
        }
        tracked -= charged_now;

        let before = std::mem::replace(&mut entries, stored(env));
        if !ok {
            assert!(entries == before, "{op:?} failed but changed state");
        }
        let state = read(&entries);
        let (balance, spend_limit, spend_window, pool_total, devs, individual, balances) = &state;
        let sum: i128 = balances.iter().sum();
        assert_eq!(sum, total, "USDC not conserved after {op:?}");
        let (balance, held) = (*balance, balances[2]);
        assert_eq!(balance, tracked, "tracked balance after {op:?}");
        assert_eq!(
            held - untracked,
            balance,
            "held {held} - untracked {untracked} != tracked after {op:?}"
        );
        assert!(balance >= 0);
        assert_eq!(*spend_limit, limit, "spend limit after {op:?}");
        assert_eq!(*spend_window, window, "spend window after {op:?}");
        assert!(*pool_total >= 0 && *devs >= 0 && individual.iter().all(|b| *b >= 0));
        assert_eq!(
            *devs,
            individual.iter().sum::<i128>(),
            "developer total != sum after {op:?}"
        );
        assert_eq!(
            balances[3],
            pool_total + devs + s_untracked,
            "settlement held != pool + developers + untracked after {op:?}"
        );
    }
    assert_eq!(
        read(&entries),
        views(),
        "storage reads disagree with the views"
    );
}
