//! An attacker's review of code version 3 on the built WASMs, and what
//! became of each finding.
//!
//! * Findings 1, 2 and 5 were fixed in the contracts: their tests replay the
//!   attack and assert the fixed behaviour, so a regression fails CI.
//! * Findings 3 and 4 are hazards of operator procedure, not of the code:
//!   one test shows what goes wrong when the procedure is not followed (the
//!   reason `docs/upgrade-playbook.md` and `docs/vault.md` say what they
//!   say), and one runs the documented safe procedure.
//! * The `refused_*` tests pin attacks that were tried and failed.
extern crate std;

use crate::{
    wasm::{settlement, v2, vault},
    world::{legacy_vault_args, vault_args, World},
};
use callora_types::ttl::{DAY_IN_LEDGERS, MAX_REQUEST_VALIDITY, REQUEST_ID_TTL};
use sha2::{Digest, Sha256};
use soroban_sdk::{
    testutils::{Address as _, Events as _, Ledger as _, MockAuth, MockAuthInvoke},
    xdr::{ContractEventBody, ContractExecutable, LedgerEntryData, LedgerKey, ScAddress, ScVal},
    Address, BytesN, Env, IntoVal, TryFromVal, Val, Vec,
};

use settlement::SettlementError as S;
use vault::VaultError as V;

fn advance(env: &Env, ledgers: u32) {
    env.ledger().with_mut(|l| {
        l.sequence_number += ledgers;
        l.timestamp += 5 * ledgers as u64;
    });
}

fn set_ledger(env: &Env, sequence: u32) {
    let now = env.ledger().sequence();
    assert!(sequence >= now);
    advance(env, sequence - now);
}

fn new_settlement(w: &World) -> settlement::Client<'static> {
    let id = w.env.register(
        settlement::WASM,
        (w.admin.clone(), w.usdc.clone(), None::<Address>),
    );
    settlement::Client::new(&w.env, &id)
}

/// `pool_amount` of every `balances_imported` event `settlement` emitted in
/// the last invocation.
fn imported_pool_amounts(env: &Env, settlement: &Address) -> std::vec::Vec<i128> {
    let mut out = std::vec::Vec::new();
    for event in env.events().all().filter_by_contract(settlement).events() {
        let ContractEventBody::V0(body) = &event.body;
        let name: ScVal =
            ScVal::try_from_val(env, &soroban_sdk::Symbol::new(env, "balances_imported")).unwrap();
        if body.topics.first() != Some(&name) {
            continue;
        }
        let ScVal::Map(Some(map)) = &body.data else {
            panic!("balances_imported data is not a map");
        };
        let key: ScVal =
            ScVal::try_from_val(env, &soroban_sdk::Symbol::new(env, "pool_amount")).unwrap();
        let value = &map.iter().find(|e| e.key == key).unwrap().val;
        let value = Val::try_from_val(env, value).unwrap();
        out.push(i128::try_from_val(env, &value).unwrap());
    }
    out
}

/// Finding 1 (MEDIUM), fixed. The backend key alone (the authorized caller
/// of any vault paying the old settlement) can credit one stroop to the
/// *successor's* address on the old settlement any time between the
/// successor's deployment and `retire`: the old settlement only refuses
/// itself and its own vaults as developers. The successor used to refuse
/// that entry (`InvalidRecipient`) on every retry, so its cursor never
/// passed it and every developer credited after it was never imported.
/// Now the successor books an entry it could never pay out (its own
/// address, a registered vault) into the pool: the import runs to the end,
/// every honest developer is credited, and the successor can retire later.
#[test]
fn redeploy_import_is_not_stalled_by_a_successor_credited_on_its_predecessor() {
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

    // Playbook steps 2–4, one entry per page.
    new.set_vault(&w.admin, &c.vault.address, &true);
    c.vault.set_settlement(&w.admin, &Some(new.address.clone()));
    assert_eq!(old.retire(&w.admin, &new.address), 441);
    assert_eq!(new.import_balances(&w.admin, &1), 1);
    assert_eq!(imported_pool_amounts(&w.env, &new.address), [40]);
    // The successor's own entry goes to the pool, and the event says so.
    assert_eq!(new.import_balances(&w.admin, &1), 1);
    assert_eq!(imported_pool_amounts(&w.env, &new.address), [1]);
    assert_eq!(new.get_developer_balance(&new.address), 0);
    assert_eq!(new.import_balances(&w.admin, &1), 1);
    assert_eq!(new.import_balances(&w.admin, &1), 0, "all imported");
    assert_eq!(new.get_import_cursor(), old.get_developer_count());

    // Every honest developer is credited and can withdraw.
    assert_eq!(new.get_developer_balance(&early), 100);
    assert_eq!(new.get_developer_balance(&late), 300);
    assert_eq!(new.get_global_pool().total_balance, 41);
    assert_eq!(new.get_developer_total(), 400);
    assert_eq!(w.balance(&new.address), 441);
    new.withdraw(&late, &300);
    assert_eq!(w.balance(&late), 300);
    // Nothing is left untracked, and the successor can be redeployed again.
    assert_eq!(new.try_book_untracked(&w.admin), Err(Ok(S::NothingToBook)));
    let next = new_settlement(&w);
    next.set_predecessor(&w.admin, &new.address);
    assert_eq!(new.retire(&w.admin, &next.address), 141);
}

/// Finding 2 (LOW), fixed. Variant of finding 1: a vault address credited
/// as a developer on the predecessor before it was registered there (the
/// backend names developers freely) used to stall the successor's import
/// as soon as the successor registered that vault, and the only way on was
/// to deregister a live vault. Now the entry is booked into the pool and
/// the vault stays registered and keeps paying.
#[test]
fn redeploy_import_is_not_stalled_by_a_vault_credited_as_developer() {
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
    let dev = Address::generate(&w.env);
    c.vault
        .deduct(&w.backend, &50, &w.s("d"), &Some(dev.clone()), &w.until());
    let new = new_settlement(&w);
    new.set_predecessor(&w.admin, &old.address);
    for v in [&c.vault, &later.vault] {
        new.set_vault(&w.admin, &v.address, &true);
        v.set_settlement(&w.admin, &Some(new.address.clone()));
    }
    old.retire(&w.admin, &new.address);
    assert_eq!(new.import_balances(&w.admin, &50), 2);
    assert_eq!(imported_pool_amounts(&w.env, &new.address), [1]);
    assert_eq!(new.import_balances(&w.admin, &50), 0);
    assert_eq!(new.get_developer_balance(&later.vault.address), 0);
    assert_eq!(new.get_developer_balance(&dev), 50);
    assert_eq!(new.get_global_pool().total_balance, 1);
    // The vault was never deregistered: its deducts keep working.
    assert!(new.is_vault(&later.vault.address));
    later
        .vault
        .deduct(&w.backend, &1, &w.s("y"), &None, &w.until());
    assert_eq!(new.get_global_pool().total_balance, 2);
    assert_eq!(
        w.balance(&new.address),
        new.get_global_pool().total_balance + new.get_developer_total()
    );
}

/// The WASM hash of a deployed contract instance, as `stellar contract info
/// hash --id` reads it from the ledger.
fn instance_wasm_hash(env: &Env, contract: &Address) -> [u8; 32] {
    let contract = ScAddress::from(contract);
    env.to_ledger_snapshot()
        .ledger_entries
        .iter()
        .find_map(|(k, (e, _))| match (k.as_ref(), &e.data) {
            (LedgerKey::ContractData(d), LedgerEntryData::ContractData(data))
                if d.contract == contract && d.key == ScVal::LedgerKeyContractInstance =>
            {
                match &data.val {
                    ScVal::ContractInstance(i) => match &i.executable {
                        ContractExecutable::Wasm(h) => Some(h.0),
                        _ => None,
                    },
                    _ => None,
                }
            }
            _ => None,
        })
        .expect("a contract instance with a WASM executable")
}

/// The released vault's WASM hash: the sha256 of the released file
/// (`./scripts/build.sh` prints it; `stellar contract info hash --wasm`).
fn released_vault_hash() -> [u8; 32] {
    Sha256::digest(vault::WASM).into()
}

/// The owner's checks of a freshly deployed vault before funding it
/// (`docs/upgrade-playbook.md`, "Vaults", step 3): the first one that fails.
fn owner_verifies(w: &World, id: &Address, owner: &Address) -> Result<(), &'static str> {
    if instance_wasm_hash(&w.env, id) != released_vault_hash() {
        return Err("WASM hash");
    }
    let v = vault::Client::new(&w.env, id);
    if v.get_meta().owner != *owner {
        return Err("get_meta owner");
    }
    if v.get_admin() != w.admin {
        return Err("get_admin");
    }
    if v.get_usdc_token() != w.usdc {
        return Err("get_usdc_token");
    }
    Ok(())
}

/// Finding 3 (MEDIUM, operator procedure), the hazard. The playbook's vault
/// redeploy used to ask the owner to `withdraw_to` the new vault's
/// *precomputed* address before the operator deployed it. Whoever holds the
/// operator's deployer key then chooses the constructor arguments — the
/// owner included — and takes the whole balance, although with both
/// operator keys stolen the owner was promised a loss of at most twice the
/// spend limit per period. The playbook now deploys first and funds last
/// (next test); this test documents why it must never pre-fund an address.
#[test]
fn prefunding_an_undeployed_vault_address_lets_the_deployer_choose_the_owner() {
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
    // The thief holds the operator key (`w.admin`) and runs the old
    // procedure: stop traffic, compute the address, ask the owner.
    c.vault.pause(&w.admin);
    c.vault.set_authorized_caller(&w.admin, &None);
    let salt = BytesN::from_array(&w.env, &[1; 32]);
    let deployer = w.env.deployer().with_address(w.admin.clone(), salt.clone());
    let new_address = deployer.deployed_address();
    // The owner moves its balance to the address nothing is deployed at.
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
    // Even the owner's checks cannot save it: the USDC is already gone.
    assert_eq!(owner_verifies(&w, &id, &c.owner), Err("get_meta owner"));
    vault::Client::new(&w.env, &id).withdraw(&10_000);
    assert_eq!(w.balance(&thief), 10_000, "100 times the daily limit");
    assert_eq!(w.balance(&c.owner), 0);
}

/// A contract deployed in place of the new vault that answers the owner's
/// view checks as the real one would, but runs code of its own.
mod lookalike {
    use soroban_sdk::{contract, contractimpl, contracttype, Address, Env};

    #[contracttype]
    enum Key {
        Owner,
        Admin,
        Usdc,
    }

    /// Same fields as the vault's `VaultMeta` (a struct is a map by field
    /// name on the wire, so the vault's client decodes it).
    #[contracttype]
    pub struct VaultMeta {
        pub owner: Address,
        pub balance: i128,
        pub authorized_caller: Option<Address>,
        pub min_deposit: i128,
    }

    #[contract]
    pub struct Lookalike;

    #[contractimpl]
    impl Lookalike {
        pub fn __constructor(env: Env, owner: Address, admin: Address, usdc: Address) {
            let s = env.storage().instance();
            s.set(&Key::Owner, &owner);
            s.set(&Key::Admin, &admin);
            s.set(&Key::Usdc, &usdc);
        }

        pub fn get_meta(env: Env) -> VaultMeta {
            VaultMeta {
                owner: env.storage().instance().get(&Key::Owner).unwrap(),
                balance: 0,
                authorized_caller: None,
                min_deposit: 1,
            }
        }

        pub fn get_admin(env: Env) -> Address {
            env.storage().instance().get(&Key::Admin).unwrap()
        }

        pub fn get_usdc_token(env: Env) -> Address {
            env.storage().instance().get(&Key::Usdc).unwrap()
        }

        pub fn get_successor(_env: Env) -> Option<Address> {
            None
        }
    }
}

/// Finding 3, the safe procedure the playbook now prescribes: the operator
/// deploys the new vault first, without an initial balance; the owner
/// verifies the instance (WASM hash against the released one, `get_meta`
/// owner, `get_admin`, `get_usdc_token`), sets its spend limit, and only
/// then withdraws from the old vault to itself and deposits into the new
/// one. Every deployment the deployer could have chosen instead fails one of
/// the checks, and the USDC never sits at an address the owner has not
/// verified.
#[test]
fn vault_redeploy_deploy_verify_then_withdraw_and_deposit() {
    let w = World::new();
    let c = w.consumer(10_000, true);
    c.vault.deposit(&c.owner, &10_000);
    let limit = vault::SpendLimit {
        amount: 100,
        period_ledgers: DAY_IN_LEDGERS,
    };
    c.vault.set_spend_limit(&c.owner, &Some(limit.clone()));
    // Step 1: stop traffic on the old vault.
    c.vault.pause(&w.admin);
    c.vault.set_authorized_caller(&w.admin, &None);

    // What a deployer holding the operator key could deploy instead.
    let thief = Address::generate(&w.env);
    let deploy = |owner: &Address, admin: &Address, usdc: &Address| {
        w.env.register(
            vault::WASM,
            vault_args(owner, admin, usdc, Some(&w.backend), Some(&w.pool.address)),
        )
    };
    let other_usdc = w
        .env
        .register_stellar_asset_contract_v2(Address::generate(&w.env))
        .address();
    let decoys = [
        (deploy(&thief, &w.admin, &w.usdc), "get_meta owner"),
        (deploy(&c.owner, &thief, &w.usdc), "get_admin"),
        (deploy(&c.owner, &w.admin, &other_usdc), "get_usdc_token"),
        (
            w.env.register(
                lookalike::Lookalike,
                (c.owner.clone(), w.admin.clone(), w.usdc.clone()),
            ),
            "WASM hash",
        ),
    ];
    for (id, check) in &decoys {
        assert_eq!(owner_verifies(&w, id, &c.owner), Err(*check));
    }
    // The lookalike passes every view check: only the hash catches it.
    let fake = vault::Client::new(&w.env, &decoys[3].0);
    assert_eq!(fake.get_meta().owner, c.owner);
    assert_eq!(fake.get_admin(), w.admin);
    assert_eq!(fake.get_usdc_token(), w.usdc);

    // Step 2: the operator deploys the new vault, no initial balance.
    let new_id = deploy(&c.owner, &w.admin, &w.usdc);
    let new = vault::Client::new(&w.env, &new_id);
    // Step 3: the owner verifies it, sets its limit, then moves the balance
    // through its own account.
    assert_eq!(owner_verifies(&w, &new_id, &c.owner), Ok(()));
    assert_eq!(new.balance(), 0);
    new.set_spend_limit(&c.owner, &Some(limit.clone()));
    assert_eq!(c.vault.withdraw(&10_000), 0);
    assert_eq!(w.balance(&c.owner), 10_000);
    assert_eq!(new.deposit(&c.owner, &10_000), 10_000);
    assert_eq!(w.balance(&new_id), 10_000);
    assert_eq!(w.balance(&c.vault.address), 0);
    assert_eq!(w.balance(&c.owner), 0);
    assert_eq!(new.get_spend_limit(), Some(limit));
    // Step 4: the operator restores routing; deducts work within the limit.
    w.settlement.set_vault(&w.admin, &new_id, &true);
    new.set_settlement(&w.admin, &Some(w.settlement.address.clone()));
    w.settlement.set_vault(&w.admin, &c.vault.address, &false);
    new.deduct(&w.backend, &100, &w.s("r1"), &None, &w.until());
    assert_eq!(
        new.try_deduct(&w.backend, &1, &w.s("r2"), &None, &w.until()),
        Err(Ok(V::SpendLimitExceeded))
    );
    assert_eq!(new.balance(), 9_900);
    w.assert_settlement_backed();
}

/// A code version 2 vault paying the revenue pool, its admin handed to the
/// operator (playbook step a).
fn v2_vault_handed_over(w: &World) -> (Address, v2::vault::Client<'static>) {
    let owner = Address::generate(&w.env);
    w.sac.mint(&owner, &1_000);
    let id = w.env.register(
        v2::vault::WASM,
        legacy_vault_args(&owner, &w.usdc, Some(&w.backend), Some(&w.pool.address)),
    );
    let old = v2::vault::Client::new(&w.env, &id);
    old.deposit(&owner, &1_000);
    old.set_admin(&owner, &w.admin, &(w.env.ledger().sequence() + 100));
    old.accept_admin(&w.admin);
    (owner, old)
}

/// Playbook step b: upgrade to the built vault and migrate.
fn upgrade_to_v3(w: &World, old: &v2::vault::Client<'static>) -> vault::Client<'static> {
    let hash = w.env.deployer().upload_contract_wasm(vault::WASM);
    old.upgrade(&w.admin, &hash);
    let v = vault::Client::new(&w.env, &old.address);
    v.migrate(&w.admin);
    v
}

/// Finding 4 (LOW, operator procedure), the hazard. A request charged under
/// code version 2 is recorded for a day from its charge, with no
/// `valid_until_ledger`. A backend that resends it after the upgrade in
/// the version 3 shape with a *fresh* `valid_until_ledger` — which may lie
/// up to 720 ledgers past the end of that day — gets `DuplicateRequest`
/// while the record lives; an identical resend after the record expired
/// (the retry protocol's step 2) charges a second time. The retry rules for
/// pre-upgrade requests (`docs/vault.md`) forbid exactly this: next test.
#[test]
fn resending_a_v2_request_past_its_record_with_a_fresh_validity_charges_twice() {
    let w = World::new();
    let (_, old) = v2_vault_handed_over(&w);
    // Under version 2: charged, but the backend saw a time-out.
    old.deduct(&w.backend, &10, &w.s("req-1"), &None);
    let charged_at = w.env.ledger().sequence();
    let v = upgrade_to_v3(&w, &old);
    // Near the end of the day, the backend resends in the new shape with a
    // fresh valid_until_ledger (against the rules) ...
    advance(&w.env, REQUEST_ID_TTL - 10);
    let until = w.until();
    assert!(
        until > charged_at + REQUEST_ID_TTL - 1,
        "past the rule's bound"
    );
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

/// Finding 4, the rules that close it (`docs/vault.md`, "Requests sent
/// before the upgrade"; `docs/upgrade-playbook.md`, step b): the backend is
/// held across the upgrade, so no version 2 call lands after it; every
/// request with an unknown outcome is reconciled with `is_request_processed`
/// while its version 2 record would still be kept (within a day of its
/// first send `s`); a resend of a pre-upgrade request uses
/// `valid_until_ledger` ≤ `s + 17,279`, and after that ledger the id is
/// never sent again. Every resend is then refused or charges once.
#[test]
fn pre_upgrade_requests_reconciled_within_a_day_are_charged_once() {
    let w = World::new();
    let (_, old) = v2_vault_handed_over(&w);
    // req-1 is charged under version 2; req-2 is sent in the same ledger
    // but never lands. The backend saw a time-out for both.
    let first_send = w.env.ledger().sequence();
    old.deduct(&w.backend, &10, &w.s("req-1"), &None);
    let bound = first_send + REQUEST_ID_TTL - 1;
    // The backend is held; upgrade and migrate.
    advance(&w.env, 50);
    let v = upgrade_to_v3(&w, &old);
    // A version 2 call can no longer land (wrong number of arguments).
    assert!(old
        .try_deduct(&w.backend, &10, &w.s("req-2"), &None)
        .is_err());

    // Reconciliation, within the day: definitive, because no version 2 send
    // can land any more and a charge is still recorded.
    assert!(v.is_request_processed(&w.s("req-1")), "charged: done");
    assert!(!v.is_request_processed(&w.s("req-2")), "never charged");
    // req-2 was never charged: the backend charges it, its valid_until
    // within the bound, and resends it identically as the protocol says.
    let until2 = (w.env.ledger().sequence() + 60).min(bound);
    v.deduct(&w.backend, &10, &w.s("req-2"), &None, &until2);
    advance(&w.env, 5);
    assert_eq!(
        v.try_deduct(&w.backend, &10, &w.s("req-2"), &None, &until2),
        Err(Ok(V::DuplicateRequest))
    );

    // Even a backend that resends req-1 late in the day, as the rule
    // allows, is refused at every ledger: its validity ends while the
    // version 2 record still lives.
    set_ledger(&w.env, bound - 30);
    let until1 = (w.env.ledger().sequence() + 60).min(bound);
    assert_eq!(until1, bound);
    assert!(until1 <= w.env.ledger().sequence() + MAX_REQUEST_VALIDITY);
    for ledger in [
        bound - 30,
        bound - 1,
        bound,
        bound + 1,
        bound + 2,
        bound + 720,
    ] {
        set_ledger(&w.env, ledger);
        let r = v.try_deduct(&w.backend, &10, &w.s("req-1"), &None, &until1);
        assert!(
            r == Err(Ok(V::DuplicateRequest)) || r == Err(Ok(V::RequestExpired)),
            "ledger {ledger}: {r:?}"
        );
    }
    // The version 2 record is gone now: the rule forbids any further send
    // of req-1, and `is_request_processed` no longer answers for it.
    assert!(!v.is_request_processed(&w.s("req-1")));
    assert_eq!(v.balance(), 980, "each API call charged once");
    assert_eq!(w.balance(&w.pool.address), 20);
}

/// A version 2 batch recorded each item's id; version 3 records a batch
/// under its batch id only. So a pre-upgrade batch in doubt is resent as
/// version 3 deducts under its items' ids (each meets its own record:
/// `DuplicateRequest`), never as a version 3 batch, whose fresh batch id
/// meets no record and charges the calls again (`docs/vault.md`, the rules
/// for requests sent before the upgrade).
#[test]
fn a_pre_upgrade_batch_is_resent_as_deducts_never_as_a_v3_batch() {
    let w = World::new();
    let (_, old) = v2_vault_handed_over(&w);
    let items = soroban_sdk::vec![
        &w.env,
        v2::vault::DeductItem {
            amount: 10,
            request_id: w.s("b-1"),
            developer: None,
        },
        v2::vault::DeductItem {
            amount: 20,
            request_id: w.s("b-2"),
            developer: None,
        },
    ];
    old.batch_deduct(&w.backend, &items);
    advance(&w.env, 50);
    let v = upgrade_to_v3(&w, &old);
    let balance = v.balance();
    // The safe resend: each item as a deduct under its own id.
    let until = w.until();
    for (amount, id) in [(10, "b-1"), (20, "b-2")] {
        assert!(v.is_request_processed(&w.s(id)));
        assert_eq!(
            v.try_deduct(&w.backend, &amount, &w.s(id), &None, &until),
            Err(Ok(V::DuplicateRequest))
        );
    }
    assert_eq!(v.balance(), balance, "nothing charged twice");
    // The hazard the rule forbids: the same calls as a version 3 batch.
    let calls = crate::world::columns(&w.env, &[(10, "b-1", None), (20, "b-2", None)]);
    v.batch_deduct(&w.backend, &w.s("resent-batch"), &calls, &until);
    assert_eq!(v.balance(), balance - 30, "charged a second time");
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

/// The last invocation's resource use against mainnet's limits: the event
/// bytes it emitted and the limits it exceeded (the test host enforces them
/// unless disabled; here they are disabled to measure, then compared).
fn mainnet_usage(env: &Env) -> (i64, std::vec::Vec<std::string::String>) {
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
    (r.contract_events_size_bytes as i64, out)
}

/// A funded vault on the settlement and the largest batch it may accept:
/// 100 items with 64-byte request ids crediting `developers` developers
/// never credited before, and the pool too when `pool`.
fn max_batch(
    w: &World,
    developers: u32,
    pool: bool,
) -> (crate::world::Consumer, Vec<crate::world::Item>) {
    let c = w.consumer(10_000, true);
    c.vault.deposit(&c.owner, &10_000);
    let devs: std::vec::Vec<Address> = (0..developers).map(|_| Address::generate(&w.env)).collect();
    let slots = developers + pool as u32;
    let mut items = Vec::new(&w.env);
    for i in 0..100u32 {
        let slot = i % slots;
        items.push_back(crate::world::Item {
            amount: 1,
            request_id: w.s(&std::format!("{i:0>64}")),
            developer: devs.get(slot as usize).cloned(),
        });
    }
    (c, items)
}

/// Finding 5 (LOW), fixed. With `MAX_BATCH_DEVELOPERS` = 20, a batch the
/// contract accepted — 100 items with 64-byte request ids crediting 20 new
/// developers — emitted 16,520 event bytes, over mainnet's 16,384: the
/// backend got a failed transaction instead of a typed refusal. With 10,
/// the largest batch fits every mainnet limit, measured, and also runs with
/// the limits enforced (the test host's default).
#[test]
fn max_batch_fits_mainnet_limits_with_10_developers_and_64_byte_ids() {
    for pool in [false, true] {
        let w = World::new();
        let (c, items) = max_batch(&w, 10, pool);
        w.env.cost_estimate().disable_resource_limits();
        assert_eq!(
            c.vault.batch_deduct(
                &w.backend,
                &soroban_sdk::String::from_str(&w.env, "attack-batch-1"),
                &crate::world::columns_of(&w.env, &items),
                &w.until()
            ),
            9_900
        );
        let (event_bytes, exceeded) = mainnet_usage(&w.env);
        std::println!("10 developers, pool {pool}: {event_bytes} event bytes");
        assert!(event_bytes <= 16_384, "{event_bytes}");
        assert!(exceeded.is_empty(), "{exceeded:?}");

        let w = World::new();
        let (c, items) = max_batch(&w, 10, pool);
        assert_eq!(
            c.vault.batch_deduct(
                &w.backend,
                &soroban_sdk::String::from_str(&w.env, "attack-batch-2"),
                &crate::world::columns_of(&w.env, &items),
                &w.until()
            ),
            9_900
        );
        w.assert_settlement_backed();
    }
}

/// Finding 5: one developer more is a typed refusal, and nothing moves.
#[test]
fn max_batch_with_11_developers_is_refused_with_too_many_developers() {
    let w = World::new();
    let (c, items) = max_batch(&w, 11, false);
    assert_eq!(
        c.vault.try_batch_deduct(
            &w.backend,
            &soroban_sdk::String::from_str(&w.env, "attack-batch-3"),
            &crate::world::columns_of(&w.env, &items),
            &w.until()
        ),
        Err(Ok(V::TooManyDevelopers))
    );
    assert_eq!(V::TooManyDevelopers as u32, 125);
    assert_eq!(c.vault.balance(), 10_000);
    assert_eq!(w.balance(&c.vault.address), 10_000);
    assert_eq!(w.settlement.get_developer_count(), 0);
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

        pub fn get_successor(_env: Env) -> Option<Address> {
            None
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
