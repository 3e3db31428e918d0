//! The backfill stream: one event history of a Callora system that starts at
//! code version 1 and ends at the current build, as an indexer replays it.
//!
//! On the in-process host, the frozen v1 WASMs of all three contracts are
//! deployed with live traffic, upgraded in place to the frozen v2 WASMs, then
//! to the current build (code version 3), and the settlement is redeployed
//! (v3 `set_predecessor` → `retire` → paged `import_balances`). Every
//! invocation is one transaction in its own ledger. The events of the Callora
//! contracts (the USDC contract's are left out, as an indexer filtering on
//! Callora contract ids would) are exported in `getEvents` JSON form — base64
//! XDR topics and value, contract id, ledger, event id, a synthesized
//! deterministic transaction hash — to `clients/js/test/fixtures/backfill.json`,
//! with the deploy hash and ledger of every contract.
//!
//! `backfill.expected.json` holds what the kit in `clients/js` must decode
//! from it: one canonical record per event, written here from the scenario
//! itself (the arguments of each call and the views read after it, never
//! from the events), with the code (WASM hash, version) each contract ran
//! when it emitted the event, plus the WASM ranges of every contract. The
//! JS test (`clients/js/test/backfill.test.ts`) decodes the stream and
//! compares. The scenario covers every event name of every code version of
//! every contract; `migrated` events that a version never emits on its own
//! (its layout did not change) are produced by resetting the stored schema
//! version first (`force_schema`), as `events.rs` does.
//!
//! Both files are drift-checked; after a deliberate change (any change to a
//! contract changes the current build's hash) regenerate with
//! `CALLORA_UPDATE_BACKFILL=1 cargo test -p callora-tests backfill`.
extern crate std;

use crate::{
    wasm::{revenue_pool, settlement, v1, v2, vault},
    world::force_schema,
};
use serde_json::{json, Value as Json};
use soroban_sdk::{
    testutils::{Address as _, Events as _, Ledger as _},
    token::StellarAssetClient,
    vec,
    xdr::{ContractEventBody, ContractEventType, Limits, ScAddress, ScVal, WriteXdr},
    Address, Bytes, BytesN, Env, String,
};
use std::{
    collections::BTreeMap, format, path::PathBuf, string::String as StdString, vec::Vec as StdVec,
};

const START_LEDGER: u32 = 1_000;
const START_TIME: u64 = 1_750_000_000;

fn sk(a: &Address) -> Json {
    json!(ScAddress::from(a).to_string())
}

fn n(v: i128) -> Json {
    json!(v.to_string())
}

fn hex(bytes: &[u8]) -> StdString {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// An expected canonical record's name and fields.
fn ev(name: &str, fields: Json) -> (StdString, Json) {
    (name.into(), fields)
}

/// `yyyy-mm-ddThh:mm:ssZ` of a Unix time (the RPC's `ledgerClosedAt`).
fn iso(t: u64) -> StdString {
    let (days, secs) = ((t / 86_400) as i64, t % 86_400);
    // Civil-from-days (Howard Hinnant).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3_600,
        secs / 60 % 60,
        secs % 60
    )
}

/// The recorder: every invocation is one transaction in its own ledger.
struct Tape {
    env: Env,
    /// contract id -> contract name (`vault`, `revenue_pool`, `settlement`).
    kinds: BTreeMap<StdString, &'static str>,
    /// contract id -> (WASM hash, code version) it runs now.
    code: BTreeMap<StdString, (StdString, u32)>,
    /// contract id -> open WASM range (hash, version, first ledger).
    open: BTreeMap<StdString, (StdString, u32, u32)>,
    ranges: StdVec<Json>,
    deployments: StdVec<Json>,
    events: StdVec<Json>,
    records: StdVec<Json>,
    tx: u32,
    /// (contract name, version) -> event names seen.
    seen: BTreeMap<(&'static str, u32), std::collections::BTreeSet<StdString>>,
    /// The constructor's events, kept before `deployed` makes host calls.
    stash: Option<soroban_sdk::testutils::ContractEvents>,
}

impl Tape {
    fn new(env: &Env) -> Tape {
        Tape {
            env: env.clone(),
            kinds: BTreeMap::new(),
            code: BTreeMap::new(),
            open: BTreeMap::new(),
            ranges: StdVec::new(),
            deployments: StdVec::new(),
            events: StdVec::new(),
            records: StdVec::new(),
            tx: 0,
            seen: BTreeMap::new(),
            stash: None,
        }
    }

    fn ledger(&self) -> u32 {
        self.env.ledger().sequence()
    }

    fn tx_hash(&self) -> StdString {
        let preimage = Bytes::from_slice(
            &self.env,
            format!("callora-backfill/tx/{}", self.tx).as_bytes(),
        );
        hex(&self.env.crypto().sha256(&preimage).to_array())
    }

    /// A contract deployed from `wasm` (code `version`) in this transaction.
    fn deployed(&mut self, id: &Address, kind: &'static str, wasm: &[u8], version: u32) {
        self.stash = Some(self.env.events().all());
        let hash = hex(&self.env.deployer().upload_contract_wasm(wasm).to_array());
        let cid = ScAddress::from(id).to_string();
        self.deployments.push(json!({
            "contractId": cid,
            "contract": kind,
            "wasmHash": hash,
            "version": version,
            "ledger": self.ledger(),
            "txHash": self.tx_hash(),
        }));
        self.kinds.insert(cid.clone(), kind);
        self.code.insert(cid.clone(), (hash.clone(), version));
        self.open.insert(cid, (hash, version, self.ledger()));
    }

    /// The contract now runs `wasm` (an upgrade recorded in the previous
    /// transaction; the `upgraded` event itself was emitted by the old code).
    fn upgraded(&mut self, id: &Address, wasm: &[u8], version: u32) {
        let hash = hex(&self.env.deployer().upload_contract_wasm(wasm).to_array());
        let cid = ScAddress::from(id).to_string();
        let upgrade_ledger = self.ledger() - 1;
        let (old_hash, old_version, first) = self.open[&cid].clone();
        if old_hash == hash {
            return; // the same code again: the range continues
        }
        self.ranges.push(json!({
            "contractId": cid,
            "contract": self.kinds[&cid],
            "wasmHash": old_hash,
            "version": old_version,
            "firstLedger": first,
            "lastLedger": upgrade_ledger,
        }));
        self.code.insert(cid.clone(), (hash.clone(), version));
        self.open.insert(cid, (hash, version, upgrade_ledger));
    }

    /// Records the Callora events of the last invocation as one transaction
    /// and checks them against `expected()` ((contract, (event, fields)) in
    /// any order per transaction; the records follow the stream's order),
    /// which runs after the events are taken, so it may read views. Then
    /// moves to the next ledger.
    fn tx<'a>(&mut self, expected: impl FnOnce() -> StdVec<(&'a Address, (StdString, Json))>) {
        // The events first: any later host call (a view, an upload) clears them.
        let all = self.stash.take().unwrap_or_else(|| self.env.events().all());
        let expected = expected();
        let mine: StdVec<_> = all
            .events()
            .iter()
            .filter(|e| e.type_ == ContractEventType::Contract)
            .filter_map(|e| {
                let cid = ScAddress::Contract(e.contract_id.clone()?).to_string();
                self.kinds.contains_key(&cid).then(|| (cid, e.clone()))
            })
            .collect();
        let ledger = self.ledger();
        let hash = self.tx_hash();
        let mut pending: StdVec<Option<(StdString, StdString, Json)>> = expected
            .into_iter()
            .map(|(id, (name, fields))| Some((ScAddress::from(id).to_string(), name, fields)))
            .collect();
        let toid = (u64::from(ledger) << 32) | (1 << 12);
        for (index, (cid, event)) in mine.iter().enumerate() {
            let ContractEventBody::V0(body) = &event.body;
            let Some(ScVal::Symbol(name)) = body.topics.first() else {
                panic!("event without a symbol topic 0");
            };
            let name = StdString::from_utf8(name.0.to_vec()).unwrap();
            let id = format!("{toid:019}-{index:010}");
            self.events.push(json!({
                "type": "contract",
                "ledger": ledger,
                "ledgerClosedAt": iso(self.env.ledger().timestamp()),
                "contractId": cid,
                "id": id,
                "operationIndex": 0,
                "transactionIndex": 0,
                "txHash": hash,
                "inSuccessfulContractCall": true,
                "topic": body.topics.iter().map(|t| t.to_xdr_base64(Limits::none()).unwrap()).collect::<StdVec<_>>(),
                "value": body.data.to_xdr_base64(Limits::none()).unwrap(),
            }));
            let Some(at) = pending
                .iter()
                .position(|p| matches!(p, Some((c, e, _)) if c == cid && *e == name))
            else {
                panic!(
                    "tx {} (ledger {ledger}): unexpected {name} from {cid}; expected {pending:?}",
                    self.tx
                )
            };
            let (_, _, fields) = pending[at].take().unwrap();
            let (wasm_hash, version) = self.code[cid].clone();
            let kind = self.kinds[cid];
            self.seen
                .entry((kind, version))
                .or_default()
                .insert(name.clone());
            let mut record = json!({
                "event": name,
                "contract": kind,
                "contractId": cid,
                "wasmHash": wasm_hash,
                "version": version,
                "ledger": ledger,
                "txHash": hash,
                "eventId": id,
            });
            record
                .as_object_mut()
                .unwrap()
                .extend(fields.as_object().unwrap().clone());
            self.records.push(record);
        }
        let missing: StdVec<_> = pending.into_iter().flatten().collect();
        assert!(
            missing.is_empty(),
            "tx {} (ledger {ledger}): expected but not emitted: {missing:?}",
            self.tx
        );
        self.tx += 1;
        self.env.ledger().with_mut(|l| {
            l.sequence_number += 1;
            l.timestamp += 5;
        });
    }

    fn closed_ranges(&self) -> StdVec<Json> {
        let mut ranges = self.ranges.clone();
        for (cid, (hash, version, first)) in &self.open {
            ranges.push(json!({
                "contractId": cid,
                "contract": self.kinds[cid],
                "wasmHash": hash,
                "version": version,
                "firstLedger": first,
                "lastLedger": Json::Null,
            }));
        }
        ranges.sort_by_key(|r| {
            (
                r["contractId"].as_str().unwrap().to_owned(),
                r["firstLedger"].as_u64().unwrap(),
            )
        });
        ranges
    }
}

/// The code of each contract at one version.
struct Code {
    vault: &'static [u8],
    pool: &'static [u8],
    settlement: &'static [u8],
}

const V1: Code = Code {
    vault: v1::vault::WASM,
    pool: v1::revenue_pool::WASM,
    settlement: v1::settlement::WASM,
};
const V2: Code = Code {
    vault: v2::vault::WASM,
    pool: v2::revenue_pool::WASM,
    settlement: v2::settlement::WASM,
};
const V3: Code = Code {
    vault: vault::WASM,
    pool: revenue_pool::WASM,
    settlement: settlement::WASM,
};
const CURRENT: u32 = callora_types::CODE_VERSION;

/// The recorded scenario; returns (stream, expected) documents.
fn record() -> (Json, Json) {
    let env = callora_types::test_env();
    env.mock_all_auths();
    env.ledger().set_sequence_number(START_LEDGER);
    env.ledger().set_timestamp(START_TIME);
    let mut t = Tape::new(&env);
    let g = || Address::generate(&env);
    let s = |v: &str| String::from_str(&env, v);
    let (admin, admin2, backend) = (g(), g(), g());
    let (owner_a, owner_b, owner_c, friend) = (g(), g(), g(), g());
    let (op1, op2, op3) = (g(), g(), g());
    let (dev, dev2, dev3) = (g(), g(), g());
    let usdc = env.register_stellar_asset_contract_v2(g()).address();
    let sac = StellarAssetClient::new(&env, &usdc);
    sac.mint(&owner_a, &100_000);
    sac.mint(&owner_b, &100_000);
    sac.mint(&friend, &10_000);
    let hash = |wasm: &[u8]| -> BytesN<32> { env.deployer().upload_contract_wasm(wasm) };
    let hx = |h: &BytesN<32>| json!(hex(&h.to_array()));
    let until = |e: &Env| e.ledger().sequence() + 100;

    // ---------------------------------------------------------------
    // Code version 1: settlement S1, revenue pool P, vault A.
    let s1_id = env.register(
        V1.settlement,
        (admin.clone(), usdc.clone(), None::<Address>),
    );
    t.deployed(&s1_id, "settlement", V1.settlement, 1);
    t.tx(|| std::vec![]);
    let p_id = env.register(V1.pool, (admin.clone(), usdc.clone()));
    t.deployed(&p_id, "revenue_pool", V1.pool, 1);
    t.tx(|| std::vec![]);
    let a_id = env.register(
        V1.vault,
        (
            owner_a.clone(),
            usdc.clone(),
            None::<i128>,
            Some(backend.clone()),
            Some(5i128),
            Some(p_id.clone()),
            Some(400i128),
        ),
    );
    t.deployed(&a_id, "vault", V1.vault, 1);
    t.tx(|| std::vec![(
        &a_id,
        ev(
            "vault_initialized",
            json!({"owner": sk(&owner_a), "admin": null, "usdc_token": sk(&usdc), "balance": n(0)}),
        ),
    )]);
    let s1 = v1::settlement::Client::new(&env, &s1_id);
    let p = v1::revenue_pool::Client::new(&env, &p_id);
    let a = v1::vault::Client::new(&env, &a_id);

    s1.set_vault(&admin, &a_id, &true);
    t.tx(|| {
        std::vec![(
            &s1_id,
            ev("vault_set", json!({"vault": sk(&a_id), "allowed": true})),
        )]
    });
    a.set_settlement(&owner_a, &Some(s1_id.clone()));
    t.tx(|| {
        std::vec![(
            &a_id,
            ev("settlement_set", json!({"settlement": sk(&s1_id)})),
        )]
    });
    a.deposit(&owner_a, &3_000);
    t.tx(|| {
        std::vec![(
            &a_id,
            ev(
                "deposit",
                json!({"from": sk(&owner_a), "amount": n(3_000), "balance": n(a.balance())}),
            ),
        )]
    });
    a.set_allowed_depositor(&owner_a, &friend, &true);
    t.tx(|| {
        std::vec![(
            &a_id,
            ev(
                "depositor_set",
                json!({"depositor": sk(&friend), "allowed": true}),
            ),
        )]
    });
    a.deposit(&friend, &500);
    t.tx(|| {
        std::vec![(
            &a_id,
            ev(
                "deposit",
                json!({"from": sk(&friend), "amount": n(500), "balance": n(a.balance())}),
            ),
        )]
    });
    a.deduct(&backend, &120, &s("a-1"), &Some(dev.clone()));
    t.tx(|| std::vec![
        (
            &a_id,
            ev("deduct", json!({"request_id": "a-1", "amount": n(120), "developer": sk(&dev), "balance": n(a.balance())})),
        ),
        (
            &s1_id,
            ev("developer_credited", json!({"developer": sk(&dev), "vault": sk(&a_id), "amount": n(120), "balance": n(s1.get_developer_balance(&dev))})),
        ),
    ]);
    a.deduct(&backend, &30, &s("a-2"), &None);
    t.tx(|| std::vec![
        (
            &a_id,
            ev("deduct", json!({"request_id": "a-2", "amount": n(30), "developer": null, "balance": n(a.balance())})),
        ),
        (
            &s1_id,
            ev("pool_credited", json!({"vault": sk(&a_id), "amount": n(30), "total_balance": n(s1.get_global_pool().total_balance)})),
        ),
    ]);
    let before = a.balance();
    a.batch_deduct(
        &backend,
        &vec![
            &env,
            v1::vault::DeductItem {
                amount: 15,
                request_id: s("a-3"),
                developer: Some(dev.clone()),
            },
            v1::vault::DeductItem {
                amount: 5,
                request_id: s("a-4"),
                developer: None,
            },
        ],
    );
    t.tx(|| std::vec![
        (
            &a_id,
            ev("deduct", json!({"request_id": "a-3", "amount": n(15), "developer": sk(&dev), "balance": n(before - 15)})),
        ),
        (
            &a_id,
            ev("deduct", json!({"request_id": "a-4", "amount": n(5), "developer": null, "balance": n(before - 20)})),
        ),
        (
            &s1_id,
            ev("developer_credited", json!({"developer": sk(&dev), "vault": sk(&a_id), "amount": n(15), "balance": n(s1.get_developer_balance(&dev))})),
        ),
        (
            &s1_id,
            ev("pool_credited", json!({"vault": sk(&a_id), "amount": n(5), "total_balance": n(s1.get_global_pool().total_balance)})),
        ),
    ]);
    a.withdraw(&100);
    t.tx(|| {
        std::vec![(
            &a_id,
            ev(
                "withdraw",
                json!({"to": sk(&owner_a), "amount": n(100), "balance": n(a.balance())}),
            ),
        )]
    });
    s1.withdraw(&dev, &35);
    t.tx(|| std::vec![(
        &s1_id,
        ev("developer_withdrawal", json!({"developer": sk(&dev), "amount": n(35), "balance": n(s1.get_developer_balance(&dev))})),
    )]);
    s1.distribute_pool(&admin, &dev, &10);
    t.tx(|| std::vec![(
        &s1_id,
        ev("pool_distributed", json!({"to": sk(&dev), "amount": n(10), "total_balance": n(s1.get_global_pool().total_balance)})),
    )]);
    // Balances carried over from an earlier settlement (v1 import: the
    // operator passes them; the USDC arrived first).
    sac.mint(&s1_id, &15);
    s1.import_balances(
        &admin,
        &vec![
            &env,
            v1::settlement::DeveloperBalance {
                developer: dev2.clone(),
                balance: 10,
            },
        ],
        &5,
    );
    t.tx(|| std::vec![(
        &s1_id,
        ev("balances_imported", json!({"predecessor": null, "balances": null, "developers": 1, "developer_amount": n(10), "pool_amount": n(5), "next_index": null})),
    )]);
    a.set_authorized_caller(&owner_a, &Some(backend.clone()));
    t.tx(|| {
        std::vec![(
            &a_id,
            ev(
                "authorized_caller_set",
                json!({"authorized_caller": sk(&backend)}),
            ),
        )]
    });
    a.set_min_deposit(&owner_a, &6);
    t.tx(|| std::vec![(&a_id, ev("min_deposit_set", json!({"min_deposit": n(6)})),)]);
    a.set_max_deduct(&owner_a, &500);
    t.tx(|| std::vec![(&a_id, ev("max_deduct_set", json!({"max_deduct": n(500)})),)]);
    a.set_metadata(&owner_a, &s("offer-1"), &s("ipfs://v1"));
    t.tx(|| {
        std::vec![(
            &a_id,
            ev(
                "metadata_set",
                json!({"offering_id": "offer-1", "metadata": "ipfs://v1"}),
            ),
        )]
    });
    a.pause(&owner_a);
    t.tx(|| std::vec![(&a_id, ev("paused", json!({"admin": sk(&owner_a)})))]);
    a.unpause(&owner_a);
    t.tx(|| std::vec![(&a_id, ev("unpaused", json!({"admin": sk(&owner_a)})),)]);
    a.set_revenue_pool(&owner_a, &Some(p_id.clone()));
    t.tx(|| {
        std::vec![(
            &a_id,
            ev("revenue_pool_set", json!({"revenue_pool": sk(&p_id)})),
        )]
    });
    sac.mint(&p_id, &50);
    p.distribute(&admin, &dev, &10);
    t.tx(|| {
        std::vec![(
            &p_id,
            ev(
                "distributed",
                json!({"to": sk(&dev), "amount": n(10), "balance": n(p.balance())}),
            ),
        )]
    });
    // Handovers: settlement and pool admin -> admin2; the vault's admin
    // (the owner, in versions 1 and 2) -> the operator op1.
    let lu = until(&env);
    s1.set_admin(&admin, &admin2, &lu);
    t.tx(|| {
        std::vec![(
            &s1_id,
            ev(
                "admin_proposed",
                json!({"admin": sk(&admin), "pending_admin": sk(&admin2), "live_until_ledger": lu}),
            ),
        )]
    });
    s1.accept_admin(&admin2);
    t.tx(|| {
        std::vec![(
            &s1_id,
            ev(
                "admin_accepted",
                json!({"admin": sk(&admin2), "previous_admin": sk(&admin)}),
            ),
        )]
    });
    let lu = until(&env);
    p.set_admin(&admin, &admin2, &lu);
    t.tx(|| {
        std::vec![(
            &p_id,
            ev(
                "admin_proposed",
                json!({"admin": sk(&admin), "pending_admin": sk(&admin2), "live_until_ledger": lu}),
            ),
        )]
    });
    p.accept_admin(&admin2);
    t.tx(|| {
        std::vec![(
            &p_id,
            ev(
                "admin_accepted",
                json!({"admin": sk(&admin2), "previous_admin": sk(&admin)}),
            ),
        )]
    });
    let lu = until(&env);
    a.set_admin(&owner_a, &op1, &lu);
    t.tx(|| {
        std::vec![(
            &a_id,
            ev(
                "admin_proposed",
                json!({"admin": sk(&owner_a), "pending_admin": sk(&op1), "live_until_ledger": lu}),
            ),
        )]
    });
    a.accept_admin(&op1);
    t.tx(|| {
        std::vec![(
            &a_id,
            ev(
                "admin_accepted",
                json!({"admin": sk(&op1), "previous_admin": sk(&owner_a)}),
            ),
        )]
    });
    // `migrated` under v1 (its layout never changes within v1).
    for (id, caller) in [(&s1_id, &admin2), (&p_id, &admin2), (&a_id, &op1)] {
        force_schema(&env, id, 0);
        match t.kinds[&ScAddress::from(id).to_string()] {
            "settlement" => s1.migrate(caller),
            "revenue_pool" => p.migrate(caller),
            _ => a.migrate(caller),
        }
        t.tx(|| std::vec![(id, ev("migrated", json!({"from": 0, "to": 1})))]);
    }
    // Upgrade in place to code version 2, in the playbook's order.
    let h = hash(V2.settlement);
    s1.upgrade(&admin2, &h);
    t.tx(|| {
        std::vec![(
            &s1_id,
            ev(
                "upgraded",
                json!({"new_wasm_hash": hx(&h), "from_version": 1}),
            ),
        )]
    });
    t.upgraded(&s1_id, V2.settlement, 2);
    let h = hash(V2.pool);
    p.upgrade(&admin2, &h);
    t.tx(|| {
        std::vec![(
            &p_id,
            ev(
                "upgraded",
                json!({"new_wasm_hash": hx(&h), "from_version": 1}),
            ),
        )]
    });
    t.upgraded(&p_id, V2.pool, 2);
    let h = hash(V2.vault);
    a.upgrade(&op1, &h);
    t.tx(|| {
        std::vec![(
            &a_id,
            ev(
                "upgraded",
                json!({"new_wasm_hash": hx(&h), "from_version": 1}),
            ),
        )]
    });
    t.upgraded(&a_id, V2.vault, 2);

    // ---------------------------------------------------------------
    // Code version 2.
    let s1 = v2::settlement::Client::new(&env, &s1_id);
    let p = v2::revenue_pool::Client::new(&env, &p_id);
    let a = v2::vault::Client::new(&env, &a_id);
    a.migrate(&op1);
    t.tx(|| std::vec![(&a_id, ev("migrated", json!({"from": 1, "to": 2})))]);
    force_schema(&env, &s1_id, 0);
    s1.migrate(&admin2);
    t.tx(|| std::vec![(&s1_id, ev("migrated", json!({"from": 0, "to": 1})))]);
    force_schema(&env, &p_id, 0);
    p.migrate(&admin2);
    t.tx(|| std::vec![(&p_id, ev("migrated", json!({"from": 0, "to": 1})))]);
    // A pilot settlement deployed at v2, retired into S1; S1 imports its
    // balances (the v2 redeploy path).
    let sx_id = env.register(
        V2.settlement,
        (admin.clone(), usdc.clone(), None::<Address>),
    );
    t.deployed(&sx_id, "settlement", V2.settlement, 2);
    t.tx(|| std::vec![]);
    let sx = v2::settlement::Client::new(&env, &sx_id);
    sac.mint(&sx_id, &15);
    sx.retire(&admin, &s1_id);
    t.tx(|| {
        std::vec![(
            &sx_id,
            ev("retired", json!({"successor": sk(&s1_id), "amount": n(15)})),
        )]
    });
    s1.import_balances(
        &admin2,
        &vec![
            &env,
            v2::settlement::DeveloperBalance {
                developer: dev3.clone(),
                balance: 10,
            },
        ],
        &5,
    );
    t.tx(|| std::vec![(
        &s1_id,
        ev("balances_imported", json!({"predecessor": null, "balances": null, "developers": 1, "developer_amount": n(10), "pool_amount": n(5), "next_index": null})),
    )]);
    // Vault B, deployed at v2, pays the revenue pool.
    let b_id = env.register(
        V2.vault,
        (
            owner_b.clone(),
            usdc.clone(),
            None::<i128>,
            Some(backend.clone()),
            None::<i128>,
            Some(p_id.clone()),
            None::<i128>,
        ),
    );
    t.deployed(&b_id, "vault", V2.vault, 2);
    t.tx(|| std::vec![(
        &b_id,
        ev(
            "vault_initialized",
            json!({"owner": sk(&owner_b), "admin": null, "usdc_token": sk(&usdc), "balance": n(0)}),
        ),
    )]);
    let b = v2::vault::Client::new(&env, &b_id);
    b.deposit(&owner_b, &1_000);
    t.tx(|| {
        std::vec![(
            &b_id,
            ev(
                "deposit",
                json!({"from": sk(&owner_b), "amount": n(1_000), "balance": n(b.balance())}),
            ),
        )]
    });
    b.deduct(&backend, &60, &s("b-1"), &None);
    t.tx(|| std::vec![(&b_id, ev("deduct", json!({"request_id": "b-1", "amount": n(60), "developer": null, "balance": n(b.balance())})))]);
    p.distribute(&admin2, &dev, &20);
    t.tx(|| {
        std::vec![(
            &p_id,
            ev(
                "distributed",
                json!({"to": sk(&dev), "amount": n(20), "balance": n(p.balance())}),
            ),
        )]
    });
    a.deposit(&owner_a, &100);
    t.tx(|| {
        std::vec![(
            &a_id,
            ev(
                "deposit",
                json!({"from": sk(&owner_a), "amount": n(100), "balance": n(a.balance())}),
            ),
        )]
    });
    a.withdraw(&50);
    t.tx(|| {
        std::vec![(
            &a_id,
            ev(
                "withdraw",
                json!({"to": sk(&owner_a), "amount": n(50), "balance": n(a.balance())}),
            ),
        )]
    });
    a.deduct(&backend, &10, &s("a-5"), &Some(dev.clone()));
    t.tx(|| std::vec![
        (&a_id, ev("deduct", json!({"request_id": "a-5", "amount": n(10), "developer": sk(&dev), "balance": n(a.balance())}))),
        (&s1_id, ev("developer_credited", json!({"developer": sk(&dev), "vault": sk(&a_id), "amount": n(10), "balance": n(s1.get_developer_balance(&dev))}))),
    ]);
    let before = a.balance();
    a.batch_deduct(
        &backend,
        &vec![
            &env,
            v2::vault::DeductItem {
                amount: 6,
                request_id: s("a-6"),
                developer: None,
            },
            v2::vault::DeductItem {
                amount: 4,
                request_id: s("a-7"),
                developer: Some(dev3.clone()),
            },
        ],
    );
    t.tx(|| std::vec![
        (&a_id, ev("deduct", json!({"request_id": "a-6", "amount": n(6), "developer": null, "balance": n(before - 6)}))),
        (&a_id, ev("deduct", json!({"request_id": "a-7", "amount": n(4), "developer": sk(&dev3), "balance": n(before - 10)}))),
        (&s1_id, ev("pool_credited", json!({"vault": sk(&a_id), "amount": n(6), "total_balance": n(s1.get_global_pool().total_balance)}))),
        (&s1_id, ev("developer_credited", json!({"developer": sk(&dev3), "vault": sk(&a_id), "amount": n(4), "balance": n(s1.get_developer_balance(&dev3))}))),
    ]);
    a.set_allowed_depositor(&owner_a, &friend, &false);
    t.tx(|| {
        std::vec![(
            &a_id,
            ev(
                "depositor_set",
                json!({"depositor": sk(&friend), "allowed": false}),
            ),
        )]
    });
    a.set_authorized_caller(&op1, &Some(backend.clone()));
    t.tx(|| {
        std::vec![(
            &a_id,
            ev(
                "authorized_caller_set",
                json!({"authorized_caller": sk(&backend)}),
            ),
        )]
    });
    a.set_min_deposit(&op1, &7);
    t.tx(|| std::vec![(&a_id, ev("min_deposit_set", json!({"min_deposit": n(7)})),)]);
    a.set_max_deduct(&op1, &600);
    t.tx(|| std::vec![(&a_id, ev("max_deduct_set", json!({"max_deduct": n(600)})),)]);
    a.set_max_batch(&op1, &10);
    t.tx(|| std::vec![(&a_id, ev("max_batch_set", json!({"max_batch": 10})))]);
    a.set_settlement(&op1, &Some(s1_id.clone()));
    t.tx(|| {
        std::vec![(
            &a_id,
            ev("settlement_set", json!({"settlement": sk(&s1_id)})),
        )]
    });
    a.set_revenue_pool(&op1, &None);
    t.tx(|| std::vec![(&a_id, ev("revenue_pool_set", json!({"revenue_pool": null})),)]);
    a.set_metadata(&op1, &s("offer-1"), &s("ipfs://v2"));
    t.tx(|| {
        std::vec![(
            &a_id,
            ev(
                "metadata_set",
                json!({"offering_id": "offer-1", "metadata": "ipfs://v2"}),
            ),
        )]
    });
    a.pause(&op1);
    t.tx(|| std::vec![(&a_id, ev("paused", json!({"admin": sk(&op1)})))]);
    a.unpause(&op1);
    t.tx(|| std::vec![(&a_id, ev("unpaused", json!({"admin": sk(&op1)})))]);
    s1.withdraw(&dev, &5);
    t.tx(|| std::vec![(&s1_id, ev("developer_withdrawal", json!({"developer": sk(&dev), "amount": n(5), "balance": n(s1.get_developer_balance(&dev))})))]);
    s1.distribute_pool(&admin2, &dev, &5);
    t.tx(|| std::vec![(&s1_id, ev("pool_distributed", json!({"to": sk(&dev), "amount": n(5), "total_balance": n(s1.get_global_pool().total_balance)})))]);
    s1.set_vault(&admin2, &b_id, &false);
    t.tx(|| {
        std::vec![(
            &s1_id,
            ev("vault_set", json!({"vault": sk(&b_id), "allowed": false})),
        )]
    });
    // Handovers: admin2 -> admin; op1 -> op2.
    let lu = until(&env);
    s1.set_admin(&admin2, &admin, &lu);
    t.tx(|| {
        std::vec![(
            &s1_id,
            ev(
                "admin_proposed",
                json!({"admin": sk(&admin2), "pending_admin": sk(&admin), "live_until_ledger": lu}),
            ),
        )]
    });
    s1.accept_admin(&admin);
    t.tx(|| {
        std::vec![(
            &s1_id,
            ev(
                "admin_accepted",
                json!({"admin": sk(&admin), "previous_admin": sk(&admin2)}),
            ),
        )]
    });
    let lu = until(&env);
    p.set_admin(&admin2, &admin, &lu);
    t.tx(|| {
        std::vec![(
            &p_id,
            ev(
                "admin_proposed",
                json!({"admin": sk(&admin2), "pending_admin": sk(&admin), "live_until_ledger": lu}),
            ),
        )]
    });
    p.accept_admin(&admin);
    t.tx(|| {
        std::vec![(
            &p_id,
            ev(
                "admin_accepted",
                json!({"admin": sk(&admin), "previous_admin": sk(&admin2)}),
            ),
        )]
    });
    let lu = until(&env);
    a.set_admin(&op1, &op2, &lu);
    t.tx(|| {
        std::vec![(
            &a_id,
            ev(
                "admin_proposed",
                json!({"admin": sk(&op1), "pending_admin": sk(&op2), "live_until_ledger": lu}),
            ),
        )]
    });
    a.accept_admin(&op2);
    t.tx(|| {
        std::vec![(
            &a_id,
            ev(
                "admin_accepted",
                json!({"admin": sk(&op2), "previous_admin": sk(&op1)}),
            ),
        )]
    });
    // Upgrade in place to the current build (code version 3). Vault B
    // stays at v2.
    let h = hash(V3.settlement);
    s1.upgrade(&admin, &h);
    t.tx(|| {
        std::vec![(
            &s1_id,
            ev(
                "upgraded",
                json!({"new_wasm_hash": hx(&h), "from_version": 2}),
            ),
        )]
    });
    t.upgraded(&s1_id, V3.settlement, CURRENT);
    let h = hash(V3.pool);
    p.upgrade(&admin, &h);
    t.tx(|| {
        std::vec![(
            &p_id,
            ev(
                "upgraded",
                json!({"new_wasm_hash": hx(&h), "from_version": 2}),
            ),
        )]
    });
    t.upgraded(&p_id, V3.pool, CURRENT);
    let h = hash(V3.vault);
    a.upgrade(&op2, &h);
    t.tx(|| {
        std::vec![(
            &a_id,
            ev(
                "upgraded",
                json!({"new_wasm_hash": hx(&h), "from_version": 2}),
            ),
        )]
    });
    t.upgraded(&a_id, V3.vault, CURRENT);

    // ---------------------------------------------------------------
    // Code version 3.
    let s1 = settlement::Client::new(&env, &s1_id);
    let p = revenue_pool::Client::new(&env, &p_id);
    let a = vault::Client::new(&env, &a_id);
    a.migrate(&op2);
    t.tx(|| std::vec![(&a_id, ev("migrated", json!({"from": 2, "to": 3})))]);
    s1.migrate(&admin);
    t.tx(|| std::vec![(&s1_id, ev("migrated", json!({"from": 1, "to": 2})))]);
    force_schema(&env, &p_id, 0);
    p.migrate(&admin);
    t.tx(|| std::vec![(&p_id, ev("migrated", json!({"from": 0, "to": 1})))]);
    let limit = vault::SpendLimit {
        amount: 1_000,
        period_ledgers: 17_280,
    };
    a.set_spend_limit(&owner_a, &Some(limit));
    t.tx(|| {
        std::vec![(
            &a_id,
            ev(
                "spend_limit_set",
                json!({"limit": {"amount": n(1_000), "period_ledgers": 17_280}}),
            ),
        )]
    });
    a.set_revenue_pool(&op2, &Some(p_id.clone()));
    t.tx(|| {
        std::vec![(
            &a_id,
            ev("revenue_pool_set", json!({"revenue_pool": sk(&p_id)})),
        )]
    });
    a.deposit(&owner_a, &200);
    t.tx(|| {
        std::vec![(
            &a_id,
            ev(
                "deposit",
                json!({"from": sk(&owner_a), "amount": n(200), "balance": n(a.balance())}),
            ),
        )]
    });
    a.withdraw(&20);
    t.tx(|| {
        std::vec![(
            &a_id,
            ev(
                "withdraw",
                json!({"to": sk(&owner_a), "amount": n(20), "balance": n(a.balance())}),
            ),
        )]
    });
    a.deduct(
        &backend,
        &10,
        &s("a-8"),
        &Some(dev.clone()),
        &(env.ledger().sequence() + 60),
    );
    t.tx(|| std::vec![
        (&a_id, ev("deduct", json!({"request_id": "a-8", "amount": n(10), "developer": sk(&dev), "balance": n(a.balance())}))),
        (&s1_id, ev("developer_credited", json!({"developer": sk(&dev), "vault": sk(&a_id), "amount": n(10), "balance": n(s1.get_developer_balance(&dev))}))),
    ]);
    a.deduct(
        &backend,
        &3,
        &s("a-9"),
        &None,
        &(env.ledger().sequence() + 60),
    );
    t.tx(|| std::vec![
        (&a_id, ev("deduct", json!({"request_id": "a-9", "amount": n(3), "developer": null, "balance": n(a.balance())}))),
        (&s1_id, ev("pool_credited", json!({"vault": sk(&a_id), "amount": n(3), "total_balance": n(s1.get_global_pool().total_balance)}))),
    ]);
    // A v3 batch: one columnar `batch_deduct`, one credit per destination.
    a.batch_deduct(
        &backend,
        &s("a-batch-1"),
        &crate::world::columns(
            &env,
            &[
                (4, "a-10", Some(&dev)),
                (3, "a-11", None),
                (2, "a-12", Some(&dev2)),
                (1, "a-13", Some(&dev)),
            ],
        ),
        &(env.ledger().sequence() + 60),
    );
    t.tx(|| std::vec![
        (
            &a_id,
            ev("batch_deduct", json!({
                "request_id": "a-batch-1",
                "items": [
                    {"request_id": "a-10", "amount": n(4), "developer": sk(&dev)},
                    {"request_id": "a-11", "amount": n(3), "developer": null},
                    {"request_id": "a-12", "amount": n(2), "developer": sk(&dev2)},
                    {"request_id": "a-13", "amount": n(1), "developer": sk(&dev)},
                ],
                "total": n(10),
                "balance": n(a.balance()),
            })),
        ),
        (&s1_id, ev("developer_credited", json!({"developer": sk(&dev), "vault": sk(&a_id), "amount": n(5), "balance": n(s1.get_developer_balance(&dev))}))),
        (&s1_id, ev("developer_credited", json!({"developer": sk(&dev2), "vault": sk(&a_id), "amount": n(2), "balance": n(s1.get_developer_balance(&dev2))}))),
        (&s1_id, ev("pool_credited", json!({"vault": sk(&a_id), "amount": n(3), "total_balance": n(s1.get_global_pool().total_balance)}))),
    ]);
    // USDC sent to the vault outside `deposit`, swept by the owner.
    sac.mint(&a_id, &9);
    a.sweep(&owner_a);
    t.tx(|| {
        std::vec![(
            &a_id,
            ev("swept", json!({"to": sk(&owner_a), "amount": n(9)})),
        )]
    });
    a.set_allowed_depositor(&owner_a, &friend, &true);
    t.tx(|| {
        std::vec![(
            &a_id,
            ev(
                "depositor_set",
                json!({"depositor": sk(&friend), "allowed": true}),
            ),
        )]
    });
    a.set_authorized_caller(&op2, &Some(backend.clone()));
    t.tx(|| {
        std::vec![(
            &a_id,
            ev(
                "authorized_caller_set",
                json!({"authorized_caller": sk(&backend)}),
            ),
        )]
    });
    a.set_min_deposit(&op2, &8);
    t.tx(|| std::vec![(&a_id, ev("min_deposit_set", json!({"min_deposit": n(8)})),)]);
    a.set_max_deduct(&op2, &700);
    t.tx(|| std::vec![(&a_id, ev("max_deduct_set", json!({"max_deduct": n(700)})),)]);
    a.set_max_batch(&op2, &20);
    t.tx(|| std::vec![(&a_id, ev("max_batch_set", json!({"max_batch": 20})))]);
    a.set_metadata(&op2, &s("offer-1"), &s("ipfs://v3"));
    t.tx(|| {
        std::vec![(
            &a_id,
            ev(
                "metadata_set",
                json!({"offering_id": "offer-1", "metadata": "ipfs://v3"}),
            ),
        )]
    });
    a.pause(&op2);
    t.tx(|| std::vec![(&a_id, ev("paused", json!({"admin": sk(&op2)})))]);
    a.unpause(&op2);
    t.tx(|| std::vec![(&a_id, ev("unpaused", json!({"admin": sk(&op2)})))]);
    p.distribute(&admin, &dev, &5);
    t.tx(|| {
        std::vec![(
            &p_id,
            ev(
                "distributed",
                json!({"to": sk(&dev), "amount": n(5), "balance": n(p.balance())}),
            ),
        )]
    });
    // New contracts at v3: a second pool and a vault with a named operator.
    let p2_id = env.register(V3.pool, (admin.clone(), usdc.clone()));
    t.deployed(&p2_id, "revenue_pool", V3.pool, CURRENT);
    t.tx(|| {
        std::vec![(
            &p2_id,
            ev(
                "pool_initialized",
                json!({"admin": sk(&admin), "usdc_token": sk(&usdc)}),
            ),
        )]
    });
    let c_id = env.register(
        V3.vault,
        crate::world::vault_args(&owner_c, &admin, &usdc, Some(&backend), Some(&p2_id)),
    );
    t.deployed(&c_id, "vault", V3.vault, CURRENT);
    t.tx(|| std::vec![(
        &c_id,
        ev("vault_initialized", json!({"owner": sk(&owner_c), "admin": sk(&admin), "usdc_token": sk(&usdc), "balance": n(0)})),
    )]);
    // S1 at v3: USDC sent outside its calls booked into the pool; traffic.
    sac.mint(&s1_id, &7);
    s1.book_untracked(&admin);
    t.tx(|| {
        std::vec![(
            &s1_id,
            ev(
                "untracked_booked",
                json!({"amount": n(7), "total_balance": n(s1.get_global_pool().total_balance)}),
            ),
        )]
    });
    s1.withdraw(&dev, &5);
    t.tx(|| std::vec![(&s1_id, ev("developer_withdrawal", json!({"developer": sk(&dev), "amount": n(5), "balance": n(s1.get_developer_balance(&dev))})))]);
    s1.distribute_pool(&admin, &dev, &5);
    t.tx(|| std::vec![(&s1_id, ev("pool_distributed", json!({"to": sk(&dev), "amount": n(5), "total_balance": n(s1.get_global_pool().total_balance)})))]);

    // Settlement redeploy: S2 (v3) takes over from S1.
    let s2_id = env.register(
        V3.settlement,
        (admin.clone(), usdc.clone(), None::<Address>),
    );
    t.deployed(&s2_id, "settlement", V3.settlement, CURRENT);
    t.tx(|| {
        std::vec![(
            &s2_id,
            ev(
                "settlement_initialized",
                json!({"admin": sk(&admin), "usdc_token": sk(&usdc)}),
            ),
        )]
    });
    let s2 = settlement::Client::new(&env, &s2_id);
    s2.set_vault(&admin, &a_id, &true);
    t.tx(|| {
        std::vec![(
            &s2_id,
            ev("vault_set", json!({"vault": sk(&a_id), "allowed": true})),
        )]
    });
    a.set_settlement(&op2, &Some(s2_id.clone()));
    t.tx(|| {
        std::vec![(
            &a_id,
            ev("settlement_set", json!({"settlement": sk(&s2_id)})),
        )]
    });
    s2.set_predecessor(&admin, &s1_id);
    t.tx(|| {
        std::vec![(
            &s2_id,
            ev("predecessor_set", json!({"predecessor": sk(&s1_id)})),
        )]
    });
    let held = sac_balance(&env, &usdc, &s1_id);
    s1.retire(&admin, &s2_id);
    t.tx(|| {
        std::vec![(
            &s1_id,
            ev(
                "retired",
                json!({"successor": sk(&s2_id), "amount": n(held)}),
            ),
        )]
    });
    // Paged import, two developers a page; the pool comes with page one.
    let pool_total = s1.get_global_pool().total_balance;
    let mut start = 0u32;
    loop {
        let page = s1.get_developer_balances(&start, &2);
        let imported = s2.import_balances(&admin, &2);
        assert_eq!(imported, page.len());
        if page.is_empty() {
            t.tx(|| std::vec![]);
            break;
        }
        let balances: StdVec<Json> = page
            .iter()
            .map(|b| json!({"developer": sk(&b.developer), "balance": n(b.balance)}))
            .collect();
        let amount: i128 = page.iter().map(|b| b.balance).sum();
        t.tx(|| {
            std::vec![(
                &s2_id,
                ev(
                    "balances_imported",
                    json!({
                        "predecessor": sk(&s1_id),
                        "balances": balances,
                        "developers": page.len(),
                        "developer_amount": n(amount),
                        "pool_amount": n(if start == 0 { pool_total } else { 0 }),
                        "next_index": start + page.len(),
                    }),
                ),
            )]
        });
        start += page.len();
    }
    a.deduct(
        &backend,
        &6,
        &s("a-14"),
        &Some(dev3.clone()),
        &(env.ledger().sequence() + 60),
    );
    t.tx(|| std::vec![
        (&a_id, ev("deduct", json!({"request_id": "a-14", "amount": n(6), "developer": sk(&dev3), "balance": n(a.balance())}))),
        (&s2_id, ev("developer_credited", json!({"developer": sk(&dev3), "vault": sk(&a_id), "amount": n(6), "balance": n(s2.get_developer_balance(&dev3))}))),
    ]);
    // Handovers at v3: S2 and P admin -> admin2; A op2 -> op3.
    let lu = until(&env);
    s2.set_admin(&admin, &admin2, &lu);
    t.tx(|| {
        std::vec![(
            &s2_id,
            ev(
                "admin_proposed",
                json!({"admin": sk(&admin), "pending_admin": sk(&admin2), "live_until_ledger": lu}),
            ),
        )]
    });
    s2.accept_admin(&admin2);
    t.tx(|| {
        std::vec![(
            &s2_id,
            ev(
                "admin_accepted",
                json!({"admin": sk(&admin2), "previous_admin": sk(&admin)}),
            ),
        )]
    });
    let lu = until(&env);
    p.set_admin(&admin, &admin2, &lu);
    t.tx(|| {
        std::vec![(
            &p_id,
            ev(
                "admin_proposed",
                json!({"admin": sk(&admin), "pending_admin": sk(&admin2), "live_until_ledger": lu}),
            ),
        )]
    });
    p.accept_admin(&admin2);
    t.tx(|| {
        std::vec![(
            &p_id,
            ev(
                "admin_accepted",
                json!({"admin": sk(&admin2), "previous_admin": sk(&admin)}),
            ),
        )]
    });
    let lu = until(&env);
    a.set_admin(&op2, &op3, &lu);
    t.tx(|| {
        std::vec![(
            &a_id,
            ev(
                "admin_proposed",
                json!({"admin": sk(&op2), "pending_admin": sk(&op3), "live_until_ledger": lu}),
            ),
        )]
    });
    a.accept_admin(&op3);
    t.tx(|| {
        std::vec![(
            &a_id,
            ev(
                "admin_accepted",
                json!({"admin": sk(&op3), "previous_admin": sk(&op2)}),
            ),
        )]
    });
    // `upgraded` from v3: each contract re-installs the current build (a
    // redeploy of the same code; its WASM range continues).
    let h = hash(V3.settlement);
    s2.upgrade(&admin2, &h);
    t.tx(|| {
        std::vec![(
            &s2_id,
            ev(
                "upgraded",
                json!({"new_wasm_hash": hx(&h), "from_version": CURRENT}),
            ),
        )]
    });
    t.upgraded(&s2_id, V3.settlement, CURRENT);
    let h = hash(V3.pool);
    p.upgrade(&admin2, &h);
    t.tx(|| {
        std::vec![(
            &p_id,
            ev(
                "upgraded",
                json!({"new_wasm_hash": hx(&h), "from_version": CURRENT}),
            ),
        )]
    });
    t.upgraded(&p_id, V3.pool, CURRENT);
    let h = hash(V3.vault);
    a.upgrade(&op3, &h);
    t.tx(|| {
        std::vec![(
            &a_id,
            ev(
                "upgraded",
                json!({"new_wasm_hash": hx(&h), "from_version": CURRENT}),
            ),
        )]
    });
    t.upgraded(&a_id, V3.vault, CURRENT);

    // Every event name of every version of every contract is in the stream.
    for (kind, version, wasm) in [
        ("vault", 1, V1.vault),
        ("revenue_pool", 1, V1.pool),
        ("settlement", 1, V1.settlement),
        ("vault", 2, V2.vault),
        ("revenue_pool", 2, V2.pool),
        ("settlement", 2, V2.settlement),
        ("vault", CURRENT, V3.vault),
        ("revenue_pool", CURRENT, V3.pool),
        ("settlement", CURRENT, V3.settlement),
    ] {
        let in_spec: std::collections::BTreeSet<StdString> = soroban_spec::read::from_wasm(wasm)
            .unwrap()
            .into_iter()
            .filter_map(|e| match e {
                stellar_xdr::ScSpecEntry::EventV0(e) => {
                    Some(StdString::from_utf8_lossy(e.prefix_topics[0].as_slice()).into_owned())
                }
                _ => None,
            })
            .collect();
        let seen = t.seen.get(&(kind, version)).cloned().unwrap_or_default();
        assert_eq!(
            seen, in_spec,
            "{kind} v{version}: events in the stream vs the spec"
        );
    }

    let stream = json!({
        "about": "Callora backfill stream recorded by contracts/tests/src/backfill.rs on the in-process host: getEvents JSON (RPC form) of the Callora contracts across code versions 1 -> 2 -> 3 and a settlement redeploy. Transaction hashes are synthesized (sha256 of callora-backfill/tx/<n>).",
        "latestLedger": t.ledger() - 1,
        "deployments": t.deployments,
        "events": t.events,
    });
    let expected = json!({
        "about": "What clients/js must decode from backfill.json: canonical records written from the scenario (call arguments and views), and the WASM ranges of every contract.",
        "ranges": t.closed_ranges(),
        "records": t.records,
    });
    (stream, expected)
}

fn sac_balance(env: &Env, usdc: &Address, who: &Address) -> i128 {
    soroban_sdk::token::TokenClient::new(env, usdc).balance(who)
}

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../clients/js/test/fixtures")
}

#[test]
fn backfill_stream_is_current() {
    let update = std::env::var("CALLORA_UPDATE_BACKFILL").is_ok_and(|v| v == "1");
    let (stream, expected) = record();
    let dir = fixtures_dir();
    let mut stale = StdVec::new();
    for (file, doc) in [
        ("backfill.json", &stream),
        ("backfill.expected.json", &expected),
    ] {
        let mut text = serde_json::to_string_pretty(doc).unwrap();
        text.push('\n');
        let path = dir.join(file);
        match std::fs::read_to_string(&path) {
            Ok(existing) if existing == text => {}
            _ if update => {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, &text).unwrap();
            }
            _ => stale.push(path.display().to_string()),
        }
    }
    assert!(
        stale.is_empty(),
        "out of date: {stale:?}; regenerate with CALLORA_UPDATE_BACKFILL=1 cargo test -p callora-tests backfill"
    );
}
