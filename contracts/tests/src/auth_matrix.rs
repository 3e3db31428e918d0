//! The auth matrix: every state-changing entry point of the three built
//! contracts × every role. Each cell runs in a fresh deployment; only the
//! acting role signs (its exact invocation, plus the USDC transfer it must
//! authorize, is mocked). Exactly the permitted roles succeed, with
//! `env.auths()` showing that role's signature on that call; every other
//! role gets the documented error and leaves every view and every USDC
//! balance unchanged.
extern crate std;

use crate::{
    wasm::{revenue_pool, settlement, v1, vault},
    world::{force_schema, legacy_vault_args, refused_for_auth, vault_args, World},
};
use soroban_sdk::{
    testutils::{Address as _, AuthorizedFunction, MockAuth, MockAuthInvoke},
    vec, Address, Error, IntoVal, Symbol, Val, Vec,
};
use std::{format, string::String, vec::Vec as StdVec};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Owner,
    Admin,
    PendingAdmin,
    AuthorizedCaller,
    Depositor,
    RegisteredVault,
    Developer,
    Stranger,
}

const ROLES: [Role; 8] = [
    Role::Owner,
    Role::Admin,
    Role::PendingAdmin,
    Role::AuthorizedCaller,
    Role::Depositor,
    Role::RegisteredVault,
    Role::Developer,
    Role::Stranger,
];

struct M {
    w: World,
    vault: vault::Client<'static>,
    owner: Address,
    pending: Address,
    depositor: Address,
    registered: Address,
    developer: Address,
    stranger: Address,
    wasm_hash: [soroban_sdk::BytesN<32>; 3],
}

impl M {
    fn addr(&self, r: Role) -> Address {
        match r {
            Role::Owner => self.owner.clone(),
            Role::Admin => self.w.admin.clone(),
            Role::PendingAdmin => self.pending.clone(),
            Role::AuthorizedCaller => self.w.backend.clone(),
            Role::Depositor => self.depositor.clone(),
            Role::RegisteredVault => self.registered.clone(),
            Role::Developer => self.developer.clone(),
            Role::Stranger => self.stranger.clone(),
        }
    }

    /// Every view and USDC balance a denied call must leave unchanged.
    fn fingerprint(&self) -> String {
        let (w, v, s, p) = (&self.w, &self.vault, &self.w.settlement, &self.w.pool);
        let people: StdVec<i128> = ROLES.iter().map(|r| w.balance(&self.addr(*r))).collect();
        format!(
            "{:?} {:?} {:?} {:?} {:?} {} {} {} {:?} {:?} {:?} | {:?} {:?} {} {} {:?} {:?} {:?} {} | {:?} {:?} {} | usdc {:?} {} {} {}",
            v.get_meta(), v.get_admin(), v.get_pending_admin(), v.get_settlement(),
            v.get_revenue_pool(), v.get_max_deduct(), v.get_max_batch(), v.is_paused(),
            v.get_metadata(&w.s("offer")), v.is_allowed_depositor(&self.stranger), v.schema_version(),
            s.get_admin(), s.get_pending_admin(), s.get_developer_total(), s.get_developer_count(),
            s.get_global_pool(), s.get_successor(), s.is_vault(&self.stranger), s.schema_version(),
            p.get_admin(), p.get_pending_admin(), p.schema_version(),
            people, w.balance(&v.address), w.balance(&s.address), w.balance(&p.address),
        )
    }
}

/// A deployment where every role is a distinct address. With
/// `migration_pending`, each contract has a migration to run (the vault is
/// code version 1 upgraded in place; the others' schema is reset to 0).
fn deployment(migration_pending: bool) -> M {
    let w = World::new();
    let env = &w.env;
    let owner = Address::generate(env);
    w.sac.mint(&owner, &100_000);
    let code = if migration_pending {
        v1::vault::WASM
    } else {
        vault::WASM
    };
    let id = if migration_pending {
        env.register(
            code,
            legacy_vault_args(&owner, &w.usdc, Some(&w.backend), Some(&w.pool.address)),
        )
    } else {
        env.register(
            code,
            vault_args(
                &owner,
                &w.admin,
                &w.usdc,
                Some(&w.backend),
                Some(&w.pool.address),
            ),
        )
    };
    let vault = vault::Client::new(env, &id);
    let hashes = [
        env.deployer().upload_contract_wasm(vault::WASM),
        env.deployer().upload_contract_wasm(settlement::WASM),
        env.deployer().upload_contract_wasm(revenue_pool::WASM),
    ];
    let seq = env.ledger().sequence();
    // The vault's admin is handed from the owner to the shared admin.
    vault.set_admin(&owner, &w.admin, &(seq + 1_000));
    vault.accept_admin(&w.admin);
    w.settlement.set_vault(&w.admin, &id, &true);
    vault.set_settlement(&w.admin, &Some(w.settlement.address.clone()));
    let (pending, depositor, registered, developer, stranger) = (
        Address::generate(env),
        Address::generate(env),
        Address::generate(env),
        Address::generate(env),
        Address::generate(env),
    );
    w.sac.mint(&depositor, &10_000);
    vault.set_allowed_depositor(&owner, &depositor, &true);
    vault.deposit(&owner, &10_000);
    vault.deduct(
        &w.backend,
        &500,
        &w.s("seed-dev"),
        &Some(developer.clone()),
        &w.until(),
    );
    vault.deduct(&w.backend, &100, &w.s("seed-pool"), &None, &w.until());
    w.settlement.set_vault(&w.admin, &registered, &true);
    w.sac.mint(&registered, &10_000);
    w.sac.mint(&w.pool.address, &10_000);
    let until = seq + 1_000;
    vault.set_admin(&w.admin, &pending, &until);
    w.settlement.set_admin(&w.admin, &pending, &until);
    w.pool.set_admin(&w.admin, &pending, &until);
    if migration_pending {
        vault.upgrade(&w.admin, &hashes[0]);
        for id in [&w.settlement.address, &w.pool.address] {
            force_schema(env, id, 0);
        }
    }
    M {
        vault,
        owner,
        pending,
        depositor,
        registered,
        developer,
        stranger,
        wasm_hash: hashes,
        w,
    }
}

#[derive(Clone, Copy, Debug)]
enum Denied {
    /// `Error(Contract, #code)`.
    Code(u32),
    /// The host refuses a missing signature (entry points that authorize a
    /// stored address rather than a `caller` argument).
    Auth,
}

#[derive(Clone, Copy)]
enum Target {
    Vault,
    Settlement,
    Pool,
}

/// The USDC transfer an actor must also authorize: (from, to, amount).
type Transfer = fn(&M, &Address) -> (Address, Address, i128);

struct Entry {
    target: Target,
    name: &'static str,
    permitted: &'static [Role],
    denied: Denied,
    migration_pending: bool,
    /// The call's arguments when `role` acts.
    args: fn(&M, &Address) -> Vec<Val>,
    /// The USDC transfer the actor must also authorize: (from, to, amount).
    transfer: Option<Transfer>,
    /// State the call needs first (e.g. `unpause` needs a paused vault).
    setup: Option<fn(&M)>,
}

fn entries() -> StdVec<Entry> {
    use Denied::*;
    use Role::*;
    use Target::*;
    let e = |target, name, permitted, denied, args| Entry {
        target,
        name,
        permitted,
        denied,
        migration_pending: false,
        args,
        transfer: None,
        setup: None,
    };
    let mut list = std::vec![
        // Vault.
        Entry {
            transfer: Some(|m, a| (a.clone(), m.vault.address.clone(), 50)),
            ..e(Vault, "deposit", &[Owner, Depositor], Code(105), |m, a| (
                a.clone(),
                50i128
            )
                .into_val(&m.w.env))
        },
        e(Vault, "withdraw", &[Owner], Auth, |m, _| (25i128,)
            .into_val(&m.w.env)),
        e(Vault, "withdraw_to", &[Owner], Auth, |m, a| (
            a.clone(),
            25i128
        )
            .into_val(&m.w.env)),
        e(
            Vault,
            "set_allowed_depositor",
            &[Owner],
            Code(104),
            |m, a| { (a.clone(), m.stranger.clone(), true).into_val(&m.w.env) }
        ),
        e(Vault, "deduct", &[AuthorizedCaller], Code(106), |m, a| {
            (
                a.clone(),
                10i128,
                m.w.s("matrix"),
                Some(m.developer.clone()),
            )
                .into_val(&m.w.env)
        }),
        e(
            Vault,
            "batch_deduct",
            &[AuthorizedCaller],
            Code(106),
            |m, a| {
                let item = vault::DeductItem {
                    amount: 10,
                    request_id: m.w.s("matrix-b"),
                    developer: None,
                };
                (a.clone(), vec![&m.w.env, item]).into_val(&m.w.env)
            }
        ),
        e(
            Vault,
            "set_authorized_caller",
            &[Admin],
            Code(150),
            |m, a| (a.clone(), Some(m.stranger.clone())).into_val(&m.w.env)
        ),
        e(Vault, "set_min_deposit", &[Admin], Code(150), |m, a| (
            a.clone(),
            3i128
        )
            .into_val(&m.w.env)),
        e(Vault, "set_max_deduct", &[Admin], Code(150), |m, a| (
            a.clone(),
            3_000i128
        )
            .into_val(&m.w.env)),
        e(Vault, "set_max_batch", &[Admin], Code(150), |m, a| (
            a.clone(),
            5u32
        )
            .into_val(&m.w.env)),
        e(Vault, "set_settlement", &[Admin], Code(150), |m, a| (
            a.clone(),
            None::<Address>
        )
            .into_val(&m.w.env)),
        e(Vault, "set_revenue_pool", &[Admin], Code(150), |m, a| (
            a.clone(),
            None::<Address>
        )
            .into_val(&m.w.env)),
        e(Vault, "set_metadata", &[Admin], Code(150), |m, a| (
            a.clone(),
            m.w.s("offer"),
            m.w.s("ipfs://x")
        )
            .into_val(&m.w.env)),
        e(Vault, "pause", &[Admin], Code(150), |m, a| (a.clone(),)
            .into_val(&m.w.env)),
        Entry {
            setup: Some(|m| m.vault.pause(&m.w.admin)),
            ..e(Vault, "unpause", &[Admin], Code(150), |m, a| (a.clone(),)
                .into_val(&m.w.env))
        },
        e(Vault, "set_admin", &[Admin], Code(150), |m, a| (
            a.clone(),
            m.stranger.clone(),
            5_000u32
        )
            .into_val(&m.w.env)),
        e(Vault, "accept_admin", &[PendingAdmin], Code(153), |m, a| (
            a.clone(),
        )
            .into_val(&m.w.env)),
        e(Vault, "upgrade", &[Admin], Code(150), |m, a| (
            a.clone(),
            m.wasm_hash[0].clone()
        )
            .into_val(&m.w.env)),
        Entry {
            migration_pending: true,
            ..e(Vault, "migrate", &[Admin], Code(150), |m, a| (a.clone(),)
                .into_val(&m.w.env))
        },
        // Settlement.
        Entry {
            transfer: Some(|m, a| (a.clone(), m.w.settlement.address.clone(), 40)),
            ..e(
                Settlement,
                "receive_payment",
                &[RegisteredVault],
                Code(301),
                |m, a| { (a.clone(), 40i128, true, None::<Address>).into_val(&m.w.env) }
            )
        },
        Entry {
            transfer: Some(|m, a| (a.clone(), m.w.settlement.address.clone(), 45)),
            ..e(
                Settlement,
                "receive_payments",
                &[RegisteredVault],
                Code(301),
                |m, a| {
                    let credits = vec![
                        &m.w.env,
                        settlement::Payment {
                            to: m.developer.clone(),
                            amount: 5,
                        },
                    ];
                    (a.clone(), 40i128, credits).into_val(&m.w.env)
                }
            )
        },
        e(Settlement, "withdraw", &[Developer], Code(302), |m, a| (
            a.clone(),
            100i128
        )
            .into_val(&m.w.env)),
        e(
            Settlement,
            "distribute_pool",
            &[Admin],
            Code(350),
            |m, a| (a.clone(), m.stranger.clone(), 10i128).into_val(&m.w.env)
        ),
        e(Settlement, "set_vault", &[Admin], Code(350), |m, a| (
            a.clone(),
            m.stranger.clone(),
            true
        )
            .into_val(&m.w.env)),
        e(
            Settlement,
            "import_balances",
            &[Admin],
            Code(350),
            |m, a| {
                (
                    a.clone(),
                    Vec::<settlement::DeveloperBalance>::new(&m.w.env),
                    0i128,
                )
                    .into_val(&m.w.env)
            }
        ),
        e(Settlement, "retire", &[Admin], Code(350), |m, a| (
            a.clone(),
            m.stranger.clone()
        )
            .into_val(&m.w.env)),
        e(Settlement, "set_admin", &[Admin], Code(350), |m, a| (
            a.clone(),
            m.stranger.clone(),
            5_000u32
        )
            .into_val(&m.w.env)),
        e(
            Settlement,
            "accept_admin",
            &[PendingAdmin],
            Code(353),
            |m, a| (a.clone(),).into_val(&m.w.env)
        ),
        e(Settlement, "upgrade", &[Admin], Code(350), |m, a| (
            a.clone(),
            m.wasm_hash[1].clone()
        )
            .into_val(&m.w.env)),
        Entry {
            migration_pending: true,
            ..e(Settlement, "migrate", &[Admin], Code(350), |m, a| (
                a.clone(),
            )
                .into_val(&m.w.env))
        },
        // Revenue pool.
        e(Pool, "distribute", &[Admin], Code(250), |m, a| (
            a.clone(),
            m.stranger.clone(),
            10i128
        )
            .into_val(&m.w.env)),
        e(Pool, "batch_distribute", &[Admin], Code(250), |m, a| {
            let p = revenue_pool::Payment {
                to: m.stranger.clone(),
                amount: 10,
            };
            (a.clone(), vec![&m.w.env, p]).into_val(&m.w.env)
        }),
        e(Pool, "set_admin", &[Admin], Code(250), |m, a| (
            a.clone(),
            m.stranger.clone(),
            5_000u32
        )
            .into_val(&m.w.env)),
        e(Pool, "accept_admin", &[PendingAdmin], Code(253), |m, a| (
            a.clone(),
        )
            .into_val(&m.w.env)),
        e(Pool, "upgrade", &[Admin], Code(250), |m, a| (
            a.clone(),
            m.wasm_hash[2].clone()
        )
            .into_val(&m.w.env)),
        Entry {
            migration_pending: true,
            ..e(Pool, "migrate", &[Admin], Code(250), |m, a| (a.clone(),)
                .into_val(&m.w.env))
        },
    ];
    // `import_balances` with nothing to import is refused even for the admin;
    // give the admin's cell something backed to import.
    for entry in list.iter_mut().filter(|e| e.name == "import_balances") {
        entry.args = |m, a| {
            let b = vec![
                &m.w.env,
                settlement::DeveloperBalance {
                    developer: m.stranger.clone(),
                    balance: 1,
                },
            ];
            (a.clone(), b, 0i128).into_val(&m.w.env)
        };
    }
    list
}

/// Runs one cell; returns what happened.
fn run_cell(entry: &Entry, role: Role) -> Result<(), String> {
    let m = deployment(entry.migration_pending);
    let env = &m.w.env;
    if entry.name == "import_balances" {
        m.w.sac.mint(&m.w.settlement.address, &1);
    }
    if let Some(setup) = entry.setup {
        setup(&m);
    }
    let actor = m.addr(role);
    let id = match entry.target {
        Target::Vault => m.vault.address.clone(),
        Target::Settlement => m.w.settlement.address.clone(),
        Target::Pool => m.w.pool.address.clone(),
    };
    let args = (entry.args)(&m, &actor);
    let transfer_args: Option<Vec<Val>> = entry.transfer.map(|f| {
        let (from, to, amount) = f(&m, &actor);
        (from, to, amount).into_val(env)
    });
    let sub = transfer_args.as_ref().map(|a| MockAuthInvoke {
        contract: &m.w.usdc,
        fn_name: "transfer",
        args: a.clone(),
        sub_invokes: &[],
    });
    let subs: StdVec<MockAuthInvoke> = sub.into_iter().collect();
    let before = m.fingerprint();
    env.mock_auths(&[MockAuth {
        address: &actor,
        invoke: &MockAuthInvoke {
            contract: &id,
            fn_name: entry.name,
            args: args.clone(),
            sub_invokes: &subs,
        },
    }]);
    let result =
        env.try_invoke_contract::<Val, Error>(&id, &Symbol::new(env, entry.name), args.clone());
    let auths = env.auths();
    let refused_on_auth = matches!(&result, Err(Ok(e)) if refused_for_auth(env, e));
    env.mock_all_auths();
    let permitted = entry.permitted.contains(&role);
    match (permitted, &result) {
        (true, Ok(Ok(_))) => {
            // Exactly the actor signed, for exactly this call.
            let ok = auths.len() == 1
                && auths[0].0 == actor
                && auths[0].1.function
                    == AuthorizedFunction::Contract((
                        id.clone(),
                        Symbol::new(env, entry.name),
                        args,
                    ));
            ok.then_some(()).ok_or(format!("auths {auths:?}"))
        }
        (true, other) => Err(format!("permitted role failed: {other:?}")),
        (false, Err(Ok(err))) => {
            let expected = match entry.denied {
                Denied::Code(code) => *err == Error::from_contract_error(code),
                Denied::Auth => refused_on_auth,
            };
            if !expected {
                return Err(format!("expected {:?}, got {err:?}", entry.denied));
            }
            (m.fingerprint() == before)
                .then_some(())
                .ok_or("state changed".into())
        }
        (false, other) => Err(format!("should have been denied, got {other:?}")),
    }
}

#[test]
fn auth_matrix_every_entry_point_by_every_role() {
    let entries = entries();
    let mut failures = StdVec::new();
    let mut cells = 0;
    for entry in &entries {
        for role in ROLES {
            cells += 1;
            if let Err(why) = run_cell(entry, role) {
                failures.push(format!(
                    "{}::{} as {role:?}: {why}",
                    target_name(entry.target),
                    entry.name
                ));
            }
        }
    }
    std::println!(
        "auth matrix: {} entry points x {} roles = {cells} cells",
        entries.len(),
        ROLES.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(cells, 36 * 8);
}

fn target_name(t: Target) -> &'static str {
    match t {
        Target::Vault => "vault",
        Target::Settlement => "settlement",
        Target::Pool => "revenue_pool",
    }
}

/// Every state-changing function in the three specs has a matrix row (a new
/// entry point cannot be added without deciding who may call it).
#[test]
fn auth_matrix_covers_every_state_changing_entry_point() {
    let listed: StdVec<String> = entries()
        .iter()
        .map(|e| format!("{}::{}", target_name(e.target), e.name))
        .collect();
    let views = [
        "__constructor",
        "version",
        "schema_version",
        "balance",
        "get_meta",
        "get_admin",
        "get_pending_admin",
        "get_usdc_token",
        "get_settlement",
        "get_revenue_pool",
        "get_max_deduct",
        "get_max_batch",
        "is_paused",
        "is_allowed_depositor",
        "is_request_processed",
        "get_metadata",
        "is_vault",
        "get_developer_balance",
        "get_developer_balances",
        "get_developer_count",
        "get_developer_total",
        "get_global_pool",
        "get_successor",
    ];
    for (target, wasm) in [
        ("vault", vault::WASM),
        ("settlement", settlement::WASM),
        ("revenue_pool", revenue_pool::WASM),
    ] {
        for entry in soroban_spec::read::from_wasm(wasm).unwrap() {
            if let stellar_xdr::ScSpecEntry::FunctionV0(f) = entry {
                let name = String::from_utf8_lossy(f.name.0.as_slice()).into_owned();
                if !views.contains(&name.as_str()) {
                    let key = format!("{target}::{name}");
                    assert!(
                        listed.contains(&key),
                        "{key} is missing from the auth matrix"
                    );
                }
            }
        }
    }
}
