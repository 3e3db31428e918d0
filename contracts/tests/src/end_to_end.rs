//! The whole money flow on the three built WASMs (code version 3) and a
//! SAC, every balance to the unit.
extern crate std;

use crate::{
    wasm::{revenue_pool, settlement, vault},
    world::{refused_for_auth, World},
};
use callora_types::ttl::DAY_IN_LEDGERS;
use soroban_sdk::{
    testutils::{Address as _, Events as _, Ledger as _},
    vec,
    xdr::ContractEvent,
    Address, Env, Error, Event, IntoVal, InvokeError, Symbol, Val, Vec,
};
use std::vec::Vec as StdVec;

/// Invokes with no authorization at all and asserts the host refused it for
/// missing authorization: the contract trapped with `Error(Auth,
/// InvalidAction)`, which reaches the caller as `Error(Context,
/// InvalidAction)`.
fn assert_unauthorized(env: &Env, id: &Address, func: &str, args: Vec<Val>) {
    env.set_auths(&[]);
    let res = env.try_invoke_contract::<Val, Error>(id, &Symbol::new(env, func), args);
    let refused = matches!(&res, Err(Ok(e)) if refused_for_auth(env, e));
    env.mock_all_auths();
    assert!(refused, "{func} must fail on authorization: {res:?}");
}

/// The events `id` emitted in the last invocation.
fn events_of(env: &Env, id: &Address) -> StdVec<ContractEvent> {
    env.events().all().filter_by_contract(id).events().to_vec()
}

fn item(w: &World, amount: i128, id: &str, developer: Option<&Address>) -> crate::world::Item {
    crate::world::Item {
        amount,
        request_id: w.s(id),
        developer: developer.cloned(),
    }
}

#[test]
fn all_three_built_wasms_answer() {
    let w = World::new();
    let c = w.consumer(0, false);
    assert_eq!(c.vault.version(), 3);
    assert_eq!(c.vault.schema_version(), 3);
    // As shipped: the operator named in the constructor is the admin.
    assert_eq!(c.vault.get_admin(), w.admin);
    assert_ne!(c.vault.get_admin(), c.owner);
    assert_eq!(c.vault.get_max_batch(), 100);
    assert_eq!(c.vault.get_spend_limit(), None);
    assert_eq!(w.pool.version(), 3);
    assert_eq!(w.pool.get_admin(), w.admin);
    assert_eq!(w.settlement.version(), 3);
    assert_eq!(w.settlement.schema_version(), 2);
    assert_eq!(w.settlement.get_admin(), w.admin);
    assert_eq!(w.settlement.get_usdc_token(), w.usdc);
}

#[test]
fn whole_money_flow_to_the_unit() {
    let w = World::new();
    let env = &w.env;
    let alice = w.consumer(10_000, true); // pays through the settlement
    let bob = w.consumer(5_000, false); // pays the revenue pool
    let (dev1, dev2) = (Address::generate(env), Address::generate(env));
    let donor = Address::generate(env);
    w.sac.mint(&donor, &45);
    let s = &w.settlement;

    assert_eq!(alice.vault.deposit(&alice.owner, &4_000), 4_000);
    assert_eq!(bob.vault.deposit(&bob.owner, &3_000), 3_000);
    // Alice bounds the operator: 300 per day.
    let limit = vault::SpendLimit {
        amount: 300,
        period_ledgers: DAY_IN_LEDGERS,
    };
    alice.vault.set_spend_limit(&alice.owner, &Some(limit));

    // Single deducts, with and without a developer.
    let a = &alice.vault;
    a.deduct(
        &w.backend,
        &100,
        &w.s("a-1"),
        &Some(dev1.clone()),
        &w.until(),
    );
    assert_eq!(
        events_of(env, &s.address),
        [settlement::DeveloperCredited {
            developer: dev1.clone(),
            vault: a.address.clone(),
            amount: 100,
            balance: 100,
        }
        .to_xdr(env, &s.address)]
    );
    a.deduct(&w.backend, &50, &w.s("a-2"), &None, &w.until());
    bob.vault.deduct(
        &w.backend,
        &70,
        &w.s("b-1"),
        &Some(dev2.clone()),
        &w.until(),
    );

    // A batch: five calls, two developers (dev1 twice, dev2 twice) and the
    // pool, paid in one transfer with one credit per distinct destination.
    let batch = vec![
        env,
        item(&w, 10, "a-3", Some(&dev1)),
        item(&w, 20, "a-4", Some(&dev2)),
        item(&w, 30, "a-5", None),
        item(&w, 15, "a-6", Some(&dev1)),
        item(&w, 5, "a-7", Some(&dev2)),
    ];
    assert_eq!(
        a.batch_deduct(
            &w.backend,
            &w.s("batch-1"),
            &crate::world::columns_of(&w.env, &batch),
            &w.until()
        ),
        3_770
    );
    // The vault: exactly one `batch_deduct` event listing every call.
    let ids = ["a-3", "a-4", "a-5", "a-6", "a-7"];
    let mut request_ids = Vec::new(env);
    for id in ids {
        request_ids.push_back(w.s(id));
    }
    assert_eq!(
        events_of(env, &a.address),
        [vault::BatchDeduct {
            request_id: w.s("batch-1"),
            request_ids,
            amounts: vec![env, 10, 20, 30, 15, 5],
            developer_index: vec![env, 0, 1, 2, 0, 1],
            developers: vec![env, Some(dev1.clone()), Some(dev2.clone()), None],
            total: 80,
            balance: 3_770,
        }
        .to_xdr(env, &a.address)]
    );
    // The settlement: the pool once, each developer once with its sum.
    assert_eq!(
        events_of(env, &s.address),
        [
            settlement::PoolCredited {
                vault: a.address.clone(),
                amount: 30,
                total_balance: 80,
            }
            .to_xdr(env, &s.address),
            settlement::DeveloperCredited {
                developer: dev1.clone(),
                vault: a.address.clone(),
                amount: 25,
                balance: 125,
            }
            .to_xdr(env, &s.address),
            settlement::DeveloperCredited {
                developer: dev2.clone(),
                vault: a.address.clone(),
                amount: 25,
                balance: 25,
            }
            .to_xdr(env, &s.address),
        ]
    );
    // One USDC transfer for the whole batch.
    assert_eq!(events_of(env, &w.usdc).len(), 1);
    // The batch's id is recorded, its calls' ids are not.
    assert!(a.is_request_processed(&w.s("batch-1")));
    for id in ids {
        assert!(!a.is_request_processed(&w.s(id)));
    }

    // Bob's batch goes to the revenue pool in one transfer.
    let bob_batch = vec![
        env,
        item(&w, 5, "b-2", None),
        item(&w, 5, "b-3", Some(&dev1)),
    ];
    assert_eq!(
        bob.vault.batch_deduct(
            &w.backend,
            &w.s("batch-2"),
            &crate::world::columns_of(&w.env, &bob_batch),
            &w.until()
        ),
        2_920
    );
    assert_eq!(
        events_of(env, &bob.vault.address),
        [vault::BatchDeduct {
            request_id: w.s("batch-2"),
            request_ids: vec![env, w.s("b-2"), w.s("b-3")],
            amounts: vec![env, 5, 5],
            developer_index: vec![env, 0, 1],
            developers: vec![env, None, Some(dev1.clone())],
            total: 10,
            balance: 2_920,
        }
        .to_xdr(env, &bob.vault.address)]
    );

    // Alice's spend limit: 230 spent today, 70 left.
    assert_eq!(
        a.try_deduct(
            &w.backend,
            &71,
            &w.s("a-8"),
            &Some(dev2.clone()),
            &w.until()
        ),
        Err(Ok(vault::VaultError::SpendLimitExceeded))
    );
    a.deduct(
        &w.backend,
        &70,
        &w.s("a-8"),
        &Some(dev2.clone()),
        &w.until(),
    );
    assert_eq!(
        a.try_deduct(&w.backend, &1, &w.s("a-9"), &None, &w.until()),
        Err(Ok(vault::VaultError::SpendLimitExceeded))
    );
    // A day later a new window opens.
    env.ledger().with_mut(|l| {
        l.sequence_number += DAY_IN_LEDGERS;
        l.timestamp += 5 * DAY_IN_LEDGERS as u64;
    });
    let until = w.until();
    a.deduct(&w.backend, &40, &w.s("a-9"), &Some(dev1.clone()), &until);
    assert_eq!(
        a.get_spend_window(),
        Some(vault::SpendWindow {
            start_ledger: env.ledger().sequence(),
            spent: 40,
        })
    );
    // Idempotent retry of the identical call: nothing moves.
    assert_eq!(
        a.try_deduct(&w.backend, &40, &w.s("a-9"), &Some(dev1.clone()), &until),
        Err(Ok(vault::VaultError::DuplicateRequest))
    );

    // USDC sent straight to the vault and the settlement: the owner sweeps
    // it, the settlement admin books it into the pool.
    w.token.transfer(&donor, &a.address, &33);
    w.token.transfer(&donor, &s.address, &12);
    assert_eq!(a.balance(), 3_660);
    assert_eq!(w.balance(&a.address), 3_693);
    assert_eq!(a.sweep(&alice.owner), 33);
    assert_eq!(
        events_of(env, &a.address),
        [vault::Swept {
            to: alice.owner.clone(),
            amount: 33,
        }
        .to_xdr(env, &a.address)]
    );
    assert_eq!(s.book_untracked(&w.admin), 12);

    // Vaults: tracked == held.
    assert_eq!(a.balance(), 3_660);
    assert_eq!(w.balance(&a.address), 3_660);
    assert_eq!(bob.vault.balance(), 2_920);
    assert_eq!(w.balance(&bob.vault.address), 2_920);
    // Settlement: dev1 100 + 25 + 40, dev2 25 + 70, pool 50 + 30 + 12.
    assert_eq!(s.get_developer_balance(&dev1), 165);
    assert_eq!(s.get_developer_balance(&dev2), 95);
    assert_eq!(s.get_global_pool().total_balance, 92);
    assert_eq!(s.get_developer_total(), 260);
    assert_eq!(s.get_developer_count(), 2);
    assert_eq!(w.balance(&s.address), 352);
    w.assert_settlement_backed();
    // Revenue pool: bob's 70 + 10.
    assert_eq!(w.pool.balance(), 80);
    assert_eq!(w.balance(&w.pool.address), 80);

    // Developers withdraw; admins distribute.
    s.withdraw(&dev1, &165);
    s.withdraw(&dev2, &45);
    s.distribute_pool(&w.admin, &dev2, &92);
    w.pool.distribute(&w.admin, &dev1, &30);
    let payments = vec![
        env,
        revenue_pool::Payment {
            to: dev1.clone(),
            amount: 25,
        },
        revenue_pool::Payment {
            to: dev2.clone(),
            amount: 25,
        },
    ];
    w.pool.batch_distribute(&w.admin, &payments);

    assert_eq!(w.balance(&dev1), 165 + 30 + 25);
    assert_eq!(w.balance(&dev2), 45 + 92 + 25);
    assert_eq!(s.get_developer_balance(&dev1), 0);
    assert_eq!(s.get_developer_balance(&dev2), 50);
    assert_eq!(s.get_global_pool().total_balance, 0);
    assert_eq!(w.balance(&s.address), 50);
    w.assert_settlement_backed();
    assert_eq!(w.pool.balance(), 0);

    // Owners withdraw the rest.
    assert_eq!(a.withdraw(&3_660), 0);
    assert_eq!(bob.vault.withdraw_to(&bob.owner, &2_920), 0);
    assert_eq!(w.balance(&a.address), 0);
    assert_eq!(w.balance(&bob.vault.address), 0);

    // Conservation: every unit minted is somewhere.
    let everyone = [
        &alice.owner,
        &bob.owner,
        &donor,
        &dev1,
        &dev2,
        &a.address,
        &bob.vault.address,
        &s.address,
        &w.pool.address,
    ];
    let total: i128 = everyone.iter().map(|x| w.balance(x)).sum();
    assert_eq!(total, 15_045);
    assert_eq!(w.balance(&alice.owner), 10_000 - 4_000 + 33 + 3_660);
    assert_eq!(w.balance(&bob.owner), 5_000 - 3_000 + 2_920);
    assert_eq!(w.balance(&donor), 0);
}

#[test]
fn unregistered_vault_cannot_pay_settlement() {
    let w = World::new();
    let c = w.consumer(1_000, true);
    c.vault.deposit(&c.owner, &1_000);
    w.settlement.set_vault(&w.admin, &c.vault.address, &false);
    // The settlement's NotVault (301) propagates out of the vault's deduct.
    assert_eq!(
        c.vault
            .try_deduct(&w.backend, &10, &w.s("r"), &None, &w.until()),
        Err(Err(InvokeError::Contract(301)))
    );
    // Called directly by an unregistered address: typed NotVault.
    let stranger = Address::generate(&w.env);
    assert_eq!(
        w.settlement
            .try_receive_payment(&stranger, &10, &true, &None),
        Err(Ok(settlement::SettlementError::NotVault))
    );
    assert_eq!(c.vault.balance(), 1_000);
    assert_eq!(w.balance(&c.vault.address), 1_000);
    assert_eq!(w.balance(&w.settlement.address), 0);
    assert!(!c.vault.is_request_processed(&w.s("r")));
}

#[test]
fn registered_vault_address_without_its_authorization_moves_nothing() {
    let w = World::new();
    let c = w.consumer(1_000, true);
    c.vault.deposit(&c.owner, &1_000);
    // Someone passes the registered vault's address without the vault
    // authorizing: the host refuses before anything is credited or pulled.
    assert_unauthorized(
        &w.env,
        &w.settlement.address,
        "receive_payment",
        (c.vault.address.clone(), 500i128, true, None::<Address>).into_val(&w.env),
    );
    assert_eq!(w.balance(&c.vault.address), 1_000);
    assert_eq!(w.settlement.get_global_pool().total_balance, 0);
    assert_eq!(w.balance(&w.settlement.address), 0);
}

#[test]
fn non_admin_and_wrong_developer_get_typed_errors() {
    let w = World::new();
    let c = w.consumer(1_000, true);
    c.vault.deposit(&c.owner, &1_000);
    let (dev, other) = (Address::generate(&w.env), Address::generate(&w.env));
    c.vault
        .deduct(&w.backend, &100, &w.s("r1"), &Some(dev.clone()), &w.until());
    c.vault
        .deduct(&w.backend, &50, &w.s("r2"), &None, &w.until());
    let pool_payer = w.consumer(1_000, false);
    pool_payer.vault.deposit(&pool_payer.owner, &100);
    pool_payer
        .vault
        .deduct(&w.backend, &100, &w.s("r3"), &None, &w.until());

    assert_eq!(
        w.settlement.try_distribute_pool(&other, &other, &50),
        Err(Ok(settlement::SettlementError::NotAdmin))
    );
    assert_eq!(
        w.settlement.try_set_vault(&other, &other, &true),
        Err(Ok(settlement::SettlementError::NotAdmin))
    );
    assert_eq!(
        w.pool.try_distribute(&other, &other, &10),
        Err(Ok(revenue_pool::RevenuePoolError::NotAdmin))
    );
    // The owner is not the vault's admin: it cannot re-route its deducts.
    assert_eq!(
        c.vault.try_set_settlement(&c.owner, &None),
        Err(Ok(vault::VaultError::NotAdmin))
    );
    assert_eq!(
        c.vault
            .try_set_revenue_pool(&c.owner, &Some(c.owner.clone())),
        Err(Ok(vault::VaultError::NotAdmin))
    );
    // The wrong developer has nothing to withdraw.
    assert_eq!(
        w.settlement.try_withdraw(&other, &100),
        Err(Ok(settlement::SettlementError::InsufficientBalance))
    );
    // And cannot withdraw as `dev` without dev's signature.
    assert_unauthorized(
        &w.env,
        &w.settlement.address,
        "withdraw",
        (dev.clone(), 100i128).into_val(&w.env),
    );
    // Nor sweep or withdraw from the vault without the owner's.
    assert_unauthorized(
        &w.env,
        &c.vault.address,
        "sweep",
        (other.clone(),).into_val(&w.env),
    );
    assert_unauthorized(
        &w.env,
        &c.vault.address,
        "withdraw_to",
        (other.clone(), 10i128).into_val(&w.env),
    );

    assert_eq!(w.settlement.get_developer_balance(&dev), 100);
    assert_eq!(w.settlement.get_global_pool().total_balance, 50);
    assert_eq!(w.balance(&w.settlement.address), 150);
    assert_eq!(w.pool.balance(), 100);
    assert_eq!(w.balance(&other), 0);
    assert_eq!(c.vault.balance(), 850);
}

#[test]
fn settlement_client_trait_matches_the_built_settlement() {
    // The vault calls the settlement through callora_types' client trait;
    // prove the trait's signatures match the built WASM.
    use callora_types::clients::SettlementClient;
    let w = World::new();
    let client = SettlementClient::new(&w.env, &w.settlement.address);
    assert_eq!(client.get_usdc_token(), w.usdc);
    let vault = Address::generate(&w.env);
    w.settlement.set_vault(&w.admin, &vault, &true);
    w.sac.mint(&vault, &10);
    client.receive_payment(&vault, &4, &true, &None);
    client.receive_payments(&vault, &1, &soroban_sdk::Vec::new(&w.env));
    assert_eq!(w.settlement.get_global_pool().total_balance, 5);
    let dev = Address::generate(&w.env);
    let credits = vec![
        &w.env,
        callora_types::clients::Payment {
            to: dev.clone(),
            amount: 3,
        },
    ];
    client.receive_payments(&vault, &0, &credits);
    assert_eq!(client.get_developer_count(), 1);
    assert_eq!(client.get_predecessor(), None);
    assert_eq!(client.get_successor(), None);
    assert_eq!(
        client.get_developer_balances(&0, &10),
        vec![
            &w.env,
            callora_types::types::DeveloperBalance {
                developer: dev,
                balance: 3
            }
        ]
    );
    assert_eq!(client.get_global_pool().total_balance, 5);
}
