//! Native tests of the vault's logic (code version 3). The settlement the
//! vault pays into is the real built settlement WASM, except where a test
//! needs to see exactly which settlement entry point the vault called (a
//! recording settlement below); USDC is a Stellar Asset Contract.
//!
//! Roles as shipped: the constructor names the owner and a distinct admin
//! (the operator); no test hands the admin over before it runs.
extern crate std;

use crate::{
    AuthorizedCallerSet, BatchDeduct, Deduct, DeductBatch, Deposit, DepositorSet, MaxBatchSet,
    MaxDeductSet, MetadataSet, MinDepositSet, Paused, RevenuePoolSet, SettlementSet, SpendLimit,
    SpendLimitSet, SpendWindow, Swept, Unpaused, Vault, VaultClient, VaultError, VaultInitialized,
    VaultMeta, Withdraw, MAX_BATCH_DEDUCT, MAX_BATCH_DEVELOPERS, MAX_METADATA_LEN,
    MAX_REQUEST_ID_LEN, MAX_SPEND_PERIOD, SCHEMA_VERSION, VERSION,
};
use callora_types::{
    clients::Payment,
    events::{AdminAccepted, AdminProposed, Migrated, Upgraded},
    ttl::{MAX_REQUEST_VALIDITY, REQUEST_ID_TTL},
    types::PendingAdmin,
};
use soroban_sdk::{
    testutils::{
        Address as _, AuthorizedFunction, AuthorizedInvocation, Events as _, Ledger as _, MockAuth,
        MockAuthInvoke,
    },
    token::{StellarAssetClient, TokenClient},
    vec,
    xdr::{self, ScErrorCode, ScErrorType, ToXdr},
    Address, Bytes, BytesN, Env, Error, Event, IntoVal, String, Symbol, TryFromVal, Val, Vec,
};

mod settlement_wasm {
    soroban_sdk::contractimport!(file = "../../artifacts/callora_settlement.wasm");
}
const VAULT_WASM: &[u8] = include_bytes!("../../../artifacts/callora_vault.wasm");

/// A settlement stand-in that records which entry point the vault called,
/// with which arguments, and pulls the USDC exactly as the real one does
/// (so the vault's pre-authorized transfer must match the amount).
mod recorder {
    use callora_types::clients::Payment;
    use soroban_sdk::{contract, contractimpl, contracttype, token, Address, Env, Symbol, Vec};

    /// One call the vault made: `function` is `receive_payment` (with
    /// `amount`, `to_pool`, `developer`) or `receive_payments` (with
    /// `amount` = the pool amount and `credits`).
    #[contracttype]
    #[derive(Clone, Debug, Eq, PartialEq)]
    pub struct Received {
        pub function: Symbol,
        pub caller: Address,
        pub amount: i128,
        pub to_pool: bool,
        pub developer: Option<Address>,
        pub credits: Vec<Payment>,
    }

    #[contracttype]
    enum Key {
        Usdc,
        Calls,
    }

    #[contract]
    pub struct RecordingSettlement;

    fn record(env: &Env, received: Received, pulled: i128) {
        received.caller.require_auth();
        let usdc: Address = env.storage().instance().get(&Key::Usdc).unwrap();
        token::TokenClient::new(env, &usdc).transfer(
            &received.caller,
            env.current_contract_address(),
            &pulled,
        );
        let mut calls = RecordingSettlement::calls(env.clone());
        calls.push_back(received);
        env.storage().instance().set(&Key::Calls, &calls);
    }

    #[contractimpl]
    impl RecordingSettlement {
        pub fn __constructor(env: Env, usdc: Address) {
            env.storage().instance().set(&Key::Usdc, &usdc);
        }

        pub fn get_usdc_token(env: Env) -> Address {
            env.storage().instance().get(&Key::Usdc).unwrap()
        }

        pub fn get_successor(_env: Env) -> Option<Address> {
            None
        }

        pub fn receive_payment(
            env: Env,
            caller: Address,
            amount: i128,
            to_pool: bool,
            developer: Option<Address>,
        ) {
            let received = Received {
                function: Symbol::new(&env, "receive_payment"),
                caller,
                amount,
                to_pool,
                developer,
                credits: Vec::new(&env),
            };
            record(&env, received, amount);
        }

        pub fn receive_payments(
            env: Env,
            caller: Address,
            pool_amount: i128,
            credits: Vec<Payment>,
        ) {
            let total = pool_amount + credits.iter().map(|c| c.amount).sum::<i128>();
            let received = Received {
                function: Symbol::new(&env, "receive_payments"),
                caller,
                amount: pool_amount,
                to_pool: false,
                developer: None,
                credits,
            };
            record(&env, received, total);
        }

        pub fn calls(env: Env) -> Vec<Received> {
            env.storage()
                .instance()
                .get(&Key::Calls)
                .unwrap_or(Vec::new(&env))
        }
    }
}

/// Constructor arguments a test may change: initial balance, minimum
/// deposit, maximum deduct.
type Args = (Option<i128>, Option<i128>, Option<i128>);

struct T {
    env: Env,
    owner: Address,
    admin: Address,
    backend: Address,
    pool: Address,
    usdc: Address,
    token: TokenClient<'static>,
    sac: StellarAssetClient<'static>,
    vault: VaultClient<'static>,
}

/// Everything a refused call must leave untouched.
#[derive(Debug, PartialEq)]
struct State {
    meta: VaultMeta,
    admin: Address,
    pending_admin: Option<PendingAdmin>,
    settlement: Option<Address>,
    revenue_pool: Option<Address>,
    max_deduct: i128,
    max_batch: u32,
    paused: bool,
    spend_limit: Option<SpendLimit>,
    spend_window: Option<SpendWindow>,
    schema_version: u32,
    /// USDC held by the vault, the owner, the revenue pool and the
    /// settlement (when one is set).
    held: i128,
    owner_held: i128,
    pool_held: i128,
    settlement_held: Option<i128>,
}

impl T {
    fn new() -> T {
        Self::with(|_| ())
    }

    /// A vault owned by `owner`, administered by `admin` (the operator, as
    /// shipped), deducted by `backend` and routed to a revenue pool (a
    /// plain address); the owner holds 1,000,000 USDC units. `tweak` may
    /// change the constructor's optional arguments.
    fn with(tweak: impl FnOnce(&mut Args)) -> T {
        let env = callora_types::test_env();
        env.mock_all_auths();
        env.ledger().set_sequence_number(100);
        let owner = Address::generate(&env);
        let admin = Address::generate(&env);
        let backend = Address::generate(&env);
        let pool = Address::generate(&env);
        let issuer = Address::generate(&env);
        let usdc = env.register_stellar_asset_contract_v2(issuer).address();
        let sac = StellarAssetClient::new(&env, &usdc);
        let token = TokenClient::new(&env, &usdc);
        sac.mint(&owner, &1_000_000);
        let mut args = (None, None, None);
        tweak(&mut args);
        let (initial_balance, min_deposit, max_deduct) = args;
        let id = env.register(
            Vault,
            (
                owner.clone(),
                admin.clone(),
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
            admin,
            backend,
            pool,
            usdc,
            token,
            sac,
            vault,
        }
    }

    fn funded(amount: i128) -> T {
        let t = T::new();
        t.vault.deposit(&t.owner, &amount);
        t
    }

    fn s(&self, v: &str) -> String {
        String::from_str(&self.env, v)
    }

    fn now(&self) -> u32 {
        self.env.ledger().sequence()
    }

    fn set_ledger(&self, sequence: u32) {
        self.env.ledger().set_sequence_number(sequence);
    }

    /// The furthest accepted `valid_until_ledger`.
    fn until(&self) -> u32 {
        self.now() + MAX_REQUEST_VALIDITY
    }

    /// The backend deducts `amount` for `request_id`, valid for as long as
    /// allowed.
    fn deduct(&self, amount: i128, request_id: &str, developer: Option<Address>) -> i128 {
        self.vault.deduct(
            &self.backend,
            &amount,
            &self.s(request_id),
            &developer,
            &self.until(),
        )
    }

    /// The backend charges `batch` under the batch id `request_id`, valid
    /// for as long as allowed.
    fn batch(&self, request_id: &str, batch: &DeductBatch) -> i128 {
        self.vault
            .batch_deduct(&self.backend, &self.s(request_id), batch, &self.until())
    }

    /// `batch_deduct` of `batch` under `request_id` is refused with exactly
    /// `err`: no event, every part of [`State`] untouched, and no id
    /// recorded (the batch's id and each call's id stay as they were).
    fn batch_refused(&self, request_id: &str, batch: &DeductBatch, until: u32, err: VaultError) {
        let rid = self.s(request_id);
        let processed = |ids: &Vec<String>| -> std::vec::Vec<bool> {
            ids.iter()
                .map(|id| self.vault.is_request_processed(&id))
                .collect()
        };
        let batch_was = self.vault.is_request_processed(&rid);
        let calls_were = processed(&batch.request_ids);
        let before = self.state();
        assert_eq!(
            self.vault
                .try_batch_deduct(&self.backend, &rid, batch, &until),
            Err(Ok(err)),
            "batch {request_id}"
        );
        assert!(self.events().is_empty(), "{err:?} emitted events");
        assert_eq!(self.state(), before, "{err:?} changed state");
        assert_eq!(self.vault.is_request_processed(&rid), batch_was, "{err:?}");
        assert_eq!(processed(&batch.request_ids), calls_were, "{err:?}");
    }

    /// A real settlement (built WASM) with this vault registered, set as the
    /// destination by the admin.
    fn settlement(&self) -> settlement_wasm::Client<'static> {
        let id = self.env.register(
            settlement_wasm::WASM,
            (
                Address::generate(&self.env),
                self.usdc.clone(),
                Some(self.vault.address.clone()),
            ),
        );
        self.vault.set_settlement(&self.admin, &Some(id.clone()));
        settlement_wasm::Client::new(&self.env, &id)
    }

    /// A recording settlement, set as the destination by the admin.
    fn recorder(&self) -> recorder::RecordingSettlementClient<'static> {
        let id = self
            .env
            .register(recorder::RecordingSettlement, (self.usdc.clone(),));
        self.vault.set_settlement(&self.admin, &Some(id.clone()));
        recorder::RecordingSettlementClient::new(&self.env, &id)
    }

    fn held(&self) -> i128 {
        self.token.balance(&self.vault.address)
    }

    fn state(&self) -> State {
        let settlement = self.vault.get_settlement();
        State {
            meta: self.vault.get_meta(),
            admin: self.vault.get_admin(),
            pending_admin: self.vault.get_pending_admin(),
            revenue_pool: self.vault.get_revenue_pool(),
            max_deduct: self.vault.get_max_deduct(),
            max_batch: self.vault.get_max_batch(),
            paused: self.vault.is_paused(),
            spend_limit: self.vault.get_spend_limit(),
            spend_window: self.vault.get_spend_window(),
            schema_version: self.vault.schema_version(),
            held: self.held(),
            owner_held: self.token.balance(&self.owner),
            pool_held: self.token.balance(&self.pool),
            settlement_held: settlement.as_ref().map(|s| self.token.balance(s)),
            settlement,
        }
    }

    /// Events of the last invocation (every contract).
    fn events(&self) -> std::vec::Vec<xdr::ContractEvent> {
        self.env.events().all().events().to_vec()
    }

    /// The vault's events of the last invocation.
    fn vault_events(&self) -> std::vec::Vec<xdr::ContractEvent> {
        self.env
            .events()
            .all()
            .filter_by_contract(&self.vault.address)
            .events()
            .to_vec()
    }

    /// The last invocation emitted exactly `event` from the vault (and
    /// nothing else from it).
    fn emitted(&self, event: &impl Event) {
        assert_eq!(
            self.vault_events(),
            std::vec![event.to_xdr(&self.env, &self.vault.address)]
        );
    }

    /// Event names (topic 0) of the last invocation, from `contract`.
    fn event_names(&self, contract: &Address) -> std::vec::Vec<std::string::String> {
        self.env
            .events()
            .all()
            .filter_by_contract(contract)
            .events()
            .iter()
            .map(|e| {
                let xdr::ContractEventBody::V0(body) = &e.body;
                match &body.topics[0] {
                    xdr::ScVal::Symbol(s) => s.to_utf8_string_lossy(),
                    other => panic!("topic 0 is not a symbol: {other:?}"),
                }
            })
            .collect()
    }

    /// The last invocation was authorized by exactly `signer`, for exactly
    /// `function` of the vault with `args`.
    fn auth_of(&self, signer: &Address, function: &str, args: Vec<Val>) {
        let auths = self.env.auths();
        assert_eq!(auths.len(), 1, "exactly one signer: {auths:?}");
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

    /// Invokes the vault's `function` under enforcing auth with exactly one
    /// signature, `signer`'s, on exactly this call; returns what the host
    /// answered.
    fn signed_by(&self, signer: &Address, function: &str, args: Vec<Val>) -> Result<Val, Error> {
        self.signed_over(signer, function, args.clone(), args)
    }

    /// Invokes the vault's `function` with `args` under enforcing auth with
    /// exactly one signature, `signer`'s, over `function` with `signed`
    /// (which may differ from `args`); returns what the host answered.
    fn signed_over(
        &self,
        signer: &Address,
        function: &str,
        signed: Vec<Val>,
        args: Vec<Val>,
    ) -> Result<Val, Error> {
        self.env.mock_auths(&[MockAuth {
            address: signer,
            invoke: &MockAuthInvoke {
                contract: &self.vault.address,
                fn_name: function,
                args: signed,
                sub_invokes: &[],
            },
        }]);
        let result = self.env.try_invoke_contract::<Val, Error>(
            &self.vault.address,
            &Symbol::new(&self.env, function),
            args,
        );
        self.env.mock_all_auths();
        match result {
            Ok(Ok(v)) => Ok(v),
            Err(Ok(e)) => Err(e),
            other => panic!("{function}: unexpected result {other:?}"),
        }
    }

    /// `function` signed by `signer` alone is refused by the host because
    /// `missing` did not authorize it, with no event and no state change.
    fn refused_for_auth(
        &self,
        signer: &Address,
        function: &str,
        args: Vec<Val>,
        missing: &Address,
    ) {
        let before = self.state();
        assert_eq!(
            self.signed_by(signer, function, args).err(),
            Some(auth_refused()),
            "{function} signed by {signer:?}"
        );
        assert_eq!(
            self.unauthorized(),
            std::vec![missing.clone()],
            "{function} signed by {signer:?}"
        );
        assert!(self.events().is_empty(), "{function} emitted events");
        assert_eq!(self.state(), before, "{function} changed state");
    }

    /// The addresses the host reported as not having authorized the last
    /// invocation (its diagnostic `Error(Auth, InvalidAction)` events,
    /// "Unauthorized function call for address").
    fn unauthorized(&self) -> std::vec::Vec<Address> {
        let events = self.env.host().get_events().unwrap().0;
        events
            .iter()
            .filter(|e| e.event.type_ == xdr::ContractEventType::Diagnostic)
            .filter_map(|e| {
                let xdr::ContractEventBody::V0(body) = &e.event.body;
                let auth_error = xdr::ScVal::Error(xdr::ScError::Auth(ScErrorCode::InvalidAction));
                if body.topics.get(1) != Some(&auth_error) {
                    return None;
                }
                let xdr::ScVal::Vec(Some(data)) = &body.data else {
                    return None;
                };
                match data.as_slice() {
                    [xdr::ScVal::String(msg), address]
                        if msg.as_slice() == b"Unauthorized function call for address" =>
                    {
                        Some(Address::try_from_val(&self.env, address).unwrap())
                    }
                    _ => None,
                }
            })
            .collect()
    }
}

/// The error a native contract's call answers when a `require_auth` is not
/// satisfied: the host's `Error(Auth, InvalidAction)` surfaces to the caller
/// as `Error(Context, InvalidAction)` (as for the built WASMs, see
/// `refused_for_auth` in the integration tests' `world.rs`).
fn auth_refused() -> Error {
    Error::from_type_and_code(ScErrorType::Context, ScErrorCode::InvalidAction)
}

/// `$call` fails with exactly `$err`.
macro_rules! assert_err {
    ($call:expr, $err:expr) => {
        assert_eq!($call, Err(Ok($err)))
    };
}

/// `$call` fails with exactly `$err`, emits no event and leaves every part
/// of [`State`] untouched.
macro_rules! assert_refused {
    ($t:expr, $call:expr, $err:expr) => {{
        let before = $t.state();
        assert_eq!($call, Err(Ok($err)));
        assert!($t.events().is_empty(), "a refused call emitted events");
        assert_eq!($t.state(), before, "a refused call changed state");
    }};
}

/// A batch of `calls` (amount, call id, credited developer), by column:
/// the developers listed in order of first appearance (`None`: the pool).
fn batch_of(t: &T, calls: &[(i128, &str, Option<Address>)]) -> DeductBatch {
    let mut batch = empty_batch(t);
    for (amount, id, developer) in calls {
        push_call(t, &mut batch, *amount, id, developer.clone());
    }
    batch
}

/// A batch with no calls (and no developers).
fn empty_batch(t: &T) -> DeductBatch {
    DeductBatch {
        request_ids: Vec::new(&t.env),
        amounts: Vec::new(&t.env),
        developer_index: Vec::new(&t.env),
        developers: Vec::new(&t.env),
    }
}

/// Appends one call to `batch`, listing its developer if it is new.
fn push_call(t: &T, batch: &mut DeductBatch, amount: i128, id: &str, developer: Option<Address>) {
    let index = match batch.developers.first_index_of(&developer) {
        Some(index) => index,
        None => {
            batch.developers.push_back(developer);
            batch.developers.len() - 1
        }
    };
    batch.request_ids.push_back(t.s(id));
    batch.amounts.push_back(amount);
    batch.developer_index.push_back(index);
}

/// `n` calls of 1 unit, call ids `batch-0` .. `batch-{n-1}`.
fn unit_batch(t: &T, n: u32, dev: Option<Address>) -> DeductBatch {
    prefixed_batch(t, "batch", n, dev)
}

/// `n` calls of 1 unit, call ids `{prefix}-0` .. `{prefix}-{n-1}`.
fn prefixed_batch(t: &T, prefix: &str, n: u32, dev: Option<Address>) -> DeductBatch {
    let mut batch = empty_batch(t);
    for i in 0..n {
        push_call(t, &mut batch, 1, &std::format!("{prefix}-{i}"), dev.clone());
    }
    batch
}

/// The one argument the backend signs for `batch_deduct`: `sha256` of the
/// XDR of `ScVal::Vec([request_id, batch, valid_until_ledger])`.
fn digest(env: &Env, request_id: &String, batch: &DeductBatch, until: u32) -> BytesN<32> {
    let preimage = (request_id.clone(), batch.clone(), until).to_xdr(env);
    env.crypto().sha256(&preimage).into()
}

fn limit(amount: i128, period_ledgers: u32) -> Option<SpendLimit> {
    Some(SpendLimit {
        amount,
        period_ledgers,
    })
}

fn window(start_ledger: u32, spent: i128) -> Option<SpendWindow> {
    Some(SpendWindow {
        start_ledger,
        spent,
    })
}

// ----- error codes ----------------------------------------------------------

/// The numeric codes are the clients' and indexers' contract: each variant
/// keeps its number (codes 100–199, the handover block at 150).
#[test]
fn error_codes_are_stable() {
    use VaultError::*;
    let codes = [
        (InvalidAmount, 100),
        (BelowMinDeposit, 101),
        (ExceedsMaxDeduct, 102),
        (InsufficientBalance, 103),
        (NotOwner, 104),
        (NotDepositor, 105),
        (NotAuthorizedCaller, 106),
        (DuplicateRequest, 107),
        (InvalidRequestId, 108),
        (NoDestination, 109),
        (Paused, 110),
        (InvalidBatchSize, 111),
        (InitialBalanceNotCovered, 112),
        (InvalidConfig, 113),
        (InvalidRecipient, 114),
        (InvalidMetadata, 115),
        (Overflow, 116),
        (AlreadyPaused, 117),
        (NotPaused, 118),
        (TokenMismatch, 119),
        (RequestExpired, 120),
        (ValidityTooLong, 121),
        (SpendLimitExceeded, 122),
        (InvalidSpendLimit, 123),
        (AdminIsOwner, 124),
        (TooManyDevelopers, 125),
        (NothingToSweep, 126),
        (InvalidBatch, 127),
        (NotAdmin, 150),
        (NoPendingAdmin, 151),
        (PendingAdminExpired, 152),
        (NotPendingAdmin, 153),
        (InvalidExpiry, 154),
        (AlreadyMigrated, 155),
        (MigrationPending, 156),
    ];
    for (error, code) in codes {
        assert_eq!(
            Error::from(error),
            Error::from_contract_error(code),
            "{error:?}"
        );
    }
}

// ----- constructor ----------------------------------------------------------

#[test]
fn constructor_defaults_and_views() {
    let t = T::new();
    // The registration (constructor) was the last invocation.
    assert_eq!(
        t.vault_events(),
        std::vec![VaultInitialized {
            owner: t.owner.clone(),
            admin: t.admin.clone(),
            usdc_token: t.usdc.clone(),
            balance: 0
        }
        .to_xdr(&t.env, &t.vault.address)]
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
    // The admin is the operator named in the constructor, never the owner.
    assert_eq!(t.vault.get_admin(), t.admin);
    assert_ne!(t.vault.get_admin(), t.owner);
    assert_eq!(t.vault.get_usdc_token(), t.usdc);
    assert_eq!(t.vault.get_max_deduct(), i128::MAX);
    assert_eq!(t.vault.get_max_batch(), MAX_BATCH_DEDUCT);
    assert_eq!(t.vault.get_revenue_pool(), Some(t.pool.clone()));
    assert_eq!(t.vault.get_settlement(), None);
    assert!(!t.vault.is_paused());
    assert_eq!(t.vault.version(), VERSION);
    assert_eq!(VERSION, 3);
    assert_eq!(t.vault.schema_version(), SCHEMA_VERSION);
    assert_eq!(SCHEMA_VERSION, 3);
    assert_eq!(t.vault.get_pending_admin(), None);
    // No spend limit until the owner sets one.
    assert_eq!(t.vault.get_spend_limit(), None);
    assert_eq!(t.vault.get_spend_window(), None);
}

#[test]
fn constructor_accepts_covered_initial_balance() {
    let env = callora_types::test_env();
    let owner = Address::generate(&env);
    let admin = Address::generate(&env);
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
            owner.clone(),
            admin.clone(),
            usdc.clone(),
            Some(500i128),
            none.clone(),
            Some(10i128),
            none,
            Some(50i128),
        ),
    );
    assert_eq!(
        env.events().all().filter_by_contract(&at).events(),
        std::vec![VaultInitialized {
            owner,
            admin: admin.clone(),
            usdc_token: usdc,
            balance: 500
        }
        .to_xdr(&env, &at)]
    );
    let vault = VaultClient::new(&env, &at);
    assert_eq!(vault.balance(), 500);
    assert_eq!(vault.get_admin(), admin);
    assert_eq!(vault.get_meta().min_deposit, 10);
    assert_eq!(vault.get_meta().authorized_caller, None);
    assert_eq!(vault.get_revenue_pool(), None);
    assert_eq!(vault.get_max_deduct(), 50);
}

#[test]
#[should_panic(expected = "Error(Contract, #112)")]
fn constructor_rejects_uncovered_initial_balance() {
    T::with(|a| a.0 = Some(1));
}

#[test]
#[should_panic(expected = "Error(Contract, #100)")]
fn constructor_rejects_negative_initial_balance() {
    T::with(|a| a.0 = Some(-1));
}

#[test]
#[should_panic(expected = "Error(Contract, #113)")]
fn constructor_rejects_zero_min_deposit() {
    T::with(|a| a.1 = Some(0));
}

#[test]
#[should_panic(expected = "Error(Contract, #113)")]
fn constructor_rejects_zero_max_deduct() {
    T::with(|a| a.2 = Some(0));
}

/// Finding 1: an owner who is also the admin could route its own deducts
/// back to itself, so the constructor refuses it.
#[test]
#[should_panic(expected = "Error(Contract, #124)")]
fn constructor_rejects_owner_as_admin() {
    let env = callora_types::test_env();
    let owner = Address::generate(&env);
    let usdc = env
        .register_stellar_asset_contract_v2(Address::generate(&env))
        .address();
    let none: Option<i128> = None;
    env.register(
        Vault,
        (
            owner.clone(),
            owner,
            usdc,
            none,
            None::<Address>,
            none,
            Some(Address::generate(&env)),
            none,
        ),
    );
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
    t.emitted(&Deposit {
        from: t.owner.clone(),
        amount: 300,
        balance: 300,
    });
    let auths = t.env.auths();
    assert_eq!(auths.len(), 1);
    assert_eq!(auths[0].0, t.owner);
    assert_eq!(
        auths[0].1.function,
        AuthorizedFunction::Contract((
            t.vault.address.clone(),
            Symbol::new(&t.env, "deposit"),
            (t.owner.clone(), 300i128).into_val(&t.env)
        ))
    );
    // The owner's one signature also covers the USDC transfer into the vault.
    assert_eq!(
        auths[0].1.sub_invocations[0].function,
        AuthorizedFunction::Contract((
            t.usdc.clone(),
            Symbol::new(&t.env, "transfer"),
            (t.owner.clone(), t.vault.address.clone(), 300i128).into_val(&t.env)
        ))
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
    assert_refused!(
        t,
        t.vault.try_deposit(&friend, &50),
        VaultError::NotDepositor
    );
    assert!(!t.vault.is_allowed_depositor(&friend));

    t.vault.set_allowed_depositor(&t.owner, &friend, &true);
    t.auth_of(
        &t.owner,
        "set_allowed_depositor",
        (t.owner.clone(), friend.clone(), true).into_val(&t.env),
    );
    t.emitted(&DepositorSet {
        depositor: friend.clone(),
        allowed: true,
    });
    assert!(t.vault.is_allowed_depositor(&friend));
    assert_eq!(t.vault.deposit(&friend, &50), 50);
    assert_eq!(t.token.balance(&friend), 50);

    t.vault.set_allowed_depositor(&t.owner, &friend, &false);
    t.emitted(&DepositorSet {
        depositor: friend.clone(),
        allowed: false,
    });
    assert!(!t.vault.is_allowed_depositor(&friend));
    assert_refused!(
        t,
        t.vault.try_deposit(&friend, &50),
        VaultError::NotDepositor
    );
}

#[test]
fn set_allowed_depositor_is_owner_only() {
    let t = T::new();
    // Neither the admin (the operator) nor a stranger chooses depositors.
    let stranger = Address::generate(&t.env);
    for who in [&t.admin, &t.backend, &stranger] {
        assert_refused!(
            t,
            t.vault.try_set_allowed_depositor(who, who, &true),
            VaultError::NotOwner
        );
        assert!(!t.vault.is_allowed_depositor(who));
    }
}

#[test]
fn deposit_validation_leaves_state_untouched() {
    let t = T::with(|a| a.1 = Some(10));
    assert_refused!(
        t,
        t.vault.try_deposit(&t.owner, &0),
        VaultError::InvalidAmount
    );
    assert_refused!(
        t,
        t.vault.try_deposit(&t.owner, &-5),
        VaultError::InvalidAmount
    );
    assert_refused!(
        t,
        t.vault.try_deposit(&t.owner, &9),
        VaultError::BelowMinDeposit
    );
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
    assert_refused!(t, t.vault.try_deposit(&friend, &1), VaultError::Overflow);
    assert_eq!(t.vault.balance(), i128::MAX);
}

#[test]
fn deposit_needs_the_depositors_signature() {
    let t = T::new();
    // Naming the owner as `caller` without the owner's signature.
    t.refused_for_auth(
        &t.admin,
        "deposit",
        (t.owner.clone(), 10i128).into_val(&t.env),
        &t.owner,
    );
}

#[test]
fn pause_blocks_deposits_only() {
    let t = T::funded(1_000);
    t.vault.pause(&t.admin);
    t.auth_of(&t.admin, "pause", (t.admin.clone(),).into_val(&t.env));
    t.emitted(&Paused {
        admin: t.admin.clone(),
    });
    assert!(t.vault.is_paused());
    assert_refused!(t, t.vault.try_deposit(&t.owner, &10), VaultError::Paused);
    assert_refused!(t, t.vault.try_pause(&t.admin), VaultError::AlreadyPaused);
    // Deducts, withdrawals and sweeps go on.
    assert_eq!(t.deduct(100, "r1", None), 900);
    assert_eq!(t.vault.withdraw(&100), 800);
    t.vault.unpause(&t.admin);
    t.auth_of(&t.admin, "unpause", (t.admin.clone(),).into_val(&t.env));
    t.emitted(&Unpaused {
        admin: t.admin.clone(),
    });
    assert_refused!(t, t.vault.try_unpause(&t.admin), VaultError::NotPaused);
    assert_eq!(t.vault.deposit(&t.owner, &10), 810);
}

// ----- withdraw -------------------------------------------------------------

#[test]
fn withdraw_and_withdraw_to() {
    let t = T::funded(1_000);
    assert_eq!(t.vault.withdraw(&400), 600);
    t.auth_of(&t.owner, "withdraw", (400i128,).into_val(&t.env));
    t.emitted(&Withdraw {
        to: t.owner.clone(),
        amount: 400,
        balance: 600,
    });
    let to = Address::generate(&t.env);
    assert_eq!(t.vault.withdraw_to(&to, &100), 500);
    t.auth_of(
        &t.owner,
        "withdraw_to",
        (to.clone(), 100i128).into_val(&t.env),
    );
    t.emitted(&Withdraw {
        to: to.clone(),
        amount: 100,
        balance: 500,
    });
    assert_eq!(t.token.balance(&to), 100);
    assert_eq!(t.token.balance(&t.owner), 999_400);
    assert_eq!(t.held(), 500);
}

#[test]
fn withdraw_validation_leaves_state_untouched() {
    let t = T::funded(1_000);
    assert_refused!(t, t.vault.try_withdraw(&0), VaultError::InvalidAmount);
    assert_refused!(
        t,
        t.vault.try_withdraw(&1_001),
        VaultError::InsufficientBalance
    );
    assert_refused!(
        t,
        t.vault.try_withdraw_to(&t.vault.address, &1),
        VaultError::InvalidRecipient
    );
    assert_refused!(
        t,
        t.vault.try_withdraw_to(&t.backend, &-1),
        VaultError::InvalidAmount
    );
}

/// Withdrawals need the owner's own signature: nobody else's (the admin's,
/// the backend's) is accepted in its place, and nothing moves.
#[test]
fn withdraw_needs_the_owners_signature() {
    let t = T::funded(1_000);
    for signer in [&t.admin, &t.backend] {
        t.refused_for_auth(signer, "withdraw", (1i128,).into_val(&t.env), &t.owner);
        t.refused_for_auth(
            signer,
            "withdraw_to",
            (signer.clone(), 1i128).into_val(&t.env),
            &t.owner,
        );
    }
    // With no signature at all.
    t.env.set_auths(&[]);
    let none = t.env.try_invoke_contract::<Val, Error>(
        &t.vault.address,
        &Symbol::new(&t.env, "withdraw"),
        (1i128,).into_val(&t.env),
    );
    t.env.mock_all_auths();
    assert_eq!(none.err(), Some(Ok(auth_refused())));
    assert_eq!(t.unauthorized(), std::vec![t.owner.clone()]);
    // The owner's signature alone is enough.
    let left = t
        .signed_by(&t.owner, "withdraw", (1i128,).into_val(&t.env))
        .map(|v| i128::try_from_val(&t.env, &v).unwrap());
    assert_eq!(left, Ok(999));
    assert_eq!(t.vault.balance(), 999);
    assert_eq!(t.held(), 999);
}

// ----- deduct ---------------------------------------------------------------

#[test]
fn deduct_pays_revenue_pool_and_emits() {
    let t = T::funded(1_000);
    let dev = Address::generate(&t.env);
    let rid = t.s("req-1");
    let until = t.until();
    assert_eq!(
        t.vault
            .deduct(&t.backend, &250, &rid, &Some(dev.clone()), &until),
        750
    );
    t.auth_of(
        &t.backend,
        "deduct",
        (
            t.backend.clone(),
            250i128,
            rid.clone(),
            Some(dev.clone()),
            until,
        )
            .into_val(&t.env),
    );
    t.emitted(&Deduct {
        request_id: rid.clone(),
        amount: 250,
        developer: Some(dev),
        balance: 750,
    });
    assert_eq!(t.token.balance(&t.pool), 250);
    assert_eq!(t.held(), 750);
    assert!(t.vault.is_request_processed(&rid));
    assert!(!t.vault.is_request_processed(&t.s("req-2")));
}

#[test]
fn deduct_is_idempotent_by_request_id() {
    let t = T::funded(1_000);
    t.deduct(100, "req-1", None);
    assert_refused!(
        t,
        t.vault
            .try_deduct(&t.backend, &100, &t.s("req-1"), &None, &t.until()),
        VaultError::DuplicateRequest
    );
    // A different amount or developer does not make it a new request.
    assert_refused!(
        t,
        t.vault.try_deduct(
            &t.backend,
            &7,
            &t.s("req-1"),
            &Some(Address::generate(&t.env)),
            &t.now()
        ),
        VaultError::DuplicateRequest
    );
    // Nor does reusing it as a batch's id (one id space).
    t.batch_refused(
        "req-1",
        &batch_of(&t, &[(1, "other", None)]),
        t.until(),
        VaultError::DuplicateRequest,
    );
    assert_eq!(t.vault.balance(), 900);
}

/// A processed id is kept for `REQUEST_ID_TTL` ledgers, longer than any
/// request that used it can still be charged: a retry is refused as a
/// duplicate while the id is kept, and as expired after — never charged.
#[test]
fn request_ids_outlive_their_requests_validity() {
    let t = T::funded(1_000);
    let rid = t.s("req-1");
    let start = t.now();
    let until = t.until();
    t.vault.deduct(&t.backend, &100, &rid, &None, &until);
    let retry = || t.vault.try_deduct(&t.backend, &100, &rid, &None, &until);

    // Still valid: a duplicate.
    t.set_ledger(until);
    assert_refused!(t, retry(), VaultError::DuplicateRequest);
    // Expired, id kept (through `start + REQUEST_ID_TTL`): still reported as
    // a duplicate, because duplicates are checked first.
    t.set_ledger(start + REQUEST_ID_TTL);
    assert!(t.vault.is_request_processed(&rid));
    assert_err!(retry(), VaultError::DuplicateRequest);
    assert!(t.events().is_empty());
    // Id forgotten: the request has long expired and is refused as such.
    t.set_ledger(start + REQUEST_ID_TTL + 1);
    assert!(!t.vault.is_request_processed(&rid));
    assert_err!(retry(), VaultError::RequestExpired);
    assert!(t.events().is_empty());
    // The same for a batch under that (forgotten) id.
    t.batch_refused(
        "req-1",
        &batch_of(&t, &[(100, "call", None)]),
        until,
        VaultError::RequestExpired,
    );
    assert!(!t.vault.is_request_processed(&rid));
    assert_eq!(t.vault.balance(), 900);
}

/// A retry after `valid_until_ledger` of a request that was charged learns
/// "already charged" (DuplicateRequest), not RequestExpired: duplicates are
/// checked before validity.
#[test]
fn duplicate_is_reported_before_expiry() {
    let t = T::funded(1_000);
    let until = t.now() + 5;
    t.vault
        .deduct(&t.backend, &100, &t.s("charged"), &None, &until);
    let batch = unit_batch(&t, 2, None);
    t.vault
        .batch_deduct(&t.backend, &t.s("charged-batch"), &batch, &until);
    t.set_ledger(until + 1);
    assert_refused!(
        t,
        t.vault
            .try_deduct(&t.backend, &100, &t.s("charged"), &None, &until),
        VaultError::DuplicateRequest
    );
    t.batch_refused("charged-batch", &batch, until, VaultError::DuplicateRequest);
    // An uncharged request with the same (passed) validity is expired.
    assert_refused!(
        t,
        t.vault
            .try_deduct(&t.backend, &100, &t.s("fresh"), &None, &until),
        VaultError::RequestExpired
    );
    t.batch_refused("fresh-batch", &batch, until, VaultError::RequestExpired);
    assert!(!t.vault.is_request_processed(&t.s("fresh")));
    assert!(!t.vault.is_request_processed(&t.s("fresh-batch")));
}

/// `valid_until_ledger` == now is accepted, now + MAX_REQUEST_VALIDITY is
/// accepted, one more is ValidityTooLong, now - 1 is RequestExpired; the
/// same for batches.
#[test]
fn valid_until_ledger_boundaries() {
    let t = T::funded(1_000);
    let now = t.now();
    assert_eq!(MAX_REQUEST_VALIDITY, 720);
    let d = |rid: &str, until: u32| t.vault.try_deduct(&t.backend, &1, &t.s(rid), &None, &until);
    assert_eq!(d("now", now), Ok(Ok(999)));
    assert_eq!(d("max", now + MAX_REQUEST_VALIDITY), Ok(Ok(998)));
    assert_refused!(
        t,
        d("too-long", now + MAX_REQUEST_VALIDITY + 1),
        VaultError::ValidityTooLong
    );
    assert_refused!(t, d("far", u32::MAX), VaultError::ValidityTooLong);
    assert_refused!(t, d("expired", now - 1), VaultError::RequestExpired);
    assert_refused!(t, d("zero", 0), VaultError::RequestExpired);
    for rid in ["too-long", "far", "expired", "zero"] {
        assert!(!t.vault.is_request_processed(&t.s(rid)));
    }

    let b = |prefix: &str, until: u32| {
        t.vault.try_batch_deduct(
            &t.backend,
            &t.s(prefix),
            &prefixed_batch(&t, prefix, 2, None),
            &until,
        )
    };
    assert_eq!(b("b-now", now), Ok(Ok(996)));
    assert_eq!(b("b-max", now + MAX_REQUEST_VALIDITY), Ok(Ok(994)));
    assert_refused!(
        t,
        b("b-too-long", now + MAX_REQUEST_VALIDITY + 1),
        VaultError::ValidityTooLong
    );
    assert_refused!(t, b("b-expired", now - 1), VaultError::RequestExpired);
    for rid in ["b-too-long", "b-expired"] {
        assert!(!t.vault.is_request_processed(&t.s(rid)));
    }
    assert_eq!(t.token.balance(&t.pool), 6);
}

/// Every refused deduct leaves the whole state as it was: balance and
/// tracked balances, USDC of vault, owner, pool and settlement, the spend
/// window, no event, and the request id not recorded.
#[test]
fn deduct_validation_leaves_state_untouched() {
    let t = T::with(|a| a.2 = Some(500));
    t.vault.deposit(&t.owner, &600);
    t.vault.set_spend_limit(&t.owner, &limit(550, 1_000));
    let stranger = Address::generate(&t.env);
    let long = "x".repeat(MAX_REQUEST_ID_LEN as usize + 1);
    let ok_len = "y".repeat(MAX_REQUEST_ID_LEN as usize);
    let now = t.now();
    let until = t.until();
    let vault = t.vault.address.clone();
    let check = |caller: &Address,
                 amount: i128,
                 rid: &str,
                 developer: Option<Address>,
                 valid_until: u32,
                 err: VaultError| {
        let before = t.state();
        let result = t
            .vault
            .try_deduct(caller, &amount, &t.s(rid), &developer, &valid_until);
        assert_eq!(result, Err(Ok(err)), "{rid}");
        assert!(t.events().is_empty(), "{err:?} emitted events");
        assert!(!t.vault.is_request_processed(&t.s(rid)), "{err:?}");
        assert_eq!(t.state(), before, "{err:?} changed state");
    };
    check(
        &stranger,
        1,
        "a",
        None,
        until,
        VaultError::NotAuthorizedCaller,
    );
    check(
        &t.backend,
        1,
        "a",
        Some(vault.clone()),
        until,
        VaultError::InvalidRecipient,
    );
    check(&t.backend, 0, "a", None, until, VaultError::InvalidAmount);
    check(&t.backend, -1, "a", None, until, VaultError::InvalidAmount);
    check(
        &t.backend,
        501,
        "a",
        None,
        until,
        VaultError::ExceedsMaxDeduct,
    );
    check(&t.backend, 1, "", None, until, VaultError::InvalidRequestId);
    check(
        &t.backend,
        1,
        &long,
        None,
        until,
        VaultError::InvalidRequestId,
    );
    check(
        &t.backend,
        1,
        "a",
        None,
        now - 1,
        VaultError::RequestExpired,
    );
    check(
        &t.backend,
        1,
        "a",
        None,
        until + 1,
        VaultError::ValidityTooLong,
    );

    assert_eq!(t.deduct(500, "a", None), 100);
    check(
        &t.backend,
        101,
        "b",
        None,
        until,
        VaultError::InsufficientBalance,
    );
    check(
        &t.backend,
        51,
        "b",
        None,
        until,
        VaultError::SpendLimitExceeded,
    );
    assert_eq!(t.vault.get_spend_window(), window(now, 500));
    // A duplicate (its id stays recorded, from the first charge).
    let before = t.state();
    assert_err!(
        t.vault.try_deduct(&t.backend, &1, &t.s("a"), &None, &until),
        VaultError::DuplicateRequest
    );
    assert!(t.events().is_empty());
    assert_eq!(t.state(), before);

    assert_eq!(t.deduct(50, &ok_len, None), 50);
    assert_eq!(t.vault.get_spend_window(), window(now, 550));
}

#[test]
fn deduct_without_destination_fails() {
    let t = T::funded(1_000);
    t.vault.set_revenue_pool(&t.admin, &None);
    assert_refused!(
        t,
        t.vault
            .try_deduct(&t.backend, &1, &t.s("a"), &None, &t.until()),
        VaultError::NoDestination
    );
    t.batch_refused(
        "a",
        &batch_of(&t, &[(1, "call", None)]),
        t.until(),
        VaultError::NoDestination,
    );
    assert!(!t.vault.is_request_processed(&t.s("a")));
}

#[test]
fn deduct_without_authorized_caller_fails() {
    let t = T::funded(1_000);
    t.vault.set_authorized_caller(&t.admin, &None);
    assert_refused!(
        t,
        t.vault
            .try_deduct(&t.backend, &1, &t.s("a"), &None, &t.until()),
        VaultError::NotAuthorizedCaller
    );
    t.batch_refused(
        "b",
        &unit_batch(&t, 1, None),
        t.until(),
        VaultError::NotAuthorizedCaller,
    );
}

/// Deducts need the backend's own signature; naming the backend as caller
/// with another signature (the admin's, the owner's) is refused by the host.
#[test]
fn deduct_needs_the_backends_signature() {
    let t = T::funded(1_000);
    let until = t.until();
    for signer in [&t.admin, &t.owner] {
        t.refused_for_auth(
            signer,
            "deduct",
            (t.backend.clone(), 1i128, t.s("a"), None::<Address>, until).into_val(&t.env),
            &t.backend,
        );
        t.refused_for_auth(
            signer,
            "batch_deduct",
            (t.backend.clone(), t.s("b"), unit_batch(&t, 1, None), until).into_val(&t.env),
            &t.backend,
        );
    }
    assert!(!t.vault.is_request_processed(&t.s("a")));
    assert!(!t.vault.is_request_processed(&t.s("b")));
}

/// Finding 7: a credit to the vault itself could never be withdrawn.
#[test]
fn deduct_refuses_the_vault_as_developer() {
    let t = T::funded(1_000);
    let me = Some(t.vault.address.clone());
    let mut batch = unit_batch(&t, 2, None);
    push_call(&t, &mut batch, 1, "self", me.clone());
    for settlement in [false, true] {
        if settlement {
            t.settlement();
        }
        assert_refused!(
            t,
            t.vault
                .try_deduct(&t.backend, &1, &t.s("a"), &me, &t.until()),
            VaultError::InvalidRecipient
        );
        t.batch_refused("b", &batch, t.until(), VaultError::InvalidRecipient);
    }
    assert!(!t.vault.is_request_processed(&t.s("a")));
    assert!(!t.vault.is_request_processed(&t.s("b")));
}

#[test]
fn deduct_routes_to_settlement_pool_and_developer() {
    let t = T::funded(1_000);
    let settlement = t.settlement();
    let dev = Address::generate(&t.env);
    assert_eq!(t.deduct(100, "p", None), 900);
    t.emitted(&Deduct {
        request_id: t.s("p"),
        amount: 100,
        developer: None,
        balance: 900,
    });
    assert_eq!(t.event_names(&settlement.address), ["pool_credited"]);
    assert_eq!(t.deduct(40, "d", Some(dev.clone())), 860);
    t.emitted(&Deduct {
        request_id: t.s("d"),
        amount: 40,
        developer: Some(dev.clone()),
        balance: 860,
    });
    assert_eq!(t.event_names(&settlement.address), ["developer_credited"]);
    assert_eq!(settlement.get_global_pool().total_balance, 100);
    assert_eq!(settlement.get_developer_balance(&dev), 40);
    assert_eq!(t.token.balance(&settlement.address), 140);
    assert_eq!(t.token.balance(&t.pool), 0);
    assert_eq!(t.held(), 860);
}

#[test]
fn deduct_calls_the_settlements_single_payment() {
    let t = T::funded(1_000);
    let rec = t.recorder();
    let dev = Address::generate(&t.env);
    t.deduct(30, "d", Some(dev.clone()));
    t.deduct(20, "p", None);
    let vault = t.vault.address.clone();
    assert_eq!(
        rec.calls(),
        vec![
            &t.env,
            recorder::Received {
                function: Symbol::new(&t.env, "receive_payment"),
                caller: vault.clone(),
                amount: 30,
                to_pool: false,
                developer: Some(dev),
                credits: Vec::new(&t.env),
            },
            recorder::Received {
                function: Symbol::new(&t.env, "receive_payment"),
                caller: vault,
                amount: 20,
                to_pool: true,
                developer: None,
                credits: Vec::new(&t.env),
            },
        ]
    );
    assert_eq!(t.token.balance(&rec.address), 50);
    assert_eq!(t.held(), 950);
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
    assert_refused!(
        t,
        t.vault.try_set_settlement(&t.admin, &Some(id)),
        VaultError::TokenMismatch
    );
    // A contract that is not a settlement at all (the USDC token itself).
    assert_refused!(
        t,
        t.vault.try_set_settlement(&t.admin, &Some(t.usdc.clone())),
        VaultError::TokenMismatch
    );
    assert_refused!(
        t,
        t.vault
            .try_set_settlement(&t.admin, &Some(t.vault.address.clone())),
        VaultError::InvalidRecipient
    );
}

// ----- batch_deduct ---------------------------------------------------------

#[test]
fn batch_deduct_pays_pool_once_and_emits_one_event() {
    let t = T::funded(1_000);
    let dev = Address::generate(&t.env);
    let mut batch = unit_batch(&t, 3, None);
    push_call(&t, &mut batch, 5, "dev-item", Some(dev.clone()));
    push_call(&t, &mut batch, 2, "pool-again", None);
    let rid = t.s("the-batch");
    let until = t.until();
    assert_eq!(t.vault.batch_deduct(&t.backend, &rid, &batch, &until), 990);
    // The backend signs one argument: the batch's digest.
    t.auth_of(
        &t.backend,
        "batch_deduct",
        (digest(&t.env, &rid, &batch, until),).into_val(&t.env),
    );
    t.emitted(&BatchDeduct {
        request_id: rid.clone(),
        request_ids: vec![
            &t.env,
            t.s("batch-0"),
            t.s("batch-1"),
            t.s("batch-2"),
            t.s("dev-item"),
            t.s("pool-again"),
        ],
        amounts: vec![&t.env, 1, 1, 1, 5, 2],
        developer_index: vec![&t.env, 0, 0, 0, 1, 0],
        developers: vec![&t.env, None, Some(dev)],
        total: 10,
        balance: 990,
    });
    // One transfer of the total to the revenue pool.
    let transfers = t.event_names(&t.usdc);
    assert_eq!(transfers, ["transfer"]);
    assert_eq!(t.token.balance(&t.pool), 10);
    assert_eq!(t.held(), 990);
    // The batch's id is recorded, the calls' ids are not.
    assert!(t.vault.is_request_processed(&rid));
    for id in ["batch-0", "batch-1", "batch-2", "dev-item", "pool-again"] {
        assert!(!t.vault.is_request_processed(&t.s(id)), "{id}");
    }
}

/// Through the settlement each distinct developer is credited once per
/// batch with its sum, via `receive_payments` (or `receive_payment` when the
/// batch credits one developer and nothing to the pool, or only the pool).
#[test]
fn batch_deduct_credits_each_distinct_developer_once() {
    let t = T::funded(1_000);
    let rec = t.recorder();
    let (d1, d2) = (Address::generate(&t.env), Address::generate(&t.env));
    let vault = t.vault.address.clone();
    let batch = batch_of(
        &t,
        &[
            (1, "a", Some(d1.clone())),
            (2, "b", Some(d2.clone())),
            (4, "c", None),
            (8, "d", Some(d1.clone())),
            (16, "e", None),
        ],
    );
    assert_eq!(t.batch("many", &batch), 969);
    t.emitted(&BatchDeduct {
        request_id: t.s("many"),
        request_ids: vec![&t.env, t.s("a"), t.s("b"), t.s("c"), t.s("d"), t.s("e")],
        amounts: vec![&t.env, 1, 2, 4, 8, 16],
        developer_index: vec![&t.env, 0, 1, 2, 0, 2],
        developers: vec![&t.env, Some(d1.clone()), Some(d2.clone()), None],
        total: 31,
        balance: 969,
    });
    let many = recorder::Received {
        function: Symbol::new(&t.env, "receive_payments"),
        caller: vault.clone(),
        amount: 20,
        to_pool: false,
        developer: None,
        credits: vec![
            &t.env,
            Payment {
                to: d1.clone(),
                amount: 9,
            },
            Payment {
                to: d2.clone(),
                amount: 2,
            },
        ],
    };
    assert_eq!(rec.calls(), vec![&t.env, many.clone()]);

    // One developer, nothing to the pool: the single-payment entry point.
    assert_eq!(
        t.batch("one", &prefixed_batch(&t, "one", 3, Some(d2.clone()))),
        966
    );
    // Only the pool: the single-payment entry point, to the pool.
    assert_eq!(t.batch("pool", &prefixed_batch(&t, "pool", 4, None)), 962);
    // One developer and the pool: the batch entry point.
    let mixed = batch_of(&t, &[(5, "m1", Some(d1.clone())), (6, "m2", None)]);
    assert_eq!(t.batch("mixed", &mixed), 951);
    let one = |amount: i128, to_pool: bool, developer: Option<Address>| recorder::Received {
        function: Symbol::new(&t.env, "receive_payment"),
        caller: vault.clone(),
        amount,
        to_pool,
        developer,
        credits: Vec::new(&t.env),
    };
    assert_eq!(
        rec.calls(),
        vec![
            &t.env,
            many,
            one(3, false, Some(d2.clone())),
            one(4, true, None),
            recorder::Received {
                function: Symbol::new(&t.env, "receive_payments"),
                caller: vault.clone(),
                amount: 6,
                to_pool: false,
                developer: None,
                credits: vec![
                    &t.env,
                    Payment {
                        to: d1.clone(),
                        amount: 5
                    }
                ],
            },
        ]
    );
    assert_eq!(t.token.balance(&rec.address), 49);
    assert_eq!(t.held(), 951);
}

#[test]
fn batch_deduct_mixed_credits_through_settlement() {
    let t = T::funded(1_000);
    let settlement = t.settlement();
    let (d1, d2) = (Address::generate(&t.env), Address::generate(&t.env));
    let mut batch = unit_batch(&t, 3, Some(d1.clone()));
    push_call(&t, &mut batch, 7, "pool-item", None);
    push_call(&t, &mut batch, 4, "d2", Some(d2.clone()));
    assert_eq!(t.batch("mixed", &batch), 986);
    assert_eq!(t.vault_events().len(), 1);
    // The settlement credits the pool once and each developer once.
    assert_eq!(
        t.event_names(&settlement.address),
        ["pool_credited", "developer_credited", "developer_credited"]
    );
    assert_eq!(settlement.get_developer_balance(&d1), 3);
    assert_eq!(settlement.get_developer_balance(&d2), 4);
    assert_eq!(settlement.get_global_pool().total_balance, 7);
    assert_eq!(t.token.balance(&settlement.address), 14);
    // Single-developer and pool-only batches.
    assert_eq!(
        t.batch("single", &prefixed_batch(&t, "single", 2, Some(d1.clone()))),
        984
    );
    assert_eq!(t.event_names(&settlement.address), ["developer_credited"]);
    assert_eq!(
        t.batch("pool-only", &batch_of(&t, &[(9, "pool-2", None)])),
        975
    );
    assert_eq!(t.event_names(&settlement.address), ["pool_credited"]);
    assert_eq!(settlement.get_developer_balance(&d1), 5);
    assert_eq!(settlement.get_global_pool().total_balance, 16);
    assert_eq!(t.token.balance(&settlement.address), 25);
    assert_eq!(t.held(), 975);
}

#[test]
fn batch_deduct_is_atomic_and_bounded() {
    let t = T::funded(10);
    let until = t.until();
    t.batch_refused(
        "empty",
        &empty_batch(&t),
        until,
        VaultError::InvalidBatchSize,
    );
    t.batch_refused(
        "too-many",
        &unit_batch(&t, MAX_BATCH_DEDUCT + 1, None),
        until,
        VaultError::InvalidBatchSize,
    );
    // 11 calls of 1 against a balance of 10: the last fails, nothing moves.
    t.batch_refused(
        "eleven",
        &unit_batch(&t, 11, None),
        until,
        VaultError::InsufficientBalance,
    );
    let mut bad = unit_batch(&t, 2, None);
    push_call(&t, &mut bad, 0, "zero", None);
    t.batch_refused("zero", &bad, until, VaultError::InvalidAmount);
    let mut bad = unit_batch(&t, 2, None);
    push_call(&t, &mut bad, -1, "negative", None);
    t.batch_refused("negative", &bad, until, VaultError::InvalidAmount);
    // A call's id must be 1..=MAX_REQUEST_ID_LEN bytes, as must the batch's.
    let long = "x".repeat(MAX_REQUEST_ID_LEN as usize + 1);
    for id in ["", long.as_str()] {
        let mut bad = unit_batch(&t, 2, None);
        push_call(&t, &mut bad, 1, id, None);
        t.batch_refused("bad-call-id", &bad, until, VaultError::InvalidRequestId);
        t.batch_refused(
            id,
            &unit_batch(&t, 1, None),
            until,
            VaultError::InvalidRequestId,
        );
    }
    let stranger = Address::generate(&t.env);
    let before = t.state();
    assert_eq!(
        t.vault.try_batch_deduct(
            &stranger,
            &t.s("stranger"),
            &unit_batch(&t, 1, None),
            &until
        ),
        Err(Ok(VaultError::NotAuthorizedCaller))
    );
    assert!(t.events().is_empty());
    assert_eq!(t.state(), before);
    for rid in [
        "empty",
        "too-many",
        "eleven",
        "zero",
        "negative",
        "bad-call-id",
        "stranger",
    ] {
        assert!(!t.vault.is_request_processed(&t.s(rid)), "{rid}");
    }

    // A call id listed twice in one batch would charge that call twice:
    // refused, first or last, nothing recorded.
    let max_len = "y".repeat(MAX_REQUEST_ID_LEN as usize);
    let mut twice = unit_batch(&t, 2, None);
    push_call(&t, &mut twice, 1, "batch-0", None);
    t.batch_refused("twice", &twice, until, VaultError::DuplicateRequest);
    let mut twice = unit_batch(&t, 3, None);
    push_call(&t, &mut twice, 1, "batch-2", None);
    t.batch_refused("twice", &twice, until, VaultError::DuplicateRequest);
    // The longest ids are accepted; the batch is charged once, under its
    // own id.
    let mut dup = unit_batch(&t, 3, None);
    push_call(&t, &mut dup, 1, &max_len, None);
    assert_eq!(t.batch(&max_len, &dup), 6);
    assert!(t.vault.is_request_processed(&t.s(&max_len)));
    // Resending it under the same batch id is a duplicate and moves nothing.
    t.batch_refused(&max_len, &dup, until, VaultError::DuplicateRequest);
    assert_eq!(t.vault.balance(), 6);
    assert_eq!(t.token.balance(&t.pool), 4);
    for i in 0..11 {
        assert!(!t
            .vault
            .is_request_processed(&t.s(&std::format!("batch-{i}"))));
    }
}

#[test]
fn batch_deduct_respects_max_deduct_per_item() {
    let t = T::with(|a| a.2 = Some(5));
    t.vault.deposit(&t.owner, &100);
    // The limit is per call, not per batch.
    let ok = batch_of(&t, &[(5, "a", None), (5, "b", None)]);
    assert_eq!(t.batch("ok", &ok), 90);
    let over = batch_of(&t, &[(1, "c", None), (6, "d", None)]);
    t.batch_refused("over", &over, t.until(), VaultError::ExceedsMaxDeduct);
}

#[test]
fn full_batch_is_accepted() {
    let t = T::funded(1_000);
    let batch = unit_batch(&t, MAX_BATCH_DEDUCT, None);
    assert_eq!(t.batch("full", &batch), 1_000 - MAX_BATCH_DEDUCT as i128);
    assert_eq!(t.vault_events().len(), 1);
    assert_eq!(t.token.balance(&t.pool), MAX_BATCH_DEDUCT as i128);
}

/// At most `MAX_BATCH_DEVELOPERS` distinct developers per batch (the pool
/// not counted; repeats not counted).
#[test]
fn batch_deduct_bounds_distinct_developers() {
    let t = T::funded(10_000);
    let settlement = t.settlement();
    let devs: std::vec::Vec<Address> = (0..=MAX_BATCH_DEVELOPERS)
        .map(|_| Address::generate(&t.env))
        .collect();
    // A full batch: every allowed developer several times, and the pool.
    let mut batch = empty_batch(&t);
    for i in 0..MAX_BATCH_DEDUCT {
        let dev = match i % (MAX_BATCH_DEVELOPERS + 1) {
            MAX_BATCH_DEVELOPERS => None,
            d => Some(devs[d as usize].clone()),
        };
        push_call(&t, &mut batch, 1, &std::format!("ok-{i}"), dev);
    }
    assert_eq!(batch.developers.len(), MAX_BATCH_DEVELOPERS + 1);
    assert_eq!(t.batch("ok", &batch), 10_000 - MAX_BATCH_DEDUCT as i128);
    let names = t.event_names(&settlement.address);
    assert_eq!(names.len(), 1 + MAX_BATCH_DEVELOPERS as usize);
    assert_eq!(names[0], "pool_credited");
    assert!(names[1..].iter().all(|n| n == "developer_credited"));
    let total: i128 = devs[..MAX_BATCH_DEVELOPERS as usize]
        .iter()
        .map(|d| settlement.get_developer_balance(d))
        .sum();
    assert_eq!(
        total + settlement.get_global_pool().total_balance,
        MAX_BATCH_DEDUCT as i128
    );

    // One more distinct developer is refused, wherever it appears.
    let over_by = |n: usize| {
        let mut over = empty_batch(&t);
        for (i, dev) in devs[..n].iter().enumerate() {
            push_call(
                &t,
                &mut over,
                1,
                &std::format!("over-{i}"),
                Some(dev.clone()),
            );
        }
        over
    };
    let over = over_by(devs.len());
    t.batch_refused("over", &over, t.until(), VaultError::TooManyDevelopers);
    // ... also to the revenue pool, where developers are only recorded.
    t.vault.set_settlement(&t.admin, &None);
    t.batch_refused("over", &over, t.until(), VaultError::TooManyDevelopers);
    let allowed = over_by(MAX_BATCH_DEVELOPERS as usize);
    assert_eq!(
        t.batch("over", &allowed),
        9_900 - MAX_BATCH_DEVELOPERS as i128
    );
}

/// `InvalidBatch` (127): the columns must agree. `amounts` and
/// `developer_index` as long as `request_ids`, every index inside
/// `developers`, each destination listed once and charged at least once.
/// Each refusal moves nothing and records no id: the same batch id then
/// charges a consistent batch.
#[test]
fn batch_deduct_refuses_inconsistent_columns() {
    let t = T::funded(1_000);
    let (d1, d2) = (Address::generate(&t.env), Address::generate(&t.env));
    let until = t.until();
    let good = batch_of(&t, &[(1, "a", None), (2, "b", Some(d1.clone()))]);
    assert_eq!(good.developers, vec![&t.env, None, Some(d1.clone())]);
    assert_eq!(good.developer_index, vec![&t.env, 0, 1]);
    let refused = |batch: &DeductBatch| {
        t.batch_refused("cols", batch, until, VaultError::InvalidBatch);
    };

    // 1. A column of another length than `request_ids`.
    let mut b = good.clone();
    b.amounts.pop_back();
    refused(&b);
    let mut b = good.clone();
    b.amounts.push_back(1);
    refused(&b);
    let mut b = good.clone();
    b.amounts = Vec::new(&t.env);
    refused(&b);
    let mut b = good.clone();
    b.developer_index.pop_back();
    refused(&b);
    let mut b = good.clone();
    b.developer_index.push_back(0);
    refused(&b);
    // (`request_ids` counts the calls: none is an empty batch.)
    let mut b = good.clone();
    b.request_ids = Vec::new(&t.env);
    t.batch_refused("cols", &b, until, VaultError::InvalidBatchSize);

    // 2. An index past `developers` (every listed developer still charged).
    for index in [2, 3, u32::MAX] {
        let mut b = good.clone();
        push_call(&t, &mut b, 4, "c", None);
        b.developer_index.set(2, index);
        refused(&b);
    }
    let mut b = good.clone();
    b.developers = Vec::new(&t.env);
    refused(&b);

    // 3. A destination listed twice (each listing charged), a developer or
    // the pool; also when only one of the two is charged.
    let mut b = good.clone();
    push_call(&t, &mut b, 4, "c", None);
    b.developers.push_back(Some(d1.clone()));
    b.developer_index.set(2, 2);
    refused(&b);
    let mut b = good.clone();
    push_call(&t, &mut b, 4, "c", None);
    b.developers.push_back(None);
    b.developer_index.set(2, 2);
    refused(&b);
    let mut b = batch_of(&t, &[(1, "a", Some(d1.clone()))]);
    b.developers.push_back(Some(d1.clone()));
    refused(&b);

    // 4. A listed destination never charged: last, first, or the pool.
    let mut b = good.clone();
    b.developers.push_back(Some(d2.clone()));
    refused(&b);
    let mut b = batch_of(&t, &[(1, "a", None), (2, "b", Some(d1.clone()))]);
    b.developers.push_front(Some(d2.clone()));
    b.developer_index = vec![&t.env, 1, 2];
    refused(&b);
    let mut b = batch_of(&t, &[(1, "a", Some(d1.clone()))]);
    b.developers.push_back(None);
    refused(&b);

    assert!(!t.vault.is_request_processed(&t.s("cols")));
    assert_eq!(t.vault.balance(), 1_000);
    assert_eq!(t.batch("cols", &good), 997);
    assert!(t.vault.is_request_processed(&t.s("cols")));
}

/// A batch lists at most `MAX_BATCH_DEVELOPERS` + 1 destinations (the
/// developers and the pool); a longer list is `TooManyDevelopers` before
/// anything else about it is looked at (its repeats, its charges).
#[test]
fn batch_deduct_refuses_a_long_developers_list() {
    let t = T::funded(1_000);
    let until = t.until();
    let devs: std::vec::Vec<Address> = (0..MAX_BATCH_DEVELOPERS + 2)
        .map(|_| Address::generate(&t.env))
        .collect();
    // One more than allowed, all distinct and all charged.
    let mut b = empty_batch(&t);
    for (i, dev) in devs.iter().enumerate() {
        push_call(&t, &mut b, 1, &std::format!("c-{i}"), Some(dev.clone()));
    }
    assert_eq!(b.developers.len(), MAX_BATCH_DEVELOPERS + 2);
    t.batch_refused("long", &b, until, VaultError::TooManyDevelopers);
    // The same list plus the pool.
    push_call(&t, &mut b, 1, "pool", None);
    t.batch_refused("long", &b, until, VaultError::TooManyDevelopers);
    // A long list of one developer repeated, charged once: the length is
    // refused, not the repeats.
    let dev = Some(devs[0].clone());
    let mut b = batch_of(&t, &[(1, "c", dev.clone())]);
    for _ in 0..200 {
        b.developers.push_back(dev.clone());
    }
    t.batch_refused("long", &b, until, VaultError::TooManyDevelopers);
    // The pool listed MAX_BATCH_DEVELOPERS + 2 times.
    let mut b = batch_of(&t, &[(1, "c", None)]);
    for _ in 0..=MAX_BATCH_DEVELOPERS {
        b.developers.push_back(None);
    }
    assert_eq!(b.developers.len(), MAX_BATCH_DEVELOPERS + 2);
    t.batch_refused("long", &b, until, VaultError::TooManyDevelopers);
    // MAX_BATCH_DEVELOPERS + 1 listed, all named: one developer too many.
    let mut b = empty_batch(&t);
    for (i, dev) in devs[..=MAX_BATCH_DEVELOPERS as usize].iter().enumerate() {
        push_call(&t, &mut b, 1, &std::format!("c-{i}"), Some(dev.clone()));
    }
    t.batch_refused("long", &b, until, VaultError::TooManyDevelopers);
    // The longest list: MAX_BATCH_DEVELOPERS developers and the pool.
    let mut b = empty_batch(&t);
    for (i, dev) in devs[..MAX_BATCH_DEVELOPERS as usize].iter().enumerate() {
        push_call(&t, &mut b, 1, &std::format!("c-{i}"), Some(dev.clone()));
    }
    push_call(&t, &mut b, 1, "pool", None);
    assert_eq!(b.developers.len(), MAX_BATCH_DEVELOPERS + 1);
    assert!(!t.vault.is_request_processed(&t.s("long")));
    assert_eq!(
        t.batch("long", &b),
        1_000 - 1 - MAX_BATCH_DEVELOPERS as i128
    );
}

/// A batch's id and a deduct's id are one id space, both ways: a batch
/// under a charged deduct's id, and a deduct under a charged batch's id,
/// are duplicates and move nothing.
#[test]
fn batch_id_shares_the_deduct_id_space() {
    let t = T::funded(1_000);
    let until = t.until();
    assert_eq!(t.deduct(10, "shared-1", None), 990);
    // A deduct's id reused as a batch's id.
    t.batch_refused(
        "shared-1",
        &unit_batch(&t, 2, None),
        until,
        VaultError::DuplicateRequest,
    );
    // A batch's id reused by a deduct.
    let batch = batch_of(&t, &[(1, "c-0", None), (2, "c-1", None)]);
    assert_eq!(t.batch("shared-2", &batch), 987);
    assert!(t.vault.is_request_processed(&t.s("shared-2")));
    let before = t.state();
    assert_eq!(
        t.vault
            .try_deduct(&t.backend, &1, &t.s("shared-2"), &None, &until),
        Err(Ok(VaultError::DuplicateRequest))
    );
    assert!(t.events().is_empty());
    assert_eq!(t.state(), before);
    // And by another batch (other calls, same id).
    t.batch_refused(
        "shared-2",
        &batch_of(&t, &[(5, "other", None)]),
        until,
        VaultError::DuplicateRequest,
    );
    assert_eq!(t.vault.balance(), 987);
    assert_eq!(t.token.balance(&t.pool), 13);
}

/// An identical resend of a charged batch learns "already charged"
/// (DuplicateRequest) even when it could no longer be charged: the balance
/// now below its total, its `valid_until_ledger` passed, or both. The same
/// batch under a fresh id shows what each would otherwise have been.
#[test]
fn batch_resend_is_a_duplicate_before_balance_and_expiry() {
    let t = T::funded(100);
    let dev = Address::generate(&t.env);
    let until = t.now() + 5;
    let batch = batch_of(&t, &[(30, "c-0", None), (30, "c-1", Some(dev))]);
    assert_eq!(
        t.vault
            .batch_deduct(&t.backend, &t.s("sent"), &batch, &until),
        40
    );
    // Balance 40 < total 60.
    t.batch_refused("sent", &batch, until, VaultError::DuplicateRequest);
    t.batch_refused("fresh-1", &batch, until, VaultError::InsufficientBalance);
    // Validity passed (balance enough again).
    t.set_ledger(until + 1);
    t.vault.deposit(&t.owner, &100);
    assert_eq!(t.vault.balance(), 140);
    t.batch_refused("sent", &batch, until, VaultError::DuplicateRequest);
    t.batch_refused("fresh-2", &batch, until, VaultError::RequestExpired);
    // Both: expired and an empty vault.
    t.vault.withdraw(&140);
    t.batch_refused("sent", &batch, until, VaultError::DuplicateRequest);
    t.batch_refused("fresh-3", &batch, until, VaultError::InsufficientBalance);
    assert_eq!(t.token.balance(&t.pool), 60);
    for rid in ["fresh-1", "fresh-2", "fresh-3"] {
        assert!(!t.vault.is_request_processed(&t.s(rid)));
    }
}

/// The backend authorizes `batch_deduct` over exactly one argument, the
/// batch's digest: `sha256` of the XDR of `ScVal::Vec([request_id, batch,
/// valid_until_ledger])`, rebuilt here from raw XDR values. The digest
/// changes with every part of the batch.
#[test]
fn batch_deduct_authorizes_exactly_the_digest() {
    use xdr::{Int128Parts, Limits, ScMap, ScMapEntry, ScString, ScSymbol, ScVal, ScVec, WriteXdr};
    let t = T::funded(1_000);
    let dev = Address::generate(&t.env);
    let rid = t.s("auth-batch");
    let until = t.until();
    let batch = batch_of(&t, &[(3, "x", None), (4, "y", Some(dev.clone()))]);

    // The preimage, by hand: the batch is a map of its fields by name
    // (sorted), the Option<Address> None is Void.
    let sym = |s: &str| ScVal::Symbol(ScSymbol(s.try_into().unwrap()));
    let string = |s: &str| ScVal::String(ScString(s.try_into().unwrap()));
    let list = |v: std::vec::Vec<ScVal>| ScVal::Vec(Some(ScVec(v.try_into().unwrap())));
    let int = |x: i128| {
        ScVal::I128(Int128Parts {
            hi: (x >> 64) as i64,
            lo: x as u64,
        })
    };
    let field = |name: &str, val: ScVal| ScMapEntry {
        key: sym(name),
        val,
    };
    let batch_xdr = ScVal::Map(Some(ScMap(
        std::vec![
            field("amounts", list(std::vec![int(3), int(4)])),
            field(
                "developer_index",
                list(std::vec![ScVal::U32(0), ScVal::U32(1)])
            ),
            field(
                "developers",
                list(std::vec![ScVal::Void, ScVal::from(&dev)])
            ),
            field("request_ids", list(std::vec![string("x"), string("y")])),
        ]
        .try_into()
        .unwrap(),
    )));
    let preimage = WriteXdr::to_xdr(
        &list(std::vec![
            string("auth-batch"),
            batch_xdr,
            ScVal::U32(until)
        ]),
        Limits::none(),
    )
    .unwrap();
    let preimage = Bytes::from_slice(&t.env, &preimage);
    let expected: BytesN<32> = t.env.crypto().sha256(&preimage).into();
    assert_eq!(preimage, (rid.clone(), batch.clone(), until).to_xdr(&t.env));
    assert_eq!(expected, digest(&t.env, &rid, &batch, until));

    assert_eq!(t.vault.batch_deduct(&t.backend, &rid, &batch, &until), 993);
    assert_eq!(
        t.env.auths(),
        std::vec![(
            t.backend.clone(),
            AuthorizedInvocation {
                function: AuthorizedFunction::Contract((
                    t.vault.address.clone(),
                    Symbol::new(&t.env, "batch_deduct"),
                    vec![&t.env, expected.to_val()],
                )),
                sub_invocations: std::vec![],
            }
        )]
    );

    // Every argument but the caller is bound.
    let mut variants = std::vec![
        digest(&t.env, &t.s("auth-batch2"), &batch, until),
        digest(&t.env, &rid, &batch, until - 1),
    ];
    let mut b = batch.clone();
    b.amounts.set(0, 2);
    variants.push(digest(&t.env, &rid, &b, until));
    let mut b = batch.clone();
    b.request_ids.set(0, t.s("z"));
    variants.push(digest(&t.env, &rid, &b, until));
    let mut b = batch.clone();
    b.developers.set(1, Some(Address::generate(&t.env)));
    variants.push(digest(&t.env, &rid, &b, until));
    let mut b = batch.clone();
    b.developer_index.set(1, 0);
    variants.push(digest(&t.env, &rid, &b, until));
    for (i, other) in variants.iter().enumerate() {
        assert_ne!(other, &expected, "variant {i}");
    }
}

/// A signature over another batch's digest (another call, amount, id or
/// validity), or over the arguments themselves, does not authorize this
/// batch: the host refuses it for want of the backend's authorization and
/// nothing moves. Over this batch's digest, it is charged.
#[test]
fn batch_signature_over_another_digest_is_refused() {
    let t = T::funded(1_000);
    let rid = t.s("signed");
    let until = t.until();
    let batch = batch_of(&t, &[(3, "x", None), (4, "y", None)]);
    let args: Vec<Val> = (t.backend.clone(), rid.clone(), batch.clone(), until).into_val(&t.env);
    let mut other = batch.clone();
    other.amounts.set(1, 40);
    let mut longer = batch.clone();
    push_call(&t, &mut longer, 5, "z", None);
    let signed: std::vec::Vec<Vec<Val>> = std::vec![
        (digest(&t.env, &rid, &other, until),).into_val(&t.env),
        (digest(&t.env, &rid, &longer, until),).into_val(&t.env),
        (digest(&t.env, &t.s("other-id"), &batch, until),).into_val(&t.env),
        (digest(&t.env, &rid, &batch, until - 1),).into_val(&t.env),
        // The arguments as a plain invocation would sign them.
        args.clone(),
    ];
    for (i, signed) in signed.into_iter().enumerate() {
        let before = t.state();
        assert_eq!(
            t.signed_over(&t.backend, "batch_deduct", signed, args.clone())
                .err(),
            Some(auth_refused()),
            "signature {i}"
        );
        assert_eq!(t.unauthorized(), std::vec![t.backend.clone()], "{i}");
        assert!(t.events().is_empty(), "signature {i} emitted events");
        assert_eq!(t.state(), before, "signature {i} changed state");
        assert!(!t.vault.is_request_processed(&rid));
    }
    assert_eq!(t.vault.balance(), 1_000);
    // The backend's signature over this batch's digest authorizes it.
    let right = (digest(&t.env, &rid, &batch, until),).into_val(&t.env);
    assert_eq!(
        t.signed_over(&t.backend, "batch_deduct", right, args)
            .map(|v| i128::try_from_val(&t.env, &v).unwrap()),
        Ok(993)
    );
    assert!(t.vault.is_request_processed(&rid));
    assert_eq!(t.token.balance(&t.pool), 7);
}

/// The calls' ids are labels carried to the event, not idempotency keys:
/// not recorded, distinct inside a batch but free to repeat across batches,
/// and unaffected by (and not affecting) deducts' ids.
#[test]
fn batch_call_ids_are_labels_not_recorded() {
    let t = T::funded(1_000);
    let dev = Address::generate(&t.env);
    assert_eq!(t.deduct(5, "d-1", None), 995);
    // A charged deduct's id as a label.
    let batch = batch_of(
        &t,
        &[
            (1, "d-1", None),
            (2, "c", None),
            (3, "e", Some(dev.clone())),
        ],
    );
    assert_eq!(t.batch("b-1", &batch), 989);
    t.emitted(&BatchDeduct {
        request_id: t.s("b-1"),
        request_ids: vec![&t.env, t.s("d-1"), t.s("c"), t.s("e")],
        amounts: vec![&t.env, 1, 2, 3],
        developer_index: vec![&t.env, 0, 0, 1],
        developers: vec![&t.env, None, Some(dev.clone())],
        total: 6,
        balance: 989,
    });
    assert!(t.vault.is_request_processed(&t.s("b-1")));
    assert!(!t.vault.is_request_processed(&t.s("c")));
    // A label is free as a deduct's id...
    assert_eq!(t.deduct(1, "c", None), 988);
    // ...and the same calls under a new batch id are a new batch.
    assert_eq!(t.batch("b-2", &batch), 982);
    t.emitted(&BatchDeduct {
        request_id: t.s("b-2"),
        request_ids: vec![&t.env, t.s("d-1"), t.s("c"), t.s("e")],
        amounts: vec![&t.env, 1, 2, 3],
        developer_index: vec![&t.env, 0, 0, 1],
        developers: vec![&t.env, None, Some(dev)],
        total: 6,
        balance: 982,
    });
    assert_eq!(t.token.balance(&t.pool), 18);
}

#[test]
fn max_batch_is_admin_configurable() {
    let t = T::funded(100);
    t.vault.set_max_batch(&t.admin, &2);
    t.emitted(&MaxBatchSet { max_batch: 2 });
    t.auth_of(
        &t.admin,
        "set_max_batch",
        (t.admin.clone(), 2u32).into_val(&t.env),
    );
    assert_eq!(t.vault.get_max_batch(), 2);
    t.batch_refused(
        "three",
        &unit_batch(&t, 3, None),
        t.until(),
        VaultError::InvalidBatchSize,
    );
    assert_eq!(t.batch("two", &unit_batch(&t, 2, None)), 98);
    let stranger = Address::generate(&t.env);
    for who in [&stranger, &t.owner] {
        assert_refused!(t, t.vault.try_set_max_batch(who, &1), VaultError::NotAdmin);
    }
    assert_refused!(
        t,
        t.vault.try_set_max_batch(&t.admin, &0),
        VaultError::InvalidConfig
    );
    assert_refused!(
        t,
        t.vault.try_set_max_batch(&t.admin, &(MAX_BATCH_DEDUCT + 1)),
        VaultError::InvalidConfig
    );
    assert_eq!(t.vault.get_max_batch(), 2);
}

// ----- spend limit ----------------------------------------------------------

#[test]
fn spend_limit_set_and_removed_by_the_owner() {
    let t = T::funded(1_000);
    let l = limit(100, 10);
    t.vault.set_spend_limit(&t.owner, &l);
    t.auth_of(
        &t.owner,
        "set_spend_limit",
        (t.owner.clone(), l.clone()).into_val(&t.env),
    );
    t.emitted(&SpendLimitSet { limit: l.clone() });
    assert_eq!(t.vault.get_spend_limit(), l);
    // The first window opens at the first deduct under the limit.
    assert_eq!(t.vault.get_spend_window(), None);

    // Removing it: unlimited again, no window.
    t.vault.set_spend_limit(&t.owner, &None);
    t.auth_of(
        &t.owner,
        "set_spend_limit",
        (t.owner.clone(), None::<SpendLimit>).into_val(&t.env),
    );
    t.emitted(&SpendLimitSet { limit: None });
    assert_eq!(t.vault.get_spend_limit(), None);
    assert_eq!(t.vault.get_spend_window(), None);
    assert_eq!(t.deduct(500, "big", None), 500);
    assert_eq!(t.batch("two", &unit_batch(&t, 2, None)), 498);
    assert_eq!(t.vault.get_spend_window(), None);
    // Removing none is harmless.
    t.vault.set_spend_limit(&t.owner, &None);
    t.emitted(&SpendLimitSet { limit: None });
}

#[test]
fn spend_limit_is_owner_only_and_validated() {
    let t = T::funded(1_000);
    let stranger = Address::generate(&t.env);
    // Not the operator, not the backend: an attacker holding both cannot
    // raise the limit.
    for who in [&t.admin, &t.backend, &stranger] {
        assert_refused!(
            t,
            t.vault.try_set_spend_limit(who, &limit(100, 10)),
            VaultError::NotOwner
        );
        assert_refused!(
            t,
            t.vault.try_set_spend_limit(who, &None),
            VaultError::NotOwner
        );
    }
    // Naming the owner as caller without the owner's signature.
    t.refused_for_auth(
        &t.admin,
        "set_spend_limit",
        (t.owner.clone(), limit(1, 1)).into_val(&t.env),
        &t.owner,
    );
    for bad in [
        limit(0, 10),
        limit(-1, 10),
        limit(100, 0),
        limit(100, MAX_SPEND_PERIOD + 1),
        limit(100, u32::MAX),
    ] {
        assert_refused!(
            t,
            t.vault.try_set_spend_limit(&t.owner, &bad),
            VaultError::InvalidSpendLimit
        );
    }
    // The bounds themselves are accepted.
    t.vault.set_spend_limit(&t.owner, &limit(1, 1));
    t.vault
        .set_spend_limit(&t.owner, &limit(i128::MAX, MAX_SPEND_PERIOD));
    assert_eq!(
        t.vault.get_spend_limit(),
        limit(i128::MAX, MAX_SPEND_PERIOD)
    );
}

#[test]
fn spend_limit_bounds_deducts_and_batches() {
    let t = T::funded(1_000);
    t.vault.set_spend_limit(&t.owner, &limit(100, 10));
    assert_eq!(t.deduct(60, "a", None), 940);
    assert_eq!(t.vault.get_spend_window(), window(100, 60));
    assert_refused!(
        t,
        t.vault
            .try_deduct(&t.backend, &41, &t.s("b"), &None, &t.until()),
        VaultError::SpendLimitExceeded
    );
    // A batch counts its total.
    let batch = batch_of(&t, &[(20, "c", None), (21, "d", None)]);
    t.batch_refused("cd", &batch, t.until(), VaultError::SpendLimitExceeded);
    assert!(!t.vault.is_request_processed(&t.s("cd")));
    let batch = batch_of(&t, &[(20, "c", None), (20, "d", None)]);
    assert_eq!(t.batch("cd", &batch), 900);
    assert_eq!(t.vault.get_spend_window(), window(100, 100));
    // Exactly at the limit; one more unit is refused.
    assert_refused!(
        t,
        t.vault
            .try_deduct(&t.backend, &1, &t.s("e"), &None, &t.until()),
        VaultError::SpendLimitExceeded
    );
    assert_eq!(t.token.balance(&t.pool), 100);
}

/// A window covers `period_ledgers` ledgers from its start: the last ledger
/// of it still counts against it, the ledger `start + period` opens a new
/// one; and a new window opens at the first deduct after the previous one
/// ended, not at the next multiple of the period.
#[test]
fn spend_window_rolls_over_at_exactly_the_period() {
    let t = T::funded(1_000);
    t.vault.set_spend_limit(&t.owner, &limit(100, 10));
    t.set_ledger(100);
    assert_eq!(t.deduct(100, "a", None), 900);
    assert_eq!(t.vault.get_spend_window(), window(100, 100));
    // Ledger 109 is the window's last.
    t.set_ledger(109);
    assert_refused!(
        t,
        t.vault
            .try_deduct(&t.backend, &1, &t.s("b"), &None, &t.until()),
        VaultError::SpendLimitExceeded
    );
    // Ledger 110 = start + period: a new window.
    t.set_ledger(110);
    assert_eq!(t.deduct(100, "b", None), 800);
    assert_eq!(t.vault.get_spend_window(), window(110, 100));
    assert_refused!(
        t,
        t.vault
            .try_deduct(&t.backend, &1, &t.s("c"), &None, &t.until()),
        VaultError::SpendLimitExceeded
    );
    // Idle past the end (ledger 120): the next window opens at the first
    // deduct, ledger 125, and lasts until 134.
    t.set_ledger(125);
    assert_eq!(t.vault.get_spend_window(), window(110, 100));
    assert_eq!(t.deduct(30, "c", None), 770);
    assert_eq!(t.vault.get_spend_window(), window(125, 30));
    t.set_ledger(134);
    assert_eq!(t.batch("x", &prefixed_batch(&t, "x", 70, None)), 700);
    assert_refused!(
        t,
        t.vault
            .try_deduct(&t.backend, &1, &t.s("d"), &None, &t.until()),
        VaultError::SpendLimitExceeded
    );
    t.set_ledger(135);
    assert_eq!(t.deduct(1, "d", None), 699);
    assert_eq!(t.vault.get_spend_window(), window(135, 1));
}

/// A changed limit applies to the current window at once and keeps what
/// was spent in it.
#[test]
fn lowering_the_limit_mid_window_applies_at_once() {
    let t = T::funded(1_000);
    t.vault.set_spend_limit(&t.owner, &limit(100, 10));
    assert_eq!(t.deduct(60, "a", None), 940);
    t.set_ledger(103);
    t.vault.set_spend_limit(&t.owner, &limit(50, 10));
    t.emitted(&SpendLimitSet {
        limit: limit(50, 10),
    });
    // Already over the new limit: nothing more this window.
    assert_eq!(t.vault.get_spend_window(), window(100, 60));
    assert_refused!(
        t,
        t.vault
            .try_deduct(&t.backend, &1, &t.s("b"), &None, &t.until()),
        VaultError::SpendLimitExceeded
    );
    // Raising it again (only the owner can) frees the difference.
    t.vault.set_spend_limit(&t.owner, &limit(70, 10));
    assert_eq!(t.deduct(10, "b", None), 930);
    assert_refused!(
        t,
        t.vault
            .try_deduct(&t.backend, &1, &t.s("c"), &None, &t.until()),
        VaultError::SpendLimitExceeded
    );
    assert_eq!(t.vault.get_spend_window(), window(100, 70));
    // The next window gets the full (current) limit.
    t.set_ledger(110);
    assert_refused!(
        t,
        t.vault
            .try_deduct(&t.backend, &71, &t.s("c"), &None, &t.until()),
        VaultError::SpendLimitExceeded
    );
    assert_eq!(t.deduct(70, "c", None), 860);
    assert_eq!(t.vault.get_spend_window(), window(110, 70));

    // Removing the limit mid-window lifts it at once; setting one again
    // starts from a fresh window.
    t.vault.set_spend_limit(&t.owner, &None);
    assert_eq!(t.deduct(100, "d", None), 760);
    t.vault.set_spend_limit(&t.owner, &limit(50, 10));
    assert_eq!(t.vault.get_spend_window(), None);
    assert_eq!(t.deduct(50, "e", None), 710);
    assert_eq!(t.vault.get_spend_window(), window(110, 50));
}

/// Finding 2 at unit level: an attacker holding every operator key (admin
/// and backend) re-routes deducts to itself, but takes at most the owner's
/// spend limit per window.
#[test]
fn stolen_operator_keys_take_at_most_the_spend_limit() {
    let t = T::funded(10_000);
    t.vault.set_spend_limit(&t.owner, &limit(500, 100));
    let attacker = Address::generate(&t.env);
    t.vault
        .set_authorized_caller(&t.admin, &Some(attacker.clone()));
    t.vault.set_revenue_pool(&t.admin, &Some(attacker.clone()));
    t.vault.set_max_deduct(&t.admin, &i128::MAX);
    let steal = |amount: i128, rid: &str| {
        t.vault
            .try_deduct(&attacker, &amount, &t.s(rid), &None, &t.until())
    };
    assert_refused!(t, steal(10_000, "all"), VaultError::SpendLimitExceeded);
    assert_eq!(steal(500, "cap"), Ok(Ok(9_500)));
    assert_refused!(t, steal(1, "more"), VaultError::SpendLimitExceeded);
    assert_refused!(
        t,
        t.vault.try_set_spend_limit(&t.admin, &None),
        VaultError::NotOwner
    );
    assert_eq!(t.token.balance(&attacker), 500);
    // The owner withdraws the rest.
    assert_eq!(t.vault.withdraw(&9_500), 0);
}

// ----- sweep ----------------------------------------------------------------

#[test]
fn sweep_sends_only_untracked_usdc() {
    let t = T::funded(1_000);
    t.deduct(100, "a", None);
    // USDC sent straight to the vault, outside `deposit`.
    t.sac.mint(&t.vault.address, &250);
    t.token.transfer(&t.owner, &t.vault.address, &50);
    assert_eq!(t.held(), 1_200);
    let to = Address::generate(&t.env);
    assert_eq!(t.vault.sweep(&to), 300);
    t.auth_of(&t.owner, "sweep", (to.clone(),).into_val(&t.env));
    t.emitted(&Swept {
        to: to.clone(),
        amount: 300,
    });
    assert_eq!(t.token.balance(&to), 300);
    assert_eq!(t.held(), 900);
    assert_eq!(t.vault.balance(), 900);
    assert_refused!(t, t.vault.try_sweep(&to), VaultError::NothingToSweep);
    // Tracked USDC keeps working as before.
    assert_eq!(t.vault.withdraw(&900), 0);
    assert_refused!(t, t.vault.try_sweep(&t.owner), VaultError::NothingToSweep);
}

#[test]
fn sweep_is_refused_with_nothing_untracked_or_to_the_vault() {
    let t = T::new();
    assert_refused!(t, t.vault.try_sweep(&t.owner), VaultError::NothingToSweep);
    t.vault.deposit(&t.owner, &10);
    assert_refused!(t, t.vault.try_sweep(&t.owner), VaultError::NothingToSweep);
    t.sac.mint(&t.vault.address, &5);
    assert_refused!(
        t,
        t.vault.try_sweep(&t.vault.address),
        VaultError::InvalidRecipient
    );
    // Only the owner's signature sweeps.
    for signer in [&t.admin, &t.backend] {
        t.refused_for_auth(
            signer,
            "sweep",
            (signer.clone(),).into_val(&t.env),
            &t.owner,
        );
    }
    assert_eq!(t.vault.sweep(&t.owner), 5);
    assert_eq!(t.held(), 10);
}

// ----- admin configuration --------------------------------------------------

#[test]
fn admin_setters_update_and_emit() {
    let t = T::new();
    let caller = Address::generate(&t.env);
    t.vault
        .set_authorized_caller(&t.admin, &Some(caller.clone()));
    t.auth_of(
        &t.admin,
        "set_authorized_caller",
        (t.admin.clone(), Some(caller.clone())).into_val(&t.env),
    );
    t.emitted(&AuthorizedCallerSet {
        authorized_caller: Some(caller.clone()),
    });
    assert_eq!(t.vault.get_meta().authorized_caller, Some(caller));

    t.vault.set_min_deposit(&t.admin, &5);
    t.emitted(&MinDepositSet { min_deposit: 5 });
    assert_eq!(t.vault.get_meta().min_deposit, 5);

    t.vault.set_max_deduct(&t.admin, &9);
    t.emitted(&MaxDeductSet { max_deduct: 9 });
    assert_eq!(t.vault.get_max_deduct(), 9);

    let pool = Address::generate(&t.env);
    t.vault.set_revenue_pool(&t.admin, &Some(pool.clone()));
    t.emitted(&RevenuePoolSet {
        revenue_pool: Some(pool.clone()),
    });
    assert_eq!(t.vault.get_revenue_pool(), Some(pool));

    let settlement = t.settlement();
    t.emitted(&SettlementSet {
        settlement: Some(settlement.address.clone()),
    });
    assert_eq!(t.vault.get_settlement(), Some(settlement.address.clone()));
    t.vault.set_settlement(&t.admin, &None);
    t.emitted(&SettlementSet { settlement: None });
    assert_eq!(t.vault.get_settlement(), None);
}

#[test]
fn admin_setters_reject_non_admin_and_bad_values() {
    let t = T::new();
    let stranger = Address::generate(&t.env);
    // Neither a stranger nor the owner configures the vault.
    for who in [&stranger, &t.owner, &t.backend] {
        assert_refused!(
            t,
            t.vault.try_set_authorized_caller(who, &None),
            VaultError::NotAdmin
        );
        assert_refused!(
            t,
            t.vault.try_set_min_deposit(who, &5),
            VaultError::NotAdmin
        );
        assert_refused!(t, t.vault.try_set_max_deduct(who, &5), VaultError::NotAdmin);
        assert_refused!(
            t,
            t.vault.try_set_settlement(who, &None),
            VaultError::NotAdmin
        );
        assert_refused!(
            t,
            t.vault.try_set_revenue_pool(who, &None),
            VaultError::NotAdmin
        );
        assert_refused!(t, t.vault.try_pause(who), VaultError::NotAdmin);
        assert_refused!(t, t.vault.try_unpause(who), VaultError::NotAdmin);
        assert_refused!(
            t,
            t.vault.try_set_metadata(who, &t.s("o"), &t.s("m")),
            VaultError::NotAdmin
        );
        assert_refused!(
            t,
            t.vault.try_set_admin(who, who, &150),
            VaultError::NotAdmin
        );
        assert_refused!(t, t.vault.try_migrate(who), VaultError::NotAdmin);
    }
    assert_refused!(
        t,
        t.vault
            .try_set_revenue_pool(&t.admin, &Some(t.vault.address.clone())),
        VaultError::InvalidRecipient
    );
    assert_refused!(
        t,
        t.vault.try_set_min_deposit(&t.admin, &0),
        VaultError::InvalidConfig
    );
    assert_refused!(
        t,
        t.vault.try_set_max_deduct(&t.admin, &-1),
        VaultError::InvalidConfig
    );
}

/// Finding 1: the owner cannot point its own deducts back at itself; the
/// backend's deducts keep paying the operator's destination.
#[test]
fn owner_cannot_route_deducts_to_itself() {
    let t = T::funded(1_000);
    assert_refused!(
        t,
        t.vault.try_set_settlement(&t.owner, &None),
        VaultError::NotAdmin
    );
    assert_refused!(
        t,
        t.vault
            .try_set_revenue_pool(&t.owner, &Some(t.owner.clone())),
        VaultError::NotAdmin
    );
    assert_refused!(
        t,
        t.vault
            .try_set_authorized_caller(&t.owner, &Some(t.owner.clone())),
        VaultError::NotAdmin
    );
    assert_refused!(
        t,
        t.vault.try_set_admin(&t.owner, &t.owner, &150),
        VaultError::NotAdmin
    );
    assert_eq!(t.deduct(100, "a", None), 900);
    assert_eq!(t.token.balance(&t.pool), 100);
    assert_eq!(t.token.balance(&t.owner), 999_000);
}

#[test]
fn metadata_per_offering() {
    let t = T::new();
    let (id, cid) = (t.s("offering-1"), t.s("ipfs://bafy"));
    assert_eq!(t.vault.get_metadata(&id), None);
    t.vault.set_metadata(&t.admin, &id, &cid);
    t.auth_of(
        &t.admin,
        "set_metadata",
        (t.admin.clone(), id.clone(), cid.clone()).into_val(&t.env),
    );
    t.emitted(&MetadataSet {
        offering_id: id.clone(),
        metadata: cid.clone(),
    });
    assert_eq!(t.vault.get_metadata(&id), Some(cid.clone()));
    let too_long = "m".repeat(MAX_METADATA_LEN as usize + 1);
    let longest = "m".repeat(MAX_METADATA_LEN as usize);
    assert_refused!(
        t,
        t.vault.try_set_metadata(&t.admin, &id, &t.s(&too_long)),
        VaultError::InvalidMetadata
    );
    assert_refused!(
        t,
        t.vault.try_set_metadata(&t.admin, &t.s(""), &t.s("m")),
        VaultError::InvalidMetadata
    );
    assert_refused!(
        t,
        t.vault.try_set_metadata(&t.admin, &id, &t.s("")),
        VaultError::InvalidMetadata
    );
    assert_eq!(t.vault.get_metadata(&id), Some(cid));
    t.vault.set_metadata(&t.admin, &id, &t.s(&longest));
    assert_eq!(t.vault.get_metadata(&id), Some(t.s(&longest)));
}

// ----- admin handover, upgrade, migrate -------------------------------------

#[test]
fn two_step_admin_handover() {
    let t = T::new();
    let next = Address::generate(&t.env);
    let stranger = Address::generate(&t.env);
    t.vault.set_admin(&t.admin, &next, &150);
    t.auth_of(
        &t.admin,
        "set_admin",
        (t.admin.clone(), next.clone(), 150u32).into_val(&t.env),
    );
    t.emitted(&AdminProposed {
        admin: t.admin.clone(),
        pending_admin: next.clone(),
        live_until_ledger: 150,
    });
    assert_eq!(
        t.vault.get_pending_admin(),
        Some(PendingAdmin {
            address: next.clone(),
            live_until_ledger: 150
        })
    );
    // Still the old admin until accepted.
    assert_eq!(t.vault.get_admin(), t.admin);
    assert_refused!(
        t,
        t.vault.try_accept_admin(&stranger),
        VaultError::NotPendingAdmin
    );
    t.vault.accept_admin(&next);
    t.auth_of(&next, "accept_admin", (next.clone(),).into_val(&t.env));
    t.emitted(&AdminAccepted {
        admin: next.clone(),
        previous_admin: t.admin.clone(),
    });
    assert_eq!(t.vault.get_admin(), next);
    assert_eq!(t.vault.get_pending_admin(), None);
    // The previous admin no longer configures; the owner is still the owner.
    assert_eq!(t.vault.get_meta().owner, t.owner);
    assert_refused!(
        t,
        t.vault.try_set_min_deposit(&t.admin, &2),
        VaultError::NotAdmin
    );
    t.vault.set_min_deposit(&next, &2);
    assert_refused!(
        t,
        t.vault.try_accept_admin(&next),
        VaultError::NoPendingAdmin
    );
}

/// The owner can never become the admin: not proposed, so never accepted.
#[test]
fn set_admin_refuses_the_owner() {
    let t = T::new();
    assert_refused!(
        t,
        t.vault.try_set_admin(&t.admin, &t.owner, &150),
        VaultError::AdminIsOwner
    );
    assert_eq!(t.vault.get_pending_admin(), None);
    assert_refused!(
        t,
        t.vault.try_accept_admin(&t.owner),
        VaultError::AdminIsOwner
    );
    // An open proposal is not replaced by the refused one.
    let next = Address::generate(&t.env);
    t.vault.set_admin(&t.admin, &next, &150);
    assert_refused!(
        t,
        t.vault.try_set_admin(&t.admin, &t.owner, &160),
        VaultError::AdminIsOwner
    );
    assert_refused!(
        t,
        t.vault.try_accept_admin(&t.owner),
        VaultError::AdminIsOwner
    );
    assert_eq!(
        t.vault.get_pending_admin().map(|p| p.address),
        Some(next.clone())
    );
    t.vault.accept_admin(&next);
    assert_eq!(t.vault.get_admin(), next);
}

#[test]
fn admin_handover_expiry_and_cancel() {
    let t = T::new();
    let next = Address::generate(&t.env);
    let other = Address::generate(&t.env);
    assert_refused!(
        t,
        t.vault.try_set_admin(&t.admin, &next, &99),
        VaultError::InvalidExpiry
    );
    assert_refused!(
        t,
        t.vault.try_set_admin(
            &t.admin,
            &next,
            &(100 + callora_types::admin::MAX_HANDOVER_LEDGERS + 1)
        ),
        VaultError::InvalidExpiry
    );
    assert_refused!(
        t,
        t.vault.try_set_admin(&t.admin, &next, &0),
        VaultError::NoPendingAdmin
    );
    t.vault.set_admin(&t.admin, &next, &150);
    t.set_ledger(151);
    assert_refused!(
        t,
        t.vault.try_accept_admin(&next),
        VaultError::PendingAdminExpired
    );
    // An expired proposal is still shown, and can be cancelled. The
    // cancellation names the cancelled proposal's address, whatever address
    // the call passes.
    assert_eq!(
        t.vault.get_pending_admin(),
        Some(PendingAdmin {
            address: next.clone(),
            live_until_ledger: 150
        })
    );
    t.vault.set_admin(&t.admin, &other, &0);
    t.emitted(&AdminProposed {
        admin: t.admin.clone(),
        pending_admin: next.clone(),
        live_until_ledger: 0,
    });
    assert_eq!(t.vault.get_pending_admin(), None);
    assert_eq!(t.vault.get_admin(), t.admin);
    assert_refused!(
        t,
        t.vault.try_accept_admin(&next),
        VaultError::NoPendingAdmin
    );

    // Cancelling names the proposal even when the argument is the owner.
    t.vault.set_admin(&t.admin, &other, &200);
    t.vault.set_admin(&t.admin, &t.owner, &0);
    t.emitted(&AdminProposed {
        admin: t.admin.clone(),
        pending_admin: other.clone(),
        live_until_ledger: 0,
    });
    assert_eq!(t.vault.get_pending_admin(), None);
}

/// `upgrade` needs the admin (the operator) and the owner: operator keys
/// alone can never replace a vault's code, nor can the owner alone.
#[test]
fn upgrade_needs_the_admin_and_the_owner() {
    let t = T::funded(1_000);
    let hash = t.env.deployer().upload_contract_wasm(VAULT_WASM);
    let stranger = Address::generate(&t.env);
    for who in [&stranger, &t.owner, &t.backend] {
        assert_refused!(t, t.vault.try_upgrade(who, &hash), VaultError::NotAdmin);
    }
    let args: Vec<Val> = (t.admin.clone(), hash.clone()).into_val(&t.env);
    t.refused_for_auth(&t.admin, "upgrade", args.clone(), &t.owner);
    t.refused_for_auth(&t.owner, "upgrade", args.clone(), &t.admin);

    // Both signatures, each on exactly this call (enforcing auth).
    let invoke = MockAuthInvoke {
        contract: &t.vault.address,
        fn_name: "upgrade",
        args: args.clone(),
        sub_invokes: &[],
    };
    t.env.mock_auths(&[
        MockAuth {
            address: &t.admin,
            invoke: &invoke,
        },
        MockAuth {
            address: &t.owner,
            invoke: &invoke,
        },
    ]);
    t.vault.upgrade(&t.admin, &hash);
    let call = AuthorizedFunction::Contract((
        t.vault.address.clone(),
        Symbol::new(&t.env, "upgrade"),
        args,
    ));
    let signed: std::vec::Vec<(Address, AuthorizedFunction)> = t
        .env
        .auths()
        .into_iter()
        .map(|(who, invocation)| {
            assert!(invocation.sub_invocations.is_empty());
            (who, invocation.function)
        })
        .collect();
    assert_eq!(
        signed,
        std::vec![(t.admin.clone(), call.clone()), (t.owner.clone(), call)]
    );
    t.emitted(&Upgraded {
        new_wasm_hash: hash,
        from_version: VERSION,
    });
    t.env.mock_all_auths();
    // Now running the built WASM: state survived.
    assert_eq!(t.vault.balance(), 1_000);
    assert_eq!(t.vault.version(), VERSION);
    assert_eq!(t.vault.get_admin(), t.admin);
    assert_eq!(t.deduct(10, "after-upgrade", None), 990);
}

/// A vault constructed by code version 1 or 2 may still have its owner as
/// admin (their default). On version 3 that admin may hand over to an
/// operator and migrate, but not route deducts, change the backend or the
/// limits, pause or upgrade.
#[test]
fn owner_admin_from_older_versions_may_only_hand_over() {
    let t = T::funded(1_000);
    t.env.as_contract(&t.vault.address, || {
        let mut c = crate::storage::config(&t.env);
        c.admin = c.owner.clone();
        crate::storage::write_config(&t.env, &c);
        callora_types::upgrade::init_schema(&t.env, 2);
    });
    assert_eq!(t.vault.get_admin(), t.owner);
    let o = &t.owner;
    let me = Some(o.clone());
    let hash = t.env.deployer().upload_contract_wasm(VAULT_WASM);
    let refused = VaultError::AdminIsOwner;
    assert_refused!(t, t.vault.try_set_settlement(o, &None), refused);
    assert_refused!(t, t.vault.try_set_revenue_pool(o, &me), refused);
    assert_refused!(t, t.vault.try_set_authorized_caller(o, &me), refused);
    assert_refused!(t, t.vault.try_set_min_deposit(o, &5), refused);
    assert_refused!(t, t.vault.try_set_max_deduct(o, &5), refused);
    assert_refused!(t, t.vault.try_set_max_batch(o, &5), refused);
    assert_refused!(
        t,
        t.vault.try_set_metadata(o, &t.s("o"), &t.s("m")),
        refused
    );
    assert_refused!(t, t.vault.try_pause(o), refused);
    assert_refused!(t, t.vault.try_unpause(o), refused);
    assert_refused!(t, t.vault.try_upgrade(o, &hash), refused);
    assert_refused!(t, t.vault.try_set_admin(o, o, &150), refused);
    // Deducts keep paying the destination the operator chose.
    assert_eq!(t.deduct(10, "a", None), 990);
    assert_eq!(t.token.balance(&t.pool), 10);

    // Handing over: proposed now, accepted once migrated.
    let operator = Address::generate(&t.env);
    t.vault.set_admin(o, &operator, &150);
    t.emitted(&AdminProposed {
        admin: o.clone(),
        pending_admin: operator.clone(),
        live_until_ledger: 150,
    });
    assert_refused!(
        t,
        t.vault.try_accept_admin(&operator),
        VaultError::MigrationPending
    );
    t.vault.migrate(o);
    t.emitted(&Migrated {
        from: 2,
        to: SCHEMA_VERSION,
    });
    t.vault.accept_admin(&operator);
    t.emitted(&AdminAccepted {
        admin: operator.clone(),
        previous_admin: o.clone(),
    });
    assert_eq!(t.vault.get_admin(), operator);
    t.vault.set_min_deposit(&operator, &5);
    assert_eq!(t.vault.get_meta().min_deposit, 5);
    assert_refused!(t, t.vault.try_pause(o), VaultError::NotAdmin);
}

fn v1_config(c: crate::storage::Config) -> crate::storage::ConfigV1 {
    crate::storage::ConfigV1 {
        owner: c.owner,
        admin: c.admin,
        usdc_token: c.usdc_token,
        authorized_caller: c.authorized_caller,
        min_deposit: c.min_deposit,
        max_deduct: c.max_deduct,
        settlement: c.settlement,
        revenue_pool: c.revenue_pool,
        paused: c.paused,
    }
}

/// Writes the configuration in the schema 1 layout (as code version 1
/// writes it) and sets the schema marker to `marker`.
fn store_v1_config(t: &T, marker: u32) {
    t.env.as_contract(&t.vault.address, || {
        let v1 = v1_config(crate::storage::config(&t.env));
        t.env
            .storage()
            .instance()
            .set(&crate::storage::DataKey::Config, &v1);
        callora_types::upgrade::init_schema(&t.env, marker);
    });
}

/// Number of fields of the stored configuration (9 = schema 1 layout, 10 =
/// schema 2 and 3).
fn stored_config_fields(t: &T) -> u32 {
    t.env.as_contract(&t.vault.address, || {
        let raw: Val = t
            .env
            .storage()
            .instance()
            .get(&crate::storage::DataKey::Config)
            .unwrap();
        soroban_sdk::Map::<Symbol, Val>::try_from_val(&t.env, &raw)
            .unwrap()
            .len()
    })
}

#[test]
fn migrate_from_schema_1_runs_once() {
    let t = T::funded(1_000);
    assert_refused!(
        t,
        t.vault.try_migrate(&t.admin),
        VaultError::AlreadyMigrated
    );
    t.vault.set_max_batch(&t.admin, &3);
    store_v1_config(&t, 1);
    assert_eq!(t.vault.schema_version(), 1);
    assert_eq!(stored_config_fields(&t), 9);

    // Between upgrade and migrate: views read the v1 layout, money keeps
    // moving, configuration changes wait for the migration.
    assert_eq!(t.vault.get_max_batch(), MAX_BATCH_DEDUCT);
    assert_eq!(t.vault.get_meta().owner, t.owner);
    assert_eq!(t.vault.get_admin(), t.admin);
    assert_eq!(t.vault.deposit(&t.owner, &10), 1_010);
    assert_eq!(t.deduct(10, "gap", None), 1_000);
    assert_refused!(
        t,
        t.vault.try_set_min_deposit(&t.admin, &2),
        VaultError::MigrationPending
    );
    for who in [&Address::generate(&t.env), &t.owner] {
        assert_refused!(t, t.vault.try_migrate(who), VaultError::NotAdmin);
    }

    t.vault.migrate(&t.admin);
    t.auth_of(&t.admin, "migrate", (t.admin.clone(),).into_val(&t.env));
    t.emitted(&Migrated {
        from: 1,
        to: SCHEMA_VERSION,
    });
    assert_eq!(t.vault.schema_version(), SCHEMA_VERSION);
    assert_eq!(stored_config_fields(&t), 10);
    assert_eq!(t.vault.get_max_batch(), MAX_BATCH_DEDUCT);
    assert_eq!(t.vault.balance(), 1_000);
    assert_refused!(
        t,
        t.vault.try_migrate(&t.admin),
        VaultError::AlreadyMigrated
    );
    t.vault.set_min_deposit(&t.admin, &2);
    assert_eq!(t.vault.get_meta().min_deposit, 2);
}

#[test]
fn migrate_from_schema_2_moves_only_the_marker() {
    let t = T::funded(1_000);
    t.vault.set_max_batch(&t.admin, &3);
    t.vault.set_spend_limit(&t.owner, &limit(500, 10));
    t.env.as_contract(&t.vault.address, || {
        callora_types::upgrade::init_schema(&t.env, 2);
    });
    assert_refused!(
        t,
        t.vault.try_set_max_batch(&t.admin, &4),
        VaultError::MigrationPending
    );
    assert_refused!(t, t.vault.try_pause(&t.admin), VaultError::MigrationPending);
    // Owner settings are not configuration writes.
    t.vault.set_spend_limit(&t.owner, &limit(400, 10));
    t.vault.migrate(&t.admin);
    t.emitted(&Migrated {
        from: 2,
        to: SCHEMA_VERSION,
    });
    assert_eq!(t.vault.get_max_batch(), 3);
    assert_eq!(t.vault.get_spend_limit(), limit(400, 10));
    assert_eq!(t.vault.balance(), 1_000);
    t.vault.set_max_batch(&t.admin, &4);
    assert_eq!(t.vault.get_max_batch(), 4);
}

/// Finding 3: code version 1 running on newer data (an in-place downgrade)
/// writes its 9-field configuration without touching the schema marker.
/// Upgraded back, version 3 must still read it — withdraw, views, deducts,
/// configuration changes and upgrade all keep working.
#[test]
fn config_in_v1_layout_is_read_whatever_the_marker() {
    let t = T::funded(1_000);
    let settlement = t.settlement();
    t.vault.set_min_deposit(&t.admin, &7);
    t.vault.set_max_batch(&t.admin, &5);
    store_v1_config(&t, SCHEMA_VERSION);
    assert_eq!(t.vault.schema_version(), SCHEMA_VERSION);
    assert_eq!(stored_config_fields(&t), 9);

    assert_eq!(
        t.vault.get_meta(),
        VaultMeta {
            owner: t.owner.clone(),
            balance: 1_000,
            authorized_caller: Some(t.backend.clone()),
            min_deposit: 7,
        }
    );
    assert_eq!(t.vault.get_admin(), t.admin);
    assert_eq!(t.vault.get_settlement(), Some(settlement.address.clone()));
    assert_eq!(t.vault.get_revenue_pool(), Some(t.pool.clone()));
    // The v1 layout has no max_batch: the maximum applies.
    assert_eq!(t.vault.get_max_batch(), MAX_BATCH_DEDUCT);
    assert_eq!(t.vault.withdraw(&100), 900);
    assert_eq!(t.deduct(50, "a", None), 850);
    assert_eq!(settlement.get_global_pool().total_balance, 50);
    assert_refused!(
        t,
        t.vault.try_migrate(&t.admin),
        VaultError::AlreadyMigrated
    );
    // A configuration write is allowed (the marker is current) and stores
    // the current layout, every setting kept.
    t.vault.pause(&t.admin);
    assert_eq!(stored_config_fields(&t), 10);
    assert!(t.vault.is_paused());
    assert_eq!(t.vault.get_meta().min_deposit, 7);
    assert_eq!(t.vault.get_settlement(), Some(settlement.address));
    // Upgrade still works.
    let hash = t.env.deployer().upload_contract_wasm(VAULT_WASM);
    store_v1_config(&t, SCHEMA_VERSION);
    t.vault.upgrade(&t.admin, &hash);
    assert_eq!(t.vault.balance(), 850);
    assert!(t.vault.is_paused());
}

/// The schema 2/3 layout is read under an old marker too (a marker that
/// lags its data), and migrating keeps its settings.
#[test]
fn config_in_current_layout_is_read_under_an_old_marker() {
    let t = T::funded(1_000);
    t.vault.set_max_batch(&t.admin, &5);
    t.env.as_contract(&t.vault.address, || {
        callora_types::upgrade::init_schema(&t.env, 1);
    });
    assert_eq!(stored_config_fields(&t), 10);
    assert_eq!(t.vault.get_max_batch(), 5);
    assert_eq!(t.vault.withdraw(&1), 999);
    t.vault.migrate(&t.admin);
    t.emitted(&Migrated {
        from: 1,
        to: SCHEMA_VERSION,
    });
    assert_eq!(t.vault.get_max_batch(), 5);
}

/// Each admin call is authorized by exactly the admin, for exactly that call
/// and its arguments (`env.auths()`), and the same call from the owner or a
/// stranger is `NotAdmin` with nothing changed.
#[test]
fn every_admin_call_authorizes_exactly_the_admin() {
    let t = T::new();
    let settlement = t.settlement();
    let stranger = Address::generate(&t.env);
    let pool = Some(Address::generate(&t.env));
    let caller = Some(Address::generate(&t.env));
    let s_addr = Some(settlement.address.clone());
    let (o, m) = (t.s("offer"), t.s("ipfs://cid"));
    let a = t.admin.clone();
    type Call<'a> = (
        &'a str,
        Vec<Val>,
        std::boxed::Box<
            dyn Fn(&Address) -> Result<(), Result<VaultError, soroban_sdk::InvokeError>> + 'a,
        >,
    );
    fn unit<E>(
        r: Result<Result<(), E>, Result<VaultError, soroban_sdk::InvokeError>>,
    ) -> Result<(), Result<VaultError, soroban_sdk::InvokeError>> {
        r.map(|_| ())
    }
    let calls: std::vec::Vec<Call> = std::vec![
        (
            "set_authorized_caller",
            (a.clone(), caller.clone()).into_val(&t.env),
            std::boxed::Box::new(|c| unit(t.vault.try_set_authorized_caller(c, &caller)))
        ),
        (
            "set_min_deposit",
            (a.clone(), 7i128).into_val(&t.env),
            std::boxed::Box::new(|c| unit(t.vault.try_set_min_deposit(c, &7)))
        ),
        (
            "set_max_deduct",
            (a.clone(), 8i128).into_val(&t.env),
            std::boxed::Box::new(|c| unit(t.vault.try_set_max_deduct(c, &8)))
        ),
        (
            "set_max_batch",
            (a.clone(), 9u32).into_val(&t.env),
            std::boxed::Box::new(|c| unit(t.vault.try_set_max_batch(c, &9)))
        ),
        (
            "set_settlement",
            (a.clone(), s_addr.clone()).into_val(&t.env),
            std::boxed::Box::new(|c| unit(t.vault.try_set_settlement(c, &s_addr)))
        ),
        (
            "set_revenue_pool",
            (a.clone(), pool.clone()).into_val(&t.env),
            std::boxed::Box::new(|c| unit(t.vault.try_set_revenue_pool(c, &pool)))
        ),
        (
            "set_metadata",
            (a.clone(), o.clone(), m.clone()).into_val(&t.env),
            std::boxed::Box::new(|c| unit(t.vault.try_set_metadata(c, &o, &m)))
        ),
        (
            "pause",
            (a.clone(),).into_val(&t.env),
            std::boxed::Box::new(|c| unit(t.vault.try_pause(c)))
        ),
        (
            "unpause",
            (a.clone(),).into_val(&t.env),
            std::boxed::Box::new(|c| unit(t.vault.try_unpause(c)))
        ),
        (
            "set_admin",
            (a.clone(), stranger.clone(), 150u32).into_val(&t.env),
            std::boxed::Box::new(|c| unit(t.vault.try_set_admin(c, &stranger, &150)))
        ),
    ];
    for (name, args, call) in calls {
        for who in [&stranger, &t.owner, &t.backend] {
            let before = t.state();
            assert_eq!(call(who), Err(Ok(VaultError::NotAdmin)), "{name}");
            assert!(t.events().is_empty(), "{name} emitted events");
            assert_eq!(t.state(), before, "{name} by a non-admin changed state");
        }
        assert_eq!(call(&t.admin), Ok(()), "{name} by the admin");
        t.auth_of(&t.admin, name, args.clone());
        assert_eq!(t.vault_events().len(), 1, "{name} emits one event");
        // Naming the admin as caller without the admin's signature.
        let before = t.state();
        assert_eq!(
            t.signed_by(&t.owner, name, args).err(),
            Some(auth_refused()),
            "{name}"
        );
        assert_eq!(t.unauthorized(), std::vec![t.admin.clone()], "{name}");
        assert_eq!(t.state(), before);
    }
    assert_eq!(t.vault.get_meta().authorized_caller, caller);
    assert_eq!(t.vault.get_meta().min_deposit, 7);
    assert_eq!(t.vault.get_max_deduct(), 8);
    assert_eq!(t.vault.get_max_batch(), 9);
    assert_eq!(t.vault.get_revenue_pool(), pool);
    assert_eq!(t.vault.get_metadata(&o), Some(m));
    assert!(!t.vault.is_paused());
    assert_eq!(
        t.vault.get_pending_admin().map(|p| p.address),
        Some(stranger.clone())
    );

    store_v1_config(&t, 1);
    t.vault.migrate(&t.admin);
    t.auth_of(&t.admin, "migrate", (t.admin.clone(),).into_val(&t.env));
}

/// Each owner call is authorized by exactly the owner, and refused for
/// anyone else — by the contract where the caller is an argument, by the
/// host where the owner's signature is required implicitly.
#[test]
fn every_owner_call_authorizes_exactly_the_owner() {
    let t = T::funded(1_000);
    t.sac.mint(&t.vault.address, &5);
    let friend = Address::generate(&t.env);
    let o = t.owner.clone();
    let calls: std::vec::Vec<(&str, Vec<Val>)> = std::vec![
        (
            "set_allowed_depositor",
            (o.clone(), friend.clone(), true).into_val(&t.env)
        ),
        (
            "set_spend_limit",
            (o.clone(), limit(10, 10)).into_val(&t.env)
        ),
        ("withdraw", (1i128,).into_val(&t.env)),
        ("withdraw_to", (friend.clone(), 1i128).into_val(&t.env)),
        ("sweep", (friend.clone(),).into_val(&t.env)),
    ];
    for (name, args) in calls {
        for signer in [&t.admin, &t.backend, &friend] {
            t.refused_for_auth(signer, name, args.clone(), &t.owner);
        }
        assert!(
            t.signed_by(&t.owner, name, args.clone()).is_ok(),
            "{name} by the owner"
        );
        assert_eq!(t.vault_events().len(), 1, "{name} emits one event");
    }
    assert!(t.vault.is_allowed_depositor(&friend));
    assert_eq!(t.vault.get_spend_limit(), limit(10, 10));
    assert_eq!(t.vault.balance(), 998);
    assert_eq!(t.token.balance(&friend), 6);
}

/// A window that ended under the old period stays ended when the owner
/// lengthens the period: the next window opens at the next deduct (the bug
/// the unit suite found in the first v3 draft refused every deduct until
/// the old window's start plus the new period).
#[test]
fn lengthening_the_period_does_not_reopen_an_ended_window() {
    let t = T::funded(1_000);
    t.vault.set_spend_limit(&t.owner, &limit(100, 10));
    t.set_ledger(100);
    assert_eq!(t.deduct(100, "a", None), 900);
    t.set_ledger(200);
    t.vault.set_spend_limit(&t.owner, &limit(100, 1_000));
    assert_eq!(t.vault.get_spend_window(), None);
    assert_eq!(t.deduct(1, "b", None), 899);
    assert_eq!(t.vault.get_spend_window(), window(200, 1));
    // A window still open is kept when the period changes...
    t.set_ledger(300);
    t.vault.set_spend_limit(&t.owner, &limit(100, 10));
    assert_eq!(t.vault.get_spend_window(), window(200, 1));
    // ...and measured by the new period from then on.
    assert_eq!(t.deduct(60, "c", None), 839);
    t.vault.set_spend_limit(&t.owner, &limit(100, 1_000));
    assert_eq!(t.vault.get_spend_window(), window(300, 60));
}
