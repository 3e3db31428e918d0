//! Native tests of the vault's logic. The settlement the vault pays into is
//! the real built settlement WASM; USDC is a Stellar Asset Contract.
extern crate std;

use crate::{
    AuthorizedCallerSet, DeductItem, Deposit, DepositorSet, MaxBatchSet, MaxDeductSet, MetadataSet,
    MinDepositSet, Paused, RevenuePoolSet, SettlementSet, Unpaused, Vault, VaultClient, VaultError,
    VaultInitialized, VaultMeta, Withdraw, MAX_BATCH_DEDUCT, MAX_METADATA_LEN, MAX_REQUEST_ID_LEN,
    SCHEMA_VERSION, VERSION,
};
use callora_types::{
    events::{AdminAccepted, AdminProposed, Migrated, Upgraded},
    types::PendingAdmin,
};
use soroban_sdk::{
    testutils::{Address as _, AuthorizedFunction, Events as _, Ledger as _},
    token::{StellarAssetClient, TokenClient},
    vec, Address, Env, Event, IntoVal, String, Symbol, Vec,
};

mod settlement_wasm {
    soroban_sdk::contractimport!(file = "../../artifacts/callora_settlement.wasm");
}
const VAULT_WASM: &[u8] = include_bytes!("../../../artifacts/callora_vault.wasm");

struct T {
    env: Env,
    owner: Address,
    backend: Address,
    pool: Address,
    usdc: Address,
    token: TokenClient<'static>,
    sac: StellarAssetClient<'static>,
    vault: VaultClient<'static>,
}

impl T {
    fn new() -> T {
        Self::with(|_, _| ())
    }

    /// A vault routed to a revenue pool (a plain address), with the owner
    /// holding 1,000,000 USDC units. `tweak` may change the constructor args.
    fn with(tweak: impl FnOnce(&Env, &mut (Option<i128>, Option<i128>, Option<i128>))) -> T {
        let env = callora_types::test_env();
        env.mock_all_auths();
        env.ledger().set_sequence_number(100);
        let owner = Address::generate(&env);
        let backend = Address::generate(&env);
        let pool = Address::generate(&env);
        let issuer = Address::generate(&env);
        let usdc = env.register_stellar_asset_contract_v2(issuer).address();
        let sac = StellarAssetClient::new(&env, &usdc);
        let token = TokenClient::new(&env, &usdc);
        sac.mint(&owner, &1_000_000);
        let mut args = (None, None, None);
        tweak(&env, &mut args);
        let (initial_balance, min_deposit, max_deduct) = args;
        let id = env.register(
            Vault,
            (
                owner.clone(),
                usdc.clone(),
                initial_balance,
                Some(backend.clone()),
                min_deposit,
                Some(pool.clone()),
                max_deduct,
            ),
        );
        let vault = VaultClient::new(&env, &id);
        T {
            env,
            owner,
            backend,
            pool,
            usdc,
            token,
            sac,
            vault,
        }
    }

    fn s(&self, v: &str) -> String {
        String::from_str(&self.env, v)
    }

    fn funded(amount: i128) -> T {
        let t = T::new();
        t.vault.deposit(&t.owner, &amount);
        t
    }

    /// A real settlement (built WASM) wired to this vault.
    fn settlement(&self) -> settlement_wasm::Client<'static> {
        let admin = Address::generate(&self.env);
        let id = self.env.register(
            settlement_wasm::WASM,
            (admin, self.usdc.clone(), Some(self.vault.address.clone())),
        );
        self.vault.set_settlement(&self.owner, &Some(id.clone()));
        settlement_wasm::Client::new(&self.env, &id)
    }

    fn held(&self) -> i128 {
        self.token.balance(&self.vault.address)
    }

    /// Everything a failed call must leave untouched.
    fn snapshot(
        &self,
    ) -> (
        VaultMeta,
        Address,
        Option<Address>,
        Option<Address>,
        i128,
        bool,
        i128,
        i128,
    ) {
        (
            self.vault.get_meta(),
            self.vault.get_admin(),
            self.vault.get_settlement(),
            self.vault.get_revenue_pool(),
            self.vault.get_max_deduct(),
            self.vault.is_paused(),
            self.held(),
            self.token.balance(&self.pool),
        )
    }

    fn last_event(&self) -> soroban_sdk::xdr::ContractEvent {
        let events = self
            .env
            .events()
            .all()
            .filter_by_contract(&self.vault.address);
        events.events().last().unwrap().clone()
    }

    fn auth_of(&self, signer: &Address, function: &str, args: Vec<soroban_sdk::Val>) {
        let auths = self.env.auths();
        assert_eq!(auths.len(), 1, "exactly one signer");
        let (who, invocation) = &auths[0];
        assert_eq!(who, signer);
        assert_eq!(
            invocation.function,
            AuthorizedFunction::Contract((
                self.vault.address.clone(),
                Symbol::new(&self.env, function),
                args
            ))
        );
    }
}

macro_rules! assert_err {
    ($call:expr, $err:expr) => {
        assert_eq!($call, Err(Ok($err)))
    };
}

// ----- constructor ----------------------------------------------------------

#[test]
fn constructor_defaults_and_views() {
    let t = T::new();
    assert_eq!(
        t.last_event(),
        VaultInitialized {
            owner: t.owner.clone(),
            usdc_token: t.usdc.clone(),
            balance: 0
        }
        .to_xdr(&t.env, &t.vault.address)
    );
    assert_eq!(
        t.vault.get_meta(),
        VaultMeta {
            owner: t.owner.clone(),
            balance: 0,
            authorized_caller: Some(t.backend.clone()),
            min_deposit: 1,
        }
    );
    assert_eq!(t.vault.get_admin(), t.owner);
    assert_eq!(t.vault.get_usdc_token(), t.usdc);
    assert_eq!(t.vault.get_max_deduct(), i128::MAX);
    assert_eq!(t.vault.get_revenue_pool(), Some(t.pool.clone()));
    assert_eq!(t.vault.get_settlement(), None);
    assert!(!t.vault.is_paused());
    assert_eq!(t.vault.version(), VERSION);
    assert_eq!(t.vault.schema_version(), SCHEMA_VERSION);
    assert_eq!(t.vault.get_pending_admin(), None);
}

#[test]
fn constructor_accepts_covered_initial_balance() {
    let env = callora_types::test_env();
    let owner = Address::generate(&env);
    let usdc = env
        .register_stellar_asset_contract_v2(Address::generate(&env))
        .address();
    let at = Address::generate(&env);
    env.mock_all_auths();
    StellarAssetClient::new(&env, &usdc).mint(&at, &500);
    let none: Option<Address> = None;
    env.register_at(
        &at,
        Vault,
        (
            owner,
            usdc,
            Some(500i128),
            none.clone(),
            Some(10i128),
            none,
            Some(50i128),
        ),
    );
    let vault = VaultClient::new(&env, &at);
    assert_eq!(vault.balance(), 500);
    assert_eq!(vault.get_meta().min_deposit, 10);
    assert_eq!(vault.get_max_deduct(), 50);
}

#[test]
#[should_panic(expected = "Error(Contract, #112)")]
fn constructor_rejects_uncovered_initial_balance() {
    T::with(|_, a| a.0 = Some(1));
}

#[test]
#[should_panic(expected = "Error(Contract, #100)")]
fn constructor_rejects_negative_initial_balance() {
    T::with(|_, a| a.0 = Some(-1));
}

#[test]
#[should_panic(expected = "Error(Contract, #113)")]
fn constructor_rejects_zero_min_deposit() {
    T::with(|_, a| a.1 = Some(0));
}

#[test]
#[should_panic(expected = "Error(Contract, #113)")]
fn constructor_rejects_zero_max_deduct() {
    T::with(|_, a| a.2 = Some(0));
}

#[test]
#[should_panic(expected = "Error(Contract, #114)")]
fn constructor_rejects_self_as_revenue_pool() {
    let env = callora_types::test_env();
    let at = Address::generate(&env);
    let usdc = Address::generate(&env);
    let none: Option<i128> = None;
    env.register_at(
        &at,
        Vault,
        (
            Address::generate(&env),
            usdc,
            none,
            None::<Address>,
            none,
            Some(at.clone()),
            none,
        ),
    );
}

// ----- deposit --------------------------------------------------------------

#[test]
fn owner_deposit_moves_usdc_and_emits() {
    let t = T::new();
    assert_eq!(t.vault.deposit(&t.owner, &300), 300);
    t.auth_of(
        &t.owner,
        "deposit",
        (t.owner.clone(), 300i128).into_val(&t.env),
    );
    assert_eq!(
        t.last_event(),
        Deposit {
            from: t.owner.clone(),
            amount: 300,
            balance: 300
        }
        .to_xdr(&t.env, &t.vault.address)
    );
    assert_eq!(t.held(), 300);
    assert_eq!(t.token.balance(&t.owner), 999_700);
    assert_eq!(t.vault.balance(), 300);
}

#[test]
fn allowed_depositor_can_deposit_until_disallowed() {
    let t = T::new();
    let friend = Address::generate(&t.env);
    t.sac.mint(&friend, &100);
    assert_err!(t.vault.try_deposit(&friend, &50), VaultError::NotDepositor);
    assert!(!t.vault.is_allowed_depositor(&friend));

    t.vault.set_allowed_depositor(&t.owner, &friend, &true);
    t.auth_of(
        &t.owner,
        "set_allowed_depositor",
        (t.owner.clone(), friend.clone(), true).into_val(&t.env),
    );
    assert_eq!(
        t.last_event(),
        DepositorSet {
            depositor: friend.clone(),
            allowed: true
        }
        .to_xdr(&t.env, &t.vault.address)
    );
    assert!(t.vault.is_allowed_depositor(&friend));
    assert_eq!(t.vault.deposit(&friend, &50), 50);
    assert_eq!(t.token.balance(&friend), 50);

    t.vault.set_allowed_depositor(&t.owner, &friend, &false);
    assert!(!t.vault.is_allowed_depositor(&friend));
    let before = t.snapshot();
    assert_err!(t.vault.try_deposit(&friend, &50), VaultError::NotDepositor);
    assert_eq!(t.snapshot(), before);
}

#[test]
fn set_allowed_depositor_is_owner_only() {
    let t = T::new();
    let admin = Address::generate(&t.env);
    t.vault.set_admin(&t.owner, &admin, &200);
    t.vault.accept_admin(&admin);
    // The admin is not the owner: depositors are the owner's choice.
    assert_err!(
        t.vault.try_set_allowed_depositor(&admin, &admin, &true),
        VaultError::NotOwner
    );
    assert!(!t.vault.is_allowed_depositor(&admin));
}

#[test]
fn deposit_validation_leaves_state_untouched() {
    let t = T::with(|_, a| a.1 = Some(10));
    let before = t.snapshot();
    assert_err!(t.vault.try_deposit(&t.owner, &0), VaultError::InvalidAmount);
    assert_err!(
        t.vault.try_deposit(&t.owner, &-5),
        VaultError::InvalidAmount
    );
    assert_err!(
        t.vault.try_deposit(&t.owner, &9),
        VaultError::BelowMinDeposit
    );
    assert_eq!(t.snapshot(), before);
    assert_eq!(t.vault.deposit(&t.owner, &10), 10);
}

#[test]
fn deposit_overflow_is_typed() {
    let t = T::new();
    t.sac.mint(&t.owner, &(i128::MAX - 1_000_000));
    t.vault.deposit(&t.owner, &i128::MAX);
    let friend = Address::generate(&t.env);
    t.sac.mint(&friend, &1);
    t.vault.set_allowed_depositor(&t.owner, &friend, &true);
    assert_err!(t.vault.try_deposit(&friend, &1), VaultError::Overflow);
    assert_eq!(t.vault.balance(), i128::MAX);
}

#[test]
fn pause_blocks_deposits_only() {
    let t = T::funded(1_000);
    t.vault.pause(&t.owner);
    t.auth_of(&t.owner, "pause", (t.owner.clone(),).into_val(&t.env));
    assert_eq!(
        t.last_event(),
        Paused {
            admin: t.owner.clone()
        }
        .to_xdr(&t.env, &t.vault.address)
    );
    assert!(t.vault.is_paused());
    assert_err!(t.vault.try_deposit(&t.owner, &10), VaultError::Paused);
    assert_err!(t.vault.try_pause(&t.owner), VaultError::AlreadyPaused);
    // Deducts and withdrawals go on.
    assert_eq!(t.vault.deduct(&t.backend, &100, &t.s("r1"), &None), 900);
    assert_eq!(t.vault.withdraw(&100), 800);
    t.vault.unpause(&t.owner);
    assert_eq!(
        t.last_event(),
        Unpaused {
            admin: t.owner.clone()
        }
        .to_xdr(&t.env, &t.vault.address)
    );
    assert_err!(t.vault.try_unpause(&t.owner), VaultError::NotPaused);
    assert_eq!(t.vault.deposit(&t.owner, &10), 810);
}

// ----- withdraw -------------------------------------------------------------

#[test]
fn withdraw_and_withdraw_to() {
    let t = T::funded(1_000);
    assert_eq!(t.vault.withdraw(&400), 600);
    t.auth_of(&t.owner, "withdraw", (400i128,).into_val(&t.env));
    assert_eq!(
        t.last_event(),
        Withdraw {
            to: t.owner.clone(),
            amount: 400,
            balance: 600
        }
        .to_xdr(&t.env, &t.vault.address)
    );
    let to = Address::generate(&t.env);
    assert_eq!(t.vault.withdraw_to(&to, &100), 500);
    t.auth_of(
        &t.owner,
        "withdraw_to",
        (to.clone(), 100i128).into_val(&t.env),
    );
    assert_eq!(t.token.balance(&to), 100);
    assert_eq!(t.token.balance(&t.owner), 999_400);
    assert_eq!(t.held(), 500);
}

#[test]
fn withdraw_validation_leaves_state_untouched() {
    let t = T::funded(1_000);
    let before = t.snapshot();
    assert_err!(t.vault.try_withdraw(&0), VaultError::InvalidAmount);
    assert_err!(
        t.vault.try_withdraw(&1_001),
        VaultError::InsufficientBalance
    );
    assert_err!(
        t.vault.try_withdraw_to(&t.vault.address, &1),
        VaultError::InvalidRecipient
    );
    assert_eq!(t.snapshot(), before);
}

#[test]
fn withdraw_needs_the_owners_signature() {
    let t = T::funded(1_000);
    t.env.set_auths(&[]);
    assert!(t.vault.try_withdraw(&1).is_err());
    assert!(t.vault.try_withdraw_to(&t.backend, &1).is_err());
    assert_eq!(t.vault.balance(), 1_000);
    assert_eq!(t.held(), 1_000);
}

// ----- deduct ---------------------------------------------------------------

#[test]
fn deduct_pays_revenue_pool_and_emits() {
    let t = T::funded(1_000);
    let dev = Address::generate(&t.env);
    let rid = t.s("req-1");
    assert_eq!(
        t.vault.deduct(&t.backend, &250, &rid, &Some(dev.clone())),
        750
    );
    t.auth_of(
        &t.backend,
        "deduct",
        (t.backend.clone(), 250i128, rid.clone(), Some(dev.clone())).into_val(&t.env),
    );
    assert_eq!(
        t.last_event(),
        crate::Deduct {
            request_id: rid.clone(),
            amount: 250,
            developer: Some(dev),
            balance: 750
        }
        .to_xdr(&t.env, &t.vault.address)
    );
    assert_eq!(t.token.balance(&t.pool), 250);
    assert_eq!(t.held(), 750);
    assert!(t.vault.is_request_processed(&rid));
    assert!(!t.vault.is_request_processed(&t.s("req-2")));
}

#[test]
fn deduct_is_idempotent_by_request_id() {
    let t = T::funded(1_000);
    let rid = t.s("req-1");
    t.vault.deduct(&t.backend, &100, &rid, &None);
    let before = t.snapshot();
    assert_err!(
        t.vault.try_deduct(&t.backend, &100, &rid, &None),
        VaultError::DuplicateRequest
    );
    assert_eq!(t.snapshot(), before);
}

#[test]
fn request_ids_are_remembered_for_the_documented_ttl() {
    use callora_types::ttl::REQUEST_ID_TTL;
    let t = T::funded(1_000);
    let rid = t.s("req-1");
    t.vault.deduct(&t.backend, &100, &rid, &None);
    t.env
        .ledger()
        .with_mut(|l| l.sequence_number += REQUEST_ID_TTL);
    assert!(t.vault.is_request_processed(&rid));
    assert_err!(
        t.vault.try_deduct(&t.backend, &100, &rid, &None),
        VaultError::DuplicateRequest
    );
}

#[test]
fn deduct_validation_leaves_state_untouched() {
    let t = T::with(|_, a| a.2 = Some(500));
    t.vault.deposit(&t.owner, &600);
    let stranger = Address::generate(&t.env);
    let long = "x".repeat(MAX_REQUEST_ID_LEN as usize + 1);
    let ok_len = "y".repeat(MAX_REQUEST_ID_LEN as usize);
    let before = t.snapshot();
    assert_err!(
        t.vault.try_deduct(&stranger, &1, &t.s("a"), &None),
        VaultError::NotAuthorizedCaller
    );
    assert_err!(
        t.vault.try_deduct(&t.backend, &0, &t.s("a"), &None),
        VaultError::InvalidAmount
    );
    assert_err!(
        t.vault.try_deduct(&t.backend, &501, &t.s("a"), &None),
        VaultError::ExceedsMaxDeduct
    );
    assert_err!(
        t.vault.try_deduct(&t.backend, &1, &t.s(""), &None),
        VaultError::InvalidRequestId
    );
    assert_err!(
        t.vault.try_deduct(&t.backend, &1, &t.s(&long), &None),
        VaultError::InvalidRequestId
    );
    t.vault.deduct(&t.backend, &500, &t.s("a"), &None);
    assert_err!(
        t.vault.try_deduct(&t.backend, &101, &t.s("b"), &None),
        VaultError::InsufficientBalance
    );
    assert!(!t.vault.is_request_processed(&t.s("b")));
    assert_eq!(t.vault.deduct(&t.backend, &100, &t.s(&ok_len), &None), 0);
    let _ = before;
}

#[test]
fn deduct_without_destination_fails() {
    let t = T::funded(1_000);
    t.vault.set_revenue_pool(&t.owner, &None);
    let before = t.snapshot();
    assert_err!(
        t.vault.try_deduct(&t.backend, &1, &t.s("a"), &None),
        VaultError::NoDestination
    );
    let item = DeductItem {
        amount: 1,
        request_id: t.s("a"),
        developer: None,
    };
    assert_err!(
        t.vault.try_batch_deduct(&t.backend, &vec![&t.env, item]),
        VaultError::NoDestination
    );
    assert_eq!(t.snapshot(), before);
    assert!(!t.vault.is_request_processed(&t.s("a")));
}

#[test]
fn deduct_without_authorized_caller_fails() {
    let t = T::funded(1_000);
    t.vault.set_authorized_caller(&t.owner, &None);
    assert_err!(
        t.vault.try_deduct(&t.backend, &1, &t.s("a"), &None),
        VaultError::NotAuthorizedCaller
    );
}

#[test]
fn deduct_routes_to_settlement_pool_and_developer() {
    let t = T::funded(1_000);
    let settlement = t.settlement();
    let dev = Address::generate(&t.env);
    assert_eq!(t.vault.deduct(&t.backend, &100, &t.s("p"), &None), 900);
    assert_eq!(
        t.vault
            .deduct(&t.backend, &40, &t.s("d"), &Some(dev.clone())),
        860
    );
    assert_eq!(settlement.get_global_pool().total_balance, 100);
    assert_eq!(settlement.get_developer_balance(&dev), 40);
    assert_eq!(t.token.balance(&settlement.address), 140);
    assert_eq!(t.token.balance(&t.pool), 0);
    assert_eq!(t.held(), 860);
}

#[test]
fn set_settlement_checks_token() {
    let t = T::new();
    let other = t
        .env
        .register_stellar_asset_contract_v2(Address::generate(&t.env))
        .address();
    let id = t.env.register(
        settlement_wasm::WASM,
        (Address::generate(&t.env), other, None::<Address>),
    );
    let before = t.snapshot();
    assert_err!(
        t.vault.try_set_settlement(&t.owner, &Some(id)),
        VaultError::TokenMismatch
    );
    assert_err!(
        t.vault
            .try_set_settlement(&t.owner, &Some(t.vault.address.clone())),
        VaultError::InvalidRecipient
    );
    assert_eq!(t.snapshot(), before);
}

// ----- batch_deduct ---------------------------------------------------------

fn items(t: &T, n: u32, dev: Option<Address>) -> Vec<DeductItem> {
    prefixed_items(t, "batch", n, dev)
}

fn prefixed_items(t: &T, prefix: &str, n: u32, dev: Option<Address>) -> Vec<DeductItem> {
    let mut v = Vec::new(&t.env);
    for i in 0..n {
        v.push_back(DeductItem {
            amount: 1,
            request_id: t.s(&std::format!("{prefix}-{i}")),
            developer: dev.clone(),
        });
    }
    v
}

#[test]
fn batch_deduct_pays_pool_once_and_emits_per_item() {
    let t = T::funded(1_000);
    let batch = items(&t, 5, None);
    assert_eq!(t.vault.batch_deduct(&t.backend, &batch), 995);
    t.auth_of(
        &t.backend,
        "batch_deduct",
        (t.backend.clone(), batch.clone()).into_val(&t.env),
    );
    let events = t.env.events().all().filter_by_contract(&t.vault.address);
    assert_eq!(events.events().len(), 5);
    assert_eq!(
        events.events()[4],
        crate::Deduct {
            request_id: t.s("batch-4"),
            amount: 1,
            developer: None,
            balance: 995
        }
        .to_xdr(&t.env, &t.vault.address)
    );
    assert_eq!(t.token.balance(&t.pool), 5);
    assert_eq!(t.held(), 995);
}

#[test]
fn batch_deduct_mixed_credits_through_settlement() {
    let t = T::funded(1_000);
    let settlement = t.settlement();
    let dev = Address::generate(&t.env);
    let mut batch = items(&t, 3, Some(dev.clone()));
    batch.push_back(DeductItem {
        amount: 7,
        request_id: t.s("pool-item"),
        developer: None,
    });
    assert_eq!(t.vault.batch_deduct(&t.backend, &batch), 990);
    assert_eq!(settlement.get_developer_balance(&dev), 3);
    assert_eq!(settlement.get_global_pool().total_balance, 7);
    assert_eq!(t.token.balance(&settlement.address), 10);
    // single-developer and pool-only batches take the single-payment path
    assert_eq!(
        t.vault.batch_deduct(
            &t.backend,
            &prefixed_items(&t, "single", 1, Some(dev.clone()))
        ),
        989
    );
    let pool_only = vec![
        &t.env,
        DeductItem {
            amount: 9,
            request_id: t.s("pool-2"),
            developer: None,
        },
    ];
    assert_eq!(t.vault.batch_deduct(&t.backend, &pool_only), 980);
    assert_eq!(settlement.get_developer_balance(&dev), 4);
    assert_eq!(settlement.get_global_pool().total_balance, 16);
    assert_eq!(t.token.balance(&settlement.address), 20);
}

#[test]
fn batch_deduct_is_atomic_and_bounded() {
    let t = T::funded(10);
    let before = t.snapshot();
    assert_err!(
        t.vault.try_batch_deduct(&t.backend, &Vec::new(&t.env)),
        VaultError::InvalidBatchSize
    );
    assert_err!(
        t.vault
            .try_batch_deduct(&t.backend, &items(&t, MAX_BATCH_DEDUCT + 1, None)),
        VaultError::InvalidBatchSize
    );
    // 11 items of 1 against a balance of 10: the last fails, nothing moves.
    assert_err!(
        t.vault.try_batch_deduct(&t.backend, &items(&t, 11, None)),
        VaultError::InsufficientBalance
    );
    let mut dup = items(&t, 2, None);
    dup.push_back(dup.get(0).unwrap());
    assert_err!(
        t.vault.try_batch_deduct(&t.backend, &dup),
        VaultError::DuplicateRequest
    );
    let stranger = Address::generate(&t.env);
    assert_err!(
        t.vault.try_batch_deduct(&stranger, &items(&t, 1, None)),
        VaultError::NotAuthorizedCaller
    );
    assert_eq!(t.snapshot(), before);
    assert!(!t.vault.is_request_processed(&t.s("batch-0")));
}

// ----- admin configuration --------------------------------------------------

#[test]
fn admin_setters_update_and_emit() {
    let t = T::new();
    let caller = Address::generate(&t.env);
    t.vault
        .set_authorized_caller(&t.owner, &Some(caller.clone()));
    t.auth_of(
        &t.owner,
        "set_authorized_caller",
        (t.owner.clone(), Some(caller.clone())).into_val(&t.env),
    );
    assert_eq!(
        t.last_event(),
        AuthorizedCallerSet {
            authorized_caller: Some(caller.clone())
        }
        .to_xdr(&t.env, &t.vault.address)
    );
    assert_eq!(t.vault.get_meta().authorized_caller, Some(caller));

    t.vault.set_min_deposit(&t.owner, &5);
    assert_eq!(
        t.last_event(),
        MinDepositSet { min_deposit: 5 }.to_xdr(&t.env, &t.vault.address)
    );
    assert_eq!(t.vault.get_meta().min_deposit, 5);

    t.vault.set_max_deduct(&t.owner, &9);
    assert_eq!(
        t.last_event(),
        MaxDeductSet { max_deduct: 9 }.to_xdr(&t.env, &t.vault.address)
    );
    assert_eq!(t.vault.get_max_deduct(), 9);

    let pool = Address::generate(&t.env);
    t.vault.set_revenue_pool(&t.owner, &Some(pool.clone()));
    assert_eq!(
        t.last_event(),
        RevenuePoolSet {
            revenue_pool: Some(pool.clone())
        }
        .to_xdr(&t.env, &t.vault.address)
    );
    assert_eq!(t.vault.get_revenue_pool(), Some(pool));

    let settlement = t.settlement();
    assert_eq!(
        t.last_event(),
        SettlementSet {
            settlement: Some(settlement.address.clone())
        }
        .to_xdr(&t.env, &t.vault.address)
    );
    t.vault.set_settlement(&t.owner, &None);
    assert_eq!(t.vault.get_settlement(), None);
}

#[test]
fn admin_setters_reject_non_admin_and_bad_values() {
    let t = T::new();
    let stranger = Address::generate(&t.env);
    let before = t.snapshot();
    assert_err!(
        t.vault.try_set_authorized_caller(&stranger, &None),
        VaultError::NotAdmin
    );
    assert_err!(
        t.vault.try_set_min_deposit(&stranger, &5),
        VaultError::NotAdmin
    );
    assert_err!(
        t.vault.try_set_max_deduct(&stranger, &5),
        VaultError::NotAdmin
    );
    assert_err!(
        t.vault.try_set_settlement(&stranger, &None),
        VaultError::NotAdmin
    );
    assert_err!(
        t.vault.try_set_revenue_pool(&stranger, &None),
        VaultError::NotAdmin
    );
    assert_err!(
        t.vault
            .try_set_revenue_pool(&t.owner, &Some(t.vault.address.clone())),
        VaultError::InvalidRecipient
    );
    assert_err!(t.vault.try_pause(&stranger), VaultError::NotAdmin);
    assert_err!(t.vault.try_unpause(&stranger), VaultError::NotAdmin);
    assert_err!(
        t.vault.try_set_metadata(&stranger, &t.s("o"), &t.s("m")),
        VaultError::NotAdmin
    );
    assert_err!(
        t.vault
            .try_set_allowed_depositor(&stranger, &stranger, &true),
        VaultError::NotOwner
    );
    assert_err!(
        t.vault.try_set_min_deposit(&t.owner, &0),
        VaultError::InvalidConfig
    );
    assert_err!(
        t.vault.try_set_max_deduct(&t.owner, &-1),
        VaultError::InvalidConfig
    );
    assert_eq!(t.snapshot(), before);
}

#[test]
fn metadata_per_offering() {
    let t = T::new();
    let (id, cid) = (t.s("offering-1"), t.s("ipfs://bafy"));
    assert_eq!(t.vault.get_metadata(&id), None);
    t.vault.set_metadata(&t.owner, &id, &cid);
    assert_eq!(
        t.last_event(),
        MetadataSet {
            offering_id: id.clone(),
            metadata: cid.clone()
        }
        .to_xdr(&t.env, &t.vault.address)
    );
    assert_eq!(t.vault.get_metadata(&id), Some(cid));
    let too_long = "m".repeat(MAX_METADATA_LEN as usize + 1);
    assert_err!(
        t.vault.try_set_metadata(&t.owner, &id, &t.s(&too_long)),
        VaultError::InvalidMetadata
    );
    assert_err!(
        t.vault.try_set_metadata(&t.owner, &t.s(""), &t.s("m")),
        VaultError::InvalidMetadata
    );
    assert_err!(
        t.vault.try_set_metadata(&t.owner, &id, &t.s("")),
        VaultError::InvalidMetadata
    );
}

// ----- admin handover, upgrade, migrate -------------------------------------

#[test]
fn two_step_admin_handover() {
    let t = T::new();
    let next = Address::generate(&t.env);
    let stranger = Address::generate(&t.env);
    t.vault.set_admin(&t.owner, &next, &150);
    t.auth_of(
        &t.owner,
        "set_admin",
        (t.owner.clone(), next.clone(), 150u32).into_val(&t.env),
    );
    assert_eq!(
        t.last_event(),
        AdminProposed {
            admin: t.owner.clone(),
            pending_admin: next.clone(),
            live_until_ledger: 150
        }
        .to_xdr(&t.env, &t.vault.address)
    );
    assert_eq!(
        t.vault.get_pending_admin(),
        Some(PendingAdmin {
            address: next.clone(),
            live_until_ledger: 150
        })
    );
    // Still the old admin until accepted.
    assert_eq!(t.vault.get_admin(), t.owner);
    assert_err!(
        t.vault.try_accept_admin(&stranger),
        VaultError::NotPendingAdmin
    );
    t.vault.accept_admin(&next);
    t.auth_of(&next, "accept_admin", (next.clone(),).into_val(&t.env));
    assert_eq!(
        t.last_event(),
        AdminAccepted {
            admin: next.clone(),
            previous_admin: t.owner.clone()
        }
        .to_xdr(&t.env, &t.vault.address)
    );
    assert_eq!(t.vault.get_admin(), next);
    // The owner is still the owner, but no longer the admin.
    assert_eq!(t.vault.get_meta().owner, t.owner);
    assert_err!(
        t.vault.try_set_min_deposit(&t.owner, &2),
        VaultError::NotAdmin
    );
    assert_err!(t.vault.try_accept_admin(&next), VaultError::NoPendingAdmin);
}

#[test]
fn admin_handover_expiry_and_cancel() {
    let t = T::new();
    let next = Address::generate(&t.env);
    assert_err!(
        t.vault.try_set_admin(&t.owner, &next, &99),
        VaultError::InvalidExpiry
    );
    assert_err!(
        t.vault.try_set_admin(&next, &next, &150),
        VaultError::NotAdmin
    );
    assert_err!(
        t.vault.try_set_admin(&t.owner, &next, &0),
        VaultError::NoPendingAdmin
    );
    t.vault.set_admin(&t.owner, &next, &150);
    t.env.ledger().set_sequence_number(151);
    assert_err!(
        t.vault.try_accept_admin(&next),
        VaultError::PendingAdminExpired
    );
    t.vault.set_admin(&t.owner, &next, &0);
    assert_eq!(t.vault.get_pending_admin(), None);
    assert_eq!(t.vault.get_admin(), t.owner);
}

#[test]
fn upgrade_is_admin_only_and_emits() {
    let t = T::funded(1_000);
    let hash = t.env.deployer().upload_contract_wasm(VAULT_WASM);
    let stranger = Address::generate(&t.env);
    assert_err!(t.vault.try_upgrade(&stranger, &hash), VaultError::NotAdmin);
    t.vault.upgrade(&t.owner, &hash);
    t.auth_of(
        &t.owner,
        "upgrade",
        (t.owner.clone(), hash.clone()).into_val(&t.env),
    );
    assert_eq!(
        t.last_event(),
        Upgraded {
            new_wasm_hash: hash,
            from_version: VERSION
        }
        .to_xdr(&t.env, &t.vault.address)
    );
    // Now running the built WASM: state survived.
    assert_eq!(t.vault.balance(), 1_000);
    assert_eq!(t.vault.version(), VERSION);
}

/// Puts the vault's stored data back into the schema 1 layout, as code
/// version 1 left it (the in-place path from the real v1 WASM is rehearsed
/// in the integration tests).
fn downgrade_to_schema_1(t: &T) {
    t.env.as_contract(&t.vault.address, || {
        let c = crate::storage::config(&t.env);
        let v1 = crate::storage::ConfigV1 {
            owner: c.owner,
            admin: c.admin,
            usdc_token: c.usdc_token,
            authorized_caller: c.authorized_caller,
            min_deposit: c.min_deposit,
            max_deduct: c.max_deduct,
            settlement: c.settlement,
            revenue_pool: c.revenue_pool,
            paused: c.paused,
        };
        t.env
            .storage()
            .instance()
            .set(&crate::storage::DataKey::Config, &v1);
        callora_types::upgrade::init_schema(&t.env, 1);
    });
}

#[test]
fn migrate_from_schema_1_runs_once() {
    let t = T::funded(1_000);
    assert_err!(t.vault.try_migrate(&t.owner), VaultError::AlreadyMigrated);
    t.vault.set_max_batch(&t.owner, &3);
    downgrade_to_schema_1(&t);
    assert_eq!(t.vault.schema_version(), 1);

    // Between upgrade and migrate: views read the v1 layout, money keeps
    // moving, configuration changes wait for the migration.
    assert_eq!(t.vault.get_max_batch(), MAX_BATCH_DEDUCT);
    assert_eq!(t.vault.get_meta().owner, t.owner);
    assert_eq!(t.vault.deposit(&t.owner, &10), 1_010);
    assert_eq!(t.vault.deduct(&t.backend, &10, &t.s("gap"), &None), 1_000);
    assert_err!(
        t.vault.try_set_min_deposit(&t.owner, &2),
        VaultError::MigrationPending
    );
    let stranger = Address::generate(&t.env);
    assert_err!(t.vault.try_migrate(&stranger), VaultError::NotAdmin);

    t.vault.migrate(&t.owner);
    assert_eq!(
        t.last_event(),
        Migrated {
            from: 1,
            to: SCHEMA_VERSION
        }
        .to_xdr(&t.env, &t.vault.address)
    );
    assert_eq!(t.vault.schema_version(), SCHEMA_VERSION);
    assert_eq!(t.vault.get_max_batch(), MAX_BATCH_DEDUCT);
    assert_eq!(t.vault.balance(), 1_000);
    assert_err!(t.vault.try_migrate(&t.owner), VaultError::AlreadyMigrated);
    t.vault.set_min_deposit(&t.owner, &2);
    assert_eq!(t.vault.get_meta().min_deposit, 2);
}

#[test]
fn max_batch_is_admin_configurable() {
    let t = T::funded(100);
    t.vault.set_max_batch(&t.owner, &2);
    assert_eq!(
        t.last_event(),
        MaxBatchSet { max_batch: 2 }.to_xdr(&t.env, &t.vault.address)
    );
    t.auth_of(
        &t.owner,
        "set_max_batch",
        (t.owner.clone(), 2u32).into_val(&t.env),
    );
    assert_eq!(t.vault.get_max_batch(), 2);
    assert_err!(
        t.vault.try_batch_deduct(&t.backend, &items(&t, 3, None)),
        VaultError::InvalidBatchSize
    );
    assert_eq!(t.vault.batch_deduct(&t.backend, &items(&t, 2, None)), 98);
    let stranger = Address::generate(&t.env);
    assert_err!(
        t.vault.try_set_max_batch(&stranger, &1),
        VaultError::NotAdmin
    );
    assert_err!(
        t.vault.try_set_max_batch(&t.owner, &0),
        VaultError::InvalidConfig
    );
    assert_err!(
        t.vault.try_set_max_batch(&t.owner, &(MAX_BATCH_DEDUCT + 1)),
        VaultError::InvalidConfig
    );
    assert_eq!(t.vault.get_max_batch(), 2);
}

/// Each admin call is authorized by exactly the admin, for exactly that call
/// and its arguments (`env.auths()`), and the same call from anyone else is
/// `NotAdmin` with nothing changed.
#[test]
fn every_admin_call_authorizes_exactly_the_admin() {
    let t = T::new();
    let settlement = t.settlement();
    let stranger = Address::generate(&t.env);
    let pool = Some(Address::generate(&t.env));
    let s_addr = Some(settlement.address.clone());
    let (o, m) = (t.s("offer"), t.s("ipfs://cid"));
    type Call<'a> = (
        &'a str,
        Vec<soroban_sdk::Val>,
        std::boxed::Box<dyn Fn(&Address) -> bool + 'a>,
    );
    let calls: std::vec::Vec<Call> = std::vec![
        (
            "set_min_deposit",
            (t.owner.clone(), 7i128).into_val(&t.env),
            std::boxed::Box::new(|c| t.vault.try_set_min_deposit(c, &7).is_ok())
        ),
        (
            "set_max_deduct",
            (t.owner.clone(), 8i128).into_val(&t.env),
            std::boxed::Box::new(|c| t.vault.try_set_max_deduct(c, &8).is_ok())
        ),
        (
            "set_settlement",
            (t.owner.clone(), s_addr.clone()).into_val(&t.env),
            std::boxed::Box::new(|c| t.vault.try_set_settlement(c, &s_addr).is_ok())
        ),
        (
            "set_revenue_pool",
            (t.owner.clone(), pool.clone()).into_val(&t.env),
            std::boxed::Box::new(|c| t.vault.try_set_revenue_pool(c, &pool).is_ok())
        ),
        (
            "set_metadata",
            (t.owner.clone(), o.clone(), m.clone()).into_val(&t.env),
            std::boxed::Box::new(|c| t.vault.try_set_metadata(c, &o, &m).is_ok())
        ),
        (
            "pause",
            (t.owner.clone(),).into_val(&t.env),
            std::boxed::Box::new(|c| t.vault.try_pause(c).is_ok())
        ),
        (
            "unpause",
            (t.owner.clone(),).into_val(&t.env),
            std::boxed::Box::new(|c| t.vault.try_unpause(c).is_ok())
        ),
    ];
    for (name, args, call) in calls {
        let before = t.snapshot();
        assert!(!call(&stranger), "{name} by a stranger");
        assert_eq!(t.snapshot(), before, "{name} by a stranger changed state");
        assert!(call(&t.owner), "{name} by the admin");
        t.auth_of(&t.owner, name, args);
    }
    assert_eq!(t.vault.get_meta().min_deposit, 7);
    assert_eq!(t.vault.get_max_deduct(), 8);
    assert_eq!(t.vault.get_revenue_pool(), pool);
    assert_eq!(t.vault.get_metadata(&o), Some(m));
    assert!(!t.vault.is_paused());

    downgrade_to_schema_1(&t);
    assert_err!(t.vault.try_migrate(&stranger), VaultError::NotAdmin);
    t.vault.migrate(&t.owner);
    t.auth_of(&t.owner, "migrate", (t.owner.clone(),).into_val(&t.env));
}
