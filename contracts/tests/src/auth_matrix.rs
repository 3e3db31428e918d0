//! The auth matrix: every state-changing entry point of the three built
//! contracts × every role, on the deployment **as shipped**: the vault's
//! constructor names the operator (`w.admin`) as its admin, and no handover
//! happens before the matrix.
//!
//! Each cell runs in a fresh deployment; only the acting role signs (its
//! exact invocation, plus the USDC transfer it must authorize, is mocked).
//! Exactly the permitted roles succeed, with `env.auths()` showing exactly
//! that signature tree; every other role gets the documented error and
//! leaves every view, every USDC balance and every ledger entry (TTLs
//! included) unchanged. Auth refusals are checked as the host's auth error
//! ([`refused_for_auth`]), never as a bare `is_err()`.
//!
//! Special rows:
//! * vault `upgrade` needs the admin **and** the owner: the permitted cell
//!   has both signatures (two entries in `env.auths()`); every other role is
//!   refused with `NotAdmin` even with the owner co-signing, and
//!   [`vault_upgrade_needs_both_signatures`] shows that the admin alone is
//!   refused by the host;
//! * settlement `extend_index` is permissionless maintenance (it moves no
//!   money and changes no balance): every role succeeds, with no signature
//!   at all (`env.auths()` empty);
//! * the `migrate` rows need a pending migration: the vault is a code
//!   version 1 vault handed over to the operator **before** its in-place
//!   upgrade (the playbook's order, so the operator migrates it), the
//!   settlement's and pool's schema markers are reset to 0. A v1/v2-era
//!   vault upgraded without that handover keeps the owner as admin; what
//!   such an owner-admin may do (hand over, migrate, nothing that routes or
//!   limits deducts: `AdminIsOwner`) is
//!   [`an_owner_admin_of_an_older_vault_may_only_hand_over_and_migrate`].
extern crate std;

use crate::{
    bad_input::{assert_unchanged, ledger_state},
    wasm::{revenue_pool, settlement, v1, v2, vault},
    world::{force_schema, legacy_vault_args, refused_for_auth, vault_args, World},
};
use callora_types::ttl::DAY_IN_LEDGERS;
use soroban_sdk::{
    testutils::{Address as _, AuthorizedFunction, AuthorizedInvocation, MockAuth, MockAuthInvoke},
    vec, Address, BytesN, Env, Error, IntoVal, Symbol, TryFromVal, Val, Vec,
};
use std::{format, string::String, vec::Vec as StdVec};

use vault::VaultError as V;

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
    /// A second settlement on the same token (the predecessor or successor
    /// of the redeploy rows).
    peer: settlement::Client<'static>,
    wasm_hash: [BytesN<32>; 3],
    until: u32,
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

    /// Every view a denied call must leave unchanged (the ledger comparison
    /// covers the rest; this one makes a failure readable).
    fn fingerprint(&self) -> String {
        let (w, v, s, p) = (&self.w, &self.vault, &self.w.settlement, &self.w.pool);
        let people: StdVec<(i128, i128)> = ROLES
            .iter()
            .map(|r| {
                let a = self.addr(*r);
                (w.balance(&a), s.get_developer_balance(&a))
            })
            .collect();
        format!(
            "vault {:?} {:?} {:?} {:?} {:?} {} {} {} {:?} {:?} {:?} {:?} {} {} | \
             settlement {:?} {:?} {} {} {:?} {:?} {:?} {} {} {} | \
             peer {:?} {:?} {} | pool {:?} {:?} {} | \
             people {:?} | usdc {} {} {} {}",
            v.get_meta(),
            v.get_admin(),
            v.get_pending_admin(),
            v.get_settlement(),
            v.get_revenue_pool(),
            v.get_max_deduct(),
            v.get_max_batch(),
            v.is_paused(),
            v.get_metadata(&w.s("offer")),
            v.get_spend_limit(),
            v.get_spend_window(),
            v.is_allowed_depositor(&self.stranger),
            v.is_request_processed(&w.s("matrix")),
            v.schema_version(),
            s.get_admin(),
            s.get_pending_admin(),
            s.get_developer_total(),
            s.get_developer_count(),
            s.get_global_pool(),
            s.get_successor(),
            s.get_predecessor(),
            s.get_import_cursor(),
            s.is_vault(&self.stranger),
            s.schema_version(),
            self.peer.get_successor(),
            self.peer.get_predecessor(),
            self.peer.get_developer_total(),
            p.get_admin(),
            p.get_pending_admin(),
            p.schema_version(),
            people,
            w.balance(&v.address),
            w.balance(&s.address),
            w.balance(&p.address),
            w.balance(&self.peer.address),
        )
    }
}

/// A deployment where every role is a distinct address and each contract
/// has an admin proposal open to `pending`. With `migration_pending`, each
/// contract has a migration to run (see the module doc).
fn deployment(migration_pending: bool) -> M {
    let w = World::new();
    let env = &w.env;
    let owner = Address::generate(env);
    w.sac.mint(&owner, &100_000);
    let (pending, depositor, registered, developer, stranger) = (
        Address::generate(env),
        Address::generate(env),
        Address::generate(env),
        Address::generate(env),
        Address::generate(env),
    );
    w.sac.mint(&depositor, &10_000);
    let hashes = [
        env.deployer().upload_contract_wasm(vault::WASM),
        env.deployer().upload_contract_wasm(settlement::WASM),
        env.deployer().upload_contract_wasm(revenue_pool::WASM),
    ];
    let id = if migration_pending {
        // A code version 1 vault (owner-admin by default), handed over to
        // the operator and then upgraded in place: the playbook's order.
        let id = env.register(
            v1::vault::WASM,
            legacy_vault_args(&owner, &w.usdc, Some(&w.backend), Some(&w.pool.address)),
        );
        let old = v1::vault::Client::new(env, &id);
        old.set_admin(&owner, &w.admin, &(env.ledger().sequence() + 1_000));
        old.accept_admin(&w.admin);
        w.settlement.set_vault(&w.admin, &id, &true);
        old.set_settlement(&w.admin, &Some(w.settlement.address.clone()));
        old.set_allowed_depositor(&owner, &depositor, &true);
        old.deposit(&owner, &10_000);
        old.deduct(&w.backend, &500, &w.s("seed-dev"), &Some(developer.clone()));
        old.deduct(&w.backend, &100, &w.s("seed-pool"), &None);
        old.upgrade(&w.admin, &hashes[0]);
        id
    } else {
        // As shipped: the operator is the admin from the constructor on.
        let id = env.register(
            vault::WASM,
            vault_args(
                &owner,
                &w.admin,
                &w.usdc,
                Some(&w.backend),
                Some(&w.pool.address),
            ),
        );
        let vault = vault::Client::new(env, &id);
        w.settlement.set_vault(&w.admin, &id, &true);
        vault.set_settlement(&w.admin, &Some(w.settlement.address.clone()));
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
        id
    };
    let vault = vault::Client::new(env, &id);
    assert_eq!(vault.get_admin(), w.admin);
    // The owner bounds the operator's keys.
    vault.set_spend_limit(
        &owner,
        &Some(vault::SpendLimit {
            amount: 5_000,
            period_ledgers: DAY_IN_LEDGERS,
        }),
    );
    w.settlement.set_vault(&w.admin, &registered, &true);
    w.sac.mint(&registered, &10_000);
    w.sac.mint(&w.pool.address, &10_000);
    let peer_id = env.register(
        settlement::WASM,
        (w.admin.clone(), w.usdc.clone(), None::<Address>),
    );
    let seq = env.ledger().sequence();
    let until = seq + 1_000;
    vault.set_admin(&w.admin, &pending, &until);
    w.settlement.set_admin(&w.admin, &pending, &until);
    w.pool.set_admin(&w.admin, &pending, &until);
    if migration_pending {
        for id in [&w.settlement.address, &w.pool.address] {
            force_schema(env, id, 0);
        }
    }
    M {
        until: w.until(),
        vault,
        owner,
        pending,
        depositor,
        registered,
        developer,
        stranger,
        peer: settlement::Client::new(env, &peer_id),
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

#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Vault,
    Settlement,
    Pool,
}

/// The USDC transfer an actor must also authorize: (from, to, amount).
type Transfer = fn(&M, &Address) -> (Address, Address, i128);

/// Maps a call's arguments to the ones its actor signs.
type SignedArgs = fn(&Env, &Vec<Val>) -> Vec<Val>;

struct Entry {
    target: Target,
    name: &'static str,
    /// Roles that succeed ([`ROLES`] = permissionless: no signature needed).
    permitted: &'static [Role],
    /// The error every other role gets...
    denied: Denied,
    /// ...except these roles.
    exceptions: &'static [(Role, Denied)],
    /// A role whose signature the call needs besides the actor's (signs in
    /// every cell of the row).
    cosigner: Option<Role>,
    migration_pending: bool,
    /// The call's arguments when `role` acts.
    args: fn(&M, &Address) -> Vec<Val>,
    /// The arguments the actor signs, when not the call's own (a v3
    /// `batch_deduct` signs its digest).
    signed: Option<SignedArgs>,
    transfer: Option<Transfer>,
    /// State the call needs first (e.g. `unpause` needs a paused vault).
    setup: Option<fn(&M)>,
}

impl Entry {
    fn permissionless(&self) -> bool {
        self.permitted == ROLES
    }

    fn denied_for(&self, role: Role) -> Denied {
        self.exceptions
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, d)| *d)
            .unwrap_or(self.denied)
    }
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
        exceptions: &[],
        cosigner: None,
        migration_pending: false,
        args,
        signed: None,
        transfer: None,
        setup: None,
    };
    std::vec![
        // ----- vault: owner and depositors
        Entry {
            transfer: Some(|m, a| (a.clone(), m.vault.address.clone(), 50)),
            ..e(Vault, "deposit", &[Owner, Depositor], Code(105), |m, a| {
                (a.clone(), 50i128).into_val(&m.w.env)
            })
        },
        e(Vault, "withdraw", &[Owner], Auth, |m, _| {
            (25i128,).into_val(&m.w.env)
        }),
        e(Vault, "withdraw_to", &[Owner], Auth, |m, a| {
            (a.clone(), 25i128).into_val(&m.w.env)
        }),
        e(
            Vault,
            "set_allowed_depositor",
            &[Owner],
            Code(104),
            |m, a| { (a.clone(), m.stranger.clone(), true).into_val(&m.w.env) }
        ),
        e(Vault, "set_spend_limit", &[Owner], Code(104), |m, a| {
            let limit = vault::SpendLimit {
                amount: 7_000,
                period_ledgers: 2 * DAY_IN_LEDGERS,
            };
            (a.clone(), Some(limit)).into_val(&m.w.env)
        }),
        Entry {
            setup: Some(|m| m.w.sac.mint(&m.vault.address, &30)),
            ..e(Vault, "sweep", &[Owner], Auth, |m, a| {
                (a.clone(),).into_val(&m.w.env)
            })
        },
        // ----- vault: metering
        e(Vault, "deduct", &[AuthorizedCaller], Code(106), |m, a| {
            let dev = Some(m.developer.clone());
            (a.clone(), 10i128, m.w.s("matrix"), dev, m.until).into_val(&m.w.env)
        }),
        Entry {
            signed: Some(|env, args| {
                let arg = |i| args.get_unchecked(i);
                let digest = crate::world::batch_digest(
                    env,
                    &soroban_sdk::String::try_from_val(env, &arg(1)).unwrap(),
                    &vault::DeductBatch::try_from_val(env, &arg(2)).unwrap(),
                    u32::try_from_val(env, &arg(3)).unwrap(),
                );
                (digest,).into_val(env)
            }),
            ..e(
                Vault,
                "batch_deduct",
                &[AuthorizedCaller],
                Code(106),
                |m, a| {
                    let items = vec![
                        &m.w.env,
                        crate::world::Item {
                            amount: 10,
                            request_id: m.w.s("matrix"),
                            developer: Some(m.developer.clone()),
                        },
                        crate::world::Item {
                            amount: 5,
                            request_id: m.w.s("matrix-pool"),
                            developer: None,
                        },
                    ];
                    let batch = crate::world::columns_of(&m.w.env, &items);
                    (a.clone(), m.w.s("matrix-batch"), batch, m.until).into_val(&m.w.env)
                }
            )
        },
        // ----- vault: the operator
        e(
            Vault,
            "set_authorized_caller",
            &[Admin],
            Code(150),
            |m, a| { (a.clone(), Some(m.stranger.clone())).into_val(&m.w.env) }
        ),
        e(Vault, "set_min_deposit", &[Admin], Code(150), |m, a| {
            (a.clone(), 3i128).into_val(&m.w.env)
        }),
        e(Vault, "set_max_deduct", &[Admin], Code(150), |m, a| {
            (a.clone(), 3_000i128).into_val(&m.w.env)
        }),
        e(Vault, "set_max_batch", &[Admin], Code(150), |m, a| {
            (a.clone(), 5u32).into_val(&m.w.env)
        }),
        e(Vault, "set_settlement", &[Admin], Code(150), |m, a| {
            (a.clone(), None::<Address>).into_val(&m.w.env)
        }),
        e(Vault, "set_revenue_pool", &[Admin], Code(150), |m, a| {
            (a.clone(), None::<Address>).into_val(&m.w.env)
        }),
        e(Vault, "set_metadata", &[Admin], Code(150), |m, a| {
            (a.clone(), m.w.s("offer"), m.w.s("ipfs://x")).into_val(&m.w.env)
        }),
        e(Vault, "pause", &[Admin], Code(150), |m, a| {
            (a.clone(),).into_val(&m.w.env)
        }),
        Entry {
            setup: Some(|m| m.vault.pause(&m.w.admin)),
            ..e(Vault, "unpause", &[Admin], Code(150), |m, a| {
                (a.clone(),).into_val(&m.w.env)
            })
        },
        e(Vault, "set_admin", &[Admin], Code(150), |m, a| {
            (a.clone(), m.stranger.clone(), 5_000u32).into_val(&m.w.env)
        }),
        Entry {
            // The owner can never become the admin.
            exceptions: &[(Owner, Code(124))],
            ..e(Vault, "accept_admin", &[PendingAdmin], Code(153), |m, a| {
                (a.clone(),).into_val(&m.w.env)
            })
        },
        Entry {
            cosigner: Some(Owner),
            ..e(Vault, "upgrade", &[Admin], Code(150), |m, a| {
                (a.clone(), m.wasm_hash[0].clone()).into_val(&m.w.env)
            })
        },
        Entry {
            migration_pending: true,
            ..e(Vault, "migrate", &[Admin], Code(150), |m, a| {
                (a.clone(),).into_val(&m.w.env)
            })
        },
        // ----- settlement
        Entry {
            transfer: Some(|m, a| (a.clone(), m.w.settlement.address.clone(), 40)),
            ..e(
                Settlement,
                "receive_payment",
                &[RegisteredVault],
                Code(301),
                |m, a| (a.clone(), 40i128, true, None::<Address>).into_val(&m.w.env)
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
        // Every address may withdraw its own balance; only the developer
        // has one.
        e(Settlement, "withdraw", &[Developer], Code(302), |m, a| {
            (a.clone(), 100i128).into_val(&m.w.env)
        }),
        e(
            Settlement,
            "distribute_pool",
            &[Admin],
            Code(350),
            |m, a| { (a.clone(), m.stranger.clone(), 10i128).into_val(&m.w.env) }
        ),
        e(Settlement, "set_vault", &[Admin], Code(350), |m, a| {
            (a.clone(), m.stranger.clone(), true).into_val(&m.w.env)
        }),
        Entry {
            setup: Some(|m| m.w.sac.mint(&m.w.settlement.address, &20)),
            ..e(Settlement, "book_untracked", &[Admin], Code(350), |m, a| {
                (a.clone(),).into_val(&m.w.env)
            })
        },
        e(
            Settlement,
            "set_predecessor",
            &[Admin],
            Code(350),
            |m, a| { (a.clone(), m.peer.address.clone()).into_val(&m.w.env) }
        ),
        Entry {
            // The peer credited a developer, named no successor yet; the
            // settlement names it and it retires into the settlement.
            setup: Some(|m| {
                let (w, peer) = (&m.w, &m.peer);
                peer.set_vault(&w.admin, &m.registered, &true);
                peer.receive_payment(&m.registered, &30, &false, &Some(m.stranger.clone()));
                w.settlement.set_predecessor(&w.admin, &peer.address);
                peer.retire(&w.admin, &w.settlement.address);
            }),
            ..e(
                Settlement,
                "import_balances",
                &[Admin],
                Code(350),
                |m, a| { (a.clone(), 10u32).into_val(&m.w.env) }
            )
        },
        Entry {
            setup: Some(|m| { m.peer.set_predecessor(&m.w.admin, &m.w.settlement.address) }),
            ..e(Settlement, "retire", &[Admin], Code(350), |m, a| {
                (a.clone(), m.peer.address.clone()).into_val(&m.w.env)
            })
        },
        e(Settlement, "extend_index", &ROLES, Code(0), |m, _| {
            (0u32, 10u32).into_val(&m.w.env)
        }),
        e(Settlement, "set_admin", &[Admin], Code(350), |m, a| {
            (a.clone(), m.stranger.clone(), 5_000u32).into_val(&m.w.env)
        }),
        e(
            Settlement,
            "accept_admin",
            &[PendingAdmin],
            Code(353),
            |m, a| { (a.clone(),).into_val(&m.w.env) }
        ),
        e(Settlement, "upgrade", &[Admin], Code(350), |m, a| {
            (a.clone(), m.wasm_hash[1].clone()).into_val(&m.w.env)
        }),
        Entry {
            migration_pending: true,
            ..e(Settlement, "migrate", &[Admin], Code(350), |m, a| {
                (a.clone(),).into_val(&m.w.env)
            })
        },
        // ----- revenue pool
        e(Pool, "distribute", &[Admin], Code(250), |m, a| {
            (a.clone(), m.stranger.clone(), 10i128).into_val(&m.w.env)
        }),
        e(Pool, "batch_distribute", &[Admin], Code(250), |m, a| {
            let p = revenue_pool::Payment {
                to: m.stranger.clone(),
                amount: 10,
            };
            (a.clone(), vec![&m.w.env, p]).into_val(&m.w.env)
        }),
        e(Pool, "set_admin", &[Admin], Code(250), |m, a| {
            (a.clone(), m.stranger.clone(), 5_000u32).into_val(&m.w.env)
        }),
        e(Pool, "accept_admin", &[PendingAdmin], Code(253), |m, a| {
            (a.clone(),).into_val(&m.w.env)
        }),
        e(Pool, "upgrade", &[Admin], Code(250), |m, a| {
            (a.clone(), m.wasm_hash[2].clone()).into_val(&m.w.env)
        }),
        Entry {
            migration_pending: true,
            ..e(Pool, "migrate", &[Admin], Code(250), |m, a| {
                (a.clone(),).into_val(&m.w.env)
            })
        },
    ]
}

fn invocation(
    function: (Address, &str, Vec<Val>),
    env: &Env,
    sub: Option<(Address, &str, Vec<Val>)>,
) -> AuthorizedInvocation {
    AuthorizedInvocation {
        function: AuthorizedFunction::Contract((
            function.0,
            Symbol::new(env, function.1),
            function.2,
        )),
        sub_invocations: sub.into_iter().map(|s| invocation(s, env, None)).collect(),
    }
}

/// Runs one cell; returns what went wrong, if anything.
fn run_cell(entry: &Entry, role: Role) -> Result<(), String> {
    let m = deployment(entry.migration_pending);
    let env = &m.w.env;
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
    let signed = entry.signed.map_or(args.clone(), |f| f(env, &args));
    let transfer: Option<Vec<Val>> = entry.transfer.map(|f| f(&m, &actor).into_val(env));
    let subs: StdVec<MockAuthInvoke> = transfer
        .iter()
        .map(|a| MockAuthInvoke {
            contract: &m.w.usdc,
            fn_name: "transfer",
            args: a.clone(),
            sub_invokes: &[],
        })
        .collect();
    let call = MockAuthInvoke {
        contract: &id,
        fn_name: entry.name,
        args: signed.clone(),
        sub_invokes: &subs,
    };
    let cosigner = entry.cosigner.map(|r| m.addr(r)).filter(|c| *c != actor);
    let co_call = MockAuthInvoke {
        sub_invokes: &[],
        ..call.clone()
    };
    let mut signers = std::vec![MockAuth {
        address: &actor,
        invoke: &call,
    }];
    if let Some(c) = &cosigner {
        signers.push(MockAuth {
            address: c,
            invoke: &co_call,
        });
    }
    if entry.permissionless() {
        // No signature at all.
        env.set_auths(&[]);
    } else {
        env.mock_auths(&signers);
    }
    let before = (m.fingerprint(), ledger_state(env));
    let result =
        env.try_invoke_contract::<Val, Error>(&id, &Symbol::new(env, entry.name), args.clone());
    let auths = env.auths();
    let refused_on_auth = matches!(&result, Err(Ok(e)) if refused_for_auth(env, e));
    env.mock_all_auths();
    let permitted = entry.permitted.contains(&role);
    match (permitted, &result) {
        (true, Ok(Ok(_))) => {
            // Exactly the signature tree the role (and cosigner) gave.
            let mut expected = StdVec::new();
            if !entry.permissionless() {
                let sub = transfer.map(|a| (m.w.usdc.clone(), "transfer", a));
                let top = (id.clone(), entry.name, signed.clone());
                expected.push((actor.clone(), invocation(top.clone(), env, sub)));
                if let Some(c) = cosigner {
                    expected.push((c, invocation(top, env, None)));
                }
            }
            (auths == expected)
                .then_some(())
                .ok_or(format!("auths {auths:?}, expected {expected:?}"))
        }
        (true, other) => Err(format!("permitted role failed: {other:?}")),
        (false, Err(Ok(err))) => {
            let denied = entry.denied_for(role);
            let expected = match denied {
                Denied::Code(code) => *err == Error::from_contract_error(code),
                Denied::Auth => refused_on_auth,
            };
            if !expected {
                return Err(format!("expected {denied:?}, got {err:?}"));
            }
            if m.fingerprint() != before.0 {
                return Err(format!("views changed:\n{}\n{}", before.0, m.fingerprint()));
            }
            assert_unchanged(env, &before.1, entry.name);
            Ok(())
        }
        (false, other) => Err(format!("should have been denied, got {other:?}")),
    }
}

fn target_name(t: Target) -> &'static str {
    match t {
        Target::Vault => "vault",
        Target::Settlement => "settlement",
        Target::Pool => "revenue_pool",
    }
}

/// Runs every cell of `target`'s rows; returns the number of cells.
fn matrix(target: Target) -> usize {
    let mut failures = StdVec::new();
    let mut cells = 0;
    for entry in entries().iter().filter(|e| e.target == target) {
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
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    cells
}

#[test]
fn auth_matrix_vault() {
    assert_eq!(matrix(Target::Vault), 21 * ROLES.len());
}

#[test]
fn auth_matrix_settlement() {
    assert_eq!(matrix(Target::Settlement), 14 * ROLES.len());
}

#[test]
fn auth_matrix_revenue_pool() {
    assert_eq!(matrix(Target::Pool), 6 * ROLES.len());
}

/// Every state-changing function in the three specs has a matrix row (a new
/// entry point cannot be added without deciding who may call it), and every
/// row names a function of the spec.
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
        "get_spend_limit",
        "get_spend_window",
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
        "get_predecessor",
        "get_import_cursor",
    ];
    let mut in_spec = StdVec::new();
    for (target, wasm) in [
        ("vault", vault::WASM),
        ("settlement", settlement::WASM),
        ("revenue_pool", revenue_pool::WASM),
    ] {
        for entry in soroban_spec::read::from_wasm(wasm).unwrap() {
            if let stellar_xdr::ScSpecEntry::FunctionV0(f) = entry {
                let name = String::from_utf8_lossy(f.name.0.as_slice()).into_owned();
                if !views.contains(&name.as_str()) {
                    in_spec.push(format!("{target}::{name}"));
                }
            }
        }
    }
    for key in &in_spec {
        assert!(
            listed.contains(key),
            "{key} is missing from the auth matrix"
        );
    }
    for key in &listed {
        assert!(in_spec.contains(key), "{key} is not in the built spec");
    }
    assert_eq!(listed.len(), 41);
}

/// The vault's `upgrade` needs the operator **and** the owner: the admin
/// alone is refused by the host (the owner's signature is missing), the
/// owner alone is not the admin; both together upgrade.
#[test]
fn vault_upgrade_needs_both_signatures() {
    let m = deployment(false);
    let (env, v) = (&m.w.env, &m.vault);
    let hash = env.deployer().upload_contract_wasm(v2::vault::WASM);
    let args: Vec<Val> = (m.w.admin.clone(), hash.clone()).into_val(env);
    let call = MockAuthInvoke {
        contract: &v.address,
        fn_name: "upgrade",
        args: args.clone(),
        sub_invokes: &[],
    };
    env.mock_auths(&[MockAuth {
        address: &m.w.admin,
        invoke: &call,
    }]);
    let before = ledger_state(env);
    let res = env.try_invoke_contract::<Val, Error>(&v.address, &Symbol::new(env, "upgrade"), args);
    assert!(
        matches!(&res, Err(Ok(e)) if refused_for_auth(env, e)),
        "admin alone: {res:?}"
    );
    assert_unchanged(env, &before, "upgrade by the admin alone");
    // The owner alone (as caller, co-signing itself): not the admin.
    env.mock_all_auths();
    assert_eq!(v.try_upgrade(&m.owner, &hash), Err(Ok(V::NotAdmin)));
    assert_unchanged(env, &before, "upgrade by the owner");
    assert_eq!(v.version(), 3);
    // Both: the code is replaced (v2 answers afterwards).
    env.mock_auths(&[
        MockAuth {
            address: &m.w.admin,
            invoke: &call,
        },
        MockAuth {
            address: &m.owner,
            invoke: &call,
        },
    ]);
    v.upgrade(&m.w.admin, &hash);
    assert_eq!(env.auths().len(), 2);
    env.mock_all_auths();
    assert_eq!(v.version(), 2);
}

/// A vault constructed by code version 1 or 2 has its owner as admin (the
/// old default). Upgraded in place to code version 3 without the playbook's
/// handover, that owner-admin may still `migrate` and hand over to an
/// operator (`set_admin` + `accept_admin`), but every call that routes or
/// limits deducts, pauses, sets metadata or upgrades is refused with
/// `AdminIsOwner` (124), before and after `migrate`, and changes nothing.
#[test]
fn an_owner_admin_of_an_older_vault_may_only_hand_over_and_migrate() {
    for version in [1u32, 2] {
        let w = World::new();
        let env = &w.env;
        let owner = Address::generate(env);
        let operator = Address::generate(env);
        w.sac.mint(&owner, &1_000);
        let wasm = if version == 1 {
            v1::vault::WASM
        } else {
            v2::vault::WASM
        };
        let id = env.register(
            wasm,
            legacy_vault_args(&owner, &w.usdc, Some(&w.backend), Some(&w.pool.address)),
        );
        let v = vault::Client::new(env, &id);
        assert_eq!(v.get_admin(), owner, "v{version}: the owner is the admin");
        v.deposit(&owner, &1_000);
        // Code versions 1 and 2 let the admin upgrade alone.
        let hash = env.deployer().upload_contract_wasm(vault::WASM);
        v.upgrade(&owner, &hash);
        assert_eq!(v.version(), 3);

        let refused = |label: &str| {
            let calls: [(&str, Vec<Val>); 10] = [
                (
                    "set_authorized_caller",
                    (owner.clone(), Some(owner.clone())).into_val(env),
                ),
                ("set_min_deposit", (owner.clone(), 5i128).into_val(env)),
                ("set_max_deduct", (owner.clone(), 5i128).into_val(env)),
                ("set_max_batch", (owner.clone(), 5u32).into_val(env)),
                (
                    "set_settlement",
                    (owner.clone(), None::<Address>).into_val(env),
                ),
                (
                    "set_revenue_pool",
                    (owner.clone(), Some(owner.clone())).into_val(env),
                ),
                (
                    "set_metadata",
                    (owner.clone(), w.s("offer"), w.s("x")).into_val(env),
                ),
                ("pause", (owner.clone(),).into_val(env)),
                ("unpause", (owner.clone(),).into_val(env)),
                ("upgrade", (owner.clone(), hash.clone()).into_val(env)),
            ];
            for (name, args) in calls {
                let before = ledger_state(env);
                let res = env.try_invoke_contract::<Val, Error>(&id, &Symbol::new(env, name), args);
                let code = Error::from_contract_error(V::AdminIsOwner as u32);
                assert!(
                    matches!(&res, Err(Ok(e)) if *e == code),
                    "v{version} {label}: {name}: {res:?}"
                );
                assert_unchanged(env, &before, name);
            }
        };
        refused("before migrate");
        // The owner-admin migrates, with exactly its own signature.
        let migrate = (owner.clone(),).into_val(env);
        env.mock_auths(&[MockAuth {
            address: &owner,
            invoke: &MockAuthInvoke {
                contract: &id,
                fn_name: "migrate",
                args: migrate,
                sub_invokes: &[],
            },
        }]);
        v.migrate(&owner);
        assert_eq!(env.auths().len(), 1);
        assert_eq!(env.auths()[0].0, owner);
        env.mock_all_auths();
        assert_eq!(v.schema_version(), 3);
        refused("after migrate");
        // It cannot hand over to itself; it can hand over to an operator.
        let until = env.ledger().sequence() + 100;
        assert_eq!(
            v.try_set_admin(&owner, &owner, &until),
            Err(Ok(V::AdminIsOwner))
        );
        v.set_admin(&owner, &operator, &until);
        v.accept_admin(&operator);
        assert_eq!(v.get_admin(), operator);
        // Now the operator routes and the owner is refused as a non-admin.
        v.set_settlement(&operator, &None);
        assert_eq!(
            v.try_set_revenue_pool(&owner, &Some(owner.clone())),
            Err(Ok(V::NotAdmin))
        );
        v.deduct(&w.backend, &10, &w.s("after"), &None, &w.until());
        assert_eq!(w.balance(&w.pool.address), 10);
        assert_eq!(v.withdraw(&990), 0);
        assert_eq!(w.balance(&owner), 990);
    }
}
