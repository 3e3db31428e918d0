//! The whole money flow on the three built WASMs and a SAC.
extern crate std;

use crate::{
    wasm::{revenue_pool, settlement, vault},
    world::{refused_for_auth, World},
};
use soroban_sdk::{
    testutils::Address as _, vec, Address, Env, Error, IntoVal, InvokeError, Symbol, Val, Vec,
};

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

#[test]
fn all_three_built_wasms_answer() {
    let w = World::new();
    let c = w.consumer(0, false);
    assert_eq!(c.vault.version(), 2);
    assert_eq!(c.vault.get_admin(), c.owner);
    assert_eq!(w.pool.version(), 2);
    assert_eq!(w.pool.get_admin(), w.admin);
    assert_eq!(w.settlement.version(), 2);
    assert_eq!(w.settlement.get_admin(), w.admin);
    assert_eq!(w.settlement.get_usdc_token(), w.usdc);
}

#[test]
fn whole_money_flow_to_the_unit() {
    let w = World::new();
    let alice = w.consumer(10_000, true); // pays through the settlement
    let bob = w.consumer(5_000, false); // pays the revenue pool
    let (dev1, dev2) = (Address::generate(&w.env), Address::generate(&w.env));

    assert_eq!(alice.vault.deposit(&alice.owner, &4_000), 4_000);
    assert_eq!(bob.vault.deposit(&bob.owner, &3_000), 3_000);

    // Single deducts, with and without a developer.
    alice.vault.deduct(
        &w.backend,
        &100,
        &w.s("a-1"),
        &Some(dev1.clone()),
        &w.until(),
    );
    alice
        .vault
        .deduct(&w.backend, &50, &w.s("a-2"), &None, &w.until());
    bob.vault.deduct(
        &w.backend,
        &70,
        &w.s("b-1"),
        &Some(dev2.clone()),
        &w.until(),
    );
    // A batch mixing developers and the pool.
    let batch = vec![
        &w.env,
        vault::DeductItem {
            amount: 10,
            request_id: w.s("a-3"),
            developer: Some(dev1.clone()),
        },
        vault::DeductItem {
            amount: 20,
            request_id: w.s("a-4"),
            developer: Some(dev2.clone()),
        },
        vault::DeductItem {
            amount: 30,
            request_id: w.s("a-5"),
            developer: None,
        },
    ];
    assert_eq!(
        alice.vault.batch_deduct(&w.backend, &batch, &w.until()),
        3_790
    );
    let bob_batch = vec![
        &w.env,
        vault::DeductItem {
            amount: 5,
            request_id: w.s("b-2"),
            developer: None,
        },
        vault::DeductItem {
            amount: 5,
            request_id: w.s("b-3"),
            developer: Some(dev1.clone()),
        },
    ];
    assert_eq!(
        bob.vault.batch_deduct(&w.backend, &bob_batch, &w.until()),
        2_920
    );

    // Idempotent retry: nothing moves.
    assert_eq!(
        alice.vault.try_deduct(
            &w.backend,
            &100,
            &w.s("a-1"),
            &Some(dev1.clone()),
            &w.until()
        ),
        Err(Ok(vault::VaultError::DuplicateRequest))
    );

    // Vaults: tracked == held.
    assert_eq!(alice.vault.balance(), 3_790);
    assert_eq!(w.balance(&alice.vault.address), 3_790);
    assert_eq!(bob.vault.balance(), 2_920);
    assert_eq!(w.balance(&bob.vault.address), 2_920);
    // Settlement: dev1 110, dev2 20, pool 80.
    assert_eq!(w.settlement.get_developer_balance(&dev1), 110);
    assert_eq!(w.settlement.get_developer_balance(&dev2), 20);
    assert_eq!(w.settlement.get_global_pool().total_balance, 80);
    assert_eq!(w.balance(&w.settlement.address), 210);
    w.assert_settlement_backed();
    // Revenue pool: bob's 80.
    assert_eq!(w.pool.balance(), 80);
    assert_eq!(w.balance(&w.pool.address), 80);

    // Developers withdraw; admins distribute.
    w.settlement.withdraw(&dev1, &110);
    w.settlement.withdraw(&dev2, &5);
    w.settlement.distribute_pool(&w.admin, &dev2, &80);
    w.pool.distribute(&w.admin, &dev1, &30);
    let payments = vec![
        &w.env,
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

    assert_eq!(w.balance(&dev1), 110 + 30 + 25);
    assert_eq!(w.balance(&dev2), 5 + 80 + 25);
    assert_eq!(w.settlement.get_developer_balance(&dev1), 0);
    assert_eq!(w.settlement.get_developer_balance(&dev2), 15);
    assert_eq!(w.settlement.get_global_pool().total_balance, 0);
    assert_eq!(w.balance(&w.settlement.address), 15);
    w.assert_settlement_backed();
    assert_eq!(w.pool.balance(), 0);

    // Owners withdraw the rest.
    alice.vault.withdraw(&3_790);
    bob.vault.withdraw_to(&bob.owner, &2_920);
    assert_eq!(w.balance(&alice.vault.address), 0);
    assert_eq!(w.balance(&bob.vault.address), 0);

    // Conservation: every unit minted is somewhere.
    let everyone = [
        &alice.owner,
        &bob.owner,
        &dev1,
        &dev2,
        &alice.vault.address,
        &bob.vault.address,
        &w.settlement.address,
        &w.pool.address,
    ];
    let total: i128 = everyone.iter().map(|a| w.balance(a)).sum();
    assert_eq!(total, 15_000);
    assert_eq!(w.balance(&alice.owner), 10_000 - 4_000 + 3_790);
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
    assert_eq!(
        c.vault.try_set_settlement(&other, &None),
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

    assert_eq!(w.settlement.get_developer_balance(&dev), 100);
    assert_eq!(w.settlement.get_global_pool().total_balance, 50);
    assert_eq!(w.balance(&w.settlement.address), 150);
    assert_eq!(w.pool.balance(), 100);
    assert_eq!(w.balance(&other), 0);
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
}
