//! A USDC look-alike against the built WASMs: what the contracts do with a
//! SEP-41 token that is not the real USDC, or that lies.
//!
//! The token (`callora-test-token`, built with `soroban-token-sdk`) copies
//! the real asset's name, symbol and decimals, so only its address tells it
//! apart. It can refuse transfers, deliver less than a transfer's amount
//! (a fee to its admin) and report balances it does not hold.
//!
//! What the tests show:
//! * The constructors take the token they are given: nothing in a contract
//!   can tell a look-alike from USDC. Whoever deploys picks the token, and
//!   `get_usdc_token` is what the owner verifies (`docs/upgrade-playbook.md`).
//! * A look-alike never enters a system on real USDC afterwards:
//!   `set_settlement`, `set_predecessor` and `retire` refuse every peer whose
//!   token differs (`TokenMismatch`, `SuccessorNotAccepted`).
//! * A refused transfer fails the whole call: nothing recorded.
//! * On a contract deployed with a lying token, the books are as good as the
//!   token: a fee-on-transfer token makes a deposit or a credit book more
//!   than arrived, and an inflated `balance` passes the backing checks
//!   (`initial_balance`, `import_balances`, `book_untracked`, `sweep`).
//! * A predecessor that is not a settlement but claims USDC and invents
//!   balances gets past `set_predecessor` (the admin's choice), and
//!   `import_balances` books only what the successor holds in real USDC.
extern crate std;

use crate::{
    wasm::{settlement, vault},
    world::{vault_args, World},
};
use callora_test_token::{Misbehaviour, TestToken, TestTokenClient, TokenError};
use soroban_sdk::{testutils::Address as _, token::TokenClient, Address, InvokeError, Vec};

use settlement::SettlementError as S;
use vault::VaultError as V;

const REFUSED: TokenError = TokenError::TransferRefused;

/// The refusal a call gets when the token panics with `e`: the token's error
/// code, propagated unchanged through the Callora contract.
fn token_error<T, E>(e: TokenError) -> Result<T, Result<E, InvokeError>> {
    Err(Err(InvokeError::Contract(e as u32)))
}

/// A system whose token is a look-alike of the world's USDC: a settlement
/// and, per consumer, a vault on it.
struct Fake {
    w: World,
    issuer: Address,
    /// The look-alike (SEP-41 view and the attacker's controls).
    token: TokenClient<'static>,
    control: TestTokenClient<'static>,
    settlement: settlement::Client<'static>,
}

impl Fake {
    fn new() -> Fake {
        let w = World::new();
        let issuer = Address::generate(&w.env);
        let id = look_alike(&w, &issuer);
        let s = w.env.register(
            settlement::WASM,
            (w.admin.clone(), id.clone(), None::<Address>),
        );
        Fake {
            token: TokenClient::new(&w.env, &id),
            control: TestTokenClient::new(&w.env, &id),
            settlement: settlement::Client::new(&w.env, &s),
            issuer,
            w,
        }
    }

    fn lie(&self, m: Misbehaviour) {
        self.control.set_misbehaviour(&m);
    }

    /// A vault on the look-alike routed to its settlement, holding
    /// `deposit` (if any) deposited by its owner.
    fn vault(&self, deposit: i128) -> (Address, vault::Client<'static>) {
        let w = &self.w;
        let owner = Address::generate(&w.env);
        let args = vault_args(
            &owner,
            &w.admin,
            &self.token.address,
            Some(&w.backend),
            Some(&w.pool.address),
        );
        let v = vault::Client::new(&w.env, &w.env.register(vault::WASM, args));
        self.settlement.set_vault(&w.admin, &v.address, &true);
        v.set_settlement(&w.admin, &Some(self.settlement.address.clone()));
        if deposit > 0 {
            self.control.mint(&owner, &deposit);
            v.deposit(&owner, &deposit);
        }
        (owner, v)
    }
}

/// A token shaped exactly like `w`'s USDC (name, symbol, decimals).
fn look_alike(w: &World, issuer: &Address) -> Address {
    w.env.register(
        TestToken,
        (
            issuer.clone(),
            w.token.decimals(),
            w.token.name(),
            w.token.symbol(),
        ),
    )
}

fn honest() -> Misbehaviour {
    Misbehaviour::HONEST
}

fn inflated(by: i128) -> Misbehaviour {
    Misbehaviour {
        balance_offset: by,
        ..Misbehaviour::HONEST
    }
}

fn refusing() -> Misbehaviour {
    Misbehaviour {
        refuse_transfers: true,
        ..Misbehaviour::HONEST
    }
}

fn with_fee(fee: i128) -> Misbehaviour {
    Misbehaviour {
        transfer_fee: fee,
        ..Misbehaviour::HONEST
    }
}

/// Registering a contract that refuses in its constructor panics; the
/// panic names the contract error.
fn constructor_refusal(f: impl FnOnce() -> Address) -> std::string::String {
    let err = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
        .expect_err("the constructor must refuse");
    err.downcast_ref::<std::string::String>()
        .cloned()
        .or_else(|| err.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default()
}

/// The vault constructor accepts a look-alike as it accepts any address:
/// name, symbol and decimals are the real asset's, and only
/// `get_usdc_token` (which the owner checks against the released USDC
/// address before depositing) tells them apart. Deposits move the
/// look-alike, never real USDC.
#[test]
fn constructor_takes_a_look_alike_only_its_address_tells_apart() {
    let f = Fake::new();
    let w = &f.w;
    assert_eq!(f.token.name(), w.token.name());
    assert_eq!(f.token.symbol(), w.token.symbol());
    assert_eq!(f.token.decimals(), w.token.decimals());
    assert_ne!(f.token.address, w.usdc);

    let (owner, v) = f.vault(1_000);
    w.sac.mint(&owner, &500);
    assert_eq!(v.get_usdc_token(), f.token.address);
    assert_eq!(v.balance(), 1_000);
    assert_eq!(f.control.held(&v.address), 1_000);
    assert_eq!(w.balance(&v.address), 0);
    assert_eq!(w.balance(&owner), 500, "no real USDC moved");
}

/// `initial_balance` must be covered by what the token says the vault
/// holds: an honest look-alike is refused with `InitialBalanceNotCovered`
/// (112); one that inflates `balance` gets a vault whose tracked balance is
/// backed by nothing, and the owner's withdrawal of it then fails in the
/// token, changing nothing.
#[test]
fn constructor_initial_balance_is_as_good_as_the_tokens_balance() {
    let f = Fake::new();
    let w = &f.w;
    let owner = Address::generate(&w.env);
    let mut args = vault_args(&owner, &w.admin, &f.token.address, None, None);
    args.3 = Some(500);

    let refusal = constructor_refusal(|| w.env.register(vault::WASM, args.clone()));
    let code = std::format!("Error(Contract, #{})", V::InitialBalanceNotCovered as u32);
    assert!(refusal.contains(&code), "{refusal}");

    f.lie(inflated(500));
    let v = vault::Client::new(&w.env, &w.env.register(vault::WASM, args));
    f.lie(honest());
    assert_eq!(v.balance(), 500, "booked");
    assert_eq!(f.control.held(&v.address), 0, "held");
    assert_eq!(
        v.try_withdraw(&500),
        token_error(TokenError::InsufficientBalance)
    );
    assert_eq!(v.balance(), 500);
    assert_eq!(f.control.held(&owner), 0);
}

/// `set_settlement` requires an active settlement on the vault's own token:
/// a settlement on the look-alike (for a vault on USDC), a settlement on
/// USDC (for a vault on the look-alike), and the look-alike token contract
/// itself are each refused with `TokenMismatch` (119), the vault's
/// destination unchanged. A settlement on the same look-alike is accepted:
/// the check compares addresses, it cannot judge a token.
#[test]
fn set_settlement_refuses_a_settlement_on_another_token() {
    let f = Fake::new();
    let w = &f.w;
    let real = w.consumer(0, false);
    let (_, fake) = f.vault(0);

    let tries = [
        (&real.vault, f.settlement.address.clone()),
        (&real.vault, f.token.address.clone()),
        (&fake, w.settlement.address.clone()),
        (&fake, f.token.address.clone()),
    ];
    for (v, candidate) in tries {
        let before = v.get_settlement();
        assert_eq!(
            v.try_set_settlement(&w.admin, &Some(candidate)),
            Err(Ok(V::TokenMismatch))
        );
        assert_eq!(v.get_settlement(), before);
    }
    assert_eq!(real.vault.get_settlement(), None);
    assert_eq!(fake.get_settlement(), Some(f.settlement.address.clone()));

    // The same look-alike on both sides passes: the vault was deployed on it.
    let twin = w.env.register(
        settlement::WASM,
        (w.admin.clone(), f.token.address.clone(), None::<Address>),
    );
    fake.set_settlement(&w.admin, &Some(twin.clone()));
    assert_eq!(fake.get_settlement(), Some(twin));
}

/// A settlement on USDC never takes over from, or retires into, one on a
/// look-alike or on another real asset: `set_predecessor` refuses each (and
/// the token contract itself) with `TokenMismatch` (311), so
/// `import_balances` has no predecessor (`NoPredecessor`, 313); `retire`
/// from the look-alike settlement to a USDC one is refused with
/// `SuccessorNotAccepted` (312). Nothing moves.
#[test]
fn set_predecessor_and_retire_refuse_another_token() {
    let f = Fake::new();
    let w = &f.w;
    let other = w
        .env
        .register_stellar_asset_contract_v2(Address::generate(&w.env))
        .address();
    let on_other = w.env.register(
        settlement::WASM,
        (w.admin.clone(), other.clone(), None::<Address>),
    );
    let (_, v) = f.vault(1_000);
    v.deduct(&w.backend, &1_000, &w.s("r1"), &None, &w.until());
    assert_eq!(f.settlement.get_global_pool().total_balance, 1_000);

    for candidate in [
        f.settlement.address.clone(),
        on_other,
        f.token.address.clone(),
    ] {
        assert_eq!(
            w.settlement.try_set_predecessor(&w.admin, &candidate),
            Err(Ok(S::TokenMismatch))
        );
    }
    assert_eq!(w.settlement.get_predecessor(), None);
    assert_eq!(
        w.settlement.try_import_balances(&w.admin, &50),
        Err(Ok(S::NoPredecessor))
    );
    assert_eq!(
        f.settlement.try_retire(&w.admin, &w.settlement.address),
        Err(Ok(S::SuccessorNotAccepted))
    );
    assert_eq!(f.settlement.get_successor(), None);
    assert_eq!(f.control.held(&f.settlement.address), 1_000);
    assert_eq!(w.balance(&w.settlement.address), 0);
    assert_eq!(w.settlement.get_global_pool().total_balance, 0);
}

/// Redeploying a settlement that runs on a fee-on-transfer look-alike:
/// `retire` sends 1,000 and the successor receives 990. With the token's
/// `balance` honest, `import_balances` refuses the unbacked 1,000 with
/// `ImportNotBacked` (306), booking nothing; when the token also inflates
/// the successor's balance by the fee, the import books 1,000 of developer
/// balances against 990 held, and the developer's full withdrawal fails in
/// the token.
#[test]
fn import_balances_backing_check_is_as_good_as_the_tokens_balance() {
    let f = Fake::new();
    let w = &f.w;
    let dev = Address::generate(&w.env);
    let (_, v) = f.vault(1_000);
    v.deduct(
        &w.backend,
        &1_000,
        &w.s("r1"),
        &Some(dev.clone()),
        &w.until(),
    );
    let next = settlement::Client::new(
        &w.env,
        &w.env.register(
            settlement::WASM,
            (w.admin.clone(), f.token.address.clone(), None::<Address>),
        ),
    );
    next.set_predecessor(&w.admin, &f.settlement.address);
    f.lie(with_fee(10));
    assert_eq!(f.settlement.retire(&w.admin, &next.address), 1_000);
    assert_eq!(f.control.held(&next.address), 990);

    f.lie(honest());
    assert_eq!(
        next.try_import_balances(&w.admin, &50),
        Err(Ok(S::ImportNotBacked))
    );
    assert_eq!(next.get_import_cursor(), 0);
    assert_eq!(next.get_developer_total(), 0);

    f.lie(inflated(10));
    assert_eq!(next.import_balances(&w.admin, &50), 1);
    assert_eq!(next.get_developer_balance(&dev), 1_000, "booked");
    assert_eq!(f.control.held(&next.address), 990, "held");
    f.lie(honest());
    assert_eq!(
        next.try_withdraw(&dev, &1_000),
        token_error(TokenError::InsufficientBalance)
    );
    assert_eq!(next.get_developer_balance(&dev), 1_000);
}

/// Everything a call can change, on the vault, its settlement and the token.
#[derive(Debug, PartialEq)]
struct Books {
    vault_balance: i128,
    window: Option<vault::SpendWindow>,
    processed: bool,
    pool: i128,
    developer: i128,
    developer_total: i128,
    held: std::vec::Vec<i128>,
}

/// When the token refuses transfers, every call that moves it fails with
/// the token's error (`TransferRefused`, 1) and records nothing: not the
/// vault's balance, not the request id, not the spend window, not the
/// settlement's pool or credits (deposit, withdraw, withdraw_to, deduct and
/// batch_deduct to the settlement and to a revenue pool, the developer's
/// withdrawal, distribute_pool, sweep). With the token honest again the
/// same request id charges once.
#[test]
fn refused_transfer_fails_the_whole_call_and_records_nothing() {
    let f = Fake::new();
    let w = &f.w;
    let dev = Address::generate(&w.env);
    let (owner, v) = f.vault(1_000);
    v.set_spend_limit(
        &owner,
        &Some(vault::SpendLimit {
            amount: 500,
            period_ledgers: 100,
        }),
    );
    v.deduct(&w.backend, &100, &w.s("r0"), &Some(dev.clone()), &w.until());
    v.deduct(&w.backend, &100, &w.s("p0"), &None, &w.until());
    f.control.mint(&owner, &1_000);
    f.control.mint(&v.address, &7);
    // A vault paying the world's revenue pool instead of a settlement.
    let (_, direct) = f.vault(1_000);
    direct.set_settlement(&w.admin, &None);

    let books = || Books {
        vault_balance: v.balance(),
        window: v.get_spend_window(),
        processed: v.is_request_processed(&w.s("r1")),
        pool: f.settlement.get_global_pool().total_balance,
        developer: f.settlement.get_developer_balance(&dev),
        developer_total: f.settlement.get_developer_total(),
        held: [
            &owner,
            &v.address,
            &direct.address,
            &f.settlement.address,
            &dev,
        ]
        .iter()
        .map(|a| f.control.held(a))
        .collect(),
    };
    f.lie(refusing());
    let before = books();
    let direct_before = direct.balance();
    let until = w.until();
    let item = |id: &str, developer: Option<Address>| crate::world::Item {
        amount: 50,
        request_id: w.s(id),
        developer,
    };
    let batch = Vec::from_array(&w.env, [item("r1", Some(dev.clone())), item("r2", None)]);

    assert_eq!(v.try_deposit(&owner, &100), token_error(REFUSED));
    assert_eq!(v.try_withdraw(&100), token_error(REFUSED));
    assert_eq!(v.try_withdraw_to(&dev, &100), token_error(REFUSED));
    assert_eq!(v.try_sweep(&owner), token_error(REFUSED));
    assert_eq!(
        v.try_deduct(&w.backend, &100, &w.s("r1"), &Some(dev.clone()), &until),
        token_error(REFUSED)
    );
    assert_eq!(
        v.try_deduct(&w.backend, &100, &w.s("r1"), &None, &until),
        token_error(REFUSED)
    );
    assert_eq!(
        v.try_batch_deduct(
            &w.backend,
            &soroban_sdk::String::from_str(&w.env, "adversarial_token-batch-1"),
            &crate::world::columns_of(&w.env, &batch),
            &until
        ),
        token_error(REFUSED)
    );
    assert_eq!(
        direct.try_deduct(&w.backend, &100, &w.s("r1"), &None, &until),
        token_error(REFUSED)
    );
    assert_eq!(f.settlement.try_withdraw(&dev, &100), token_error(REFUSED));
    assert_eq!(
        f.settlement.try_distribute_pool(&w.admin, &dev, &100),
        token_error(REFUSED)
    );
    assert_eq!(books(), before);
    assert_eq!(direct.balance(), direct_before);
    assert!(!direct.is_request_processed(&w.s("r1")));

    f.lie(honest());
    v.deduct(&w.backend, &100, &w.s("r1"), &Some(dev.clone()), &until);
    assert_eq!(v.balance(), before.vault_balance - 100);
    assert_eq!(f.settlement.get_developer_balance(&dev), 200);
    assert_eq!(
        v.try_deduct(&w.backend, &100, &w.s("r1"), &Some(dev.clone()), &until),
        Err(Ok(V::DuplicateRequest))
    );
}

/// A fee-on-transfer look-alike (10 per transfer kept by its issuer, the
/// event reporting the full amount): the vault books a deposit of 1,000
/// while holding 990, and the settlement credits a developer 100 while
/// receiving 90. Both contracts book the amount they asked the token to
/// move, which a SEP-41 token must move exactly; the last withdrawal of
/// each then fails in the token.
#[test]
fn fee_on_transfer_books_more_than_arrived() {
    let f = Fake::new();
    let w = &f.w;
    let dev = Address::generate(&w.env);
    let (owner, v) = f.vault(0);
    f.control.mint(&owner, &1_000);
    f.lie(with_fee(10));

    assert_eq!(v.deposit(&owner, &1_000), 1_000);
    assert_eq!(f.control.held(&v.address), 990);
    v.deduct(&w.backend, &100, &w.s("r1"), &Some(dev.clone()), &w.until());
    assert_eq!(v.balance(), 900);
    assert_eq!(f.control.held(&v.address), 890);
    assert_eq!(f.settlement.get_developer_balance(&dev), 100);
    assert_eq!(f.control.held(&f.settlement.address), 90);
    assert_eq!(f.control.held(&f.issuer), 20);

    assert_eq!(
        v.try_withdraw(&900),
        token_error(TokenError::InsufficientBalance)
    );
    assert_eq!(
        f.settlement.try_withdraw(&dev, &100),
        token_error(TokenError::InsufficientBalance)
    );
    assert_eq!(v.balance(), 900);
    assert_eq!(f.settlement.get_developer_balance(&dev), 100);
}

/// A look-alike that inflates `balance` by 50: the settlement admin's
/// `book_untracked` books 50 that do not exist into the pool, and
/// distributing them pays out USDC that backs a developer's balance, whose
/// full withdrawal then fails; the owner's `sweep` moves 50 of the owner's
/// own tracked USDC, leaving the vault's balance unbacked. A deflating
/// `balance` hides real untracked USDC (`NothingToSweep`, 126;
/// `NothingToBook`, 317).
#[test]
fn lying_balance_misleads_sweep_and_book_untracked() {
    let f = Fake::new();
    let w = &f.w;
    let dev = Address::generate(&w.env);
    let (owner, v) = f.vault(1_000);
    v.deduct(&w.backend, &300, &w.s("r1"), &Some(dev.clone()), &w.until());
    f.control.mint(&v.address, &20);
    f.control.mint(&f.settlement.address, &20);

    f.lie(inflated(-20));
    assert_eq!(v.try_sweep(&owner), Err(Ok(V::NothingToSweep)));
    assert_eq!(
        f.settlement.try_book_untracked(&w.admin),
        Err(Ok(S::NothingToBook))
    );

    f.lie(inflated(30));
    assert_eq!(f.settlement.book_untracked(&w.admin), 50);
    assert_eq!(f.settlement.get_global_pool().total_balance, 50);
    assert_eq!(f.control.held(&f.settlement.address), 320);
    f.settlement.distribute_pool(&w.admin, &w.admin, &50);
    assert_eq!(f.control.held(&f.settlement.address), 270);
    assert_eq!(
        f.settlement.try_withdraw(&dev, &300),
        token_error(TokenError::InsufficientBalance)
    );

    assert_eq!(v.sweep(&owner), 50);
    assert_eq!(v.balance(), 700, "booked");
    assert_eq!(f.control.held(&v.address), 670, "held");
    f.lie(honest());
    assert_eq!(
        v.try_withdraw(&700),
        token_error(TokenError::InsufficientBalance)
    );
}

mod impostor {
    use callora_types::types::{DeveloperBalance, GlobalPool};
    use soroban_sdk::{contract, contractimpl, contracttype, vec, Address, Env, Vec};

    #[contracttype]
    enum Key {
        Usdc,
        Successor,
        Claimant,
    }

    /// Not a settlement: it answers the views a successor reads with the
    /// real USDC's address and one invented balance of 1,000 for
    /// `claimant`, and names whichever successor it is told.
    #[contract]
    pub struct Impostor;

    #[contractimpl]
    impl Impostor {
        pub fn __constructor(env: Env, usdc: Address, claimant: Address) {
            env.storage().instance().set(&Key::Usdc, &usdc);
            env.storage().instance().set(&Key::Claimant, &claimant);
        }

        pub fn name_successor(env: Env, successor: Address) {
            env.storage().instance().set(&Key::Successor, &successor);
        }

        pub fn get_usdc_token(env: Env) -> Address {
            env.storage().instance().get(&Key::Usdc).unwrap()
        }

        pub fn get_successor(env: Env) -> Option<Address> {
            env.storage().instance().get(&Key::Successor)
        }

        pub fn get_developer_count(_env: Env) -> u32 {
            1
        }

        pub fn get_developer_balances(env: Env, start: u32, _limit: u32) -> Vec<DeveloperBalance> {
            if start > 0 {
                return Vec::new(&env);
            }
            let developer: Address = env.storage().instance().get(&Key::Claimant).unwrap();
            vec![
                &env,
                DeveloperBalance {
                    developer,
                    balance: 1_000,
                },
            ]
        }

        pub fn get_global_pool(_env: Env) -> GlobalPool {
            GlobalPool {
                total_balance: 0,
                last_updated: 0,
            }
        }
    }
}

/// A look-alike predecessor rather than a look-alike token: a contract that
/// claims the real USDC and invents a balance of 1,000. `set_predecessor`
/// cannot tell it from a settlement (it is the admin's choice), but
/// `import_balances` books only what the successor holds in real USDC:
/// with nothing held it is refused with `ImportNotBacked` (306) and books
/// nothing. USDC sent to the successor outside its calls would back the
/// invented balance, as it would back the admin's own `book_untracked` and
/// `distribute_pool`: no more than the admin can already move.
#[test]
fn import_from_an_impostor_predecessor_books_only_real_usdc() {
    let w = World::new();
    let claimant = Address::generate(&w.env);
    let id = w
        .env
        .register(impostor::Impostor, (w.usdc.clone(), claimant.clone()));
    let fake = impostor::ImpostorClient::new(&w.env, &id);
    w.settlement.set_predecessor(&w.admin, &id);
    fake.name_successor(&w.settlement.address);

    assert_eq!(
        w.settlement.try_import_balances(&w.admin, &50),
        Err(Ok(S::ImportNotBacked))
    );
    assert_eq!(w.settlement.get_import_cursor(), 0);
    assert_eq!(w.settlement.get_developer_balance(&claimant), 0);
    assert_eq!(w.settlement.get_developer_total(), 0);

    w.sac.mint(&w.settlement.address, &1_000);
    assert_eq!(w.settlement.import_balances(&w.admin, &50), 1);
    assert_eq!(w.settlement.get_developer_balance(&claimant), 1_000);
    w.assert_settlement_backed();
}
