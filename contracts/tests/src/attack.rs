//! An attacker's review of code version 3 on the built WASMs.
//!
//! Each `attack_*` test replays one way found to lock or misdirect USDC, or
//! to break a documented guarantee, and asserts the bad outcome: it passes
//! while the weakness is there and documents it. The `refused_*` tests pin
//! attacks that were tried and failed, so a regression that opens them
//! fails CI.
extern crate std;

use crate::{
    wasm::{settlement, v2, vault},
    world::{legacy_vault_args, World},
};
use callora_types::ttl::{DAY_IN_LEDGERS, REQUEST_ID_TTL};
use soroban_sdk::{
    testutils::{Address as _, Ledger as _, MockAuth, MockAuthInvoke},
    Address, BytesN, Env, IntoVal, Vec,
};

use settlement::SettlementError as S;
use vault::VaultError as V;

fn advance(env: &Env, ledgers: u32) {
    env.ledger().with_mut(|l| {
        l.sequence_number += ledgers;
        l.timestamp += 5 * ledgers as u64;
    });
}

fn new_settlement(w: &World) -> settlement::Client<'static> {
    let id = w.env.register(
        settlement::WASM,
        (w.admin.clone(), w.usdc.clone(), None::<Address>),
    );
    settlement::Client::new(&w.env, &id)
}

/// MEDIUM. The backend key alone (the authorized caller of any vault paying
/// the old settlement) credits one stroop to the *successor's* address on
/// the old settlement, any time between the successor's deployment and
/// `retire`. The old settlement accepts it (it only refuses itself and its
/// own vaults as developers); the successor refuses to credit itself, so the
/// page holding that entry fails `import_balances` with `InvalidRecipient`
/// on every retry and the cursor can never pass it. Every developer credited
/// after the attacker is never imported: their USDC sits in the successor,
/// unbooked and unwithdrawable, and the successor can never `retire` or
/// `book_untracked` (`ImportPending`) — until the admin ships new code.
#[test]
fn attack_successor_credited_on_predecessor_locks_the_import() {
    let w = World::new();
    let old = &w.settlement;
    let c = w.consumer(10_000, true);
    c.vault.deposit(&c.owner, &10_000);
    let early = Address::generate(&w.env);
    let late = Address::generate(&w.env);

    // Index 0: an honest developer, and 40 into the pool.
    c.vault.deduct(
        &w.backend,
        &100,
        &w.s("a"),
        &Some(early.clone()),
        &w.until(),
    );
    c.vault
        .deduct(&w.backend, &40, &w.s("p"), &None, &w.until());
    // The operator deploys the successor and names the predecessor
    // (playbook step 1); its address is public from here on.
    let new = new_settlement(&w);
    new.set_predecessor(&w.admin, &old.address);
    // The attack: one stroop credited to the successor's address (index 1).
    c.vault.deduct(
        &w.backend,
        &1,
        &w.s("x"),
        &Some(new.address.clone()),
        &w.until(),
    );
    // Index 2: a developer first credited after the attack.
    c.vault
        .deduct(&w.backend, &300, &w.s("b"), &Some(late.clone()), &w.until());
    assert_eq!(old.get_developer_count(), 3);

    // Playbook steps 2–4.
    new.set_vault(&w.admin, &c.vault.address, &true);
    c.vault.set_settlement(&w.admin, &Some(new.address.clone()));
    assert_eq!(old.retire(&w.admin, &new.address), 441);
    assert_eq!(new.import_balances(&w.admin, &1), 1);
    for limit in [1u32, 2, 50] {
        assert_eq!(
            new.try_import_balances(&w.admin, &limit),
            Err(Ok(S::InvalidRecipient)),
            "every retry of the page fails"
        );
    }
    assert_eq!(
        new.get_import_cursor(),
        1,
        "the cursor never passes index 1"
    );
    // The late developer's 300 are held but never credited.
    assert_eq!(w.balance(&new.address), 441);
    assert_eq!(new.get_developer_balance(&early), 100);
    assert_eq!(new.get_developer_balance(&late), 0);
    assert_eq!(
        new.try_withdraw(&late, &300),
        Err(Ok(S::InsufficientBalance))
    );
    assert_eq!(
        old.try_withdraw(&late, &300),
        Err(Ok(S::Retired)),
        "nor from the retired one"
    );
    // No admin lever moves it: untracked booking and a further redeploy are
    // refused for good, and the successor cannot be "unregistered" as
    // itself.
    assert_eq!(new.try_book_untracked(&w.admin), Err(Ok(S::ImportPending)));
    let next = new_settlement(&w);
    next.set_predecessor(&w.admin, &new.address);
    assert_eq!(
        new.try_retire(&w.admin, &next.address),
        Err(Ok(S::ImportPending))
    );
    assert_eq!(
        new.try_set_vault(&w.admin, &new.address, &false),
        Err(Ok(S::InvalidRecipient))
    );
}

/// MEDIUM (operator procedure). The vault redeploy of the playbook asks the
/// owner to `withdraw_to` the new vault's *precomputed* address before the
/// operator deploys it. Whoever holds the operator's deployer key then
/// chooses the constructor arguments — the owner included — and takes the
/// whole balance. With both operator keys stolen the owner was promised a
/// loss of at most twice the spend limit per period.
#[test]
fn attack_vault_redeploy_lets_the_deployer_name_itself_owner() {
    let w = World::new();
    let c = w.consumer(10_000, false);
    c.vault.deposit(&c.owner, &10_000);
    c.vault.set_spend_limit(
        &c.owner,
        &Some(vault::SpendLimit {
            amount: 100,
            period_ledgers: DAY_IN_LEDGERS,
        }),
    );
    // The thief holds the operator key (`w.admin`) and runs the playbook's
    // "Vaults" section: stop traffic, compute the address, ask the owner.
    c.vault.pause(&w.admin);
    c.vault.set_authorized_caller(&w.admin, &None);
    let salt = BytesN::from_array(&w.env, &[1; 32]);
    let deployer = w.env.deployer().with_address(w.admin.clone(), salt.clone());
    let new_address = deployer.deployed_address();
    // The owner moves its balance there, as step 2 says.
    c.vault.withdraw_to(&new_address, &10_000);
    // The thief deploys with an owner of its own (and itself as admin).
    let thief = Address::generate(&w.env);
    let hash = w.env.deployer().upload_contract_wasm(vault::WASM);
    #[allow(deprecated)]
    let id = w
        .env
        .deployer()
        .with_address(w.admin.clone(), salt)
        .deploy_v2(
            hash,
            (
                thief.clone(),
                w.admin.clone(),
                w.usdc.clone(),
                Some(10_000i128),
                None::<Address>,
                None::<i128>,
                None::<Address>,
                None::<i128>,
            ),
        );
    assert_eq!(id, new_address);
    vault::Client::new(&w.env, &id).withdraw(&10_000);
    assert_eq!(w.balance(&thief), 10_000, "50 times the daily limit");
    assert_eq!(w.balance(&c.owner), 0);
}

/// LOW. The playbook (From code version 2 to 3, step b) lets the backend
/// resend a request charged under version 2 "in the new shape under the
/// same request id within a day". The new shape needs a fresh
/// `valid_until_ledger`, which may lie up to 720 ledgers after the
/// version 2 id expires: a resend near the end of the day that times out,
/// resent identically (the retry protocol's step 2), charges a second time.
#[test]
fn attack_request_charged_under_v2_is_charged_again_after_upgrade() {
    let w = World::new();
    let owner = Address::generate(&w.env);
    w.sac.mint(&owner, &1_000);
    let id = w.env.register(
        v2::vault::WASM,
        legacy_vault_args(&owner, &w.usdc, Some(&w.backend), Some(&w.pool.address)),
    );
    let old = v2::vault::Client::new(&w.env, &id);
    old.deposit(&owner, &1_000);
    // Playbook step a: the owner hands the admin to the operator.
    old.set_admin(&owner, &w.admin, &(w.env.ledger().sequence() + 100));
    old.accept_admin(&w.admin);
    // Under version 2: charged, but the backend saw a time-out.
    old.deduct(&w.backend, &10, &w.s("req-1"), &None);
    let charged_at = w.env.ledger().sequence();
    // Step b: upgrade and migrate.
    let hash = w.env.deployer().upload_contract_wasm(vault::WASM);
    old.upgrade(&w.admin, &hash);
    let v = vault::Client::new(&w.env, &id);
    v.migrate(&w.admin);
    // Within the day, the backend resends in the new shape ...
    advance(&w.env, REQUEST_ID_TTL - 10);
    let until = w.until();
    assert_eq!(
        v.try_deduct(&w.backend, &10, &w.s("req-1"), &None, &until),
        Err(Ok(V::DuplicateRequest))
    );
    // ... gets no answer (RPC time-out) and resends the identical call.
    advance(&w.env, 20);
    assert!(w.env.ledger().sequence() <= until);
    assert!(w.env.ledger().sequence() > charged_at + REQUEST_ID_TTL);
    v.deduct(&w.backend, &10, &w.s("req-1"), &None, &until);
    assert_eq!(v.balance(), 980, "one API call charged twice");
    assert_eq!(w.balance(&w.pool.address), 20);
}

/// Mainnet's per-transaction limits, as soroban-sdk 28's
/// `InvocationResourceLimits::mainnet()` (not exported) has them.
struct Limits {
    instructions: i64,
    mem_bytes: i64,
    disk_read_entries: u32,
    write_entries: u32,
    ledger_entries: u32,
    write_bytes: u32,
    contract_events_size_bytes: u32,
}
const MAINNET: Limits = Limits {
    instructions: 400_000_000,
    mem_bytes: 41_943_040,
    disk_read_entries: 200,
    write_entries: 200,
    ledger_entries: 400,
    write_bytes: 132_096,
    contract_events_size_bytes: 16_384,
};

/// The mainnet limits the last invocation exceeded (the test host enforces
/// them unless disabled; here they are disabled to measure, then compared).
fn exceeded_mainnet_limits(env: &Env) -> std::vec::Vec<std::string::String> {
    let r = env.cost_estimate().resources();
    let m = &MAINNET;
    let mut out = std::vec::Vec::new();
    let checks: [(&str, i64, i64); 7] = [
        ("instructions", r.instructions, m.instructions),
        ("memory bytes", r.mem_bytes, m.mem_bytes),
        (
            "write entries",
            r.write_entries as i64,
            m.write_entries as i64,
        ),
        (
            "ledger entries",
            (r.disk_read_entries + r.memory_read_entries + r.write_entries) as i64,
            m.ledger_entries as i64,
        ),
        ("write bytes", r.write_bytes as i64, m.write_bytes as i64),
        (
            "event bytes",
            r.contract_events_size_bytes as i64,
            m.contract_events_size_bytes as i64,
        ),
        (
            "disk read entries",
            r.disk_read_entries as i64,
            m.disk_read_entries as i64,
        ),
    ];
    for (name, used, limit) in checks {
        std::println!("{name}: {used} / {limit}");
        if used > limit {
            out.push(std::format!("{name} {used} > {limit}"));
        }
    }
    out
}

/// LOW (documented guarantee). `batch_deduct` documents 100 items and 20
/// distinct developers as "proven to fit mainnet limits", and invariant 7
/// promises no out-of-budget batch. A batch the contract accepts — 100
/// items with 64-byte request ids crediting 20 new developers through the
/// settlement — exceeds mainnet's per-transaction limits: the backend gets
/// a failed transaction (fee spent, no typed error) instead of a refusal.
/// A funded vault on the settlement and the worst batch it accepts: 100
/// items, 64-byte request ids, 20 distinct developers.
fn max_batch(w: &World) -> (crate::world::Consumer, Vec<vault::DeductItem>) {
    let c = w.consumer(10_000, true);
    c.vault.deposit(&c.owner, &10_000);
    let devs: std::vec::Vec<Address> = (0..20).map(|_| Address::generate(&w.env)).collect();
    let mut items = Vec::new(&w.env);
    for i in 0..100u32 {
        items.push_back(vault::DeductItem {
            amount: 1,
            request_id: w.s(&std::format!("{i:0>64}")),
            developer: Some(devs[(i % 20) as usize].clone()),
        });
    }
    (c, items)
}

#[test]
fn attack_documented_maximum_batch_exceeds_mainnet_limits() {
    // Measured without the host's limit check: accepted by the contract,
    // over mainnet's 16 KiB of contract events.
    let w = World::new();
    let (c, items) = max_batch(&w);
    w.env.cost_estimate().disable_resource_limits();
    assert_eq!(c.vault.batch_deduct(&w.backend, &items, &w.until()), 9_900);
    let exceeded = exceeded_mainnet_limits(&w.env);
    std::println!("exceeded: {exceeded:?}");
    assert!(
        exceeded.iter().any(|e| e.starts_with("event bytes")),
        "{exceeded:?}"
    );
    // With mainnet limits enforced (the test host's default) the same batch
    // aborts the transaction instead of returning a typed error.
    let w = World::new();
    let (c, items) = max_batch(&w);
    let until = w.until();
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        c.vault.try_batch_deduct(&w.backend, &items, &until)
    }));
    assert!(run.is_err(), "not a typed refusal: the host aborts");
}

/// LOW. Variant of the import lock: a vault address credited as a
/// developer on the predecessor before it was registered there (the backend
/// names developers freely) stalls the successor's import as soon as the
/// successor registers that vault (playbook step 2). Unlike the successor's
/// own address this can be undone, but only by deregistering a live vault,
/// which stops its deducts for the duration.
#[test]
fn attack_vault_credited_as_developer_stalls_the_import() {
    let w = World::new();
    let old = &w.settlement;
    let c = w.consumer(10_000, true);
    c.vault.deposit(&c.owner, &10_000);
    // A consumer onboarded later: its vault is deployed, not yet registered.
    let later = w.consumer(1_000, false);
    later.vault.deposit(&later.owner, &1_000);
    c.vault.deduct(
        &w.backend,
        &1,
        &w.s("x"),
        &Some(later.vault.address.clone()),
        &w.until(),
    );
    let new = new_settlement(&w);
    new.set_predecessor(&w.admin, &old.address);
    for v in [&c.vault, &later.vault] {
        new.set_vault(&w.admin, &v.address, &true);
        v.set_settlement(&w.admin, &Some(new.address.clone()));
    }
    old.retire(&w.admin, &new.address);
    assert_eq!(
        new.try_import_balances(&w.admin, &50),
        Err(Ok(S::InvalidRecipient))
    );
    // The only way on: deregister the live vault, whose deducts then fail.
    new.set_vault(&w.admin, &later.vault.address, &false);
    assert!(later
        .vault
        .try_deduct(&w.backend, &1, &w.s("y"), &None, &w.until())
        .is_err());
    assert_eq!(new.import_balances(&w.admin, &50), 1);
    new.set_vault(&w.admin, &later.vault.address, &true);
    // And the credit can never be withdrawn (a vault never calls withdraw).
    assert_eq!(new.get_developer_balance(&later.vault.address), 1);
}

/// A settlement the stolen admin key points a vault at, trying to take
/// more than the one transfer the vault authorizes for each payment.
mod hostile {
    use soroban_sdk::{contract, contractimpl, contracttype, token, Address, Env, Vec};

    #[contracttype]
    enum Key {
        Usdc,
        Thief,
        Log,
    }

    #[contract]
    pub struct Greedy;

    fn log(env: &Env, ok: bool) {
        let mut l: Vec<bool> = env
            .storage()
            .instance()
            .get(&Key::Log)
            .unwrap_or(Vec::new(env));
        l.push_back(ok);
        env.storage().instance().set(&Key::Log, &l);
    }

    fn usdc(env: &Env) -> token::TokenClient<'_> {
        let a: Address = env.storage().instance().get(&Key::Usdc).unwrap();
        token::TokenClient::new(env, &a)
    }

    /// Every way to take more than `amount` from `vault`, then the one
    /// authorized transfer, then it again.
    fn grab(env: &Env, vault: &Address, amount: i128) {
        let t = usdc(env);
        let me = env.current_contract_address();
        let thief: Address = env.storage().instance().get(&Key::Thief).unwrap();
        log(env, t.try_transfer(vault, &thief, &amount).is_ok());
        log(env, t.try_transfer(vault, &me, &(amount + 1)).is_ok());
        log(env, t.try_approve(vault, &me, &i128::MAX, &10_000).is_ok());
        log(env, t.try_transfer(vault, &me, &amount).is_ok());
        log(env, t.try_transfer(vault, &me, &amount).is_ok());
    }

    #[contractimpl]
    impl Greedy {
        pub fn __constructor(env: Env, usdc: Address, thief: Address) {
            env.storage().instance().set(&Key::Usdc, &usdc);
            env.storage().instance().set(&Key::Thief, &thief);
        }

        pub fn get_usdc_token(env: Env) -> Address {
            env.storage().instance().get(&Key::Usdc).unwrap()
        }

        pub fn receive_payment(
            env: Env,
            caller: Address,
            amount: i128,
            _to_pool: bool,
            _developer: Option<Address>,
        ) {
            grab(&env, &caller, amount);
        }

        pub fn receive_payments(
            env: Env,
            caller: Address,
            pool_amount: i128,
            credits: Vec<callora_types::types::Payment>,
        ) {
            let mut total = pool_amount;
            for c in credits.iter() {
                total += c.amount;
            }
            grab(&env, &caller, total);
        }

        pub fn log(env: Env) -> Vec<bool> {
            env.storage()
                .instance()
                .get(&Key::Log)
                .unwrap_or(Vec::new(&env))
        }
    }
}

/// Tried and refused: a hostile settlement (stolen admin key) cannot use
/// the vault's authorization for more than the one exact transfer of each
/// deduct — not to another recipient, not more, not twice, not as an
/// allowance — so the spend limit still bounds what it gets. Only the
/// backend's signature is mocked; the vault's own authorization is real.
#[test]
fn refused_hostile_settlement_takes_only_the_authorized_transfer() {
    let w = World::new();
    let thief = Address::generate(&w.env);
    let c = w.consumer(1_000, false);
    c.vault.deposit(&c.owner, &1_000);
    let greedy = w
        .env
        .register(hostile::Greedy, (w.usdc.clone(), thief.clone()));
    c.vault.set_settlement(&w.admin, &Some(greedy.clone()));
    let h = hostile::GreedyClient::new(&w.env, &greedy);
    assert_eq!(h.log().len(), 0);

    let until = w.until();
    let args = (
        w.backend.clone(),
        100i128,
        w.s("r1"),
        None::<Address>,
        until,
    );
    w.env.mock_auths(&[MockAuth {
        address: &w.backend,
        invoke: &MockAuthInvoke {
            contract: &c.vault.address,
            fn_name: "deduct",
            args: args.into_val(&w.env),
            sub_invokes: &[],
        },
    }]);
    c.vault.deduct(&w.backend, &100, &w.s("r1"), &None, &until);
    assert_eq!(
        h.log(),
        Vec::from_array(&w.env, [false, false, false, true, false])
    );
    assert_eq!(w.balance(&thief), 0);
    assert_eq!(w.balance(&greedy), 100);
    assert_eq!(w.balance(&c.vault.address), 900);
    assert_eq!(c.vault.balance(), 900);
}
