extern crate std;

use soroban_sdk::{
    contract, contractimpl, symbol_short,
    testutils::{Address as _, Events as _, Ledger as _},
    vec, Address, Env, Event, IntoVal, Map, Symbol, TryFromVal, Val, Vec,
};

use crate::{
    admin::{self, HandoverError, MAX_HANDOVER_LEDGERS},
    clients::{SettlementClient, SettlementInterface},
    events::AdminProposed,
    ttl,
    types::{DeveloperBalance, GlobalPool, Payment},
};

#[contract]
struct Harness;

#[contractimpl]
impl Harness {
    /// `admin::propose` on the key `pending`, as the contracts call it.
    pub fn propose(env: Env, admin: Address, new_admin: Address, live_until_ledger: u32) -> bool {
        admin::propose(
            &env,
            &symbol_short!("pending"),
            &admin,
            &new_admin,
            live_until_ledger,
        )
        .is_ok()
    }
}

/// A settlement stand-in answering every `SettlementInterface` view with
/// recognisable values, to check the generated client end to end.
#[contract]
struct FakeSettlement;

#[contractimpl]
impl SettlementInterface for FakeSettlement {
    fn receive_payment(
        _env: Env,
        _caller: Address,
        _amount: i128,
        _to_pool: bool,
        _developer: Option<Address>,
    ) {
    }

    fn receive_payments(_env: Env, _caller: Address, _pool_amount: i128, _credits: Vec<Payment>) {}

    fn get_usdc_token(env: Env) -> Address {
        env.current_contract_address()
    }

    fn get_predecessor(_env: Env) -> Option<Address> {
        None
    }

    fn get_successor(env: Env) -> Option<Address> {
        Some(env.current_contract_address())
    }

    fn get_developer_count(_env: Env) -> u32 {
        3
    }

    fn get_developer_balances(env: Env, start: u32, limit: u32) -> Vec<DeveloperBalance> {
        vec![
            &env,
            DeveloperBalance {
                developer: env.current_contract_address(),
                balance: i128::from(start) * 1_000 + i128::from(limit),
            },
        ]
    }

    fn get_global_pool(_env: Env) -> GlobalPool {
        GlobalPool {
            total_balance: 7,
            last_updated: 9,
        }
    }
}

fn setup() -> (Env, Address) {
    let env = crate::test_env();
    env.ledger().set_sequence_number(1_000);
    let id = env.register(Harness, ());
    (env, id)
}

#[test]
fn propose_then_accept_hands_over() {
    let (env, id) = setup();
    let new_admin = Address::generate(&env);
    let old = Address::generate(&env);
    env.as_contract(&id, || {
        let key = symbol_short!("pending");
        admin::propose(&env, &key, &old, &new_admin, 1_010).unwrap();
        let open = admin::pending(&env, &key).unwrap();
        assert_eq!(open.address, new_admin);
        assert_eq!(open.live_until_ledger, 1_010);
        assert_eq!(admin::accept(&env, &key, &new_admin, &old), Ok(()));
        assert_eq!(admin::pending(&env, &key), None);
        assert_eq!(
            admin::accept(&env, &key, &new_admin, &old),
            Err(HandoverError::NoPendingAdmin)
        );
    });
}

#[test]
fn accept_rejects_wrong_caller_and_expired() {
    let (env, id) = setup();
    let new_admin = Address::generate(&env);
    let old = Address::generate(&env);
    let stranger = Address::generate(&env);
    let key = symbol_short!("pending");
    env.as_contract(&id, || {
        admin::propose(&env, &key, &old, &new_admin, 1_010).unwrap();
        assert_eq!(
            admin::accept(&env, &key, &stranger, &old),
            Err(HandoverError::NotPendingAdmin)
        );
    });
    env.ledger().set_sequence_number(1_011);
    env.as_contract(&id, || {
        assert_eq!(
            admin::accept(&env, &key, &new_admin, &old),
            Err(HandoverError::PendingAdminExpired)
        );
        // The lapsed proposal is still visible to operators.
        assert!(admin::pending(&env, &key).is_some());
    });
}

#[test]
fn propose_validates_expiry_and_cancels() {
    let (env, id) = setup();
    let new_admin = Address::generate(&env);
    let old = Address::generate(&env);
    let key = symbol_short!("pending");
    env.as_contract(&id, || {
        assert_eq!(
            admin::propose(&env, &key, &old, &new_admin, 999),
            Err(HandoverError::InvalidExpiry)
        );
        assert_eq!(
            admin::propose(
                &env,
                &key,
                &old,
                &new_admin,
                1_000 + MAX_HANDOVER_LEDGERS + 1
            ),
            Err(HandoverError::InvalidExpiry)
        );
        assert_eq!(
            admin::propose(&env, &key, &old, &new_admin, 0),
            Err(HandoverError::NoPendingAdmin)
        );
        admin::propose(&env, &key, &old, &new_admin, 1_000 + MAX_HANDOVER_LEDGERS).unwrap();
        admin::propose(&env, &key, &old, &new_admin, 0).unwrap();
        assert_eq!(admin::pending(&env, &key), None);
    });
}

#[test]
fn ttl_policy_extends_instance_and_persistent() {
    use soroban_sdk::testutils::storage::{Instance as _, Persistent as _};
    let (env, id) = setup();
    let key = symbol_short!("entry");
    env.as_contract(&id, || {
        env.storage().persistent().set(&key, &1u32);
        ttl::extend_persistent(&env, &key);
        ttl::extend_instance(&env);
        assert_eq!(
            env.storage().persistent().get_ttl(&key),
            ttl::PERSISTENT_EXTEND_AMOUNT
        );
        assert_eq!(
            env.storage().instance().get_ttl(),
            ttl::INSTANCE_EXTEND_AMOUNT
        );
    });
    assert_eq!(
        ttl::INSTANCE_TTL_THRESHOLD,
        ttl::INSTANCE_EXTEND_AMOUNT - ttl::DAY_IN_LEDGERS
    );
}

#[test]
fn migration_runs_once_per_version() {
    use crate::upgrade;
    let (env, id) = setup();
    env.as_contract(&id, || {
        assert_eq!(upgrade::schema_version(&env), 0);
        assert_eq!(upgrade::pending_migration(&env, 1), Some(0));
        upgrade::finish_migration(&env, 0, 1);
        assert_eq!(upgrade::pending_migration(&env, 1), None);
        assert_eq!(upgrade::pending_migration(&env, 2), Some(1));
        upgrade::init_schema(&env, 2);
        assert_eq!(upgrade::schema_version(&env), 2);
    });
}

#[test]
fn code_version_is_3() {
    assert_eq!(crate::CODE_VERSION, 3);
}

#[test]
fn propose_emits_the_proposed_address() {
    let (env, id) = setup();
    let h = HarnessClient::new(&env, &id);
    let (old, next) = (Address::generate(&env), Address::generate(&env));
    assert!(h.propose(&old, &next, &1_010));
    assert_eq!(
        env.events().all().filter_by_contract(&id),
        [AdminProposed {
            admin: old.clone(),
            pending_admin: next.clone(),
            live_until_ledger: 1_010
        }
        .to_xdr(&env, &id)]
    );
}

#[test]
fn cancel_names_the_cancelled_proposal_not_the_argument() {
    let (env, id) = setup();
    let h = HarnessClient::new(&env, &id);
    let (old, proposed, other) = (
        Address::generate(&env),
        Address::generate(&env),
        Address::generate(&env),
    );
    // Nothing open: refused, nothing emitted.
    assert!(!h.propose(&old, &other, &0));
    assert!(env
        .events()
        .all()
        .filter_by_contract(&id)
        .events()
        .is_empty());
    assert!(h.propose(&old, &proposed, &1_010));
    assert!(h.propose(&old, &other, &0));
    assert_eq!(
        env.events().all().filter_by_contract(&id),
        [AdminProposed {
            admin: old.clone(),
            pending_admin: proposed.clone(),
            live_until_ledger: 0
        }
        .to_xdr(&env, &id)]
    );
    env.as_contract(&id, || {
        assert_eq!(admin::pending(&env, &symbol_short!("pending")), None)
    });

    // A lapsed proposal is cancelled the same way, and named.
    assert!(h.propose(&old, &other, &1_001));
    env.ledger().set_sequence_number(1_002);
    assert!(h.propose(&old, &proposed, &0));
    assert_eq!(
        env.events().all().filter_by_contract(&id),
        [AdminProposed {
            admin: old.clone(),
            pending_admin: other.clone(),
            live_until_ledger: 0
        }
        .to_xdr(&env, &id)]
    );
}

#[test]
fn request_validity_fits_inside_the_request_id_ttl() {
    assert_eq!(ttl::MAX_REQUEST_VALIDITY, 720);
    assert_eq!(ttl::MAX_REQUEST_VALIDITY * 24, ttl::DAY_IN_LEDGERS);
    assert_eq!(ttl::REQUEST_ID_TTL, ttl::DAY_IN_LEDGERS);
    // An id outlives the last ledger a retry could be accepted at by 23 hours.
    assert_eq!(
        ttl::REQUEST_ID_TTL - ttl::MAX_REQUEST_VALIDITY,
        23 * ttl::MAX_REQUEST_VALIDITY
    );
}

#[test]
fn global_pool_is_a_named_field_map() {
    let env = crate::test_env();
    let pool = GlobalPool {
        total_balance: -5,
        last_updated: u64::MAX,
    };
    let val: Val = pool.clone().into_val(&env);
    let map = Map::<Symbol, Val>::try_from_val(&env, &val).unwrap();
    assert_eq!(
        map.keys(),
        vec![
            &env,
            Symbol::new(&env, "last_updated"),
            Symbol::new(&env, "total_balance")
        ]
    );
    assert_eq!(GlobalPool::try_from_val(&env, &val).unwrap(), pool);
}

#[test]
fn settlement_client_calls_every_view() {
    let env = crate::test_env();
    let id = env.register(FakeSettlement, ());
    let c = SettlementClient::new(&env, &id);
    assert_eq!(c.get_usdc_token(), id);
    assert_eq!(c.get_predecessor(), None);
    assert_eq!(c.get_successor(), Some(id.clone()));
    assert_eq!(c.get_developer_count(), 3);
    assert_eq!(
        c.get_developer_balances(&2, &50),
        vec![
            &env,
            DeveloperBalance {
                developer: id.clone(),
                balance: 2_050
            }
        ]
    );
    assert_eq!(
        c.get_global_pool(),
        GlobalPool {
            total_balance: 7,
            last_updated: 9
        }
    );
    assert_eq!(c.try_get_developer_count(), Ok(Ok(3)));
    env.mock_all_auths();
    c.receive_payment(&id, &1, &true, &None);
    c.receive_payments(&id, &1, &Vec::new(&env));
}
