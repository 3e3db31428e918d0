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
 * Every way a revenue-pool call can fail. Codes 200–299 (see
 * `callora_types::errors`).
 */
export const RevenuePoolError = {
  /**
   * An amount is zero or negative.
   */
  200: {message:"InvalidAmount"},
  /**
   * A payout exceeds the USDC the pool holds.
   */
  201: {message:"InsufficientBalance"},
  /**
   * A batch is empty or longer than `MAX_BATCH_DISTRIBUTE`.
   */
  202: {message:"InvalidBatchSize"},
  /**
   * A payout to the pool itself.
   */
  203: {message:"InvalidRecipient"},
  /**
   * A batch total overflowed i128.
   */
  204: {message:"Overflow"},
  /**
   * The caller is not the admin.
   */
  250: {message:"NotAdmin"},
  /**
   * `accept_admin` (or a cancellation) with no proposal open.
   */
  251: {message:"NoPendingAdmin"},
  /**
   * The admin proposal expired.
   */
  252: {message:"PendingAdminExpired"},
  /**
   * `accept_admin` by an address other than the proposed admin.
   */
  253: {message:"NotPendingAdmin"},
  /**
   * `live_until_ledger` is in the past or more than 30 days ahead.
   */
  254: {message:"InvalidExpiry"},
  /**
   * `migrate` when the stored schema is already current.
   */
  255: {message:"AlreadyMigrated"}
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
 * An admin handover in progress: `address` may accept until (and including)
 * ledger `live_until_ledger`.
 */
export interface PendingAdmin {
  address: string;
  live_until_ledger: u32;
}





export interface Client {
  /**
   * Construct and simulate a balance transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * USDC the pool holds.
   * 
   * # Authorization
   * None (a view).
   */
  balance: (options?: MethodOptions) => Promise<AssembledTransaction<i128>>

  /**
   * Construct and simulate a migrate transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * Brings stored data to this code's schema version; runs once per
   * version.
   * 
   * # Authorization
   * `caller`, which must be the admin.
   * 
   * # Errors
   * [`RevenuePoolError::NotAdmin`], [`RevenuePoolError::AlreadyMigrated`].
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
   * [`RevenuePoolError::NotAdmin`].
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
   * [`RevenuePoolError::NotAdmin`], [`RevenuePoolError::InvalidExpiry`], [`RevenuePoolError::NoPendingAdmin`].
   * 
   * # Events
   * `admin_proposed`.
   */
  set_admin: ({caller, new_admin, live_until_ledger}: {caller: string, new_admin: string, live_until_ledger: u32}, options?: MethodOptions) => Promise<AssembledTransaction<Result<void>>>

  /**
   * Construct and simulate a distribute transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The admin pays `amount` USDC to `to`.
   * 
   * # Authorization
   * `caller`, which must be the admin.
   * 
   * # Errors
   * [`RevenuePoolError::NotAdmin`], [`RevenuePoolError::InvalidAmount`], [`RevenuePoolError::InvalidRecipient`], [`RevenuePoolError::InsufficientBalance`].
   * 
   * # Events
   * `distributed`.
   */
  distribute: ({caller, to, amount}: {caller: string, to: string, amount: i128}, options?: MethodOptions) => Promise<AssembledTransaction<Result<void>>>

  /**
   * Construct and simulate a accept_admin transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The proposed admin accepts and becomes the admin.
   * 
   * # Authorization
   * `caller`, which must be the proposed admin.
   * 
   * # Errors
   * [`RevenuePoolError::NoPendingAdmin`], [`RevenuePoolError::NotPendingAdmin`], [`RevenuePoolError::PendingAdminExpired`].
   * 
   * # Events
   * `admin_accepted`.
   */
  accept_admin: ({caller}: {caller: string}, options?: MethodOptions) => Promise<AssembledTransaction<Result<void>>>

  /**
   * Construct and simulate a get_usdc_token transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The USDC token.
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
   * Construct and simulate a batch_distribute transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The admin pays every payment, atomically (1..=`MAX_BATCH_DISTRIBUTE`).
   * 
   * # Authorization
   * `caller`, which must be the admin.
   * 
   * # Errors
   * [`RevenuePoolError::NotAdmin`], [`RevenuePoolError::InvalidBatchSize`], [`RevenuePoolError::InvalidAmount`], [`RevenuePoolError::InvalidRecipient`],
   * [`RevenuePoolError::Overflow`], [`RevenuePoolError::InsufficientBalance`].
   * 
   * # Events
   * One `distributed` per payment, in order.
   */
  batch_distribute: ({caller, payments}: {caller: string, payments: Array<Payment>}, options?: MethodOptions) => Promise<AssembledTransaction<Result<void>>>

  /**
   * Construct and simulate a get_pending_admin transaction. Returns an `AssembledTransaction` object which will have a `result` field containing the result of the simulation. If this transaction changes contract state, you will need to call `signAndSend()` on the returned object.
   * The admin proposal awaiting acceptance, if any.
   * 
   * # Authorization
   * None (a view).
   */
  get_pending_admin: (options?: MethodOptions) => Promise<AssembledTransaction<Option<PendingAdmin>>>

}
export class Client extends ContractClient {
  static async deploy<T = Client>(
        /** Constructor/Initialization Args for the contract's `__constructor` method */
        {admin, usdc_token}: {admin: string, usdc_token: string},
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
    return ContractClient.deploy({admin, usdc_token}, options)
  }
  constructor(public readonly options: ContractClientOptions) {
    super(
      new ContractSpec([ "AAAAAAAAADRVU0RDIHRoZSBwb29sIGhvbGRzLgoKIyBBdXRob3JpemF0aW9uCk5vbmUgKGEgdmlldykuAAAAB2JhbGFuY2UAAAAAAAAAAAEAAAAL",
        "AAAAAAAAAONCcmluZ3Mgc3RvcmVkIGRhdGEgdG8gdGhpcyBjb2RlJ3Mgc2NoZW1hIHZlcnNpb247IHJ1bnMgb25jZSBwZXIKdmVyc2lvbi4KCiMgQXV0aG9yaXphdGlvbgpgY2FsbGVyYCwgd2hpY2ggbXVzdCBiZSB0aGUgYWRtaW4uCgojIEVycm9ycwpbYFJldmVudWVQb29sRXJyb3I6Ok5vdEFkbWluYF0sIFtgUmV2ZW51ZVBvb2xFcnJvcjo6QWxyZWFkeU1pZ3JhdGVkYF0uCgojIEV2ZW50cwpgbWlncmF0ZWRgLgAAAAAHbWlncmF0ZQAAAAABAAAAAAAAAAZjYWxsZXIAAAAAABMAAAABAAAD6QAAAAIAAAfQAAAAEFJldmVudWVQb29sRXJyb3I=",
        "AAAAAAAAAPFSZXBsYWNlcyB0aGlzIGNvbnRyYWN0J3MgY29kZSB3aXRoIHRoZSB1cGxvYWRlZCBXQVNNIGBuZXdfd2FzbV9oYXNoYAooZWZmZWN0aXZlIHdoZW4gdGhpcyBjYWxsIHJldHVybnMpOyBjYWxsIGBtaWdyYXRlYCBuZXh0LgoKIyBBdXRob3JpemF0aW9uCmBjYWxsZXJgLCB3aGljaCBtdXN0IGJlIHRoZSBhZG1pbi4KCiMgRXJyb3JzCltgUmV2ZW51ZVBvb2xFcnJvcjo6Tm90QWRtaW5gXS4KCiMgRXZlbnRzCmB1cGdyYWRlZGAuAAAAAAAAB3VwZ3JhZGUAAAAAAgAAAAAAAAAGY2FsbGVyAAAAAAATAAAAAAAAAA1uZXdfd2FzbV9oYXNoAAAAAAAD7gAAACAAAAABAAAD6QAAAAIAAAfQAAAAEFJldmVudWVQb29sRXJyb3I=",
        "AAAAAAAAADpDb2RlIHZlcnNpb24gb2YgdGhpcyBXQVNNLgoKIyBBdXRob3JpemF0aW9uCk5vbmUgKGEgdmlldykuAAAAAAAHdmVyc2lvbgAAAAAAAAAAAQAAAAQ=",
        "AAAAAAAAACpUaGUgYWRtaW4uCgojIEF1dGhvcml6YXRpb24KTm9uZSAoYSB2aWV3KS4AAAAAAAlnZXRfYWRtaW4AAAAAAAAAAAAAAQAAABM=",
        "AAAAAAAAAUNQcm9wb3NlcyBgbmV3X2FkbWluYCwgd2hvIG11c3QgYWNjZXB0IG9uIG9yIGJlZm9yZSBsZWRnZXIKYGxpdmVfdW50aWxfbGVkZ2VyYCAoYXQgbW9zdCAzMCBkYXlzIGFoZWFkOyAwIGNhbmNlbHMgdGhlIHByb3Bvc2FsKS4KCiMgQXV0aG9yaXphdGlvbgpgY2FsbGVyYCwgd2hpY2ggbXVzdCBiZSB0aGUgYWRtaW4uCgojIEVycm9ycwpbYFJldmVudWVQb29sRXJyb3I6Ok5vdEFkbWluYF0sIFtgUmV2ZW51ZVBvb2xFcnJvcjo6SW52YWxpZEV4cGlyeWBdLCBbYFJldmVudWVQb29sRXJyb3I6Ok5vUGVuZGluZ0FkbWluYF0uCgojIEV2ZW50cwpgYWRtaW5fcHJvcG9zZWRgLgAAAAAJc2V0X2FkbWluAAAAAAAAAwAAAAAAAAAGY2FsbGVyAAAAAAATAAAAAAAAAAluZXdfYWRtaW4AAAAAAAATAAAAAAAAABFsaXZlX3VudGlsX2xlZGdlcgAAAAAAAAQAAAABAAAD6QAAAAIAAAfQAAAAEFJldmVudWVQb29sRXJyb3I=",
        "AAAAAAAAARRUaGUgYWRtaW4gcGF5cyBgYW1vdW50YCBVU0RDIHRvIGB0b2AuCgojIEF1dGhvcml6YXRpb24KYGNhbGxlcmAsIHdoaWNoIG11c3QgYmUgdGhlIGFkbWluLgoKIyBFcnJvcnMKW2BSZXZlbnVlUG9vbEVycm9yOjpOb3RBZG1pbmBdLCBbYFJldmVudWVQb29sRXJyb3I6OkludmFsaWRBbW91bnRgXSwgW2BSZXZlbnVlUG9vbEVycm9yOjpJbnZhbGlkUmVjaXBpZW50YF0sIFtgUmV2ZW51ZVBvb2xFcnJvcjo6SW5zdWZmaWNpZW50QmFsYW5jZWBdLgoKIyBFdmVudHMKYGRpc3RyaWJ1dGVkYC4AAAAKZGlzdHJpYnV0ZQAAAAAAAwAAAAAAAAAGY2FsbGVyAAAAAAATAAAAAAAAAAJ0bwAAAAAAEwAAAAAAAAAGYW1vdW50AAAAAAALAAAAAQAAA+kAAAACAAAH0AAAABBSZXZlbnVlUG9vbEVycm9y",
        "AAAAAAAAAQxUaGUgcHJvcG9zZWQgYWRtaW4gYWNjZXB0cyBhbmQgYmVjb21lcyB0aGUgYWRtaW4uCgojIEF1dGhvcml6YXRpb24KYGNhbGxlcmAsIHdoaWNoIG11c3QgYmUgdGhlIHByb3Bvc2VkIGFkbWluLgoKIyBFcnJvcnMKW2BSZXZlbnVlUG9vbEVycm9yOjpOb1BlbmRpbmdBZG1pbmBdLCBbYFJldmVudWVQb29sRXJyb3I6Ok5vdFBlbmRpbmdBZG1pbmBdLCBbYFJldmVudWVQb29sRXJyb3I6OlBlbmRpbmdBZG1pbkV4cGlyZWRgXS4KCiMgRXZlbnRzCmBhZG1pbl9hY2NlcHRlZGAuAAAADGFjY2VwdF9hZG1pbgAAAAEAAAAAAAAABmNhbGxlcgAAAAAAEwAAAAEAAAPpAAAAAgAAB9AAAAAQUmV2ZW51ZVBvb2xFcnJvcg==",
        "AAAAAAAAAHlDcmVhdGVzIHRoZSBwb29sICh0aGUgcGxheWJvb2sncyBgaW5pdGApLgoKIyBBdXRob3JpemF0aW9uCk5vbmUgKHJ1bnMgb25jZSwgYXQgZGVwbG95bWVudCkuCgojIEV2ZW50cwpgcG9vbF9pbml0aWFsaXplZGAuAAAAAAAADV9fY29uc3RydWN0b3IAAAAAAAACAAAAAAAAAAVhZG1pbgAAAAAAABMAAAAAAAAACnVzZGNfdG9rZW4AAAAAABMAAAAA",
        "AAAAAAAAAC9UaGUgVVNEQyB0b2tlbi4KCiMgQXV0aG9yaXphdGlvbgpOb25lIChhIHZpZXcpLgAAAAAOZ2V0X3VzZGNfdG9rZW4AAAAAAAAAAAABAAAAEw==",
        "AAAAAAAAAEJTY2hlbWEgdmVyc2lvbiBvZiB0aGUgc3RvcmVkIGRhdGEuCgojIEF1dGhvcml6YXRpb24KTm9uZSAoYSB2aWV3KS4AAAAAAA5zY2hlbWFfdmVyc2lvbgAAAAAAAAAAAAEAAAAE",
        "AAAAAAAAAZdUaGUgYWRtaW4gcGF5cyBldmVyeSBwYXltZW50LCBhdG9taWNhbGx5ICgxLi49YE1BWF9CQVRDSF9ESVNUUklCVVRFYCkuCgojIEF1dGhvcml6YXRpb24KYGNhbGxlcmAsIHdoaWNoIG11c3QgYmUgdGhlIGFkbWluLgoKIyBFcnJvcnMKW2BSZXZlbnVlUG9vbEVycm9yOjpOb3RBZG1pbmBdLCBbYFJldmVudWVQb29sRXJyb3I6OkludmFsaWRCYXRjaFNpemVgXSwgW2BSZXZlbnVlUG9vbEVycm9yOjpJbnZhbGlkQW1vdW50YF0sIFtgUmV2ZW51ZVBvb2xFcnJvcjo6SW52YWxpZFJlY2lwaWVudGBdLApbYFJldmVudWVQb29sRXJyb3I6Ok92ZXJmbG93YF0sIFtgUmV2ZW51ZVBvb2xFcnJvcjo6SW5zdWZmaWNpZW50QmFsYW5jZWBdLgoKIyBFdmVudHMKT25lIGBkaXN0cmlidXRlZGAgcGVyIHBheW1lbnQsIGluIG9yZGVyLgAAAAAQYmF0Y2hfZGlzdHJpYnV0ZQAAAAIAAAAAAAAABmNhbGxlcgAAAAAAEwAAAAAAAAAIcGF5bWVudHMAAAPqAAAH0AAAAAdQYXltZW50AAAAAAEAAAPpAAAAAgAAB9AAAAAQUmV2ZW51ZVBvb2xFcnJvcg==",
        "AAAAAAAAAE9UaGUgYWRtaW4gcHJvcG9zYWwgYXdhaXRpbmcgYWNjZXB0YW5jZSwgaWYgYW55LgoKIyBBdXRob3JpemF0aW9uCk5vbmUgKGEgdmlldykuAAAAABFnZXRfcGVuZGluZ19hZG1pbgAAAAAAAAAAAAABAAAD6AAAB9AAAAAMUGVuZGluZ0FkbWlu",
        "AAAABAAAAFZFdmVyeSB3YXkgYSByZXZlbnVlLXBvb2wgY2FsbCBjYW4gZmFpbC4gQ29kZXMgMjAw4oCTMjk5IChzZWUKYGNhbGxvcmFfdHlwZXM6OmVycm9yc2ApLgAAAAAAAAAAABBSZXZlbnVlUG9vbEVycm9yAAAACwAAAB5BbiBhbW91bnQgaXMgemVybyBvciBuZWdhdGl2ZS4AAAAAAA1JbnZhbGlkQW1vdW50AAAAAAAAyAAAAClBIHBheW91dCBleGNlZWRzIHRoZSBVU0RDIHRoZSBwb29sIGhvbGRzLgAAAAAAABNJbnN1ZmZpY2llbnRCYWxhbmNlAAAAAMkAAAA3QSBiYXRjaCBpcyBlbXB0eSBvciBsb25nZXIgdGhhbiBgTUFYX0JBVENIX0RJU1RSSUJVVEVgLgAAAAAQSW52YWxpZEJhdGNoU2l6ZQAAAMoAAAAcQSBwYXlvdXQgdG8gdGhlIHBvb2wgaXRzZWxmLgAAABBJbnZhbGlkUmVjaXBpZW50AAAAywAAAB5BIGJhdGNoIHRvdGFsIG92ZXJmbG93ZWQgaTEyOC4AAAAAAAhPdmVyZmxvdwAAAMwAAAAcVGhlIGNhbGxlciBpcyBub3QgdGhlIGFkbWluLgAAAAhOb3RBZG1pbgAAAPoAAAA5YGFjY2VwdF9hZG1pbmAgKG9yIGEgY2FuY2VsbGF0aW9uKSB3aXRoIG5vIHByb3Bvc2FsIG9wZW4uAAAAAAAADk5vUGVuZGluZ0FkbWluAAAAAAD7AAAAG1RoZSBhZG1pbiBwcm9wb3NhbCBleHBpcmVkLgAAAAATUGVuZGluZ0FkbWluRXhwaXJlZAAAAAD8AAAAO2BhY2NlcHRfYWRtaW5gIGJ5IGFuIGFkZHJlc3Mgb3RoZXIgdGhhbiB0aGUgcHJvcG9zZWQgYWRtaW4uAAAAAA9Ob3RQZW5kaW5nQWRtaW4AAAAA/QAAAD5gbGl2ZV91bnRpbF9sZWRnZXJgIGlzIGluIHRoZSBwYXN0IG9yIG1vcmUgdGhhbiAzMCBkYXlzIGFoZWFkLgAAAAAADUludmFsaWRFeHBpcnkAAAAAAAD+AAAANGBtaWdyYXRlYCB3aGVuIHRoZSBzdG9yZWQgc2NoZW1hIGlzIGFscmVhZHkgY3VycmVudC4AAAAPQWxyZWFkeU1pZ3JhdGVkAAAAAP8=",
        "AAAABQAAAE1UaGUgYWRtaW4gcGFpZCBgYW1vdW50YCBVU0RDIHRvIGB0b2A7IGBiYWxhbmNlYCBpcyB3aGF0IHRoZSBwb29sIGhvbGRzIGFmdGVyLgAAAAAAAAAAAAALRGlzdHJpYnV0ZWQAAAAAAQAAAAtkaXN0cmlidXRlZAAAAAADAAAAAAAAAAJ0bwAAAAAAEwAAAAEAAAAAAAAABmFtb3VudAAAAAAACwAAAAAAAAAAAAAAB2JhbGFuY2UAAAAACwAAAAAAAAAC",
        "AAAABQAAACpUaGUgcG9vbCB3YXMgY29uc3RydWN0ZWQgKGNvZGUgdmVyc2lvbiAzKS4AAAAAAAAAAAAPUG9vbEluaXRpYWxpemVkAAAAAAEAAAAQcG9vbF9pbml0aWFsaXplZAAAAAIAAAAAAAAABWFkbWluAAAAAAAAEwAAAAEAAAAAAAAACnVzZGNfdG9rZW4AAAAAABMAAAAAAAAAAg==",
        "AAAAAQAAAF1PbmUgcGF5bWVudCBpbiBhIGBiYXRjaF9kaXN0cmlidXRlYCAocmV2ZW51ZSBwb29sKSBvciBhbiBgaW1wb3J0X2JhbGFuY2VzYAooc2V0dGxlbWVudCkgY2FsbC4AAAAAAAAAAAAAB1BheW1lbnQAAAAAAgAAAAAAAAAGYW1vdW50AAAAAAALAAAAAAAAAAJ0bwAAAAAAEw==",
        "AAAAAQAAAGVBbiBhZG1pbiBoYW5kb3ZlciBpbiBwcm9ncmVzczogYGFkZHJlc3NgIG1heSBhY2NlcHQgdW50aWwgKGFuZCBpbmNsdWRpbmcpCmxlZGdlciBgbGl2ZV91bnRpbF9sZWRnZXJgLgAAAAAAAAAAAAAMUGVuZGluZ0FkbWluAAAAAgAAAAAAAAAHYWRkcmVzcwAAAAATAAAAAAAAABFsaXZlX3VudGlsX2xlZGdlcgAAAAAAAAQ=",
        "AAAABQAAADxTdG9yZWQgZGF0YSB3YXMgbWlncmF0ZWQgZnJvbSBzY2hlbWEgdmVyc2lvbiBgZnJvbWAgdG8gYHRvYC4AAAAAAAAACE1pZ3JhdGVkAAAAAQAAAAhtaWdyYXRlZAAAAAIAAAAAAAAABGZyb20AAAAEAAAAAAAAAAAAAAACdG8AAAAAAAQAAAAAAAAAAg==",
        "AAAABQAAAKpUaGUgY29udHJhY3QncyBjb2RlIHdhcyByZXBsYWNlZCBieSBgbmV3X3dhc21faGFzaGA7IGBmcm9tX3ZlcnNpb25gIGlzIHRoZQpjb2RlIHZlcnNpb24gKGB2ZXJzaW9uKClgKSB0aGF0IHJhbiB0aGUgdXBncmFkZS4gSW5kZXhlcnMgcGluIGEgZGVjb2RlcgpjdXQtb3ZlciBvbiB0aGlzIGV2ZW50LgAAAAAAAAAAAAhVcGdyYWRlZAAAAAEAAAAIdXBncmFkZWQAAAACAAAAAAAAAA1uZXdfd2FzbV9oYXNoAAAAAAAD7gAAACAAAAAAAAAAAAAAAAxmcm9tX3ZlcnNpb24AAAAEAAAAAAAAAAI=",
        "AAAABQAAADRgYWRtaW5gIGFjY2VwdGVkIHRoZSBoYW5kb3ZlciBmcm9tIGBwcmV2aW91c19hZG1pbmAuAAAAAAAAAA1BZG1pbkFjY2VwdGVkAAAAAAAAAQAAAA5hZG1pbl9hY2NlcHRlZAAAAAAAAgAAAAAAAAAFYWRtaW4AAAAAAAATAAAAAQAAAAAAAAAOcHJldmlvdXNfYWRtaW4AAAAAABMAAAAAAAAAAg==",
        "AAAABQAAAIpUaGUgYWRtaW4gcHJvcG9zZWQgYHBlbmRpbmdfYWRtaW5gIGFzIHRoZSBuZXh0IGFkbWluLCBhY2NlcHRhYmxlIHRocm91Z2gKbGVkZ2VyIGBsaXZlX3VudGlsX2xlZGdlcmAgKDAgPSB0aGUgb3BlbiBwcm9wb3NhbCB3YXMgY2FuY2VsbGVkKS4AAAAAAAAAAAANQWRtaW5Qcm9wb3NlZAAAAAAAAAEAAAAOYWRtaW5fcHJvcG9zZWQAAAAAAAMAAAAAAAAABWFkbWluAAAAAAAAEwAAAAEAAAAAAAAADXBlbmRpbmdfYWRtaW4AAAAAAAATAAAAAAAAAAAAAAARbGl2ZV91bnRpbF9sZWRnZXIAAAAAAAAEAAAAAAAAAAI=" ]),
      options
    )
  }
  public readonly fromJSON = {
    balance: this.txFromJSON<i128>,
        migrate: this.txFromJSON<Result<void>>,
        upgrade: this.txFromJSON<Result<void>>,
        version: this.txFromJSON<u32>,
        get_admin: this.txFromJSON<string>,
        set_admin: this.txFromJSON<Result<void>>,
        distribute: this.txFromJSON<Result<void>>,
        accept_admin: this.txFromJSON<Result<void>>,
        get_usdc_token: this.txFromJSON<string>,
        schema_version: this.txFromJSON<u32>,
        batch_distribute: this.txFromJSON<Result<void>>,
        get_pending_admin: this.txFromJSON<Option<PendingAdmin>>
  }
}