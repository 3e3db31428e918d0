//! Real Stellar accounts and real ed25519-signed Soroban authorization, and
//! the transaction pipeline the benchmark measures mainnet costs with.
//!
//! * [`key`], [`create_account`], [`create_trustline`] — G-accounts (with
//!   extra signers and thresholds) and their USDC trustlines as classic
//!   ledger entries in an SDK [`Env`];
//! * [`invocation`], [`authorize`], [`sign_entry`] — a
//!   `SorobanAuthorizationEntry` with `Address` credentials signed over
//!   `HashIdPreimage::SorobanAuthorization`; install it with
//!   `env.set_auths(&[..])` and the host enforces it (signatures verified
//!   against the account's signers, weights and medium threshold; the nonce
//!   consumed);
//! * [`Mainnet`] — one `InvokeHostFunction` operation run the way a backend
//!   and stellar-core run it: simulate with recording auth (what Stellar RPC
//!   does), sign the recorded entries, simulate again with the signed entries
//!   (enforcing auth, recording footprint), then apply with
//!   `soroban_env_host::e2e_invoke::invoke_host_function` — the function
//!   stellar-core calls — on the footprint's entries, with the module cache
//!   holding every deployed contract (as mainnet keeps since protocol 23), and
//!   build the signed transaction envelope the backend would submit.
extern crate std;

use ed25519_dalek::{Signer as _, SigningKey};
use sha2::{Digest, Sha256};
use soroban_env_host::{
    budget::Budget,
    e2e_invoke::{
        self, entry_size_for_rent, extract_rent_changes, RecordingInvocationAuthMode,
        TtlLedgerEntryMeta,
    },
    fees::LedgerEntryRentChange,
    storage::{EntryWithLiveUntil, SnapshotSource, Storage},
    xdr::{
        AccountEntry, AccountEntryExt, AccountId, AlphaNum4, AssetCode4, ContractCostType,
        DecoratedSignature, Hash, HashIdPreimage, HashIdPreimageSorobanAuthorization, HostFunction,
        InvokeContractArgs, InvokeHostFunctionOp, LedgerEntry, LedgerEntryData, LedgerEntryExt,
        LedgerFootprint, LedgerKey, LedgerKeyAccount, LedgerKeyTrustLine, Limits, Memo,
        MuxedAccount, Operation, OperationBody, Preconditions, PublicKey, ReadXdr, ScAddress,
        ScMap, ScMapEntry, ScSymbol, ScVal, ScVec, SequenceNumber, Signature, SignatureHint,
        Signer, SignerKey, SorobanAuthorizationEntry, SorobanAuthorizedFunction,
        SorobanAuthorizedInvocation, SorobanCredentials, SorobanResources, SorobanTransactionData,
        SorobanTransactionDataExt, Thresholds, TimeBounds, TimePoint, Transaction,
        TransactionEnvelope, TransactionExt, TransactionSignaturePayload,
        TransactionSignaturePayloadTaggedTransaction, TransactionV1Envelope, TrustLineAsset,
        TrustLineEntry, TrustLineEntryExt, TrustLineFlags, Uint256, WriteXdr,
    },
    Host, HostError, LedgerInfo, ModuleCache,
};
use soroban_sdk::{token::TokenClient, Address, Env, TryFromVal, Val};
use std::{collections::BTreeMap, format, rc::Rc, string::String, vec, vec::Vec};

// ----- keys and accounts ---------------------------------------------------

/// A deterministic ed25519 key: the secret is SHA-256 of `seed`.
pub fn key(seed: &str) -> SigningKey {
    SigningKey::from_bytes(&Sha256::digest(seed.as_bytes()).into())
}

pub fn public_key(key: &SigningKey) -> [u8; 32] {
    key.verifying_key().to_bytes()
}

pub fn account_id(key: &SigningKey) -> AccountId {
    AccountId(PublicKey::PublicKeyTypeEd25519(Uint256(public_key(key))))
}

/// The G-address of `key`'s account as a value of `env`.
pub fn g_address(env: &Env, key: &SigningKey) -> Address {
    Address::try_from_val(env, &ScVal::Address(ScAddress::Account(account_id(key)))).unwrap()
}

/// Creates the Stellar account whose master key is `master` in `env`'s
/// ledger: 100 XLM, `thresholds` = [master weight, low, medium, high], and
/// `signers` (key, weight) as extra signers. Soroban authorization checks the
/// weights of the signing keys against the **medium** threshold.
pub fn create_account(
    env: &Env,
    master: &SigningKey,
    thresholds: [u8; 4],
    signers: &[(&SigningKey, u32)],
) -> Address {
    let id = account_id(master);
    let mut signers: Vec<Signer> = signers
        .iter()
        .map(|(k, weight)| Signer {
            key: SignerKey::Ed25519(Uint256(public_key(k))),
            weight: *weight,
        })
        .collect();
    // The ledger keeps an account's signers sorted.
    signers.sort_by(|a, b| a.key.cmp(&b.key));
    let entry = LedgerEntry {
        last_modified_ledger_seq: 0,
        data: LedgerEntryData::Account(AccountEntry {
            account_id: id.clone(),
            balance: 1_000_000_000,
            seq_num: SequenceNumber((env.ledger().sequence() as i64) << 32),
            num_sub_entries: signers.len() as u32,
            inflation_dest: None,
            flags: 0,
            home_domain: Default::default(),
            thresholds: Thresholds(thresholds),
            signers: signers.try_into().unwrap(),
            ext: AccountEntryExt::V0,
        }),
        ext: LedgerEntryExt::V0,
    };
    let key = LedgerKey::Account(LedgerKeyAccount { account_id: id });
    env.host()
        .add_ledger_entry(&Rc::new(key), &Rc::new(entry), None)
        .unwrap();
    g_address(env, master)
}

/// A single-key account (master weight 1, all thresholds 0 = 1).
pub fn create_simple_account(env: &Env, master: &SigningKey) -> Address {
    create_account(env, master, [1, 0, 0, 0], &[])
}

/// The classic asset a Stellar Asset Contract wraps, from its `name()`
/// (`CODE:ISSUER`).
pub fn sac_asset(env: &Env, sac: &Address) -> TrustLineAsset {
    let name = TokenClient::new(env, sac).name();
    let mut buf = vec![0u8; name.len() as usize];
    name.copy_into_slice(&mut buf);
    let name = String::from_utf8(buf).unwrap();
    let (code, issuer) = name.split_once(':').expect("a credit asset");
    let mut asset_code = [0u8; 4];
    asset_code[..code.len()].copy_from_slice(code.as_bytes());
    let issuer = Address::from_str(env, issuer);
    let ScAddress::Account(issuer) = ScAddress::from(&issuer) else {
        panic!("issuer is not an account")
    };
    TrustLineAsset::CreditAlphanum4(AlphaNum4 {
        asset_code: AssetCode4(asset_code),
        issuer,
    })
}

/// An authorized trustline from `account` (a G-address) to the asset `sac`
/// wraps, holding `balance`: what a G-account needs to hold USDC.
pub fn create_trustline(env: &Env, account: &Address, sac: &Address, balance: i64) {
    let ScAddress::Account(account_id) = ScAddress::from(account) else {
        panic!("not a G-account")
    };
    let asset = sac_asset(env, sac);
    let entry = LedgerEntry {
        last_modified_ledger_seq: 0,
        data: LedgerEntryData::Trustline(TrustLineEntry {
            account_id: account_id.clone(),
            asset: asset.clone(),
            balance,
            limit: i64::MAX,
            flags: TrustLineFlags::AuthorizedFlag as u32,
            ext: TrustLineEntryExt::V0,
        }),
        ext: LedgerEntryExt::V0,
    };
    let key = LedgerKey::Trustline(LedgerKeyTrustLine { account_id, asset });
    env.host()
        .add_ledger_entry(&Rc::new(key), &Rc::new(entry), None)
        .unwrap();
}

// ----- authorization entries -----------------------------------------------

/// The invocation `contract.function(args)` (with `sub_invocations`) as an
/// account authorizes it.
pub fn invocation(
    env: &Env,
    contract: &Address,
    function: &str,
    args: soroban_sdk::Vec<Val>,
    sub_invocations: Vec<SorobanAuthorizedInvocation>,
) -> SorobanAuthorizedInvocation {
    SorobanAuthorizedInvocation {
        function: SorobanAuthorizedFunction::ContractFn(invoke_args(env, contract, function, args)),
        sub_invocations: sub_invocations.try_into().unwrap(),
    }
}

pub fn invoke_args(
    env: &Env,
    contract: &Address,
    function: &str,
    args: soroban_sdk::Vec<Val>,
) -> InvokeContractArgs {
    InvokeContractArgs {
        contract_address: ScAddress::from(contract),
        function_name: ScSymbol(function.try_into().unwrap()),
        args: args
            .iter()
            .map(|v| ScVal::try_from_val(env, &v).unwrap())
            .collect::<Vec<_>>()
            .try_into()
            .unwrap(),
    }
}

/// An authorization entry for `account` (a G-address) covering `root`,
/// signed by `keys` over the network's id, `nonce` and
/// `signature_expiration_ledger`.
pub fn authorize(
    env: &Env,
    account: &Address,
    keys: &[&SigningKey],
    nonce: i64,
    signature_expiration_ledger: u32,
    root: SorobanAuthorizedInvocation,
) -> SorobanAuthorizationEntry {
    let mut entry = SorobanAuthorizationEntry {
        credentials: SorobanCredentials::Address(
            soroban_env_host::xdr::SorobanAddressCredentials {
                address: ScAddress::from(account),
                nonce,
                signature_expiration_ledger,
                signature: ScVal::Void,
            },
        ),
        root_invocation: root,
    };
    let network_id = env.ledger().network_id().to_array();
    sign_entry(&network_id, &mut entry, keys, signature_expiration_ledger);
    entry
}

/// Signs an entry with `Address` credentials: sets its expiration, hashes
/// `HashIdPreimage::SorobanAuthorization { network_id, nonce,
/// signature_expiration_ledger, invocation }` and stores the signatures the
/// account contract expects: a `Vec` of `{public_key: Bytes(32), signature:
/// Bytes(64)}` maps, sorted by public key.
pub fn sign_entry(
    network_id: &[u8; 32],
    entry: &mut SorobanAuthorizationEntry,
    keys: &[&SigningKey],
    signature_expiration_ledger: u32,
) {
    let SorobanCredentials::Address(credentials) = &mut entry.credentials else {
        panic!("only Address credentials carry a signature")
    };
    credentials.signature_expiration_ledger = signature_expiration_ledger;
    let preimage = HashIdPreimage::SorobanAuthorization(HashIdPreimageSorobanAuthorization {
        network_id: Hash(*network_id),
        nonce: credentials.nonce,
        signature_expiration_ledger,
        invocation: entry.root_invocation.clone(),
    });
    let payload: [u8; 32] = Sha256::digest(preimage.to_xdr(Limits::none()).unwrap()).into();
    let mut keys = keys.to_vec();
    keys.sort_by_key(|k| public_key(k));
    let signatures: Vec<ScVal> = keys
        .iter()
        .map(|k| {
            let entries = vec![
                ScMapEntry {
                    key: ScVal::Symbol(ScSymbol("public_key".try_into().unwrap())),
                    val: ScVal::Bytes(public_key(k).to_vec().try_into().unwrap()),
                },
                ScMapEntry {
                    key: ScVal::Symbol(ScSymbol("signature".try_into().unwrap())),
                    val: ScVal::Bytes(k.sign(&payload).to_bytes().to_vec().try_into().unwrap()),
                },
            ];
            ScVal::Map(Some(ScMap(entries.try_into().unwrap())))
        })
        .collect();
    credentials.signature = ScVal::Vec(Some(ScVec(signatures.try_into().unwrap())));
}

// ----- the mainnet transaction pipeline ------------------------------------

/// Ledger state to run a transaction on: every entry with its live-until
/// ledger, looked up by key (as stellar-core's bucket list and Stellar RPC's
/// snapshot do).
#[derive(Clone, Default)]
pub struct LedgerState(pub BTreeMap<LedgerKey, EntryWithLiveUntil>);

impl SnapshotSource for LedgerState {
    fn get(&self, key: &Rc<LedgerKey>) -> Result<Option<EntryWithLiveUntil>, HostError> {
        Ok(self.0.get(key.as_ref()).cloned())
    }
}

impl LedgerState {
    /// The current state of an SDK `Env`'s ledger.
    pub fn of(env: &Env) -> LedgerState {
        LedgerState(
            env.host()
                .get_stored_entries()
                .unwrap()
                .into_iter()
                .filter_map(|(k, v)| v.map(|v| ((*k).clone(), v)))
                .collect(),
        )
    }

    pub fn from_snapshot(snapshot: &soroban_ledger_snapshot::LedgerSnapshot) -> LedgerState {
        LedgerState(
            snapshot
                .ledger_entries
                .iter()
                .map(|(k, (e, ttl))| ((**k).clone(), (Rc::new((**e).clone()), *ttl)))
                .collect(),
        )
    }
}

/// Who authorizes the backend's call, and so who the transaction's source
/// account is.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum Credentials {
    /// A submitting account (a relayer) is the transaction's source; every
    /// authorizing account signs an `Address` entry (nonce + signature
    /// expiration). This is what a wallet-signed call looks like.
    SignedEntries,
    /// The authorizing account (the backend) is the transaction's source: its
    /// authorization is the envelope signature (`SourceAccount` credentials,
    /// no nonce entry, no signature inside the operation).
    SourceAccount,
}

/// Everything measured about one applied transaction.
pub struct Applied {
    /// The function's return value.
    pub result: ScVal,
    pub footprint: LedgerFootprint,
    /// Instructions the network charges: the apply run with the module cache.
    pub instructions: u64,
    /// Instructions declared in the transaction (the simulated figure with
    /// Stellar RPC's default margin); the apply run is limited to them and
    /// the instruction fee is charged on them.
    pub declared_instructions: u32,
    pub memory: u64,
    /// Instructions of the same apply run without a module cache (every
    /// contract's WASM parsed on the call).
    pub instructions_without_cache: u64,
    /// Of `instructions_without_cache`: `VmInstantiation` and `ParseWasm*`
    /// cost types (parsing), which the module cache avoids.
    pub parse_instructions: u64,
    /// Of `instructions`: `VmCachedInstantiation` and `InstantiateWasm*`
    /// (instantiating a cached module), charged on both paths.
    pub instantiate_instructions: u64,
    /// Classic entries read (accounts, trustlines): disk reads on mainnet.
    pub disk_read_entries: u32,
    pub disk_read_bytes: u32,
    pub write_entries: u32,
    pub write_bytes: u32,
    /// Size of the contract events (XDR).
    pub event_bytes: u32,
    /// Size of the return value (XDR); the network charges it with the events.
    pub return_bytes: u32,
    /// Rent-relevant changes of the applied transaction, with the entry
    /// each belongs to.
    pub rent_changes: Vec<LedgerEntryRentChange>,
    pub rent_keys: Vec<LedgerKey>,
    /// Rent-relevant changes the second simulation predicted (what the
    /// backend budgets its refundable fee with).
    pub simulated_rent_changes: Vec<LedgerEntryRentChange>,
    pub simulated_event_and_return_bytes: u32,
    /// Authorization entries in the operation (signed).
    pub auth: Vec<SorobanAuthorizationEntry>,
    /// Bytes of the signed `TransactionEnvelope` the backend submits.
    pub envelope_bytes: u32,
    /// Bytes of the operation's authorization entries within it.
    pub auth_bytes: u32,
    /// Bytes of the footprint within it.
    pub footprint_bytes: u32,
    /// Bytes of the host function (contract, function, arguments) within it.
    pub host_function_bytes: u32,
    pub ledger_sequence: u32,
}

/// Transaction resource figures a backend declares after simulation, the
/// way Stellar RPC adjusts them by default (`soroban-simulation`'s
/// `SimulationAdjustmentConfig::default_adjustment`): instructions
/// `max(×1.04, +50,000)`, read and write bytes as simulated; refundable fee
/// ×1.15.
pub fn declared_instructions(simulated: u64) -> u32 {
    let adjusted = (simulated + 50_000).max((simulated as f64 * 1.04).floor() as u64);
    adjusted as u32
}

/// Signature expiration a wallet would set: the current ledger + this many
/// ledgers (about five minutes at 5 s a ledger).
pub const SIGNATURE_EXPIRATION_LEDGERS: u32 = 60;

/// Inclusion fee assumed per transaction (one operation): the network's
/// minimum base fee, paid when ledgers are not in surge pricing.
pub const INCLUSION_FEE: i64 = 100;

/// Runs transactions as the network does (see the module documentation).
pub struct Mainnet {
    cache: ModuleCache,
    /// Keys that sign for each account (by the account's master public key).
    keys: BTreeMap<[u8; 32], Vec<SigningKey>>,
    /// The relayer that submits transactions carrying signed entries.
    pub submitter: SigningKey,
}

/// A budget with mainnet's per-transaction limits (the host's default cost
/// model).
pub fn mainnet_budget() -> Budget {
    let budget = Budget::default();
    budget.reset_limits(400_000_000, 41_943_040).unwrap();
    budget
}

impl Mainnet {
    /// A pipeline whose module cache holds `wasms` (every contract that will
    /// run), parsed once up front as stellar-core does for live contracts.
    pub fn new(protocol: u32, wasms: &[&[u8]]) -> Mainnet {
        let budget = Budget::default();
        budget.reset_unlimited().unwrap();
        let host = Host::with_storage_and_budget(Storage::default(), budget);
        let cache = ModuleCache::new(&host).unwrap();
        for wasm in wasms {
            cache
                .parse_and_cache_module_simple(&host, protocol, wasm)
                .unwrap();
        }
        Mainnet {
            cache,
            keys: BTreeMap::new(),
            submitter: key("submitter"),
        }
    }

    /// Registers `keys` as the keys that sign for `account` (a G-address).
    pub fn signs_for(&mut self, account: &Address, keys: &[&SigningKey]) {
        let ScAddress::Account(AccountId(PublicKey::PublicKeyTypeEd25519(Uint256(pk)))) =
            ScAddress::from(account)
        else {
            panic!("not a G-account")
        };
        self.keys
            .insert(pk, keys.iter().map(|k| (*k).clone()).collect());
    }

    /// `contract.function(args)` as a host function.
    pub fn call(
        env: &Env,
        contract: &Address,
        function: &str,
        args: soroban_sdk::Vec<Val>,
    ) -> HostFunction {
        HostFunction::InvokeContract(invoke_args(env, contract, function, args))
    }

    /// Simulates, signs, simulates with the signed entries, applies and
    /// prices nothing: the caller computes fees from [`Applied`]. `source`
    /// is the transaction's source account when `credentials` is
    /// [`Credentials::SourceAccount`] (it must then be the only authorizer).
    pub fn run(
        &self,
        state: &Rc<LedgerState>,
        info: &LedgerInfo,
        host_fn: &HostFunction,
        credentials: Credentials,
        source: Option<&SigningKey>,
    ) -> Result<Applied, String> {
        let source_key = match credentials {
            Credentials::SignedEntries => &self.submitter,
            Credentials::SourceAccount => source.expect("the source account's key"),
        };
        let source_account = account_id(source_key);
        let snapshot: Rc<dyn SnapshotSource> = state.clone();
        let seed = [7u8; 32];

        // 1. Simulate with recording auth: the entries to sign.
        let recorded = e2e_invoke::invoke_host_function_in_recording_mode(
            &mainnet_budget(),
            false,
            host_fn,
            &source_account,
            RecordingInvocationAuthMode::recording(true, false),
            info.clone(),
            snapshot.clone(),
            seed,
            &mut vec![],
        )
        .map_err(|e| format!("simulation: {e:?}"))?;
        if let Err(e) = &recorded.invoke_result {
            let mut diagnostics = vec![];
            let _ = e2e_invoke::invoke_host_function_in_recording_mode(
                &mainnet_budget(),
                true,
                host_fn,
                &source_account,
                RecordingInvocationAuthMode::recording(true, false),
                info.clone(),
                snapshot.clone(),
                seed,
                &mut diagnostics,
            );
            let log: Vec<String> = diagnostics
                .iter()
                .rev()
                .take(4)
                .map(|d| format!("{:?}", d.event.body))
                .collect();
            return Err(format!(
                "simulation failed: {e:?}; diagnostics (last first): {log:?}"
            ));
        }

        // 2. Sign each `Address` entry with the account's keys.
        let expiration = info.sequence_number + SIGNATURE_EXPIRATION_LEDGERS;
        let mut auth = recorded.auth;
        for entry in auth.iter_mut() {
            if let SorobanCredentials::Address(c) = &entry.credentials {
                let ScAddress::Account(AccountId(PublicKey::PublicKeyTypeEd25519(Uint256(pk)))) =
                    &c.address
                else {
                    return Err(format!("no keys for {:?}", c.address));
                };
                let keys = self
                    .keys
                    .get(pk)
                    .ok_or_else(|| format!("no keys for {:?}", c.address))?;
                let keys: Vec<&SigningKey> = keys.iter().collect();
                sign_entry(&info.network_id, entry, &keys, expiration);
            }
        }

        // 3. Simulate again with the signed entries: the footprint and the
        //    resources the backend declares.
        let simulated = e2e_invoke::invoke_host_function_in_recording_mode(
            &mainnet_budget(),
            false,
            host_fn,
            &source_account,
            RecordingInvocationAuthMode::Enforcing(auth.clone()),
            info.clone(),
            snapshot,
            seed,
            &mut vec![],
        )
        .map_err(|e| format!("signed simulation: {e:?}"))?;
        if let Err(e) = &simulated.invoke_result {
            return Err(format!("signed simulation failed: {e:?}"));
        }
        let mut resources = simulated.resources.clone();
        resources.instructions = declared_instructions(resources.instructions as u64);

        // 4. Apply as stellar-core does, with and without the module cache.
        let with_cache = self.apply(
            state,
            info,
            host_fn,
            &resources,
            &source_account,
            &auth,
            seed,
            true,
        )?;
        let without_cache = self.apply(
            state,
            info,
            host_fn,
            &resources,
            &source_account,
            &auth,
            seed,
            false,
        )?;
        let (result_bytes, events, (rent_keys, changes), budget) = with_cache;
        let result = ScVal::from_xdr(&result_bytes, Limits::none()).unwrap();

        let footprint = resources.footprint.clone();
        let classic =
            |k: &LedgerKey| !matches!(k, LedgerKey::ContractData(_) | LedgerKey::ContractCode(_));
        let disk_read_entries = footprint.read_only.iter().filter(|k| classic(k)).count()
            + footprint.read_write.iter().filter(|k| classic(k)).count();
        let cost = |b: &Budget, types: &[ContractCostType]| -> u64 {
            types.iter().map(|t| b.get_tracker(*t).unwrap().cpu).sum()
        };
        let parse_types = [
            ContractCostType::VmInstantiation,
            ContractCostType::ParseWasmInstructions,
            ContractCostType::ParseWasmFunctions,
            ContractCostType::ParseWasmGlobals,
            ContractCostType::ParseWasmTableEntries,
            ContractCostType::ParseWasmTypes,
            ContractCostType::ParseWasmDataSegments,
            ContractCostType::ParseWasmElemSegments,
            ContractCostType::ParseWasmImports,
            ContractCostType::ParseWasmExports,
            ContractCostType::ParseWasmDataSegmentBytes,
        ];
        let instantiate_types = [
            ContractCostType::VmCachedInstantiation,
            ContractCostType::InstantiateWasmInstructions,
            ContractCostType::InstantiateWasmFunctions,
            ContractCostType::InstantiateWasmGlobals,
            ContractCostType::InstantiateWasmTableEntries,
            ContractCostType::InstantiateWasmTypes,
            ContractCostType::InstantiateWasmDataSegments,
            ContractCostType::InstantiateWasmElemSegments,
            ContractCostType::InstantiateWasmImports,
            ContractCostType::InstantiateWasmExports,
            ContractCostType::InstantiateWasmDataSegmentBytes,
        ];

        // 5. The envelope the backend submits: one InvokeHostFunction
        //    operation with its auth entries, the footprint and declared
        //    resources, time bounds (as SDKs set them) and the source's
        //    signature. Fee fields are fixed-size, so the byte count does not
        //    depend on their values.
        let tx = Transaction {
            source_account: MuxedAccount::Ed25519(Uint256(public_key(source_key))),
            fee: u32::MAX,
            seq_num: SequenceNumber(1),
            cond: Preconditions::Time(TimeBounds {
                min_time: TimePoint(0),
                max_time: TimePoint(info.timestamp + 300),
            }),
            memo: Memo::None,
            operations: vec![Operation {
                source_account: None,
                body: OperationBody::InvokeHostFunction(InvokeHostFunctionOp {
                    host_function: host_fn.clone(),
                    auth: auth.clone().try_into().unwrap(),
                }),
            }]
            .try_into()
            .unwrap(),
            ext: TransactionExt::V1(SorobanTransactionData {
                ext: SorobanTransactionDataExt::V0,
                resources: resources.clone(),
                resource_fee: i64::MAX,
            }),
        };
        let payload = TransactionSignaturePayload {
            network_id: Hash(info.network_id),
            tagged_transaction: TransactionSignaturePayloadTaggedTransaction::Tx(tx.clone()),
        };
        let hash: [u8; 32] = Sha256::digest(payload.to_xdr(Limits::none()).unwrap()).into();
        let pk = public_key(source_key);
        let envelope = TransactionEnvelope::Tx(TransactionV1Envelope {
            tx,
            signatures: vec![DecoratedSignature {
                hint: SignatureHint([pk[28], pk[29], pk[30], pk[31]]),
                signature: Signature(
                    source_key
                        .sign(&hash)
                        .to_bytes()
                        .to_vec()
                        .try_into()
                        .unwrap(),
                ),
            }]
            .try_into()
            .unwrap(),
        });
        let size = |v: &dyn Fn() -> Vec<u8>| v().len() as u32;
        let auth_bytes: u32 = auth
            .iter()
            .map(|e| size(&|| e.to_xdr(Limits::none()).unwrap()))
            .sum();

        Ok(Applied {
            result,
            instructions: budget.get_cpu_insns_consumed().unwrap(),
            declared_instructions: resources.instructions,
            memory: budget.get_mem_bytes_consumed().unwrap(),
            instructions_without_cache: without_cache.3.get_cpu_insns_consumed().unwrap(),
            parse_instructions: cost(&without_cache.3, &parse_types),
            instantiate_instructions: cost(&budget, &instantiate_types),
            disk_read_entries: disk_read_entries as u32,
            disk_read_bytes: resources.disk_read_bytes,
            write_entries: footprint.read_write.len() as u32,
            write_bytes: resources.write_bytes,
            event_bytes: events,
            return_bytes: result_bytes.len() as u32,
            rent_changes: changes,
            rent_keys,
            simulated_rent_changes: extract_rent_changes(&simulated.ledger_changes),
            simulated_event_and_return_bytes: simulated.contract_events_and_return_value_size,
            footprint_bytes: size(&|| footprint.to_xdr(Limits::none()).unwrap()),
            host_function_bytes: size(&|| host_fn.to_xdr(Limits::none()).unwrap()),
            envelope_bytes: size(&|| envelope.to_xdr(Limits::none()).unwrap()),
            auth_bytes,
            auth,
            footprint,
            ledger_sequence: info.sequence_number,
        })
    }

    /// `e2e_invoke::invoke_host_function` on the footprint's entries:
    /// returns the encoded result, the events' bytes, the rent changes and
    /// the budget it consumed.
    #[allow(clippy::too_many_arguments, clippy::type_complexity)]
    fn apply(
        &self,
        state: &LedgerState,
        info: &LedgerInfo,
        host_fn: &HostFunction,
        resources: &SorobanResources,
        source: &AccountId,
        auth: &[SorobanAuthorizationEntry],
        seed: [u8; 32],
        module_cache: bool,
    ) -> Result<
        (
            Vec<u8>,
            u32,
            (Vec<LedgerKey>, Vec<LedgerEntryRentChange>),
            Budget,
        ),
        String,
    > {
        let xdr = |v: &dyn Fn() -> Result<Vec<u8>, soroban_env_host::xdr::Error>| v().unwrap();
        let sizing = Budget::default();
        let entries: Vec<(Option<Vec<u8>>, Option<TtlLedgerEntryMeta>)> = resources
            .footprint
            .read_only
            .iter()
            .chain(resources.footprint.read_write.iter())
            .map(|k| match state.0.get(k) {
                None => (None, None),
                Some((entry, live_until)) => {
                    let encoded = entry.to_xdr(Limits::none()).unwrap();
                    let meta = live_until.map(|live_until_ledger| TtlLedgerEntryMeta {
                        live_until_ledger,
                        entry_size_for_rent: entry_size_for_rent(
                            &sizing,
                            entry,
                            encoded.len() as u32,
                        )
                        .unwrap(),
                    });
                    (Some(encoded), meta)
                }
            })
            .collect();
        let auth: Vec<Vec<u8>> = auth
            .iter()
            .map(|e| e.to_xdr(Limits::none()).unwrap())
            .collect();
        // stellar-core limits the run to the declared instructions; the run
        // without a module cache (for comparison only) gets the network's
        // per-transaction maximum.
        let budget = mainnet_budget();
        if module_cache {
            budget
                .reset_limits(resources.instructions as u64, 41_943_040)
                .unwrap();
        }
        let result = e2e_invoke::invoke_host_function(
            &budget,
            false,
            xdr(&|| host_fn.to_xdr(Limits::none())),
            xdr(&|| resources.to_xdr(Limits::none())),
            &[],
            xdr(&|| source.to_xdr(Limits::none())),
            auth.into_iter(),
            info.clone(),
            entries.into_iter(),
            seed.to_vec(),
            &mut vec![],
            None,
            module_cache.then(|| self.cache.clone()),
        )
        .map_err(|e| format!("apply: {e:?}"))?;
        let encoded = result
            .encoded_invoke_result
            .map_err(|e| format!("apply failed: {e:?}"))?;
        let events = result
            .encoded_contract_events
            .iter()
            .map(|e| e.len() as u32)
            .sum();
        // Rent changes entry by entry (`extract_rent_changes` on each), so
        // each keeps its key.
        let mut keys = vec![];
        let mut changes = vec![];
        for change in result.ledger_changes {
            let key = LedgerKey::from_xdr(&change.encoded_key, Limits::none()).unwrap();
            for rent in extract_rent_changes(std::slice::from_ref(&change)) {
                keys.push(key.clone());
                changes.push(rent);
            }
        }
        Ok((encoded, events, (keys, changes), budget))
    }
}
