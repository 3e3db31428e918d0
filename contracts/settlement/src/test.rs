//! Native tests of the settlement's logic, with a Stellar Asset Contract as
//! USDC. Vaults are plain addresses here (their authorization is mocked);
//! the integration crate drives the settlement from the real vault WASM.
//! Redeploy-migration tests register several native settlements in one
//! `Env`: the old one (`t.s`) and its successors.
extern crate std;

use core::fmt::Debug;

use crate::{
    storage::DataKey, BalancesImported, DeveloperCredited, DeveloperWithdrawal, GlobalPool,
    PoolCredited, PoolDistributed, PredecessorSet, Retired, Settlement, SettlementClient,
    SettlementError, SettlementInitialized, UntrackedBooked, VaultSet, MAX_BATCH_CREDITS,
    MAX_IMPORT, MAX_PAGE_SIZE, SCHEMA_VERSION, VERSION,
};
use callora_types::{
    events::{AdminAccepted, AdminProposed, Migrated, Upgraded},
    ttl::{
        DAY_IN_LEDGERS, INSTANCE_EXTEND_AMOUNT, PERSISTENT_EXTEND_AMOUNT, PERSISTENT_TTL_THRESHOLD,
    },
    types::{DeveloperBalance, Payment, PendingAdmin},
};
use soroban_sdk::{
    testutils::{
        storage::{Instance as _, Persistent as _},
        Address as _, Events as _, Ledger as _,
    },
    token::{StellarAssetClient, TokenClient},
    vec, xdr, Address, Env, Event, Map, Symbol, TryFromVal, Val, Vec,
};

const SETTLEMENT_WASM: &[u8] = include_bytes!("../../../artifacts/callora_settlement.wasm");

/// Everything a settlement exposes, for "a refusal changed nothing" checks.
#[derive(Clone, Debug, PartialEq)]
struct State {
    admin: Address,
    pending_admin: Option<PendingAdmin>,
    pool: GlobalPool,
    developer_total: i128,
    developer_count: u32,
    balances: std::vec::Vec<DeveloperBalance>,
    held: i128,
    predecessor: Option<Address>,
    successor: Option<Address>,
    import_cursor: u32,
    schema_version: u32,
}

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

    /// Another settlement on the same USDC, same admin, no vault.
    fn another(&self) -> SettlementClient<'static> {
        self.on_token(&self.usdc)
    }

    fn on_token(&self, usdc: &Address) -> SettlementClient<'static> {
        let id = self.env.register(
            Settlement,
            (self.admin.clone(), usdc.clone(), None::<Address>),
        );
        SettlementClient::new(&self.env, &id)
    }

    /// Credits `n` new developers 10, 20, 30, ... through `t.vault`, and the
    /// pool `pool`; returns the developers in index order.
    fn seed(&self, n: u32, pool: i128) -> std::vec::Vec<Address> {
        let mut devs = std::vec::Vec::new();
        for i in 0..n {
            let dev = Address::generate(&self.env);
            let amount = 10 * (i128::from(i) + 1);
            self.s
                .receive_payment(&self.vault, &amount, &false, &Some(dev.clone()));
            devs.push(dev);
        }
        if pool > 0 {
            self.s.receive_payment(&self.vault, &pool, &true, &None);
        }
        devs
    }

    /// A new settlement names `t.s` as its predecessor and `t.s` retires in
    /// its favour; the new settlement has imported nothing yet.
    fn hand_over(&self) -> SettlementClient<'static> {
        let next = self.another();
        next.set_predecessor(&self.admin, &self.s.address);
        self.s.retire(&self.admin, &next.address);
        next
    }

    fn held(&self) -> i128 {
        self.token.balance(&self.s.address)
    }

    fn state(&self, s: &SettlementClient) -> State {
        let mut balances = std::vec::Vec::new();
        loop {
            let start = balances.len() as u32;
            let page = s.get_developer_balances(&start, &MAX_PAGE_SIZE);
            balances.extend(page.iter());
            if page.len() < MAX_PAGE_SIZE {
                break;
            }
        }
        State {
            admin: s.get_admin(),
            pending_admin: s.get_pending_admin(),
            pool: s.get_global_pool(),
            developer_total: s.get_developer_total(),
            developer_count: s.get_developer_count(),
            balances,
            held: self.token.balance(&s.address),
            predecessor: s.get_predecessor(),
            successor: s.get_successor(),
            import_cursor: s.get_import_cursor(),
            schema_version: s.schema_version(),
        }
    }

    /// The state of every settlement in `watch`, and the vault's USDC.
    fn world(&self, watch: &[&SettlementClient]) -> (std::vec::Vec<State>, i128) {
        (
            watch.iter().map(|s| self.state(s)).collect(),
            self.token.balance(&self.vault),
        )
    }

    /// `call` fails with exactly `err` and leaves every settlement in `watch`
    /// (and the vault's USDC) as it was. (The host discards a failed call's
    /// events.)
    fn refused<R: Debug, C: Debug>(
        &self,
        watch: &[&SettlementClient],
        err: SettlementError,
        call: impl FnOnce() -> Result<R, Result<SettlementError, C>>,
    ) {
        let before = self.world(watch);
        let result = call();
        match result {
            Err(Ok(e)) => assert_eq!(e, err),
            other => panic!("expected {err:?}, got {other:?}"),
        }
        assert_eq!(self.world(watch), before, "a refused call changed state");
    }

    /// `developer_amount` and `pool_amount` of the `balances_imported`
    /// events the last call emitted on `s`.
    fn imported(&self, s: &SettlementClient) -> (i128, i128) {
        let mut sums = (0, 0);
        for event in self.events(s) {
            let xdr::ContractEventBody::V0(body) = event.body;
            let topic = Val::try_from_val(&self.env, &body.topics[0]).unwrap();
            assert_eq!(
                Symbol::try_from_val(&self.env, &topic).unwrap(),
                Symbol::new(&self.env, "balances_imported")
            );
            let data = Val::try_from_val(&self.env, &body.data).unwrap();
            let data = Map::<Symbol, Val>::try_from_val(&self.env, &data).unwrap();
            let field = |name: &str| {
                let v = data.get(Symbol::new(&self.env, name)).unwrap();
                i128::try_from_val(&self.env, &v).unwrap()
            };
            sums.0 += field("developer_amount");
            sums.1 += field("pool_amount");
        }
        sums
    }

    /// `call` succeeds with 0, emits nothing and changes nothing.
    fn imports_nothing(&self, s: &SettlementClient, call: impl Fn(&SettlementClient) -> u32) {
        let before = self.world(&[s, &self.s]);
        assert_eq!(call(s), 0);
        assert!(self.events(s).is_empty());
        assert_eq!(self.world(&[s, &self.s]), before);
    }

    /// USDC held == pool + sum of developer balances.
    fn assert_backed(&self, s: &SettlementClient) {
        assert_eq!(
            self.token.balance(&s.address),
            s.get_global_pool().total_balance + s.get_developer_total()
        );
    }

    fn events(&self, s: &SettlementClient) -> std::vec::Vec<xdr::ContractEvent> {
        self.env
            .events()
            .all()
            .filter_by_contract(&s.address)
            .events()
            .to_vec()
    }

    /// Exactly one address authorized the last call: `signer`, for
    /// `function` on `s`.
    fn signed_by(&self, s: &SettlementClient, signer: &Address, function: &str) {
        let auths = self.env.auths();
        assert_eq!(auths.len(), 1, "exactly one signer");
        let (who, invocation) = &auths[0];
        assert_eq!(who, signer);
        match &invocation.function {
            soroban_sdk::testutils::AuthorizedFunction::Contract((id, name, _)) => {
                assert_eq!(id, &s.address);
                assert_eq!(name, &Symbol::new(&self.env, function));
            }
            other => panic!("unexpected authorized function {other:?}"),
        }
    }

    /// Remaining TTL of a persistent entry of `s`.
    fn ttl(&self, s: &Address, key: &DataKey) -> u32 {
        self.env
            .as_contract(s, || self.env.storage().persistent().get_ttl(key))
    }

    /// Remaining TTL of `s`'s instance.
    fn instance_ttl(&self, s: &Address) -> u32 {
        self.env
            .as_contract(s, || self.env.storage().instance().get_ttl())
    }

    fn advance_days(&self, days: u32) {
        self.env.ledger().with_mut(|l| {
            l.sequence_number += days * DAY_IN_LEDGERS;
            l.timestamp += u64::from(days) * 86_400;
        });
    }
}

macro_rules! assert_err {
    ($call:expr, $err:expr) => {
        assert_eq!($call, Err(Ok($err)))
    };
}

fn balance(developer: &Address, balance: i128) -> DeveloperBalance {
    DeveloperBalance {
        developer: developer.clone(),
        balance,
    }
}

// ----- constructor and views --------------------------------------------

#[test]
fn constructor_registers_vault() {
    let t = T::new();
    assert!(t.s.is_vault(&t.vault));
    assert_eq!(t.s.get_admin(), t.admin);
    assert_eq!(t.s.get_usdc_token(), t.usdc);
    assert_eq!(t.s.version(), VERSION);
    assert_eq!(t.s.schema_version(), SCHEMA_VERSION);
    assert_eq!(t.s.get_pending_admin(), None);
    assert_eq!(t.s.get_predecessor(), None);
    assert_eq!(t.s.get_successor(), None);
    assert_eq!(t.s.get_import_cursor(), 0);
    assert_eq!(
        t.s.get_global_pool(),
        GlobalPool {
            total_balance: 0,
            last_updated: 0
        }
    );
}

#[test]
fn code_version_3_schema_2() {
    assert_eq!(VERSION, 3);
    assert_eq!(VERSION, callora_types::CODE_VERSION);
    assert_eq!(SCHEMA_VERSION, 2);
}

#[test]
fn constructor_emits_initialized_then_vault_set() {
    let env = callora_types::test_env();
    let (admin, usdc, vault) = (
        Address::generate(&env),
        Address::generate(&env),
        Address::generate(&env),
    );
    let id = env.register(
        Settlement,
        (admin.clone(), usdc.clone(), Some(vault.clone())),
    );
    assert_eq!(
        env.events().all().filter_by_contract(&id),
        [
            SettlementInitialized {
                admin: admin.clone(),
                usdc_token: usdc.clone()
            }
            .to_xdr(&env, &id),
            VaultSet {
                vault,
                allowed: true
            }
            .to_xdr(&env, &id),
        ]
    );
}

#[test]
fn vault_less_constructor_emits_initialized_only() {
    let env = callora_types::test_env();
    let (admin, usdc) = (Address::generate(&env), Address::generate(&env));
    let id = env.register(Settlement, (admin.clone(), usdc.clone(), None::<Address>));
    assert_eq!(
        env.events().all().filter_by_contract(&id),
        [SettlementInitialized {
            admin: admin.clone(),
            usdc_token: usdc.clone()
        }
        .to_xdr(&env, &id)]
    );
    let s = SettlementClient::new(&env, &id);
    assert_eq!(s.get_admin(), admin);
    assert_eq!(s.get_usdc_token(), usdc);
    assert_eq!(s.schema_version(), SCHEMA_VERSION);
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

// ----- payments in ----------------------------------------------------------

#[test]
fn pool_payment_pulls_then_credits() {
    let t = T::new();
    t.s.receive_payment(&t.vault, &100, &true, &None);
    assert_eq!(
        t.events(&t.s),
        [PoolCredited {
            vault: t.vault.clone(),
            amount: 100,
            total_balance: 100
        }
        .to_xdr(&t.env, &t.s.address)]
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
    t.assert_backed(&t.s);
}

#[test]
fn developer_payment_and_withdrawal() {
    let t = T::new();
    let dev = Address::generate(&t.env);
    t.s.receive_payment(&t.vault, &70, &false, &Some(dev.clone()));
    assert_eq!(
        t.events(&t.s),
        [DeveloperCredited {
            developer: dev.clone(),
            vault: t.vault.clone(),
            amount: 70,
            balance: 70
        }
        .to_xdr(&t.env, &t.s.address)]
    );
    t.s.receive_payment(&t.vault, &30, &false, &Some(dev.clone()));
    assert_eq!(t.s.get_developer_balance(&dev), 100);
    assert_eq!(t.s.get_developer_count(), 1);
    t.assert_backed(&t.s);

    t.s.withdraw(&dev, &60);
    t.signed_by(&t.s, &dev, "withdraw");
    assert_eq!(
        t.events(&t.s),
        [DeveloperWithdrawal {
            developer: dev.clone(),
            amount: 60,
            balance: 40
        }
        .to_xdr(&t.env, &t.s.address)]
    );
    assert_eq!(t.token.balance(&dev), 60);
    assert_eq!(t.s.get_developer_balance(&dev), 40);
    t.assert_backed(&t.s);
}

#[test]
fn payment_validation_leaves_state_untouched() {
    let t = T::new();
    let dev = Address::generate(&t.env);
    let stranger = Address::generate(&t.env);
    t.sac.mint(&stranger, &1_000);
    let s = &t.s;
    t.refused(&[s], SettlementError::NotVault, || {
        s.try_receive_payment(&stranger, &10, &true, &None)
    });
    t.refused(&[s], SettlementError::InvalidAmount, || {
        s.try_receive_payment(&t.vault, &0, &true, &None)
    });
    t.refused(&[s], SettlementError::InvalidAmount, || {
        s.try_receive_payment(&t.vault, &-5, &false, &Some(dev.clone()))
    });
    t.refused(&[s], SettlementError::InvalidPayment, || {
        s.try_receive_payment(&t.vault, &10, &true, &Some(dev.clone()))
    });
    t.refused(&[s], SettlementError::InvalidPayment, || {
        s.try_receive_payment(&t.vault, &10, &false, &None)
    });
    assert_eq!(t.token.balance(&stranger), 1_000);
}

#[test]
fn credits_to_the_settlement_or_a_vault_are_refused() {
    let t = T::new();
    let s = &t.s;
    let dev = Address::generate(&t.env);
    let other_vault = Address::generate(&t.env);
    t.s.set_vault(&t.admin, &other_vault, &true);
    t.s.receive_payment(&t.vault, &5, &false, &Some(dev.clone()));
    for bad in [&s.address, &t.vault, &other_vault] {
        t.refused(&[s], SettlementError::InvalidRecipient, || {
            s.try_receive_payment(&t.vault, &10, &false, &Some(bad.clone()))
        });
        // In a batch, one bad credit refuses the whole batch.
        let credits = vec![
            &t.env,
            Payment {
                to: dev.clone(),
                amount: 3,
            },
            Payment {
                to: bad.clone(),
                amount: 4,
            },
        ];
        t.refused(&[s], SettlementError::InvalidRecipient, || {
            s.try_receive_payments(&t.vault, &2, &credits)
        });
    }
    assert_eq!(t.s.get_developer_balance(&s.address), 0);
    assert_eq!(t.s.get_developer_balance(&t.vault), 0);
    assert_eq!(t.s.get_developer_count(), 1);
    // A deregistered vault is an ordinary address again.
    t.s.set_vault(&t.admin, &other_vault, &false);
    t.s.receive_payment(&t.vault, &10, &false, &Some(other_vault.clone()));
    assert_eq!(t.s.get_developer_balance(&other_vault), 10);
    t.assert_backed(&t.s);
}

#[test]
fn batch_payments() {
    let t = T::new();
    let s = &t.s;
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
    assert_eq!(
        t.events(&t.s),
        [
            PoolCredited {
                vault: t.vault.clone(),
                amount: 10,
                total_balance: 10
            }
            .to_xdr(&t.env, &s.address),
            DeveloperCredited {
                developer: a.clone(),
                vault: t.vault.clone(),
                amount: 5,
                balance: 5
            }
            .to_xdr(&t.env, &s.address),
            DeveloperCredited {
                developer: b.clone(),
                vault: t.vault.clone(),
                amount: 6,
                balance: 6
            }
            .to_xdr(&t.env, &s.address),
            DeveloperCredited {
                developer: a.clone(),
                vault: t.vault.clone(),
                amount: 7,
                balance: 12
            }
            .to_xdr(&t.env, &s.address),
        ]
    );
    assert_eq!(t.s.get_developer_balance(&a), 12);
    assert_eq!(t.s.get_developer_balance(&b), 6);
    assert_eq!(t.s.get_global_pool().total_balance, 10);
    assert_eq!(t.held(), 28);
    assert_eq!(t.s.get_developer_count(), 2);
    t.assert_backed(&t.s);

    t.refused(&[s], SettlementError::InvalidAmount, || {
        s.try_receive_payments(&t.vault, &0, &Vec::new(&t.env))
    });
    t.refused(&[s], SettlementError::InvalidAmount, || {
        s.try_receive_payments(&t.vault, &-1, &credits)
    });
    let zero = vec![
        &t.env,
        Payment {
            to: a.clone(),
            amount: 0,
        },
    ];
    t.refused(&[s], SettlementError::InvalidAmount, || {
        s.try_receive_payments(&t.vault, &0, &zero)
    });
    let mut too_many = Vec::new(&t.env);
    for _ in 0..=MAX_BATCH_CREDITS {
        too_many.push_back(Payment {
            to: a.clone(),
            amount: 1,
        });
    }
    t.refused(&[s], SettlementError::InvalidBatchSize, || {
        s.try_receive_payments(&t.vault, &0, &too_many)
    });
    t.refused(&[s], SettlementError::NotVault, || {
        s.try_receive_payments(&t.admin, &1, &Vec::new(&t.env))
    });
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
    t.refused(&[s], SettlementError::Overflow, || {
        s.try_receive_payments(&t.vault, &0, &overflow)
    });
}

// ----- payments out ---------------------------------------------------------

#[test]
fn withdraw_validation() {
    let t = T::new();
    let s = &t.s;
    let dev = Address::generate(&t.env);
    let other = Address::generate(&t.env);
    t.s.receive_payment(&t.vault, &50, &false, &Some(dev.clone()));
    t.refused(&[s], SettlementError::InvalidAmount, || {
        s.try_withdraw(&dev, &0)
    });
    t.refused(&[s], SettlementError::InsufficientBalance, || {
        s.try_withdraw(&dev, &51)
    });
    // Another developer cannot take dev's balance: theirs is 0.
    t.refused(&[s], SettlementError::InsufficientBalance, || {
        s.try_withdraw(&other, &1)
    });
    // Without the developer's signature nothing moves: the host refuses the
    // missing authorization (not a contract error).
    t.env.set_auths(&[]);
    let before = t.world(&[s]);
    let refused = t.s.try_withdraw(&dev, &1);
    assert_eq!(
        refused,
        Err(Err(soroban_sdk::InvokeError::Abort)),
        "missing auth must abort the call"
    );
    assert_eq!(t.world(&[s]), before);
    assert_eq!(t.s.get_developer_balance(&dev), 50);
}

#[test]
fn distribute_pool_is_admin_only() {
    let t = T::new();
    let s = &t.s;
    let to = Address::generate(&t.env);
    t.s.receive_payment(&t.vault, &100, &true, &None);
    t.refused(&[s], SettlementError::NotAdmin, || {
        s.try_distribute_pool(&to, &to, &10)
    });
    t.refused(&[s], SettlementError::InvalidAmount, || {
        s.try_distribute_pool(&t.admin, &to, &0)
    });
    t.refused(&[s], SettlementError::InsufficientPool, || {
        s.try_distribute_pool(&t.admin, &to, &101)
    });
    t.refused(&[s], SettlementError::InvalidRecipient, || {
        s.try_distribute_pool(&t.admin, &s.address, &1)
    });
    t.s.distribute_pool(&t.admin, &to, &40);
    t.signed_by(s, &t.admin, "distribute_pool");
    assert_eq!(
        t.events(s),
        [PoolDistributed {
            to: to.clone(),
            amount: 40,
            total_balance: 60
        }
        .to_xdr(&t.env, &t.s.address)]
    );
    assert_eq!(t.token.balance(&to), 40);
    t.assert_backed(&t.s);
}

#[test]
fn vault_registry() {
    let t = T::new();
    let s = &t.s;
    let v2 = Address::generate(&t.env);
    assert!(!t.s.is_vault(&v2));
    t.refused(&[s], SettlementError::NotAdmin, || {
        s.try_set_vault(&v2, &v2, &true)
    });
    t.refused(&[s], SettlementError::InvalidRecipient, || {
        s.try_set_vault(&t.admin, &s.address, &true)
    });
    t.s.set_vault(&t.admin, &v2, &true);
    t.signed_by(s, &t.admin, "set_vault");
    assert_eq!(
        t.events(s),
        [VaultSet {
            vault: v2.clone(),
            allowed: true
        }
        .to_xdr(&t.env, &t.s.address)]
    );
    assert!(t.s.is_vault(&v2));
    t.s.set_vault(&t.admin, &t.vault, &false);
    assert_eq!(
        t.events(s),
        [VaultSet {
            vault: t.vault.clone(),
            allowed: false
        }
        .to_xdr(&t.env, &t.s.address)]
    );
    assert!(!t.s.is_vault(&t.vault));
    t.refused(&[s], SettlementError::NotVault, || {
        s.try_receive_payment(&t.vault, &1, &true, &None)
    });
}

#[test]
fn pagination() {
    let t = T::new();
    let devs = t.seed(5, 0);
    assert_eq!(t.s.get_developer_count(), 5);
    let page = t.s.get_developer_balances(&1, &2);
    assert_eq!(
        page,
        vec![&t.env, balance(&devs[1], 20), balance(&devs[2], 30)]
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
fn overflow_on_accumulation_is_typed() {
    let t = T::new();
    let dev = Address::generate(&t.env);
    t.sac.mint(&t.vault, &(i128::MAX - 1_000_000));
    t.s.receive_payment(&t.vault, &i128::MAX, &false, &Some(dev.clone()));
    let v2 = Address::generate(&t.env);
    t.s.set_vault(&t.admin, &v2, &true);
    t.sac.mint(&v2, &10);
    let s = &t.s;
    t.refused(&[s], SettlementError::Overflow, || {
        s.try_receive_payment(&v2, &1, &false, &Some(dev.clone()))
    });
    assert_eq!(t.s.get_developer_balance(&dev), i128::MAX);
    assert_eq!(t.token.balance(&v2), 10);
}

// ----- untracked USDC ---------------------------------------------------

#[test]
fn book_untracked_books_the_surplus_into_the_pool() {
    let t = T::new();
    let s = &t.s;
    let dev = Address::generate(&t.env);
    t.s.receive_payment(&t.vault, &40, &false, &Some(dev.clone()));
    t.s.receive_payment(&t.vault, &10, &true, &None);
    t.refused(&[s], SettlementError::NothingToBook, || {
        s.try_book_untracked(&t.admin)
    });
    // USDC sent straight to the settlement, outside its calls.
    t.sac.mint(&t.s.address, &25);
    t.refused(&[s], SettlementError::NotAdmin, || {
        s.try_book_untracked(&dev)
    });
    t.env.ledger().set_timestamp(1_700_000_500);
    assert_eq!(t.s.book_untracked(&t.admin), 25);
    t.signed_by(s, &t.admin, "book_untracked");
    assert_eq!(
        t.events(s),
        [UntrackedBooked {
            amount: 25,
            total_balance: 35
        }
        .to_xdr(&t.env, &t.s.address)]
    );
    assert_eq!(
        t.s.get_global_pool(),
        GlobalPool {
            total_balance: 35,
            last_updated: 1_700_000_500
        }
    );
    assert_eq!(t.s.get_developer_balance(&dev), 40);
    t.assert_backed(&t.s);
    // Booked once only.
    t.refused(&[s], SettlementError::NothingToBook, || {
        s.try_book_untracked(&t.admin)
    });
    // The admin can now distribute it.
    t.s.distribute_pool(&t.admin, &dev, &35);
    t.assert_backed(&t.s);
}

#[test]
fn book_untracked_refused_when_retired_or_import_pending() {
    let t = T::new();
    t.seed(2, 5);
    let next = t.another();
    next.set_predecessor(&t.admin, &t.s.address);
    t.sac.mint(&next.address, &7);
    // The predecessor has not retired: its balances are not imported, so
    // the successor's surplus cannot be told apart from them.
    t.refused(&[&next, &t.s], SettlementError::ImportPending, || {
        next.try_book_untracked(&t.admin)
    });
    t.s.retire(&t.admin, &next.address);
    t.refused(&[&next, &t.s], SettlementError::ImportPending, || {
        next.try_book_untracked(&t.admin)
    });
    // Part of the balances imported: still pending.
    assert_eq!(next.import_balances(&t.admin, &1), 1);
    t.refused(&[&next, &t.s], SettlementError::ImportPending, || {
        next.try_book_untracked(&t.admin)
    });
    assert_eq!(next.import_balances(&t.admin, &1), 1);
    assert_eq!(next.book_untracked(&t.admin), 7);
    t.assert_backed(&next);
    // The retired settlement books nothing.
    t.sac.mint(&t.s.address, &3);
    t.refused(&[&next, &t.s], SettlementError::Retired, || {
        t.s.try_book_untracked(&t.admin)
    });
}

// ----- redeploy-migration: set_predecessor ------------------------------

#[test]
fn set_predecessor_names_a_settlement_on_the_same_token_once() {
    let t = T::new();
    let next = t.another();
    let stranger = Address::generate(&t.env);
    let n = &next;
    t.refused(&[n], SettlementError::NotAdmin, || {
        n.try_set_predecessor(&stranger, &t.s.address)
    });
    t.refused(&[n], SettlementError::InvalidRecipient, || {
        n.try_set_predecessor(&t.admin, &n.address)
    });
    // A settlement on another token.
    let other_usdc = t
        .env
        .register_stellar_asset_contract_v2(Address::generate(&t.env))
        .address();
    let foreign = t.on_token(&other_usdc);
    t.refused(&[n], SettlementError::TokenMismatch, || {
        n.try_set_predecessor(&t.admin, &foreign.address)
    });
    // Not a settlement: the token contract itself, and an address with no
    // contract at all.
    t.refused(&[n], SettlementError::TokenMismatch, || {
        n.try_set_predecessor(&t.admin, &t.usdc)
    });
    t.refused(&[n], SettlementError::TokenMismatch, || {
        n.try_set_predecessor(&t.admin, &stranger)
    });

    next.set_predecessor(&t.admin, &t.s.address);
    t.signed_by(n, &t.admin, "set_predecessor");
    assert_eq!(
        t.events(n),
        [PredecessorSet {
            predecessor: t.s.address.clone()
        }
        .to_xdr(&t.env, &next.address)]
    );
    assert_eq!(next.get_predecessor(), Some(t.s.address.clone()));
    // Naming the predecessor neither retires it nor moves anything.
    assert_eq!(t.s.get_successor(), None);
    assert_eq!(t.token.balance(&next.address), 0);

    let later = t.another();
    t.refused(&[n], SettlementError::PredecessorAlreadySet, || {
        n.try_set_predecessor(&t.admin, &later.address)
    });
    t.refused(&[n], SettlementError::PredecessorAlreadySet, || {
        n.try_set_predecessor(&t.admin, &t.s.address)
    });
}

// ----- redeploy-migration: retire ---------------------------------------

#[test]
fn retire_only_to_a_successor_that_accepted() {
    let t = T::new();
    let devs = t.seed(2, 30);
    let s = &t.s;
    let stranger = Address::generate(&t.env);
    let next = t.another();
    let n = &next;
    t.refused(&[s, n], SettlementError::NotAdmin, || {
        s.try_retire(&devs[0], &n.address)
    });
    t.refused(&[s, n], SettlementError::InvalidRecipient, || {
        s.try_retire(&t.admin, &s.address)
    });
    // Not a settlement: an address with no contract, the token contract.
    t.refused(&[s, n], SettlementError::SuccessorNotAccepted, || {
        s.try_retire(&t.admin, &stranger)
    });
    t.refused(&[s, n], SettlementError::SuccessorNotAccepted, || {
        s.try_retire(&t.admin, &t.usdc)
    });
    // A settlement on the same token that has not named this one.
    t.refused(&[s, n], SettlementError::SuccessorNotAccepted, || {
        s.try_retire(&t.admin, &n.address)
    });
    // A settlement that named another predecessor.
    let elsewhere = t.another();
    let third = t.another();
    elsewhere.set_predecessor(&t.admin, &third.address);
    t.refused(
        &[s, &elsewhere],
        SettlementError::SuccessorNotAccepted,
        || s.try_retire(&t.admin, &elsewhere.address),
    );
    // A settlement on another token (it could never name this one).
    let other_usdc = t
        .env
        .register_stellar_asset_contract_v2(Address::generate(&t.env))
        .address();
    let foreign = t.on_token(&other_usdc);
    t.refused(
        &[s, &foreign],
        SettlementError::SuccessorNotAccepted,
        || s.try_retire(&t.admin, &foreign.address),
    );

    next.set_predecessor(&t.admin, &t.s.address);
    assert_eq!(t.s.retire(&t.admin, &next.address), 60);
    t.signed_by(s, &t.admin, "retire");
    assert_eq!(
        t.events(s),
        [Retired {
            successor: next.address.clone(),
            amount: 60
        }
        .to_xdr(&t.env, &t.s.address)]
    );
    assert_eq!(t.token.balance(&next.address), 60);
    assert_eq!(t.held(), 0);
    assert_eq!(t.s.get_successor(), Some(next.address.clone()));
    // Balances stay readable for the import...
    assert_eq!(t.s.get_developer_balance(&devs[0]), 10);
    assert_eq!(t.s.get_developer_balance(&devs[1]), 20);
    assert_eq!(t.s.get_global_pool().total_balance, 30);
}

#[test]
fn retired_settlement_is_inert() {
    let t = T::new();
    let devs = t.seed(1, 30);
    let dev = &devs[0];
    let next = t.hand_over();
    let s = &t.s;
    t.refused(&[s, &next], SettlementError::Retired, || {
        s.try_receive_payment(&t.vault, &1, &true, &None)
    });
    t.refused(&[s, &next], SettlementError::Retired, || {
        s.try_receive_payments(&t.vault, &1, &Vec::new(&t.env))
    });
    t.refused(&[s, &next], SettlementError::Retired, || {
        s.try_withdraw(dev, &1)
    });
    t.refused(&[s, &next], SettlementError::Retired, || {
        s.try_distribute_pool(&t.admin, dev, &1)
    });
    t.refused(&[s, &next], SettlementError::Retired, || {
        s.try_import_balances(&t.admin, &1)
    });
    t.refused(&[s, &next], SettlementError::Retired, || {
        s.try_book_untracked(&t.admin)
    });
    t.refused(&[s, &next], SettlementError::Retired, || {
        s.try_retire(&t.admin, &next.address)
    });
    // Every view the successor's import relies on still answers.
    assert_eq!(t.s.get_developer_count(), 1);
    assert_eq!(
        t.s.get_developer_balances(&0, &1),
        vec![&t.env, balance(dev, 10)]
    );
    assert_eq!(t.s.get_global_pool().total_balance, 30);
}

#[test]
fn retire_with_nothing_held() {
    let t = T::new();
    let next = t.another();
    next.set_predecessor(&t.admin, &t.s.address);
    assert_eq!(t.s.retire(&t.admin, &next.address), 0);
    assert_eq!(
        t.events(&t.s),
        [Retired {
            successor: next.address.clone(),
            amount: 0
        }
        .to_xdr(&t.env, &t.s.address)]
    );
    assert_eq!(t.token.balance(&next.address), 0);
    assert_eq!(t.s.get_successor(), Some(next.address.clone()));
    // Nothing to import but the (empty) pool.
    assert_eq!(next.import_balances(&t.admin, &MAX_IMPORT), 0);
    assert!(t.events(&next).is_empty());
    assert_eq!(next.get_import_cursor(), 0);
}

#[test]
fn retire_refused_while_own_import_pending() {
    let t = T::new();
    t.seed(3, 9);
    let b = t.another();
    b.set_predecessor(&t.admin, &t.s.address);
    let c = t.another();
    c.set_predecessor(&t.admin, &b.address);
    // The predecessor has not even retired yet.
    t.refused(&[&b, &c, &t.s], SettlementError::ImportPending, || {
        b.try_retire(&t.admin, &c.address)
    });
    t.s.retire(&t.admin, &b.address);
    t.refused(&[&b, &c, &t.s], SettlementError::ImportPending, || {
        b.try_retire(&t.admin, &c.address)
    });
    assert_eq!(b.import_balances(&t.admin, &2), 2);
    t.refused(&[&b, &c, &t.s], SettlementError::ImportPending, || {
        b.try_retire(&t.admin, &c.address)
    });
    assert_eq!(b.import_balances(&t.admin, &2), 1);
    // Everything imported: b may retire, and c imports b's balances.
    assert_eq!(b.retire(&t.admin, &c.address), 69);
    assert_eq!(c.import_balances(&t.admin, &MAX_IMPORT), 3);
    let (sb, sc) = (t.state(&b), t.state(&c));
    assert_eq!(sc.balances, sb.balances);
    assert_eq!(sc.pool.total_balance, 9);
    assert_eq!(sc.developer_total, 60);
    assert_eq!(sc.held, 69);
    t.assert_backed(&c);
}

// ----- redeploy-migration: import_balances -------------------------------

#[test]
fn import_balances_pages_through_the_predecessor() {
    let t = T::new();
    let devs = t.seed(5, 7);
    // devs[2] withdrew everything: its zero balance is skipped.
    t.s.withdraw(&devs[2], &30);
    // USDC sent straight to the old settlement travels as untracked USDC.
    t.sac.mint(&t.s.address, &3);
    let old = t.state(&t.s);
    let next = t.hand_over();
    assert_eq!(t.token.balance(&next.address), 10 + 20 + 40 + 50 + 7 + 3);

    t.env.ledger().set_timestamp(1_700_001_000);
    assert_eq!(next.import_balances(&t.admin, &2), 2);
    t.signed_by(&next, &t.admin, "import_balances");
    assert_eq!(
        t.events(&next),
        [BalancesImported {
            predecessor: t.s.address.clone(),
            balances: vec![&t.env, balance(&devs[0], 10), balance(&devs[1], 20)],
            developers: 2,
            developer_amount: 30,
            pool_amount: 7,
            next_index: 2,
        }
        .to_xdr(&t.env, &next.address)]
    );
    assert_eq!(next.get_import_cursor(), 2);
    assert_eq!(
        next.get_global_pool(),
        GlobalPool {
            total_balance: 7,
            last_updated: 1_700_001_000
        }
    );

    assert_eq!(next.import_balances(&t.admin, &2), 2);
    assert_eq!(
        t.events(&next),
        [BalancesImported {
            predecessor: t.s.address.clone(),
            balances: vec![&t.env, balance(&devs[3], 40)],
            developers: 1,
            developer_amount: 40,
            pool_amount: 0,
            next_index: 4,
        }
        .to_xdr(&t.env, &next.address)]
    );
    assert_eq!(next.import_balances(&t.admin, &2), 1);
    assert_eq!(
        t.events(&next),
        [BalancesImported {
            predecessor: t.s.address.clone(),
            balances: vec![&t.env, balance(&devs[4], 50)],
            developers: 1,
            developer_amount: 50,
            pool_amount: 0,
            next_index: 5,
        }
        .to_xdr(&t.env, &next.address)]
    );
    // All in: further calls import nothing and emit nothing.
    t.imports_nothing(&next, |n| n.import_balances(&t.admin, &2));

    let new = t.state(&next);
    assert_eq!(new.import_cursor, 5);
    assert_eq!(new.pool.total_balance, old.pool.total_balance);
    assert_eq!(new.developer_total, old.developer_total);
    // Developers with a balance, in the predecessor's order.
    let expected: std::vec::Vec<_> = old
        .balances
        .iter()
        .filter(|b| b.balance > 0)
        .cloned()
        .collect();
    assert_eq!(new.balances, expected);
    // The untracked 3 are booked once the import is complete.
    assert_eq!(next.book_untracked(&t.admin), 3);
    t.assert_backed(&next);
    // Imported developers withdraw from the new settlement.
    next.withdraw(&devs[4], &50);
    assert_eq!(t.token.balance(&devs[4]), 50);
    t.assert_backed(&next);
}

#[test]
fn import_retried_after_time_outs_books_nothing_twice() {
    let t = T::new();
    let devs = t.seed(7, 11);
    let old = t.state(&t.s);
    let next = t.hand_over();
    // A developer already credited on the new settlement, before the import.
    let vault = Address::generate(&t.env);
    t.sac.mint(&vault, &1_000);
    next.set_vault(&t.admin, &vault, &true);
    next.receive_payment(&vault, &5, &false, &Some(devs[0].clone()));

    // The operator imports in pages of 3; every call "times out" and is
    // sent again. Each retry imports the next page or nothing.
    let mut consumed = std::vec::Vec::new();
    let mut imported: i128 = 0;
    let mut pool: i128 = 0;
    for _ in 0..4 {
        for _attempt in 0..2 {
            let n = next.import_balances(&t.admin, &3);
            consumed.push(n);
            let (developer_amount, pool_amount) = t.imported(&next);
            imported += developer_amount;
            pool += pool_amount;
        }
    }
    assert_eq!(consumed, [3, 3, 1, 0, 0, 0, 0, 0]);
    // Then every page call is retried once more, long after.
    for _ in 0..3 {
        t.imports_nothing(&next, |n| n.import_balances(&t.admin, &3));
        t.imports_nothing(&next, |n| n.import_balances(&t.admin, &MAX_IMPORT));
    }

    // Each predecessor balance was booked exactly once.
    assert_eq!(imported, old.developer_total);
    assert_eq!(pool, old.pool.total_balance);
    for (i, dev) in devs.iter().enumerate() {
        let own = if i == 0 { 5 } else { 0 };
        assert_eq!(
            next.get_developer_balance(dev),
            t.s.get_developer_balance(dev) + own
        );
    }
    assert_eq!(next.get_developer_total(), old.developer_total + 5);
    assert_eq!(next.get_global_pool().total_balance, 11);
    assert_eq!(next.get_import_cursor(), 7);
    // The new settlement's USDC == pool + developer total, exactly.
    assert_eq!(t.token.balance(&next.address), old.held + 5);
    t.assert_backed(&next);
    t.refused(&[&next], SettlementError::NothingToBook, || {
        next.try_book_untracked(&t.admin)
    });
    // And every developer can withdraw all of it.
    for dev in &devs {
        let b = next.get_developer_balance(dev);
        next.withdraw(dev, &b);
    }
    next.distribute_pool(&t.admin, &t.admin, &11);
    assert_eq!(t.token.balance(&next.address), 0);
    t.assert_backed(&next);
}

#[test]
fn import_balances_validation() {
    let t = T::new();
    let devs = t.seed(2, 4);
    let lone = t.another();
    let stranger = Address::generate(&t.env);
    t.refused(&[&lone], SettlementError::NotAdmin, || {
        lone.try_import_balances(&stranger, &1)
    });
    t.refused(&[&lone], SettlementError::InvalidBatchSize, || {
        lone.try_import_balances(&t.admin, &0)
    });
    t.refused(&[&lone], SettlementError::InvalidBatchSize, || {
        lone.try_import_balances(&t.admin, &(MAX_IMPORT + 1))
    });
    t.refused(&[&lone], SettlementError::NoPredecessor, || {
        lone.try_import_balances(&t.admin, &MAX_IMPORT)
    });

    // The predecessor has not retired: its balances could still change.
    let next = t.another();
    next.set_predecessor(&t.admin, &t.s.address);
    t.refused(
        &[&next, &t.s],
        SettlementError::PredecessorNotRetired,
        || next.try_import_balances(&t.admin, &MAX_IMPORT),
    );
    // It retired in favour of another settlement.
    let rival = t.another();
    rival.set_predecessor(&t.admin, &t.s.address);
    t.s.retire(&t.admin, &rival.address);
    t.refused(
        &[&next, &t.s],
        SettlementError::PredecessorNotRetired,
        || next.try_import_balances(&t.admin, &MAX_IMPORT),
    );
    assert_eq!(rival.import_balances(&t.admin, &MAX_IMPORT), 2);
    assert_eq!(rival.get_developer_balance(&devs[1]), 20);
}

#[test]
fn import_not_backed_is_refused_and_can_be_resumed() {
    let t = T::new();
    let devs = t.seed(3, 4);
    // One unit leaves the old settlement behind its books (simulated loss).
    let lost = Address::generate(&t.env);
    t.token.transfer(&t.s.address, &lost, &1);
    let next = t.hand_over();
    assert_eq!(t.token.balance(&next.address), 10 + 20 + 30 + 4 - 1);
    // The first page (pool 4 + 10 + 20) is backed...
    assert_eq!(next.import_balances(&t.admin, &2), 2);
    // ...the last one is not, and books nothing.
    t.refused(&[&next, &t.s], SettlementError::ImportNotBacked, || {
        next.try_import_balances(&t.admin, &2)
    });
    assert_eq!(next.get_import_cursor(), 2);
    assert_eq!(next.get_developer_balance(&devs[2]), 0);
    // Once topped up, the import resumes where it stopped.
    t.sac.mint(&next.address, &1);
    assert_eq!(next.import_balances(&t.admin, &2), 1);
    assert_eq!(next.get_developer_balance(&devs[2]), 30);
    t.assert_backed(&next);
}

#[test]
fn import_books_balances_nobody_can_withdraw_into_the_pool() {
    let t = T::new();
    let devs = t.seed(2, 0);
    let next = t.hand_over();
    // The new settlement registers devs[1]'s address as a vault: a balance
    // credited there could never be withdrawn, and refusing it would stall
    // the import for everyone after it (the attacker review's finding).
    next.set_vault(&t.admin, &devs[1], &true);
    assert_eq!(next.import_balances(&t.admin, &MAX_IMPORT), 2);
    assert_eq!(t.imported(&next), (10, 20));
    assert_eq!(next.get_developer_balance(&devs[1]), 0);
    assert_eq!(next.get_developer_balance(&devs[0]), 10);
    assert_eq!(next.get_global_pool().total_balance, 20);
    assert_eq!(next.import_balances(&t.admin, &MAX_IMPORT), 0);
    t.assert_backed(&next);
}

#[test]
fn import_refused_once_retired() {
    let t = T::new();
    t.seed(1, 0);
    let b = t.hand_over();
    assert_eq!(b.import_balances(&t.admin, &1), 1);
    let c = t.another();
    c.set_predecessor(&t.admin, &b.address);
    b.retire(&t.admin, &c.address);
    t.refused(&[&b, &c], SettlementError::Retired, || {
        b.try_import_balances(&t.admin, &1)
    });
}

/// Contract bug (code version 3): `set_predecessor` accepts a call on a
/// retired settlement, and `retire` does not check that the successor is
/// still active. A retired settlement `x` can therefore name `t.s` as its
/// predecessor and `t.s` can retire into it: all of `t.s`'s USDC then sits in
/// a settlement that refuses every import, withdrawal, distribution, booking
/// and retire — locked until an in-place upgrade. Either fix passes: refuse
/// `set_predecessor` on a retired settlement (`Retired`), or refuse `retire`
/// to a retired successor (`SuccessorNotAccepted`).
#[test]
fn retire_into_a_retired_settlement_is_refused() {
    let t = T::new();
    t.seed(2, 10);
    let x = t.another();
    let y = t.another();
    y.set_predecessor(&t.admin, &x.address);
    x.retire(&t.admin, &y.address);
    assert_eq!(x.get_successor(), Some(y.address.clone()));
    match x.try_set_predecessor(&t.admin, &t.s.address) {
        Err(Ok(e)) => assert_eq!(e, SettlementError::Retired),
        Ok(Ok(())) => t.refused(&[&t.s, &x], SettlementError::SuccessorNotAccepted, || {
            t.s.try_retire(&t.admin, &x.address)
        }),
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(t.held(), 40);
}

// ----- pagination index TTL (finding 7) ---------------------------------

#[test]
fn new_developers_get_an_index_entry() {
    let t = T::new();
    let devs = t.seed(3, 0);
    for (i, dev) in devs.iter().enumerate() {
        let index: u32 = t.env.as_contract(&t.s.address, || {
            t.env
                .storage()
                .persistent()
                .get(&DataKey::DeveloperIndex(dev.clone()))
                .unwrap()
        });
        assert_eq!(index, i as u32);
    }
    // Nothing to record: every developer already has its index entry.
    assert_eq!(t.s.extend_index(&0, &MAX_PAGE_SIZE), 0);
}

#[test]
fn crediting_a_developer_keeps_its_page_entry_alive() {
    let t = T::new();
    let dev = Address::generate(&t.env);
    let idle = Address::generate(&t.env);
    t.s.receive_payment(&t.vault, &1, &false, &Some(dev.clone()));
    t.s.receive_payment(&t.vault, &1, &false, &Some(idle.clone()));
    let at = DataKey::DeveloperAt(0);
    let idle_at = DataKey::DeveloperAt(1);
    assert_eq!(t.ttl(&t.s.address, &at), PERSISTENT_EXTEND_AMOUNT);
    // Credited every other day for 120 days, never paged.
    for day in 1..=120u32 {
        t.advance_days(1);
        if day % 2 == 0 {
            t.s.receive_payment(&t.vault, &1, &false, &Some(dev.clone()));
            // Extended together with the balance, never below the threshold
            // minus the two days between credits.
            let left = t.ttl(&t.s.address, &at);
            assert!(
                left >= PERSISTENT_TTL_THRESHOLD - 2 * DAY_IN_LEDGERS,
                "day {day}: DeveloperAt(0) has {left} ledgers left"
            );
            assert_eq!(
                left,
                t.ttl(&t.s.address, &DataKey::Developer(dev.clone())),
                "day {day}: index and balance extended together"
            );
        }
        if day == 20 {
            // The idle developer's entry is not extended by dev's credits.
            assert_eq!(
                t.ttl(&t.s.address, &idle_at),
                PERSISTENT_EXTEND_AMOUNT - 20 * DAY_IN_LEDGERS
            );
        }
    }
    // Day 130: ten more days without any call.
    t.advance_days(10);
    assert!(t.ttl(&t.s.address, &at) > 0);
    assert_eq!(
        t.s.get_developer_balances(&0, &1),
        vec![&t.env, balance(&dev, 61)]
    );
    assert_eq!(t.s.get_developer_balance(&dev), 61);
    t.s.withdraw(&dev, &61);
}

#[test]
fn extend_index_records_legacy_developers() {
    let t = T::new();
    let devs = t.seed(4, 0);
    // Developers credited before schema 2 have no DeveloperIndex entry.
    t.env.as_contract(&t.s.address, || {
        for dev in &devs[1..] {
            t.env
                .storage()
                .persistent()
                .remove(&DataKey::DeveloperIndex(dev.clone()));
        }
    });
    let s = &t.s;
    t.refused(&[s], SettlementError::InvalidLimit, || {
        s.try_extend_index(&0, &0)
    });
    t.refused(&[s], SettlementError::InvalidLimit, || {
        s.try_extend_index(&0, &(MAX_PAGE_SIZE + 1))
    });
    // A credit to a legacy developer cannot find its page entry yet.
    t.advance_days(5);
    t.s.receive_payment(&t.vault, &1, &false, &Some(devs[3].clone()));
    assert_eq!(
        t.ttl(&t.s.address, &DataKey::DeveloperAt(3)),
        PERSISTENT_EXTEND_AMOUNT - 5 * DAY_IN_LEDGERS
    );

    // Anyone may run it: no signature at all.
    t.env.set_auths(&[]);
    assert_eq!(t.s.extend_index(&0, &2), 1);
    assert!(t.env.auths().is_empty());
    assert!(t.events(s).is_empty());
    assert_eq!(t.s.extend_index(&0, &MAX_PAGE_SIZE), 2);
    assert_eq!(t.s.extend_index(&0, &MAX_PAGE_SIZE), 0);
    assert_eq!(t.s.extend_index(&4, &MAX_PAGE_SIZE), 0);
    assert_eq!(t.s.extend_index(&u32::MAX, &MAX_PAGE_SIZE), 0);
    for (i, dev) in devs.iter().enumerate() {
        let index: Option<u32> = t.env.as_contract(&t.s.address, || {
            t.env
                .storage()
                .persistent()
                .get(&DataKey::DeveloperIndex(dev.clone()))
        });
        assert_eq!(index, Some(i as u32));
        // And the page entries were extended.
        assert_eq!(
            t.ttl(&t.s.address, &DataKey::DeveloperAt(i as u32)),
            PERSISTENT_EXTEND_AMOUNT
        );
    }
    // From now on a credit extends the legacy developer's page entry.
    t.env.mock_all_auths();
    t.advance_days(2);
    t.s.receive_payment(&t.vault, &1, &false, &Some(devs[3].clone()));
    t.advance_days(27);
    t.s.receive_payment(&t.vault, &1, &false, &Some(devs[3].clone()));
    assert_eq!(
        t.ttl(&t.s.address, &DataKey::DeveloperAt(3)),
        PERSISTENT_EXTEND_AMOUNT
    );
    assert_eq!(t.s.get_developer_balance(&devs[3]), 43);
}

#[test]
fn migration_calls_extend_the_instance() {
    let t = T::new();
    t.seed(2, 5);
    t.sac.mint(&t.s.address, &1);
    let next = t.another();
    let after = |call: &dyn Fn()| {
        t.advance_days(2);
        assert!(t.instance_ttl(&next.address) < INSTANCE_EXTEND_AMOUNT);
        call();
        assert_eq!(t.instance_ttl(&next.address), INSTANCE_EXTEND_AMOUNT);
    };
    after(&|| next.set_predecessor(&t.admin, &t.s.address));
    t.advance_days(2);
    t.s.retire(&t.admin, &next.address);
    assert_eq!(t.instance_ttl(&t.s.address), INSTANCE_EXTEND_AMOUNT);
    after(&|| assert_eq!(next.import_balances(&t.admin, &1), 1));
    after(&|| assert_eq!(next.import_balances(&t.admin, &1), 1));
    after(&|| assert_eq!(next.book_untracked(&t.admin), 1));
}

/// Contract bug (low): `extend_index` records `DeveloperIndex` entries (a
/// state change) without extending the instance, against the spec's
/// "instance storage is extended in every state-changing call".
#[test]
fn extend_index_extends_the_instance() {
    let t = T::new();
    let devs = t.seed(1, 0);
    t.env.as_contract(&t.s.address, || {
        t.env
            .storage()
            .persistent()
            .remove(&DataKey::DeveloperIndex(devs[0].clone()));
    });
    t.advance_days(2);
    assert_eq!(t.s.extend_index(&0, &1), 1);
    assert_eq!(t.instance_ttl(&t.s.address), INSTANCE_EXTEND_AMOUNT);
}

// ----- admin, upgrade, migrate ------------------------------------------

#[test]
fn admin_handover_upgrade_migrate() {
    let t = T::new();
    let s = &t.s;
    let next = Address::generate(&t.env);
    let other = Address::generate(&t.env);
    t.refused(&[s], SettlementError::NotAdmin, || {
        s.try_set_admin(&next, &next, &150)
    });
    t.refused(&[s], SettlementError::InvalidExpiry, || {
        s.try_set_admin(&t.admin, &next, &1)
    });
    t.refused(&[s], SettlementError::NoPendingAdmin, || {
        s.try_accept_admin(&next)
    });
    t.refused(&[s], SettlementError::NoPendingAdmin, || {
        s.try_set_admin(&t.admin, &next, &0)
    });
    t.s.set_admin(&t.admin, &next, &150);
    assert_eq!(
        t.events(s),
        [AdminProposed {
            admin: t.admin.clone(),
            pending_admin: next.clone(),
            live_until_ledger: 150
        }
        .to_xdr(&t.env, &t.s.address)]
    );
    t.refused(&[s], SettlementError::NotPendingAdmin, || {
        s.try_accept_admin(&t.vault)
    });
    // Cancelling names the cancelled proposal, whatever address is passed.
    t.s.set_admin(&t.admin, &other, &0);
    assert_eq!(
        t.events(s),
        [AdminProposed {
            admin: t.admin.clone(),
            pending_admin: next.clone(),
            live_until_ledger: 0
        }
        .to_xdr(&t.env, &t.s.address)]
    );
    assert_eq!(t.s.get_pending_admin(), None);
    t.refused(&[s], SettlementError::NoPendingAdmin, || {
        s.try_accept_admin(&next)
    });
    t.s.set_admin(&t.admin, &next, &150);
    t.env.ledger().set_sequence_number(151);
    t.refused(&[s], SettlementError::PendingAdminExpired, || {
        s.try_accept_admin(&next)
    });
    t.s.set_admin(&t.admin, &next, &160);
    t.s.accept_admin(&next);
    t.signed_by(s, &next, "accept_admin");
    assert_eq!(
        t.events(s),
        [AdminAccepted {
            admin: next.clone(),
            previous_admin: t.admin.clone()
        }
        .to_xdr(&t.env, &t.s.address)]
    );
    assert_eq!(t.s.get_admin(), next);

    t.refused(&[s], SettlementError::AlreadyMigrated, || {
        s.try_migrate(&next)
    });
    t.refused(&[s], SettlementError::NotAdmin, || s.try_migrate(&t.admin));
    t.env.as_contract(&t.s.address, || {
        callora_types::upgrade::init_schema(&t.env, 0)
    });
    t.s.migrate(&next);
    assert_eq!(
        t.events(s),
        [Migrated {
            from: 0,
            to: SCHEMA_VERSION
        }
        .to_xdr(&t.env, &t.s.address)]
    );

    let hash = t.env.deployer().upload_contract_wasm(SETTLEMENT_WASM);
    t.refused(&[s], SettlementError::NotAdmin, || {
        s.try_upgrade(&t.admin, &hash)
    });
    t.s.receive_payment(&t.vault, &5, &true, &None);
    t.s.upgrade(&next, &hash);
    assert_eq!(
        t.events(s),
        [Upgraded {
            new_wasm_hash: hash.clone(),
            from_version: VERSION
        }
        .to_xdr(&t.env, &t.s.address)]
    );
    assert_eq!(t.s.get_global_pool().total_balance, 5);
    assert_eq!(t.s.version(), VERSION);
}

#[test]
fn migrate_from_schema_1() {
    let t = T::new();
    let devs = t.seed(2, 3);
    // Data as code version 2 left it: schema 1, no DeveloperIndex entries.
    t.env.as_contract(&t.s.address, || {
        callora_types::upgrade::init_schema(&t.env, 1);
        for dev in &devs {
            t.env
                .storage()
                .persistent()
                .remove(&DataKey::DeveloperIndex(dev.clone()));
        }
    });
    assert_eq!(t.s.schema_version(), 1);
    let before = t.state(&t.s);
    t.s.migrate(&t.admin);
    assert_eq!(
        t.events(&t.s),
        [Migrated { from: 1, to: 2 }.to_xdr(&t.env, &t.s.address)]
    );
    let mut after = t.state(&t.s);
    assert_eq!(after.schema_version, 2);
    after.schema_version = 1;
    assert_eq!(after, before, "migrate changes no balance");
    // The index entries are recorded by the permissionless maintenance call.
    assert_eq!(t.s.extend_index(&0, &MAX_PAGE_SIZE), 2);
    t.refused(&[&t.s], SettlementError::AlreadyMigrated, || {
        t.s.try_migrate(&t.admin)
    });
}
