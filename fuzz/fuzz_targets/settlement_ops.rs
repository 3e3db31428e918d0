//! Structured fuzzing of code version 3 settlements: three settlements on
//! one USDC, with random registrations, payments (single and batch) from
//! registered and unregistered vaults, developer withdrawals, pool
//! distributions, direct USDC transfers, `book_untracked`, redeploys
//! (`set_predecessor`, `retire`, `import_balances` repeated as an operator's
//! retries, chains A → B → C), paging, `extend_index` and time passing,
//! with arbitrary amounts including i128 extremes. After every call:
//!
//! * a refusal is a typed contract error and changes nothing;
//! * USDC is conserved;
//! * every settlement's pool and developer balances equal a model of the
//!   accepted calls, in which an import books each predecessor index
//!   exactly once; the developer total equals the sum of the balances, by
//!   key and by page;
//! * an active settlement holds its pool + developer balances + untracked
//!   USDC (modelled) + its retired predecessor's balances not yet imported;
//!   a retired one holds only what was sent to it after retiring.
//!
//! Speed: the host with USDC and the funded vaults is prepared once and each
//! input starts from a ledger snapshot of it, with diagnostic events off;
//! state is read from storage, not through views (`common.rs`).
//! `CALLORA_FUZZ_FRESH=1` builds a fresh host per input instead.
#![no_main]

#[path = "common.rs"]
mod common;

use arbitrary::Arbitrary;
use callora_settlement::{GlobalPool, Settlement, SettlementClient, SettlementError};
use callora_types::types::Payment;
use common::{stored, Reader, SettlementKey, Snapshot, Stored};
use libfuzzer_sys::fuzz_target;
use soroban_sdk::{
    testutils::{Address as _, Ledger as _, SnapshotSource},
    token::{StellarAssetClient, TokenClient},
    xdr::ScAddress,
    Address, Env, Vec,
};
use std::{collections::BTreeMap, rc::Rc};

const MINTED: i128 = 1_000_000;

const N: usize = 3;

#[derive(Arbitrary, Debug)]
enum Op {
    SetVault {
        on: u8,
        vault: u8,
        allowed: bool,
    },
    Pay {
        on: u8,
        vault: u8,
        amount: i128,
        to_pool: bool,
        developer: Option<u8>,
    },
    PayMany {
        on: u8,
        vault: u8,
        pool_amount: i128,
        credits: std::vec::Vec<(u8, i128)>,
    },
    Withdraw {
        on: u8,
        developer: u8,
        amount: i128,
    },
    DistributePool {
        on: u8,
        to: u8,
        amount: i128,
    },
    Donate {
        on: u8,
        amount: u16,
    },
    BookUntracked {
        on: u8,
    },
    SetPredecessor {
        on: u8,
        predecessor: u8,
    },
    Retire {
        on: u8,
        to: u8,
    },
    Import {
        on: u8,
        limit: u8,
    },
    Page {
        on: u8,
        start: u32,
        limit: u32,
    },
    ExtendIndex {
        on: u8,
        start: u32,
        limit: u32,
    },
    /// An admin call by a vault or a developer.
    NotAdmin {
        on: u8,
        who: u8,
        call: u8,
    },
    Advance(u16),
}

/// The prepared host: its ledger snapshot and its actors' addresses (as
/// XDR: an `Address` belongs to one host).
struct Prepared {
    snapshot: Snapshot,
    actors: std::vec::Vec<ScAddress>,
}

/// Every actor, on one host: 3 vaults, 4 developers, 3 settlements.
struct Actors {
    admin: Address,
    usdc: Address,
    vaults: std::vec::Vec<Address>,
    developers: std::vec::Vec<Address>,
    donor: Address,
    stranger: Address,
    settlements: std::vec::Vec<Address>,
}

impl Actors {
    fn to_xdr(&self) -> std::vec::Vec<ScAddress> {
        common::to_xdr(
            [&self.admin, &self.usdc, &self.donor, &self.stranger]
                .into_iter()
                .chain(self.vaults.iter())
                .chain(self.developers.iter())
                .chain(self.settlements.iter()),
        )
    }

    fn from_xdr(env: &Env, xdr: &[ScAddress]) -> Actors {
        let a = common::from_xdr(env, xdr);
        Actors {
            admin: a[0].clone(),
            usdc: a[1].clone(),
            donor: a[2].clone(),
            stranger: a[3].clone(),
            vaults: a[4..7].to_vec(),
            developers: a[7..11].to_vec(),
            settlements: a[11..11 + N].to_vec(),
        }
    }
}

/// USDC and the funded accounts on a fresh host (and its snapshot, with
/// `snapshot`).
fn prepare(snapshot: bool) -> (Env, Actors, Option<Prepared>) {
    let env = common::fresh_env();
    let admin = Address::generate(&env);
    let usdc = env
        .register_stellar_asset_contract_v2(Address::generate(&env))
        .address();
    let sac = StellarAssetClient::new(&env, &usdc);
    let vaults: std::vec::Vec<Address> = (0..3).map(|_| Address::generate(&env)).collect();
    let developers: std::vec::Vec<Address> = (0..4).map(|_| Address::generate(&env)).collect();
    let donor = Address::generate(&env);
    let stranger = Address::generate(&env);
    for v in &vaults {
        sac.mint(v, &MINTED);
    }
    sac.mint(&donor, &MINTED);
    let settlements = (0..N).map(|_| Address::generate(&env)).collect();
    let actors = Actors {
        admin,
        usdc,
        vaults,
        developers,
        donor,
        stranger,
        settlements,
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

fuzz_target!(|ops: std::vec::Vec<Op>| {
    if ops.len() > 32 {
        return;
    }
    let deploy = |env: &Env, p: &Actors| {
        for s in &p.settlements {
            env.register_at(
                s,
                Settlement,
                (p.admin.clone(), p.usdc.clone(), None::<Address>),
            );
        }
    };
    if FRESH.with(|f| *f) {
        let (env, p, _) = prepare(false);
        deploy(&env, &p);
        run(&env, &p, &ops, None);
        return;
    }
    PREPARED.with(|prepared| {
        let env = prepared.snapshot.start();
        let p = Actors::from_xdr(&env, &prepared.actors);
        deploy(&env, &p);
        run(&env, &p, &ops, Some(&prepared.snapshot.source));
    });
});

/// What a settlement should show.
#[derive(Clone, Debug, Default)]
struct Model {
    pool: i128,
    developers: BTreeMap<Address, i128>,
    /// USDC sent to it outside its calls (and, after a retire into it, the
    /// predecessor's untracked USDC).
    untracked: i128,
    predecessor: Option<usize>,
    successor: Option<Address>,
    pool_imported: bool,
    cursor: u32,
}

fn run(env: &Env, p: &Actors, ops: &[Op], source: Option<&Rc<dyn SnapshotSource>>) {
    let token = TokenClient::new(env, &p.usdc);
    let ss: std::vec::Vec<SettlementClient> = p
        .settlements
        .iter()
        .map(|a| SettlementClient::new(env, a))
        .collect();
    let holders: std::vec::Vec<Address> = p
        .vaults
        .iter()
        .chain(p.developers.iter())
        .chain(p.settlements.iter())
        .cloned()
        .chain([p.donor.clone(), p.stranger.clone()])
        .collect();
    let total = MINTED * 4;
    // Developers include a settlement and a vault (both refused as credits).
    let dev = |n: u8| match n % 6 {
        4 => p.settlements[0].clone(),
        5 => p.vaults[0].clone(),
        i => p.developers[i as usize].clone(),
    };
    let vault = |n: u8| p.vaults[n as usize % p.vaults.len()].clone();
    // Everyone `dev` names: a settlement or vault may be credited where it
    // is neither itself nor registered.
    let credited: std::vec::Vec<Address> = p
        .developers
        .iter()
        .cloned()
        .chain([p.settlements[0].clone(), p.vaults[0].clone()])
        .collect();
    let pick = |n: u8| n as usize % N;
    // Per settlement: (pool, developer total, count), (successor,
    // predecessor, cursor), every indexed balance in index order, the
    // credited developers' balances; then every holder's USDC. Read
    // straight from storage (`common.rs`).
    let read = |entries: &Stored| -> State {
        let r = Reader::new(env, entries, source);
        let settlements = p
            .settlements
            .iter()
            .map(|s| {
                let count: u32 = r.instance(s, &SettlementKey::DeveloperCount).unwrap_or(0);
                let balance = |d: &Address| -> i128 {
                    r.data_of(s, &SettlementKey::Developer(d.clone()))
                        .unwrap_or(0)
                };
                (
                    (
                        r.instance(s, &SettlementKey::Pool).unwrap_or(GlobalPool {
                            total_balance: 0,
                            last_updated: 0,
                        }),
                        r.instance(s, &SettlementKey::DeveloperTotal).unwrap_or(0),
                        count,
                    ),
                    (
                        r.instance(s, &SettlementKey::Successor),
                        r.instance(s, &SettlementKey::Predecessor),
                        r.instance(s, &SettlementKey::ImportCursor).unwrap_or(0),
                    ),
                    (0..count)
                        .map(|i| {
                            let d: Address = r.data_of(s, &SettlementKey::DeveloperAt(i)).unwrap();
                            balance(&d)
                        })
                        .collect(),
                    credited.iter().map(balance).collect(),
                )
            })
            .collect();
        (
            settlements,
            holders.iter().map(|h| r.usdc(&p.usdc, h)).collect(),
        )
    };
    // The same through the views: the reads above must agree.
    let views = || -> State {
        let settlements = ss
            .iter()
            .map(|s| {
                let count = s.get_developer_count();
                (
                    (s.get_global_pool(), s.get_developer_total(), count),
                    (
                        s.get_successor(),
                        s.get_predecessor(),
                        s.get_import_cursor(),
                    ),
                    s.get_developer_balances(&0, &100)
                        .iter()
                        .map(|e| e.balance)
                        .collect(),
                    credited
                        .iter()
                        .map(|d| s.get_developer_balance(d))
                        .collect(),
                )
            })
            .collect();
        (
            settlements,
            holders.iter().map(|h| token.balance(h)).collect(),
        )
    };
    let mut models: std::vec::Vec<Model> = vec![Model::default(); N];

    // Every stored entry before the next call (a refused call must leave
    // all of them as they were).
    let mut entries = stored(env);
    for op in ops {
        macro_rules! typed {
            ($call:expr) => {{
                match $call {
                    Ok(Ok(x)) => Ok(x),
                    Err(Ok(e)) => Err(Some(e)),
                    // The USDC contract's own typed error (e.g. #10).
                    Err(Err(soroban_sdk::InvokeError::Contract(_))) => Err(None),
                    other => panic!("{op:?}: untyped failure {other:?}"),
                }
            }};
        }
        let ok = match op {
            Op::SetVault {
                on,
                vault: v,
                allowed,
            } => {
                // Sometimes a developer or a settlement is registered as a vault.
                let target = if *v % 4 == 3 { dev(*v / 4) } else { vault(*v) };
                typed!(ss[pick(*on)].try_set_vault(&p.admin, &target, allowed)).is_ok()
            }
            Op::Pay {
                on,
                vault: v,
                amount,
                to_pool,
                developer,
            } => {
                let i = pick(*on);
                let d = developer.map(dev);
                let r = typed!(ss[i].try_receive_payment(&vault(*v), amount, to_pool, &d));
                if r.is_ok() {
                    match d {
                        Some(d) => *models[i].developers.entry(d).or_default() += amount,
                        None => models[i].pool += amount,
                    }
                }
                r.is_ok()
            }
            Op::PayMany {
                on,
                vault: v,
                pool_amount,
                credits,
            } => {
                let i = pick(*on);
                let mut c = Vec::new(env);
                for (d, amount) in credits.iter().take(8) {
                    c.push_back(Payment {
                        to: dev(*d),
                        amount: *amount,
                    });
                }
                let r = typed!(ss[i].try_receive_payments(&vault(*v), pool_amount, &c));
                if r.is_ok() {
                    models[i].pool += pool_amount;
                    for credit in c.iter() {
                        *models[i].developers.entry(credit.to).or_default() += credit.amount;
                    }
                }
                r.is_ok()
            }
            Op::Withdraw {
                on,
                developer,
                amount,
            } => {
                let i = pick(*on);
                let r = typed!(ss[i].try_withdraw(&dev(*developer), amount));
                if r.is_ok() {
                    *models[i].developers.entry(dev(*developer)).or_default() -= amount;
                    if let Some(j) = p.settlements.iter().position(|s| *s == dev(*developer)) {
                        models[j].untracked += amount;
                    }
                }
                r.is_ok()
            }
            Op::DistributePool { on, to, amount } => {
                let i = pick(*on);
                let to = if *to % 7 == 6 {
                    p.stranger.clone()
                } else {
                    dev(*to)
                };
                let r = typed!(ss[i].try_distribute_pool(&p.admin, &to, amount));
                if r.is_ok() {
                    models[i].pool -= amount;
                    if let Some(j) = p.settlements.iter().position(|s| *s == to) {
                        models[j].untracked += amount;
                    }
                }
                r.is_ok()
            }
            Op::Donate { on, amount } => {
                let i = pick(*on);
                token.transfer(&p.donor, &p.settlements[i], &(*amount as i128));
                models[i].untracked += *amount as i128;
                true
            }
            Op::BookUntracked { on } => {
                let i = pick(*on);
                match typed!(ss[i].try_book_untracked(&p.admin)) {
                    Ok(amount) => {
                        assert_eq!(
                            amount, models[i].untracked,
                            "booked {amount} of settlement {i}"
                        );
                        models[i].pool += amount;
                        models[i].untracked = 0;
                        true
                    }
                    Err(e) => {
                        if e == Some(SettlementError::NothingToBook) {
                            assert_eq!(models[i].untracked, 0, "NothingToBook with untracked USDC");
                        }
                        false
                    }
                }
            }
            Op::SetPredecessor { on, predecessor } => {
                let i = pick(*on);
                let target = match predecessor % 5 {
                    3 => p.stranger.clone(),
                    4 => p.usdc.clone(),
                    j => p.settlements[j as usize].clone(),
                };
                let r = typed!(ss[i].try_set_predecessor(&p.admin, &target));
                if r.is_ok() {
                    // Accepted only for a settlement: one of the three.
                    models[i].predecessor = Some((predecessor % 5) as usize);
                }
                r.is_ok()
            }
            Op::Retire { on, to } => {
                let i = pick(*on);
                let to_addr = match to % 4 {
                    3 => p.stranger.clone(),
                    j => p.settlements[j as usize].clone(),
                };
                // Read from storage: a view here would extend the entry's TTL.
                let held = Reader::new(env, &entries, source).usdc(&p.usdc, &p.settlements[i]);
                match typed!(ss[i].try_retire(&p.admin, &to_addr)) {
                    Ok(amount) => {
                        assert_eq!(amount, held, "retire moved {amount} of {held}");
                        let j = p
                            .settlements
                            .iter()
                            .position(|s| *s == to_addr)
                            .expect("retired to a non-settlement");
                        assert_eq!(
                            models[j].predecessor,
                            Some(i),
                            "retired to a settlement that did not accept"
                        );
                        let moved = models[i].untracked;
                        models[j].untracked += moved;
                        models[i].untracked = 0;
                        models[i].successor = Some(to_addr);
                        true
                    }
                    Err(_) => false,
                }
            }
            Op::Import { on, limit } => {
                let i = pick(*on);
                let limit = *limit as u32 % 60;
                match typed!(ss[i].try_import_balances(&p.admin, &limit)) {
                    Ok(n) => {
                        let j = models[i].predecessor.expect("import without a predecessor");
                        assert_eq!(models[j].successor.as_ref(), Some(&p.settlements[i]));
                        let cursor = models[i].cursor;
                        if n > 0 {
                            for e in ss[j].get_developer_balances(&cursor, &n).iter() {
                                // An entry nobody can withdraw here (this
                                // settlement or a registered vault) is
                                // booked into the pool.
                                if e.developer == p.settlements[i] || ss[i].is_vault(&e.developer) {
                                    models[i].pool += e.balance;
                                } else {
                                    *models[i].developers.entry(e.developer).or_default() +=
                                        e.balance;
                                }
                            }
                        }
                        if !models[i].pool_imported {
                            models[i].pool_imported = true;
                            models[i].pool += ss[j].get_global_pool().total_balance;
                        }
                        models[i].cursor = cursor + n;
                        true
                    }
                    Err(_) => false,
                }
            }
            Op::Page { on, start, limit } => {
                typed!(ss[pick(*on)].try_get_developer_balances(start, limit)).is_ok()
            }
            Op::ExtendIndex { on, start, limit } => {
                typed!(ss[pick(*on)].try_extend_index(start, limit)).is_ok()
            }
            Op::NotAdmin { on, who, call } => {
                let s = &ss[pick(*on)];
                let caller = if who % 2 == 0 { vault(*who) } else { dev(*who) };
                let r = match call % 5 {
                    0 => typed!(s.try_distribute_pool(&caller, &caller, &1)).map(|_| ()),
                    1 => typed!(s.try_retire(&caller, &p.settlements[1])).map(|_| ()),
                    2 => typed!(s.try_set_vault(&caller, &caller, &true)).map(|_| ()),
                    3 => typed!(s.try_import_balances(&caller, &10)).map(|_| ()),
                    _ => typed!(s.try_book_untracked(&caller)).map(|_| ()),
                };
                assert!(r.is_err(), "{caller:?} made an admin call");
                false
            }
            Op::Advance(n) => {
                let n = *n as u32 % 20_000;
                env.ledger().with_mut(|l| {
                    l.sequence_number += n;
                    l.timestamp += 5 * n as u64;
                });
                true
            }
        };
        let before = std::mem::replace(&mut entries, stored(env));
        if !ok {
            assert!(entries == before, "{op:?} failed but changed state");
        }
        check(p, &read(&entries), total, &models, op);
    }
    assert_eq!(
        read(&entries),
        views(),
        "storage reads disagree with the views"
    );
}

/// Per settlement: (pool, developer total, count), (successor, predecessor,
/// cursor), the balances by index, the credited developers' balances; then
/// every holder's USDC.
type State = (
    std::vec::Vec<(
        (GlobalPool, i128, u32),
        (Option<Address>, Option<Address>, u32),
        std::vec::Vec<i128>,
        std::vec::Vec<i128>,
    )>,
    std::vec::Vec<i128>,
);

fn check(p: &Actors, state: &State, total: i128, models: &[Model], op: &Op) {
    let (settlements, balances) = state;
    let sum: i128 = balances.iter().sum();
    assert_eq!(sum, total, "USDC not conserved after {op:?}");
    for (i, ((pool, devs, count), (successor, _, cursor), indexed, individual)) in
        settlements.iter().enumerate()
    {
        let m = &models[i];
        let (pool, devs) = (pool.total_balance, *devs);
        assert!(pool >= 0 && devs >= 0, "negative after {op:?}");
        assert_eq!(pool, m.pool, "settlement {i} pool after {op:?}");
        let credited = p.developers.iter().chain([&p.settlements[0], &p.vaults[0]]);
        for (d, b) in credited.zip(individual) {
            assert!(*b >= 0);
            assert_eq!(
                *b,
                m.developers.get(d).copied().unwrap_or(0),
                "settlement {i} balance of {d:?} after {op:?}"
            );
        }
        assert!(*count <= 100);
        let by_page: i128 = indexed.iter().sum();
        assert_eq!(
            devs,
            individual.iter().sum::<i128>(),
            "settlement {i} developer total != sum after {op:?}"
        );
        assert_eq!(
            devs, by_page,
            "settlement {i} developer total != pages after {op:?}"
        );
        assert_eq!(
            *successor, m.successor,
            "settlement {i} successor after {op:?}"
        );
        assert_eq!(*cursor, m.cursor);
        let held = balances[p.vaults.len() + p.developers.len() + i];
        if m.successor.is_some() {
            assert_eq!(
                held, m.untracked,
                "retired settlement {i} holds {held} after {op:?}"
            );
            continue;
        }
        // The retired predecessor's balances not yet imported.
        let mut pending: i128 = 0;
        if let Some(j) = m.predecessor {
            if models[j].successor.as_ref() == Some(&p.settlements[i]) {
                if !m.pool_imported {
                    pending += settlements[j].0 .0.total_balance;
                }
                let from = (m.cursor as usize).min(settlements[j].2.len());
                pending += settlements[j].2[from..].iter().sum::<i128>();
            }
        }
        assert_eq!(
            held,
            pool + devs + m.untracked + pending,
            "settlement {i} holds {held} != pool {pool} + developers {devs} + untracked {} + pending {pending} after {op:?}",
            m.untracked
        );
    }
}
