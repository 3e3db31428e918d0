//! The security review of code version 2, finding by finding, on the built
//! WASMs: each test first replays the attack against the frozen v2 WASMs
//! (`fixtures/v2`) and shows the loss, then runs it against the current
//! build and shows the refusal with its exact error and nothing moved.
extern crate std;

use crate::{
    wasm::{settlement, v2, vault},
    world::{vault_args, World},
};
use callora_types::ttl::{DAY_IN_LEDGERS, MAX_REQUEST_VALIDITY, REQUEST_ID_TTL};
use soroban_sdk::{
    testutils::{Address as _, Ledger as _},
    vec, Address, Env, Vec,
};

use settlement::SettlementError as S;
use vault::VaultError as V;

fn advance(env: &Env, ledgers: u32) {
    env.ledger().with_mut(|l| {
        l.sequence_number += ledgers;
        l.timestamp += 5 * ledgers as u64;
    });
}

/// A v2 vault as v2 shipped it: the admin defaults to the owner.
fn v2_vault(w: &World, owner: &Address, pool: &Address) -> v2::vault::Client<'static> {
    let none: Option<i128> = None;
    let id = w.env.register(
        v2::vault::WASM,
        (
            owner.clone(),
            w.usdc.clone(),
            none,
            Some(w.backend.clone()),
            none,
            Some(pool.clone()),
            none,
        ),
    );
    v2::vault::Client::new(&w.env, &id)
}

/// Finding 1: on v2 the owner (default admin) re-points deducts at itself
/// and the backend's deduct "succeeds" while the USDC comes back. On v3 the
/// admin is the operator named at construction, as shipped.
#[test]
fn f1_owner_cannot_route_deducts_back_to_itself() {
    let w = World::new();
    let owner = Address::generate(&w.env);
    w.sac.mint(&owner, &1_000);
    let old = v2_vault(&w, &owner, &w.pool.address);
    old.deposit(&owner, &1_000);
    old.set_revenue_pool(&owner, &Some(owner.clone()));
    old.deduct(&w.backend, &100, &w.s("r1"), &None);
    assert_eq!(w.balance(&owner), 100, "v2: the deducted USDC went back");
    assert_eq!(w.balance(&w.pool.address), 0);

    let c = w.consumer(1_000, false);
    assert_eq!(
        c.vault.get_admin(),
        w.admin,
        "v3: the operator is the admin"
    );
    c.vault.deposit(&c.owner, &1_000);
    let mine = Some(c.owner.clone());
    assert_eq!(
        c.vault.try_set_revenue_pool(&c.owner, &mine),
        Err(Ok(V::NotAdmin))
    );
    assert_eq!(
        c.vault.try_set_settlement(&c.owner, &None),
        Err(Ok(V::NotAdmin))
    );
    assert_eq!(
        c.vault.try_set_authorized_caller(&c.owner, &mine),
        Err(Ok(V::NotAdmin))
    );
    // The owner cannot become the admin either.
    let owner_admin = vault_args(&c.owner, &c.owner, &w.usdc, None, None);
    let refused = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        w.env.register(vault::WASM, owner_admin)
    }));
    assert!(refused.is_err(), "constructor with admin = owner must fail");
    c.vault
        .deduct(&w.backend, &100, &w.s("r1"), &None, &w.until());
    assert_eq!(w.balance(&c.owner), 0);
    assert_eq!(w.balance(&w.pool.address), 100);
}

/// Finding 2: with every operator key (admin and backend) the attacker on
/// v2 takes the whole balance; on v3 at most twice the owner's spend limit
/// in any period, and it cannot upgrade the code without the owner.
#[test]
fn f2_stolen_operator_keys_take_at_most_the_spend_limit() {
    let w = World::new();
    let thief = Address::generate(&w.env);
    let v3_thief = Address::generate(&w.env);

    // v2: the operator holds the admin (handed over), the thief both keys.
    let owner = Address::generate(&w.env);
    w.sac.mint(&owner, &10_000);
    let old = v2_vault(&w, &owner, &w.pool.address);
    old.deposit(&owner, &10_000);
    old.set_admin(&owner, &w.admin, &2_000);
    old.accept_admin(&w.admin);
    old.set_authorized_caller(&w.admin, &Some(thief.clone()));
    old.set_revenue_pool(&w.admin, &Some(thief.clone()));
    old.deduct(&thief, &10_000, &w.s("all"), &None);
    assert_eq!(w.balance(&thief), 10_000, "v2: everything taken");

    // v3: the owner set 100 per day.
    let c = w.consumer(10_000, false);
    let v = &c.vault;
    v.deposit(&c.owner, &10_000);
    let limit = vault::SpendLimit {
        amount: 100,
        period_ledgers: DAY_IN_LEDGERS,
    };
    v.set_spend_limit(&c.owner, &Some(limit.clone()));
    v.set_authorized_caller(&w.admin, &Some(v3_thief.clone()));
    v.set_revenue_pool(&w.admin, &Some(v3_thief.clone()));
    let mut taken = 0;
    let mut n = 0;
    // A day and a half of trying every hour: two windows, 100 each.
    for _ in 0..36 {
        for amount in [100i128, 60, 1] {
            n += 1;
            let id = w.s(&std::format!("steal-{n}"));
            if v.try_deduct(&v3_thief, &amount, &id, &None, &w.until())
                .is_ok()
            {
                taken += amount;
            }
        }
        advance(&w.env, DAY_IN_LEDGERS / 24);
    }
    assert_eq!(taken, 200, "two windows of 100");
    assert_eq!(w.balance(&v3_thief), 200);
    assert_eq!(
        v.try_deduct(&v3_thief, &1, &w.s("one-more"), &None, &w.until()),
        Err(Ok(V::SpendLimitExceeded))
    );
    // Only the owner changes the limit; the code cannot change without it.
    assert_eq!(v.try_set_spend_limit(&w.admin, &None), Err(Ok(V::NotOwner)));
    let hash = w.env.deployer().upload_contract_wasm(v2::vault::WASM);
    w.env.mock_auths(&[]);
    let refused = v.try_upgrade(&w.admin, &hash);
    assert!(matches!(&refused, Err(Err(_))), "{refused:?}");
    assert!(crate::world::refused_for_auth(
        &w.env,
        &soroban_sdk::Error::from_type_and_code(
            soroban_sdk::xdr::ScErrorType::Context,
            soroban_sdk::xdr::ScErrorCode::InvalidAction,
        )
    ));
    w.env.mock_all_auths();
    // The owner takes the rest out.
    assert_eq!(v.withdraw(&9_800), 0);
    assert_eq!(w.balance(&c.owner), 9_800);
}

/// Finding 6: on v2 a request id is forgotten after a day and a retry
/// charges again; on v3 a retry of the same request (same id, same
/// `valid_until_ledger`) is refused at any time.
#[test]
fn f6_a_retry_never_charges_twice() {
    let w = World::new();
    let owner = Address::generate(&w.env);
    w.sac.mint(&owner, &1_000);
    let old = v2_vault(&w, &owner, &w.pool.address);
    old.deposit(&owner, &1_000);
    old.deduct(&w.backend, &10, &w.s("req"), &None);
    advance(&w.env, REQUEST_ID_TTL + 1);
    assert!(!old.is_request_processed(&w.s("req")));
    old.deduct(&w.backend, &10, &w.s("req"), &None);
    assert_eq!(old.balance(), 980, "v2: charged twice");

    let c = w.consumer(1_000, false);
    let v = &c.vault;
    v.deposit(&c.owner, &1_000);
    let until = w.until();
    v.deduct(&w.backend, &10, &w.s("req"), &None, &until);
    // Retried before, at and after `valid_until_ledger`, and after the id
    // expired: never a second charge.
    for step in [0, until - w.env.ledger().sequence(), 1, REQUEST_ID_TTL, 1] {
        advance(&w.env, step);
        let retry = v.try_deduct(&w.backend, &10, &w.s("req"), &None, &until);
        assert!(
            retry == Err(Ok(V::DuplicateRequest)) || retry == Err(Ok(V::RequestExpired)),
            "{retry:?}"
        );
        assert_eq!(v.balance(), 990);
    }
    // The window a request may be valid for never outlasts its id.
    let now = w.env.ledger().sequence();
    assert_eq!(
        v.try_deduct(
            &w.backend,
            &10,
            &w.s("far"),
            &None,
            &(now + MAX_REQUEST_VALIDITY + 1)
        ),
        Err(Ok(V::ValidityTooLong))
    );
    assert_eq!(
        v.try_batch_deduct(
            &w.backend,
            &w.s("late-batch"),
            &crate::world::columns(&w.env, &[(1, "late", None)]),
            &(now - 1)
        ),
        Err(Ok(V::RequestExpired))
    );
}

/// Finding 5: on v2 `retire` sends every developer's balance to any
/// address; on v3 only to a settlement on the same token that named this
/// one as its predecessor.
#[test]
fn f5_retire_only_to_a_successor_that_agreed() {
    let w = World::new();
    let thief = Address::generate(&w.env);
    let dev = Address::generate(&w.env);
    let old_id = w.env.register(
        v2::settlement::WASM,
        (w.admin.clone(), w.usdc.clone(), None::<Address>),
    );
    let old = v2::settlement::Client::new(&w.env, &old_id);
    let vault_id = Address::generate(&w.env);
    old.set_vault(&w.admin, &vault_id, &true);
    w.sac.mint(&vault_id, &500);
    old.receive_payment(&vault_id, &500, &false, &Some(dev.clone()));
    old.retire(&w.admin, &thief);
    assert_eq!(
        w.balance(&thief),
        500,
        "v2: the developer's balance went anywhere"
    );

    let s = &w.settlement;
    let c = w.consumer(1_000, true);
    c.vault.deposit(&c.owner, &1_000);
    c.vault
        .deduct(&w.backend, &500, &w.s("r"), &Some(dev.clone()), &w.until());
    assert_eq!(
        s.try_retire(&w.admin, &thief),
        Err(Ok(S::SuccessorNotAccepted))
    );
    // A real settlement that has not named this one is refused too.
    let other_id = w.env.register(
        settlement::WASM,
        (w.admin.clone(), w.usdc.clone(), None::<Address>),
    );
    assert_eq!(
        s.try_retire(&w.admin, &other_id),
        Err(Ok(S::SuccessorNotAccepted))
    );
    assert_eq!(w.balance(&s.address), 500);
    assert_eq!(s.get_successor(), None);
    // Once the successor names it, retire moves the USDC there.
    let next = settlement::Client::new(&w.env, &other_id);
    next.set_predecessor(&w.admin, &s.address);
    assert_eq!(s.retire(&w.admin, &other_id), 500);
    assert_eq!(w.balance(&other_id), 500);
}

/// Finding 4: on v2 an import page retried after a time-out books twice;
/// on v3 the successor pulls each predecessor entry exactly once, however
/// often the operator retries.
#[test]
fn f4_an_import_retried_after_a_time_out_books_nothing_twice() {
    let w = World::new();
    let devs: Vec<Address> = Vec::from_array(
        &w.env,
        [
            Address::generate(&w.env),
            Address::generate(&w.env),
            Address::generate(&w.env),
        ],
    );

    // v2: a successor importing the same page twice.
    let next_id = w.env.register(
        v2::settlement::WASM,
        (w.admin.clone(), w.usdc.clone(), None::<Address>),
    );
    let next = v2::settlement::Client::new(&w.env, &next_id);
    w.sac.mint(&next_id, &600);
    let page = vec![
        &w.env,
        v2::settlement::DeveloperBalance {
            developer: devs.get_unchecked(0),
            balance: 100,
        },
    ];
    next.import_balances(&w.admin, &page, &0);
    next.import_balances(&w.admin, &page, &0);
    assert_eq!(
        next.get_developer_balance(&devs.get_unchecked(0)),
        200,
        "v2: booked twice"
    );

    // v3: three developers credited on the old settlement, 40 in its pool.
    let s = &w.settlement;
    let c = w.consumer(10_000, true);
    c.vault.deposit(&c.owner, &10_000);
    for (i, dev) in devs.iter().enumerate() {
        let id = w.s(&std::format!("r{i}"));
        c.vault.deduct(
            &w.backend,
            &(100 * (i as i128 + 1)),
            &id,
            &Some(dev),
            &w.until(),
        );
    }
    c.vault
        .deduct(&w.backend, &40, &w.s("p"), &None, &w.until());
    let new_id = w.env.register(
        settlement::WASM,
        (w.admin.clone(), w.usdc.clone(), None::<Address>),
    );
    let new = settlement::Client::new(&w.env, &new_id);
    assert_eq!(
        new.try_import_balances(&w.admin, &2),
        Err(Ok(S::NoPredecessor))
    );
    new.set_predecessor(&w.admin, &s.address);
    assert_eq!(
        new.try_import_balances(&w.admin, &2),
        Err(Ok(S::PredecessorNotRetired))
    );
    assert_eq!(s.retire(&w.admin, &new_id), 640);
    // The operator retries every call (as after an RPC time-out).
    let mut consumed = std::vec::Vec::new();
    for _ in 0..3 {
        consumed.push(new.import_balances(&w.admin, &2));
        consumed.push(new.import_balances(&w.admin, &2));
    }
    assert_eq!(consumed, [2, 1, 0, 0, 0, 0]);
    for (i, dev) in devs.iter().enumerate() {
        assert_eq!(new.get_developer_balance(&dev), 100 * (i as i128 + 1));
    }
    assert_eq!(new.get_global_pool().total_balance, 40);
    assert_eq!(new.get_developer_total(), 600);
    assert_eq!(w.balance(&new_id), 640);
}

/// Finding 7 (low): credits to the settlement itself or to a registered
/// vault could never be withdrawn; v3 refuses them.
#[test]
fn f7_credits_nobody_can_withdraw_are_refused() {
    let w = World::new();
    let c = w.consumer(1_000, true);
    let other = w.consumer(1_000, true);
    c.vault.deposit(&c.owner, &1_000);
    let me = Some(c.vault.address.clone());
    assert_eq!(
        c.vault
            .try_deduct(&w.backend, &1, &w.s("x"), &me, &w.until()),
        Err(Ok(V::InvalidRecipient))
    );
    // The settlement itself or a registered vault as developer: the
    // settlement's InvalidRecipient (309) propagates out of the deduct.
    let refused = Err(Err(soroban_sdk::InvokeError::Contract(
        S::InvalidRecipient as u32,
    )));
    for dev in [&w.settlement.address, &other.vault.address] {
        let dev = Some(dev.clone());
        assert_eq!(
            c.vault
                .try_deduct(&w.backend, &1, &w.s("y"), &dev, &w.until()),
            refused
        );
    }
    assert_eq!(c.vault.balance(), 1_000);
    assert_eq!(w.settlement.get_developer_balance(&other.vault.address), 0);
}

/// Finding 7 (low): USDC sent straight to a vault or the settlement is no
/// longer stuck: the owner sweeps it, the settlement admin books it.
#[test]
fn f7_untracked_usdc_is_swept_or_booked() {
    let w = World::new();
    let c = w.consumer(1_000, true);
    c.vault.deposit(&c.owner, &600);
    w.sac.mint(&c.vault.address, &70);
    assert_eq!(c.vault.sweep(&c.owner), 70);
    assert_eq!(c.vault.try_sweep(&c.owner), Err(Ok(V::NothingToSweep)));
    assert_eq!(c.vault.balance(), 600);
    assert_eq!(w.balance(&c.vault.address), 600);
    w.sac.mint(&w.settlement.address, &30);
    assert_eq!(w.settlement.book_untracked(&w.admin), 30);
    assert_eq!(w.settlement.get_global_pool().total_balance, 30);
    w.assert_settlement_backed();
}
