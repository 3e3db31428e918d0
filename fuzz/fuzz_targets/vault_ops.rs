//! Structured fuzzing of a code version 3 vault (with a real settlement and a
//! Stellar Asset Contract as USDC): random sequences of every vault entry
//! point with arbitrary amounts, request ids, batches (well formed, or with
//! malformed columns), `valid_until_ledger` values (fresh, or an earlier
//! request's: a retry), spend limits, direct USDC transfers, sweeps and time
//! passing (past `MAX_REQUEST_VALIDITY`, `REQUEST_ID_TTL` and spend
//! periods). After every call:
//!
//! * a refusal is a typed contract error (never a host panic) and changes
//!   nothing;
//! * `deduct` and `batch_deduct` answer exactly what a model of their checks,
//!   in the contract's order, predicts: the error (`InvalidBatch`,
//!   `TooManyDevelopers`, `DuplicateRequest`, ...) or the new balance, and an
//!   accepted batch emits the `batch_deduct` event of its columns;
//! * request ids: a deduct's id and a batch's id (one id space) are recorded
//!   when accepted and kept `REQUEST_ID_TTL` ledgers; a deduct or batch
//!   reusing a kept id is refused with `DuplicateRequest` and moves nothing;
//!   a batch's call ids (distinct within the batch, else `DuplicateRequest`)
//!   are never recorded: a later request may use them. The vault's
//!   temporary entries are exactly the modelled ids, with the modelled
//!   live-until ledgers;
//! * USDC is conserved; the vault's tracked balance == USDC held minus the
//!   untracked USDC sent to it (modelled), and == deposits − withdrawals −
//!   charges (modelled);
//! * no request is charged twice: an identical resend (same id, same
//!   `valid_until_ledger`) never charges again, and no id is charged again
//!   while it is kept (`REQUEST_ID_TTL`);
//! * the spend window matches a model of the documented rules and never
//!   exceeds the owner's limit;
//! * the settlement holds exactly its pool plus developer balances, and its
//!   pool and each developer's balance match a model of every credit (a
//!   batch credits each developer the sum of its calls).
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
use callora_vault::{
    BatchDeduct, Config, DeductBatch, SpendLimit, SpendWindow, Vault, VaultClient, VaultError,
    MAX_BATCH_DEVELOPERS, MAX_REQUEST_ID_LEN,
};
use common::{stored, Reader, SettlementKey, Snapshot, Stored, VaultKey};
use libfuzzer_sys::fuzz_target;
use soroban_sdk::{
    testutils::{Address as _, Events as _, Ledger as _, SnapshotSource},
    token::{StellarAssetClient, TokenClient},
    xdr::ScAddress,
    Address, Env, Event as _, String, Vec,
};
use std::{collections::HashMap, rc::Rc};

type StdString = std::string::String;
type StdVec<T> = std::vec::Vec<T>;

const MINTED: i128 = 1_000_000;
const PEOPLE: usize = 4;
/// Developers besides the people (credited, never funded): with them a batch
/// can name more than `MAX_BATCH_DEVELOPERS` distinct developers.
const EXTRAS: usize = 7;
/// Developer slots: the people, the extras (the `NAMED` creditable ones),
/// then the settlement (refused by the settlement) and the vault (refused by
/// the vault).
const NAMED: usize = PEOPLE + EXTRAS;
const SETTLEMENT_SLOT: usize = NAMED;
const VAULT_SLOT: usize = NAMED + 1;
const SLOTS: usize = NAMED + 2;
const _: () = assert!(NAMED > MAX_BATCH_DEVELOPERS as usize);
/// Most calls a fuzzed batch lists (more than `MAX_BATCH_DEDUCT`).
const MAX_CALLS: usize = 110;

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
    /// To a recorded id's last kept ledger, or one or two past it.
    IdExpiry(u8),
}

/// A request id (a deduct's or a batch's: one id space), by `kind % 16`:
/// 15 the empty id (refused); 14 [`request_id`]`(n, long)`, 60..=69 bytes
/// (over 64: refused); 8..=13 an id an earlier deduct or batch sent (a
/// retry, or another request reusing it); else [`request_id`]`(n)`, 1..=8
/// bytes.
#[derive(Arbitrary, Debug, Clone, Copy)]
struct IdPick {
    n: u8,
    kind: u8,
}

/// One call of a batch.
#[derive(Arbitrary, Debug, Clone, Copy)]
struct Call {
    /// `amount - 1`: -1..=254.
    amount: u8,
    /// Its id ([`label`]): never recorded.
    label: u8,
    /// Slot of the developer credited (`None`: the pool).
    developer: Option<u8>,
}

/// How a batch's columns are built from its calls.
#[derive(Arbitrary, Debug, Clone)]
enum Shape {
    /// Each call's developer listed once, in order of first use.
    Good,
    Malformed(Malformed),
}

/// Columns a well-formed batch would not have.
#[derive(Arbitrary, Debug, Clone)]
enum Malformed {
    /// Well formed, then one column one entry short or long.
    DropAmount,
    ExtraAmount,
    DropIndex,
    ExtraIndex(u8),
    /// A call pointing past the developers.
    IndexOutOfRange {
        call: u8,
        beyond: u8,
    },
    /// A listed developer listed again.
    DuplicateDeveloper(u8),
    /// A developer listed that no call credits (or, if already listed, twice).
    UnusedDeveloper(Option<u8>),
    /// The first `count` slots (after the pool with `pool`) listed, the calls
    /// spread over them in turn: more than `MAX_BATCH_DEVELOPERS`, the vault,
    /// developers no call reaches.
    Spread {
        count: u8,
        pool: bool,
    },
    /// Columns as given.
    Raw {
        developers: StdVec<Option<u8>>,
        index: StdVec<u8>,
    },
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
        /// `amount - 1`: -1..=65534.
        amount: u16,
        id: IdPick,
        developer: Option<u8>,
        until: Until,
    },
    /// Resend an earlier deduct exactly (same id, amount, developer, validity).
    Resend {
        nth: u8,
    },
    BatchDeduct {
        id: IdPick,
        calls: StdVec<Call>,
        shape: Shape,
        until: Until,
    },
    /// Resend an earlier batch exactly (same id, columns, validity).
    ResendBatch {
        nth: u8,
    },
    AllowDepositor {
        who: u8,
        allowed: bool,
    },
    SetSpendLimit {
        /// `amount - 1` (-1..=65534, within reach of the charges) and the
        /// period.
        limit: Option<(u16, u32)>,
        by_owner: bool,
    },
    SetMinDeposit(i128),
    /// `max_deduct - 1`: -1..=65534.
    SetMaxDeduct(u16),
    SetMaxBatch(u8),
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
    ops: StdVec<Op>,
}

/// The prepared host: its ledger snapshot and its actors' addresses (as
/// XDR: an `Address` belongs to one host).
struct Prepared {
    snapshot: Snapshot,
    actors: StdVec<ScAddress>,
}

/// Every actor, on one host.
struct Actors {
    admin: Address,
    owner: Address,
    backend: Address,
    pool: Address,
    usdc: Address,
    people: StdVec<Address>,
    extras: StdVec<Address>,
    vault: Address,
    settlement: Address,
}

impl Actors {
    fn to_xdr(&self) -> StdVec<ScAddress> {
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
            .chain(self.people.iter())
            .chain(self.extras.iter()),
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
            people: a[7..7 + PEOPLE].to_vec(),
            extras: a[7 + PEOPLE..].to_vec(),
        }
    }

    /// The developer in `slot` (`< SLOTS`).
    fn slot(&self, slot: usize) -> Address {
        match slot {
            s if s < PEOPLE => self.people[s].clone(),
            s if s < NAMED => self.extras[s - PEOPLE].clone(),
            SETTLEMENT_SLOT => self.settlement.clone(),
            _ => self.vault.clone(),
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
    let people: StdVec<Address> = (0..PEOPLE).map(|_| Address::generate(&env)).collect();
    let extras: StdVec<Address> = (0..EXTRAS).map(|_| Address::generate(&env)).collect();
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
        extras,
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

/// 1..=8 bytes, or (`long`) 60..=69 bytes.
fn request_id(n: u8, long: bool) -> StdString {
    let len = if long {
        60 + (n as usize % 10)
    } else {
        1 + n as usize % 8
    };
    let mut s = StdString::with_capacity(len);
    s.push((b'a' + n % 26) as char);
    while s.len() < len {
        s.push('r');
    }
    s
}

fn pick_id(pick: IdPick, ids: &[StdString]) -> StdString {
    let IdPick { n, kind } = pick;
    match kind % 16 {
        15 => StdString::new(),
        14 => request_id(n, true),
        8..=13 if !ids.is_empty() => ids[n as usize % ids.len()].clone(),
        _ => request_id(n, false),
    }
}

/// The id of a batch's `i`th call, by `n % 32`: mostly one of its own
/// (`call<i>`, or 64 bytes ending in `i`); 24..=28 [`request_id`]`(n)`,
/// which a request may use too (call ids are never recorded) and another
/// call of the batch may repeat (refused); 30 empty and 31 65 bytes
/// (refused).
fn label(n: u8, i: usize) -> StdString {
    match n % 32 {
        24..=28 => request_id(n, false),
        29 => format!("{i:l>64}"),
        30 => StdString::new(),
        31 => "l".repeat(MAX_REQUEST_ID_LEN as usize + 1),
        _ => format!("call{i}"),
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= MAX_REQUEST_ID_LEN as usize
}

/// A batch as sent: its columns, with developers as slots.
#[derive(Clone, Debug)]
struct Batch {
    id: StdString,
    request_ids: StdVec<StdString>,
    amounts: StdVec<i128>,
    developer_index: StdVec<u32>,
    developers: StdVec<Option<usize>>,
    until: u32,
}

fn build_batch(id: StdString, calls: &[Call], shape: &Shape, until: u32) -> Batch {
    let calls = &calls[..calls.len().min(MAX_CALLS)];
    let mut b = Batch {
        id,
        request_ids: calls
            .iter()
            .enumerate()
            .map(|(i, c)| label(c.label, i))
            .collect(),
        amounts: calls.iter().map(|c| c.amount as i128 - 1).collect(),
        developer_index: StdVec::new(),
        developers: StdVec::new(),
        until,
    };
    for c in calls {
        let slot = c.developer.map(|d| d as usize % SLOTS);
        let i = match b.developers.iter().position(|d| *d == slot) {
            Some(i) => i,
            None => {
                b.developers.push(slot);
                b.developers.len() - 1
            }
        };
        b.developer_index.push(i as u32);
    }
    let Shape::Malformed(shape) = shape else {
        return b;
    };
    match shape {
        Malformed::DropAmount => {
            b.amounts.pop();
        }
        Malformed::ExtraAmount => b.amounts.push(1),
        Malformed::DropIndex => {
            b.developer_index.pop();
        }
        Malformed::ExtraIndex(i) => b.developer_index.push(*i as u32),
        Malformed::IndexOutOfRange { call, beyond } => {
            if !b.developer_index.is_empty() {
                let n = b.developer_index.len();
                b.developer_index[*call as usize % n] =
                    (b.developers.len() + *beyond as usize % 3) as u32;
            }
        }
        Malformed::DuplicateDeveloper(j) => {
            if !b.developers.is_empty() {
                let d = b.developers[*j as usize % b.developers.len()];
                b.developers.push(d);
            }
        }
        Malformed::UnusedDeveloper(d) => b.developers.push(d.map(|d| d as usize % SLOTS)),
        Malformed::Spread { count, pool } => {
            b.developers = pool
                .then_some(None)
                .into_iter()
                .chain((0..*count as usize % (SLOTS + 1)).map(Some))
                .collect();
            let n = b.developers.len().max(1);
            b.developer_index = (0..calls.len()).map(|i| (i % n) as u32).collect();
        }
        Malformed::Raw { developers, index } => {
            b.developers = developers
                .iter()
                .take(16)
                .map(|d| d.map(|d| d as usize % SLOTS))
                .collect();
            b.developer_index = if index.is_empty() {
                StdVec::new()
            } else {
                (0..calls.len())
                    .map(|i| index[i % index.len()] as u32 % 16)
                    .collect()
            };
        }
    }
    b
}

/// The contract's `DeductBatch` of a modelled batch.
fn to_contract(env: &Env, p: &Actors, b: &Batch) -> DeductBatch {
    let mut batch = DeductBatch {
        request_ids: Vec::new(env),
        amounts: Vec::new(env),
        developer_index: Vec::new(env),
        developers: Vec::new(env),
    };
    for id in &b.request_ids {
        batch.request_ids.push_back(String::from_str(env, id));
    }
    for a in &b.amounts {
        batch.amounts.push_back(*a);
    }
    for i in &b.developer_index {
        batch.developer_index.push_back(*i);
    }
    for d in &b.developers {
        batch.developers.push_back(d.map(|s| p.slot(s)));
    }
    batch
}

/// What a deduct or batch is checked against: the stored configuration and
/// the model's state before the call.
struct Ctx<'a> {
    config: &'a Config,
    backend: &'a Address,
    now: u32,
    balance: i128,
    limit: &'a Option<SpendLimit>,
    window: &'a Option<SpendWindow>,
}

/// The outcome a model predicts: `Err(None)` is another contract's typed
/// error (the settlement refusing to credit itself).
type Expect<T> = Result<T, Option<VaultError>>;

impl Ctx<'_> {
    fn caller(&self) -> Result<(), VaultError> {
        if self.config.authorized_caller.as_ref() != Some(self.backend) {
            return Err(VaultError::NotAuthorizedCaller);
        }
        Ok(())
    }

    fn destination(&self) -> Result<(), VaultError> {
        if self.config.settlement.is_none() && self.config.revenue_pool.is_none() {
            return Err(VaultError::NoDestination);
        }
        Ok(())
    }

    fn routed(&self) -> bool {
        self.config.settlement.is_some()
    }

    fn charge(&self, amount: i128) -> Result<(), VaultError> {
        if amount <= 0 {
            return Err(VaultError::InvalidAmount);
        }
        if amount > self.config.max_deduct {
            return Err(VaultError::ExceedsMaxDeduct);
        }
        Ok(())
    }

    fn admit(&self, id: &str, kept: bool) -> Result<(), VaultError> {
        if !valid_id(id) {
            return Err(VaultError::InvalidRequestId);
        }
        if kept {
            return Err(VaultError::DuplicateRequest);
        }
        Ok(())
    }

    fn validity(&self, until: u32) -> Result<(), VaultError> {
        if until < self.now {
            return Err(VaultError::RequestExpired);
        }
        if until - self.now > MAX_REQUEST_VALIDITY {
            return Err(VaultError::ValidityTooLong);
        }
        Ok(())
    }

    fn spend(&self, amount: i128) -> Result<(), VaultError> {
        let Some(l) = self.limit else {
            return Ok(());
        };
        let spent = match self.window {
            Some(w) if self.now - w.start_ledger < l.period_ledgers => w.spent,
            _ => 0,
        };
        let spent = spent.checked_add(amount).ok_or(VaultError::Overflow)?;
        if spent > l.amount {
            return Err(VaultError::SpendLimitExceeded);
        }
        Ok(())
    }

    /// `deduct`'s checks, in the contract's order.
    fn deduct(
        &self,
        amount: i128,
        id: &str,
        developer: Option<usize>,
        until: u32,
        kept: bool,
    ) -> Expect<()> {
        self.caller()?;
        self.destination()?;
        if developer == Some(VAULT_SLOT) {
            return Err(Some(VaultError::InvalidRecipient));
        }
        self.charge(amount)?;
        self.admit(id, kept)?;
        self.validity(until)?;
        if amount > self.balance {
            return Err(Some(VaultError::InsufficientBalance));
        }
        self.spend(amount)?;
        if self.routed() && developer == Some(SETTLEMENT_SLOT) {
            return Err(None);
        }
        Ok(())
    }

    /// `batch_deduct`'s checks, in the contract's order; accepted: the total
    /// and each listed developer's sum.
    fn batch(&self, b: &Batch, kept: bool) -> Expect<(i128, StdVec<i128>)> {
        use VaultError::*;
        self.caller()?;
        let calls = b.request_ids.len();
        if calls == 0 || calls > self.config.max_batch as usize {
            return Err(Some(InvalidBatchSize));
        }
        self.destination()?;
        self.admit(&b.id, kept)?;
        if b.amounts.len() != calls || b.developer_index.len() != calls {
            return Err(Some(InvalidBatch));
        }
        if b.developers.len() > MAX_BATCH_DEVELOPERS as usize + 1 {
            return Err(Some(TooManyDevelopers));
        }
        let mut named = 0;
        for (i, d) in b.developers.iter().enumerate() {
            if b.developers[..i].contains(d) {
                return Err(Some(InvalidBatch));
            }
            if d.is_some() {
                if *d == Some(VAULT_SLOT) {
                    return Err(Some(InvalidRecipient));
                }
                named += 1;
            }
        }
        if named > MAX_BATCH_DEVELOPERS {
            return Err(Some(TooManyDevelopers));
        }
        let mut balance = self.balance;
        let mut total = 0;
        let mut sums = vec![0i128; b.developers.len()];
        for i in 0..calls {
            let amount = b.amounts[i];
            self.charge(amount)?;
            if !valid_id(&b.request_ids[i]) {
                return Err(Some(InvalidRequestId));
            }
            if b.request_ids[..i].contains(&b.request_ids[i]) {
                return Err(Some(DuplicateRequest));
            }
            let index = b.developer_index[i] as usize;
            if index >= sums.len() {
                return Err(Some(InvalidBatch));
            }
            if amount > balance {
                return Err(Some(InsufficientBalance));
            }
            balance -= amount;
            total += amount;
            sums[index] += amount;
        }
        if sums.contains(&0) {
            return Err(Some(InvalidBatch));
        }
        self.validity(b.until)?;
        self.spend(total)?;
        if self.routed() && b.developers.contains(&Some(SETTLEMENT_SLOT)) {
            return Err(None);
        }
        Ok((total, sums))
    }
}

/// The vault's balance, spend limit and window; the settlement's pool,
/// developer total and each named developer's balance; every holder's USDC.
type Read = (
    i128,
    Option<SpendLimit>,
    Option<SpendWindow>,
    i128,
    i128,
    StdVec<i128>,
    StdVec<i128>,
);

/// A deduct as sent, for resends.
#[derive(Clone, Debug)]
struct Sent {
    amount: i128,
    id: StdString,
    developer: Option<usize>,
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
    let holders: StdVec<Address> = [
        p.owner.clone(),
        p.pool.clone(),
        p.vault.clone(),
        p.settlement.clone(),
    ]
    .into_iter()
    .chain(p.people.iter().cloned())
    .collect();
    let named: StdVec<Address> = (0..NAMED).map(|i| p.slot(i)).collect();
    let person = |n: u8| p.people[n as usize % PEOPLE].clone();
    // Recipients include the vault and the settlement: both refused.
    let recipient = |n: u8| match n % 6 {
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
            named
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
            named.iter().map(|d| s.get_developer_balance(d)).collect(),
            holders.iter().map(|h| token.balance(h)).collect(),
        )
    };
    // The model.
    let mut untracked: i128 = 0;
    // USDC the owner sent to the settlement (withdraw_to, sweep): untracked there.
    let mut s_untracked: i128 = 0;
    let mut tracked: i128 = initial;
    // The settlement's pool and each named developer's balance.
    let mut pool_model: i128 = 0;
    let mut developers = vec![0i128; NAMED];
    let mut charged: HashMap<(StdString, u32), u32> = HashMap::new();
    let mut last_charge: HashMap<StdString, u32> = HashMap::new();
    // Recorded request ids (deducts' and batches'): the ledger each was
    // recorded at, kept through `at + REQUEST_ID_TTL`; in order, for picking.
    let mut recorded: HashMap<StdString, u32> = HashMap::new();
    let mut recorded_order: StdVec<StdString> = StdVec::new();
    // Every id a deduct or batch sent (accepted or not).
    let mut ids: StdVec<StdString> = StdVec::new();
    let mut sent: StdVec<Sent> = StdVec::new();
    let mut batches: StdVec<Batch> = StdVec::new();
    let mut untils: StdVec<u32> = StdVec::new();
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
        let kept = |id: &str| {
            recorded
                .get(id)
                .is_some_and(|at| now <= at + REQUEST_ID_TTL)
        };
        let config = || -> Config {
            Reader::new(env, &entries, source)
                .instance(&p.vault, &VaultKey::Config)
                .expect("no vault config")
        };
        // Charges (id, until, amount) of an accepted deduct or batch, and
        // the settlement credits they make when routed there (slot, amount).
        let mut charges: StdVec<(StdString, u32, i128)> = StdVec::new();
        let mut credits: StdVec<(Option<usize>, i128)> = StdVec::new();
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
                let r = typed!(v.try_withdraw_to(&recipient(*to), amount));
                if r.is_ok() {
                    tracked -= amount;
                    if recipient(*to) == p.settlement {
                        s_untracked += amount;
                    }
                }
                r.is_ok()
            }
            Op::Sweep { to } => match typed!(v.try_sweep(&recipient(*to))) {
                Ok(amount) => {
                    assert_eq!(amount, untracked, "swept {amount}, untracked {untracked}");
                    untracked = 0;
                    if recipient(*to) == p.settlement {
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
            Op::Deduct { .. } | Op::Resend { .. } => {
                let item = match op {
                    Op::Deduct {
                        amount,
                        id,
                        developer,
                        until,
                    } => {
                        let until = pick_until(*until, now, &untils);
                        untils.push(until);
                        let item = Sent {
                            amount: *amount as i128 - 1,
                            id: pick_id(*id, &ids),
                            developer: developer.map(|d| d as usize % SLOTS),
                            until,
                        };
                        ids.push(item.id.clone());
                        sent.push(item.clone());
                        item
                    }
                    Op::Resend { nth } if !sent.is_empty() => {
                        sent[*nth as usize % sent.len()].clone()
                    }
                    _ => continue,
                };
                let config = config();
                let ctx = Ctx {
                    config: &config,
                    backend: &p.backend,
                    now,
                    balance: tracked,
                    limit: &limit,
                    window: &window,
                };
                let expected = ctx.deduct(
                    item.amount,
                    &item.id,
                    item.developer,
                    item.until,
                    kept(&item.id),
                );
                let r = typed!(v.try_deduct(
                    &p.backend,
                    &item.amount,
                    &String::from_str(env, &item.id),
                    &item.developer.map(|s| p.slot(s)),
                    &item.until
                ));
                match (&r, &expected) {
                    (Ok(balance), Ok(())) => assert_eq!(
                        *balance,
                        tracked - item.amount,
                        "{op:?} ({item:?}): returned balance"
                    ),
                    (Err(e), Err(x)) if e == x => {}
                    _ => panic!("{op:?} ({item:?}): got {r:?}, the model expected {expected:?}"),
                }
                if r.is_ok() {
                    charges.push((item.id.clone(), item.until, item.amount));
                    if config.settlement.is_some() {
                        credits.push((item.developer, item.amount));
                    }
                }
                r.is_ok()
            }
            Op::BatchDeduct { .. } | Op::ResendBatch { .. } => {
                let b = match op {
                    Op::BatchDeduct {
                        id,
                        calls,
                        shape,
                        until,
                    } => {
                        let until = pick_until(*until, now, &untils);
                        untils.push(until);
                        let b = build_batch(pick_id(*id, &ids), calls, shape, until);
                        ids.push(b.id.clone());
                        // A call's id, for a later request to use.
                        ids.extend(b.request_ids.first().cloned());
                        batches.push(b.clone());
                        b
                    }
                    Op::ResendBatch { nth } if !batches.is_empty() => {
                        batches[*nth as usize % batches.len()].clone()
                    }
                    _ => continue,
                };
                let config = config();
                let ctx = Ctx {
                    config: &config,
                    backend: &p.backend,
                    now,
                    balance: tracked,
                    limit: &limit,
                    window: &window,
                };
                let expected = ctx.batch(&b, kept(&b.id));
                let batch = to_contract(env, p, &b);
                let id = String::from_str(env, &b.id);
                let r = typed!(v.try_batch_deduct(&p.backend, &id, &batch, &b.until));
                match (&r, &expected) {
                    (Ok(balance), Ok((sum, _))) => {
                        assert_eq!(*balance, tracked - sum, "{op:?} ({b:?}): returned balance");
                        // One event, with the batch's id and its columns.
                        let event = BatchDeduct {
                            request_id: id.clone(),
                            request_ids: batch.request_ids.clone(),
                            amounts: batch.amounts.clone(),
                            developer_index: batch.developer_index.clone(),
                            developers: batch.developers.clone(),
                            total: *sum,
                            balance: *balance,
                        };
                        assert!(
                            env.events().all().filter_by_contract(&p.vault)
                                == [event.to_xdr(env, &p.vault)],
                            "{op:?} ({b:?}): events {:?}",
                            env.events().all().filter_by_contract(&p.vault)
                        );
                    }
                    (Err(e), Err(x)) if e == x => {}
                    _ => panic!("{op:?} ({b:?}): got {r:?}, the model expected {expected:?}"),
                }
                if let (Ok(_), Ok((sum, sums))) = (&r, &expected) {
                    charges.push((b.id.clone(), b.until, *sum));
                    if config.settlement.is_some() {
                        credits.extend(b.developers.iter().copied().zip(sums.iter().copied()));
                    }
                }
                r.is_ok()
            }
            Op::AllowDepositor { who, allowed } => {
                typed!(v.try_set_allowed_depositor(&p.owner, &person(*who), allowed)).is_ok()
            }
            Op::SetSpendLimit { limit: l, by_owner } => {
                let new = l.map(|(amount, period)| SpendLimit {
                    amount: amount as i128 - 1,
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
            Op::SetMaxDeduct(x) => {
                typed!(v.try_set_max_deduct(&p.admin, &(*x as i128 - 1))).is_ok()
            }
            Op::SetMaxBatch(x) => typed!(v.try_set_max_batch(&p.admin, &(*x as u32))).is_ok(),
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
            } => {
                let r = typed!(s.try_withdraw(&person(*d), amount));
                if r.is_ok() {
                    developers[*d as usize % PEOPLE] -= amount;
                }
                r.is_ok()
            }
            Op::DistributePool {
                developer: d,
                amount,
            } => {
                let r = typed!(s.try_distribute_pool(&p.admin, &person(*d), amount));
                if r.is_ok() {
                    pool_model -= amount;
                }
                r.is_ok()
            }
            Op::BookUntracked => match typed!(s.try_book_untracked(&p.admin)) {
                Ok(amount) => {
                    assert_eq!(
                        amount, s_untracked,
                        "booked {amount}, untracked {s_untracked}"
                    );
                    s_untracked = 0;
                    pool_model += amount;
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
                    Advance::IdExpiry(k) => match recorded_order.len() {
                        0 => 0,
                        len => {
                            let at = recorded[&recorded_order[*k as usize % len]];
                            (at + REQUEST_ID_TTL + *k as u32 % 3).saturating_sub(now)
                        }
                    },
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
        // No request charged twice; the charged id recorded.
        for (id, until, _) in &charges {
            assert!(
                charged.insert((id.clone(), *until), now).is_none(),
                "request {id} (valid until {until}) charged twice, at {now}"
            );
            if let Some(at) = last_charge.insert(id.clone(), now) {
                assert!(
                    now > at + REQUEST_ID_TTL,
                    "id {id} charged at {at} and again at {now}"
                );
            }
            if recorded.insert(id.clone(), now).is_none() {
                recorded_order.push(id.clone());
            }
        }
        tracked -= charged_now;
        for (slot, amount) in credits {
            match slot {
                None => pool_model += amount,
                Some(s) => developers[s] += amount,
            }
        }

        let before = std::mem::replace(&mut entries, stored(env));
        if !ok {
            assert!(entries == before, "{op:?} failed but changed state");
        }
        // The vault's request ids: exactly the modelled ones kept (the
        // batches' call ids never), each live through its modelled ledger.
        let now = env.ledger().sequence();
        let mut held: StdVec<(StdString, u32)> = Reader::new(env, &entries, source)
            .temporary::<VaultKey>(&p.vault)
            .into_iter()
            .filter_map(|(k, live)| {
                let VaultKey::Request(id) = k else {
                    panic!("a temporary vault entry that is not a request id")
                };
                let live = live.expect("a temporary entry without TTL");
                (live >= now).then(|| (id.to_string(), live))
            })
            .collect();
        held.sort();
        let mut model: StdVec<(StdString, u32)> = recorded
            .iter()
            .filter(|(_, at)| now <= **at + REQUEST_ID_TTL)
            .map(|(id, at)| (id.clone(), at + REQUEST_ID_TTL))
            .collect();
        model.sort();
        assert_eq!(held, model, "stored request ids after {op:?} at {now}");

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
        assert_eq!(*pool_total, pool_model, "settlement pool after {op:?}");
        assert_eq!(*individual, developers, "developer balances after {op:?}");
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
