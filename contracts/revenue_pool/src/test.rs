//! Native tests of the revenue pool, with a Stellar Asset Contract as USDC.
extern crate std;

use crate::{
    Distributed, PoolInitialized, RevenuePool, RevenuePoolClient, RevenuePoolError,
    MAX_BATCH_DISTRIBUTE, SCHEMA_VERSION, VERSION,
};
use callora_types::{
    events::{AdminProposed, Migrated, Upgraded},
    types::Payment,
};
use soroban_sdk::{
    testutils::{Address as _, Events as _, Ledger as _},
    token::{StellarAssetClient, TokenClient},
    vec, Address, Env, Event, Vec,
};

const POOL_WASM: &[u8] = include_bytes!("../../../artifacts/callora_revenue_pool.wasm");

struct T {
    env: Env,
    admin: Address,
    usdc: Address,
    token: TokenClient<'static>,
    pool: RevenuePoolClient<'static>,
}

impl T {
    fn new(funded: i128) -> T {
        let env = callora_types::test_env();
        env.mock_all_auths();
        env.ledger().set_sequence_number(100);
        let admin = Address::generate(&env);
        let usdc = env
            .register_stellar_asset_contract_v2(Address::generate(&env))
            .address();
        let id = env.register(RevenuePool, (admin.clone(), usdc.clone()));
        if funded > 0 {
            StellarAssetClient::new(&env, &usdc).mint(&id, &funded);
        }
        T {
            token: TokenClient::new(&env, &usdc),
            pool: RevenuePoolClient::new(&env, &id),
            env,
            admin,
            usdc,
        }
    }

    fn payments(&self, n: u32, amount: i128) -> (Vec<Payment>, std::vec::Vec<Address>) {
        let mut v = Vec::new(&self.env);
        let mut to = std::vec::Vec::new();
        for _ in 0..n {
            let a = Address::generate(&self.env);
            v.push_back(Payment {
                to: a.clone(),
                amount,
            });
            to.push(a);
        }
        (v, to)
    }
}

macro_rules! assert_err {
    ($call:expr, $err:expr) => {
        assert_eq!($call, Err(Ok($err)))
    };
}

#[test]
fn views() {
    let t = T::new(42);
    assert_eq!(t.pool.get_admin(), t.admin);
    assert_eq!(t.pool.get_usdc_token(), t.usdc);
    assert_eq!(t.pool.balance(), 42);
    assert_eq!(t.pool.version(), VERSION);
    assert_eq!(t.pool.schema_version(), SCHEMA_VERSION);
    assert_eq!(t.pool.get_pending_admin(), None);
}

#[test]
fn code_version_3_schema_1() {
    assert_eq!(VERSION, 3);
    assert_eq!(VERSION, callora_types::CODE_VERSION);
    assert_eq!(SCHEMA_VERSION, 1);
}

#[test]
fn constructor_emits_pool_initialized() {
    let env = callora_types::test_env();
    let (admin, usdc) = (Address::generate(&env), Address::generate(&env));
    let id = env.register(RevenuePool, (admin.clone(), usdc.clone()));
    assert_eq!(
        env.events().all().filter_by_contract(&id),
        [PoolInitialized {
            admin: admin.clone(),
            usdc_token: usdc.clone()
        }
        .to_xdr(&env, &id)]
    );
    let pool = RevenuePoolClient::new(&env, &id);
    assert_eq!(pool.get_admin(), admin);
    assert_eq!(pool.get_usdc_token(), usdc);
    assert_eq!(pool.schema_version(), SCHEMA_VERSION);
}

#[test]
fn cancelling_a_proposal_names_the_cancelled_address() {
    let t = T::new(0);
    let (proposed, other) = (Address::generate(&t.env), Address::generate(&t.env));
    assert_err!(
        t.pool.try_set_admin(&t.admin, &other, &0),
        RevenuePoolError::NoPendingAdmin
    );
    t.pool.set_admin(&t.admin, &proposed, &200);
    t.pool.set_admin(&t.admin, &other, &0);
    assert_eq!(
        t.env.events().all().filter_by_contract(&t.pool.address),
        [AdminProposed {
            admin: t.admin.clone(),
            pending_admin: proposed.clone(),
            live_until_ledger: 0
        }
        .to_xdr(&t.env, &t.pool.address)]
    );
    assert_eq!(t.pool.get_pending_admin(), None);
    assert_err!(
        t.pool.try_accept_admin(&proposed),
        RevenuePoolError::NoPendingAdmin
    );
    assert_eq!(t.pool.get_admin(), t.admin);
}

#[test]
fn distribute_pays_and_emits() {
    let t = T::new(100);
    let dev = Address::generate(&t.env);
    t.pool.distribute(&t.admin, &dev, &30);
    assert_eq!(
        t.env.events().all().filter_by_contract(&t.pool.address),
        [Distributed {
            to: dev.clone(),
            amount: 30,
            balance: 70
        }
        .to_xdr(&t.env, &t.pool.address)]
    );
    assert_eq!(t.token.balance(&dev), 30);
    assert_eq!(t.pool.balance(), 70);
}

#[test]
fn distribute_validation_moves_nothing() {
    let t = T::new(100);
    let dev = Address::generate(&t.env);
    assert_err!(
        t.pool.try_distribute(&dev, &dev, &1),
        RevenuePoolError::NotAdmin
    );
    assert_err!(
        t.pool.try_distribute(&t.admin, &dev, &0),
        RevenuePoolError::InvalidAmount
    );
    assert_err!(
        t.pool.try_distribute(&t.admin, &dev, &101),
        RevenuePoolError::InsufficientBalance
    );
    assert_err!(
        t.pool.try_distribute(&t.admin, &t.pool.address, &1),
        RevenuePoolError::InvalidRecipient
    );
    assert_eq!(t.pool.balance(), 100);
    assert_eq!(t.token.balance(&dev), 0);
}

#[test]
fn batch_distribute_is_atomic_and_bounded() {
    let t = T::new(1_000);
    let (ok, to) = t.payments(3, 10);
    t.pool.batch_distribute(&t.admin, &ok);
    assert_eq!(
        t.env.events().all().filter_by_contract(&t.pool.address),
        [
            Distributed {
                to: to[0].clone(),
                amount: 10,
                balance: 990
            }
            .to_xdr(&t.env, &t.pool.address),
            Distributed {
                to: to[1].clone(),
                amount: 10,
                balance: 980
            }
            .to_xdr(&t.env, &t.pool.address),
            Distributed {
                to: to[2].clone(),
                amount: 10,
                balance: 970
            }
            .to_xdr(&t.env, &t.pool.address),
        ]
    );
    for a in &to {
        assert_eq!(t.token.balance(a), 10);
    }
    assert_eq!(t.pool.balance(), 970);

    assert_err!(
        t.pool.try_batch_distribute(&t.admin, &Vec::new(&t.env)),
        RevenuePoolError::InvalidBatchSize
    );
    let (big, _) = t.payments(MAX_BATCH_DISTRIBUTE + 1, 1);
    assert_err!(
        t.pool.try_batch_distribute(&t.admin, &big),
        RevenuePoolError::InvalidBatchSize
    );
    let (mut over, to) = t.payments(2, 500);
    over.push_back(Payment {
        to: to[0].clone(),
        amount: 1,
    });
    assert_err!(
        t.pool.try_batch_distribute(&t.admin, &over),
        RevenuePoolError::InsufficientBalance
    );
    let overflow = vec![
        &t.env,
        Payment {
            to: to[0].clone(),
            amount: i128::MAX,
        },
        Payment {
            to: to[1].clone(),
            amount: 1,
        },
    ];
    assert_err!(
        t.pool.try_batch_distribute(&t.admin, &overflow),
        RevenuePoolError::Overflow
    );
    assert_eq!(t.pool.balance(), 970);
    assert_eq!(t.token.balance(&to[0]), 0);
}

#[test]
fn admin_handover_upgrade_migrate() {
    let t = T::new(5);
    let next = Address::generate(&t.env);
    t.pool.set_admin(&t.admin, &next, &200);
    let events = t.env.events().all().filter_by_contract(&t.pool.address);
    assert_eq!(
        events.events().last().unwrap().clone(),
        AdminProposed {
            admin: t.admin.clone(),
            pending_admin: next.clone(),
            live_until_ledger: 200
        }
        .to_xdr(&t.env, &t.pool.address)
    );
    assert_err!(
        t.pool.try_set_admin(&next, &next, &200),
        RevenuePoolError::NotAdmin
    );
    assert_err!(
        t.pool.try_accept_admin(&t.admin),
        RevenuePoolError::NotPendingAdmin
    );
    t.pool.accept_admin(&next);
    assert_eq!(t.pool.get_admin(), next);
    assert_err!(
        t.pool.try_accept_admin(&next),
        RevenuePoolError::NoPendingAdmin
    );
    assert_err!(
        t.pool.try_set_admin(&next, &next, &99),
        RevenuePoolError::InvalidExpiry
    );
    t.pool.set_admin(&next, &t.admin, &101);
    t.env.ledger().set_sequence_number(102);
    assert_err!(
        t.pool.try_accept_admin(&t.admin),
        RevenuePoolError::PendingAdminExpired
    );

    assert_err!(t.pool.try_migrate(&next), RevenuePoolError::AlreadyMigrated);
    assert_err!(t.pool.try_migrate(&t.admin), RevenuePoolError::NotAdmin);
    t.env.as_contract(&t.pool.address, || {
        callora_types::upgrade::init_schema(&t.env, 0)
    });
    t.pool.migrate(&next);
    let events = t.env.events().all().filter_by_contract(&t.pool.address);
    assert_eq!(
        events.events().last().unwrap().clone(),
        Migrated {
            from: 0,
            to: SCHEMA_VERSION
        }
        .to_xdr(&t.env, &t.pool.address)
    );

    let hash = t.env.deployer().upload_contract_wasm(POOL_WASM);
    assert_err!(
        t.pool.try_upgrade(&t.admin, &hash),
        RevenuePoolError::NotAdmin
    );
    t.pool.upgrade(&next, &hash);
    let events = t.env.events().all().filter_by_contract(&t.pool.address);
    assert_eq!(
        events.events().last().unwrap().clone(),
        Upgraded {
            new_wasm_hash: hash,
            from_version: VERSION
        }
        .to_xdr(&t.env, &t.pool.address)
    );
    assert_eq!(t.pool.balance(), 5);
    assert_eq!(t.pool.get_admin(), next);
}
