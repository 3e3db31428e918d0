import { Buffer } from "buffer";
import { Address } from "@stellar/stellar-sdk";
import {
  AssembledTransaction,
  Client as ContractClient,
  ClientOptions as ContractClientOptions,
  MethodOptions,
  Result,
  Spec as ContractSpec,
} from "@stellar/stellar-sdk/contract";
import type {
  u32,
  i32,
  u64,
  i64,
  u128,
  i128,
  u256,
  i256,
  Option,
  Timepoint,
  Duration,
} from "@stellar/stellar-sdk/contract";
export * from "@stellar/stellar-sdk";
export * as contract from "@stellar/stellar-sdk/contract";
export * as rpc from "@stellar/stellar-sdk/rpc";

if (typeof window !== "undefined") {
  //@ts-ignore Buffer exists
  window.Buffer = window.Buffer || Buffer;
}





/**
 * The playbook's view of a vault.
 */
export interface VaultMeta {
  authorized_caller: Option<string>;
  balance: i128;
  min_deposit: i128;
  owner: string;
}


/**
 * The API calls one `batch_deduct` charges, by column: call `i` charges
 * `amounts[i]` for `request_ids[i]` and credits
 * `developers[developer_index[i]]` (`None`: the settlement's pool). The
 * same columns as the `batch_deduct` event, so an indexer reads exactly
 * what the backend sent.
 */
export interface DeductBatch {
  amounts: Array<i128>;
  developer_index: Array<u32>;
  developers: Array<Option<string>>;
  request_ids: Array<string>;
}

/**
 * Every way a vault call can fail. Codes 100–199 (see `callora_types::errors`).
 */
export const VaultError = {
  /**
   * An amount is zero or negative (or a negative `initial_balance`).
   */
  100: {message:"InvalidAmount"},
  /**
   * A deposit is below `min_deposit`.
   */
  101: {message:"BelowMinDeposit"},
  /**
   * A deduct exceeds `max_deduct`.
   */
  102: {message:"ExceedsMaxDeduct"},
  /**
   * A deduct or withdrawal exceeds the tracked balance.
   */
  103: {message:"InsufficientBalance"},
  /**
   * The caller is not the vault owner.
   */
  104: {message:"NotOwner"},
  /**
   * The depositor is neither the owner nor an allowed depositor.
   */
  105: {message:"NotDepositor"},
  /**
   * The caller is not the authorized caller (or none is set).
   */
  106: {message:"NotAuthorizedCaller"},
  /**
   * The request id was already processed (idempotent retry).
   */
  107: {message:"DuplicateRequest"},
  /**
   * The request id is empty or longer than `MAX_REQUEST_ID_LEN`.
   */
  108: {message:"InvalidRequestId"},
  /**
   * Neither a settlement nor a revenue pool is configured.
   */
  109: {message:"NoDestination"},
  /**
   * Deposits are paused.
   */
  110: {message:"Paused"},
  /**
   * A batch is empty or longer than `MAX_BATCH_DEDUCT`.
   */
  111: {message:"InvalidBatchSize"},
  /**
   * `initial_balance` exceeds the USDC the vault's address holds.
   */
  112: {message:"InitialBalanceNotCovered"},
  /**
   * `min_deposit` or `max_deduct` is not positive, or `max_batch` is
   * outside 1..=`MAX_BATCH_DEDUCT`.
   */
  113: {message:"InvalidConfig"},
  /**
   * A withdrawal, sweep, destination or credited developer equal to the
   * vault itself.
   */
  114: {message:"InvalidRecipient"},
  /**
   * An offering id or metadata string is empty or too long.
   */
  115: {message:"InvalidMetadata"},
  /**
   * An accumulated amount overflowed i128.
   */
  116: {message:"Overflow"},
  /**
   * `pause` while paused.
   */
  117: {message:"AlreadyPaused"},
  /**
   * `unpause` while not paused.
   */
  118: {message:"NotPaused"},
  /**
   * The settlement accounts in a different token than this vault, or the
   * address is not a settlement at all.
   */
  119: {message:"TokenMismatch"},
  /**
   * A request's `valid_until_ledger` has passed: it can no longer be
   * charged (and a retry of it never will be).
   */
  120: {message:"RequestExpired"},
  /**
   * `valid_until_ledger` lies more than `MAX_REQUEST_VALIDITY` ledgers
   * ahead (further than its request id would be kept).
   */
  121: {message:"ValidityTooLong"},
  /**
   * The deduct would exceed the owner's spend limit for the current window.
   */
  122: {message:"SpendLimitExceeded"},
  /**
   * A spend limit with a non-positive amount or a period outside
   * 1..=`MAX_SPEND_PERIOD` ledgers.
   */
  123: {message:"InvalidSpendLimit"},
  /**
   * The owner named as admin (constructor or handover): the admin is the
   * operator, who chooses where deducts go.
   */
  124: {message:"AdminIsOwner"},
  /**
   * A batch credits more than `MAX_BATCH_DEVELOPERS` distinct developers.
   */
  125: {message:"TooManyDevelopers"},
  /**
   * `sweep` with no untracked USDC in the vault.
   */
  126: {message:"NothingToSweep"},
  /**
   * A `batch_deduct`'s columns disagree: `amounts` or `developer_index`
   * not as long as `request_ids`, an index past `developers`, a developer
   * listed twice or never charged.
   */
  127: {message:"InvalidBatch"},
  /**
   * The caller is not the admin.
   */
  150: {message:"NotAdmin"},
  /**
   * `accept_admin` (or a cancellation) with no proposal open.
   */
  151: {message:"NoPendingAdmin"},
  /**
   * The admin proposal expired.
   */
  152: {message:"PendingAdminExpired"},
  /**
   * `accept_admin` by an address other than the proposed admin.
   */
  153: {message:"NotPendingAdmin"},
  /**
   * `live_until_ledger` is in the past or more than 30 days ahead.
   */
  154: {message:"InvalidExpiry"},
  /**
   * `migrate` when the stored schema is already current.
   */
  155: {message:"AlreadyMigrated"},
  /**
   * A configuration change between `upgrade` and `migrate`: run `migrate`
   * first.
   */
  156: {message:"MigrationPending"}
}



















/**
 * The owner's cap on deducts: at most `amount` per window of
 * `period_ledgers` ledgers.
 */
export interface SpendLimit {
  amount: i128;
  period_ledgers: u32;
}


/**
 * The current spend window: it opened at `start_ledger` (the first deduct
 * after the previous window ended) and `spent` has been deducted in it.
 */
export interface SpendWindow {
  spent: i128;
  start_ledger: u32;
}


/**
 * An admin handover in progress: `address` may accept until (and including)
 * ledger `live_until_ledger`.
 */
export interface PendingAdmin {
  address: string;
  live_until_ledger: u32;
}





export interface Client {
  /**
   * Construct and simulate a pause transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Pauses deposits (deducts and withdrawals continue).
   * 
   * # Authorization
   * `caller`, which must be the admin.
   * 
   * # Errors
   * [`VaultError::NotAdmin`], [`VaultError::AdminIsOwner`], [`VaultError::AlreadyPaused`], [`VaultError::MigrationPending`].
   * 
   * # Events
   * `paused`.
   */
  pause: ({caller}: {caller: string}, options?: MethodOptions) => Promise<AssembledTransaction<Result<void>>>

  /**
   * Construct and simulate a sweep transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The owner sends USDC the vault holds beyond its tracked balance (sent
   * to the vault directly, outside `deposit`) to `to`. Returns the amount.
   * 
   * # Authorization
   * The owner.
   * 
   * # Errors
   * [`VaultError::InvalidRecipient`] (`to` is the vault),
   * [`VaultError::NothingToSweep`].
   * 
   * # Events
   * `swept`.
   */
  sweep: ({to}: {to: string}, options?: MethodOptions) => Promise<AssembledTransaction<Result<i128>>>

  /**
   * Construct and simulate a deduct transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The authorized caller deducts `amount` for `request_id`, crediting
   * `developer` (`None`: the pool), paid out in this call to the
   * settlement, else the revenue pool. Chargeable through ledger
   * `valid_until_ledger` (at most `MAX_REQUEST_VALIDITY` ahead); the id is
   * kept `REQUEST_ID_TTL` ledgers, so a retry never charges twice. Counts
   * against the owner's spend limit; runs while paused. Returns the new
   * balance.
   * 
   * # Authorization
   * `caller`, which must be the authorized caller.
   * 
   * # Errors
   * [`VaultError::NotAuthorizedCaller`], [`VaultError::NoDestination`],
   * [`VaultError::InvalidRecipient`] (the vault credited),
   * [`VaultError::InvalidAmount`], [`VaultError::ExceedsMaxDeduct`],
   * [`VaultError::InvalidRequestId`], [`VaultError::DuplicateRequest`],
   * [`VaultError::RequestExpired`], [`VaultError::ValidityTooLong`],
   * [`VaultError::InsufficientBalance`],
   * [`VaultError::SpendLimitExceeded`], [`VaultError::Overflow`];
   * settlement errors (3xx) propagate.
   * 
   * # Events
   * `deduct` (and the settlement's credit event).
   */
  deduct: ({caller, amount, request_id, developer, valid_until_ledger}: {caller: string, amount: i128, request_id: string, developer: Option<string>, valid_until_ledger: u32}, options?: MethodOptions) => Promise<AssembledTransaction<Result<i128>>>

  /**
   * Construct and simulate a balance transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The tracked balance (equals the USDC the vault holds for its owner).
   * 
   * # Authorization
   * None (a view).
   */
  balance: (options?: MethodOptions) => Promise<AssembledTransaction<i128>>

  /**
   * Construct and simulate a deposit transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Moves `amount` USDC from `caller` (the owner or an allowed depositor)
   * into the vault. Returns the new balance.
   * 
   * # Authorization
   * `caller`: the owner or an allowed depositor.
   * 
   * # Errors
   * [`VaultError::InvalidAmount`], [`VaultError::Paused`], [`VaultError::NotDepositor`], [`VaultError::BelowMinDeposit`], [`VaultError::Overflow`].
   * 
   * # Events
   * `deposit`.
   */
  deposit: ({caller, amount}: {caller: string, amount: i128}, options?: MethodOptions) => Promise<AssembledTransaction<Result<i128>>>

  /**
   * Construct and simulate a migrate transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Brings stored data to this code's schema version; runs once per
   * version. From schema 1 (code version 1) it rewrites the configuration
   * in the current layout with `max_batch` = `MAX_BATCH_DEDUCT`; from
   * schema 2 only the marker moves (schema 3 adds keys whose absence means
   * "no spend limit").
   * 
   * # Authorization
   * `caller`, which must be the admin.
   * 
   * # Errors
   * [`VaultError::NotAdmin`], [`VaultError::AlreadyMigrated`].
   * 
   * # Events
   * `migrated`.
   */
  migrate: ({caller}: {caller: string}, options?: MethodOptions) => Promise<AssembledTransaction<Result<void>>>

  /**
   * Construct and simulate a unpause transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Resumes deposits.
   * 
   * # Authorization
   * `caller`, which must be the admin.
   * 
   * # Errors
   * [`VaultError::NotAdmin`], [`VaultError::AdminIsOwner`], [`VaultError::NotPaused`], [`VaultError::MigrationPending`].
   * 
   * # Events
   * `unpaused`.
   */
  unpause: ({caller}: {caller: string}, options?: MethodOptions) => Promise<AssembledTransaction<Result<void>>>

  /**
   * Construct and simulate a upgrade transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Replaces this contract's code with the uploaded WASM `new_wasm_hash`
   * (effective when this call returns); call `migrate` next. New code
   * could move the owner's funds, so the owner co-signs: operator keys
   * alone can never replace a vault's code (the spend limit bounds
   * everything else they can do).
   * 
   * # Authorization
   * `caller`, which must be the admin, and the owner.
   * 
   * # Errors
   * [`VaultError::NotAdmin`], [`VaultError::AdminIsOwner`].
   * 
   * # Events
   * `upgraded`.
   */
  upgrade: ({caller, new_wasm_hash}: {caller: string, new_wasm_hash: Buffer}, options?: MethodOptions) => Promise<AssembledTransaction<Result<void>>>

  /**
   * Construct and simulate a version transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Code version of this WASM.
   * 
   * # Authorization
   * None (a view).
   */
  version: (options?: MethodOptions) => Promise<AssembledTransaction<u32>>

  /**
   * Construct and simulate a get_meta transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Owner, tracked balance, authorized caller and minimum deposit.
   * 
   * # Authorization
   * None (a view).
   */
  get_meta: (options?: MethodOptions) => Promise<AssembledTransaction<VaultMeta>>

  /**
   * Construct and simulate a withdraw transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The owner withdraws `amount` USDC to themselves. Returns the new
   * balance. Needs the owner's authorization.
   * 
   * # Authorization
   * The owner.
   * 
   * # Errors
   * [`VaultError::InvalidAmount`], [`VaultError::InsufficientBalance`].
   * 
   * # Events
   * `withdraw`.
   */
  withdraw: ({amount}: {amount: i128}, options?: MethodOptions) => Promise<AssembledTransaction<Result<i128>>>

  /**
   * Construct and simulate a get_admin transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The admin (the operator, who configures the vault).
   * 
   * # Authorization
   * None (a view).
   */
  get_admin: (options?: MethodOptions) => Promise<AssembledTransaction<string>>

  /**
   * Construct and simulate a is_paused transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Whether deposits are paused.
   * 
   * # Authorization
   * None (a view).
   */
  is_paused: (options?: MethodOptions) => Promise<AssembledTransaction<boolean>>

  /**
   * Construct and simulate a set_admin transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Proposes `new_admin`, who must accept on or before ledger
   * `live_until_ledger` (at most 30 days ahead; 0 cancels the proposal).
   * 
   * # Authorization
   * `caller`, which must be the admin.
   * 
   * # Errors
   * [`VaultError::NotAdmin`], [`VaultError::AdminIsOwner`] (`new_admin` is the owner),
   * [`VaultError::InvalidExpiry`], [`VaultError::NoPendingAdmin`] (cancel with none open).
   * 
   * # Events
   * `admin_proposed`.
   */
  set_admin: ({caller, new_admin, live_until_ledger}: {caller: string, new_admin: string, live_until_ledger: u32}, options?: MethodOptions) => Promise<AssembledTransaction<Result<void>>>

  /**
   * Construct and simulate a withdraw_to transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The owner withdraws `amount` USDC to `to`. Returns the new balance.
   * Needs the owner's authorization.
   * 
   * # Authorization
   * The owner.
   * 
   * # Errors
   * [`VaultError::InvalidAmount`], [`VaultError::InvalidRecipient`] (`to` is the vault), [`VaultError::InsufficientBalance`].
   * 
   * # Events
   * `withdraw`.
   */
  withdraw_to: ({to, amount}: {to: string, amount: i128}, options?: MethodOptions) => Promise<AssembledTransaction<Result<i128>>>

  /**
   * Construct and simulate a accept_admin transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The proposed admin accepts and becomes the admin.
   * 
   * # Authorization
   * `caller`, which must be the proposed admin.
   * 
   * # Errors
   * [`VaultError::AdminIsOwner`], [`VaultError::NoPendingAdmin`], [`VaultError::NotPendingAdmin`], [`VaultError::PendingAdminExpired`], [`VaultError::MigrationPending`].
   * 
   * # Events
   * `admin_accepted`.
   */
  accept_admin: ({caller}: {caller: string}, options?: MethodOptions) => Promise<AssembledTransaction<Result<void>>>

  /**
   * Construct and simulate a batch_deduct transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Charges the API calls of `batch` (1..=`max_batch`, at most
   * `MAX_BATCH_DEVELOPERS` developers) as one request, all or none,
   * through `valid_until_ledger`. `request_id` is its idempotency key,
   * kept like a deduct's (same id space); call ids must differ and are
   * not recorded. Returns the new balance.
   * 
   * # Authorization
   * `caller`, the authorized caller, over one argument: `sha256` of the
   * XDR of `[request_id, batch, valid_until_ledger]`.
   * 
   * # Errors
   * [`VaultError::NotAuthorizedCaller`], [`VaultError::InvalidBatchSize`],
   * [`VaultError::NoDestination`], [`VaultError::InvalidRequestId`],
   * [`VaultError::DuplicateRequest`], [`VaultError::InvalidBatch`],
   * [`VaultError::TooManyDevelopers`], [`VaultError::InvalidRecipient`],
   * [`VaultError::InvalidAmount`], [`VaultError::ExceedsMaxDeduct`],
   * [`VaultError::InsufficientBalance`], [`VaultError::RequestExpired`],
   * [`VaultError::ValidityTooLong`], [`VaultError::SpendLimitExceeded`];
   * settlement errors (3xx) propagate.
   * 
   * # Events
   * One `batch_deduct` (and the settlement's credit events).
   */
  batch_deduct: ({caller, request_id, batch, valid_until_ledger}: {caller: string, request_id: string, batch: DeductBatch, valid_until_ledger: u32}, options?: MethodOptions) => Promise<AssembledTransaction<Result<i128>>>

  /**
   * Construct and simulate a get_metadata transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Metadata of `offering_id`, if set.
   * 
   * # Authorization
   * None (a view).
   */
  get_metadata: ({offering_id}: {offering_id: string}, options?: MethodOptions) => Promise<AssembledTransaction<Option<string>>>

  /**
   * Construct and simulate a set_metadata transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Sets the metadata (IPFS CID or URI) of an offering.
   * 
   * # Authorization
   * `caller`, which must be the admin.
   * 
   * # Errors
   * [`VaultError::NotAdmin`], [`VaultError::AdminIsOwner`], [`VaultError::InvalidMetadata`].
   * 
   * # Events
   * `metadata_set`.
   */
  set_metadata: ({caller, offering_id, metadata}: {caller: string, offering_id: string, metadata: string}, options?: MethodOptions) => Promise<AssembledTransaction<Result<void>>>

  /**
   * Construct and simulate a get_max_batch transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The most items the admin allows in one `batch_deduct`.
   * 
   * # Authorization
   * None (a view).
   */
  get_max_batch: (options?: MethodOptions) => Promise<AssembledTransaction<u32>>

  /**
   * Construct and simulate a set_max_batch transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Sets the most items one `batch_deduct` may carry
   * (1..=`MAX_BATCH_DEDUCT`).
   * 
   * # Authorization
   * `caller`, which must be the admin.
   * 
   * # Errors
   * [`VaultError::NotAdmin`], [`VaultError::AdminIsOwner`], [`VaultError::InvalidConfig`], [`VaultError::MigrationPending`].
   * 
   * # Events
   * `max_batch_set`.
   */
  set_max_batch: ({caller, max_batch}: {caller: string, max_batch: u32}, options?: MethodOptions) => Promise<AssembledTransaction<Result<void>>>

  /**
   * Construct and simulate a get_max_deduct transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The largest single deduct.
   * 
   * # Authorization
   * None (a view).
   */
  get_max_deduct: (options?: MethodOptions) => Promise<AssembledTransaction<i128>>

  /**
   * Construct and simulate a get_settlement transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The settlement contract deducts go to, if set.
   * 
   * # Authorization
   * None (a view).
   */
  get_settlement: (options?: MethodOptions) => Promise<AssembledTransaction<Option<string>>>

  /**
   * Construct and simulate a get_usdc_token transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The USDC token contract.
   * 
   * # Authorization
   * None (a view).
   */
  get_usdc_token: (options?: MethodOptions) => Promise<AssembledTransaction<string>>

  /**
   * Construct and simulate a schema_version transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Schema version of the stored data.
   * 
   * # Authorization
   * None (a view).
   */
  schema_version: (options?: MethodOptions) => Promise<AssembledTransaction<u32>>

  /**
   * Construct and simulate a set_max_deduct transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Sets the largest single deduct (> 0).
   * 
   * # Authorization
   * `caller`, which must be the admin.
   * 
   * # Errors
   * [`VaultError::NotAdmin`], [`VaultError::AdminIsOwner`], [`VaultError::InvalidConfig`], [`VaultError::MigrationPending`].
   * 
   * # Events
   * `max_deduct_set`.
   */
  set_max_deduct: ({caller, max_deduct}: {caller: string, max_deduct: i128}, options?: MethodOptions) => Promise<AssembledTransaction<Result<void>>>

  /**
   * Construct and simulate a set_settlement transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Sets (or clears) the settlement contract deducts are paid to. It must
   * be an active settlement on this vault's USDC token (`get_usdc_token`
   * answers the token, `get_successor` answers none).
   * 
   * # Authorization
   * `caller`, which must be the admin.
   * 
   * # Errors
   * [`VaultError::NotAdmin`], [`VaultError::AdminIsOwner`], [`VaultError::InvalidRecipient`], [`VaultError::TokenMismatch`], [`VaultError::MigrationPending`].
   * 
   * # Events
   * `settlement_set`.
   */
  set_settlement: ({caller, settlement}: {caller: string, settlement: Option<string>}, options?: MethodOptions) => Promise<AssembledTransaction<Result<void>>>

  /**
   * Construct and simulate a get_spend_limit transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The owner's spend limit (`None` = unlimited).
   * 
   * # Authorization
   * None (a view).
   */
  get_spend_limit: (options?: MethodOptions) => Promise<AssembledTransaction<Option<SpendLimit>>>

  /**
   * Construct and simulate a set_min_deposit transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Sets the minimum deposit (> 0).
   * 
   * # Authorization
   * `caller`, which must be the admin.
   * 
   * # Errors
   * [`VaultError::NotAdmin`], [`VaultError::AdminIsOwner`], [`VaultError::InvalidConfig`], [`VaultError::MigrationPending`].
   * 
   * # Events
   * `min_deposit_set`.
   */
  set_min_deposit: ({caller, min_deposit}: {caller: string, min_deposit: i128}, options?: MethodOptions) => Promise<AssembledTransaction<Result<void>>>

  /**
   * Construct and simulate a set_spend_limit transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The owner sets (`Some`) or removes (`None`, unlimited) the spend
   * limit: at most `amount` deducted per window of `period_ledgers`
   * ledgers (1..=`MAX_SPEND_PERIOD`). Only the owner can change it, so
   * only the owner can raise it. A changed limit applies to the current
   * window at once.
   * 
   * # Authorization
   * `caller`, which must be the owner.
   * 
   * # Errors
   * [`VaultError::NotOwner`], [`VaultError::InvalidSpendLimit`].
   * 
   * # Events
   * `spend_limit_set`.
   */
  set_spend_limit: ({caller, limit}: {caller: string, limit: Option<SpendLimit>}, options?: MethodOptions) => Promise<AssembledTransaction<Result<void>>>

  /**
   * Construct and simulate a get_revenue_pool transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The revenue pool deducts go to when no settlement is set.
   * 
   * # Authorization
   * None (a view).
   */
  get_revenue_pool: (options?: MethodOptions) => Promise<AssembledTransaction<Option<string>>>

  /**
   * Construct and simulate a get_spend_window transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The current spend window (opened by the first deduct under a limit;
   * a window whose period has passed is replaced by the next deduct).
   * 
   * # Authorization
   * None (a view).
   */
  get_spend_window: (options?: MethodOptions) => Promise<AssembledTransaction<Option<SpendWindow>>>

  /**
   * Construct and simulate a set_revenue_pool transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Sets (or clears) the revenue pool deducts are paid to when no
   * settlement is set.
   * 
   * # Authorization
   * `caller`, which must be the admin.
   * 
   * # Errors
   * [`VaultError::NotAdmin`], [`VaultError::AdminIsOwner`], [`VaultError::InvalidRecipient`], [`VaultError::MigrationPending`].
   * 
   * # Events
   * `revenue_pool_set`.
   */
  set_revenue_pool: ({caller, revenue_pool}: {caller: string, revenue_pool: Option<string>}, options?: MethodOptions) => Promise<AssembledTransaction<Result<void>>>

  /**
   * Construct and simulate a get_pending_admin transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The admin proposal awaiting acceptance, if any.
   * 
   * # Authorization
   * None (a view).
   */
  get_pending_admin: (options?: MethodOptions) => Promise<AssembledTransaction<Option<PendingAdmin>>>

  /**
   * Construct and simulate a is_allowed_depositor transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Whether `depositor` may deposit (the owner always may).
   * 
   * # Authorization
   * None (a view).
   */
  is_allowed_depositor: ({depositor}: {depositor: string}, options?: MethodOptions) => Promise<AssembledTransaction<boolean>>

  /**
   * Construct and simulate a is_request_processed transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Whether `request_id` was processed within the last `REQUEST_ID_TTL`
   * ledgers: definitive for 23 hours after the request's
   * `valid_until_ledger` (the backend's retry protocol, `docs/vault.md`).
   * 
   * # Authorization
   * None (a view).
   */
  is_request_processed: ({request_id}: {request_id: string}, options?: MethodOptions) => Promise<AssembledTransaction<boolean>>

  /**
   * Construct and simulate a set_allowed_depositor transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The owner allows (or disallows) `depositor` to deposit.
   * 
   * # Authorization
   * `caller`, which must be the owner.
   * 
   * # Errors
   * [`VaultError::NotOwner`].
   * 
   * # Events
   * `depositor_set`.
   */
  set_allowed_depositor: ({caller, depositor, allowed}: {caller: string, depositor: string, allowed: boolean}, options?: MethodOptions) => Promise<AssembledTransaction<Result<void>>>

  /**
   * Construct and simulate a set_authorized_caller transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Sets (or clears) the backend allowed to deduct.
   * 
   * # Authorization
   * `caller`, which must be the admin.
   * 
   * # Errors
   * [`VaultError::NotAdmin`], [`VaultError::AdminIsOwner`], [`VaultError::MigrationPending`].
   * 
   * # Events
   * `authorized_caller_set`.
   */
  set_authorized_caller: ({caller, authorized_caller}: {caller: string, authorized_caller: Option<string>}, options?: MethodOptions) => Promise<AssembledTransaction<Result<void>>>

}
export class Client extends ContractClient {
  static async deploy<T = Client>(
        /** Constructor/Initialization Args for the contract's `__constructor` method */
        {owner, admin, usdc_token, initial_balance, authorized_caller, min_deposit, revenue_pool, max_deduct}: {owner: string, admin: string, usdc_token: string, initial_balance: Option<i128>, authorized_caller: Option<string>, min_deposit: Option<i128>, revenue_pool: Option<string>, max_deduct: Option<i128>},
    /** Options for initializing a Client as well as for calling a method, with extras specific to deploying. */
    options: MethodOptions &
      Omit<ContractClientOptions, "contractId"> & {
        /** The hash of the Wasm blob, which must already be installed on-chain. */
        wasmHash: Buffer | string;
        /** Salt used to generate the contract's ID. Passed through to {@link Operation.createCustomContract}. Default: random. */
        salt?: Buffer | Uint8Array;
        /** The format used to decode `wasmHash`, if it's provided as a string. */
        format?: "hex" | "base64";
      }
  ): Promise<AssembledTransaction<T>> {
    return ContractClient.deploy({owner, admin, usdc_token, initial_balance, authorized_caller, min_deposit, revenue_pool, max_deduct}, options)
  }
  constructor(public readonly options: ContractClientOptions) {
    super(
      new ContractSpec([ "AAAAAAAAAP5QYXVzZXMgZGVwb3NpdHMgKGRlZHVjdHMgYW5kIHdpdGhkcmF3YWxzIGNvbnRpbnVlKS4KCiMgQXV0aG9yaXphdGlvbgpgY2FsbGVyYCwgd2hpY2ggbXVzdCBiZSB0aGUgYWRtaW4uCgojIEVycm9ycwpbYFZhdWx0RXJyb3I6Ok5vdEFkbWluYF0sIFtgVmF1bHRFcnJvcjo6QWRtaW5Jc093bmVyYF0sIFtgVmF1bHRFcnJvcjo6QWxyZWFkeVBhdXNlZGBdLCBbYFZhdWx0RXJyb3I6Ok1pZ3JhdGlvblBlbmRpbmdgXS4KCiMgRXZlbnRzCmBwYXVzZWRgLgAAAAAABXBhdXNlAAAAAAAAAQAAAAAAAAAGY2FsbGVyAAAAAAATAAAAAQAAA+kAAAACAAAH0AAAAApWYXVsdEVycm9yAAA=",
        "AAAAAAAAARtUaGUgb3duZXIgc2VuZHMgVVNEQyB0aGUgdmF1bHQgaG9sZHMgYmV5b25kIGl0cyB0cmFja2VkIGJhbGFuY2UgKHNlbnQKdG8gdGhlIHZhdWx0IGRpcmVjdGx5LCBvdXRzaWRlIGBkZXBvc2l0YCkgdG8gYHRvYC4gUmV0dXJucyB0aGUgYW1vdW50LgoKIyBBdXRob3JpemF0aW9uClRoZSBvd25lci4KCiMgRXJyb3JzCltgVmF1bHRFcnJvcjo6SW52YWxpZFJlY2lwaWVudGBdIChgdG9gIGlzIHRoZSB2YXVsdCksCltgVmF1bHRFcnJvcjo6Tm90aGluZ1RvU3dlZXBgXS4KCiMgRXZlbnRzCmBzd2VwdGAuAAAAAAVzd2VlcAAAAAAAAAEAAAAAAAAAAnRvAAAAAAATAAAAAQAAA+kAAAALAAAH0AAAAApWYXVsdEVycm9yAAA=",
        "AAAAAAAAA99UaGUgYXV0aG9yaXplZCBjYWxsZXIgZGVkdWN0cyBgYW1vdW50YCBmb3IgYHJlcXVlc3RfaWRgLCBjcmVkaXRpbmcKYGRldmVsb3BlcmAgKGBOb25lYDogdGhlIHBvb2wpLCBwYWlkIG91dCBpbiB0aGlzIGNhbGwgdG8gdGhlCnNldHRsZW1lbnQsIGVsc2UgdGhlIHJldmVudWUgcG9vbC4gQ2hhcmdlYWJsZSB0aHJvdWdoIGxlZGdlcgpgdmFsaWRfdW50aWxfbGVkZ2VyYCAoYXQgbW9zdCBgTUFYX1JFUVVFU1RfVkFMSURJVFlgIGFoZWFkKTsgdGhlIGlkIGlzCmtlcHQgYFJFUVVFU1RfSURfVFRMYCBsZWRnZXJzLCBzbyBhIHJldHJ5IG5ldmVyIGNoYXJnZXMgdHdpY2UuIENvdW50cwphZ2FpbnN0IHRoZSBvd25lcidzIHNwZW5kIGxpbWl0OyBydW5zIHdoaWxlIHBhdXNlZC4gUmV0dXJucyB0aGUgbmV3CmJhbGFuY2UuCgojIEF1dGhvcml6YXRpb24KYGNhbGxlcmAsIHdoaWNoIG11c3QgYmUgdGhlIGF1dGhvcml6ZWQgY2FsbGVyLgoKIyBFcnJvcnMKW2BWYXVsdEVycm9yOjpOb3RBdXRob3JpemVkQ2FsbGVyYF0sIFtgVmF1bHRFcnJvcjo6Tm9EZXN0aW5hdGlvbmBdLApbYFZhdWx0RXJyb3I6OkludmFsaWRSZWNpcGllbnRgXSAodGhlIHZhdWx0IGNyZWRpdGVkKSwKW2BWYXVsdEVycm9yOjpJbnZhbGlkQW1vdW50YF0sIFtgVmF1bHRFcnJvcjo6RXhjZWVkc01heERlZHVjdGBdLApbYFZhdWx0RXJyb3I6OkludmFsaWRSZXF1ZXN0SWRgXSwgW2BWYXVsdEVycm9yOjpEdXBsaWNhdGVSZXF1ZXN0YF0sCltgVmF1bHRFcnJvcjo6UmVxdWVzdEV4cGlyZWRgXSwgW2BWYXVsdEVycm9yOjpWYWxpZGl0eVRvb0xvbmdgXSwKW2BWYXVsdEVycm9yOjpJbnN1ZmZpY2llbnRCYWxhbmNlYF0sCltgVmF1bHRFcnJvcjo6U3BlbmRMaW1pdEV4Y2VlZGVkYF0sIFtgVmF1bHRFcnJvcjo6T3ZlcmZsb3dgXTsKc2V0dGxlbWVudCBlcnJvcnMgKDN4eCkgcHJvcGFnYXRlLgoKIyBFdmVudHMKYGRlZHVjdGAgKGFuZCB0aGUgc2V0dGxlbWVudCdzIGNyZWRpdCBldmVudCkuAAAAAAZkZWR1Y3QAAAAAAAUAAAAAAAAABmNhbGxlcgAAAAAAEwAAAAAAAAAGYW1vdW50AAAAAAALAAAAAAAAAApyZXF1ZXN0X2lkAAAAAAAQAAAAAAAAAAlkZXZlbG9wZXIAAAAAAAPoAAAAEwAAAAAAAAASdmFsaWRfdW50aWxfbGVkZ2VyAAAAAAAEAAAAAQAAA+kAAAALAAAH0AAAAApWYXVsdEVycm9yAAA=",
        "AAAAAAAAAGRUaGUgdHJhY2tlZCBiYWxhbmNlIChlcXVhbHMgdGhlIFVTREMgdGhlIHZhdWx0IGhvbGRzIGZvciBpdHMgb3duZXIpLgoKIyBBdXRob3JpemF0aW9uCk5vbmUgKGEgdmlldykuAAAAB2JhbGFuY2UAAAAAAAAAAAEAAAAL",
        "AAAAAAAAAVtNb3ZlcyBgYW1vdW50YCBVU0RDIGZyb20gYGNhbGxlcmAgKHRoZSBvd25lciBvciBhbiBhbGxvd2VkIGRlcG9zaXRvcikKaW50byB0aGUgdmF1bHQuIFJldHVybnMgdGhlIG5ldyBiYWxhbmNlLgoKIyBBdXRob3JpemF0aW9uCmBjYWxsZXJgOiB0aGUgb3duZXIgb3IgYW4gYWxsb3dlZCBkZXBvc2l0b3IuCgojIEVycm9ycwpbYFZhdWx0RXJyb3I6OkludmFsaWRBbW91bnRgXSwgW2BWYXVsdEVycm9yOjpQYXVzZWRgXSwgW2BWYXVsdEVycm9yOjpOb3REZXBvc2l0b3JgXSwgW2BWYXVsdEVycm9yOjpCZWxvd01pbkRlcG9zaXRgXSwgW2BWYXVsdEVycm9yOjpPdmVyZmxvd2BdLgoKIyBFdmVudHMKYGRlcG9zaXRgLgAAAAAHZGVwb3NpdAAAAAACAAAAAAAAAAZjYWxsZXIAAAAAABMAAAAAAAAABmFtb3VudAAAAAAACwAAAAEAAAPpAAAACwAAB9AAAAAKVmF1bHRFcnJvcgAA",
        "AAAAAAAAAbBCcmluZ3Mgc3RvcmVkIGRhdGEgdG8gdGhpcyBjb2RlJ3Mgc2NoZW1hIHZlcnNpb247IHJ1bnMgb25jZSBwZXIKdmVyc2lvbi4gRnJvbSBzY2hlbWEgMSAoY29kZSB2ZXJzaW9uIDEpIGl0IHJld3JpdGVzIHRoZSBjb25maWd1cmF0aW9uCmluIHRoZSBjdXJyZW50IGxheW91dCB3aXRoIGBtYXhfYmF0Y2hgID0gYE1BWF9CQVRDSF9ERURVQ1RgOyBmcm9tCnNjaGVtYSAyIG9ubHkgdGhlIG1hcmtlciBtb3ZlcyAoc2NoZW1hIDMgYWRkcyBrZXlzIHdob3NlIGFic2VuY2UgbWVhbnMKIm5vIHNwZW5kIGxpbWl0IikuCgojIEF1dGhvcml6YXRpb24KYGNhbGxlcmAsIHdoaWNoIG11c3QgYmUgdGhlIGFkbWluLgoKIyBFcnJvcnMKW2BWYXVsdEVycm9yOjpOb3RBZG1pbmBdLCBbYFZhdWx0RXJyb3I6OkFscmVhZHlNaWdyYXRlZGBdLgoKIyBFdmVudHMKYG1pZ3JhdGVkYC4AAAAHbWlncmF0ZQAAAAABAAAAAAAAAAZjYWxsZXIAAAAAABMAAAABAAAD6QAAAAIAAAfQAAAAClZhdWx0RXJyb3IAAA==",
        "AAAAAAAAANpSZXN1bWVzIGRlcG9zaXRzLgoKIyBBdXRob3JpemF0aW9uCmBjYWxsZXJgLCB3aGljaCBtdXN0IGJlIHRoZSBhZG1pbi4KCiMgRXJyb3JzCltgVmF1bHRFcnJvcjo6Tm90QWRtaW5gXSwgW2BWYXVsdEVycm9yOjpBZG1pbklzT3duZXJgXSwgW2BWYXVsdEVycm9yOjpOb3RQYXVzZWRgXSwgW2BWYXVsdEVycm9yOjpNaWdyYXRpb25QZW5kaW5nYF0uCgojIEV2ZW50cwpgdW5wYXVzZWRgLgAAAAAAB3VucGF1c2UAAAAAAQAAAAAAAAAGY2FsbGVyAAAAAAATAAAAAQAAA+kAAAACAAAH0AAAAApWYXVsdEVycm9yAAA=",
        "AAAAAAAAAcFSZXBsYWNlcyB0aGlzIGNvbnRyYWN0J3MgY29kZSB3aXRoIHRoZSB1cGxvYWRlZCBXQVNNIGBuZXdfd2FzbV9oYXNoYAooZWZmZWN0aXZlIHdoZW4gdGhpcyBjYWxsIHJldHVybnMpOyBjYWxsIGBtaWdyYXRlYCBuZXh0LiBOZXcgY29kZQpjb3VsZCBtb3ZlIHRoZSBvd25lcidzIGZ1bmRzLCBzbyB0aGUgb3duZXIgY28tc2lnbnM6IG9wZXJhdG9yIGtleXMKYWxvbmUgY2FuIG5ldmVyIHJlcGxhY2UgYSB2YXVsdCdzIGNvZGUgKHRoZSBzcGVuZCBsaW1pdCBib3VuZHMKZXZlcnl0aGluZyBlbHNlIHRoZXkgY2FuIGRvKS4KCiMgQXV0aG9yaXphdGlvbgpgY2FsbGVyYCwgd2hpY2ggbXVzdCBiZSB0aGUgYWRtaW4sIGFuZCB0aGUgb3duZXIuCgojIEVycm9ycwpbYFZhdWx0RXJyb3I6Ok5vdEFkbWluYF0sIFtgVmF1bHRFcnJvcjo6QWRtaW5Jc093bmVyYF0uCgojIEV2ZW50cwpgdXBncmFkZWRgLgAAAAAAAAd1cGdyYWRlAAAAAAIAAAAAAAAABmNhbGxlcgAAAAAAEwAAAAAAAAANbmV3X3dhc21faGFzaAAAAAAAA+4AAAAgAAAAAQAAA+kAAAACAAAH0AAAAApWYXVsdEVycm9yAAA=",
        "AAAAAAAAADpDb2RlIHZlcnNpb24gb2YgdGhpcyBXQVNNLgoKIyBBdXRob3JpemF0aW9uCk5vbmUgKGEgdmlldykuAAAAAAAHdmVyc2lvbgAAAAAAAAAAAQAAAAQ=",
        "AAAAAAAAAF5Pd25lciwgdHJhY2tlZCBiYWxhbmNlLCBhdXRob3JpemVkIGNhbGxlciBhbmQgbWluaW11bSBkZXBvc2l0LgoKIyBBdXRob3JpemF0aW9uCk5vbmUgKGEgdmlldykuAAAAAAAIZ2V0X21ldGEAAAAAAAAAAQAAB9AAAAAJVmF1bHRNZXRhAAAA",
        "AAAAAAAAAOpUaGUgb3duZXIgd2l0aGRyYXdzIGBhbW91bnRgIFVTREMgdG8gdGhlbXNlbHZlcy4gUmV0dXJucyB0aGUgbmV3CmJhbGFuY2UuIE5lZWRzIHRoZSBvd25lcidzIGF1dGhvcml6YXRpb24uCgojIEF1dGhvcml6YXRpb24KVGhlIG93bmVyLgoKIyBFcnJvcnMKW2BWYXVsdEVycm9yOjpJbnZhbGlkQW1vdW50YF0sIFtgVmF1bHRFcnJvcjo6SW5zdWZmaWNpZW50QmFsYW5jZWBdLgoKIyBFdmVudHMKYHdpdGhkcmF3YC4AAAAAAAh3aXRoZHJhdwAAAAEAAAAAAAAABmFtb3VudAAAAAAACwAAAAEAAAPpAAAACwAAB9AAAAAKVmF1bHRFcnJvcgAA",
        "AAAAAAAAAFNUaGUgYWRtaW4gKHRoZSBvcGVyYXRvciwgd2hvIGNvbmZpZ3VyZXMgdGhlIHZhdWx0KS4KCiMgQXV0aG9yaXphdGlvbgpOb25lIChhIHZpZXcpLgAAAAAJZ2V0X2FkbWluAAAAAAAAAAAAAAEAAAAT",
        "AAAAAAAAADxXaGV0aGVyIGRlcG9zaXRzIGFyZSBwYXVzZWQuCgojIEF1dGhvcml6YXRpb24KTm9uZSAoYSB2aWV3KS4AAAAJaXNfcGF1c2VkAAAAAAAAAAAAAAEAAAAB",
        "AAAAAAAAAYJQcm9wb3NlcyBgbmV3X2FkbWluYCwgd2hvIG11c3QgYWNjZXB0IG9uIG9yIGJlZm9yZSBsZWRnZXIKYGxpdmVfdW50aWxfbGVkZ2VyYCAoYXQgbW9zdCAzMCBkYXlzIGFoZWFkOyAwIGNhbmNlbHMgdGhlIHByb3Bvc2FsKS4KCiMgQXV0aG9yaXphdGlvbgpgY2FsbGVyYCwgd2hpY2ggbXVzdCBiZSB0aGUgYWRtaW4uCgojIEVycm9ycwpbYFZhdWx0RXJyb3I6Ok5vdEFkbWluYF0sIFtgVmF1bHRFcnJvcjo6QWRtaW5Jc093bmVyYF0gKGBuZXdfYWRtaW5gIGlzIHRoZSBvd25lciksCltgVmF1bHRFcnJvcjo6SW52YWxpZEV4cGlyeWBdLCBbYFZhdWx0RXJyb3I6Ok5vUGVuZGluZ0FkbWluYF0gKGNhbmNlbCB3aXRoIG5vbmUgb3BlbikuCgojIEV2ZW50cwpgYWRtaW5fcHJvcG9zZWRgLgAAAAAACXNldF9hZG1pbgAAAAAAAAMAAAAAAAAABmNhbGxlcgAAAAAAEwAAAAAAAAAJbmV3X2FkbWluAAAAAAAAEwAAAAAAAAARbGl2ZV91bnRpbF9sZWRnZXIAAAAAAAAEAAAAAQAAA+kAAAACAAAH0AAAAApWYXVsdEVycm9yAAA=",
        "AAAAAQAAAB9UaGUgcGxheWJvb2sncyB2aWV3IG9mIGEgdmF1bHQuAAAAAAAAAAAJVmF1bHRNZXRhAAAAAAAABAAAAAAAAAARYXV0aG9yaXplZF9jYWxsZXIAAAAAAAPoAAAAEwAAAAAAAAAHYmFsYW5jZQAAAAALAAAAAAAAAAttaW5fZGVwb3NpdAAAAAALAAAAAAAAAAVvd25lcgAAAAAAABM=",
        "AAAAAAAAARpUaGUgb3duZXIgd2l0aGRyYXdzIGBhbW91bnRgIFVTREMgdG8gYHRvYC4gUmV0dXJucyB0aGUgbmV3IGJhbGFuY2UuCk5lZWRzIHRoZSBvd25lcidzIGF1dGhvcml6YXRpb24uCgojIEF1dGhvcml6YXRpb24KVGhlIG93bmVyLgoKIyBFcnJvcnMKW2BWYXVsdEVycm9yOjpJbnZhbGlkQW1vdW50YF0sIFtgVmF1bHRFcnJvcjo6SW52YWxpZFJlY2lwaWVudGBdIChgdG9gIGlzIHRoZSB2YXVsdCksIFtgVmF1bHRFcnJvcjo6SW5zdWZmaWNpZW50QmFsYW5jZWBdLgoKIyBFdmVudHMKYHdpdGhkcmF3YC4AAAAAAAt3aXRoZHJhd190bwAAAAACAAAAAAAAAAJ0bwAAAAAAEwAAAAAAAAAGYW1vdW50AAAAAAALAAAAAQAAA+kAAAALAAAH0AAAAApWYXVsdEVycm9yAAA=",
        "AAAAAQAAARZUaGUgQVBJIGNhbGxzIG9uZSBgYmF0Y2hfZGVkdWN0YCBjaGFyZ2VzLCBieSBjb2x1bW46IGNhbGwgYGlgIGNoYXJnZXMKYGFtb3VudHNbaV1gIGZvciBgcmVxdWVzdF9pZHNbaV1gIGFuZCBjcmVkaXRzCmBkZXZlbG9wZXJzW2RldmVsb3Blcl9pbmRleFtpXV1gIChgTm9uZWA6IHRoZSBzZXR0bGVtZW50J3MgcG9vbCkuIFRoZQpzYW1lIGNvbHVtbnMgYXMgdGhlIGBiYXRjaF9kZWR1Y3RgIGV2ZW50LCBzbyBhbiBpbmRleGVyIHJlYWRzIGV4YWN0bHkKd2hhdCB0aGUgYmFja2VuZCBzZW50LgAAAAAAAAAAAAtEZWR1Y3RCYXRjaAAAAAAEAAAAAAAAAAdhbW91bnRzAAAAA+oAAAALAAAAAAAAAA9kZXZlbG9wZXJfaW5kZXgAAAAD6gAAAAQAAAAAAAAACmRldmVsb3BlcnMAAAAAA+oAAAPoAAAAEwAAAAAAAAALcmVxdWVzdF9pZHMAAAAD6gAAABA=",
        "AAAAAAAAATpUaGUgcHJvcG9zZWQgYWRtaW4gYWNjZXB0cyBhbmQgYmVjb21lcyB0aGUgYWRtaW4uCgojIEF1dGhvcml6YXRpb24KYGNhbGxlcmAsIHdoaWNoIG11c3QgYmUgdGhlIHByb3Bvc2VkIGFkbWluLgoKIyBFcnJvcnMKW2BWYXVsdEVycm9yOjpBZG1pbklzT3duZXJgXSwgW2BWYXVsdEVycm9yOjpOb1BlbmRpbmdBZG1pbmBdLCBbYFZhdWx0RXJyb3I6Ok5vdFBlbmRpbmdBZG1pbmBdLCBbYFZhdWx0RXJyb3I6OlBlbmRpbmdBZG1pbkV4cGlyZWRgXSwgW2BWYXVsdEVycm9yOjpNaWdyYXRpb25QZW5kaW5nYF0uCgojIEV2ZW50cwpgYWRtaW5fYWNjZXB0ZWRgLgAAAAAADGFjY2VwdF9hZG1pbgAAAAEAAAAAAAAABmNhbGxlcgAAAAAAEwAAAAEAAAPpAAAAAgAAB9AAAAAKVmF1bHRFcnJvcgAA",
        "AAAAAAAAA/ZDaGFyZ2VzIHRoZSBBUEkgY2FsbHMgb2YgYGJhdGNoYCAoMS4uPWBtYXhfYmF0Y2hgLCBhdCBtb3N0CmBNQVhfQkFUQ0hfREVWRUxPUEVSU2AgZGV2ZWxvcGVycykgYXMgb25lIHJlcXVlc3QsIGFsbCBvciBub25lLAp0aHJvdWdoIGB2YWxpZF91bnRpbF9sZWRnZXJgLiBgcmVxdWVzdF9pZGAgaXMgaXRzIGlkZW1wb3RlbmN5IGtleSwKa2VwdCBsaWtlIGEgZGVkdWN0J3MgKHNhbWUgaWQgc3BhY2UpOyBjYWxsIGlkcyBtdXN0IGRpZmZlciBhbmQgYXJlCm5vdCByZWNvcmRlZC4gUmV0dXJucyB0aGUgbmV3IGJhbGFuY2UuCgojIEF1dGhvcml6YXRpb24KYGNhbGxlcmAsIHRoZSBhdXRob3JpemVkIGNhbGxlciwgb3ZlciBvbmUgYXJndW1lbnQ6IGBzaGEyNTZgIG9mIHRoZQpYRFIgb2YgYFtyZXF1ZXN0X2lkLCBiYXRjaCwgdmFsaWRfdW50aWxfbGVkZ2VyXWAuCgojIEVycm9ycwpbYFZhdWx0RXJyb3I6Ok5vdEF1dGhvcml6ZWRDYWxsZXJgXSwgW2BWYXVsdEVycm9yOjpJbnZhbGlkQmF0Y2hTaXplYF0sCltgVmF1bHRFcnJvcjo6Tm9EZXN0aW5hdGlvbmBdLCBbYFZhdWx0RXJyb3I6OkludmFsaWRSZXF1ZXN0SWRgXSwKW2BWYXVsdEVycm9yOjpEdXBsaWNhdGVSZXF1ZXN0YF0sIFtgVmF1bHRFcnJvcjo6SW52YWxpZEJhdGNoYF0sCltgVmF1bHRFcnJvcjo6VG9vTWFueURldmVsb3BlcnNgXSwgW2BWYXVsdEVycm9yOjpJbnZhbGlkUmVjaXBpZW50YF0sCltgVmF1bHRFcnJvcjo6SW52YWxpZEFtb3VudGBdLCBbYFZhdWx0RXJyb3I6OkV4Y2VlZHNNYXhEZWR1Y3RgXSwKW2BWYXVsdEVycm9yOjpJbnN1ZmZpY2llbnRCYWxhbmNlYF0sIFtgVmF1bHRFcnJvcjo6UmVxdWVzdEV4cGlyZWRgXSwKW2BWYXVsdEVycm9yOjpWYWxpZGl0eVRvb0xvbmdgXSwgW2BWYXVsdEVycm9yOjpTcGVuZExpbWl0RXhjZWVkZWRgXTsKc2V0dGxlbWVudCBlcnJvcnMgKDN4eCkgcHJvcGFnYXRlLgoKIyBFdmVudHMKT25lIGBiYXRjaF9kZWR1Y3RgIChhbmQgdGhlIHNldHRsZW1lbnQncyBjcmVkaXQgZXZlbnRzKS4AAAAAAAxiYXRjaF9kZWR1Y3QAAAAEAAAAAAAAAAZjYWxsZXIAAAAAABMAAAAAAAAACnJlcXVlc3RfaWQAAAAAABAAAAAAAAAABWJhdGNoAAAAAAAH0AAAAAtEZWR1Y3RCYXRjaAAAAAAAAAAAEnZhbGlkX3VudGlsX2xlZGdlcgAAAAAABAAAAAEAAAPpAAAACwAAB9AAAAAKVmF1bHRFcnJvcgAA",
        "AAAAAAAAAEJNZXRhZGF0YSBvZiBgb2ZmZXJpbmdfaWRgLCBpZiBzZXQuCgojIEF1dGhvcml6YXRpb24KTm9uZSAoYSB2aWV3KS4AAAAAAAxnZXRfbWV0YWRhdGEAAAABAAAAAAAAAAtvZmZlcmluZ19pZAAAAAAQAAAAAQAAA+gAAAAQ",
        "AAAAAAAAAORTZXRzIHRoZSBtZXRhZGF0YSAoSVBGUyBDSUQgb3IgVVJJKSBvZiBhbiBvZmZlcmluZy4KCiMgQXV0aG9yaXphdGlvbgpgY2FsbGVyYCwgd2hpY2ggbXVzdCBiZSB0aGUgYWRtaW4uCgojIEVycm9ycwpbYFZhdWx0RXJyb3I6Ok5vdEFkbWluYF0sIFtgVmF1bHRFcnJvcjo6QWRtaW5Jc093bmVyYF0sIFtgVmF1bHRFcnJvcjo6SW52YWxpZE1ldGFkYXRhYF0uCgojIEV2ZW50cwpgbWV0YWRhdGFfc2V0YC4AAAAMc2V0X21ldGFkYXRhAAAAAwAAAAAAAAAGY2FsbGVyAAAAAAATAAAAAAAAAAtvZmZlcmluZ19pZAAAAAAQAAAAAAAAAAhtZXRhZGF0YQAAABAAAAABAAAD6QAAAAIAAAfQAAAAClZhdWx0RXJyb3IAAA==",
        "AAAAAAAAA1JDcmVhdGVzIHRoZSB2YXVsdCAodGhlIHBsYXlib29rJ3MgYGluaXRgLCBwbHVzIGBhZG1pbmApLgoKYGFkbWluYCBpcyB0aGUgb3BlcmF0b3IsIHdobyBjb25maWd1cmVzIHJvdXRpbmcsIHRoZSBiYWNrZW5kIGFuZCB0aGUKbGltaXRzOyBpdCBtdXN0IG5vdCBiZSB0aGUgb3duZXIgKGFuIG93bmVyLWFkbWluIGNvdWxkIHBvaW50IGRlZHVjdHMKYmFjayBhdCBpdHNlbGYpLiBgaW5pdGlhbF9iYWxhbmNlYCAoZGVmYXVsdCAwKSBpcyB0aGUgdHJhY2tlZCBiYWxhbmNlCnRvIHN0YXJ0IHdpdGg7IGl0IG11c3QgYmUgY292ZXJlZCBieSBVU0RDIHRoZSB2YXVsdCdzIGFkZHJlc3MgYWxyZWFkeQpob2xkcyAoaG93IGEgcmVkZXBsb3llZCB2YXVsdCByZWNlaXZlcyBpdHMgbWlncmF0ZWQgYmFsYW5jZSkuCmBtaW5fZGVwb3NpdGAgZGVmYXVsdHMgdG8gMSBhbmQgYG1heF9kZWR1Y3RgIHRvIGBpMTI4OjpNQVhgOyBib3RoIG11c3QKYmUgcG9zaXRpdmUuIE5vIHNwZW5kIGxpbWl0IGlzIHNldCAodW5saW1pdGVkKSB1bnRpbCB0aGUgb3duZXIgc2V0cyBvbmUuCgojIEF1dGhvcml6YXRpb24KTm9uZSAocnVucyBvbmNlLCBhdCBkZXBsb3ltZW50KS4KCiMgRXJyb3JzCltgVmF1bHRFcnJvcjo6SW52YWxpZEFtb3VudGBdIChuZWdhdGl2ZSBpbml0aWFsIGJhbGFuY2UpLApbYFZhdWx0RXJyb3I6OkFkbWluSXNPd25lcmBdLCBbYFZhdWx0RXJyb3I6OkludmFsaWRDb25maWdgXSwKW2BWYXVsdEVycm9yOjpJbml0aWFsQmFsYW5jZU5vdENvdmVyZWRgXSwKW2BWYXVsdEVycm9yOjpJbnZhbGlkUmVjaXBpZW50YF0gKHJldmVudWUgcG9vbCA9IHZhdWx0KS4KCiMgRXZlbnRzCmB2YXVsdF9pbml0aWFsaXplZGAuAAAAAAANX19jb25zdHJ1Y3RvcgAAAAAAAAgAAAAAAAAABW93bmVyAAAAAAAAEwAAAAAAAAAFYWRtaW4AAAAAAAATAAAAAAAAAAp1c2RjX3Rva2VuAAAAAAATAAAAAAAAAA9pbml0aWFsX2JhbGFuY2UAAAAD6AAAAAsAAAAAAAAAEWF1dGhvcml6ZWRfY2FsbGVyAAAAAAAD6AAAABMAAAAAAAAAC21pbl9kZXBvc2l0AAAAA+gAAAALAAAAAAAAAAxyZXZlbnVlX3Bvb2wAAAPoAAAAEwAAAAAAAAAKbWF4X2RlZHVjdAAAAAAD6AAAAAsAAAABAAAD6QAAAAIAAAfQAAAAClZhdWx0RXJyb3IAAA==",
        "AAAAAAAAAFZUaGUgbW9zdCBpdGVtcyB0aGUgYWRtaW4gYWxsb3dzIGluIG9uZSBgYmF0Y2hfZGVkdWN0YC4KCiMgQXV0aG9yaXphdGlvbgpOb25lIChhIHZpZXcpLgAAAAAADWdldF9tYXhfYmF0Y2gAAAAAAAAAAAAAAQAAAAQ=",
        "AAAAAAAAARxTZXRzIHRoZSBtb3N0IGl0ZW1zIG9uZSBgYmF0Y2hfZGVkdWN0YCBtYXkgY2FycnkKKDEuLj1gTUFYX0JBVENIX0RFRFVDVGApLgoKIyBBdXRob3JpemF0aW9uCmBjYWxsZXJgLCB3aGljaCBtdXN0IGJlIHRoZSBhZG1pbi4KCiMgRXJyb3JzCltgVmF1bHRFcnJvcjo6Tm90QWRtaW5gXSwgW2BWYXVsdEVycm9yOjpBZG1pbklzT3duZXJgXSwgW2BWYXVsdEVycm9yOjpJbnZhbGlkQ29uZmlnYF0sIFtgVmF1bHRFcnJvcjo6TWlncmF0aW9uUGVuZGluZ2BdLgoKIyBFdmVudHMKYG1heF9iYXRjaF9zZXRgLgAAAA1zZXRfbWF4X2JhdGNoAAAAAAAAAgAAAAAAAAAGY2FsbGVyAAAAAAATAAAAAAAAAAltYXhfYmF0Y2gAAAAAAAAEAAAAAQAAA+kAAAACAAAH0AAAAApWYXVsdEVycm9yAAA=",
        "AAAAAAAAADpUaGUgbGFyZ2VzdCBzaW5nbGUgZGVkdWN0LgoKIyBBdXRob3JpemF0aW9uCk5vbmUgKGEgdmlldykuAAAAAAAOZ2V0X21heF9kZWR1Y3QAAAAAAAAAAAABAAAACw==",
        "AAAAAAAAAE5UaGUgc2V0dGxlbWVudCBjb250cmFjdCBkZWR1Y3RzIGdvIHRvLCBpZiBzZXQuCgojIEF1dGhvcml6YXRpb24KTm9uZSAoYSB2aWV3KS4AAAAAAA5nZXRfc2V0dGxlbWVudAAAAAAAAAAAAAEAAAPoAAAAEw==",
        "AAAAAAAAADhUaGUgVVNEQyB0b2tlbiBjb250cmFjdC4KCiMgQXV0aG9yaXphdGlvbgpOb25lIChhIHZpZXcpLgAAAA5nZXRfdXNkY190b2tlbgAAAAAAAAAAAAEAAAAT",
        "AAAAAAAAAEJTY2hlbWEgdmVyc2lvbiBvZiB0aGUgc3RvcmVkIGRhdGEuCgojIEF1dGhvcml6YXRpb24KTm9uZSAoYSB2aWV3KS4AAAAAAA5zY2hlbWFfdmVyc2lvbgAAAAAAAAAAAAEAAAAE",
        "AAAAAAAAAPhTZXRzIHRoZSBsYXJnZXN0IHNpbmdsZSBkZWR1Y3QgKD4gMCkuCgojIEF1dGhvcml6YXRpb24KYGNhbGxlcmAsIHdoaWNoIG11c3QgYmUgdGhlIGFkbWluLgoKIyBFcnJvcnMKW2BWYXVsdEVycm9yOjpOb3RBZG1pbmBdLCBbYFZhdWx0RXJyb3I6OkFkbWluSXNPd25lcmBdLCBbYFZhdWx0RXJyb3I6OkludmFsaWRDb25maWdgXSwgW2BWYXVsdEVycm9yOjpNaWdyYXRpb25QZW5kaW5nYF0uCgojIEV2ZW50cwpgbWF4X2RlZHVjdF9zZXRgLgAAAA5zZXRfbWF4X2RlZHVjdAAAAAAAAgAAAAAAAAAGY2FsbGVyAAAAAAATAAAAAAAAAAptYXhfZGVkdWN0AAAAAAALAAAAAQAAA+kAAAACAAAH0AAAAApWYXVsdEVycm9yAAA=",
        "AAAAAAAAAbFTZXRzIChvciBjbGVhcnMpIHRoZSBzZXR0bGVtZW50IGNvbnRyYWN0IGRlZHVjdHMgYXJlIHBhaWQgdG8uIEl0IG11c3QKYmUgYW4gYWN0aXZlIHNldHRsZW1lbnQgb24gdGhpcyB2YXVsdCdzIFVTREMgdG9rZW4gKGBnZXRfdXNkY190b2tlbmAKYW5zd2VycyB0aGUgdG9rZW4sIGBnZXRfc3VjY2Vzc29yYCBhbnN3ZXJzIG5vbmUpLgoKIyBBdXRob3JpemF0aW9uCmBjYWxsZXJgLCB3aGljaCBtdXN0IGJlIHRoZSBhZG1pbi4KCiMgRXJyb3JzCltgVmF1bHRFcnJvcjo6Tm90QWRtaW5gXSwgW2BWYXVsdEVycm9yOjpBZG1pbklzT3duZXJgXSwgW2BWYXVsdEVycm9yOjpJbnZhbGlkUmVjaXBpZW50YF0sIFtgVmF1bHRFcnJvcjo6VG9rZW5NaXNtYXRjaGBdLCBbYFZhdWx0RXJyb3I6Ok1pZ3JhdGlvblBlbmRpbmdgXS4KCiMgRXZlbnRzCmBzZXR0bGVtZW50X3NldGAuAAAAAAAADnNldF9zZXR0bGVtZW50AAAAAAACAAAAAAAAAAZjYWxsZXIAAAAAABMAAAAAAAAACnNldHRsZW1lbnQAAAAAA+gAAAATAAAAAQAAA+kAAAACAAAH0AAAAApWYXVsdEVycm9yAAA=",
        "AAAAAAAAAE1UaGUgb3duZXIncyBzcGVuZCBsaW1pdCAoYE5vbmVgID0gdW5saW1pdGVkKS4KCiMgQXV0aG9yaXphdGlvbgpOb25lIChhIHZpZXcpLgAAAAAAAA9nZXRfc3BlbmRfbGltaXQAAAAAAAAAAAEAAAPoAAAH0AAAAApTcGVuZExpbWl0AAA=",
        "AAAAAAAAAPNTZXRzIHRoZSBtaW5pbXVtIGRlcG9zaXQgKD4gMCkuCgojIEF1dGhvcml6YXRpb24KYGNhbGxlcmAsIHdoaWNoIG11c3QgYmUgdGhlIGFkbWluLgoKIyBFcnJvcnMKW2BWYXVsdEVycm9yOjpOb3RBZG1pbmBdLCBbYFZhdWx0RXJyb3I6OkFkbWluSXNPd25lcmBdLCBbYFZhdWx0RXJyb3I6OkludmFsaWRDb25maWdgXSwgW2BWYXVsdEVycm9yOjpNaWdyYXRpb25QZW5kaW5nYF0uCgojIEV2ZW50cwpgbWluX2RlcG9zaXRfc2V0YC4AAAAAD3NldF9taW5fZGVwb3NpdAAAAAACAAAAAAAAAAZjYWxsZXIAAAAAABMAAAAAAAAAC21pbl9kZXBvc2l0AAAAAAsAAAABAAAD6QAAAAIAAAfQAAAAClZhdWx0RXJyb3IAAA==",
        "AAAAAAAAAa9UaGUgb3duZXIgc2V0cyAoYFNvbWVgKSBvciByZW1vdmVzIChgTm9uZWAsIHVubGltaXRlZCkgdGhlIHNwZW5kCmxpbWl0OiBhdCBtb3N0IGBhbW91bnRgIGRlZHVjdGVkIHBlciB3aW5kb3cgb2YgYHBlcmlvZF9sZWRnZXJzYApsZWRnZXJzICgxLi49YE1BWF9TUEVORF9QRVJJT0RgKS4gT25seSB0aGUgb3duZXIgY2FuIGNoYW5nZSBpdCwgc28Kb25seSB0aGUgb3duZXIgY2FuIHJhaXNlIGl0LiBBIGNoYW5nZWQgbGltaXQgYXBwbGllcyB0byB0aGUgY3VycmVudAp3aW5kb3cgYXQgb25jZS4KCiMgQXV0aG9yaXphdGlvbgpgY2FsbGVyYCwgd2hpY2ggbXVzdCBiZSB0aGUgb3duZXIuCgojIEVycm9ycwpbYFZhdWx0RXJyb3I6Ok5vdE93bmVyYF0sIFtgVmF1bHRFcnJvcjo6SW52YWxpZFNwZW5kTGltaXRgXS4KCiMgRXZlbnRzCmBzcGVuZF9saW1pdF9zZXRgLgAAAAAPc2V0X3NwZW5kX2xpbWl0AAAAAAIAAAAAAAAABmNhbGxlcgAAAAAAEwAAAAAAAAAFbGltaXQAAAAAAAPoAAAH0AAAAApTcGVuZExpbWl0AAAAAAABAAAD6QAAAAIAAAfQAAAAClZhdWx0RXJyb3IAAA==",
        "AAAAAAAAAFlUaGUgcmV2ZW51ZSBwb29sIGRlZHVjdHMgZ28gdG8gd2hlbiBubyBzZXR0bGVtZW50IGlzIHNldC4KCiMgQXV0aG9yaXphdGlvbgpOb25lIChhIHZpZXcpLgAAAAAAABBnZXRfcmV2ZW51ZV9wb29sAAAAAAAAAAEAAAPoAAAAEw==",
        "AAAAAAAAAKVUaGUgY3VycmVudCBzcGVuZCB3aW5kb3cgKG9wZW5lZCBieSB0aGUgZmlyc3QgZGVkdWN0IHVuZGVyIGEgbGltaXQ7CmEgd2luZG93IHdob3NlIHBlcmlvZCBoYXMgcGFzc2VkIGlzIHJlcGxhY2VkIGJ5IHRoZSBuZXh0IGRlZHVjdCkuCgojIEF1dGhvcml6YXRpb24KTm9uZSAoYSB2aWV3KS4AAAAAAAAQZ2V0X3NwZW5kX3dpbmRvdwAAAAAAAAABAAAD6AAAB9AAAAALU3BlbmRXaW5kb3cA",
        "AAAAAAAAAShTZXRzIChvciBjbGVhcnMpIHRoZSByZXZlbnVlIHBvb2wgZGVkdWN0cyBhcmUgcGFpZCB0byB3aGVuIG5vCnNldHRsZW1lbnQgaXMgc2V0LgoKIyBBdXRob3JpemF0aW9uCmBjYWxsZXJgLCB3aGljaCBtdXN0IGJlIHRoZSBhZG1pbi4KCiMgRXJyb3JzCltgVmF1bHRFcnJvcjo6Tm90QWRtaW5gXSwgW2BWYXVsdEVycm9yOjpBZG1pbklzT3duZXJgXSwgW2BWYXVsdEVycm9yOjpJbnZhbGlkUmVjaXBpZW50YF0sIFtgVmF1bHRFcnJvcjo6TWlncmF0aW9uUGVuZGluZ2BdLgoKIyBFdmVudHMKYHJldmVudWVfcG9vbF9zZXRgLgAAABBzZXRfcmV2ZW51ZV9wb29sAAAAAgAAAAAAAAAGY2FsbGVyAAAAAAATAAAAAAAAAAxyZXZlbnVlX3Bvb2wAAAPoAAAAEwAAAAEAAAPpAAAAAgAAB9AAAAAKVmF1bHRFcnJvcgAA",
        "AAAAAAAAAE9UaGUgYWRtaW4gcHJvcG9zYWwgYXdhaXRpbmcgYWNjZXB0YW5jZSwgaWYgYW55LgoKIyBBdXRob3JpemF0aW9uCk5vbmUgKGEgdmlldykuAAAAABFnZXRfcGVuZGluZ19hZG1pbgAAAAAAAAAAAAABAAAD6AAAB9AAAAAMUGVuZGluZ0FkbWlu",
        "AAAAAAAAAFdXaGV0aGVyIGBkZXBvc2l0b3JgIG1heSBkZXBvc2l0ICh0aGUgb3duZXIgYWx3YXlzIG1heSkuCgojIEF1dGhvcml6YXRpb24KTm9uZSAoYSB2aWV3KS4AAAAAFGlzX2FsbG93ZWRfZGVwb3NpdG9yAAAAAQAAAAAAAAAJZGVwb3NpdG9yAAAAAAAAEwAAAAEAAAAB",
        "AAAAAAAAAN5XaGV0aGVyIGByZXF1ZXN0X2lkYCB3YXMgcHJvY2Vzc2VkIHdpdGhpbiB0aGUgbGFzdCBgUkVRVUVTVF9JRF9UVExgCmxlZGdlcnM6IGRlZmluaXRpdmUgZm9yIDIzIGhvdXJzIGFmdGVyIHRoZSByZXF1ZXN0J3MKYHZhbGlkX3VudGlsX2xlZGdlcmAgKHRoZSBiYWNrZW5kJ3MgcmV0cnkgcHJvdG9jb2wsIGBkb2NzL3ZhdWx0Lm1kYCkuCgojIEF1dGhvcml6YXRpb24KTm9uZSAoYSB2aWV3KS4AAAAAABRpc19yZXF1ZXN0X3Byb2Nlc3NlZAAAAAEAAAAAAAAACnJlcXVlc3RfaWQAAAAAABAAAAABAAAAAQ==",
        "AAAAAAAAAKpUaGUgb3duZXIgYWxsb3dzIChvciBkaXNhbGxvd3MpIGBkZXBvc2l0b3JgIHRvIGRlcG9zaXQuCgojIEF1dGhvcml6YXRpb24KYGNhbGxlcmAsIHdoaWNoIG11c3QgYmUgdGhlIG93bmVyLgoKIyBFcnJvcnMKW2BWYXVsdEVycm9yOjpOb3RPd25lcmBdLgoKIyBFdmVudHMKYGRlcG9zaXRvcl9zZXRgLgAAAAAAFXNldF9hbGxvd2VkX2RlcG9zaXRvcgAAAAAAAAMAAAAAAAAABmNhbGxlcgAAAAAAEwAAAAAAAAAJZGVwb3NpdG9yAAAAAAAAEwAAAAAAAAAHYWxsb3dlZAAAAAABAAAAAQAAA+kAAAACAAAH0AAAAApWYXVsdEVycm9yAAA=",
        "AAAAAAAAAOpTZXRzIChvciBjbGVhcnMpIHRoZSBiYWNrZW5kIGFsbG93ZWQgdG8gZGVkdWN0LgoKIyBBdXRob3JpemF0aW9uCmBjYWxsZXJgLCB3aGljaCBtdXN0IGJlIHRoZSBhZG1pbi4KCiMgRXJyb3JzCltgVmF1bHRFcnJvcjo6Tm90QWRtaW5gXSwgW2BWYXVsdEVycm9yOjpBZG1pbklzT3duZXJgXSwgW2BWYXVsdEVycm9yOjpNaWdyYXRpb25QZW5kaW5nYF0uCgojIEV2ZW50cwpgYXV0aG9yaXplZF9jYWxsZXJfc2V0YC4AAAAAABVzZXRfYXV0aG9yaXplZF9jYWxsZXIAAAAAAAACAAAAAAAAAAZjYWxsZXIAAAAAABMAAAAAAAAAEWF1dGhvcml6ZWRfY2FsbGVyAAAAAAAD6AAAABMAAAABAAAD6QAAAAIAAAfQAAAAClZhdWx0RXJyb3IAAA==",
        "AAAABAAAAE9FdmVyeSB3YXkgYSB2YXVsdCBjYWxsIGNhbiBmYWlsLiBDb2RlcyAxMDDigJMxOTkgKHNlZSBgY2FsbG9yYV90eXBlczo6ZXJyb3JzYCkuAAAAAAAAAAAKVmF1bHRFcnJvcgAAAAAAIwAAAEBBbiBhbW91bnQgaXMgemVybyBvciBuZWdhdGl2ZSAob3IgYSBuZWdhdGl2ZSBgaW5pdGlhbF9iYWxhbmNlYCkuAAAADUludmFsaWRBbW91bnQAAAAAAABkAAAAIUEgZGVwb3NpdCBpcyBiZWxvdyBgbWluX2RlcG9zaXRgLgAAAAAAAA9CZWxvd01pbkRlcG9zaXQAAAAAZQAAAB5BIGRlZHVjdCBleGNlZWRzIGBtYXhfZGVkdWN0YC4AAAAAABBFeGNlZWRzTWF4RGVkdWN0AAAAZgAAADNBIGRlZHVjdCBvciB3aXRoZHJhd2FsIGV4Y2VlZHMgdGhlIHRyYWNrZWQgYmFsYW5jZS4AAAAAE0luc3VmZmljaWVudEJhbGFuY2UAAAAAZwAAACJUaGUgY2FsbGVyIGlzIG5vdCB0aGUgdmF1bHQgb3duZXIuAAAAAAAITm90T3duZXIAAABoAAAAPFRoZSBkZXBvc2l0b3IgaXMgbmVpdGhlciB0aGUgb3duZXIgbm9yIGFuIGFsbG93ZWQgZGVwb3NpdG9yLgAAAAxOb3REZXBvc2l0b3IAAABpAAAAOVRoZSBjYWxsZXIgaXMgbm90IHRoZSBhdXRob3JpemVkIGNhbGxlciAob3Igbm9uZSBpcyBzZXQpLgAAAAAAABNOb3RBdXRob3JpemVkQ2FsbGVyAAAAAGoAAAA4VGhlIHJlcXVlc3QgaWQgd2FzIGFscmVhZHkgcHJvY2Vzc2VkIChpZGVtcG90ZW50IHJldHJ5KS4AAAAQRHVwbGljYXRlUmVxdWVzdAAAAGsAAAA8VGhlIHJlcXVlc3QgaWQgaXMgZW1wdHkgb3IgbG9uZ2VyIHRoYW4gYE1BWF9SRVFVRVNUX0lEX0xFTmAuAAAAEEludmFsaWRSZXF1ZXN0SWQAAABsAAAANk5laXRoZXIgYSBzZXR0bGVtZW50IG5vciBhIHJldmVudWUgcG9vbCBpcyBjb25maWd1cmVkLgAAAAAADU5vRGVzdGluYXRpb24AAAAAAABtAAAAFERlcG9zaXRzIGFyZSBwYXVzZWQuAAAABlBhdXNlZAAAAAAAbgAAADNBIGJhdGNoIGlzIGVtcHR5IG9yIGxvbmdlciB0aGFuIGBNQVhfQkFUQ0hfREVEVUNUYC4AAAAAEEludmFsaWRCYXRjaFNpemUAAABvAAAAPWBpbml0aWFsX2JhbGFuY2VgIGV4Y2VlZHMgdGhlIFVTREMgdGhlIHZhdWx0J3MgYWRkcmVzcyBob2xkcy4AAAAAAAAYSW5pdGlhbEJhbGFuY2VOb3RDb3ZlcmVkAAAAcAAAAGBgbWluX2RlcG9zaXRgIG9yIGBtYXhfZGVkdWN0YCBpcyBub3QgcG9zaXRpdmUsIG9yIGBtYXhfYmF0Y2hgIGlzCm91dHNpZGUgMS4uPWBNQVhfQkFUQ0hfREVEVUNUYC4AAAANSW52YWxpZENvbmZpZwAAAAAAAHEAAABRQSB3aXRoZHJhd2FsLCBzd2VlcCwgZGVzdGluYXRpb24gb3IgY3JlZGl0ZWQgZGV2ZWxvcGVyIGVxdWFsIHRvIHRoZQp2YXVsdCBpdHNlbGYuAAAAAAAAEEludmFsaWRSZWNpcGllbnQAAAByAAAAN0FuIG9mZmVyaW5nIGlkIG9yIG1ldGFkYXRhIHN0cmluZyBpcyBlbXB0eSBvciB0b28gbG9uZy4AAAAAD0ludmFsaWRNZXRhZGF0YQAAAABzAAAAJkFuIGFjY3VtdWxhdGVkIGFtb3VudCBvdmVyZmxvd2VkIGkxMjguAAAAAAAIT3ZlcmZsb3cAAAB0AAAAFWBwYXVzZWAgd2hpbGUgcGF1c2VkLgAAAAAAAA1BbHJlYWR5UGF1c2VkAAAAAAAAdQAAABtgdW5wYXVzZWAgd2hpbGUgbm90IHBhdXNlZC4AAAAACU5vdFBhdXNlZAAAAAAAAHYAAABoVGhlIHNldHRsZW1lbnQgYWNjb3VudHMgaW4gYSBkaWZmZXJlbnQgdG9rZW4gdGhhbiB0aGlzIHZhdWx0LCBvciB0aGUKYWRkcmVzcyBpcyBub3QgYSBzZXR0bGVtZW50IGF0IGFsbC4AAAANVG9rZW5NaXNtYXRjaAAAAAAAAHcAAABrQSByZXF1ZXN0J3MgYHZhbGlkX3VudGlsX2xlZGdlcmAgaGFzIHBhc3NlZDogaXQgY2FuIG5vIGxvbmdlciBiZQpjaGFyZ2VkIChhbmQgYSByZXRyeSBvZiBpdCBuZXZlciB3aWxsIGJlKS4AAAAADlJlcXVlc3RFeHBpcmVkAAAAAAB4AAAAdWB2YWxpZF91bnRpbF9sZWRnZXJgIGxpZXMgbW9yZSB0aGFuIGBNQVhfUkVRVUVTVF9WQUxJRElUWWAgbGVkZ2VycwphaGVhZCAoZnVydGhlciB0aGFuIGl0cyByZXF1ZXN0IGlkIHdvdWxkIGJlIGtlcHQpLgAAAAAAAA9WYWxpZGl0eVRvb0xvbmcAAAAAeQAAAEdUaGUgZGVkdWN0IHdvdWxkIGV4Y2VlZCB0aGUgb3duZXIncyBzcGVuZCBsaW1pdCBmb3IgdGhlIGN1cnJlbnQgd2luZG93LgAAAAASU3BlbmRMaW1pdEV4Y2VlZGVkAAAAAAB6AAAAXEEgc3BlbmQgbGltaXQgd2l0aCBhIG5vbi1wb3NpdGl2ZSBhbW91bnQgb3IgYSBwZXJpb2Qgb3V0c2lkZQoxLi49YE1BWF9TUEVORF9QRVJJT0RgIGxlZGdlcnMuAAAAEUludmFsaWRTcGVuZExpbWl0AAAAAAAAewAAAGxUaGUgb3duZXIgbmFtZWQgYXMgYWRtaW4gKGNvbnN0cnVjdG9yIG9yIGhhbmRvdmVyKTogdGhlIGFkbWluIGlzIHRoZQpvcGVyYXRvciwgd2hvIGNob29zZXMgd2hlcmUgZGVkdWN0cyBnby4AAAAMQWRtaW5Jc093bmVyAAAAfAAAAEVBIGJhdGNoIGNyZWRpdHMgbW9yZSB0aGFuIGBNQVhfQkFUQ0hfREVWRUxPUEVSU2AgZGlzdGluY3QgZGV2ZWxvcGVycy4AAAAAAAARVG9vTWFueURldmVsb3BlcnMAAAAAAAB9AAAALGBzd2VlcGAgd2l0aCBubyB1bnRyYWNrZWQgVVNEQyBpbiB0aGUgdmF1bHQuAAAADk5vdGhpbmdUb1N3ZWVwAAAAAAB+AAAAqEEgYGJhdGNoX2RlZHVjdGAncyBjb2x1bW5zIGRpc2FncmVlOiBgYW1vdW50c2Agb3IgYGRldmVsb3Blcl9pbmRleGAKbm90IGFzIGxvbmcgYXMgYHJlcXVlc3RfaWRzYCwgYW4gaW5kZXggcGFzdCBgZGV2ZWxvcGVyc2AsIGEgZGV2ZWxvcGVyCmxpc3RlZCB0d2ljZSBvciBuZXZlciBjaGFyZ2VkLgAAAAxJbnZhbGlkQmF0Y2gAAAB/AAAAHFRoZSBjYWxsZXIgaXMgbm90IHRoZSBhZG1pbi4AAAAITm90QWRtaW4AAACWAAAAOWBhY2NlcHRfYWRtaW5gIChvciBhIGNhbmNlbGxhdGlvbikgd2l0aCBubyBwcm9wb3NhbCBvcGVuLgAAAAAAAA5Ob1BlbmRpbmdBZG1pbgAAAAAAlwAAABtUaGUgYWRtaW4gcHJvcG9zYWwgZXhwaXJlZC4AAAAAE1BlbmRpbmdBZG1pbkV4cGlyZWQAAAAAmAAAADtgYWNjZXB0X2FkbWluYCBieSBhbiBhZGRyZXNzIG90aGVyIHRoYW4gdGhlIHByb3Bvc2VkIGFkbWluLgAAAAAPTm90UGVuZGluZ0FkbWluAAAAAJkAAAA+YGxpdmVfdW50aWxfbGVkZ2VyYCBpcyBpbiB0aGUgcGFzdCBvciBtb3JlIHRoYW4gMzAgZGF5cyBhaGVhZC4AAAAAAA1JbnZhbGlkRXhwaXJ5AAAAAAAAmgAAADRgbWlncmF0ZWAgd2hlbiB0aGUgc3RvcmVkIHNjaGVtYSBpcyBhbHJlYWR5IGN1cnJlbnQuAAAAD0FscmVhZHlNaWdyYXRlZAAAAACbAAAATEEgY29uZmlndXJhdGlvbiBjaGFuZ2UgYmV0d2VlbiBgdXBncmFkZWAgYW5kIGBtaWdyYXRlYDogcnVuIGBtaWdyYXRlYApmaXJzdC4AAAAQTWlncmF0aW9uUGVuZGluZwAAAJw=",
        "AAAABQAAAFZUaGUgb3duZXIgc3dlcHQgYGFtb3VudGAgdW50cmFja2VkIFVTREMgKHNlbnQgdG8gdGhlIHZhdWx0IG91dHNpZGUKYGRlcG9zaXRgKSB0byBgdG9gLgAAAAAAAAAAAAVTd2VwdAAAAAAAAAEAAAAFc3dlcHQAAAAAAAACAAAAAAAAAAJ0bwAAAAAAEwAAAAEAAAAAAAAABmFtb3VudAAAAAAACwAAAAAAAAAC",
        "AAAABQAAAKZPbmUgbWV0ZXJlZCBgZGVkdWN0YCAoY29kZSB2ZXJzaW9uIDM7IGJhdGNoZXMgZW1pdCBgYmF0Y2hfZGVkdWN0YCkuCmBkZXZlbG9wZXJgIGlzIHRoZSBjcmVkaXRlZCBkZXZlbG9wZXIgKGBOb25lYCA9IHRoZSBwb29sKTsgYGJhbGFuY2VgIGlzCnRoZSB0cmFja2VkIGJhbGFuY2UgYWZ0ZXIuAAAAAAAAAAAABkRlZHVjdAAAAAAAAQAAAAZkZWR1Y3QAAAAAAAQAAAAAAAAACnJlcXVlc3RfaWQAAAAAABAAAAAAAAAAAAAAAAZhbW91bnQAAAAAAAsAAAAAAAAAAAAAAAlkZXZlbG9wZXIAAAAAAAPoAAAAEwAAAAAAAAAAAAAAB2JhbGFuY2UAAAAACwAAAAAAAAAC",
        "AAAABQAAACBEZXBvc2l0cyB3ZXJlIHBhdXNlZCBieSBgYWRtaW5gLgAAAAAAAAAGUGF1c2VkAAAAAAABAAAABnBhdXNlZAAAAAAAAQAAAAAAAAAFYWRtaW4AAAAAAAATAAAAAAAAAAI=",
        "AAAABQAAAEJgZnJvbWAgZGVwb3NpdGVkIGBhbW91bnRgOyBgYmFsYW5jZWAgaXMgdGhlIHRyYWNrZWQgYmFsYW5jZSBhZnRlci4AAAAAAAAAAAAHRGVwb3NpdAAAAAABAAAAB2RlcG9zaXQAAAAAAwAAAAAAAAAEZnJvbQAAABMAAAABAAAAAAAAAAZhbW91bnQAAAAAAAsAAAAAAAAAAAAAAAdiYWxhbmNlAAAAAAsAAAAAAAAAAg==",
        "AAAABQAAACFEZXBvc2l0cyB3ZXJlIHJlc3VtZWQgYnkgYGFkbWluYC4AAAAAAAAAAAAACFVucGF1c2VkAAAAAQAAAAh1bnBhdXNlZAAAAAEAAAAAAAAABWFkbWluAAAAAAAAEwAAAAAAAAAC",
        "AAAABQAAAExUaGUgb3duZXIgd2l0aGRyZXcgYGFtb3VudGAgdG8gYHRvYDsgYGJhbGFuY2VgIGlzIHRoZSB0cmFja2VkIGJhbGFuY2UgYWZ0ZXIuAAAAAAAAAAhXaXRoZHJhdwAAAAEAAAAId2l0aGRyYXcAAAADAAAAAAAAAAJ0bwAAAAAAEwAAAAEAAAAAAAAABmFtb3VudAAAAAAACwAAAAAAAAAAAAAAB2JhbGFuY2UAAAAACwAAAAAAAAAC",
        "AAAABQAAAbZPbmUgYGJhdGNoX2RlZHVjdGAgKGNvZGUgdmVyc2lvbiAzOyByZXBsYWNlcyB0aGUgcGVyLWl0ZW0gYGRlZHVjdGAKZXZlbnRzIG9mIGVhcmxpZXIgdmVyc2lvbnMpLiBgcmVxdWVzdF9pZGAgaXMgdGhlIGJhdGNoJ3MgaWQgKGl0cwppZGVtcG90ZW5jeSBrZXkpLiBDYWxsIGBpYCBjaGFyZ2VkIGBhbW91bnRzW2ldYCBmb3IgYHJlcXVlc3RfaWRzW2ldYCwKY3JlZGl0aW5nIGBkZXZlbG9wZXJzW2RldmVsb3Blcl9pbmRleFtpXV1gIChgTm9uZWAgPSB0aGUgc2V0dGxlbWVudCdzCnBvb2wpOyBgZGV2ZWxvcGVyc2AgbGlzdHMgZWFjaCBjcmVkaXRlZCBkZXN0aW5hdGlvbiBvbmNlLCBhcyB0aGUgYmFja2VuZApzZW50IHRoZW0uIGB0b3RhbGAgaXMgdGhlIHN1bSBvZiBgYW1vdW50c2A7IGBiYWxhbmNlYCBpcyB0aGUgdHJhY2tlZApiYWxhbmNlIGFmdGVyIHRoZSBiYXRjaC4AAAAAAAAAAAALQmF0Y2hEZWR1Y3QAAAAAAQAAAAxiYXRjaF9kZWR1Y3QAAAAHAAAAAAAAAApyZXF1ZXN0X2lkAAAAAAAQAAAAAAAAAAAAAAALcmVxdWVzdF9pZHMAAAAD6gAAABAAAAAAAAAAAAAAAAdhbW91bnRzAAAAA+oAAAALAAAAAAAAAAAAAAAPZGV2ZWxvcGVyX2luZGV4AAAAA+oAAAAEAAAAAAAAAAAAAAAKZGV2ZWxvcGVycwAAAAAD6gAAA+gAAAATAAAAAAAAAAAAAAAFdG90YWwAAAAAAAALAAAAAAAAAAAAAAAHYmFsYW5jZQAAAAALAAAAAAAAAAI=",
        "AAAABQAAABRgbWF4X2JhdGNoYCBjaGFuZ2VkLgAAAAAAAAALTWF4QmF0Y2hTZXQAAAAAAQAAAA1tYXhfYmF0Y2hfc2V0AAAAAAAAAQAAAAAAAAAJbWF4X2JhdGNoAAAAAAAABAAAAAAAAAAC",
        "AAAABQAAABpPZmZlcmluZyBtZXRhZGF0YSB3YXMgc2V0LgAAAAAAAAAAAAtNZXRhZGF0YVNldAAAAAABAAAADG1ldGFkYXRhX3NldAAAAAIAAAAAAAAAC29mZmVyaW5nX2lkAAAAABAAAAAAAAAAAAAAAAhtZXRhZGF0YQAAABAAAAAAAAAAAg==",
        "AAAABQAAAC5UaGUgb3duZXIgYWxsb3dlZCAob3IgZGlzYWxsb3dlZCkgYGRlcG9zaXRvcmAuAAAAAAAAAAAADERlcG9zaXRvclNldAAAAAEAAAANZGVwb3NpdG9yX3NldAAAAAAAAAIAAAAAAAAACWRlcG9zaXRvcgAAAAAAABMAAAABAAAAAAAAAAdhbGxvd2VkAAAAAAEAAAAAAAAAAg==",
        "AAAABQAAABVgbWF4X2RlZHVjdGAgY2hhbmdlZC4AAAAAAAAAAAAADE1heERlZHVjdFNldAAAAAEAAAAObWF4X2RlZHVjdF9zZXQAAAAAAAEAAAAAAAAACm1heF9kZWR1Y3QAAAAAAAsAAAAAAAAAAg==",
        "AAAABQAAABZgbWluX2RlcG9zaXRgIGNoYW5nZWQuAAAAAAAAAAAADU1pbkRlcG9zaXRTZXQAAAAAAAABAAAAD21pbl9kZXBvc2l0X3NldAAAAAABAAAAAAAAAAttaW5fZGVwb3NpdAAAAAALAAAAAAAAAAI=",
        "AAAABQAAADZUaGUgc2V0dGxlbWVudCBkZXN0aW5hdGlvbiBjaGFuZ2VkIChgTm9uZWAgPSBjbGVhcmVkKS4AAAAAAAAAAAANU2V0dGxlbWVudFNldAAAAAAAAAEAAAAOc2V0dGxlbWVudF9zZXQAAAAAAAEAAAAAAAAACnNldHRsZW1lbnQAAAAAA+gAAAATAAAAAAAAAAI=",
        "AAAABQAAADtUaGUgb3duZXIgc2V0IChgU29tZWApIG9yIHJlbW92ZWQgKGBOb25lYCkgdGhlIHNwZW5kIGxpbWl0LgAAAAAAAAAADVNwZW5kTGltaXRTZXQAAAAAAAABAAAAD3NwZW5kX2xpbWl0X3NldAAAAAABAAAAAAAAAAVsaW1pdAAAAAAAA+gAAAfQAAAAClNwZW5kTGltaXQAAAAAAAAAAAAC",
        "AAAABQAAADhUaGUgcmV2ZW51ZS1wb29sIGRlc3RpbmF0aW9uIGNoYW5nZWQgKGBOb25lYCA9IGNsZWFyZWQpLgAAAAAAAAAOUmV2ZW51ZVBvb2xTZXQAAAAAAAEAAAAQcmV2ZW51ZV9wb29sX3NldAAAAAEAAAAAAAAADHJldmVudWVfcG9vbAAAA+gAAAATAAAAAAAAAAI=",
        "AAAABQAAAIJUaGUgdmF1bHQgd2FzIGNvbnN0cnVjdGVkIGZvciBgb3duZXJgLCBhZG1pbmlzdGVyZWQgYnkgYGFkbWluYCAoY29kZQp2ZXJzaW9uIDMpLCB3aXRoIGBiYWxhbmNlYCBhbHJlYWR5IGhlbGQgKHJlZGVwbG95LW1pZ3JhdGlvbikuAAAAAAAAAAAAEFZhdWx0SW5pdGlhbGl6ZWQAAAABAAAAEXZhdWx0X2luaXRpYWxpemVkAAAAAAAABAAAAAAAAAAFb3duZXIAAAAAAAATAAAAAQAAAAAAAAAFYWRtaW4AAAAAAAATAAAAAAAAAAAAAAAKdXNkY190b2tlbgAAAAAAEwAAAAAAAAAAAAAAB2JhbGFuY2UAAAAACwAAAAAAAAAC",
        "AAAABQAAAChUaGUgYXV0aG9yaXplZCBjYWxsZXIgKGJhY2tlbmQpIGNoYW5nZWQuAAAAAAAAABNBdXRob3JpemVkQ2FsbGVyU2V0AAAAAAEAAAAVYXV0aG9yaXplZF9jYWxsZXJfc2V0AAAAAAAAAQAAAAAAAAARYXV0aG9yaXplZF9jYWxsZXIAAAAAAAPoAAAAEwAAAAAAAAAC",
        "AAAAAQAAAFRUaGUgb3duZXIncyBjYXAgb24gZGVkdWN0czogYXQgbW9zdCBgYW1vdW50YCBwZXIgd2luZG93IG9mCmBwZXJpb2RfbGVkZ2Vyc2AgbGVkZ2Vycy4AAAAAAAAAClNwZW5kTGltaXQAAAAAAAIAAAAAAAAABmFtb3VudAAAAAAACwAAAAAAAAAOcGVyaW9kX2xlZGdlcnMAAAAAAAQ=",
        "AAAAAQAAAI1UaGUgY3VycmVudCBzcGVuZCB3aW5kb3c6IGl0IG9wZW5lZCBhdCBgc3RhcnRfbGVkZ2VyYCAodGhlIGZpcnN0IGRlZHVjdAphZnRlciB0aGUgcHJldmlvdXMgd2luZG93IGVuZGVkKSBhbmQgYHNwZW50YCBoYXMgYmVlbiBkZWR1Y3RlZCBpbiBpdC4AAAAAAAAAAAAAC1NwZW5kV2luZG93AAAAAAIAAAAAAAAABXNwZW50AAAAAAAACwAAAAAAAAAMc3RhcnRfbGVkZ2VyAAAABA==",
        "AAAAAQAAAGVBbiBhZG1pbiBoYW5kb3ZlciBpbiBwcm9ncmVzczogYGFkZHJlc3NgIG1heSBhY2NlcHQgdW50aWwgKGFuZCBpbmNsdWRpbmcpCmxlZGdlciBgbGl2ZV91bnRpbF9sZWRnZXJgLgAAAAAAAAAAAAAMUGVuZGluZ0FkbWluAAAAAgAAAAAAAAAHYWRkcmVzcwAAAAATAAAAAAAAABFsaXZlX3VudGlsX2xlZGdlcgAAAAAAAAQ=",
        "AAAABQAAADxTdG9yZWQgZGF0YSB3YXMgbWlncmF0ZWQgZnJvbSBzY2hlbWEgdmVyc2lvbiBgZnJvbWAgdG8gYHRvYC4AAAAAAAAACE1pZ3JhdGVkAAAAAQAAAAhtaWdyYXRlZAAAAAIAAAAAAAAABGZyb20AAAAEAAAAAAAAAAAAAAACdG8AAAAAAAQAAAAAAAAAAg==",
        "AAAABQAAAKpUaGUgY29udHJhY3QncyBjb2RlIHdhcyByZXBsYWNlZCBieSBgbmV3X3dhc21faGFzaGA7IGBmcm9tX3ZlcnNpb25gIGlzIHRoZQpjb2RlIHZlcnNpb24gKGB2ZXJzaW9uKClgKSB0aGF0IHJhbiB0aGUgdXBncmFkZS4gSW5kZXhlcnMgcGluIGEgZGVjb2RlcgpjdXQtb3ZlciBvbiB0aGlzIGV2ZW50LgAAAAAAAAAAAAhVcGdyYWRlZAAAAAEAAAAIdXBncmFkZWQAAAACAAAAAAAAAA1uZXdfd2FzbV9oYXNoAAAAAAAD7gAAACAAAAAAAAAAAAAAAAxmcm9tX3ZlcnNpb24AAAAEAAAAAAAAAAI=",
        "AAAABQAAADRgYWRtaW5gIGFjY2VwdGVkIHRoZSBoYW5kb3ZlciBmcm9tIGBwcmV2aW91c19hZG1pbmAuAAAAAAAAAA1BZG1pbkFjY2VwdGVkAAAAAAAAAQAAAA5hZG1pbl9hY2NlcHRlZAAAAAAAAgAAAAAAAAAFYWRtaW4AAAAAAAATAAAAAQAAAAAAAAAOcHJldmlvdXNfYWRtaW4AAAAAABMAAAAAAAAAAg==",
        "AAAABQAAAIpUaGUgYWRtaW4gcHJvcG9zZWQgYHBlbmRpbmdfYWRtaW5gIGFzIHRoZSBuZXh0IGFkbWluLCBhY2NlcHRhYmxlIHRocm91Z2gKbGVkZ2VyIGBsaXZlX3VudGlsX2xlZGdlcmAgKDAgPSB0aGUgb3BlbiBwcm9wb3NhbCB3YXMgY2FuY2VsbGVkKS4AAAAAAAAAAAANQWRtaW5Qcm9wb3NlZAAAAAAAAAEAAAAOYWRtaW5fcHJvcG9zZWQAAAAAAAMAAAAAAAAABWFkbWluAAAAAAAAEwAAAAEAAAAAAAAADXBlbmRpbmdfYWRtaW4AAAAAAAATAAAAAAAAAAAAAAARbGl2ZV91bnRpbF9sZWRnZXIAAAAAAAAEAAAAAAAAAAI=" ]),
      options
    )
  }
  public readonly fromJSON = {
    pause: this.txFromJSON<Result<void>>,
        sweep: this.txFromJSON<Result<i128>>,
        deduct: this.txFromJSON<Result<i128>>,
        balance: this.txFromJSON<i128>,
        deposit: this.txFromJSON<Result<i128>>,
        migrate: this.txFromJSON<Result<void>>,
        unpause: this.txFromJSON<Result<void>>,
        upgrade: this.txFromJSON<Result<void>>,
        version: this.txFromJSON<u32>,
        get_meta: this.txFromJSON<VaultMeta>,
        withdraw: this.txFromJSON<Result<i128>>,
        get_admin: this.txFromJSON<string>,
        is_paused: this.txFromJSON<boolean>,
        set_admin: this.txFromJSON<Result<void>>,
        withdraw_to: this.txFromJSON<Result<i128>>,
        accept_admin: this.txFromJSON<Result<void>>,
        batch_deduct: this.txFromJSON<Result<i128>>,
        get_metadata: this.txFromJSON<Option<string>>,
        set_metadata: this.txFromJSON<Result<void>>,
        get_max_batch: this.txFromJSON<u32>,
        set_max_batch: this.txFromJSON<Result<void>>,
        get_max_deduct: this.txFromJSON<i128>,
        get_settlement: this.txFromJSON<Option<string>>,
        get_usdc_token: this.txFromJSON<string>,
        schema_version: this.txFromJSON<u32>,
        set_max_deduct: this.txFromJSON<Result<void>>,
        set_settlement: this.txFromJSON<Result<void>>,
        get_spend_limit: this.txFromJSON<Option<SpendLimit>>,
        set_min_deposit: this.txFromJSON<Result<void>>,
        set_spend_limit: this.txFromJSON<Result<void>>,
        get_revenue_pool: this.txFromJSON<Option<string>>,
        get_spend_window: this.txFromJSON<Option<SpendWindow>>,
        set_revenue_pool: this.txFromJSON<Result<void>>,
        get_pending_admin: this.txFromJSON<Option<PendingAdmin>>,
        is_allowed_depositor: this.txFromJSON<boolean>,
        is_request_processed: this.txFromJSON<boolean>,
        set_allowed_depositor: this.txFromJSON<Result<void>>,
        set_authorized_caller: this.txFromJSON<Result<void>>
  }
}