//! The metered cost benchmark (`./scripts/bench.sh`): what each call costs
//! on mainnet, measured the way the network charges it.
//!
//! Every measured call is a transaction run through [`crate::signing::Mainnet`]:
//! simulated with recording auth (as Stellar RPC does), its authorization
//! entries signed with the accounts' real ed25519 keys (signature expiration
//! = current ledger + [`SIGNATURE_EXPIRATION_LEDGERS`]), simulated again with
//! the signed entries, then applied with `e2e_invoke::invoke_host_function`
//! (what stellar-core calls) on the footprint's ledger entries with the
//! module cache; the signed transaction envelope is built and its bytes
//! counted. The fee is computed with the host's own fee functions
//! (`soroban_env_host::fees`) from the real `TransactionResources` and rent
//! changes, at the fee rates of the SDK's mainnet snapshot.
//!
//! Actors are Stellar G-accounts with their ledger entries (accounts,
//! trustlines); a relayer submits the transactions and every authorizer signs
//! an `Address` entry. The money path is also measured with the backend as
//! the transaction's source account (`SourceAccount` credentials).
//!
//! Metering is deterministic: the same WASMs give the same numbers on any
//! machine, so the results are committed (`docs/costs.md`, `docs/costs.json`,
//! `docs/costs-per-call.svg`) and gated against `budgets/budgets.tsv`.
extern crate std;

use crate::{
    scale::seed_developers,
    signing::{
        create_simple_account, create_trustline, key, Applied, Credentials, LedgerState, Mainnet,
        INCLUSION_FEE as SIGNED_INCLUSION_FEE, SIGNATURE_EXPIRATION_LEDGERS as EXPIRATION,
    },
    wasm::{revenue_pool, settlement, v1, vault, FLOOR_WASM},
    world::{force_schema, legacy_vault_args},
};
use ed25519_dalek::SigningKey;
use serde_json::{json, Value as Json};
use sha2::{Digest, Sha256};
use soroban_env_host::{
    budget::Budget,
    e2e_invoke::entry_size_for_rent,
    fees::{
        compute_rent_fee, compute_transaction_resource_fee, FeeConfiguration,
        LedgerEntryRentChange, RentFeeConfiguration, TransactionResources,
    },
    xdr::{
        ContractDataDurability, ContractExecutable, ContractIdPreimage,
        ContractIdPreimageFromAddress, CreateContractArgsV2, Hash, HostFunction, LedgerKey, Limits,
        ScAddress, ScVal, Uint256, WriteXdr,
    },
    LedgerInfo,
};
use soroban_sdk::{
    testutils::{Address as _, Ledger as _},
    token::{StellarAssetClient, TokenClient},
    vec, Address, Env, IntoVal, Symbol, TryFromVal, Val,
};
use std::{
    collections::BTreeMap,
    format,
    rc::Rc,
    string::{String, ToString},
    vec::Vec as StdVec,
};

/// Mainnet TTL settings (ledgers): persistent entries live 120 days when
/// created, temporary ones 1 day, and no entry can be extended past 6 months.
pub const MAINNET_MIN_PERSISTENT_TTL: u32 = 2_073_600;
pub const MAINNET_MIN_TEMP_TTL: u32 = 17_280;
pub const MAINNET_MAX_ENTRY_TTL: u32 = 3_110_400;
const DAY: u32 = 17_280;

/// The SDK's mainnet fee snapshot (`soroban-sdk` 28.0.0,
/// `testutils/cost_estimate.rs`, "a snapshot of the Stellar Mainnet fees made
/// on 2026-07-10").
pub const FEE_SNAPSHOT_DATE: &str = "2026-07-10";

pub fn fee_configuration() -> FeeConfiguration {
    FeeConfiguration {
        fee_per_instruction_increment: 7,
        fee_per_disk_read_entry: 1563,
        fee_per_write_entry: 2500,
        fee_per_disk_read_1kb: 447,
        fee_per_write_1kb: 875,
        fee_per_historical_1kb: 4059,
        fee_per_contract_event_1kb: 5000,
        fee_per_transaction_size_1kb: 406,
    }
}

/// Rent rates of the same snapshot. `fee_per_rent_1kb` (12,000) is, in the
/// SDK's words, "a bit higher than the current network fee, an overestimate"
/// (the live rate follows the Soroban state size).
pub fn rent_configuration() -> RentFeeConfiguration {
    RentFeeConfiguration {
        fee_per_write_1kb: 875,
        fee_per_rent_1kb: 12_000,
        fee_per_write_entry: 2500,
        persistent_rent_rate_denominator: 1215,
        temporary_rent_rate_denominator: 2430,
    }
}

/// Mainnet per-transaction limits (the SDK's
/// `InvocationResourceLimits::mainnet()` snapshot, plus the transaction
/// size limit).
const LIMITS: [(&str, f64); 8] = [
    ("instructions", 400_000_000.0),
    ("memory bytes", 41_943_040.0),
    ("footprint entries", 400.0),
    ("disk read entries", 200.0),
    ("write entries", 200.0),
    ("write bytes", 132_096.0),
    ("event bytes", 16_384.0),
    ("transaction bytes", 132_096.0),
];

/// Traffic levels the steady-state rent is amortized over (calls a day).
pub const TRAFFIC: [u64; 3] = [100, 10_000, 1_000_000];

/// `MAX_BATCH_DISTRIBUTE` of the revenue pool (restated: the spec carries no
/// constants; the refusal row checks it). The vault's batch caps are found
/// on the built WASM ([`MoneyPath::max_items`]).
pub const MAX_BATCH_DISTRIBUTE: u32 = 30;

/// Batch sizes the curves are measured at.
pub const BATCH_SIZES: [u32; 7] = [1, 2, 5, 10, 20, 50, 100];

/// The benchmark's reference contract (tools/floor), as its WASM name:
/// measured like the deployable ones, never deployed.
pub const FLOOR: &str = "callora_floor";

/// Released code's WASM sizes (code version 1), for reference.
pub const ORIGINAL_SIZES: [(&str, u64); 3] = [
    (callora_types::VAULT, 34_259),
    (callora_types::REVENUE_POOL, 17_833),
    (callora_types::SETTLEMENT, 18_431),
];

fn div_ceil(a: i64, b: i64) -> i64 {
    (a + b - 1) / b
}

/// The fee of one transaction, as the network charges it.
#[derive(Clone, Debug, Default)]
pub struct Fee {
    // Non-refundable, charged on the declared resources and the envelope.
    pub instructions: i64,
    pub read_entries: i64,
    pub write_entries: i64,
    pub read_bytes: i64,
    pub write_bytes: i64,
    pub history: i64,
    pub transaction_size: i64,
    pub non_refundable: i64,
    // Refundable: charged as consumed.
    pub events: i64,
    pub rent_persistent: i64,
    pub rent_temporary: i64,
    pub rent: i64,
    pub refundable: i64,
    /// Resource fee the transaction declares (non-refundable + the simulated
    /// refundable fee with RPC's 15% margin).
    pub declared: i64,
    /// What comes back after apply: declared − charged.
    pub refunded: i64,
    /// Resource fee charged: non-refundable + refundable.
    pub total: i64,
}

impl Fee {
    fn of(a: &Applied) -> Fee {
        let config = fee_configuration();
        let resources = TransactionResources {
            instructions: a.declared_instructions,
            disk_read_entries: a.disk_read_entries,
            write_entries: a.write_entries,
            disk_read_bytes: a.disk_read_bytes,
            write_bytes: a.write_bytes,
            contract_events_size_bytes: a.event_bytes + a.return_bytes,
            transaction_size_bytes: a.envelope_bytes,
        };
        let (non_refundable, events) = compute_transaction_resource_fee(&resources, &config);
        let kb = |v: u32, rate: i64| div_ceil(v as i64 * rate, 1024);
        let fee = Fee {
            instructions: div_ceil(
                a.declared_instructions as i64 * config.fee_per_instruction_increment,
                10_000,
            ),
            read_entries: a.disk_read_entries as i64 * config.fee_per_disk_read_entry,
            write_entries: a.write_entries as i64 * config.fee_per_write_entry,
            read_bytes: kb(a.disk_read_bytes, config.fee_per_disk_read_1kb),
            write_bytes: kb(a.write_bytes, config.fee_per_write_1kb),
            history: kb(a.envelope_bytes + 300, config.fee_per_historical_1kb),
            transaction_size: kb(a.envelope_bytes, config.fee_per_transaction_size_1kb),
            non_refundable,
            events,
            ..Fee::default()
        };
        let parts = fee.instructions
            + fee.read_entries
            + fee.write_entries
            + fee.read_bytes
            + fee.write_bytes
            + fee.history
            + fee.transaction_size;
        assert_eq!(parts, non_refundable, "fee breakdown");
        let rent_of = |changes: &[LedgerEntryRentChange], persistent: Option<bool>| {
            let selected: StdVec<LedgerEntryRentChange> = changes
                .iter()
                .filter(|c| persistent.is_none_or(|p| c.is_persistent == p))
                .map(copy_change)
                .collect();
            compute_rent_fee(&selected, &rent_configuration(), a.ledger_sequence)
        };
        let rent = rent_of(&a.rent_changes, None);
        let simulated_events = kb(
            a.simulated_event_and_return_bytes,
            config.fee_per_contract_event_1kb,
        );
        let simulated_refundable = rent_of(&a.simulated_rent_changes, None) + simulated_events;
        let declared = non_refundable + (simulated_refundable as f64 * 1.15).floor() as i64;
        let total = non_refundable + events + rent;
        Fee {
            rent_persistent: rent_of(&a.rent_changes, Some(true)),
            rent_temporary: rent_of(&a.rent_changes, Some(false)),
            rent,
            refundable: events + rent,
            declared,
            refunded: declared - total,
            total,
            ..fee
        }
    }

    pub fn json(&self) -> Json {
        json!({
            "total": self.total, "non_refundable": self.non_refundable,
            "instructions": self.instructions, "disk_read_entries": self.read_entries,
            "write_entries": self.write_entries, "disk_read_bytes": self.read_bytes,
            "write_bytes": self.write_bytes, "history": self.history,
            "transaction_size": self.transaction_size, "refundable": self.refundable,
            "events": self.events, "rent": self.rent, "rent_persistent": self.rent_persistent,
            "rent_temporary": self.rent_temporary, "declared_resource_fee": self.declared,
            "refunded": self.refunded,
        })
    }
}

/// The fee for writing `k` TTL entries in one transaction.
pub fn ttl_write_fee(k: i64) -> i64 {
    let rc = rent_configuration();
    rc.fee_per_write_entry * k + div_ceil(48 * k * rc.fee_per_write_1kb, 1024)
}

fn copy_change(c: &LedgerEntryRentChange) -> LedgerEntryRentChange {
    LedgerEntryRentChange {
        is_persistent: c.is_persistent,
        is_code_entry: c.is_code_entry,
        old_size_bytes: c.old_size_bytes,
        new_size_bytes: c.new_size_bytes,
        old_live_until_ledger: c.old_live_until_ledger,
        new_live_until_ledger: c.new_live_until_ledger,
    }
}

/// One persistent entry a call relies on, and what keeping it live costs a
/// day in steady state.
#[derive(Clone, Debug)]
pub struct Kept {
    pub entry: String,
    pub bytes: u32,
    pub code: bool,
    pub per_day: i64,
}

/// One measured transaction.
#[derive(Clone, Debug)]
pub struct Row {
    pub name: String,
    /// Metered API calls the transaction carries (0: not a metered call).
    pub items: u32,
    pub credentials: Credentials,
    pub instructions: u64,
    pub declared_instructions: u32,
    pub instructions_without_cache: u64,
    pub parse_instructions: u64,
    pub instantiate_instructions: u64,
    pub memory: u64,
    pub footprint_entries: u32,
    pub read_entries: u32,
    pub read_bytes: u32,
    pub write_entries: u32,
    pub write_bytes: u32,
    pub event_bytes: u32,
    pub return_bytes: u32,
    pub tx_bytes: u32,
    pub auth_bytes: u32,
    pub auth_entries: u32,
    pub footprint_bytes: u32,
    pub host_function_bytes: u32,
    pub fee: Fee,
    /// Persistent entries of the footprint and their daily TTL extension.
    pub kept: StdVec<Kept>,
    pub daily_rent: i64,
    /// The entries written (read-write footprint) and the classic entries
    /// read, described.
    pub written: StdVec<String>,
    pub classic_read: StdVec<String>,
    /// Each entry's rent in this transaction.
    pub rent_lines: StdVec<RentLine>,
}

/// One entry's rent in a transaction, for the hand cross-check.
#[derive(Clone, Debug)]
pub struct RentLine {
    pub entry: String,
    pub persistent: bool,
    pub bytes: u32,
    /// Ledgers paid for at `bytes` (a new entry: from this ledger).
    pub ledgers: u32,
    /// Rent without the TTL entry write.
    pub fee: i64,
    /// Whether its TTL entry is written (extended or created).
    pub ttl_written: bool,
}

impl Row {
    /// Resources against [`LIMITS`].
    fn limit_values(&self) -> [f64; 8] {
        [
            self.instructions as f64,
            self.memory as f64,
            self.footprint_entries as f64,
            self.read_entries as f64,
            self.write_entries as f64,
            self.write_bytes as f64,
            (self.event_bytes + self.return_bytes) as f64,
            self.tx_bytes as f64,
        ]
    }

    pub fn per_call(&self) -> f64 {
        self.fee.total as f64 / self.items.max(1) as f64
    }

    pub fn json(&self) -> Json {
        json!({
            "name": self.name, "items": self.items,
            "credentials": credentials_name(self.credentials),
            "instructions": self.instructions,
            "declared_instructions": self.declared_instructions,
            "instructions_without_module_cache": self.instructions_without_cache,
            "parse_instructions": self.parse_instructions,
            "memory_bytes": self.memory, "footprint_entries": self.footprint_entries,
            "disk_read_entries": self.read_entries, "disk_read_bytes": self.read_bytes,
            "write_entries": self.write_entries, "write_bytes": self.write_bytes,
            "event_bytes": self.event_bytes, "return_value_bytes": self.return_bytes,
            "transaction_bytes": self.tx_bytes, "auth_entries": self.auth_entries,
            "auth_bytes": self.auth_bytes, "fee": self.fee.json(),
            "fee_per_call": (self.per_call() * 100.0).round() / 100.0,
            "steady_state_rent_per_day": self.daily_rent,
        })
    }
}

pub fn credentials_name(c: Credentials) -> &'static str {
    match c {
        Credentials::SignedEntries => "signed entries",
        Credentials::SourceAccount => "backend is the source account",
    }
}

/// An `Env` with mainnet resource limits, TTL settings and network id.
pub fn mainnet_env() -> Env {
    let env = callora_types::test_env();
    env.ledger().with_mut(|l| {
        l.sequence_number = 1_000_000;
        l.timestamp = 1_750_000_000;
        l.min_persistent_entry_ttl = MAINNET_MIN_PERSISTENT_TTL;
        l.min_temp_entry_ttl = MAINNET_MIN_TEMP_TTL;
        l.max_entry_ttl = MAINNET_MAX_ENTRY_TTL;
        l.network_id = Sha256::digest(b"Public Global Stellar Network ; September 2015").into();
    });
    env
}

fn wasm_hash(wasm: &[u8]) -> [u8; 32] {
    Sha256::digest(wasm).into()
}

/// A deployment on the in-process host whose actors are G-accounts, and the
/// pipeline that measures calls on it.
pub struct Lab {
    pub env: Env,
    pub net: Mainnet,
    pub usdc: Address,
    pub sac: StellarAssetClient<'static>,
    pub token: TokenClient<'static>,
    pub admin: Address,
    pub admin_key: SigningKey,
    pub backend: Address,
    pub backend_key: SigningKey,
    pub settlement: settlement::Client<'static>,
    pub pool: revenue_pool::Client<'static>,
    names: BTreeMap<ScAddress, String>,
    seeds: u32,
}

impl Lab {
    pub fn new(net: Mainnet) -> Lab {
        let env = mainnet_env();
        env.mock_all_auths();
        let usdc = env
            .register_stellar_asset_contract_v2(Address::generate(&env))
            .address();
        let mut lab = Lab {
            sac: StellarAssetClient::new(&env, &usdc),
            token: TokenClient::new(&env, &usdc),
            admin: usdc.clone(),
            admin_key: key("operator"),
            backend: usdc.clone(),
            backend_key: key("backend"),
            settlement: settlement::Client::new(&env, &usdc),
            pool: revenue_pool::Client::new(&env, &usdc),
            usdc,
            env,
            net,
            names: BTreeMap::new(),
            seeds: 0,
        };
        lab.admin = lab.account_with("operator", None);
        lab.backend = lab.account_with("backend", None);
        let s = lab.env.register(
            settlement::WASM,
            (lab.admin.clone(), lab.usdc.clone(), None::<Address>),
        );
        let p = lab
            .env
            .register(revenue_pool::WASM, (lab.admin.clone(), lab.usdc.clone()));
        lab.settlement = settlement::Client::new(&lab.env, &s);
        lab.pool = revenue_pool::Client::new(&lab.env, &p);
        lab.name(&lab.usdc.clone(), "USDC (SAC)");
        lab.name(&s, "settlement");
        lab.name(&p, "revenue pool");
        lab.name(&lab.admin.clone(), "operator");
        lab.name(&lab.backend.clone(), "backend");
        lab
    }

    pub fn name(&mut self, address: &Address, name: &str) {
        self.names
            .insert(ScAddress::from(address), name.to_string());
    }

    /// A new G-account (key from `seed`) whose key the pipeline signs with;
    /// with `usdc`, also a USDC trustline holding that much.
    pub fn account_with(&mut self, seed: &str, usdc: Option<i64>) -> Address {
        let k = key(seed);
        let address = create_simple_account(&self.env, &k);
        self.net.signs_for(&address, &[&k]);
        if let Some(balance) = usdc {
            create_trustline(&self.env, &address, &self.usdc, balance);
        }
        address
    }

    /// A fresh G-address nobody has used (no ledger entry): a new developer.
    pub fn fresh(&mut self) -> Address {
        self.seeds += 1;
        crate::signing::g_address(&self.env, &key(&format!("fresh-{}", self.seeds)))
    }

    /// A code version 3 vault of `owner`, operated by the operator, the
    /// backend as authorized caller, paying the revenue pool (or, with
    /// `settle`, registered with and routed to the settlement).
    pub fn vault(&mut self, owner: &Address, settle: bool) -> vault::Client<'static> {
        let id = self.env.register(
            vault::WASM,
            crate::world::vault_args(
                owner,
                &self.admin,
                &self.usdc,
                Some(&self.backend),
                Some(&self.pool.address),
            ),
        );
        let v = vault::Client::new(&self.env, &id);
        if settle {
            self.settlement.set_vault(&self.admin, &id, &true);
            v.set_settlement(&self.admin, &Some(self.settlement.address.clone()));
        }
        v
    }

    pub fn s(&self, v: &str) -> soroban_sdk::String {
        soroban_sdk::String::from_str(&self.env, v)
    }

    pub fn until(&self) -> u32 {
        crate::world::valid_until(&self.env)
    }

    pub fn advance(&self, ledgers: u32) {
        self.env.ledger().with_mut(|l| {
            l.sequence_number += ledgers;
            l.timestamp += ledgers as u64 * 5;
        });
    }

    /// Runs `host_fn` as a mainnet transaction on the current state.
    pub fn apply(
        &self,
        host_fn: &HostFunction,
        credentials: Credentials,
        source: Option<&SigningKey>,
    ) -> Result<Applied, String> {
        let state = Rc::new(LedgerState::of(&self.env));
        self.net.run(
            &state,
            &self.env.ledger().get(),
            host_fn,
            credentials,
            source,
        )
    }

    pub fn call(
        &self,
        contract: &Address,
        function: &str,
        args: soroban_sdk::Vec<Val>,
    ) -> HostFunction {
        Mainnet::call(&self.env, contract, function, args)
    }

    /// Measures `contract.function(args)` (signed entries, submitted by the
    /// relayer), then replays it on the SDK host (mocked auth) so later
    /// calls see its effects.
    pub fn tx(
        &self,
        name: &str,
        contract: &Address,
        function: &str,
        args: soroban_sdk::Vec<Val>,
    ) -> Row {
        let row = self.measure(name, 0, &self.call(contract, function, args.clone()));
        self.replay(contract, function, args);
        row
    }

    pub fn replay(&self, contract: &Address, function: &str, args: soroban_sdk::Vec<Val>) {
        let out = self.env.try_invoke_contract::<Val, soroban_sdk::Error>(
            contract,
            &Symbol::new(&self.env, function),
            args,
        );
        assert!(
            matches!(out, Ok(Ok(_))),
            "replay of {function} failed: {out:?}"
        );
    }

    /// Measures a host function with signed entries (no replay).
    pub fn measure(&self, name: &str, items: u32, host_fn: &HostFunction) -> Row {
        self.measure_with(name, items, host_fn, Credentials::SignedEntries, None)
    }

    pub fn measure_with(
        &self,
        name: &str,
        items: u32,
        host_fn: &HostFunction,
        credentials: Credentials,
        source: Option<&SigningKey>,
    ) -> Row {
        let state = LedgerState::of(&self.env);
        let applied = self
            .net
            .run(
                &Rc::new(state.clone()),
                &self.env.ledger().get(),
                host_fn,
                credentials,
                source,
            )
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        row(name, items, credentials, &applied, &state, &self.names)
    }
}

/// A [`Row`] from an applied transaction; `state` is the ledger before it
/// (for the steady-state rent of the entries it relies on).
pub fn row(
    name: &str,
    items: u32,
    credentials: Credentials,
    a: &Applied,
    state: &LedgerState,
    names: &BTreeMap<ScAddress, String>,
) -> Row {
    let kept = kept_entries(a, state, names);
    let describe = |k: &LedgerKey| describe_key(k, state, names);
    let classic =
        |k: &&LedgerKey| !matches!(k, LedgerKey::ContractData(_) | LedgerKey::ContractCode(_));
    let rent_lines = a
        .rent_keys
        .iter()
        .zip(a.rent_changes.iter())
        .map(|(k, c)| {
            let ttl_written = c.old_live_until_ledger < c.new_live_until_ledger;
            let all = compute_rent_fee(&[copy_change(c)], &rent_configuration(), a.ledger_sequence);
            let ttl = if ttl_written { ttl_write_fee(1) } else { 0 };
            let start = if c.old_size_bytes == 0 && c.old_live_until_ledger == 0 {
                a.ledger_sequence - 1
            } else {
                c.old_live_until_ledger
            };
            RentLine {
                entry: describe(k),
                persistent: c.is_persistent,
                bytes: c.new_size_bytes,
                ledgers: c.new_live_until_ledger.saturating_sub(start),
                fee: all - ttl,
                ttl_written,
            }
        })
        .collect();
    Row {
        written: a.footprint.read_write.iter().map(describe).collect(),
        classic_read: a
            .footprint
            .read_only
            .iter()
            .chain(a.footprint.read_write.iter())
            .filter(classic)
            .map(describe)
            .collect(),
        rent_lines,
        name: name.into(),
        items,
        credentials,
        instructions: a.instructions,
        declared_instructions: a.declared_instructions,
        instructions_without_cache: a.instructions_without_cache,
        parse_instructions: a.parse_instructions,
        instantiate_instructions: a.instantiate_instructions,
        memory: a.memory,
        footprint_entries: (a.footprint.read_only.len() + a.footprint.read_write.len()) as u32,
        read_entries: a.disk_read_entries,
        read_bytes: a.disk_read_bytes,
        write_entries: a.write_entries,
        write_bytes: a.write_bytes,
        event_bytes: a.event_bytes,
        return_bytes: a.return_bytes,
        tx_bytes: a.envelope_bytes,
        auth_bytes: a.auth_bytes,
        auth_entries: a.auth.len() as u32,
        footprint_bytes: a.footprint_bytes,
        host_function_bytes: a.host_function_bytes,
        fee: Fee::of(a),
        daily_rent: kept.iter().map(|k| k.per_day).sum(),
        kept,
    }
}

/// The persistent entries (contract data and code) of a transaction's
/// footprint that exist before it, and what one day of TTL extension costs
/// each: a busy contract extends each entry about once a day (every TTL
/// policy here extends by a day's worth once the TTL falls a day below its
/// target), paying the rent for 17,280 more ledgers at the entry's size plus
/// the write of its TTL entry (`fees::compute_rent_fee`).
fn kept_entries(
    a: &Applied,
    state: &LedgerState,
    names: &BTreeMap<ScAddress, String>,
) -> StdVec<Kept> {
    let budget = Budget::default();
    let seq = a.ledger_sequence;
    a.footprint
        .read_only
        .iter()
        .chain(a.footprint.read_write.iter())
        .filter_map(|k| {
            let code = matches!(k, LedgerKey::ContractCode(_));
            let persistent = match k {
                LedgerKey::ContractCode(_) => true,
                LedgerKey::ContractData(d) => d.durability == ContractDataDurability::Persistent,
                _ => false,
            };
            if !persistent {
                return None;
            }
            let (entry, live_until) = state.0.get(k)?;
            let encoded = entry.to_xdr(Limits::none()).unwrap();
            let bytes = entry_size_for_rent(&budget, entry, encoded.len() as u32).unwrap();
            let old = live_until.unwrap_or(seq).max(seq);
            let change = LedgerEntryRentChange {
                is_persistent: true,
                is_code_entry: code,
                old_size_bytes: bytes,
                new_size_bytes: bytes,
                old_live_until_ledger: old,
                new_live_until_ledger: old + DAY,
            };
            Some(Kept {
                entry: describe_key(k, state, names),
                bytes,
                code,
                per_day: compute_rent_fee(&[change], &rent_configuration(), seq),
            })
        })
        .collect()
}

fn name_of(a: &ScAddress, names: &BTreeMap<ScAddress, String>) -> String {
    names.get(a).cloned().unwrap_or_else(|| match a {
        ScAddress::Account(_) => "an account".into(),
        _ => "a contract".into(),
    })
}

fn describe_key(k: &LedgerKey, state: &LedgerState, names: &BTreeMap<ScAddress, String>) -> String {
    match k {
        LedgerKey::ContractCode(c) => {
            // Name the code after a contract running it.
            let runs = state
                .0
                .iter()
                .find_map(|(key, (e, _))| match (key, &e.data) {
                    (
                        LedgerKey::ContractData(d),
                        soroban_env_host::xdr::LedgerEntryData::ContractData(data),
                    ) if d.key == ScVal::LedgerKeyContractInstance => match &data.val {
                        ScVal::ContractInstance(i)
                            if i.executable == ContractExecutable::Wasm(c.hash.clone()) =>
                        {
                            names.get(&d.contract).cloned()
                        }
                        _ => None,
                    },
                    _ => None,
                });
            format!("code: {}", runs.unwrap_or_else(|| "contract".into()))
        }
        LedgerKey::ContractData(d) => {
            let owner = name_of(&d.contract, names);
            match &d.key {
                ScVal::LedgerKeyContractInstance => format!("instance: {owner}"),
                ScVal::LedgerKeyNonce(_) => format!("nonce: {owner}"),
                ScVal::Vec(Some(v)) => {
                    let tag = match v.first() {
                        Some(ScVal::Symbol(s)) => s.to_utf8_string_lossy(),
                        _ => "?".into(),
                    };
                    match v.get(1) {
                        Some(ScVal::Address(a)) => {
                            format!("{owner}: {tag}({})", name_of(a, names))
                        }
                        Some(_) => format!("{owner}: {tag}(…)"),
                        None => format!("{owner}: {tag}"),
                    }
                }
                _ => format!("{owner}: data"),
            }
        }
        LedgerKey::Account(acc) => format!(
            "account: {}",
            name_of(&ScAddress::Account(acc.account_id.clone()), names)
        ),
        LedgerKey::Trustline(t) => format!(
            "trustline: {}",
            name_of(&ScAddress::Account(t.account_id.clone()), names)
        ),
        _ => "classic entry".into(),
    }
}

// ----- the money path --------------------------------------------------------

/// One batch scenario measured at several sizes.
pub struct Curve {
    pub key: &'static str,
    pub name: String,
    /// How items are spread: "pool", "1 developer", "10 developers", "new
    /// developers".
    pub points: StdVec<(u32, Row)>,
    /// The size the contract refuses (with the typed error).
    pub refused: (u32, String),
    /// The contract's cap on this scenario's size.
    pub cap: u32,
    pub cap_reason: String,
    /// Source-account twin of the largest point.
    pub source_at_max: Row,
    /// The contract's cap on distinct developers a batch.
    pub max_developers: u32,
}

impl Curve {
    pub fn at(&self, n: u32) -> Option<&Row> {
        self.points.iter().find(|(k, _)| *k == n).map(|(_, r)| r)
    }

    pub fn first(&self) -> &Row {
        &self.points.first().unwrap().1
    }

    pub fn last(&self) -> &Row {
        &self.points.last().unwrap().1
    }

    /// The points the marginal rate is taken between: the smallest and the
    /// largest batch (for new developers, the largest all-distinct one).
    fn span(&self) -> (&(u32, Row), &(u32, Row)) {
        let last = self
            .points
            .iter()
            .rev()
            .find(|(k, _)| self.key != "new" || *k <= self.max_developers)
            .unwrap();
        (self.points.first().unwrap(), last)
    }

    /// Per extra item (for new developers: per new developer) between the
    /// points of [`Curve::span`].
    pub fn marginal(&self) -> [f64; 8] {
        let ((n0, r0), (n1, r1)) = self.span();
        let (a, b) = (r0.limit_values(), r1.limit_values());
        let d = (*n1 - *n0) as f64;
        core::array::from_fn(|i| (b[i] - a[i]) / d)
    }

    /// The largest batch each network limit allows at the marginal rate,
    /// and the limit reached first.
    pub fn network_fit(&self) -> (u32, &'static str) {
        let ((n0, r0), _) = self.span();
        let first = r0.limit_values();
        let m = self.marginal();
        LIMITS
            .iter()
            .enumerate()
            .filter(|(i, _)| m[*i] > 0.0)
            .map(|(i, (name, limit))| (n0 + ((limit - first[i]) / m[i]).floor() as u32, *name))
            .min()
            .unwrap()
    }
}

pub struct MoneyPath {
    /// Each contract's code entry: (contract, size for rent, one day's rent).
    pub code_rent: StdVec<(String, u32, i64)>,
    /// `batch_deduct`'s maximum items and distinct developers, as the built
    /// vault refuses them.
    pub max_items: u32,
    pub max_developers: u32,
    pub floor: Row,
    pub floor_source: Row,
    /// Single deducts (signed entries) and their source-account twins.
    pub singles: StdVec<(Row, Row)>,
    pub curves: StdVec<Curve>,
    /// The same calls under recording-mode auth in the SDK's test `Env`
    /// (`mock_all_auths`, `env.cost_estimate()`): instructions and fee as
    /// that model reports them.
    pub recording: StdVec<(String, i64, i64, i64)>,
}

/// A `batch_deduct` of `n` calls of 1 (64-byte ids), call `i` crediting
/// `developers[i % len]`: the batch's 64-byte id and its columns.
fn items(
    lab: &mut Lab,
    tag: &str,
    n: u32,
    developers: &[Option<Address>],
) -> (soroban_sdk::String, vault::DeductBatch) {
    let mut v = soroban_sdk::Vec::new(&lab.env);
    for i in 0..n {
        v.push_back(crate::world::Item {
            amount: 1,
            request_id: request_id(lab, &format!("{tag}-{i}")),
            developer: developers[(i as usize) % developers.len()].clone(),
        });
    }
    let id = request_id(lab, &format!("{tag}-batch"));
    (id, crate::world::columns_of(&lab.env, &v))
}

fn request_id(lab: &Lab, id: &str) -> soroban_sdk::String {
    lab.s(&format!("{id:0>64}"))
}

fn money_path(net: Mainnet) -> MoneyPath {
    let mut lab = Lab::new(net);
    let env = lab.env.clone();
    let backend_key = lab.backend_key.clone();

    // The floor: authorize the caller (the backend), one USDC transfer to
    // the pool, one event.
    let floor = env.register(FLOOR_WASM, (lab.usdc.clone(), lab.pool.address.clone()));
    lab.name(&floor, "floor");
    lab.sac.mint(&floor, &1_000_000_000);

    // Two vaults of one owner: one paying the pool, one the settlement.
    let owner = lab.account_with("owner", Some(0));
    lab.name(&owner, "owner");
    lab.sac.mint(&owner, &2_000_000_000);
    let to_pool = lab.vault(&owner, false);
    let to_settlement = lab.vault(&owner, true);
    lab.name(&to_pool.address.clone(), "vault");
    lab.name(&to_settlement.address.clone(), "vault");
    to_pool.deposit(&owner, &1_000_000_000);
    to_settlement.deposit(&owner, &1_000_000_000);
    let known: StdVec<Address> = (0..10)
        .map(|i| {
            let d = lab.fresh();
            lab.name(&d, &format!("developer {i}"));
            d
        })
        .collect();

    // Steady state: 91 days on, every 120-day entry is a day below the
    // 30-day target of its TTL policy; one round of calls extends them
    // (as a busy day's first calls do), after which the measured calls pay
    // no extension.
    lab.advance(91 * DAY);
    let charge = |lab: &Lab| {
        lab.call(
            &floor,
            "charge",
            vec![&env, a(&env, &lab.backend), 10i128.into_val(&env)],
        )
    };
    lab.replay(
        &floor,
        "charge",
        vec![&env, a(&env, &lab.backend), 10i128.into_val(&env)],
    );
    let until = lab.until();
    let deduct_args = |lab: &Lab, id: &str, developer: Option<Address>| -> soroban_sdk::Vec<Val> {
        vec![
            &env,
            a(&env, &lab.backend),
            10i128.into_val(&env),
            request_id(lab, id).into_val(&env),
            developer.into_val(&env),
            until.into_val(&env),
        ]
    };
    lab.replay(
        &to_pool.address,
        "deduct",
        deduct_args(&lab, "warm-pool", None),
    );
    lab.replay(
        &to_settlement.address,
        "deduct",
        deduct_args(&lab, "warm-pool-s", None),
    );
    for (i, d) in known.iter().enumerate() {
        lab.replay(
            &to_settlement.address,
            "deduct",
            deduct_args(&lab, &format!("warm-{i}"), Some(d.clone())),
        );
    }

    let floor_row = lab.measure("floor.charge", 1, &charge(&lab));
    let floor_source = lab.measure_with(
        "floor.charge",
        1,
        &charge(&lab),
        Credentials::SourceAccount,
        Some(&backend_key),
    );

    let mut singles = StdVec::new();
    let new_dev = lab.fresh();
    for (name, contract, developer) in [
        ("vault.deduct (revenue pool)", &to_pool.address, None),
        (
            "vault.deduct (settlement, known developer)",
            &to_settlement.address,
            Some(known[0].clone()),
        ),
        (
            "vault.deduct (settlement, new developer)",
            &to_settlement.address,
            Some(new_dev),
        ),
        (
            "vault.deduct (settlement pool)",
            &to_settlement.address,
            None,
        ),
    ] {
        let f = lab.call(contract, "deduct", deduct_args(&lab, name, developer));
        let signed = lab.measure(name, 1, &f);
        let source = lab.measure_with(name, 1, &f, Credentials::SourceAccount, Some(&backend_key));
        singles.push((signed, source));
    }

    // Batches.
    let batch_args = |lab: &Lab, (id, items): (soroban_sdk::String, vault::DeductBatch)| {
        vec![
            &env,
            a(&env, &lab.backend),
            id.into_val(&env),
            items.into_val(&env),
            until.into_val(&env),
        ]
    };
    let batch = |lab: &Lab, contract: &Address, its| {
        lab.call(contract, "batch_deduct", batch_args(lab, its))
    };
    let refusal = |lab: &Lab, f: &HostFunction| -> String {
        let e = lab
            .apply(f, Credentials::SignedEntries, None)
            .err()
            .expect("refused");
        contract_error(vault::WASM, &e).unwrap_or_else(|| panic!("unexpected refusal: {e}"))
    };
    // The contract's caps, found on the built WASM: the smallest batch
    // refused with `InvalidBatchSize` and the fewest distinct new developers
    // refused with `TooManyDevelopers`.
    let refused_as = |lab: &mut Lab, k: u32, distinct: bool, error: &str| -> bool {
        let devs: StdVec<Option<Address>> = if distinct {
            (0..k).map(|_| Some(lab.fresh())).collect()
        } else {
            std::vec![None]
        };
        let its = items(lab, &format!("probe-{distinct}-{k}"), k, &devs);
        let contract = if distinct {
            &to_settlement.address
        } else {
            &to_pool.address
        };
        match lab.apply(&batch(lab, contract, its), Credentials::SignedEntries, None) {
            Ok(_) => false,
            Err(e) => contract_error(vault::WASM, &e)
                .unwrap_or_else(|| panic!("unexpected refusal: {e}"))
                .starts_with(error),
        }
    };
    let first_refused = |lab: &mut Lab, hi: u32, distinct: bool, error: &str| -> u32 {
        let (mut lo, mut hi) = (1u32, hi);
        assert!(
            refused_as(lab, hi, distinct, error),
            "{error} not reached at {hi}"
        );
        while lo < hi {
            let mid = (lo + hi) / 2;
            if refused_as(lab, mid, distinct, error) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        hi
    };
    let max_items = first_refused(&mut lab, 256, false, "InvalidBatchSize") - 1;
    let max_developers = first_refused(&mut lab, max_items, true, "TooManyDevelopers") - 1;
    let with_ten = known.len().min(max_developers as usize);

    let mut curves = StdVec::new();
    let scenarios: [(&str, &str); 4] = [
        ("pool", "batch_deduct to the revenue pool"),
        ("dev1", "batch_deduct via settlement, 1 known developer"),
        ("dev10", "batch_deduct via settlement, 10 known developers"),
        (
            "new",
            "batch_deduct via settlement, all-distinct new developers",
        ),
    ];
    let mut sizes: StdVec<u32> = BATCH_SIZES
        .iter()
        .copied()
        .chain([max_developers, max_items])
        .filter(|k| *k <= max_items)
        .collect();
    sizes.sort();
    sizes.dedup();
    for (key_, name) in scenarios {
        let contract = if key_ == "pool" {
            &to_pool.address
        } else {
            &to_settlement.address
        };
        let developers = |lab: &mut Lab, n: u32| -> StdVec<Option<Address>> {
            match key_ {
                "pool" => std::vec![None],
                "dev1" => std::vec![Some(known[0].clone())],
                "dev10" => known[..with_ten].iter().map(|d| Some(d.clone())).collect(),
                _ => (0..n.min(max_developers))
                    .map(|_| Some(lab.fresh()))
                    .collect(),
            }
        };
        let mut points = StdVec::new();
        for &n in &sizes {
            let devs = developers(&mut lab, n);
            let its = items(&mut lab, &format!("{key_}-{n}"), n, &devs);
            let f = batch(&lab, contract, its);
            points.push((n, lab.measure(name, n, &f)));
        }
        let devs = developers(&mut lab, max_items);
        let its = items(&mut lab, &format!("{key_}-src"), max_items, &devs);
        let source_at_max = lab.measure_with(
            name,
            max_items,
            &batch(&lab, contract, its),
            Credentials::SourceAccount,
            Some(&backend_key),
        );
        let (refused, cap, cap_reason) = if key_ == "new" {
            let devs: StdVec<Option<Address>> =
                (0..=max_developers).map(|_| Some(lab.fresh())).collect();
            let its = items(&mut lab, "new-over", max_developers + 1, &devs);
            (
                (
                    max_developers + 1,
                    refusal(&lab, &batch(&lab, contract, its)),
                ),
                max_developers,
                format!("`MAX_BATCH_DEVELOPERS` ({max_developers} distinct developers a batch)"),
            )
        } else {
            let devs = developers(&mut lab, max_items + 1);
            let its = items(&mut lab, &format!("{key_}-over"), max_items + 1, &devs);
            (
                (max_items + 1, refusal(&lab, &batch(&lab, contract, its))),
                max_items,
                format!("`MAX_BATCH_DEDUCT` ({max_items} items a batch)"),
            )
        };
        curves.push(Curve {
            key: key_,
            name: name.into(),
            points,
            refused,
            cap,
            cap_reason,
            source_at_max,
            max_developers,
        });
    }

    // Recording-mode auth in the SDK test Env (labelled as such): the
    // model `docs/costs.md` used before.
    let mut recording = StdVec::new();
    let mut record =
        |lab: &Lab, name: &str, contract: &Address, function: &str, args: soroban_sdk::Vec<Val>| {
            lab.replay(contract, function, args);
            let c = lab.env.cost_estimate();
            recording.push((
                name.to_string(),
                c.resources().instructions,
                c.fee().total,
                c.fee().temporary_entry_rent + c.fee().persistent_entry_rent,
            ));
        };
    record(
        &lab,
        "floor.charge",
        &floor,
        "charge",
        vec![&env, a(&env, &lab.backend), 10i128.into_val(&env)],
    );
    record(
        &lab,
        "vault.deduct (revenue pool)",
        &to_pool.address,
        "deduct",
        deduct_args(&lab, "rec-1", None),
    );
    record(
        &lab,
        "vault.deduct (settlement, known developer)",
        &to_settlement.address,
        "deduct",
        deduct_args(&lab, "rec-2", Some(known[0].clone())),
    );
    let devs: StdVec<Option<Address>> = known[..with_ten].iter().map(|d| Some(d.clone())).collect();
    let its = items(&mut lab, "rec-batch", max_items, &devs);
    record(
        &lab,
        &format!("vault.batch_deduct ({max_items} items, settlement, 10 known developers)"),
        &to_settlement.address,
        "batch_deduct",
        batch_args(&lab, its),
    );

    // Each contract's code entry: its size for rent and a day of its rent.
    let state = LedgerState::of(&lab.env);
    let budget = Budget::default();
    let code_rent = [
        (callora_types::VAULT, vault::WASM),
        (callora_types::REVENUE_POOL, revenue_pool::WASM),
        (callora_types::SETTLEMENT, settlement::WASM),
        (FLOOR, FLOOR_WASM),
    ]
    .iter()
    .filter_map(|(name, wasm)| {
        let key = LedgerKey::ContractCode(soroban_env_host::xdr::LedgerKeyContractCode {
            hash: Hash(wasm_hash(wasm)),
        });
        let (entry, _) = state.0.get(&key)?;
        let encoded = entry.to_xdr(Limits::none()).unwrap();
        let bytes = entry_size_for_rent(&budget, entry, encoded.len() as u32).unwrap();
        let seq = lab.env.ledger().sequence();
        let change = LedgerEntryRentChange {
            is_persistent: true,
            is_code_entry: true,
            old_size_bytes: bytes,
            new_size_bytes: bytes,
            old_live_until_ledger: seq + 29 * DAY,
            new_live_until_ledger: seq + 30 * DAY,
        };
        Some((
            name.to_string(),
            bytes,
            compute_rent_fee(&[change], &rent_configuration(), seq),
        ))
    })
    .collect();

    MoneyPath {
        code_rent,
        max_items,
        max_developers,
        floor: floor_row,
        floor_source,
        singles,
        curves,
        recording,
    }
}

// ----- every entry point -------------------------------------------------------

fn a<T: IntoVal<Env, Val>>(env: &Env, v: T) -> Val {
    v.into_val(env)
}

/// `CreateContractV2` of `wasm` by `deployer` with constructor `args`.
fn create(
    env: &Env,
    deployer: &Address,
    wasm: &[u8],
    salt: u8,
    args: soroban_sdk::Vec<Val>,
) -> HostFunction {
    HostFunction::CreateContractV2(CreateContractArgsV2 {
        contract_id_preimage: ContractIdPreimage::Address(ContractIdPreimageFromAddress {
            address: ScAddress::from(deployer),
            salt: Uint256([salt; 32]),
        }),
        executable: ContractExecutable::Wasm(Hash(wasm_hash(wasm))),
        constructor_args: args
            .iter()
            .map(|v| ScVal::try_from_val(env, &v).unwrap())
            .collect::<StdVec<_>>()
            .try_into()
            .unwrap(),
    })
}

fn entry_points(net: Mainnet) -> StdVec<Row> {
    let mut rows = StdVec::new();
    let mut lab = Lab::new(net);
    let env = lab.env.clone();
    let e = &env;
    let admin = lab.admin.clone();
    let dev = lab.account_with("ep-developer", Some(0));
    let friend = lab.account_with("ep-friend", Some(0));

    // ---- settlement
    let s = lab.settlement.address.clone();
    // A G-account registered as a vault calls receive_payment* directly (a
    // vault calls them inside deduct; see the money path).
    let caller = lab.account_with("ep-registered", Some(1_000_000));
    rows.push(lab.tx(
        "settlement.set_vault",
        &s,
        "set_vault",
        vec![e, a(e, &admin), a(e, &caller), a(e, true)],
    ));
    rows.push(lab.tx(
        "settlement.receive_payment (pool, from a registered account)",
        &s,
        "receive_payment",
        vec![
            e,
            a(e, &caller),
            a(e, 100i128),
            a(e, true),
            a(e, None::<Address>),
        ],
    ));
    rows.push(lab.tx(
        "settlement.receive_payment (new developer, from a registered account)",
        &s,
        "receive_payment",
        vec![
            e,
            a(e, &caller),
            a(e, 50i128),
            a(e, false),
            a(e, Some(dev.clone())),
        ],
    ));
    rows.push(lab.tx(
        "settlement.receive_payment (known developer, from a registered account)",
        &s,
        "receive_payment",
        vec![
            e,
            a(e, &caller),
            a(e, 50i128),
            a(e, false),
            a(e, Some(dev.clone())),
        ],
    ));
    let credits = vec![
        e,
        settlement::Payment {
            to: dev.clone(),
            amount: 5,
        },
        settlement::Payment {
            to: lab.fresh(),
            amount: 5,
        },
    ];
    rows.push(lab.tx(
        "settlement.receive_payments (pool + 2 developers, from a registered account)",
        &s,
        "receive_payments",
        vec![e, a(e, &caller), a(e, 5i128), a(e, credits)],
    ));
    rows.push(lab.tx(
        "settlement.withdraw",
        &s,
        "withdraw",
        vec![e, a(e, &dev), a(e, 30i128)],
    ));
    rows.push(lab.tx(
        "settlement.distribute_pool",
        &s,
        "distribute_pool",
        vec![e, a(e, &admin), a(e, &dev), a(e, 10i128)],
    ));
    rows.push(lab.tx(
        "settlement.extend_index",
        &s,
        "extend_index",
        vec![e, a(e, 0u32), a(e, 10u32)],
    ));
    for (name, args) in [
        ("get_admin", vec![e]),
        ("get_pending_admin", vec![e]),
        ("get_usdc_token", vec![e]),
        ("get_successor", vec![e]),
        ("get_predecessor", vec![e]),
        ("get_import_cursor", vec![e]),
        ("is_vault", vec![e, a(e, &caller)]),
        ("get_developer_balance", vec![e, a(e, &dev)]),
        ("get_developer_balances", vec![e, a(e, 0u32), a(e, 10u32)]),
        ("get_developer_count", vec![e]),
        ("get_developer_total", vec![e]),
        ("get_global_pool", vec![e]),
        ("version", vec![e]),
        ("schema_version", vec![e]),
    ] {
        rows.push(lab.tx(&format!("settlement.{name}"), &s, name, args));
    }
    // Redeploy-migration onto a successor (a second instance of this build).
    let next = e.register(
        settlement::WASM,
        (admin.clone(), lab.usdc.clone(), None::<Address>),
    );
    lab.name(&next, "successor settlement");
    rows.push(lab.tx(
        "settlement.set_predecessor",
        &next,
        "set_predecessor",
        vec![e, a(e, &admin), a(e, &s)],
    ));
    lab.sac.mint(&s, &20);
    rows.push(lab.tx(
        "settlement.book_untracked",
        &s,
        "book_untracked",
        vec![e, a(e, &admin)],
    ));
    rows.push(lab.tx(
        "settlement.retire",
        &s,
        "retire",
        vec![e, a(e, &admin), a(e, &next)],
    ));
    rows.push(lab.tx(
        "settlement.import_balances (first page + pool)",
        &next,
        "import_balances",
        vec![e, a(e, &admin), a(e, 50u32)],
    ));
    // Handover, migrate and upgrade on the active successor.
    let next_admin = lab.account_with("ep-next-admin", None);
    let live = e.ledger().sequence() + 100;
    rows.push(lab.tx(
        "settlement.set_admin",
        &next,
        "set_admin",
        vec![e, a(e, &admin), a(e, &next_admin), a(e, live)],
    ));
    rows.push(lab.tx(
        "settlement.accept_admin",
        &next,
        "accept_admin",
        vec![e, a(e, &next_admin)],
    ));
    force_schema(e, &next, 0);
    rows.push(lab.tx(
        "settlement.migrate (nothing to transform)",
        &next,
        "migrate",
        vec![e, a(e, &next_admin)],
    ));
    let hash = soroban_sdk::BytesN::from_array(e, &wasm_hash(settlement::WASM));
    rows.push(lab.tx(
        "settlement.upgrade",
        &next,
        "upgrade",
        vec![e, a(e, &next_admin), a(e, hash)],
    ));
    rows.push(lab.measure(
        "settlement.__constructor (with a vault)",
        0,
        &create(
            e,
            &admin,
            settlement::WASM,
            1,
            vec![e, a(e, &admin), a(e, &lab.usdc), a(e, Some(caller.clone()))],
        ),
    ));

    // ---- revenue pool
    let p = lab.pool.address.clone();
    lab.sac.mint(&p, &10_000);
    rows.push(lab.tx(
        "revenue_pool.distribute",
        &p,
        "distribute",
        vec![e, a(e, &admin), a(e, &dev), a(e, 10i128)],
    ));
    let payments = vec![
        e,
        revenue_pool::Payment {
            to: dev.clone(),
            amount: 1,
        },
        revenue_pool::Payment {
            to: friend.clone(),
            amount: 1,
        },
    ];
    rows.push(lab.tx(
        "revenue_pool.batch_distribute (2 payments)",
        &p,
        "batch_distribute",
        vec![e, a(e, &admin), a(e, payments)],
    ));
    for name in [
        "get_admin",
        "get_pending_admin",
        "get_usdc_token",
        "balance",
        "version",
        "schema_version",
    ] {
        rows.push(lab.tx(&format!("revenue_pool.{name}"), &p, name, vec![e]));
    }
    rows.push(lab.tx(
        "revenue_pool.set_admin",
        &p,
        "set_admin",
        vec![e, a(e, &admin), a(e, &next_admin), a(e, live)],
    ));
    rows.push(lab.tx(
        "revenue_pool.accept_admin",
        &p,
        "accept_admin",
        vec![e, a(e, &next_admin)],
    ));
    force_schema(e, &p, 0);
    rows.push(lab.tx(
        "revenue_pool.migrate (nothing to transform)",
        &p,
        "migrate",
        vec![e, a(e, &next_admin)],
    ));
    let hash = soroban_sdk::BytesN::from_array(e, &wasm_hash(revenue_pool::WASM));
    rows.push(lab.tx(
        "revenue_pool.upgrade",
        &p,
        "upgrade",
        vec![e, a(e, &next_admin), a(e, hash)],
    ));
    rows.push(lab.measure(
        "revenue_pool.__constructor",
        0,
        &create(
            e,
            &admin,
            revenue_pool::WASM,
            2,
            vec![e, a(e, &admin), a(e, &lab.usdc)],
        ),
    ));

    // ---- vault (deducts: see the money path)
    let owner = lab.account_with("ep-owner", Some(0));
    lab.name(&owner, "owner");
    lab.sac.mint(&owner, &10_000_000);
    e.deployer().upload_contract_wasm(vault::WASM);
    rows.push(lab.measure(
        "vault.__constructor",
        0,
        &create(
            e,
            &admin,
            vault::WASM,
            3,
            vec![
                e,
                a(e, &owner),
                a(e, &admin),
                a(e, &lab.usdc),
                a(e, None::<i128>),
                a(e, Some(lab.backend.clone())),
                a(e, None::<i128>),
                a(e, Some(p.clone())),
                a(e, None::<i128>),
            ],
        ),
    ));
    let v = lab.vault(&owner, false).address;
    lab.name(&v, "vault");
    rows.push(lab.tx(
        "vault.deposit (first: creates the vault's USDC balance)",
        &v,
        "deposit",
        vec![e, a(e, &owner), a(e, 500_000i128)],
    ));
    rows.push(lab.tx(
        "vault.deposit",
        &v,
        "deposit",
        vec![e, a(e, &owner), a(e, 500_000i128)],
    ));
    rows.push(lab.tx("vault.withdraw", &v, "withdraw", vec![e, a(e, 10i128)]));
    rows.push(lab.tx(
        "vault.withdraw_to",
        &v,
        "withdraw_to",
        vec![e, a(e, &friend), a(e, 10i128)],
    ));
    rows.push(lab.tx(
        "vault.set_allowed_depositor",
        &v,
        "set_allowed_depositor",
        vec![e, a(e, &owner), a(e, &friend), a(e, true)],
    ));
    let limit = vault::SpendLimit {
        amount: 1_000_000,
        period_ledgers: DAY,
    };
    rows.push(lab.tx(
        "vault.set_spend_limit",
        &v,
        "set_spend_limit",
        vec![e, a(e, &owner), a(e, Some(limit))],
    ));
    lab.sac.mint(&v, &7);
    rows.push(lab.tx("vault.sweep", &v, "sweep", vec![e, a(e, &owner)]));
    rows.push(lab.tx(
        "vault.set_authorized_caller",
        &v,
        "set_authorized_caller",
        vec![e, a(e, &admin), a(e, Some(lab.backend.clone()))],
    ));
    rows.push(lab.tx(
        "vault.set_min_deposit",
        &v,
        "set_min_deposit",
        vec![e, a(e, &admin), a(e, 2i128)],
    ));
    rows.push(lab.tx(
        "vault.set_max_deduct",
        &v,
        "set_max_deduct",
        vec![e, a(e, &admin), a(e, 1_000_000i128)],
    ));
    rows.push(lab.tx(
        "vault.set_max_batch",
        &v,
        "set_max_batch",
        vec![e, a(e, &admin), a(e, 100u32)],
    ));
    rows.push(lab.tx(
        "vault.set_revenue_pool",
        &v,
        "set_revenue_pool",
        vec![e, a(e, &admin), a(e, Some(p.clone()))],
    ));
    // The first settlement retired above; its active successor takes vaults.
    settlement::Client::new(e, &next).set_vault(&next_admin, &v, &true);
    rows.push(lab.tx(
        "vault.set_settlement",
        &v,
        "set_settlement",
        vec![e, a(e, &admin), a(e, Some(next.clone()))],
    ));
    rows.push(lab.tx(
        "vault.set_metadata",
        &v,
        "set_metadata",
        vec![
            e,
            a(e, &admin),
            a(e, lab.s("offering-1")),
            a(
                e,
                lab.s("ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"),
            ),
        ],
    ));
    rows.push(lab.tx("vault.pause", &v, "pause", vec![e, a(e, &admin)]));
    rows.push(lab.tx("vault.unpause", &v, "unpause", vec![e, a(e, &admin)]));
    // A deduct under the owner's spend limit (counts against its window).
    let deduct = vec![
        e,
        a(e, &lab.backend),
        a(e, 10i128),
        a(e, request_id(&lab, "ep-limited")),
        a(e, None::<Address>),
        a(e, lab.until()),
    ];
    lab.replay(
        &v,
        "set_settlement",
        vec![e, a(e, &admin), a(e, None::<Address>)],
    );
    rows.push(lab.tx(
        "vault.deduct (revenue pool, with a spend limit)",
        &v,
        "deduct",
        deduct,
    ));
    for (name, args) in [
        ("get_meta", vec![e]),
        ("balance", vec![e]),
        ("get_admin", vec![e]),
        ("get_pending_admin", vec![e]),
        ("get_usdc_token", vec![e]),
        ("get_settlement", vec![e]),
        ("get_revenue_pool", vec![e]),
        ("get_max_deduct", vec![e]),
        ("get_max_batch", vec![e]),
        ("get_spend_limit", vec![e]),
        ("get_spend_window", vec![e]),
        ("is_paused", vec![e]),
        ("is_allowed_depositor", vec![e, a(e, &friend)]),
        (
            "is_request_processed",
            vec![e, a(e, request_id(&lab, "ep-limited"))],
        ),
        ("get_metadata", vec![e, a(e, lab.s("offering-1"))]),
        ("version", vec![e]),
        ("schema_version", vec![e]),
    ] {
        rows.push(lab.tx(&format!("vault.{name}"), &v, name, args));
    }
    rows.push(lab.tx(
        "vault.set_admin",
        &v,
        "set_admin",
        vec![e, a(e, &admin), a(e, &next_admin), a(e, live)],
    ));
    rows.push(lab.tx(
        "vault.accept_admin",
        &v,
        "accept_admin",
        vec![e, a(e, &next_admin)],
    ));
    let hash = soroban_sdk::BytesN::from_array(e, &wasm_hash(vault::WASM));
    rows.push(lab.tx(
        "vault.upgrade (operator and owner sign)",
        &v,
        "upgrade",
        vec![e, a(e, &next_admin), a(e, hash.clone())],
    ));
    // A code version 1 vault (its owner is its admin), upgraded in place.
    let old = e.register(
        v1::vault::WASM,
        legacy_vault_args(&owner, &lab.usdc, None, None),
    );
    lab.name(&old, "vault");
    vault::Client::new(e, &old).upgrade(&owner, &hash);
    rows.push(lab.tx(
        "vault.migrate (schema 1 -> 3)",
        &old,
        "migrate",
        vec![e, a(e, &owner)],
    ));
    rows
}

// ----- batch_distribute and the settlement at scale ----------------------------

fn batch_distribute(net: Mainnet) -> (StdVec<(u32, Row)>, (u32, String)) {
    let mut lab = Lab::new(net);
    let env = lab.env.clone();
    let e = &env;
    lab.sac.mint(&lab.pool.address, &1_000_000);
    let mut points = StdVec::new();
    let payments = |lab: &mut Lab, n: u32| {
        let mut v = soroban_sdk::Vec::new(&lab.env);
        for i in 0..n {
            let to = lab.account_with(&format!("recipient-{n}-{i}"), Some(0));
            v.push_back(revenue_pool::Payment { to, amount: 1 });
        }
        v
    };
    for n in [1, 10, MAX_BATCH_DISTRIBUTE] {
        let p = payments(&mut lab, n);
        let f = lab.call(
            &lab.pool.address,
            "batch_distribute",
            vec![e, a(e, &lab.admin), a(e, p)],
        );
        points.push((n, lab.measure("revenue_pool.batch_distribute", n, &f)));
    }
    let p = payments(&mut lab, MAX_BATCH_DISTRIBUTE + 1);
    let f = lab.call(
        &lab.pool.address,
        "batch_distribute",
        vec![e, a(e, &lab.admin), a(e, p)],
    );
    let err = lab
        .apply(&f, Credentials::SignedEntries, None)
        .err()
        .expect("refused");
    let refused =
        contract_error(revenue_pool::WASM, &err).unwrap_or_else(|| panic!("unexpected: {err}"));
    (points, (MAX_BATCH_DISTRIBUTE + 1, refused))
}

/// `vault.deduct` through a settlement already holding `n` credited
/// developers, to a known and to a new developer, on a ledger built by
/// writing the snapshot directly (`scale::seed_developers`).
fn settlement_at(net: Mainnet, counts: &[u32]) -> StdVec<(u32, Row, Row)> {
    let mut lab = Lab::new(net);
    let e = lab.env.clone();
    let owner = lab.account_with("owner", Some(0));
    lab.sac.mint(&owner, &1_000_000);
    let v = lab.vault(&owner, true);
    v.deposit(&owner, &1_000_000);
    let known = lab.fresh();
    let until = lab.until();
    let args = |lab: &Lab, id: &str, d: &Address| {
        vec![
            &e,
            a(&e, &lab.backend),
            a(&e, 10i128),
            a(&e, request_id(lab, id)),
            a(&e, Some(d.clone())),
            a(&e, until),
        ]
    };
    lab.replay(&v.address, "deduct", args(&lab, "seed", &known));
    let info: LedgerInfo = e.ledger().get();
    let base = e.to_ledger_snapshot();
    let fresh = lab.fresh();
    counts
        .iter()
        .map(|&n| {
            let mut snapshot = base.clone();
            seed_developers(
                &mut snapshot,
                &ScAddress::from(&lab.settlement.address),
                n - 1,
            );
            let state = LedgerState::from_snapshot(&snapshot);
            let shared = Rc::new(state.clone());
            let run = |name: &str, id: &str, d: &Address| {
                let f = lab.call(&v.address, "deduct", args(&lab, id, d));
                let applied = lab
                    .net
                    .run(&shared, &info, &f, Credentials::SignedEntries, None)
                    .unwrap_or_else(|err| panic!("{name}: {err}"));
                row(
                    name,
                    1,
                    Credentials::SignedEntries,
                    &applied,
                    &state,
                    &lab.names,
                )
            };
            (
                n,
                run("known developer", "scale-known", &known),
                run("new developer", "scale-new", &fresh),
            )
        })
        .collect()
}

// ----- WASM sizes ----------------------------------------------------------------

/// A WASM's bytes by section: code, data, each custom section by name, and
/// the rest (types, imports, functions, exports, …).
pub struct Size {
    pub name: String,
    pub bytes: u64,
    pub code: u64,
    pub data: u64,
    pub custom: StdVec<(String, u64)>,
    pub other: u64,
}

fn leb(bytes: &[u8], at: &mut usize) -> u64 {
    let (mut value, mut shift) = (0u64, 0);
    loop {
        let b = bytes[*at];
        *at += 1;
        value |= ((b & 0x7f) as u64) << shift;
        if b & 0x80 == 0 {
            return value;
        }
        shift += 7;
    }
}

pub fn wasm_sections(name: &str, wasm: &[u8]) -> Size {
    let mut size = Size {
        name: name.into(),
        bytes: wasm.len() as u64,
        code: 0,
        data: 0,
        custom: StdVec::new(),
        other: 8,
    };
    let mut at = 8;
    while at < wasm.len() {
        let start = at;
        let id = wasm[at];
        at += 1;
        let len = leb(wasm, &mut at) as usize;
        let body = at;
        at += len;
        let total = (at - start) as u64;
        match id {
            0 => {
                let mut p = body;
                let n = leb(wasm, &mut p) as usize;
                let section = String::from_utf8_lossy(&wasm[p..p + n]).to_string();
                match size.custom.iter_mut().find(|(s, _)| *s == section) {
                    Some((_, b)) => *b += total,
                    None => size.custom.push((section, total)),
                }
            }
            10 => size.code += total,
            11 => size.data += total,
            _ => size.other += total,
        }
    }
    size
}

// ----- the report ------------------------------------------------------------------

pub struct Report {
    pub money: MoneyPath,
    pub rows: StdVec<Row>,
    pub distribute: (StdVec<(u32, Row)>, (u32, String)),
    pub developers: StdVec<(u32, Row, Row)>,
    pub sizes: StdVec<Size>,
}

pub fn pipeline() -> Mainnet {
    Mainnet::new(
        mainnet_env().ledger().get().protocol_version,
        &[
            vault::WASM,
            settlement::WASM,
            revenue_pool::WASM,
            FLOOR_WASM,
            v1::vault::WASM,
        ],
    )
}

/// Runs the whole benchmark.
pub fn run() -> Report {
    let money = money_path(pipeline());
    let rows = entry_points(pipeline());
    let distribute = batch_distribute(pipeline());
    let developers = settlement_at(pipeline(), &[1, 1_000, 10_000]);
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../artifacts");
    let sizes = callora_types::CONTRACTS
        .iter()
        .chain(&[FLOOR])
        .map(|c| {
            let wasm = std::fs::read(format!("{root}/{c}.wasm")).unwrap_or_default();
            wasm_sections(c, &wasm)
        })
        .collect();
    Report {
        money,
        rows,
        distribute,
        developers,
        sizes,
    }
}

/// Public functions of each contract that have no row.
pub fn missing_entry_points(report: &Report) -> StdVec<String> {
    let mut names: StdVec<String> = report
        .rows
        .iter()
        .chain(report.money.singles.iter().map(|(r, _)| r))
        .map(|r| r.name.clone())
        .collect();
    if !report.money.curves.is_empty() {
        names.push("vault.batch_deduct (curves)".into());
    }
    let mut missing = StdVec::new();
    for (contract, wasm) in [
        ("vault", vault::WASM),
        ("revenue_pool", revenue_pool::WASM),
        ("settlement", settlement::WASM),
    ] {
        for entry in soroban_spec::read::from_wasm(wasm).unwrap() {
            if let stellar_xdr::ScSpecEntry::FunctionV0(f) = entry {
                let name = format!(
                    "{contract}.{}",
                    String::from_utf8_lossy(f.name.0.as_slice())
                );
                let covered = names
                    .iter()
                    .any(|r| *r == name || r.starts_with(&format!("{name} ")));
                if !covered {
                    missing.push(name);
                }
            }
        }
    }
    missing
}

/// The name and code of the contract error in a refusal's message
/// (`Error(Contract, #N)`), from the contract's spec.
pub fn contract_error(wasm: &[u8], message: &str) -> Option<String> {
    let code: u32 = message
        .split("Error(Contract, #")
        .nth(1)?
        .split(')')
        .next()?
        .parse()
        .ok()?;
    soroban_spec::read::from_wasm(wasm)
        .ok()?
        .into_iter()
        .find_map(|entry| match entry {
            stellar_xdr::ScSpecEntry::UdtErrorEnumV0(e) => e
                .cases
                .iter()
                .find(|c| c.value == code)
                .map(|c| format!("{} (#{code})", c.name.to_utf8_string_lossy())),
            _ => None,
        })
}

/// The inclusion fee assumed per transaction, and the signature expiration
/// the benchmark signs with (re-exported for the report).
pub const INCLUSION_FEE: i64 = SIGNED_INCLUSION_FEE;
pub const SIGNATURE_EXPIRATION: u32 = EXPIRATION;
