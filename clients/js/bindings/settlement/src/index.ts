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
 * Every way a settlement call can fail. Codes 300–399 (see
 * `callora_types::errors`).
 */
export const SettlementError = {
  /**
   * An amount is zero or negative.
   */
  300: {message:"InvalidAmount"},
  /**
   * The caller is not a registered vault.
   */
  301: {message:"NotVault"},
  /**
   * A withdrawal exceeds the developer's balance.
   */
  302: {message:"InsufficientBalance"},
  /**
   * `to_pool` and `developer` disagree (pool payment naming a developer,
   * or a developer payment naming none).
   */
  303: {message:"InvalidPayment"},
  /**
   * A batch or import is empty or longer than its maximum.
   */
  304: {message:"InvalidBatchSize"},
  /**
   * A page `limit` of 0 or above `MAX_PAGE_SIZE`.
   */
  305: {message:"InvalidLimit"},
  /**
   * An import is not covered by USDC the contract holds.
   */
  306: {message:"ImportNotBacked"},
  /**
   * An accumulated amount overflowed i128.
   */
  307: {message:"Overflow"},
  /**
   * A pool distribution exceeds the global pool.
   */
  308: {message:"InsufficientPool"},
  /**
   * A payout, registration, predecessor or successor naming the
   * settlement itself, or a credit to the settlement or a registered vault
   * (neither could ever withdraw it).
   */
  309: {message:"InvalidRecipient"},
  /**
   * The settlement was retired (its funds moved to a successor).
   */
  310: {message:"Retired"},
  /**
   * The predecessor or successor accounts in a different token, or is not
   * a settlement.
   */
  311: {message:"TokenMismatch"},
  /**
   * `retire` to an address that has not named this settlement as its
   * predecessor (or is not a settlement on the same token).
   */
  312: {message:"SuccessorNotAccepted"},
  /**
   * `import_balances` with no predecessor set.
   */
  313: {message:"NoPredecessor"},
  /**
   * `set_predecessor` when one is already set.
   */
  314: {message:"PredecessorAlreadySet"},
  /**
   * `import_balances` before the predecessor retired in favour of this
   * settlement (its balances could still change).
   */
  315: {message:"PredecessorNotRetired"},
  /**
   * `retire` or `book_untracked` while the predecessor's balances are not
   * all imported (its USDC would be booked twice or lost).
   */
  316: {message:"ImportPending"},
  /**
   * `book_untracked` with no untracked USDC.
   */
  317: {message:"NothingToBook"},
  /**
   * The caller is not the admin.
   */
  350: {message:"NotAdmin"},
  /**
   * `accept_admin` (or a cancellation) with no proposal open.
   */
  351: {message:"NoPendingAdmin"},
  /**
   * The admin proposal expired.
   */
  352: {message:"PendingAdminExpired"},
  /**
   * `accept_admin` by an address other than the proposed admin.
   */
  353: {message:"NotPendingAdmin"},
  /**
   * `live_until_ledger` is in the past or more than 30 days ahead.
   */
  354: {message:"InvalidExpiry"},
  /**
   * `migrate` when the stored schema is already current.
   */
  355: {message:"AlreadyMigrated"}
}












/**
 * One payment in a `batch_distribute` (revenue pool) or an `import_balances`
 * (settlement) call.
 */
export interface Payment {
  amount: i128;
  to: string;
}


/**
 * The settlement's global pool: USDC paid in without a developer, which the
 * admin distributes.
 */
export interface GlobalPool {
  /**
 * Ledger timestamp (seconds) of the last change.
 */
last_updated: u64;
  total_balance: i128;
}


/**
 * An admin handover in progress: `address` may accept until (and including)
 * ledger `live_until_ledger`.
 */
export interface PendingAdmin {
  address: string;
  live_until_ledger: u32;
}


/**
 * A developer and the balance the settlement holds for them.
 */
export interface DeveloperBalance {
  balance: i128;
  developer: string;
}





export interface Client {
  /**
   * Construct and simulate a retire transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Redeploy-migration, on the old settlement: moves every unit of USDC
   * it holds to `successor` and retires this one. `successor` must be a
   * settlement on the same token that named this one as its predecessor
   * (`set_predecessor`). From then on payments in, withdrawals, pool
   * distributions and imports are refused, while every view keeps
   * answering so the successor can import the balances. Re-point the
   * vaults first. Returns the amount moved.
   * 
   * # Authorization
   * `caller`, which must be the admin.
   * 
   * # Errors
   * [`SettlementError::NotAdmin`], [`SettlementError::Retired`],
   * [`SettlementError::InvalidRecipient`] (the settlement itself),
   * [`SettlementError::ImportPending`] (this settlement's own import is
   * unfinished), [`SettlementError::SuccessorNotAccepted`] (not a
   * settlement on our token that named us, or already retired itself).
   * 
   * # Events
   * `retired`.
   */
  retire: ({caller, successor}: {caller: string, successor: string}, options?: MethodOptions) => Promise<AssembledTransaction<Result<i128>>>

  /**
   * Construct and simulate a migrate transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Brings stored data to this code's schema version; runs once per
   * version.
   * 
   * # Authorization
   * `caller`, which must be the admin.
   * 
   * # Errors
   * [`SettlementError::NotAdmin`], [`SettlementError::AlreadyMigrated`].
   * 
   * # Events
   * `migrated`.
   */
  migrate: ({caller}: {caller: string}, options?: MethodOptions) => Promise<AssembledTransaction<Result<void>>>

  /**
   * Construct and simulate a upgrade transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Replaces this contract's code with the uploaded WASM `new_wasm_hash`
   * (effective when this call returns); call `migrate` next.
   * 
   * # Authorization
   * `caller`, which must be the admin.
   * 
   * # Errors
   * [`SettlementError::NotAdmin`].
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
   * Construct and simulate a is_vault transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Whether `vault` may pay in.
   * 
   * # Authorization
   * None (a view).
   */
  is_vault: ({vault}: {vault: string}, options?: MethodOptions) => Promise<AssembledTransaction<boolean>>

  /**
   * Construct and simulate a withdraw transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * `developer` withdraws `amount` of their balance as USDC.
   * 
   * # Authorization
   * `developer`.
   * 
   * # Errors
   * [`SettlementError::Retired`], [`SettlementError::InvalidAmount`],
   * [`SettlementError::InsufficientBalance`].
   * 
   * # Events
   * `developer_withdrawal`.
   */
  withdraw: ({developer, amount}: {developer: string, amount: i128}, options?: MethodOptions) => Promise<AssembledTransaction<Result<void>>>

  /**
   * Construct and simulate a get_admin transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The admin.
   * 
   * # Authorization
   * None (a view).
   */
  get_admin: (options?: MethodOptions) => Promise<AssembledTransaction<string>>

  /**
   * Construct and simulate a set_admin transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Proposes `new_admin`, who must accept on or before ledger
   * `live_until_ledger` (at most 30 days ahead; 0 cancels the proposal).
   * 
   * # Authorization
   * `caller`, which must be the admin.
   * 
   * # Errors
   * [`SettlementError::NotAdmin`], [`SettlementError::InvalidExpiry`], [`SettlementError::NoPendingAdmin`].
   * 
   * # Events
   * `admin_proposed`.
   */
  set_admin: ({caller, new_admin, live_until_ledger}: {caller: string, new_admin: string, live_until_ledger: u32}, options?: MethodOptions) => Promise<AssembledTransaction<Result<void>>>

  /**
   * Construct and simulate a set_vault transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Registers (`allowed`) or deregisters a vault.
   * 
   * # Authorization
   * `caller`, which must be the admin.
   * 
   * # Errors
   * [`SettlementError::NotAdmin`], [`SettlementError::InvalidRecipient`]
   * (the settlement itself).
   * 
   * # Events
   * `vault_set`.
   */
  set_vault: ({caller, vault, allowed}: {caller: string, vault: string, allowed: boolean}, options?: MethodOptions) => Promise<AssembledTransaction<Result<void>>>

  /**
   * Construct and simulate a accept_admin transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The proposed admin accepts and becomes the admin.
   * 
   * # Authorization
   * `caller`, which must be the proposed admin.
   * 
   * # Errors
   * [`SettlementError::NoPendingAdmin`], [`SettlementError::NotPendingAdmin`], [`SettlementError::PendingAdminExpired`].
   * 
   * # Events
   * `admin_accepted`.
   */
  accept_admin: ({caller}: {caller: string}, options?: MethodOptions) => Promise<AssembledTransaction<Result<void>>>

  /**
   * Construct and simulate a extend_index transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Maintenance after an upgrade from schema 1: records the pagination
   * index of developers credited before code version 3 (so later credits
   * keep their `DeveloperAt` entry alive) and extends the index entries
   * of `start..start + limit` (`limit` 1..=`MAX_PAGE_SIZE`). Moves no
   * money and changes no balance, so anyone may call it. Returns how many
   * index entries were recorded.
   * 
   * # Authorization
   * None.
   * 
   * # Errors
   * [`SettlementError::InvalidLimit`].
   */
  extend_index: ({start, limit}: {start: u32, limit: u32}, options?: MethodOptions) => Promise<AssembledTransaction<Result<u32>>>

  /**
   * Construct and simulate a get_successor transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The settlement this one was retired in favour of, if any.
   * 
   * # Authorization
   * None (a view).
   */
  get_successor: (options?: MethodOptions) => Promise<AssembledTransaction<Option<string>>>

  /**
   * Construct and simulate a book_untracked transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The admin books USDC the settlement holds beyond everything it
   * accounts for (sent to it outside its calls) into the global pool.
   * Returns the amount booked.
   * 
   * # Authorization
   * `caller`, which must be the admin.
   * 
   * # Errors
   * [`SettlementError::NotAdmin`], [`SettlementError::Retired`],
   * [`SettlementError::ImportPending`], [`SettlementError::NothingToBook`],
   * [`SettlementError::Overflow`].
   * 
   * # Events
   * `untracked_booked`.
   */
  book_untracked: ({caller}: {caller: string}, options?: MethodOptions) => Promise<AssembledTransaction<Result<i128>>>

  /**
   * Construct and simulate a get_usdc_token transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The USDC token the settlement accounts in.
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
   * Construct and simulate a distribute_pool transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The admin pays `amount` from the global pool to `to`.
   * 
   * # Authorization
   * `caller`, which must be the admin.
   * 
   * # Errors
   * [`SettlementError::NotAdmin`], [`SettlementError::Retired`],
   * [`SettlementError::InvalidAmount`], [`SettlementError::InvalidRecipient`],
   * [`SettlementError::InsufficientPool`].
   * 
   * # Events
   * `pool_distributed`.
   */
  distribute_pool: ({caller, to, amount}: {caller: string, to: string, amount: i128}, options?: MethodOptions) => Promise<AssembledTransaction<Result<void>>>

  /**
   * Construct and simulate a get_global_pool transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The global pool (total and ledger timestamp of the last change).
   * 
   * # Authorization
   * None (a view).
   */
  get_global_pool: (options?: MethodOptions) => Promise<AssembledTransaction<GlobalPool>>

  /**
   * Construct and simulate a get_predecessor transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The settlement this one takes over from, if any.
   * 
   * # Authorization
   * None (a view).
   */
  get_predecessor: (options?: MethodOptions) => Promise<AssembledTransaction<Option<string>>>

  /**
   * Construct and simulate a import_balances transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Redeploy-migration, on the new settlement: imports the next page of
   * at most `limit` (1..=`MAX_IMPORT`) of the retired predecessor's
   * developer balances, read from the predecessor, and with the first
   * page its global pool. Each index is imported once, so a retry after a
   * time-out books nothing twice. An entry whose developer could never
   * withdraw here (this settlement or a registered vault) is booked into
   * the pool. Refused unless the USDC held covers everything booked.
   * Returns how many entries this call consumed (0 = all imported).
   * 
   * # Authorization
   * `caller`, which must be the admin.
   * 
   * # Errors
   * [`SettlementError::NotAdmin`], [`SettlementError::Retired`],
   * [`SettlementError::InvalidBatchSize`] (`limit`),
   * [`SettlementError::NoPredecessor`],
   * [`SettlementError::PredecessorNotRetired`],
   * [`SettlementError::ImportNotBacked`],
   * [`SettlementError::Overflow`].
   * 
   * # Events
   * `balances_imported` (when anything was imported).
   */
  import_balances: ({caller, limit}: {caller: string, limit: u32}, options?: MethodOptions) => Promise<AssembledTransaction<Result<u32>>>

  /**
   * Construct and simulate a receive_payment transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * A registered vault (`caller`) pays `amount`: the settlement pulls the
   * USDC from the vault, then credits the global pool (`to_pool`, no
   * `developer`) or `developer` (`!to_pool`).
   * 
   * # Authorization
   * `caller`, which must be a registered vault.
   * 
   * # Errors
   * [`SettlementError::Retired`], [`SettlementError::NotVault`],
   * [`SettlementError::InvalidAmount`], [`SettlementError::InvalidPayment`],
   * [`SettlementError::InvalidRecipient`] (`developer` is the settlement
   * or a registered vault), [`SettlementError::Overflow`].
   * 
   * # Events
   * `pool_credited` or `developer_credited`.
   */
  receive_payment: ({caller, amount, to_pool, developer}: {caller: string, amount: i128, to_pool: boolean, developer: Option<string>}, options?: MethodOptions) => Promise<AssembledTransaction<Result<void>>>

  /**
   * Construct and simulate a set_predecessor transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Redeploy-migration, on the new settlement: names `predecessor`, the
   * settlement this one takes over from. Only then can the predecessor
   * `retire` in its favour. Set once.
   * 
   * # Authorization
   * `caller`, which must be the admin.
   * 
   * # Errors
   * [`SettlementError::NotAdmin`], [`SettlementError::Retired`] (this
   * settlement, or the predecessor already retired elsewhere),
   * [`SettlementError::PredecessorAlreadySet`],
   * [`SettlementError::InvalidRecipient`] (the settlement itself),
   * [`SettlementError::TokenMismatch`].
   * 
   * # Events
   * `predecessor_set`.
   */
  set_predecessor: ({caller, predecessor}: {caller: string, predecessor: string}, options?: MethodOptions) => Promise<AssembledTransaction<Result<void>>>

  /**
   * Construct and simulate a receive_payments transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Batch form of `receive_payment` for `batch_deduct`: pulls
   * `pool_amount` + the sum of `credits` in one transfer, credits the pool
   * with `pool_amount` (may be 0) and each credit's developer (`to`).
   * 
   * # Authorization
   * `caller`, which must be a registered vault.
   * 
   * # Errors
   * [`SettlementError::Retired`], [`SettlementError::NotVault`],
   * [`SettlementError::InvalidBatchSize`] (more than `MAX_BATCH_CREDITS`),
   * [`SettlementError::InvalidAmount`] (negative pool amount, non-positive
   * credit, or nothing to pay), [`SettlementError::InvalidRecipient`],
   * [`SettlementError::Overflow`].
   * 
   * # Events
   * `pool_credited` (when `pool_amount` > 0), then one `developer_credited`
   * per credit.
   */
  receive_payments: ({caller, pool_amount, credits}: {caller: string, pool_amount: i128, credits: Array<Payment>}, options?: MethodOptions) => Promise<AssembledTransaction<Result<void>>>

  /**
   * Construct and simulate a get_import_cursor transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The predecessor index the next `import_balances` starts at.
   * 
   * # Authorization
   * None (a view).
   */
  get_import_cursor: (options?: MethodOptions) => Promise<AssembledTransaction<u32>>

  /**
   * Construct and simulate a get_pending_admin transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The admin proposal awaiting acceptance, if any.
   * 
   * # Authorization
   * None (a view).
   */
  get_pending_admin: (options?: MethodOptions) => Promise<AssembledTransaction<Option<PendingAdmin>>>

  /**
   * Construct and simulate a get_developer_count transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * How many developers were ever credited (the pagination length).
   * 
   * # Authorization
   * None (a view).
   */
  get_developer_count: (options?: MethodOptions) => Promise<AssembledTransaction<u32>>

  /**
   * Construct and simulate a get_developer_total transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Sum of all developer balances.
   * 
   * # Authorization
   * None (a view).
   */
  get_developer_total: (options?: MethodOptions) => Promise<AssembledTransaction<i128>>

  /**
   * Construct and simulate a get_developer_balance transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * `developer`'s withdrawable balance (0 if never credited).
   * 
   * # Authorization
   * None (a view).
   */
  get_developer_balance: ({developer}: {developer: string}, options?: MethodOptions) => Promise<AssembledTransaction<i128>>

  /**
   * Construct and simulate a get_developer_balances transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Developers in order of first credit, from index `start`, at most
   * `limit` (1..=`MAX_PAGE_SIZE`) of them. An empty page means the end.
   * 
   * # Authorization
   * None (a view).
   * 
   * # Errors
   * [`SettlementError::InvalidLimit`].
   */
  get_developer_balances: ({start, limit}: {start: u32, limit: u32}, options?: MethodOptions) => Promise<AssembledTransaction<Result<Array<DeveloperBalance>>>>

}
export class Client extends ContractClient {
  static async deploy<T = Client>(
        /** Constructor/Initialization Args for the contract's `__constructor` method */
        {admin, usdc_token, vault}: {admin: string, usdc_token: string, vault: Option<string>},
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
    return ContractClient.deploy({admin, usdc_token, vault}, options)
  }
  constructor(public readonly options: ContractClientOptions) {
    super(
      new ContractSpec([ "AAAAAAAAA0dSZWRlcGxveS1taWdyYXRpb24sIG9uIHRoZSBvbGQgc2V0dGxlbWVudDogbW92ZXMgZXZlcnkgdW5pdCBvZiBVU0RDCml0IGhvbGRzIHRvIGBzdWNjZXNzb3JgIGFuZCByZXRpcmVzIHRoaXMgb25lLiBgc3VjY2Vzc29yYCBtdXN0IGJlIGEKc2V0dGxlbWVudCBvbiB0aGUgc2FtZSB0b2tlbiB0aGF0IG5hbWVkIHRoaXMgb25lIGFzIGl0cyBwcmVkZWNlc3NvcgooYHNldF9wcmVkZWNlc3NvcmApLiBGcm9tIHRoZW4gb24gcGF5bWVudHMgaW4sIHdpdGhkcmF3YWxzLCBwb29sCmRpc3RyaWJ1dGlvbnMgYW5kIGltcG9ydHMgYXJlIHJlZnVzZWQsIHdoaWxlIGV2ZXJ5IHZpZXcga2VlcHMKYW5zd2VyaW5nIHNvIHRoZSBzdWNjZXNzb3IgY2FuIGltcG9ydCB0aGUgYmFsYW5jZXMuIFJlLXBvaW50IHRoZQp2YXVsdHMgZmlyc3QuIFJldHVybnMgdGhlIGFtb3VudCBtb3ZlZC4KCiMgQXV0aG9yaXphdGlvbgpgY2FsbGVyYCwgd2hpY2ggbXVzdCBiZSB0aGUgYWRtaW4uCgojIEVycm9ycwpbYFNldHRsZW1lbnRFcnJvcjo6Tm90QWRtaW5gXSwgW2BTZXR0bGVtZW50RXJyb3I6OlJldGlyZWRgXSwKW2BTZXR0bGVtZW50RXJyb3I6OkludmFsaWRSZWNpcGllbnRgXSAodGhlIHNldHRsZW1lbnQgaXRzZWxmKSwKW2BTZXR0bGVtZW50RXJyb3I6OkltcG9ydFBlbmRpbmdgXSAodGhpcyBzZXR0bGVtZW50J3Mgb3duIGltcG9ydCBpcwp1bmZpbmlzaGVkKSwgW2BTZXR0bGVtZW50RXJyb3I6OlN1Y2Nlc3Nvck5vdEFjY2VwdGVkYF0gKG5vdCBhCnNldHRsZW1lbnQgb24gb3VyIHRva2VuIHRoYXQgbmFtZWQgdXMsIG9yIGFscmVhZHkgcmV0aXJlZCBpdHNlbGYpLgoKIyBFdmVudHMKYHJldGlyZWRgLgAAAAAGcmV0aXJlAAAAAAACAAAAAAAAAAZjYWxsZXIAAAAAABMAAAAAAAAACXN1Y2Nlc3NvcgAAAAAAABMAAAABAAAD6QAAAAsAAAfQAAAAD1NldHRsZW1lbnRFcnJvcgA=",
        "AAAAAAAAAOFCcmluZ3Mgc3RvcmVkIGRhdGEgdG8gdGhpcyBjb2RlJ3Mgc2NoZW1hIHZlcnNpb247IHJ1bnMgb25jZSBwZXIKdmVyc2lvbi4KCiMgQXV0aG9yaXphdGlvbgpgY2FsbGVyYCwgd2hpY2ggbXVzdCBiZSB0aGUgYWRtaW4uCgojIEVycm9ycwpbYFNldHRsZW1lbnRFcnJvcjo6Tm90QWRtaW5gXSwgW2BTZXR0bGVtZW50RXJyb3I6OkFscmVhZHlNaWdyYXRlZGBdLgoKIyBFdmVudHMKYG1pZ3JhdGVkYC4AAAAAAAAHbWlncmF0ZQAAAAABAAAAAAAAAAZjYWxsZXIAAAAAABMAAAABAAAD6QAAAAIAAAfQAAAAD1NldHRsZW1lbnRFcnJvcgA=",
        "AAAAAAAAAPBSZXBsYWNlcyB0aGlzIGNvbnRyYWN0J3MgY29kZSB3aXRoIHRoZSB1cGxvYWRlZCBXQVNNIGBuZXdfd2FzbV9oYXNoYAooZWZmZWN0aXZlIHdoZW4gdGhpcyBjYWxsIHJldHVybnMpOyBjYWxsIGBtaWdyYXRlYCBuZXh0LgoKIyBBdXRob3JpemF0aW9uCmBjYWxsZXJgLCB3aGljaCBtdXN0IGJlIHRoZSBhZG1pbi4KCiMgRXJyb3JzCltgU2V0dGxlbWVudEVycm9yOjpOb3RBZG1pbmBdLgoKIyBFdmVudHMKYHVwZ3JhZGVkYC4AAAAHdXBncmFkZQAAAAACAAAAAAAAAAZjYWxsZXIAAAAAABMAAAAAAAAADW5ld193YXNtX2hhc2gAAAAAAAPuAAAAIAAAAAEAAAPpAAAAAgAAB9AAAAAPU2V0dGxlbWVudEVycm9yAA==",
        "AAAAAAAAADpDb2RlIHZlcnNpb24gb2YgdGhpcyBXQVNNLgoKIyBBdXRob3JpemF0aW9uCk5vbmUgKGEgdmlldykuAAAAAAAHdmVyc2lvbgAAAAAAAAAAAQAAAAQ=",
        "AAAAAAAAADtXaGV0aGVyIGB2YXVsdGAgbWF5IHBheSBpbi4KCiMgQXV0aG9yaXphdGlvbgpOb25lIChhIHZpZXcpLgAAAAAIaXNfdmF1bHQAAAABAAAAAAAAAAV2YXVsdAAAAAAAABMAAAABAAAAAQ==",
        "AAAAAAAAAO5gZGV2ZWxvcGVyYCB3aXRoZHJhd3MgYGFtb3VudGAgb2YgdGhlaXIgYmFsYW5jZSBhcyBVU0RDLgoKIyBBdXRob3JpemF0aW9uCmBkZXZlbG9wZXJgLgoKIyBFcnJvcnMKW2BTZXR0bGVtZW50RXJyb3I6OlJldGlyZWRgXSwgW2BTZXR0bGVtZW50RXJyb3I6OkludmFsaWRBbW91bnRgXSwKW2BTZXR0bGVtZW50RXJyb3I6Okluc3VmZmljaWVudEJhbGFuY2VgXS4KCiMgRXZlbnRzCmBkZXZlbG9wZXJfd2l0aGRyYXdhbGAuAAAAAAAId2l0aGRyYXcAAAACAAAAAAAAAAlkZXZlbG9wZXIAAAAAAAATAAAAAAAAAAZhbW91bnQAAAAAAAsAAAABAAAD6QAAAAIAAAfQAAAAD1NldHRsZW1lbnRFcnJvcgA=",
        "AAAAAAAAACpUaGUgYWRtaW4uCgojIEF1dGhvcml6YXRpb24KTm9uZSAoYSB2aWV3KS4AAAAAAAlnZXRfYWRtaW4AAAAAAAAAAAAAAQAAABM=",
        "AAAAAAAAAUBQcm9wb3NlcyBgbmV3X2FkbWluYCwgd2hvIG11c3QgYWNjZXB0IG9uIG9yIGJlZm9yZSBsZWRnZXIKYGxpdmVfdW50aWxfbGVkZ2VyYCAoYXQgbW9zdCAzMCBkYXlzIGFoZWFkOyAwIGNhbmNlbHMgdGhlIHByb3Bvc2FsKS4KCiMgQXV0aG9yaXphdGlvbgpgY2FsbGVyYCwgd2hpY2ggbXVzdCBiZSB0aGUgYWRtaW4uCgojIEVycm9ycwpbYFNldHRsZW1lbnRFcnJvcjo6Tm90QWRtaW5gXSwgW2BTZXR0bGVtZW50RXJyb3I6OkludmFsaWRFeHBpcnlgXSwgW2BTZXR0bGVtZW50RXJyb3I6Ok5vUGVuZGluZ0FkbWluYF0uCgojIEV2ZW50cwpgYWRtaW5fcHJvcG9zZWRgLgAAAAlzZXRfYWRtaW4AAAAAAAADAAAAAAAAAAZjYWxsZXIAAAAAABMAAAAAAAAACW5ld19hZG1pbgAAAAAAABMAAAAAAAAAEWxpdmVfdW50aWxfbGVkZ2VyAAAAAAAABAAAAAEAAAPpAAAAAgAAB9AAAAAPU2V0dGxlbWVudEVycm9yAA==",
        "AAAAAAAAAOBSZWdpc3RlcnMgKGBhbGxvd2VkYCkgb3IgZGVyZWdpc3RlcnMgYSB2YXVsdC4KCiMgQXV0aG9yaXphdGlvbgpgY2FsbGVyYCwgd2hpY2ggbXVzdCBiZSB0aGUgYWRtaW4uCgojIEVycm9ycwpbYFNldHRsZW1lbnRFcnJvcjo6Tm90QWRtaW5gXSwgW2BTZXR0bGVtZW50RXJyb3I6OkludmFsaWRSZWNpcGllbnRgXQoodGhlIHNldHRsZW1lbnQgaXRzZWxmKS4KCiMgRXZlbnRzCmB2YXVsdF9zZXRgLgAAAAlzZXRfdmF1bHQAAAAAAAADAAAAAAAAAAZjYWxsZXIAAAAAABMAAAAAAAAABXZhdWx0AAAAAAAAEwAAAAAAAAAHYWxsb3dlZAAAAAABAAAAAQAAA+kAAAACAAAH0AAAAA9TZXR0bGVtZW50RXJyb3IA",
        "AAAAAAAAAQlUaGUgcHJvcG9zZWQgYWRtaW4gYWNjZXB0cyBhbmQgYmVjb21lcyB0aGUgYWRtaW4uCgojIEF1dGhvcml6YXRpb24KYGNhbGxlcmAsIHdoaWNoIG11c3QgYmUgdGhlIHByb3Bvc2VkIGFkbWluLgoKIyBFcnJvcnMKW2BTZXR0bGVtZW50RXJyb3I6Ok5vUGVuZGluZ0FkbWluYF0sIFtgU2V0dGxlbWVudEVycm9yOjpOb3RQZW5kaW5nQWRtaW5gXSwgW2BTZXR0bGVtZW50RXJyb3I6OlBlbmRpbmdBZG1pbkV4cGlyZWRgXS4KCiMgRXZlbnRzCmBhZG1pbl9hY2NlcHRlZGAuAAAAAAAADGFjY2VwdF9hZG1pbgAAAAEAAAAAAAAABmNhbGxlcgAAAAAAEwAAAAEAAAPpAAAAAgAAB9AAAAAPU2V0dGxlbWVudEVycm9yAA==",
        "AAAAAAAAAbRNYWludGVuYW5jZSBhZnRlciBhbiB1cGdyYWRlIGZyb20gc2NoZW1hIDE6IHJlY29yZHMgdGhlIHBhZ2luYXRpb24KaW5kZXggb2YgZGV2ZWxvcGVycyBjcmVkaXRlZCBiZWZvcmUgY29kZSB2ZXJzaW9uIDMgKHNvIGxhdGVyIGNyZWRpdHMKa2VlcCB0aGVpciBgRGV2ZWxvcGVyQXRgIGVudHJ5IGFsaXZlKSBhbmQgZXh0ZW5kcyB0aGUgaW5kZXggZW50cmllcwpvZiBgc3RhcnQuLnN0YXJ0ICsgbGltaXRgIChgbGltaXRgIDEuLj1gTUFYX1BBR0VfU0laRWApLiBNb3ZlcyBubwptb25leSBhbmQgY2hhbmdlcyBubyBiYWxhbmNlLCBzbyBhbnlvbmUgbWF5IGNhbGwgaXQuIFJldHVybnMgaG93IG1hbnkKaW5kZXggZW50cmllcyB3ZXJlIHJlY29yZGVkLgoKIyBBdXRob3JpemF0aW9uCk5vbmUuCgojIEVycm9ycwpbYFNldHRsZW1lbnRFcnJvcjo6SW52YWxpZExpbWl0YF0uAAAADGV4dGVuZF9pbmRleAAAAAIAAAAAAAAABXN0YXJ0AAAAAAAABAAAAAAAAAAFbGltaXQAAAAAAAAEAAAAAQAAA+kAAAAEAAAH0AAAAA9TZXR0bGVtZW50RXJyb3IA",
        "AAAAAAAAAQRDcmVhdGVzIHRoZSBzZXR0bGVtZW50OyBgdmF1bHRgLCB3aGVuIGdpdmVuLCBpcyByZWdpc3RlcmVkLgoKIyBBdXRob3JpemF0aW9uCk5vbmUgKHJ1bnMgb25jZSwgYXQgZGVwbG95bWVudCkuCgojIEVycm9ycwpbYFNldHRsZW1lbnRFcnJvcjo6SW52YWxpZFJlY2lwaWVudGBdICh2YXVsdCA9IHNldHRsZW1lbnQpLgoKIyBFdmVudHMKYHNldHRsZW1lbnRfaW5pdGlhbGl6ZWRgLCB0aGVuIGB2YXVsdF9zZXRgIHdoZW4gYSB2YXVsdCBpcyByZWdpc3RlcmVkLgAAAA1fX2NvbnN0cnVjdG9yAAAAAAAAAwAAAAAAAAAFYWRtaW4AAAAAAAATAAAAAAAAAAp1c2RjX3Rva2VuAAAAAAATAAAAAAAAAAV2YXVsdAAAAAAAA+gAAAATAAAAAQAAA+kAAAACAAAH0AAAAA9TZXR0bGVtZW50RXJyb3IA",
        "AAAAAAAAAFlUaGUgc2V0dGxlbWVudCB0aGlzIG9uZSB3YXMgcmV0aXJlZCBpbiBmYXZvdXIgb2YsIGlmIGFueS4KCiMgQXV0aG9yaXphdGlvbgpOb25lIChhIHZpZXcpLgAAAAAAAA1nZXRfc3VjY2Vzc29yAAAAAAAAAAAAAAEAAAPoAAAAEw==",
        "AAAAAAAAAZtUaGUgYWRtaW4gYm9va3MgVVNEQyB0aGUgc2V0dGxlbWVudCBob2xkcyBiZXlvbmQgZXZlcnl0aGluZyBpdAphY2NvdW50cyBmb3IgKHNlbnQgdG8gaXQgb3V0c2lkZSBpdHMgY2FsbHMpIGludG8gdGhlIGdsb2JhbCBwb29sLgpSZXR1cm5zIHRoZSBhbW91bnQgYm9va2VkLgoKIyBBdXRob3JpemF0aW9uCmBjYWxsZXJgLCB3aGljaCBtdXN0IGJlIHRoZSBhZG1pbi4KCiMgRXJyb3JzCltgU2V0dGxlbWVudEVycm9yOjpOb3RBZG1pbmBdLCBbYFNldHRsZW1lbnRFcnJvcjo6UmV0aXJlZGBdLApbYFNldHRsZW1lbnRFcnJvcjo6SW1wb3J0UGVuZGluZ2BdLCBbYFNldHRsZW1lbnRFcnJvcjo6Tm90aGluZ1RvQm9va2BdLApbYFNldHRsZW1lbnRFcnJvcjo6T3ZlcmZsb3dgXS4KCiMgRXZlbnRzCmB1bnRyYWNrZWRfYm9va2VkYC4AAAAADmJvb2tfdW50cmFja2VkAAAAAAABAAAAAAAAAAZjYWxsZXIAAAAAABMAAAABAAAD6QAAAAsAAAfQAAAAD1NldHRsZW1lbnRFcnJvcgA=",
        "AAAAAAAAAEpUaGUgVVNEQyB0b2tlbiB0aGUgc2V0dGxlbWVudCBhY2NvdW50cyBpbi4KCiMgQXV0aG9yaXphdGlvbgpOb25lIChhIHZpZXcpLgAAAAAADmdldF91c2RjX3Rva2VuAAAAAAAAAAAAAQAAABM=",
        "AAAAAAAAAEJTY2hlbWEgdmVyc2lvbiBvZiB0aGUgc3RvcmVkIGRhdGEuCgojIEF1dGhvcml6YXRpb24KTm9uZSAoYSB2aWV3KS4AAAAAAA5zY2hlbWFfdmVyc2lvbgAAAAAAAAAAAAEAAAAE",
        "AAAAAAAAAUBUaGUgYWRtaW4gcGF5cyBgYW1vdW50YCBmcm9tIHRoZSBnbG9iYWwgcG9vbCB0byBgdG9gLgoKIyBBdXRob3JpemF0aW9uCmBjYWxsZXJgLCB3aGljaCBtdXN0IGJlIHRoZSBhZG1pbi4KCiMgRXJyb3JzCltgU2V0dGxlbWVudEVycm9yOjpOb3RBZG1pbmBdLCBbYFNldHRsZW1lbnRFcnJvcjo6UmV0aXJlZGBdLApbYFNldHRsZW1lbnRFcnJvcjo6SW52YWxpZEFtb3VudGBdLCBbYFNldHRsZW1lbnRFcnJvcjo6SW52YWxpZFJlY2lwaWVudGBdLApbYFNldHRsZW1lbnRFcnJvcjo6SW5zdWZmaWNpZW50UG9vbGBdLgoKIyBFdmVudHMKYHBvb2xfZGlzdHJpYnV0ZWRgLgAAAA9kaXN0cmlidXRlX3Bvb2wAAAAAAwAAAAAAAAAGY2FsbGVyAAAAAAATAAAAAAAAAAJ0bwAAAAAAEwAAAAAAAAAGYW1vdW50AAAAAAALAAAAAQAAA+kAAAACAAAH0AAAAA9TZXR0bGVtZW50RXJyb3IA",
        "AAAAAAAAAGBUaGUgZ2xvYmFsIHBvb2wgKHRvdGFsIGFuZCBsZWRnZXIgdGltZXN0YW1wIG9mIHRoZSBsYXN0IGNoYW5nZSkuCgojIEF1dGhvcml6YXRpb24KTm9uZSAoYSB2aWV3KS4AAAAPZ2V0X2dsb2JhbF9wb29sAAAAAAAAAAABAAAH0AAAAApHbG9iYWxQb29sAAA=",
        "AAAAAAAAAFBUaGUgc2V0dGxlbWVudCB0aGlzIG9uZSB0YWtlcyBvdmVyIGZyb20sIGlmIGFueS4KCiMgQXV0aG9yaXphdGlvbgpOb25lIChhIHZpZXcpLgAAAA9nZXRfcHJlZGVjZXNzb3IAAAAAAAAAAAEAAAPoAAAAEw==",
        "AAAAAAAAA5FSZWRlcGxveS1taWdyYXRpb24sIG9uIHRoZSBuZXcgc2V0dGxlbWVudDogaW1wb3J0cyB0aGUgbmV4dCBwYWdlIG9mCmF0IG1vc3QgYGxpbWl0YCAoMS4uPWBNQVhfSU1QT1JUYCkgb2YgdGhlIHJldGlyZWQgcHJlZGVjZXNzb3IncwpkZXZlbG9wZXIgYmFsYW5jZXMsIHJlYWQgZnJvbSB0aGUgcHJlZGVjZXNzb3IsIGFuZCB3aXRoIHRoZSBmaXJzdApwYWdlIGl0cyBnbG9iYWwgcG9vbC4gRWFjaCBpbmRleCBpcyBpbXBvcnRlZCBvbmNlLCBzbyBhIHJldHJ5IGFmdGVyIGEKdGltZS1vdXQgYm9va3Mgbm90aGluZyB0d2ljZS4gQW4gZW50cnkgd2hvc2UgZGV2ZWxvcGVyIGNvdWxkIG5ldmVyCndpdGhkcmF3IGhlcmUgKHRoaXMgc2V0dGxlbWVudCBvciBhIHJlZ2lzdGVyZWQgdmF1bHQpIGlzIGJvb2tlZCBpbnRvCnRoZSBwb29sLiBSZWZ1c2VkIHVubGVzcyB0aGUgVVNEQyBoZWxkIGNvdmVycyBldmVyeXRoaW5nIGJvb2tlZC4KUmV0dXJucyBob3cgbWFueSBlbnRyaWVzIHRoaXMgY2FsbCBjb25zdW1lZCAoMCA9IGFsbCBpbXBvcnRlZCkuCgojIEF1dGhvcml6YXRpb24KYGNhbGxlcmAsIHdoaWNoIG11c3QgYmUgdGhlIGFkbWluLgoKIyBFcnJvcnMKW2BTZXR0bGVtZW50RXJyb3I6Ok5vdEFkbWluYF0sIFtgU2V0dGxlbWVudEVycm9yOjpSZXRpcmVkYF0sCltgU2V0dGxlbWVudEVycm9yOjpJbnZhbGlkQmF0Y2hTaXplYF0gKGBsaW1pdGApLApbYFNldHRsZW1lbnRFcnJvcjo6Tm9QcmVkZWNlc3NvcmBdLApbYFNldHRsZW1lbnRFcnJvcjo6UHJlZGVjZXNzb3JOb3RSZXRpcmVkYF0sCltgU2V0dGxlbWVudEVycm9yOjpJbXBvcnROb3RCYWNrZWRgXSwKW2BTZXR0bGVtZW50RXJyb3I6Ok92ZXJmbG93YF0uCgojIEV2ZW50cwpgYmFsYW5jZXNfaW1wb3J0ZWRgICh3aGVuIGFueXRoaW5nIHdhcyBpbXBvcnRlZCkuAAAAAAAAD2ltcG9ydF9iYWxhbmNlcwAAAAACAAAAAAAAAAZjYWxsZXIAAAAAABMAAAAAAAAABWxpbWl0AAAAAAAABAAAAAEAAAPpAAAABAAAB9AAAAAPU2V0dGxlbWVudEVycm9yAA==",
        "AAAAAAAAAixBIHJlZ2lzdGVyZWQgdmF1bHQgKGBjYWxsZXJgKSBwYXlzIGBhbW91bnRgOiB0aGUgc2V0dGxlbWVudCBwdWxscyB0aGUKVVNEQyBmcm9tIHRoZSB2YXVsdCwgdGhlbiBjcmVkaXRzIHRoZSBnbG9iYWwgcG9vbCAoYHRvX3Bvb2xgLCBubwpgZGV2ZWxvcGVyYCkgb3IgYGRldmVsb3BlcmAgKGAhdG9fcG9vbGApLgoKIyBBdXRob3JpemF0aW9uCmBjYWxsZXJgLCB3aGljaCBtdXN0IGJlIGEgcmVnaXN0ZXJlZCB2YXVsdC4KCiMgRXJyb3JzCltgU2V0dGxlbWVudEVycm9yOjpSZXRpcmVkYF0sIFtgU2V0dGxlbWVudEVycm9yOjpOb3RWYXVsdGBdLApbYFNldHRsZW1lbnRFcnJvcjo6SW52YWxpZEFtb3VudGBdLCBbYFNldHRsZW1lbnRFcnJvcjo6SW52YWxpZFBheW1lbnRgXSwKW2BTZXR0bGVtZW50RXJyb3I6OkludmFsaWRSZWNpcGllbnRgXSAoYGRldmVsb3BlcmAgaXMgdGhlIHNldHRsZW1lbnQKb3IgYSByZWdpc3RlcmVkIHZhdWx0KSwgW2BTZXR0bGVtZW50RXJyb3I6Ok92ZXJmbG93YF0uCgojIEV2ZW50cwpgcG9vbF9jcmVkaXRlZGAgb3IgYGRldmVsb3Blcl9jcmVkaXRlZGAuAAAAD3JlY2VpdmVfcGF5bWVudAAAAAAEAAAAAAAAAAZjYWxsZXIAAAAAABMAAAAAAAAABmFtb3VudAAAAAAACwAAAAAAAAAHdG9fcG9vbAAAAAABAAAAAAAAAAlkZXZlbG9wZXIAAAAAAAPoAAAAEwAAAAEAAAPpAAAAAgAAB9AAAAAPU2V0dGxlbWVudEVycm9yAA==",
        "AAAAAAAAAg9SZWRlcGxveS1taWdyYXRpb24sIG9uIHRoZSBuZXcgc2V0dGxlbWVudDogbmFtZXMgYHByZWRlY2Vzc29yYCwgdGhlCnNldHRsZW1lbnQgdGhpcyBvbmUgdGFrZXMgb3ZlciBmcm9tLiBPbmx5IHRoZW4gY2FuIHRoZSBwcmVkZWNlc3NvcgpgcmV0aXJlYCBpbiBpdHMgZmF2b3VyLiBTZXQgb25jZS4KCiMgQXV0aG9yaXphdGlvbgpgY2FsbGVyYCwgd2hpY2ggbXVzdCBiZSB0aGUgYWRtaW4uCgojIEVycm9ycwpbYFNldHRsZW1lbnRFcnJvcjo6Tm90QWRtaW5gXSwgW2BTZXR0bGVtZW50RXJyb3I6OlJldGlyZWRgXSAodGhpcwpzZXR0bGVtZW50LCBvciB0aGUgcHJlZGVjZXNzb3IgYWxyZWFkeSByZXRpcmVkIGVsc2V3aGVyZSksCltgU2V0dGxlbWVudEVycm9yOjpQcmVkZWNlc3NvckFscmVhZHlTZXRgXSwKW2BTZXR0bGVtZW50RXJyb3I6OkludmFsaWRSZWNpcGllbnRgXSAodGhlIHNldHRsZW1lbnQgaXRzZWxmKSwKW2BTZXR0bGVtZW50RXJyb3I6OlRva2VuTWlzbWF0Y2hgXS4KCiMgRXZlbnRzCmBwcmVkZWNlc3Nvcl9zZXRgLgAAAAAPc2V0X3ByZWRlY2Vzc29yAAAAAAIAAAAAAAAABmNhbGxlcgAAAAAAEwAAAAAAAAALcHJlZGVjZXNzb3IAAAAAEwAAAAEAAAPpAAAAAgAAB9AAAAAPU2V0dGxlbWVudEVycm9yAA==",
        "AAAAAAAAApRCYXRjaCBmb3JtIG9mIGByZWNlaXZlX3BheW1lbnRgIGZvciBgYmF0Y2hfZGVkdWN0YDogcHVsbHMKYHBvb2xfYW1vdW50YCArIHRoZSBzdW0gb2YgYGNyZWRpdHNgIGluIG9uZSB0cmFuc2ZlciwgY3JlZGl0cyB0aGUgcG9vbAp3aXRoIGBwb29sX2Ftb3VudGAgKG1heSBiZSAwKSBhbmQgZWFjaCBjcmVkaXQncyBkZXZlbG9wZXIgKGB0b2ApLgoKIyBBdXRob3JpemF0aW9uCmBjYWxsZXJgLCB3aGljaCBtdXN0IGJlIGEgcmVnaXN0ZXJlZCB2YXVsdC4KCiMgRXJyb3JzCltgU2V0dGxlbWVudEVycm9yOjpSZXRpcmVkYF0sIFtgU2V0dGxlbWVudEVycm9yOjpOb3RWYXVsdGBdLApbYFNldHRsZW1lbnRFcnJvcjo6SW52YWxpZEJhdGNoU2l6ZWBdIChtb3JlIHRoYW4gYE1BWF9CQVRDSF9DUkVESVRTYCksCltgU2V0dGxlbWVudEVycm9yOjpJbnZhbGlkQW1vdW50YF0gKG5lZ2F0aXZlIHBvb2wgYW1vdW50LCBub24tcG9zaXRpdmUKY3JlZGl0LCBvciBub3RoaW5nIHRvIHBheSksIFtgU2V0dGxlbWVudEVycm9yOjpJbnZhbGlkUmVjaXBpZW50YF0sCltgU2V0dGxlbWVudEVycm9yOjpPdmVyZmxvd2BdLgoKIyBFdmVudHMKYHBvb2xfY3JlZGl0ZWRgICh3aGVuIGBwb29sX2Ftb3VudGAgPiAwKSwgdGhlbiBvbmUgYGRldmVsb3Blcl9jcmVkaXRlZGAKcGVyIGNyZWRpdC4AAAAQcmVjZWl2ZV9wYXltZW50cwAAAAMAAAAAAAAABmNhbGxlcgAAAAAAEwAAAAAAAAALcG9vbF9hbW91bnQAAAAACwAAAAAAAAAHY3JlZGl0cwAAAAPqAAAH0AAAAAdQYXltZW50AAAAAAEAAAPpAAAAAgAAB9AAAAAPU2V0dGxlbWVudEVycm9yAA==",
        "AAAAAAAAAFtUaGUgcHJlZGVjZXNzb3IgaW5kZXggdGhlIG5leHQgYGltcG9ydF9iYWxhbmNlc2Agc3RhcnRzIGF0LgoKIyBBdXRob3JpemF0aW9uCk5vbmUgKGEgdmlldykuAAAAABFnZXRfaW1wb3J0X2N1cnNvcgAAAAAAAAAAAAABAAAABA==",
        "AAAAAAAAAE9UaGUgYWRtaW4gcHJvcG9zYWwgYXdhaXRpbmcgYWNjZXB0YW5jZSwgaWYgYW55LgoKIyBBdXRob3JpemF0aW9uCk5vbmUgKGEgdmlldykuAAAAABFnZXRfcGVuZGluZ19hZG1pbgAAAAAAAAAAAAABAAAD6AAAB9AAAAAMUGVuZGluZ0FkbWlu",
        "AAAAAAAAAF9Ib3cgbWFueSBkZXZlbG9wZXJzIHdlcmUgZXZlciBjcmVkaXRlZCAodGhlIHBhZ2luYXRpb24gbGVuZ3RoKS4KCiMgQXV0aG9yaXphdGlvbgpOb25lIChhIHZpZXcpLgAAAAATZ2V0X2RldmVsb3Blcl9jb3VudAAAAAAAAAAAAQAAAAQ=",
        "AAAAAAAAAD5TdW0gb2YgYWxsIGRldmVsb3BlciBiYWxhbmNlcy4KCiMgQXV0aG9yaXphdGlvbgpOb25lIChhIHZpZXcpLgAAAAAAE2dldF9kZXZlbG9wZXJfdG90YWwAAAAAAAAAAAEAAAAL",
        "AAAAAAAAAFlgZGV2ZWxvcGVyYCdzIHdpdGhkcmF3YWJsZSBiYWxhbmNlICgwIGlmIG5ldmVyIGNyZWRpdGVkKS4KCiMgQXV0aG9yaXphdGlvbgpOb25lIChhIHZpZXcpLgAAAAAAABVnZXRfZGV2ZWxvcGVyX2JhbGFuY2UAAAAAAAABAAAAAAAAAAlkZXZlbG9wZXIAAAAAAAATAAAAAQAAAAs=",
        "AAAAAAAAANFEZXZlbG9wZXJzIGluIG9yZGVyIG9mIGZpcnN0IGNyZWRpdCwgZnJvbSBpbmRleCBgc3RhcnRgLCBhdCBtb3N0CmBsaW1pdGAgKDEuLj1gTUFYX1BBR0VfU0laRWApIG9mIHRoZW0uIEFuIGVtcHR5IHBhZ2UgbWVhbnMgdGhlIGVuZC4KCiMgQXV0aG9yaXphdGlvbgpOb25lIChhIHZpZXcpLgoKIyBFcnJvcnMKW2BTZXR0bGVtZW50RXJyb3I6OkludmFsaWRMaW1pdGBdLgAAAAAAABZnZXRfZGV2ZWxvcGVyX2JhbGFuY2VzAAAAAAACAAAAAAAAAAVzdGFydAAAAAAAAAQAAAAAAAAABWxpbWl0AAAAAAAABAAAAAEAAAPpAAAD6gAAB9AAAAAQRGV2ZWxvcGVyQmFsYW5jZQAAB9AAAAAPU2V0dGxlbWVudEVycm9yAA==",
        "AAAABAAAAFRFdmVyeSB3YXkgYSBzZXR0bGVtZW50IGNhbGwgY2FuIGZhaWwuIENvZGVzIDMwMOKAkzM5OSAoc2VlCmBjYWxsb3JhX3R5cGVzOjplcnJvcnNgKS4AAAAAAAAAD1NldHRsZW1lbnRFcnJvcgAAAAAYAAAAHkFuIGFtb3VudCBpcyB6ZXJvIG9yIG5lZ2F0aXZlLgAAAAAADUludmFsaWRBbW91bnQAAAAAAAEsAAAAJVRoZSBjYWxsZXIgaXMgbm90IGEgcmVnaXN0ZXJlZCB2YXVsdC4AAAAAAAAITm90VmF1bHQAAAEtAAAALUEgd2l0aGRyYXdhbCBleGNlZWRzIHRoZSBkZXZlbG9wZXIncyBiYWxhbmNlLgAAAAAAABNJbnN1ZmZpY2llbnRCYWxhbmNlAAAAAS4AAABpYHRvX3Bvb2xgIGFuZCBgZGV2ZWxvcGVyYCBkaXNhZ3JlZSAocG9vbCBwYXltZW50IG5hbWluZyBhIGRldmVsb3BlciwKb3IgYSBkZXZlbG9wZXIgcGF5bWVudCBuYW1pbmcgbm9uZSkuAAAAAAAADkludmFsaWRQYXltZW50AAAAAAEvAAAANkEgYmF0Y2ggb3IgaW1wb3J0IGlzIGVtcHR5IG9yIGxvbmdlciB0aGFuIGl0cyBtYXhpbXVtLgAAAAAAEEludmFsaWRCYXRjaFNpemUAAAEwAAAALUEgcGFnZSBgbGltaXRgIG9mIDAgb3IgYWJvdmUgYE1BWF9QQUdFX1NJWkVgLgAAAAAAAAxJbnZhbGlkTGltaXQAAAExAAAANEFuIGltcG9ydCBpcyBub3QgY292ZXJlZCBieSBVU0RDIHRoZSBjb250cmFjdCBob2xkcy4AAAAPSW1wb3J0Tm90QmFja2VkAAAAATIAAAAmQW4gYWNjdW11bGF0ZWQgYW1vdW50IG92ZXJmbG93ZWQgaTEyOC4AAAAAAAhPdmVyZmxvdwAAATMAAAAsQSBwb29sIGRpc3RyaWJ1dGlvbiBleGNlZWRzIHRoZSBnbG9iYWwgcG9vbC4AAAAQSW5zdWZmaWNpZW50UG9vbAAAATQAAACkQSBwYXlvdXQsIHJlZ2lzdHJhdGlvbiwgcHJlZGVjZXNzb3Igb3Igc3VjY2Vzc29yIG5hbWluZyB0aGUKc2V0dGxlbWVudCBpdHNlbGYsIG9yIGEgY3JlZGl0IHRvIHRoZSBzZXR0bGVtZW50IG9yIGEgcmVnaXN0ZXJlZCB2YXVsdAoobmVpdGhlciBjb3VsZCBldmVyIHdpdGhkcmF3IGl0KS4AAAAQSW52YWxpZFJlY2lwaWVudAAAATUAAAA8VGhlIHNldHRsZW1lbnQgd2FzIHJldGlyZWQgKGl0cyBmdW5kcyBtb3ZlZCB0byBhIHN1Y2Nlc3NvcikuAAAAB1JldGlyZWQAAAABNgAAAFNUaGUgcHJlZGVjZXNzb3Igb3Igc3VjY2Vzc29yIGFjY291bnRzIGluIGEgZGlmZmVyZW50IHRva2VuLCBvciBpcyBub3QKYSBzZXR0bGVtZW50LgAAAAANVG9rZW5NaXNtYXRjaAAAAAAAATcAAAB4YHJldGlyZWAgdG8gYW4gYWRkcmVzcyB0aGF0IGhhcyBub3QgbmFtZWQgdGhpcyBzZXR0bGVtZW50IGFzIGl0cwpwcmVkZWNlc3NvciAob3IgaXMgbm90IGEgc2V0dGxlbWVudCBvbiB0aGUgc2FtZSB0b2tlbikuAAAAFFN1Y2Nlc3Nvck5vdEFjY2VwdGVkAAABOAAAACpgaW1wb3J0X2JhbGFuY2VzYCB3aXRoIG5vIHByZWRlY2Vzc29yIHNldC4AAAAAAA1Ob1ByZWRlY2Vzc29yAAAAAAABOQAAACpgc2V0X3ByZWRlY2Vzc29yYCB3aGVuIG9uZSBpcyBhbHJlYWR5IHNldC4AAAAAABVQcmVkZWNlc3NvckFscmVhZHlTZXQAAAAAAAE6AAAAcGBpbXBvcnRfYmFsYW5jZXNgIGJlZm9yZSB0aGUgcHJlZGVjZXNzb3IgcmV0aXJlZCBpbiBmYXZvdXIgb2YgdGhpcwpzZXR0bGVtZW50IChpdHMgYmFsYW5jZXMgY291bGQgc3RpbGwgY2hhbmdlKS4AAAAVUHJlZGVjZXNzb3JOb3RSZXRpcmVkAAAAAAABOwAAAHxgcmV0aXJlYCBvciBgYm9va191bnRyYWNrZWRgIHdoaWxlIHRoZSBwcmVkZWNlc3NvcidzIGJhbGFuY2VzIGFyZSBub3QKYWxsIGltcG9ydGVkIChpdHMgVVNEQyB3b3VsZCBiZSBib29rZWQgdHdpY2Ugb3IgbG9zdCkuAAAADUltcG9ydFBlbmRpbmcAAAAAAAE8AAAAKGBib29rX3VudHJhY2tlZGAgd2l0aCBubyB1bnRyYWNrZWQgVVNEQy4AAAANTm90aGluZ1RvQm9vawAAAAAAAT0AAAAcVGhlIGNhbGxlciBpcyBub3QgdGhlIGFkbWluLgAAAAhOb3RBZG1pbgAAAV4AAAA5YGFjY2VwdF9hZG1pbmAgKG9yIGEgY2FuY2VsbGF0aW9uKSB3aXRoIG5vIHByb3Bvc2FsIG9wZW4uAAAAAAAADk5vUGVuZGluZ0FkbWluAAAAAAFfAAAAG1RoZSBhZG1pbiBwcm9wb3NhbCBleHBpcmVkLgAAAAATUGVuZGluZ0FkbWluRXhwaXJlZAAAAAFgAAAAO2BhY2NlcHRfYWRtaW5gIGJ5IGFuIGFkZHJlc3Mgb3RoZXIgdGhhbiB0aGUgcHJvcG9zZWQgYWRtaW4uAAAAAA9Ob3RQZW5kaW5nQWRtaW4AAAABYQAAAD5gbGl2ZV91bnRpbF9sZWRnZXJgIGlzIGluIHRoZSBwYXN0IG9yIG1vcmUgdGhhbiAzMCBkYXlzIGFoZWFkLgAAAAAADUludmFsaWRFeHBpcnkAAAAAAAFiAAAANGBtaWdyYXRlYCB3aGVuIHRoZSBzdG9yZWQgc2NoZW1hIGlzIGFscmVhZHkgY3VycmVudC4AAAAPQWxyZWFkeU1pZ3JhdGVkAAAAAWM=",
        "AAAABQAAAPdUaGUgYWRtaW4gcmV0aXJlZCB0aGlzIHNldHRsZW1lbnQgKHJlZGVwbG95LW1pZ3JhdGlvbik6IGFsbCBgYW1vdW50YCBVU0RDCml0IGhlbGQgbW92ZWQgdG8gYHN1Y2Nlc3NvcmAsIHdoaWNoIGhhZCBuYW1lZCB0aGlzIHNldHRsZW1lbnQgYXMgaXRzCnByZWRlY2Vzc29yLiBCYWxhbmNlcyBzdGF5IHJlYWRhYmxlIGZvciB0aGUgc3VjY2Vzc29yJ3MgaW1wb3J0LiBNb25pdG9ycwphbGVydCBvbiBpdCBsaWtlIG9uIGB1cGdyYWRlZGAuAAAAAAAAAAAHUmV0aXJlZAAAAAABAAAAB3JldGlyZWQAAAAAAgAAAAAAAAAJc3VjY2Vzc29yAAAAAAAAEwAAAAEAAAAAAAAABmFtb3VudAAAAAAACwAAAAAAAAAC",
        "AAAABQAAADNBIHZhdWx0IHdhcyByZWdpc3RlcmVkIChgYWxsb3dlZGApIG9yIGRlcmVnaXN0ZXJlZC4AAAAAAAAAAAhWYXVsdFNldAAAAAEAAAAJdmF1bHRfc2V0AAAAAAAAAgAAAAAAAAAFdmF1bHQAAAAAAAATAAAAAQAAAAAAAAAHYWxsb3dlZAAAAAABAAAAAAAAAAI=",
        "AAAABQAAAE5gdmF1bHRgIHBhaWQgYGFtb3VudGAgaW50byB0aGUgZ2xvYmFsIHBvb2w7IGB0b3RhbF9iYWxhbmNlYCBpcyB0aGUgcG9vbCBhZnRlci4AAAAAAAAAAAAMUG9vbENyZWRpdGVkAAAAAQAAAA1wb29sX2NyZWRpdGVkAAAAAAAAAwAAAAAAAAAFdmF1bHQAAAAAAAATAAAAAQAAAAAAAAAGYW1vdW50AAAAAAALAAAAAAAAAAAAAAANdG90YWxfYmFsYW5jZQAAAAAAAAsAAAAAAAAAAg==",
        "AAAABQAAAIhUaGUgYWRtaW4gbmFtZWQgYHByZWRlY2Vzc29yYCwgdGhlIHNldHRsZW1lbnQgdGhpcyBvbmUgdGFrZXMgb3ZlciBmcm9tCihyZWRlcGxveS1taWdyYXRpb24pOiBgcHJlZGVjZXNzb3JgIG1heSBub3cgcmV0aXJlIGluIGl0cyBmYXZvdXIuAAAAAAAAAA5QcmVkZWNlc3NvclNldAAAAAAAAQAAAA9wcmVkZWNlc3Nvcl9zZXQAAAAAAQAAAAAAAAALcHJlZGVjZXNzb3IAAAAAEwAAAAEAAAAC",
        "AAAABQAAADVUaGUgYWRtaW4gcGFpZCBgYW1vdW50YCBmcm9tIHRoZSBnbG9iYWwgcG9vbCB0byBgdG9gLgAAAAAAAAAAAAAPUG9vbERpc3RyaWJ1dGVkAAAAAAEAAAAQcG9vbF9kaXN0cmlidXRlZAAAAAMAAAAAAAAAAnRvAAAAAAATAAAAAQAAAAAAAAAGYW1vdW50AAAAAAALAAAAAAAAAAAAAAANdG90YWxfYmFsYW5jZQAAAAAAAAsAAAAAAAAAAg==",
        "AAAABQAAAI9UaGUgYWRtaW4gYm9va2VkIGBhbW91bnRgIG9mIHVudHJhY2tlZCBVU0RDIChzZW50IHRvIHRoZSBzZXR0bGVtZW50Cm91dHNpZGUgaXRzIGNhbGxzKSBpbnRvIHRoZSBnbG9iYWwgcG9vbDsgYHRvdGFsX2JhbGFuY2VgIGlzIHRoZSBwb29sIGFmdGVyLgAAAAAAAAAAD1VudHJhY2tlZEJvb2tlZAAAAAABAAAAEHVudHJhY2tlZF9ib29rZWQAAAACAAAAAAAAAAZhbW91bnQAAAAAAAsAAAAAAAAAAAAAAA10b3RhbF9iYWxhbmNlAAAAAAAACwAAAAAAAAAC",
        "AAAABQAAAcFBIHBhZ2Ugb2YgdGhlIHByZWRlY2Vzc29yJ3MgYmFsYW5jZXMgd2FzIGltcG9ydGVkIChyZWRlcGxveS1taWdyYXRpb24pOgplYWNoIG9mIGBiYWxhbmNlc2Agd2FzIGFkZGVkIHRvIGl0cyBkZXZlbG9wZXIsIGBkZXZlbG9wZXJzYCBvZiB0aGVtLAp0b3RhbGxpbmcgYGRldmVsb3Blcl9hbW91bnRgLCBhbmQgYHBvb2xfYW1vdW50YCB0byB0aGUgcG9vbCAodGhlCnByZWRlY2Vzc29yJ3MgcG9vbCwgYm9va2VkIHdpdGggdGhlIGZpcnN0IHBhZ2UsIHBsdXMgYW55IGVudHJ5IGNyZWRpdGVkCnRvIGFuIGFkZHJlc3MgdGhhdCBjYW5ub3Qgd2l0aGRyYXcgaGVyZSkuIGBuZXh0X2luZGV4YCBpcyB0aGUKcHJlZGVjZXNzb3IgaW5kZXggdGhlIG5leHQgaW1wb3J0IHN0YXJ0cyBhdC4gQ29kZSB2ZXJzaW9uIDMgYWRkZWQKYHByZWRlY2Vzc29yYCwgYGJhbGFuY2VzYCBhbmQgYG5leHRfaW5kZXhgLgAAAAAAAAAAAAAQQmFsYW5jZXNJbXBvcnRlZAAAAAEAAAARYmFsYW5jZXNfaW1wb3J0ZWQAAAAAAAAGAAAAAAAAAAtwcmVkZWNlc3NvcgAAAAATAAAAAAAAAAAAAAAIYmFsYW5jZXMAAAPqAAAH0AAAABBEZXZlbG9wZXJCYWxhbmNlAAAAAAAAAAAAAAAKZGV2ZWxvcGVycwAAAAAABAAAAAAAAAAAAAAAEGRldmVsb3Blcl9hbW91bnQAAAALAAAAAAAAAAAAAAALcG9vbF9hbW91bnQAAAAACwAAAAAAAAAAAAAACm5leHRfaW5kZXgAAAAAAAQAAAAAAAAAAg==",
        "AAAABQAAAUxgdmF1bHRgIHBhaWQgYGFtb3VudGAgdG8gYGRldmVsb3BlcmA7IGBiYWxhbmNlYCBpcyB0aGUgZGV2ZWxvcGVyJ3MgYWZ0ZXIuCgpDb2RlIHZlcnNpb24gMiBtb3ZlZCBgdmF1bHRgIGZyb20gdG9waWMgMiB0byB0aGUgZGF0YSBtYXAgKGEgYnJlYWtpbmcKY2hhbmdlIGZvciBpbmRleGVycywgcmVjb3JkZWQgaW4gYGRvY3Mvc2NoZW1hLWRpZmYvdjEtdG8tdjIudHh0YCk6IHRoZQp0b3BpY3MgYXJlIGZyb3plbiBhcyBgW2RldmVsb3Blcl9jcmVkaXRlZCwgZGV2ZWxvcGVyXWAsIHNvIG9uZSAyLXNsb3QKZmlsdGVyIGZvbGxvd3MgYSBkZXZlbG9wZXIgYWNyb3NzIGV2ZXJ5IHZhdWx0LgAAAAAAAAARRGV2ZWxvcGVyQ3JlZGl0ZWQAAAAAAAABAAAAEmRldmVsb3Blcl9jcmVkaXRlZAAAAAAABAAAAAAAAAAJZGV2ZWxvcGVyAAAAAAAAEwAAAAEAAAAAAAAABXZhdWx0AAAAAAAAEwAAAAAAAAAAAAAABmFtb3VudAAAAAAACwAAAAAAAAAAAAAAB2JhbGFuY2UAAAAACwAAAAAAAAAC",
        "AAAABQAAAEdgZGV2ZWxvcGVyYCB3aXRoZHJldyBgYW1vdW50YCBVU0RDOyBgYmFsYW5jZWAgaXMgd2hhdCByZW1haW5zIGNyZWRpdGVkLgAAAAAAAAAAE0RldmVsb3BlcldpdGhkcmF3YWwAAAAAAQAAABRkZXZlbG9wZXJfd2l0aGRyYXdhbAAAAAMAAAAAAAAACWRldmVsb3BlcgAAAAAAABMAAAABAAAAAAAAAAZhbW91bnQAAAAAAAsAAAAAAAAAAAAAAAdiYWxhbmNlAAAAAAsAAAAAAAAAAg==",
        "AAAABQAAADBUaGUgc2V0dGxlbWVudCB3YXMgY29uc3RydWN0ZWQgKGNvZGUgdmVyc2lvbiAzKS4AAAAAAAAAFVNldHRsZW1lbnRJbml0aWFsaXplZAAAAAAAAAEAAAAWc2V0dGxlbWVudF9pbml0aWFsaXplZAAAAAAAAgAAAAAAAAAFYWRtaW4AAAAAAAATAAAAAQAAAAAAAAAKdXNkY190b2tlbgAAAAAAEwAAAAAAAAAC",
        "AAAAAQAAAF1PbmUgcGF5bWVudCBpbiBhIGBiYXRjaF9kaXN0cmlidXRlYCAocmV2ZW51ZSBwb29sKSBvciBhbiBgaW1wb3J0X2JhbGFuY2VzYAooc2V0dGxlbWVudCkgY2FsbC4AAAAAAAAAAAAAB1BheW1lbnQAAAAAAgAAAAAAAAAGYW1vdW50AAAAAAALAAAAAAAAAAJ0bwAAAAAAEw==",
        "AAAAAQAAAFxUaGUgc2V0dGxlbWVudCdzIGdsb2JhbCBwb29sOiBVU0RDIHBhaWQgaW4gd2l0aG91dCBhIGRldmVsb3Blciwgd2hpY2ggdGhlCmFkbWluIGRpc3RyaWJ1dGVzLgAAAAAAAAAKR2xvYmFsUG9vbAAAAAAAAgAAAC5MZWRnZXIgdGltZXN0YW1wIChzZWNvbmRzKSBvZiB0aGUgbGFzdCBjaGFuZ2UuAAAAAAAMbGFzdF91cGRhdGVkAAAABgAAAAAAAAANdG90YWxfYmFsYW5jZQAAAAAAAAs=",
        "AAAAAQAAAGVBbiBhZG1pbiBoYW5kb3ZlciBpbiBwcm9ncmVzczogYGFkZHJlc3NgIG1heSBhY2NlcHQgdW50aWwgKGFuZCBpbmNsdWRpbmcpCmxlZGdlciBgbGl2ZV91bnRpbF9sZWRnZXJgLgAAAAAAAAAAAAAMUGVuZGluZ0FkbWluAAAAAgAAAAAAAAAHYWRkcmVzcwAAAAATAAAAAAAAABFsaXZlX3VudGlsX2xlZGdlcgAAAAAAAAQ=",
        "AAAAAQAAADpBIGRldmVsb3BlciBhbmQgdGhlIGJhbGFuY2UgdGhlIHNldHRsZW1lbnQgaG9sZHMgZm9yIHRoZW0uAAAAAAAAAAAAEERldmVsb3BlckJhbGFuY2UAAAACAAAAAAAAAAdiYWxhbmNlAAAAAAsAAAAAAAAACWRldmVsb3BlcgAAAAAAABM=",
        "AAAABQAAADxTdG9yZWQgZGF0YSB3YXMgbWlncmF0ZWQgZnJvbSBzY2hlbWEgdmVyc2lvbiBgZnJvbWAgdG8gYHRvYC4AAAAAAAAACE1pZ3JhdGVkAAAAAQAAAAhtaWdyYXRlZAAAAAIAAAAAAAAABGZyb20AAAAEAAAAAAAAAAAAAAACdG8AAAAAAAQAAAAAAAAAAg==",
        "AAAABQAAAKpUaGUgY29udHJhY3QncyBjb2RlIHdhcyByZXBsYWNlZCBieSBgbmV3X3dhc21faGFzaGA7IGBmcm9tX3ZlcnNpb25gIGlzIHRoZQpjb2RlIHZlcnNpb24gKGB2ZXJzaW9uKClgKSB0aGF0IHJhbiB0aGUgdXBncmFkZS4gSW5kZXhlcnMgcGluIGEgZGVjb2RlcgpjdXQtb3ZlciBvbiB0aGlzIGV2ZW50LgAAAAAAAAAAAAhVcGdyYWRlZAAAAAEAAAAIdXBncmFkZWQAAAACAAAAAAAAAA1uZXdfd2FzbV9oYXNoAAAAAAAD7gAAACAAAAAAAAAAAAAAAAxmcm9tX3ZlcnNpb24AAAAEAAAAAAAAAAI=",
        "AAAABQAAADRgYWRtaW5gIGFjY2VwdGVkIHRoZSBoYW5kb3ZlciBmcm9tIGBwcmV2aW91c19hZG1pbmAuAAAAAAAAAA1BZG1pbkFjY2VwdGVkAAAAAAAAAQAAAA5hZG1pbl9hY2NlcHRlZAAAAAAAAgAAAAAAAAAFYWRtaW4AAAAAAAATAAAAAQAAAAAAAAAOcHJldmlvdXNfYWRtaW4AAAAAABMAAAAAAAAAAg==",
        "AAAABQAAAIpUaGUgYWRtaW4gcHJvcG9zZWQgYHBlbmRpbmdfYWRtaW5gIGFzIHRoZSBuZXh0IGFkbWluLCBhY2NlcHRhYmxlIHRocm91Z2gKbGVkZ2VyIGBsaXZlX3VudGlsX2xlZGdlcmAgKDAgPSB0aGUgb3BlbiBwcm9wb3NhbCB3YXMgY2FuY2VsbGVkKS4AAAAAAAAAAAANQWRtaW5Qcm9wb3NlZAAAAAAAAAEAAAAOYWRtaW5fcHJvcG9zZWQAAAAAAAMAAAAAAAAABWFkbWluAAAAAAAAEwAAAAEAAAAAAAAADXBlbmRpbmdfYWRtaW4AAAAAAAATAAAAAAAAAAAAAAARbGl2ZV91bnRpbF9sZWRnZXIAAAAAAAAEAAAAAAAAAAI=" ]),
      options
    )
  }
  public readonly fromJSON = {
    retire: this.txFromJSON<Result<i128>>,
        migrate: this.txFromJSON<Result<void>>,
        upgrade: this.txFromJSON<Result<void>>,
        version: this.txFromJSON<u32>,
        is_vault: this.txFromJSON<boolean>,
        withdraw: this.txFromJSON<Result<void>>,
        get_admin: this.txFromJSON<string>,
        set_admin: this.txFromJSON<Result<void>>,
        set_vault: this.txFromJSON<Result<void>>,
        accept_admin: this.txFromJSON<Result<void>>,
        extend_index: this.txFromJSON<Result<u32>>,
        get_successor: this.txFromJSON<Option<string>>,
        book_untracked: this.txFromJSON<Result<i128>>,
        get_usdc_token: this.txFromJSON<string>,
        schema_version: this.txFromJSON<u32>,
        distribute_pool: this.txFromJSON<Result<void>>,
        get_global_pool: this.txFromJSON<GlobalPool>,
        get_predecessor: this.txFromJSON<Option<string>>,
        import_balances: this.txFromJSON<Result<u32>>,
        receive_payment: this.txFromJSON<Result<void>>,
        set_predecessor: this.txFromJSON<Result<void>>,
        receive_payments: this.txFromJSON<Result<void>>,
        get_import_cursor: this.txFromJSON<u32>,
        get_pending_admin: this.txFromJSON<Option<PendingAdmin>>,
        get_developer_count: this.txFromJSON<u32>,
        get_developer_total: this.txFromJSON<i128>,
        get_developer_balance: this.txFromJSON<i128>,
        get_developer_balances: this.txFromJSON<Result<Array<DeveloperBalance>>>
  }
}