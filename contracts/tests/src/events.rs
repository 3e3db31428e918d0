//! Golden event fixtures: every event of every contract, as emitted by the
//! built WASM of each code version, byte for byte.
//!
//! `docs/events/fixtures/<contract>/v<N>/<event>.json` holds the base64 XDR
//! of the event's topics and data plus the values an indexer must decode
//! (keyed by the spec's parameter names; i128/u64 as decimal strings,
//! addresses as strkeys, bytes as hex, structs as objects by field name).
//! This test re-emits every event from the WASMs and fails on any
//! difference, so a change of shape without a version bump fails CI:
//! released versions (1 and 2) replay the scenario that wrote their fixtures
//! on their frozen WASMs (`fixtures/v<N>/`), the current version (3) runs its
//! own scenario on `artifacts/`, and every event of each spec must have its
//! fixture. After a deliberate change with a version bump, regenerate the
//! current version's fixtures with
//! `CALLORA_UPDATE_FIXTURES=1 cargo test -p callora-tests events` (released
//! versions' fixtures are never written). The interop suite (`interop/`)
//! decodes the same files with `@stellar/stellar-sdk`.
extern crate std;

use crate::{
    wasm::{revenue_pool, settlement, v1, v2, vault},
    world::{force_schema, legacy_vault_args, vault_args},
};
use serde_json::{json, Map as JsonMap, Value as Json};
use soroban_sdk::{
    testutils::{Address as _, Events as _, Ledger as _},
    token::StellarAssetClient,
    vec,
    xdr::{ContractEvent, ContractEventBody, Limits, ScVal, WriteXdr},
    Address, Env, IntoVal, TryFromVal,
};
use std::{collections::BTreeMap, path::PathBuf, string::String as StdString, vec::Vec as StdVec};
use stellar_xdr::{ScSpecEntry, ScSpecEventParamLocationV0};

/// (contract dir name, event name) -> first emitted event.
type Captured = BTreeMap<(&'static str, StdString), ContractEvent>;

struct Recorder<'a> {
    env: &'a Env,
    captured: Captured,
}

impl Recorder<'_> {
    /// Keeps the first occurrence of each event `contract` emitted in the
    /// last invocation.
    fn take(&mut self, contract: &'static str, id: &Address) {
        for event in self.env.events().all().filter_by_contract(id).events() {
            let ContractEventBody::V0(body) = &event.body;
            let Some(ScVal::Symbol(name)) = body.topics.first() else {
                panic!("event without a symbol topic 0");
            };
            let name = StdString::from_utf8(name.0.to_vec()).unwrap();
            self.captured
                .entry((contract, name))
                .or_insert_with(|| event.clone());
        }
    }
}

struct Wasms {
    vault: &'static [u8],
    pool: &'static [u8],
    settlement: &'static [u8],
}

/// The WASMs of code `version`: released versions from their frozen
/// fixtures, the current one from `artifacts/`.
fn wasms(version: u32) -> Wasms {
    match version {
        1 => Wasms {
            vault: v1::vault::WASM,
            pool: v1::revenue_pool::WASM,
            settlement: v1::settlement::WASM,
        },
        2 => Wasms {
            vault: v2::vault::WASM,
            pool: v2::revenue_pool::WASM,
            settlement: v2::settlement::WASM,
        },
        _ => Wasms {
            vault: vault::WASM,
            pool: revenue_pool::WASM,
            settlement: settlement::WASM,
        },
    }
}

/// The hash `upgraded` fixtures carry: the frozen v1 WASM's, which never
/// changes (the current build's hash changes with every code change).
fn stable_hash(env: &Env, wasm: &[u8]) -> soroban_sdk::BytesN<32> {
    env.deployer().upload_contract_wasm(wasm)
}

/// The fixture scenario's own fixed setup: fixture bytes (addresses
/// included) depend only on this file, never on shared test scaffolding, so
/// released versions' fixtures stay reproducible.
struct Setup {
    env: Env,
    admin: Address,
    backend: Address,
    usdc: Address,
    sac: StellarAssetClient<'static>,
}

impl Setup {
    fn new() -> Setup {
        let env = callora_types::test_env();
        env.mock_all_auths();
        env.ledger().set_sequence_number(1_000);
        env.ledger().set_timestamp(1_750_000_000);
        let admin = Address::generate(&env);
        let backend = Address::generate(&env);
        let usdc = env
            .register_stellar_asset_contract_v2(Address::generate(&env))
            .address();
        let sac = StellarAssetClient::new(&env, &usdc);
        Setup {
            env,
            admin,
            backend,
            usdc,
            sac,
        }
    }

    fn s(&self, v: &str) -> soroban_sdk::String {
        soroban_sdk::String::from_str(&self.env, v)
    }
}

/// Drives every event of every contract at code `version`.
fn emit_all(version: u32) -> Captured {
    match version {
        1 | 2 => emit_released(version),
        3 => emit_v3(),
        _ => panic!("no fixture scenario for code version {version}: add one"),
    }
}

/// Code versions 1 and 2, frozen: the scenario that wrote their fixtures,
/// unchanged (same calls in the same order, so the same generated
/// addresses), run on the frozen WASMs through code-version-2 clients (v1
/// takes the same arguments for every call made here).
fn emit_released(version: u32) -> Captured {
    use crate::wasm::v2::{revenue_pool, settlement, vault};
    let w = Setup::new();
    let env = &w.env;
    let code = wasms(version);
    let mut r = Recorder {
        env,
        captured: BTreeMap::new(),
    };
    let s = |v: &str| w.s(v);

    // Settlement.
    let first_vault = Address::generate(env);
    let s_id = env.register(
        code.settlement,
        (w.admin.clone(), w.usdc.clone(), Some(first_vault.clone())),
    );
    r.take("settlement", &s_id);
    let st = settlement::Client::new(env, &s_id);
    let dev = Address::generate(env);
    w.sac.mint(&first_vault, &1_000);
    st.receive_payment(&first_vault, &100, &true, &None);
    r.take("settlement", &s_id);
    st.receive_payment(&first_vault, &70, &false, &Some(dev.clone()));
    r.take("settlement", &s_id);
    st.withdraw(&dev, &20);
    r.take("settlement", &s_id);
    st.distribute_pool(&w.admin, &dev, &30);
    r.take("settlement", &s_id);
    w.sac.mint(&s_id, &15);
    let imported = vec![
        env,
        settlement::DeveloperBalance {
            developer: dev.clone(),
            balance: 10,
        },
    ];
    st.import_balances(&w.admin, &imported, &5);
    r.take("settlement", &s_id);
    let next = Address::generate(env);
    st.set_admin(&w.admin, &next, &2_000);
    r.take("settlement", &s_id);
    st.accept_admin(&next);
    r.take("settlement", &s_id);
    force_schema(env, &s_id, 0);
    st.migrate(&next);
    r.take("settlement", &s_id);
    if version >= 2 {
        st.retire(&next, &Address::generate(env));
        r.take("settlement", &s_id);
    }
    st.upgrade(&next, &stable_hash(env, v1::settlement::WASM));
    r.take("settlement", &s_id);

    // Revenue pool.
    let p_id = env.register(code.pool, (w.admin.clone(), w.usdc.clone()));
    let pool = revenue_pool::Client::new(env, &p_id);
    w.sac.mint(&p_id, &500);
    pool.distribute(&w.admin, &dev, &40);
    r.take("revenue_pool", &p_id);
    pool.set_admin(&w.admin, &next, &2_000);
    r.take("revenue_pool", &p_id);
    pool.accept_admin(&next);
    r.take("revenue_pool", &p_id);
    force_schema(env, &p_id, 0);
    pool.migrate(&next);
    r.take("revenue_pool", &p_id);
    pool.upgrade(&next, &stable_hash(env, v1::revenue_pool::WASM));
    r.take("revenue_pool", &p_id);

    // Vault (the owner is its admin in these versions).
    let owner = Address::generate(env);
    w.sac.mint(&owner, &10_000);
    let v_id = env.register(
        code.vault,
        legacy_vault_args(&owner, &w.usdc, Some(&w.backend), Some(&p_id)),
    );
    r.take("vault", &v_id);
    let v = vault::Client::new(env, &v_id);
    v.deposit(&owner, &1_000);
    r.take("vault", &v_id);
    v.withdraw(&100);
    r.take("vault", &v_id);
    v.deduct(&w.backend, &25, &s("req-1"), &Some(dev.clone()));
    r.take("vault", &v_id);
    let friend = Address::generate(env);
    v.set_allowed_depositor(&owner, &friend, &true);
    r.take("vault", &v_id);
    v.set_authorized_caller(&owner, &Some(w.backend.clone()));
    r.take("vault", &v_id);
    v.set_min_deposit(&owner, &2);
    r.take("vault", &v_id);
    v.set_max_deduct(&owner, &500);
    r.take("vault", &v_id);
    if version >= 2 {
        v.set_max_batch(&owner, &10);
        r.take("vault", &v_id);
    }
    v.set_revenue_pool(&owner, &None);
    r.take("vault", &v_id);
    let s2 = env.register(
        code.settlement,
        (w.admin.clone(), w.usdc.clone(), Some(v_id.clone())),
    );
    v.set_settlement(&owner, &Some(s2));
    r.take("vault", &v_id);
    v.set_metadata(&owner, &s("offer-1"), &s("ipfs://bafy"));
    r.take("vault", &v_id);
    v.pause(&owner);
    r.take("vault", &v_id);
    v.unpause(&owner);
    r.take("vault", &v_id);
    v.set_admin(&owner, &next, &2_000);
    r.take("vault", &v_id);
    v.accept_admin(&next);
    r.take("vault", &v_id);
    v.upgrade(&next, &stable_hash(env, v1::vault::WASM));
    r.take("vault", &v_id);
    if version == 1 {
        force_schema(env, &v_id, 0);
        v.migrate(&next);
        r.take("vault", &v_id);
    } else {
        // The real path: a v1 vault upgraded to this code and migrated.
        let old = env.register(
            v1::vault::WASM,
            legacy_vault_args(&owner, &w.usdc, None, None),
        );
        let old = vault::Client::new(env, &old);
        old.upgrade(&owner, &env.deployer().upload_contract_wasm(code.vault));
        old.migrate(&owner);
        r.take("vault", &old.address);
    }
    r.captured
}

/// Code version 3 (the current build): every event of its specs, including
/// the constructor events, the compact `batch_deduct`, the spend limit, the
/// sweeps and the guarded redeploy (a successor names the settlement with
/// `set_predecessor`, the settlement retires into it, the successor imports
/// the retired settlement's balances). `migrated` comes from the real path:
/// a code-version-2 vault and settlement upgraded to this build and migrated.
fn emit_v3() -> Captured {
    let w = Setup::new();
    let env = &w.env;
    let code = wasms(3);
    let mut r = Recorder {
        env,
        captured: BTreeMap::new(),
    };
    let s = |v: &str| w.s(v);
    // A deduct's `valid_until_ledger`: five minutes after ledger 1,000.
    let until = 1_060u32;

    // Settlement: constructor (settlement_initialized, vault_set), money in
    // and out, booking untracked USDC.
    let first_vault = Address::generate(env);
    let s_id = env.register(
        code.settlement,
        (w.admin.clone(), w.usdc.clone(), Some(first_vault.clone())),
    );
    r.take("settlement", &s_id);
    let st = settlement::Client::new(env, &s_id);
    let dev = Address::generate(env);
    w.sac.mint(&first_vault, &1_000);
    st.receive_payment(&first_vault, &100, &true, &None);
    r.take("settlement", &s_id);
    st.receive_payment(&first_vault, &70, &false, &Some(dev.clone()));
    r.take("settlement", &s_id);
    st.withdraw(&dev, &20);
    r.take("settlement", &s_id);
    st.distribute_pool(&w.admin, &dev, &30);
    r.take("settlement", &s_id);
    w.sac.mint(&s_id, &15);
    st.book_untracked(&w.admin);
    r.take("settlement", &s_id);
    let next = Address::generate(env);
    st.set_admin(&w.admin, &next, &2_000);
    r.take("settlement", &s_id);
    st.accept_admin(&next);
    r.take("settlement", &s_id);
    // Guarded redeploy: the successor names this settlement, this one
    // retires into it, the successor imports the balances it left.
    let successor = env.register(
        code.settlement,
        (w.admin.clone(), w.usdc.clone(), None::<Address>),
    );
    let succ = settlement::Client::new(env, &successor);
    succ.set_predecessor(&w.admin, &s_id);
    r.take("settlement", &successor);
    st.retire(&next, &successor);
    r.take("settlement", &s_id);
    succ.import_balances(&w.admin, &10);
    r.take("settlement", &successor);
    st.upgrade(&next, &stable_hash(env, v1::settlement::WASM));
    r.take("settlement", &s_id);
    // migrated: a code-version-2 settlement upgraded to this build.
    let old = env.register(
        v2::settlement::WASM,
        (w.admin.clone(), w.usdc.clone(), None::<Address>),
    );
    v2::settlement::Client::new(env, &old).upgrade(
        &w.admin,
        &env.deployer().upload_contract_wasm(code.settlement),
    );
    settlement::Client::new(env, &old).migrate(&w.admin);
    r.take("settlement", &old);

    // Revenue pool: constructor (pool_initialized) and every call.
    let p_id = env.register(code.pool, (w.admin.clone(), w.usdc.clone()));
    r.take("revenue_pool", &p_id);
    let pool = revenue_pool::Client::new(env, &p_id);
    w.sac.mint(&p_id, &500);
    pool.distribute(&w.admin, &dev, &40);
    r.take("revenue_pool", &p_id);
    pool.set_admin(&w.admin, &next, &2_000);
    r.take("revenue_pool", &p_id);
    pool.accept_admin(&next);
    r.take("revenue_pool", &p_id);
    // The pool's storage layout is still schema 1: no upgrade from code
    // version 2 migrates anything, so the marker is reset to replay it.
    force_schema(env, &p_id, 0);
    pool.migrate(&next);
    r.take("revenue_pool", &p_id);
    pool.upgrade(&next, &stable_hash(env, v1::revenue_pool::WASM));
    r.take("revenue_pool", &p_id);

    // Vault: the operator (`w.admin`) is its admin, named in the constructor.
    let owner = Address::generate(env);
    w.sac.mint(&owner, &10_000);
    let v_id = env.register(
        code.vault,
        vault_args(&owner, &w.admin, &w.usdc, Some(&w.backend), Some(&p_id)),
    );
    r.take("vault", &v_id);
    let v = vault::Client::new(env, &v_id);
    v.deposit(&owner, &1_000);
    r.take("vault", &v_id);
    v.withdraw(&100);
    r.take("vault", &v_id);
    v.set_spend_limit(
        &owner,
        &Some(vault::SpendLimit {
            amount: 500,
            period_ledgers: 17_280,
        }),
    );
    r.take("vault", &v_id);
    v.deduct(&w.backend, &25, &s("req-1"), &Some(dev.clone()), &until);
    r.take("vault", &v_id);
    // Three calls: two credit `dev`, one the pool.
    let calls = [
        (5, "req-2", Some(&dev)),
        (7, "req-3", None),
        (3, "req-4", Some(&dev)),
    ];
    let batch = crate::world::columns(env, &calls);
    v.batch_deduct(&w.backend, &s("batch-1"), &batch, &until);
    r.take("vault", &v_id);
    // USDC sent to the vault outside `deposit`, swept back by the owner.
    w.sac.mint(&v_id, &9);
    v.sweep(&owner);
    r.take("vault", &v_id);
    let friend = Address::generate(env);
    v.set_allowed_depositor(&owner, &friend, &true);
    r.take("vault", &v_id);
    v.set_authorized_caller(&w.admin, &Some(w.backend.clone()));
    r.take("vault", &v_id);
    v.set_min_deposit(&w.admin, &2);
    r.take("vault", &v_id);
    v.set_max_deduct(&w.admin, &500);
    r.take("vault", &v_id);
    v.set_max_batch(&w.admin, &10);
    r.take("vault", &v_id);
    v.set_revenue_pool(&w.admin, &None);
    r.take("vault", &v_id);
    let s2 = env.register(
        code.settlement,
        (w.admin.clone(), w.usdc.clone(), Some(v_id.clone())),
    );
    v.set_settlement(&w.admin, &Some(s2));
    r.take("vault", &v_id);
    v.set_metadata(&w.admin, &s("offer-1"), &s("ipfs://bafy"));
    r.take("vault", &v_id);
    v.pause(&w.admin);
    r.take("vault", &v_id);
    v.unpause(&w.admin);
    r.take("vault", &v_id);
    v.set_admin(&w.admin, &next, &2_000);
    r.take("vault", &v_id);
    v.accept_admin(&next);
    r.take("vault", &v_id);
    v.upgrade(&next, &stable_hash(env, v1::vault::WASM));
    r.take("vault", &v_id);
    // migrated: a code-version-2 vault upgraded to this build.
    let old = env.register(
        v2::vault::WASM,
        legacy_vault_args(&owner, &w.usdc, None, None),
    );
    v2::vault::Client::new(env, &old)
        .upgrade(&owner, &env.deployer().upload_contract_wasm(code.vault));
    vault::Client::new(env, &old).migrate(&owner);
    r.take("vault", &old);
    r.captured
}

fn hex(bytes: &[u8]) -> StdString {
    bytes.iter().map(|b| std::format!("{b:02x}")).collect()
}

/// The value an indexer decodes, in a client-neutral JSON form.
fn to_json(v: &ScVal) -> Json {
    match v {
        ScVal::Bool(b) => json!(b),
        ScVal::Void => Json::Null,
        ScVal::U32(n) => json!(n),
        ScVal::I32(n) => json!(n),
        ScVal::U64(n) => json!(n.to_string()),
        ScVal::I64(n) => json!(n.to_string()),
        ScVal::U128(p) => json!(((p.hi as u128) << 64 | p.lo as u128).to_string()),
        ScVal::I128(p) => json!((((p.hi as i128) << 64) | p.lo as i128).to_string()),
        ScVal::Bytes(b) => json!(hex(b.as_slice())),
        ScVal::String(s) => json!(StdString::from_utf8_lossy(s.as_slice())),
        ScVal::Symbol(s) => json!(StdString::from_utf8_lossy(s.as_slice())),
        ScVal::Address(a) => json!(a.to_string()),
        ScVal::Vec(Some(items)) => Json::Array(items.iter().map(to_json).collect()),
        // A struct (`#[contracttype]`): its fields by name.
        ScVal::Map(Some(entries)) => Json::Object(
            entries
                .iter()
                .map(|e| {
                    let ScVal::Symbol(key) = &e.key else {
                        panic!("non-symbol struct field {:?}", e.key)
                    };
                    (
                        StdString::from_utf8_lossy(key.as_slice()).into_owned(),
                        to_json(&e.val),
                    )
                })
                .collect(),
        ),
        other => panic!("no fixture encoding for {other:?}"),
    }
}

/// Topic parameter names of each event (by topic-0 name), from the spec.
fn topic_names(wasm: &[u8]) -> BTreeMap<StdString, StdVec<StdString>> {
    soroban_spec::read::from_wasm(wasm)
        .unwrap()
        .into_iter()
        .filter_map(|e| match e {
            ScSpecEntry::EventV0(e) => Some((
                StdString::from_utf8_lossy(e.prefix_topics[0].as_slice()).into_owned(),
                e.params
                    .iter()
                    .filter(|p| p.location == ScSpecEventParamLocationV0::TopicList)
                    .map(|p| StdString::from_utf8_lossy(p.name.as_slice()).into_owned())
                    .collect(),
            )),
            _ => None,
        })
        .collect()
}

fn fixture(
    contract: &str,
    version: u32,
    name: &str,
    event: &ContractEvent,
    topics: &[StdString],
) -> StdString {
    let ContractEventBody::V0(body) = &event.body;
    let mut expected = JsonMap::new();
    for (param, value) in topics.iter().zip(body.topics.iter().skip(1)) {
        expected.insert(param.clone(), to_json(value));
    }
    let ScVal::Map(Some(data)) = &body.data else {
        panic!("{contract} {name}: data is not a map");
    };
    for entry in data.iter() {
        let ScVal::Symbol(key) = &entry.key else {
            panic!("non-symbol data key")
        };
        expected.insert(
            StdString::from_utf8_lossy(key.as_slice()).into_owned(),
            to_json(&entry.val),
        );
    }
    let doc = json!({
        "contract": contract,
        "version": version,
        "event": name,
        "topics_xdr": body.topics.iter().map(|t| t.to_xdr_base64(Limits::none()).unwrap()).collect::<StdVec<_>>(),
        "data_xdr": body.data.to_xdr_base64(Limits::none()).unwrap(),
        "expected": expected,
    });
    let mut out = serde_json::to_string_pretty(&doc).unwrap();
    out.push('\n');
    out
}

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/events/fixtures")
}

/// Compares (or, for the current version with `CALLORA_UPDATE_FIXTURES=1`,
/// writes) the fixtures of code `version`. Released versions' fixtures are
/// never written: their WASMs are frozen, so any difference is a defect of
/// the scenario, not a new shape.
fn check_version(version: u32) {
    let update = std::env::var("CALLORA_UPDATE_FIXTURES").is_ok_and(|v| v == "1")
        && version == crate::rehearsal::CURRENT_VERSION;
    let captured = emit_all(version);
    let code = wasms(version);
    let mut problems = StdVec::new();
    for (contract, wasm) in [
        ("vault", code.vault),
        ("revenue_pool", code.pool),
        ("settlement", code.settlement),
    ] {
        let names = topic_names(wasm);
        // Every event in the spec was emitted, and nothing outside it.
        let emitted: StdVec<&StdString> = captured
            .keys()
            .filter(|(c, _)| *c == contract)
            .map(|(_, n)| n)
            .collect();
        assert_eq!(
            emitted,
            names.keys().collect::<StdVec<_>>(),
            "{contract} v{version}: events emitted vs spec"
        );
        let dir = fixtures_dir()
            .join(contract)
            .join(std::format!("v{version}"));
        if update && !dir.exists() {
            std::fs::create_dir_all(&dir).unwrap();
        }
        let on_disk: StdVec<StdString> = std::fs::read_dir(&dir)
            .map(|d| {
                d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        for (name, topics) in &names {
            let text = fixture(
                contract,
                version,
                name,
                &captured[&(contract, name.clone())],
                topics,
            );
            let path = dir.join(std::format!("{name}.json"));
            match std::fs::read_to_string(&path) {
                Ok(existing) if existing == text => {}
                _ if update => std::fs::write(&path, &text).unwrap(),
                Ok(_) => problems.push(std::format!(
                    "docs/events/fixtures/{contract}/v{version}/{name}.json differs from what \
                     the v{version} WASM emits"
                )),
                Err(_) => problems.push(std::format!(
                    "docs/events/fixtures/{contract}/v{version}/{name}.json missing: every \
                     event of the spec needs its fixture"
                )),
            }
        }
        for file in on_disk {
            if !names.contains_key(file.trim_end_matches(".json")) {
                problems.push(std::format!(
                    "{contract}/v{version}/{file}: no such event in the spec"
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "event fixtures out of date (shape changed without a version bump?):\n{}",
        problems.join("\n")
    );
}

#[test]
fn golden_event_fixtures_v1() {
    check_version(1);
}

#[test]
fn golden_event_fixtures_v2() {
    check_version(2);
}

#[test]
fn golden_event_fixtures_v3() {
    assert_eq!(
        crate::rehearsal::CURRENT_VERSION,
        3,
        "a new code version needs its own fixture scenario (emit_all) and test"
    );
    check_version(3);
}

/// Each contract has one fixture folder per code version, 1 through the
/// current one, and nothing else.
#[test]
fn fixture_folders_are_the_code_versions() {
    let expected: StdVec<StdString> = (1..=crate::rehearsal::CURRENT_VERSION)
        .map(|v| std::format!("v{v}"))
        .collect();
    for contract in ["vault", "revenue_pool", "settlement"] {
        let mut found: StdVec<StdString> = std::fs::read_dir(fixtures_dir().join(contract))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        found.sort_by_key(|v| v[1..].parse::<u32>().unwrap_or(u32::MAX));
        assert_eq!(found, expected, "{contract}");
    }
}

/// `docs/interfaces/batch_digest.json`: a test vector of the argument a
/// backend signs for a code version 3 `batch_deduct` (`sha256` of the XDR of
/// `[request_id, batch, valid_until_ledger]`), for clients that check what
/// they sign; the interop suite recomputes it with `@stellar/stellar-sdk`.
/// Written with `CALLORA_UPDATE_FIXTURES=1`.
#[test]
fn batch_digest_vector_is_current() {
    let w = crate::world::World::new();
    let env = &w.env;
    use soroban_sdk::xdr::{AccountId, ContractId, Hash, PublicKey, ScAddress, Uint256};
    let address = |a: ScAddress| Address::try_from_val(env, &ScVal::Address(a)).unwrap();
    let dev = address(ScAddress::Account(AccountId(
        PublicKey::PublicKeyTypeEd25519(Uint256([7; 32])),
    )));
    let contract = address(ScAddress::Contract(ContractId(Hash([9; 32]))));
    let calls = [
        (5, "call-1", Some(&dev)),
        (7, "call-2", None),
        (3, "call-3", Some(&contract)),
        (1, "call-4", Some(&dev)),
    ];
    let batch = crate::world::columns(env, &calls);
    let request_id = soroban_sdk::String::from_str(env, "batch-1");
    let until = w.until();
    let digest = crate::world::batch_digest(env, &request_id, &batch, until);
    // The authorization tree the host records for the backend (what
    // simulation returns for it to sign): `batch_deduct` over the digest
    // alone, nothing beneath it.
    let c = w.consumer(100, true);
    c.vault.deposit(&c.owner, &100);
    c.vault
        .batch_deduct(&w.backend, &request_id, &batch, &until);
    let recorded = env.host().get_recorded_auth_payloads().unwrap();
    let backend = ScAddress::from(&w.backend);
    let mine: StdVec<_> = recorded
        .iter()
        .filter(|p| p.address.as_ref() == Some(&backend))
        .collect();
    assert_eq!(mine.len(), 1, "{recorded:?}");
    let invocation = &mine[0].invocation;
    assert!(invocation.sub_invocations.is_empty());
    let scval = |v: soroban_sdk::Val| ScVal::try_from_val(env, &v).unwrap();
    let batch_val = scval(batch.into_val(env));
    let doc = json!({
        "about": "the one argument a backend signs for a code version 3 batch_deduct: \
                  sha256 of the XDR of ScVal::Vec([request_id, batch, valid_until_ledger]); \
                  invocation_xdr is the SorobanAuthorizedInvocation the host records for the \
                  backend (simulation's auth entry) on vault",
        "request_id": "batch-1",
        "batch": to_json(&batch_val),
        "batch_xdr": batch_val.to_xdr_base64(Limits::none()).unwrap(),
        "valid_until_ledger": until,
        "digest_hex": hex(&digest.to_array()),
        "vault": c.vault.address.to_string().to_string(),
        "invocation_xdr": invocation.to_xdr_base64(Limits::none()).unwrap(),
    });
    let mut text = serde_json::to_string_pretty(&doc).unwrap();
    text.push('\n');
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/interfaces/batch_digest.json");
    if std::env::var("CALLORA_UPDATE_FIXTURES").is_ok_and(|v| v == "1") {
        std::fs::write(&path, &text).unwrap();
    }
    assert_eq!(
        std::fs::read_to_string(&path).ok().as_deref(),
        Some(text.as_str()),
        "docs/interfaces/batch_digest.json is stale: CALLORA_UPDATE_FIXTURES=1 cargo test -p callora-tests events"
    );
}
