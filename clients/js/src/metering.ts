// The backend's metering client: builds `deduct` / `batch_deduct` with a
// `valid_until_ledger`, maps every vault error code to a typed error and
// implements the retry protocol of docs/vault.md ("Idempotency and the
// backend's retry protocol"). The decision logic is pure and tested
// offline; `liveVaultIo` runs it against a real RPC with the generated
// bindings (needs a network, a funded signer and a deployed vault).
import { Address, hash, rpc, xdr } from "@stellar/stellar-sdk";
import { Client as VaultClient, VaultError as VAULT_ERRORS } from "../bindings/vault/src/index.js";
import { LIMITS } from "./registry.generated.js";
import { batchItems, type BatchColumns } from "./records.js";

/** Furthest ahead a `valid_until_ledger` may be (vault `MAX_REQUEST_VALIDITY`, 1 hour). */
export const MAX_REQUEST_VALIDITY: number = LIMITS.MAX_REQUEST_VALIDITY;
/** The protocol's suggested validity: about five minutes. */
export const DEFAULT_VALIDITY = 60;
/** How long a charged id is kept (vault `REQUEST_ID_TTL`, 1 day). */
export const REQUEST_ID_TTL: number = LIMITS.REQUEST_ID_TTL;
/** `is_request_processed` is definitive for this many ledgers after `valid_until_ledger`. */
export const SETTLE_WINDOW = REQUEST_ID_TTL - MAX_REQUEST_VALIDITY;
/** Longest request id, in bytes. */
export const MAX_REQUEST_ID_BYTES: number = LIMITS.MAX_REQUEST_ID_LEN;
/** Most calls in one `batch_deduct` (the admin's `max_batch` may be lower). */
export const MAX_BATCH_DEDUCT: number = LIMITS.MAX_BATCH_DEDUCT;
/** Most distinct named developers one `batch_deduct` credits (the pool aside). */
export const MAX_BATCH_DEVELOPERS: number = LIMITS.MAX_BATCH_DEVELOPERS;

/** Vault error codes, from the generated bindings (the WASM's spec). */
export type VaultErrorCode = keyof typeof VAULT_ERRORS;
export type VaultErrorName = (typeof VAULT_ERRORS)[VaultErrorCode]["message"];

export const VAULT_ERROR_NAMES: Readonly<Record<number, VaultErrorName>> = Object.fromEntries(
  Object.entries(VAULT_ERRORS).map(([code, e]) => [Number(code), e.message as VaultErrorName]),
);
const CODE_BY_NAME = new Map<string, number>(
  Object.entries(VAULT_ERRORS).map(([code, e]) => [e.message, Number(code)]),
);

/** A vault call refused with a contract error. */
export class VaultContractError extends Error {
  constructor(
    readonly code: number,
    readonly errorName: VaultErrorName,
  ) {
    super(`vault error ${code} ${errorName}`);
    this.name = "VaultContractError";
  }
}
/** 107: the request id was already charged — on a resend, success ("already charged"). */
export class DuplicateRequestError extends VaultContractError {}
/** 120: `valid_until_ledger` has passed — settle with `is_request_processed`. */
export class RequestExpiredError extends VaultContractError {}
/** 122: the owner's spend limit for the window would be exceeded. */
export class SpendLimitExceededError extends VaultContractError {}
/** 103: the tracked balance is too low. */
export class InsufficientBalanceError extends VaultContractError {}

const SPECIAL: Partial<Record<VaultErrorName, typeof VaultContractError>> = {
  DuplicateRequest: DuplicateRequestError,
  RequestExpired: RequestExpiredError,
  SpendLimitExceeded: SpendLimitExceededError,
  InsufficientBalance: InsufficientBalanceError,
};

/** The typed error of a vault error code (throws on a code the vault does not have). */
export function vaultError(code: number): VaultContractError {
  const name = VAULT_ERROR_NAMES[code];
  if (!name) throw new Error(`not a vault error code: ${code}`);
  const Kind = SPECIAL[name] ?? VaultContractError;
  return new Kind(code, name);
}

/**
 * The vault error in whatever a failed call produced: a code, the host's
 * `Error(Contract, #107)` text (simulation and transaction results), the
 * bindings' `{ message: "DuplicateRequest" }`, or an Error carrying one of
 * those. Null when it is not a vault contract error (network, time-out, …).
 */
export function parseVaultError(err: unknown): VaultContractError | null {
  if (err instanceof VaultContractError) return err;
  if (typeof err === "number") return VAULT_ERROR_NAMES[err] ? vaultError(err) : null;
  if (err && typeof err === "object") {
    const o = err as { code?: unknown; message?: unknown; error?: unknown };
    if (typeof o.code === "number" && VAULT_ERROR_NAMES[o.code]) return vaultError(o.code);
    if (o.error !== undefined && o.error !== err) {
      const inner = parseVaultError(o.error);
      if (inner) return inner;
    }
    if (typeof o.message === "string") return parseVaultError(o.message);
    return null;
  }
  if (typeof err === "string") {
    const m = /Error\(Contract, #(\d+)\)/.exec(err);
    if (m) return VAULT_ERROR_NAMES[Number(m[1])] ? vaultError(Number(m[1])) : null;
    const byName = CODE_BY_NAME.get(err.trim());
    return byName === undefined ? null : vaultError(byName);
  }
  return null;
}

/** One metered API call, fixed before the first send (protocol step 1). */
export interface DeductCall {
  requestId: string;
  amount: bigint;
  /** The credited developer; null = the pool. */
  developer: string | null;
  validUntilLedger: number;
}

/** One API call of a batch, as a backend meters it (a row of `DeductBatch`). */
export interface MeteredCall {
  /** The call's id: unique within its batch, carried to the `batch_deduct` event, not recorded by the vault. */
  requestId: string;
  amount: bigint;
  /** The credited developer; null = the pool. */
  developer: string | null;
}

/**
 * The vault's `DeductBatch` argument: the calls by column. Call `i` charges
 * `amounts[i]` for `request_ids[i]` and credits
 * `developers[developer_index[i]]` (null: the settlement's pool); each
 * credited destination is listed once. The `batch_deduct` event carries the
 * same columns.
 */
export type DeductBatch = BatchColumns;

/** One `batch_deduct`, fixed before the first send (protocol step 1). */
export interface BatchCall {
  /** The batch's id: its idempotency key (`is_request_processed`, the same id space as a deduct's). */
  requestId: string;
  batch: DeductBatch;
  validUntilLedger: number;
}

function checkId(id: string, what = "request id"): void {
  const n = Buffer.byteLength(id, "utf8");
  if (n < 1 || n > MAX_REQUEST_ID_BYTES) throw new RangeError(`${what} must be 1..${MAX_REQUEST_ID_BYTES} bytes, got ${n}`);
}

/** The `valid_until_ledger` for a call sent now: latest ledger + `validity` (≤ 720). */
export function validUntil(latestLedger: number, validity = DEFAULT_VALIDITY): number {
  if (!Number.isInteger(validity) || validity < 0 || validity > MAX_REQUEST_VALIDITY) {
    throw new RangeError(`validity must be 0..${MAX_REQUEST_VALIDITY} ledgers, got ${validity}`);
  }
  return latestLedger + validity;
}

export function planDeduct(p: { requestId: string; amount: bigint; developer?: string | null; latestLedger: number; validity?: number }): DeductCall {
  checkId(p.requestId);
  if (p.amount <= 0n) throw new RangeError("amount must be positive");
  return { requestId: p.requestId, amount: p.amount, developer: p.developer ?? null, validUntilLedger: validUntil(p.latestLedger, p.validity) };
}

/**
 * The columns of `calls`, as the vault takes them: each credited
 * destination listed once, in order of first appearance.
 */
export function columns(calls: readonly MeteredCall[]): DeductBatch {
  const batch: DeductBatch = { request_ids: [], amounts: [], developer_index: [], developers: [] };
  for (const c of calls) {
    let index = batch.developers.indexOf(c.developer);
    if (index < 0) index = batch.developers.push(c.developer) - 1;
    batch.request_ids.push(c.requestId);
    batch.amounts.push(c.amount);
    batch.developer_index.push(index);
  }
  return batch;
}

/** The rows of a `DeductBatch` (throws when its columns disagree: `InvalidBatch`). */
export function rows(batch: DeductBatch): MeteredCall[] {
  return batchItems(batch, (why) => new RangeError(`${why} (InvalidBatch)`)).map((c) => ({
    requestId: c.request_id,
    amount: c.amount,
    developer: c.developer,
  }));
}

/**
 * Plans one `batch_deduct` under the batch id `requestId` (what
 * `is_request_processed` answers for; the calls' own ids are not recorded).
 * Refuses offline what the vault would refuse: an invalid id, no calls or
 * more than `MAX_BATCH_DEDUCT` (the admin's `max_batch` may be lower), a
 * call id listed twice (`DuplicateRequest`), a non-positive amount, more
 * than `MAX_BATCH_DEVELOPERS` distinct named developers.
 */
export function planBatch(p: { requestId: string; calls: readonly MeteredCall[]; latestLedger: number; validity?: number }): BatchCall {
  checkId(p.requestId, "batch request id");
  if (p.calls.length === 0) throw new RangeError("a batch needs at least one call");
  if (p.calls.length > MAX_BATCH_DEDUCT) throw new RangeError(`a batch has at most ${MAX_BATCH_DEDUCT} calls, got ${p.calls.length} (InvalidBatchSize)`);
  const seen = new Set<string>();
  for (const c of p.calls) {
    checkId(c.requestId, "call request id");
    if (seen.has(c.requestId)) throw new RangeError(`call id ${c.requestId} twice in one batch (DuplicateRequest)`);
    seen.add(c.requestId);
    if (c.amount <= 0n) throw new RangeError("amounts must be positive");
  }
  const batch = columns(p.calls);
  const named = batch.developers.filter((d) => d !== null).length;
  if (named > MAX_BATCH_DEVELOPERS) throw new RangeError(`a batch credits at most ${MAX_BATCH_DEVELOPERS} developers, got ${named} (TooManyDevelopers)`);
  return { requestId: p.requestId, batch, validUntilLedger: validUntil(p.latestLedger, p.validity) };
}

/** The bindings' `deduct` arguments. */
export function deductArgs(caller: string, c: DeductCall) {
  return { caller, amount: c.amount, request_id: c.requestId, developer: c.developer ?? undefined, valid_until_ledger: c.validUntilLedger };
}

/** The bindings' `DeductBatch` (an absent `Option` is `undefined` there). */
function bindingsBatch(b: DeductBatch) {
  return {
    request_ids: [...b.request_ids],
    amounts: [...b.amounts],
    developer_index: [...b.developer_index],
    developers: b.developers.map((d) => d ?? undefined),
  };
}

/** The bindings' `batch_deduct` arguments. */
export function batchArgs(caller: string, c: BatchCall) {
  return { caller, request_id: c.requestId, batch: bindingsBatch(c.batch), valid_until_ledger: c.validUntilLedger };
}

/** A contract spec (the bindings' `client.spec` or `contract.Spec.fromWasm`). */
export interface ArgsSpec {
  funcArgsToScVals(name: string, args: object): xdr.ScVal[];
}

/** Encodes the arguments with a spec (the bindings' or the WASM's). */
export function encodeDeduct(spec: ArgsSpec, caller: string, c: DeductCall): xdr.ScVal[] {
  return spec.funcArgsToScVals("deduct", deductArgs(caller, c));
}
export function encodeBatch(spec: ArgsSpec, caller: string, c: BatchCall): xdr.ScVal[] {
  return spec.funcArgsToScVals("batch_deduct", batchArgs(caller, c));
}

// Any address: `caller` is encoded by funcArgsToScVals but is not part of the digest.
const NO_CALLER = "GAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAWHF";

/**
 * The one argument the backend authorizes `batch_deduct` over: `sha256` of
 * the XDR of the `ScVal::Vec` `[request_id, batch, valid_until_ledger]`,
 * each element as the spec encodes that argument (the vault's
 * `require_authorized_caller_for_batch`).
 */
export function batchDigest(spec: ArgsSpec, requestId: string, batch: DeductBatch, validUntilLedger: number): Buffer {
  const args = spec.funcArgsToScVals("batch_deduct", {
    caller: NO_CALLER,
    request_id: requestId,
    batch: bindingsBatch(batch),
    valid_until_ledger: validUntilLedger,
  });
  if (args.length !== 4) throw new Error(`batch_deduct takes ${args.length} arguments in this spec, expected 4`);
  return Buffer.from(hash(Buffer.from(xdr.ScVal.scvVec(args.slice(1)).toXDR())));
}

/** The digest of a planned batch (see `batchDigest`). */
export function batchCallDigest(spec: ArgsSpec, c: BatchCall): Buffer {
  return batchDigest(spec, c.requestId, c.batch, c.validUntilLedger);
}

/** A simulated `batch_deduct` asks the backend to authorize something other than the batch it built. */
export class BatchAuthMismatchError extends Error {
  constructor(detail: string) {
    super(`batch_deduct authorization does not match the batch: ${detail}`);
    this.name = "BatchAuthMismatchError";
  }
}

/**
 * Checks the authorization entries a simulation recorded before the
 * backend signs them: exactly one entry invokes `batch_deduct`, on
 * `vault`, over exactly one argument, the 32-byte `digest` the backend
 * computed itself (`batchDigest`), and authorizes nothing below it.
 * Throws a BatchAuthMismatchError otherwise.
 */
export function checkBatchAuth(entries: readonly xdr.SorobanAuthorizationEntry[], expect: { vault: string; digest: Uint8Array }): void {
  const want = xdr.ScVal.scvBytes(Buffer.from(expect.digest)).toXDR("base64");
  const batches = entries.filter((e) => {
    const f = e.rootInvocation.function;
    return f.type === "sorobanAuthorizedFunctionTypeContractFn" && String(f.contractFn.functionName) === "batch_deduct";
  });
  if (batches.length !== 1) throw new BatchAuthMismatchError(`${batches.length} entries authorize batch_deduct, expected 1`);
  const inv = batches[0].rootInvocation;
  const f = inv.function;
  if (f.type !== "sorobanAuthorizedFunctionTypeContractFn") throw new BatchAuthMismatchError("not a contract call");
  const contract = Address.fromScAddress(f.contractFn.contractAddress).toString();
  if (contract !== expect.vault) throw new BatchAuthMismatchError(`contract ${contract}, expected the vault ${expect.vault}`);
  const args = f.contractFn.args;
  if (args.length !== 1) throw new BatchAuthMismatchError(`${args.length} arguments, expected 1 (the digest)`);
  if (args[0].toXDR("base64") !== want) {
    throw new BatchAuthMismatchError(`argument ${args[0].toXDR("base64")}, expected the digest ${Buffer.from(expect.digest).toString("hex")}`);
  }
  if (inv.subInvocations.length !== 0) throw new BatchAuthMismatchError(`${inv.subInvocations.length} sub-invocations, expected none`);
}

// ---------------------------------------------------------------- retry

/** What one send produced. */
export type SendOutcome =
  | { kind: "ok" }
  | { kind: "error"; error: VaultContractError }
  /** A time-out, a dropped connection, a pending transaction never seen: charged or not, unknown. */
  | { kind: "unknown" };

export type Decision =
  /** Charged by this send. */
  | { action: "charged" }
  /** DuplicateRequest: charged by an earlier send — success, never charge again. */
  | { action: "already_charged" }
  /** Outcome unknown and still valid: resend the identical call. */
  | { action: "resend" }
  /** Past `valid_until_ledger`: ask `is_request_processed` (true = charged, false = never will be). */
  | { action: "check_processed" }
  /** Refused now, but an earlier send may still land: after `afterLedger`, ask `is_request_processed`. */
  | { action: "wait_then_check"; afterLedger: number }
  /** Refused and no earlier send is outstanding: not charged (charge again only under a new id). */
  | { action: "not_charged"; error: VaultContractError };

/**
 * The protocol's decision table. `earlierUnknown`: an earlier send of this
 * same call had an unknown outcome (so it may still land until
 * `validUntilLedger`).
 */
export function decide(outcome: SendOutcome, ctx: { latestLedger: number; validUntilLedger: number; earlierUnknown: boolean }): Decision {
  switch (outcome.kind) {
    case "ok":
      return { action: "charged" };
    case "unknown":
      return ctx.latestLedger <= ctx.validUntilLedger ? { action: "resend" } : { action: "check_processed" };
    case "error": {
      const e = outcome.error;
      if (e instanceof DuplicateRequestError) return { action: "already_charged" };
      if (e instanceof RequestExpiredError) return { action: "check_processed" };
      if (ctx.earlierUnknown) {
        return ctx.latestLedger > ctx.validUntilLedger
          ? { action: "check_processed" }
          : { action: "wait_then_check", afterLedger: ctx.validUntilLedger };
      }
      return { action: "not_charged", error: e };
    }
  }
}

/** What the protocol needs from the network. */
export interface VaultIo {
  send(call: DeductCall | BatchCall): Promise<SendOutcome>;
  isProcessed(requestId: string): Promise<boolean>;
  latestLedger(): Promise<number>;
  /** Resolves once the latest ledger is greater than `ledger`. */
  waitPastLedger(ledger: number): Promise<void>;
}

export type Settlement =
  | { charged: true; via: "ok" | "duplicate" | "processed" }
  | { charged: false; via: "expired" | "refused"; error?: VaultContractError };

/**
 * Runs one call to a definitive answer (protocol steps 2–3): resends the
 * identical call while the outcome is unknown, treats DuplicateRequest as
 * charged, settles expired or doubtful calls with `is_request_processed`.
 */
export async function settle(io: VaultIo, call: DeductCall | BatchCall, maxSends = 20): Promise<Settlement> {
  let earlierUnknown = false;
  for (let sends = 0; ; sends++) {
    const outcome: SendOutcome = sends < maxSends ? await io.send(call) : { kind: "unknown" };
    const latestLedger = await io.latestLedger();
    let d = decide(outcome, { latestLedger, validUntilLedger: call.validUntilLedger, earlierUnknown });
    if (d.action === "resend" && sends + 1 >= maxSends) {
      await io.waitPastLedger(call.validUntilLedger);
      d = { action: "check_processed" };
    }
    switch (d.action) {
      case "charged":
        return { charged: true, via: "ok" };
      case "already_charged":
        return { charged: true, via: "duplicate" };
      case "resend":
        earlierUnknown = true;
        continue;
      case "wait_then_check":
      case "check_processed":
        if (d.action === "wait_then_check") await io.waitPastLedger(d.afterLedger);
        return (await io.isProcessed(call.requestId))
          ? { charged: true, via: "processed" }
          : { charged: false, via: "expired" };
      case "not_charged":
        return { charged: false, via: "refused", error: d.error };
    }
  }
}

/**
 * A live VaultIo over the generated bindings (needs an RPC, the backend's
 * signing key in `client.options` and a deployed vault; not exercised by
 * the offline tests).
 */
export function liveVaultIo(client: VaultClient, caller: string, pollMs = 1_000): VaultIo {
  const server = new rpc.Server(client.options.rpcUrl, { allowHttp: client.options.allowHttp });
  const classify = (e: unknown): SendOutcome => {
    const err = parseVaultError(e);
    return err ? { kind: "error", error: err } : { kind: "unknown" };
  };
  return {
    async send(call) {
      try {
        let sent;
        if ("batch" in call) {
          const tx = await client.batch_deduct(batchArgs(caller, call));
          // Sign only the digest of the batch built here.
          checkBatchAuth(tx.simulationData.result.auth, { vault: client.options.contractId, digest: batchCallDigest(client.spec, call) });
          sent = await tx.signAndSend();
        } else {
          sent = await (await client.deduct(deductArgs(caller, call))).signAndSend();
        }
        const result = sent.result;
        return result.isOk() ? { kind: "ok" } : classify(result.unwrapErr());
      } catch (e) {
        // Nothing was signed: never resend, surface it.
        if (e instanceof BatchAuthMismatchError) throw e;
        return classify(e);
      }
    },
    async isProcessed(requestId) {
      const tx = await client.is_request_processed({ request_id: requestId });
      return tx.result;
    },
    async latestLedger() {
      return (await server.getLatestLedger()).sequence;
    },
    async waitPastLedger(ledger) {
      while ((await server.getLatestLedger()).sequence <= ledger) {
        await new Promise((r) => setTimeout(r, pollMs));
      }
    },
  };
}
