//! What both fuzz targets share: a quiet host, a fresh host or one started
//! from a prepared ledger snapshot, and state read straight from storage.
//!
//! Speed: a view invocation costs a host frame, argument conversion and
//! metering; reading every view after every step was ~60% of `vault_ops`'s
//! time (24 invocations per step), and reading storage inside the contract
//! (`as_contract`) still ~40%. The targets instead take every stored entry
//! (key, value, live-until) once per step, compare it before and after a
//! refused call, and decode the values their invariants need from it with
//! the contracts' own storage keys (mirrored below; [`Reader`]). Each
//! target compares those reads with the views once, at the end of every
//! input, so a mirror that drifts from the contract fails at once.
#![allow(dead_code)]

use soroban_env_host::{
    storage::EntryWithLiveUntil,
    xdr::{
        ContractDataDurability, LedgerEntry, LedgerEntryData, LedgerKey, LedgerKeyContractData,
        ScAddress, ScVal,
    },
    DiagnosticLevel,
};
use soroban_sdk::{
    contracttype,
    testutils::{EnvTestConfig, Ledger as _, LedgerInfo, SnapshotSource, SnapshotSourceInput},
    Address, Env, IntoVal, TryFromVal, Val,
};
use std::rc::Rc;

/// Mocked auths, no budget limit, no diagnostic events, no auth recording
/// per invocation, no test snapshot written at drop.
pub fn quiet(env: &mut Env) {
    env.set_config(EnvTestConfig {
        capture_snapshot_at_drop: false,
    });
    env.host().set_invocation_hook(None).unwrap();
    env.mock_all_auths();
    env.cost_estimate().budget().reset_unlimited();
    env.host()
        .set_diagnostic_level(DiagnosticLevel::None)
        .unwrap();
    // No per-invocation resource-limit verification (the budget is unlimited).
    env.host().set_invocation_resource_limits(None).unwrap();
}

/// A quiet host with mainnet's TTL settings (nothing archives within the
/// fuzzed time spans).
pub fn fresh_env() -> Env {
    let mut env = callora_types::test_env();
    quiet(&mut env);
    env.ledger().with_mut(|l| {
        l.sequence_number = 1_000;
        l.min_persistent_entry_ttl = 2_073_600;
        l.min_temp_entry_ttl = 17_280;
        l.max_entry_ttl = 3_110_400;
    });
    env
}

/// A prepared host's ledger snapshot.
pub struct Snapshot {
    pub source: Rc<dyn SnapshotSource>,
    ledger: LedgerInfo,
}

impl Snapshot {
    pub fn of(env: &Env) -> Snapshot {
        Snapshot {
            source: Rc::new(env.to_ledger_snapshot()),
            ledger: env.ledger().get(),
        }
    }

    /// A quiet host in the snapshot's state.
    pub fn start(&self) -> Env {
        let mut env = Env::from_ledger_snapshot(SnapshotSourceInput {
            source: self.source.clone(),
            ledger_info: Some(self.ledger.clone()),
            snapshot: None,
        });
        quiet(&mut env);
        env
    }
}

/// Addresses as XDR, to carry them from the prepared host to each input's
/// (an `Address` belongs to one host).
pub fn to_xdr<'a>(addresses: impl IntoIterator<Item = &'a Address>) -> Vec<ScAddress> {
    addresses.into_iter().map(ScAddress::from).collect()
}

/// The addresses [`to_xdr`] carried, on `env`.
pub fn from_xdr(env: &Env, xdr: &[ScAddress]) -> Vec<Address> {
    xdr.iter()
        .map(|x| Address::try_from_val(env, x).unwrap())
        .collect()
}

/// Whether `CALLORA_FUZZ_FRESH` asks for a fresh host per input.
pub fn fresh_per_input() -> bool {
    std::env::var_os("CALLORA_FUZZ_FRESH").is_some()
}

/// Every entry the host holds, with its live-until ledger (entries looked
/// up but absent left out): what a refused call must leave untouched.
pub type Stored = Vec<(Rc<LedgerKey>, Rc<LedgerEntry>, Option<u32>)>;

pub fn stored(env: &Env) -> Stored {
    env.host()
        .get_stored_entries()
        .unwrap()
        .into_iter()
        .filter_map(|(k, v)| v.map(|(e, live): EntryWithLiveUntil| (k, e, live)))
        .collect()
}

/// Values read out of a [`Stored`] snapshot: plain XDR, no host call. An
/// entry the host has not loaded yet is read from the snapshot the host
/// started from (`source`; `None` for a fresh host, which holds them all).
pub struct Reader<'a> {
    env: &'a Env,
    entries: &'a Stored,
    source: Option<&'a Rc<dyn SnapshotSource>>,
}

impl<'a> Reader<'a> {
    pub fn new(
        env: &'a Env,
        entries: &'a Stored,
        source: Option<&'a Rc<dyn SnapshotSource>>,
    ) -> Reader<'a> {
        Reader {
            env,
            entries,
            source,
        }
    }

    fn data(&self, contract: &ScAddress, key: &ScVal) -> Option<ScVal> {
        let held = self.entries.iter().find_map(|(_, e, _)| match &e.data {
            LedgerEntryData::ContractData(d) if &d.contract == contract && &d.key == key => {
                Some(d.val.clone())
            }
            _ => None,
        });
        held.or_else(|| {
            let key = Rc::new(LedgerKey::ContractData(LedgerKeyContractData {
                contract: contract.clone(),
                key: key.clone(),
                durability: ContractDataDurability::Persistent,
            }));
            let (entry, _) = self.source?.get(&key).unwrap()?;
            match &entry.data {
                LedgerEntryData::ContractData(d) => Some(d.val.clone()),
                _ => None,
            }
        })
    }

    fn decode<V: TryFromVal<Env, Val>>(&self, v: &ScVal) -> V {
        let val = Val::try_from_val(self.env, v).unwrap();
        V::try_from_val(self.env, &val).unwrap_or_else(|_| panic!("cannot decode {v:?}"))
    }

    fn key<K: IntoVal<Env, Val>>(&self, key: &K) -> ScVal {
        ScVal::try_from_val(self.env, &key.into_val(self.env)).unwrap()
    }

    /// `key` in `contract`'s instance storage.
    pub fn instance<K: IntoVal<Env, Val>, V: TryFromVal<Env, Val>>(
        &self,
        contract: &Address,
        key: &K,
    ) -> Option<V> {
        let ScVal::ContractInstance(i) =
            self.data(&contract.into(), &ScVal::LedgerKeyContractInstance)?
        else {
            panic!("not an instance entry")
        };
        let key = self.key(key);
        let storage = i.storage.as_ref()?;
        storage
            .iter()
            .find(|e| e.key == key)
            .map(|e| self.decode(&e.val))
    }

    /// `key` in `contract`'s persistent (or temporary) storage.
    pub fn data_of<K: IntoVal<Env, Val>, V: TryFromVal<Env, Val>>(
        &self,
        contract: &Address,
        key: &K,
    ) -> Option<V> {
        self.data(&contract.into(), &self.key(key))
            .map(|v| self.decode(&v))
    }

    /// `contract`'s temporary entries held, decoded as keys `K`, with their
    /// live-until ledgers (expired ones included: the host drops an entry
    /// only when a call touches it after its live-until ledger).
    pub fn temporary<K: TryFromVal<Env, Val>>(&self, contract: &Address) -> Vec<(K, Option<u32>)> {
        let contract = ScAddress::from(contract);
        self.entries
            .iter()
            .filter_map(|(_, e, live)| match &e.data {
                LedgerEntryData::ContractData(d)
                    if d.contract == contract
                        && d.durability == ContractDataDurability::Temporary =>
                {
                    Some((self.decode(&d.key), *live))
                }
                _ => None,
            })
            .collect()
    }

    /// `who`'s balance in the USDC contract.
    pub fn usdc(&self, usdc: &Address, who: &Address) -> i128 {
        self.data_of::<_, SacBalance>(usdc, &SacKey::Balance(who.clone()))
            .map_or(0, |b| b.amount)
    }
}

/// The USDC contract's (a Stellar Asset Contract's) balance entry.
#[contracttype]
pub enum SacKey {
    Balance(Address),
}

#[contracttype]
pub struct SacBalance {
    pub amount: i128,
    pub authorized: bool,
    pub clawback: bool,
}

/// The vault's storage keys that the invariants read (names as in
/// `contracts/vault/src/storage.rs`: a `#[contracttype]` enum is stored as
/// its variant's name). `Request` is the vault's only temporary key.
#[contracttype]
pub enum VaultKey {
    Config,
    Balance,
    SpendLimit,
    SpendWindow,
    Request(soroban_sdk::String),
}

/// The settlement's storage keys that the invariants read
/// (`contracts/settlement/src/storage.rs`).
#[contracttype]
pub enum SettlementKey {
    Pool,
    DeveloperTotal,
    DeveloperCount,
    Successor,
    Predecessor,
    ImportCursor,
    PoolImported,
    Developer(Address),
    DeveloperAt(u32),
}
