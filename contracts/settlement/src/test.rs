//! Native tests of the settlement's logic, with a Stellar Asset Contract as
//! USDC. Vaults are plain addresses here (their authorization is mocked);
//! the integration crate drives the settlement from the real vault WASM.
extern crate std;

use crate::{
    BalancesImported, DeveloperCredited, DeveloperWithdrawal, GlobalPool, PoolCredited,
    PoolDistributed, Settlement, SettlementClient, SettlementError, VaultSet, MAX_BATCH_CREDITS,
    MAX_IMPORT, MAX_PAGE_SIZE, SCHEMA_VERSION, VERSION,
};
use callora_types::{
    events::{AdminAccepted, Migrated},
    types::{DeveloperBalance, Payment},
};
use soroban_sdk::{
    testutils::{Address as _, Events as _, Ledger as _},
    token::{StellarAssetClient, TokenClient},
    vec, Address, Env, Event, Vec,
};

const SETTLEMENT_WASM: &[u8] = include_bytes!("../../../artifacts/callora_settlement.wasm");

struct T {
    env: Env,
    admin: Address,
    vault: Address,
    usdc: Address,
    token: TokenClient<'static>,
    sac: StellarAssetClient<'static>,
    s: SettlementClient<'static>,
}

impl T {
    fn new() -> T {
        let env = callora_types::test_env();
        env.mock_all_auths();
        env.ledger().set_sequence_number(100);
        env.ledger().set_timestamp(1_700_000_000);
        let admin = Address::generate(&env);
        let vault = Address::generate(&env);
        let usdc = env
            .register_stellar_asset_contract_v2(Address::generate(&env))
            .address();
        let sac = StellarAssetClient::new(&env, &usdc);
        sac.mint(&vault, &1_000_000);
        let id = env.register(
            Settlement,
            (admin.clone(), usdc.clone(), Some(vault.clone())),
        );
        T {
            token: TokenClient::new(&env, &usdc),
            s: SettlementClient::new(&env, &id),
            env,
            admin,
            vault,
            usdc,
            sac,
        }
    }

    fn held(&self) -> i128 {
        self.token.balance(&self.s.address)
    }

    /// USDC held == pool + sum of developer balances.
    fn assert_backed(&self) {
        assert_eq!(
            self.held(),
            self.s.get_global_pool().total_balance + self.s.get_developer_total()
        );
    }

    fn snapshot(&self) -> (GlobalPool, i128, u32, i128, i128) {
        (
            self.s.get_global_pool(),
            self.s.get_developer_total(),
            self.s.get_developer_count(),
            self.held(),
            self.token.balance(&self.vault),
        )
    }

    fn last_event(&self) -> soroban_sdk::xdr::ContractEvent {
        let events = self.env.events().all().filter_by_contract(&self.s.address);
        events.events().last().unwrap().clone()
    }
}

macro_rules! assert_err {
    ($call:expr, $err:expr) => {
        assert_eq!($call, Err(Ok($err)))
    };
}

#[test]
fn constructor_registers_vault() {
    let t = T::new();
    assert!(t.s.is_vault(&t.vault));
    assert_eq!(t.s.get_admin(), t.admin);
    assert_eq!(t.s.get_usdc_token(), t.usdc);
    assert_eq!(t.s.version(), VERSION);
    assert_eq!(t.s.schema_version(), SCHEMA_VERSION);
    assert_eq!(t.s.get_pending_admin(), None);
    assert_eq!(
        t.s.get_global_pool(),
        GlobalPool {
            total_balance: 0,
            last_updated: 0
        }
    );
}

#[test]
#[should_panic(expected = "Error(Contract, #309)")]
fn constructor_rejects_self_as_vault() {
    let env = callora_types::test_env();
    let at = Address::generate(&env);
    env.register_at(
        &at,
        Settlement,
        (
            Address::generate(&env),
            Address::generate(&env),
            Some(at.clone()),
        ),
    );
}

#[test]
fn pool_payment_pulls_then_credits() {
    let t = T::new();
    t.s.receive_payment(&t.vault, &100, &true, &None);
    assert_eq!(
        t.last_event(),
        PoolCredited {
            vault: t.vault.clone(),
            amount: 100,
            total_balance: 100
        }
        .to_xdr(&t.env, &t.s.address)
    );
    assert_eq!(
        t.s.get_global_pool(),
        GlobalPool {
            total_balance: 100,
            last_updated: 1_700_000_000
        }
    );
    assert_eq!(t.held(), 100);
    assert_eq!(t.token.balance(&t.vault), 999_900);
    t.assert_backed();
}

#[test]
fn developer_payment_and_withdrawal() {
    let t = T::new();
    let dev = Address::generate(&t.env);
    t.s.receive_payment(&t.vault, &70, &false, &Some(dev.clone()));
    assert_eq!(
        t.last_event(),
        DeveloperCredited {
            developer: dev.clone(),
            vault: t.vault.clone(),
            amount: 70,
            balance: 70
        }
        .to_xdr(&t.env, &t.s.address)
    );
    t.s.receive_payment(&t.vault, &30, &false, &Some(dev.clone()));
    assert_eq!(t.s.get_developer_balance(&dev), 100);
    assert_eq!(t.s.get_developer_count(), 1);
    t.assert_backed();

    t.s.withdraw(&dev, &60);
    assert_eq!(
        t.last_event(),
        DeveloperWithdrawal {
            developer: dev.clone(),
            amount: 60,
            balance: 40
        }
        .to_xdr(&t.env, &t.s.address)
    );
    assert_eq!(t.token.balance(&dev), 60);
    assert_eq!(t.s.get_developer_balance(&dev), 40);
    t.assert_backed();
}

#[test]
fn payment_validation_leaves_state_untouched() {
    let t = T::new();
    let dev = Address::generate(&t.env);
    let stranger = Address::generate(&t.env);
    t.sac.mint(&stranger, &1_000);
    let before = t.snapshot();
    assert_err!(
        t.s.try_receive_payment(&stranger, &10, &true, &None),
        SettlementError::NotVault
    );
    assert_err!(
        t.s.try_receive_payment(&t.vault, &0, &true, &None),
        SettlementError::InvalidAmount
    );
    assert_err!(
        t.s.try_receive_payment(&t.vault, &10, &true, &Some(dev.clone())),
        SettlementError::InvalidPayment
    );
    assert_err!(
        t.s.try_receive_payment(&t.vault, &10, &false, &None),
        SettlementError::InvalidPayment
    );
    assert_eq!(t.snapshot(), before);
}

#[test]
fn batch_payments() {
    let t = T::new();
    let (a, b) = (Address::generate(&t.env), Address::generate(&t.env));
    let credits = vec![
        &t.env,
        Payment {
            to: a.clone(),
            amount: 5,
        },
        Payment {
            to: b.clone(),
            amount: 6,
        },
        Payment {
            to: a.clone(),
            amount: 7,
        },
    ];
    t.s.receive_payments(&t.vault, &10, &credits);
    assert_eq!(t.s.get_developer_balance(&a), 12);
    assert_eq!(t.s.get_developer_balance(&b), 6);
    assert_eq!(t.s.get_global_pool().total_balance, 10);
    assert_eq!(t.held(), 28);
    assert_eq!(t.s.get_developer_count(), 2);
    t.assert_backed();

    let before = t.snapshot();
    assert_err!(
        t.s.try_receive_payments(&t.vault, &0, &Vec::new(&t.env)),
        SettlementError::InvalidAmount
    );
    assert_err!(
        t.s.try_receive_payments(&t.vault, &-1, &credits),
        SettlementError::InvalidAmount
    );
    let zero = vec![
        &t.env,
        Payment {
            to: a.clone(),
            amount: 0,
        },
    ];
    assert_err!(
        t.s.try_receive_payments(&t.vault, &0, &zero),
        SettlementError::InvalidAmount
    );
    let mut too_many = Vec::new(&t.env);
    for _ in 0..=MAX_BATCH_CREDITS {
        too_many.push_back(Payment {
            to: a.clone(),
            amount: 1,
        });
    }
    assert_err!(
        t.s.try_receive_payments(&t.vault, &0, &too_many),
        SettlementError::InvalidBatchSize
    );
    assert_err!(
        t.s.try_receive_payments(&t.admin, &1, &Vec::new(&t.env)),
        SettlementError::NotVault
    );
    let overflow = vec![
        &t.env,
        Payment {
            to: a.clone(),
            amount: i128::MAX,
        },
        Payment {
            to: b.clone(),
            amount: 1,
        },
    ];
    assert_err!(
        t.s.try_receive_payments(&t.vault, &0, &overflow),
        SettlementError::Overflow
    );
    assert_eq!(t.snapshot(), before);
}

#[test]
fn withdraw_validation() {
    let t = T::new();
    let dev = Address::generate(&t.env);
    let other = Address::generate(&t.env);
    t.s.receive_payment(&t.vault, &50, &false, &Some(dev.clone()));
    let before = t.snapshot();
    assert_err!(t.s.try_withdraw(&dev, &0), SettlementError::InvalidAmount);
    assert_err!(
        t.s.try_withdraw(&dev, &51),
        SettlementError::InsufficientBalance
    );
    // Another developer cannot take dev's balance: theirs is 0.
    assert_err!(
        t.s.try_withdraw(&other, &1),
        SettlementError::InsufficientBalance
    );
    assert_eq!(t.snapshot(), before);
    // Without the developer's signature nothing moves.
    t.env.set_auths(&[]);
    assert!(t.s.try_withdraw(&dev, &1).is_err());
    assert_eq!(t.s.get_developer_balance(&dev), 50);
}

#[test]
fn distribute_pool_is_admin_only() {
    let t = T::new();
    let to = Address::generate(&t.env);
    t.s.receive_payment(&t.vault, &100, &true, &None);
    let before = t.snapshot();
    assert_err!(
        t.s.try_distribute_pool(&to, &to, &10),
        SettlementError::NotAdmin
    );
    assert_err!(
        t.s.try_distribute_pool(&t.admin, &to, &0),
        SettlementError::InvalidAmount
    );
    assert_err!(
        t.s.try_distribute_pool(&t.admin, &to, &101),
        SettlementError::InsufficientPool
    );
    assert_err!(
        t.s.try_distribute_pool(&t.admin, &t.s.address, &1),
        SettlementError::InvalidRecipient
    );
    assert_eq!(t.snapshot(), before);
    t.s.distribute_pool(&t.admin, &to, &40);
    assert_eq!(
        t.last_event(),
        PoolDistributed {
            to: to.clone(),
            amount: 40,
            total_balance: 60
        }
        .to_xdr(&t.env, &t.s.address)
    );
    assert_eq!(t.token.balance(&to), 40);
    t.assert_backed();
}

#[test]
fn vault_registry() {
    let t = T::new();
    let v2 = Address::generate(&t.env);
    assert!(!t.s.is_vault(&v2));
    assert_err!(
        t.s.try_set_vault(&v2, &v2, &true),
        SettlementError::NotAdmin
    );
    assert_err!(
        t.s.try_set_vault(&t.admin, &t.s.address, &true),
        SettlementError::InvalidRecipient
    );
    t.s.set_vault(&t.admin, &v2, &true);
    assert_eq!(
        t.last_event(),
        VaultSet {
            vault: v2.clone(),
            allowed: true
        }
        .to_xdr(&t.env, &t.s.address)
    );
    assert!(t.s.is_vault(&v2));
    t.s.set_vault(&t.admin, &t.vault, &false);
    assert!(!t.s.is_vault(&t.vault));
    assert_err!(
        t.s.try_receive_payment(&t.vault, &1, &true, &None),
        SettlementError::NotVault
    );
}

#[test]
fn pagination() {
    let t = T::new();
    let mut devs = std::vec::Vec::new();
    for i in 0..5 {
        let dev = Address::generate(&t.env);
        t.s.receive_payment(&t.vault, &(i + 1), &false, &Some(dev.clone()));
        devs.push(dev);
    }
    assert_eq!(t.s.get_developer_count(), 5);
    let page = t.s.get_developer_balances(&1, &2);
    assert_eq!(
        page,
        vec![
            &t.env,
            DeveloperBalance {
                developer: devs[1].clone(),
                balance: 2
            },
            DeveloperBalance {
                developer: devs[2].clone(),
                balance: 3
            },
        ]
    );
    assert_eq!(t.s.get_developer_balances(&4, &MAX_PAGE_SIZE).len(), 1);
    assert_eq!(t.s.get_developer_balances(&5, &10).len(), 0);
    assert_eq!(t.s.get_developer_balances(&u32::MAX, &10).len(), 0);
    assert_err!(
        t.s.try_get_developer_balances(&0, &0),
        SettlementError::InvalidLimit
    );
    assert_err!(
        t.s.try_get_developer_balances(&0, &(MAX_PAGE_SIZE + 1)),
        SettlementError::InvalidLimit
    );
}

#[test]
fn import_must_be_backed() {
    let t = T::new();
    let dev = Address::generate(&t.env);
    let entries = vec![
        &t.env,
        DeveloperBalance {
            developer: dev.clone(),
            balance: 300,
        },
    ];
    assert_err!(
        t.s.try_import_balances(&t.admin, &entries, &200),
        SettlementError::ImportNotBacked
    );
    t.sac.mint(&t.s.address, &499);
    assert_err!(
        t.s.try_import_balances(&t.admin, &entries, &200),
        SettlementError::ImportNotBacked
    );
    t.sac.mint(&t.s.address, &1);
    assert_err!(
        t.s.try_import_balances(&dev, &entries, &200),
        SettlementError::NotAdmin
    );
    t.s.import_balances(&t.admin, &entries, &200);
    assert_eq!(
        t.last_event(),
        BalancesImported {
            developers: 1,
            developer_amount: 300,
            pool_amount: 200
        }
        .to_xdr(&t.env, &t.s.address)
    );
    assert_eq!(t.s.get_developer_balance(&dev), 300);
    assert_eq!(t.s.get_global_pool().total_balance, 200);
    t.assert_backed();
    // Already-accounted USDC cannot back a second import.
    assert_err!(
        t.s.try_import_balances(&t.admin, &entries, &0),
        SettlementError::ImportNotBacked
    );
}

#[test]
fn import_validation() {
    let t = T::new();
    let dev = Address::generate(&t.env);
    t.sac.mint(&t.s.address, &1_000);
    let before = t.snapshot();
    assert_err!(
        t.s.try_import_balances(&t.admin, &Vec::new(&t.env), &0),
        SettlementError::InvalidBatchSize
    );
    assert_err!(
        t.s.try_import_balances(&t.admin, &Vec::new(&t.env), &-1),
        SettlementError::InvalidAmount
    );
    let zero = vec![
        &t.env,
        DeveloperBalance {
            developer: dev.clone(),
            balance: 0,
        },
    ];
    assert_err!(
        t.s.try_import_balances(&t.admin, &zero, &0),
        SettlementError::InvalidAmount
    );
    let mut too_many = Vec::new(&t.env);
    for _ in 0..=MAX_IMPORT {
        too_many.push_back(DeveloperBalance {
            developer: dev.clone(),
            balance: 1,
        });
    }
    assert_err!(
        t.s.try_import_balances(&t.admin, &too_many, &0),
        SettlementError::InvalidBatchSize
    );
    let overflow = vec![
        &t.env,
        DeveloperBalance {
            developer: dev.clone(),
            balance: i128::MAX,
        },
        DeveloperBalance {
            developer: dev.clone(),
            balance: 1,
        },
    ];
    assert_err!(
        t.s.try_import_balances(&t.admin, &overflow, &0),
        SettlementError::Overflow
    );
    assert_eq!(t.snapshot(), before);
    // Pool-only import.
    t.s.import_balances(&t.admin, &Vec::new(&t.env), &1_000);
    assert_eq!(t.s.get_global_pool().total_balance, 1_000);
    t.assert_backed();
}

#[test]
fn admin_handover_upgrade_migrate() {
    let t = T::new();
    let next = Address::generate(&t.env);
    assert_err!(
        t.s.try_set_admin(&next, &next, &150),
        SettlementError::NotAdmin
    );
    assert_err!(
        t.s.try_set_admin(&t.admin, &next, &1),
        SettlementError::InvalidExpiry
    );
    assert_err!(t.s.try_accept_admin(&next), SettlementError::NoPendingAdmin);
    t.s.set_admin(&t.admin, &next, &150);
    assert_err!(
        t.s.try_accept_admin(&t.vault),
        SettlementError::NotPendingAdmin
    );
    t.env.ledger().set_sequence_number(151);
    assert_err!(
        t.s.try_accept_admin(&next),
        SettlementError::PendingAdminExpired
    );
    t.s.set_admin(&t.admin, &next, &160);
    t.s.accept_admin(&next);
    assert_eq!(
        t.last_event(),
        AdminAccepted {
            admin: next.clone(),
            previous_admin: t.admin.clone()
        }
        .to_xdr(&t.env, &t.s.address)
    );
    assert_eq!(t.s.get_admin(), next);

    assert_err!(t.s.try_migrate(&next), SettlementError::AlreadyMigrated);
    assert_err!(t.s.try_migrate(&t.admin), SettlementError::NotAdmin);
    t.env.as_contract(&t.s.address, || {
        callora_types::upgrade::init_schema(&t.env, 0)
    });
    t.s.migrate(&next);
    assert_eq!(
        t.last_event(),
        Migrated {
            from: 0,
            to: SCHEMA_VERSION
        }
        .to_xdr(&t.env, &t.s.address)
    );

    let hash = t.env.deployer().upload_contract_wasm(SETTLEMENT_WASM);
    assert_err!(t.s.try_upgrade(&t.admin, &hash), SettlementError::NotAdmin);
    t.s.receive_payment(&t.vault, &5, &true, &None);
    t.s.upgrade(&next, &hash);
    assert_eq!(t.s.get_global_pool().total_balance, 5);
    assert_eq!(t.s.version(), VERSION);
}

#[test]
fn overflow_on_accumulation_is_typed() {
    let t = T::new();
    let dev = Address::generate(&t.env);
    t.sac.mint(&t.vault, &(i128::MAX - 1_000_000));
    t.s.receive_payment(&t.vault, &i128::MAX, &false, &Some(dev.clone()));
    let v2 = Address::generate(&t.env);
    t.s.set_vault(&t.admin, &v2, &true);
    t.sac.mint(&v2, &10);
    assert_err!(
        t.s.try_receive_payment(&v2, &1, &false, &Some(dev.clone())),
        SettlementError::Overflow
    );
    assert_eq!(t.s.get_developer_balance(&dev), i128::MAX);
    assert_eq!(t.token.balance(&v2), 10);
}

#[test]
fn retire_moves_all_usdc_and_leaves_the_settlement_inert() {
    let t = T::new();
    let dev = Address::generate(&t.env);
    let next = Address::generate(&t.env);
    t.s.receive_payment(&t.vault, &70, &false, &Some(dev.clone()));
    t.s.receive_payment(&t.vault, &30, &true, &None);
    assert_err!(t.s.try_retire(&dev, &next), SettlementError::NotAdmin);
    assert_err!(
        t.s.try_retire(&t.admin, &t.s.address),
        SettlementError::InvalidRecipient
    );
    assert_eq!(t.s.retire(&t.admin, &next), 100);
    assert_eq!(
        t.last_event(),
        crate::Retired {
            successor: next.clone(),
            amount: 100
        }
        .to_xdr(&t.env, &t.s.address)
    );
    assert_eq!(t.token.balance(&next), 100);
    assert_eq!(t.held(), 0);
    assert_eq!(t.s.get_successor(), Some(next.clone()));
    // Balances stay readable for the export...
    assert_eq!(t.s.get_developer_balance(&dev), 70);
    assert_eq!(t.s.get_global_pool().total_balance, 30);
    // ...and nothing else moves.
    let before = t.snapshot();
    assert_err!(
        t.s.try_receive_payment(&t.vault, &1, &true, &None),
        SettlementError::Retired
    );
    assert_err!(
        t.s.try_receive_payments(&t.vault, &1, &Vec::new(&t.env)),
        SettlementError::Retired
    );
    assert_err!(t.s.try_withdraw(&dev, &1), SettlementError::Retired);
    assert_err!(
        t.s.try_distribute_pool(&t.admin, &dev, &1),
        SettlementError::Retired
    );
    assert_err!(
        t.s.try_import_balances(&t.admin, &Vec::new(&t.env), &1),
        SettlementError::Retired
    );
    assert_err!(t.s.try_retire(&t.admin, &next), SettlementError::Retired);
    assert_eq!(t.snapshot(), before);
}

#[test]
fn retire_with_nothing_held() {
    let t = T::new();
    let next = Address::generate(&t.env);
    assert_eq!(t.s.retire(&t.admin, &next), 0);
    assert_eq!(t.token.balance(&next), 0);
    assert_eq!(t.s.get_successor(), Some(next));
}
