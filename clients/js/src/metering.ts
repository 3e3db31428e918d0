// The backend's metering client: builds `deduct` / `batch_deduct` with a
// `valid_until_ledger`, maps every vault error code to a typed error and
// implements the retry protocol of docs/vault.md ("Idempotency and the
// backend's retry protocol"). The decision logic is pure and tested
// offline; `liveVaultIo` runs it against a real RPC with the generated
// bindings (needs a network, a funded signer and a deployed vault).
import { rpc, type xdr } from "@stellar/stellar-sdk";
import { Client as VaultClient, VaultError as VAULT_ERRORS } from "../bindings/vault/src/index.js";
import { LIMITS } from "./registry.generated.js";

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

export interface BatchCall {
  items: { requestId: string; amount: bigint; developer: string | null }[];
  validUntilLedger: number;
}

function checkId(id: string): void {
  const n = Buffer.byteLength(id, "utf8");
  if (n < 1 || n > MAX_REQUEST_ID_BYTES) throw new RangeError(`request id must be 1..${MAX_REQUEST_ID_BYTES} bytes, got ${n}`);
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

export function planBatch(p: { items: BatchCall["items"]; latestLedger: number; validity?: number }): BatchCall {
  if (p.items.length === 0) throw new RangeError("a batch needs at least one item");
  const seen = new Set<string>();
  for (const i of p.items) {
    checkId(i.requestId);
    if (seen.has(i.requestId)) throw new RangeError(`request id ${i.requestId} twice in one batch (DuplicateRequest)`);
    seen.add(i.requestId);
    if (i.amount <= 0n) throw new RangeError("amounts must be positive");
  }
  return { items: p.items.map((i) => ({ ...i })), validUntilLedger: validUntil(p.latestLedger, p.validity) };
}

/** The bindings' `deduct` arguments. */
export function deductArgs(caller: string, c: DeductCall) {
  return { caller, amount: c.amount, request_id: c.requestId, developer: c.developer ?? undefined, valid_until_ledger: c.validUntilLedger };
}

/** The bindings' `batch_deduct` arguments. */
export function batchArgs(caller: string, c: BatchCall) {
  return {
    caller,
    items: c.items.map((i) => ({ amount: i.amount, request_id: i.requestId, developer: i.developer ?? undefined })),
    valid_until_ledger: c.validUntilLedger,
  };
}

/** Encodes the arguments with a spec (the bindings' or the WASM's). */
export function encodeDeduct(spec: { funcArgsToScVals(name: string, args: object): xdr.ScVal[] }, caller: string, c: DeductCall): xdr.ScVal[] {
  return spec.funcArgsToScVals("deduct", deductArgs(caller, c));
}
export function encodeBatch(spec: { funcArgsToScVals(name: string, args: object): xdr.ScVal[] }, caller: string, c: BatchCall): xdr.ScVal[] {
  return spec.funcArgsToScVals("batch_deduct", batchArgs(caller, c));
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
  const firstId = "requestId" in call ? call.requestId : call.items[0].requestId;
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
        return (await io.isProcessed(firstId))
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
        const tx = "requestId" in call ? await client.deduct(deductArgs(caller, call)) : await client.batch_deduct(batchArgs(caller, call));
        const sent = await tx.signAndSend();
        const result = sent.result;
        return result.isOk() ? { kind: "ok" } : classify(result.unwrapErr());
      } catch (e) {
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
