//! Bad input on the built WASMs: every attacker-controlled input gets a
//! typed error and moves nothing. (The native unit tests cover the same
//! codes entry point by entry point; this is the reviewer's checklist,
//! against the code that ships.)
extern crate std;

use crate::{
    wasm::{revenue_pool, settlement, vault},
    world::{vault_args, World},
};
use soroban_sdk::{testutils::Address as _, vec, Address, Vec};

use revenue_pool::RevenuePoolError as P;
use settlement::SettlementError as S;
use vault::VaultError as V;

/// Every USDC balance and view that matters, to compare around refusals.
fn state(w: &World, v: &vault::Client, dev: &Address) -> std::string::String {
    std::format!(
        "{:?} {} {} {} {:?} {} {} {}",
        v.get_meta(),
        w.balance(&v.address),
        w.balance(&w.settlement.address),
        w.balance(&w.pool.address),
        w.settlement.get_global_pool(),
        w.settlement.get_developer_total(),
        w.settlement.get_developer_balance(dev),
        w.pool.balance()
    )
}

#[test]
fn amounts_zero_negative_and_extremes() {
    let w = World::new();
    let c = w.consumer(1_000_000, true);
    let v = &c.vault;
    v.deposit(&c.owner, &10_000);
    let dev = Address::generate(&w.env);
    v.deduct(
        &w.backend,
        &100,
        &w.s("seed"),
        &Some(dev.clone()),
        &w.until(),
    );
    w.sac.mint(&w.pool.address, &1_000);
    let before = state(&w, v, &dev);
    for bad in [0, -1, i128::MIN] {
        assert_eq!(v.try_deposit(&c.owner, &bad), Err(Ok(V::InvalidAmount)));
        assert_eq!(v.try_withdraw(&bad), Err(Ok(V::InvalidAmount)));
        assert_eq!(v.try_withdraw_to(&dev, &bad), Err(Ok(V::InvalidAmount)));
        assert_eq!(
            v.try_deduct(&w.backend, &bad, &w.s("x"), &None, &w.until()),
            Err(Ok(V::InvalidAmount))
        );
        assert_eq!(
            w.settlement.try_withdraw(&dev, &bad),
            Err(Ok(S::InvalidAmount))
        );
        assert_eq!(
            w.settlement.try_distribute_pool(&w.admin, &dev, &bad),
            Err(Ok(S::InvalidAmount))
        );
        assert_eq!(
            w.pool.try_distribute(&w.admin, &dev, &bad),
            Err(Ok(P::InvalidAmount))
        );
        assert_eq!(
            v.try_set_min_deposit(&c.owner, &bad),
            Err(Ok(V::InvalidConfig))
        );
        assert_eq!(
            v.try_set_max_deduct(&c.owner, &bad),
            Err(Ok(V::InvalidConfig))
        );
    }
    // i128::MAX is a valid amount that nobody has.
    assert_eq!(v.try_withdraw(&i128::MAX), Err(Ok(V::InsufficientBalance)));
    assert_eq!(
        v.try_deduct(&w.backend, &i128::MAX, &w.s("x"), &None, &w.until()),
        Err(Ok(V::InsufficientBalance))
    );
    assert_eq!(
        w.settlement.try_withdraw(&dev, &i128::MAX),
        Err(Ok(S::InsufficientBalance))
    );
    assert_eq!(
        w.settlement.try_distribute_pool(&w.admin, &dev, &i128::MAX),
        Err(Ok(S::InsufficientPool))
    );
    assert_eq!(
        w.pool.try_distribute(&w.admin, &dev, &i128::MAX),
        Err(Ok(P::InsufficientBalance))
    );
    // The tracked balance would overflow: typed before any transfer.
    assert_eq!(v.try_deposit(&c.owner, &i128::MAX), Err(Ok(V::Overflow)));
    // More than the owner holds: the USDC contract's own typed error (#10).
    assert_eq!(
        v.try_deposit(&c.owner, &2_000_000),
        Err(Err(soroban_sdk::InvokeError::Contract(10)))
    );
    assert_eq!(state(&w, v, &dev), before);
}

#[test]
fn overflow_on_accumulation() {
    let w = World::new();
    let c = w.consumer(0, true);
    let v = &c.vault;
    w.sac.mint(&c.owner, &i128::MAX);
    v.deposit(&c.owner, &i128::MAX);
    let friend = Address::generate(&w.env);
    w.sac.mint(&friend, &1);
    v.set_allowed_depositor(&c.owner, &friend, &true);
    assert_eq!(v.try_deposit(&friend, &1), Err(Ok(V::Overflow)));
    // Settlement: a developer credited i128::MAX, then 1 more.
    let dev = Address::generate(&w.env);
    let other_vault = Address::generate(&w.env);
    w.settlement.set_vault(&w.admin, &other_vault, &true);
    w.sac.mint(&other_vault, &10);
    v.deduct(
        &w.backend,
        &i128::MAX,
        &w.s("all"),
        &Some(dev.clone()),
        &w.until(),
    );
    assert_eq!(
        w.settlement
            .try_receive_payment(&other_vault, &1, &false, &Some(dev.clone())),
        Err(Ok(S::Overflow))
    );
    let credits = vec![
        &w.env,
        settlement::Payment {
            to: dev.clone(),
            amount: 1,
        },
    ];
    assert_eq!(
        w.settlement
            .try_receive_payments(&other_vault, &0, &credits),
        Err(Ok(S::Overflow))
    );

    // Revenue pool: a batch whose total overflows.
    let batch = vec![
        &w.env,
        revenue_pool::Payment {
            to: dev.clone(),
            amount: i128::MAX,
        },
        revenue_pool::Payment {
            to: dev.clone(),
            amount: 1,
        },
    ];
    assert_eq!(
        w.pool.try_batch_distribute(&w.admin, &batch),
        Err(Ok(P::Overflow))
    );
    assert_eq!(w.settlement.get_developer_balance(&dev), i128::MAX);
    assert_eq!(w.balance(&other_vault), 10);
}

#[test]
fn wrong_token_and_not_a_settlement() {
    let w = World::new();
    let c = w.consumer(0, false);
    let other = w
        .env
        .register_stellar_asset_contract_v2(Address::generate(&w.env))
        .address();
    let foreign = w
        .env
        .register(settlement::WASM, (w.admin.clone(), other, None::<Address>));
    assert_eq!(
        c.vault.try_set_settlement(&c.owner, &Some(foreign)),
        Err(Ok(V::TokenMismatch))
    );
    // An account, and a contract that is not a settlement (the revenue pool).
    let account = Address::generate(&w.env);
    assert_eq!(
        c.vault.try_set_settlement(&c.owner, &Some(account)),
        Err(Ok(V::TokenMismatch))
    );
    assert_eq!(
        c.vault
            .try_set_settlement(&c.owner, &Some(w.pool.address.clone())),
        Ok(Ok(())),
        "the pool answers get_usdc_token with the same token"
    );
    c.vault.set_settlement(&c.owner, &None);
    assert_eq!(c.vault.get_settlement(), None);
}

#[test]
fn lengths_and_batch_sizes() {
    let w = World::new();
    let c = w.consumer(1_000, true);
    let v = &c.vault;
    v.deposit(&c.owner, &1_000);
    let long = "x".repeat(65);
    assert_eq!(
        v.try_deduct(&w.backend, &1, &w.s(&long), &None, &w.until()),
        Err(Ok(V::InvalidRequestId))
    );
    assert_eq!(
        v.try_deduct(&w.backend, &1, &w.s(""), &None, &w.until()),
        Err(Ok(V::InvalidRequestId))
    );
    assert_eq!(
        v.try_set_metadata(&c.owner, &w.s(&long), &w.s("m")),
        Err(Ok(V::InvalidMetadata))
    );
    assert_eq!(
        v.try_set_metadata(&c.owner, &w.s("o"), &w.s(&"m".repeat(257))),
        Err(Ok(V::InvalidMetadata))
    );
    assert_eq!(
        v.try_batch_deduct(&w.backend, &Vec::new(&w.env), &w.until()),
        Err(Ok(V::InvalidBatchSize))
    );
    let mut big = Vec::new(&w.env);
    for i in 0..26 {
        big.push_back(vault::DeductItem {
            amount: 1,
            request_id: w.s(&std::format!("b{i}")),
            developer: None,
        });
    }
    assert_eq!(
        v.try_batch_deduct(&w.backend, &big, &w.until()),
        Err(Ok(V::InvalidBatchSize))
    );
    assert_eq!(
        w.pool.try_batch_distribute(&w.admin, &Vec::new(&w.env)),
        Err(Ok(P::InvalidBatchSize))
    );
    for limit in [0, 51] {
        assert_eq!(
            w.settlement.try_import_balances(&w.admin, &limit),
            Err(Ok(S::InvalidBatchSize))
        );
    }
    assert_eq!(
        w.settlement.try_get_developer_balances(&0, &0),
        Err(Ok(S::InvalidLimit))
    );
    assert_eq!(
        w.settlement.try_get_developer_balances(&0, &101),
        Err(Ok(S::InvalidLimit))
    );
    assert_eq!(v.balance(), 1_000);
    assert_eq!(w.balance(&w.settlement.address), 0);
}

#[test]
fn unregistered_vaults_and_self_transfers() {
    let w = World::new();
    let c = w.consumer(1_000, false);
    c.vault.deposit(&c.owner, &500);
    let stranger = Address::generate(&w.env);
    w.sac.mint(&stranger, &100);
    assert_eq!(
        w.settlement
            .try_receive_payment(&stranger, &10, &true, &None),
        Err(Ok(S::NotVault))
    );
    assert_eq!(
        w.settlement
            .try_receive_payments(&stranger, &10, &Vec::new(&w.env)),
        Err(Ok(S::NotVault))
    );
    assert_eq!(
        c.vault.try_withdraw_to(&c.vault.address, &1),
        Err(Ok(V::InvalidRecipient))
    );
    assert_eq!(
        c.vault
            .try_set_revenue_pool(&c.owner, &Some(c.vault.address.clone())),
        Err(Ok(V::InvalidRecipient))
    );
    w.sac.mint(&w.pool.address, &10);
    assert_eq!(
        w.pool.try_distribute(&w.admin, &w.pool.address, &1),
        Err(Ok(P::InvalidRecipient))
    );
    let s = &w.settlement.address;
    assert_eq!(
        w.settlement.try_distribute_pool(&w.admin, s, &1),
        Err(Ok(S::InvalidRecipient))
    );
    assert_eq!(
        w.settlement.try_set_vault(&w.admin, s, &true),
        Err(Ok(S::InvalidRecipient))
    );
    assert_eq!(
        w.settlement.try_retire(&w.admin, s),
        Err(Ok(S::InvalidRecipient))
    );
    assert_eq!(w.balance(&stranger), 100);
    assert_eq!(w.balance(&c.vault.address), 500);
}

#[test]
fn calls_before_dependencies_are_configured() {
    let w = World::new();
    // A vault with no authorized caller and no destination yet.
    let owner = Address::generate(&w.env);
    w.sac.mint(&owner, &1_000);
    let id = w.env.register(
        vault::WASM,
        vault_args(&owner, &w.admin, &w.usdc, None, None),
    );
    let v = vault::Client::new(&w.env, &id);
    v.deposit(&owner, &100);
    assert_eq!(
        v.try_deduct(&w.backend, &1, &w.s("r"), &None, &w.until()),
        Err(Ok(V::NotAuthorizedCaller))
    );
    v.set_authorized_caller(&owner, &Some(w.backend.clone()));
    assert_eq!(
        v.try_deduct(&w.backend, &1, &w.s("r"), &None, &w.until()),
        Err(Ok(V::NoDestination))
    );
    let item = vault::DeductItem {
        amount: 1,
        request_id: w.s("r"),
        developer: None,
    };
    assert_eq!(
        v.try_batch_deduct(&w.backend, &vec![&w.env, item], &w.until()),
        Err(Ok(V::NoDestination))
    );
    // Routed to a settlement that has not registered it.
    v.set_settlement(&owner, &Some(w.settlement.address.clone()));
    assert_eq!(
        v.try_deduct(&w.backend, &1, &w.s("r"), &None, &w.until()),
        Err(Err(soroban_sdk::InvokeError::Contract(301)))
    );
    // A pending admin that never accepts; an upgrade to nothing: refused.
    assert_eq!(v.try_accept_admin(&owner), Err(Ok(V::NoPendingAdmin)));
    assert_eq!(v.balance(), 100);
    assert_eq!(w.balance(&id), 100);
    assert!(!v.is_request_processed(&w.s("r")));
}
