//! Property tests on the built WASMs: random sequences of deposits, deducts
//! (single and batch, with repeated request ids), withdrawals, settlement
//! payments, developer withdrawals, pool distributions, pauses, admin
//! handovers and in-place upgrades + migrations (code version 1 → current),
//! across several vaults. After every step:
//!
//! * USDC is conserved: the sum over every holder equals what was minted;
//! * every vault's tracked balance equals the USDC it holds;
//! * the settlement holds exactly its pool plus the sum of developer
//!   balances, and that sum matches the developers' individual balances;
//! * no balance is ever negative;
//! * a call that fails changes nothing (every view and balance).
//!
//! Failures shrink to a minimal sequence; proptest records it under
//! `proptest-regressions/` (committed, replayed first on every run).
extern crate std;

use crate::{
    wasm::{revenue_pool, settlement, v1, vault},
    world::World,
};
use proptest::prelude::*;
use soroban_sdk::{testutils::Address as _, Address, Vec};
use std::{format, string::String, vec::Vec as StdVec};

const VAULTS: usize = 3;
const DEVELOPERS: usize = 4;
const MINTED_PER_OWNER: i128 = 1_000_000;

#[derive(Clone, Debug)]
enum Op {
    Deposit {
        vault: usize,
        amount: i128,
    },
    Deduct {
        vault: usize,
        amount: i128,
        request: u8,
        developer: Option<usize>,
    },
    BatchDeduct {
        vault: usize,
        items: StdVec<(i128, u8, Option<usize>)>,
    },
    Withdraw {
        vault: usize,
        amount: i128,
    },
    DeveloperWithdraw {
        developer: usize,
        amount: i128,
    },
    DistributePool {
        developer: usize,
        amount: i128,
    },
    PoolDistribute {
        developer: usize,
        amount: i128,
    },
    Pause {
        vault: usize,
    },
    Unpause {
        vault: usize,
    },
    /// Propose the vault admin to `to`, then accept as `by` (may be wrong).
    Handover {
        vault: usize,
        to: usize,
        by: usize,
    },
    /// Upgrade in place to the current build and migrate: 0..3 a vault,
    /// 3 the settlement, 4 the revenue pool.
    Upgrade {
        target: usize,
    },
}

fn amount() -> impl Strategy<Value = i128> {
    prop_oneof![
        8 => 1i128..5_000,
        1 => Just(0i128),
        1 => -100i128..0,
        1 => Just(i128::MAX),
        1 => 50_000i128..2_000_000,
    ]
}

fn op() -> impl Strategy<Value = Op> {
    let vault = 0..VAULTS;
    let dev = 0..DEVELOPERS;
    prop_oneof![
        4 => (vault.clone(), amount()).prop_map(|(vault, amount)| Op::Deposit { vault, amount }),
        6 => (vault.clone(), amount(), 0u8..24, proptest::option::of(dev.clone()))
            .prop_map(|(vault, amount, request, developer)| Op::Deduct { vault, amount, request, developer }),
        3 => (vault.clone(), proptest::collection::vec((amount(), 0u8..24, proptest::option::of(dev.clone())), 0..6))
            .prop_map(|(vault, items)| Op::BatchDeduct { vault, items }),
        2 => (vault.clone(), amount()).prop_map(|(vault, amount)| Op::Withdraw { vault, amount }),
        2 => (dev.clone(), amount()).prop_map(|(developer, amount)| Op::DeveloperWithdraw { developer, amount }),
        1 => (dev.clone(), amount()).prop_map(|(developer, amount)| Op::DistributePool { developer, amount }),
        1 => (dev.clone(), amount()).prop_map(|(developer, amount)| Op::PoolDistribute { developer, amount }),
        1 => vault.clone().prop_map(|vault| Op::Pause { vault }),
        1 => vault.clone().prop_map(|vault| Op::Unpause { vault }),
        1 => (vault.clone(), 0..3usize, 0..3usize).prop_map(|(vault, to, by)| Op::Handover { vault, to, by }),
        1 => (0..5usize).prop_map(|target| Op::Upgrade { target }),
    ]
}

struct Sim {
    w: World,
    settlement: settlement::Client<'static>,
    pool: revenue_pool::Client<'static>,
    vaults: StdVec<vault::Client<'static>>,
    owners: StdVec<Address>,
    /// Current admin of each vault, and the candidates handed over to.
    admins: StdVec<Address>,
    candidates: StdVec<Address>,
    developers: StdVec<Address>,
    upgraded: [bool; VAULTS + 2],
    minted: i128,
}

impl Sim {
    /// A settlement, a revenue pool and three vaults (two paying the
    /// settlement, one the pool); `current[i]` says whether contract `i`
    /// (vaults 0..3, settlement 3, pool 4) starts at the current build or at
    /// code version 1 (upgraded in place by an `Upgrade` step).
    fn new(current: [bool; VAULTS + 2]) -> Sim {
        let w = World::new();
        let env = &w.env;
        let pick =
            |i: usize, now: &'static [u8], old: &'static [u8]| if current[i] { now } else { old };
        let s_id = env.register(
            pick(3, settlement::WASM, v1::settlement::WASM),
            (w.admin.clone(), w.usdc.clone(), None::<Address>),
        );
        let p_id = env.register(
            pick(4, revenue_pool::WASM, v1::revenue_pool::WASM),
            (w.admin.clone(), w.usdc.clone()),
        );
        let settlement = settlement::Client::new(env, &s_id);
        let pool = revenue_pool::Client::new(env, &p_id);
        let (mut vaults, mut owners) = (StdVec::new(), StdVec::new());
        for i in 0..VAULTS {
            let owner = Address::generate(env);
            w.sac.mint(&owner, &MINTED_PER_OWNER);
            let none: Option<i128> = None;
            let id = env.register(
                pick(i, vault::WASM, v1::vault::WASM),
                (
                    owner.clone(),
                    w.usdc.clone(),
                    none,
                    Some(w.backend.clone()),
                    none,
                    Some(p_id.clone()),
                    Some(1_000_000i128),
                ),
            );
            let v = vault::Client::new(env, &id);
            if i < 2 {
                settlement.set_vault(&w.admin, &id, &true);
                v.set_settlement(&owner, &Some(s_id.clone()));
            }
            vaults.push(v);
            owners.push(owner);
        }
        let developers = (0..DEVELOPERS).map(|_| Address::generate(env)).collect();
        let candidates = (0..3).map(|_| Address::generate(env)).collect();
        Sim {
            admins: owners.clone(),
            settlement,
            pool,
            vaults,
            owners,
            candidates,
            developers,
            upgraded: current,
            minted: MINTED_PER_OWNER * VAULTS as i128,
            w,
        }
    }

    fn holders(&self) -> StdVec<Address> {
        let mut h: StdVec<Address> = self.owners.clone();
        h.extend(self.developers.iter().cloned());
        h.extend(self.vaults.iter().map(|v| v.address.clone()));
        h.push(self.settlement.address.clone());
        h.push(self.pool.address.clone());
        h
    }

    /// Every view and balance; equal before and after a failed call.
    fn fingerprint(&self) -> String {
        let balances: StdVec<i128> = self.holders().iter().map(|a| self.w.balance(a)).collect();
        let vaults: StdVec<String> = self
            .vaults
            .iter()
            .map(|v| {
                format!(
                    "{:?}/{}/{:?}/{}",
                    v.get_meta(),
                    v.is_paused(),
                    v.get_admin(),
                    v.version()
                )
            })
            .collect();
        let devs: StdVec<i128> = self
            .developers
            .iter()
            .map(|d| self.settlement.get_developer_balance(d))
            .collect();
        format!(
            "{balances:?} {vaults:?} {devs:?} {:?} {} {}",
            self.settlement.get_global_pool().total_balance,
            self.settlement.get_developer_total(),
            self.settlement.version()
        )
    }

    fn check_invariants(&self) -> Result<(), String> {
        let total: i128 = self.holders().iter().map(|a| self.w.balance(a)).sum();
        if total != self.minted {
            return Err(format!("USDC not conserved: {total} != {}", self.minted));
        }
        for (i, v) in self.vaults.iter().enumerate() {
            let (tracked, held) = (v.balance(), self.w.balance(&v.address));
            if tracked != held || tracked < 0 {
                return Err(format!("vault {i}: tracked {tracked}, held {held}"));
            }
        }
        let devs: StdVec<i128> = self
            .developers
            .iter()
            .map(|d| self.settlement.get_developer_balance(d))
            .collect();
        if devs.iter().any(|b| *b < 0) {
            return Err(format!("negative developer balance {devs:?}"));
        }
        let dev_total = self.settlement.get_developer_total();
        if dev_total != devs.iter().sum::<i128>() {
            return Err(format!("developer total {dev_total} != sum {devs:?}"));
        }
        let pool = self.settlement.get_global_pool().total_balance;
        let held = self.w.balance(&self.settlement.address);
        if pool < 0 || held != pool + dev_total {
            return Err(format!(
                "settlement holds {held} != pool {pool} + developers {dev_total}"
            ));
        }
        Ok(())
    }

    fn request(&self, n: u8) -> soroban_sdk::String {
        self.w.s(&format!("req-{n}"))
    }

    /// Applies `op`; `Ok(true)` if the contract accepted it.
    fn apply(&mut self, op: &Op) -> bool {
        let w = &self.w;
        let ok = |r: bool| r;
        match op.clone() {
            Op::Deposit { vault, amount } => ok(self.vaults[vault]
                .try_deposit(&self.owners[vault], &amount)
                .is_ok()),
            Op::Deduct {
                vault,
                amount,
                request,
                developer,
            } => ok(self.vaults[vault]
                .try_deduct(
                    &w.backend,
                    &amount,
                    &self.request(request),
                    &developer.map(|d| self.developers[d].clone()),
                    &w.until(),
                )
                .is_ok()),
            Op::BatchDeduct { vault, items } => {
                let mut batch = Vec::new(&w.env);
                for (amount, request, developer) in items {
                    batch.push_back(vault::DeductItem {
                        amount,
                        request_id: self.request(request),
                        developer: developer.map(|d| self.developers[d].clone()),
                    });
                }
                ok(self.vaults[vault]
                    .try_batch_deduct(&w.backend, &batch, &w.until())
                    .is_ok())
            }
            Op::Withdraw { vault, amount } => ok(self.vaults[vault].try_withdraw(&amount).is_ok()),
            Op::DeveloperWithdraw { developer, amount } => ok(self
                .settlement
                .try_withdraw(&self.developers[developer], &amount)
                .is_ok()),
            Op::DistributePool { developer, amount } => ok(self
                .settlement
                .try_distribute_pool(
                    &self.settlement.get_admin(),
                    &self.developers[developer],
                    &amount,
                )
                .is_ok()),
            Op::PoolDistribute { developer, amount } => ok(self
                .pool
                .try_distribute(&w.admin, &self.developers[developer], &amount)
                .is_ok()),
            Op::Pause { vault } => ok(self.vaults[vault].try_pause(&self.admins[vault]).is_ok()),
            Op::Unpause { vault } => {
                ok(self.vaults[vault].try_unpause(&self.admins[vault]).is_ok())
            }
            Op::Handover { vault, to, by } => {
                let v = &self.vaults[vault];
                let until = w.env.ledger().sequence() + 100;
                if v.try_set_admin(&self.admins[vault], &self.candidates[to], &until)
                    .is_err()
                {
                    return false;
                }
                let accepted = v.try_accept_admin(&self.candidates[by]).is_ok();
                if accepted {
                    self.admins[vault] = self.candidates[by].clone();
                }
                accepted
            }
            Op::Upgrade { target } => {
                if self.upgraded[target] {
                    return false;
                }
                let env = &w.env;
                match target {
                    0..=2 => {
                        let v = &self.vaults[target];
                        let hash = env.deployer().upload_contract_wasm(vault::WASM);
                        v.upgrade(&self.admins[target], &hash);
                        v.migrate(&self.admins[target]);
                    }
                    3 => {
                        let hash = env.deployer().upload_contract_wasm(settlement::WASM);
                        self.settlement.upgrade(&w.admin, &hash);
                    }
                    _ => {
                        let hash = env.deployer().upload_contract_wasm(revenue_pool::WASM);
                        self.pool.upgrade(&w.admin, &hash);
                    }
                }
                self.upgraded[target] = true;
                true
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        max_shrink_iters: 512,
        ..ProptestConfig::default()
    })]

    #[test]
    fn invariants_hold_under_random_operation_sequences(
        current in proptest::array::uniform5(any::<bool>()),
        ops in proptest::collection::vec(op(), 1..24),
    ) {
        let mut sim = Sim::new(current);
        sim.check_invariants().map_err(TestCaseError::fail)?;
        for (step, op) in ops.iter().enumerate() {
            let before = sim.fingerprint();
            let accepted = sim.apply(op);
            if !accepted {
                prop_assert_eq!(&sim.fingerprint(), &before, "step {} {:?} failed but changed state", step, op);
            }
            sim.check_invariants()
                .map_err(|e| TestCaseError::fail(format!("after step {step} {op:?}: {e}")))?;
        }
    }
}
