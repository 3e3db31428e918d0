extern crate std;

use soroban_sdk::{
    contract, contractimpl, symbol_short,
    testutils::{Address as _, Ledger as _},
    Address, Env,
};

use crate::{
    admin::{self, HandoverError, MAX_HANDOVER_LEDGERS},
    ttl,
};

#[contract]
struct Harness;

#[contractimpl]
impl Harness {}

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
